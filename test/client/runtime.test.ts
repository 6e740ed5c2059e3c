// The transport against a local node:http server (no network): SigV4 on the wire, botocore's
// standard retry mode (3 attempts for throttling codes and 500/502/503/504, none for other 4xx, the
// "(reached max retries: 2)" suffix), the AWS CLI's network error texts; and the credential chain
// (environment unless --profile, then the SDK chain: credentials file, credential_process).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DefaultRateLimiter } from '@smithy/util-retry';
import { classify, EndpointConnectionError, isRetryable, RetriesContext, retryDelay, Transport, type TransportOptions } from '../../src/client/runtime';
import { resolveCredentials } from '../support/credentials';
import { serializeRequest } from '../../src/client/serialize';
import { ServiceError } from '../../src/client/service-error';
import { CliError, NoCredentialsError } from '../../src/errors';
import { operationsByCliName } from '../../src/model';
import { fromJS, type PyDict } from '../../src/py/values';
import { verifySigV4 } from '../support/sigv4';
import dateHeaders from '../py/fixtures/date-header-cases.json';

const M = '11111111-2222-3333-4444-555555555555';
const ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/job-1`;
const GET = operationsByCliName().get('get-trained-model-inference-job')!;
const START = operationsByCliName().get('start-trained-model-inference-job')!;
const LIST = operationsByCliName().get('list-trained-model-inference-jobs')!;
const getRequest = () => serializeRequest(GET, fromJS({ membershipIdentifier: M, trainedModelInferenceJobArn: ARN }) as PyDict);
const GET_PATH = `/memberships/${M}/trained-model-inference-jobs/${encodeURIComponent(ARN)}`;
const silent = { enabled: false, debug: () => undefined };

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }
type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
});

/** A server answering the scripted replies in turn (the last one repeats). */
async function serve(replies: Reply[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const r = replies[Math.min(seen.length - 1, replies.length - 1)];
      if (r === 'hang') return;
      res.writeHead(r.status, { 'Content-Type': 'application/json', ...r.headers });
      res.end(r.body ?? '');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function options(endpoint: string, over: Partial<TransportOptions> = {}): TransportOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    endpoint, region: 'us-east-1', signingName: 'cleanrooms-ml',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 3, connectTimeout: 60, readTimeout: 60, verifySsl: true, env: {}, userAgent: 'aws-cli/2.36.7 test',
    log: silent, now: () => new Date(Date.UTC(2026, 2, 1, 12, 0, 0)),
    sleep: async (s: number) => { sleeps.push(s); },
    sleeps,
    ...over,
  };
}

async function send(o: TransportOptions, req = getRequest()) {
  const transport = new Transport(o);
  try {
    return await transport.send(req);
  } finally {
    transport.close();
  }
}

describe('the request on the wire', () => {
  it('signs with the credential scope and the headers the AWS CLI signs', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    const res = await send(options(url), serializeRequest(START, fromJS({ membershipIdentifier: M, name: 'j' }) as PyDict));
    expect(res).toMatchObject({ status: 200, body: '{}', attempts: 1, maxAttemptsReached: false });
    const h = seen[0].headers;
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe(`/memberships/${M}/trained-model-inference-jobs`);
    expect(seen[0].body).toBe('{"name": "j"}');
    expect(h['content-type']).toBe('application/json');
    expect(h['content-length']).toBe('13');
    expect(h['x-amz-date']).toBe('20260301T120000Z');
    expect(h['user-agent']).toBe('aws-cli/2.36.7 test');
    expect(h.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260301\/us-east-1\/cleanrooms-ml\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(h['x-amz-security-token']).toBeUndefined();
  });

  it('names the call and its attempt as botocore does (amz-sdk-invocation-id, amz-sdk-request), unsigned, with http.client\'s Accept-Encoding', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(url));
    await send(options(url));
    const [first, second] = seen.map((s) => s.headers);
    expect(first['amz-sdk-invocation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second['amz-sdk-invocation-id']).not.toBe(first['amz-sdk-invocation-id']);
    expect(first['amz-sdk-request']).toBe('attempt=1');
    expect(first['accept-encoding']).toBe('identity');
    expect(first.authorization).toContain('SignedHeaders=host;x-amz-date, ');
  });

  it('sends Content-Length: 0 without a body as botocore does: on any method but GET, HEAD and OPTIONS', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    const untag = operationsByCliName().get('untag-resource')!;
    await send(options(url), serializeRequest(untag, fromJS({ resourceArn: ARN, tagKeys: ['a', 'b'] }) as PyDict));
    await send(options(url));
    expect(seen.map((s) => [s.method, s.url.split('?')[1], s.headers['content-length']])).toEqual([['DELETE', 'tagKeys=a&tagKeys=b', '0'], ['GET', undefined, undefined]]);
  });

  it('dates the signature as the SDK does (x-amz-date and the credential scope from the same date)', async () => {
    for (const at of [Date.UTC(2026, 2, 1, 2, 3, 4, 999), Date.UTC(2000, 1, 29, 23, 59, 59), Date.UTC(1999, 11, 31, 0, 0, 0, 1)]) {
      const { url, seen } = await serve([{ status: 200, body: '{}' }]);
      await send(options(url, { now: () => new Date(at) }));
      const iso = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
      expect(seen[0].headers['x-amz-date']).toBe(iso);
      expect(seen[0].headers.authorization).toContain(`Credential=AKIDEXAMPLE/${iso.slice(0, 8)}/us-east-1/cleanrooms-ml/aws4_request`);
    }
  });

  it('signs for an empty region as botocore does (--region \'\', AWS_DEFAULT_REGION=)', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(url, { region: '' }));
    expect(seen[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260301\/\/cleanrooms-ml\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/);
  });

  it('signs a GET over host and date only, and adds the session token', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(url, { credentials: { accessKeyId: 'AKID', secretAccessKey: 'S', sessionToken: 'TOKEN' } }));
    expect(seen[0].url).toBe(GET_PATH);
    expect(seen[0].headers['x-amz-security-token']).toBe('TOKEN');
    expect(seen[0].headers.authorization).toMatch(/SignedHeaders=host;x-amz-date;x-amz-security-token, /);
    expect(seen[0].body).toBe('');
  });

  it('sends unsigned requests without credentials (--no-sign-request)', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(url, { credentials: undefined }));
    expect(seen[0].headers.authorization).toBeUndefined();
  });

  it('keeps the endpoint path as a prefix and encodes the query as botocore does', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(`${url}/base/`), serializeRequest(LIST, fromJS({ membershipIdentifier: M, nextToken: 'a b/c+d', maxResults: 5 }) as PyDict));
    // The query in botocore's order (the input's members), as botocore encodes it.
    expect(seen[0].url).toBe(`/base/memberships/${M}/trained-model-inference-jobs?nextToken=a%20b%2Fc%2Bd&maxResults=5`);
  });
});

describe('the endpoint URL\'s own query, fragment and scheme (botocore\'s _urljoin and prepare_request_dict)', () => {
  /** Whether the service would accept the signature of a request the test server saw. */
  const verifies = (r: Seen) => {
    const [rawPath, rawQuery = ''] = r.url.split('?');
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v : [String(v)]]));
    return verifySigV4({ method: r.method, rawPath, rawQuery, headers, body: Buffer.from(r.body) },
      () => 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'cleanrooms-ml', Date.UTC(2026, 2, 1, 12, 0, 0));
  };
  const list = () => serializeRequest(LIST, fromJS({ membershipIdentifier: M, maxResults: 5 }) as PyDict);

  it('keeps the query of the endpoint URL, the operation\'s after it (&), and signs both', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(`${url}/p/?a=%41b%2Fc&maxResults=7&flag`), list());
    // (As written: urllib3 sends the URL's text.)
    expect(seen[0].url).toBe(`/p/memberships/${M}/trained-model-inference-jobs?a=%41b%2Fc&maxResults=7&flag&maxResults=5`);
    expect(verifies(seen[0])).toMatchObject({ accessKeyId: 'AKIDEXAMPLE' });
  });

  it('loses the operation\'s query to a fragment of the endpoint URL, as the AWS CLI does', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await send(options(`${url}?a=b#frag`), list());
    expect(seen[0].url).toBe(`/memberships/${M}/trained-model-inference-jobs?a=b`);
    expect(verifies(seen[0])).toMatchObject({ accessKeyId: 'AKIDEXAMPLE' });
    // The URL in errors is the whole one.
    const closed = options(`${url.replace(/\d+$/, '1')}#frag`, { maxAttempts: 1 });
    expect(((await send(closed, list()).catch((e: unknown) => e)) as CliError).message)
      .toBe(`Could not connect to the endpoint URL: "http://127.0.0.1:1/memberships/${M}/trained-model-inference-jobs#frag?maxResults=5"`);
  });

  it('refuses a scheme other than http(s) on every attempt, sending nothing (urllib3\'s URLSchemeUnknown)', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    const o = options(url.replace('http:', 'ftp:'));
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.render()).toBe('\naws: [ERROR]: An HTTP Client raised an unhandled exception: Not supported URL scheme ftp\n');
    expect(err.rc).toBe(255);
    expect(seen.length).toBe(0);
    expect(o.sleeps.length).toBe(2);
  });
});

describe('adaptive retries', () => {
  // The SDK's rate limiter reads a clock and waits through a timer hook: here a fake clock that each
  // wait moves on at once (no test waits for time).
  type Hooks = { setTimeoutFn: (fn: () => void, ms: number) => unknown; prototype: { getCurrentTimeInSeconds(): number } };
  const limiter = DefaultRateLimiter as unknown as Hooks;
  const original = { timeout: limiter.setTimeoutFn, clock: limiter.prototype.getCurrentTimeInSeconds };
  const waits: number[] = [];
  let now = 1_000_000;
  beforeAll(() => {
    limiter.setTimeoutFn = (fn, ms) => { waits.push(ms); now += ms / 1000; fn(); return 0; };
    limiter.prototype.getCurrentTimeInSeconds = () => now;
  });
  afterAll(() => {
    limiter.setTimeoutFn = original.timeout;
    limiter.prototype.getCurrentTimeInSeconds = original.clock;
  });
  afterEach(() => { waits.length = 0; });
  const throttled = { status: 400, headers: { 'x-amzn-ErrorType': 'ThrottlingException' }, body: '{"message":"slow down"}' };

  it('after a throttling answer, the next attempt waits for the rate limiter\'s token', async () => {
    const { url, seen } = await serve([throttled, { status: 200, body: '{}' }]);
    const res = await send(options(url, { retryMode: 'adaptive' }));
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    expect(seen.length).toBe(2);
    // The bucket turned on at its lowest rate (0.5 a second) and empty: a token takes 2 s.
    expect(waits).toEqual([2000]);
  });

  it('sends without waiting while nothing was throttled, and standard mode never waits', async () => {
    const ok = await serve([{ status: 500, body: '{"message":"oops"}' }, { status: 200, body: '{}' }]);
    expect(await send(options(ok.url, { retryMode: 'adaptive' }))).toMatchObject({ status: 200, attempts: 2 });
    expect(waits).toEqual([]);
    const again = await serve([throttled, { status: 200, body: '{}' }]);
    expect(await send(options(again.url, { retryMode: 'standard' }))).toMatchObject({ status: 200, attempts: 2 });
    expect(waits).toEqual([]);
  });
});

describe('standard retries', () => {
  it('tries a throttled request 3 times and reports "(reached max retries: 2)" (err-start-ThrottlingException)', async () => {
    const { url, seen } = await serve([{ status: 429, headers: { 'x-amzn-ErrorType': 'ThrottlingException' }, body: '{"message":"Rate exceeded"}' }]);
    const o = options(url);
    const res = await send(o);
    expect(seen.length).toBe(3);
    expect(res).toMatchObject({ status: 429, attempts: 3, maxAttemptsReached: true });
    expect(ServiceError.fromResponse(GET, res).render()).toBe('\naws: [ERROR]: An error occurred (ThrottlingException) when calling the ' +
      'GetTrainedModelInferenceJob operation (reached max retries: 2): Rate exceeded\n');
    // Full-jitter exponential backoff: random × min(20, 2^(attempt-1)).
    expect(o.sleeps.length).toBe(2);
    expect(o.sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(o.sleeps[0]).toBeLessThan(1);
    expect(o.sleeps[1]).toBeLessThan(2);
  });

  it('retries a 503 and a 502 with an HTML body, reported with the status as the code', async () => {
    const unavailable = await serve([{ status: 503, headers: { 'x-amzn-ErrorType': 'ServiceUnavailableException' }, body: '{"message":"down"}' }]);
    const r1 = await send(options(unavailable.url));
    expect(unavailable.seen.length).toBe(3);
    expect(ServiceError.fromResponse(GET, r1).message).toBe(
      'An error occurred (ServiceUnavailableException) when calling the GetTrainedModelInferenceJob operation (reached max retries: 2): down');
    const garbage = await serve([{ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' }]);
    const r2 = await send(options(garbage.url));
    expect(garbage.seen.length).toBe(3);
    expect(ServiceError.fromResponse(GET, r2).render()).toBe(
      '\naws: [ERROR]: An error occurred (502) when calling the GetTrainedModelInferenceJob operation (reached max retries: 2): Bad Gateway\n');
  });

  it('tells each retry its attempt, the most attempts, and the ttl from the last Date botocore could read', async () => {
    const { url, seen } = await serve([
      { status: 503, headers: { Date: 'Tue, 08 Dec 2026 04:10:00 GMT' }, body: '' },
      { status: 503, headers: { Date: 'not a date' }, body: '' },
      { status: 200, body: '{}' },
    ]);
    await send(options(url));
    expect(seen.map((s) => s.headers['amz-sdk-request'])).toEqual(['attempt=1', 'ttl=20261208T041100Z; attempt=2; max=3', 'ttl=20261208T041100Z; attempt=3; max=3']);
    expect(new Set(seen.map((s) => s.headers['amz-sdk-invocation-id'])).size).toBe(1);
    // --cli-read-timeout 0 (no read timeout): no ttl.
    const untimed = await serve([{ status: 503, headers: { Date: 'Tue, 08 Dec 2026 04:10:00 GMT' }, body: '' }, { status: 200, body: '{}' }]);
    await send(options(untimed.url, { readTimeout: 0, maxAttempts: 5 }));
    expect(untimed.seen.map((s) => s.headers['amz-sdk-request'])).toEqual(['attempt=1', 'attempt=2; max=5']);
  });

  it('stops retrying once an attempt succeeds (force-flaky-2)', async () => {
    const { url, seen } = await serve([{ status: 503, body: '' }, { status: 503, body: '' }, { status: 200, body: '{"status":"ACTIVE"}' }]);
    const res = await send(options(url));
    expect(seen.length).toBe(3);
    expect(res).toMatchObject({ status: 200, attempts: 3, maxAttemptsReached: false, body: '{"status":"ACTIVE"}' });
  });

  it('does not retry other client errors', async () => {
    const { url, seen } = await serve([{ status: 400, headers: { 'x-amzn-ErrorType': 'ValidationException' }, body: '{"message":"bad"}' }]);
    const o = options(url);
    const res = await send(o);
    expect(seen.length).toBe(1);
    expect(o.sleeps).toEqual([]);
    expect(ServiceError.fromResponse(GET, res).message).toBe(
      'An error occurred (ValidationException) when calling the GetTrainedModelInferenceJob operation: bad');
  });

  it('honours AWS_MAX_ATTEMPTS-style limits: one attempt means no retry suffix', async () => {
    const { url, seen } = await serve([{ status: 429, headers: { 'x-amzn-ErrorType': 'ThrottlingException' }, body: '{"message":"slow"}' }]);
    const res = await send(options(url, { maxAttempts: 1 }));
    expect(seen.length).toBe(1);
    expect(ServiceError.fromResponse(GET, res).message).toBe(
      'An error occurred (ThrottlingException) when calling the GetTrainedModelInferenceJob operation (reached max retries: 0): slow');
  });

  it('waits what x-amz-retry-after says (milliseconds), within [jitter, jitter + 5 s]', async () => {
    const { url } = await serve([
      { status: 503, headers: { 'x-amz-retry-after': '1500' }, body: '' },
      { status: 503, headers: { 'x-amz-retry-after': '0' }, body: '' },
      { status: 503, headers: { 'x-amz-retry-after': '60000' }, body: '' },
      { status: 503, headers: { 'x-amz-retry-after': 'soon' }, body: '' },
      { status: 200, body: '{}' }]);
    const o = options(url, { maxAttempts: 5, random: () => 0.5 });
    await send(o);
    // Jitter 0.5 * 2^(attempt-1): 0.5, 1, 2, 4; the header moves it to 1.5, keeps 1 (0 < jitter),
    // caps 60 s at 2 + 5, and a value that is not an integer is ignored.
    expect(o.sleeps).toEqual([1.5, 1, 7, 4]);
  });

  it('marks any error on the last allowed attempt as having reached max retries, as botocore\'s MaxAttemptsChecker does', async () => {
    const { url } = await serve([{ status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' }, body: '{"message":"no"}' }]);
    const one = await send(options(url, { maxAttempts: 1 }));
    expect(ServiceError.fromResponse(GET, one).render()).toBe('\naws: [ERROR]: An error occurred (AccessDeniedException) when calling the ' +
      'GetTrainedModelInferenceJob operation (reached max retries: 0): no\n');
    const flaky = await serve([
      { status: 503, body: '' }, { status: 503, body: '' },
      { status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' }, body: '{"message":"no"}' }]);
    const third = await send(options(flaky.url));
    expect(flaky.seen.length).toBe(3);
    expect(ServiceError.fromResponse(GET, third).message).toBe('An error occurred (AccessDeniedException) when calling the ' +
      'GetTrainedModelInferenceJob operation (reached max retries: 2): no');
    const early = await serve([{ status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' }, body: '{"message":"no"}' }]);
    expect(ServiceError.fromResponse(GET, await send(options(early.url))).message).toBe('An error occurred (AccessDeniedException) ' +
      'when calling the GetTrainedModelInferenceJob operation: no');
  });

  it('classifies codes and statuses as botocore\'s standard mode does', () => {
    expect(isRetryable(400, 'ThrottlingException')).toBe(true);
    expect(isRetryable(400, 'TooManyRequestsException')).toBe(true);
    expect(isRetryable(400, 'RequestTimeoutException')).toBe(true);
    expect(isRetryable(504, 'GatewayTimeout')).toBe(true);
    expect(isRetryable(500, 'InternalServerException')).toBe(true);
    expect(isRetryable(403, 'AccessDeniedException')).toBe(false);
    expect(isRetryable(404, 'ResourceNotFoundException')).toBe(false);
    expect(isRetryable(501, '501')).toBe(false);
  });
});

describe('the steps alone', () => {
  const answer = (status: number, code: string) => ({
    kind: 'answer' as const, code, response: { status, headers: {}, body: '', attempts: 1, maxAttemptsReached: false },
  });

  it('classify: no answer is always retried; an answer for its code or status; throttling for the rate limiter', () => {
    expect(classify({ kind: 'failure', error: new EndpointConnectionError('x') })).toEqual({ retryable: true, throttled: false });
    expect(classify(answer(200, ''))).toEqual({ retryable: false, throttled: false });
    expect(classify(answer(400, 'ThrottlingException'))).toEqual({ retryable: true, throttled: true });
    expect(classify(answer(400, 'RequestTimeoutException'))).toEqual({ retryable: true, throttled: false });
    expect(classify(answer(503, 'ServiceUnavailableException'))).toEqual({ retryable: true, throttled: false });
    expect(classify(answer(403, 'AccessDeniedException'))).toEqual({ retryable: false, throttled: false });
  });

  it('RetriesContext: the ttl botocore derives from each Date header and read timeout (fixtures recorded from CPython)', () => {
    const cases = dateHeaders.cases as [string, ...(string | null)[]][];
    const wrong: unknown[] = [];
    for (const [text, ...ttls] of cases) {
      dateHeaders.readTimeouts.forEach((timeout, i) => {
        const retries = new RetriesContext(3, timeout);
        retries.attempted(text);
        const expected = ttls[i] === null ? 'attempt=2; max=3' : `ttl=${ttls[i]}; attempt=2; max=3`;
        if (retries.header(2) !== expected) wrong.push([text, timeout, retries.header(2), expected]);
      });
    }
    expect(wrong).toEqual([]);
    // An attempt without an answer keeps the ttl an earlier answer gave.
    const retries = new RetriesContext(4, 60);
    expect(retries.header(1)).toBe('attempt=1');
    retries.attempted('Thu, 01 Jan 1970 00:00:00 GMT');
    retries.attempted(undefined);
    expect(retries.header(3)).toBe('ttl=19700101T000100Z; attempt=3; max=4');
  });

  it('retryDelay: full jitter under 2^(attempt-1) capped at 20 s, moved by x-amz-retry-after within 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => retryDelay(a, 1, undefined))).toEqual([1, 2, 4, 8, 16, 20, 20]);
    expect(retryDelay(3, 0.25, undefined)).toBe(1);
    expect(retryDelay(1, 0.5, '1500')).toBe(1.5);
    expect(retryDelay(2, 0.5, '0')).toBe(1);
    expect(retryDelay(3, 0.5, '60000')).toBe(7);
    expect(retryDelay(4, 0.5, 'soon')).toBe(4);
    expect(retryDelay(1, 0.5, '-5')).toBe(0.5);
  });

  it('a Transport keeps its connection for the pages of a command, and opens a new one after close', async () => {
    const ports: number[] = [];
    const server = createServer((req, res) => { ports.push(req.socket.remotePort!); req.resume(); req.on('end', () => res.end('{}')); });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const transport = new Transport(options(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    try {
      await transport.send(getRequest());
      await transport.send(getRequest());
      transport.close();
      await transport.send(getRequest());
    } finally {
      transport.close();
    }
    expect(ports[1]).toBe(ports[0]);
    expect(ports[2]).not.toBe(ports[0]);
  });
});

describe('--no-verify-ssl and certificates', () => {
  // The e2e tests' self-signed certificate for 127.0.0.1 (CN and an IP subjectAltName; valid until 2126).
  const dir = join(__dirname, '..', 'e2e', 'fixtures');
  const CERT = join(dir, 'tls-cert.pem');
  let tlsUrl: string;
  let tls: import('node:https').Server | undefined;
  beforeAll(async () => {
    const https = await import('node:https');
    const { readFileSync } = await import('node:fs');
    tls = https.createServer({ key: readFileSync(join(dir, 'tls-key.pem')), cert: readFileSync(CERT) }, (req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{}'); });
    });
    await new Promise<void>((resolve) => tls!.listen(0, '127.0.0.1', resolve));
    tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (tls) await new Promise<void>((r) => { tls!.closeAllConnections(); tls!.close(() => r()); });
  });

  // The texts are the AWS CLI's (its Python 3.11's ssl module and urllib3 1.26), checked against it.
  it('refuses a self-signed certificate as botocore\'s SSLError, after retrying it', async () => {
    const o = options(tlsUrl);
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.render()).toBe(`\naws: [ERROR]: SSL validation failed for ${tlsUrl}${GET_PATH} ` +
      '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)\n');
    expect(o.sleeps.length).toBe(2);
  });

  it('refuses a certificate for another host name as urllib3 does', async () => {
    const o = options(tlsUrl.replace('127.0.0.1', 'localhost'), { caBundle: CERT, maxAttempts: 1 });
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.message).toBe(`SSL validation failed for ${tlsUrl.replace('127.0.0.1', 'localhost')}${GET_PATH} ` +
      "hostname 'localhost' doesn't match '127.0.0.1'");
  });

  it('reports the handshake\'s other failures as Python\'s SSLErrors: a plain-HTTP port, a closed connection', async () => {
    const { url } = await serve([{ status: 200, body: '{}' }]);
    const plain = url.replace('http:', 'https:');
    const err = (await send(options(plain, { maxAttempts: 1 })).catch((e: unknown) => e)) as CliError;
    expect(err.message).toBe(`SSL validation failed for ${plain}${GET_PATH} [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:992)`);
    const { createServer: createTcpServer } = await import('node:net');
    const closing = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((r) => closing.listen(0, '127.0.0.1', r));
    const closed = `https://127.0.0.1:${(closing.address() as AddressInfo).port}`;
    try {
      const eof = (await send(options(closed, { maxAttempts: 1 })).catch((e: unknown) => e)) as CliError;
      expect(eof.message).toBe(`SSL validation failed for ${closed}${GET_PATH} TLS/SSL connection has been closed (EOF) (_ssl.c:992)`);
    } finally {
      await new Promise<void>((r) => closing.close(() => r()));
    }
  });

  it('trusts it through the CA bundle, and warns once per run without verification, only once connected', async () => {
    expect((await send(options(tlsUrl, { caBundle: CERT }))).status).toBe(200);
    const warnings: string[] = [];
    const o = options(tlsUrl, { verifySsl: false, warn: (t) => warnings.push(t) });
    const req = getRequest();
    const transport = new Transport(o);
    try {
      await transport.send(req);
      await transport.send(req);
    } finally {
      transport.close();
    }
    expect(warnings).toEqual(["warning: Unverified HTTPS request is being made to host '127.0.0.1'. Adding certificate verification is strongly advised.\n"]);
    const refused: string[] = [];
    const viaProxy = options(tlsUrl, { verifySsl: false, warn: (t) => refused.push(t), env: { HTTPS_PROXY: 'http://127.0.0.1:1' } });
    await send(viaProxy).catch(() => undefined);
    expect(refused).toEqual([]);
  });
});

describe('network failures', () => {
  it('reports a connection closed without an answer as botocore\'s ConnectionClosedError, after retrying it', async () => {
    const seen: number[] = [];
    const server = createServer((req) => { seen.push(1); req.socket.destroy(); });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const o = options(url);
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.render()).toBe(`\naws: [ERROR]: Connection was closed before we received a valid response from endpoint URL: "${url}${GET_PATH}".\n`);
    expect(seen.length).toBe(3);
    expect(o.sleeps.length).toBe(2);
  });

  it('fails every attempt with an SSLError when the CA bundle cannot be read, unless the proxy fails first', async () => {
    const o = options('https://127.0.0.1:1', { caBundle: '/nonexistent/ca.pem' });
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.render()).toBe(`\naws: [ERROR]: SSL validation failed for https://127.0.0.1:1${GET_PATH} [Errno 2] No such file or directory\n`);
    expect(err.rc).toBe(255);
    expect(o.sleeps.length).toBe(2);
    const proxied = options('https://127.0.0.1:1', { caBundle: '/nonexistent/ca.pem', env: { HTTPS_PROXY: 'http://127.0.0.1:1' } });
    const viaProxy = (await send(proxied).catch((e: unknown) => e)) as CliError;
    expect(viaProxy.render()).toBe('\naws: [ERROR]: Failed to connect to proxy URL: "http://127.0.0.1:1"\n');
  });

  it('reports a read timeout with the full URL, after retrying it (err-read-timeout)', async () => {
    const { url, seen } = await serve(['hang']);
    const o = options(url, { readTimeout: 0.05, maxAttempts: 2 });
    const err = await send(o).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointConnectionError);
    expect((err as CliError).render()).toBe(`\naws: [ERROR]: Read timeout on endpoint URL: "${url}${GET_PATH}"\n`);
    expect((err as CliError).rc).toBe(255);
    expect(seen.length).toBe(2);
  });

  it('reports a refused connection with the URL, query included, after 3 attempts', async () => {
    const { url } = await serve([{ status: 200 }]);
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
    const o = options(url);
    const req = serializeRequest(LIST, fromJS({ membershipIdentifier: M, maxResults: 5 }) as PyDict);
    const err = await send(o, req).catch((e: unknown) => e);
    expect((err as CliError).render()).toBe(
      `\naws: [ERROR]: Could not connect to the endpoint URL: "${url}/memberships/${M}/trained-model-inference-jobs?maxResults=5"\n`);
    expect(o.sleeps.length).toBe(2);
  });
});

describe('timeouts beyond what a timer or Python holds', () => {
  it('takes a timeout longer than a Node.js timer holds (24.8 days) as none', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    const r = await send(options(url, { connectTimeout: 2147484, readTimeout: 9223372036 }));
    expect(r.status).toBe(200);
    expect(seen.length).toBe(1);
  });

  it("fails every attempt as Python's socket.settimeout overflows: a read timeout once the request is sent", async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    const o = options(url, { readTimeout: 9223372037 });
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.render()).toBe('\naws: [ERROR]: An HTTP Client raised an unhandled exception: timestamp too large to convert to C _PyTime_t\n');
    expect(err.rc).toBe(255);
    expect(seen.length).toBe(3);
    expect(o.sleeps.length).toBe(2);
  });

  it('a connect timeout before anything is sent', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    const o = options(url, { connectTimeout: 1e20 });
    const err = (await send(o).catch((e: unknown) => e)) as CliError;
    expect(err.message).toBe('An HTTP Client raised an unhandled exception: timestamp too large to convert to C _PyTime_t');
    expect(seen.length).toBe(0);
    expect(o.sleeps.length).toBe(2);
  });
});

describe('credentials', () => {
  let home: string;
  const saved = process.env.AWS_EC2_METADATA_DISABLED;
  beforeAll(() => {
    // The SDK chain reads these from the process: keep it away from the instance metadata service.
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    home = mkdtempSync(join(tmpdir(), 'creds-test-'));
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'credentials'),
      '[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = SECRETFILE\n' +
      '[tokened]\naws_access_key_id = AKIDTOK\naws_secret_access_key = S2\naws_session_token = TOK2\n');
    const script = join(home, 'creds.js');
    writeFileSync(script, 'console.log(JSON.stringify({Version: 1, AccessKeyId: "AKIDPROC", SecretAccessKey: "SECRETPROC"}))\n');
    writeFileSync(join(home, '.aws', 'config'),
      `[profile proc]\ncredential_process = ${process.execPath} ${script}\n[profile empty]\nregion = us-east-1\n`);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.AWS_EC2_METADATA_DISABLED;
    else process.env.AWS_EC2_METADATA_DISABLED = saved;
    rmSync(home, { recursive: true, force: true });
  });

  const src = (env: Record<string, string>, profile = 'default', fromFlag = false) => ({
    env: { HOME: home, ...env }, profile, fromFlag,
    configFile: join(home, '.aws', 'config'), credentialsFile: join(home, '.aws', 'credentials'),
  });

  it('takes the environment first, the token from AWS_SECURITY_TOKEN before AWS_SESSION_TOKEN', async () => {
    expect(await resolveCredentials(src({ AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK' }), silent))
      .toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: undefined });
    expect(await resolveCredentials(src({ AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_SESSION_TOKEN: 'T1' }), silent))
      .toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'T1' });
    expect(await resolveCredentials(src({ AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_SESSION_TOKEN: 'T1', AWS_SECURITY_TOKEN: 'T0' }), silent))
      .toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'T0' });
  });

  it('refuses partial environment credentials (cfg-partial-credentials)', async () => {
    const err = await resolveCredentials(src({ AWS_ACCESS_KEY_ID: 'AK' }), silent).catch((e: CliError) => e);
    expect((err as CliError).render()).toBe('\naws: [ERROR]: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n');
    expect((err as CliError).rc).toBe(255);
    // An empty AWS_ACCESS_KEY_ID skips the environment (botocore's EnvProvider tests it for truth):
    // the credentials file's default profile answers.
    expect(await resolveCredentials(src({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: 'SK' }), silent))
      .toMatchObject({ accessKeyId: 'AKIDFILE' });
  });

  it('reads static keys from the credentials file through the SDK chain', async () => {
    expect(await resolveCredentials(src({}), silent)).toMatchObject({ accessKeyId: 'AKIDFILE', secretAccessKey: 'SECRETFILE' });
    expect(await resolveCredentials(src({}, 'tokened'), silent)).toMatchObject({ accessKeyId: 'AKIDTOK', sessionToken: 'TOK2' });
  });

  it('ignores the environment for a profile named with --profile, not for AWS_PROFILE', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKENV', AWS_SECRET_ACCESS_KEY: 'SKENV' };
    expect(await resolveCredentials(src(env, 'tokened', true), silent)).toMatchObject({ accessKeyId: 'AKIDTOK' });
    expect(await resolveCredentials(src({ ...env, AWS_PROFILE: 'tokened' }, 'tokened', false), silent)).toMatchObject({ accessKeyId: 'AKENV' });
  });

  it('runs credential_process', async () => {
    expect(await resolveCredentials(src({}, 'proc', true), silent)).toMatchObject({ accessKeyId: 'AKIDPROC', secretAccessKey: 'SECRETPROC' });
  });

  it('reports no credentials as NoCredentials, exit 253 (cfg-creds-flag-profile-no-keys)', async () => {
    const err = await resolveCredentials(src({ AWS_ACCESS_KEY_ID: 'AKENV', AWS_SECRET_ACCESS_KEY: 'SKENV' }, 'empty', true), silent)
      .catch((e: CliError) => e);
    expect(err).toBeInstanceOf(NoCredentialsError);
    expect((err as CliError).render()).toBe('\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. ' +
      'You can configure credentials by running "aws login".\n');
    expect((err as CliError).rc).toBe(253);
  });
});
