import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/output/json';
import { jsonLoads } from '../../src/py/json-loads';
import { dict, PyBytes, PyFloat, type PyValue } from '../../src/py/values';

// The stdout of conformance case fmt-ts-offset-json (get-trained-model-inference-job, default json output).
const FMT_TS_OFFSET_JSON =
  '{\n    "createTime": "2026-11-20T10:30:00+05:30",\n    "updateTime": "2026-11-20T05:00:00+00:00",\n    "trainedModelInferenceJobArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model-inference-job/shape-ts-offset",\n    "configuredModelAlgorithmAssociationArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/configured-model-algorithm-association/cmaa-0",\n    "name": "job-0",\n    "status": "ACTIVE",\n    "trainedModelArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/trained-model/tm-0",\n    "resourceConfig": {\n        "instanceType": "ml.m5.xlarge",\n        "instanceCount": 1\n    },\n    "outputConfiguration": {\n        "accept": "text/csv",\n        "members": [\n            {\n                "accountId": "123456789012"\n            }\n        ]\n    },\n    "membershipIdentifier": "11111111-1111-4111-8111-111111111111",\n    "dataSource": {\n        "mlInputChannelArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-1111-4111-8111-111111111111/ml-input-channel/ch-0"\n    },\n    "containerExecutionParameters": {\n        "maxPayloadInMB": 6\n    },\n    "statusDetails": {\n        "statusCode": "OK",\n        "message": "Job is running | with pipes\\tand tabs"\n    },\n    "description": "Nightly scoring run, \u00fcn\u00efcode \u2713",\n    "inferenceContainerImageDigest": "sha256:abababababababababababababababababababababababababababababababab",\n    "environment": {\n        "LOG_LEVEL": "debug",\n        "BATCH": "128"\n    },\n    "kmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",\n    "metricsStatus": "PUBLISH_SUCCEEDED",\n    "logsStatus": "PUBLISH_FAILED",\n    "logsStatusDetails": "no log group",\n    "tags": {\n        "team": "ml",\n        "cost-center": "42"\n    }\n}\n';

// [input JSON, what Python 3.13 writes for json.loads(input) with json.dump(indent=4, ensure_ascii=False) + "\n"
// (nothing for an empty dict)], recorded from Python.
const PYTHON_CASES: [string, string][] = JSON.parse(String.raw`[
["{}", ""],
["[]", "[]\n"],
["null", "null\n"],
["\"\"", "\"\"\n"],
["0", "0\n"],
["false", "false\n"],
["{\"a\": {}, \"b\": [], \"c\": [{}], \"d\": [[]]}", "{\n    \"a\": {},\n    \"b\": [],\n    \"c\": [\n        {}\n    ],\n    \"d\": [\n        []\n    ]\n}\n"],
["[1, 2.0, -0.0, 1e16, 1.5e-5, 0.0001, 123456789.125, 1e22, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity, 12345678901234567890123, -9007199254740993]", "[\n    1,\n    2.0,\n    -0.0,\n    1e+16,\n    1.5e-05,\n    0.0001,\n    123456789.125,\n    1e+22,\n    5e-324,\n    1.7976931348623157e+308,\n    NaN,\n    Infinity,\n    -Infinity,\n    12345678901234567890123,\n    -9007199254740993\n]\n"],
["{\"s\": \"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\\u0080\\u00e9\\u2028\\ud83d\\ude00\"}", "{\n    \"s\": \"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\u0080\u00e9\u2028\ud83d\ude00\"\n}\n"],
["{\"z\": 1, \"10\": 2, \"2\": 3, \"\\u00fc\": 4}", "{\n    \"z\": 1,\n    \"10\": 2,\n    \"2\": 3,\n    \"\u00fc\": 4\n}\n"],
["[true, false, null, \"x\"]", "[\n    true,\n    false,\n    null,\n    \"x\"\n]\n"]
]`);

describe('formatJson', () => {
  it.each(PYTHON_CASES)('writes %s as Python does', (input, expected) => {
    expect(formatJson(jsonLoads(input))).toBe(expected);
  });

  it('reproduces the CLI output of conformance case fmt-ts-offset-json', () => {
    expect(formatJson(jsonLoads(FMT_TS_OFFSET_JSON))).toBe(FMT_TS_OFFSET_JSON);
  });

  it('prints nothing for an empty dict but prints other falsy values', () => {
    expect(formatJson(new Map())).toBe('');
    expect(formatJson(null)).toBe('null\n');
    expect(formatJson([])).toBe('[]\n');
    expect(formatJson('')).toBe('""\n');
    expect(formatJson(0)).toBe('0\n');
    expect(formatJson(dict({ a: new Map() }))).toBe('{\n    "a": {}\n}\n');
  });

  it('writes floats, ints and bigints as Python does', () => {
    const v: PyValue = [new PyFloat(5), new PyFloat(0.1), new PyFloat(1e16), new PyFloat(1e-5), 2 ** 53 + 2, 10n ** 20n, -3];
    expect(formatJson(v)).toBe(
      '[\n    5.0,\n    0.1,\n    1e+16,\n    1e-05,\n    9007199254740994,\n    100000000000000000000,\n    -3\n]\n',
    );
  });

  it('writes non-ASCII text raw and escapes only quotes, backslashes and control characters', () => {
    expect(formatJson('日本語 ✓ 🚀 \u00a0 "q" \\ \u0007 \u001b \n')).toBe(
      '"日本語 ✓ 🚀 \u00a0 \\"q\\" \\\\ \\u0007 \\u001b \\n"\n',
    );
  });

  it('writes bytes as base64 text', () => {
    expect(formatJson(dict({ b: new PyBytes(new Uint8Array([0, 1, 2, 250, 255])) }))).toBe('{\n    "b": "AAEC+v8="\n}\n');
  });

  it('formats a 10,000-item list', () => {
    const items = Array.from({ length: 10000 }, (_, i) =>
      dict({ name: `job-${i}`, n: i, score: new PyFloat(i / 4), tags: dict({ k: 'ü' }), list: [1, true, null] }),
    );
    const out = formatJson(dict({ items }));
    expect(out.startsWith('{\n    "items": [\n        {\n            "name": "job-0",\n            "n": 0,\n            "score": 0.0,')).toBe(true);
    expect(out.endsWith('            "list": [\n                1,\n                true,\n                null\n            ]\n        }\n    ]\n}\n')).toBe(true);
  });
});
