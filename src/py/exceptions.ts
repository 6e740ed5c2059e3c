// Python's built-in exceptions, where the AWS CLI lets one escape and prints its text (int('x'),
// ''.lstrip()[0], json.loads('[')): the exception's type and its str().

export type PyExceptionType = 'ValueError' | 'TypeError' | 'AttributeError' | 'IndexError' | 'OverflowError';

/** A Python built-in exception; `message` is str() of it. */
export class PyException extends Error {
  override name = 'PyException';
  constructor(readonly pyType: PyExceptionType, message: string) {
    super(message);
  }
}
