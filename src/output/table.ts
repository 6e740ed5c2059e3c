// `--output table`: the AWS CLI's boxed table (awscli/formatter.py TableFormatter + awscli/table.py).
//
// How it is built: the response becomes a list of sections, each with a title, an indent level
// (one more `|` on each side per level of nesting), optional column headers and rows of strings:
//  - a dict gives one row: its scalar keys (sorted by code point) as headers and their values as the
//    row, or a single `key | value` row when it has one scalar key; each non-scalar value (sorted by
//    key) becomes a section of its own one level deeper, titled with its key; falsy ones vanish;
//  - a list of dicts gives a header row (the sorted union of their scalar keys) and one row a dict;
//    when the dicts have non-scalar values, every dict after the first starts a new section with the
//    same title and headers, followed by its nested sections;
//  - a list of scalars gives one single-column row an element (a list of scalars in it, one row of
//    those; a dict in it, a row of its keys, as the AWS CLI does).
// How it is drawn: the table is as wide as its widest section (column widths = longest cell + 4,
// borders, 2 columns per indent level, or the title); when that exceeds the terminal width, every
// section with headers and exactly one row is turned into `header | value` rows. Each section's
// columns are then scaled to the table's width (Python's round-half-even, the remainder taken
// from the first columns or given to the last ones). Widths count East Asian Wide, Fullwidth and
// Ambiguous characters as two columns, as Python's unicodedata (Unicode 16.0) classifies them.
// With colour, cells are bold blue, the nesting bars dim yellow, and, as colorama's autoreset does,
// a reset sequence follows every write to the stream, even an empty one.
//
// Where the AWS CLI crashes (a row whose length differs from its section's columns, e.g. a dict after
// scalars in a `--query` list; a non-dict among the dicts of a list), the offending row or element
// goes into a new untitled section of its own at the same level instead.

import type { PyDict, PyValue } from '../py/values';
import { roundHalfEven } from '../py/numbers';
import { pyStr } from '../py/repr';
import { pyTruthy } from '../py/ops';
import { sortedKeys } from '../py/str';

export interface TableOptions {
  /** Colour as `--color on` (or `auto` on a terminal) gives it. */
  color: boolean;
  /**
   * With colour, whether the stream resets after every write, as colorama's autoreset wraps the AWS
   * CLI's stdout (default). Its error tables go to the stderr it held before colorama wrapped it: no
   * resets there.
   */
  autoreset?: boolean;
  /** The terminal's width in columns (80 when stdout is not a terminal). */
  width: number;
}

// ---------------------------------------------------------------------------------------------------
// Display width (awscli/table.py get_text_length): 2 for East_Asian_Width W, F or A, else 1, per code point.

// Code point ranges whose East_Asian_Width is W, F or A in Python 3.14's unicodedata (Unicode 16.0),
// unassigned code points of the CJK ideograph blocks and planes 2-3 included (W by default).
// Encoded as hex pairs `gap.length-1`: each range starts `gap` after the end of the previous one.
const WIDE_RANGES =
  'a1.0,3.0,3.1,2.0,3.1,2.4,2.4,2.3,7.0,a.0,7.1,6.3,5.0,2.2,2.1,3.0,2.1,4.3,2.0,2.0,3.0,10.0,2.0,8.' +
  '0,b.1,4.0,6.2,5.0,7.3,2.0,4.3,2.0,5.1,13.1,4.0,63.0,2.0,2.0,2.0,2.0,2.0,2.0,2.0,75.0,10.0,63.0,3' +
  '.0,2.2,2.0,3.0,8.3,2.0,2.0,21.6f,22.10,2.6,8.10,2.6,38.0,f.3f,2.0,caf.5f,eb1.0,3.3,2.1,3.1,3.2,2' +
  '.3,9.0,2.1,2.0,6.0,3.0,36.0,b.0,2.3,28.0,57.0,2.0,4.0,a.0,3.0,b.1,4.0,5.0,28.1,7.3,2.b,5.9,10.0,' +
  '7.9,1f.1,19.0,2.0,13.0,19.0,2.1,4.1,3.0,4.0,2.0,4.0,5.0,3.3,3.0,2.0,2.5,2.0,6.3,5.1,b.0,4.0,6.0,' +
  'e.1,3.3,3.1,3.1,13.1,3.1,e.0,4.0,c.0,1a.0,53.0,8.1,e.1,bf.3,4.0,3.0,6d.89,2.60,5.23,d.f,3.3,b.1,' +
  '2.6,9.1,3.1,5.1,3.1,5.2,3.0,3.3,11.3,a.0,e.1,7.1,3.0,5.1,5.1,7.0,2.0,12.7,9.0,2.0,6.b,d.1,2.2,2.' +
  '3,2.1,2.0,10.0,b.5,4.0,b.1,2.0,9.1,12.2,5.1d,2.0,5.17,6.0,5.1,1d.0,15.0,f.0,2.0,5.2,2.0,1f.9,16.' +
  '2,19.0,f.0,35c.1,34.0,5.4,327.19,2.58,d.d5,1b.4e,3.55,3.66,6.2a,2.5d,2.55,a.2f,2.726c,4.36,49a.1' +
  'c,284.2ba3,85d.1aff,301.19,17.22,2.12,2.3,96.5f,80.6,17.0,6fe3.4,c.1,f.17f7,9.4d5,2a.9,22e8.3,2.' +
  '6,2.1,2.122,10.0,1e.2,3.0,f.3,9.18b,2005.56,a.16,1c8e.0,cb.0,31.a,6.1d,3.39,7.3c,54.2,e.2b,5.8,8' +
  '.1,f.5,9b.20,d.8,2.45,2.15,d.2a,5.4,d.10,4.0,4.46,2.0,2.ba,3.3e,e.3,2.17,13.0,1b.1,e.0,57.54,31.' +
  '45,7.0,4.2,3.2,5.3,c.1,8.8,e4.b,5.0,11c.2e,2.9,2.b8,71.c,4.9,6.37,8.e,3.a,7.8,508.fffd,3.fffd,a0' +
  '103.ef,fe11.fffd,3.fffd';
let wideStarts: Uint32Array | null = null;
let wideEnds: Uint32Array | null = null;

function decodeWideRanges(): void {
  const pairs = WIDE_RANGES.split(',');
  wideStarts = new Uint32Array(pairs.length);
  wideEnds = new Uint32Array(pairs.length);
  let prev = 0;
  for (let i = 0; i < pairs.length; i++) {
    const dot = pairs[i].indexOf('.');
    const start = prev + parseInt(pairs[i].slice(0, dot), 16);
    const end = start + parseInt(pairs[i].slice(dot + 1), 16);
    wideStarts[i] = start;
    wideEnds[i] = end;
    prev = end;
  }
}

function isWide(cp: number): boolean {
  if (wideStarts === null) decodeWideRanges();
  const starts = wideStarts!;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < starts[mid]) hi = mid - 1;
    else if (cp > wideEnds![mid]) lo = mid + 1;
    else return true;
  }
  return false;
}

// Every code point below U+00A1 is narrow or neutral.
const MAY_BE_WIDE = /[^\x00-\xa0]/;

/** The number of terminal columns the AWS CLI's table reserves for `text`. */
export function getTextLength(text: string): number {
  if (!MAY_BE_WIDE.test(text)) return text.length;
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp >= 0xa1 && isWide(cp) ? 2 : 1;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Sections and their layout.

// Runs of spaces and dashes, shared (a 10,000-item table draws hundreds of thousands of them).
const SPACES: string[] = [];
const DASHES: string[] = [];
function run(cache: string[], ch: string, n: number): string {
  if (n <= 0) return '';
  if (n > 512) return ch.repeat(n);
  return (cache[n] ??= ch.repeat(n));
}
const spaces = (n: number): string => run(SPACES, ' ', n);
const dashes = (n: number): string => run(DASHES, '-', n);

class Section {
  /** null where the AWS CLI's title is None (it then counts as the 4 characters of 'None'). */
  title: string | null = '';
  headers: string[] = [];
  headerLengths: number[] = [];
  rows: string[][] = [];
  /** The counted width of every cell of `rows`. */
  rowLengths: number[][] = [];
  indent = 0;
  numCols: number | null = null;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    const lengths = headers.map(getTextLength);
    this.updateMaxWidths(lengths);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
    this.headerLengths = lengths;
  }

  addRow(row: string[], lengths: number[] = row.map(getTextLength)): void {
    if (this.numCols === null) this.numCols = row.length;
    this.rows.push(row);
    this.rowLengths.push(lengths);
    this.updateMaxWidths(lengths);
  }

  private updateMaxWidths(lengths: number[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = lengths.slice();
    } else {
      const widths = this.maxWidths;
      for (let i = 0; i < lengths.length; i++) if (!(lengths[i] <= widths[i])) widths[i] = lengths[i];
    }
  }

  /** The columns' widths (longest cell + padding), scaled to fill maxWidth exactly when given. */
  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    let total = 0;
    for (const w of unscaled) total += w;
    const scale = maxWidth / total;
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let sum = 0;
    for (const w of scaled) sum += w;
    let offBy = sum - maxWidth;
    while (offBy !== 0) {
      if (offBy > 0) {
        for (let i = 0; i < scaled.length && offBy !== 0; i++) {
          scaled[i] -= 1;
          offBy -= 1;
        }
      } else {
        for (let i = scaled.length - 1; i >= 0 && offBy !== 0; i--) {
          scaled[i] += 1;
          offBy += 1;
        }
      }
    }
    return scaled;
  }

  /** The width this section needs: its columns (+ padding each), borders and indentation, or its title. */
  totalWidth(padding: number, outerPadding: number): number {
    let total = 2 + outerPadding * 2;
    for (const w of this.maxWidths) total += w + padding;
    const titleWidth = getTextLength(this.title === null ? 'None' : this.title) + 2 + outerPadding * 2;
    return Math.max(titleWidth, total);
  }
}

/** Turns every section with headers and a single row into `header | value` rows. */
function convertToVertical(sections: Section[]): void {
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.rows.length === 1 && s.headers.length > 0) {
      const v = new Section();
      v.title = s.title;
      v.indent = s.indent;
      const row = s.rows[0];
      const lengths = s.rowLengths[0];
      const n = Math.min(s.headers.length, row.length);
      for (let j = 0; j < n; j++) v.addRow([s.headers[j], row[j]], [s.headerLengths[j], lengths[j]]);
      sections[i] = v;
    }
  }
}

// ANSI sequences as colorama writes them.
const RESET = '\x1b[0m';
const ROW_STYLE = '\x1b[1m\x1b[34m'; // Style.BRIGHT + Fore.BLUE
const INDENT_STYLE = '\x1b[2m\x1b[33m'; // Style.DIM + Fore.YELLOW

/** Centres text between edges (awscli/table.py center_text); edges here are '|' or ''. */
function centerText(text: string, length: number, leftEdge: string, rightEdge: string, textLength: number): string {
  const charStart = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const lengthSoFar = leftEdge.length + charStart + textLength;
  const rightSide = length - rightEdge.length - lengthSoFar;
  return leftEdge + spaces(charStart) + text + spaces(rightSide) + rightEdge;
}

/**
 * awscli/table.py align_left: a cell is its left edge, 2 spaces of padding (none when they do not fit),
 * the text, then spaces up to its width less the right edge. This gives the padding.
 */
function alignLeftPadding(length: number, leftEdge: string, rightEdge: string, textLength: number): number {
  return length - (textLength + 2 + leftEdge.length + rightEdge.length) >= 0 ? 2 : 0;
}

function lineBreak(widths: number[]): string {
  let s = '';
  for (let i = 0; i < widths.length; i++) {
    s += i === 0 ? `+${dashes(widths[i] - 2)}+` : `${dashes(widths[i] - 1)}+`;
  }
  return s;
}

/**
 * Draws the sections. With colour, colorama's autoreset adds a reset after every write to the
 * stream: the AWS CLI writes each section line as left bars, text, right bars and newline (4 writes).
 */
class Renderer {
  private readonly parts: string[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly bar: string;
  private readonly reset: string;
  // Lines that repeat from section to section (rules, titles, header rows), by their inputs.
  private readonly memo = new Map<string, string>();

  constructor(private readonly color: boolean, autoreset = true) {
    this.bar = color ? `${INDENT_STYLE}|${RESET}` : '|';
    this.reset = color && autoreset ? RESET : '';
  }

  /** One plain write to the stream. */
  write(s: string): void {
    this.parts.push(s + this.reset);
  }

  /** The complete output of a section line at `indent`, between `indent` bars on each side. */
  private wrap(indent: number, text: string): string {
    const bars = indent > 0 ? this.bar.repeat(indent) : '';
    const r = this.reset;
    return [bars, r, text, r, bars, r, '\n', r].join(''); // joined: a flat string, cheap to copy again
  }

  private memoLine(key: string, make: () => string): string {
    let line = this.memo.get(key);
    if (line === undefined) {
      line = make();
      this.memo.set(key, line);
    }
    return line;
  }

  section(section: Section, tableWidth: number): void {
    const parts = this.parts;
    const indent = section.indent;
    const maxWidth = tableWidth - indent * 2;
    const title = section.title;
    if (title) {
      parts.push(
        this.memoLine(`t${indent}|${maxWidth}|${title}`, () =>
          this.wrap(indent, centerText(title, maxWidth, '|', '|', getTextLength(title))),
        ),
      );
      if (section.headers.length === 0 && section.rows.length === 0) {
        parts.push(this.memoLine(`e${indent}|${maxWidth}`, () => this.wrap(indent, `+${dashes(maxWidth - 2)}+`)));
      }
    }
    if (section.headers.length === 0 && section.rows.length === 0) return;
    const widths = section.columnWidths(4, maxWidth);
    const widthsKey = `${indent}|${widths.join(',')}`;
    const rule = this.memoLine(`r${widthsKey}`, () => this.wrap(indent, lineBreak(widths)));
    if (section.headers.length > 0) {
      const headers = section.headers;
      const lengths = section.headerLengths;
      parts.push(rule);
      parts.push(
        this.memoLine(`h${widthsKey}|${headers.join('\u0000')}`, () => {
          let current = '';
          const n = Math.min(widths.length, headers.length);
          for (let i = 0; i < n; i++) current += centerText(headers[i], widths[i], i === 0 ? '|' : '', '|', lengths[i]);
          return this.wrap(indent, current);
        }),
      );
    }
    if (section.rows.length > 0 && widths.length > 0) {
      parts.push(rule);
      const color = this.color;
      const bars = indent > 0 ? this.bar.repeat(indent) : '';
      const reset = this.reset;
      // Each row line is assembled in one join (a flat string), the cells laid out as align_left does.
      const buf: string[] = [];
      for (let r = 0; r < section.rows.length; r++) {
        const row = section.rows[r];
        const lengths = section.rowLengths[r];
        buf.length = 0;
        buf.push(bars, reset);
        const n = Math.min(widths.length, row.length);
        for (let i = 0; i < n; i++) {
          const leftEdge = i === 0 ? '|' : '';
          const pad = alignLeftPadding(widths[i], leftEdge, '|', lengths[i]);
          buf.push(leftEdge, spaces(pad));
          if (color) buf.push(ROW_STYLE, row[i], RESET);
          else buf.push(row[i]);
          buf.push(spaces(widths[i] - (leftEdge.length + pad + lengths[i]) - 1), '|');
        }
        buf.push(reset, bars, reset, '\n', reset);
        parts.push(buf.join(''));
      }
      parts.push(rule);
    }
  }

  /** Past a few thousand lines, the lines so far become a UTF-8 chunk (a large table is never one huge string). */
  spill(): void {
    if (this.parts.length < 4096) return;
    this.chunks.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts.length = 0;
  }

  toString(): string {
    return this.chunks.length ? this.toBytes().toString('utf8') : this.parts.join('');
  }

  toBytes(): Buffer {
    return Buffer.concat([...this.chunks, Buffer.from(this.parts.join(''), 'utf8')]);
  }
}

class MultiTable {
  readonly sections: Section[] = [];
  private current: Section | null = null;

  get currentSection(): Section {
    if (this.current === null) this.newSection('', 0);
    return this.current!;
  }

  newSection(title: string | null, indent: number): void {
    const s = new Section();
    s.title = title;
    s.indent = indent;
    this.sections.push(s);
    this.current = s;
  }

  addRowHeader(headers: string[]): void {
    const cur = this.currentSection;
    // A header of another width than the section's columns crashes the AWS CLI: start a new section.
    if (cur.numCols !== null && cur.numCols !== headers.length) this.newSection('', cur.indent);
    this.current!.addHeader(headers);
  }

  addRow(row: string[]): void {
    const cur = this.currentSection;
    // 'Row should have N elements, instead it has M' in the AWS CLI: start a new section.
    if (cur.numCols !== null && cur.numCols !== row.length) this.newSection('', cur.indent);
    this.current!.addRow(row);
  }

  private maxWidth(): number {
    let max = 0;
    for (const s of this.sections) {
      const w = s.totalWidth(4, s.indent);
      if (w > max) max = w;
    }
    return max;
  }

  render(color: boolean, terminalWidth: number, autoreset = true): Renderer {
    let maxWidth = this.maxWidth();
    if (maxWidth > terminalWidth) {
      convertToVertical(this.sections);
      maxWidth = this.maxWidth();
    }
    const out = new Renderer(color, autoreset);
    out.write(`${dashes(maxWidth)}\n`);
    for (const s of this.sections) {
      out.section(s, maxWidth);
      out.spill();
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// From a response to sections (awscli/formatter.py TableFormatter._build_table and helpers).

const isScalar = (v: PyValue): boolean => !(v instanceof Map || Array.isArray(v));

function groupScalarKeys(d: PyDict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const [k, v] of d) (isScalar(v) ? headers : more).push(k);
  return [sortedKeys(headers), sortedKeys(more)];
}

class Builder {
  constructor(private readonly table: MultiTable) {}

  build(title: string | null, current: PyValue, indent: number): boolean {
    if (!pyTruthy(current)) return false;
    if (title !== null) this.table.newSection(title, indent);
    if (Array.isArray(current)) {
      if (current[0] instanceof Map) this.subTableFromList(current, indent, title);
      else this.rowsFromList(current);
    } else if (current instanceof Map) {
      this.subTableFromDict(current, indent);
    }
    return true;
  }

  private rowsFromList(list: PyValue[]): void {
    const table = this.table;
    for (const item of list) {
      if (isScalar(item)) {
        table.addRow([pyStr(item)]);
      } else if (item instanceof Map) {
        const cur = table.currentSection;
        if (cur.numCols === null || cur.numCols === item.size) {
          // The AWS CLI iterates the dict here, so the row holds its keys.
          table.addRow(Array.from(item.keys()));
        } else {
          // The AWS CLI crashes here: show the dict as a table of its own.
          table.newSection('', cur.indent);
          this.subTableFromDict(item, cur.indent);
        }
      } else if ((item as PyValue[]).every(isScalar)) {
        table.addRow((item as PyValue[]).map(pyStr));
      } else {
        // As the AWS CLI does: no title, and the indentation starts again from 0.
        this.build(null, item, 0);
      }
    }
  }

  private subTableFromDict(d: PyDict, indent: number): void {
    const [headers, more] = groupScalarKeys(d);
    if (headers.length === 1) {
      this.table.addRow([headers[0], pyStr(d.get(headers[0])!)]);
    } else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((h) => pyStr(d.get(h)!)));
    }
    for (const key of more) this.build(key, d.get(key)!, indent + 1);
  }

  private subTableFromList(list: PyValue[], indent: number, title: string | null): void {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of list) {
      if (!(item instanceof Map)) continue;
      for (const [k, v] of item) (isScalar(v) ? headerSet : moreSet).add(k);
    }
    const headers = sortedKeys(headerSet);
    const more = sortedKeys(moreSet);
    const table = this.table;
    table.addRowHeader(headers);
    let first = true;
    let needsHeader = false;
    for (const element of list) {
      if (!(element instanceof Map)) {
        // The AWS CLI crashes on a non-dict here: give it a section of its own.
        this.stray(element, indent);
        needsHeader = true;
        continue;
      }
      if ((!first && more.length > 0) || needsHeader) {
        table.newSection(title, indent);
        table.addRowHeader(headers);
        needsHeader = false;
      }
      first = false;
      table.addRow(headers.map((h) => (element.has(h) ? pyStr(element.get(h)!) : '')));
      for (const key of more) {
        if (element.has(key)) this.build(key, element.get(key)!, indent + 1);
      }
    }
  }

  private stray(element: PyValue, indent: number): void {
    if (Array.isArray(element)) {
      this.build('', element, indent);
    } else {
      this.table.newSection('', indent);
      this.table.addRow([pyStr(element)]);
    }
  }
}

/**
 * The whole `--output table` rendering of a response, titled with the operation's name (e.g.
 * `GetTrainedModelInferenceJob`). An empty or null response (or any falsy value) renders as ''.
 */
export function formatTable(value: PyValue, title: string, opts: TableOptions): string {
  const table = new MultiTable();
  if (!new Builder(table).build(title, value, 0)) return '';
  return table.render(opts.color, opts.width, opts.autoreset).toString();
}

/** formatTable's output as UTF-8 bytes, for the stream (a 10,000-row table is tens of MB). */
export function formatTableBytes(value: PyValue, title: string, opts: TableOptions): Uint8Array {
  const table = new MultiTable();
  if (!new Builder(table).build(title, value, 0)) return new Uint8Array(0);
  return table.render(opts.color, opts.width, opts.autoreset).toBytes();
}
