// The AWS CLI's formatters for the pages of a paginated call (awscli/formatter.py): one per --output
// format, each consuming a page iterator (botocore's PageIterator: client/paginator.ts).
//  - text and yaml-stream print each page as it comes (text: the page's result keys, --query applied
//    to each, then a NEXTTOKEN record when --max-items stopped early; yaml-stream: the whole page), and
//    take the next page only once the reader has this one: a reader that went away (`| head`, a pager
//    that quit) is asked for no more pages.
//  - json, table and yaml print the merged result (build_full_result, --query applied to it) once every
//    page is in, so a page that fails prints nothing, as the AWS CLI prints nothing. Without a --query,
//    json keeps only the items' text and table only its cells (each page is dropped once read); with
//    one, and for yaml, the merged result is held as the AWS CLI holds it.
//  - off reads every page and prints nothing.
import type { OutStream } from '../io';
import type { PyDict, PyValue } from '../py/values';
import { MergedListJson } from './json';
import { tableOptions, type OutputFormat, type RenderOptions } from './index';

/** What the formatters read of botocore's PageIterator. */
export interface Pages extends AsyncIterable<PyDict> {
  readonly resultKeys: readonly string[];
  /** Set once --max-items stopped the pages (before the last page when it cut that page). */
  readonly resumeToken: string | undefined;
  buildFullResult(): Promise<PyDict>;
}

export interface PageFormatterOptions {
  out: OutStream;
  query?: (v: PyValue) => PyValue;
  /** Renders one whole value in a format, as a single response is rendered. */
  render: (fmt: OutputFormat, v: PyValue) => Promise<string | Uint8Array>;
  /** Whether a result key holds a list in the operation's output shape. */
  resultIsList?: (key: string) => boolean;
  /** The table's title (the operation), --color and terminal: read by the table formatter only. */
  table: () => RenderOptions;
}

export interface PageFormatter {
  /** Prints the pages; a page that fails ends it with that error, after what the format printed so far. */
  format(pages: Pages): Promise<void>;
}

/** The formatter of a format (the AWS CLI's get_formatter). */
export function pageFormatter(format: OutputFormat, o: PageFormatterOptions): PageFormatter {
  switch (format) {
    case 'json': return new JSONFormatter(o);
    case 'text': return new TextFormatter(o);
    case 'table': return new TableFormatter(o);
    case 'yaml': return new YAMLFormatter(o);
    case 'yaml-stream': return new StreamedYAMLFormatter(o);
    default: return new OffFormatter();
  }
}

/** The one result key, when it holds a list and no --query reshapes the result: the merge is then item by item. */
function mergedList(o: PageFormatterOptions, pages: Pages): string | undefined {
  const [key] = pages.resultKeys;
  return !o.query && pages.resultKeys.length === 1 && o.resultIsList?.(key) ? key : undefined;
}

/**
 * Writes chunks in order; between two, waits until the reader has the first (so that what is written
 * does not pile up in memory), and stops when the reader has gone.
 */
export async function writeChunks(out: OutStream, chunks: Iterable<Uint8Array>): Promise<void> {
  let first = true;
  for (const chunk of chunks) {
    if (!first) {
      await out.flushed?.();
      if (out.closed) return;
    }
    first = false;
    out.write(chunk);
  }
}

/**
 * V8's young generation for the pages of a list (its flags, for the rest of this process: set on this
 * path alone, start-up is not concerned). V8 grows it (up to 32 MB) as objects survive its
 * collections; a page being read survives those that fall while it is read.
 *  - A format that keeps little of a page (text, yaml-stream, off; json keeps its items as bytes,
 *    outside the heap): the collection is asked for early, at 40% of its capacity (80 by default), so
 *    that it runs when the event loop next turns, between pages, when the last page is garbage.
 *  - A format that keeps what it reads (table's cells, the merged result of the others): what
 *    survives stays, and the young generation does not grow for it.
 * Heuristics only: output is the same without them. Set only on the V8 of Node 20, where they were
 * measured: V8 prints an error (on stderr) for a flag it does not know, and some later V8s set a
 * minimum growth factor of 2, which would lose the table's gain. (10,000 jobs, Node 20: peak RSS json
 * 78 → 75 MiB, text 66 → 63, table 115 → 88.)
 */
async function youngGeneration(keeps: boolean): Promise<void> {
  if (!TUNED_V8.test(process.versions.v8)) return;
  // node:v8 loads here only: a call that is not a list must not pay for it at start-up.
  const { setFlagsFromString } = await import('node:v8');
  const flag = keeps ? '--semi-space-growth-factor=1' : '--minor-gc-task-trigger=40';
  setFlagsFromString(flag);
  // Noted for the loader (bin/aws): V8 refuses a code cache made under other flags, so the bundles
  // loaded from now on (the table, YAML, a retry's rate limiter…) have code caches named by these.
  const noted = globalThis as { [V8_FLAGS]?: string };
  const before = noted[V8_FLAGS];
  if (!before?.split(' ').includes(flag)) noted[V8_FLAGS] = before ? `${before} ${flag}` : flag;
}

/** The V8 these flags were measured with (Node.js 20's): another one is left to its defaults. */
const TUNED_V8 = /^11\./;

/** Where the V8 flags the CLI set are noted for the loader (the same key in bin/aws). */
const V8_FLAGS = Symbol.for('aws-cleanroomsml-cli.v8-flags');

/**
 * Gives each page to `each`, in turn; after each, waits for `between` (true: stop). While waiting, and
 * while the next page is fetched, no page is held here: what a page leaves behind is garbage by then
 * (the young generation's collections find little alive, so it stays small).
 */
async function forEachPage(pages: Pages, each: (page: PyDict) => Promise<void> | void, between?: () => Promise<boolean>): Promise<void> {
  const it = pages[Symbol.asyncIterator]();
  while (await takePage(it, each)) {
    if (between && await between()) {
      await it.return?.();
      return;
    }
  }
}

/** The next page to `each`; false when there is none. */
async function takePage(it: AsyncIterator<PyDict>, each: (page: PyDict) => Promise<void> | void): Promise<boolean> {
  const next = await it.next();
  if (next.done) return false;
  await each(next.value);
  return true;
}

/**
 * After a page of a streamed format: the next one is asked for once the reader has taken this one
 * (none is asked for after a page cut at --max-items). True when the reader has gone.
 */
async function readerGone(out: OutStream, pages: Pages): Promise<boolean> {
  if (pages.resumeToken !== undefined) return false;
  await out.flushed?.();
  return !!out.closed;
}

abstract class BufferedFormatter implements PageFormatter {
  constructor(protected readonly o: PageFormatterOptions, private readonly fmt: OutputFormat) {}

  abstract format(pages: Pages): Promise<void>;

  /** FullyBufferedFormatter: build_full_result, the query, the format. */
  protected async formatFull(pages: Pages): Promise<void> {
    await youngGeneration(true);
    const full = await pages.buildFullResult();
    this.o.out.write(await this.o.render(this.fmt, this.o.query ? this.o.query(full) : full));
  }
}

class JSONFormatter extends BufferedFormatter {
  constructor(o: PageFormatterOptions) {
    super(o, 'json');
  }

  async format(pages: Pages): Promise<void> {
    const key = mergedList(this.o, pages);
    if (key === undefined) return this.formatFull(pages);
    await youngGeneration(false);
    const merged = new MergedListJson(key);
    await forEachPage(pages, (page) => merged.add(page.get(key)));
    await writeChunks(this.o.out, merged.finish(pages.resumeToken));
  }
}

class TableFormatter extends BufferedFormatter {
  constructor(o: PageFormatterOptions) {
    super(o, 'table');
  }

  async format(pages: Pages): Promise<void> {
    const key = mergedList(this.o, pages);
    if (key === undefined) return this.formatFull(pages);
    await youngGeneration(true);
    const { PagedTable } = await import('./table');
    const context = this.o.table();
    const table = new PagedTable(context.title, key);
    await forEachPage(pages, (page) => table.add(page.get(key)));
    // Each chunk is drawn once the reader has the one before, in its memory when the stream says so.
    const { out } = this.o;
    const chunks = table.finish(pages.resumeToken, tableOptions(context));
    for (let next = chunks.next(); !next.done;) {
      out.write(next.value);
      if (out.flushed) await out.flushed();
      if (out.closed) return;
      next = chunks.next(!!out.flushed);
    }
  }
}

class YAMLFormatter extends BufferedFormatter {
  constructor(o: PageFormatterOptions) {
    super(o, 'yaml');
  }

  format(pages: Pages): Promise<void> {
    return this.formatFull(pages);
  }
}

class TextFormatter implements PageFormatter {
  constructor(private readonly o: PageFormatterOptions) {}

  async format(pages: Pages): Promise<void> {
    const { out, query, render } = this.o;
    await youngGeneration(false);
    let gone = false;
    await forEachPage(pages, async (page) => {
      // The page's result keys only (this service's paginators have no non-aggregate keys).
      const current: PyDict = new Map(pages.resultKeys.map((k) => [k, page.get(k) ?? null]));
      out.write(await render('text', query ? query(current) : current));
    }, async () => (gone = await readerGone(out, pages)));
    if (gone) return;
    if (pages.resumeToken !== undefined) {
      const record: PyDict = new Map([['NextToken', new Map([['NextToken', pages.resumeToken]])]]);
      out.write(await render('text', query ? query(record) : record));
    }
  }
}

class StreamedYAMLFormatter implements PageFormatter {
  constructor(private readonly o: PageFormatterOptions) {}

  async format(pages: Pages): Promise<void> {
    const { out, query, render } = this.o;
    await youngGeneration(false);
    await forEachPage(pages, async (page) => {
      out.write(await render('yaml-stream', query ? query(page) : page));
    }, () => readerGone(out, pages));
  }
}

class OffFormatter implements PageFormatter {
  async format(pages: Pages): Promise<void> {
    await youngGeneration(false);
    return forEachPage(pages, () => undefined);
  }
}
