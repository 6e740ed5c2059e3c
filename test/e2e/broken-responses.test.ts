// Broken answers from the service, compared with what the AWS CLI v2.36.7 does with the same bytes
// (fixtures/gen-broken-responses.py): a body that is not UTF-8 ends the call with Python's decode
// error (exit 255, no retry); a reply that is not HTTP, or a chunked body cut short, is a closed
// connection (it did connect), retried; an error answer cut short is taken as it came. Where the AWS
// CLI silently prints nothing for a corrupt successful answer (truncated JSON, a body shorter than its
// Content-Length), this clone fails clearly instead, without retrying (the AWS CLI makes one request).
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, tempHome } from './helpers';

const OK = Buffer.from('{"trainedModelInferenceJobArn": "arn:x", "name": "n", "status": "ACTIVE"}');
const resp = (status: string, body: Buffer | string, contentLength?: number, extra = '') => {
  const b = Buffer.from(body as string, typeof body === 'string' ? 'latin1' : undefined);
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${contentLength ?? b.length}\r\n${extra}\r\n`, 'latin1'), b]);
};
/** The bytes written back for each fault (the same as the generator's FAULTS). */
const FAULTS: Record<string, Buffer> = {
  'ok': resp('200 OK', OK),
  'not-utf8': resp('200 OK', '{"name": "\xff\xfe"}'),
  'not-utf8-cut-sequence': resp('200 OK', '{"name": "ab\xe2\x82"}'),
  'error-not-utf8': resp('400 Bad Request', '{"message": "\xff"}', undefined, 'x-amzn-ErrorType: ValidationException\r\n'),
  'html-5xx-not-utf8': resp('502 Bad Gateway', '<html>\xff</html>'),
  'truncated-json': resp('200 OK', OK.subarray(0, Math.floor(OK.length / 2))),
  'short-body': resp('200 OK', OK.subarray(0, 10), OK.length),
  'short-empty-body': resp('200 OK', '', OK.length),
  'short-error-body': resp('500 Internal Server Error', '{"mess', 100),
  'not-http': Buffer.from('hello there\r\n\r\n'),
  'not-http-no-newline': Buffer.from('garbage'),
  'bad-status-line': Buffer.from('HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n'),
  'closed-without-answer': Buffer.alloc(0),
  'chunked-cut-short': Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{"nam'),
  'longer-than-content-length': resp('200 OK', Buffer.concat([OK, Buffer.from('   extra')]), OK.length),
};

interface Case { name: string; rc: number; stdout: string; stderr: string; requests: number }
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'broken-responses.json'), 'utf8')) as { cases: Case[] };

const M = '11111111-2222-3333-4444-555555555555';
const closed = (url: string, name: string) => '\naws: [ERROR]: Connection was closed before we received a valid response from endpoint URL: ' +
  `"${url}/memberships/${M}/trained-model-inference-jobs/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Amembership%2F${M}%2Ftrained-model-inference-job%2F${name}".\n`;
/** Where this clone does better than the AWS CLI (which prints nothing and exits 0). */
const CLONE: Record<string, (url: string) => Omit<Case, 'name'>> = {
  'truncated-json': () => ({ rc: 255, stdout: '', stderr: '\naws: [ERROR]: Unterminated string starting at: line 1 column 33 (char 32)\n', requests: 1 }),
  'short-body': (url) => ({ rc: 255, stdout: '', stderr: closed(url, 'short-body'), requests: 1 }),
  'short-empty-body': (url) => ({ rc: 255, stdout: '', stderr: closed(url, 'short-empty-body'), requests: 1 }),
};

let server: Server;
let url: string;
let home: string;
let cleanup: () => void;
const counts = new Map<string, number>();

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  server = createServer((socket: Socket) => {
    let data = '';
    socket.on('data', (c: Buffer) => {
      data += c.toString('latin1');
      if (!data.includes('\r\n\r\n')) return;
      const path = data.split(' ')[1].split('?')[0];
      const name = path.split('/').pop()!.split('%2F').pop()!;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      socket.end(FAULTS[name] ?? FAULTS.ok);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  cleanup();
});

describe('broken answers, as the AWS CLI takes them', () => {
  it('covers every fault of the fixture', () => {
    expect(fixture.cases.map((c) => c.name)).toEqual(Object.keys(FAULTS));
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    counts.set(name, 0);
    const r = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', M,
      '--trained-model-inference-job-arn', `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/${name}`,
      '--endpoint-url', url], { env: { AWS_MAX_ATTEMPTS: '3' } });
    const expected = CLONE[name]?.(url) ?? { rc: c.rc, stdout: c.stdout, stderr: c.stderr.split('{{ENDPOINT}}').join(url), requests: c.requests };
    expect({ rc: r.rc, stdout: r.stdout, stderr: r.stderr, requests: counts.get(name) }).toEqual(expected);
  });
});
