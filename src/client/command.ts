// The base of the generated Command classes: an operation name and its input, as in the SDK.
export type CommandInput = Record<string, unknown>;

export abstract class OperationCommand<Input extends CommandInput = CommandInput> {
  static readonly operationName: string;
  constructor(readonly input: Input) {}
  get operationName(): string {
    return (this.constructor as typeof OperationCommand).operationName;
  }
}
