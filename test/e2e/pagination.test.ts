// Pagination end to end: the CLI following the emulator's opaque nextTokens, --page-size as
// maxResults, --max-items with the AWS CLI's resume token, --starting-token, --no-paginate, and text
// output streamed page by page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, jobsPath } from '../emulator/helpers';
import { aws, emulator, MEMBERSHIP, startBody, tempHome, type TestEmulator } from './helpers';

let e: TestEmulator;
let home: string;
let cleanup: () => void;
const NAMES = ['job-0', 'job-1', 'job-2', 'job-3', 'job-4'];

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  e = await emulator();
  for (const name of NAMES) {
    const r = await call(e.url, 'POST', jobsPath(), { body: startBody(name), sign: {} });
    expect(r.status).toBe(200);
  }
});
afterAll(async () => {
  await e.close();
  cleanup();
});

const list = (...more: string[]) => aws(home, ['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
  '--endpoint-url', e.url, ...more]);
const listRequests = () => e.requests.filter((l) => l.startsWith('GET /memberships/'));
const NEWEST_FIRST = [...NAMES].reverse();

/** The service token inside a resume token, with the resume token's exact JSON text checked. */
function decodeResume(token: string, amount?: number): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const doc = JSON.parse(text) as { nextToken: string };
  expect(text).toBe(amount === undefined
    ? `{"nextToken": ${JSON.stringify(doc.nextToken)}}`
    : `{"nextToken": ${JSON.stringify(doc.nextToken)}, "boto_truncate_amount": ${amount}}`);
  return doc.nextToken;
}

describe('automatic pagination', () => {
  it('follows every page and merges them (json)', async () => {
    e.requests.length = 0;
    const r = await list('--page-size', '2', '--query', 'trainedModelInferenceJobs[].name');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(NEWEST_FIRST);
    const reqs = listRequests();
    expect(reqs.length).toBe(3);
    expect(reqs[0]).toMatch(/\?maxResults=2 200 ListTrainedModelInferenceJobs$/);
    expect(reqs[1]).toMatch(/nextToken=/);
  });

  it('stops at --max-items with a resume token, then resumes from it with --starting-token', async () => {
    const first = await list('--page-size', '2', '--max-items', '3');
    expect(first.rc).toBe(0);
    const doc = JSON.parse(first.stdout) as { trainedModelInferenceJobs: { name: string }[]; NextToken: string };
    expect(doc.trainedModelInferenceJobs.map((j) => j.name)).toEqual(NEWEST_FIRST.slice(0, 3));
    expect(Object.keys(doc)).toEqual(['trainedModelInferenceJobs', 'NextToken']);
    // The page that was cut (the second) is named by the token that fetched it, with the item count kept from it.
    decodeResume(doc.NextToken, 1);

    e.requests.length = 0;
    const rest = await list('--page-size', '2', '--starting-token', doc.NextToken, '--query', 'trainedModelInferenceJobs[].name');
    expect(JSON.parse(rest.stdout)).toEqual(NEWEST_FIRST.slice(3));
    expect(listRequests().length).toBe(2);
  });

  it('gives a plain service token on a page boundary, and nothing once the items run out', async () => {
    const r = await list('--page-size', '2', '--max-items', '2', '--query', 'NextToken');
    decodeResume(JSON.parse(r.stdout) as string);
    // In text, the query also runs on the page (None) before the NEXTTOKEN record.
    const t = await list('--page-size', '2', '--max-items', '2', '--query', 'NextToken', '--output', 'text');
    expect(t.stdout).toBe(`None\n${JSON.parse(r.stdout)}\n`);
    const all = await list('--max-items', '5', '--query', 'NextToken');
    expect(all.stdout).toBe('null\n');
  });

  it('prints text page by page and ends with a NEXTTOKEN record', async () => {
    const r = await list('--page-size', '2', '--max-items', '3', '--query', 'trainedModelInferenceJobs[].name', '--output', 'text');
    const lines = r.stdout.split('\n');
    // --query runs on each page in text output, then on the NEXTTOKEN record (which has no such key).
    expect(lines.slice(0, 2)).toEqual(['job-4\tjob-3', 'job-2']);
    expect(lines[2]).toBe('None');
    expect(lines.length).toBe(4);
    const plain = await list('--page-size', '2', '--max-items', '1', '--output', 'text');
    const last = plain.stdout.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/^NEXTTOKEN\t[A-Za-z0-9+/=]+$/);
    decodeResume(last.split('\t')[1], 1);
  });

  it('makes one call with --no-paginate and shows the service token', async () => {
    e.requests.length = 0;
    const r = await list('--no-paginate', '--max-results', '2', '--query', '{names: trainedModelInferenceJobs[].name, more: length(nextToken) > `0`}');
    expect(JSON.parse(r.stdout)).toEqual({ names: NEWEST_FIRST.slice(0, 2), more: true });
    expect(listRequests().length).toBe(1);
  });

  it('refuses paging options once pagination is off, before any request', async () => {
    e.requests.length = 0;
    const r = await list('--max-results', '2', '--max-items', '3');
    expect(r).toMatchObject({
      rc: 252, stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (ParamValidation): Cannot specify --no-paginate along with pagination arguments: --max-items\n',
    });
    expect(e.requests).toEqual([]);
  });

  it('passes the service\'s refusal of a token through (exit 254)', async () => {
    const r = await list('--starting-token', 'not-a-token');
    expect(r.rc).toBe(254);
    expect(r.stderr).toBe('\naws: [ERROR]: An error occurred (ValidationException) when calling the ListTrainedModelInferenceJobs ' +
      'operation: The nextToken is invalid or expired.\n');
  });
});
