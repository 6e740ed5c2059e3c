// The JMESPath lexer, as jmespath.py's lexer.py: tokens with their positions in code points (as Python
// counts them), literals through Python's json.loads, the texts of its LexerError.
import { JsonNestingError, jsonLoads } from '../../py/json-loads';
import { pyLStrip } from '../../py/str';
import type { PyValue } from '../../py/values';
import { QueryParseError } from './errors';

export type TokenValue = PyValue;

export interface Token {
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
export class LexerError {
  constructor(
    public position: number,
    public message: string,
  ) {}
}


/** int() of the lexer's digits (a sign and 0-9 only). */
function intOf(digits: string): number | bigint {
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

/** jmespath.py's Lexer.tokenize: the tokens of an expression, positions in code points. */
export function tokenize(expression: string): Token[] {
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
          parsed = literalLoads('"' + pyLStrip(lexeme) + '"');
        } catch {
          throw new LexerError(start, `Bad token ${lexeme}`);
        }
      }
      tokens.push({ type: 'literal', value: parsed, start });
    } else if (isDigit(c)) {
      const start = position;
      tokens.push({ type: 'number', value: intOf(consumeNumber()), start });
    } else if (c === '-') {
      const start = position;
      const buff = consumeNumber();
      if (buff.length > 1) tokens.push({ type: 'number', value: intOf(buff), start });
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
