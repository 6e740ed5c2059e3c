// Errors the emulator answers with, in the service's shape: an `x-amzn-ErrorType` header naming the code
// and a JSON body with a `message` (plus any extra members of the error shape).
import { MODEL } from '../model';

export class ServiceError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status: number,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** Status codes of errors that are not in the model (protocol and authentication level). */
const UNMODELED_STATUS: Record<string, number> = {
  UnknownOperationException: 404,
  SerializationException: 400,
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 403,
  RequestEntityTooLargeException: 413,
  InternalFailure: 500,
};

/** An error whose status comes from the model's error shape (`error.httpStatusCode`), else a known default. */
export function serviceError(code: string, message: string, extra?: Record<string, unknown>): ServiceError {
  const shape = MODEL.shapes[code];
  const status = shape?.error?.httpStatusCode ?? UNMODELED_STATUS[code] ?? (shape?.fault ? 500 : 400);
  return new ServiceError(code, message, status, extra);
}

/** `1 validation error detected: …` / `N validation errors detected: …; …`, as the service words it. */
export function validationError(messages: string[]): ServiceError {
  const n = messages.length;
  return serviceError('ValidationException',
    `${n} validation error${n === 1 ? '' : 's'} detected: ${messages.join('; ')}`);
}
