import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/output/text';
import { pyRepr, pyStr } from '../../src/py/repr';
import { jsonLoads } from '../../src/py/json-loads';
import { compareCodePoints } from '../../src/py/str';
import { PyBytes, PyFloat, dict, type PyValue } from '../../src/py/values';
import { M1, expectedStdout, getJobResponse, jobArn, listPage, summary } from './responses';

const nextTokenRecord = (tok: string) => dict({ NextToken: dict({ NextToken: tok }) });

describe('formatText: conformance cases', () => {
  it('fmt-start-text: a single scalar member prints bare', () => {
    const resp = dict({ trainedModelInferenceJobArn: jobArn(M1, 'nightly-run') });
    expect(formatText(resp)).toBe(expectedStdout('fmt-start-text'));
  });

  it('outsel-flag-over-invalid-env: a --query giving a string', () => {
    expect(formatText('job-0')).toBe(expectedStdout('outsel-flag-over-invalid-env'));
  });

  it('query-literal-text: floats, booleans and null as Python str() prints them', () => {
    const lit = new Map<string, PyValue>([
      ['b', [1, new PyFloat(2.5), true, null]],
      ['a', new Map<string, PyValue>([['z', false], ['y', 's']])],
      ['c', new PyFloat(1)],
    ]);
    expect(formatText(lit)).toBe(expectedStdout('query-literal-text'));
    expect(formatText(lit)).toBe('1.0\nA\ts\tFalse\nB\t1\nB\t2.5\nB\tTrue\nB\tNone\n');
  });

  it('page-starting-token-maxitems: a page, then the NEXTTOKEN record', () => {
    const out = formatText(listPage([summary(M1, 3)])) + formatText(nextTokenRecord('eyJuZXh0VG9rZW4iOiAiNCJ9'));
    expect(out).toBe(expectedStdout('page-starting-token-maxitems'));
  });

  it('page-query-nexttoken-text: a null query result prints None', () => {
    const tok = 'eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==';
    // The query `NextToken` sees no NextToken on the page (None), then {'NextToken': tok} on the record.
    const out = formatText(null) + formatText(nextTokenRecord(tok).get('NextToken')!);
    expect(out).toBe(expectedStdout('page-query-nexttoken-text'));
  });

  it('page-repeat-text: two pages printed before the pagination error', () => {
    const m = 'c0000000-0000-4000-8000-000000000000';
    // The text formatter gets each page reduced to its result keys (no nextToken).
    const page = () => listPage([summary(m, 0)]);
    expect(formatText(page()) + formatText(page())).toBe(expectedStdout('page-repeat-text'));
  });

  it('page-fail2-text: the first page of two jobs', () => {
    const m = 'f0000000-0000-4000-8000-000000000000';
    expect(formatText(listPage([summary(m, 0), summary(m, 1)]))).toBe(expectedStdout('page-fail2-text'));
  });
});

describe('formatText: structure', () => {
  it('prints a whole get response: scalars sorted, nested structures under upper-cased keys', () => {
    const arn = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M1}/trained-model-inference-job/job-abc`;
    const base = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M1}`;
    expect(formatText(getJobResponse('job-abc'))).toBe(
      [
        `${base}/configured-model-algorithm-association/cmaa-0\t2026-11-20T05:00:00.123000+00:00\tNightly scoring run, ünïcode ✓\t` +
          `sha256:${'ab'.repeat(32)}\tarn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\t` +
          `PUBLISH_FAILED\tno log group\t${M1}\tPUBLISH_SUCCEEDED\tjob-0\tACTIVE\t${base}/trained-model/tm-0\t${arn}\t` +
          '2026-11-27T06:30:00+00:00',
        'CONTAINEREXECUTIONPARAMETERS\t6',
        `DATASOURCE\t${base}/ml-input-channel/ch-0`,
        'ENVIRONMENT\t128\tdebug',
        'OUTPUTCONFIGURATION\ttext/csv',
        'MEMBERS\t123456789012',
        'RESOURCECONFIG\t1\tml.m5.xlarge',
        'STATUSDETAILS\tJob is running | with pipes\tand tabs\tOK',
        'TAGS\t42\tml',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for empty dicts and lists, and keeps empty strings as empty fields', () => {
    expect(formatText(dict())).toBe('');
    expect(formatText([])).toBe('');
    expect(formatText(dict({ a: dict(), b: [], c: '' }))).toBe('\n');
    expect(formatText(dict({ x: dict({ a: '', b: '' }) }))).toBe('X\t\t\n');
    expect(formatText('')).toBe('\n');
  });

  it('prints scalars at the top as str() does', () => {
    expect(formatText(null)).toBe('None\n');
    expect(formatText(true)).toBe('True\n');
    expect(formatText(42)).toBe('42\n');
    expect(formatText(12345678901234567890n)).toBe('12345678901234567890\n');
    expect(formatText(new PyFloat(-0))).toBe('-0.0\n');
    expect(formatText(new PyFloat(1e16))).toBe('1e+16\n');
  });

  it('joins a bare list of scalars with tabs', () => {
    expect(formatText(['job-0', 'ACTIVE', 1, null])).toBe('job-0\tACTIVE\t1\tNone\n');
  });

  it('gives every dict of a list the same columns, the union of their scalar keys', () => {
    const list = [dict({ b: 1, a: 'x' }), dict({ c: true }), dict({ a: 'y', n: dict({ k: 'v' }) })];
    expect(formatText(dict({ items: list }))).toBe('ITEMS\tx\t1\t\nITEMS\t\t\tTrue\nITEMS\ty\t\t\nN\tv\n');
  });

  it('prints a dict value found where other dicts have a scalar as Python repr', () => {
    const list = [dict({ a: 'x' }), dict({ a: dict({ k: [1, 'it\'s', null] }) })];
    expect(formatText(list)).toBe('x\n{\'k\': [1, "it\'s", None]}\n');
  });

  it('prints the scalars of a list of scalars and lists first, then the lists', () => {
    expect(formatText(dict({ l: ['a', ['b', 'c'], 'd', [['e']]] }))).toBe('L\ta\nL\td\nL\tb\nL\tc\nL\te\n');
    expect(formatText([['a', 'b'], 'c'])).toBe('c\na\tb\n');
  });

  it('sorts keys by code point as Python does', () => {
    const d = new Map<string, PyValue>([['b', '2'], ['\u{1F600}', '4'], ['\uFF21', '3'], ['B', '1']]);
    expect(formatText(d)).toBe('1\t2\t3\t4\n');
    expect(compareCodePoints('\uFFFF', '\u{10000}')).toBeLessThan(0);
  });

  it('upper-cases identifiers as Python does', () => {
    expect(formatText(dict({ straße: ['x'] }))).toBe('STRASSE\tx\n');
  });
});

describe('formatText: where the AWS CLI crashes', () => {
  it('a null inside a list of structures (shape-nulls) prints as a scalar element', () => {
    const base = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M1}`;
    expect(formatText(getJobResponse('shape-nulls'))).toBe(
      [
        `${base}/configured-model-algorithm-association/cmaa-0\t2026-11-20T05:00:00.123000+00:00\tsha256:${'ab'.repeat(32)}\t` +
          `PUBLISH_FAILED\tno log group\t${M1}\tPUBLISH_SUCCEEDED\tjob-0\tACTIVE\t${base}/trained-model/tm-0\t` +
          `${base}/trained-model-inference-job/shape-nulls\t2026-11-27T06:30:00+00:00`,
        `DATASOURCE\t${base}/ml-input-channel/ch-0`,
        'ENVIRONMENT\tNone\tx',
        // containerExecutionParameters ({}) and outputConfiguration (no scalars left) print no line of their own.
        'MEMBERS\tNone',
        'MEMBERS\t123456789012',
        'RESOURCECONFIG\t1\tml.m5.xlarge',
        'TAGS\tNone',
        '',
      ].join('\n'),
    );
  });

  it('a list mixing scalars and objects keeps its order', () => {
    expect(formatText(dict({ l: ['a', dict({ k: 1 }), null, [2]] }))).toBe('L\ta\nL\t1\nL\tNone\nL\t2\n');
    expect(formatText(['job-0', 'ACTIVE', 1, dict({ LOG_LEVEL: 'debug', BATCH: '128' })])).toBe(
      'job-0\nACTIVE\n1\n128\tdebug\n',
    );
  });
});

describe('pyStr / pyRepr', () => {
  it('follows Python for strings, bytes and containers', () => {
    expect(pyRepr('a\'b"c\\\n\t\x01\x7f\u00a0é\u2028😀')).toBe("'a\\'b\"c\\\\\\n\\t\\x01\\x7f\\xa0é\\u2028😀'");
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyStr(new PyBytes(new Uint8Array([0x61, 0x27, 0x00, 0xff])))).toBe('b"a\'\\x00\\xff"');
    expect(pyStr(dict({ a: [new PyFloat(1), false], b: dict() }))).toBe("{'a': [1.0, False], 'b': {}}");
    expect(pyStr(2 ** 60)).toBe('1152921504606846976');
  });
});

describe('formatText: scale', () => {
  it('renders 10,000 list items', () => {
    const m = '90000000-0000-4000-8000-000000000000';
    const five = [0, 1, 2, 3, 4].map((i) => summary(m, i));
    const jobs = Array.from({ length: 10000 }, (_, i) => new Map(five[i % 5]).set('name', `job-${String(i).padStart(5, '0')}`));
    const out = formatText(listPage(jobs));
    expect(out.split('\n').length).toBe(30001);
    expect(out.startsWith('TRAINEDMODELINFERENCEJOBS\tc0ffee00-0000-4000-8000-000000000000\t')).toBe(true);
  });
});

describe('formatText: a list of dicts with many columns', () => {
  it('more than 32 scalar keys, some missing, one first seen late (fixtures/gen-text-many-keys.py, awscli/text.py)', () => {
    const c = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'text-many-keys.json'), 'utf8')) as { input: unknown; expected: string };
    expect(formatText(jsonLoads(JSON.stringify(c.input)))).toBe(c.expected);
  });
});
