// botocore's PageIterator (botocore/paginate.py), as the AWS CLI pages an operation: follow the
// output token, --page-size as the limit member, --max-items cuts the result (mid-page: the page's own
// token with the number of items kept, `boto_truncate_amount`), --starting-token resumes (base64 of
// json.dumps, or the old `token___N` form) skipping the items already shown, and the same token twice
// stops with an error. An async iterator of pages: a page is asked for when the consumer asks for it,
// so a consumer that writes each page before taking the next keeps one page in memory.
//
// This service's paginators name top-level members (result_key, input/output tokens) and have no
// more_results or non_aggregate_keys (test/client/paginator.test.ts checks the model): the keys are
// looked up as members, not as JMESPath expressions.
import { CliError, RC } from '../errors';
import type { Paginator } from '../model/types';
import { b64decode, b64encode } from '../py/base64';
import { pyUtf8Decode } from '../py/codec';
import { PyException } from '../py/exceptions';
import { jsonDumps } from '../py/json-dumps';
import { jsonLoads } from '../py/json-loads';
import { pyRepr, pyTypeShortName } from '../py/repr';
import { PyBytes, type PyDict, type PyValue } from '../py/values';

export interface PageIteratorOptions {
  paginator: Paginator;
  /** The operation: its keyword arguments in, the parsed (shaped) response out. */
  method: (kwargs: PyDict) => Promise<PyValue>;
  /** The operation's parameters (not changed: the iterator works on a copy). */
  params: PyDict;
  maxItems?: number;
  startingToken?: string;
  pageSize?: PyValue;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A Python exception that escapes the AWS CLI (it prints str() of it, exit 255). */
const uncaught = (message: string) => new CliError(message, RC.GENERAL);

/** TokenEncoder.encode: base64 of json.dumps (a token with bytes in it does not occur: tokens are strings). */
export function encodeToken(token: PyDict): string {
  return b64encode(jsonDumps(token));
}

/**
 * PageIterator._parse_starting_token: the starting token's service tokens and truncate amount.
 * TokenDecoder first (base64 of a JSON object, `boto_truncate_amount` popped, `boto_encoded_keys`
 * decoded); where that raises ValueError or TypeError, the old `token___N` form. The truncate amount is
 * returned as found (it is checked when the first page is sliced).
 */
export function decodeToken(token: string, inputTokens: string[]): [PyDict, PyValue] {
  let decoded: PyDict | undefined;
  try {
    decoded = tokenDecoderDecode(token);
  } catch (e) {
    if (!(e instanceof PyException && (e.pyType === 'ValueError' || e.pyType === 'TypeError'))) {
      throw e instanceof PyException ? uncaught(e.message) : e;
    }
  }
  if (decoded !== undefined) {
    let index: PyValue = 0;
    if (decoded.has('boto_truncate_amount')) {
      index = decoded.get('boto_truncate_amount')!;
      decoded.delete('boto_truncate_amount');
    }
    return [decoded, index];
  }
  return deprecatedToken(token, inputTokens);
}

/** TokenDecoder.decode, its Python exceptions as PyException (ValueError and TypeError make the caller fall back). */
function tokenDecoderDecode(token: string): PyDict {
  let doc: PyValue;
  try {
    // b64decode and .decode('utf-8') raise binascii.Error and UnicodeDecodeError: ValueErrors.
    doc = jsonLoads(pyUtf8Decode(b64decode(token)), { tooDeep: 'recursion' });
  } catch (e) {
    if (e instanceof PyException) throw e;
    if (e instanceof Error && e.name === 'JsonNestingError') throw uncaught(e.message);
    throw new PyException('ValueError', (e as Error).message);
  }
  // decoded_token.pop('boto_encoded_keys', None)
  if (Array.isArray(doc)) throw new PyException('TypeError', 'pop expected at most 1 argument, got 2');
  if (!(doc instanceof Map)) throw new PyException('AttributeError', `'${pyTypeShortName(doc)}' object has no attribute 'pop'`);
  const encodedKeys = doc.get('boto_encoded_keys');
  doc.delete('boto_encoded_keys');
  if (encodedKeys === undefined || encodedKeys === null) return doc;
  // _decode: each path's value is base64 text, replaced by its bytes.
  for (const path of iterate(encodedKeys)) {
    const steps = iterate(path);
    const encoded = pathGet(doc, steps);
    if (typeof encoded !== 'string') throw new PyException('AttributeError', `'${pyTypeShortName(encoded)}' object has no attribute 'encode'`);
    let bytes: PyBytes;
    try {
      bytes = new PyBytes(b64decode(encoded));
    } catch (e) {
      throw new PyException('ValueError', (e as Error).message); // binascii.Error
    }
    // _path_set: container = _path_get(data, path[:-1]); container[path[-1]] = value (a dict cannot be sliced)
    if (path instanceof Map) throw new PyException('TypeError', "unhashable type: 'slice'");
    const container = pathGet(doc, steps.slice(0, -1));
    setItem(container, steps[steps.length - 1], bytes);
  }
  return doc;
}

/** Python's iteration of a JSON value: a list's items, a str's characters, a dict's keys. */
function iterate(v: PyValue): PyValue[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (v instanceof Map) return [...v.keys()];
  throw new PyException('TypeError', `'${pyTypeShortName(v)}' object is not iterable`);
}

/** d[step] for each step, with Python's errors (KeyError escapes the AWS CLI; TypeError makes it fall back). */
function pathGet(data: PyValue, steps: PyValue[]): PyValue {
  let d = data;
  for (const step of steps) d = getItem(d, step);
  return d;
}

function getItem(d: PyValue, step: PyValue): PyValue {
  if (d instanceof Map) {
    if (Array.isArray(step) || step instanceof Map) throw new PyException('TypeError', `unhashable type: '${pyTypeShortName(step)}'`);
    // JSON object keys are strings: any other key is missing.
    const v = typeof step === 'string' ? d.get(step) : undefined;
    if (v === undefined) throw uncaught(pyRepr(step));
    return v;
  }
  if (Array.isArray(d) || typeof d === 'string') {
    const i = sequenceIndex(d, step);
    return Array.isArray(d) ? d[i] : [...d][i];
  }
  throw new PyException('TypeError', `'${pyTypeShortName(d)}' object is not subscriptable`);
}

function setItem(container: PyValue, step: PyValue, value: PyValue): void {
  if (container instanceof Map) {
    if (Array.isArray(step) || step instanceof Map) throw new PyException('TypeError', `unhashable type: '${pyTypeShortName(step)}'`);
    // A key that is not a string would make the token unusable as JSON; none arrives from a JSON path.
    container.set(typeof step === 'string' ? step : pyRepr(step), value);
    return;
  }
  if (Array.isArray(container)) {
    container[sequenceIndex(container, step)] = value;
    return;
  }
  throw new PyException('TypeError', `'${pyTypeShortName(container)}' object does not support item assignment`);
}

/** A list or str index as Python takes it (negative from the end; bools are ints). */
function sequenceIndex(seq: PyValue[] | string, step: PyValue): number {
  const kind = Array.isArray(seq) ? 'list' : 'string';
  if (typeof step === 'boolean') step = Number(step);
  if (typeof step !== 'number' || !Number.isInteger(step)) {
    throw new PyException('TypeError', `${kind} indices must be integers or slices, not ${pyTypeShortName(step)}`);
  }
  const n = Array.isArray(seq) ? seq.length : [...seq].length;
  const i = step < 0 ? step + n : step;
  if (i < 0 || i >= n) throw uncaught(`${kind} index out of range`);
  return i;
}

/** _parse_starting_token_deprecated: `tok1___tok2___N`, `None` for a missing token. */
function deprecatedToken(token: string, inputTokens: string[]): [PyDict, PyValue] {
  let parts = token.split('___');
  let index = 0;
  if (parts.length === inputTokens.length + 1) {
    const last = parts[parts.length - 1];
    // int(): surrounding whitespace, a sign, digits with single underscores between them.
    if (/^\s*[+-]?\d+(_\d+)*\s*$/.test(last)) {
      index = Number(last.replace(/_/g, '').trim());
      parts = parts.slice(0, -1);
    } else {
      parts = [token];
    }
  }
  if (parts.length > inputTokens.length) throw uncaught(`Bad starting token: ${token}`);
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
  throw uncaught('slice indices must be integers or None or have an __index__ method');
}

const asDict = (v: PyValue): PyDict => (v instanceof Map ? v : new Map());

export class PageIterator implements AsyncIterable<PyDict> {
  readonly resultKeys: string[];
  private readonly inputTokens: string[];
  private readonly outputTokens: string[];
  private resume: string | undefined;

  constructor(private readonly o: PageIteratorOptions) {
    this.resultKeys = list(o.paginator.result_key);
    this.inputTokens = list(o.paginator.input_token);
    this.outputTokens = list(o.paginator.output_token);
  }

  /** The token to resume from (--starting-token) when --max-items stopped the pages early. */
  get resumeToken(): string | undefined {
    return this.resume;
  }

  /** The resume_token setter: the token's keys must be the input tokens (and the truncate amount). */
  private setResumeToken(token: PyDict): void {
    const expected = [...this.inputTokens, ...(token.has('boto_truncate_amount') ? ['boto_truncate_amount'] : [])].sort();
    const keys = [...token.keys()].sort();
    if (keys.length !== expected.length || keys.some((k, i) => k !== expected[i])) throw uncaught(`Bad starting token: ${pyRepr(token)}`);
    this.resume = encodeToken(token);
  }

  /** _inject_token_into_kwargs */
  private inject(kwargs: PyDict, token: PyDict): void {
    for (const [name, value] of token) {
      if (value !== null && value !== 'None') kwargs.set(name, value);
      else kwargs.delete(name);
    }
  }

  /** _get_next_token: an empty output token counts as none (botocore keeps only truthy tokens). */
  private nextToken(page: PyDict): PyDict {
    const token: PyDict = new Map();
    this.outputTokens.forEach((t, i) => {
      if (i < this.inputTokens.length) token.set(this.inputTokens[i], page.get(t) || null);
    });
    return token;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<PyDict, void, undefined> {
    const { o } = this;
    const kwargs: PyDict = new Map(o.params);
    const primary = this.resultKeys[0];
    let nextToken: PyDict = new Map(this.inputTokens.map((t) => [t, null]));
    let startIndex: PyValue = 0;
    if (o.startingToken !== undefined) {
      [nextToken, startIndex] = decodeToken(o.startingToken, this.inputTokens);
      this.inject(kwargs, nextToken);
    }
    if (o.pageSize !== undefined && o.paginator.limit_key) kwargs.set(o.paginator.limit_key, o.pageSize);
    let previous: string | undefined;
    let totalItems = 0;
    let first = true;
    let startingTruncation = 0;
    // (A page is held here only until the consumer has it: not while the next one is fetched.)
    let page: PyDict | undefined;
    let items: PyValue | undefined;
    for (;;) {
      page = asDict(await o.method(kwargs));
      if (first) {
        if (o.startingToken !== undefined) startingTruncation = this.handleFirstRequest(page, startIndex);
        first = false;
      } else {
        startingTruncation = 0;
      }
      items = page.get(primary);
      const count = Array.isArray(items) || typeof items === 'string' ? items.length : 0;
      const truncate = o.maxItems === undefined ? 0 : totalItems + count - o.maxItems;
      if (truncate > 0) {
        // _truncate_response: keep what fits, and resume from this page's token, past what was kept.
        const keep = count - truncate;
        page.set(primary, (items as PyValue[] | string).slice(0, keep));
        nextToken.set('boto_truncate_amount', keep + startingTruncation);
        this.setResumeToken(nextToken);
        yield page;
        return;
      }
      items = undefined;
      yield page;
      totalItems += count;
      nextToken = this.nextToken(page);
      page = undefined;
      if ([...nextToken.values()].every((v) => v === null)) return;
      if (o.maxItems !== undefined && totalItems === o.maxItems) {
        // On a page boundary: the service's token is the resume token.
        this.setResumeToken(nextToken);
        return;
      }
      const key = pyRepr(nextToken);
      if (previous !== undefined && previous === key) {
        throw new CliError(`Error during pagination: The same next token was received twice: ${key}`, RC.GENERAL);
      }
      this.inject(kwargs, nextToken);
      previous = key;
    }
  }

  /**
   * _handle_first_request: the first page resumed from a starting token loses the items already
   * shown; the other result keys are emptied (they were counted with the page before).
   */
  private handleFirstRequest(page: PyDict, startIndex: PyValue): number {
    const primary = this.resultKeys[0];
    const all = page.get(primary);
    let truncation = 0;
    if (Array.isArray(all) || typeof all === 'string') {
      truncation = sliceStart(startIndex);
      page.set(primary, all.slice(truncation));
    } else {
      truncation = typeof startIndex === 'number' ? startIndex : 0;
      page.set(primary, null);
    }
    for (const k of this.resultKeys.slice(1)) {
      const sample = page.get(k);
      page.set(k, Array.isArray(sample) ? [] : typeof sample === 'string' ? '' : typeof sample === 'number' ? sample : null);
    }
    return truncation;
  }

  /**
   * build_full_result: every page's result keys merged (lists extended, numbers added, strings
   * joined), with the resume token as `NextToken`. Holds every page: the formats that print the whole
   * result at once use it.
   */
  async buildFullResult(): Promise<PyDict> {
    const complete: PyDict = new Map();
    for await (const page of this) {
      for (const k of this.resultKeys) {
        const v = page.get(k);
        if (v === undefined || v === null) continue;
        const existing = complete.get(k);
        if (existing === undefined) complete.set(k, Array.isArray(v) ? [...v] : v);
        else if (Array.isArray(existing) && Array.isArray(v)) existing.push(...v);
        else if (typeof existing === 'number' && typeof v === 'number') complete.set(k, existing + v);
        else if (typeof existing === 'string' && typeof v === 'string') complete.set(k, existing + v);
      }
    }
    if (this.resume !== undefined) complete.set('NextToken', this.resume);
    return complete;
  }
}
