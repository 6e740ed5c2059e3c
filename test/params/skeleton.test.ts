// --generate-cli-skeleton: botocore's ArgumentGenerator (one list item, `KeyName` for maps, the first
// enum value, 0 / 0.0 / True, 1970-01-01 for timestamps; member names for strings in the output
// skeleton), checked against skel-start-novalue and skel-start-output.
import { describe, expect, it } from 'vitest';
import { cli as runCli } from '../../src/cli';
import { memoryIO } from '../support/io';
import { getShape, MODEL } from '../../src/model';
import { formatJson } from '../../src/output/json';
import { PyFloat } from '../../src/py/values';
import { generateSkeleton, SKELETON_TIMESTAMP } from '../../src/params/skeleton';

const START_SKELETON = '{\n    "membershipIdentifier": "",\n    "name": "",\n    "trainedModelArn": "",\n    "trainedModelVersionIdentifier": "",\n' +
  '    "configuredModelAlgorithmAssociationArn": "",\n    "resourceConfig": {\n        "instanceType": "ml.r7i.48xlarge",\n' +
  '        "instanceCount": 0\n    },\n    "outputConfiguration": {\n        "accept": "",\n        "members": [\n            {\n' +
  '                "accountId": ""\n            }\n        ]\n    },\n    "dataSource": {\n        "mlInputChannelArn": ""\n    },\n' +
  '    "description": "",\n    "containerExecutionParameters": {\n        "maxPayloadInMB": 0\n    },\n    "environment": {\n' +
  '        "KeyName": ""\n    },\n    "kmsKeyArn": "",\n    "tags": {\n        "KeyName": ""\n    },\n    "mlModelInferencePayerAccountId": ""\n}\n';

async function cli(argv: string[]): Promise<{ rc: number; out: string; err: string }> {
  const io = memoryIO({ AWS_DEFAULT_REGION: 'us-east-1', HOME: '/nonexistent-home' });
  const rc = await runCli(argv, io);
  return { rc, out: io.out(), err: io.err() };
}

describe('input skeleton', () => {
  it('prints the start skeleton as the AWS CLI does, required options not enforced (skel-start-novalue)', async () => {
    expect(await cli(['cleanroomsml', 'start-trained-model-inference-job', '--generate-cli-skeleton'])).toEqual({ rc: 0, out: START_SKELETON, err: '' });
    expect(formatJson(generateSkeleton('StartTrainedModelInferenceJobRequest', false))).toBe(START_SKELETON);
  });

  it('is valid JSON for every operation, with the input members in model order', () => {
    for (const op of Object.values(MODEL.operations)) {
      if (!op.input) continue;
      const text = formatJson(generateSkeleton(op.input.shape, false)) || '{}\n';
      const parsed = JSON.parse(text) as Record<string, unknown>;
      expect([op.name, Object.keys(parsed)]).toEqual([op.name, Object.keys(getShape(op.input.shape).members ?? {})]);
    }
  });

  it('fills every type as ArgumentGenerator does', () => {
    expect(generateSkeleton('UntagResourceRequest', false)).toEqual(new Map<string, unknown>([['resourceArn', ''], ['tagKeys', ['']]]));
    // The first enum value for an enum string; 0.0 (a float) for a double.
    const sk = generateSkeleton('CreateConfiguredModelAlgorithmAssociationRequest', false) as Map<string, any>;
    const maxOutput = sk.get('privacyConfiguration').get('policies').get('trainedModelInferenceJobs').get('maxOutputSize');
    expect(maxOutput).toEqual(new Map<string, unknown>([['unit', 'GB'], ['value', new PyFloat(0)]]));
    expect(formatJson(maxOutput)).toBe('{\n    "unit": "GB",\n    "value": 0.0\n}\n');
  });

  it('is printed for --generate-cli-skeleton input of an operation with a paginator too', async () => {
    const r = await cli(['cleanroomsml', 'list-trained-model-inference-jobs', '--generate-cli-skeleton', 'input']);
    expect(r).toEqual({
      rc: 0, err: '',
      out: '{\n    "nextToken": "",\n    "maxResults": 0,\n    "membershipIdentifier": "",\n    "trainedModelArn": "",\n' +
        '    "trainedModelVersionIdentifier": ""\n}\n',
    });
  });
});

describe('output skeleton', () => {
  it('puts member names in strings, shape names in string lists, "" in map values', () => {
    const sk = generateSkeleton('GetMLInputChannelResponse', true) as Map<string, unknown>;
    expect(sk.get('name')).toBe('name');
    expect(sk.get('configuredModelAlgorithmAssociations')).toEqual(['ConfiguredModelAlgorithmAssociationArn']);
    expect(sk.get('tags')).toEqual(new Map([['KeyName', '']]));
    expect(sk.get('createTime')).toBe(SKELETON_TIMESTAMP);
    expect(sk.get('retentionInDays')).toBe(0);
    expect(generateSkeleton('ListTagsForResourceResponse', true)).toEqual(new Map([['tags', new Map([['KeyName', '']])]]));
  });

  it('answers with the stub and sends nothing once the arguments are valid (skel-start-output)', async () => {
    const M = '11111111-2222-3333-4444-555555555555';
    const r = await cli(['cleanroomsml', 'start-trained-model-inference-job', '--endpoint-url', 'http://127.0.0.1:9',
      '--membership-identifier', M, '--name', 'job1',
      '--trained-model-arn', `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model/tm-1`,
      '--resource-config', 'instanceType=ml.m5.xlarge', '--output-configuration', 'members=[{accountId=123456789012}]',
      '--data-source', `mlInputChannelArn=arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/ml-input-channel/ch-1`,
      '--generate-cli-skeleton', 'output']);
    expect(r).toEqual({ rc: 0, out: '{\n    "trainedModelInferenceJobArn": "trainedModelInferenceJobArn"\n}\n', err: '' });
  });

  it('still validates the parameters first', async () => {
    const r = await cli(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', '',
      '--trained-model-inference-job-arn', 'x', '--generate-cli-skeleton', 'output']);
    expect(r.rc).toBe(252);
    expect(r.err).toBe('\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n' +
      'Invalid length for parameter membershipIdentifier, value: 0, valid min length: 36\n' +
      'Invalid length for parameter trainedModelInferenceJobArn, value: 1, valid min length: 20\n');
  });
});
