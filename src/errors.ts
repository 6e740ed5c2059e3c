// Errors the CLI reports, each with the AWS CLI's exit code and its way of printing.
import { pyStrip } from './py/str';

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

/** The first-pass parser's usage (--profile and --debug, read before anything else). */
export const FIRST_PASS_USAGE = 'usage: aws [--profile PROFILE] [--debug]\n';

/**
 * awscli/errorformat.py write_error: a newline, `aws: [ERROR]: ` and the message stripped (as Python's
 * str.strip() strips: the whole message, usage block included), a newline; an empty message leaves the
 * prefix alone.
 */
export function errorText(message: string): string {
  const m = pyStrip(message);
  return m ? `\naws: [ERROR]: ${m}\n` : '\naws: [ERROR]:\n';
}

/** Base class: `message` is what follows `aws: [ERROR]: `. */
export class CliError extends Error {
  constructor(message: string, public readonly rc: number = RC.GENERAL) {
    super(message);
  }
  /** The whole stderr text for this error, as the AWS CLI's write_error writes it. */
  render(): string {
    return errorText(this.message);
  }
}

/** Client-side parameter problems: `An error occurred (ParamValidation): …`, exit 252. */
export class ParamValidationError extends CliError {
  /**
   * `usage`: an argument parsing error, followed by its parser's usage (`true`: the main parser's usage
   * block; a string: another parser's, e.g. FIRST_PASS_USAGE).
   */
  constructor(message: string, readonly usage: boolean | string = false) {
    super(message, RC.PARAM);
  }
  get withUsage(): boolean {
    return this.usage !== false;
  }
  override render(): string {
    const usage = this.usage === true ? USAGE : this.usage;
    return errorText(`An error occurred (ParamValidation): ${this.message}${usage ? `\n\n${usage}` : ''}`);
  }
}

/** Arguments left over after every parser ran: the usage block first, then the error. */
export class UnknownArgumentError extends CliError {
  constructor(message: string) {
    super(message, RC.PARAM);
  }
  override render(): string {
    return `\n${USAGE}\n${errorText(this.message)}`;
  }
}

/** Configuration problems reported with a code: NoRegion, NoCredentials (exit 253). */
export class ConfigError extends CliError {
  constructor(public readonly code: string, message: string, rc: number = RC.CONFIG) {
    super(message, rc);
  }
  override render(): string {
    return errorText(`An error occurred (${this.code}): ${this.message}`);
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

