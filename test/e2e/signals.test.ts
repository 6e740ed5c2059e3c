// The edges of the process: Ctrl-C while a request is in flight (exit 130, a newline on stdout as the
// AWS CLI's InterruptExceptionHandler writes, no trace), and a reader that closes the pipe early
// (`aws … | head -c1`: no EPIPE trace).
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
