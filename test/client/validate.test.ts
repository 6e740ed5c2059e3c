// botocore's ParamValidator messages (awscli/botocore/validate.py), byte for byte, in the order
// botocore reports them; the val-*, json-rc-* and sh-* conformance cases pin several of them.
import { describe, expect, it } from 'vitest';
import { getShape, inputShape, operationsByCliName } from '../../src/model';
import { markOrderedDict, pyRepr } from '../../src/py/repr';
import { PyBytes, PyDateTime, PyFloat, fromJS, type PyDict, type PyValue } from '../../src/py/values';
import { validateParams } from '../../src/client/validate';
import { loadYamlInput } from '../../src/params/yaml-input';

const M = '11111111-2222-3333-4444-555555555555';
const input = (cliName: string) => inputShape(operationsByCliName().get(cliName)!);

function startParams(over: Record<string, PyValue> = {}): PyDict {
  const p = fromJS({
    membershipIdentifier: M, name: 'job1', trainedModelArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/t',
    resourceConfig: { instanceType: 'ml.m5.xlarge' }, outputConfiguration: { members: [{ accountId: '123456789012' }] },
    dataSource: { mlInputChannelArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/ml-input-channel/c' },
  }) as PyDict;
  for (const [k, v] of Object.entries(over)) p.set(k, v);
  return p;
}

const validateStart = (over: Record<string, PyValue>) => validateParams(startParams(over), input('start-trained-model-inference-job'));

describe('structures', () => {
  it('accepts a complete input', () => {
    expect(validateParams(startParams(), input('start-trained-model-inference-job'))).toEqual([]);
  });

  it('reports missing required members in the shape\'s required order, top level as "input"', () => {
    const p = startParams();
    p.delete('dataSource');
    p.delete('name');
    expect(validateParams(p, input('start-trained-model-inference-job'))).toEqual([
      'Missing required parameter in input: "name"',
      'Missing required parameter in input: "dataSource"',
    ]);
  });

  it('reports unknown members with the member list in model order, after the missing ones (json-ds-extra-nesting)', () => {
    expect(validateStart({ dataSource: fromJS({ dataSource: { mlInputChannelArn: 'x' } }) })).toEqual([
      'Missing required parameter in dataSource: "mlInputChannelArn"',
      'Unknown parameter in dataSource: "dataSource", must be one of: mlInputChannelArn',
    ]);
    expect(validateStart({ resourceConfig: fromJS({ instanceType: 'ml.m5.xlarge', foo: 1 }) })).toEqual([
      'Unknown parameter in resourceConfig: "foo", must be one of: instanceType, instanceCount',
    ]);
  });

  it('names list items and nested members with their path', () => {
    expect(validateStart({ outputConfiguration: fromJS({ members: [{ accountId: '123456789012' }, { '': 'x' }] }) })).toEqual([
      'Missing required parameter in outputConfiguration.members[1]: "accountId"',
      'Unknown parameter in outputConfiguration.members[1]: "", must be one of: accountId',
    ]);
  });
});

describe('types', () => {
  const t = (v: PyValue) => validateStart({ resourceConfig: new Map<string, PyValue>([['instanceType', 'ml.m5.xlarge'], ['instanceCount', v]]) });

  it('prints the value with str() and its Python type (json-rc-count-string, json-rc-count-null)', () => {
    expect(t('2')).toEqual(["Invalid type for parameter resourceConfig.instanceCount, value: 2, type: <class 'str'>, valid types: <class 'int'>"]);
    expect(t(null)).toEqual(["Invalid type for parameter resourceConfig.instanceCount, value: None, type: <class 'NoneType'>, valid types: <class 'int'>"]);
    expect(t(new PyFloat(1.5))).toEqual(["Invalid type for parameter resourceConfig.instanceCount, value: 1.5, type: <class 'float'>, valid types: <class 'int'>"]);
    expect(t(new PyFloat(2))).toEqual(["Invalid type for parameter resourceConfig.instanceCount, value: 2.0, type: <class 'float'>, valid types: <class 'int'>"]);
  });

  it('accepts a bool for an int (bool is an int in Python) but range-checks it as False/True', () => {
    expect(t(true)).toEqual([]);
    expect(t(false)).toEqual(['Invalid value for parameter resourceConfig.instanceCount, value: False, valid min value: 1']);
  });

  it('accepts ints beyond 64 bits (scalar-count-big)', () => {
    expect(t(99999999999999999999n)).toEqual([]);
  });

  it('refuses containers for scalars, and scalars for containers (sh-rc-hash-for-string, sh-env-csv-list)', () => {
    expect(validateStart({ resourceConfig: fromJS({ instanceType: { a: 'b' } }) })).toEqual([
      "Invalid type for parameter resourceConfig.instanceType, value: {'a': 'b'}, type: <class 'dict'>, valid types: <class 'str'>"]);
    expect(validateStart({ environment: fromJS({ A: ['b', 'c', 'd'] }) })).toEqual([
      "Invalid type for parameter environment.A, value: ['b', 'c', 'd'], type: <class 'list'>, valid types: <class 'str'>"]);
    expect(validateStart({ resourceConfig: 'abc' })).toEqual([
      "Invalid type for parameter resourceConfig, value: abc, type: <class 'str'>, valid types: <class 'dict'>"]);
    expect(validateStart({ outputConfiguration: fromJS({ members: { accountId: 'x' } }) })).toEqual([
      "Invalid type for parameter outputConfiguration.members, value: {'accountId': 'x'}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>"]);
    expect(validateStart({ environment: fromJS({ A: 1 }) })).toEqual([
      "Invalid type for parameter environment.A, value: 1, type: <class 'int'>, valid types: <class 'str'>"]);
  });

  it("prints an OrderedDict (JSON input) as the AWS CLI's Python 3.11 does", () => {
    const od = markOrderedDict(new Map<string, PyValue>([['a', 'b']]));
    expect(validateStart({ name: od })).toEqual([
      "Invalid type for parameter name, value: OrderedDict([('a', 'b')]), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>"]);
  });

  it('refuses a YAML date or datetime for a string, printed as Python prints them', () => {
    expect(validateStart({ name: new PyDateTime(false, 2026, 1, 1) })).toEqual([
      "Invalid type for parameter name, value: 2026-01-01, type: <class 'datetime.date'>, valid types: <class 'str'>"]);
    expect(validateStart({ name: new PyDateTime(true, 2026, 1, 1, 5, 0, 0, 500000) })).toEqual([
      "Invalid type for parameter name, value: 2026-01-01 05:00:00.500000, type: <class 'datetime.datetime'>, valid types: <class 'str'>"]);
    expect(validateStart({ resourceConfig: fromJS({ instanceType: 'ml.m5.xlarge', instanceCount: [new PyDateTime(false, 2026, 1, 1)] }) })).toEqual([
      "Invalid type for parameter resourceConfig.instanceCount, value: [datetime.date(2026, 1, 1)], type: <class 'list'>, valid types: <class 'int'>"]);
  });

  it('refuses map keys that YAML made ints, floats, None or dates (botocore checks them against the key shape)', () => {
    const doc = loadYamlInput('environment:\n  1: x\n  ~: z\n  2026-01-01: d\n  ok: v\ntags:\n  1.5: f\n') as PyDict;
    expect(validateStart({ environment: doc.get('environment')!, tags: doc.get('tags')! })).toEqual([
      "Invalid type for parameter environment (key: 1), value: 1, type: <class 'int'>, valid types: <class 'str'>",
      "Invalid type for parameter environment (key: None), value: None, type: <class 'NoneType'>, valid types: <class 'str'>",
      "Invalid type for parameter environment (key: 2026-01-01), value: 2026-01-01, type: <class 'datetime.date'>, valid types: <class 'str'>",
      "Invalid type for parameter tags (key: 1.5), value: 1.5, type: <class 'float'>, valid types: <class 'str'>",
    ]);
    expect(pyRepr(doc.get('environment')!)).toBe("{1: 'x', None: 'z', datetime.date(2026, 1, 1): 'd', 'ok': 'v'}");
  });

  it('takes a datetime for a timestamp, but not a date (dateutil cannot parse one)', () => {
    const audience = (start: PyValue) => validateParams(fromJS({
      name: 'n', trainingDatasetArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/abc', trainingDataStartTime: start,
    }), input('create-audience-model'));
    expect(audience(new PyDateTime(true, 2026, 1, 1, 5, 0))).toEqual([]);
    expect(audience('2026-01-01')).toEqual([]);
    expect(audience(new PyDateTime(false, 2026, 1, 1))).toEqual([
      "Invalid type for parameter trainingDataStartTime, value: 2026-01-01, type: <class 'datetime.date'>, " +
      "valid types: <class 'datetime.datetime'>, timestamp-string"]);
  });

  it('refuses bytes for a string (input-yaml-binary-tag) and a bool for a string', () => {
    expect(validateStart({ name: new PyBytes(new TextEncoder().encode('hello')) })).toEqual([
      "Invalid type for parameter name, value: b'hello', type: <class 'bytes'>, valid types: <class 'str'>"]);
    expect(validateStart({ name: true })).toEqual([
      "Invalid type for parameter name, value: True, type: <class 'bool'>, valid types: <class 'str'>"]);
  });
});

describe('minimums', () => {
  it('checks string lengths in code points (val-account-short)', () => {
    expect(validateStart({ outputConfiguration: fromJS({ members: [{ accountId: '12' }] }) })).toEqual([
      'Invalid length for parameter outputConfiguration.members[0].accountId, value: 2, valid min length: 12']);
    // Two astral characters: Python's len() is 2 (JS .length would be 4).
    expect(validateStart({ outputConfiguration: fromJS({ members: [{ accountId: '\u{1F600}\u{1F600}' }] }) })).toEqual([
      'Invalid length for parameter outputConfiguration.members[0].accountId, value: 2, valid min length: 12']);
    expect(validateStart({ name: '' })).toEqual(['Invalid length for parameter name, value: 0, valid min length: 1']);
  });

  it('checks list lengths (val-members-empty)', () => {
    expect(validateStart({ outputConfiguration: fromJS({ members: [] }) })).toEqual([
      'Invalid length for parameter outputConfiguration.members, value: 0, valid min length: 1']);
  });

  it('checks integer values, reporting every error (val-int-min)', () => {
    expect(validateStart({
      resourceConfig: fromJS({ instanceType: 'ml.m5.xlarge', instanceCount: 0 }),
      containerExecutionParameters: fromJS({ maxPayloadInMB: -1 }),
    })).toEqual([
      'Invalid value for parameter resourceConfig.instanceCount, value: 0, valid min value: 1',
      'Invalid value for parameter containerExecutionParameters.maxPayloadInMB, value: -1, valid min value: 1',
    ]);
  });

  it('checks double values, printing floats as Python does', () => {
    const policy = (value: PyValue) => new Map<string, PyValue>([['privacyConfiguration', fromJS({
      policies: { trainedModelInferenceJobs: { maxOutputSize: { unit: 'GB', value: 0 } } } })]]);
    const shape = input('create-configured-model-algorithm-association');
    const params = (value: PyValue) => {
      const p = policy(value);
      ((((p.get('privacyConfiguration') as PyDict).get('policies') as PyDict).get('trainedModelInferenceJobs') as PyDict)
        .get('maxOutputSize') as PyDict).set('value', value);
      return new Map<string, PyValue>([['membershipIdentifier', M], ['configuredModelAlgorithmArn', 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-model-algorithm/a'], ['name', 'n'], ...p]);
    };
    const path = 'privacyConfiguration.policies.trainedModelInferenceJobs.maxOutputSize.value';
    expect(validateParams(params(new PyFloat(0)), shape)).toEqual([`Invalid value for parameter ${path}, value: 0.0, valid min value: 0.01`]);
    expect(validateParams(params(new PyFloat(0.00001)), shape)).toEqual([`Invalid value for parameter ${path}, value: 1e-05, valid min value: 0.01`]);
    expect(validateParams(params(0), shape)).toEqual([`Invalid value for parameter ${path}, value: 0, valid min value: 0.01`]);
    expect(validateParams(params(new PyFloat(0.5)), shape)).toEqual([]);
    expect(validateParams(params('1'), shape)).toEqual([
      `Invalid type for parameter ${path}, value: 1, type: <class 'str'>, valid types: <class 'float'>, <class 'decimal.Decimal'>, <class 'int'>`]);
  });
});

describe('maps', () => {
  it('validates each key as "name (key: k)" and each value as name.k (sh-env-empty-key)', () => {
    expect(validateStart({ environment: fromJS({ '': 'x' }) })).toEqual([
      'Invalid length for parameter environment (key: ), value: 0, valid min length: 1']);
    expect(validateStart({ environment: 'A=b' })).toEqual([
      "Invalid type for parameter environment, value: A=b, type: <class 'str'>, valid types: <class 'dict'>"]);
  });
});

describe('tagged unions', () => {
  const channel = (dataSource: PyValue) => new Map<string, PyValue>([
    ['membershipIdentifier', M], ['configuredModelAlgorithmAssociations', [`arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/configured-model-algorithm-association/a`]],
    ['inputChannel', new Map<string, PyValue>([['dataSource', dataSource], ['roleArn', 'arn:aws:iam::123456789012:role/r']])],
    ['name', 'n'], ['retentionInDays', 1]]);
  const shape = input('create-ml-input-channel');
  const query = fromJS({ sqlParameters: { queryString: 'select 1' } });

  it('accepts exactly one member', () => {
    expect(validateParams(channel(new Map([['protectedQueryInputParameters', query]])), shape)).toEqual([]);
    expect(getShape('InputChannelDataSource').union).toBe(true);
  });

  it('refuses an empty union (botocore\'s message, missing space included)', () => {
    expect(validateParams(channel(new Map()), shape)).toEqual([
      'Must set one of the following keys for tagged unionstructure inputChannel.dataSource: protectedQueryInputParameters.']);
  });

  it('counts every key given, unknown ones too, and reports that first', () => {
    expect(validateParams(channel(new Map<string, PyValue>([['protectedQueryInputParameters', query], ['foo', 1]])), shape)).toEqual([
      'Invalid number of parameters set for tagged union structure inputChannel.dataSource. Can only set one of the following keys: protectedQueryInputParameters.',
      'Unknown parameter in inputChannel.dataSource: "foo", must be one of: protectedQueryInputParameters',
    ]);
  });

  it('checks a union nested deeper (ComputeConfiguration)', () => {
    const q = fromJS({ sqlParameters: { queryString: 'select 1' }, computeConfiguration: {} });
    expect(validateParams(channel(new Map([['protectedQueryInputParameters', q]])), shape)).toEqual([
      'Must set one of the following keys for tagged unionstructure inputChannel.dataSource.protectedQueryInputParameters.computeConfiguration: worker.']);
  });
});

describe('timestamps (botocore: a datetime, an epoch number, or a string dateutil can read)', () => {
  // Each verdict printed by botocore: ParamValidator()._type_check_datetime(value).
  const audience = (t: PyValue) => new Map<string, PyValue>([
    ['trainingDataStartTime', t], ['name', 'n'], ['trainingDatasetArn', 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/x']]);
  const shape = input('create-audience-model');
  const refused = (t: PyValue, shown: string, type: string) => [
    `Invalid type for parameter trainingDataStartTime, value: ${shown}, type: <class '${type}'>, valid types: <class 'datetime.datetime'>, timestamp-string`];

  it('accepts the forms dateutil reads', () => {
    for (const t of ['2020-01-01', '2020-01-01T10:00:00Z', '2020-01-01T10:00:00+05:30', '2020-01-01 10:00 EST', 'Jan 5 2021',
      '5 January', 'Monday', 'Jan', '2020', '10:00', '5pm', '1700000000', '1.5', '2020/01/02', '01/02/2020', '20200101',
      'December 31, 1999 23:59:59']) {
      expect([t, validateParams(audience(t), shape)]).toEqual([t, []]);
    }
    expect(validateParams(audience(1700000000), shape)).toEqual([]);
    expect(validateParams(audience(new PyFloat(1.5)), shape)).toEqual([]);
    expect(validateParams(audience(true), shape)).toEqual([]);
  });

  it('refuses words it does not know, text without a date, and dates or times out of range', () => {
    for (const t of ['abc', 'now', 'today', 'yesterday', 'invalid-date', 'not a timestamp', 'nan', 'XYZ', 'utc', 'Z', 'T', 'at',
      '2021-13-45', '2021-02-30', '2020-00-10', '0000-01-01', '2020-01-01T25:00:00Z', '1999-12-31T23:59:60Z', '13/13/2020',
      '2020-01-01 abc']) {
      expect([t, validateParams(audience(t), shape)]).toEqual([t, refused(t, t, 'str')]);
    }
    expect(validateParams(audience(''), shape)).toEqual(refused('', '', 'str'));
    expect(validateParams(audience(null), shape)).toEqual(refused(null, 'None', 'NoneType'));
    expect(validateParams(audience(fromJS({ a: 1 })), shape)).toEqual(refused(null, "{'a': 1}", 'dict'));
    // An epoch beyond datetime's year 9999.
    expect(validateParams(audience(253402300800), shape)).toEqual(refused(null, '253402300800', 'int'));
    // What dateutil's parser refuses, and an offset of a day or more (astimezone's ValueError).
    for (const t of ['Feb 30', '2020 12 31 10 0', '2020-W01', '2020-01-01T10:00:00+24:00', '2020-01-01T10:00:00+25:00']) {
      expect([t, validateParams(audience(t), shape)]).toEqual([t, refused(t, t, 'str')]);
    }
    expect(validateParams(audience('2020-01-01T10:00:00+23:59'), shape)).toEqual([]);
  });

  it("lets parse_timestamp's RuntimeError and astimezone's OverflowError escape, as the AWS CLI does (exit 255)", () => {
    for (const t of ['1e20', '99999999999999999999999', '1e400', '-99999999999']) {
      expect(() => validateParams(audience(t), shape)).toThrow(`Unable to calculate correct timezone offset for "${t}"`);
    }
    expect(() => validateParams(audience(new PyFloat(1e20)), shape)).toThrow('Unable to calculate correct timezone offset for "1e+20"');
    for (const t of ['9999-12-31T23:59:59-01:00', '0001-01-01T00:30:00+01:00']) {
      expect(() => validateParams(audience(t), shape)).toThrow('date value out of range');
    }
  });
});
