// A service's error answer, as botocore parses it (code from the x-amzn-ErrorType header or the
// body's __type/code, message from `message` or `Message`, the error shape's modeled fields) and
// as the AWS CLI prints it in each --cli-error-format (exit 254).
import { CliError, RC } from '../errors';
import { getShape, MODEL } from '../model';
import type { Operation } from '../model/types';
import type { PyDict, PyValue } from '../model/values';
import { errorCodeOf, parseErrorResponse } from './error-code';

export interface ErrorResponseLike {
  status: number;
  headers: Record<string, string>;
  body: string;
  attempts: number;
  maxAttemptsReached: boolean;
}

export class ServiceError extends CliError {
  constructor(
    public readonly code: string,
    public readonly errorMessage: string,
    public readonly operationName: string,
    /** Code, Message, then the error shape's modeled members. */
    public readonly details: PyDict,
    public readonly retries: number | undefined,
  ) {
    super(`An error occurred (${code}) when calling the ${operationName} operation` +
      `${retries !== undefined ? ` (reached max retries: ${retries})` : ''}: ${errorMessage}`, RC.SERVICE);
  }

  /** `modeled` parses the body as the named error shape (model order and types). */
  static fromResponse(op: Operation, res: ErrorResponseLike, modeled?: (shapeName: string) => PyValue): ServiceError {
    const { code, message, body } = parseErrorResponse(res.status, res.headers, res.body);
    const details: PyDict = new Map<string, PyValue>([['Code', code], ['Message', message]]);
    // botocore looks the code up among all the service's error shapes, not only the operation's.
    const errShape = MODEL.shapes[code]?.exception ? code : undefined;
    if (errShape && body && modeled) {
      const fields = modeled(errShape);
      if (fields instanceof Map) for (const [k, v] of fields) details.set(k, v);
    } else if (errShape && body) {
      const members = getShape(errShape).members ?? {};
      for (const k of Object.keys(members)) if (k in body) details.set(k, body[k] as PyValue);
    }
    return new ServiceError(code, message, op.name, details, res.maxAttemptsReached ? res.attempts - 1 : undefined);
  }

  /** Fields beyond the code and the message (the modeled extras). */
  extraDetails(): [string, PyValue][] {
    return [...this.details].filter(([k]) => !['Code', 'Message', 'message'].includes(k));
  }
}

export { errorCodeOf };
