// The credentials: botocore's chain in its order (the environment, assume-role's checks, static keys of
// the files as configparser reads them, credential_process) around the SDK's providers, whose failure
// is NoCredentials or, for a credential_process profile, botocore's CredentialRetrievalError.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsFor, loadCredentials, type CredentialSource } from '../../src/client/credentials';
import { resolveCredentials } from '../support/credentials';
import type { CliError } from '../../src/errors';

const silent = { enabled: false, debug: () => undefined };
let home: string;
let script: (name: string, body: string) => string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'chain-test-'));
  mkdirSync(join(home, '.aws'));
  script = (name, body) => {
    const p = join(home, name);
    writeFileSync(p, `#!/bin/sh\n${body}\n`);
    chmodSync(p, 0o755);
    return p;
  };
  const ok = script('ok.sh', `echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "SPROC", "SessionToken": "TPROC"}'`);
  const fail = script('fail.sh', 'echo "token expired, run login" >&2; exit 2');
  const v2 = script('v2.sh', `echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}'`);
  const noversion = script('nov.sh', `echo '{"AccessKeyId": "A", "SecretAccessKey": "S"}'`);
  const nosecret = script('nosecret.sh', `echo '{"Version": 1, "AccessKeyId": "A"}'`);
  writeFileSync(join(home, '.aws', 'credentials'), [
    '[default]', 'aws_access_key_id = AKIDFILE', 'aws_secret_access_key = SFILE',
    '[halfshared]', 'aws_access_key_id = AKIDHALF',
    '[both]', 'aws_access_key_id = AKIDSHARED', 'aws_secret_access_key = SSHARED',
    '[sectoken]', 'aws_access_key_id = A', 'aws_secret_access_key = S', 'aws_security_token = T0', 'aws_session_token = T1',
    '[upper]', 'AWS_ACCESS_KEY_ID = AKIDUPPER', 'Aws_Secret_Access_Key = SUPPER', 'AWS_SESSION_TOKEN =',
    '[shadowing]', 'aws_access_key_id = AKIDSHADOW', 'aws_secret_access_key = SSHADOW',
    '',
  ].join('\n'));
  writeFileSync(join(home, '.aws', 'config'), [
    '[profile proc]', `credential_process = ${ok}`,
    '[profile both]', `credential_process = ${fail}`,
    '[profile fail]', `credential_process = ${fail}`,
    '[profile v2]', `credential_process = ${v2}`,
    '[profile nov]', `credential_process = ${noversion}`,
    '[profile nosecret]', `credential_process = ${nosecret}`,
    '[profile missing]', `credential_process = ${join(home, 'nope.sh')} --flag`,
    '[profile halfconfig]', 'aws_access_key_id = AKIDCFG',
    '[profile cfgkeys]', 'aws_access_key_id = AKIDCFG', 'aws_secret_access_key = SCFG',
    '[profile empty]', 'region = us-east-1',
    '[profile shadowing]', 'aws_access_key_id = AKIDHALFCFG',
    '[profile noroot]', 'role_arn = arn:aws:iam::123456789012:role/R',
    '[profile nosource]', 'role_arn = arn:aws:iam::123456789012:role/R', 'source_profile = nope',
    '',
  ].join('\n'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const src = (profile: string, env: Record<string, string> = {}, fromFlag = true): CredentialSource => ({
  env: { HOME: home, PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...env }, profile, fromFlag,
  configFile: join(home, '.aws', 'config'), credentialsFile: join(home, '.aws', 'credentials'),
});
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: CliError) => e);

describe('the order of the providers', () => {
  it('takes the environment unless --profile named the profile', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKENV', AWS_SECRET_ACCESS_KEY: 'SENV' };
    expect(await resolveCredentials(src('both', env, false), silent)).toEqual({ accessKeyId: 'AKENV', secretAccessKey: 'SENV', sessionToken: undefined });
    expect(await resolveCredentials(src('both', env, true), silent)).toMatchObject({ accessKeyId: 'AKIDSHARED' });
  });

  it('skips an empty AWS_ACCESS_KEY_ID (and an orphan secret) instead of calling it partial', async () => {
    expect(await resolveCredentials(src('default', { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: 'S' }, false), silent))
      .toMatchObject({ accessKeyId: 'AKIDFILE' });
    expect(await resolveCredentials(src('default', { AWS_SECRET_ACCESS_KEY: 'S' }, false), silent)).toMatchObject({ accessKeyId: 'AKIDFILE' });
  });

  it('prefers the credentials file over credential_process, and credential_process over the config file', async () => {
    // [both] has keys in the credentials file and a failing process in the config file: the process never runs.
    expect(await resolveCredentials(src('both'), silent)).toMatchObject({ accessKeyId: 'AKIDSHARED', secretAccessKey: 'SSHARED' });
    expect(await resolveCredentials(src('proc'), silent)).toEqual({ accessKeyId: 'AKIDPROC', secretAccessKey: 'SPROC', sessionToken: 'TPROC' });
    expect(await resolveCredentials(src('cfgkeys'), silent)).toEqual({ accessKeyId: 'AKIDCFG', secretAccessKey: 'SCFG', sessionToken: undefined });
  });

  it('reads the files as configparser does: keys in any case; the first token present, an empty one none', async () => {
    expect(await resolveCredentials(src('upper'), silent)).toEqual({ accessKeyId: 'AKIDUPPER', secretAccessKey: 'SUPPER', sessionToken: undefined });
    expect(await resolveCredentials(src('sectoken'), silent)).toEqual({ accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T0' });
  });

  it('never reaches the config file\'s keys (even partial ones) when the credentials file has some', async () => {
    expect(await resolveCredentials(src('shadowing'), silent)).toMatchObject({ accessKeyId: 'AKIDSHADOW' });
  });

  it('finds nothing without asking the instance metadata service when it is disabled: NoCredentials (253)', async () => {
    const loaded = await loadCredentials(src('empty'), silent);
    expect(loaded.kind).toBe('deferred');
    const err = await failure(credentialsFor(loaded));
    expect(err.render()).toBe('\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. ' +
      'You can configure credentials by running "aws login".\n');
    expect(err.rc).toBe(253);
  });
});

describe("botocore's errors", () => {
  it('partial keys in the environment, the credentials file and the config file (exit 255)', async () => {
    const env = await failure(loadCredentials(src('default', { AWS_ACCESS_KEY_ID: 'AK' }, false), silent));
    expect(env.render()).toBe('\naws: [ERROR]: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n');
    expect(env.rc).toBe(255);
    expect((await failure(loadCredentials(src('halfshared'), silent))).render())
      .toBe('\naws: [ERROR]: Partial credentials found in shared-credentials-file, missing: aws_secret_access_key\n');
    expect((await failure(loadCredentials(src('halfconfig'), silent))).render())
      .toBe('\naws: [ERROR]: Partial credentials found in config-file, missing: aws_secret_access_key\n');
  });

  it('an assume-role profile without a source, or with a source_profile that is not there (exit 255)', async () => {
    const none = await failure(loadCredentials(src('noroot'), silent));
    expect(none.render()).toBe('\naws: [ERROR]: Partial credentials found in assume-role, missing: source_profile or credential_source\n');
    expect(none.rc).toBe(255);
    const missing = await failure(loadCredentials(src('nosource'), silent));
    expect(missing.render()).toBe('\naws: [ERROR]: The source_profile "nope" referenced in the profile "nosource" does not exist.\n');
    expect(missing.rc).toBe(255);
  });

  it('a credential_process that fails is an error of its own, not NoCredentials (exit 255)', async () => {
    const err = await failure(resolveCredentials(src('fail'), silent));
    expect(err.message.startsWith('Error when retrieving credentials from custom-process: ')).toBe(true);
    expect(err.rc).toBe(255);
  });
});
