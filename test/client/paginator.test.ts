// botocore's PageIterator (client/paginator.ts): the model's paginators are what it reads, the
// starting token as botocore's TokenDecoder and PageIterator take it (each case checked against the
// AWS CLI: --starting-token with --max-items 1), the resume token as its setter checks it, pages taken
// one at a time, build_full_result.
import { describe, expect, it } from 'vitest';
import { decodeToken, PageIterator } from '../../src/client/paginator';
import { CliError } from '../../src/errors';
import { MODEL } from '../../src/model';
import { PyBytes, type PyDict, type PyValue } from '../../src/py/values';
import { pyRepr } from '../../src/py/repr';

const b64 = (json: string) => Buffer.from(json).toString('base64');
const job = (name: string) => new Map<string, PyValue>([['name', name]]);

/** jobs a..e, 2 a page, numeric tokens (an unknown token gives an empty last page). */
function service(requests: Record<string, unknown>[] = []) {
  const names = ['a', 'b', 'c', 'd', 'e'];
  return async (kwargs: PyDict): Promise<PyValue> => {
    requests.push(Object.fromEntries(kwargs));
    const token = kwargs.get('nextToken');
    const start = token === undefined ? 0 : typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : names.length;
    const page: PyDict = new Map();
    if (start + 2 < names.length) page.set('nextToken', String(start + 2));
    page.set('trainedModelInferenceJobs', names.slice(start, start + 2).map(job));
    return page;
  };
}

function pages(opts: { maxItems?: number; startingToken?: string; pageSize?: number }, requests: Record<string, unknown>[] = []) {
  return new PageIterator({
    paginator: MODEL.paginators.ListTrainedModelInferenceJobs, method: service(requests), params: new Map([['membershipIdentifier', 'm']]), ...opts,
  });
}

async function names(it: PageIterator): Promise<string[]> {
  const out: string[] = [];
  for await (const page of it) for (const j of page.get('trainedModelInferenceJobs') as PyDict[]) out.push(j.get('name') as string);
  return out;
}

async function failure(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    return `${(e as CliError).rc} ${(e as Error).message}`;
  }
  return 'no error';
}

describe('the model', () => {
  it("names top-level members in every paginator, and uses neither more_results nor non_aggregate_keys", () => {
    const outputs = Object.entries(MODEL.paginators);
    expect(outputs.length).toBeGreaterThan(10);
    for (const [, p] of outputs) {
      for (const key of [p.input_token, p.output_token, p.result_key, p.limit_key].flat()) expect(key).toMatch(/^[A-Za-z]\w*$/);
      expect(p.more_results).toBeUndefined();
      expect(p.non_aggregate_keys).toBeUndefined();
    }
  });
});

describe('TokenDecoder', () => {
  const decode = (json: string) => decodeToken(b64(json), ['nextToken']);

  it('gives a dict of the JSON, not an OrderedDict (its repr in errors)', () => {
    const [token] = decode('{"nextToken": {"a": 1}}');
    expect(pyRepr(token)).toBe("{'nextToken': {'a': 1}}");
  });

  it('decodes the values under boto_encoded_keys to bytes', () => {
    const [token, index] = decode('{"nextToken": "OTk5MA==", "boto_encoded_keys": [["nextToken"]], "boto_truncate_amount": 2}');
    expect(token.get('nextToken')).toBeInstanceOf(PyBytes);
    expect(pyRepr(token.get('nextToken')!)).toBe("b'9990'");
    expect([...token.keys()]).toEqual(['nextToken']);
    expect(index).toBe(2);
    expect(decode('{"nextToken": "9", "boto_encoded_keys": null}')).toEqual([new Map([['nextToken', '9']]), 0]);
  });

  it("lets KeyError, IndexError and AttributeError escape as the AWS CLI does (exit 255, str() of them)", async () => {
    expect(await failure(async () => decode('{"nextToken": "9990", "boto_encoded_keys": [["x"]]}'))).toBe("255 'x'");
    // A str is iterated: its first character is the first path, its first step 'a'.
    expect(await failure(async () => decode('{"nextToken": "9990", "boto_encoded_keys": "ab"}'))).toBe("255 'a'");
    expect(await failure(async () => decode('{"nextToken": ["OTk5MA=="], "boto_encoded_keys": [["nextToken", 5]]}'))).toBe('255 list index out of range');
    expect(await failure(async () => decode('{"nextToken": "9990", "boto_encoded_keys": [[]]}'))).toBe("255 'dict' object has no attribute 'encode'");
    expect(await failure(async () => decode('"x"'))).toBe("255 'str' object has no attribute 'pop'");
  });

  it('falls back to the old token form where it raises ValueError or TypeError: the whole token is the service token', () => {
    for (const json of [
      '{"nextToken": "9990", "boto_encoded_keys": 1}', // int is not iterable
      '{"nextToken": "9990", "boto_encoded_keys": [["nextToken", "x"]]}', // str indices must be integers
      '{"nextToken": "9990", "boto_encoded_keys": [{"nextToken": 1}]}', // a dict path cannot be sliced
      '{"nextToken": "A", "boto_encoded_keys": [["nextToken"]]}', // binascii.Error
      '[1]', // list.pop takes one argument
    ]) {
      expect(decode(json)).toEqual([new Map([['nextToken', b64(json)]]), 0]);
    }
  });
});

describe('PageIterator', () => {
  it('asks for a page only when the consumer takes one', async () => {
    const requests: Record<string, unknown>[] = [];
    const it = pages({}, requests)[Symbol.asyncIterator]();
    expect(requests.length).toBe(0);
    await it.next();
    expect(requests.length).toBe(1);
    await it.next();
    expect(requests).toEqual([{ membershipIdentifier: 'm' }, { membershipIdentifier: 'm', nextToken: '2' }]);
  });

  it('refuses a resume token whose keys are not the input tokens, as its setter does', async () => {
    // {} resumes nothing; cutting the first page gives {'boto_truncate_amount': 1}.
    expect(await failure(() => names(pages({ maxItems: 1, startingToken: b64('{}') }))))
      .toBe("255 Bad starting token: {'boto_truncate_amount': 1}");
    expect(await failure(() => names(pages({ maxItems: 1, startingToken: b64('{"nextToken": "2", "x": null}') }))))
      .toBe("255 Bad starting token: {'nextToken': '2', 'x': None, 'boto_truncate_amount': 1}");
  });

  it('resumes past the items already shown, and cuts at --max-items with the page\'s own token', async () => {
    const it = pages({ maxItems: 2, startingToken: b64('{"nextToken": "2", "boto_truncate_amount": 1}') });
    expect(await names(it)).toEqual(['d', 'e']);
    expect(it.resumeToken).toBeUndefined();
    const cut = pages({ maxItems: 3 });
    expect(await names(cut)).toEqual(['a', 'b', 'c']);
    expect(Buffer.from(cut.resumeToken!, 'base64').toString()).toBe('{"nextToken": "2", "boto_truncate_amount": 1}');
  });

  it('builds the full result: the lists merged, NextToken last', async () => {
    const full = await pages({ maxItems: 4, pageSize: 2 }).buildFullResult();
    expect([...full.keys()]).toEqual(['trainedModelInferenceJobs', 'NextToken']);
    expect((full.get('trainedModelInferenceJobs') as PyDict[]).map((j) => j.get('name'))).toEqual(['a', 'b', 'c', 'd']);
    expect(Buffer.from(full.get('NextToken') as string, 'base64').toString()).toBe('{"nextToken": "4"}');
  });
});
