// Test fixtures for the output formatters: the responses the conformance mock
// (mock_cleanroomsml.py of the public conformance suite) sends, as the AWS CLI holds them after parsing
// (members in the model's order, timestamps as ISO strings with microseconds), and the recorded
// conformance cases that pin the output down.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PyDict, PyValue } from '../../src/py/values';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const M1 = '11111111-1111-4111-8111-111111111111';

/** Python's uuid.uuid5(uuid.NAMESPACE_URL, name). */
function uuid5Url(name: string): string {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const b = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function jobArn(m: string, name: string): string {
  return `arn:aws:cleanrooms-ml:${REGION}:${ACCOUNT}:membership/${m}/trained-model-inference-job/${uuid5Url(`${m}/${name}`)}`;
}

const d = (entries: [string, PyValue][]): PyDict => new Map(entries);

const STATUSES = ['ACTIVE', 'CREATE_FAILED', 'INACTIVE', 'CREATE_IN_PROGRESS', 'CANCEL_PENDING'];

/** The mock's canned_job(), as the fields the CLI parses (a plain record; shaped by getJobResponse). */
function cannedJob(m: string, arn: string, i = 0): Record<string, PyValue> {
  const base = `arn:aws:cleanrooms-ml:${REGION}:${ACCOUNT}:membership/${m}`;
  return {
    createTime: `2026-11-2${i % 10}T05:00:0${i % 10}.123000+00:00`,
    updateTime: '2026-11-27T06:30:00+00:00',
    trainedModelInferenceJobArn: arn,
    configuredModelAlgorithmAssociationArn: `${base}/configured-model-algorithm-association/cmaa-${i}`,
    name: `job-${i}`,
    status: STATUSES[i % 5],
    trainedModelArn: `${base}/trained-model/tm-${i}`,
    resourceConfig: d([['instanceType', 'ml.m5.xlarge'], ['instanceCount', i + 1]]),
    outputConfiguration: d([['accept', 'text/csv'], ['members', [d([['accountId', ACCOUNT]])]]]),
    membershipIdentifier: m,
    dataSource: d([['mlInputChannelArn', `${base}/ml-input-channel/ch-${i}`]]),
    containerExecutionParameters: d([['maxPayloadInMB', 6]]),
    statusDetails: d([['statusCode', 'OK'], ['message', 'Job is running | with pipes\tand tabs']]),
    description: 'Nightly scoring run, ünïcode ✓',
    inferenceContainerImageDigest: 'sha256:' + 'ab'.repeat(32),
    environment: d([['LOG_LEVEL', 'debug'], ['BATCH', '128']]),
    kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    metricsStatus: 'PUBLISH_SUCCEEDED',
    logsStatus: 'PUBLISH_FAILED',
    logsStatusDetails: 'no log group',
    tags: d([['team', 'ml'], ['cost-center', '42']]),
  };
}

const GET_ORDER = [
  'createTime', 'updateTime', 'trainedModelInferenceJobArn', 'configuredModelAlgorithmAssociationArn', 'name',
  'status', 'trainedModelArn', 'trainedModelVersionIdentifier', 'resourceConfig', 'outputConfiguration',
  'membershipIdentifier', 'dataSource', 'containerExecutionParameters', 'statusDetails', 'description',
  'inferenceContainerImageDigest', 'environment', 'kmsKeyArn', 'metricsStatus', 'metricsStatusDetails',
  'logsStatus', 'logsStatusDetails', 'tags', 'mlModelInferencePayerAccountId',
];

const SUMMARY_ORDER = [
  'trainedModelInferenceJobArn', 'configuredModelAlgorithmAssociationArn', 'membershipIdentifier', 'trainedModelArn',
  'trainedModelVersionIdentifier', 'collaborationIdentifier', 'status', 'outputConfiguration', 'name', 'description',
  'metricsStatus', 'metricsStatusDetails', 'logsStatus', 'logsStatusDetails', 'mlModelInferencePayerAccountId',
  'createTime', 'updateTime',
];

function shape(order: string[], fields: Record<string, PyValue>): PyDict {
  const out: PyDict = new Map();
  for (const k of order) if (k in fields && fields[k] !== null) out.set(k, fields[k]);
  return out;
}

/** The GetTrainedModelInferenceJob response for the ARN's last segment (`shape-*` variants as the mock's SHAPES). */
export function getJobResponse(lastSegment: string, m = M1): PyDict {
  const arn = `arn:aws:cleanrooms-ml:${REGION}:${ACCOUNT}:membership/${m}/trained-model-inference-job/${lastSegment}`;
  const job = cannedJob(m, arn);
  if (lastSegment === 'shape-empty') {
    Object.assign(job, {
      environment: d([]), tags: d([]), outputConfiguration: d([['accept', ''], ['members', []]]),
      containerExecutionParameters: d([]), statusDetails: d([]), description: '', logsStatusDetails: '',
    });
  } else if (lastSegment === 'shape-members') {
    job.outputConfiguration = d([
      ['accept', 'application/json'],
      ['members', ['111122223333', '222211110000', '777788889999'].map((a) => d([['accountId', a]]))],
    ]);
  } else if (lastSegment === 'shape-nulls') {
    // Members that are null vanish from structures; map values and list elements keep their nulls.
    Object.assign(job, {
      description: null, kmsKeyArn: null, statusDetails: null,
      environment: d([['A', null], ['B', 'x']]), tags: d([['k', null]]),
      containerExecutionParameters: d([]),
      outputConfiguration: d([['members', [null, d([['accountId', ACCOUNT]])]]]),
    });
  } else if (lastSegment === 'shape-wide') {
    Object.assign(job, {
      description: '日本語の説明',
      environment: d([
        ['CJK', '数据科学'], ['EMOJI', '✓ ok 🚀'], ['COMBINING', 'e\u0301te\u0301'],
        ['AMBIG', '±°§'], ['FULLWIDTH', 'ＡＢＣ'], ['宽键', 'v'],
      ]),
    });
  } else if (lastSegment === 'shape-long') {
    Object.assign(job, {
      description: Array.from({ length: 40 }, (_, i) => `word${String(i).padStart(2, '0')}`).join(' '),
      environment: d([['LONG_VALUE', 'x'.repeat(150)], ['K'.repeat(90), 'long key']]),
      statusDetails: d([
        ['statusCode', 'E'.repeat(60)],
        ['message', 'A long message, with commas, that keeps going well past the eighty column mark so that wrapping matters'],
      ]),
    });
  }
  return shape(GET_ORDER, job);
}

/** The mock's _summary(): one element of a ListTrainedModelInferenceJobs page. */
export function summary(m: string, i: number, over: Record<string, PyValue> = {}): PyDict {
  const j = cannedJob(m, jobArn(m, `job-${i}`), i);
  const keep = [
    'createTime', 'updateTime', 'trainedModelInferenceJobArn', 'configuredModelAlgorithmAssociationArn',
    'membershipIdentifier', 'trainedModelArn', 'status', 'outputConfiguration', 'name',
  ];
  const fields: Record<string, PyValue> = { collaborationIdentifier: 'c0ffee00-0000-4000-8000-000000000000' };
  for (const k of keep) fields[k] = j[k];
  Object.assign(fields, over);
  return shape(SUMMARY_ORDER, fields);
}

export function listPage(jobs: PyDict[], nextToken?: string): PyDict {
  const page: PyDict = new Map();
  if (nextToken !== undefined) page.set('nextToken', nextToken);
  page.set('trainedModelInferenceJobs', jobs);
  return page;
}

// ---------------------------------------------------------------------------------------------------
// The recorded conformance cases: copies of the public suite's output.json cases kept in the repository
// (test/fixtures/conformance/, made by gen-copies.mjs there).

interface Case {
  id: string;
  argv: string[];
  expect: { rc: number; stdout: string; stderr: string };
  clone_expect?: { rc: number; stdout?: string; stderr?: string };
}

const VECTORS = resolve(__dirname, '../fixtures/conformance/output.json');
let cases: Map<string, Case> | null = null;

/** The recorded case with that id (its expected stdout is the exact bytes the AWS CLI printed). */
export function conformanceCase(id: string): Case {
  if (cases === null) {
    const list = JSON.parse(readFileSync(VECTORS, 'utf8')) as Case[];
    cases = new Map(list.map((c) => [c.id, c]));
  }
  const c = cases.get(id);
  if (!c) throw new Error(`no conformance case ${id}`);
  return c;
}

export function expectedStdout(id: string): string {
  return conformanceCase(id).expect.stdout;
}
