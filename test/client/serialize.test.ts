// REST-JSON request serialisation as botocore's RestJSONSerializer does it; expected bytes come from
// the conformance cases (scalar-membership-specials, json-env-escapes, the GET/PATCH cases) and from
// Python (urllib.parse.quote with safe='-_.~', json.dumps with its default settings).
import { describe, expect, it } from 'vitest';
import { operationsByCliName } from '../../src/model';
import { fromJS, PyBytes, PyDateTime, PyFloat, type PyDict, type PyValue } from '../../src/py/values';
import { percentEncode, serializeRequest } from '../../src/client/serialize';
import { jsonDumps } from '../../src/py/json-dumps';
import type { CliError } from '../../src/errors';

const M = '11111111-2222-3333-4444-555555555555';
const JOB_ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/job-1`;
const ENCODED_JOB_ARN = `arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Amembership%2F${M}%2Ftrained-model-inference-job%2Fjob-1`;
const op = (cliName: string) => operationsByCliName().get(cliName)!;
const params = (o: Record<string, unknown>) => fromJS(o) as PyDict;

describe('percentEncode (botocore percent_encode)', () => {
  it('encodes everything but letters, digits and -_.~ (scalar-membership-specials)', () => {
    expect(percentEncode("a/b c?d#e%f&g=h+i:j;k@l,m$n!o'p(q)rs")).toBe('a%2Fb%20c%3Fd%23e%25f%26g%3Dh%2Bi%3Aj%3Bk%40l%2Cm%24n%21o%27p%28q%29rs');
    expect(percentEncode('\u00e9~_.-*')).toBe('%C3%A9~_.-%2A');
    expect(percentEncode('\u{1F680}')).toBe('%F0%9F%9A%80');
  });

  it('keeps / too for greedy labels', () => {
    expect(percentEncode('a/b c~\u00e9', '/~')).toBe('a/b%20c~%C3%A9');
  });
});

describe('URI labels and the query', () => {
  it('percent-encodes the membership label into the path (scalar-membership-specials)', () => {
    const r = serializeRequest(op('start-trained-model-inference-job'), params({
      membershipIdentifier: "a/b c?d#e%f&g=h+i:j;k@l,m$n!o'p(q)rs", name: 'job1' }));
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/memberships/a%2Fb%20c%3Fd%23e%25f%26g%3Dh%2Bi%3Aj%3Bk%40l%2Cm%24n%21o%27p%28q%29rs/trained-model-inference-jobs');
    expect(r.body).toBe('{"name": "job1"}');
  });

  it('encodes an ARN label, : and / included (err-read-timeout URL)', () => {
    const r = serializeRequest(op('get-trained-model-inference-job'), params({ membershipIdentifier: M, trainedModelInferenceJobArn: JOB_ARN }));
    expect(r).toEqual({ method: 'GET', path: `/memberships/${M}/trained-model-inference-jobs/${ENCODED_JOB_ARN}`, query: [], headers: {}, body: '', parsesOutput: true });
  });

  it('sends a PATCH with only labels without a body or content type', () => {
    const r = serializeRequest(op('cancel-trained-model-inference-job'), params({ membershipIdentifier: M, trainedModelInferenceJobArn: JOB_ARN }));
    expect(r).toEqual({ method: 'PATCH', path: `/memberships/${M}/trained-model-inference-jobs/${ENCODED_JOB_ARN}`, query: [], headers: {}, body: '',
      parsesOutput: !!op('cancel-trained-model-inference-job').output });
  });

  it('puts querystring members in the query in parameter order, unencoded (the transport encodes them)', () => {
    const r = serializeRequest(op('list-trained-model-inference-jobs'), params({
      nextToken: 'a b/c', maxResults: 10, membershipIdentifier: M, trainedModelArn: 'arn:x' }));
    expect(r).toEqual({
      method: 'GET', path: `/memberships/${M}/trained-model-inference-jobs`,
      query: [['nextToken', 'a b/c'], ['maxResults', '10'], ['trainedModelArn', 'arn:x']], headers: {}, body: '', parsesOutput: true,
    });
  });

  it('repeats a list query member once per item (untag-resource)', () => {
    const r = serializeRequest(op('untag-resource'), params({ resourceArn: JOB_ARN, tagKeys: ['a', 'b c'] }));
    expect(r).toEqual({ method: 'DELETE', path: `/tags/${ENCODED_JOB_ARN}`, query: [['tagKeys', 'a'], ['tagKeys', 'b c']], headers: {}, body: '',
      parsesOutput: !!op('untag-resource').output });
  });
});

describe("values botocore's _get_uri_and_query_string_value converts", () => {
  it('lower-cases only a boolean member: a bool for an integer goes as str() gives it (True)', () => {
    const r = serializeRequest(op('list-training-datasets'), params({ maxResults: true }));
    expect(r.query).toEqual([['maxResults', 'True']]);
    expect(serializeRequest(op('list-training-datasets'), params({ maxResults: false })).query).toEqual([['maxResults', 'False']]);
  });

  it('refuses a lone surrogate in a path label or the query before anything is sent (UnicodeEncodeError)', () => {
    const fail = (o: Record<string, unknown>, cliName: string) => {
      try {
        serializeRequest(op(cliName), params(o));
      } catch (e) {
        return [(e as CliError).rc, (e as Error).message];
      }
      return undefined;
    };
    expect(fail({ resourceArn: 'arn:x/\ud800' }, 'list-tags-for-resource'))
      .toEqual([255, "'utf-8' codec can't encode character '\\ud800' in position 6: surrogates not allowed"]);
    expect(fail({ audienceGenerationJobArn: 'ab\udc00\ud800c' }, 'list-audience-export-jobs'))
      .toEqual([255, "'utf-8' codec can't encode characters in position 2-3: surrogates not allowed"]);
    // The path is encoded first.
    expect(fail({ membershipIdentifier: 'm\udfff', trainedModelArn: 't\ud800' }, 'list-trained-model-inference-jobs'))
      .toEqual([255, "'utf-8' codec can't encode character '\\udfff' in position 1: surrogates not allowed"]);
    // A surrogate pair is one character; a lone surrogate in the body is escaped by json.dumps.
    expect(fail({ audienceGenerationJobArn: 'a\u{1F600}' }, 'list-audience-export-jobs')).toBeUndefined();
    expect(serializeRequest(op('create-training-dataset'), params({ name: 'n\ud800', roleArn: 'r', trainingData: [] })).body)
      .toBe('{"name": "n\\ud800", "roleArn": "r", "trainingData": []}');
  });
});

describe('timestamps', () => {
  // Expected wire values: botocore 1.43's serializer (the member's timestampFormat here is iso8601).
  const audience = (value: PyValue) => JSON.parse(serializeRequest(op('create-audience-model'), params({
    name: 'n', trainingDataStartTime: value })).body).trainingDataStartTime;

  it('sends what parse_to_aware_datetime reads, in UTC, in the member\'s format', () => {
    expect(audience('2026-01-01')).toBe('2026-01-01T00:00:00Z');
    expect(audience('2026-01-01T10:00:00.5+02:00')).toBe('2026-01-01T08:00:00.500000Z');
    expect(audience('1700000000')).toBe('2023-11-14T22:13:20Z');
    expect(audience(1700000000.25)).toBe('2023-11-14T22:13:20.250000Z');
    expect(audience('Jan 5 2026 3pm')).toBe('2026-01-05T15:00:00Z');
    expect(audience('2026-06-01T00:00:00-07:00')).toBe('2026-06-01T07:00:00Z');
  });

  it('takes a (naive) YAML datetime as UTC', () => {
    expect(audience(new PyDateTime(true, 2025, 12, 31, 23, 30, 0, 500000))).toBe('2025-12-31T23:30:00.500000Z');
  });
});

describe('the JSON body', () => {
  it('writes the body members in the order given, as json.dumps does, with the content type', () => {
    const r = serializeRequest(op('start-trained-model-inference-job'), params({
      membershipIdentifier: M, name: 'job1', resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: 2 },
      environment: { A: '\u00fc\n', B: 'x' } }));
    expect(r.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(r.body).toBe('{"name": "job1", "resourceConfig": {"instanceType": "ml.m5.xlarge", "instanceCount": 2}, ' +
      '"environment": {"A": "\\u00fc\\n", "B": "x"}}');
  });

  it('sends {} when the input has body members but none was given', () => {
    const r = serializeRequest(op('start-trained-model-inference-job'), params({ membershipIdentifier: M }));
    expect(r.body).toBe('{}');
    expect(r.headers).toEqual({ 'Content-Type': 'application/json' });
    const tag = serializeRequest(op('tag-resource'), params({ resourceArn: JOB_ARN, tags: { team: 'ml' } }));
    expect(tag).toEqual({ method: 'POST', path: `/tags/${ENCODED_JOB_ARN}`, query: [], headers: { 'Content-Type': 'application/json' },
      body: '{"tags": {"team": "ml"}}', parsesOutput: !!op('tag-resource').output });
  });

  // Reachable only with parameter_validation off (the AWS CLI's KeyError, exit 255, nothing sent;
  // see test/commands/parameter-validation.test.ts); a None parameter is skipped, unknown or not.
  it('refuses parameters the input shape does not have, skips null ones', () => {
    const get = op('get-trained-model-inference-job');
    const fail = (p: Record<string, unknown>) => {
      try { serializeRequest(get, params(p)); } catch (e) { return [(e as CliError).message, (e as CliError).rc]; }
      return undefined;
    };
    expect(fail({ membershipIdentifier: M, trainedModelInferenceJobArn: 'x', bogus: 1 }))
      .toEqual(['Cannot serialize parameter bogus: it is not a member of the input (parameter validation is off)', 255]);
    expect(fail({ membershipIdentifier: null, trainedModelInferenceJobArn: 'x' }))
      .toEqual(['Cannot serialize parameter membershipIdentifier: it is required in the URI and has no value (parameter validation is off)', 255]);
    const r = serializeRequest(get, params({ membershipIdentifier: M, trainedModelInferenceJobArn: 'x', bogus: null }));
    expect(r.body).toBe('');
  });
});

describe('jsonDumps (json.dumps defaults: ensure_ascii, ", " and ": ")', () => {
  it('escapes as Python does', () => {
    // Printed by python3: json.dumps({...}) with the same values.
    const v = new Map<string, PyValue>([
      ['name', 'caf\u00e9\n\t"q"\\ /\x01\x7f\u{1F680}'], ['n', new PyFloat(5)], ['big', 99999999999999999999n],
      ['f', new PyFloat(1e16)], ['g', new PyFloat(1e-5)], ['neg', new PyFloat(-0)], ['t', true], ['z', null],
      ['l', [1, new Map()]],
    ]);
    expect(jsonDumps(v)).toBe('{"name": "caf\\u00e9\\n\\t\\"q\\"\\\\ /\\u0001\\u007f\\ud83d\\ude80", "n": 5.0, ' +
      '"big": 99999999999999999999, "f": 1e+16, "g": 1e-05, "neg": -0.0, "t": true, "z": null, "l": [1, {}]}');
  });

  it('writes non-finite floats as Python does and bytes as base64', () => {
    expect(jsonDumps([new PyFloat(NaN), new PyFloat(Infinity), new PyFloat(-Infinity)])).toBe('[NaN, Infinity, -Infinity]');
    expect(jsonDumps(new PyBytes(new Uint8Array([104, 105])))).toBe('"aGk="');
  });
});

describe("doubles that JSON cannot hold (botocore's _handle_float)", () => {
  // The AWS CLI sends these (checked with the oracle: JSON 1e400 / NaN, shorthand inf / -infinity / nan,
  // YAML .inf / .nan all go as the strings); ops-create-cmaa-double-overflow-inf pins one.
  const cmaa = (value: PyValue) => serializeRequest(op('create-configured-model-algorithm-association'), new Map<string, PyValue>([
    ['membershipIdentifier', M], ['configuredModelAlgorithmArn', 'arn:x'], ['name', 'a'],
    ['privacyConfiguration', new Map([['policies', new Map([['trainedModelExports', new Map<string, PyValue>([
      ['maxSize', new Map<string, PyValue>([['unit', 'GB'], ['value', value]])], ['filesToExport', ['MODEL']]])]])]])],
  ]));
  it.each([
    [new PyFloat(Infinity), '"Infinity"'], [new PyFloat(-Infinity), '"-Infinity"'], [new PyFloat(NaN), '"NaN"'],
    [new PyFloat(1.5), '1.5'], [new PyFloat(1e308), '1e+308'], [5, '5'], [10n ** 20n, '100000000000000000000'],
  ] as [PyValue, string][])('%s goes as %s', (value, text) => {
    expect(cmaa(value).body).toBe('{"configuredModelAlgorithmArn": "arn:x", "name": "a", "privacyConfiguration": ' +
      `{"policies": {"trainedModelExports": {"maxSize": {"unit": "GB", "value": ${text}}, "filesToExport": ["MODEL"]}}}}`);
  });

  it('an int too large for a float fails as math.isnan does (OverflowError, exit 255)', () => {
    expect(() => cmaa(10n ** 400n)).toThrow('int too large to convert to float');
  });
});
