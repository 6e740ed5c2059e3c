// A service's error answer, as botocore parses it (code from the x-amzn-ErrorType header or the
// body's __type/code, message from `message` or `Message`, the error shape's modeled fields) and
// as the AWS CLI prints it in each --cli-error-format (exit 254); and the other errors the AWS CLI's
// error handler renders in those formats (NoRegion, NoCredentials, ParamValidation, Configuration).
import { CliError, ConfigError, errorText, ParamValidationError, RC, USAGE } from '../errors';
import { getShape, hasOwn, MODEL, own } from '../model';
import type { Operation } from '../model/types';
import type { PyDict, PyValue } from '../py/values';
import { errorCodeOf, parseErrorResponse } from './error-code';
import type { ErrorRenderContext, StructuredErrorLike } from '../output/errors';

export interface ErrorResponseLike {
  status: number;
  headers: Record<string, string>;
  body: string;
  attempts: number;
  maxAttemptsReached: boolean;
}

/**
 * An error the AWS CLI's handlers know by a code: {Code, Message} in the structured formats,
 * `An error occurred (Code): Message` in the enhanced one, the bare message in the legacy one.
 */
export class StructuredError extends CliError implements StructuredErrorLike {
  renderContext?: ErrorRenderContext;
  constructor(public readonly code: string, public readonly errorMessage: string, rc: number) {
    super(`An error occurred (${code}): ${errorMessage}`, rc);
  }
  errorInfo(): PyDict {
    return new Map<string, PyValue>([['Code', this.code], ['Message', this.errorMessage]]);
  }
  enhancedText(): string {
    return this.message;
  }
  legacyText(): string {
    return this.errorMessage;
  }
  extraDetails(): [string, PyValue][] {
    return [];
  }
  override render(): string {
    return errorText(this.message);
  }
}

/**
 * The same error as a StructuredError when it is one the AWS CLI renders in --cli-error-format: a
 * service error or another structured one as it is, a configuration error (NoRegion, NoCredentials,
 * Configuration: a code and exit 253), a parameter error, an argument error of the main parser or a
 * command's (with the usage block; the first-pass parser's errors come before the session and its
 * error format exist).
 */
export function asStructured(e: unknown): StructuredError | ServiceError | undefined {
  if (e instanceof StructuredError || e instanceof ServiceError) return e;
  if (e instanceof ConfigError && e.rc === RC.CONFIG) return new StructuredError(e.code, e.message, e.rc);
  if (e instanceof ParamValidationError && !e.withUsage) return new StructuredError('ParamValidation', e.message, e.rc);
  // An argument error of the main parser or a command's (ArgParseException): its message with the usage.
  if (e instanceof ParamValidationError && e.usage === true) return new StructuredError('ParamValidation', `${e.message}\n\n${USAGE}`, e.rc);
  return undefined;
}

export class ServiceError extends CliError implements StructuredErrorLike {
  renderContext?: ErrorRenderContext;
  constructor(
    public readonly code: string,
    public readonly errorMessage: string,
    public readonly operationName: string,
    /** Message and Code (in botocore's order), then the error shape's modeled members. */
    public readonly details: PyDict,
    public readonly retries: number | undefined,
  ) {
    super(`An error occurred (${code}) when calling the ${operationName} operation` +
      `${retries !== undefined ? ` (reached max retries: ${retries})` : ''}: ${errorMessage}`, RC.SERVICE);
  }

  /** `modeled` parses the body as the named error shape (model order and types). */
  static fromResponse(op: Operation, res: ErrorResponseLike, modeled?: (shapeName: string) => PyValue): ServiceError {
    const { code, message, messageValue, body, generic } = parseErrorResponse(res.status, res.headers, res.body);
    // botocore's JSON error parser starts its Error dict as {Message, Code}; the generic one as {Code, Message}.
    const details: PyDict = generic
      ? new Map<string, PyValue>([['Code', code], ['Message', messageValue]])
      : new Map<string, PyValue>([['Message', messageValue], ['Code', code]]);
    // botocore looks the code up among all the service's error shapes, not only the operation's.
    const errShape = own(MODEL.shapes, code)?.exception ? code : undefined;
    if (errShape && body && modeled) {
      const fields = modeled(errShape);
      if (fields instanceof Map) for (const [k, v] of fields) if (!details.has(k)) details.set(k, v);
    } else if (errShape && body) {
      const members = getShape(errShape).members ?? {};
      for (const k of Object.keys(members)) if (hasOwn(body, k) && body[k] !== null && !details.has(k)) details.set(k, body[k] as PyValue);
    }
    return new ServiceError(code, message, op.name, details, res.maxAttemptsReached ? res.attempts - 1 : undefined);
  }

  errorInfo(): PyDict {
    return new Map(this.details);
  }

  enhancedText(): string {
    return this.message;
  }

  legacyText(): string {
    return this.message;
  }

  /** Fields beyond the code and the message (the modeled extras). */
  extraDetails(): [string, PyValue][] {
    return [...this.details].filter(([k]) => !['Code', 'Message', 'message'].includes(k));
  }

  override render(): string {
    return errorText(this.message);
  }
}

export { errorCodeOf };
