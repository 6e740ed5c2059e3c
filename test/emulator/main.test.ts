import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, buildProgram, main, readyLines, shellWord, type MainIO } from '../../src/emulator/main';
import { AKID, SECRET, call, jobsPath, startBody, testSeedDocument } from './helpers';

function capture(env: Record<string, string | undefined> = {}): MainIO & { out: string; err: string } {
  const io = { out: '', err: '', env, stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; } };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'cleanroomsml-local-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  process.exitCode = undefined;
});

describe('options', () => {
  it('has the documented defaults', () => {
    const p = buildProgram(capture());
    p.parse([], { from: 'user' });
    expect(p.opts()).toEqual({
      host: '127.0.0.1', port: DEFAULT_PORT, region: 'us-east-1', speed: 1,
      pendingSeconds: 1, createSeconds: 2, cancelSeconds: 1, deleteSeconds: 1,
    });
  });

  it('parses every option', () => {
    const p = buildProgram(capture());
    p.parse(['--host', '::1', '--port', '0', '--state-file', '/tmp/s.json', '--seed', '/tmp/seed.json', '--credentials-file', '/tmp/c',
      '--access-key-id', 'AK', '--secret-access-key', 'SK', '--account-id', '111122223333',
      '--region', 'eu-west-1', '--speed', '10', '--pending-seconds', '0.5', '--create-seconds', '0', '--cancel-seconds', '3',
      '--delete-seconds', '4', '--collaboration', 'm1=c1', '--collaboration', 'm2=c2', '--verbose'], { from: 'user' });
    expect(p.opts()).toEqual({
      host: '::1', port: 0, stateFile: '/tmp/s.json', seed: '/tmp/seed.json', credentialsFile: '/tmp/c', accessKeyId: 'AK',
      secretAccessKey: 'SK', accountId: '111122223333', region: 'eu-west-1', speed: 10,
      pendingSeconds: 0.5, createSeconds: 0, cancelSeconds: 3, deleteSeconds: 4,
      collaboration: new Map([['m1', 'c1'], ['m2', 'c2']]), verbose: true,
    });
  });

  it('takes --speed instant as infinitely fast, and refuses 0 or words', () => {
    const p = buildProgram(capture());
    p.parse(['--speed', 'instant'], { from: 'user' });
    expect(p.opts().speed).toBe(Infinity);
    for (const bad of ['0', '-1', 'fast']) {
      const io = capture();
      expect(() => buildProgram(io).parse(['--speed', bad], { from: 'user' })).toThrow();
      expect(io.err).toContain("must be a number above 0 (how many times faster), or 'instant'.");
    }
  });

  it('documents the environment as the way to give keys', () => {
    const io = capture();
    expect(() => buildProgram(io).parse(['--help'], { from: 'user' })).toThrow();
    expect(io.out).toContain('CLEANROOMSML_LOCAL_ACCESS_KEY_ID=… CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY=… cleanroomsml-local');
    expect(io.out).toContain('--credentials-file');
  });
});

describe('the lines to paste', () => {
  it('names the endpoint, the region and the keys it checks', () => {
    expect(readyLines('http://127.0.0.1:8765', 'eu-west-1', [{ accessKeyId: 'AK', secretAccessKey: "it's/se+cret" }])).toBe(
      '# cleanroomsml-local: listening on http://127.0.0.1:8765 (signatures checked); in another shell, paste:\n'
      + 'export AWS_ENDPOINT_URL_CLEANROOMSML=http://127.0.0.1:8765\n'
      + 'export AWS_DEFAULT_REGION=eu-west-1\n'
      + 'export AWS_ACCESS_KEY_ID=AK\n'
      + "export AWS_SECRET_ACCESS_KEY='it'\\''s/se+cret'\n");
  });

  it('gives keys any client accepts when it checks none', () => {
    expect(readyLines('http://[::1]:1', 'us-east-1', [])).toContain(
      'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    expect(shellWord('http://[::1]:1')).toBe("'http://[::1]:1'");
  });
});

describe('main', () => {
  it('starts on port 0, prints the real port, serves, and logs with --verbose', async () => {
    const io = capture();
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify(testSeedDocument()));
    const emu = await main(['--port', '0', '--verbose', '--speed', 'instant', '--seed', seed], io);
    expect(emu).toBeDefined();
    try {
      expect(io.out).toBe(readyLines(`http://127.0.0.1:${emu!.port}`, 'us-east-1', []));
      expect(emu!.port).toBeGreaterThan(0);
      const r = await call(emu!.url, 'POST', jobsPath(), { body: startBody('x') });
      const g = await call(emu!.url, 'GET', `${jobsPath()}/${encodeURIComponent(r.json.trainedModelInferenceJobArn)}`);
      expect(g.json.status).toBe('ACTIVE');
      expect(io.err).toBe(`POST ${jobsPath()} 200 StartTrainedModelInferenceJob\n`
        + `GET ${jobsPath()}/${encodeURIComponent(r.json.trainedModelInferenceJobArn)} 200 GetTrainedModelInferenceJob\n`);
    } finally {
      await emu!.close();
    }
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('takes its keys from the environment', async () => {
    const io = capture({ CLEANROOMSML_LOCAL_ACCESS_KEY_ID: AKID, CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY: SECRET });
    const emu = await main(['--port', '0'], io);
    try {
      expect(io.err).toBe('');
      expect(io.out).toBe(readyLines(emu!.url, 'us-east-1', [{ accessKeyId: AKID, secretAccessKey: SECRET }]));
      expect((await call(emu!.url, 'GET', jobsPath())).status).toBe(403);
      expect((await call(emu!.url, 'GET', jobsPath(), { sign: {} })).status).toBe(200);
    } finally {
      await emu!.close();
    }
  });

  it('takes keys (and their accounts) from a credentials file, and warns when others can read it', async () => {
    const file = join(dir, 'credentials');
    writeFileSync(file, `[default]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\n`
      + '[partner]\naws_access_key_id = AKIDPARTNER\naws_secret_access_key = partner-secret\naws_account_id = 444455556666\n');
    chmodSync(file, 0o644);
    const io = capture();
    const emu = await main(['--port', '0', '--credentials-file', file], io);
    try {
      expect(io.err).toBe(`cleanroomsml-local: warning: credentials file ${file} can be read by other users (chmod 600 it)\n`);
      const mine = await call(emu!.url, 'GET', '/configured-model-algorithms', { sign: {} });
      expect(mine.status).toBe(200);
      const partner = await call(emu!.url, 'POST', '/training-dataset', {
        sign: { accessKeyId: 'AKIDPARTNER', secretAccessKey: 'partner-secret' },
        body: { name: 'd', roleArn: 'arn:aws:iam::444455556666:role/r', trainingData: [{ type: 'INTERACTIONS', inputConfig: {
          schema: [{ columnName: 'user', columnTypes: ['USER_ID'] }], dataSource: { glueDataSource: { tableName: 't', databaseName: 'd' } } } }] },
      });
      expect(partner.json.trainingDatasetArn).toMatch(/^arn:aws:cleanrooms-ml:us-east-1:444455556666:training-dataset\//);
    } finally {
      await emu!.close();
    }
    chmodSync(file, 0o600);
    const quiet = capture();
    const again = await main(['--port', '0', '--credentials-file', file], quiet);
    await again!.close();
    expect(quiet.err).toBe('');
  });

  it('refuses a credentials file without keys, and half a key pair anywhere', async () => {
    const empty = join(dir, 'empty-credentials');
    writeFileSync(empty, '[default]\nregion = us-east-1\n', { mode: 0o600 });
    for (const [args, env, msg] of [
      [['--credentials-file', empty], {}, `credentials file ${empty} holds no keys (aws_access_key_id, aws_secret_access_key)`],
      [['--credentials-file', join(dir, 'missing')], {}, `cannot read credentials file ${join(dir, 'missing')}: ENOENT`],
      [[], { CLEANROOMSML_LOCAL_ACCESS_KEY_ID: 'AK' }, 'CLEANROOMSML_LOCAL_ACCESS_KEY_ID and CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY go together'],
      [['--access-key-id', 'AK'], {}, '--access-key-id and --secret-access-key go together'],
    ] as [string[], Record<string, string>, string][]) {
      const io = capture(env);
      expect(await main(['--port', '0', ...args], io)).toBeUndefined();
      expect(io.err).toContain(`cleanroomsml-local: ${msg}`);
      expect(process.exitCode).toBe(2);
    }
  });

  it('warns that a secret on the command line shows in ps', async () => {
    const io = capture();
    const emu = await main(['--port', '0', '--access-key-id', AKID, '--secret-access-key', SECRET], io);
    await emu!.close();
    expect(io.err).toBe('cleanroomsml-local: warning: --secret-access-key shows the secret to every local user (ps); '
      + 'prefer CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY or --credentials-file\n');
  });

  it('refuses a bad seed file with its reason', async () => {
    const seed = join(dir, 'bad-seed.json');
    writeFileSync(seed, JSON.stringify({ collaborations: [{ collaborationIdentifier: 'nope', members: [] }] }));
    const io = capture();
    expect(await main(['--port', '0', '--seed', seed], io)).toBeUndefined();
    expect(io.err).toBe(`cleanroomsml-local: seed file ${seed}: collaborations[0].collaborationIdentifier must be a collaboration id (a lower-case UUID)\n`);
    expect(process.exitCode).toBe(2);
  });

  it('reports a bad option value', async () => {
    const io = capture();
    expect(await main(['--port', '70000'], io)).toBeUndefined();
    expect(io.err).toBe("error: option '--port <port>' argument '70000' is invalid. must be an integer from 0 to 65535.\n");
    expect(process.exitCode).toBe(1);
  });

  it('reports a port in use', async () => {
    const io = capture();
    const first = await main(['--port', '0'], capture());
    try {
      expect(await main(['--port', String(first!.port)], io)).toBeUndefined();
      expect(io.err).toBe(`cleanroomsml-local: 127.0.0.1:${first!.port} is already in use\n`);
      expect(process.exitCode).toBe(1);
    } finally {
      await first!.close();
    }
  });
});
