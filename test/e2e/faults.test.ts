// The built CLI against a scripted service (the conformance mock's faults, in-process): every
// --cli-error-format and its sources, the retry rules and their limits, network failures, and the
// order in which botocore reports configuration problems (profile, region, credentials, retry
// settings, endpoint, parameters, missing credentials). Exact bytes, as the AWS CLI writes them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, tempHome } from './helpers';

const M = '11111111-1111-4111-8111-111111111111';
const arnOf = (key: string) => `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/${key}`;
const QUOTA = 'Simulated ServiceQuotaExceededException for testing';

let server: Server;
let url: string;
let home: string;
let cleanup: () => void;
const hits = new Map<string, number>();

/** Answers as the conformance mock does for the fault named by the ARN's last segment. */
function fault(key: string, res: import('node:http').ServerResponse): void {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const errorType = (code: string) => ({ 'x-amzn-ErrorType': `${code}:http://internal.amazon.com/coral/com.amazonaws.cleanroomsml/` });
  let m: RegExpExecArray | null;
  if (key === 'force-closed') { res.socket?.destroy(); return; }
  if ((m = /^force-empty-body-(\d+)$/.exec(key))) { res.writeHead(Number(m[1])); res.end(); return; }
  if ((m = /^force-nomsg-([A-Za-z]+)-(\d+)$/.exec(key))) { json(Number(m[2]), {}, { 'x-amzn-ErrorType': m[1] }); return; }
  if ((m = /^force-flaky-(\d+)-(\w+)$/.exec(key))) {
    const n = (hits.get(key) ?? 0) + 1;
    hits.set(key, n);
    if (n <= Number(m[1])) { json(503, { message: 'Simulated ServiceUnavailableException for testing' }, errorType('ServiceUnavailableException')); return; }
    json(200, { name: 'job-0', status: 'ACTIVE' });
    return;
  }
  if ((m = /^force-([A-Za-z]+)-(\d+)$/.exec(key))) {
    const extra = m[1] === 'ServiceQuotaExceededException' ? { quotaName: 'Inference jobs', quotaValue: 5.0 } : {};
    json(Number(m[2]), { message: `Simulated ${m[1]} for testing`, ...extra }, errorType(m[1]));
    return;
  }
  json(200, { name: 'job-0', status: 'ACTIVE' });
}

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const last = decodeURIComponent(req.url!.split('?')[0].split('/').pop()!).split('/').pop()!;
      hits.set('*', (hits.get('*') ?? 0) + 1);
      fault(last, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(join(home, '.aws'));
  const fail = join(home, 'fail.sh');
  writeFileSync(fail, '#!/bin/sh\necho "session expired" >&2\nexit 1\n');
  chmodSync(fail, 0o755);
  writeFileSync(join(home, '.aws', 'config'), [
    '[profile yamlerrors]', 'cli_error_format = yaml',
    '[profile badts]', 'cli_timestamp_format = none',
    '[profile halfkeys]', 'aws_access_key_id = AKIDHALF',
    '[profile proc]', `credential_process = ${fail}`,
    '[profile legacyretry]', 'retry_mode = legacy',
    '',
  ].join('\n'));
});
afterAll(async () => {
  await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  cleanup();
});

/** `aws cleanroomsml get-trained-model-inference-job` for the fault `key`, counting the requests. */
async function get(key: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const before = hits.get('*') ?? 0;
  const r = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--endpoint-url', url,
    '--membership-identifier', M, '--trained-model-inference-job-arn', arnOf(key), ...args], { env });
  return { ...r, requests: (hits.get('*') ?? 0) - before };
}

const quotaLine = '\naws: [ERROR]: An error occurred (ServiceQuotaExceededException) when calling the ' +
  `GetTrainedModelInferenceJob operation: ${QUOTA}\n`;

describe('--cli-error-format, AWS_CLI_ERROR_FORMAT and cli_error_format', () => {
  it('enhanced by default: the modeled fields after "Additional error details:"', async () => {
    const r = await get('force-ServiceQuotaExceededException-402');
    expect(r).toMatchObject({ rc: 254, stdout: '', stderr: `${quotaLine}\nAdditional error details:\nquotaName: Inference jobs\nquotaValue: 5.0\n` });
  });

  it('table, titled `error`, on stderr', async () => {
    const r = await get('force-AccessDeniedException-403', ['--cli-error-format', 'table']);
    expect(r.rc).toBe(254);
    // The bytes awscli.formatter.TableFormatter writes for ('error', {Code, Message, message}).
    expect(r.stderr).toBe([
      '------------------------------------------------------------',
      '|                           error                          |',
      '+---------+------------------------------------------------+',
      '|  Code   |  AccessDeniedException                         |',
      '|  Message|  Simulated AccessDeniedException for testing   |',
      '|  message|  Simulated AccessDeniedException for testing   |',
      '+---------+------------------------------------------------+',
      '',
    ].join('\n'));
  });

  it('json without --query: the AWS CLI applies no query to the error document', async () => {
    const r = await get('force-ServiceQuotaExceededException-402', ['--cli-error-format', 'json', '--query', '[Code, quotaValue]']);
    expect(r).toMatchObject({ rc: 254, stdout: '', stderr: `{\n    "Message": "${QUOTA}",\n    "Code": "ServiceQuotaExceededException",\n` +
      `    "message": "${QUOTA}",\n    "quotaName": "Inference jobs",\n    "quotaValue": 5.0\n}\n` });
  });

  it('the environment value in any case; the profile value when neither the option nor the environment names one', async () => {
    const env = await get('force-ServiceQuotaExceededException-402', [], { AWS_CLI_ERROR_FORMAT: 'TEXT' });
    expect(env.stderr).toBe(`ServiceQuotaExceededException\t${QUOTA}\t${QUOTA}\tInference jobs\t5.0\n`);
    const profile = await get('force-AccessDeniedException-403', [], { AWS_PROFILE: 'yamlerrors' });
    expect(profile.stderr).toBe('Code: AccessDeniedException\nMessage: Simulated AccessDeniedException for testing\n' +
      'message: Simulated AccessDeniedException for testing\n');
    const over = await get('force-ServiceQuotaExceededException-402', [], { AWS_PROFILE: 'yamlerrors', AWS_CLI_ERROR_FORMAT: 'legacy' });
    expect(over.stderr).toBe(quotaLine);
    const unknown = await get('force-ServiceQuotaExceededException-402', [], { AWS_CLI_ERROR_FORMAT: 'xml' });
    expect(unknown.stderr).toBe(`${quotaLine}\nAdditional error details:\nquotaName: Inference jobs\nquotaValue: 5.0\n`);
  });

  it('the configuration errors too: NoRegion and ParamValidation as json, NoCredentials bare in legacy', async () => {
    const region = await get('job', ['--cli-error-format', 'json'], { AWS_DEFAULT_REGION: undefined });
    expect(region).toMatchObject({ rc: 253, requests: 0, stderr: '{\n    "Code": "NoRegion",\n' +
      '    "Message": "You must specify a region. You can also configure your region by running \\"aws configure\\"."\n}\n' });
    const params = await aws(home, ['cleanroomsml', 'list-trained-model-inference-jobs', '--endpoint-url', url, '--membership-identifier', M,
      '--page-size', '0', '--cli-error-format', 'json']);
    expect(params).toMatchObject({ rc: 252, stdout: '', stderr: '{\n    "Code": "ParamValidation",\n' +
      '    "Message": "Parameter validation failed:\\nInvalid value for parameter maxResults, value: 0, valid min value: 1"\n}\n' });
    const creds = await get('job', ['--cli-error-format', 'legacy'], { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(creds).toMatchObject({ rc: 253, requests: 0, stderr: '\naws: [ERROR]: Unable to locate credentials. You can configure credentials by running "aws login".\n' });
  });
});

describe('service error texts', () => {
  it('strips the message: an empty one leaves "operation:" with no trailing space', async () => {
    const empty = await get('force-empty-body-400');
    expect(empty).toMatchObject({ rc: 254, requests: 1,
      stderr: '\naws: [ERROR]: An error occurred (400) when calling the GetTrainedModelInferenceJob operation:\n' });
    const nomsg = await get('force-nomsg-ValidationException-400');
    expect(nomsg.stderr).toBe('\naws: [ERROR]: An error occurred (ValidationException) when calling the GetTrainedModelInferenceJob operation:\n');
  });
});

describe('retries', () => {
  it('says "(reached max retries: 0)" for any error when AWS_MAX_ATTEMPTS is 1', async () => {
    const r = await get('force-AccessDeniedException-403', [], { AWS_MAX_ATTEMPTS: '1' });
    expect(r).toMatchObject({ rc: 254, requests: 1, stderr: '\naws: [ERROR]: An error occurred (AccessDeniedException) when calling the ' +
      'GetTrainedModelInferenceJob operation (reached max retries: 0): Simulated AccessDeniedException for testing\n' });
  });

  it('retries a 503 until it succeeds, within the attempts', async () => {
    const r = await get('force-flaky-2-e2e', ['--query', 'name', '--output', 'text']);
    expect(r).toMatchObject({ rc: 0, requests: 3, stdout: 'job-0\n', stderr: '' });
  });

  it('refuses max_attempts below one and a mode other than standard or adaptive (exit 255, no request)', async () => {
    const zero = await get('job', [], { AWS_MAX_ATTEMPTS: '0' });
    expect(zero).toMatchObject({ rc: 255, requests: 0,
      stderr: '\naws: [ERROR]: Value provided to "max_attempts": 0 must be an integer greater than or equal to one.\n' });
    const legacy = await get('job', ['--profile', 'legacyretry'], { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' });
    expect(legacy).toMatchObject({ rc: 255, requests: 0,
      stderr: '\naws: [ERROR]: Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"\n' });
  });

  it('reports a connection closed without an answer, after retrying it', async () => {
    const r = await get('force-closed');
    expect(r.rc).toBe(255);
    expect(r.requests).toBe(3);
    expect(r.stderr).toBe('\naws: [ERROR]: Connection was closed before we received a valid response from endpoint URL: ' +
      `"${url}/memberships/${M}/trained-model-inference-jobs/${encodeURIComponent(arnOf('force-closed'))}".\n`);
  });
});

describe('configuration, in the order botocore checks it', () => {
  it('a named profile must exist, `default` included; an empty --profile and --region are ignored', async () => {
    const bare = tempHome();
    try {
      const r = await aws(bare.home, ['cleanroomsml', 'get-trained-model-inference-job', '--endpoint-url', url, '--membership-identifier', M,
        '--trained-model-inference-job-arn', arnOf('job'), '--profile', 'default']);
      expect(r).toMatchObject({ rc: 255, stderr: '\naws: [ERROR]: The config profile (default) could not be found\n' });
    } finally {
      bare.cleanup();
    }
    const empty = await get('job', ['--profile', '', '--region', '', '--query', 'name']);
    expect(empty).toMatchObject({ rc: 0, stdout: '"job-0"\n' });
  });

  it('an empty region is a region: the endpoint rules then make a host with an empty label (Invalid endpoint, 255)', async () => {
    for (const [args, env] of [[['--region', ''], {}], [[], { AWS_DEFAULT_REGION: '' }]] as const) {
      const r = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', M,
        '--trained-model-inference-job-arn', arnOf('job'), ...args], { env });
      expect(r).toMatchObject({ rc: 255, stdout: '', stderr: '\naws: [ERROR]: Invalid endpoint: https://cleanrooms-ml..amazonaws.com\n' });
    }
  });

  it('an unknown cli_timestamp_format is a Configuration error (253)', async () => {
    const r = await get('job', ['--profile', 'badts'], { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' });
    expect(r).toMatchObject({ rc: 253, requests: 0,
      stderr: '\naws: [ERROR]: An error occurred (Configuration): Unknown cli_timestamp_format value: none, valid values are "wire" or "iso8601"\n' });
  });

  it('partial keys and a failing credential_process come before the missing region and the parameters', async () => {
    const partial = await get('job', [], { AWS_SECRET_ACCESS_KEY: undefined, AWS_DEFAULT_REGION: undefined });
    expect(partial).toMatchObject({ rc: 255, stderr: '\naws: [ERROR]: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n' });
    const file = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--endpoint-url', url, '--membership-identifier', M,
      '--trained-model-inference-job-arn', 'short', '--profile', 'halfkeys']);
    expect(file).toMatchObject({ rc: 255, stderr: '\naws: [ERROR]: Partial credentials found in config-file, missing: aws_secret_access_key\n' });
    const proc = await get('job', ['--profile', 'proc']);
    expect(proc).toMatchObject({ rc: 255, requests: 0 });
    expect(proc.stderr.startsWith('\naws: [ERROR]: Error when retrieving credentials from custom-process: ')).toBe(true);
  });

  it('the retry settings before the parameters; the parameters before missing credentials', async () => {
    const list = (env: Record<string, string | undefined>) => aws(home, ['cleanroomsml', 'list-trained-model-inference-jobs',
      '--endpoint-url', url, '--membership-identifier', M, '--page-size', '0'], { env });
    expect((await list({ AWS_RETRY_MODE: 'legacy' })).rc).toBe(255);
    const params = await list({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(params.rc).toBe(252);
    expect(params.stderr).toBe('\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n' +
      'Invalid value for parameter maxResults, value: 0, valid min value: 1\n');
  });
});
