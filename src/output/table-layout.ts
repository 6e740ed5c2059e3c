// The layout and drawing of `--output table` (awscli/table.py): sections of rows and their widths,
// drawn as UTF-8. The sections are built from a response by ./table.ts.
import { roundHalfEven } from '../py/numbers';

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

/** The number of terminal columns the AWS CLI's table reserves for `text`. */
export function getTextLength(text: string): number {
  return textLengthIn(text, 0, text.length);
}

/** getTextLength of text[start, end), read in place. */
function textLengthIn(text: string, start: number, end: number): number {
  // Every code point below U+00A1 is narrow or neutral.
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0xa0) return wideTextLength(text.slice(start, end));
  return end - start;
}

function wideTextLength(text: string): number {
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
export type Row = string | string[];
export const SEP = '\u0000';

export function encodeRow(cells: string[]): Row {
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

// (Arrays are made at their size: a 10,000-item table has tens of thousands of sections, most of
// them of one row.)
export const NONE: readonly never[] = Object.freeze([]);

export class Section {
  /** null where the AWS CLI's title is None (it then counts as the 4 characters of 'None'). */
  title: string | null = '';
  indent = 0;
  headers: string[] = NONE as never[];
  rows: Row[] = NONE as never[];
  numCols: number | null = null;
  /** Drawn as `header | value` rows (convertToVertical: one row under headers, in a table wider than the terminal). */
  vertical = false;
  /** The counted width of the widest cell (or header) of each column. */
  private maxWidths: number[] = NONE as never[];
  /** The number of `header | value` rows once vertical. */
  private verticalRows = 0;

  addHeader(headers: string[]): void {
    this.widen(headers, headers.length);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
  }

  /** A row of `count` cells, as encodeRow gives it. */
  addRow(row: Row, count: number): void {
    if (this.numCols === null) this.numCols = count;
    if (this.rows.length) this.rows.push(row);
    else this.rows = [row];
    this.widen(row, count);
  }

  /** A row's cells (every row of a section has numCols of them). */
  cells(row: Row): string[] {
    if (typeof row !== 'string') return row;
    return this.numCols === 1 ? [row] : this.numCols === 0 ? [] : row.split(SEP);
  }

  /** The counted width of the first `limit` of a row's `count` cells, read in place (no cell is cut out). */
  private forEachWidth(row: Row, count: number, f: (i: number, width: number) => void, limit = count): void {
    if (typeof row !== 'string') {
      for (let i = 0; i < limit; i++) f(i, getTextLength(row[i]));
      return;
    }
    let start = 0;
    for (let i = 0; i < limit; i++) {
      const end = count === 1 ? row.length : i === count - 1 ? row.length : row.indexOf(SEP, start);
      f(i, textLengthIn(row, start, end));
      start = end + 1;
    }
  }

  /** The columns as wide as a row's cells need (the first row or header sets their number). */
  private widen(row: Row, count: number): void {
    let widths = this.maxWidths;
    if (widths.length === 0) {
      if (count === 0) return;
      widths = this.maxWidths = new Array<number>(count);
      this.forEachWidth(row, count, (i, w) => { widths[i] = w; });
    } else {
      this.forEachWidth(row, count, (i, w) => { if (!(w <= widths[i])) widths[i] = w; });
    }
  }

  /** Turns the section into `header | value` rows (the AWS CLI makes a new section of them). */
  toVertical(): void {
    const row = this.rows[0];
    const count = typeof row === 'string' ? this.numCols! : row.length;
    const n = Math.min(this.headers.length, count);
    let header = 0;
    let value = 0;
    for (let j = 0; j < n; j++) header = Math.max(header, getTextLength(this.headers[j]));
    this.forEachWidth(row, count, (_, w) => { value = Math.max(value, w); }, n);
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
 * The drawn table is handed over in UTF-8 chunks of about this many bytes (the last one joins the one
 * before): each is a large write, as the whole table was (main.ts writes those in pieces, the event loop
 * turning between them: Ctrl-C is answered, a reader that stops cannot hold the process).
 */
const CHUNK = 1024 * 1024;

/** A memo key for a section's column widths (and indent): a number for up to 2 columns, else a string. */
function widthsKey(indent: number, widths: number[]): number | string {
  if (widths.length <= 2 && indent < 1024 && widths.every((w) => w >= 0 && w < 1 << 20)) {
    return (indent * 2 ** 20 + (widths[0] ?? 0)) * 2 ** 21 + (widths.length === 2 ? widths[1] + 1 : 0);
  }
  return `${indent}|${widths.join(',')}`;
}

/**
 * Draws the sections, as UTF-8 straight into chunks of bytes (a 10,000-item table is 38 MB: no
 * string of a line or of the table is made; cells are copied out of their rows in place). With colour,
 * colorama's autoreset adds a reset after every write to the stream: the AWS CLI writes each section
 * line as left bars, text, right bars and newline (4 writes).
 */
class Renderer {
  /** Bytes are written into `buf`; once full, it joins `filled`. */
  private buf: Buffer | undefined;
  private used = 0;
  private readonly filled: Buffer[] = [];
  /** Chunks handed back once written, their memory drawn in again. */
  private readonly spare: Buffer[] = [];
  private readonly bar: string;
  private readonly reset: string;
  /** `indent` bars, by indent. */
  private readonly bars: string[] = [];
  // Lines that repeat from section to section, as UTF-8: titles (by title, then indent), rules (by
  // widths), header rows (by headers, then widths), the line of an empty titled section (by indent).
  private readonly titles = new Map<string, Uint8Array[]>();
  private readonly rules = new Map<number | string, Uint8Array>();
  private readonly headerLines = new WeakMap<string[], Map<number | string, Uint8Array>>();
  private readonly emptyLines: Uint8Array[] = [];

  constructor(private readonly color: boolean, autoreset = true) {
    this.bar = color ? `${INDENT_STYLE}|${RESET}` : '|';
    this.reset = color && autoreset ? RESET : '';
  }

  /** Room for `units` more UTF-16 units (at most 3 bytes of UTF-8 each). */
  private room(units: number): void {
    const need = units * 3;
    if (this.buf && this.buf.length - this.used >= need) return;
    if (this.buf && this.used) this.filled.push(this.buf.subarray(0, this.used));
    const spare = this.spare.pop();
    this.buf = spare && spare.length >= need ? spare : Buffer.allocUnsafe(Math.max(CHUNK, need));
    this.used = 0;
  }

  /** A chunk this renderer gave, written: its memory takes the next lines. */
  recycle(chunk: Buffer): void {
    if (chunk.byteOffset === 0 && chunk.buffer.byteLength >= CHUNK) this.spare.push(Buffer.from(chunk.buffer, 0, chunk.buffer.byteLength));
  }

  /** text[start, end) as UTF-8: a byte at a time while it is ASCII. */
  private put(text: string, start = 0, end = text.length): void {
    this.room(end - start);
    const buf = this.buf!;
    let off = this.used;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        off += buf.write(text.slice(i, end), off, 'utf8');
        break;
      }
      buf[off++] = c;
    }
    this.used = off;
  }

  private putSpaces(n: number): void {
    if (n <= 0) return;
    this.room(n);
    const buf = this.buf!;
    if (n > 16) {
      buf.fill(0x20, this.used, this.used + n);
      this.used += n;
      return;
    }
    let off = this.used;
    for (let i = 0; i < n; i++) buf[off++] = 0x20;
    this.used = off;
  }

  private putBytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf!.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** One plain write to the stream. */
  write(s: string): void {
    this.put(s + this.reset);
  }

  /** The chunks filled since the last call. */
  takeFilled(): Buffer[] {
    return this.filled.length ? this.filled.splice(0) : [];
  }

  /** What is drawn and not yet in a filled chunk. */
  takeRest(): Buffer | undefined {
    const rest = this.used ? this.buf!.subarray(0, this.used) : undefined;
    this.buf = undefined;
    this.used = 0;
    return rest;
  }

  private barsAt(indent: number): string {
    return (this.bars[indent] ??= indent > 0 ? this.bar.repeat(indent) : '');
  }

  /** The complete output of a section line at `indent`, between `indent` bars on each side, as UTF-8. */
  private wrap(indent: number, text: string): Uint8Array {
    const bars = this.barsAt(indent);
    const r = this.reset;
    return Buffer.from(bars + r + text + r + bars + r + '\n' + r, 'utf8');
  }

  section(section: Section, tableWidth: number): void {
    const indent = section.indent;
    const maxWidth = tableWidth - indent * 2;
    const title = section.title;
    const headerCount = section.drawnHeaders;
    const rowCount = section.drawnRows;
    if (title) {
      let byIndent = this.titles.get(title);
      if (!byIndent) this.titles.set(title, (byIndent = []));
      this.putBytes(byIndent[indent] ??= this.wrap(indent, centerText(title, maxWidth, '|', '|', getTextLength(title))));
      if (headerCount === 0 && rowCount === 0) {
        this.putBytes(this.emptyLines[indent] ??= this.wrap(indent, `+${dashes(maxWidth - 2)}+`));
      }
    }
    if (headerCount === 0 && rowCount === 0) return;
    const widths = section.columnWidths(4, maxWidth);
    const key = widthsKey(indent, widths);
    let rule = this.rules.get(key);
    if (!rule) this.rules.set(key, (rule = this.wrap(indent, lineBreak(widths))));
    if (headerCount > 0) {
      const headers = section.headers;
      this.putBytes(rule);
      let byWidths = this.headerLines.get(headers);
      if (!byWidths) this.headerLines.set(headers, (byWidths = new Map()));
      let line = byWidths.get(key);
      if (!line) {
        let current = '';
        const n = Math.min(widths.length, headers.length);
        for (let i = 0; i < n; i++) current += centerText(headers[i], widths[i], i === 0 ? '|' : '', '|', getTextLength(headers[i]));
        byWidths.set(key, (line = this.wrap(indent, current)));
      }
      this.putBytes(line);
    }
    if (rowCount > 0 && widths.length > 0) {
      this.putBytes(rule);
      const bars = this.barsAt(indent);
      if (section.vertical) {
        // `header | value` rows: the headers beside the one row's cells.
        const row = section.rows[0];
        const count = typeof row === 'string' ? section.numCols! : row.length;
        let start = 0;
        for (let j = 0; j < rowCount; j++) {
          const header = section.headers[j];
          this.startLine(bars);
          this.cell(0, widths, header, 0, header.length);
          if (widths.length > 1) {
            if (typeof row === 'string') {
              const end = count === 1 || j === count - 1 ? row.length : row.indexOf(SEP, start);
              this.cell(1, widths, row, start, end);
              start = end + 1;
            } else {
              this.cell(1, widths, row[j], 0, row[j].length);
            }
          }
          this.endLine(bars);
        }
      } else {
        for (const row of section.rows) {
          this.startLine(bars);
          if (typeof row === 'string') {
            const count = section.numCols!;
            const n = Math.min(widths.length, count);
            let start = 0;
            for (let i = 0; i < n; i++) {
              const end = count === 1 || i === count - 1 ? row.length : row.indexOf(SEP, start);
              this.cell(i, widths, row, start, end);
              start = end + 1;
            }
          } else {
            const n = Math.min(widths.length, row.length);
            for (let i = 0; i < n; i++) this.cell(i, widths, row[i], 0, row[i].length);
          }
          this.endLine(bars);
        }
      }
      this.putBytes(rule);
    }
  }

  private startLine(bars: string): void {
    this.put(bars);
    this.put(this.reset);
  }

  private endLine(bars: string): void {
    const r = this.reset;
    this.put(r);
    this.put(bars);
    this.put(r);
    this.put('\n');
    this.put(r);
  }

  /** The i-th cell of a row line, text[start, end), laid out as align_left does. */
  private cell(i: number, widths: number[], text: string, start: number, end: number): void {
    const leftEdge = i === 0 ? '|' : '';
    const length = textLengthIn(text, start, end);
    const pad = alignLeftPadding(widths[i], leftEdge, '|', length);
    if (i === 0) this.put('|');
    this.putSpaces(pad);
    if (this.color) this.put(ROW_STYLE);
    this.put(text, start, end);
    if (this.color) this.put(RESET);
    this.putSpaces(widths[i] - (leftEdge.length + pad + length) - 1);
    this.put('|');
  }
}

export class MultiTable {
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

  addRow(cells: string[]): void {
    this.addEncodedRow(encodeRow(cells), cells.length);
  }

  /** A row of `count` cells, as encodeRow gives it. */
  addEncodedRow(row: Row, count: number): void {
    const cur = this.currentSection;
    // 'Row should have N elements, instead it has M' in the AWS CLI: start a new section.
    if (cur.numCols !== null && cur.numCols !== count) this.newSection('', cur.indent);
    this.current!.addRow(row, count);
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

  /**
   * Draws the table, as UTF-8 chunks of lines (a 10,000-item table is tens of MB: never one string).
   * The consumer may say (next(true)) that it has written the chunk it was given: its memory then takes
   * the next lines.
   */
  *render(color: boolean, terminalWidth: number, autoreset = true): Generator<Buffer, void, boolean | undefined> {
    let maxWidth = this.maxWidth();
    if (maxWidth > terminalWidth) {
      convertToVertical(this.sections);
      maxWidth = this.maxWidth();
    }
    const out = new Renderer(color, autoreset);
    out.write(`${dashes(maxWidth)}\n`);
    for (const s of this.sections) {
      out.section(s, maxWidth);
      for (const chunk of out.takeFilled()) if (yield chunk) out.recycle(chunk);
    }
    const rest = out.takeRest();
    if (rest) yield rest;
  }
}

