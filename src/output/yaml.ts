// `--output yaml` / `--output yaml-stream`: the bytes the AWS CLI v2 writes.
//
// The AWS CLI dumps with ruamel.yaml `YAML(typ='safe')`, which with ruamel.yaml.clib installed (as it is in the
// CLI's bundle) emits through libyaml's C emitter. So the rules reproduced here are:
//  - ruamel's SafeRepresenter: dict keys sorted (Python code-point order), None -> `null`, bools `true`/`false`,
//    ints as str(), floats as repr() lower-cased (`.inf`, `-.inf`, `.nan`), bytes as `!!binary |` (base64 lines
//    of 76), every collection block style (empty ones come out in flow style, `{}` / `[]`), repeated container
//    objects (same identity) anchored `&id001` and aliased `*id001`;
//  - ruamel's YAML 1.2 implicit resolver: a string that a plain scalar would read back as something else
//    (int, float, bool, null, timestamp, merge `<<`, `=`) is quoted; `yes`/`no`/`on` are plain (YAML 1.2);
//  - libyaml's emitter (allow_unicode, indent 2, width 80): scalar analysis and style choice, `key:` then an
//    indentless sequence, plain/single-quoted folding of long lines at spaces past column 80, double quotes for
//    anything non-printable (tabs, control characters, U+FEFF, characters beyond the BMP: `\U0001F680`) with
//    libyaml's escapes (`\r`, `\a`, `\e`, `\N`, `\L`, `\P`, `\xXX`, `\uXXXX`), multi-line strings single-quoted
//    with a blank line per line break, keys longer than 128 UTF-8 bytes written as `? key` / `: value`.

import { PyBytes, PyFloat, type PyDict, type PyValue } from '../py/values';
import { encodebytes } from '../py/base64';
import { pyFloatRepr } from '../py/repr';
import { sortedKeys } from '../py/str';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// ---- character classes (libyaml's yaml_private.h, by code point) ----

/** libyaml's IS_PRINTABLE: \n, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD except U+FEFF. Nothing beyond the BMP. */
function isPrintable(c: number): boolean {
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c === 0x0a) return true;
  if (c >= 0xa0 && c <= 0xd7ff) return true;
  return c >= 0xe000 && c <= 0xfffd && c !== 0xfeff;
}

/** IS_BREAK: \r, \n, NEL, LS, PS. */
function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** IS_BLANKZ: space, tab, a break, or the end of the string (NUL). */
function isBlankz(c: number): boolean {
  return c === 0x20 || c === 0x09 || isBreak(c) || c === 0 || c === -1;
}

/** Code point at index i (-1 past the end). */
function cpAt(s: string, i: number): number {
  return i < s.length ? (s.codePointAt(i) as number) : -1;
}

// ---- scalar analysis (yaml_emitter_analyze_scalar) ----

const A_MULTILINE = 1;
const A_BLOCK_PLAIN = 2;
const A_SINGLE = 4;
const A_BLOCK = 8;

/** First-character indicators that rule out a plain scalar outright: # , [ ] { } & * ! | > ' " % @ ` */
const FIRST_INDICATOR = new Uint8Array(128);
for (const ch of '#,[]{}&*!|>\'"%@`') FIRST_INDICATOR[ch.charCodeAt(0)] = 1;

/** Printable ASCII only (spaces allowed): the common case, analysed without a character loop. */
const RE_PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const RE_BLOCK_INDICATOR_INSIDE = /: |:$| #/;

function analyzeScalar(s: string): number {
  const n = s.length;
  if (n === 0) return A_BLOCK_PLAIN | A_SINGLE;
  if (RE_PRINTABLE_ASCII.test(s)) {
    const c0 = s.charCodeAt(0);
    const c1 = n > 1 ? s.charCodeAt(1) : 0x20;
    const last = s.charCodeAt(n - 1);
    const plain = !(
      c0 === 0x20 ||
      last === 0x20 ||
      FIRST_INDICATOR[c0] ||
      ((c0 === 0x3f || c0 === 0x3a || c0 === 0x2d) && c1 === 0x20) ||
      (n >= 3 && (s.startsWith('---') || s.startsWith('...'))) ||
      RE_BLOCK_INDICATOR_INSIDE.test(s)
    );
    return (plain ? A_BLOCK_PLAIN : 0) | A_SINGLE | (last === 0x20 ? 0 : A_BLOCK);
  }

  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (
    n >= 3 &&
    ((s.charCodeAt(0) === 0x2d && s.charCodeAt(1) === 0x2d && s.charCodeAt(2) === 0x2d) ||
      (s.charCodeAt(0) === 0x2e && s.charCodeAt(1) === 0x2e && s.charCodeAt(2) === 0x2e))
  ) {
    blockIndicators = true;
  }

  let precededByWhitespace = true;
  let c = s.codePointAt(0) as number;
  let w = c > 0xffff ? 2 : 1;
  let followedByWhitespace = isBlankz(cpAt(s, w));
  let i = 0;
  while (i < n) {
    if (i === 0) {
      if (c < 128 && FIRST_INDICATOR[c]) blockIndicators = true;
      if ((c === 0x3f /* ? */ || c === 0x3a) /* : */ && followedByWhitespace) blockIndicators = true;
      if (c === 0x2d /* - */ && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === 0x3a && followedByWhitespace) blockIndicators = true;
      if (c === 0x23 /* # */ && precededByWhitespace) blockIndicators = true;
    }

    if (!isPrintable(c)) special = true;
    const brk = isBreak(c);
    if (brk) lineBreaks = true;

    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i + w === n) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (brk) {
      if (i === 0) leadingBreak = true;
      if (i + w === n) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }

    precededByWhitespace = isBlankz(c);
    i += w;
    if (i < n) {
      c = s.codePointAt(i) as number;
      w = c > 0xffff ? 2 : 1;
      followedByWhitespace = isBlankz(cpAt(s, i + w));
    }
  }

  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || special) {
    blockPlain = false;
    single = false;
    block = false;
  }
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;

  return (lineBreaks ? A_MULTILINE : 0) | (blockPlain ? A_BLOCK_PLAIN : 0) | (single ? A_SINGLE : 0) | (block ? A_BLOCK : 0);
}

// ---- ruamel.yaml's YAML 1.2 implicit resolver ----

const RE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const RE_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const RE_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const RE_NULL = /^(?:~|null|Null|NULL|)$/;
const RE_TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** True when a plain scalar with this text would resolve to something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (s.length === 0) return true; // null
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return RE_FLOAT.test(s) || RE_INT.test(s) || RE_TIMESTAMP.test(s);
  switch (c) {
    case 0x2d: // -
    case 0x2b: // +
      return RE_FLOAT.test(s) || RE_INT.test(s);
    case 0x2e: // .
      return RE_FLOAT.test(s);
    case 0x74: // t
    case 0x54: // T
    case 0x66: // f
    case 0x46: // F
      return RE_BOOL.test(s);
    case 0x7e: // ~
    case 0x6e: // n
    case 0x4e: // N
      return RE_NULL.test(s);
    case 0x3c: // <
      return s === '<<';
    case 0x3d: // =
      return s === '=';
    case 0x21: // ! & *
    case 0x26:
    case 0x2a:
      return s.length === 1;
    default:
      return false;
  }
}

// ---- the emitter ----

type Container = PyValue[] | PyDict;

const STYLE_PLAIN = 1;
const STYLE_SINGLE = 2;
const STYLE_DOUBLE = 3;
const STYLE_LITERAL = 4;

class Emitter {
  out = '';
  column = 0;
  indent = -1;
  private readonly indents: number[] = [];
  whitespace = true;
  indention = true;
  /** Anchor names of the containers that occur more than once (by identity), null when there are none. */
  private anchors: Map<Container, string> | null = null;
  /** Anchored containers already written (their later occurrences are aliases). */
  private readonly emitted = new Set<Container>();

  constructor(root: PyValue) {
    if (hasRepeatedContainer(root)) this.anchors = nameAnchors(root);
  }

  // -- low-level writers --

  private pushIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  writeIndent(): void {
    const indent = this.indent >= 0 ? this.indent : 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.out += newlineIndent(indent);
      this.column = indent;
    } else if (this.column < indent) {
      this.out += spaces(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    this.out += ind;
    this.column += ind.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writeAnchor(kind: '&' | '*', name: string): void {
    this.writeIndicator(kind, true, false, false);
    this.out += name;
    this.column += name.length;
    this.whitespace = false;
    this.indention = false;
  }

  private putBreakChar(c: number): void {
    this.out += c === 0x0a ? '\n' : String.fromCodePoint(c);
    this.column = 0;
  }

  /** Appends a run of ordinary BMP characters (no space, break or escape): one column each. */
  private run(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  private writePlain(s: string, allowBreaks: boolean): void {
    if (!this.whitespace && s.length) {
      this.out += ' ';
      this.column++;
    }
    const n = s.length;
    // Plain scalars never hold line breaks (they rule plain out), so only folding at spaces needs care.
    if (!allowBreaks || this.column + n <= BEST_WIDTH + 1 || s.indexOf(' ') < 0) {
      this.run(s);
    } else {
      let spaces = false;
      let i = 0;
      while (i < n) {
        if (s.charCodeAt(i) === 0x20) {
          if (!spaces && this.column > BEST_WIDTH && s.charCodeAt(i + 1) !== 0x20) this.writeIndent();
          else this.run(' ');
          spaces = true;
          i++;
        } else {
          let end = s.indexOf(' ', i);
          if (end < 0) end = n;
          this.run(s.slice(i, end));
          this.indention = false;
          spaces = false;
          i = end;
        }
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(s: string, allowBreaks: boolean, multiline: boolean): void {
    this.writeIndicator("'", true, false, false);
    const n = s.length;
    if ((!allowBreaks || this.column + n <= BEST_WIDTH + 1 || s.indexOf(' ') < 0) && !multiline && s.indexOf("'") < 0) {
      this.run(s);
    } else {
      let spaces = false;
      let breaks = false;
      let i = 0;
      const special = /[ '\n\r\u0085\u2028\u2029]/g;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 0x20) {
          if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== n - 1 && s.charCodeAt(i + 1) !== 0x20) {
            this.writeIndent();
          } else {
            this.run(' ');
          }
          spaces = true;
          i++;
        } else if (isBreak(c)) {
          if (!breaks && c === 0x0a) this.putBreakChar(0x0a);
          this.putBreakChar(c);
          this.indention = true;
          breaks = true;
          i++;
        } else {
          if (breaks) this.writeIndent();
          let end: number;
          if (c === 0x27) {
            this.run("''");
            end = i + 1;
          } else {
            special.lastIndex = i;
            end = special.test(s) ? special.lastIndex - 1 : n;
            this.run(s.slice(i, end));
          }
          this.indention = false;
          spaces = false;
          breaks = false;
          i = end;
        }
      }
      if (breaks) this.writeIndent();
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    const n = s.length;
    // Anything but printable BMP characters other than space, '"', '\' and the breaks U+2028/U+2029.
    const special = /[^\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/g;
    let i = 0;
    while (i < n) {
      const c = s.codePointAt(i) as number;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== n - 1) {
          this.writeIndent();
          if (s.charCodeAt(i + 1) === 0x20) this.run('\\');
        } else {
          this.run(' ');
        }
        spaces = true;
        i++;
      } else if (!isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.run(escapeChar(c));
        spaces = false;
        i += c > 0xffff ? 2 : 1;
      } else {
        special.lastIndex = i;
        const end = special.test(s) ? special.lastIndex - 1 : n;
        this.run(s.slice(i, end));
        spaces = false;
        i = end;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(s: string): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: an indentation hint when the text starts with a space or break; chomping by the end.
    const first = s.codePointAt(0) ?? -1;
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp: string | null = null;
    const n0 = s.length;
    if (n0 === 0 || !isBreak(s.charCodeAt(n0 - 1))) chomp = '-';
    else if (n0 === 1 || isBreak(s.charCodeAt(n0 - 2))) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.out += '\n';
    this.column = 0;
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.codePointAt(i) as number;
      const w = c > 0xffff ? 2 : 1;
      if (isBreak(c)) {
        this.putBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.out += w === 1 ? s[i] : s.slice(i, i + 2);
        this.column++;
        this.indention = false;
        breaks = false;
      }
      i += w;
    }
  }

  // -- nodes --

  /**
   * A scalar. `kind`: 'str' (tag str: quoted whenever a plain scalar would resolve otherwise), 'plain' (an int,
   * float, bool or null whose text always resolves back to its own tag), 'binary' (tag !!binary, literal style).
   */
  scalar(text: string, kind: 'str' | 'plain' | 'binary', simpleKey: boolean): void {
    if (kind === 'plain') {
      // These texts are printable, without spaces or indicators: the plain writer's fast path.
      if (!this.whitespace) {
        this.out += ' ';
        this.column++;
      }
      this.out += text;
      this.column += text.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const analysis = analyzeScalar(text);
    let style: number = kind === 'binary' ? STYLE_LITERAL : STYLE_PLAIN;
    if (simpleKey && analysis & A_MULTILINE) style = STYLE_DOUBLE;
    if (style === STYLE_PLAIN) {
      if (!(analysis & A_BLOCK_PLAIN)) style = STYLE_SINGLE;
      else if (text.length === 0 && simpleKey) style = STYLE_SINGLE;
      else if (resolvesToNonString(text)) style = STYLE_SINGLE;
    }
    if (style === STYLE_SINGLE && !(analysis & A_SINGLE)) style = STYLE_DOUBLE;
    if (style === STYLE_LITERAL && (!(analysis & A_BLOCK) || simpleKey)) style = STYLE_DOUBLE;
    if (kind === 'binary') {
      // Tag handle '!!' and suffix 'binary' (the tag is neither plain- nor quoted-implicit).
      if (!this.whitespace) {
        this.out += ' ';
        this.column++;
      }
      this.out += '!!binary';
      this.column += 8;
      this.whitespace = false;
      this.indention = false;
    }
    this.pushIndent(true, false);
    const allowBreaks = !simpleKey;
    switch (style) {
      case STYLE_PLAIN:
        this.writePlain(text, allowBreaks);
        break;
      case STYLE_SINGLE:
        this.writeSingleQuoted(text, allowBreaks, (analysis & A_MULTILINE) !== 0);
        break;
      case STYLE_DOUBLE:
        this.writeDoubleQuoted(text, allowBreaks);
        break;
      default:
        this.writeLiteral(text);
    }
    this.popIndent();
  }

  /** Emits a node. `mappingContext`: the node is a mapping value (a block sequence there is not indented). */
  node(v: PyValue, mappingContext: boolean): void {
    if (v === null || v === undefined) return this.scalar('null', 'plain', false);
    switch (typeof v) {
      case 'string':
        return this.scalar(v, 'str', false);
      case 'boolean':
        return this.scalar(v ? 'true' : 'false', 'plain', false);
      case 'number':
        return this.scalar(Number.isInteger(v) ? (Object.is(v, -0) ? '0' : String(v)) : floatText(v), 'plain', false);
      case 'bigint':
        return this.scalar(v.toString(), 'plain', false);
      default:
        break;
    }
    if (v instanceof PyFloat) return this.scalar(floatText(v.value), 'plain', false);
    if (v instanceof PyBytes) return this.scalar(encodebytes(v.bytes), 'binary', false);

    const container = v as Container;
    if (this.anchors) {
      const anchor = this.anchors.get(container);
      if (anchor !== undefined) {
        if (this.emitted.has(container)) {
          this.writeAnchor('*', anchor);
          return;
        }
        this.emitted.add(container);
        this.writeAnchor('&', anchor);
      }
    }

    if (Array.isArray(container)) {
      if (container.length === 0) return this.emptyFlow('[', ']');
      this.pushIndent(false, mappingContext && !this.indention);
      for (const item of container) {
        this.writeIndent();
        this.writeIndicator('-', true, false, true);
        this.node(item, false);
      }
      this.popIndent();
      return;
    }

    if (container.size === 0) return this.emptyFlow('{', '}');
    const keys = sortedKeys(container.keys());
    this.pushIndent(false, false);
    for (const key of keys) {
      const value = container.get(key) as PyValue;
      this.writeIndent();
      // Right after an indent a simple key renders the same way every time: cache `key:`.
      let text = simpleKeyCache.get(key);
      if (text !== undefined || isSimpleKey(key)) {
        if (text === undefined) {
          const sub = new Emitter(null);
          sub.scalar(key, 'str', true);
          text = sub.out + ':';
          if (simpleKeyCache.size >= 10000) simpleKeyCache.clear();
          simpleKeyCache.set(key, text);
        }
        this.out += text;
        this.column += text.length;
        this.whitespace = false;
        this.indention = false;
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, 'str', false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, true);
    }
    this.popIndent();
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }
}

/** libyaml's check_simple_key for a string key: single-line and at most 128 UTF-8 bytes. */
/** Rendered simple keys with their colon (each is a fixed string of BMP characters: its length is its width). */
const simpleKeyCache = new Map<string, string>();

const SPACES: string[] = [];
const NEWLINE_INDENT: string[] = [];
function spaces(n: number): string {
  return SPACES[n] ?? (SPACES[n] = ' '.repeat(n));
}
function newlineIndent(n: number): string {
  return NEWLINE_INDENT[n] ?? (NEWLINE_INDENT[n] = '\n' + ' '.repeat(n));
}

const isContainer = (v: PyValue): v is Container => v instanceof Map || Array.isArray(v);

/** Whether some list or dict object occurs twice in the tree (only then do anchors appear). */
function hasRepeatedContainer(root: PyValue): boolean {
  if (!isContainer(root)) return false;
  const seen = new Set<Container>();
  const stack: Container[] = [root];
  while (stack.length) {
    const c = stack.pop() as Container;
    if (seen.has(c)) return true;
    seen.add(c);
    for (const x of c instanceof Map ? c.values() : c) if (isContainer(x)) stack.push(x);
  }
  return false;
}

/**
 * The serializer's anchor pass (ruamel's representer shares one node per object; the serializer walks the node
 * graph in document order and names a node `idNNN` when it meets it the second time).
 */
function nameAnchors(root: PyValue): Map<Container, string> {
  const seen = new Set<Container>();
  const names = new Map<Container, string>();
  const walk = (v: PyValue): void => {
    if (!isContainer(v)) return;
    if (seen.has(v)) {
      if (!names.has(v)) names.set(v, `id${String(names.size + 1).padStart(3, '0')}`);
      return;
    }
    seen.add(v);
    if (Array.isArray(v)) for (const x of v) walk(x);
    else for (const k of sortedKeys(v.keys())) walk(v.get(k) as PyValue);
  };
  walk(root);
  return names;
}

function isSimpleKey(k: string): boolean {
  if (/[\n\r\u0085\u2028\u2029]/.test(k)) return false;
  return k.length <= 42 || Buffer.byteLength(k, 'utf8') <= 128;
}

/** ruamel's represent_float. */
function floatText(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  return pyFloatRepr(x).toLowerCase();
}

/** libyaml's escape in a double-quoted scalar. */
function escapeChar(c: number): string {
  switch (c) {
    case 0x00:
      return '\\0';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0b:
      return '\\v';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x1b:
      return '\\e';
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x85:
      return '\\N';
    case 0xa0:
      return '\\_';
    case 0x2028:
      return '\\L';
    case 0x2029:
      return '\\P';
    default: {
      const hex = c.toString(16).toUpperCase();
      if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
      if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
      return '\\U' + hex.padStart(8, '0');
    }
  }
}

/** What `--output yaml` writes for one (already queried) response: one YAML document, ending in a newline. */
export function dumpYaml(value: PyValue): string {
  const e = new Emitter(value);
  e.node(value, false);
  // Document end (implicit): finish the last line.
  e.writeIndent();
  return e.out;
}

/** What `--output yaml-stream` writes for one page: the CLI dumps `[page]`, a one-item list. */
export function dumpYamlStream(value: PyValue): string {
  return dumpYaml([value]);
}
