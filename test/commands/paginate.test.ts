// paginate() against a fake service (no network): botocore's PageIterator rules (max-items
// truncation, the resume token as base64 of json.dumps, starting tokens old and new, the same-token
// guard) and the AWS CLI's formatters (text and yaml-stream per page, json merged). Token bytes
// come from Python (base64.b64encode(json.dumps(token).encode())) and the page-* conformance cases.
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/commands/paginate';
import { decodeToken, encodeToken } from '../../src/client/paginator';
import type { Invocation } from '../../src/commands/invocation';
import { CliError } from '../../src/errors';
import { memoryIO } from '../support/io';
import { MODEL } from '../../src/model';
import { fromJS, type PyDict, type PyValue } from '../../src/py/values';
import type { OutputFormat } from '../../src/output/index';
import type { PaginationConfig } from '../../src/params/build';
import { compileQuery, searchQuery } from '../../src/output/jmespath';

const PAGINATOR = MODEL.paginators.ListTrainedModelInferenceJobs;
const M = '11111111-2222-3333-4444-555555555555';
const job = (name: string) => new Map<string, PyValue>([['name', name], ['status', 'ACTIVE']]);

/** A service holding jobs a..e, `size` a page (maxResults wins), with numeric nextTokens as the mock has. */
function service(names = ['a', 'b', 'c', 'd', 'e'], size = 2) {
  return (kwargs: PyDict): PyDict => {
    const start = kwargs.has('nextToken') ? Number(kwargs.get('nextToken')) : 0;
    const n = kwargs.has('maxResults') ? Number(kwargs.get('maxResults')) : size;
    const items = names.slice(start, start + n).map(job);
    const page: PyDict = new Map();
    if (start + n < names.length) page.set('nextToken', String(start + n));
    page.set('trainedModelInferenceJobs', items);
    return page;
  };
}

interface Run {
  rc?: number;
  error?: CliError;
  out: string;
  err: string;
  requests: Record<string, unknown>[];
  /** stdout writes and requests, in the order they happened. */
  events: string[];
}

async function drive(opts: {
  format?: OutputFormat; pagination?: PaginationConfig; query?: string; pages?: (kwargs: PyDict) => PyDict | Promise<PyDict>;
  resultIsList?: boolean;
  /** The reader goes away after this many writes (`| head`). */
  closeAfterWrites?: number;
}): Promise<Run> {
  const io = memoryIO();
  const events: string[] = [];
  const write = io.stdout.write;
  let writes = 0;
  let closed = false;
  io.stdout.write = (s: string) => {
    if (closed) return;
    events.push(`out:${s.length}`);
    write(s);
    if (++writes === opts.closeAfterWrites) closed = true;
  };
  Object.defineProperty(io.stdout, 'closed', { get: () => closed });
  io.stdout.flushed = async () => { events.push('flushed'); };
  const requests: Record<string, unknown>[] = [];
  const pages = opts.pages ?? service();
  const fmt = opts.format ?? 'json';
  const compiled = opts.query === undefined ? undefined : compileQuery(opts.query);
  const run: Run = { out: '', err: '', requests, events };
  try {
    run.rc = await paginate({
      inv: { io } as unknown as Invocation,
      params: new Map([['membershipIdentifier', M]]),
      pagination: opts.pagination ?? {},
      paginator: PAGINATOR,
      send: async (kwargs) => {
        requests.push(Object.fromEntries(kwargs));
        events.push('send');
        return pages(new Map(kwargs));
      },
      shape: (v) => v,
      query: compiled && ((v: PyValue) => searchQuery(compiled, v)),
      format: () => fmt,
      renderOptions: { title: 'ListTrainedModelInferenceJobs', color: 'off', io },
      resultIsList: opts.resultIsList === undefined ? undefined : () => opts.resultIsList!,
    });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    run.error = e;
  }
  run.out = io.out();
  run.err = io.err();
  return run;
}

const jsonJobs = (names: string[], nextToken?: string) => {
  const items = names.map((n) => `        {\n            "name": "${n}",\n            "status": "ACTIVE"\n        }`).join(',\n');
  return `{\n    "trainedModelInferenceJobs": [${names.length ? `\n${items}\n    ` : ''}]${nextToken ? `,\n    "NextToken": "${nextToken}"` : ''}\n}\n`;
};

describe('tokens', () => {
  it('encodes the resume token as base64 of json.dumps (separators ", " and ": ")', () => {
    expect(encodeToken(fromJS({ nextToken: '2', boto_truncate_amount: 1 }) as PyDict)).toBe('eyJuZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9');
    expect(encodeToken(new Map<string, PyValue>([['nextToken', null], ['boto_truncate_amount', 0]])))
      .toBe('eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ==');
    expect(encodeToken(fromJS({ nextToken: '\u00e9' }) as PyDict)).toBe('eyJuZXh0VG9rZW4iOiAiXHUwMGU5In0=');
  });

  it('decodes a token and its truncate amount', () => {
    expect(decodeToken('eyJuZXh0VG9rZW4iOiAidG9rIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogM30=', ['nextToken']))
      .toEqual([new Map([['nextToken', 'tok']]), 3]);
    expect(decodeToken('eyJuZXh0VG9rZW4iOiAiNCJ9', ['nextToken'])).toEqual([new Map([['nextToken', '4']]), 0]);
  });

  it('falls back to the old `token___N` form, and to an opaque service token', () => {
    expect(decodeToken('tok___2', ['nextToken'])).toEqual([new Map([['nextToken', 'tok']]), 2]);
    expect(decodeToken('tok___x', ['nextToken'])).toEqual([new Map([['nextToken', 'tok___x']]), 0]);
    expect(decodeToken('plain-token', ['nextToken'])).toEqual([new Map([['nextToken', 'plain-token']]), 0]);
    expect(decodeToken('None', ['nextToken'])).toEqual([new Map([['nextToken', null]]), 0]);
  });

  it('refuses an old-form token with more parts than the paginator has tokens', () => {
    expect(() => decodeToken('a___b___c', ['nextToken'])).toThrow('Bad starting token: a___b___c');
  });

  it('decodes base64 as Python does without validation: stray characters skipped, data ended by its padding', () => {
    // base64.b64decode('eyJuZXh0VG9rZW4iOiAiMiJ9!!') == b'{"nextToken": "2"}'
    expect(decodeToken('eyJuZXh0VG9rZW4iOiAiMiJ9!!', ['nextToken'])).toEqual([new Map([['nextToken', '2']]), 0]);
    // An incomplete quantum is binascii.Error: the token is then an opaque service token.
    expect(decodeToken('eyJuZXh0VG9rZW4iOiAiMiJ', ['nextToken'])).toEqual([new Map([['nextToken', 'eyJuZXh0VG9rZW4iOiAiMiJ']]), 0]);
    // `1_0` is int('1_0') == 10 in the old form.
    expect(decodeToken('2___1_0', ['nextToken'])).toEqual([new Map([['nextToken', '2']]), 10]);
  });

  it("fails on JSON that is neither an object nor a list, as botocore's decoded_token.pop does (a list is the old form)", () => {
    const fail = (json: string) => () => decodeToken(Buffer.from(json).toString('base64'), ['nextToken']);
    expect(fail('123')).toThrow("'int' object has no attribute 'pop'");
    expect(fail('"abc"')).toThrow("'str' object has no attribute 'pop'");
    expect(fail('null')).toThrow("'NoneType' object has no attribute 'pop'");
    expect(fail('1.5')).toThrow("'float' object has no attribute 'pop'");
    expect(decodeToken('WzFd', ['nextToken'])).toEqual([new Map([['nextToken', 'WzFd']]), 0]);
  });

  it('slices the first page with the truncate amount as Python does: None is 0, True is 1, a string is a TypeError', async () => {
    const token = (amount: string) => Buffer.from(`{"nextToken": "2", "boto_truncate_amount": ${amount}}`).toString('base64');
    const names = async (amount: string) => {
      const r = await drive({ format: 'text', query: 'trainedModelInferenceJobs[].name', pagination: { StartingToken: token(amount) } });
      return r.error ? `${r.error.rc} ${r.error.message}` : r.out;
    };
    expect(await names('null')).toBe('c\td\ne\n');
    expect(await names('true')).toBe('d\ne\n');
    expect(await names('-1')).toBe('d\ne\n');
    expect(await names('"x"')).toBe('255 slice indices must be integers or None or have an __index__ method');
    expect(await names('1.5')).toBe('255 slice indices must be integers or None or have an __index__ method');
  });
});

describe('json: the merged result', () => {
  it('follows nextToken and merges the pages', async () => {
    const r = await drive({});
    expect(r.rc).toBe(0);
    expect(r.out).toBe(jsonJobs(['a', 'b', 'c', 'd', 'e']));
    expect(r.requests).toEqual([{ membershipIdentifier: M }, { membershipIdentifier: M, nextToken: '2' }, { membershipIdentifier: M, nextToken: '4' }]);
    // Nothing is written before the last page is in.
    expect(r.events).toEqual(['send', 'send', 'send', 'out:' + r.out.length]);
  });

  it('writes the same bytes when assembling the list page by page', async () => {
    for (const pagination of [{}, { MaxItems: 3, PageSize: 2 }, { MaxItems: 0 }]) {
      const merged = await drive({ pagination, resultIsList: false });
      const incremental = await drive({ pagination, resultIsList: true });
      expect(incremental.out).toBe(merged.out);
    }
  });

  it('sets --page-size as maxResults on every request', async () => {
    const r = await drive({ pagination: { PageSize: 3 } });
    expect(r.requests).toEqual([{ membershipIdentifier: M, maxResults: 3 }, { membershipIdentifier: M, nextToken: '3', maxResults: 3 }]);
    expect(r.out).toBe(jsonJobs(['a', 'b', 'c', 'd', 'e']));
  });

  it('cuts at --max-items mid-page and encodes the page\'s own token with the amount kept', async () => {
    const r = await drive({ pagination: { PageSize: 2, MaxItems: 3 } });
    expect(r.out).toBe(jsonJobs(['a', 'b', 'c'], 'eyJuZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9'));
    expect(r.requests.length).toBe(2);
  });

  it('stops on a page boundary with the service token alone', async () => {
    const r = await drive({ pagination: { MaxItems: 2 } });
    expect(r.out).toBe(jsonJobs(['a', 'b'], 'eyJuZXh0VG9rZW4iOiAiMiJ9'));
    expect(r.requests.length).toBe(1);
  });

  it('gives no items and a token with truncate amount 0 for --max-items 0 (page-maxitems-zero)', async () => {
    const r = await drive({ pagination: { MaxItems: 0 } });
    expect(r.out).toBe(jsonJobs([], 'eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ=='));
  });

  it('prints no NextToken when the items end exactly at --max-items with no more pages', async () => {
    const r = await drive({ pagination: { MaxItems: 5 } });
    expect(r.out).toBe(jsonJobs(['a', 'b', 'c', 'd', 'e']));
  });

  it('resumes from a starting token, skipping the items already shown (page-starting-token)', async () => {
    const r = await drive({ pagination: { PageSize: 2, StartingToken: 'eyJuZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9' } });
    expect(r.requests[0]).toEqual({ membershipIdentifier: M, nextToken: '2', maxResults: 2 });
    expect(r.out).toBe(jsonJobs(['d', 'e']));
  });

  it('adds the starting truncation to the next resume token when the first page is cut again', async () => {
    const r = await drive({ pagination: { PageSize: 3, MaxItems: 1, StartingToken: 'eyJuZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9' } });
    // Page from '2' is [c, d, e]; 1 skipped, 1 kept: resume at '2' with 2 consumed.
    expect(r.out).toBe(jsonJobs(['d'], Buffer.from('{"nextToken": "2", "boto_truncate_amount": 2}').toString('base64')));
  });

  it('accepts the old token form with its truncate amount', async () => {
    const r = await drive({ pagination: { StartingToken: '2___1' } });
    expect(r.requests[0]).toEqual({ membershipIdentifier: M, nextToken: '2' });
    expect(r.out).toBe(jsonJobs(['d', 'e']));
  });

  it('applies --query to the merged result', async () => {
    const r = await drive({ query: 'trainedModelInferenceJobs[].name', pagination: { MaxItems: 3 } });
    expect(r.out).toBe('[\n    "a",\n    "b",\n    "c"\n]\n');
    const t = await drive({ query: 'NextToken', pagination: { MaxItems: 3 } });
    expect(t.out).toBe('"eyJuZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9"\n');
  });

  it('treats an empty nextToken as the end', async () => {
    const r = await drive({ pages: () => new Map<string, PyValue>([['nextToken', ''], ['trainedModelInferenceJobs', [job('x')]]]) });
    expect(r.requests.length).toBe(1);
    expect(r.out).toBe(jsonJobs(['x']));
  });

  it('stops on the same token twice, printing nothing (page-repeat)', async () => {
    const r = await drive({ pages: () => new Map<string, PyValue>([['nextToken', 'same'], ['trainedModelInferenceJobs', [job('x')]]]) });
    expect(r.error?.message).toBe("Error during pagination: The same next token was received twice: {'nextToken': 'same'}");
    expect(r.error?.rc).toBe(255);
    expect(r.requests.length).toBe(2);
    expect(r.out).toBe('');
  });

  it('refuses a bad old-form starting token before any request', async () => {
    const r = await drive({ pagination: { StartingToken: 'a___b___c' } });
    expect(r.error?.render()).toBe('\naws: [ERROR]: Bad starting token: a___b___c\n');
    expect(r.requests).toEqual([]);
  });
});

describe('text: page by page', () => {
  it('prints each page as it arrives, result keys only', async () => {
    const r = await drive({ format: 'text' });
    expect(r.out).toBe('TRAINEDMODELINFERENCEJOBS\ta\tACTIVE\nTRAINEDMODELINFERENCEJOBS\tb\tACTIVE\n' +
      'TRAINEDMODELINFERENCEJOBS\tc\tACTIVE\nTRAINEDMODELINFERENCEJOBS\td\tACTIVE\nTRAINEDMODELINFERENCEJOBS\te\tACTIVE\n');
    expect(r.events.map((e) => (e.startsWith('out') ? 'out' : e))).toEqual(['send', 'out', 'flushed', 'send', 'out', 'flushed', 'send', 'out', 'flushed']);
  });

  it('ends with a NEXTTOKEN record when --max-items stops early (page-starting-token-maxitems)', async () => {
    const r = await drive({ format: 'text', pagination: { PageSize: 2, MaxItems: 1, StartingToken: 'eyJuZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9' } });
    expect(r.out).toBe('TRAINEDMODELINFERENCEJOBS\td\tACTIVE\nNEXTTOKEN\teyJuZXh0VG9rZW4iOiAiNCJ9\n');
  });

  it('applies --query to each page and to the NEXTTOKEN record (page-query-nexttoken-text)', async () => {
    const r = await drive({ format: 'text', query: 'NextToken', pagination: { MaxItems: 2 } });
    expect(r.out).toBe('None\neyJuZXh0VG9rZW4iOiAiMiJ9\n');
  });

  it('keeps what was printed when a later page fails (page-fail2-text, page-repeat-text)', async () => {
    const failing = service();
    const r = await drive({
      format: 'text',
      pages: (kw) => {
        if (kw.get('nextToken') === '2') throw new CliError('An error occurred (AccessDeniedException): page 2', 254);
        return failing(kw);
      },
    });
    expect(r.out).toBe('TRAINEDMODELINFERENCEJOBS\ta\tACTIVE\nTRAINEDMODELINFERENCEJOBS\tb\tACTIVE\n');
    expect(r.error?.rc).toBe(254);

    const same = await drive({ format: 'text', pages: () => new Map<string, PyValue>([['nextToken', 'same'], ['trainedModelInferenceJobs', [job('x')]]]) });
    expect(same.out).toBe('TRAINEDMODELINFERENCEJOBS\tx\tACTIVE\nTRAINEDMODELINFERENCEJOBS\tx\tACTIVE\n');
    expect(same.error?.message).toBe("Error during pagination: The same next token was received twice: {'nextToken': 'same'}");
  });
});

describe('yaml-stream: page by page', () => {
  it('prints each whole page, the service token included, and no resume token (page-maxitems-yaml-stream)', async () => {
    const r = await drive({ format: 'yaml-stream', pagination: { PageSize: 2, MaxItems: 3 } });
    expect(r.out).toBe(
      "- nextToken: '2'\n  trainedModelInferenceJobs:\n  - name: a\n    status: ACTIVE\n  - name: b\n    status: ACTIVE\n" +
      "- nextToken: '4'\n  trainedModelInferenceJobs:\n  - name: c\n    status: ACTIVE\n");
    expect(r.events.map((e) => (e.startsWith('out') ? 'out' : e))).toEqual(['send', 'out', 'flushed', 'send', 'out']);
  });
});

describe('a reader that goes away', () => {
  const many = Array.from({ length: 100 }, (_, i) => `job-${i}`);

  it.each(['text', 'yaml-stream'] as const)('stops the pagination of %s once it has gone (as the AWS CLI stops)', async (format) => {
    const r = await drive({ format, pages: service(many, 2), closeAfterWrites: 1 });
    expect(r.rc).toBe(0);
    expect(r.requests.length).toBe(1);
    expect(r.events).toEqual(['send', 'out:' + r.out.length, 'flushed']);
  });

  it('asks for the next page only once the last one is written (flushed)', async () => {
    const r = await drive({ format: 'text', pages: service(['a', 'b', 'c'], 1) });
    expect(r.events.filter((e) => !e.startsWith('out:'))).toEqual(['send', 'flushed', 'send', 'flushed', 'send', 'flushed']);
  });

  it('buffered formats fetch every page (their output comes at the end)', async () => {
    const r = await drive({ format: 'json', pages: service(many, 10), closeAfterWrites: 1 });
    expect(r.requests.length).toBe(10);
  });
});
