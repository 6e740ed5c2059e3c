// `--query`: JMESPath as the AWS CLI evaluates it (the Python `jmespath` 1.0.x library), over PyValues.
//
// The lexer, the top-down operator precedence parser and the tree interpreter follow the Python
// implementation's rules, so that results (dict order, 1.0 vs 1, Python's comparisons) and every error
// text (with its caret line) are the ones the AWS CLI prints. Positions are counted in code points, as
// Python counts them. The `jmespath` npm package is not used: its error texts, its ordering comparisons
// and its slices differ from Python's, and it cannot see PyValues' int/float distinction.

import { PyBytes, PyFloat, type PyDict, type PyValue } from '../py/values';
import { pyFloatRepr } from '../py/repr';
import { JsonNestingError, jsonLoads } from '../py/json-loads';
import { jsonDumps } from '../py/json-dumps';

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

export interface CompiledQuery {
  readonly expression: string;
  /** The parsed tree (internal; opaque to callers). */
  readonly ast: unknown;
}

// ---------------------------------------------------------------------------------------------
// Lexer

type TokenValue = PyValue;

interface Token {
  type: string;
  value: TokenValue;
  start: number;
}

const SIMPLE_TOKENS: Record<string, string> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};

const isIdentStart = (c: string): boolean => /^[A-Za-z_]$/.test(c);
const isIdentChar = (c: string | null): boolean => c !== null && /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string | null): boolean => c !== null && c >= '0' && c <= '9' && c.length === 1;

/** A lexer error: positions and texts as Python's LexerError prints them. */
class LexerError {
  constructor(
    public position: number,
    public message: string,
  ) {}
}

class ParseError {
  constructor(
    public position: number,
    public tokenValue: TokenValue,
    public tokenType: string,
    public message: string,
  ) {}
}

class IncompleteExpressionError {}

/** The characters Python's str.strip() removes (str.isspace()). */
const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_LSTRIP = new RegExp(`^[${PY_WS}]+`);

function pyInt(digits: string): number | bigint {
  const n = Number(digits);
  if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
  return BigInt(digits);
}

/**
 * Python json.loads for literal lexemes (the same grammar as the response parser). Python runs out of
 * recursion on a deep literal, an error that escapes the lexer (not a ValueError): the AWS CLI prints
 * "Bad value for --query …: maximum recursion depth exceeded while decoding a JSON array from a unicode string".
 */
function literalLoads(text: string): PyValue {
  try {
    return jsonLoads(text);
  } catch (e) {
    if (e instanceof JsonNestingError) throw new QueryParseError(e.message);
    throw e;
  }
}

function tokenize(expression: string): Token[] {
  if (!expression) throw new QueryParseError('Invalid JMESPath expression: cannot be empty.');
  const chars = Array.from(expression);
  const length = chars.length;
  let position = 0;
  let current: string | null = chars[0];
  const tokens: Token[] = [];

  // Python's _next(): at the last character the position stays put and current becomes None.
  const next = (): string | null => {
    if (position === length - 1) current = null;
    else current = chars[++position];
    return current;
  };

  const consumeUntil = (delimiter: string): string => {
    const start = position;
    let buff = '';
    next();
    while (current !== delimiter) {
      if (current === '\\') {
        buff += '\\';
        next();
      }
      if (current === null) throw new LexerError(start, `Unclosed ${delimiter} delimiter`);
      buff += current;
      next();
    }
    next();
    return buff;
  };

  const matchOrElse = (expected: string, matchType: string, elseType: string): Token => {
    const start = position;
    const cur = current as string;
    const n = next();
    if (n === expected) {
      next();
      return { type: matchType, value: cur + n, start };
    }
    return { type: elseType, value: cur, start };
  };

  const consumeNumber = (): string => {
    let buff = current as string;
    while (isDigit(next())) buff += current;
    return buff;
  };

  while (current !== null) {
    const c: string = current;
    const simple = SIMPLE_TOKENS[c];
    if (simple !== undefined) {
      tokens.push({ type: simple, value: c, start: position });
      next();
    } else if (isIdentStart(c)) {
      const start = position;
      let buff = c;
      while (isIdentChar(next())) buff += current;
      tokens.push({ type: 'unquoted_identifier', value: buff, start });
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      next();
    } else if (c === '[') {
      const start = position;
      const n = next();
      if (n === ']') {
        next();
        tokens.push({ type: 'flatten', value: '[]', start });
      } else if (n === '?') {
        next();
        tokens.push({ type: 'filter', value: '[?', start });
      } else {
        tokens.push({ type: 'lbracket', value: '[', start });
      }
    } else if (c === "'") {
      const start = position;
      const lexeme = consumeUntil("'").split("\\'").join("'");
      tokens.push({ type: 'literal', value: lexeme, start });
    } else if (c === '|') {
      tokens.push(matchOrElse('|', 'or', 'pipe'));
    } else if (c === '&') {
      tokens.push(matchOrElse('&', 'and', 'expref'));
    } else if (c === '`') {
      const start = position;
      const lexeme = consumeUntil('`').split('\\`').join('`');
      let parsed: PyValue;
      try {
        parsed = literalLoads(lexeme);
      } catch (e) {
        // Only a ValueError falls back (running out of recursion does not).
        if (e instanceof QueryParseError) throw e;
        try {
          // JEP-12's deprecated form: an invalid JSON literal is taken as a JSON string.
          parsed = literalLoads('"' + lexeme.replace(PY_LSTRIP, '') + '"');
        } catch {
          throw new LexerError(start, `Bad token ${lexeme}`);
        }
      }
      tokens.push({ type: 'literal', value: parsed, start });
    } else if (isDigit(c)) {
      const start = position;
      tokens.push({ type: 'number', value: pyInt(consumeNumber()), start });
    } else if (c === '-') {
      const start = position;
      const buff = consumeNumber();
      if (buff.length > 1) tokens.push({ type: 'number', value: pyInt(buff), start });
      else throw new LexerError(start, `Unknown token '${buff}'`);
    } else if (c === '"') {
      const start = position;
      const lexeme = '"' + consumeUntil('"') + '"';
      let value: string;
      try {
        value = literalLoads(lexeme) as string;
      } catch (e) {
        throw new LexerError(start, String((e as { msg?: string }).msg ?? (e as Error).message).split(':')[0]);
      }
      tokens.push({ type: 'quoted_identifier', value, start });
    } else if (c === '<') {
      tokens.push(matchOrElse('=', 'lte', 'lt'));
    } else if (c === '>') {
      tokens.push(matchOrElse('=', 'gte', 'gt'));
    } else if (c === '!') {
      tokens.push(matchOrElse('=', 'ne', 'not'));
    } else if (c === '=') {
      if (next() === '=') {
        tokens.push({ type: 'eq', value: '==', start: position - 1 });
        next();
      } else {
        // At the end of the expression the position never moved past the '='.
        throw new LexerError(current === null ? position : position - 1, "Unknown token '='");
      }
    } else {
      throw new LexerError(position, `Unknown token ${c}`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser (top-down operator precedence, as jmespath.py's)

interface Node {
  type: string;
  value?: unknown;
  children: Node[];
}

const node = (type: string, children: Node[] = [], value?: unknown): Node =>
  value === undefined ? { type, children } : { type, children, value };

const BINDING_POWER: Record<string, number> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;

/** Nesting beyond this is refused, with the text the AWS CLI prints when its Python parser runs out of recursion (at about 480 levels). */
const MAX_QUERY_DEPTH = 500;

class TooDeepError {}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const parsed = this.expression(0);
    if (this.current() !== 'eof') {
      const t = this.lookaheadToken(0);
      throw new ParseError(t.start, t.value, t.type, `Unexpected token: ${pyStr(t.value)}`);
    }
    return parsed;
  }

  private current(): string {
    return this.lookaheadToken(0).type;
  }

  private lookahead(n: number): string {
    return this.lookaheadToken(n).type;
  }

  private lookaheadToken(n: number): Token {
    let i = this.index + n;
    if (i < 0) i += this.tokens.length; // Python's negative indexing
    return this.tokens[i] ?? this.tokens[this.tokens.length - 1];
  }

  private advance(): void {
    this.index++;
  }

  private expression(bindingPower = 0): Node {
    if (++this.depth > MAX_QUERY_DEPTH) throw new TooDeepError();
    const leftToken = this.lookaheadToken(0);
    this.advance();
    let left = this.nud(leftToken);
    let currentToken = this.current();
    while (bindingPower < BINDING_POWER[currentToken]) {
      if (!LED_TOKENS.has(currentToken)) {
        this.raiseForToken(this.lookaheadToken(0), 'invalid token');
      }
      this.advance();
      left = this.led(currentToken, left);
      currentToken = this.current();
    }
    this.depth--;
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return node('literal', [], token.value);
      case 'unquoted_identifier':
        return node('field', [], token.value);
      case 'quoted_identifier': {
        const field = node('field', [], token.value);
        if (this.current() === 'lparen') {
          const t = this.lookaheadToken(0);
          throw new ParseError(0, t.value, t.type, 'Quoted identifier not allowed for function names.');
        }
        return field;
      }
      case 'star': {
        const left = node('identity');
        const right =
          this.current() === 'rbracket' ? node('identity') : this.parseProjectionRhs(BINDING_POWER.star);
        return node('value_projection', [left, right]);
      }
      case 'filter':
        return this.ledFilter(node('identity'));
      case 'lbrace':
        return this.parseMultiSelectHash();
      case 'lparen': {
        const expression = this.expression();
        this.match('rparen');
        return expression;
      }
      case 'flatten': {
        const left = node('flatten', [node('identity')]);
        const right = this.parseProjectionRhs(BINDING_POWER.flatten);
        return node('projection', [left, right]);
      }
      case 'not':
        return node('not_expression', [this.expression(BINDING_POWER.not)]);
      case 'lbracket': {
        const cur = this.current();
        if (cur === 'number' || cur === 'colon') {
          const right = this.parseIndexExpression();
          return this.projectIfSlice(node('identity'), right);
        }
        if (cur === 'star' && this.lookahead(1) === 'rbracket') {
          this.advance();
          this.advance();
          const right = this.parseProjectionRhs(BINDING_POWER.star);
          return node('projection', [node('identity'), right]);
        }
        return this.parseMultiSelectList();
      }
      case 'current':
        return node('current');
      case 'expref':
        return node('expref', [this.expression(BINDING_POWER.expref)]);
      case 'eof':
        throw new IncompleteExpressionError();
      default:
        return this.raiseForToken(token, 'invalid token');
    }
  }

  private led(type: string, left: Node): Node {
    switch (type) {
      case 'dot': {
        if (this.current() !== 'star') {
          const right = this.parseDotRhs(BINDING_POWER.dot);
          if (left.type === 'subexpression') {
            left.children.push(right);
            return left;
          }
          return node('subexpression', [left, right]);
        }
        this.advance();
        const right = this.parseProjectionRhs(BINDING_POWER.dot);
        return node('value_projection', [left, right]);
      }
      case 'pipe':
        return node('pipe', [left, this.expression(BINDING_POWER.pipe)]);
      case 'or':
        return node('or_expression', [left, this.expression(BINDING_POWER.or)]);
      case 'and':
        return node('and_expression', [left, this.expression(BINDING_POWER.and)]);
      case 'lparen': {
        if (left.type !== 'field') {
          const prev = this.lookaheadToken(-2);
          throw new ParseError(prev.start, prev.value, prev.type, `Invalid function name '${pyStr(prev.value)}'`);
        }
        const args: Node[] = [];
        while (this.current() !== 'rparen') {
          const expression = this.expression();
          if (this.current() === 'comma') this.match('comma');
          args.push(expression);
        }
        this.match('rparen');
        return node('function_expression', args, left.value);
      }
      case 'filter':
        return this.ledFilter(left);
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return node('comparator', [left, this.expression(BINDING_POWER[type])], type);
      case 'flatten': {
        const right = this.parseProjectionRhs(BINDING_POWER.flatten);
        return node('projection', [node('flatten', [left]), right]);
      }
      case 'lbracket': {
        const token = this.lookaheadToken(0);
        if (token.type === 'number' || token.type === 'colon') {
          const right = this.parseIndexExpression();
          if (left.type === 'index_expression') {
            left.children.push(right);
            return left;
          }
          return this.projectIfSlice(left, right);
        }
        this.match('star');
        this.match('rbracket');
        const right = this.parseProjectionRhs(BINDING_POWER.star);
        return node('projection', [left, right]);
      }
      default:
        throw new Error(`no led for ${type}`);
    }
  }

  private ledFilter(left: Node): Node {
    const condition = this.expression(0);
    this.match('rbracket');
    const right = this.current() === 'flatten' ? node('identity') : this.parseProjectionRhs(BINDING_POWER.filter);
    return node('filter_projection', [left, right, condition]);
  }

  private parseIndexExpression(): Node {
    if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') return this.parseSliceExpression();
    const n = node('index', [], this.lookaheadToken(0).value);
    this.advance();
    this.match('rbracket');
    return n;
  }

  private parseSliceExpression(): Node {
    const parts: (number | bigint | null)[] = [null, null, null];
    let index = 0;
    let currentToken = this.current();
    while (currentToken !== 'rbracket' && index < 3) {
      if (currentToken === 'colon') {
        index++;
        if (index === 3) this.raiseForToken(this.lookaheadToken(0), 'syntax error');
        this.advance();
      } else if (currentToken === 'number') {
        parts[index] = this.lookaheadToken(0).value as number | bigint;
        this.advance();
      } else {
        this.raiseForToken(this.lookaheadToken(0), 'syntax error');
      }
      currentToken = this.current();
    }
    this.match('rbracket');
    return node('slice', [], parts);
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexExpr = node('index_expression', [left, right]);
    if (right.type === 'slice') {
      return node('projection', [indexExpr, this.parseProjectionRhs(BINDING_POWER.star)]);
    }
    return indexExpr;
  }

  private parseMultiSelectList(): Node {
    const expressions: Node[] = [];
    for (;;) {
      expressions.push(this.expression());
      if (this.current() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return node('multi_select_list', expressions);
  }

  private parseMultiSelectHash(): Node {
    const pairs: Node[] = [];
    for (;;) {
      const keyToken = this.lookaheadToken(0);
      this.matchMultiple(['quoted_identifier', 'unquoted_identifier']);
      this.match('colon');
      const value = this.expression(0);
      pairs.push(node('key_val_pair', [value], keyToken.value));
      if (this.current() === 'comma') {
        this.match('comma');
      } else if (this.current() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return node('multi_select_dict', pairs);
  }

  private parseProjectionRhs(bindingPower: number): Node {
    const cur = this.current();
    if (BINDING_POWER[cur] < PROJECTION_STOP) return node('identity');
    if (cur === 'lbracket' || cur === 'filter') return this.expression(bindingPower);
    if (cur === 'dot') {
      this.match('dot');
      return this.parseDotRhs(bindingPower);
    }
    return this.raiseForToken(this.lookaheadToken(0), 'syntax error');
  }

  private parseDotRhs(bindingPower: number): Node {
    const lookahead = this.current();
    if (lookahead === 'quoted_identifier' || lookahead === 'unquoted_identifier' || lookahead === 'star') {
      return this.expression(bindingPower);
    }
    if (lookahead === 'lbracket') {
      this.match('lbracket');
      return this.parseMultiSelectList();
    }
    if (lookahead === 'lbrace') {
      this.match('lbrace');
      return this.parseMultiSelectHash();
    }
    const t = this.lookaheadToken(0);
    const allowed = ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'];
    return this.raiseForToken(t, `Expecting: ${pyRepr(allowed)}, got: ${t.type}`);
  }

  private match(type: string): void {
    if (this.current() === type) this.advance();
    else this.raiseMaybeEof(type, this.lookaheadToken(0));
  }

  private matchMultiple(types: string[]): void {
    if (!types.includes(this.current())) this.raiseMaybeEof(types, this.lookaheadToken(0));
    this.advance();
  }

  private raiseForToken(token: Token, reason: string): never {
    throw new ParseError(token.start, token.value, token.type, reason);
  }

  private raiseMaybeEof(expected: string | string[], token: Token): never {
    if (token.type === 'eof') throw new IncompleteExpressionError();
    const exp = typeof expected === 'string' ? expected : pyRepr(expected);
    throw new ParseError(token.start, token.value, token.type, `Expecting: ${exp}, got: ${token.type}`);
  }
}

const LED_TOKENS = new Set(['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'flatten', 'lbracket']);

/** Compiles a --query expression; throws QueryParseError with the text Python's jmespath gives. */
export function compileQuery(expression: string): CompiledQuery {
  let ast: Node;
  try {
    ast = new Parser(tokenize(expression)).parse();
  } catch (e) {
    if (e instanceof LexerError) {
      throw new QueryParseError(`Bad jmespath expression: ${e.message}:\n${expression}\n${' '.repeat(e.position)}^`);
    }
    if (e instanceof TooDeepError) throw new QueryParseError('maximum recursion depth exceeded');
    if (e instanceof IncompleteExpressionError) {
      const n = Array.from(expression).length;
      throw new QueryParseError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(n + 1)}^`);
    }
    if (e instanceof ParseError) {
      throw new QueryParseError(
        `${e.message}: Parse error at column ${e.position}, token "${pyStr(e.tokenValue)}" ` +
          `(${e.tokenType.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(e.position + 1)}^`,
      );
    }
    throw e;
  }
  return { expression, ast };
}

// ---------------------------------------------------------------------------------------------
// Interpreter

/** An `&expr` value (Python's _Expression). */
class ExprRef {
  constructor(readonly node: Node) {
    exprRefsMade++;
  }
}

let exprRefsMade = 0;

type JValue = PyValue | ExprRef;

/** Evaluates a compiled query against data, as Python's jmespath does. */
export function searchQuery(q: CompiledQuery, data: PyValue): PyValue {
  const before = exprRefsMade;
  const result = visit(q.ast as Node, data);
  // An &expr that ends up in the result cannot be written out (Python's json.dump fails on it).
  if (exprRefsMade !== before && containsExprRef(result)) {
    throw new QueryRuntimeError('Object of type _Expression is not JSON serializable');
  }
  return result as PyValue;
}

function containsExprRef(v: JValue): boolean {
  if (v instanceof ExprRef) return true;
  if (Array.isArray(v)) return v.some(containsExprRef);
  if (v instanceof Map) {
    for (const x of v.values()) if (containsExprRef(x)) return true;
  }
  return false;
}

function visit(n: Node, value: JValue): JValue {
  switch (n.type) {
    case 'subexpression':
    case 'index_expression':
    case 'pipe': {
      let result = value;
      for (const child of n.children) result = visit(child, result);
      return result;
    }
    case 'field':
      return value instanceof Map ? (value.get(n.value as string) ?? null) : null;
    case 'comparator':
      return visitComparator(n, value);
    case 'current':
    case 'identity':
      return value;
    case 'expref':
      return new ExprRef(n.children[0]);
    case 'function_expression': {
      const args: JValue[] = [];
      for (const child of n.children) args.push(visit(child, value));
      return callFunction(n.value as string, args);
    }
    case 'filter_projection': {
      const base = visit(n.children[0], value);
      if (!Array.isArray(base)) return null;
      const condition = n.children[2];
      const collected: JValue[] = [];
      for (const element of base) {
        if (isTrue(visit(condition, element))) {
          const current = visit(n.children[1], element);
          if (current !== null) collected.push(current);
        }
      }
      return collected as PyValue[];
    }
    case 'flatten': {
      const base = visit(n.children[0], value);
      if (!Array.isArray(base)) return null;
      const merged: JValue[] = [];
      for (const element of base) {
        if (Array.isArray(element)) for (const x of element) merged.push(x);
        else merged.push(element);
      }
      return merged as PyValue[];
    }
    case 'index': {
      if (!Array.isArray(value)) return null;
      const raw = n.value as number | bigint;
      if (typeof raw === 'bigint') return null; // far beyond any list: IndexError
      const i = raw < 0 ? value.length + raw : raw;
      return i >= 0 && i < value.length ? value[i] : null;
    }
    case 'slice':
      if (!Array.isArray(value)) return null;
      return pySlice(value, n.value as (number | bigint | null)[]) as PyValue[];
    case 'key_val_pair':
      return visit(n.children[0], value);
    case 'literal':
      return n.value as PyValue;
    case 'multi_select_dict': {
      if (value === null) return null;
      const collected = new Map<string, PyValue>();
      for (const child of n.children) collected.set(child.value as string, visit(child, value) as PyValue);
      return collected;
    }
    case 'multi_select_list': {
      if (value === null) return null;
      const collected: JValue[] = [];
      for (const child of n.children) collected.push(visit(child, value));
      return collected as PyValue[];
    }
    case 'or_expression': {
      let matched = visit(n.children[0], value);
      if (isFalse(matched)) matched = visit(n.children[1], value);
      return matched;
    }
    case 'and_expression': {
      const matched = visit(n.children[0], value);
      if (isFalse(matched)) return matched;
      return visit(n.children[1], value);
    }
    case 'not_expression': {
      const original = visit(n.children[0], value);
      if (isActualNumber(original) && numEquals(original, 0)) return false;
      return !pyTruthy(original);
    }
    case 'projection': {
      const base = visit(n.children[0], value);
      if (!Array.isArray(base)) return null;
      const collected: JValue[] = [];
      for (const element of base) {
        const current = visit(n.children[1], element);
        if (current !== null) collected.push(current);
      }
      return collected as PyValue[];
    }
    case 'value_projection': {
      const base = visit(n.children[0], value);
      if (!(base instanceof Map)) return null;
      const collected: JValue[] = [];
      for (const element of base.values()) {
        const current = visit(n.children[1], element);
        if (current !== null) collected.push(current);
      }
      return collected as PyValue[];
    }
    default:
      throw new Error(`unknown node type ${n.type}`);
  }
}

const COMPARATOR_SYMBOL: Record<string, string> = { lt: '<', gt: '>', lte: '<=', gte: '>=' };

function visitComparator(n: Node, value: JValue): JValue {
  const op = n.value as string;
  const left = visit(n.children[0], value);
  const right = visit(n.children[1], value);
  if (op === 'eq') return jmesEquals(left, right);
  if (op === 'ne') return !jmesEquals(left, right);
  // Ordering operators only apply to numbers and strings; anything else gives null.
  if (!isComparable(left) || !isComparable(right)) return null;
  return pyCompare(op, left as PyValue, right as PyValue);
}

function pyCompare(op: string, left: PyValue, right: PyValue): boolean {
  const ls = typeof left === 'string';
  const rs = typeof right === 'string';
  let c: number;
  if (ls && rs) {
    c = compareCodePoints(left as string, right as string);
  } else if (!ls && !rs) {
    const a = numValue(left);
    const b = numValue(right);
    switch (op) {
      case 'lt':
        return a < b;
      case 'gt':
        return a > b;
      case 'lte':
        return a <= b;
      default:
        return a >= b;
    }
  } else {
    throw new QueryRuntimeError(
      `'${COMPARATOR_SYMBOL[op]}' not supported between instances of '${pyTypeName(left)}' and '${pyTypeName(right)}'`,
    );
  }
  switch (op) {
    case 'lt':
      return c < 0;
    case 'gt':
      return c > 0;
    case 'lte':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** Python's str ordering: by code point (UTF-16 order differs only around the surrogates). */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Surrogates stand for code points above U+FFFF: move them above U+E000..U+FFFF.
        x = x < 0xe000 ? x + 0x2000 : x - 0x800;
        y = y < 0xe000 ? y + 0x2000 : y - 0x800;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

function isActualNumber(v: JValue): v is number | bigint | PyFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;
}

function isComparable(v: JValue): boolean {
  return isActualNumber(v) || typeof v === 'string';
}

function numValue(v: PyValue): number | bigint {
  return v instanceof PyFloat ? v.value : (v as number | bigint);
}

function numEquals(v: number | bigint | PyFloat, x: number): boolean {
  // eslint-disable-next-line eqeqeq
  return numValue(v) == x;
}

function isFloat(v: JValue): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

/** The jmespath `==`: Python's ==, except that 0/1 never equal false/true at the top level. */
function jmesEquals(x: JValue, y: JValue): boolean {
  if (isActualNumber(x) && (numEquals(x, 0) || numEquals(x, 1))) {
    if (typeof y === 'boolean') return false;
  } else if (isActualNumber(y) && (numEquals(y, 0) || numEquals(y, 1))) {
    if (typeof x === 'boolean') return false;
  }
  return pyEquals(x, y);
}

/** Python's == on PyValues (True == 1, 1 == 1.0, dicts regardless of order). */
function pyEquals(x: JValue, y: JValue): boolean {
  if (x === y) return !(x instanceof PyFloat && Number.isNaN(x.value));
  if (x === null || y === null) return false;
  const xn = isActualNumber(x) || typeof x === 'boolean';
  const yn = isActualNumber(y) || typeof y === 'boolean';
  if (xn || yn) {
    if (!(xn && yn)) return false;
    const a = typeof x === 'boolean' ? Number(x) : numValue(x as PyValue);
    const b = typeof y === 'boolean' ? Number(y) : numValue(y as PyValue);
    // eslint-disable-next-line eqeqeq
    return a == b;
  }
  if (typeof x === 'string' || typeof y === 'string') return false; // x !== y already
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i] && !pyEquals(x[i], y[i])) return false;
    }
    return true;
  }
  if (x instanceof Map) {
    if (!(y instanceof Map) || x.size !== y.size) return false;
    for (const [k, v] of x) {
      if (!y.has(k)) return false;
      const w = y.get(k) as PyValue;
      if (v !== w && !pyEquals(v, w)) return false;
    }
    return true;
  }
  if (x instanceof PyBytes) {
    if (!(y instanceof PyBytes) || x.bytes.length !== y.bytes.length) return false;
    return x.bytes.every((b, i) => b === y.bytes[i]);
  }
  return false;
}

/** JMESPath falsiness: '', [], {}, null and false (0 is true). */
function isFalse(v: JValue): boolean {
  return (
    v === null ||
    v === false ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (v instanceof Map && v.size === 0)
  );
}

function isTrue(v: JValue): boolean {
  return !isFalse(v);
}

/** Python's bool(). */
function pyTruthy(v: JValue): boolean {
  if (v === null || v === false || v === '') return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  return true;
}

function pySlice(list: JValue[], parts: (number | bigint | null)[]): JValue[] {
  const length = list.length;
  const clamp = (x: number | bigint): number => {
    if (typeof x === 'bigint') return x < 0n ? -Infinity : Infinity;
    return x;
  };
  let step = parts[2] === null ? 1 : clamp(parts[2]);
  if (step === 0) throw new QueryRuntimeError('slice step cannot be zero');
  if (!Number.isFinite(step)) step = step > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? length - 1 : length;
  const bound = (raw: number | bigint | null, dflt: number): number => {
    if (raw === null) return dflt;
    let x = clamp(raw);
    if (x < 0) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    return x;
  };
  const start = bound(parts[0], step < 0 ? upper : lower);
  const stop = bound(parts[1], step < 0 ? lower : upper);
  const out: JValue[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(list[i]);
  else for (let i = start; i > stop; i += step) out.push(list[i]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Functions

/** Python's type(x).__name__ for the values a query meets. */
function pyTypeName(v: JValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof PyFloat) return 'float';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  if (v instanceof ExprRef) return '_Expression';
  if (v instanceof PyBytes) return 'bytes';
  return 'object';
}

const TYPES_MAP: Record<string, string> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  str: 'string',
  float: 'number',
  int: 'number',
  _Expression: 'expref',
};

const REVERSE_TYPES_MAP: Record<string, string[]> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};

const jmesType = (pyName: string): string => TYPES_MAP[pyName] ?? 'unknown';

function typeError(fn: string, value: JValue, actual: string, expected: string[]): QueryRuntimeError {
  return new QueryRuntimeError(
    `In function ${fn}(), invalid type for value: ${pyStr(value)}, expected one of: ${pyRepr(expected)}, received: "${actual}"`,
  );
}

interface ArgSpec {
  types: string[];
  variadic?: boolean;
}

interface FunctionSpec {
  signature: ArgSpec[];
  fn: (args: JValue[]) => JValue;
}

function callFunction(name: string, args: JValue[]): JValue {
  const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (spec === undefined) throw new QueryRuntimeError(`Unknown function: ${name}()`);
  const sig = spec.signature;
  if (sig.length > 0 && sig[sig.length - 1].variadic) {
    if (args.length < sig.length) {
      throw new QueryRuntimeError(
        `Expected at least ${sig.length} ${plural(sig.length)} for function ${name}(), received ${args.length}`,
      );
    }
  } else if (args.length !== sig.length) {
    throw new QueryRuntimeError(`Expected ${sig.length} ${plural(sig.length)} for function ${name}(), received ${args.length}`);
  }
  for (let i = 0; i < sig.length; i++) {
    if (sig[i].types.length > 0) typeCheck(args[i], sig[i].types, name);
  }
  return spec.fn(args);
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');

function typeCheck(current: JValue, types: string[], fn: string): void {
  const allowedTypes: string[] = [];
  const allowedSubtypes: string[][] = [];
  for (const t of types) {
    const dash = t.indexOf('-');
    if (dash >= 0) {
      allowedSubtypes.push(REVERSE_TYPES_MAP[t.slice(dash + 1)]);
      allowedTypes.push(...REVERSE_TYPES_MAP[t.slice(0, dash)]);
    } else {
      allowedTypes.push(...REVERSE_TYPES_MAP[t]);
    }
  }
  const actual = pyTypeName(current);
  if (!allowedTypes.includes(actual)) throw typeError(fn, current, jmesType(actual), types);
  if (allowedSubtypes.length === 0) return;
  const list = current as JValue[];
  if (allowedSubtypes.length === 1) {
    for (const element of list) {
      const t = pyTypeName(element);
      if (!allowedSubtypes[0].includes(t)) throw typeError(fn, element, t, types);
    }
  } else if (list.length > 0) {
    const first = pyTypeName(list[0]);
    const allowed = allowedSubtypes.find((s) => s.includes(first));
    if (allowed === undefined) throw typeError(fn, list[0], first, types);
    for (const element of list) {
      const t = pyTypeName(element);
      if (!allowed.includes(t)) throw typeError(fn, element, t, types);
    }
  }
}

function toPyInt(x: number | bigint): number | bigint {
  if (typeof x === 'bigint') return Number.isSafeInteger(Number(x)) && BigInt(Number(x)) === x ? Number(x) : x;
  return Number.isSafeInteger(x) ? (x === 0 ? 0 : x) : BigInt(x);
}

/** Python's int(x) for an integral float (math.floor/ceil results). */
function floatToInt(x: number): number | bigint {
  if (Number.isNaN(x)) throw new QueryRuntimeError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new QueryRuntimeError('cannot convert float infinity to integer');
  return toPyInt(x);
}

/** Python's a + b for numbers (int + int exact, anything with a float is a float). */
function pyAdd(a: PyValue, b: PyValue): PyValue {
  if (isFloat(a) || isFloat(b)) return new PyFloat(toFloat(a) + toFloat(b));
  const x = a as number | bigint;
  const y = b as number | bigint;
  if (typeof x === 'number' && typeof y === 'number') {
    const s = x + y;
    if (Number.isSafeInteger(s)) return s;
  }
  return toPyInt(BigInt(x) + BigInt(y));
}

/** float(int) (OverflowError beyond the double range), or a float's value. */
function toFloat(v: PyValue): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'bigint') {
    const f = Number(v);
    if (!Number.isFinite(f)) throw new QueryRuntimeError('int too large to convert to float');
    return f;
  }
  return v as number;
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** Python 3.13's sum(): exact while all ints, compensated (Neumaier) once floats come in. */
function pySum(items: PyValue[]): PyValue {
  let i = 0;
  // Integer phase: exact, while the total fits a C long.
  let iResult = 0n;
  let result: PyValue | undefined;
  for (; i < items.length; i++) {
    const item = items[i];
    if (!isFloat(item)) {
      const b = BigInt(item as number | bigint);
      const s = iResult + b;
      if (b >= LONG_MIN && b <= LONG_MAX && s >= LONG_MIN && s <= LONG_MAX) {
        iResult = s;
        continue;
      }
    }
    result = pyAdd(toPyInt(iResult), item);
    i++;
    break;
  }
  if (result === undefined) return toPyInt(iResult);
  if (result instanceof PyFloat) {
    let f = result.value;
    let c = 0;
    result = undefined;
    for (; i < items.length; i++) {
      const item = items[i];
      if (isFloat(item)) {
        const x = toFloat(item);
        const t = f + x;
        if (Math.abs(f) >= Math.abs(x)) c += f - t + x;
        else c += x - t + f;
        f = t;
        continue;
      }
      const b = BigInt(item as number | bigint);
      if (b >= LONG_MIN && b <= LONG_MAX) {
        f += Number(b);
        continue;
      }
      if (c && Number.isFinite(c)) f += c;
      result = pyAdd(new PyFloat(f), item);
      i++;
      break;
    }
    if (result === undefined) {
      if (c && Number.isFinite(c)) f += c;
      return new PyFloat(f);
    }
  }
  for (; i < items.length; i++) result = pyAdd(result as PyValue, items[i]);
  return result as PyValue;
}

/** Python's a / n (true division) for the numbers a sum gives: int / int is correctly rounded. */
function pyTrueDivide(a: PyValue, n: number): PyFloat {
  if (typeof a !== 'bigint') return new PyFloat(toFloat(a) / n);
  const neg = a < 0n;
  const num = neg ? -a : a;
  const den = BigInt(n);
  // Scale so that the integer quotient carries at least 55 bits, fold the remainder into a sticky bit, and let
  // the (correctly rounding) bigint-to-double conversion round once.
  const shift = num.toString(2).length - den.toString(2).length - 55;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const d = den << BigInt(shift);
    q = num / d;
    r = num % d;
  } else {
    const m = num << BigInt(-shift);
    q = m / den;
    r = m % den;
  }
  if (r !== 0n) q |= 1n;
  const x = Number(q) * 2 ** shift;
  if (!Number.isFinite(x)) throw new QueryRuntimeError('integer division result too large for a float');
  return new PyFloat(neg ? -x : x);
}

function pyLess(a: JValue, b: JValue, op: 'lt' | 'gt'): boolean {
  return pyCompare(op, a as PyValue, b as PyValue);
}

/** Python's sorted(): a stable sort using only `<`. */
function stableSort<T>(items: T[], lt: (a: T, b: T) => boolean): T[] {
  const a = items.slice();
  const tmp = new Array<T>(a.length);
  const merge = (lo: number, mid: number, hi: number): void => {
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid && j < hi) tmp[k++] = lt(a[j], a[i]) ? a[j++] : a[i++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    for (let x = lo; x < hi; x++) a[x] = tmp[x];
  };
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length - width; lo += 2 * width) {
      merge(lo, lo + width, Math.min(lo + 2 * width, a.length));
    }
  }
  return a;
}

function evalRef(ref: JValue, element: JValue): JValue {
  return visit((ref as ExprRef).node, element);
}

function keyFunc(ref: JValue, allowed: string[], fn: string): (x: JValue) => JValue {
  return (x) => {
    const result = evalRef(ref, x);
    const t = jmesType(pyTypeName(result));
    if (!allowed.includes(t)) throw typeError(fn, result, t, allowed);
    return result;
  };
}

/** Python's max()/min() with a key: the first best item wins. */
function pyBest(items: JValue[], key: (x: JValue) => JValue, op: 'gt' | 'lt'): JValue {
  let best = items[0];
  let bestKey = key(best);
  for (let i = 1; i < items.length; i++) {
    const k = key(items[i]);
    if (pyLess(k, bestKey, op)) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

const codePointLength = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
};

const INT_RE = /^[+-]?\d(?:_?\d)*$/;
const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?(?:\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;
const PY_STRIP = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'g');

/** to_number() on a string: Python's int(), else float(), else null. */
function stringToNumber(s: string): PyValue {
  const t = s.replace(PY_STRIP, '');
  if (INT_RE.test(t)) return toPyInt(BigInt(t.replace(/_/g, '')));
  if (FLOAT_RE.test(t) && /\d|inf|nan/i.test(t)) {
    const body = t.replace(/_/g, '').toLowerCase();
    const sign = body.startsWith('-') ? -1 : 1;
    const bare = body.replace(/^[+-]/, '');
    if (bare === 'nan') return new PyFloat(NaN);
    if (bare === 'inf' || bare === 'infinity') return new PyFloat(sign * Infinity);
    if (!/\d/.test(bare.split('e')[0])) return null;
    return new PyFloat(Number(body));
  }
  return null;
}

function pyMerge(args: JValue[]): PyDict {
  const merged = new Map<string, PyValue>();
  for (const arg of args) {
    if (arg instanceof Map) {
      for (const [k, v] of arg) merged.set(k, v);
      continue;
    }
    // dict.update() with something that is not a dict (only the first argument is type-checked).
    if (arg === null || typeof arg === 'number' || typeof arg === 'bigint' || typeof arg === 'boolean' || arg instanceof PyFloat || arg instanceof ExprRef) {
      throw new QueryRuntimeError(`'${pyTypeName(arg)}' object is not iterable`);
    }
    const seq: JValue[] = typeof arg === 'string' ? Array.from(arg) : Array.isArray(arg) ? arg : [];
    seq.forEach((el, idx) => {
      let pair: JValue[];
      if (typeof el === 'string') pair = Array.from(el);
      else if (Array.isArray(el)) pair = el;
      else if (el instanceof Map) pair = [...el.keys()];
      else throw new QueryRuntimeError(`cannot convert dictionary update sequence element #${idx} to a sequence`);
      if (pair.length !== 2) {
        throw new QueryRuntimeError(`dictionary update sequence element #${idx} has length ${pair.length}; 2 is required`);
      }
      const [k, v] = pair;
      if (Array.isArray(k) || k instanceof Map) throw new QueryRuntimeError(`unhashable type: '${pyTypeName(k)}'`);
      if (typeof k !== 'string') throw new QueryRuntimeError('merge() with non-string keys is not supported');
      merged.set(k, v as PyValue);
    });
  }
  return merged;
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  abs: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => {
      if (x instanceof PyFloat) return new PyFloat(Math.abs(x.value));
      if (typeof x === 'bigint') return x < 0n ? -x : x;
      return Math.abs(x as number);
    },
  },
  avg: {
    signature: [{ types: ['array-number'] }],
    fn: ([arr]) => {
      const list = arr as PyValue[];
      if (list.length === 0) return null;
      return pyTrueDivide(pySum(list), list.length);
    },
  },
  not_null: {
    signature: [{ types: [], variadic: true }],
    fn: (args) => {
      for (const a of args) if (a !== null) return a;
      return null;
    },
  },
  to_array: {
    signature: [{ types: [] }],
    fn: ([x]) => (Array.isArray(x) ? x : [x as PyValue]),
  },
  to_string: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      if (typeof x === 'string') return x;
      return jsonDumps(x as PyValue, {
        ensureAscii: true,
        itemSeparator: ',',
        keySeparator: ':',
        fallback: (v) => pyStr(v as JValue),
      });
    },
  },
  to_number: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      if (x === null || typeof x === 'boolean' || Array.isArray(x) || x instanceof Map) return null;
      if (isActualNumber(x)) return x;
      if (typeof x === 'string') return stringToNumber(x);
      if (x instanceof PyBytes) return stringToNumber(Buffer.from(x.bytes).toString('latin1'));
      throw new QueryRuntimeError(
        `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(x)}'`,
      );
    },
  },
  contains: {
    signature: [{ types: ['array', 'string'] }, { types: [] }],
    fn: ([subject, search]) => {
      if (typeof subject === 'string') {
        if (typeof search !== 'string') {
          throw new QueryRuntimeError(`'in <string>' requires string as left operand, not ${pyTypeName(search)}`);
        }
        return subject.includes(search);
      }
      return (subject as JValue[]).some((e) => e === search || pyEquals(e, search));
    },
  },
  length: {
    signature: [{ types: ['string', 'array', 'object'] }],
    fn: ([x]) => {
      if (typeof x === 'string') return codePointLength(x);
      if (x instanceof Map) return x.size;
      return (x as JValue[]).length;
    },
  },
  ends_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    fn: ([s, suffix]) => (s as string).endsWith(suffix as string),
  },
  starts_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    fn: ([s, prefix]) => (s as string).startsWith(prefix as string),
  },
  reverse: {
    signature: [{ types: ['array', 'string'] }],
    fn: ([x]) => (typeof x === 'string' ? Array.from(x).reverse().join('') : (x as PyValue[]).slice().reverse()),
  },
  ceil: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => (x instanceof PyFloat ? floatToInt(Math.ceil(x.value)) : (x as PyValue)),
  },
  floor: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => (x instanceof PyFloat ? floatToInt(Math.floor(x.value)) : (x as PyValue)),
  },
  join: {
    signature: [{ types: ['string'] }, { types: ['array-string'] }],
    fn: ([sep, arr]) => (arr as string[]).join(sep as string),
  },
  map: {
    signature: [{ types: ['expref'] }, { types: ['array'] }],
    fn: ([ref, arr]) => (arr as JValue[]).map((e) => evalRef(ref, e)) as PyValue[],
  },
  max: {
    signature: [{ types: ['array-number', 'array-string'] }],
    fn: ([arr]) => {
      const list = arr as PyValue[];
      return list.length === 0 ? null : (pyBest(list, (x) => x, 'gt') as PyValue);
    },
  },
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    fn: (args) => pyMerge(args),
  },
  min: {
    signature: [{ types: ['array-number', 'array-string'] }],
    fn: ([arr]) => {
      const list = arr as PyValue[];
      return list.length === 0 ? null : (pyBest(list, (x) => x, 'lt') as PyValue);
    },
  },
  sort: {
    signature: [{ types: ['array-string', 'array-number'] }],
    fn: ([arr]) => stableSort(arr as PyValue[], (a, b) => pyLess(a, b, 'lt')),
  },
  sum: {
    signature: [{ types: ['array-number'] }],
    fn: ([arr]) => pySum(arr as PyValue[]),
  },
  keys: {
    signature: [{ types: ['object'] }],
    fn: ([obj]) => [...(obj as PyDict).keys()],
  },
  values: {
    signature: [{ types: ['object'] }],
    fn: ([obj]) => [...(obj as PyDict).values()],
  },
  type: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      const t = jmesType(pyTypeName(x));
      return t === 'unknown' || t === 'expref' ? null : t;
    },
  },
  sort_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([arr, ref]) => {
      const list = arr as JValue[];
      if (list.length === 0) return list as PyValue[];
      const requiredType = jmesType(pyTypeName(evalRef(ref, list[0])));
      if (requiredType !== 'number' && requiredType !== 'string') {
        throw typeError('sort_by', list[0], requiredType, ['string', 'number']);
      }
      const key = keyFunc(ref, [requiredType], 'sort_by');
      const decorated = list.map((item) => ({ item, key: key(item) }));
      return stableSort(decorated, (a, b) => pyLess(a.key, b.key, 'lt')).map((d) => d.item) as PyValue[];
    },
  },
  min_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([arr, ref]) => {
      const list = arr as JValue[];
      return list.length === 0 ? null : pyBest(list, keyFunc(ref, ['number', 'string'], 'min_by'), 'lt');
    },
  },
  max_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([arr, ref]) => {
      const list = arr as JValue[];
      return list.length === 0 ? null : pyBest(list, keyFunc(ref, ['number', 'string'], 'max_by'), 'gt');
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Python's str()/repr() of values (for error messages)

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

function pyReprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f) out += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

function pyReprBytes(b: Uint8Array): string {
  let s = '';
  const hasSingle = b.includes(0x27);
  const quote = hasSingle && !b.includes(0x22) ? '"' : "'";
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c === 0x09) s += '\\t';
    else if (c === 0x0a) s += '\\n';
    else if (c === 0x0d) s += '\\r';
    else if (c < 0x20 || c >= 0x7f) s += '\\x' + c.toString(16).padStart(2, '0');
    else s += String.fromCharCode(c);
  }
  return 'b' + quote + s + quote;
}

/** Python's repr() of a value. */
function pyRepr(v: JValue | string[]): string {
  if (typeof v === 'string') return pyReprString(v);
  if (Array.isArray(v)) return '[' + (v as JValue[]).map(pyRepr).join(', ') + ']';
  if (v instanceof Map) return '{' + [...v].map(([k, x]) => pyReprString(k) + ': ' + pyRepr(x)).join(', ') + '}';
  return pyStr(v);
}

/** Python's str() of a value. */
function pyStr(v: JValue): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? (Number.isSafeInteger(v) ? String(v) : BigInt(v).toString()) : pyFloatRepr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v instanceof PyBytes) return pyReprBytes(v.bytes);
  if (v instanceof ExprRef) return '<jmespath.visitor._Expression object at 0x7f0000000000>';
  return pyRepr(v);
}
