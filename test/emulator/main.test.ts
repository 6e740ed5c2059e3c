import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, buildProgram, main, type MainIO } from '../../src/emulator/main';
import { call, jobsPath, startBody } from './helpers';

function capture(): MainIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; } };
  return io;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('options', () => {
  it('has the documented defaults', () => {
    const p = buildProgram(capture());
    p.parse([], { from: 'user' });
    expect(p.opts()).toEqual({
      host: '127.0.0.1', port: DEFAULT_PORT, region: 'us-east-1', pendingSeconds: 1, createSeconds: 2, cancelSeconds: 1,
    });
  });

  it('parses every option', () => {
    const p = buildProgram(capture());
    p.parse(['--host', '::1', '--port', '0', '--state-file', '/tmp/s.json', '--access-key-id', 'AK', '--secret-access-key', 'SK',
      '--region', 'eu-west-1', '--pending-seconds', '0.5', '--create-seconds', '0', '--cancel-seconds', '3',
      '--collaboration', 'm1=c1', '--collaboration', 'm2=c2', '--verbose'], { from: 'user' });
    expect(p.opts()).toEqual({
      host: '::1', port: 0, stateFile: '/tmp/s.json', accessKeyId: 'AK', secretAccessKey: 'SK', region: 'eu-west-1',
      pendingSeconds: 0.5, createSeconds: 0, cancelSeconds: 3, collaboration: { m1: 'c1', m2: 'c2' }, verbose: true,
    });
  });
});

describe('main', () => {
  it('starts on port 0, prints the real port, serves, and logs with --verbose', async () => {
    const io = capture();
    const emu = await main(['--port', '0', '--verbose', '--create-seconds', '0', '--pending-seconds', '0'], io);
    expect(emu).toBeDefined();
    try {
      expect(io.out).toBe(`listening on http://127.0.0.1:${emu!.port}\n`);
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

  it('wants --access-key-id and --secret-access-key together', async () => {
    const io = capture();
    expect(await main(['--port', '0', '--access-key-id', 'AK'], io)).toBeUndefined();
    expect(io.err).toBe('cleanroomsml-local: --access-key-id and --secret-access-key go together\n');
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
