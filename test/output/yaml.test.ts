import { describe, expect, it } from 'vitest';
import { PyBytes, PyFloat, dict, type PyDict, type PyValue } from '../../src/py/values';
import { dumpYaml, dumpYamlStream } from '../../src/output/yaml';
import { compareCodePoints } from '../../src/py/str';

// Expected bytes: the conformance cases recorded from the real AWS CLI v2 (copied verbatim from
// shared/conformance/vectors/output.json), and for the rest the output of libyaml's C emitter (what
// ruamel.yaml.clib runs) driven with ruamel.yaml's SafeRepresenter rules and YAML 1.2 resolver.

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

const M = '11111111-1111-4111-8111-111111111111';
const PFX = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}`;

/** The mock's canned job, as the AWS CLI holds it after parsing (timestamps as isoformat strings). */
function cannedJob(arn: string, i = 0, over: Record<string, PyValue> = {}): PyDict {
  const job: Record<string, PyValue> = {
    createTime: `2026-11-2${i % 10}T05:00:0${i % 10}.123000+00:00`,
    updateTime: '2026-11-27T06:30:00+00:00',
    trainedModelInferenceJobArn: arn,
    configuredModelAlgorithmAssociationArn: `${PFX}/configured-model-algorithm-association/cmaa-${i}`,
    name: `job-${i}`,
    status: ['ACTIVE', 'CREATE_FAILED', 'INACTIVE', 'CREATE_IN_PROGRESS', 'CANCEL_PENDING'][i % 5],
    trainedModelArn: `${PFX}/trained-model/tm-${i}`,
    resourceConfig: dict({ instanceType: 'ml.m5.xlarge', instanceCount: i + 1 }),
    outputConfiguration: dict({ accept: 'text/csv', members: [dict({ accountId: '123456789012' })] }),
    membershipIdentifier: M,
    dataSource: dict({ mlInputChannelArn: `${PFX}/ml-input-channel/ch-${i}` }),
    containerExecutionParameters: dict({ maxPayloadInMB: 6 }),
    statusDetails: dict({ statusCode: 'OK', message: 'Job is running | with pipes\tand tabs' }),
    description: 'Nightly scoring run, ünïcode ✓',
    inferenceContainerImageDigest: 'sha256:' + 'ab'.repeat(32),
    environment: dict({ LOG_LEVEL: 'debug', BATCH: '128' }),
    kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    metricsStatus: 'PUBLISH_SUCCEEDED',
    logsStatus: 'PUBLISH_FAILED',
    logsStatusDetails: 'no log group',
    tags: dict({ team: 'ml', 'cost-center': '42' }),
  };
  return dict({ ...job, ...over });
}

const JOB_UUIDS = [
  'b8e8cb67-37e0-5328-84eb-02e3de121eaf',
  'cd5a1353-69f6-5784-9476-288c3f0eb00a',
  'f18d9829-a9dd-57fe-b227-4b3d96a330c9',
  'b55e342e-829f-590d-9f9a-90096c3bce1d',
  'ee0ebae8-220b-553d-ad29-93dfacd1cd98',
];

/** A list item (the mock's _summary), keys deliberately in an unsorted insertion order. */
function summary(i: number): PyDict {
  const j = cannedJob(`${PFX}/trained-model-inference-job/${JOB_UUIDS[i]}`, i);
  const keep = ['updateTime', 'createTime', 'trainedModelInferenceJobArn', 'configuredModelAlgorithmAssociationArn',
    'membershipIdentifier', 'trainedModelArn', 'status', 'outputConfiguration', 'name'];
  const out: PyDict = new Map(keep.map((k) => [k, j.get(k) as PyValue]));
  out.set('collaborationIdentifier', 'c0ffee00-0000-4000-8000-000000000000');
  return out;
}

const YAML_STRINGS = dict({
  YES: 'yes', NO: 'No', ON: 'on', TRUE: 'true', NULL: 'null', TILDE: '~', INT: '123',
  OCT: '0o17', LEADZERO: '017', HEX: '0x1F', FLOAT: '1.5', EXP: '1e3', INF: '.inf',
  DATE: '2026-01-01', COLON: 'a: b', COLON2: 'a:b', HASH: 'a #b', HASH2: '#x', DASH: '-',
  DASHSP: '- x', LEADSP: ' lead', TRAILSP: 'trail ', EMPTY: '', QUOTE: "it's",
  DQUOTE: 'say "hi"', BACKTICK: '`cmd`', AT: '@home', AMP: '&anchor', STAR: '*alias',
  BANG: '!tag', PCT: '%dir', BRACE: '{a}', BRACKET: '[a]', PIPE: '|', GT: '>', QMARK: '?',
  COMMA: 'a, b', EQ: '=', Y: 'y', BACKSLASH: 'C:\\path\\x', BIGNUM: '123456789012345678901234567890',
});
const YAML_KEYS = dict({ yes: 'key yes', '123': 'numeric key', 'a: b': 'colon key', null: 'null key', '': 'empty key',
  ' sp': 'leading space key', 'Ünï': 'unicode key' });

/** fmt-get-yaml: expect.stdout */
const FMT_GET_YAML = lines(
  "configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-0",
  "containerExecutionParameters:",
  "  maxPayloadInMB: 6",
  "createTime: '2026-11-20T05:00:00.123000+00:00'",
  "dataSource:",
  "  mlInputChannelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/ml-input-channel/ch-0",
  "description: Nightly scoring run, ünïcode ✓",
  "environment:",
  "  BATCH: '128'",
  "  LOG_LEVEL: debug",
  "inferenceContainerImageDigest: sha256:abababababababababababababababababababababababababababababababab",
  "kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "logsStatus: PUBLISH_FAILED",
  "logsStatusDetails: no log group",
  "membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "metricsStatus: PUBLISH_SUCCEEDED",
  "name: job-0",
  "outputConfiguration:",
  "  accept: text/csv",
  "  members:",
  "  - accountId: '123456789012'",
  "resourceConfig:",
  "  instanceCount: 1",
  "  instanceType: ml.m5.xlarge",
  "status: ACTIVE",
  "statusDetails:",
  "  message: \"Job is running | with pipes\\tand tabs\"",
  "  statusCode: OK",
  "tags:",
  "  cost-center: '42'",
  "  team: ml",
  "trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-0",
  "trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/job-abc",
  "updateTime: '2026-11-27T06:30:00+00:00'",
);

/** fmt-yamlquote-yaml: expect.stdout */
const FMT_YAMLQUOTE_YAML = lines(
  "configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-0",
  "containerExecutionParameters:",
  "  maxPayloadInMB: 6",
  "createTime: '2026-11-20T05:00:00.123000+00:00'",
  "dataSource:",
  "  mlInputChannelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/ml-input-channel/ch-0",
  "description: Nightly scoring run, ünïcode ✓",
  "environment:",
  "  AMP: '&anchor'",
  "  AT: '@home'",
  "  BACKSLASH: C:\\path\\x",
  "  BACKTICK: '`cmd`'",
  "  BANG: '!tag'",
  "  BIGNUM: '123456789012345678901234567890'",
  "  BRACE: '{a}'",
  "  BRACKET: '[a]'",
  "  COLON: 'a: b'",
  "  COLON2: a:b",
  "  COMMA: a, b",
  "  DASH: '-'",
  "  DASHSP: '- x'",
  "  DATE: '2026-01-01'",
  "  DQUOTE: say \"hi\"",
  "  EMPTY: ''",
  "  EQ: '='",
  "  EXP: '1e3'",
  "  FLOAT: '1.5'",
  "  GT: '>'",
  "  HASH: 'a #b'",
  "  HASH2: '#x'",
  "  HEX: '0x1F'",
  "  INF: '.inf'",
  "  INT: '123'",
  "  LEADSP: ' lead'",
  "  LEADZERO: '017'",
  "  NO: No",
  "  'NULL': 'null'",
  "  OCT: '0o17'",
  "  ON: on",
  "  PCT: '%dir'",
  "  PIPE: '|'",
  "  QMARK: '?'",
  "  QUOTE: it's",
  "  STAR: '*alias'",
  "  TILDE: '~'",
  "  TRAILSP: 'trail '",
  "  'TRUE': 'true'",
  "  Y: y",
  "  YES: yes",
  "inferenceContainerImageDigest: sha256:abababababababababababababababababababababababababababababababab",
  "kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "logsStatus: PUBLISH_FAILED",
  "logsStatusDetails: no log group",
  "membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "metricsStatus: PUBLISH_SUCCEEDED",
  "name: job-0",
  "outputConfiguration:",
  "  accept: text/csv",
  "  members:",
  "  - accountId: '123456789012'",
  "resourceConfig:",
  "  instanceCount: 1",
  "  instanceType: ml.m5.xlarge",
  "status: ACTIVE",
  "statusDetails:",
  "  message: \"Job is running | with pipes\\tand tabs\"",
  "  statusCode: OK",
  "tags:",
  "  '': empty key",
  "  ' sp': leading space key",
  "  '123': numeric key",
  "  'a: b': colon key",
  "  'null': null key",
  "  yes: key yes",
  "  Ünï: unicode key",
  "trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-0",
  "trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/shape-yaml",
  "updateTime: '2026-11-27T06:30:00+00:00'",
);

/** fmt-multiline-yaml: expect.stdout */
const FMT_MULTILINE_YAML = lines(
  "configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-0",
  "containerExecutionParameters:",
  "  maxPayloadInMB: 6",
  "createTime: '2026-11-20T05:00:00.123000+00:00'",
  "dataSource:",
  "  mlInputChannelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/ml-input-channel/ch-0",
  "description: 'line one",
  "",
  "  line two",
  "",
  "  '",
  "environment:",
  "  BATCH: '128'",
  "  LOG_LEVEL: debug",
  "inferenceContainerImageDigest: sha256:abababababababababababababababababababababababababababababababab",
  "kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "logsStatus: PUBLISH_FAILED",
  "logsStatusDetails: no log group",
  "membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "metricsStatus: PUBLISH_SUCCEEDED",
  "name: job-0",
  "outputConfiguration:",
  "  accept: text/csv",
  "  members:",
  "  - accountId: '123456789012'",
  "resourceConfig:",
  "  instanceCount: 1",
  "  instanceType: ml.m5.xlarge",
  "status: ACTIVE",
  "statusDetails:",
  "  message: \"a\\r\\nb\\ac\\Ld\u00a0e\"",
  "  statusCode: E1",
  "tags:",
  "  cost-center: '42'",
  "  team: ml",
  "trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-0",
  "trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/shape-multiline",
  "updateTime: '2026-11-27T06:30:00+00:00'",
);

/** query-null-yaml: expect.stdout */
const QUERY_NULL_YAML = lines(
  "null",
);

/** outsel-named-profile: expect.stdout */
const OUTSEL_NAMED_PROFILE = lines(
  "trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/103a8d06-2699-54f7-a0a6-53114f454f62",
);

/** fmt-list-yaml-stream: expect.stdout */
const FMT_LIST_YAML_STREAM = lines(
  "- trainedModelInferenceJobs:",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-0",
  "    createTime: '2026-11-20T05:00:00.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-0",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: ACTIVE",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-0",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/b8e8cb67-37e0-5328-84eb-02e3de121eaf",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-1",
  "    createTime: '2026-11-21T05:00:01.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-1",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: CREATE_FAILED",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-1",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/cd5a1353-69f6-5784-9476-288c3f0eb00a",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-2",
  "    createTime: '2026-11-22T05:00:02.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-2",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: INACTIVE",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-2",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/f18d9829-a9dd-57fe-b227-4b3d96a330c9",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-3",
  "    createTime: '2026-11-23T05:00:03.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-3",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: CREATE_IN_PROGRESS",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-3",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/b55e342e-829f-590d-9f9a-90096c3bce1d",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-4",
  "    createTime: '2026-11-24T05:00:04.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-4",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: CANCEL_PENDING",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-4",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/ee0ebae8-220b-553d-ad29-93dfacd1cd98",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
);

/** page-maxitems-yaml-stream: expect.stdout */
const PAGE_MAXITEMS_YAML_STREAM = lines(
  "- nextToken: '2'",
  "  trainedModelInferenceJobs:",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-0",
  "    createTime: '2026-11-20T05:00:00.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-0",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: ACTIVE",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-0",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/b8e8cb67-37e0-5328-84eb-02e3de121eaf",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-1",
  "    createTime: '2026-11-21T05:00:01.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-1",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: CREATE_FAILED",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-1",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/cd5a1353-69f6-5784-9476-288c3f0eb00a",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
  "- nextToken: '4'",
  "  trainedModelInferenceJobs:",
  "  - collaborationIdentifier: c0ffee00-0000-4000-8000-000000000000",
  "    configuredModelAlgorithmAssociationArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-2",
  "    createTime: '2026-11-22T05:00:02.123000+00:00'",
  "    membershipIdentifier: 11111111-1111-4111-8111-111111111111",
  "    name: job-2",
  "    outputConfiguration:",
  "      accept: text/csv",
  "      members:",
  "      - accountId: '123456789012'",
  "    status: INACTIVE",
  "    trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-2",
  "    trainedModelInferenceJobArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/f18d9829-a9dd-57fe-b227-4b3d96a330c9",
  "    updateTime: '2026-11-27T06:30:00+00:00'",
);

/** err-format-env: expect.stderr */
const ERR_FORMAT_ENV = lines(
  "Code: ServiceQuotaExceededException",
  "Message: Simulated ServiceQuotaExceededException for testing",
  "message: Simulated ServiceQuotaExceededException for testing",
  "quotaName: Inference jobs",
  "quotaValue: 5.0",
);

describe('dumpYaml: conformance cases', () => {
  it('fmt-get-yaml: nested maps, a list of structures, unicode, a tab, timestamps', () => {
    expect(dumpYaml(cannedJob(`${PFX}/trained-model-inference-job/job-abc`))).toBe(FMT_GET_YAML);
  });

  it('fmt-yamlquote-yaml: YAML 1.2 quoting of values and keys', () => {
    const job = cannedJob(`${PFX}/trained-model-inference-job/shape-yaml`, 0, { environment: YAML_STRINGS, tags: YAML_KEYS });
    expect(dumpYaml(job)).toBe(FMT_YAMLQUOTE_YAML);
  });

  it('fmt-multiline-yaml: newlines single-quoted with blank lines; CR/BEL/U+2028 double-quoted; NBSP raw', () => {
    const job = cannedJob(`${PFX}/trained-model-inference-job/shape-multiline`, 0, {
      description: 'line one\nline two\n',
      statusDetails: dict({ statusCode: 'E1', message: 'a\r\nb\u0007c\u2028d\u00a0e' }),
    });
    expect(dumpYaml(job)).toBe(FMT_MULTILINE_YAML);
  });

  it('query-null-yaml: a top-level null', () => {
    expect(dumpYaml(null)).toBe(QUERY_NULL_YAML);
    expect(QUERY_NULL_YAML).toBe('null\n');
  });

  it('outsel-named-profile: a one-key response', () => {
    const arn = `${PFX}/trained-model-inference-job/103a8d06-2699-54f7-a0a6-53114f454f62`;
    expect(dumpYaml(dict({ trainedModelInferenceJobArn: arn }))).toBe(OUTSEL_NAMED_PROFILE);
  });

  it('fmt-list-yaml-stream: one page dumped as a one-item list', () => {
    const page = dict({ trainedModelInferenceJobs: [0, 1, 2, 3, 4].map(summary) });
    expect(dumpYamlStream(page)).toBe(FMT_LIST_YAML_STREAM);
  });

  it('page-maxitems-yaml-stream: each page is its own document-less list, concatenated', () => {
    const p1 = dict({ trainedModelInferenceJobs: [summary(0), summary(1)], nextToken: '2' });
    const p2 = dict({ trainedModelInferenceJobs: [summary(2)], nextToken: '4' });
    expect(dumpYamlStream(p1) + dumpYamlStream(p2)).toBe(PAGE_MAXITEMS_YAML_STREAM);
  });

  it('err-format-env: the error dict (stderr) with a float', () => {
    const err = dict({
      message: 'Simulated ServiceQuotaExceededException for testing',
      quotaName: 'Inference jobs',
      quotaValue: new PyFloat(5),
      Code: 'ServiceQuotaExceededException',
      Message: 'Simulated ServiceQuotaExceededException for testing',
    });
    expect(dumpYaml(err)).toBe(ERR_FORMAT_ENV);
  });
});

/** [string, dumped as a mapping value, dumped as a mapping key, dumped as a sequence item] */
const STRING_CASES: [string, string, string, string][] = [
  ["123", "v: '123'\n", "'123': k\n", "- '123'\n"],
  ["true", "v: 'true'\n", "'true': k\n", "- 'true'\n"],
  ["True", "v: 'True'\n", "'True': k\n", "- 'True'\n"],
  ["null", "v: 'null'\n", "'null': k\n", "- 'null'\n"],
  ["Null", "v: 'Null'\n", "'Null': k\n", "- 'Null'\n"],
  ["~", "v: '~'\n", "'~': k\n", "- '~'\n"],
  ["0x1F", "v: '0x1F'\n", "'0x1F': k\n", "- '0x1F'\n"],
  ["0o17", "v: '0o17'\n", "'0o17': k\n", "- '0o17'\n"],
  ["017", "v: '017'\n", "'017': k\n", "- '017'\n"],
  ["0b101", "v: '0b101'\n", "'0b101': k\n", "- '0b101'\n"],
  ["1e3", "v: '1e3'\n", "'1e3': k\n", "- '1e3'\n"],
  ["1.5", "v: '1.5'\n", "'1.5': k\n", "- '1.5'\n"],
  [".inf", "v: '.inf'\n", "'.inf': k\n", "- '.inf'\n"],
  ["-.inf", "v: '-.inf'\n", "'-.inf': k\n", "- '-.inf'\n"],
  [".nan", "v: '.nan'\n", "'.nan': k\n", "- '.nan'\n"],
  [".5", "v: '.5'\n", "'.5': k\n", "- '.5'\n"],
  ["1_000", "v: '1_000'\n", "'1_000': k\n", "- '1_000'\n"],
  ["+1", "v: '+1'\n", "'+1': k\n", "- '+1'\n"],
  ["-1", "v: '-1'\n", "'-1': k\n", "- '-1'\n"],
  ["2026-01-01", "v: '2026-01-01'\n", "'2026-01-01': k\n", "- '2026-01-01'\n"],
  ["2026-11-20T05:00:00.123000+00:00", "v: '2026-11-20T05:00:00.123000+00:00'\n", "'2026-11-20T05:00:00.123000+00:00': k\n", "- '2026-11-20T05:00:00.123000+00:00'\n"],
  ["2026-1-1 1:00:00", "v: '2026-1-1 1:00:00'\n", "'2026-1-1 1:00:00': k\n", "- '2026-1-1 1:00:00'\n"],
  ["<<", "v: '<<'\n", "'<<': k\n", "- '<<'\n"],
  ["=", "v: '='\n", "'=': k\n", "- '='\n"],
  ["!", "v: '!'\n", "'!': k\n", "- '!'\n"],
  ["&", "v: '&'\n", "'&': k\n", "- '&'\n"],
  ["*", "v: '*'\n", "'*': k\n", "- '*'\n"],
  ["-", "v: '-'\n", "'-': k\n", "- '-'\n"],
  ["- x", "v: '- x'\n", "'- x': k\n", "- '- x'\n"],
  ["--- x", "v: '--- x'\n", "'--- x': k\n", "- '--- x'\n"],
  ["... x", "v: '... x'\n", "'... x': k\n", "- '... x'\n"],
  ["a: b", "v: 'a: b'\n", "'a: b': k\n", "- 'a: b'\n"],
  ["a:b", "v: a:b\n", "a:b: k\n", "- a:b\n"],
  ["x:", "v: 'x:'\n", "'x:': k\n", "- 'x:'\n"],
  ["#x", "v: '#x'\n", "'#x': k\n", "- '#x'\n"],
  ["a #b", "v: 'a #b'\n", "'a #b': k\n", "- 'a #b'\n"],
  ["a#b", "v: a#b\n", "a#b: k\n", "- a#b\n"],
  [" lead", "v: ' lead'\n", "' lead': k\n", "- ' lead'\n"],
  ["trail ", "v: 'trail '\n", "'trail ': k\n", "- 'trail '\n"],
  ["", "v: ''\n", "'': k\n", "- ''\n"],
  ["yes", "v: yes\n", "yes: k\n", "- yes\n"],
  ["No", "v: No\n", "No: k\n", "- No\n"],
  ["on", "v: on\n", "on: k\n", "- on\n"],
  ["off", "v: off\n", "off: k\n", "- off\n"],
  ["y", "v: y\n", "y: k\n", "- y\n"],
  ["n", "v: n\n", "n: k\n", "- n\n"],
  ["it's", "v: it's\n", "it's: k\n", "- it's\n"],
  ["say \"hi\"", "v: say \"hi\"\n", "say \"hi\": k\n", "- say \"hi\"\n"],
  ["C:\\path\\x", "v: C:\\path\\x\n", "C:\\path\\x: k\n", "- C:\\path\\x\n"],
  ["`cmd`", "v: '`cmd`'\n", "'`cmd`': k\n", "- '`cmd`'\n"],
  ["@home", "v: '@home'\n", "'@home': k\n", "- '@home'\n"],
  ["%dir", "v: '%dir'\n", "'%dir': k\n", "- '%dir'\n"],
  ["{a}", "v: '{a}'\n", "'{a}': k\n", "- '{a}'\n"],
  ["[a]", "v: '[a]'\n", "'[a]': k\n", "- '[a]'\n"],
  ["|", "v: '|'\n", "'|': k\n", "- '|'\n"],
  [">", "v: '>'\n", "'>': k\n", "- '>'\n"],
  ["?", "v: '?'\n", "'?': k\n", "- '?'\n"],
  ["? x", "v: '? x'\n", "'? x': k\n", "- '? x'\n"],
  ["a, b", "v: a, b\n", "a, b: k\n", "- a, b\n"],
  ["a,b", "v: a,b\n", "a,b: k\n", "- a,b\n"],
  ["12:30", "v: 12:30\n", "12:30: k\n", "- 12:30\n"],
  ["tab\there", "v: \"tab\\there\"\n", "\"tab\\there\": k\n", "- \"tab\\there\"\n"],
  ["cr\rhere", "v: \"cr\\rhere\"\n", "? \"cr\\rhere\"\n: k\n", "- \"cr\\rhere\"\n"],
  ["bel\u0007", "v: \"bel\\a\"\n", "\"bel\\a\": k\n", "- \"bel\\a\"\n"],
  ["esc\u001b", "v: \"esc\\e\"\n", "\"esc\\e\": k\n", "- \"esc\\e\"\n"],
  ["nul\u0000", "v: \"nul\\0\"\n", "\"nul\\0\": k\n", "- \"nul\\0\"\n"],
  ["del\u007f", "v: \"del\\x7F\"\n", "\"del\\x7F\": k\n", "- \"del\\x7F\"\n"],
  ["c1\u009f", "v: \"c1\\x9F\"\n", "\"c1\\x9F\": k\n", "- \"c1\\x9F\"\n"],
  ["nel\u0085x", "v: \"nel\\Nx\"\n", "? \"nel\\Nx\"\n: k\n", "- \"nel\\Nx\"\n"],
  ["ls\u2028x", "v: 'ls\u2028  x'\n", "? 'ls\u2028  x'\n: k\n", "- 'ls\u2028  x'\n"],
  ["ps\u2029x", "v: 'ps\u2029  x'\n", "? 'ps\u2029  x'\n: k\n", "- 'ps\u2029  x'\n"],
  ["nbsp\u00a0x", "v: nbsp\u00a0x\n", "nbsp\u00a0x: k\n", "- nbsp\u00a0x\n"],
  ["bom\ufeffx", "v: \"bom\\uFEFFx\"\n", "\"bom\\uFEFFx\": k\n", "- \"bom\\uFEFFx\"\n"],
  ["pua\ue000", "v: pua\ue000\n", "pua\ue000: k\n", "- pua\ue000\n"],
  ["fffe\ufffe", "v: \"fffe\\uFFFE\"\n", "\"fffe\\uFFFE\": k\n", "- \"fffe\\uFFFE\"\n"],
  ["rocket \ud83d\ude80", "v: \"rocket \\U0001F680\"\n", "\"rocket \\U0001F680\": k\n", "- \"rocket \\U0001F680\"\n"],
  ["\u00e9 \u00fcn\u00ef \u2713 \u65e5\u672c\u8a9e", "v: \u00e9 \u00fcn\u00ef \u2713 \u65e5\u672c\u8a9e\n", "\u00e9 \u00fcn\u00ef \u2713 \u65e5\u672c\u8a9e: k\n", "- \u00e9 \u00fcn\u00ef \u2713 \u65e5\u672c\u8a9e\n"],
  ["line one\nline two\n", "v: 'line one\n\n  line two\n\n  '\n", "? 'line one\n\n  line two\n\n  '\n: k\n", "- 'line one\n\n  line two\n\n  '\n"],
  ["\nlead break", "v: '\n\n  lead break'\n", "? '\n\n  lead break'\n: k\n", "- '\n\n  lead break'\n"],
  ["trail break\n", "v: 'trail break\n\n  '\n", "? 'trail break\n\n  '\n: k\n", "- 'trail break\n\n  '\n"],
  ["two\n\nbreaks", "v: 'two\n\n\n  breaks'\n", "? 'two\n\n\n  breaks'\n: k\n", "- 'two\n\n\n  breaks'\n"],
  ["space \nbreak", "v: \"space \\nbreak\"\n", "? \"space \\nbreak\"\n: k\n", "- \"space \\nbreak\"\n"],
  ["break\n space", "v: \"break\\n space\"\n", "? \"break\\n space\"\n: k\n", "- \"break\\n space\"\n"],
  ["it's\nmulti", "v: 'it''s\n\n  multi'\n", "? 'it''s\n\n  multi'\n: k\n", "- 'it''s\n\n  multi'\n"],
  ["word word word word word word word word word word word word word word word word word word word word ", "v: 'word word word word word word word word word word word word word word word word\n  word word word word '\n", "'word word word word word word word word word word word word word word word word word word word word ': k\n", "- 'word word word word word word word word word word word word word word word word\n  word word word word '\n"],
  ["word word word word word word word word word word word word word word word word word word word word", "v: word word word word word word word word word word word word word word word word\n  word word word word\n", "word word word word word word word word word word word word word word word word word word word word: k\n", "- word word word word word word word word word word word word word word word word\n  word word word word\n"],
  ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "v: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: k\n", "- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"],
  ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c", "v: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  b c\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c: k\n", "- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b\n  c\n"],
  ["lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum \tdolor sit dolor sit dolor sit dolor sit dolor sit dolor sit ", "v: \"lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum \\tdolor\n  sit dolor sit dolor sit dolor sit dolor sit dolor sit \"\n", "? \"lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum \\tdolor\n  sit dolor sit dolor sit dolor sit dolor sit dolor sit \"\n: k\n", "- \"lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum \\tdolor\n  sit dolor sit dolor sit dolor sit dolor sit dolor sit \"\n"],
  ["\ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 \ud83d\ude80 ", "v: \"\\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \"\n", "? \"\\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \"\n: k\n", "- \"\\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680\n  \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \\U0001F680 \"\n"],
  ["sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  ", "v: 'sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  '\n", "'sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  ': k\n", "- 'sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  sp  '\n"],
  ["q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q q'q ", "v: 'q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q\n  q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q '\n", "'q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q ': k\n", "- 'q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q\n  q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q q''q '\n"],
];

describe('dumpYaml: string scalars', () => {
  it.each(STRING_CASES)('%j', (s, asValue, asKey, asItem) => {
    expect(dumpYaml(dict({ v: s }))).toBe(asValue);
    expect(dumpYaml(new Map([[s, 'k']]))).toBe(asKey);
    expect(dumpYaml([s])).toBe(asItem);
  });

  it('a long key (over 128 UTF-8 bytes) becomes a complex key', () => {
    expect(dumpYaml(dict({ ['K'.repeat(129)]: 'v' }))).toBe(`? ${'K'.repeat(129)}\n: v\n`);
    expect(dumpYaml(dict({ ['K'.repeat(128)]: 'v' }))).toBe(`${'K'.repeat(128)}: v\n`);
    // 64 × 'é' is 128 bytes, 65 × 'é' is 130 bytes.
    expect(dumpYaml(dict({ ['é'.repeat(64)]: 'v' }))).toBe(`${'é'.repeat(64)}: v\n`);
    expect(dumpYaml(dict({ ['é'.repeat(65)]: 'v' }))).toBe(`? ${'é'.repeat(65)}\n: v\n`);
  });

  it('a multi-line key becomes a complex key', () => {
    expect(dumpYaml(dict({ 'k\nl': 'v' }))).toBe("? 'k\n\n  l'\n: v\n");
  });
});

describe('dumpYaml: the mock server shapes (sub-documents)', () => {
  const SHAPES: Record<string, string> = {
  'shape-long': lines(
    "containerExecutionParameters:",
    "  maxPayloadInMB: 6",
    "description: word00 word01 word02 word03 word04 word05 word06 word07 word08 word09",
    "  word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21",
    "  word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33",
    "  word34 word35 word36 word37 word38 word39",
    "environment:",
    "  KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK: long",
    "    key",
    "  LONG_VALUE: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "outputConfiguration:",
    "  accept: text/csv",
    "  members:",
    "  - accountId: '123456789012'",
    "resourceConfig:",
    "  instanceCount: 1",
    "  instanceType: ml.m5.xlarge",
    "statusDetails:",
    "  message: A long message, with commas, that keeps going well past the eighty column",
    "    mark so that wrapping matters",
    "  statusCode: EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE",
    "tags:",
    "  cost-center: '42'",
    "  team: ml",
  ),
  'shape-wide': lines(
    "containerExecutionParameters:",
    "  maxPayloadInMB: 6",
    "description: 日本語の説明",
    "environment:",
    "  AMBIG: ±°§",
    "  CJK: 数据科学",
    "  COMBINING: été",
    "  EMOJI: \"✓ ok \\U0001F680\"",
    "  FULLWIDTH: ＡＢＣ",
    "  宽键: v",
    "outputConfiguration:",
    "  accept: text/csv",
    "  members:",
    "  - accountId: '123456789012'",
    "resourceConfig:",
    "  instanceCount: 1",
    "  instanceType: ml.m5.xlarge",
    "statusDetails:",
    "  message: \"Job is running | with pipes\\tand tabs\"",
    "  statusCode: OK",
    "tags:",
    "  cost-center: '42'",
    "  team: ml",
  ),
  'shape-nulls': lines(
    "containerExecutionParameters: {}",
    "environment:",
    "  A: null",
    "  B: x",
    "outputConfiguration:",
    "  members:",
    "  - null",
    "  - accountId: '123456789012'",
    "resourceConfig:",
    "  instanceCount: 1",
    "  instanceType: ml.m5.xlarge",
    "tags:",
    "  k: null",
  ),
  'shape-numbers': lines(
    "containerExecutionParameters:",
    "  maxPayloadInMB: 12345678901234567890",
    "description: Nightly scoring run, ünïcode ✓",
    "environment:",
    "  BATCH: '128'",
    "  LOG_LEVEL: debug",
    "outputConfiguration:",
    "  accept: text/csv",
    "  members:",
    "  - accountId: '123456789012'",
    "resourceConfig:",
    "  instanceCount: '7'",
    "  instanceType: ml.m5.xlarge",
    "statusDetails:",
    "  message: \"Job is running | with pipes\\tand tabs\"",
    "  statusCode: OK",
    "tags:",
    "  cost-center: '42'",
    "  team: ml",
  ),
  'shape-floatint': lines(
    "containerExecutionParameters:",
    "  maxPayloadInMB: 0",
    "description: Nightly scoring run, ünïcode ✓",
    "environment:",
    "  BATCH: '128'",
    "  LOG_LEVEL: debug",
    "outputConfiguration:",
    "  accept: text/csv",
    "  members:",
    "  - accountId: '123456789012'",
    "resourceConfig:",
    "  instanceCount: 2.9",
    "  instanceType: ml.m5.xlarge",
    "statusDetails:",
    "  message: \"Job is running | with pipes\\tand tabs\"",
    "  statusCode: OK",
    "tags:",
    "  cost-center: '42'",
    "  team: ml",
  ),
  'shape-empty': lines(
    "containerExecutionParameters: {}",
    "description: ''",
    "environment: {}",
    "outputConfiguration:",
    "  accept: ''",
    "  members: []",
    "resourceConfig:",
    "  instanceCount: 1",
    "  instanceType: ml.m5.xlarge",
    "statusDetails: {}",
    "tags: {}",
  ),
  };
  const base = cannedJob(`${PFX}/trained-model-inference-job/x`);
  const pick = (job: PyDict): PyDict => {
    const keys = ['description', 'environment', 'statusDetails', 'tags', 'containerExecutionParameters', 'resourceConfig', 'outputConfiguration'];
    return new Map(keys.filter((k) => job.has(k)).map((k) => [k, job.get(k) as PyValue]));
  };
  const word = (i: number) => `word${String(i).padStart(2, '0')}`;
  const variants: Record<string, PyDict> = {
    'shape-long': dict({
      ...Object.fromEntries(base),
      description: Array.from({ length: 40 }, (_, i) => word(i)).join(' '),
      environment: dict({ LONG_VALUE: 'x'.repeat(150), ['K'.repeat(90)]: 'long key' }),
      statusDetails: dict({
        statusCode: 'E'.repeat(60),
        message: 'A long message, with commas, that keeps going well past the eighty column mark so that wrapping matters',
      }),
    }),
    'shape-wide': dict({
      ...Object.fromEntries(base),
      description: '日本語の説明',
      environment: dict({ CJK: '数据科学', EMOJI: '✓ ok 🚀', COMBINING: 'e\u0301te\u0301', AMBIG: '±°§', FULLWIDTH: 'ＡＢＣ', 宽键: 'v' }),
    }),
    // As botocore parses it: null structure members dropped, null map values and list items kept.
    'shape-nulls': (() => {
      const j = dict({
        ...Object.fromEntries(base),
        environment: dict({ A: null, B: 'x' }),
        tags: dict({ k: null }),
        containerExecutionParameters: dict({}),
        outputConfiguration: dict({ members: [null, dict({ accountId: '123456789012' })] }),
      });
      for (const k of ['description', 'kmsKeyArn', 'statusDetails']) j.delete(k);
      return j;
    })(),
    'shape-numbers': dict({
      ...Object.fromEntries(base),
      resourceConfig: dict({ instanceType: 'ml.m5.xlarge', instanceCount: '7' }),
      containerExecutionParameters: dict({ maxPayloadInMB: 12345678901234567890n }),
    }),
    'shape-floatint': dict({
      ...Object.fromEntries(base),
      resourceConfig: dict({ instanceType: 'ml.m5.xlarge', instanceCount: new PyFloat(2.9) }),
      containerExecutionParameters: dict({ maxPayloadInMB: 0 }),
    }),
    'shape-empty': dict({
      ...Object.fromEntries(base),
      environment: dict({}),
      tags: dict({}),
      outputConfiguration: dict({ accept: '', members: [] }),
      containerExecutionParameters: dict({}),
      statusDetails: dict({}),
      description: '',
      logsStatusDetails: '',
    }),
  };
  it.each(Object.keys(SHAPES))('%s', (name) => {
    expect(dumpYaml(pick(variants[name]))).toBe(SHAPES[name]);
  });
});

describe('dumpYaml: other values', () => {
  it('top-level scalars and empty collections', () => {
    const cases: [PyValue, string][] = [
      [null, 'null\n'],
      ['', "''\n"],
      ['abc', 'abc\n'],
      [123, '123\n'],
      [new PyFloat(1.5), '1.5\n'],
      [true, 'true\n'],
      [false, 'false\n'],
      [[], '[]\n'],
      [dict({}), '{}\n'],
      [12345678901234567890n, '12345678901234567890\n'],
      [-9223372036854775808n, '-9223372036854775808\n'],
      ['word '.repeat(30),
        "'word word word word word word word word word word word word word word word word word\n" +
        "  word word word word word word word word word word word word word '\n"],
    ];
    for (const [v, want] of cases) expect(dumpYaml(v)).toBe(want);
  });

  it('floats as Python repr()s them, lower-cased; inf and nan as YAML spells them', () => {
    const xs = [1e16, 1e-5, -0, Infinity, -Infinity, NaN, 5, 0.1 + 0.2, 1e22, 123456.789, 2.9, 1e-7, 0.0001];
    expect(dumpYaml(xs.map((x) => new PyFloat(x)))).toBe(
      '- 1e+16\n- 1e-05\n- -0.0\n- .inf\n- -.inf\n- .nan\n- 5.0\n- 0.30000000000000004\n- 1e+22\n- 123456.789\n- 2.9\n- 1e-07\n- 0.0001\n',
    );
  });

  it('keys sorted by code point (non-BMP after U+FF21), non-BMP key double-quoted', () => {
    const m = dict({ '\uff21': 1, '🚀': 2, a: 3, B: 4, é: 5, '': 6, 'a b': 7, _: 8, Z: 9 });
    expect(dumpYaml(m)).toBe("'': 6\nB: 4\nZ: 9\n_: 8\na: 3\na b: 7\né: 5\n\uff21: 1\n\"\\U0001F680\": 2\n");
  });

  it('bytes as !!binary literal blocks of 76 base64 characters', () => {
    const all = new Uint8Array(200).map((_, i) => i);
    const v = dict({ key: new PyBytes(new TextEncoder().encode('hello')), k2: new PyBytes(new Uint8Array(0)), k3: new PyBytes(all) });
    expect(dumpYaml(v)).toBe(lines(
      'k2: !!binary ""',
      'k3: !!binary |',
      '  AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4',
      '  OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3Bx',
      '  cnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmq',
      '  q6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsc=',
      'key: !!binary |',
      '  aGVsbG8=',
    ));
    expect(dumpYaml(new PyBytes(new TextEncoder().encode('hi')))).toBe('!!binary |\n  aGk=\n');
  });

  it('nested sequences, and an unbreakable long item', () => {
    expect(dumpYaml(dict({ a: dict({ b: dict({ c: [[['x', dict({ y: ['z', []] })]]] }) }) }))).toBe(lines(
      'a:', '  b:', '    c:', '    - - - x', '        - y:', '          - z', '          - []',
    ));
    expect(dumpYaml(['x'.repeat(100) + ' ' + 'y'.repeat(10)])).toBe(`- ${'x'.repeat(100)}\n  ${'y'.repeat(10)}\n`);
  });

  it('the same container object twice gets an anchor and aliases, numbered in traversal order', () => {
    const a = dict({ accept: 'text/csv', members: [] });
    const b: PyValue[] = ['x', 'y'];
    const e = dict({});
    const el: PyValue[] = [];
    expect(dumpYaml([a, a])).toBe('- &id001\n  accept: text/csv\n  members: []\n- *id001\n');
    expect(dumpYaml(dict({ p: a, q: [a, b], r: b, s: e, t: e, u: el, v: [el, el] }))).toBe(
      'p: &id001\n  accept: text/csv\n  members: []\nq:\n- *id001\n- &id002\n  - x\n  - y\nr: *id002\n' +
        's: &id003 {}\nt: *id003\nu: &id004 []\nv:\n- *id004\n- *id004\n',
    );
    expect(dumpYaml([b, a, a, b])).toBe('- &id002\n  - x\n  - y\n- &id001\n  accept: text/csv\n  members: []\n- *id001\n- *id002\n');
    expect(dumpYaml(dict({ k: dict({ n: b }), z: b }))).toBe('k:\n  n: &id001\n  - x\n  - y\nz: *id001\n');
    expect(dumpYaml([[b], b])).toBe('- - &id001\n    - x\n    - y\n- *id001\n');
  });

  it('dumpYamlStream wraps the page in a one-item list', () => {
    expect(dumpYamlStream(dict({ a: 1 }))).toBe('- a: 1\n');
    expect(dumpYamlStream(null)).toBe('- null\n');
    expect(dumpYamlStream(dict({}))).toBe('- {}\n');
  });

  it('compareCodePoints orders as Python does', () => {
    const keys = ['\uffff', '\u{1F680}', '\ue000', 'a', '\u{10000}', 'B'];
    expect([...keys].sort(compareCodePoints)).toEqual(['B', 'a', '\ue000', '\uffff', '\u{10000}', '\u{1F680}']);
  });

  it('dumps a 10,000-item list', () => {
    const page = dict({ trainedModelInferenceJobs: Array.from({ length: 10000 }, (_, i) => {
      const s = summary(i % 5);
      s.set('name', `job-${String(i).padStart(5, '0')}`);
      return s;
    }) });
    const out = dumpYaml(page);
    expect(out.split('\n').length).toBe(1 + 10000 * 13 + 1);
    const firstItem = out.split('\n').slice(1, 14).join('\n');
    const want = FMT_LIST_YAML_STREAM.split('\n').slice(1, 14).map((l) => l.slice(2)).join('\n');
    expect(firstItem).toBe(want.replace('name: job-0', 'name: job-00000'));
    expect(out.endsWith("\n  updateTime: '2026-11-27T06:30:00+00:00'\n")).toBe(true);
  });
});
