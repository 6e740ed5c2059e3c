// The AWS CLI's shorthand syntax (awscli/shorthand.py, ShorthandParser): `A=b,C=[d,e],F={g=h}`,
// quoted values, escaped commas, `key@=file://…` file values, and its error texts with the caret
// line. Positions count Python code points (the input is handled as a list of code points, as
// Python indexes a str), so astral characters are single characters here as there.
import { pyIsSpace } from '../py/str';
import type { PyBytes, PyDict, PyValue } from '../py/values';

export interface ShorthandOptions {
  /**
   * Loads an `@=` value that starts with `file://` or `fileb://`. It receives the whole value
   * (prefix included, e.g. `file://path/to/x.txt`) and returns the contents: text for file://,
   * PyBytes for fileb://. Whatever it throws propagates unchanged (the AWS CLI lets its
   * ResourceLoadingError escape the shorthand parser).
   */
  readFile?: (uri: string) => string | PyBytes;
  /** Filled with the parse's work counters when given. */
  stats?: ShorthandStats;
}

/** Base of the parser's errors; `message` is exactly Python's str() of the exception. */
export class ShorthandParseError extends Error {
  override name = 'ShorthandParseError';
  constructor(message: string, readonly value = '', readonly index = 0) {
    super(message);
  }
}

/** Python's _error_location(): the input up to the end of the error's line, a caret line, the rest. */
function errorLocation(chars: readonly string[], index: number): string {
  let lastNl = -1;
  for (let i = Math.min(index, chars.length) - 1; i >= 0; i--) if (chars[i] === '\n') { lastNl = i; break; }
  const numSpaces = lastNl >= 0 ? index - lastNl - 1 : index;
  const nextNl = chars.indexOf('\n', index);
  const consumed = nextNl >= 0 ? chars.slice(0, nextNl).join('') : chars.join('');
  const remaining = nextNl >= 0 ? chars.slice(nextNl).join('') : '';
  return `${consumed}\n${' '.repeat(numSpaces)}^${remaining}`;
}

export class ShorthandParseSyntaxError extends ShorthandParseError {
  override name = 'ShorthandParseSyntaxError';
  constructor(chars: readonly string[], readonly expected: string, readonly actual: string, index: number) {
    // AWS CLI v2 prints one space between "for input:\n" and the echoed input (the caret line
    // itself is not shifted); see the conformance cases sh-rc-space-in-key and file-rc-bom.
    super(`Expected: '${expected}', received: '${actual}' for input:\n ${errorLocation(chars, index)}`,
      chars.join(''), index);
  }
}

export class DuplicateKeyInObjectError extends ShorthandParseError {
  override name = 'DuplicateKeyInObjectError';
  constructor(readonly key: string, chars: readonly string[], index: number) {
    super(`Second instance of key "${key}" encountered for input:\n${errorLocation(chars, index)}\n` +
      'This is often because there is a preceding "," instead of a space.', chars.join(''), index);
  }
}

/**
 * A value nested deeper than MAX_SHORTHAND_DEPTH lists and hashes. The AWS CLI's recursive parser
 * runs out of Python's recursion limit at about 485 levels ("maximum recursion depth exceeded", exit
 * 255); this clone stops at a fixed depth with this error instead (a parameter error, exit 252).
 */
export class ShorthandNestingError extends ShorthandParseError {
  override name = 'ShorthandNestingError';
  constructor(chars: readonly string[], index: number) {
    super(`Shorthand values nested more than ${MAX_SHORTHAND_DEPTH} levels deep are not supported ` +
      `(char ${index}).`, chars.join(''), index);
  }
}

/** The deepest nesting of `[…]` and `{…}` the parser accepts. */
export const MAX_SHORTHAND_DEPTH = 1000;

/** Work counters of one parse (tests assert that parsing stays linear in the input's size). */
export interface ShorthandStats {
  /** Characters examined or moved over (scans, backtracking, copies of values). */
  steps: number;
}

// Character classes of the value regexes (code points; nothing above U+FFFF matches).
// _START_WORD: ! #-& (-+ --< >-Z \-z |-\uffff
const inStartWord = (c: number) =>
  c === 0x21 || (c >= 0x23 && c <= 0x26) || (c >= 0x28 && c <= 0x2b) || (c >= 0x2d && c <= 0x3c) ||
  (c >= 0x3e && c <= 0x5a) || (c >= 0x5c && c <= 0x7a) || (c >= 0x7c && c <= 0xffff);
// _FIRST_FOLLOW_CHARS: \s ! #-& (-+ --\ ^-| ~-\uffff
const inFirstFollow = (c: number) =>
  pyIsSpace(c) || c === 0x21 || (c >= 0x23 && c <= 0x26) || (c >= 0x28 && c <= 0x2b) ||
  (c >= 0x2d && c <= 0x5c) || (c >= 0x5e && c <= 0x7c) || (c >= 0x7e && c <= 0xffff);
// _SECOND_FOLLOW_CHARS: \s ! #-& (-+ --< >-\uffff
const inSecondFollow = (c: number) =>
  pyIsSpace(c) || c === 0x21 || (c >= 0x23 && c <= 0x26) || (c >= 0x28 && c <= 0x2b) ||
  (c >= 0x2d && c <= 0x3c) || (c >= 0x3e && c <= 0xffff);

const KEY_CHARS = /^[A-Za-z0-9\-_.#/:]$/;
const WHITESPACE = ' \t\n\r\x0b\x0c'; // Python's string.whitespace

/** Python's str.rstrip() on a list of code points. */
function rstripJoin(cs: string[]): string {
  let j = cs.length;
  while (j > 0 && pyIsSpace(cs[j - 1].codePointAt(0)!)) j--;
  return cs.slice(0, j).join('');
}

/**
 * The parser. It follows ShorthandParser method for method, with one difference of means: where the
 * Python code tries a rule and catches the syntax error (`@` before `=`, the next item of a
 * comma-separated list), this one tests without throwing, so that an error (whose text copies the
 * whole input) is only made when it is reported. Each character is examined a bounded number of
 * times: parsing is linear in the input's length.
 */
class Parser {
  private chars: string[] = [];
  private index = 0;
  private depth = 0;
  private resolveParamfiles = false;

  constructor(private readonly opts: ShorthandOptions) {}

  parse(value: string): PyDict {
    this.chars = Array.from(value);
    this.index = 0;
    this.depth = 0;
    this.resolveParamfiles = false;
    this.count(this.chars.length);
    return this.parameter();
  }

  private count(n: number): void {
    if (this.opts.stats) this.opts.stats.steps += n;
  }

  /** A syntax error to throw (its text copies the whole input, so it counts as work). */
  private syntaxError(expected: string, actual: string, index: number): ShorthandParseSyntaxError {
    this.count(this.chars.length);
    return new ShorthandParseSyntaxError(this.chars, expected, actual, index);
  }

  // parameter = keyval *("," keyval)
  private parameter(): PyDict {
    const params: PyDict = new Map();
    const [key, val] = this.keyval();
    params.set(key, val);
    let lastIndex = this.index;
    while (this.index < this.chars.length) {
      this.expect(',', true);
      const [k, v] = this.keyval();
      if (params.has(k)) throw new DuplicateKeyInObjectError(k, this.chars, lastIndex + 1);
      params.set(k, v);
      lastIndex = this.index;
    }
    return params;
  }

  // keyval = key "=" [values] / key "@=" [file-optional-values]
  private keyval(): [string, PyValue] {
    const key = this.key();
    this.assignment();
    return [key, this.values()];
  }

  /** `=` or `@=` (whitespace allowed around each), setting whether values load files. */
  private assignment(): void {
    // Python tries _expect('@', consume_whitespace=True): the whitespace before it is consumed
    // whether or not an `@` follows.
    this.resolveParamfiles = this.accept('@');
    this.expect('=', true);
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.chars[this.index])) this.index++;
    this.count(this.index - start);
    return this.chars.slice(start, this.index).join('');
  }

  // values = csv-list / explicit-list / hash-literal
  private values(): PyValue {
    if (this.atEof()) return '';
    const c = this.current();
    if (c === '[') return this.explicitList();
    if (c === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): PyValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.chars[this.index] !== ',') return first;
    this.expect(',', true);
    const csv: PyValue[] = [first];
    // Python: try _second_value(), then EOF or _expect(',', True); on a syntax error, re-raise it at
    // the end of the input, else backtrack to the previous comma and end the list. (A value that
    // fails to match never moves the cursor, so "at the end" is tested where the attempt failed.)
    for (;;) {
      const current = this.secondValue();
      if (current === undefined) {
        if (this.atEof()) throw this.syntaxError(this.secondExpected(), '<none>', this.index);
        this.backtrackTo(',');
        break;
      }
      this.consumeWhitespace();
      if (this.atEof()) {
        csv.push(current);
        break;
      }
      if (!this.accept(',')) {
        this.backtrackTo(',');
        break;
      }
      this.consumeWhitespace();
      csv.push(current);
    }
    return csv.length === 1 ? first : csv;
  }

  private value(): PyValue {
    const len = this.matchValue(inFirstFollow);
    if (len === 0) return '';
    return this.maybeResolve(this.takeUnquoted(len));
  }

  private enter(): void {
    if (++this.depth > MAX_SHORTHAND_DEPTH) throw new ShorthandNestingError(this.chars, this.index);
  }

  // explicit-list = "[" [value *("," value)] "]"
  private explicitList(): PyValue[] {
    this.enter();
    this.expect('[', true);
    const values: PyValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    this.depth--;
    return values;
  }

  private explicitValues(): PyValue {
    const c = this.current();
    if (c === '[') return this.explicitList();
    if (c === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): PyDict {
    this.enter();
    this.expect('{', true);
    const keyvals: PyDict = new Map();
    while (this.current() !== '}') {
      const key = this.key();
      this.assignment();
      const v = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      keyvals.set(key, v);
    }
    this.expect('}');
    this.depth--;
    return keyvals;
  }

  // first-value = value / single-quoted-val / double-quoted-val
  private firstValue(): PyValue {
    const c = this.current();
    if (c === "'" || c === '"') {
      const v = this.quotedValue(c);
      if (v === undefined) throw this.syntaxError(quotedName(c), '<none>', this.index);
      return v;
    }
    return this.value();
  }

  /** _second_value, or undefined where it raises its syntax error (the cursor is then unmoved). */
  private secondValue(): PyValue | undefined {
    const c = this.current();
    if (c === "'" || c === '"') return this.quotedValue(c);
    const len = this.matchValue(inSecondFollow);
    if (len === 0) return undefined;
    return this.maybeResolve(this.takeUnquoted(len));
  }

  /** What _second_value reports it expected at the cursor. */
  private secondExpected(): string {
    const c = this.current();
    return c === "'" || c === '"' ? quotedName(c) : '<second>';
  }

  /**
   * A quoted value, as the regex `'(?:\\'|[^'])*'` (or its `"` twin) matches it: greedy over
   * escaped quotes; without a closing quote the regex backtracks to end at the quote of the last
   * escaped-quote pair; with none the match fails (undefined, the cursor unmoved).
   */
  private quotedValue(q: string): PyValue | undefined {
    const cs = this.chars;
    const start = this.index;
    let i = start + 1;
    let lastPair = -1;
    let end = -1;
    while (i < cs.length) {
      if (cs[i] === '\\' && cs[i + 1] === q) {
        lastPair = i;
        i += 2;
      } else if (cs[i] !== q) i++;
      else break;
    }
    this.count(i - start);
    if (i < cs.length) end = i + 1;
    else if (lastPair >= 0) end = lastPair + 2;
    if (end < 0) return undefined;
    this.index = end;
    const inner = cs.slice(start + 1, end - 1).join('');
    return this.maybeResolve(inner.split(`\\${q}`).join(q).split('\\\\').join('\\'));
  }

  /** Length of the _FIRST_VALUE/_SECOND_VALUE regex match at the cursor (0 when none). */
  private matchValue(follow: (c: number) => boolean): number {
    const cs = this.chars;
    let i = this.index;
    if (cs[i] === '\\' && cs[i + 1] === ',') i += 2;
    else if (i < cs.length && inStartWord(cs[i].codePointAt(0)!)) i++;
    else return 0;
    for (;;) {
      if (cs[i] === '\\' && cs[i + 1] === ',') i += 2;
      else if (i < cs.length && follow(cs[i].codePointAt(0)!)) i++;
      else break;
    }
    this.count(i - this.index);
    return i - this.index;
  }

  /** Consumes an unquoted match: escaped commas unescaped, trailing whitespace dropped. */
  private takeUnquoted(len: number): string {
    const raw = this.chars.slice(this.index, this.index + len);
    this.index += len;
    this.count(len);
    return rstripJoin(Array.from(raw.join('').split('\\,').join(',')));
  }

  private maybeResolve(v: string): PyValue {
    if (!this.resolveParamfiles || !(v.startsWith('file://') || v.startsWith('fileb://'))) return v;
    if (!this.opts.readFile) throw new Error('shorthand: no readFile given to load ' + v);
    return this.opts.readFile(v);
  }

  /** _expect(ch, consume_whitespace): throws the syntax error when `ch` is not next. */
  private expect(ch: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.chars.length) throw this.syntaxError(ch, 'EOF', this.index);
    const actual = this.chars[this.index];
    if (actual !== ch) throw this.syntaxError(ch, actual, this.index);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  /**
   * _expect(ch, consume_whitespace=True) inside a try whose syntax error is ignored: the whitespace
   * before is consumed either way; true (and the whitespace after consumed) when `ch` was there.
   */
  private accept(ch: string): boolean {
    this.consumeWhitespace();
    if (this.index >= this.chars.length || this.chars[this.index] !== ch) return false;
    this.index++;
    this.consumeWhitespace();
    return true;
  }

  private current(): string | undefined {
    return this.index < this.chars.length ? this.chars[this.index] : undefined;
  }

  private atEof(): boolean {
    return this.index >= this.chars.length;
  }

  private backtrackTo(ch: string): void {
    const from = this.index;
    while (this.index >= 0 && this.chars[this.index] !== ch) this.index--;
    this.count(from - this.index);
  }

  private consumeWhitespace(): void {
    const from = this.index;
    while (this.index < this.chars.length && WHITESPACE.includes(this.chars[this.index])) this.index++;
    this.count(this.index - from);
  }
}

const quotedName = (q: string) => (q === "'" ? '<singled quoted>' : '<double quoted>');

/**
 * Parses one shorthand value (ShorthandParser().parse): a dict of strings, lists and dicts (bytes
 * or text where `@=` loaded a file). Throws ShorthandParseError subclasses with Python's messages.
 */
export function parseShorthand(value: string, opts: ShorthandOptions = {}): PyDict {
  return new Parser(opts).parse(value);
}
