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
import { pyStr } from '../py/repr';
import { pyTruthy } from '../py/ops';
import { sortedKeys } from '../py/str';
import { encodeRow, getTextLength, MultiTable, NONE, SEP, type Row, type Section } from './table-layout';

export { getTextLength };

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
// From a response to sections (awscli/formatter.py TableFormatter._build_table and helpers).

const isScalar = (v: PyValue): boolean => !(v instanceof Map || Array.isArray(v));

function groupScalarKeys(d: PyDict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const k of d.keys()) (isScalar(d.get(k)!) ? headers : more).push(k);
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
  /** The last element's keys (the elements of a list mostly have the same). */
  private lastKeys: string[] | undefined;
  private readonly more = new Set<string>();
  /** Where the sections of the elements' values are built (made when first needed). */
  private scratch: MultiTable | undefined;
  private builder: Builder | undefined;

  /** `keepSource`: the caller holds the elements (then kept, for the cells of keys scalar in one element and not in another). */
  constructor(private readonly title: string | null, private readonly indent: number, private readonly keepSource: boolean) {}

  /** The sections `make` builds, apart from the table they will be drawn in. */
  private built(make: (b: Builder) => unknown): Section[] {
    if (!this.scratch) {
      this.scratch = new MultiTable();
      this.builder = new Builder(this.scratch);
    }
    this.scratch.reset();
    make(this.builder!);
    return this.scratch.sections;
  }

  add(element: PyValue): void {
    if (!(element instanceof Map)) {
      // The AWS CLI crashes on a non-dict here: give it a section of its own.
      this.elements.push({ keys: NONE as never[], row: '', falsy: undefined, nested: undefined, source: undefined, stray: this.built((b) => b.stray(element, this.indent)) });
      return;
    }
    const [scalar, nonScalar] = groupScalarKeys(element);
    let keys = this.lastKeys;
    if (!keys || keys.length !== scalar.length || !keys.every((k, i) => k === scalar[i])) {
      const id = scalar.join(SEP);
      keys = this.keySets.get(id);
      if (keys === undefined) this.keySets.set(id, (keys = scalar));
      this.lastKeys = keys;
    }
    const cells: string[] = new Array(keys.length);
    let falsy: string[] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const v = element.get(keys[i])!;
      cells[i] = pyStr(v);
      if (!pyTruthy(v)) (falsy ??= []).push(keys[i]);
    }
    // (Every field set at once: one shape for all elements, their fields in the object.)
    const e: ListElement = { keys, row: encodeRow(cells), falsy, nested: undefined, source: this.keepSource ? element : undefined, stray: undefined };
    for (const key of nonScalar) {
      this.more.add(key);
      const sections = this.built((b) => b.build(key, element.get(key)!, this.indent + 1));
      if (sections.length) e.nested = e.nested ? [...e.nested, key, ...sections] : [key, ...sections];
    }
    this.elements.push(e);
  }

  /** Lays the list out in `table`, under the section its title opened. */
  finish(table: MultiTable): void {
    const headerSet = new Set<string>();
    for (const keys of this.keySets.values()) for (const k of keys) headerSet.add(k);
    // (One set of keys, the common case: its array, already sorted.)
    const headers = this.keySets.size === 1 ? this.lastKeys! : sortedKeys(headerSet);
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
    if (e.keys === headers || (e.keys.length === headers.length && e.keys.every((k, i) => k === headers[i]))) {
      table.addEncodedRow(e.row, headers.length);
      return;
    }
    const cells = typeof e.row === 'string' ? (e.keys.length === 1 ? [e.row] : e.keys.length === 0 ? [] : e.row.split(SEP)) : e.row;
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

  /**
   * The drawn table, in UTF-8 chunks (nothing for an empty result), with NextToken when --max-items
   * stopped the pages; as MultiTable.render gives them.
   */
  *finish(token: string | undefined, opts: TableOptions): Generator<Buffer, void, boolean | undefined> {
    if (!this.seen && token === undefined) return;
    // The merged dict's one scalar key, NextToken, is a `key | value` row of its own.
    if (token !== undefined) this.top.addRow(encodeRow(['NextToken', token]), 2);
    this.list?.finish(this.table);
    this.list = undefined;
    yield* this.table.render(opts.color, opts.width, opts.autoreset);
  }
}
