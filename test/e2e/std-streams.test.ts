// The built CLI writes to file descriptors 1 and 2 itself (src/main.ts): Node's process.stdout and
// process.stderr streams cost about 1 ms each to make, and a call makes neither, whatever its output
// goes to (a pipe, a file, /dev/null), and however it ends (its pooled connection is left open for
// the process's end: closing a socket in Node makes process.stderr). A probe preloaded into each run
// records which of the two were asked for.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_BIN, baseEnv, emulator, MEMBERSHIP, startArgs, tempHome, type TestEmulator } from './helpers';

let e: TestEmulator;
let home: string;
let cleanup: () => void;
let runs = 0;

const PROBE = `const fs = require('node:fs');
const asked = [];
for (const name of ['stdout', 'stderr']) {
  const d = Object.getOwnPropertyDescriptor(process, name);
  Object.defineProperty(process, name, { ...d, get() { if (!asked.includes(name)) asked.push(name); return d.get.call(process); } });
}
process.on('exit', () => fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify(asked)));
`;

/** Runs `aws …args` with stdout to `stdout` (a pipe, or a file path); resolves to its exit code, its output and the streams made. */
function run(args: string[], stdout: 'pipe' | string): Promise<{ rc: number | null; out: string; err: string; asked: string[] }> {
  const out = join(home, `asked-${runs++}.json`);
  const fd = stdout === 'pipe' ? 'pipe' : openSync(stdout, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', join(home, 'probe.js'), AWS_BIN, ...args],
      { cwd: home, env: { ...baseEnv(home), PROBE_OUT: out }, stdio: ['ignore', fd, 'pipe'] });
    if (typeof fd === 'number') closeSync(fd);
    let text = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => { text += c.toString('utf8'); });
    child.stderr!.on('data', (c: Buffer) => { err += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (rc) => resolve({ rc, out: text, err, asked: JSON.parse(readFileSync(out, 'utf8')) as string[] }));
  });
}

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  writeFileSync(join(home, 'probe.js'), PROBE);
  e = await emulator();
});
afterAll(async () => {
  await e?.close();
  cleanup();
});

describe('a call makes neither Node stream', () => {
  it('output to a pipe', async () => {
    const r = await run([...startArgs('streams-pipe'), '--endpoint-url', e.url], 'pipe');
    expect(r).toMatchObject({ rc: 0, err: '' });
    expect(JSON.parse(r.out)).toHaveProperty('trainedModelInferenceJobArn');
    expect(r.asked).toEqual([]);
  });

  it('output to a file', async () => {
    const file = join(home, 'out.json');
    const r = await run(['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP, '--endpoint-url', e.url], file);
    expect(r).toMatchObject({ rc: 0, err: '' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('trainedModelInferenceJobs');
    expect(r.asked).toEqual([]);
  });

  it('output to /dev/null (a character device, but not a terminal)', async () => {
    const r = await run([...startArgs('streams-null'), '--endpoint-url', e.url], '/dev/null');
    expect(r).toMatchObject({ rc: 0, err: '' });
    expect(r.asked).toEqual([]);
  });
});
