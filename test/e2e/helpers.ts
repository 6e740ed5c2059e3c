// End-to-end helpers: the built `aws` executable run as a child process with a clean environment
// (HOME in a temp dir, keys, region, no pager), against the project's emulator started in-process on
// 127.0.0.1 port 0 with the same keys, so that every request's signature is verified.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server';
import { AKID, FakeClock, MEMBERSHIP, SECRET, startBody, testSeed, trainedModelArn } from '../emulator/helpers';

export { AKID, FakeClock, MEMBERSHIP, SECRET, startBody, testSeed, trainedModelArn };

export const ROOT = resolve(__dirname, '..', '..');
export const AWS_BIN = join(ROOT, 'bin', 'aws');

export interface CliResult {
  rc: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to (or, when undefined, removed from) the base environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdin?: string;
  /** Called once the child is running (to signal it, read its pid, …). */
  onSpawn?: (child: ChildProcess) => void;
}

/** A temp HOME per test file; removed by `cleanup()`. */
export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'aws-e2e-'));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export function baseEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    AWS_ACCESS_KEY_ID: AKID,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Runs `aws …args` (asynchronously, so the in-process emulator keeps serving). */
export function aws(home: string, args: string[], opts: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(join(ROOT, 'dist', 'aws.js'))) throw new Error('dist/ is missing: the build failed (see the global setup output)');
  const env: Record<string, string> = baseEnv(home);
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [AWS_BIN, ...args], { cwd: opts.cwd ?? home, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (rc, signal) => {
      const result = { rc, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      // A property of every end-to-end run: no output ever holds the secret key or the session token
      // the command was given (nor a long piece of one).
      const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.AWS_SECURITY_TOKEN].filter((x): x is string => !!x && x.length >= 16);
      for (const secret of secrets) {
        for (const text of [result.stdout, result.stderr]) {
          if (text.includes(secret) || text.includes(secret.slice(0, 16)) || text.includes(secret.slice(-16))) {
            reject(new Error(`the output of \`aws ${args.join(' ')}\` shows a secret from its environment`));
            return;
          }
        }
      }
      resolvePromise(result);
    });
    child.stdin!.end(opts.stdin ?? '');
    opts.onSpawn?.(child);
  });
}

export interface TestEmulator extends Emulator {
  clock: FakeClock;
  /** One line per request the emulator answered: `METHOD url status operation-or-code`. */
  requests: string[];
}

/**
 * The emulator with signature checking, a fake clock and a request log, seeded with the trained model
 * (`trainedModelArn()`) and ML input channel that `startArgs`/`startBody` name.
 */
export async function emulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = new FakeClock();
  const requests: string[] = [];
  const e = await startEmulator({
    host: '127.0.0.1', port: 0, credentials: [{ accessKeyId: AKID, secretAccessKey: SECRET }], clock: clock.now,
    seed: testSeed(), log: (line) => requests.push(line), ...opts,
  });
  return Object.assign(e, { clock, requests });
}

/** The arguments of a valid start-trained-model-inference-job (shorthand), with the given name. */
export function startArgs(name: string, membership = MEMBERSHIP): string[] {
  return [
    'cleanroomsml', 'start-trained-model-inference-job', '--membership-identifier', membership, '--name', name,
    '--trained-model-arn', trainedModelArn(membership),
    '--resource-config', 'instanceType=ml.m5.xlarge,instanceCount=1',
    '--output-configuration', 'accept=text/csv,members=[{accountId=123456789012}]',
    '--data-source', `mlInputChannelArn=arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${membership}/ml-input-channel/ch-1`,
  ];
}
