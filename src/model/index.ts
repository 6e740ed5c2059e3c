// Access to the service model: shapes, operations, CLI names. The model is data (generated from the
// reference service JSON); this module only reads it.
import { CLEANROOMSML_MODEL, OPERATION_CLI_NAMES } from './cleanroomsml.generated';
import type { Operation, Paginator, ServiceModel, Shape, ShapeRef } from './types';
import { xformName } from './xform';
import { own } from './own';

export { xformName } from './xform';
export { hasOwn, own } from './own';

export type { Operation, Paginator, ServiceModel, Shape, ShapeRef } from './types';

/** The AWS CLI service name (`aws <service> …`) for this model. */
export const SERVICE_CLI_NAME = 'cleanroomsml';

export const MODEL: ServiceModel = CLEANROOMSML_MODEL;

export function getShape(ref: ShapeRef | string, model: ServiceModel = MODEL): Shape {
  const name = typeof ref === 'string' ? ref : ref.shape;
  const s = own(model.shapes, name);
  if (!s) throw new Error(`unknown shape ${name}`);
  return s;
}

/**
 * The model's operations by CLI name, each read from the model when first asked for (a command
 * touches one; listing the names reads none).
 */
class OperationsByCliName implements ReadonlyMap<string, Operation> {
  constructor(private readonly model: ServiceModel, private readonly cliNames: Readonly<Record<string, string>>) {}
  /** The API name of a CLI name (a scan of the 59 names: a command looks up one). */
  private apiName(cli: string): string | undefined {
    for (const api in this.cliNames) if (this.cliNames[api] === cli) return api;
    return undefined;
  }
  get size(): number { return Object.keys(this.cliNames).length; }
  has(cli: string): boolean { return this.apiName(cli) !== undefined; }
  get(cli: string): Operation | undefined {
    const api = this.apiName(cli);
    return api === undefined ? undefined : own(this.model.operations, api);
  }
  *keys(): MapIterator<string> { for (const api in this.cliNames) yield this.cliNames[api]; }
  *values(): MapIterator<Operation> { for (const cli of this.keys()) yield this.get(cli)!; }
  *entries(): MapIterator<[string, Operation]> { for (const cli of this.keys()) yield [cli, this.get(cli)!]; }
  [Symbol.iterator](): MapIterator<[string, Operation]> { return this.entries(); }
  forEach(f: (op: Operation, cli: string, map: ReadonlyMap<string, Operation>) => void): void {
    for (const [cli, op] of this.entries()) f(op, cli, this);
  }
}

let opsByCli: ReadonlyMap<string, Operation> | undefined;

/** Operations keyed by their CLI name (`start-trained-model-inference-job`), in model order. */
export function operationsByCliName(model: ServiceModel = MODEL): ReadonlyMap<string, Operation> {
  if (model === MODEL) return (opsByCli ??= new OperationsByCliName(model, OPERATION_CLI_NAMES));
  const m = new Map<string, Operation>();
  for (const op of Object.values(model.operations)) m.set(xformName(op.name, '-'), op);
  return m;
}

export function paginatorFor(op: Operation, model: ServiceModel = MODEL): Paginator | undefined {
  return own(model.paginators, op.name);
}

/** A structure's member by its name (undefined for a name it does not have, whatever the name). */
export function memberRef(shape: Shape, name: string): ShapeRef | undefined {
  return own(shape.members, name);
}

/** The input structure of an operation (an empty structure when it has none). */
export function inputShape(op: Operation, model: ServiceModel = MODEL): Shape {
  return op.input ? getShape(op.input.shape, model) : { type: 'structure', members: {} };
}

export function outputShape(op: Operation, model: ServiceModel = MODEL): Shape | undefined {
  return op.output ? getShape(op.output.shape, model) : undefined;
}
