// Secrets never reach the terminal: with a distinctive secret key and session token in the
// environment (and a distinctive secret in the credentials file), no command (success, service
// error, --debug, no credentials, bad parameters) prints either on stdout or stderr.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, emulator, MEMBERSHIP, startArgs, tempHome, type CliResult, type TestEmulator } from './helpers';

const KEY_ID = 'AKIDSECRETSTEST';
const SECRET = 'S3cr3t+Distinctive/Env+Value0123456789abcXYZ';
const TOKEN = 'T0ken/Distinctive+Session=Value9876543210zyx';
const FILE_SECRET = 'F1le+Distinctive/Secret+Value1357924680qrsT';
const PROC_SECRET = 'Pr0c+Distinctive/Secret+Value2468013579mnoP';
const ROLE_SECRET = 'R0le+Distinctive/Secret+Value1122334455abcD';
const ROLE_TOKEN = 'R0le+Distinctive/Token+Value5544332211dcbA';

/** A stand-in for STS: every AssumeRole answers the role's distinctive keys. */
let sts: Server;
let stsUrl: string;

let e: TestEmulator;
let home: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), `[filecreds]\naws_access_key_id = AKIDFILECREDS\naws_secret_access_key = ${FILE_SECRET}\n`);
  const proc = join(home, 'proc.sh');
  writeFileSync(proc, `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "${PROC_SECRET}"}'\n`);
  chmodSync(proc, 0o755);
  writeFileSync(join(home, '.aws', 'config'), `[profile proc]\ncredential_process = ${proc}\n` +
    '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = filecreds\n');
  sts = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(`<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>${ROLE_SECRET}` +
        `</SecretAccessKey><SessionToken>${ROLE_TOKEN}</SessionToken></Credentials></AssumeRoleResult></AssumeRoleResponse>`);
    });
  });
  await new Promise<void>((r) => sts.listen(0, '127.0.0.1', r));
  stsUrl = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
  e = await emulator({
    credentials: [{ accessKeyId: KEY_ID, secretAccessKey: SECRET }, { accessKeyId: 'AKIDFILECREDS', secretAccessKey: FILE_SECRET }],
  });
});
afterAll(async () => {
  await e.close();
  await new Promise<void>((r) => { sts.closeAllConnections(); sts.close(() => r()); });
  cleanup();
});

const ENV = { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN };
const run = (args: string[], env: Record<string, string | undefined> = {}) => aws(home, [...args, '--endpoint-url', e.url], { env: { ...ENV, ...env } });

/** Neither the secrets nor any long piece of them appear in the output. */
function expectNoSecrets(r: CliResult): void {
  for (const s of [SECRET, TOKEN, FILE_SECRET, PROC_SECRET, ROLE_SECRET, ROLE_TOKEN]) {
    for (const text of [r.stdout, r.stderr]) {
      expect(text.includes(s)).toBe(false);
      // Halves too: a secret cut at a line end or partly escaped is still a leak.
      expect(text.includes(s.slice(0, 20))).toBe(false);
      expect(text.includes(s.slice(-20))).toBe(false);
    }
  }
}

describe('no secret in any output', () => {
  let arn: string;

  it('on success, with and without --debug', async () => {
    const start = await run(startArgs('secret-job'));
    expect(start.rc).toBe(0);
    expectNoSecrets(start);
    arn = JSON.parse(start.stdout).trainedModelInferenceJobArn as string;
    const get = ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP, '--trained-model-inference-job-arn', arn];
    const plain = await run(get);
    expect(plain.rc).toBe(0);
    expectNoSecrets(plain);
    const debug = await run([...get, '--debug']);
    expect(debug.rc).toBe(0);
    // The debug log does show the request, with the signature and the token hidden.
    expect(debug.stderr).toContain('x-amz-security-token');
    expect(debug.stderr).toContain(KEY_ID);
    expectNoSecrets(debug);
  });

  it('on a service error, with and without --debug', async () => {
    const missing = ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/none`];
    const r = await run(missing);
    expect(r.rc).toBe(254);
    expectNoSecrets(r);
    const d = await run([...missing, '--debug']);
    expect(d.rc).toBe(254);
    expectNoSecrets(d);
  });

  it('without credentials (the secret and token still in the environment), with and without --debug', async () => {
    const args = ['cleanroomsml', 'list-tags-for-resource', '--resource-arn', 'arn:aws:cleanrooms-ml:us-east-1:123456789012:x/y/z'];
    const r = await run(args, { AWS_ACCESS_KEY_ID: undefined });
    expect(r.rc).toBe(253);
    expectNoSecrets(r);
    const d = await run([...args, '--debug'], { AWS_ACCESS_KEY_ID: undefined });
    expect(d.rc).toBe(253);
    expectNoSecrets(d);
    const partial = await run([...args, '--debug'], { AWS_SECRET_ACCESS_KEY: undefined });
    expect(partial.rc).toBe(255);
    expectNoSecrets(partial);
  });

  it('on bad parameters, with and without --debug', async () => {
    const args = ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', 'short', '--trained-model-inference-job-arn', 'x'];
    const r = await run(args);
    expect(r.rc).toBe(252);
    expectNoSecrets(r);
    const d = await run([...args, '--debug']);
    expect(d.rc).toBe(252);
    expectNoSecrets(d);
    const parse = await run(['cleanroomsml', 'tag-resource', '--resource-arn', 'arn:x', '--tags', '{bad json', '--debug']);
    expect(parse.rc).toBe(252);
    expectNoSecrets(parse);
  });

  it('with credentials from the credentials file through the SDK chain, under --debug', async () => {
    const r = await run(['cleanroomsml', 'list-tags-for-resource', '--resource-arn', arn, '--profile', 'filecreds', '--debug']);
    expect(r.rc).toBe(0);
    expect(r.stdout).toBe('{\n    "tags": {}\n}\n');
    expectNoSecrets(r);
  });

  it('with credentials from credential_process and from an assumed role, under --debug', async () => {
    const tags = ['cleanroomsml', 'list-tags-for-resource', '--resource-arn', arn, '--debug'];
    const proc = await run([...tags, '--profile', 'proc']);
    // The emulator does not know these keys: the point is what the log shows on the way.
    expect(proc.stderr).toContain('Credential=AKIDPROC/');
    expectNoSecrets(proc);
    const role = await run([...tags, '--profile', 'role'], { AWS_ENDPOINT_URL_STS: stsUrl });
    // The SDK's chain makes the STS call (to AWS_ENDPOINT_URL_STS) and signs with the role's keys.
    expect(role.stderr).toContain('Credential=ASIAROLE/');
    expectNoSecrets(role);
  });
});

describe('the end-to-end helper', () => {
  it('fails a run whose output shows the secret of its environment (every e2e run is checked)', async () => {
    // A secret the user also typed as a parameter: the error echoes it, and the helper says so.
    await expect(aws(home, ['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
      '--max-results', SECRET, '--endpoint-url', e.url], { env: ENV }))
      .rejects.toThrow('shows a secret from its environment');
  });
});
