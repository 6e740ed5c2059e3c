// The inference job lifecycle of issue 5, end to end: the built CLI against the emulator (signatures
// verified), the job's status driven by the emulator's fake clock instead of real waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, emulator, MEMBERSHIP, startArgs, tempHome, trainedModelArn, type TestEmulator } from './helpers';

let e: TestEmulator;
let home: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  e = await emulator();
});
afterAll(async () => {
  await e.close();
  cleanup();
});

const EP = () => ['--endpoint-url', e.url];
const ARN_RE = new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/[0-9a-f-]{36}$`);

describe('start, then get', () => {
  it('starts a job and reads every field back in the service\'s order', async () => {
    const start = await aws(home, [...startArgs('nightly'), '--description', 'scoring run', '--tags', 'team=ml', ...EP()]);
    expect(start.stderr).toBe('');
    expect(start.rc).toBe(0);
    const arn = JSON.parse(start.stdout).trainedModelInferenceJobArn as string;
    expect(arn).toMatch(ARN_RE);
    expect(start.stdout).toBe(`{\n    "trainedModelInferenceJobArn": "${arn}"\n}\n`);

    const get = await aws(home, ['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', arn, ...EP()]);
    expect(get).toEqual({
      rc: 0, signal: null, stderr: '',
      stdout: '{\n' +
        '    "createTime": "2026-03-01T12:00:00+00:00",\n' +
        '    "updateTime": "2026-03-01T12:00:00+00:00",\n' +
        `    "trainedModelInferenceJobArn": "${arn}",\n` +
        '    "name": "nightly",\n' +
        '    "status": "CREATE_PENDING",\n' +
        `    "trainedModelArn": "${trainedModelArn()}",\n` +
        '    "resourceConfig": {\n        "instanceType": "ml.m5.xlarge",\n        "instanceCount": 1\n    },\n' +
        '    "outputConfiguration": {\n        "accept": "text/csv",\n        "members": [\n            {\n' +
        '                "accountId": "123456789012"\n            }\n        ]\n    },\n' +
        `    "membershipIdentifier": "${MEMBERSHIP}",\n` +
        `    "dataSource": {\n        "mlInputChannelArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/ml-input-channel/ch-1"\n    },\n` +
        '    "description": "scoring run",\n' +
        '    "tags": {\n        "team": "ml"\n    }\n' +
        '}\n',
    });
  });
});

describe('the lifecycle script', () => {
  it('starts, polls until ACTIVE, lists, tags, untags and cancels a job', async () => {
    const get = (arn: string, ...more: string[]) => aws(home, ['cleanroomsml', 'get-trained-model-inference-job',
      '--membership-identifier', MEMBERSHIP, '--trained-model-inference-job-arn', arn, ...EP(), ...more]);

    const start = await aws(home, [...startArgs('lifecycle'), '--query', 'trainedModelInferenceJobArn', '--output', 'text', ...EP()]);
    expect(start.rc).toBe(0);
    const arn = start.stdout.trim();
    expect(start.stdout).toBe(`${arn}\n`);
    expect(arn).toMatch(ARN_RE);

    // Poll the status; between polls, time passes on the emulator's clock (1 s each).
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await get(arn, '--query', 'status', '--output', 'text');
      expect(r.rc).toBe(0);
      expect(r.stderr).toBe('');
      seen.push(r.stdout);
      if (r.stdout === 'ACTIVE\n') break;
      e.clock.advance(1000);
    }
    expect(seen).toEqual(['CREATE_PENDING\n', 'CREATE_IN_PROGRESS\n', 'CREATE_IN_PROGRESS\n', 'ACTIVE\n']);

    const list = await aws(home, ['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP,
      '--query', `trainedModelInferenceJobs[?trainedModelInferenceJobArn=='${arn}'].[name, status]`, '--output', 'text', ...EP()]);
    expect(list).toMatchObject({ rc: 0, stdout: 'lifecycle\tACTIVE\n', stderr: '' });

    const tag = await aws(home, ['cleanroomsml', 'tag-resource', '--resource-arn', arn, '--tags', 'team=ml,env=dev', ...EP()]);
    expect(tag).toMatchObject({ rc: 0, stdout: '', stderr: '' });
    const tags1 = await aws(home, ['cleanroomsml', 'list-tags-for-resource', '--resource-arn', arn, ...EP()]);
    expect(tags1).toMatchObject({ rc: 0, stdout: '{\n    "tags": {\n        "team": "ml",\n        "env": "dev"\n    }\n}\n', stderr: '' });

    const untag = await aws(home, ['cleanroomsml', 'untag-resource', '--resource-arn', arn, '--tag-keys', 'team', ...EP()]);
    expect(untag).toMatchObject({ rc: 0, stdout: '', stderr: '' });
    const tags2 = await aws(home, ['cleanroomsml', 'list-tags-for-resource', '--resource-arn', arn, '--output', 'text', ...EP()]);
    expect(tags2).toMatchObject({ rc: 0, stdout: 'TAGS\tdev\n', stderr: '' });

    e.clock.advance(5000);
    const cancel = await aws(home, ['cleanroomsml', 'cancel-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', arn, ...EP()]);
    expect(cancel).toMatchObject({ rc: 0, stdout: '', stderr: '' });

    const pending = await get(arn, '--query', '[status, updateTime]', '--output', 'text');
    expect(pending.stdout).toBe('CANCEL_PENDING\t2026-03-01T12:00:08+00:00\n');
    e.clock.advance(1000);
    const inactive = await get(arn, '--query', '{status: status, tags: tags}', '--output', 'yaml');
    expect(inactive.stdout).toBe('status: INACTIVE\ntags:\n  env: dev\n');

    // A second cancel is the service's conflict (exit 254).
    const again = await aws(home, ['cleanroomsml', 'cancel-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', arn, ...EP()]);
    expect(again.rc).toBe(254);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('\naws: [ERROR]: An error occurred (ConflictException) when calling the CancelTrainedModelInferenceJob ' +
      `operation: Trained model inference job ${arn} is in status INACTIVE and cannot be cancelled.\n`);
  });

  it('reaches the emulator through AWS_ENDPOINT_URL_CLEANROOMSML as well', async () => {
    const r = await aws(home, [...startArgs('via-env'), '--query', 'trainedModelInferenceJobArn', '--output', 'text'], {
      env: { AWS_ENDPOINT_URL_CLEANROOMSML: e.url },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^arn:aws:cleanrooms-ml:us-east-1:123456789012:membership\/.*\n$/);
  });
});
