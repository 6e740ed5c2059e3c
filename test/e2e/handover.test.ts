// `aws s3 ls` and every other command of the AWS CLI that this one does not implement: bin/aws, run as a
// shell runs it (by a path, its #! line finding node on PATH), hands the whole command line to the next
// `aws` on PATH that is not itself. A stand-in for the real AWS CLI (a shell script with builtins only)
// reports what it got: arguments, standard input, environment, working directory; it exits as told,
// or is ended by a signal. No other `aws` of the machine is on the PATH of these runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_BIN } from './helpers';

const STAND_IN = `#!/bin/sh
echo "argc=$#"
for a in "$@"; do echo "arg=$a"; done
echo "cwd=$PWD"
echo "HANDOVER_TEST=$HANDOVER_TEST"
echo "to stderr" >&2
if [ -n "$STANDIN_TRAP" ]; then
  trap 'echo "got $STANDIN_TRAP"; exit 42' "$STANDIN_TRAP"
  echo ready
  read -r line
  exit 0
fi
while IFS= read -r line; do echo "stdin=$line"; done
if [ -n "$STANDIN_KILL" ]; then kill -s "$STANDIN_KILL" $$; fi
exit "\${STANDIN_EXIT:-0}"
`;

let dir: string;
const d = (...p: string[]) => join(dir, ...p);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aws-handover-'));
  const bin = (sub: string, target: string, kind: 'link' | 'script' | 'copy', text = '') => {
    mkdirSync(d(sub), { recursive: true });
    const p = d(sub, sub.endsWith('node') ? 'node' : 'aws');
    if (kind === 'link') symlinkSync(target, p);
    else if (kind === 'copy') copyFileSync(target, p);
    else writeFileSync(p, text);
    chmodSync(p, 0o755);
  };
  // node for the #! line (`/usr/bin/env node`), alone in its folder.
  bin('node', process.execPath, 'link');
  // This program: as npm links it into a global bin folder; into node_modules/.bin; another install of
  // it (a copy of bin/aws, which names the package); a wrapper that runs it by a path naming nothing.
  bin('self', AWS_BIN, 'link');
  bin('project/node_modules/.bin', AWS_BIN, 'link');
  bin('other-install/bin', AWS_BIN, 'copy');
  mkdirSync(d('hidden'));
  symlinkSync(AWS_BIN, d('hidden', 'x'));
  bin('shim', '', 'script', `#!/bin/sh\nexec "${d('hidden', 'x')}" "$@"\n`);
  bin('shim2', '', 'script', `#!/bin/sh\nexec "${d('hidden', 'x')}" "$@"\n`);
  // The real AWS CLI's stand-in.
  bin('real', '', 'script', STAND_IN);
  mkdirSync(d('work'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result { rc: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs an `aws` by its path with PATH made of these folders (of the test's), as a shell would. */
function run(exe: string, args: string[], path: string[], opts: { env?: Record<string, string>; stdin?: string; detached?: boolean; onStdout?: (text: string, child: ChildProcess) => void } = {}): Promise<Result> {
  const env = { PATH: path.map((p) => d(p)).join(':'), HOME: d('work'), AWS_PAGER: '', HANDOVER_TEST: 'passed-on', ...opts.env };
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { cwd: d('work'), env, stdio: ['pipe', 'pipe', 'pipe'], detached: opts.detached });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => { stdout += c.toString('utf8'); opts.onStdout?.(stdout, child); });
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (rc, signal) => resolve({ rc, signal, stdout, stderr }));
    if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
    else if (!opts.detached) child.stdin!.end();
  });
}

const standInSaw = (args: string[], stdin: string[] = []) =>
  [`argc=${args.length}`, ...args.map((a) => `arg=${a}`), `cwd=${d('work')}`, 'HANDOVER_TEST=passed-on', ...stdin.map((l) => `stdin=${l}`)]
    .map((l) => `${l}\n`).join('');

const ON_PATH = ['self', 'node', 'real'];

describe('another command of the AWS CLI goes to the next aws on PATH', () => {
  it('with the whole command line, standard streams, environment, working directory and exit code', async () => {
    const args = ['--region', 'eu-west-1', '--output', 'text', 's3', 'ls', 's3://bucket/a b', '--recursive'];
    const r = await run(d('self', 'aws'), args, ON_PATH, { env: { STANDIN_EXIT: '7' }, stdin: 'line one\nline two\n' });
    expect(r).toEqual({ rc: 7, signal: null, stdout: standInSaw(args, ['line one', 'line two']), stderr: 'to stderr\n' });
  });

  it.each([
    [['configure', 'list']],
    [['sts', 'get-caller-identity']],
    [['--debug', '--profile', 'p', 'sts', 'get-caller-identity', '--query', 'Account']],
    [['s3', 'help']],
    [['s3', '--version']],
    [['cleanrooms', 'list-collaborations']],
    // A topic of `aws help` is the AWS CLI's own page.
    [['help', 'topics']],
    [['--output', 'text', 'help', 'return-codes', 'more']],
  ])('aws %j', async (args) => {
    const r = await run(d('self', 'aws'), args, ON_PATH);
    expect(r).toEqual({ rc: 0, signal: null, stdout: standInSaw(args), stderr: 'to stderr\n' });
  });

  it('a signal that ends the other aws ends with 128 + its number', async () => {
    expect((await run(d('self', 'aws'), ['s3', 'ls'], ON_PATH, { env: { STANDIN_KILL: 'INT' } })).rc).toBe(130);
    expect((await run(d('self', 'aws'), ['s3', 'ls'], ON_PATH, { env: { STANDIN_KILL: 'TERM' } })).rc).toBe(143);
  });

  it('Ctrl-C at the terminal (to the process group): the other aws answers it; this one waits, silent', async () => {
    const r = await run(d('self', 'aws'), ['s3', 'cp', 'a', 'b'], ON_PATH, {
      env: { STANDIN_TRAP: 'INT' },
      detached: true,
      onStdout: (out, child) => { if (out.endsWith('ready\n')) process.kill(-child.pid!, 'SIGINT'); },
    });
    expect(r).toEqual({ rc: 42, signal: null, stdout: `${standInSaw(['s3', 'cp', 'a', 'b'])}ready\ngot INT\n`, stderr: 'to stderr\n' });
  });

  it('a SIGTERM sent to this process alone is passed on', async () => {
    const r = await run(d('self', 'aws'), ['s3', 'sync', '.', 's3://b'], ON_PATH, {
      env: { STANDIN_TRAP: 'TERM' },
      detached: true,
      onStdout: (out, child) => { if (out.endsWith('ready\n')) child.kill('SIGTERM'); },
    });
    expect(r).toEqual({ rc: 42, signal: null, stdout: `${standInSaw(['s3', 'sync', '.', 's3://b'])}ready\ngot TERM\n`, stderr: 'to stderr\n' });
  });

  it('skips this program under other names: node_modules/.bin, another install, wrappers that run it', async () => {
    const path = ['project/node_modules/.bin', 'other-install/bin', 'shim', 'self', 'shim2', 'node', 'real'];
    const r = await run(d('project', 'node_modules', '.bin', 'aws'), ['s3', 'ls'], path);
    expect(r).toEqual({ rc: 0, signal: null, stdout: standInSaw(['s3', 'ls']), stderr: 'to stderr\n' });
  });

  it('--cli-auto-prompt and AWS_CLI_AUTO_PROMPT are the other aws\'s to act on', async () => {
    const args = ['s3', 'ls', '--cli-auto-prompt'];
    expect(await run(d('self', 'aws'), args, ON_PATH)).toEqual({ rc: 0, signal: null, stdout: standInSaw(args), stderr: 'to stderr\n' });
    expect(await run(d('self', 'aws'), ['s3', 'ls'], ON_PATH, { env: { AWS_CLI_AUTO_PROMPT: 'on-partial' } }))
      .toEqual({ rc: 0, signal: null, stdout: standInSaw(['s3', 'ls']), stderr: 'to stderr\n' });
  });
});

describe('without another aws on PATH', () => {
  it('one line names what this one implements; exit 252', async () => {
    const r = await run(d('self', 'aws'), ['s3', 'ls'], ['self', 'node']);
    expect(r).toEqual({ rc: 252, signal: null, stdout: '', stderr: "aws: [ERROR]: this aws implements only 'aws cleanroomsml'; install the AWS CLI for 's3'\n" });
    const h = await run(d('self', 'aws'), ['help', 'config-vars'], ['self', 'node']);
    expect(h).toEqual({ rc: 252, signal: null, stdout: '', stderr: "aws: [ERROR]: this aws implements only 'aws cleanroomsml'; install the AWS CLI for 'help config-vars'\n" });
    const c = await run(d('self', 'aws'), ['--output', 'json', 'configure'], ['self', 'node']);
    expect(c).toEqual({ rc: 252, signal: null, stdout: '', stderr: "aws: [ERROR]: this aws implements only 'aws cleanroomsml'; install the AWS CLI for 'configure'\n" });
  });

  it('a wrapper that runs this one again is not another aws', async () => {
    const r = await run(d('self', 'aws'), ['s3', 'ls'], ['shim', 'self', 'node']);
    expect(r).toEqual({
      rc: 252, signal: null, stdout: '',
      stderr: "aws: [ERROR]: this aws implements only 'aws cleanroomsml' (the other aws programs on PATH run this one again); install the AWS CLI for 's3'\n",
    });
  });
});

describe('what stays this program\'s, with another aws on PATH', () => {
  it('aws --version', async () => {
    const r = await run(d('self', 'aws'), ['--version'], ON_PATH);
    expect(r.rc).toBe(0);
    expect(r.stdout).toMatch(/^aws-cli\/2\.36\.7 Node\.js\//);
  });

  it('aws cleanroomsml …', async () => {
    const r = await run(d('self', 'aws'), ['cleanroomsml', 'get-trained-model', '--generate-cli-skeleton'], ON_PATH);
    expect(r).toEqual({ rc: 0, signal: null, stdout: '{\n    "trainedModelArn": "",\n    "membershipIdentifier": "",\n    "versionIdentifier": ""\n}\n', stderr: '' });
  });

  it('aws help', async () => {
    const r = await run(d('self', 'aws'), ['help'], ON_PATH);
    expect(r.rc).toBe(0);
    expect(r.stdout).not.toContain('argc=');
    expect(r.stdout).toContain('cleanroomsml');
  });

  it('a word that is no command of the AWS CLI: argparse\'s error, with its suggestions', async () => {
    const r = await run(d('self', 'aws'), ['cleanroom', 'list'], ON_PATH);
    expect(r.rc).toBe(252);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("argument command: Found invalid choice 'cleanroom'\n\nMaybe you meant:\n\n  * cleanrooms\n  * cleanroomsml\n");
  });
});
