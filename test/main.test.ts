// The `aws` edge: main() resolves only once its output is written, because the launcher
// (the loader in bin/aws) ends the process as soon as it does. Output normally goes to fd 1 with blocking
// writes; when fd 1 is a full non-blocking pipe (EAGAIN), the rest goes through Node's stream, and
// main() must wait for that stream to hand it over.
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (fd === 1) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
    return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

// A stdout whose writes complete only when the test lets them.
const chunks: Buffer[] = [];
let release!: () => void;
const released = new Promise<void>((r) => { release = r; });
let firstWrite!: () => void;
const wrote = new Promise<void>((r) => { firstWrite = r; });
const fakeStdout = new Writable({
  write(chunk: Buffer, _enc, callback) {
    chunks.push(chunk);
    firstWrite();
    void released.then(() => callback());
  },
});
const original = Object.getOwnPropertyDescriptor(process, 'stdout')!;
Object.defineProperty(process, 'stdout', { configurable: true, enumerable: original.enumerable, get: () => fakeStdout });
afterAll(() => { Object.defineProperty(process, 'stdout', original); });

const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); };

describe('main', () => {
  it('resolves only after output that fell back to Node\'s stream (EAGAIN) is written', async () => {
    const { main } = await import('../src/main');
    let done = false;
    const result = main(['cleanroomsml', 'start-trained-model-inference-job', '--generate-cli-skeleton'])
      .then((rc) => { done = true; return rc; });
    await wrote;
    await turns(20);
    expect(done).toBe(false);
    release();
    expect(await result).toBe(0);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('{\n    "membershipIdentifier": "",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
