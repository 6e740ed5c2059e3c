// The JMESPath parser, as jmespath.py's parser.py: top-down operator precedence (Pratt) over the
// lexer's tokens, to the same tree, with the texts of its ParseError and IncompleteExpressionError.
import { pyRepr, pyStr } from '../../py/repr';
import { QueryParseError } from './errors';
import { LexerError, tokenize, type Token, type TokenValue } from './lexer';

export interface CompiledQuery {
  readonly expression: string;
  /** The parsed tree (internal; opaque to callers). */
  readonly ast: unknown;
}

export interface Node {
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

/** A parse error: the token and the texts as Python's ParseError prints them. */
class ParseError {
  constructor(
    public position: number,
    public tokenValue: TokenValue,
    public tokenType: string,
    public message: string,
  ) {}
}

class IncompleteExpressionError {}

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
