// `--query`: JMESPath as the AWS CLI evaluates it (the Python `jmespath` 1.0.x library), over PyValues:
// lexer.ts, parser.ts, interpreter.ts and functions.ts follow jmespath.py's modules, so that results
// (dict order, 1.0 vs 1, Python's comparisons) and every error text (with its caret line) are the ones
// the AWS CLI prints. The `jmespath` npm package is not used: its error texts, its ordering comparisons
// and its slices differ from Python's, and it cannot see PyValues' int/float distinction.
// This folder is a lazy bundle (lazy-query): only a command with --query loads it.
export { QueryParseError, QueryRuntimeError } from './errors';
export { compileQuery, type CompiledQuery } from './parser';
export { searchQuery } from './interpreter';
