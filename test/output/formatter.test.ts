// The formatters of a paginated call (output/formatter.ts) over a fake page iterator: each format's
// bytes are those of its whole-result renderer on the merged result; json and table hold no page (a
// service that empties each page once the next is asked for changes nothing), table and json hand the
// output over in large chunks, each once the reader has the one before.
import { describe, expect, it } from 'vitest';
import { pageFormatter, writeChunks, type Pages } from '../../src/output/formatter';
import { renderBuffered, type OutputFormat } from '../../src/output/index';
import { formatTable, PagedTable } from '../../src/output/table';
import { formatJson } from '../../src/output/json';
import type { OutStream } from '../../src/io';
import { memoryIO } from '../support/io';
import { PyFloat, type PyDict, type PyValue } from '../../src/py/values';

const KEY = 'trainedModelInferenceJobs';

/** A job as a list page holds it: scalars, a nested structure with a list of structures. */
function job(i: number): PyDict {
  return new Map<string, PyValue>([
    ['name', `job-${String(i).padStart(5, '0')}${i % 7 ? '' : ' é 日本 🚀'}`], ['status', i % 3 ? 'ACTIVE' : 'CREATE_PENDING'],
    ['createTime', '2026-11-20T05:00:00.123000+00:00'], ['count', i], ['ratio', new PyFloat(i / 4)],
    ['outputConfiguration', new Map<string, PyValue>([['accept', 'text/csv'], ['members', [new Map([['accountId', `12345678901${i % 10}`]])]]])],
  ]);
}

/** Pages of `sizes` jobs; with `reclaim`, each page is emptied (its dicts and lists cleared) once the next is asked for. */
function fakePages(sizes: number[], opts: { reclaim?: boolean; token?: string } = {}): Pages & { full: () => PyDict } {
  let n = 0;
  const made = sizes.map((size) => Array.from({ length: size }, () => job(n++)));
  const fresh = () => { let m = 0; return sizes.map((size) => Array.from({ length: size }, () => job(m++))); };
  const clear = (v: PyValue): void => {
    if (v instanceof Map) { for (const x of v.values()) clear(x); v.clear(); }
    if (Array.isArray(v)) { for (const x of v) clear(x); v.length = 0; }
  };
  const pages: Pages & { full: () => PyDict } = {
    resultKeys: [KEY],
    resumeToken: undefined,
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < made.length; i++) {
        if (opts.reclaim && i > 0) clear(made[i - 1]);
        yield new Map<string, PyValue>([['nextToken', String(i)], [KEY, made[i]]]);
      }
      if (opts.reclaim && made.length) clear(made[made.length - 1]);
      (pages as { resumeToken: string | undefined }).resumeToken = opts.token;
    },
    buildFullResult: async () => { throw new Error('not held'); },
    full: () => {
      const full: PyDict = new Map();
      if (sizes.length) full.set(KEY, fresh().flat());
      if (opts.token) full.set('NextToken', opts.token);
      return full;
    },
  };
  return pages;
}

function run(format: OutputFormat, pages: Pages, width = 80) {
  const io = memoryIO();
  const writes: number[] = [];
  const write = io.stdout.write;
  io.stdout.write = (s) => { writes.push(s.length); write(s); };
  const formatter = pageFormatter(format, {
    out: io.stdout,
    render: (f, v) => renderBuffered(f, v, { title: 'ListTrainedModelInferenceJobs', color: 'off', io }),
    resultIsList: () => true,
    table: () => ({ title: 'ListTrainedModelInferenceJobs', color: 'off', io: { ...io, stdout: { ...io.stdout, isTTY: width !== 80, columns: width } } }),
  });
  return { io, writes, done: formatter.format(pages) };
}

describe('json and table hold no page', () => {
  it.each([
    [[2, 3, 1], undefined], [[0], undefined], [[], 'dG9r'], [[4, 0, 2], 'dG9r'], [[1], undefined],
  ] as [number[], string | undefined][])('json: pages %j, token %s', async (sizes, token) => {
    const pages = fakePages(sizes, { reclaim: true, token });
    const r = run('json', pages);
    await r.done;
    expect(r.io.out()).toBe(formatJson(pages.full()));
  });

  it.each([
    [[2, 3, 1], undefined, 80], [[0], undefined, 80], [[], 'dG9r', 80], [[4, 0, 2], 'dG9r', 80], [[3], undefined, 1000],
  ] as [number[], string | undefined, number][])('table: pages %j, token %s, width %i', async (sizes, token, width) => {
    const pages = fakePages(sizes, { reclaim: true, token });
    const r = run('table', pages, width);
    await r.done;
    expect(r.io.out()).toBe(formatTable(pages.full(), 'ListTrainedModelInferenceJobs', { color: false, width }));
  });
});

describe('large outputs', () => {
  it('json: chunks of about 1 MiB, the last one included', async () => {
    const r = run('json', fakePages([3000, 3000, 3000]));
    await r.done;
    expect(r.writes.length).toBeGreaterThan(1);
    for (const w of r.writes) expect(w).toBeGreaterThan(1000 * 1000);
  });

  it('table: chunks of 1 MiB, then the rest', async () => {
    const r = run('table', fakePages([3000, 3000, 3000]));
    await r.done;
    expect(r.writes.length).toBeGreaterThan(1);
    for (const w of r.writes.slice(0, -1)) expect(w).toBeGreaterThan(1000 * 1000);
  });

  it('table: a chunk is drawn in the memory of the one before once the stream has written it', async () => {
    const io = memoryIO();
    const seen: string[] = [];
    const buffers = new Set<ArrayBufferLike>();
    const out: OutStream = {
      write: (s) => { seen.push(Buffer.from(s as Uint8Array).toString('utf8')); buffers.add((s as Uint8Array).buffer); },
      flushed: async () => undefined,
    };
    const formatter = pageFormatter('table', {
      out, render: async () => '', resultIsList: () => true,
      table: () => ({ title: 'ListTrainedModelInferenceJobs', color: 'off', io }),
    });
    const pages = fakePages([3000, 3000, 3000]);
    await formatter.format(pages);
    expect(seen.length).toBeGreaterThan(2);
    expect(buffers.size).toBeLessThan(seen.length);
    expect(seen.join('')).toBe(formatTable(pages.full(), 'ListTrainedModelInferenceJobs', { color: false, width: 80 }));
  });

  it('writes a chunk once the reader has the one before, and none once it has gone', async () => {
    const events: string[] = [];
    let closed = false;
    const out: OutStream = {
      write: (s) => { events.push(`write ${s.length}`); if (events.length > 3) closed = true; },
      flushed: async () => { events.push('flushed'); },
      get closed() { return closed; },
    };
    await writeChunks(out, [1, 2, 3, 4].map((n) => new Uint8Array(n)));
    expect(events).toEqual(['write 1', 'flushed', 'write 2', 'flushed', 'write 3', 'flushed']);
  });
});

describe('PagedTable: the table of the merged result, a page at a time', () => {
  // Shaped-like items (a member holds a dict or list in every item or in none), nulls among them,
  // split into pages at random.
  let seed = 20261127;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  for (let i = 0; i < 300; i++) {
    const items: PyValue[] = Array.from({ length: Math.floor(rnd() * 8) }, (_, j) => {
      if (rnd() < 0.05) return null;
      const m = new Map<string, PyValue>();
      for (const k of ['name', 'status', 'n']) if (rnd() < 0.85) m.set(k, k === 'n' ? j : pick(['', 'x', 'long '.repeat(12), '日本', 'a\u0000b']));
      if (rnd() < 0.6) m.set('cfg', new Map<string, PyValue>([['accept', 'csv'], ['members', rnd() < 0.5 ? [] : [new Map([['id', '1']])]]]));
      if (rnd() < 0.3) m.set('list', [pick(['a', 'b']), 'c']);
      return m;
    });
    const token = rnd() < 0.3 ? 'tok' : undefined;
    const pages: PyValue[][] = [];
    for (let rest = items; rest.length;) {
      const k = 1 + Math.floor(rnd() * 3);
      pages.push(rest.slice(0, k));
      rest = rest.slice(k);
    }
    const width = pick([80, 1000]);
    it(`${i}: ${items.length} items in ${pages.length} pages${token ? ', a token' : ''}, width ${width}`, () => {
      const merged: PyDict = new Map();
      if (pages.length) merged.set('items', items);
      if (token) merged.set('NextToken', token);
      const t = new PagedTable('T', 'items');
      t.add(null);
      for (const p of pages) t.add(p);
      expect(Buffer.concat([...t.finish(token, { color: false, width })]).toString('utf8'))
        .toBe(formatTable(merged, 'T', { color: false, width }));
    });
  }
});
