// credential_process as botocore's ProcessProvider runs it, compared with what the AWS CLI v2.36.7's
// own botocore makes of the same scripts (fixtures/gen-credential-process-cases.py): the error text,
// or the credentials, and how many times the process ran (once for a failure; twice for credentials
// that are still expired after the refresh).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialsFor, loadCredentials } from '../../src/client/credentials';
import { loadProcessCredentials } from '../../src/client/credential-process';
import type { CliError } from '../../src/errors';

interface Case {
  name: string; script: string | null; command: string | null; error?: string; credentials?: unknown[]; runs: number;
  /** The signer's TypeError for credentials it cannot sign with, and the value it choked on. */
  sign_error?: string; refused?: string;
}
/** Python's truth value of a JSON value (a false SessionToken is not sent). */
const truthy = (v: unknown) => !(v === null || v === false || v === 0 || v === '' ||
  (Array.isArray(v) && !v.length) || (typeof v === 'object' && v !== null && !Object.keys(v).length));
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'credential-process-cases.json'), 'utf8')) as { cases: Case[] };
const silent = { enabled: false, debug: () => undefined };
const work = mkdtempSync(join(tmpdir(), 'credproc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('credential_process failures read as the AWS CLI\'s', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = join(work, c.name);
    mkdirSync(dir);
    const runs = join(dir, 'runs');
    let command = c.command!;
    if (c.script !== null) {
      writeFileSync(join(dir, 'proc.sh'), `#!/bin/sh\necho run >> "${runs}"\n${c.script}\n`);
      command = `sh ${join(dir, 'proc.sh')}`;
    }
    writeFileSync(join(dir, 'config'), `[default]\ncredential_process = ${command}\n`);
    const src = { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' }, cwd: dir,
      profile: 'default', fromFlag: false, configFile: join(dir, 'config'), credentialsFile: join(dir, 'credentials') };
    let outcome: { error?: string; credentials?: unknown[] };
    try {
      const creds = await credentialsFor(await loadCredentials(src, silent));
      outcome = { credentials: [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken ?? null] };
    } catch (e) {
      expect((e as CliError).rc).toBe(255);
      outcome = { error: (e as CliError).render() };
    }
    if (c.sign_error !== undefined) {
      // botocore's signer fails with a Python TypeError there; this one says which value is not a string.
      expect(outcome.error).toMatch(new RegExp(`^\\naws: \\[ERROR\\]: Error when retrieving credentials from custom-process: ${c.refused} must be a string, not `));
    } else if (c.error !== undefined) {
      expect(outcome).toEqual({ error: `\naws: [ERROR]: ${c.error}\n` });
    } else {
      const [key, secret, token] = c.credentials!;
      expect(outcome).toEqual({ credentials: [key, secret, truthy(token) ? token : null] });
    }
    expect(existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0).toBe(c.runs);
  });
});

describe('values that are not strings', () => {
  it('are kept when the process runs (the client is created) and refused when signing', async () => {
    const dir = join(work, 'late-refusal');
    mkdirSync(dir);
    writeFileSync(join(dir, 'proc.sh'), 'echo \'{"Version": 1, "AccessKeyId": null, "SecretAccessKey": "S", "SessionToken": 0}\'\n');
    const p = await loadProcessCredentials(`sh ${join(dir, 'proc.sh')}`, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, log: silent });
    await expect(p.resolve()).rejects.toThrow('Error when retrieving credentials from custom-process: AccessKeyId must be a string, not null');
  });
});

describe('refreshing expiring credentials', () => {
  const script = (dir: string, expiries: string[]) => {
    mkdirSync(dir);
    // Each run answers the next expiry time (and counts itself).
    const body = expiries.map((e, i) => `[ "$n" = ${i} ] && echo '{"Version": 1, "AccessKeyId": "AK${i}", "SecretAccessKey": "S${i}", "Expiration": "${e}"}'`).join('\n');
    writeFileSync(join(dir, 'proc.sh'), `n=$(cat "${dir}/n" 2>/dev/null || echo 0)\necho $((n + 1)) > "${dir}/n"\n${body}\nexit 0\n`);
    return `sh ${join(dir, 'proc.sh')}`;
  };
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  const at = (iso: string) => () => Date.parse(iso) / 1000;

  it('keeps credentials with more than 15 minutes left, refreshes within them', async () => {
    const dir = join(work, 'refresh');
    const command = script(dir, ['2030-01-01T01:00:00Z', '2030-01-01T02:00:00Z']);
    let now = at('2030-01-01T00:40:00Z');
    const p = await loadProcessCredentials(command, { env, log: silent, now: () => now() });
    expect((await p.resolve()).accessKeyId).toBe('AK0');
    now = at('2030-01-01T00:50:00Z');
    expect((await p.resolve()).accessKeyId).toBe('AK1');
    expect(readFileSync(join(dir, 'n'), 'utf8').trim()).toBe('2');
  });

  it('keeps the old credentials when an advisory refresh fails, fails when a mandatory one does', async () => {
    const dir = join(work, 'refresh-fail');
    const command = script(dir, ['2030-01-01T01:00:00Z']);
    let now = at('2030-01-01T00:48:00Z');
    const p = await loadProcessCredentials(command, { env, log: silent, now: () => now() });
    // The second run prints nothing: json.loads fails.
    expect((await p.resolve()).accessKeyId).toBe('AK0');
    now = at('2030-01-01T00:55:00Z');
    await expect(p.resolve()).rejects.toThrow('Expecting value: line 1 column 1 (char 0)');
  });
});
