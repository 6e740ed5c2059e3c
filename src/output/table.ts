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
//
// At scale (a 10,000-job list is 38 MB of table): a row is kept as one string (its cells joined), a
// list of dicts keeps each element as its row and nested sections (ListSection), so that the paginated
// formatter drops each page once read (PagedTable); the drawn table comes out in chunks of lines.

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

/**
 * A row as a section keeps it: its cells joined by SEP, one flat string (no array and no string per
 * cell: a 10,000-item table stays small, and holds nothing of the responses its cells came from), or
 * the cells themselves when one of them holds SEP.
 */
type Row = string | string[];
const SEP = '\u0000';

function encodeRow(cells: string[]): Row {
  if (cells.length === 1) {
    // A long string may be a slice of a whole response: a copy of it lets the response go.
    const cell = cells[0];
    return cell.length < 13 ? cell : (SEP + cell).slice(1);
  }
  for (const cell of cells) if (cell.includes(SEP)) return cells;
  return cells.join(SEP);
}

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
  indent = 0;
  headers: string[] = [];
  rows: Row[] = [];
  numCols: number | null = null;
  /** Drawn as `header | value` rows (convertToVertical: one row under headers, in a table wider than the terminal). */
  vertical = false;
  /** The counted width of the widest cell (or header) of each column. */
  private maxWidths: number[] = [];
  /** The number of `header | value` rows once vertical. */
  private verticalRows = 0;

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
  }

  /** A row; `row` is its encoding when the caller has it already. */
  addRow(cells: string[], row: Row = encodeRow(cells)): void {
    if (this.numCols === null) this.numCols = cells.length;
    this.rows.push(row);
    this.updateMaxWidths(cells);
  }

  /** A row's cells (every row of a section has numCols of them). */
  cells(row: Row): string[] {
    if (typeof row !== 'string') return row;
    return this.numCols === 1 ? [row] : this.numCols === 0 ? [] : row.split(SEP);
  }

  private updateMaxWidths(texts: string[]): void {
    const widths = this.maxWidths;
    if (widths.length === 0) {
      for (const t of texts) widths.push(getTextLength(t));
      return;
    }
    for (let i = 0; i < texts.length; i++) {
      const n = getTextLength(texts[i]);
      if (!(n <= widths[i])) widths[i] = n;
    }
  }

  /** Turns the section into `header | value` rows (the AWS CLI makes a new section of them). */
  toVertical(): void {
    const cells = this.cells(this.rows[0]);
    const n = Math.min(this.headers.length, cells.length);
    let header = 0;
    let value = 0;
    for (let j = 0; j < n; j++) {
      header = Math.max(header, getTextLength(this.headers[j]));
      value = Math.max(value, getTextLength(cells[j]));
    }
    this.vertical = true;
    this.maxWidths = n ? [header, value] : [];
    this.verticalRows = n;
  }

  /** The number of header cells drawn (none once vertical). */
  get drawnHeaders(): number {
    return this.vertical ? 0 : this.headers.length;
  }

  /** The number of rows drawn. */
  get drawnRows(): number {
    return this.vertical ? this.verticalRows : this.rows.length;
  }

  /** Each row drawn, as its cells. */
  forEachRow(draw: (cells: string[]) => void): void {
    if (this.vertical) {
      const cells = this.cells(this.rows[0]);
      for (let j = 0; j < this.verticalRows; j++) draw([this.headers[j], cells[j]]);
    } else {
      for (const row of this.rows) draw(this.cells(row));
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
  for (const s of sections) if (s.rows.length === 1 && s.headers.length > 0) s.toVertical();
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
 * The drawn table is handed over in UTF-8 chunks of at least this many characters (but for a smaller
 * table): each is a large write, as the whole table was (main.ts writes those in pieces, the event loop
 * turning between them: Ctrl-C is answered, a reader that stops cannot hold the process).
 */
const CHUNK = 1024 * 1024;

/**
 * Draws the sections. With colour, colorama's autoreset adds a reset after every write to the
 * stream: the AWS CLI writes each section line as left bars, text, right bars and newline (4 writes).
 */
class Renderer {
  private parts: string[] = [];
  /** The characters in `parts`. */
  size = 0;
  private readonly bar: string;
  private readonly reset: string;
  // Lines that repeat from section to section (rules, titles, header rows), by their inputs.
  private readonly memo = new Map<string, string>();

  constructor(private readonly color: boolean, autoreset = true) {
    this.bar = color ? `${INDENT_STYLE}|${RESET}` : '|';
    this.reset = color && autoreset ? RESET : '';
  }

  private push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** One plain write to the stream. */
  write(s: string): void {
    this.push(s + this.reset);
  }

  /** What was drawn since the last call, as UTF-8. */
  take(): Buffer {
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    return chunk;
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
    const indent = section.indent;
    const maxWidth = tableWidth - indent * 2;
    const title = section.title;
    const headerCount = section.drawnHeaders;
    const rowCount = section.drawnRows;
    if (title) {
      this.push(this.memoLine(`t${indent}|${maxWidth}|${title}`, () =>
        this.wrap(indent, centerText(title, maxWidth, '|', '|', getTextLength(title)))));
      if (headerCount === 0 && rowCount === 0) {
        this.push(this.memoLine(`e${indent}|${maxWidth}`, () => this.wrap(indent, `+${dashes(maxWidth - 2)}+`)));
      }
    }
    if (headerCount === 0 && rowCount === 0) return;
    const widths = section.columnWidths(4, maxWidth);
    const widthsKey = `${indent}|${widths.join(',')}`;
    const rule = this.memoLine(`r${widthsKey}`, () => this.wrap(indent, lineBreak(widths)));
    if (headerCount > 0) {
      const headers = section.headers;
      this.push(rule);
      this.push(this.memoLine(`h${widthsKey}|${headers.join(SEP)}`, () => {
        let current = '';
        const n = Math.min(widths.length, headers.length);
        for (let i = 0; i < n; i++) current += centerText(headers[i], widths[i], i === 0 ? '|' : '', '|', getTextLength(headers[i]));
        return this.wrap(indent, current);
      }));
    }
    if (rowCount > 0 && widths.length > 0) {
      this.push(rule);
      const color = this.color;
      const bars = indent > 0 ? this.bar.repeat(indent) : '';
      const reset = this.reset;
      // Each row line is assembled in one join (a flat string), the cells laid out as align_left does.
      const buf: string[] = [];
      section.forEachRow((row) => {
        buf.length = 0;
        buf.push(bars, reset);
        const n = Math.min(widths.length, row.length);
        for (let i = 0; i < n; i++) {
          const leftEdge = i === 0 ? '|' : '';
          const length = getTextLength(row[i]);
          const pad = alignLeftPadding(widths[i], leftEdge, '|', length);
          buf.push(leftEdge, spaces(pad));
          if (color) buf.push(ROW_STYLE, row[i], RESET);
          else buf.push(row[i]);
          buf.push(spaces(widths[i] - (leftEdge.length + pad + length) - 1), '|');
        }
        buf.push(reset, bars, reset, '\n', reset);
        this.push(buf.join(''));
      });
      this.push(rule);
    }
  }
}

class MultiTable {
  sections: Section[] = [];
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

  addRow(cells: string[], row?: Row): void {
    const cur = this.currentSection;
    // 'Row should have N elements, instead it has M' in the AWS CLI: start a new section.
    if (cur.numCols !== null && cur.numCols !== cells.length) this.newSection('', cur.indent);
    this.current!.addRow(cells, row);
  }

  /** Sections built apart (ListSection), added in order: the last becomes the current one. */
  append(sections: Section[]): void {
    for (const s of sections) this.sections.push(s);
    if (sections.length) this.current = sections[sections.length - 1];
  }

  /** Starts again with no sections. */
  reset(): void {
    this.sections = [];
    this.current = null;
  }

  private maxWidth(): number {
    let max = 0;
    for (const s of this.sections) {
      const w = s.totalWidth(4, s.indent);
      if (w > max) max = w;
    }
    return max;
  }

  /** Draws the table, as UTF-8 chunks of lines (a 10,000-item table is tens of MB: never one string). */
  *render(color: boolean, terminalWidth: number, autoreset = true): Generator<Buffer, void, undefined> {
    let maxWidth = this.maxWidth();
    if (maxWidth > terminalWidth) {
      convertToVertical(this.sections);
      maxWidth = this.maxWidth();
    }
    const out = new Renderer(color, autoreset);
    out.write(`${dashes(maxWidth)}\n`);
    let held: Buffer | undefined;
    for (const s of this.sections) {
      out.section(s, maxWidth);
      if (out.size >= CHUNK) {
        if (held) yield held;
        held = out.take();
      }
    }
    // What is left joins the last full chunk.
    const rest = out.size ? out.take() : undefined;
    if (held && rest) yield Buffer.concat([held, rest]);
    else if (held ?? rest) yield (held ?? rest)!;
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

  rowsFromList(list: PyValue[]): void {
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
    const section = new ListSection(title, indent, true);
    for (const element of list) section.add(element);
    section.finish(this.table);
  }

  stray(element: PyValue, indent: number): void {
    if (Array.isArray(element)) {
      this.build('', element, indent);
    } else {
      this.table.newSection('', indent);
      this.table.addRow([pyStr(element)]);
    }
  }
}

/** One element of a list of dicts, as ListSection keeps it until the list's columns are known. */
interface ListElement {
  /** The element's scalar keys, sorted (one array for each distinct set of keys). */
  keys: string[];
  /** str() of their values, in that order. */
  row: Row;
  /** Those of its scalar keys whose value is falsy. */
  falsy?: string[];
  /** The sections of its non-scalar values, each after its key, in key order. */
  nested?: (string | Section)[];
  /** The element itself (when the caller holds the list anyway). */
  source?: PyDict;
  /** A non-dict element (the AWS CLI crashes there): the sections it gets. */
  stray?: Section[];
}

/**
 * A list of dicts (TableFormatter._build_sub_table_from_list): the sorted union of the elements'
 * scalar keys as headers and one row an element; when some element has non-scalar values, each
 * element starts a new section (same title and headers), followed by the sections of its non-scalar
 * values (those in the union of non-scalar keys). Both unions take every element: each element's row
 * and sections are made as it is added, kept compact (the row as one string), and laid out in the
 * table once the last is in; the elements themselves need not be kept.
 */
class ListSection {
  private readonly elements: ListElement[] = [];
  private readonly keySets = new Map<string, string[]>();
  private readonly more = new Set<string>();
  private readonly scratch = new MultiTable();
  private readonly builder = new Builder(this.scratch);

  /** `keepSource`: the caller holds the elements (then kept, for the cells of keys scalar in one element and not in another). */
  constructor(private readonly title: string | null, private readonly indent: number, private readonly keepSource: boolean) {}

  /** The sections `make` builds, apart from the table they will be drawn in. */
  private built(make: (b: Builder) => unknown): Section[] {
    this.scratch.reset();
    make(this.builder);
    return this.scratch.sections;
  }

  add(element: PyValue): void {
    if (!(element instanceof Map)) {
      // The AWS CLI crashes on a non-dict here: give it a section of its own.
      this.elements.push({ keys: [], row: '', stray: this.built((b) => b.stray(element, this.indent)) });
      return;
    }
    const [scalar, nonScalar] = groupScalarKeys(element);
    const id = scalar.join(SEP);
    let keys = this.keySets.get(id);
    if (keys === undefined) this.keySets.set(id, (keys = scalar));
    const cells: string[] = new Array(keys.length);
    let falsy: string[] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const v = element.get(keys[i])!;
      cells[i] = pyStr(v);
      if (!pyTruthy(v)) (falsy ??= []).push(keys[i]);
    }
    const e: ListElement = { keys, row: encodeRow(cells) };
    if (falsy) e.falsy = falsy;
    if (this.keepSource) e.source = element;
    for (const key of nonScalar) {
      this.more.add(key);
      const sections = this.built((b) => b.build(key, element.get(key)!, this.indent + 1));
      if (sections.length) (e.nested ??= []).push(key, ...sections);
    }
    this.elements.push(e);
  }

  /** Lays the list out in `table`, under the section its title opened. */
  finish(table: MultiTable): void {
    const headerSet = new Set<string>();
    for (const keys of this.keySets.values()) for (const k of keys) headerSet.add(k);
    const headers = sortedKeys(headerSet);
    const more = sortedKeys(this.more);
    if (!this.keepSource && more.some((k) => headerSet.has(k))) {
      throw new Error('table: a member is a scalar in one item of the list and not in another');
    }
    table.addRowHeader(headers);
    let first = true;
    let needsHeader = false;
    const elements = this.elements;
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i];
      if (e.stray) {
        table.append(e.stray);
        needsHeader = true;
        continue;
      }
      if ((!first && more.length > 0) || needsHeader) {
        table.newSection(this.title, this.indent);
        table.addRowHeader(headers);
        needsHeader = false;
      }
      first = false;
      this.addRow(table, e, headers);
      for (const key of more) {
        const at = e.nested ? e.nested.indexOf(key) : -1;
        if (at >= 0) {
          const sections: Section[] = [];
          for (let j = at + 1; j < e.nested!.length && typeof e.nested![j] !== 'string'; j++) sections.push(e.nested![j] as Section);
          table.append(sections);
        } else if (e.keys.includes(key) && !e.falsy?.includes(key)) {
          // A scalar under a key that holds a list or dict elsewhere: its title alone.
          table.newSection(key, this.indent + 1);
        }
      }
    }
    this.elements.length = 0;
  }

  /** The element's row under the list's headers ('' where it has no such key). */
  private addRow(table: MultiTable, e: ListElement, headers: string[]): void {
    const cells = typeof e.row === 'string' ? (e.keys.length === 1 ? [e.row] : e.keys.length === 0 ? [] : e.row.split(SEP)) : e.row;
    if (e.keys.length === headers.length && e.keys.every((k, i) => k === headers[i])) {
      table.addRow(cells, e.row);
      return;
    }
    table.addRow(headers.map((h) => {
      const i = e.keys.indexOf(h);
      if (i >= 0) return cells[i];
      return e.source?.has(h) ? pyStr(e.source.get(h)!) : '';
    }));
  }
}

/**
 * The whole `--output table` rendering of a response, titled with the operation's name (e.g.
 * `GetTrainedModelInferenceJob`). An empty or null response (or any falsy value) renders as ''.
 */
export function formatTable(value: PyValue, title: string, opts: TableOptions): string {
  return Buffer.from(formatTableBytes(value, title, opts)).toString('utf8');
}

/** formatTable's output as UTF-8 bytes, for the stream. */
export function formatTableBytes(value: PyValue, title: string, opts: TableOptions): Uint8Array {
  const table = new MultiTable();
  if (!new Builder(table).build(title, value, 0)) return new Uint8Array(0);
  return Buffer.concat([...table.render(opts.color, opts.width, opts.autoreset)]);
}

/**
 * The table of a paginated list's merged result, `{key: [items…], NextToken: token}` under the
 * operation's title (what formatTable draws of it), built a page at a time: each item becomes its row
 * and sections as it comes, and the pages are not held. The items are a shaped response's (a member
 * holds a dict or list in every item or in none).
 */
export class PagedTable {
  private readonly table = new MultiTable();
  private readonly builder = new Builder(this.table);
  private readonly top: Section;
  /** Whether some page had the list. */
  private seen = false;
  private started = false;
  /** The list's items are dicts (its first one is). */
  private list: ListSection | undefined;

  constructor(title: string, private readonly key: string) {
    this.table.newSection(title, 0);
    this.top = this.table.currentSection;
  }

  /** A page's list (null or missing: nothing, as build_full_result skips it). */
  add(items: PyValue | undefined): void {
    if (items === undefined || items === null) return;
    this.seen = true;
    for (const item of items as PyValue[]) {
      if (!this.started) {
        // The merged list's section; its first item decides how the list is laid out.
        this.started = true;
        this.table.newSection(this.key, 1);
        if (item instanceof Map) this.list = new ListSection(this.key, 1, false);
      }
      if (this.list) this.list.add(item);
      else this.builder.rowsFromList([item]);
    }
  }

  /** The drawn table, in UTF-8 chunks (nothing for an empty result), with NextToken when --max-items stopped the pages. */
  *finish(token: string | undefined, opts: TableOptions): Generator<Buffer, void, undefined> {
    if (!this.seen && token === undefined) return;
    // The merged dict's one scalar key, NextToken, is a `key | value` row of its own.
    if (token !== undefined) this.top.addRow(['NextToken', token]);
    this.list?.finish(this.table);
    this.list = undefined;
    yield* this.table.render(opts.color, opts.width, opts.autoreset);
  }
}
