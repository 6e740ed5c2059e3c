// The help page as plain text when neither groff nor mandoc is installed: a small formatter for the
// man page source manpage.ts writes, laying it out as `groff -m man -T ascii` does: the 78-column
// page with its header and footer lines, section headings, the man macros' margins (.RS/.RE through
// the INDENT/UNINDENT macros, with their fractional indents), `.IP` tags, vertical spacing (with the
// man macros' no-space mode after headings), no-fill blocks, and filled text adjusted to both
// margins (extra spaces spread from alternate ends, as groff spreads them). What it does not do is
// hyphenate: where groff breaks a word, the lines differ. No overstrikes (bold is plain).

const LINE_LENGTH = 78;
/** The man macros' default indent (IN) and paragraph distance (PD, one line in nroff). */
const IN = 7;

/** The text of a roff line: escapes resolved; `\ ` (an unbreakable space) as U+00A0. */
export function roffText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[++i];
    if (e === undefined) break;
    switch (e) {
      case 'e': case '\\': out += '\\'; break;
      case '-': out += '-'; break;
      case '&': case '%': case '/': case ',': case ':': break;
      case ' ': out += '\xa0'; break;
      case '(': {
        const name = s.slice(i + 1, i + 3);
        i += 2;
        out += { aq: "'", ga: '`', dq: '"', bu: 'o', em: '--', en: '-', dg: '+', co: '(C)', rg: '(R)', lq: '"', rq: '"', oq: '`', cq: "'" }[name] ?? '';
        break;
      }
      case 'f':
        if (s[i + 1] === '[') i = s.indexOf(']', i);
        else if (s[i + 1] === '(') i += 3;
        else i += 1;
        break;
      case 's': {
        const m = /^s[-+]?\d/.exec(s.slice(i));
        if (m) i += m[0].length - 1;
        break;
      }
      case 'd': case 'u': break;
      default: out += e;
    }
  }
  return out;
}

/** A request's arguments: space-separated, double quotes grouping. */
function requestArgs(s: string): string[] {
  const args: string[] = [];
  const re = /"((?:[^"]|"")*)"?|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) args.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  return args;
}

class Formatter {
  private out: string[] = [];
  private title = '';
  /** The man macros' margin and prevailing indent (in character widths, possibly fractional). */
  private margin = IN;
  private prevailing = IN;
  private saved: [number, number][] = [];
  /** The rst2man macros' saved indents, by their level. */
  private rstIndent: number[] = [];
  private rstLevel = 0;
  /** The current indent of text (.in). */
  private indent = IN;
  private fill = true;
  private noSpace = true;
  private words: string[] = [];
  /** A tag (`.IP`) waiting for the first text line of its paragraph. */
  private tag: string | undefined;
  private lineStart: string | undefined;
  /** groff alternates the end from which it spreads extra spaces in adjusted lines. */
  private reverse = false;

  format(roff: string): string {
    const lines = roff.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (/^[.']/.test(line)) {
        const m = /^[.']\s*(\S*)\s*(.*)$/.exec(line)!;
        const req = m[1];
        if (req === 'de' || req === 'de1') {
          while (i + 1 < lines.length && lines[i + 1] !== '..') i++;
          i++;
          continue;
        }
        this.request(req, m[2]);
      } else {
        this.text(line);
      }
    }
    this.flush(false);
    const head = this.title ? `${this.title}()` : '';
    const gap = Math.max(1, LINE_LENGTH - 2 * head.length);
    const header = `${head}${' '.repeat(gap)}${head}`;
    while (this.out.length && this.out[this.out.length - 1] === '') this.out.pop();
    const footer = `${' '.repeat(Math.max(0, LINE_LENGTH - head.length))}${head}`;
    return `${[header, '', '', '', ...this.out, '', '', '', footer].join('\n')}\n`;
  }

  private request(req: string, rest: string): void {
    const args = requestArgs(rest);
    switch (req) {
      case 'TH':
        this.title = roffText(args[0] ?? '');
        break;
      case 'SH':
      case 'SS':
        this.flush(false);
        this.space();
        this.margin = IN;
        this.prevailing = IN;
        this.saved = [];
        this.out.push(`${req === 'SS' ? '   ' : ''}${roffText(args.join(' '))}`);
        this.indent = this.margin;
        this.noSpace = true;
        this.tag = undefined;
        break;
      case 'sp':
        this.flush(false);
        this.space();
        break;
      case 'br':
        this.flush(false);
        break;
      case 'nf':
        this.flush(false);
        this.fill = false;
        break;
      case 'fi':
        this.flush(false);
        this.fill = true;
        break;
      case 'INDENT':
        this.flush(false);
        this.saved.push([this.margin, this.prevailing]);
        this.margin += Number(args[0] ?? this.prevailing) || 0;
        this.indent = this.margin;
        this.prevailing = IN;
        this.rstIndent[this.rstLevel++] = this.margin;
        break;
      case 'UNINDENT': {
        this.flush(false);
        const s = this.saved.pop();
        if (s) [this.margin, this.prevailing] = s;
        this.rstLevel = Math.max(0, this.rstLevel - 1);
        this.indent = this.rstIndent[this.rstLevel] ?? this.margin;
        break;
      }
      case 'IP':
      case 'TP':
        this.flush(false);
        this.space();
        if (args[1] !== undefined) this.prevailing = Number(args[1]) || this.prevailing;
        if (req === 'IP') this.tag = roffText(args[0] ?? '');
        else this.tag = '';
        break;
      case 'B':
      case 'I':
        if (args.length) this.text(args.join(' '));
        break;
      case 'in':
        this.flush(false);
        break;
      default:
        // Comments (.\"), fonts (.ft), registers (.nr), `.` alone: nothing to lay out.
        break;
    }
  }

  /** One line of vertical space (none right after a heading, or twice in a row at the top). */
  private space(): void {
    if (this.noSpace) return;
    this.out.push('');
  }

  private text(line: string): void {
    const text = roffText(line);
    if (this.tag !== undefined) {
      // The tag at the margin; the paragraph at the prevailing indent, on the tag's line if it fits.
      const col = Math.floor(this.margin);
      const body = Math.floor(this.margin + this.prevailing);
      const tag = this.tag;
      this.tag = undefined;
      this.indent = this.margin + this.prevailing;
      if (tag.length + 1 > this.prevailing) this.out.push(`${' '.repeat(col)}${tag}`);
      else this.lineStart = `${' '.repeat(col)}${tag}${' '.repeat(Math.max(1, body - col - tag.length))}`;
    }
    this.noSpace = false;
    if (!this.fill) {
      const start = this.lineStart ?? ' '.repeat(Math.floor(this.indent));
      this.lineStart = undefined;
      this.out.push(`${start}${text}`.replace(/\xa0/g, ' ').replace(/\s+$/, ''));
      return;
    }
    for (const w of text.split(' ')) {
      if (!w) continue;
      const width = LINE_LENGTH - Math.floor(this.indent);
      const len = this.words.reduce((a, x) => a + x.length + 1, -1);
      if (this.words.length && len + 1 + w.length > width) this.flush(true);
      this.words.push(w);
    }
  }

  /** Outputs the filled words: adjusted to both margins when the line is full, else as they are. */
  private flush(adjust: boolean): void {
    if (!this.words.length) return;
    const col = Math.floor(this.indent);
    const width = LINE_LENGTH - col;
    const gaps = this.words.length - 1;
    const spaces = new Array<number>(gaps).fill(1);
    let desired = width - this.words.reduce((a, x) => a + x.length, 0) - gaps;
    if (adjust && desired > 0) {
      let n = gaps;
      for (let k = 0; k < gaps; k++) {
        const g = this.reverse ? k : gaps - 1 - k;
        const extra = Math.floor(desired / n);
        desired -= extra;
        n -= 1;
        spaces[g] += extra;
      }
      this.reverse = !this.reverse;
    }
    let line = this.lineStart ?? ' '.repeat(col);
    this.lineStart = undefined;
    this.words.forEach((w, k) => {
      line += w + (k < gaps ? ' '.repeat(spaces[k]) : '');
    });
    this.out.push(line.replace(/\xa0/g, ' '));
    this.words = [];
  }
}

/** Lays out man page source (as manpage.ts writes it) as groff -m man -T ascii would, without hyphenation. */
export function formatRoff(roff: string): string {
  return new Formatter().format(roff);
}
