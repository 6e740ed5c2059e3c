import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server';
import { JobStore, StateFileError, writeFileAtomic } from '../../src/emulator/store';
import { FakeClock, call, jobPath, jobsPath, startBody, tagsPath } from './helpers';

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cleanroomsml-local-test-'));
  // The emulator's program as the build makes it (scripts/build.mjs), from the current sources.
  bundle = join(dir, 'emulator.js');
  buildSync({
    entryPoints: [resolve(__dirname, '../../src/emulator/main.ts')], outfile: bundle,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error',
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const stateFile = () => join(dir, `state-${n++}`, 'state.json');
function freshStateFile(): string {
  const f = stateFile();
  rmSync(join(f, '..'), { recursive: true, force: true });
  mkdirSync(join(f, '..'), { recursive: true });
  return f;
}

describe('persistence across a restart', () => {
  it('a restarted emulator serves the same jobs, statuses, tags and pages', async () => {
    const file = freshStateFile();
    const clock = new FakeClock();
    const a = await startEmulator({ port: 0, stateFile: file, clock: clock.now });
    const arns: string[] = [];
    for (let i = 0; i < 3; i++) {
      arns.push((await call(a.url, 'POST', jobsPath(), { body: startBody(`p${i}`, { tags: { i: String(i) } }) })).json.trainedModelInferenceJobArn);
      clock.advance(500);
    }
    await call(a.url, 'PATCH', jobPath(arns[1]));
    await call(a.url, 'POST', tagsPath(arns[2]), { body: { tags: { added: 'yes' } } });
    const before = await Promise.all(arns.map((arn) => call(a.url, 'GET', jobPath(arn))));
    const page1 = await call(a.url, 'GET', jobsPath(), { query: { maxResults: '2' } });
    await a.close();

    const b = await startEmulator({ port: 0, stateFile: file, clock: clock.now });
    try {
      const after = await Promise.all(arns.map((arn) => call(b.url, 'GET', jobPath(arn))));
      expect(after.map((r) => r.text)).toEqual(before.map((r) => r.text));
      expect(after[1].json.status).toBe('CANCEL_PENDING');
      expect(after[2].json.tags).toEqual({ i: '2', added: 'yes' });
      // A nextToken from before the restart still continues the listing.
      const page2 = await call(b.url, 'GET', jobsPath(), { query: { maxResults: '2', nextToken: page1.json.nextToken } });
      expect(page2.json.trainedModelInferenceJobs.map((j: { name: string }) => j.name)).toEqual(['p0']);
      // New jobs continue the sequence after the loaded ones.
      await call(b.url, 'POST', jobsPath(), { body: startBody('p3') });
      const all = await call(b.url, 'GET', jobsPath());
      expect(all.json.trainedModelInferenceJobs.map((j: { name: string }) => j.name)).toEqual(['p3', 'p2', 'p1', 'p0']);
    } finally {
      await b.close();
    }
  });

  it('loses nothing under concurrent requests: every acknowledged change is in the file', async () => {
    const file = freshStateFile();
    const e = await startEmulator({ port: 0, stateFile: file });
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => call(e.url, 'POST', jobsPath(), { body: startBody(`c${i}`) })));
    // Read the file while the server still runs: every answered request must already be durable.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { jobs: { arn: string }[] };
    expect(new Set(saved.jobs.map((j) => j.arn))).toEqual(new Set(acks.map((r) => r.json.trainedModelInferenceJobArn)));
    await e.close();
  });

  it('refuses a state file that is not JSON or not its own', () => {
    const file = freshStateFile();
    writeFileSync(file, '{"jobs": [');
    expect(() => JobStore.open(file)).toThrow(StateFileError);
    writeFileSync(file, '{"hello": 1}');
    expect(() => JobStore.open(file)).toThrow(`${file} is not a cleanroomsml-local state file`);
  });

  it('writes atomically: the temp file goes, the target has the new content', async () => {
    const file = freshStateFile();
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(file, '..'))).toEqual(['state.json']);
  });

  it('removes temp files left by a dead process when it opens the state', () => {
    const file = freshStateFile();
    const deadPid = 2 ** 22 + 17; // above Linux's pid_max default range: no such process
    writeFileSync(join(file, '..', `.state.json.${deadPid}.3.tmp`), '{"partial":');
    writeFileSync(join(file, '..', 'unrelated.tmp'), 'x');
    JobStore.open(file);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['unrelated.tmp']);
  });
});

// ---- the program in a child process ----

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((res, rej) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /^listening on (http:\/\/\S+)\n/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        res(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => rej(new Error(`exited with ${code} before listening: ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
}

function program(args: string[]): ChildProcess {
  return spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('kill -9 while writing', () => {
  // Kills after different numbers of acknowledged writes, with more requests in flight each time.
  for (const killAfter of [1, 17, 60]) {
    it(`leaves a readable state file with every acknowledged job (killed after ${killAfter} acks)`, async () => {
      const file = freshStateFile();
      const child = program(['--port', '0', '--state-file', file]);
      const url = await waitForListening(child);
      const acked: string[] = [];
      let killed = false;
      const worker = async (w: number) => {
        for (let i = 0; !killed; i++) {
          let r;
          try {
            r = await call(url, 'POST', jobsPath(), { body: startBody(`w${w}-${i}`, { description: 'x'.repeat(200) }) });
          } catch {
            return; // the process is gone
          }
          if (r.status !== 200) throw new Error(`unexpected ${r.status}: ${r.text}`);
          acked.push(r.json.trainedModelInferenceJobArn);
          if (acked.length >= killAfter && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
      expect((await exited(child)).signal).toBe('SIGKILL');

      const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; jobs: { arn: string }[] };
      expect(saved.format).toBe('cleanroomsml-local-state');
      const arns = new Set(saved.jobs.map((j) => j.arn));
      for (const a of acked) expect(arns.has(a)).toBe(true);

      // The emulator starts again on it, serves the jobs and clears any temp file the kill left behind.
      const again = await startEmulator({ port: 0, stateFile: file });
      try {
        expect(readdirSync(join(file, '..'))).toEqual(['state.json']);
        const r = await call(again.url, 'GET', jobPath(acked[0]));
        expect(r.status).toBe(200);
      } finally {
        await again.close();
      }
    });
  }
});

describe('the program', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints where it listens and exits cleanly (code 0) on ${signal}`, async () => {
      const file = freshStateFile();
      const child = program(['--host', '127.0.0.1', '--port', '0', '--state-file', file]);
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (c: Buffer) => { stdout += c.toString(); });
      child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
      const url = await waitForListening(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(url).not.toBe('http://127.0.0.1:0');
      const r = await call(url, 'POST', jobsPath(), { body: startBody('before-stop') });
      expect(r.status).toBe(200);
      child.kill(signal);
      expect(await exited(child)).toEqual({ code: 0, signal: null });
      expect(stdout).toBe(`listening on ${url}\n`);
      expect(stderr).toBe('');
      expect(existsSync(file)).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8')).jobs.map((j: { fields: { name: string } }) => j.fields.name)).toEqual(['before-stop']);
    });
  }

  it('verifies signatures when given keys', async () => {
    const child = program(['--port', '0', '--access-key-id', 'AKIDEXAMPLE', '--secret-access-key', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY']);
    try {
      const url = await waitForListening(child);
      expect((await call(url, 'GET', jobsPath())).headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect((await call(url, 'GET', jobsPath(), { sign: {} })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });

  it('refuses a corrupt state file with a message and exit code 1', async () => {
    const file = freshStateFile();
    writeFileSync(file, 'not json');
    const child = program(['--port', '0', '--state-file', file]);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    expect(await exited(child)).toEqual({ code: 1, signal: null });
    expect(stderr).toMatch(new RegExp(`^cleanroomsml-local: state file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON: `));
  });
});
