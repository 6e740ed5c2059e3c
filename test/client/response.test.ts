import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getShape, MODEL } from '../../src/model';
import { pyFloatRepr, pyRepr } from '../../src/py/repr';
import { jsonDumps } from '../../src/py/json-dumps';
import { jsonLoads } from '../../src/py/json-loads';
import type { Shape } from '../../src/model/types';
import { dict, PyFloat, type PyValue } from '../../src/py/values';
import { ResponseShapeError, ensureBoolean, pyFloat, pyInt, shapeResponse } from '../../src/client/response';
import { fastIsoString, InvalidTimestampError, parseTimestamp } from '../../src/client/timestamp';
import { isoformat, TimestampError } from '../../src/py/datetime';

/** The AWS CLI's iso8601 form: `parse_timestamp(value).isoformat()`. */
const formatIsoTimestamp = (value: PyValue, tz?: string, now?: Date) => isoformat(parseTimestamp(value, tz, now));

type Expected = string | { error: string };

// ---------------------------------------------------------------------------------------------
// Python's json.dumps(value, indent=4, ensure_ascii=False) of a shaped value (what `--output json`
// prints), so the expectations below read as the AWS CLI's output.
function pyJson(v: PyValue, indent = ''): string {
  const inner = `${indent}    `;
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + pyJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v instanceof Map) {
    if (!v.size) return '{}';
    return `{\n${[...v].map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pyJson(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  throw new Error('unexpected value');
}

// ---------------------------------------------------------------------------------------------
// The conformance mock's canned job (mock_cleanroomsml.py canned_job / _with / SHAPES), parsed the
// way a lossless JSON parse gives it (ints as numbers or bigints, fractions as PyFloat).
const M = '11111111-1111-4111-8111-111111111111';
const ARN_BASE = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/`;

function cannedJob(arn: string): Map<string, PyValue> {
  const region = 'us-east-1';
  const ACCOUNT = '123456789012';
  return dict({
    createTime: '2026-11-20T05:00:00.123Z', updateTime: '2026-11-27T06:30:00Z',
    trainedModelInferenceJobArn: arn,
    configuredModelAlgorithmAssociationArn: `arn:aws:cleanrooms-ml:${region}:${ACCOUNT}:membership/${M}/configured-model-algorithm-association/cmaa-0`,
    name: 'job-0', status: 'ACTIVE',
    trainedModelArn: `arn:aws:cleanrooms-ml:${region}:${ACCOUNT}:membership/${M}/trained-model/tm-0`,
    resourceConfig: dict({ instanceType: 'ml.m5.xlarge', instanceCount: 1 }),
    outputConfiguration: dict({ accept: 'text/csv', members: [dict({ accountId: ACCOUNT })] }),
    membershipIdentifier: M,
    dataSource: dict({ mlInputChannelArn: `arn:aws:cleanrooms-ml:${region}:${ACCOUNT}:membership/${M}/ml-input-channel/ch-0` }),
    containerExecutionParameters: dict({ maxPayloadInMB: 6 }),
    statusDetails: dict({ statusCode: 'OK', message: 'Job is running | with pipes\tand tabs' }),
    description: 'Nightly scoring run, ünïcode ✓',
    inferenceContainerImageDigest: `sha256:${'ab'.repeat(32)}`,
    environment: dict({ LOG_LEVEL: 'debug', BATCH: '128' }),
    kmsKeyArn: `arn:aws:kms:${region}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    metricsStatus: 'PUBLISH_SUCCEEDED', logsStatus: 'PUBLISH_FAILED', logsStatusDetails: 'no log group',
    tags: dict({ team: 'ml', 'cost-center': '42' }),
  });
}

const SHAPES: Record<string, Record<string, PyValue>> = {
  'shape-ts-epoch': { createTime: 1700000000, updateTime: new PyFloat(1700000000.5) },
  'shape-ts-offset': { createTime: '2026-11-20T10:30:00+05:30', updateTime: 'Fri, 20 Nov 2026 05:00:00 GMT' },
  'shape-ts-frac': { createTime: '2026-11-20T05:00:00.000Z', updateTime: '2026-11-20T05:00:00.1234567Z' },
  'shape-ts-bad': { createTime: 'yesterday-ish' },
  'shape-numbers': {
    resourceConfig: dict({ instanceType: 'ml.m5.xlarge', instanceCount: '7' }),
    containerExecutionParameters: dict({ maxPayloadInMB: 12345678901234567890n }),
  },
  'shape-floatint': {
    resourceConfig: dict({ instanceType: 'ml.m5.xlarge', instanceCount: new PyFloat(2.9) }),
    containerExecutionParameters: dict({ maxPayloadInMB: 0 }), // JSON -0: Python's json gives int 0
  },
  'shape-nulls': {
    description: null, kmsKeyArn: null, statusDetails: null, environment: dict({ A: null, B: 'x' }),
    tags: dict({ k: null }), containerExecutionParameters: dict({ maxPayloadInMB: null }),
    outputConfiguration: dict({ accept: null, members: [null, dict({ accountId: '123456789012' })] }),
  },
  'shape-empty': {
    environment: dict(), tags: dict(), outputConfiguration: dict({ accept: '', members: [] }),
    containerExecutionParameters: dict(), statusDetails: dict(), description: '', logsStatusDetails: '',
  },
  'shape-members': {
    outputConfiguration: dict({
      accept: 'application/json',
      members: [dict({ accountId: '111122223333' }), dict({ accountId: '222211110000' }), dict({ accountId: '777788889999' })],
    }),
  },
  'shape-multiline': {
    description: 'line one\nline two\n',
    statusDetails: dict({ statusCode: 'E1', message: 'a\r\nb\u0007c\u2028d\u00a0e' }),
  },
};

function mockBody(variant: string): Map<string, PyValue> {
  const j = cannedJob(ARN_BASE + variant);
  for (const [k, v] of Object.entries(SHAPES[variant] ?? {})) j.set(k, v);
  return j;
}

const GET_OUTPUT = getShape(MODEL.operations.GetTrainedModelInferenceJob.output!.shape);
const shapeGet = (body: PyValue, tz = 'UTC') => shapeResponse(body, GET_OUTPUT, { timestampFormat: 'iso8601', tz });

// [value, under TZ=UTC, under TZ=America/New_York]: botocore parse_timestamp(value).isoformat()
const TIMESTAMPS: [PyValue, Expected, Expected][] = [
  ["2026-11-20T05:00:00.123Z", "2026-11-20T05:00:00.123000+00:00", "2026-11-20T05:00:00.123000+00:00"],
  ["2026-11-27T06:30:00Z", "2026-11-27T06:30:00+00:00", "2026-11-27T06:30:00+00:00"],
  ["2026-11-20T10:30:00+05:30", "2026-11-20T10:30:00+05:30", "2026-11-20T10:30:00+05:30"],
  ["Fri, 20 Nov 2026 05:00:00 GMT", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["2026-11-20T05:00:00.000Z", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["2026-11-20T05:00:00.1234567Z", "2026-11-20T05:00:00.123456+00:00", "2026-11-20T05:00:00.123456+00:00"],
  ["2026-11-20T05:00:00.9999999Z", "2026-11-20T05:00:00.999999+00:00", "2026-11-20T05:00:00.999999+00:00"],
  [1700000000, "2023-11-14T22:13:20+00:00", "2023-11-14T17:13:20-05:00"],
  [new PyFloat(1700000000.5), "2023-11-14T22:13:20.500000+00:00", "2023-11-14T17:13:20.500000-05:00"],
  ["1700000000", "2023-11-14T22:13:20+00:00", "2023-11-14T17:13:20-05:00"],
  [" 1700000000.5 ", "2023-11-14T22:13:20.500000+00:00", "2023-11-14T17:13:20.500000-05:00"],
  ["1_000", "1970-01-01T00:16:40+00:00", "1969-12-31T19:16:40-05:00"],
  [true, "1970-01-01T00:00:01+00:00", "1969-12-31T19:00:01-05:00"],
  [new PyFloat(1.0000005), "1970-01-01T00:00:01.000001+00:00", "1969-12-31T19:00:01.000001-05:00"],
  [new PyFloat(-1.5), "1969-12-31T23:59:58.500000+00:00", "1969-12-31T18:59:58.500000-05:00"],
  [new PyFloat(2.5e-06), "1970-01-01T00:00:00.000002+00:00", "1969-12-31T19:00:00.000002-05:00"],
  ["2026-11-20T05:00:00", "2026-11-20T05:00:00", "2026-11-20T05:00:00"],
  ["2026-11-20", "2026-11-20T00:00:00", "2026-11-20T00:00:00"],
  ["20261120T050000Z", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["Fri, 20 Nov 2026 05:00:00 +0000", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["2026-11-20T05:00:00-00:00", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["2026-11-20T05:00:00+05", "2026-11-20T05:00:00+05:00", "2026-11-20T05:00:00+05:00"],
  ["2026-11-20T05:00:00 UTC", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["2026-11-20T05:00:00z", "2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00+00:00"],
  ["2026-11-20T05:00:00 GMT+3", "2026-11-20T05:00:00-03:00", "2026-11-20T05:00:00-03:00"],
  ["2026-11-20 05:00 -0300 (BRST)", "2026-11-20T05:00:00-03:00", "2026-11-20T05:00:00-03:00"],
  ["2026-11-20T05:00:00 EST", "2026-11-20T05:00:00", "2026-11-20T05:00:00-05:00"],
  ["November 20 2026 5pm", "2026-11-20T17:00:00", "2026-11-20T17:00:00"],
  ["20 Nov 2026 12am", "2026-11-20T00:00:00", "2026-11-20T00:00:00"],
  ["Jan-01-99", "1999-01-01T00:00:00", "1999-01-01T00:00:00"],
  // What is not given comes from today (dateutil's default: now, at midnight): the day of June 15th.
  ["Jan 2024", "2024-01-15T00:00:00", "2024-01-15T00:00:00"],
  ["2024-02", "2024-02-15T00:00:00", "2024-02-15T00:00:00"],
  ["01-Jan-99", "1999-01-01T00:00:00", "1999-01-01T00:00:00"],
  ["10:30:45.5 Nov 20 2026", "2026-11-20T10:30:45.500000", "2026-11-20T10:30:45.500000"],
  ["2026-11-20T05:00:00,123Z", "2026-11-20T05:00:00.123000+00:00", "2026-11-20T05:00:00.123000+00:00"],
  ["٢٠٢٦-١١-٢٠", "2026-11-20T00:00:00", "2026-11-20T00:00:00"],
  ["0001-01-01", "0001-01-01T00:00:00", "0001-01-01T00:00:00"],
  ["9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999+00:00", "9999-12-31T23:59:59.999999+00:00"],
  ["yesterday-ish", { error: "Invalid timestamp \"yesterday-ish\": Unknown string format: yesterday-ish" }, { error: "Invalid timestamp \"yesterday-ish\": Unknown string format: yesterday-ish" }],
  ["", { error: "Invalid timestamp \"\": String does not contain a date: " }, { error: "Invalid timestamp \"\": String does not contain a date: " }],
  ["  ", { error: "Invalid timestamp \"  \": String does not contain a date:   " }, { error: "Invalid timestamp \"  \": String does not contain a date:   " }],
  ["2026-13-01", { error: "Invalid timestamp \"2026-13-01\": month must be in 1..12: 2026-13-01" }, { error: "Invalid timestamp \"2026-13-01\": month must be in 1..12: 2026-13-01" }],
  ["2026-02-30", { error: "Invalid timestamp \"2026-02-30\": day is out of range for month: 2026-02-30" }, { error: "Invalid timestamp \"2026-02-30\": day is out of range for month: 2026-02-30" }],
  ["Feb 29 2027", { error: "Invalid timestamp \"Feb 29 2027\": day is out of range for month: Feb 29 2027" }, { error: "Invalid timestamp \"Feb 29 2027\": day is out of range for month: Feb 29 2027" }],
  ["24:00 2026-11-20", { error: "Invalid timestamp \"24:00 2026-11-20\": hour must be in 0..23: 24:00 2026-11-20" }, { error: "Invalid timestamp \"24:00 2026-11-20\": hour must be in 0..23: 24:00 2026-11-20" }],
  ["2026-11-20T05:00:00+9999", { error: "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)." }, { error: "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)." }],
  ["2026-11-20T05:00:00+00:00:30", { error: "Invalid timestamp \"2026-11-20T05:00:00+00:00:30\": Unknown string format: 2026-11-20T05:00:00+00:00:30" }, { error: "Invalid timestamp \"2026-11-20T05:00:00+00:00:30\": Unknown string format: 2026-11-20T05:00:00+00:00:30" }],
  ["1e15", { error: "Invalid timestamp \"1e15\": Unknown string format: 1e15" }, { error: "Invalid timestamp \"1e15\": Unknown string format: 1e15" }],
  ["nan", { error: "Invalid timestamp \"nan\": Unknown string format: nan" }, { error: "Invalid timestamp \"nan\": Unknown string format: nan" }],
  ["inf", { error: "Unable to calculate correct timezone offset for \"inf\"" }, { error: "Unable to calculate correct timezone offset for \"inf\"" }],
  [new PyFloat(1000000000000000.0), { error: "year 31690708 is out of range" }, { error: "year 31690708 is out of range" }],
  [new PyFloat(1e+20), { error: "Unable to calculate correct timezone offset for \"1e+20\"" }, { error: "Unable to calculate correct timezone offset for \"1e+20\"" }],
  [253402300800, { error: "year 10000 is out of range" }, { error: "year 10000 is out of range" }],
  [-62135596801, { error: "year 0 is out of range" }, { error: "year 0 is out of range" }],
  ["99999999999999999999", { error: "Unable to calculate correct timezone offset for \"99999999999999999999\"" }, { error: "Unable to calculate correct timezone offset for \"99999999999999999999\"" }],
  [null, { error: "Invalid timestamp \"None\": Parser must be a string or character stream, not NoneType" }, { error: "Invalid timestamp \"None\": Parser must be a string or character stream, not NoneType" }],
  [dict({"a": 1}), { error: "Invalid timestamp \"{'a': 1}\": Parser must be a string or character stream, not dict" }, { error: "Invalid timestamp \"{'a': 1}\": Parser must be a string or character stream, not dict" }],
  [[1], { error: "Invalid timestamp \"[1]\": Parser must be a string or character stream, not list" }, { error: "Invalid timestamp \"[1]\": Parser must be a string or character stream, not list" }],
  ["10000-01-01", { error: "Invalid timestamp \"10000-01-01\": year 10000 is out of range: 10000-01-01" }, { error: "Invalid timestamp \"10000-01-01\": year 10000 is out of range: 10000-01-01" }],
];
// botocore RestJSONParser + the CLI iso8601 timestamp parser on the mock's bodies (TZ=UTC):
// the member order, and json.dumps(indent=4) of the members the variant changes.
const BOTOCORE_SHAPED: Record<string, { keys: string[]; fields: Record<string, string> }> = {
  "shape-ts-epoch": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "statusDetails", "description", "inferenceContainerImageDigest", "environment", "kmsKeyArn", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2023-11-14T22:13:20+00:00\"",
      updateTime: "\"2023-11-14T22:13:20.500000+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 1\n}",
      containerExecutionParameters: "{\n    \"maxPayloadInMB\": 6\n}",
      outputConfiguration: "{\n    \"accept\": \"text/csv\",\n    \"members\": [\n        {\n            \"accountId\": \"123456789012\"\n        }\n    ]\n}",
      environment: "{\n    \"LOG_LEVEL\": \"debug\",\n    \"BATCH\": \"128\"\n}",
      tags: "{\n    \"team\": \"ml\",\n    \"cost-center\": \"42\"\n}",
      statusDetails: "{\n    \"statusCode\": \"OK\",\n    \"message\": \"Job is running | with pipes\\tand tabs\"\n}",
      description: "\"Nightly scoring run, ünïcode ✓\"",
      kmsKeyArn: "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
    },
  },
  "shape-ts-offset": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "statusDetails", "description", "inferenceContainerImageDigest", "environment", "kmsKeyArn", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2026-11-20T10:30:00+05:30\"",
      updateTime: "\"2026-11-20T05:00:00+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 1\n}",
      containerExecutionParameters: "{\n    \"maxPayloadInMB\": 6\n}",
      outputConfiguration: "{\n    \"accept\": \"text/csv\",\n    \"members\": [\n        {\n            \"accountId\": \"123456789012\"\n        }\n    ]\n}",
      environment: "{\n    \"LOG_LEVEL\": \"debug\",\n    \"BATCH\": \"128\"\n}",
      tags: "{\n    \"team\": \"ml\",\n    \"cost-center\": \"42\"\n}",
      statusDetails: "{\n    \"statusCode\": \"OK\",\n    \"message\": \"Job is running | with pipes\\tand tabs\"\n}",
      description: "\"Nightly scoring run, ünïcode ✓\"",
      kmsKeyArn: "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
    },
  },
  "shape-ts-frac": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "statusDetails", "description", "inferenceContainerImageDigest", "environment", "kmsKeyArn", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2026-11-20T05:00:00+00:00\"",
      updateTime: "\"2026-11-20T05:00:00.123456+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 1\n}",
      containerExecutionParameters: "{\n    \"maxPayloadInMB\": 6\n}",
      outputConfiguration: "{\n    \"accept\": \"text/csv\",\n    \"members\": [\n        {\n            \"accountId\": \"123456789012\"\n        }\n    ]\n}",
      environment: "{\n    \"LOG_LEVEL\": \"debug\",\n    \"BATCH\": \"128\"\n}",
      tags: "{\n    \"team\": \"ml\",\n    \"cost-center\": \"42\"\n}",
      statusDetails: "{\n    \"statusCode\": \"OK\",\n    \"message\": \"Job is running | with pipes\\tand tabs\"\n}",
      description: "\"Nightly scoring run, ünïcode ✓\"",
      kmsKeyArn: "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
    },
  },
  "shape-numbers": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "statusDetails", "description", "inferenceContainerImageDigest", "environment", "kmsKeyArn", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2026-11-20T05:00:00.123000+00:00\"",
      updateTime: "\"2026-11-27T06:30:00+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 7\n}",
      containerExecutionParameters: "{\n    \"maxPayloadInMB\": 12345678901234567890\n}",
      outputConfiguration: "{\n    \"accept\": \"text/csv\",\n    \"members\": [\n        {\n            \"accountId\": \"123456789012\"\n        }\n    ]\n}",
      environment: "{\n    \"LOG_LEVEL\": \"debug\",\n    \"BATCH\": \"128\"\n}",
      tags: "{\n    \"team\": \"ml\",\n    \"cost-center\": \"42\"\n}",
      statusDetails: "{\n    \"statusCode\": \"OK\",\n    \"message\": \"Job is running | with pipes\\tand tabs\"\n}",
      description: "\"Nightly scoring run, ünïcode ✓\"",
      kmsKeyArn: "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
    },
  },
  "shape-floatint": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "statusDetails", "description", "inferenceContainerImageDigest", "environment", "kmsKeyArn", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2026-11-20T05:00:00.123000+00:00\"",
      updateTime: "\"2026-11-27T06:30:00+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 2\n}",
      containerExecutionParameters: "{\n    \"maxPayloadInMB\": 0\n}",
      outputConfiguration: "{\n    \"accept\": \"text/csv\",\n    \"members\": [\n        {\n            \"accountId\": \"123456789012\"\n        }\n    ]\n}",
      environment: "{\n    \"LOG_LEVEL\": \"debug\",\n    \"BATCH\": \"128\"\n}",
      tags: "{\n    \"team\": \"ml\",\n    \"cost-center\": \"42\"\n}",
      statusDetails: "{\n    \"statusCode\": \"OK\",\n    \"message\": \"Job is running | with pipes\\tand tabs\"\n}",
      description: "\"Nightly scoring run, ünïcode ✓\"",
      kmsKeyArn: "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
    },
  },
  "shape-nulls": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "inferenceContainerImageDigest", "environment", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2026-11-20T05:00:00.123000+00:00\"",
      updateTime: "\"2026-11-27T06:30:00+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 1\n}",
      containerExecutionParameters: "{}",
      outputConfiguration: "{\n    \"members\": [\n        null,\n        {\n            \"accountId\": \"123456789012\"\n        }\n    ]\n}",
      environment: "{\n    \"A\": null,\n    \"B\": \"x\"\n}",
      tags: "{\n    \"k\": null\n}",
    },
  },
  "shape-empty": {
    keys: ["createTime", "updateTime", "trainedModelInferenceJobArn", "configuredModelAlgorithmAssociationArn", "name", "status", "trainedModelArn", "resourceConfig", "outputConfiguration", "membershipIdentifier", "dataSource", "containerExecutionParameters", "statusDetails", "description", "inferenceContainerImageDigest", "environment", "kmsKeyArn", "metricsStatus", "logsStatus", "logsStatusDetails", "tags"],
    fields: {
      createTime: "\"2026-11-20T05:00:00.123000+00:00\"",
      updateTime: "\"2026-11-27T06:30:00+00:00\"",
      resourceConfig: "{\n    \"instanceType\": \"ml.m5.xlarge\",\n    \"instanceCount\": 1\n}",
      containerExecutionParameters: "{}",
      outputConfiguration: "{\n    \"accept\": \"\",\n    \"members\": []\n}",
      environment: "{}",
      tags: "{}",
      statusDetails: "{}",
      description: "\"\"",
      kmsKeyArn: "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Recorded AWS CLI runs against the mock (the public suite's output.json, copied into
// test/fixtures/conformance/ by gen-copies.mjs there): every case that requested a shape-* job.
interface Vector {
  id: string;
  argv: string[];
  env?: Record<string, string>;
  expect: { rc: number; stdout: string; stderr: string };
  clone_expect?: { rc: number; stdout: string; stderr: string };
}
const OUTPUT_VECTORS: Vector[] = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/conformance/output.json'), 'utf8'),
);
const recorded = OUTPUT_VECTORS.filter((v) => v.argv.some((a) => a.startsWith(ARN_BASE + 'shape-')));

describe('conformance: recorded responses of the shape-* jobs', () => {
  it('finds them', () => {
    expect(recorded.map((v) => v.id).sort()).toEqual(
      expect.arrayContaining(['fmt-ts-bad', 'fmt-ts-offset-json', 'fmt-empty-table', 'fmt-members-table']),
    );
  });
  for (const v of recorded) {
    const variant = v.argv.find((a) => a.startsWith(ARN_BASE))!.slice(ARN_BASE.length);
    const exp = v.clone_expect ?? v.expect;
    const outIdx = v.argv.indexOf('--output');
    const output = outIdx >= 0 ? v.argv[outIdx + 1] : 'json';
    it(`${v.id} (${variant}, ${output})`, () => {
      const body = mockBody(variant);
      if (exp.rc !== 0) {
        let err: unknown;
        try {
          shapeGet(body, v.env?.TZ ?? 'UTC');
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(Error);
        expect(`\naws: [ERROR]: ${(err as Error).message}\n`).toBe(exp.stderr);
        return;
      }
      const shaped = shapeGet(body, v.env?.TZ ?? 'UTC') as Map<string, PyValue>;
      if (output === 'json' && !v.argv.includes('--query')) {
        expect(`${pyJson(shaped)}\n`).toBe(exp.stdout);
      } else {
        // yaml/table/text: the shaped timestamps are what they print
        for (const k of ['createTime', 'updateTime']) expect(exp.stdout).toContain(shaped.get(k) as string);
      }
    });
  }
});

describe('the fmt-ts-* cases', () => {
  it('fmt-ts-offset-json: +05:30 kept, RFC 822 GMT becomes +00:00, model order', () => {
    const v = OUTPUT_VECTORS.find((x) => x.id === 'fmt-ts-offset-json')!;
    expect(`${pyJson(shapeGet(mockBody('shape-ts-offset')))}\n`).toBe(v.expect.stdout);
  });
  it('fmt-ts-bad: an unparseable timestamp', () => {
    let err: unknown;
    try {
      shapeGet(mockBody('shape-ts-bad'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidTimestampError);
    expect((err as Error).message).toBe('Invalid timestamp "yesterday-ish": Unknown string format: yesterday-ish');
  });
});

describe('botocore RestJSONParser on the mock bodies', () => {
  for (const [variant, exp] of Object.entries(BOTOCORE_SHAPED)) {
    it(variant, () => {
      const shaped = shapeGet(mockBody(variant)) as Map<string, PyValue>;
      expect([...shaped.keys()]).toEqual(exp.keys);
      for (const [field, json] of Object.entries(exp.fields)) expect(pyJson(shaped.get(field)!), field).toBe(json);
      for (const field of Object.keys(exp.fields)) expect(shaped.has(field)).toBe(true);
    });
  }
  it('shape-floatint: int(2.9) is 2; -0 is 0', () => {
    const shaped = shapeGet(mockBody('shape-floatint')) as Map<string, PyValue>;
    expect((shaped.get('resourceConfig') as Map<string, PyValue>).get('instanceCount')).toBe(2);
    const body = mockBody('shape-floatint');
    (body.get('containerExecutionParameters') as Map<string, PyValue>).set('maxPayloadInMB', -0);
    const cep = (shapeGet(body) as Map<string, PyValue>).get('containerExecutionParameters') as Map<string, PyValue>;
    expect(Object.is(cep.get('maxPayloadInMB'), 0)).toBe(true);
  });
  it('shape-numbers: "7" becomes 7, a big int stays a bigint', () => {
    const shaped = shapeGet(mockBody('shape-numbers')) as Map<string, PyValue>;
    expect((shaped.get('resourceConfig') as Map<string, PyValue>).get('instanceCount')).toBe(7);
    expect((shaped.get('containerExecutionParameters') as Map<string, PyValue>).get('maxPayloadInMB')).toBe(
      12345678901234567890n,
    );
  });
  it('drops members the model does not know, and keeps the model order', () => {
    const body = dict([['zzz', 1], ['name', 'n'], ['createTime', '2026-11-20T05:00:00Z'], ['status', null]]);
    expect(pyJson(shapeGet(body))).toBe('{\n    "createTime": "2026-11-20T05:00:00+00:00",\n    "name": "n"\n}');
  });
  it('an operation without output gives an empty dict', () => {
    expect(shapeResponse(dict({ a: 1 }), undefined, { timestampFormat: 'iso8601' })).toEqual(new Map());
  });
});

describe('timestamp formats', () => {
  it("'wire' (and 'none') keep the raw value", () => {
    for (const timestampFormat of ['wire', 'none'] as const) {
      const shaped = shapeResponse(mockBody('shape-ts-epoch'), GET_OUTPUT, { timestampFormat }) as Map<string, PyValue>;
      expect(shaped.get('createTime')).toBe(1700000000);
      expect(shaped.get('updateTime')).toEqual(new PyFloat(1700000000.5));
      const bad = shapeResponse(mockBody('shape-ts-bad'), GET_OUTPUT, { timestampFormat }) as Map<string, PyValue>;
      expect(bad.get('createTime')).toBe('yesterday-ish');
    }
  });
  it('epoch values are local time in TZ', () => {
    const shaped = shapeGet(mockBody('shape-ts-epoch'), 'America/New_York') as Map<string, PyValue>;
    expect(shaped.get('createTime')).toBe('2023-11-14T17:13:20-05:00');
    expect(shaped.get('updateTime')).toBe('2023-11-14T17:13:20.500000-05:00');
    // dateutil's tzlocal: DST offsets too; POSIX TZ strings; unset is UTC
    expect(isoformat(parseTimestamp(1690000000, 'America/New_York'))).toBe('2023-07-22T00:26:40-04:00');
    expect(isoformat(parseTimestamp(1690000000, 'Australia/Sydney'))).toBe('2023-07-22T14:26:40+10:00');
    expect(formatIsoTimestamp(1700000000, 'Australia/Sydney')).toBe('2023-11-15T09:13:20+11:00');
    expect(formatIsoTimestamp(1700000000, 'Asia/Kolkata')).toBe('2023-11-15T03:43:20+05:30');
    expect(formatIsoTimestamp(1700000000, 'JST-9')).toBe('2023-11-15T07:13:20+09:00');
    expect(formatIsoTimestamp(1700000000)).toBe('2023-11-14T22:13:20+00:00');
    expect(formatIsoTimestamp(1700000000, '')).toBe('2023-11-14T22:13:20+00:00');
  });
  it('a zone name that is the local one takes the local offset', () => {
    expect(formatIsoTimestamp('2026-11-20T05:00:00 EST', 'America/New_York')).toBe('2026-11-20T05:00:00-05:00');
    expect(formatIsoTimestamp('2026-07-20T05:00:00 EST', 'America/New_York')).toBe('2026-07-20T05:00:00-04:00');
    expect(formatIsoTimestamp('2026-11-20T05:00:00 IST', 'Asia/Kolkata')).toBe('2026-11-20T05:00:00+05:30');
    expect(formatIsoTimestamp('2026-11-20T05:00:00 IST', 'America/New_York')).toBe('2026-11-20T05:00:00');
  });
});

describe('parse_timestamp(value).isoformat() (botocore + dateutil)', () => {
  // The clock: two-digit years are put within 50 years of 2026.
  const NOW = new Date(Date.UTC(2026, 5, 15, 12));
  const run = (v: PyValue, tz: string, exp: Expected) => {
    if (typeof exp === 'string') expect(formatIsoTimestamp(v, tz, NOW)).toBe(exp);
    else {
      let err: unknown;
      try {
        formatIsoTimestamp(v, tz, NOW);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TimestampError);
      expect((err as Error).message).toBe(exp.error);
    }
  };
  for (const [v, utc, ny] of TIMESTAMPS) {
    it(`${pyJson(v).replace(/\s+/g, ' ')}`, () => {
      run(v, 'UTC', utc);
      run(v, 'America/New_York', ny);
    });
  }
  it("today's day kept within the month given (dateutil: on January 31st, Feb 2025 is February 28th)", () => {
    const jan31 = new Date(Date.UTC(2026, 0, 31, 12));
    expect(formatIsoTimestamp('Feb 2025', 'UTC', jan31)).toBe('2025-02-28T00:00:00');
    expect(formatIsoTimestamp('2024-02', 'UTC', jan31)).toBe('2024-02-29T00:00:00');
    expect(formatIsoTimestamp('Jan 2024', 'America/New_York', jan31)).toBe('2024-01-31T00:00:00');
    expect(formatIsoTimestamp('Feb', 'UTC', jan31)).toBe('2026-02-28T00:00:00');
  });
  it('a parsed datetime', () => {
    expect(parseTimestamp('2026-11-20T10:30:00.5+05:30')).toEqual({
      year: 2026, month: 11, day: 20, hour: 10, minute: 30, second: 0, microsecond: 500000, offset: 19800,
    });
    expect(isoformat({ year: 99, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 6, offset: -3723 }))
      .toBe('0099-01-02T03:04:05.000006-01:02:03');
  });
  it('errors that are not "Invalid timestamp"', () => {
    expect(() => formatIsoTimestamp('2026-11-20T05:00:00+9999', 'UTC')).toThrow(TimestampError);
    expect(() => formatIsoTimestamp('2026-11-20T05:00:00+9999', 'UTC')).not.toThrow(InvalidTimestampError);
  });
});

// ---------------------------------------------------------------------------------------------
// Scalars: RestJSONParser's int()/float()/ensure_boolean, with Python's error texts.
describe('scalars', () => {
  it('int()', () => {
    expect(pyInt(new PyFloat(2.9))).toBe(2);
    expect(pyInt(new PyFloat(-2.9))).toBe(-2);
    expect(pyInt(new PyFloat(1e20))).toBe(100000000000000000000n);
    expect(pyInt(' -0012 ')).toBe(-12);
    expect(pyInt('1_000')).toBe(1000);
    expect(pyInt('١٢')).toBe(12);
    expect(pyInt(true)).toBe(1);
    expect(pyInt('99999999999999999999')).toBe(99999999999999999999n);
    expect(() => pyInt('1.5')).toThrow("invalid literal for int() with base 10: '1.5'");
    expect(() => pyInt("it's")).toThrow(`invalid literal for int() with base 10: "it's"`);
    expect(() => pyInt(null)).toThrow(
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
    );
    expect(() => pyInt([1])).toThrow("int() argument must be a string, a bytes-like object or a real number, not 'list'");
    expect(() => pyInt(new PyFloat(NaN))).toThrow('cannot convert float NaN to integer');
    expect(() => pyInt(new PyFloat(Infinity))).toThrow('cannot convert float infinity to integer');
  });
  it('float()', () => {
    expect(pyFloat(5)).toEqual(new PyFloat(5));
    expect(pyFloat(' 2_5.5 ')).toEqual(new PyFloat(25.5));
    expect(pyFloat('1e3')).toEqual(new PyFloat(1000));
    expect(pyFloat('-Infinity')).toEqual(new PyFloat(-Infinity));
    expect(pyFloat(false)).toEqual(new PyFloat(0));
    expect(() => pyFloat('abc')).toThrow("could not convert string to float: 'abc'");
    expect(() => pyFloat('0x10')).toThrow("could not convert string to float: '0x10'");
    expect(() => pyFloat(dict())).toThrow("float() argument must be a string or a real number, not 'dict'");
  });
  it('ensure_boolean', () => {
    expect(ensureBoolean('TRUE')).toBe(true);
    expect(ensureBoolean('yes')).toBe(false);
    expect(ensureBoolean(1)).toBe(false);
    expect(ensureBoolean(false)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Other operations' shapes (doubles, longs, booleans, tagged unions), against botocore's parser.
describe('doubles, longs, booleans, unions', () => {
  const out = (op: string) => getShape(MODEL.operations[op].output!.shape);
  const sh = (op: string, body: PyValue) => shapeResponse(body, out(op), { timestampFormat: 'iso8601', tz: 'UTC' });
  it('doubles become floats, longs ints, booleans ensure_boolean', () => {
    const r = sh('GetMLInputChannel', dict({
      numberOfFiles: 5, sizeInGb: '1e3', numberOfRecords: 12345678901234567890n,
      privacyBudgets: dict({ accessBudgets: [], __type: 'x' }),
    }));
    expect(pyJson(r)).toBe(
      '{\n    "numberOfRecords": 12345678901234567890,\n    "privacyBudgets": {\n        "accessBudgets": []\n    },\n' +
      '    "numberOfFiles": 5.0,\n    "sizeInGb": 1000.0\n}',
    );
    const a = sh('GetAudienceGenerationJob', dict({
      includeSeedInOutput: 'TRUE', metrics: dict({ recallMetric: 1, relevanceMetrics: [dict({ score: 2 })] }),
    }));
    expect(pyJson(a)).toBe(
      '{\n    "includeSeedInOutput": true,\n    "metrics": {\n        "relevanceMetrics": [\n            {\n' +
      '                "score": 2.0\n            }\n        ],\n        "recallMetric": 1.0\n    }\n}',
    );
  });
  it('a union member the model does not know', () => {
    const r = sh('GetMLInputChannel', dict({ numberOfFiles: null, sizeInGb: true, privacyBudgets: dict({ zzz: 1 }) }));
    expect(pyJson(r)).toBe(
      '{\n    "privacyBudgets": {\n        "SDK_UNKNOWN_MEMBER": {\n            "name": "zzz"\n        }\n    },\n' +
      '    "sizeInGb": 1.0\n}',
    );
  });
  it('a union with no member or two members set', () => {
    const msg = 'Invalid service response: PrivacyBudgets must have one and only one member set.';
    expect(() => sh('GetMLInputChannel', dict({ privacyBudgets: dict() }))).toThrow(msg);
    expect(() => sh('GetMLInputChannel', dict({ privacyBudgets: dict({ accessBudgets: [], other: 1 }) }))).toThrow(msg);
    expect(() => sh('GetMLInputChannel', dict({ privacyBudgets: 'x' }))).toThrow("'str' object has no attribute 'copy'");
  });
  it('values of the wrong kind fail as Python does', () => {
    expect(() => shapeGet(dict({ resourceConfig: 'abc' }))).toThrow(ResponseShapeError);
    expect(() => shapeGet(dict({ resourceConfig: 'abc' }))).toThrow("'str' object has no attribute 'get'");
    expect(() => shapeGet(dict({ environment: [1, 2] }))).toThrow("'list' object has no attribute 'items'");
    expect(() => shapeGet(dict({ outputConfiguration: dict({ members: 5 }) }))).toThrow("'int' object is not iterable");
    expect(() => shapeGet(dict({ outputConfiguration: dict({ members: [[1]] }) }))).toThrow(
      "'list' object has no attribute 'get'",
    );
    expect(() => shapeGet([1, 2])).toThrow("'list' object has no attribute 'get'");
    expect(() => shapeGet(null)).toThrow("'NoneType' object is not iterable");
  });
  it('lists iterate strings and dict keys (members here are structures); maps keep nulls and their order', () => {
    expect(() => shapeGet(dict({ outputConfiguration: dict({ members: 'ab' }) }))).toThrow(
      "'str' object has no attribute 'get'",
    );
    expect(() => shapeGet(dict({ outputConfiguration: dict({ members: dict({ k: 1 }) }) }))).toThrow(
      "'str' object has no attribute 'get'",
    );
    expect(pyJson(shapeGet(dict({ outputConfiguration: dict({ members: [null, dict({ accountId: 'x', z: 1 })] }) }))))
      .toBe('{\n    "outputConfiguration": {\n        "members": [\n            null,\n            {\n' +
        '                "accountId": "x"\n            }\n        ]\n    }\n}');
    const r = shapeGet(dict({ environment: dict([['b', null], ['a', 1], ['c', dict({ x: 1 })]]) })) as Map<string, PyValue>;
    expect([...(r.get('environment') as Map<string, PyValue>)]).toEqual([['b', null], ['a', 1], ['c', dict({ x: 1 })]]);
  });
});

describe('the fast path of timestamps in the ISO form', () => {
  // fastIsoString answers what the general path (dateutil's parser, then isoformat()) answers, or
  // leaves the value to it.
  let seed = 99;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const two = (n: number) => String(n).padStart(2, '0');
  const general = (s: string) => {
    try {
      return isoformat(parseTimestamp(s));
    } catch (e) {
      return `error ${(e as Error).message}`;
    }
  };
  it('agrees with the general path', () => {
    let fast = 0;
    for (let i = 0; i < 4000; i++) {
      const year = [1, 999, 2024, 2026, 9999][rnd(5)];
      const fraction = ['', '.0', '.000000001', '.5', '.123456789', '.'][rnd(6)];
      const offset = ['Z', '+00:00', '-00:00', '+05:30', '-07:00', '+23:59', '+05:99', '+24:00', 'z', '+0530', ''][rnd(11)];
      const field = (n: number) => two(rnd(10) ? rnd(n) : rnd(n + 2)); // now and then out of range
      const s = `${String(year).padStart(4, '0')}-${two(1 + rnd(12))}-${field(31)}T${field(24)}:${field(60)}:${field(60)}${fraction}${offset}`;
      const f = fastIsoString(s);
      if (f === undefined) continue;
      fast++;
      expect(f, s).toBe(general(s));
    }
    expect(fast).toBeGreaterThan(500);
  });

  it('leaves an offset of more than 59 minutes to the general path, which carries it into the hours', () => {
    expect(fastIsoString('2026-11-20T05:00:00+05:99')).toBeUndefined();
    expect(general('2026-11-20T05:00:00+05:99')).toBe('2026-11-20T05:00:00+06:39');
  });
});

describe('a body consumed (its dicts and lists become the result)', () => {
  // Random bodies for every operation's output, mostly well-formed (members in the model's order, as
  // services send them), now and then shuffled, with nulls, unknown keys or values of the wrong kind:
  // shaped with `consume`, the same result (or error) as without.
  let seed = 20261127;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const scalar = (s: Shape): PyValue => {
    switch (s.type) {
      case 'integer': case 'long': return [1, 7, '3', new PyFloat(2.5)][rnd(4)];
      case 'double': case 'float': return [new PyFloat(1.5), 2, '1e3'][rnd(3)];
      case 'boolean': return [true, false, 'TRUE'][rnd(3)];
      case 'timestamp': return ['2026-11-20T05:00:00.123Z', 1700000000, '2026-11-20T10:30:00+05:30'][rnd(3)];
      default: return ['x', 'arn:aws:cleanrooms-ml:us-east-1:123456789012:thing/abc', ''][rnd(3)];
    }
  };
  const value = (s: Shape, depth: number): PyValue => {
    if (rnd(40) === 0) return [null, 'oops', 5, [], dict({})][rnd(5)];
    if (depth > 5) return null;
    if (s.type === 'structure') {
      const m: Map<string, PyValue> = new Map();
      const members = Object.entries(s.members ?? {});
      if (s.union && members.length) {
        const [k, ref] = members[rnd(members.length)];
        m.set(ref.locationName ?? k, value(getShape(ref), depth + 1));
        return m;
      }
      for (const [k, ref] of members) if (rnd(3)) m.set(ref.locationName ?? k, rnd(15) ? value(getShape(ref), depth + 1) : null);
      if (!rnd(10)) m.set('unknownKey', 'u');
      if (!rnd(8)) return new Map([...m].reverse());
      return m;
    }
    if (s.type === 'list') return Array.from({ length: rnd(4) }, () => value(getShape(s.member!), depth + 1));
    if (s.type === 'map') return new Map(Array.from({ length: rnd(3) }, (_, i) => [`k${i}`, value(getShape(s.value!), depth + 1)]));
    return scalar(s);
  };
  const outputs = Object.values(MODEL.operations).filter((op) => op.output).map((op) => getShape(op.output!.shape));
  const shaped = (body: PyValue, shape: Shape, consume: boolean) => {
    try {
      return pyRepr(shapeResponse(body, shape, { timestampFormat: 'iso8601', tz: 'UTC', consume }));
    } catch (e) {
      return `error ${(e as Error).message}`;
    }
  };
  it('gives what a fresh result gives', () => {
    let reused = 0;
    for (let i = 0; i < 3000; i++) {
      const shape = outputs[rnd(outputs.length)];
      const text = jsonDumps(value(shape, 0));
      const body = jsonLoads(text);
      const expected = shaped(jsonLoads(text), shape, false);
      expect(shaped(body, shape, true), text).toBe(expected);
      if (!expected.startsWith('error')) reused++;
    }
    expect(reused).toBeGreaterThan(1000);
  });
});
