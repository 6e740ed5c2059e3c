// Errors the CLI reports, each with the AWS CLI's exit code and its way of printing.

export const RC = {
  OK: 0,
  PARAM: 252,
  CONFIG: 253,
  SERVICE: 254,
  GENERAL: 255,
  INTERRUPTED: 130,
} as const;

export const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

/** Base class: `message` is what follows `aws: [ERROR]: `. */
export class CliError extends Error {
  constructor(message: string, public readonly rc: number = RC.GENERAL) {
    super(message);
  }
  /** The whole stderr text for this error (its message stripped, as the AWS CLI's write_error does). */
  render(): string {
    return `\naws: [ERROR]: ${this.message.trim()}\n`;
  }
}

/** Client-side parameter problems: `An error occurred (ParamValidation): …`, exit 252. */
export class ParamValidationError extends CliError {
  /** `withUsage`: the usage block follows (an argument parsing error). */
  constructor(message: string, readonly withUsage = false) {
    super(message, RC.PARAM);
  }
  override render(): string {
    const head = `\naws: [ERROR]: An error occurred (ParamValidation): ${this.message}`;
    return this.withUsage ? `${head}\n\n${USAGE}` : `${head}\n`;
  }
}

/** Arguments left over after every parser ran: the usage block first, then the error. */
export class UnknownArgumentError extends CliError {
  constructor(message: string) {
    super(message, RC.PARAM);
  }
  override render(): string {
    return `\n${USAGE}\n\naws: [ERROR]: ${this.message}\n`;
  }
}

/** Configuration problems reported with a code: NoRegion, NoCredentials (exit 253). */
export class ConfigError extends CliError {
  constructor(public readonly code: string, message: string, rc: number = RC.CONFIG) {
    super(message, rc);
  }
  override render(): string {
    return `\naws: [ERROR]: An error occurred (${this.code}): ${this.message}\n`;
  }
}

export class NoRegionError extends ConfigError {
  constructor() {
    super('NoRegion', 'You must specify a region. You can also configure your region by running "aws configure".');
  }
}

export class NoCredentialsError extends ConfigError {
  constructor() {
    super('NoCredentials', 'Unable to locate credentials. You can configure credentials by running "aws login".');
  }
}

/** A plain general error (exit 255 unless told otherwise). */
export class GeneralError extends CliError {}

