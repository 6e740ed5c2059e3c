// The built CLI against the emulator: every output format of a get, the errors of each exit code
// (252 before any request, 253, 254 from the service, a wrong secret), and the
// --generate-cli-skeleton round trip through --cli-input-json / --cli-input-yaml.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, jobsPath } from '../emulator/helpers';
import { aws, emulator, MEMBERSHIP, startBody, tempHome, trainedModelArn, type TestEmulator } from './helpers';

let e: TestEmulator;
let home: string;
let cleanup: () => void;
let arn: string;
const CHANNEL = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/ml-input-channel/ch-1`;

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  e = await emulator();
  const r = await call(e.url, 'POST', jobsPath(), {
    body: startBody('fmt', { description: 'a|b', tags: { team: 'ml', b: 'x' } }), sign: {},
  });
  arn = r.json.trainedModelInferenceJobArn as string;
});
afterAll(async () => {
  await e.close();
  cleanup();
});

const get = (...more: string[]) => aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
  '--trained-model-inference-job-arn', arn, '--endpoint-url', e.url, ...more]);
const TS = '2026-03-01T12:00:00+00:00';

describe('output formats of a get', () => {
  it('json: indent 4, members in the order the query names them', async () => {
    const r = await get('--output', 'json', '--query', '{name: name, status: status, tags: tags, resourceConfig: resourceConfig}');
    expect(r).toEqual({ rc: 0, signal: null, stderr: '',
      stdout: '{\n    "name": "fmt",\n    "status": "CREATE_PENDING",\n    "tags": {\n        "team": "ml",\n        "b": "x"\n    },\n' +
        '    "resourceConfig": {\n        "instanceType": "ml.m5.xlarge",\n        "instanceCount": 1\n    }\n}\n' });
  });

  it('text: sorted scalars on one line, then each nested structure as a named record', async () => {
    const r = await get('--output', 'text');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `${TS}\ta|b\t${MEMBERSHIP}\tfmt\tCREATE_PENDING\t${trainedModelArn()}\t${arn}\t${TS}\n` +
      `DATASOURCE\t${CHANNEL}\n` +
      'OUTPUTCONFIGURATION\ttext/csv\nMEMBERS\t123456789012\n' +
      'RESOURCECONFIG\t1\tml.m5.xlarge\n' +
      'TAGS\tx\tml\n');
  });

  it('yaml and yaml-stream: sorted keys, timestamps and digit strings quoted', async () => {
    const body = [
      `createTime: '${TS}'`, 'dataSource:', `  mlInputChannelArn: ${CHANNEL}`, 'description: a|b',
      `membershipIdentifier: ${MEMBERSHIP}`, 'name: fmt', 'outputConfiguration:', '  accept: text/csv', '  members:',
      "  - accountId: '123456789012'", 'resourceConfig:', '  instanceCount: 1', '  instanceType: ml.m5.xlarge', 'status: CREATE_PENDING',
      'tags:', '  b: x', '  team: ml', `trainedModelArn: ${trainedModelArn()}`, `trainedModelInferenceJobArn: ${arn}`, `updateTime: '${TS}'`,
    ];
    const yaml = await get('--output', 'yaml');
    expect(yaml.stdout).toBe(`${body.join('\n')}\n`);
    const stream = await get('--output', 'yaml-stream');
    expect(stream.stdout).toBe(`${body.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')}\n`);
  });

  it('table: a titled box, scalars first, then one section per nested structure in key order', async () => {
    const r = await get('--output', 'table');
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    const width = lines[0].length;
    expect(lines.every((l) => l.length === width)).toBe(true);
    expect(lines[0]).toBe('-'.repeat(width));
    expect(lines[1].replace(/ +/g, ' ')).toBe('| GetTrainedModelInferenceJob |');
    expect(lines[3]).toMatch(/^\|  createTime +\|  2026-03-01T12:00:00\+00:00 +\|$/);
    const sections = lines.filter((l) => /^\|{2,}\s+\w+\s+\|{2,}$/.test(l)).map((l) => l.replace(/[|\s]/g, ''));
    expect(sections).toEqual(['dataSource', 'outputConfiguration', 'members', 'resourceConfig', 'tags']);
    expect(lines).toContain(lines.find((l) => /^\|\|  team +\|  ml +\|\|$/.test(l)));
  });

  it('off: nothing', async () => {
    expect(await get('--output', 'off')).toEqual({ rc: 0, signal: null, stdout: '', stderr: '' });
  });
});

describe('errors', () => {
  const NO_REQUESTS_ARGS = ['cleanroomsml', 'get-trained-model-inference-job', '--endpoint-url'];

  it('refuses bad parameters (252) before any request', async () => {
    e.requests.length = 0;
    const cases: [string[], string][] = [
      [['--membership-identifier', 'short', '--trained-model-inference-job-arn', arn],
        '\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n' +
        'Invalid length for parameter membershipIdentifier, value: 5, valid min length: 36\n'],
      [['--membership-identifier', MEMBERSHIP],
        '\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --trained-model-inference-job-arn\n\n' +
        'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n' +
        '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n'],
      [['--membership-identifier', MEMBERSHIP, '--trained-model-inference-job-arn', arn, '--output', 'xml'],
        "\naws: [ERROR]: An error occurred (ParamValidation): argument --output: Found invalid choice 'xml'\n\n\n" +
        'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n' +
        '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n'],
      [['--membership-identifier', MEMBERSHIP, '--trained-model-inference-job-arn', arn, '--query', 'status['],
        '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query status[: Invalid jmespath expression: ' +
        'Incomplete expression:\n"status["\n        ^\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await aws(home, [...NO_REQUESTS_ARGS, e.url, ...args]);
      expect({ args, rc: r.rc, stdout: r.stdout, stderr: r.stderr }).toEqual({ args, rc: 252, stdout: '', stderr });
    }
    const shorthand = await aws(home, ['cleanroomsml', 'tag-resource', '--endpoint-url', e.url, '--resource-arn', arn, '--tags', 'a']);
    expect(shorthand.rc).toBe(252);
    expect(shorthand.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ParamValidation\): Error parsing parameter '--tags': /);
    expect(e.requests).toEqual([]);
  });

  it('reports missing credentials (253) before any request', async () => {
    e.requests.length = 0;
    const r = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', arn, '--endpoint-url', e.url],
    { env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
    expect(r).toMatchObject({ rc: 253, stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running "aws login".\n' });
    expect(e.requests).toEqual([]);
  });

  it('reports the service\'s errors (254)', async () => {
    const missing = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/nope-0000`;
    const r = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', missing, '--endpoint-url', e.url]);
    expect(r).toEqual({ rc: 254, signal: null, stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the GetTrainedModelInferenceJob operation: ' +
        `Trained model inference job not found: ${missing}\n` });
  });

  it('fails a request signed with the wrong secret with InvalidSignatureException (254)', async () => {
    expect((await get()).rc).toBe(0);
    const bad = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', arn, '--endpoint-url', e.url], { env: { AWS_SECRET_ACCESS_KEY: 'not-the-secret' } });
    expect(bad.rc).toBe(254);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.startsWith('\naws: [ERROR]: An error occurred (InvalidSignatureException) when calling the ' +
      'GetTrainedModelInferenceJob operation: The request signature we calculated does not match the signature you provided.')).toBe(true);
  });

  it('reports an unknown key id as UnrecognizedClientException (254)', async () => {
    const bad = await aws(home, ['cleanroomsml', 'list-tags-for-resource', '--resource-arn', arn, '--endpoint-url', e.url],
      { env: { AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN' } });
    expect(bad).toMatchObject({ rc: 254, stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (UnrecognizedClientException) when calling the ListTagsForResource operation: ' +
        'The security token included in the request is invalid.\n' });
  });
});

describe('--generate-cli-skeleton round trip', () => {
  it('generates the input skeleton, fills it, and starts a job from it with --cli-input-json file://', async () => {
    const sk = await aws(home, ['cleanroomsml', 'start-trained-model-inference-job', '--generate-cli-skeleton']);
    expect(sk.rc).toBe(0);
    const doc = JSON.parse(sk.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).slice(0, 3)).toEqual(['membershipIdentifier', 'name', 'trainedModelArn']);
    const filled: Record<string, unknown> = {
      ...doc,
      membershipIdentifier: MEMBERSHIP, name: 'from-skeleton', trainedModelArn: trainedModelArn(),
      resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: 2 },
      outputConfiguration: { accept: 'text/csv', members: [{ accountId: '123456789012' }] },
      dataSource: { mlInputChannelArn: CHANNEL },
      tags: { source: 'skeleton' },
    };
    // The placeholders left in the skeleton would not validate: drop them.
    for (const k of ['trainedModelVersionIdentifier', 'configuredModelAlgorithmAssociationArn', 'description',
      'containerExecutionParameters', 'environment', 'kmsKeyArn', 'mlModelInferencePayerAccountId']) delete filled[k];
    writeFileSync(join(home, 'job.json'), JSON.stringify(filled, null, 2));

    const start = await aws(home, ['cleanroomsml', 'start-trained-model-inference-job', '--cli-input-json', 'file://job.json',
      '--endpoint-url', e.url, '--query', 'trainedModelInferenceJobArn', '--output', 'text']);
    expect(start.stderr).toBe('');
    const newArn = start.stdout.trim();
    const g = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', newArn, '--endpoint-url', e.url, '--query', '[name, resourceConfig.instanceCount, tags.source]',
      '--output', 'text']);
    expect(g.stdout).toBe('from-skeleton\t2\tskeleton\n');
  });

  it('does the same with the YAML skeleton, the command line overriding the document', async () => {
    const sk = await aws(home, ['cleanroomsml', 'start-trained-model-inference-job', '--generate-cli-skeleton', 'yaml-input']);
    expect(sk.rc).toBe(0);
    expect(sk.stdout).toMatch(/^membershipIdentifier: '' +# \[REQUIRED\]/);
    const yaml = [
      `membershipIdentifier: ${MEMBERSHIP}`, 'name: from-yaml', `trainedModelArn: ${trainedModelArn()}`,
      'resourceConfig:', '  instanceType: ml.m5.xlarge', 'outputConfiguration:', '  members:', "  - accountId: '123456789012'",
      'dataSource:', `  mlInputChannelArn: ${CHANNEL}`, '',
    ].join('\n');
    writeFileSync(join(home, 'job.yaml'), yaml);
    const start = await aws(home, ['cleanroomsml', 'start-trained-model-inference-job', '--cli-input-yaml', 'file://job.yaml',
      '--name', 'overridden', '--endpoint-url', e.url, '--query', 'trainedModelInferenceJobArn', '--output', 'text']);
    expect(start.stderr).toBe('');
    const g = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', start.stdout.trim(), '--endpoint-url', e.url, '--query', 'name', '--output', 'text']);
    expect(g.stdout).toBe('overridden\n');
  });

  it('answers --generate-cli-skeleton output without a request', async () => {
    e.requests.length = 0;
    const r = await get('--generate-cli-skeleton', 'output', '--query', '[name, status, resourceConfig.instanceCount]', '--output', 'text');
    expect(r).toEqual({ rc: 0, signal: null, stdout: 'name\tstatus\t0\n', stderr: '' });
    expect(e.requests).toEqual([]);
  });
});
