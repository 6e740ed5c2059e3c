// Automatic pagination as the AWS CLI does it with botocore's PageIterator: follow the output token,
// --page-size as the limit member, --max-items truncation with an encoded NextToken, --starting-token
// (with its truncate amount), the same-token-twice guard. text and yaml-stream print page by page
// (so memory stays flat), and stop asking for pages once the reader has gone; the other formats print
// the merged result.
import type { Invocation } from './invocation';
import { CliError, RC } from '../errors';
import type { Paginator } from '../model/types';
import type { PyDict, PyValue } from '../py/values';
import { pyRepr, pyTypeShortName } from '../py/repr';
import type { PaginationConfig } from '../params/build';
import type { OutputFormat } from '../output/index';
import { b64decode, b64encode } from '../py/base64';
import { pyUtf8Decode } from '../py/codec';
import { jsonDumps } from '../py/json-dumps';
import { jsonLoads } from '../py/json-loads';

export interface PaginateOptions {
  inv: Invocation;
  params: PyDict;
  pagination: PaginationConfig;
  paginator: Paginator;
  send: (params: PyDict) => Promise<PyValue>;
  shape: (body: PyValue) => PyValue;
  query?: (v: PyValue) => PyValue;
  format: () => OutputFormat;
  render: (fmt: OutputFormat, v: PyValue) => Promise<string | Uint8Array>;
  /** Whether a result key holds a list in the output shape (json output is then assembled page by page). */
  resultIsList?: (key: string) => boolean;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function encodeToken(token: PyDict): string {
  return b64encode(jsonDumps(token));
}

/**
 * The starting token's service tokens and truncate amount, as botocore's PageIterator reads them:
 * base64 of a JSON object (with `boto_truncate_amount`), else the old `token___N` form. A JSON value
 * that is not an object or a list fails as botocore's `.pop` on it does; a list falls back to the old form.
 * The truncate amount is returned as found (it is checked when the first page is sliced).
 */
export function decodeToken(token: string, inputTokens: string[]): [PyDict, PyValue] {
  let doc: PyValue | undefined;
  try {
    doc = jsonLoads(pyUtf8Decode(b64decode(token)), { orderedDict: true, tooDeep: 'decode' });
  } catch {
    doc = undefined;
  }
  if (doc instanceof Map) {
    doc.delete('boto_encoded_keys');
    let index: PyValue = 0;
    if (doc.has('boto_truncate_amount')) {
      index = doc.get('boto_truncate_amount')!;
      doc.delete('boto_truncate_amount');
    }
    return [doc, index];
  }
  if (doc !== undefined && !Array.isArray(doc)) {
    throw new CliError(`'${pyTypeShortName(doc)}' object has no attribute 'pop'`, RC.GENERAL);
  }
  let parts = token.split('___');
  let index = 0;
  if (parts.length === inputTokens.length + 1) {
    const last = parts[parts.length - 1];
    if (/^\s*[+-]?\d+(_\d+)*\s*$/.test(last)) { index = Number(last.replace(/_/g, '').trim()); parts = parts.slice(0, -1); } else parts = [token];
  }
  if (parts.length > inputTokens.length) throw new CliError(`Bad starting token: ${token}`, RC.GENERAL);
  const out: PyDict = new Map();
  inputTokens.forEach((t, i) => out.set(t, parts[i] === 'None' || parts[i] === undefined ? null : parts[i]));
  return [out, index];
}

/** The truncate amount as a slice start, or Python's TypeError for one that cannot be. */
function sliceStart(index: PyValue): number {
  if (index === null) return 0;
  if (typeof index === 'boolean') return Number(index);
  if (typeof index === 'bigint') return Number(index);
  if (typeof index === 'number' && Number.isInteger(index)) return index;
  throw new CliError('slice indices must be integers or None or have an __index__ method', RC.GENERAL);
}

export async function paginate(o: PaginateOptions): Promise<number> {
  const { io } = o.inv;
  const fmt = o.format();
  const inputTokens = list(o.paginator.input_token);
  const outputTokens = list(o.paginator.output_token);
  const resultKeys = list(o.paginator.result_key);
  const primary = resultKeys[0];
  const maxItems = o.pagination.MaxItems === undefined ? undefined : Number(o.pagination.MaxItems);
  const streaming = fmt === 'text' || fmt === 'yaml-stream';

  // json without --query: each page's items are written to text as they arrive and the page dropped,
  // so memory and GC stay small; the text is printed only once every page is in (nothing half-written).
  const primaryIsList = o.resultIsList?.(resultKeys[0]) ?? false;
  const incrementalJson = fmt === 'json' && !o.query && resultKeys.length === 1 && primaryIsList
    ? await import('../py/json-dumps') : undefined;
  const jsonItems: Buffer[] = [];
  let jsonSeen = false;

  const kwargs: PyDict = new Map(o.params);
  let nextToken: PyDict = new Map(inputTokens.map((t) => [t, null]));
  let startTruncation = 0;
  let startIndex: PyValue = 0;
  const inject = (token: PyDict) => {
    for (const [name, value] of token) {
      if (value !== null && value !== 'None') kwargs.set(name, value);
      else kwargs.delete(name);
    }
  };
  if (o.pagination.StartingToken !== undefined) {
    [nextToken, startIndex] = decodeToken(o.pagination.StartingToken, inputTokens);
    inject(nextToken);
  }
  if (o.paginator.limit_key && o.pagination.PageSize !== undefined) kwargs.set(o.paginator.limit_key, o.pagination.PageSize);

  let resumeToken: string | undefined;
  const complete: PyDict = new Map();
  let totalItems = 0;
  let first = true;
  let previous: string | undefined;

  const emitPage = async (page: PyDict) => {
    if (fmt === 'text') {
      const current: PyDict = new Map(resultKeys.map((k) => [k, page.get(k) ?? null]));
      io.stdout.write(await o.render('text', o.query ? o.query(current) : current));
    } else if (fmt === 'yaml-stream') {
      io.stdout.write(await o.render('yaml-stream', o.query ? o.query(page) : page));
    } else if (incrementalJson) {
      const v = page.get(primary);
      if (v === undefined || v === null) return;
      jsonSeen = true;
      // Encoded at once: flat bytes are smaller and cheaper to keep than the text's rope.
      for (const item of v as PyValue[]) jsonItems.push(Buffer.from(incrementalJson.jsonDumps(item, { indent: 4, ensureAscii: false, level: 2 }), 'utf8'));
    } else {
      for (const k of resultKeys) {
        const v = page.get(k);
        if (v === undefined || v === null) continue;
        const existing = complete.get(k);
        if (existing === undefined) complete.set(k, Array.isArray(v) ? [...v] : v);
        else if (Array.isArray(existing) && Array.isArray(v)) existing.push(...v);
        else if (typeof existing === 'number' && typeof v === 'number') complete.set(k, existing + v);
        else if (typeof existing === 'string' && typeof v === 'string') complete.set(k, existing + v);
      }
    }
  };

  for (;;) {
    const raw = o.shape(await o.send(kwargs));
    const page: PyDict = raw instanceof Map ? raw : new Map();
    if (first) {
      if (o.pagination.StartingToken !== undefined) {
        const all = page.get(primary);
        if (Array.isArray(all) || typeof all === 'string') startTruncation = sliceStart(startIndex);
        else startTruncation = typeof startIndex === 'number' ? startIndex : 0;
        page.set(primary, Array.isArray(all) ? all.slice(startTruncation) : typeof all === 'string' ? all.slice(startTruncation) : null);
        for (const k of resultKeys.slice(1)) {
          const sample = page.get(k);
          page.set(k, Array.isArray(sample) ? [] : typeof sample === 'string' ? '' : typeof sample === 'number' ? 0 : null);
        }
      }
      first = false;
    } else {
      startTruncation = 0;
    }
    const items = page.get(primary);
    const count = Array.isArray(items) ? items.length : 0;
    const truncate = maxItems === undefined ? 0 : totalItems + count - maxItems;
    if (truncate > 0) {
      const keep = count - truncate;
      page.set(primary, (items as PyValue[]).slice(0, keep));
      const token: PyDict = new Map(nextToken);
      token.set('boto_truncate_amount', keep + startTruncation);
      resumeToken = encodeToken(token);
      await emitPage(page);
      break;
    }
    await emitPage(page);
    if (streaming) {
      // A page is asked for once the reader has taken the last one (memory stays flat); a reader that
      // went away (`| head`, a pager that quit) is not asked for more.
      await io.stdout.flushed?.();
      if (io.stdout.closed) return RC.OK;
    }
    totalItems += count;
    // An empty output token counts as none (botocore keeps only truthy tokens).
    nextToken = new Map(outputTokens.map((t, i) => [inputTokens[i] ?? t, page.get(t) || null]));
    if ([...nextToken.values()].every((v) => v === null)) break;
    if (maxItems !== undefined && totalItems === maxItems) {
      resumeToken = encodeToken(nextToken);
      break;
    }
    const key = pyRepr(nextToken);
    if (previous !== undefined && previous === key) {
      throw new CliError(`Error during pagination: The same next token was received twice: ${key}`, RC.GENERAL);
    }
    inject(nextToken);
    previous = key;
  }

  if (streaming) {
    if (fmt === 'text' && resumeToken !== undefined) {
      const record: PyDict = new Map([['NextToken', new Map([['NextToken', resumeToken]])]]);
      io.stdout.write(await o.render('text', o.query ? o.query(record) : record));
    }
    return RC.OK;
  }
  if (incrementalJson) {
    io.stdout.write(assembleJson(incrementalJson.pyJsonString, primary, jsonSeen, jsonItems, resumeToken));
    return RC.OK;
  }
  if (resumeToken !== undefined) complete.set('NextToken', resumeToken);
  io.stdout.write(await o.render(fmt, o.query ? o.query(complete) : complete));
  return RC.OK;
}

/**
 * The merged result of the json path, from its items' text: what formatJson prints for
 * `{key: [items…], NextToken: token}` (nothing for an empty dict, as the AWS CLI prints nothing).
 */
function assembleJson(str: (s: string, ascii?: boolean) => string, key: string, seen: boolean, items: Buffer[],
  token: string | undefined): Uint8Array {
  const parts: Buffer[] = [];
  const text = (t: string) => parts.push(Buffer.from(t, 'utf8'));
  if (!seen && token === undefined) return new Uint8Array(0);
  text('{\n');
  if (seen) {
    text(`    ${str(key, false)}: `);
    if (!items.length) text('[]');
    else {
      const sep = Buffer.from(',\n        ', 'utf8');
      text('[\n        ');
      items.forEach((item, i) => { if (i) parts.push(sep); parts.push(item); });
      text('\n    ]');
    }
    if (token !== undefined) text(',\n');
  }
  if (token !== undefined) text(`    "NextToken": ${str(token, false)}`);
  text('\n}\n');
  return Buffer.concat(parts);
}
