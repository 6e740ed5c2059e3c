// Translation of the service model's regular expressions (java.util.regex syntax, as the service checks
// them) into JavaScript RegExps with the same meaning. The service matches a whole value against the
// pattern (Matcher.matches), so the result is anchored at both ends.
//
// Differences handled: Java's \s is ASCII-only ([ \t\n\x0B\f\r]) where JS's is Unicode; Java's `.` also
// excludes U+0085; Java's `$` also matches before a final line terminator; Java accepts escaped
// non-alphanumeric characters anywhere (`\_`, `\#`), which JS's unicode mode rejects; POSIX classes
// (\p{Alpha}, …) are ASCII in Java; \A, \z, \Z, \Q…\E. The translation uses the `u` flag so that, as in
// Java, a surrogate pair in the input is one code point and `\uD83D\uDE80` in a pattern is one character.

export class UnsupportedPatternError extends Error {}

const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';
const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

// Java's POSIX character classes (US-ASCII only unless UNICODE_CHARACTER_CLASS is set), as class bodies.
const POSIX: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: JAVA_SPACE,
  javaLowerCase: '\\p{Ll}', javaUpperCase: '\\p{Lu}', javaWhitespace: '\\t-\\r\\x1C-\\x1F\\p{Zs}\\u2028\\u2029',
};

/** A class item: JS class-body text, or a set to complement (Java's \S, \P{…} inside a class). */
interface ClassParts { items: string; complements: string[] }

function hex(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** A literal character for use outside a class. */
function literalOutside(ch: string): string {
  return JS_SYNTAX.has(ch) ? `\\${ch}` : ch;
}

/** A literal character for use inside a class. */
function literalInside(ch: string): string {
  return ch === '\\' || ch === ']' || ch === '[' || ch === '^' || ch === '-' ? `\\${ch}` : ch;
}

class Translator {
  private i = 0;
  constructor(private readonly src: string) {}

  private fail(msg: string): never {
    throw new UnsupportedPatternError(`${msg} at index ${this.i} in pattern ${JSON.stringify(this.src)}`);
  }

  translate(): string {
    let out = '';
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\') {
        out += this.escapeOutside();
      } else if (c === '[') {
        out += this.charClass();
      } else if (c === '.') {
        this.i++;
        out += `[^${LINE_TERMINATORS}]`;
      } else if (c === '$') {
        this.i++;
        out += `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?$)`;
      } else if (c === '(') {
        out += this.groupOpen();
      } else if (c === '{') {
        const m = /^\{\d+(?:,\d*)?\}/.exec(s.slice(this.i));
        if (!m) this.fail('illegal repetition');
        this.i += m[0].length;
        out += m[0];
        out += this.quantifierSuffix();
      } else if (c === '*' || c === '+' || c === '?') {
        this.i++;
        out += c + this.quantifierSuffix();
      } else if (c === ']' || c === '}') {
        this.i++;
        out += `\\${c}`;
      } else {
        const cp = s.codePointAt(this.i)!;
        const ch = String.fromCodePoint(cp);
        this.i += ch.length;
        out += ch;
      }
    }
    return out;
  }

  /** After a quantifier: lazy `?` is the same in JS; possessive `+` has no JS equivalent. */
  private quantifierSuffix(): string {
    const n = this.src[this.i];
    if (n === '?') { this.i++; return '?'; }
    if (n === '+') this.fail('possessive quantifiers are not supported');
    return '';
  }

  private groupOpen(): string {
    const rest = this.src.slice(this.i);
    for (const open of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) {
      if (rest.startsWith(open)) { this.i += open.length; return open; }
    }
    const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
    if (named) { this.i += named[0].length; return named[0]; }
    if (rest.startsWith('(?')) this.fail('inline flags and atomic groups are not supported');
    this.i++;
    return '(';
  }

  /** Reads `\uXXXX` (one UTF-16 unit; the caller keeps JS's pairing rule, which is Java's). */
  private readU(): string {
    const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
    if (!m) this.fail('bad \\u escape');
    this.i += 4;
    return `\\u${m[0].toUpperCase()}`;
  }

  /** Escapes common to both contexts that denote a single character; returns JS text or undefined. */
  private singleCharEscape(c: string, inClass: boolean): string | undefined {
    const s = this.src;
    switch (c) {
      case 't': return '\\t';
      case 'n': return '\\n';
      case 'r': return '\\r';
      case 'f': return '\\f';
      case 'a': return '\\x07';
      case 'e': return '\\x1B';
      case 'u': return this.readU();
      case 'x': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(s.slice(this.i));
        if (braced) { this.i += braced[0].length; return hex(parseInt(braced[1], 16)); }
        const m = /^[0-9a-fA-F]{2}/.exec(s.slice(this.i));
        if (!m) this.fail('bad \\x escape');
        this.i += 2;
        return `\\x${m[0]}`;
      }
      case '0': {
        const m = /^[0-3]?[0-7]{1,2}|^[0-7]/.exec(s.slice(this.i));
        if (!m) this.fail('bad octal escape');
        this.i += m[0].length;
        return hex(parseInt(m[0], 8));
      }
      case 'c': {
        const ch = s[this.i++];
        if (ch === undefined) this.fail('bad \\c escape');
        return hex(ch.charCodeAt(0) ^ 64);
      }
      default:
        if (!/[a-zA-Z0-9]/.test(c)) return inClass ? literalInside(c) : literalOutside(c);
        return undefined;
    }
  }

  /** `\p{Name}` / `\P{Name}` → a class body (positive set). */
  private property(): string {
    const s = this.src;
    let name: string;
    if (s[this.i] === '{') {
      const end = s.indexOf('}', this.i);
      if (end < 0) this.fail('unclosed \\p{');
      name = s.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      name = s[this.i++] ?? this.fail('bad \\p escape');
    }
    const n = name.startsWith('Is') ? name.slice(2) : name;
    if (POSIX[n] !== undefined) return POSIX[n];
    if (n.startsWith('In')) this.fail(`unicode blocks (${name}) are not supported`);
    // General categories (L, Lu, Nd, …) and the Alphabetic property mean the same in both.
    if (/^[A-Z][a-z]?$/.test(n) || n === 'Alphabetic') return `\\p{${n}}`;
    if (/^(?:Latin|Greek|Cyrillic|Han|Arabic|Hebrew|Hiragana|Katakana|Common)$/.test(n)) return `\\p{Script=${n}}`;
    return this.fail(`unsupported property ${name}`);
  }

  private escapeOutside(): string {
    const s = this.src;
    this.i++; // the backslash
    const c = s[this.i++];
    if (c === undefined) this.fail('trailing backslash');
    const single = this.singleCharEscape(c, false);
    if (single !== undefined) return single;
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': case 'b': case 'B': return `\\${c}`;
      case 's': return `[${JAVA_SPACE}]`;
      case 'S': return `[^${JAVA_SPACE}]`;
      case 'h': return '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
      case 'v': return '[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]';
      case 'A': return '^';
      case 'z': return '$';
      case 'Z': return `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?$)`;
      case 'R': return `(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])`;
      case 'p': return `[${this.property()}]`;
      case 'P': return `[^${this.property()}]`;
      case 'Q': {
        const end = s.indexOf('\\E', this.i);
        const text = end < 0 ? s.slice(this.i) : s.slice(this.i, end);
        this.i = end < 0 ? s.length : end + 2;
        return Array.from(text).map(literalOutside).join('');
      }
      case 'k': {
        const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(s.slice(this.i));
        if (!m) this.fail('bad \\k escape');
        this.i += m[0].length;
        return `\\k${m[0]}`;
      }
      default:
        if (/[1-9]/.test(c)) return `\\${c}`;
        return this.fail(`unknown escape \\${c}`);
    }
  }

  /** One escape inside a class: adds to the parts. */
  private escapeInside(parts: ClassParts): void {
    this.i++;
    const c = this.src[this.i++];
    if (c === undefined) this.fail('trailing backslash');
    const single = this.singleCharEscape(c, true);
    if (single !== undefined) { parts.items += single; return; }
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': parts.items += `\\${c}`; return;
      case 's': parts.items += JAVA_SPACE; return;
      case 'S': parts.complements.push(JAVA_SPACE); return;
      case 'p': parts.items += this.property(); return;
      case 'P': parts.complements.push(this.property()); return;
      case 'Q': {
        const end = this.src.indexOf('\\E', this.i);
        const text = end < 0 ? this.src.slice(this.i) : this.src.slice(this.i, end);
        this.i = end < 0 ? this.src.length : end + 2;
        parts.items += Array.from(text).map(literalInside).join('');
        return;
      }
      default: this.fail(`unknown escape \\${c} in a character class`);
    }
  }

  private charClass(): string {
    const s = this.src;
    this.i++; // [
    let negated = false;
    if (s[this.i] === '^') { negated = true; this.i++; }
    const parts: ClassParts = { items: '', complements: [] };
    let first = true;
    for (;;) {
      if (this.i >= s.length) this.fail('unclosed character class');
      const c = s[this.i];
      if (c === ']' && !first) { this.i++; break; }
      if (c === '[') this.fail('nested character classes are not supported');
      if (c === '&' && s[this.i + 1] === '&') this.fail('class intersections are not supported');
      if (c === '\\') this.escapeInside(parts);
      else {
        const cp = s.codePointAt(this.i)!;
        const ch = String.fromCodePoint(cp);
        this.i += ch.length;
        parts.items += ch === '-' ? '-' : literalInside(ch);
      }
      first = false;
    }
    if (parts.complements.length === 0) {
      if (parts.items === '') return negated ? '[\\s\\S]' : '[]';
      return `[${negated ? '^' : ''}${parts.items}]`;
    }
    const alts = [...(parts.items ? [`[${parts.items}]`] : []), ...parts.complements.map((c) => `[^${c}]`)];
    const union = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    return negated ? `(?:(?!${union})[\\s\\S])` : union;
  }
}

/** The JS source (for a RegExp with the `u` flag) equivalent to a Java pattern, unanchored. */
export function translateJavaPattern(pattern: string): string {
  return new Translator(pattern).translate();
}

const cache = new Map<string, RegExp>();

/** A RegExp that tests whether a whole value matches the Java pattern (as Matcher.matches does). */
export function javaFullMatchRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${translateJavaPattern(pattern)})$`, 'u');
    cache.set(pattern, re);
  }
  return re;
}
