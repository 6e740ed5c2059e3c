// The edges of the process: Ctrl-C while a request is in flight or while a large output is written
// (exit 130, a newline on stdout as the AWS CLI's InterruptExceptionHandler writes, no trace, the rest
// of the output not written), and a reader that closes the pipe early (`aws … | head -c1`: no EPIPE
// trace, and no more pages asked for).
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, jobsPath } from '../emulator/helpers';
import { AWS_BIN, aws, baseEnv, emulator, MEMBERSHIP, startBody, tempHome, type TestEmulator } from './helpers';

let home: string;
let cleanup: () => void;
beforeAll(() => { ({ home, cleanup } = tempHome()); });
afterAll(() => cleanup());

const ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/job-1`;

describe('Ctrl-C', () => {
  let server: Server;
  let url: string;
  let arrived: () => void;
  let requestArrived: Promise<void>;
  beforeAll(async () => {
    requestArrived = new Promise<void>((r) => { arrived = r; });
    // Takes the request and never answers.
    server = createServer(() => arrived());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('ends a waiting request with exit 130, a newline and no trace', async () => {
    const r = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', ARN, '--endpoint-url', url], {
      onSpawn: (child) => { void requestArrived.then(() => child.kill('SIGINT')); },
    });
    expect(r).toEqual({ rc: 130, signal: null, stdout: '\n', stderr: '' });
  });
});

describe('a reader that stops reading', () => {
  let e: TestEmulator;
  beforeAll(async () => {
    e = await emulator();
    // Enough jobs for more than a pipe's worth of output.
    await Promise.all(Array.from({ length: 150 }, (_, i) => call(e.url, 'POST', jobsPath(), { body: startBody(`job-${i}`), sign: {} })));
  });
  afterAll(() => e.close());

  function throughHead(args: string[]): Promise<{ stdout: string; stderr: string; rc: number | null }> {
    return new Promise((resolve, reject) => {
      const quoted = [process.execPath, AWS_BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
      const child = spawn('/bin/sh', ['-c', `${quoted} | head -c1`], { env: baseEnv(home), cwd: home });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', reject);
      child.on('close', (rc) => resolve({ rc, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    });
  }

  it('leaves no EPIPE trace for a buffered format (json)', async () => {
    const r = await throughHead(['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
      '--endpoint-url', e.url]);
    expect(r).toEqual({ rc: 0, stdout: '{', stderr: '' });
  });

  it('leaves no EPIPE trace when pages keep streaming after the reader left (text)', async () => {
    const r = await throughHead(['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
      '--endpoint-url', e.url, '--page-size', '10', '--output', 'text']);
    expect(r).toEqual({ rc: 0, stdout: 'T', stderr: '' });
  });
});

/**
 * A stand-in for the service's list operation: pages of `perPage` job summaries with long
 * descriptions, a next token on each of the first `pages` pages; every request is counted.
 */
function listServer(perPage: number, pages: number) {
  const state = { requests: 0, url: '', server: undefined as unknown as Server };
  state.server = createServer((req, res) => {
    state.requests++;
    req.resume();
    req.on('end', () => {
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('nextToken') ?? '0');
      const jobs = Array.from({ length: perPage }, (_, i) => ({
        trainedModelInferenceJobArn: `${ARN}-${page}-${i}`, membershipIdentifier: MEMBERSHIP,
        trainedModelArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model/tm-1`,
        name: `job-${page}-${i}`, status: 'ACTIVE', description: 'd'.repeat(2000),
        createTime: '2026-11-20T05:00:00Z', updateTime: '2026-11-20T05:00:00Z',
      }));
      const body: Record<string, unknown> = { trainedModelInferenceJobs: jobs };
      if (page + 1 < pages) body.nextToken = String(page + 1);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return state;
}

const listArgs = (url: string, output: string) => ['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier',
  MEMBERSHIP, '--endpoint-url', url, '--output', output];

describe('a reader that goes away stops the pagination', () => {
  // 100 pages of 100 jobs, each page's output larger than a pipe holds: the write of the first page
  // meets the closed pipe, whatever the timing.
  const svc = listServer(100, 100);
  beforeAll(async () => {
    await new Promise<void>((r) => svc.server.listen(0, '127.0.0.1', r));
    svc.url = `http://127.0.0.1:${(svc.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    svc.server.closeAllConnections();
    await new Promise<void>((r) => svc.server.close(() => r()));
  });

  it.each(['text', 'yaml-stream'])('%s: `| head -c 10` takes at most 3 page requests (the AWS CLI stops after the first)', async (output) => {
    svc.requests = 0;
    const quoted = [process.execPath, AWS_BIN, ...listArgs(svc.url, output)].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const r = await new Promise<{ rc: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', `${quoted} | head -c 10`], { env: baseEnv(home), cwd: home });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.on('error', reject);
      child.on('close', (rc) => resolve({ rc, stdout, stderr }));
    });
    expect(r).toEqual({ rc: 0, stdout: output === 'text' ? 'TRAINEDMOD' : '- nextToke', stderr: '' });
    expect(svc.requests).toBeGreaterThanOrEqual(1);
    expect(svc.requests).toBeLessThanOrEqual(3);
  });
});

describe('Ctrl-C while a large output is written', () => {
  // One page of 3000 jobs: megabytes of table or json.
  const svc = listServer(3000, 1);
  beforeAll(async () => {
    await new Promise<void>((r) => svc.server.listen(0, '127.0.0.1', r));
    svc.url = `http://127.0.0.1:${(svc.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    svc.server.closeAllConnections();
    await new Promise<void>((r) => svc.server.close(() => r()));
  });

  it.each(['table', 'json'])('%s: exit 130, no trace, and not the rest of the output', async (output) => {
    // The reader stops reading at the first output and signals; it reads the rest once the process has ended.
    const r = await new Promise<{ rc: number | null; signal: string | null; stdout: Buffer; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [AWS_BIN, ...listArgs(svc.url, output)], { env: baseEnv(home), cwd: home });
      const out: Buffer[] = [];
      let stderr = '';
      let signalled = false;
      child.stdout.on('data', (c: Buffer) => {
        out.push(c);
        if (signalled) return;
        signalled = true;
        child.stdout.pause();
        child.kill('SIGINT');
      });
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.on('error', reject);
      child.on('exit', () => child.stdout.resume());
      child.on('close', (rc, signal) => resolve({ rc, signal, stdout: Buffer.concat(out), stderr }));
    });
    expect({ rc: r.rc, signal: r.signal, stderr: r.stderr }).toEqual({ rc: 130, signal: null, stderr: '' });
    // Far from the whole output (3000 jobs of more than 2 kB each). (The newline the AWS CLI adds is
    // written only when the pipe has room for it: a reader that stopped reading must not hold the process.)
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout.length).toBeLessThan(1_000_000);
  });
});
