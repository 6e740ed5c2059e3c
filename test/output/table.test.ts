import { describe, expect, it } from 'vitest';
import { formatTable, formatTableBytes, getTextLength } from '../../src/output/table';
import { PyFloat, dict, fromJS, type PyValue } from '../../src/py/values';
import { M1, conformanceCase, expectedStdout, getJobResponse, jobArn, summary } from './responses';

const plain = { color: false, width: 80 };
const GET = 'GetTrainedModelInferenceJob';
const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe('formatTable: conformance cases', () => {
  it('fmt-cancel-table / query-null-table: an empty or null response prints nothing', () => {
    expect(formatTable(dict(), 'CancelTrainedModelInferenceJob', plain)).toBe(expectedStdout('fmt-cancel-table'));
    expect(formatTable(null, GET, plain)).toBe(expectedStdout('query-null-table'));
  });

  it('fmt-empty-table: empty maps and lists vanish, empty strings keep their row', () => {
    expect(formatTable(getJobResponse('shape-empty'), GET, plain)).toBe(expectedStdout('fmt-empty-table'));
  });

  it('fmt-members-table: a list of 3 structures, a header then one row each', () => {
    expect(formatTable(getJobResponse('shape-members'), GET, plain)).toBe(expectedStdout('fmt-members-table'));
  });

  it('query-projection-table: a list of scalars', () => {
    const names = ['job-0', 'job-1', 'job-2', 'job-3', 'job-4'];
    expect(formatTable(names, 'ListTrainedModelInferenceJobs', plain)).toBe(expectedStdout('query-projection-table'));
  });

  it('outsel-aws-profile-env: the start response', () => {
    const resp = dict({ trainedModelInferenceJobArn: jobArn(M1, 'nightly-run') });
    expect(formatTable(resp, 'StartTrainedModelInferenceJob', plain)).toBe(expectedStdout('outsel-aws-profile-env'));
  });

  it('color-on-table: bold blue cells, dim yellow bars, a reset after every write', () => {
    const out = formatTable(getJobResponse('job-abc'), GET, { color: true, width: 80 });
    expect(out).toBe(expectedStdout('color-on-table'));
    // Without colour it is the same table with every escape sequence removed.
    // eslint-disable-next-line no-control-regex
    expect(formatTable(getJobResponse('job-abc'), GET, plain)).toBe(out.replace(/\x1b\[\d+m/g, ''));
  });

  it('query-mslist-table: the AWS CLI crashes (Row should have 1 elements); a clone renders the dict apart', () => {
    const c = conformanceCase('query-mslist-table');
    expect(c.expect.stderr).toContain('Row should have 1 elements, instead it has 2');
    expect(c.clone_expect?.rc).toBe(0);
    const env = new Map<string, PyValue>([['LOG_LEVEL', 'debug'], ['BATCH', '128']]);
    expect(formatTable(['job-0', 'ACTIVE', 1, env], GET, plain)).toBe(
      lines(
        '-----------------------------',
        '|GetTrainedModelInferenceJob|',
        '+---------------------------+',
        '|  job-0                    |',
        '|  ACTIVE                   |',
        '|  1                        |',
        '+---------------------------+',
        '+----------+----------------+',
        '|   BATCH  |   LOG_LEVEL    |',
        '+----------+----------------+',
        '|  128     |  debug         |',
        '+----------+----------------+',
      ),
    );
  });
});

// Expected outputs below follow the AWS CLI's table.py/formatter.py rules (checked against a run of
// that algorithm on the same input).
describe('formatTable: layout', () => {
  it('keeps a narrow enough single-row section horizontal, with centred headers', () => {
    expect(formatTable(fromJS({ name: 'job-0', status: 'ACTIVE', count: 3 }), 'GetThing', plain)).toBe(
      lines(
        '------------------------------',
        '|          GetThing          |',
        '+-------+---------+----------+',
        '| count |  name   | status   |',
        '+-------+---------+----------+',
        '|  3    |  job-0  |  ACTIVE  |',
        '+-------+---------+----------+',
      ),
    );
  });

  it('turns single-row sections vertical once the table is wider than the terminal', () => {
    const v = fromJS({ alpha: 'one', beta: 'two', gamma: { x: '1', y: '2' } });
    const horizontal = lines(
      '-------------------',
      '|        T        |',
      '+--------+--------+',
      '|  alpha | beta   |',
      '+--------+--------+',
      '|  one   |  two   |',
      '+--------+--------+',
      '||     gamma     ||',
      '|+------+--------+|',
      '||   x  |   y    ||',
      '|+------+--------+|',
      '||  1   |  2     ||',
      '|+------+--------+|',
    );
    expect(formatTable(v, 'T', { color: false, width: 19 })).toBe(horizontal);
    expect(formatTable(v, 'T', { color: false, width: 18 })).toBe(
      lines(
        '------------------',
        '|        T       |',
        '+--------+-------+',
        '|  alpha |  one  |',
        '|  beta  |  two  |',
        '+--------+-------+',
        '||     gamma    ||',
        '|+------+-------+|',
        '||  x   |  1    ||',
        '||  y   |  2    ||',
        '|+------+-------+|',
      ),
    );
  });

  it('starts a section per element of a list of dicts with nested values, repeating title and headers', () => {
    const v = fromJS({ items: [{ name: 'a', cfg: { k: 'v' } }, { name: 'bb', extra: 1 }], token: 't' });
    expect(formatTable(v, 'ListThings', plain)).toBe(
      lines(
        '---------------------',
        '|    ListThings     |',
        '+-----------+-------+',
        '|  token    |  t    |',
        '+-----------+-------+',
        '||      items      ||',
        '|+--------+--------+|',
        '||  extra | name   ||',
        '|+--------+--------+|',
        '||        |  a     ||',
        '|+--------+--------+|',
        '|||      cfg      |||',
        '||+------+--------+||',
        '|||  k   |  v     |||',
        '||+------+--------+||',
        '||      items      ||',
        '|+--------+--------+|',
        '||  extra | name   ||',
        '|+--------+--------+|',
        '||  1     |  bb    ||',
        '|+--------+--------+|',
      ),
    );
  });

  it('gives a flat list of dicts one header row (the union of keys) and a row each', () => {
    const v = fromJS({ items: [{ name: 'a', n: 1 }, { name: 'bb', flag: true }] });
    expect(formatTable(v, 'ListThings', plain)).toBe(
      lines(
        '-------------------------',
        '|      ListThings       |',
        '+-----------------------+',
        '||        items        ||',
        '|+-------+----+--------+|',
        '|| flag  | n  | name   ||',
        '|+-------+----+--------+|',
        '||       |  1 |  a     ||',
        '||  True |    |  bb    ||',
        '|+-------+----+--------+|',
      ),
    );
  });

  it('prints only the title for a truthy scalar, as the AWS CLI does', () => {
    expect(formatTable('job-0', GET, plain)).toBe(
      lines('-----------------------------', '|GetTrainedModelInferenceJob|', '+---------------------------+'),
    );
  });

  it('prints nothing for any falsy response', () => {
    for (const v of [null, '', 0, false, [], dict(), new PyFloat(0)] as PyValue[]) expect(formatTable(v, GET, plain)).toBe('');
  });

  it('prints a list of lists as rows', () => {
    expect(formatTable(fromJS([['a', 'b'], ['cc', 'dd']]), 'Q', plain)).toBe(
      lines('--------------', '|      Q     |', '+-----+------+', '|  a  |  b   |', '|  cc |  dd  |', '+-----+------+'),
    );
  });

  it('prints a dict among scalars as its keys where the row lengths agree, as the AWS CLI does', () => {
    expect(formatTable(['x', dict({ k: 'v' })], 'Q', plain)).toBe(
      lines('-------', '|  Q  |', '+-----+', '|  x  |', '|  k  |', '+-----+'),
    );
  });
});

describe('formatTable: text width', () => {
  it('counts East Asian Wide, Fullwidth and Ambiguous characters as 2 columns', () => {
    expect(getTextLength('abc')).toBe(3);
    expect(getTextLength('ü')).toBe(2);
    expect(getTextLength('Nightly scoring run, ünïcode ✓')).toBe(31); // ü is Ambiguous, ï is not
    expect(getTextLength('日本語')).toBe(6);
    expect(getTextLength('ＡＢＣ')).toBe(6);
    expect(getTextLength('±°§')).toBe(6);
    expect(getTextLength('✓ ok 🚀')).toBe(7);
    expect(getTextLength('e\u0301')).toBe(3); // a combining mark is Ambiguous
    expect(getTextLength('\u00a0')).toBe(1);
    expect(getTextLength('\u4dc0')).toBe(2); // Yijing hexagrams: Wide since Unicode 16.0
    expect(getTextLength('\u{2a6e0}')).toBe(2); // unassigned, but in plane 2
    expect(getTextLength('\u0378')).toBe(1); // unassigned elsewhere: Neutral
    expect(getTextLength('\ue000')).toBe(2); // private use: Ambiguous
  });

  it('pads cells by their counted width', () => {
    expect(formatTable(fromJS({ desc: '日本語', amb: '±°', emoji: '🚀' }), 'Wide', plain)).toBe(
      lines(
        '-----------------------------',
        '|           Wide            |',
        '+------+----------+---------+',
        '|  amb |  desc    |  emoji  |',
        '+------+----------+---------+',
        '|  ±°|  日本語  |  🚀     |',
        '+------+----------+---------+',
      ),
    );
  });

  it('renders the wide and long canned responses', () => {
    const wide = formatTable(getJobResponse('shape-wide'), GET, plain).split('\n');
    expect(wide).toContain(`|  description                           |  日本語の説明${' '.repeat(141 - 12)}|`);
    expect(wide).toContain(`||  AMBIG${' '.repeat(87)}|  ±°§${' '.repeat(85 - 6)}||`);
    expect(wide).toContain(`||  COMBINING${' '.repeat(83)}|  e\u0301te\u0301${' '.repeat(85 - 7)}||`);
    expect(wide).toContain(`||  EMOJI${' '.repeat(87)}|  ✓ ok 🚀${' '.repeat(85 - 7)}||`);
    expect(wide).toContain(`||  宽键${' '.repeat(88)}|  v${' '.repeat(84)}||`);
    const long = formatTable(getJobResponse('shape-long'), GET, plain);
    // The widest section: 'configuredModelAlgorithmAssociationArn' (38) and the 279-character description, + 4 each, + 2.
    const widths = new Set(long.split('\n').filter(Boolean).map((l) => l.length));
    expect([...widths]).toEqual([327]);
    expect(long).toMatch(/\n\|\|  K{90} +\|  long key +\|\|\n/);
  });
});

describe('formatTable: colour', () => {
  it('styles nested bars and cells, resetting after every write', () => {
    const out = formatTable(fromJS({ a: '1', b: { c: '2' } }), 'T', { color: true, width: 80 });
    const R = '\x1b[0m';
    const bar = `\x1b[2m\x1b[33m|${R}`;
    const cell = (s: string) => `\x1b[1m\x1b[34m${s}${R}`;
    expect(out).toBe(
      `--------------\n${R}` +
        `${R}|      T     |${R}${R}\n${R}` +
        `${R}+-----+------+${R}${R}\n${R}` +
        `${R}|  ${cell('a')}  |  ${cell('1')}   |${R}${R}\n${R}` +
        `${R}+-----+------+${R}${R}\n${R}` +
        `${bar}${R}|     b    |${R}${bar}${R}\n${R}` +
        `${bar}${R}+----+-----+${R}${bar}${R}\n${R}` +
        `${bar}${R}|  ${cell('c')} |  ${cell('2')}  |${R}${bar}${R}\n${R}` +
        `${bar}${R}+----+-----+${R}${bar}${R}\n${R}`,
    );
  });
});

describe('formatTable: where the AWS CLI crashes', () => {
  it('a non-dict after the first dict of a list gets a section of its own', () => {
    const v = fromJS({ members: [{ accountId: '111122223333' }, null, { accountId: '222211110000' }] });
    expect(formatTable(v, GET, plain)).toBe(
      lines(
        '-----------------------------',
        '|GetTrainedModelInferenceJob|',
        '+---------------------------+',
        '||         members         ||',
        '|+-------------------------+|',
        '||        accountId        ||',
        '|+-------------------------+|',
        '||  111122223333           ||',
        '|+-------------------------+|',
        '|+-------------------------+|',
        '||  None                   ||',
        '|+-------------------------+|',
        '||         members         ||',
        '|+-------------------------+|',
        '||        accountId        ||',
        '|+-------------------------+|',
        '||  222211110000           ||',
        '|+-------------------------+|',
      ),
    );
  });

  it('rows of differing lengths each get a section', () => {
    const out = formatTable(fromJS([['a'], ['b', 'c'], 'd', [], {}]), 'Q', plain);
    expect(out).toBe(
      lines(
        '------------',
        '|     Q    |',
        '+----------+',
        '|  a       |',
        '+----------+',
        '+----+-----+',
        '|  b |  c  |',
        '+----+-----+',
        '+----------+',
        '|  d       |',
        '+----------+',
      ),
    );
  });
});

describe('formatTable: scale', () => {
  it('renders a 10,000-job list', () => {
    const m = '90000000-0000-4000-8000-000000000000';
    const five = [0, 1, 2, 3, 4].map((i) => summary(m, i));
    const jobs = Array.from({ length: 10000 }, (_, i) => new Map(five[i % 5]).set('name', `job-${String(i).padStart(5, '0')}`));
    const out = formatTable(dict({ trainedModelInferenceJobs: jobs }), 'ListTrainedModelInferenceJobs', plain);
    expect(out.split('\n').length).toBeGreaterThan(150000);
    expect(out).toContain('\n||  name                                  |  job-09999 ');
  });
});

describe('formatTableBytes', () => {
  it('gives formatTable\'s text as UTF-8, a large table (built in chunks of lines) included', () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => dict({ name: `ジョブ-${i}`, status: 'ACTIVE', members: [dict({ accountId: `${i}` })] }));
    const big = dict({ trainedModelInferenceJobs: jobs });
    const text = formatTable(big, 'ListTrainedModelInferenceJobs', plain);
    expect(text.split('\n').length).toBeGreaterThan(4096 * 2);
    expect(Buffer.from(formatTableBytes(big, 'ListTrainedModelInferenceJobs', plain)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    const colored = { color: true, width: 80 };
    expect(Buffer.from(formatTableBytes(big, 'T', colored)).toString('utf8')).toBe(formatTable(big, 'T', colored));
    expect(formatTableBytes(null, 'T', plain).length).toBe(0);
  });
});
