// A service's error answer, as botocore parses it (code from the x-amzn-ErrorType header or the
// body's __type/code, message from `message` or `Message`, the error shape's modeled fields) and
// as the AWS CLI prints it in each --cli-error-format (exit 254).
import { CliError, RC } from '../errors';
import { getShape } from '../model';
import type { Operation } from '../model/types';
import type { PyDict, PyValue } from '../model/values';
import { errorCodeOf } from './error-code';

const HTTP_REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 413: 'Request Entity Too Large',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

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
    const code = errorCodeOf(res.status, res.headers, res.body);
    let message = '';
    let body: Record<string, unknown> | undefined;
    try {
      const j = JSON.parse(res.body) as unknown;
      if (j && typeof j === 'object' && !Array.isArray(j)) body = j as Record<string, unknown>;
    } catch {
      /* not JSON: the status line's reason is the message */
    }
    if (body) {
      const m = body.message ?? body.Message ?? body.errorMessage;
      message = typeof m === 'string' ? m : '';
    } else {
      message = HTTP_REASONS[res.status] ?? '';
    }
    const details: PyDict = new Map<string, PyValue>([['Code', code], ['Message', message]]);
    const errShape = (op.errors ?? []).find((e) => e.shape === code)?.shape;
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
