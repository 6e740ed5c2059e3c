import { describe, expect, it } from 'vitest';
import { PyBytes, PyDateTime, PyFloat, type PyValue } from '../../src/py/values';
import { pyFloatRepr, pyRepr } from '../../src/py/repr';
import { loadYamlInput, YamlInputError } from '../../src/params/yaml-input';

// Expected values: the conformance cases (shared/conformance/vectors/input.json, `input-yaml-*`: the request
// bodies the real AWS CLI sent), and for the rest what ruamel.yaml's `YAML(typ='safe', pure=True).load` returns
// (0.17.21; dates and datetimes compared by their Python repr).

/** A comparable form: dicts as ordered pairs, floats by Python repr, big ints and bytes tagged. */
function enc(v: PyValue): unknown {
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [k, enc(x)]) };
  if (Array.isArray(v)) return v.map(enc);
  if (v instanceof PyFloat) return { $f: pyFloatRepr(v.value) };
  if (v instanceof PyBytes) return { $b: Buffer.from(v.bytes).toString('base64') };
  if (v instanceof PyDateTime) return { $dt: pyRepr(v) };
  if (typeof v === 'bigint') return { $i: v.toString() };
  return v;
}

const load = (text: string): unknown => enc(loadYamlInput(text));

const BODY_TAIL = [
  'trainedModelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-2222-3333-4444-555555555555/trained-model/tm-1',
  'resourceConfig:',
  '  instanceType: ml.m5.xlarge',
  '  instanceCount: 2',
  'outputConfiguration:',
  '  members:',
  "    - accountId: '123456789012'",
  'dataSource:',
  '  mlInputChannelArn: arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-2222-3333-4444-555555555555/ml-input-channel/ch-1',
];
const M2 = '11111111-2222-3333-4444-555555555555';
const ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M2}`;
const TAIL_VALUES: [string, unknown][] = [
  ['trainedModelArn', `${ARN}/trained-model/tm-1`],
  ['resourceConfig', { $m: [['instanceType', 'ml.m5.xlarge'], ['instanceCount', 2]] }],
  ['outputConfiguration', { $m: [['members', [{ $m: [['accountId', '123456789012']] }]]] }],
  ['dataSource', { $m: [['mlInputChannelArn', `${ARN}/ml-input-channel/ch-1`]] }],
];

describe('loadYamlInput: conformance cases', () => {
  it('input-yaml-file-override: a plain document, keys in order, the quoted account id a string', () => {
    const text = [`membershipIdentifier: ${M2}`, 'name: from-yaml', ...BODY_TAIL].join('\n') + '\n';
    expect(load(text)).toEqual({ $m: [['membershipIdentifier', M2], ['name', 'from-yaml'], ...TAIL_VALUES] });
  });

  it('input-yaml-binary-tag: !!binary gives bytes', () => {
    const text = [`membershipIdentifier: ${M2}`, 'name: !!binary aGVsbG8=', ...BODY_TAIL].join('\n') + '\n';
    const v = loadYamlInput(text) as Map<string, PyValue>;
    const name = v.get('name');
    expect(name).toBeInstanceOf(PyBytes);
    expect(Buffer.from((name as PyBytes).bytes).toString('latin1')).toBe('hello');
  });

  it('input-yaml-custom-tag: an unknown tag is invalid', () => {
    const text = [`membershipIdentifier: ${M2}`, 'name: !custom x', ...BODY_TAIL].join('\n') + '\n';
    expect(() => loadYamlInput(text)).toThrow(YamlInputError);
  });

  it('input-yaml-anchor-merge: anchors, aliases and a merge key; yes stays a string; !!str', () => {
    const text = [`membershipIdentifier: ${M2}`, 'name: yes', 'description: !!str 123', ...BODY_TAIL,
      'tags: &t {a: b}', 'environment:', '  <<: *t', '  B: y'].join('\n') + '\n';
    expect(load(text)).toEqual({
      $m: [
        ['membershipIdentifier', M2], ['name', 'yes'], ['description', '123'], ...TAIL_VALUES,
        ['tags', { $m: [['a', 'b']] }],
        ['environment', { $m: [['a', 'b'], ['B', 'y']] }],
      ],
    });
  });

  it('input-yaml-dup-key: a duplicate key is invalid', () => {
    const text = [`membershipIdentifier: ${M2}`, 'name: from-yaml', ...BODY_TAIL, 'name: dup'].join('\n') + '\n';
    expect(() => loadYamlInput(text)).toThrow(YamlInputError);
  });
});

/** [document, what ruamel.yaml loads ('ERROR': it refuses it)] */
const CASES: [string, unknown][] = [
  ["v: yes", {"$m": [["v", "yes"]]}],
  ["yes", "yes"],
  ["v: No", {"$m": [["v", "No"]]}],
  ["No", "No"],
  ["v: on", {"$m": [["v", "on"]]}],
  ["on", "on"],
  ["v: off", {"$m": [["v", "off"]]}],
  ["off", "off"],
  ["v: y", {"$m": [["v", "y"]]}],
  ["y", "y"],
  ["v: n", {"$m": [["v", "n"]]}],
  ["n", "n"],
  ["v: true", {"$m": [["v", true]]}],
  ["true", true],
  ["v: True", {"$m": [["v", true]]}],
  ["True", true],
  ["v: TRUE", {"$m": [["v", true]]}],
  ["TRUE", true],
  ["v: false", {"$m": [["v", false]]}],
  ["false", false],
  ["v: null", {"$m": [["v", null]]}],
  ["null", null],
  ["v: Null", {"$m": [["v", null]]}],
  ["Null", null],
  ["v: NULL", {"$m": [["v", null]]}],
  ["NULL", null],
  ["v: ~", {"$m": [["v", null]]}],
  ["~", null],
  ["v: ", {"$m": [["v", null]]}],
  ["", null],
  ["v: 123", {"$m": [["v", 123]]}],
  ["123", 123],
  ["v: -123", {"$m": [["v", -123]]}],
  ["-123", -123],
  ["v: +7", {"$m": [["v", 7]]}],
  ["+7", 7],
  ["v: 0", {"$m": [["v", 0]]}],
  ["0", 0],
  ["v: -0", {"$m": [["v", 0]]}],
  ["-0", 0],
  ["v: 00", {"$m": [["v", 0]]}],
  ["00", 0],
  ["v: 007", {"$m": [["v", 7]]}],
  ["007", 7],
  ["v: 017", {"$m": [["v", 17]]}],
  ["017", 17],
  ["v: 0o17", {"$m": [["v", 15]]}],
  ["0o17", 15],
  ["v: 0o", {"$m": [["v", "0o"]]}],
  ["0o", "0o"],
  ["v: 0x1F", {"$m": [["v", 31]]}],
  ["0x1F", 31],
  ["v: -0x1F", {"$m": [["v", -31]]}],
  ["-0x1F", -31],
  ["v: 0X1F", {"$m": [["v", "0X1F"]]}],
  ["0X1F", "0X1F"],
  ["v: 0b101", {"$m": [["v", 5]]}],
  ["0b101", 5],
  ["v: 0b", {"$m": [["v", "0b"]]}],
  ["0b", "0b"],
  ["v: 1_000", {"$m": [["v", 1000]]}],
  ["1_000", 1000],
  ["v: _", {"$m": [["v", "_"]]}],
  ["_", "_"],
  ["v: __1", {"$m": [["v", "__1"]]}],
  ["__1", "__1"],
  ["v: 1.5", {"$m": [["v", {"$f": "1.5"}]]}],
  ["1.5", {"$f": "1.5"}],
  ["v: -1.5", {"$m": [["v", {"$f": "-1.5"}]]}],
  ["-1.5", {"$f": "-1.5"}],
  ["v: 1.", {"$m": [["v", {"$f": "1.0"}]]}],
  ["1.", {"$f": "1.0"}],
  ["v: .5", {"$m": [["v", {"$f": "0.5"}]]}],
  [".5", {"$f": "0.5"}],
  ["v: 1e3", {"$m": [["v", {"$f": "1000.0"}]]}],
  ["1e3", {"$f": "1000.0"}],
  ["v: 1E3", {"$m": [["v", {"$f": "1000.0"}]]}],
  ["1E3", {"$f": "1000.0"}],
  ["v: 1e+3", {"$m": [["v", {"$f": "1000.0"}]]}],
  ["1e+3", {"$f": "1000.0"}],
  ["v: 1.5e-3", {"$m": [["v", {"$f": "0.0015"}]]}],
  ["1.5e-3", {"$f": "0.0015"}],
  ["v: .inf", {"$m": [["v", {"$f": "inf"}]]}],
  [".inf", {"$f": "inf"}],
  ["v: -.inf", {"$m": [["v", {"$f": "-inf"}]]}],
  ["-.inf", {"$f": "-inf"}],
  ["v: +.inf", {"$m": [["v", {"$f": "inf"}]]}],
  ["+.inf", {"$f": "inf"}],
  ["v: .Inf", {"$m": [["v", {"$f": "inf"}]]}],
  [".Inf", {"$f": "inf"}],
  ["v: .nan", {"$m": [["v", {"$f": "nan"}]]}],
  [".nan", {"$f": "nan"}],
  ["v: .NaN", {"$m": [["v", {"$f": "nan"}]]}],
  [".NaN", {"$f": "nan"}],
  ["v: 1_0.5", {"$m": [["v", {"$f": "10.5"}]]}],
  ["1_0.5", {"$f": "10.5"}],
  ["v: 1:30", {"$m": [["v", "1:30"]]}],
  ["1:30", "1:30"],
  ["v: 1:30:00", {"$m": [["v", "1:30:00"]]}],
  ["1:30:00", "1:30:00"],
  ["v: 2026-01-01", {"$m": [["v", {"$dt": "datetime.date(2026, 1, 1)"}]]}],
  ["2026-01-01", {"$dt": "datetime.date(2026, 1, 1)"}],
  ["v: 2026-1-1", {"$m": [["v", "2026-1-1"]]}],
  ["2026-1-1", "2026-1-1"],
  ["v: 2026-02-30", 'ERROR'], // Python: ValueError
  ["2026-02-30", 'ERROR'], // Python: ValueError
  ["v: 2026-01-01T05:00:00Z", {"$m": [["v", {"$dt": "datetime.datetime(2026, 1, 1, 5, 0)"}]]}],
  ["2026-01-01T05:00:00Z", {"$dt": "datetime.datetime(2026, 1, 1, 5, 0)"}],
  ["v: 2026-01-01 05:00:00.5 +05:30", {"$m": [["v", {"$dt": "datetime.datetime(2025, 12, 31, 23, 30, 0, 500000)"}]]}],
  ["2026-01-01 05:00:00.5 +05:30", {"$dt": "datetime.datetime(2025, 12, 31, 23, 30, 0, 500000)"}],
  // A fraction rounded up to a whole second carries (ruamel: one second added); offsets move the datetime to UTC.
  ["2026-01-01T23:59:59.9999996Z", {"$dt": "datetime.datetime(2026, 1, 2, 0, 0)"}],
  ["2026-12-31T23:00:00-05:00", {"$dt": "datetime.datetime(2027, 1, 1, 4, 0)"}],
  ["2026-1-2 3:04:05", {"$dt": "datetime.datetime(2026, 1, 2, 3, 4, 5)"}],
  ["2026-01-01T00:00:00+00:00", {"$dt": "datetime.datetime(2026, 1, 1, 0, 0)"}],
  ["2026-01-01t05:00:00.123456789-01", {"$dt": "datetime.datetime(2026, 1, 1, 6, 0, 0, 123457)"}],
  ["v: 2026-13-01", 'ERROR'], // Python: ValueError
  ["2026-13-01", 'ERROR'], // Python: ValueError
  ["v: <<", 'ERROR'],
  ["<<", 'ERROR'],
  ["v: =", 'ERROR'],
  ["=", 'ERROR'],
  ["v: a: b", 'ERROR'],
  ["a: b", {"$m": [["a", "b"]]}],
  ["v: \"quoted\"", {"$m": [["v", "quoted"]]}],
  ["\"quoted\"", "quoted"],
  ["v: 'single'", {"$m": [["v", "single"]]}],
  ["'single'", "single"],
  ["v: !!str 123", {"$m": [["v", "123"]]}],
  ["!!str 123", "123"],
  ["v: !!int \"12\"", {"$m": [["v", 12]]}],
  ["!!int \"12\"", 12],
  ["v: !!int 1.5", 'ERROR'], // Python: ValueError
  ["!!int 1.5", 'ERROR'], // Python: ValueError
  ["v: !!float 3", {"$m": [["v", {"$f": "3.0"}]]}],
  ["!!float 3", {"$f": "3.0"}],
  ["v: !!float \"1e3\"", {"$m": [["v", {"$f": "1000.0"}]]}],
  ["!!float \"1e3\"", {"$f": "1000.0"}],
  ["v: !!bool yes", {"$m": [["v", true]]}],
  ["!!bool yes", true],
  ["v: !!bool maybe", 'ERROR'], // Python: KeyError
  ["!!bool maybe", 'ERROR'], // Python: KeyError
  ["v: !!null x", {"$m": [["v", null]]}],
  ["!!null x", null],
  ["v: !!binary aGVsbG8=", {"$m": [["v", {"$b": "aGVsbG8="}]]}],
  ["!!binary aGVsbG8=", {"$b": "aGVsbG8="}],
  ["v: !!binary aGVsbG8", 'ERROR'],
  ["!!binary aGVsbG8", 'ERROR'],
  ["v: !!binary \"aGk=aGk=\"", {"$m": [["v", {"$b": "aGk="}]]}],
  ["!!binary \"aGk=aGk=\"", {"$b": "aGk="}],
  ["v: !!binary \u00e9", 'ERROR'],
  ["!!binary \u00e9", 'ERROR'],
  ["v: !!timestamp 2026-01-01", {"$m": [["v", {"$dt": "datetime.date(2026, 1, 1)"}]]}],
  ["!!timestamp 2026-01-01", {"$dt": "datetime.date(2026, 1, 1)"}],
  ["v: !!timestamp bad", 'ERROR'],
  ["!!timestamp bad", 'ERROR'],
  ["v: !custom x", 'ERROR'],
  ["!custom x", 'ERROR'],
  ["v: ! 123", {"$m": [["v", 123]]}],
  ["! 123", 123],
  ["v: ! '123'", {"$m": [["v", 123]]}],
  ["! '123'", 123],
  ["v: !!str [a]", 'ERROR'],
  ["!!str [a]", 'ERROR'],
  ["v: !!seq x", 'ERROR'],
  ["!!seq x", 'ERROR'],
  ["v: !!map x", 'ERROR'],
  ["!!map x", 'ERROR'],
  ["v: !<tag:yaml.org,2002:str> 5", {"$m": [["v", "5"]]}],
  ["!<tag:yaml.org,2002:str> 5", "5"],
  ["v: !e!x y", 'ERROR'],
  ["!e!x y", 'ERROR'],
  ["v: |\n  lit\n", {"$m": [["v", "lit\n"]]}],
  ["|\n  lit\n", "lit\n"],
  ["v: >\n  folded\n  text\n", {"$m": [["v", "folded text\n"]]}],
  [">\n  folded\n  text\n", "folded text\n"],
  ["v: [1, 2, 3]", {"$m": [["v", [1, 2, 3]]]}],
  ["[1, 2, 3]", [1, 2, 3]],
  ["v: {a: 1, b: 2}", {"$m": [["v", {"$m": [["a", 1], ["b", 2]]}]]}],
  ["{a: 1, b: 2}", {"$m": [["a", 1], ["b", 2]]}],
  ["v: []", {"$m": [["v", []]]}],
  ["[]", []],
  ["v: {}", {"$m": [["v", {"$m": []}]]}],
  ["{}", {"$m": []}],
  ["v: - a\n- b", 'ERROR'],
  ["- a\n- b", ["a", "b"]],
  ["v: &a x", {"$m": [["v", "x"]]}],
  ["&a x", "x"],
  ["v: *a", 'ERROR'],
  ["*a", 'ERROR'],
  ["v: !!set {a, b}", {"$m": [["v", ["a", "b"]]]}],
  ["!!set {a, b}", ["a", "b"]],
  ["v: !!omap [a: 1, b: 2]", {"$m": [["v", {"$m": [["a", 1], ["b", 2]]}]]}],
  ["!!omap [a: 1, b: 2]", {"$m": [["a", 1], ["b", 2]]}],
  ["v: !!pairs [a: 1, a: 2]", {"$m": [["v", [["a", 1], ["a", 2]]]]}],
  ["!!pairs [a: 1, a: 2]", [["a", 1], ["a", 2]]],
  ["v: !!omap [a: 1, a: 2]", 'ERROR'], // Python: AssertionError
  ["!!omap [a: 1, a: 2]", 'ERROR'], // Python: AssertionError
  ["v: 123456789012345678901234567890", {"$m": [["v", {"$i": "123456789012345678901234567890"}]]}],
  ["123456789012345678901234567890", {"$i": "123456789012345678901234567890"}],
  ["v: -9007199254740993", {"$m": [["v", {"$i": "-9007199254740993"}]]}],
  ["-9007199254740993", {"$i": "-9007199254740993"}],
  ["v: 9007199254740991", {"$m": [["v", 9007199254740991]]}],
  ["9007199254740991", 9007199254740991],
  ["v: 1e400", {"$m": [["v", {"$f": "inf"}]]}],
  ["1e400", {"$f": "inf"}],
  ["v: -1e400", {"$m": [["v", {"$f": "-inf"}]]}],
  ["-1e400", {"$f": "-inf"}],
  ["a: 1\na: 2", 'ERROR'],
  ["a: 1\n\"a\": 2", 'ERROR'],
  ["1: a\n1.0: b", 'ERROR'],
  ["1: a\ntrue: b", 'ERROR'],
  ["a: &x {p: 1}\nb: *x", {"$m": [["a", {"$m": [["p", 1]]}], ["b", {"$m": [["p", 1]]}]]}],
  ["a: *nope", 'ERROR'],
  ["base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3", {"$m": [["base", {"$m": [["x", 1], ["y", 2]]}], ["m", {"$m": [["x", 1], ["y", 3]]}]]}],
  ["base: &b {x: 1, y: 2}\nm:\n  y: 3\n  <<: *b", {"$m": [["base", {"$m": [["x", 1], ["y", 2]]}], ["m", {"$m": [["x", 1], ["y", 3]]}]]}],
  ["a: &a {x: 1, k: a}\nb: &b {y: 2, k: b}\nm:\n  <<: [*a, *b]\n  z: 3", {"$m": [["a", {"$m": [["x", 1], ["k", "a"]]}], ["b", {"$m": [["y", 2], ["k", "b"]]}], ["m", {"$m": [["y", 2], ["k", "a"], ["x", 1], ["z", 3]]}]]}],
  ["m:\n  <<: {x: 1}\n  <<: {y: 2}", 'ERROR'],
  ["m:\n  <<: {}\n  <<: {y: 2}", {"$m": [["m", {"$m": [["y", 2]]}]]}],
  ["m:\n  <<: {x: 1}\n  z: 1\n  z: 2", {"$m": [["m", {"$m": [["x", 1], ["z", 2]]}]]}],
  ["m:\n  <<: 5", 'ERROR'],
  ["m:\n  <<: [5]", 'ERROR'],
  ["m:\n  \"<<\": 5", {"$m": [["m", {"$m": [["<<", 5]]}]]}],
  ["=: 1", {"$m": [["=", 1]]}],
  ["v: =", 'ERROR'],
  ["v: <<", 'ERROR'],
  ["a: 1\n---\nb: 2", 'ERROR'],
  ["---\na: 1\n...\n", {"$m": [["a", 1]]}],
  ["---\n", null],
  ["# only a comment\n", null],
  ["", null],
  ["   ", null],
  ["%YAML 1.1\n---\na: yes\nb: 017\nc: 1:30\nd: 0b1\ne: 190:20:30.15", {"$m": [["a", true], ["b", 15], ["c", 90], ["d", 1], ["e", {"$f": "685230.15"}]]}],
  ["%YAML 1.2\n---\na: yes", {"$m": [["a", "yes"]]}],
  ["%YAML 2.0\n---\na: 1", 'ERROR'],
  ["%TAG !e! tag:example.com,2000:\n---\na: !e!x y", 'ERROR'],
  ["[a]: 1", {"$m": [["('a',)", 1]]}],
  ["? [a, b]\n: 1", {"$m": [["('a', 'b')", 1]]}],
  ["? {a: 1}\n: 2", 'ERROR'],
  ["a: [1, *x]", 'ERROR'],
  ["a: &x [1, *x]", 'ERROR'], // Python: RecursionError
  ["a: \"tab\\there\"", {"$m": [["a", "tab\there"]]}],
  ["a: 'it''s'", {"$m": [["a", "it's"]]}],
  ["a: b: c", 'ERROR'],
  ["a:\n\t- b", 'ERROR'],
  ["{a: 1", 'ERROR'],
  ["- a\nb: 2", 'ERROR'],
  ["key: value # comment", {"$m": [["key", "value"]]}],
  ["a: \"\\U0001F680\"", {"$m": [["a", "\ud83d\ude80"]]}],
  ["a: !!binary |\n  aGVs\n  bG8=\n", {"$m": [["a", {"$b": "aGVsbG8="}]]}],
  ["a: !!str\nb: 1", {"$m": [["a", ""], ["b", 1]]}],
  ["a: !!null\n", {"$m": [["a", null]]}],
  ["a:\n  - 1\n  - 2\nb: {c: [d, e]}", {"$m": [["a", [1, 2]], ["b", {"$m": [["c", ["d", "e"]]]}]]}],
  ["x: 1\ny: 2\n", {"$m": [["x", 1], ["y", 2]]}],
  ["a: 12:30", {"$m": [["a", "12:30"]]}],
  ["a: 0o", {"$m": [["a", "0o"]]}],
  ["a: 0x", {"$m": [["a", "0x"]]}],
  ["a: -", 'ERROR'],
  ["a: - b", 'ERROR'],
  ["membershipIdentifier: m\nname: 2026-01-01", {"$m": [["membershipIdentifier", "m"], ["name", {"$dt": "datetime.date(2026, 1, 1)"}]]}],
  ["@a: 1", 'ERROR'],
  ["a: @b", 'ERROR'],
  ["a: `b`", 'ERROR'],
  ["a: 'multi\n  line'", {"$m": [["a", "multi line"]]}],
  ["a: \"multi\n  line\"", {"$m": [["a", "multi line"]]}],
  ["a: plain\n  continued", {"$m": [["a", "plain continued"]]}],
  ["a: !!float .NaN", {"$m": [["a", {"$f": "nan"}]]}],
  ["a: !!float nan", {"$m": [["a", {"$f": "nan"}]]}],
  ["a: !!float inf", {"$m": [["a", {"$f": "inf"}]]}],
  ["a: !!float infinity", {"$m": [["a", {"$f": "inf"}]]}],
  ["a: !!int 0_", {"$m": [["a", 0]]}],
  ["a: !!int -", 'ERROR'],
  ["a: !!int \" 12 \"", {"$m": [["a", 12]]}],
  ["a: !!float \" 1.5 \"", {"$m": [["a", {"$f": "1.5"}]]}],  // `...` document end markers: before the first document ruamel starts an implicit one and finds no node;
  // after another end marker it starts a second document (YAML 1.2 processing; `%YAML 1.1` skips them).
  ["...\n", 'ERROR'],
  ["...\nname: x\n", 'ERROR'],
  ["# c\n...\nname: x\n", 'ERROR'],
  ["\ufeff...\nname: x\n", 'ERROR'],
  ["... # c\n", 'ERROR'],
  ["...\n---\nname: x\n", 'ERROR'],
  ["%YAML 1.1\n...\n", 'ERROR'],
  ["name: x\n...\n", {"$m": [["name", "x"]]}],
  ["name: x\n... # c\n", {"$m": [["name", "x"]]}],
  ["---\n...\n", null],
  ["a: |\n  x\n...\n", {"$m": [["a", "x\n"]]}],
  ["....\n", "...."],
  ["...x\n", "...x"],
  [" ...\n", "..."],
  ["name: x\n...\n...\n", 'ERROR'],
  ["name: x\n...\n# c\n...\n", 'ERROR'],
  ["---\n...\n...\n", 'ERROR'],
  ["name: x\r\n...\r\n...\r\n", 'ERROR'],
  ["%YAML 1.1\n---\nname: x\n...\n...\n", {"$m": [["name", "x"]]}],
];

describe('loadYamlInput: as ruamel.yaml (safe, pure) loads it', () => {
  it.each(CASES)('%j', (text, want) => {
    if (want === 'ERROR') expect(() => loadYamlInput(text)).toThrow(YamlInputError);
    else expect(load(text)).toEqual(want);
  });
});

describe('loadYamlInput: more', () => {
  it('an alias yields the very same object', () => {
    const v = loadYamlInput('a: &x {p: 1}\nb: *x\n') as Map<string, PyValue>;
    expect(v.get('a')).toBe(v.get('b'));
  });

  it('a recursive alias is refused', () => {
    expect(() => loadYamlInput('a: &x [1, *x]')).toThrow(YamlInputError);
  });

  it('tabs: allowed in quoted and block scalars, comments and flow collections; refused elsewhere', () => {
    expect(load('a: "x\ty"')).toEqual({ $m: [['a', 'x\ty']] });
    expect(load('a: |\n  x\ty\n')).toEqual({ $m: [['a', 'x\ty\n']] });
    expect(load('a: x #\tc')).toEqual({ $m: [['a', 'x']] });
    expect(load('[a,\tb]')).toEqual(['a', 'b']);
    expect(load('{a:\t1}')).toEqual({ $m: [['a', 1]] });
    for (const bad of ['a:\t1', 'a: b\t', 'a\t: b', 'a: x\t# c', '- \ta', 'a: 1\n\t\nb: 2', 'a: ye\ts', '\t']) {
      expect(() => loadYamlInput(bad), JSON.stringify(bad)).toThrow(YamlInputError);
    }
  });

  it('a block scalar ending the stream without a line break keeps no final newline', () => {
    expect(load('v: |\n  lit')).toEqual({ $m: [['v', 'lit']] });
    expect(load('v: >\n  a\n  b')).toEqual({ $m: [['v', 'a b']] });
    expect(load('v: |\n  lit\n')).toEqual({ $m: [['v', 'lit\n']] });
  });

  it('binary: characters outside the alphabet skipped, a completed pad ends the data, bad padding refused', () => {
    expect(load('!!binary |\n  aGVs\n  bG8=\n')).toEqual({ $b: 'aGVsbG8=' });
    expect(load('!!binary "aGk=aGk="')).toEqual({ $b: 'aGk=' });
    expect(() => loadYamlInput('!!binary aGVsbG8')).toThrow(YamlInputError);
    expect(() => loadYamlInput('!!binary a')).toThrow(YamlInputError);
  });

  it("keys that are no str are keys by their str(): a tuple's items by their repr(), as the AWS CLI shows them", () => {
    // What the AWS CLI prints for this key: Unknown parameter in resourceConfig: "('a', 'b\\tc', b"'it's")"
    const v = loadYamlInput('? [a, "b\\tc", !!binary "J2l0J3M="]\n: 2\n') as Map<string, PyValue>;
    expect([...v.keys()]).toEqual([`('a', 'b\\tc', b"'it's")`]);
    expect(pyRepr(loadYamlInput('? !!binary "J2l0J3M="\n: 1\n'))).toBe(`{b"'it's": 1}`);
  });

  it('!!int and !!float take what Python\'s int() and float() take (the AWS CLI on the same text)', () => {
    expect(loadYamlInput('!!int "\u0661\u0662"')).toBe(12);
    expect(loadYamlInput('!!int --5')).toBe(5);
    expect(loadYamlInput('!!float "\u0661.\u0665"')).toEqual(new PyFloat(1.5));
    expect(() => loadYamlInput(`!!int "1'x"`)).toThrow(`invalid literal for int() with base 10: "1'x"`);
  });

  it('syntax errors', () => {
    for (const bad of ['{a: 1', 'a: b: c', '- a\nb: 2', "a: 'x", 'a:\n  - b\n c: d']) {
      expect(() => loadYamlInput(bad), JSON.stringify(bad)).toThrow(YamlInputError);
    }
  });

  it('plain Python exceptions from the constructor are flagged (the CLI prints their text, exit 255)', () => {
    const cases: [string, string][] = [
      ['v: 2026-02-30', 'day is out of range for month'],
      ['v: 2026-13-01', 'month must be in 1..12'],
      ['v: 2026-01-01 25:00:00', 'hour must be in 0..23'],
      ['v: 0001-01-01T00:30:00+01:00', 'date value out of range'],
      ['v: !!int 1.5', "invalid literal for int() with base 10: '1.5'"],
      ['v: !!int 0x', "invalid literal for int() with base 16: ''"],
      ['v: !!int 0b2', "invalid literal for int() with base 2: '2'"],
      ['v: !!float abc', "could not convert string to float: 'abc'"],
      ['v: !!bool maybe', "'maybe'"],
      ['v: !!int ""', 'string index out of range'],
      ['v: !!omap [a: 1, a: 2]', ''],
      ['? [[a]]\n: 1', "unhashable type: 'list'"],
    ];
    for (const [text, message] of cases) {
      let err: unknown;
      try {
        loadYamlInput(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(YamlInputError);
      expect((err as YamlInputError).pythonError, text).toBe(true);
      expect((err as YamlInputError).message, text).toBe(message);
    }
    // A YAMLError proper is not flagged.
    expect(() => loadYamlInput('a: 1\na: 2')).toThrow(expect.objectContaining({ pythonError: false }));
  });
});
