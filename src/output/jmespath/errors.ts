// The errors of --query, as jmespath.py's exceptions.py words them.

/** A --query that does not compile; the message is what the CLI prints after "Bad value for --query <expr>: ". */
export class QueryParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryParseError';
  }
}

/** An error raised while evaluating a query (the CLI prints the message and exits 255). */
export class QueryRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryRuntimeError';
  }
}
