// The built CLI (bin/aws, dist/) on every path that loads a bundle on demand (scripts/bundles.mjs):
// each output format, --query, YAML input, help, the prompt, adaptive retries, the endpoint rules, the
// SDK's credential chain, credential_process, the hand-over, and errors raised in one bundle and
// rendered by another. vitest runs the sources, where every import() and instanceof works whatever the
// bundles; these runs are what fails when one breaks in dist/ (a module copied into two bundles, an
// import() the loader cannot answer). A probe preloaded into each run reports the bundles it loaded;
// the last test checks that together the runs load every bundle of the process.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the build, without types
import { MAIN, ON_DEMAND } from '../../scripts/bundles.mjs';
import { AKID, AWS_BIN, baseEnv, emulator, MEMBERSHIP, SECRET, startArgs, tempHome, type TestEmulator } from './helpers';

const BUNDLES = [MAIN.name, ...(ON_DEMAND as { name: string }[]).map((b) => b.name)];
/** util-linux's `script` runs a command in a pseudo-terminal (Debian's bsdutils, an essential package). */
const hasScript = spawnSync('script', ['--version']).status === 0;

let e: TestEmulator;
let home: string;
let cleanup: () => void;
let jobArn: string;
/** The bundles each run loaded, over the whole file. */
const loaded = new Set<string>();

interface Run { rc: number | null; stdout: string; stderr: string; bundles: string[] }
interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Run in a pseudo-terminal (util-linux's `script`): `answer` is typed once the output shows `when`. */
  tty?: { when: string; answer: string };
}

let runs = 0;
/** `aws …args` through bin/aws, with a probe that writes the bundles the process loaded when it exits. */
function run(args: string[], opts: RunOptions = {}): Promise<Run> {
  const probe = join(home, 'probe.js');
  const out = join(home, `loaded-${runs++}.json`);
  const env: Record<string, string> = { ...baseEnv(home), PROBE_OUT: out };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const argv = [process.execPath, '-r', probe, AWS_BIN, ...args];
  const [exe, exeArgs] = opts.tty
    ? ['script', ['-qfec', argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' '), '/dev/null']]
    : [argv[0], argv.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(exe, exeArgs, { cwd: home, env: opts.tty ? { ...env, TERM: 'xterm' } : env });
    let stdout = '';
    let stderr = '';
    let typed = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (opts.tty && !typed && stdout.includes(opts.tty.when)) {
        typed = true;
        child.stdin.write(opts.tty.answer);
      }
    });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (rc) => {
      const files = JSON.parse(readFileSync(out, 'utf8')) as string[];
      const bundles = files.filter((f) => f.startsWith(join(AWS_BIN, '..', '..', 'dist'))).map((f) => f.split('/').pop()!.replace(/\.js$/, ''))
        .filter((b) => b !== 'loader');
      for (const b of bundles) loaded.add(b);
      resolve({ rc, stdout, stderr, bundles });
    });
    if (!opts.tty) child.stdin.end(opts.stdin ?? '');
  });
}

/** The arguments, then optionally the run's options. */
type Args = (string | RunOptions)[];
const split = (more: Args): [string[], RunOptions] => {
  const last = more[more.length - 1];
  return typeof last === 'object' ? [more.slice(0, -1) as string[], last] : [more as string[], {}];
};
const get = (...more: Args) => {
  const [args, opts] = split(more);
  return run(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
    '--trained-model-inference-job-arn', jobArn, '--endpoint-url', e.url, ...args], opts);
};
const list = (...more: string[]) => run(['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
  '--endpoint-url', e.url, ...more]);

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  writeFileSync(join(home, 'probe.js'), "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, " +
    'JSON.stringify(Object.keys(require.cache))));\n');
  e = await emulator();
  const r = await run([...startArgs('bundles'), '--endpoint-url', e.url, '--query', 'trainedModelInferenceJobArn', '--output', 'text']);
  expect(r.rc).toBe(0);
  jobArn = r.stdout.trim();
});
afterAll(async () => {
  await e?.close();
  cleanup();
});

describe('output', () => {
  it('json, through the call and the client', async () => {
    const r = await get();
    expect(r.rc).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'bundles', trainedModelInferenceJobArn: jobArn });
    expect(r.bundles).toEqual(expect.arrayContaining(['aws', 'lazy-call']));
  });

  it.each([
    ['text', 'lazy-call', '\tbundles\t'],
    ['table', 'lazy-table', /\n\| +GetTrainedModelInferenceJob +\|\n/],
    ['yaml', 'lazy-yaml', 'name: bundles\n'],
    ['yaml-stream', 'lazy-yaml', '\n  name: bundles\n'],
  ])('--output %s', async (format, bundle, text) => {
    const r = await get('--output', format);
    expect(r.stderr).toBe('');
    expect(r.rc).toBe(0);
    expect(r.stdout).toMatch(text);
    expect(r.bundles).toContain(bundle);
  });

  it('--query, and a --query that does not parse (raised in lazy-query, a parameter error of the main bundle)', async () => {
    const r = await list('--query', 'trainedModelInferenceJobs[].name', '--output', 'text');
    expect(r).toMatchObject({ rc: 0, stdout: 'bundles\n' });
    expect(r.bundles).toContain('lazy-query');
    const bad = await list('--query', 'trainedModelInferenceJobs[');
    expect(bad.rc).toBe(252);
    expect(bad.stderr).toContain('aws: [ERROR]: An error occurred (ParamValidation): Bad value for --query trainedModelInferenceJobs[: ');
  });
});

describe('input and help', () => {
  it('--cli-input-yaml', async () => {
    const yaml = join(home, 'get.yaml');
    writeFileSync(yaml, `membershipIdentifier: ${MEMBERSHIP}\ntrainedModelInferenceJobArn: ${jobArn}\n`);
    const r = await run(['cleanroomsml', 'get-trained-model-inference-job', '--cli-input-yaml', `file://${yaml}`,
      '--endpoint-url', e.url, '--query', 'name']);
    expect(r).toMatchObject({ rc: 0, stdout: '"bundles"\n' });
    expect(r.bundles).toContain('lazy-yaml-input');
  });

  it('the YAML input skeleton, with the help texts as comments', async () => {
    const r = await run(['cleanroomsml', 'get-trained-model-inference-job', '--generate-cli-skeleton', 'yaml-input']);
    expect(r.rc).toBe(0);
    expect(r.stdout).toContain("membershipIdentifier: ''  # [REQUIRED] Provides the membership ID");
    expect(r.bundles).toContain('shared-docs');
  });

  it('help', async () => {
    const r = await run(['cleanroomsml', 'get-trained-model-inference-job', 'help']);
    expect(r.rc).toBe(0);
    expect(r.stdout).toMatch(/get-trained-model-inference-job/);
    expect(r.stdout).toContain('Returns information about a trained model inference job.');
    expect(r.bundles).toEqual(expect.arrayContaining(['lazy-help', 'shared-docs']));
  });

  it.skipIf(!hasScript)('the prompt, on a terminal: the command accepted as typed', async () => {
    const r = await run(['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
      '--endpoint-url', e.url, '--query', 'trainedModelInferenceJobs[].name', '--cli-auto-prompt'], { tty: { when: 'list-trained-model-inference-jobs:', answer: '\r' } });
    expect(r.rc).toBe(0);
    expect(r.stdout).toContain('> aws cleanroomsml list-trained-model-inference-jobs');
    expect(r.stdout).toContain('"bundles"');
    expect(r.bundles).toContain('lazy-prompt');
  });
});

describe('the request', () => {
  it('adaptive retry mode (its rate limiter)', async () => {
    const r = await get('--query', 'name', '--output', 'text');
    expect(r).toMatchObject({ rc: 0, stdout: 'bundles\n' });
    expect(r.bundles).not.toContain('lazy-retry');
    const adaptive = await get('--query', 'name', '--output', 'text', { env: { AWS_RETRY_MODE: 'adaptive' } });
    expect(adaptive).toMatchObject({ rc: 0, stdout: 'bundles\n' });
    expect(adaptive.bundles).toContain('lazy-retry');
  });

  it('the endpoint rules, without an endpoint URL (to a proxy that refuses: a network error of lazy-call)', async () => {
    const closed = await freePort();
    const r = await run(['cleanroomsml', 'list-audience-models'], { env: { HTTPS_PROXY: `http://127.0.0.1:${closed}`, AWS_MAX_ATTEMPTS: '1' } });
    expect(r).toMatchObject({ rc: 255, stdout: '' });
    expect(r.stderr).toBe(`\naws: [ERROR]: Failed to connect to proxy URL: "http://127.0.0.1:${closed}"\n`);
    expect(r.bundles).toContain('lazy-endpoints');
  });

  describe('credentials from the files', () => {
    const files = () => {
      const creds = join(home, 'credentials');
      const config = join(home, 'config');
      writeFileSync(creds, `[other]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\n`);
      writeFileSync(config, '[profile other]\nregion = us-east-1\noutput = text\n[profile empty]\nregion = us-east-1\n');
      return { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SHARED_CREDENTIALS_FILE: creds, AWS_CONFIG_FILE: config };
    };

    it('static keys of the credentials file, for a profile of the config file (without the SDK\'s chain)', async () => {
      const r = await get('--query', 'name', '--profile', 'other', { env: files() });
      expect(r.stderr).toBe('');
      expect(r).toMatchObject({ rc: 0, stdout: 'bundles\n' });
      expect(r.bundles).not.toContain('lazy-sdk-credentials');
    });

    it('no credentials (the SDK\'s chain finds none; raised in lazy-call), in --cli-error-format json', async () => {
      const r = await get('--profile', 'empty', '--cli-error-format', 'json', { env: files() });
      expect(r.bundles).toContain('lazy-sdk-credentials');
      expect(r.rc).toBe(253);
      expect(JSON.parse(r.stderr)).toEqual({ Code: 'NoCredentials',
        Message: 'Unable to locate credentials. You can configure credentials by running "aws login".' });
    });

    it('credential_process', async () => {
      const script = join(home, 'creds.sh');
      writeFileSync(script, `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "${AKID}", "SecretAccessKey": "${SECRET}"}'\n`);
      chmodSync(script, 0o755);
      const config = join(home, 'config-process');
      writeFileSync(config, `[default]\nregion = us-east-1\ncredential_process = ${script}\n`);
      const r = await get('--query', 'name', { env: { ...files(), AWS_CONFIG_FILE: config } });
      expect(r.stderr).toBe('');
      expect(r).toMatchObject({ rc: 0, stdout: '"bundles"\n' });
      expect(r.bundles).not.toContain('lazy-sdk-credentials');
    });
  });
});

describe('errors raised in one bundle, rendered by the main one', () => {
  it('a parameter error of the call\'s validation, in --cli-error-format json', async () => {
    const r = await run(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', 'short',
      '--trained-model-inference-job-arn', jobArn, '--endpoint-url', e.url, '--cli-error-format', 'json']);
    expect(r.rc).toBe(252);
    expect(JSON.parse(r.stderr)).toEqual({ Code: 'ParamValidation',
      Message: 'Parameter validation failed:\nInvalid length for parameter membershipIdentifier, value: 5, valid min length: 36' });
    expect(r.bundles).toContain('lazy-call');
  });

  it('a service error, plain and in --cli-error-format yaml', async () => {
    const missing = `${jobArn.slice(0, jobArn.lastIndexOf('/'))}/missing`;
    const args = ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', missing, '--endpoint-url', e.url];
    const r = await run(args);
    expect(r.rc).toBe(254);
    expect(r.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ResourceNotFoundException\) when calling the GetTrainedModelInferenceJob operation: /);
    const yaml = await run([...args, '--cli-error-format', 'yaml']);
    expect(yaml.rc).toBe(254);
    expect(yaml.stderr).toMatch(/^Code: ResourceNotFoundException\nMessage: 'Trained model inference job not found: /);
  });

  it('a configuration error of the call (no region), in --cli-error-format text', async () => {
    const r = await run(['cleanroomsml', 'list-audience-models', '--endpoint-url', e.url, '--cli-error-format', 'text'],
      { env: { AWS_DEFAULT_REGION: undefined } });
    expect(r).toMatchObject({ rc: 253, stdout: '' });
    expect(r.stderr).toBe('NoRegion\tYou must specify a region. You can also configure your region by running "aws configure".\n');
  });
});

describe('the hand-over', () => {
  it('another command of the AWS CLI goes to the next aws on PATH', async () => {
    const bin = join(home, 'other-aws');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'aws'), '#!/bin/sh\necho "the other aws: $*"\nexit 3\n');
    chmodSync(join(bin, 'aws'), 0o755);
    const r = await run(['s3', 'ls', 's3://bucket'], { env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(r).toMatchObject({ rc: 3, stdout: 'the other aws: s3 ls s3://bucket\n' });
    expect(r.bundles).toContain('lazy-handover');
    rmSync(bin, { recursive: true, force: true });
  });
});

describe('together', () => {
  it('the runs above load every bundle of the aws process', () => {
    const expected = BUNDLES.filter((b) => hasScript || b !== 'lazy-prompt');
    expect(expected.filter((b) => !loaded.has(b))).toEqual([]);
  });
});

/** A loopback port with nothing listening on it. */
async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
