import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../src/commands/globals';
import { autocomplete, availableProfiles, fuzzyFilter, parseCommandLine } from '../../src/completer/engine';
import { completionLines } from '../../src/completer/main';
import { getShape, operationsByCliName } from '../../src/model';

const names = (line: string, env: Record<string, string | undefined> = {}, cwd?: string) =>
  autocomplete(line, line.length, { env, cwd }).map((c) => c.name);
const globals = GLOBAL_OPTIONS.map((g) => g.name);
const instanceTypes = getShape('InferenceInstanceType').enum!;

describe('the parser (the AWS CLI autocomplete parser)', () => {
  it('splits a partial line into lineage, command, option and fragment', () => {
    expect(parseCommandLine('aws --debug cleanroomsml get-trained-model --membership-identifier m-1 --trained-model-arn ')).toEqual({
      currentCommand: 'get-trained-model', currentParam: 'trained-model-arn',
      globalParams: new Map([['debug', null]]),
      parsedParams: new Map([['membership-identifier', 'm-1'], ['trained-model-arn', '']]),
      lineage: ['aws', 'cleanroomsml'], currentFragment: '', unparsedItems: [],
    });
    expect(parseCommandLine('aws cleanroomsml start-')).toMatchObject({ currentCommand: 'cleanroomsml', lineage: ['aws'], currentFragment: 'start-' });
    const unknown = parseCommandLine('aws s3 ls --rec');
    expect(unknown.unparsedItems).toEqual(['s3', 'ls', '--rec']);
    expect(unknown.currentFragment).toBeUndefined();
    expect(parseCommandLine('aws cleanroomsml list-tags-for-resource --resource-arn a --bogus --x')).toMatchObject({ unparsedItems: ['--bogus'], currentFragment: '--x' });
  });

  it('reads only up to the cursor', () => {
    expect(parseCommandLine('aws cleanroomsml get-trained-model', 20)).toMatchObject({ currentCommand: 'cleanroomsml', currentFragment: 'get' });
  });
});

describe('completion candidates for partial lines', () => {
  const ops = [...operationsByCliName().keys()];
  const startOptions = [
    '--membership-identifier', '--name', '--trained-model-arn', '--trained-model-version-identifier',
    '--configured-model-algorithm-association-arn', '--resource-config', '--output-configuration', '--data-source',
    '--description', '--container-execution-parameters', '--environment', '--kms-key-arn', '--tags',
    '--ml-model-inference-payer-account-id', '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton',
  ];
  const table: [string, string[]][] = [
    ['aws ', ['cleanroomsml']],
    ['aws cl', ['cleanroomsml']],
    ['aws x', []],
    ['aws --', globals],
    ['aws --reg', ['--region']],
    ['aws --no-', ['--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--no-cli-auto-prompt']],
    ['aws --debug ', ['cleanroomsml']],
    ['aws cleanroomsml ', ops],
    ['aws cleanroomsml start-', ops.filter((o) => o.startsWith('start-'))],
    ['aws cleanroomsml start-trained-model-inf', ['start-trained-model-inference-job']],
    ['aws cleanroomsml list-trained-model-', ['list-trained-model-inference-jobs', 'list-trained-model-versions']],
    ['aws cleanroomsml start-trained-model-inference-job ', [...startOptions, ...globals]],
    ['aws cleanroomsml start-trained-model-inference-job --', [...startOptions, ...globals]],
    ['aws cleanroomsml start-trained-model-inference-job --na', ['--name']],
    ['aws cleanroomsml start-trained-model-inference-job --name job --na', []],
    ['aws cleanroomsml start-trained-model-inference-job --name job --output json --', [...startOptions.filter((o) => o !== '--name'), ...globals.filter((o) => o !== '--output')]],
    ['aws cleanroomsml list-trained-models --', ['--membership-identifier', '--cli-input-json', '--cli-input-yaml', '--starting-token', '--page-size', '--max-items', '--generate-cli-skeleton', ...globals]],
    ['aws cleanroomsml list-trained-models --max-r', []],
    ['aws --output ', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off']],
    ['aws --output t', ['text', 'table']],
    ['aws cleanroomsml list-trained-models --color ', ['on', 'off', 'auto']],
    ['aws cleanroomsml get-trained-model --cli-binary-format r', ['raw-in-base64-out']],
    ['aws cleanroomsml get-trained-model --cli-error-format e', ['enhanced']],
    ['aws cleanroomsml get-trained-model --generate-cli-skeleton y', ['yaml-input']],
    ['aws cleanroomsml list-trained-models --membership-identifier ', []],
    ['aws cleanroomsml start-trained-model-inference-job --resource-config ', ['instanceType=', 'instanceCount=']],
    ['aws cleanroomsml start-trained-model-inference-job --resource-config instanceType=ml.c7i.4',
      ['instanceType=ml.c7i.48xlarge', 'instanceType=ml.c7i.4xlarge']],
    ['aws cleanroomsml start-trained-model-inference-job --resource-config instanceType=ml.m5.large,inst', ['instanceType=ml.m5.large,instanceCount=']],
    ['aws cleanroomsml start-trained-model-inference-job --resource-config instanceType=', instanceTypes.map((t) => `instanceType=${t}`)],
    ['aws cleanroomsml start-trained-model-inference-job --output-configuration ', ['accept=', 'members=[']],
    ['aws cleanroomsml list-trained-model-inference-jobs --membership-identifier m --query tra', ['trainedModelInferenceJobs']],
    ['aws cleanroomsml untag-resource --resource-arn a --tag-keys k1 ', []],
    ['aws s3 ls ', []],
  ];
  it.each(table)('%s', (line, expected) => {
    expect(names(line)).toEqual(expected);
  });

  it('completes at COMP_POINT, not at the end of the line', () => {
    const line = 'aws cleanroomsml start-trained-model-inf --name x';
    expect(autocomplete(line, 'aws cleanroomsml start-trained-model-inf'.length).map((c) => c.name)).toEqual(['start-trained-model-inference-job']);
  });

  it('enum values of list members and booleans inside structures', () => {
    const status = getShape('TrainedModelInferenceJobStatus').enum!;
    expect(names('aws cleanroomsml list-trained-model-versions --membership-identifier m --trained-model-arn a --status ')).toEqual(
      getShape('TrainedModelStatus').enum!);
    expect(status.length).toBeGreaterThan(3);
  });

  it('marks required options and their types', () => {
    const r = autocomplete('aws cleanroomsml get-trained-model --');
    expect(r.slice(0, 3)).toEqual([
      { name: '--trained-model-arn', required: true, type: 'string', kind: 'option' },
      { name: '--membership-identifier', required: true, type: 'string', kind: 'option' },
      { name: '--version-identifier', required: false, type: 'string', kind: 'option' },
    ]);
  });
});

describe('file paths after file:// and fileb://', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aws-completer-'));
  mkdirSync(join(dir, 'inputs'));
  writeFileSync(join(dir, 'inputs', 'start.json'), '{}');
  writeFileSync(join(dir, 'inputs', 'stop.json'), '{}');
  writeFileSync(join(dir, 'input.yaml'), '');
  const opt = 'aws cleanroomsml start-trained-model-inference-job --cli-input-json ';

  it('lists the directory of the typed path, directories with a slash', () => {
    expect(names(`${opt}file://inp`, {}, dir)).toEqual(['file://input.yaml', 'file://inputs/']);
    expect(names(`${opt}file://inputs/st`, {}, dir)).toEqual(['file://inputs/start.json', 'file://inputs/stop.json']);
    expect(names(`${opt}fileb://inputs/sto`, {}, dir)).toEqual(['fileb://inputs/stop.json']);
    expect(names(`${opt}file://${dir}/inputs/sta`)).toEqual([`file://${dir}/inputs/start.json`]);
    expect(names(`${opt}file://~`)).toEqual(['file://~/']);
    expect(names(`${opt}file://~/inputs/s`, { HOME: dir })).toEqual(['file://~/inputs/start.json', 'file://~/inputs/stop.json']);
  });

  it('cuts candidates where bash breaks the word (at the colon)', () => {
    const line = `${opt}file://inputs/sta`;
    expect(completionLines(line, line.length, '//inputs/sta', {}, dir)).toEqual(['//inputs/start.json']);
    expect(completionLines(line, line.length, 'file://inputs/sta', {}, dir)).toEqual(['file://inputs/start.json']);
    expect(completionLines('aws --out', 9, '--out')).toEqual(['--output']);
  });
});

describe('profiles after --profile', () => {
  it('come from the config file, then the credentials file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-profiles-'));
    writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n[profile dev]\nregion=x\n[sso-session s]\n[profile prod]\n');
    writeFileSync(join(dir, 'credentials'), '[dev]\naws_access_key_id=a\n[ci]\n');
    const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    expect(availableProfiles(env)).toEqual(['default', 'dev', 'prod', 'ci']);
    expect(names('aws --profile ', env)).toEqual(['default', 'dev', 'prod', 'ci']);
    expect(names('aws cleanroomsml list-audience-models --profile d', env)).toEqual(['default', 'dev']);
  });
});

describe('the prompt filter', () => {
  it('matches letters in order, closest and shortest first (fuzzy_filter)', () => {
    const items = ['list-trained-models', 'start-trained-model-inference-job', 'get-trained-model', 'list-training-datasets']
      .map((name) => ({ name, kind: 'command' as const }));
    expect(fuzzyFilter('ltm', items).map((c) => c.name)).toEqual(['list-trained-models']);
    expect(fuzzyFilter('ltd', items).map((c) => c.name)).toEqual(['list-trained-models', 'list-training-datasets']);
    expect(fuzzyFilter('trained-model', items).map((c) => c.name)).toEqual(['get-trained-model', 'list-trained-models', 'start-trained-model-inference-job']);
    expect(fuzzyFilter('', items)).toBe(items);
  });
});

const completer = join(__dirname, '..', '..', 'bin', 'aws_completer');
// (dist/ is built by npm test, and by the tests' global setup when missing or stale: no skipping.)
describe('bin/aws_completer', () => {
  const runCompleter = (line: string, point = line.length, args: string[] = []) =>
    spawnSync(process.execPath, [completer, ...args], { env: { ...process.env, COMP_LINE: line, COMP_POINT: String(point) }, encoding: 'utf8' });

  it('prints the candidates one a line', () => {
    const r = runCompleter('aws cleanroomsml start-trained-model-inference-job --resource-config instanceType=ml.g5.1');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('instanceType=ml.g5.12xlarge\ninstanceType=ml.g5.16xlarge\n');
    expect(runCompleter('aws --output j', 14, ['aws', 'j', '--output']).stdout).toBe('json\n');
    expect(runCompleter('aws nothing-here').stdout).toBe('');
  });

  it('loads nothing heavy: no SDK, YAML, query, table or help bundle', () => {
    // The start-up time itself is measured by `npm run bench`; here, what the completer loads.
    const probe = `process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));` +
      `require(${JSON.stringify(completer)});`;
    const r = spawnSync(process.execPath, ['-e', probe], {
      env: { ...process.env, COMP_LINE: 'aws cleanroomsml start-trained-model-inference-job --', COMP_POINT: '53' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--name\n');
    const loaded = (JSON.parse(r.stderr) as string[]).map((f) => f.split('/').pop());
    expect(loaded.filter((f) => /^lazy-|node_modules/.test(f ?? ''))).toEqual([]);
  });
});
