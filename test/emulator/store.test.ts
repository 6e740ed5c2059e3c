import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server';
import { Store, StateFileError, writeFileAtomic } from '../../src/emulator/store';
import { invoke } from './client';
import { FakeClock, MEMBERSHIP, call, jobPath, jobsPath, startBody, tagsPath, testSeed, testSeedDocument } from './helpers';

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

/** The inference jobs in a state file. */
function savedJobs(file: string): { arn: string; fields: { name: string } }[] {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { records: { kind: string; arn: string; fields: { name: string } }[] };
  return saved.records.filter((r) => r.kind === 'trained-model-inference-job');
}

/** A seed file with the resources the start requests name. */
function seedFile(): string {
  const f = join(dir, 'seed.json');
  writeFileSync(f, JSON.stringify(testSeedDocument()));
  return f;
}

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
    const a = await startEmulator({ port: 0, stateFile: file, clock: clock.now, seed: testSeed() });
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

    const b = await startEmulator({ port: 0, stateFile: file, clock: clock.now, seed: testSeed() });
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

  it('a restarted emulator serves every kind of resource as it was: versions, tags, policy, ML configuration', async () => {
    const file = freshStateFile();
    const clock = new FakeClock();
    const start = () => startEmulator({ port: 0, stateFile: file, clock: clock.now, speed: Infinity });
    const a = await start();
    const role = 'arn:aws:iam::123456789012:role/r';
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1';
    const arn = async (opName: string, input: Record<string, unknown>) => Object.values((await invoke(a.url, opName, input)).json)[0] as string;
    const cma = await arn('CreateConfiguredModelAlgorithm', { name: 'a', roleArn: role, trainingContainerConfig: { imageUri: image }, tags: { k: 'v' } });
    const cmaa = await arn('CreateConfiguredModelAlgorithmAssociation', { membershipIdentifier: MEMBERSHIP, configuredModelAlgorithmArn: cma, name: 'a' });
    const ch = await arn('CreateMLInputChannel', { membershipIdentifier: MEMBERSHIP, configuredModelAlgorithmAssociations: [cmaa], name: 'c',
      retentionInDays: 1, inputChannel: { dataSource: { protectedQueryInputParameters: { sqlParameters: { queryString: 'q' } } }, roleArn: role } });
    const tmInput = { membershipIdentifier: MEMBERSHIP, name: 'm', configuredModelAlgorithmAssociationArn: cmaa,
      resourceConfig: { instanceType: 'ml.m5.xlarge', volumeSizeInGB: 1 }, dataChannels: [{ mlInputChannelArn: ch, channelName: 't' }] };
    const tm = await arn('CreateTrainedModel', tmInput);
    const version = (await invoke(a.url, 'CreateTrainedModel', { ...tmInput, incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'b' }] }))
      .json.versionIdentifier as string;
    const ds = await arn('CreateTrainingDataset', { name: 'd', roleArn: role, trainingData: [{ type: 'INTERACTIONS', inputConfig: {
      schema: [{ columnName: 'u', columnTypes: ['USER_ID'] }], dataSource: { glueDataSource: { tableName: 't', databaseName: 'd' } } } }] });
    const am = await arn('CreateAudienceModel', { name: 'am', trainingDatasetArn: ds });
    const cam = await arn('CreateConfiguredAudienceModel', { name: 'cam', audienceModelArn: am, sharedAudienceMetrics: ['ALL'],
      outputConfig: { destination: { s3Destination: { s3Uri: 's3://b/' } }, roleArn: role } });
    await invoke(a.url, 'PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: '{"Version": "2012-10-17"}' });
    await invoke(a.url, 'PutMLConfiguration', { membershipIdentifier: MEMBERSHIP, defaultOutputLocation: { roleArn: role } });
    const reads: [string, Record<string, unknown>][] = [
      ['GetConfiguredModelAlgorithm', { configuredModelAlgorithmArn: cma }],
      ['GetConfiguredModelAlgorithmAssociation', { membershipIdentifier: MEMBERSHIP, configuredModelAlgorithmAssociationArn: cmaa }],
      ['GetMLInputChannel', { membershipIdentifier: MEMBERSHIP, mlInputChannelArn: ch }],
      ['ListTrainedModelVersions', { membershipIdentifier: MEMBERSHIP, trainedModelArn: tm }],
      ['GetTrainedModel', { membershipIdentifier: MEMBERSHIP, trainedModelArn: tm, versionIdentifier: version }],
      ['GetTrainingDataset', { trainingDatasetArn: ds }],
      ['GetAudienceModel', { audienceModelArn: am }],
      ['GetConfiguredAudienceModel', { configuredAudienceModelArn: cam }],
      ['GetConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam }],
      ['GetMLConfiguration', { membershipIdentifier: MEMBERSHIP }],
      ['ListTagsForResource', { resourceArn: cma }],
    ];
    const before = await Promise.all(reads.map(([o, i]) => invoke(a.url, o, i)));
    expect(before.map((r) => r.status)).toEqual(reads.map(() => 200));
    await a.close();
    const b = await start();
    try {
      const after = await Promise.all(reads.map(([o, i]) => invoke(b.url, o, i)));
      expect(after.map((r) => r.text)).toEqual(before.map((r) => r.text));
    } finally {
      await b.close();
    }
  });

  it('loses nothing under concurrent requests: every acknowledged change is in the file', async () => {
    const file = freshStateFile();
    const e = await startEmulator({ port: 0, stateFile: file, seed: testSeed() });
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => call(e.url, 'POST', jobsPath(), { body: startBody(`c${i}`) })));
    // Read the file while the server still runs: every answered request must already be durable.
    expect(new Set(savedJobs(file).map((j) => j.arn))).toEqual(new Set(acks.map((r) => r.json.trainedModelInferenceJobArn)));
    await e.close();
  });

  it('reads a version 1 state file (inference jobs only) and carries on from it', async () => {
    const file = freshStateFile();
    const arn = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/old-1`;
    const t0 = Date.parse('2026-03-01T12:00:00.000Z');
    writeFileSync(file, JSON.stringify({
      format: 'cleanroomsml-local-state', version: 1, nextSeq: 8,
      jobs: [{ seq: 7, arn, region: 'us-east-1', membershipIdentifier: MEMBERSHIP, fields: { ...startBody('old'), membershipIdentifier: undefined },
        tags: { team: 'ml' }, createTime: t0, inProgressAt: t0 + 1000, activeAt: t0 + 3000, cancelTime: t0 + 5000, inactiveAt: t0 + 6000 }],
    }));
    const clock = new FakeClock(t0 + 5000);
    const e = await startEmulator({ port: 0, stateFile: file, clock: clock.now, seed: testSeed() });
    try {
      const g = await call(e.url, 'GET', jobPath(arn));
      expect([g.json.name, g.json.status, g.json.updateTime, g.json.tags]).toEqual(['old', 'CANCEL_PENDING', '2026-03-01T12:00:05.000Z', { team: 'ml' }]);
      clock.advance(1000);
      expect((await call(e.url, 'GET', jobPath(arn))).json.status).toBe('INACTIVE');
      await call(e.url, 'POST', jobsPath(), { body: startBody('new') });
      const all = await call(e.url, 'GET', jobsPath());
      expect(all.json.trainedModelInferenceJobs.map((j: { name: string }) => j.name)).toEqual(['new', 'old']);
      expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(2);
    } finally {
      await e.close();
    }
  });

  it('refuses a state file that is not JSON or not its own', () => {
    const file = freshStateFile();
    writeFileSync(file, '{"jobs": [');
    expect(() => Store.open(file)).toThrow(StateFileError);
    writeFileSync(file, '{"hello": 1}');
    expect(() => Store.open(file)).toThrow(`${file} is not a cleanroomsml-local state file`);
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
    Store.open(file);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['unrelated.tmp']);
  });
});

// ---- the program in a child process ----

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((res, rej) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /^# cleanroomsml-local: listening on (http:\/\/\S+) .*\n/.exec(out);
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

function program(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
}

describe('kill -9 while writing', () => {
  // Kills after different numbers of acknowledged writes, with more requests in flight each time.
  for (const killAfter of [1, 17, 60]) {
    it(`leaves a readable state file with every acknowledged job (killed after ${killAfter} acks)`, async () => {
      const file = freshStateFile();
      const child = program(['--port', '0', '--state-file', file, '--seed', seedFile()]);
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

      expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('cleanroomsml-local-state');
      const arns = new Set(savedJobs(file).map((j) => j.arn));
      for (const a of acked) expect(arns.has(a)).toBe(true);

      // The emulator starts again on it, serves the jobs and clears any temp file the kill left behind.
      const again = await startEmulator({ port: 0, stateFile: file, seed: testSeed() });
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
      const child = program(['--host', '127.0.0.1', '--port', '0', '--state-file', file, '--seed', seedFile()]);
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
      expect(stdout).toBe(`# cleanroomsml-local: listening on ${url} (signatures not checked: any keys do); in another shell, paste:\n`
        + `export AWS_ENDPOINT_URL_CLEANROOMSML=${url}\nexport AWS_DEFAULT_REGION=us-east-1\n`
        + 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
      expect(stderr).toBe('');
      expect(existsSync(file)).toBe(true);
      expect(savedJobs(file).map((j) => j.fields.name)).toEqual(['before-stop']);
    });
  }

  it('verifies signatures by the keys in its environment, and prints them to paste', async () => {
    const child = program(['--port', '0'], {
      CLEANROOMSML_LOCAL_ACCESS_KEY_ID: 'AKIDEXAMPLE', CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => { stdout += c.toString(); });
    try {
      const url = await waitForListening(child);
      expect(stdout).toContain('\nexport AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n');
      expect((await call(url, 'GET', jobsPath())).headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect((await call(url, 'GET', jobsPath(), { sign: {} })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });

  it('creates its state file readable by its owner only (0600)', async () => {
    const file = freshStateFile();
    const e = await startEmulator({ port: 0, stateFile: file, seed: testSeed() });
    try {
      expect((await call(e.url, 'POST', jobsPath(), { body: startBody('private', { environment: { TOKEN: 'x' } }) })).status).toBe(200);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await e.close();
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
