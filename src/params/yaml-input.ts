// `--cli-input-yaml`: the document loaded as the AWS CLI loads it, with ruamel.yaml `YAML(typ='safe', pure=True)`:
//  - one document (an empty stream gives None; a second document is an error);
//  - ruamel's versioned resolver: YAML 1.2 unless the document says `%YAML 1.1` (so `yes` stays a string, `123`
//    is an int, `1.5` a float, `0o17` an int, `2026-01-01` a timestamp, `<<` a merge key, `~`/`null`/empty None);
//  - the SafeConstructor: `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!binary` (bytes), `!!timestamp`,
//    `!!seq`, `!!map`, `!!omap`, `!!pairs`, `!!set`; any other tag is an error; a duplicate key is an error (but
//    not in a mapping that has a merge key); merge keys `<<` (a mapping or a list of mappings) put the merged keys
//    first, earlier listed mappings winning, the mapping's own keys overriding; anchors and aliases (an alias
//    yields the same object).
// Parsing is js-yaml's event parser; composing, resolving and constructing follow ruamel's rules here.
//
// A timestamp becomes a PyDateTime: a date, or a naive datetime moved to UTC by its offset, as ruamel makes them.
// Non-string mapping keys are keys by their Python str() (1 -> '1', True -> 'True', None -> 'None'), the dict
// keeping the original keys on the side (values.ts setNonStrKey) for validation and repr().

import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import { PyBytes, PyDateTime, PyFloat, setNonStrKey, type PyDict, type PyValue } from '../py/values';
import { pyDateTimeStr, pyFloatRepr, pyRepr, pyStr } from '../py/repr';
import { daysInMonth, epochFromFields, fieldsFromEpoch } from '../py/calendar';
import { own } from '../model/own';
import { b64decode, Base64Error } from '../py/base64';
import { PyException } from '../py/exceptions';
import { pyFloat, pyInt, type IntBase } from '../py/numbers';

/**
 * Any input the AWS CLI refuses. Normally ruamel raises a YAMLError, and the CLI prints
 * `Error parsing parameter 'cli-input-yaml': Invalid YAML received.`; when `pythonError` is set, ruamel's
 * constructor failed with a plain Python exception instead (`int('0x')`, a 30th of February...), which the CLI
 * does not catch there: it ends with that exception's text (the `message` here) and exit status 255.
 */
export class YamlInputError extends Error {
  constructor(
    message: string,
    readonly pythonError = false,
  ) {
    super(message);
    this.name = 'YamlInputError';
  }
}

const pyError = (message: string) => new YamlInputError(message, true);

/**
 * The deepest nesting of sequences and mappings loaded. ruamel's recursive composer and constructor
 * run out of Python's recursion limit on deep documents (the AWS CLI then ends with "maximum recursion
 * depth exceeded", exit 255); this loader stops at a fixed depth with an error of its own.
 */
export const MAX_YAML_DEPTH = 1000;

/** A document nested deeper than MAX_YAML_DEPTH (reported as a parameter error, not as invalid YAML). */
export class YamlNestingError extends Error {
  override name = 'YamlNestingError';
  constructor() {
    super(`Nesting deeper than ${MAX_YAML_DEPTH} levels is not supported.`);
  }
}

const T = 'tag:yaml.org,2002:';
const TAG_STR = T + 'str';
const TAG_SEQ = T + 'seq';
const TAG_MAP = T + 'map';
const TAG_MERGE = T + 'merge';
const TAG_VALUE = T + 'value';

// ---- nodes ----

interface ScalarNode {
  kind: 'scalar';
  tag: string;
  value: string;
}
interface SeqNode {
  kind: 'seq';
  tag: string;
  items: YNode[];
}
interface MapNode {
  kind: 'map';
  tag: string;
  pairs: [YNode, YNode][];
  merge?: [YNode, YNode][];
}
type YNode = ScalarNode | SeqNode | MapNode;

// ---- the resolver (ruamel.yaml's implicit resolvers, by version) ----

type Resolver = [tag: string, re: RegExp, first: string][];

const RES_12: Resolver = [
  [T + 'bool', /^(?:true|True|TRUE|false|False|FALSE)$/, 'tTfF'],
  [
    T + 'float',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    '-+0123456789.',
  ],
  [T + 'int', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/, '-+0123456789'],
];
const RES_11: Resolver = [
  [
    T + 'bool',
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    'yYnNtTfFoO',
  ],
  [
    T + 'float',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    '-+0123456789.',
  ],
  [
    T + 'int',
    /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
    '-+0123456789',
  ],
];
const RES_BOTH: Resolver = [
  [TAG_MERGE, /^(?:<<)$/, '<'],
  [T + 'null', /^(?:~|null|Null|NULL|)$/, '~nN'],
  [
    T + 'timestamp',
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
    '0123456789',
  ],
  [TAG_VALUE, /^(?:=)$/, '='],
  [T + 'yaml', /^(?:!|&|\*)$/, '!&*'],
];

/** Resolvers bucketed by first character, in ruamel's registration order; '' holds the empty-string ones. */
function buildBuckets(list: Resolver): Map<string, [string, RegExp][]> {
  const buckets = new Map<string, [string, RegExp][]>();
  for (const [tag, re, first] of list) {
    for (const ch of first) {
      if (!buckets.has(ch)) buckets.set(ch, []);
      (buckets.get(ch) as [string, RegExp][]).push([tag, re]);
    }
  }
  buckets.set('', [[T + 'null', /^(?:~|null|Null|NULL|)$/]]);
  return buckets;
}
const BUCKETS_12 = buildBuckets([...RES_12, ...RES_BOTH]);
const BUCKETS_11 = buildBuckets([...RES_11, ...RES_BOTH]);

/** Python's re.match with a trailing `$`, which also matches before one final newline. */
function pyMatch(re: RegExp, s: string): boolean {
  return re.test(s) || (s.endsWith('\n') && re.test(s.slice(0, -1)));
}

function resolveScalar(buckets: Map<string, [string, RegExp][]>, value: string, implicitPlain: boolean): string {
  if (implicitPlain) {
    const list = buckets.get(value === '' ? '' : value[0]);
    if (list) for (const [tag, re] of list) if (pyMatch(re, value)) return tag;
  }
  return TAG_STR;
}

// ---- tags ----

function uriDecode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    throw new YamlInputError(`invalid URI escape in tag: ${s}`);
  }
}

/** The full tag for a tag's source spelling, or null for none; '!' (non-specific) stays '!'. */
function resolveTag(raw: string, handles: Map<string, string>): string {
  if (raw === '!') return '!';
  if (raw.startsWith('!<')) return uriDecode(raw.slice(2, -1));
  let handle: string;
  let suffix: string;
  const named = /^(![0-9A-Za-z-]*!)(.*)$/s.exec(raw);
  if (named) {
    handle = named[1];
    suffix = named[2];
  } else {
    handle = '!';
    suffix = raw.slice(1);
  }
  const prefix = handles.get(handle);
  if (prefix === undefined) throw new YamlInputError(`found undefined tag handle '${handle}'`);
  return prefix + uriDecode(suffix);
}

// ---- tabs ----

/**
 * ruamel's scanner (PyYAML's) only skips spaces between tokens outside flow collections, and ends a plain scalar
 * at a tab: a tab anywhere but inside a quoted or block scalar, a comment or a flow collection is an error there,
 * where YAML 1.2 (and js-yaml) allow it as separation or inside plain scalars.
 */
function checkTabs(text: string, events: Event[]): void {
  // Scalar ranges, in document order: [start, end, plain].
  const ranges: [number, number, boolean][] = [];
  for (const ev of events) {
    if (ev.type !== EVENT_ID.SCALAR || ev.valueStart < 0) continue;
    const quoted = ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED;
    ranges.push([quoted ? ev.valueStart - 1 : ev.valueStart, quoted ? ev.valueEnd + 1 : ev.valueEnd, ev.style === SCALAR_STYLE.PLAIN]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let r = 0;
  let flow = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (r < ranges.length && ranges[r][1] <= i) r++;
    if (r < ranges.length && ranges[r][0] <= i) {
      const [start, end, plain] = ranges[r];
      if (plain && text.slice(start, end).indexOf('\t') >= 0) throw new YamlInputError("found character '\\t' that cannot start any token");
      i = end;
      continue;
    }
    const c = text[i];
    if (c === '#' && (i === 0 || ' \t\r\n'.includes(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    else if (c === '\t' && flow === 0) throw new YamlInputError("found character '\\t' that cannot start any token");
    i++;
  }
}

// ---- composing (events -> node graph) ----

function compose(text: string): { node: YNode | null; version: '1.1' | '1.2' } {
  const strayEnd = strayDocumentEnd(text);
  if (strayEnd === 'first') throw new YamlInputError("expected the node content, but found '<document end>'");
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_YAML_DEPTH });
  } catch (e) {
    if (e instanceof Error && e.message.includes('nesting exceeded maxDepth')) throw new YamlNestingError();
    throw new YamlInputError(e instanceof Error ? e.message : String(e));
  }
  if (text.indexOf('\t') >= 0) checkTabs(text, events);
  if (events.length === 0) return { node: null, version: '1.2' };

  let pos = 0;
  const first = events[pos++];
  if (first.type !== EVENT_ID.DOCUMENT) throw new YamlInputError('expected a document');
  let version: '1.1' | '1.2' = '1.2';
  const handles = new Map<string, string>([
    ['!', '!'],
    ['!!', T],
  ]);
  let sawVersion = false;
  for (const d of first.directives) {
    if (d.kind === 'yaml') {
      if (sawVersion) throw new YamlInputError('found duplicate YAML directive');
      sawVersion = true;
      const [major, minor] = d.version.split('.').map(Number);
      if (major !== 1) throw new YamlInputError('found incompatible YAML document (version 1.* is required)');
      version = minor === 1 ? '1.1' : '1.2';
    } else {
      handles.set(d.handle, d.prefix);
    }
  }
  const buckets = version === '1.1' ? BUCKETS_11 : BUCKETS_12;
  const anchors = new Map<string, YNode>();
  const slice = (a: number, b: number) => (a >= 0 ? text.slice(a, b) : null);

  const composeNode = (): YNode => {
    const ev = events[pos++];
    if (!ev) throw new YamlInputError('unexpected end of stream');
    switch (ev.type) {
      case EVENT_ID.ALIAS: {
        const name = text.slice(ev.anchorStart, ev.anchorEnd);
        const target = anchors.get(name);
        if (!target) throw new YamlInputError(`found undefined alias '${name}'`);
        return target;
      }
      case EVENT_ID.SCALAR: {
        const raw = slice(ev.tagStart, ev.tagEnd);
        const tag = raw === null ? null : resolveTag(raw, handles);
        let value = ev.valueStart >= 0 ? getScalarValue(text, ev) : '';
        // A block scalar whose last line ends the stream without a line break: ruamel keeps no final newline.
        if (
          (ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK) &&
          ev.valueEnd === text.length &&
          value.endsWith('\n') &&
          !/[\n\r]$/.test(text)
        ) {
          value = value.slice(0, -1);
        }
        const plain = ev.style === SCALAR_STYLE.PLAIN;
        let full: string;
        if ((plain && tag === null) || tag === '!') full = resolveScalar(buckets, value, true);
        else if (tag === null) full = TAG_STR;
        else full = tag;
        const node: ScalarNode = { kind: 'scalar', tag: full, value };
        const anchor = slice(ev.anchorStart, ev.anchorEnd);
        if (anchor !== null) anchors.set(anchor, node);
        return node;
      }
      case EVENT_ID.SEQUENCE: {
        const raw = slice(ev.tagStart, ev.tagEnd);
        const tag = raw === null ? null : resolveTag(raw, handles);
        const node: SeqNode = { kind: 'seq', tag: tag === null || tag === '!' ? TAG_SEQ : tag, items: [] };
        const anchor = slice(ev.anchorStart, ev.anchorEnd);
        if (anchor !== null) anchors.set(anchor, node);
        while (events[pos] && events[pos].type !== EVENT_ID.POP) node.items.push(composeNode());
        pos++;
        return node;
      }
      case EVENT_ID.MAPPING: {
        const raw = slice(ev.tagStart, ev.tagEnd);
        const tag = raw === null ? null : resolveTag(raw, handles);
        const node: MapNode = { kind: 'map', tag: tag === null || tag === '!' ? TAG_MAP : tag, pairs: [] };
        const anchor = slice(ev.anchorStart, ev.anchorEnd);
        if (anchor !== null) anchors.set(anchor, node);
        while (events[pos] && events[pos].type !== EVENT_ID.POP) {
          const k = composeNode();
          const v = composeNode();
          node.pairs.push([k, v]);
        }
        pos++;
        return node;
      }
      default:
        throw new YamlInputError('unexpected event');
    }
  };

  const node = composeNode();
  if (events[pos]?.type !== EVENT_ID.POP) throw new YamlInputError('expected the end of the document');
  pos++;
  if (pos < events.length || (strayEnd === 'repeated' && version !== '1.1')) {
    throw new YamlInputError('expected a single document in the stream');
  }
  return { node, version };
}

/**
 * Where a `...` document end marker (at column 0, then a space, a tab or the line's end) stands where
 * ruamel's parser expects a document, which js-yaml skips: `first`, before the first document (ruamel
 * starts an implicit document there, then finds no node content); `repeated`, after another end marker
 * with no document between them (ruamel, processing YAML 1.2, starts an implicit document there too: a
 * second document; under `%YAML 1.1` it skips such markers).
 */
function strayDocumentEnd(text: string): 'first' | 'repeated' | undefined {
  let state: 'none' | 'document' | 'ended' = 'none';
  let repeated = false;
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|[\r\n\x85\u2028\u2029]/)) {
    if (/^\.\.\.(?:[ \t\0]|$)/.test(line)) {
      if (state === 'none') return 'first';
      if (state === 'ended') repeated = true;
      state = 'ended';
      continue;
    }
    const rest = line.replace(/^[ \t]+/, '');
    // Blank lines, comments and (outside a document) directives start no document.
    if (state !== 'document' && (rest === '' || rest.startsWith('#') || line.startsWith('%'))) continue;
    state = 'document';
  }
  return repeated ? 'repeated' : undefined;
}

// ---- constructing (node graph -> PyValue) ----

/** A constructed value, which for mapping keys may also be a tuple (a list used as a key). */
class Tuple {
  constructor(public readonly items: Value[]) {}
}
type Value = PyValue | Tuple;

/** A Python-equality identity for a hashable key (1 == 1.0 == True; 'a'; None; tuples). */
function keyIdentity(k: Value, nanCounter: { n: number }): string {
  if (k === null) return 'z';
  if (typeof k === 'string') return 's' + k;
  if (typeof k === 'boolean') return 'n' + (k ? '1' : '0');
  if (typeof k === 'number') return 'n' + BigInt(k).toString();
  if (typeof k === 'bigint') return 'n' + k.toString();
  if (k instanceof PyFloat) {
    const x = k.value;
    if (Number.isNaN(x)) return 'nan' + nanCounter.n++;
    if (Number.isInteger(x)) return 'n' + BigInt(x).toString();
    return 'f' + pyFloatRepr(x);
  }
  if (k instanceof PyBytes) return 'b' + Buffer.from(k.bytes).toString('hex');
  // (A date never equals a datetime.)
  if (k instanceof PyDateTime) return (k.hasTime ? 'D' : 'd') + pyDateTimeStr(k);
  if (k instanceof Tuple) return 't(' + k.items.map((x) => keyIdentity(x, nanCounter)).join(',') + ')';
  throw pyError(`unhashable type: '${k instanceof Map ? 'dict' : 'list'}'`);
}

/** str() of a key: a tuple prints as its repr, with its items' repr()s. */
function keyStr(k: Value): string {
  return k instanceof Tuple ? tupleRepr(k) : pyStr(k);
}

function tupleRepr(t: Tuple): string {
  const parts = t.items.map((x) => (x instanceof Tuple ? tupleRepr(x) : pyRepr(x)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** A call of Python's int() or float(): its ValueError escapes ruamel as a plain Python exception. */
function py<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyException) throw pyError(e.message);
    throw e;
  }
}

const toInt = (b: bigint): number | bigint =>
  b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;

class Constructor {
  private readonly constructed = new Map<YNode, Value>();
  private readonly inProgress = new Set<YNode>();
  private readonly nan = { n: 0 };

  constructor(private readonly version: '1.1' | '1.2') {}

  construct(node: YNode): Value {
    const done = this.constructed.get(node);
    if (done !== undefined) return done;
    if (this.inProgress.has(node)) throw pyError('Circular reference detected');
    this.inProgress.add(node);
    const value = this.constructByTag(node);
    this.inProgress.delete(node);
    this.constructed.set(node, value);
    return value;
  }

  private scalarValue(node: YNode): string {
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'map') {
      for (const [k, v] of node.pairs) if (k.tag === TAG_VALUE) return this.scalarValue(v);
    }
    throw new YamlInputError(`expected a scalar node, but found ${node.kind === 'map' ? 'mapping' : 'sequence'}`);
  }

  private constructByTag(node: YNode): Value {
    switch (node.tag) {
      case T + 'null':
        this.scalarValue(node);
        return null;
      case T + 'bool': {
        const v = this.scalarValue(node).toLowerCase();
        const b = own({ yes: true, no: false, y: true, n: false, true: true, false: false, on: true, off: false } as Record<string, boolean>, v);
        if (b === undefined) throw pyError(`'${v}'`);
        return b;
      }
      case T + 'int':
        return this.constructInt(this.scalarValue(node));
      case T + 'float':
        return this.constructFloat(this.scalarValue(node));
      case T + 'binary':
        return this.constructBinary(this.scalarValue(node));
      case T + 'timestamp':
        return this.constructTimestamp(this.scalarValue(node));
      case T + 'str':
        return this.scalarValue(node);
      case TAG_SEQ:
        if (node.kind !== 'seq') throw new YamlInputError('expected a sequence node');
        return this.constructSeq(node);
      case TAG_MAP:
        if (node.kind !== 'map') throw new YamlInputError('expected a mapping node');
        return this.constructMap(node);
      case T + 'omap':
        return this.constructOmap(node);
      case T + 'pairs':
        return this.constructPairs(node);
      case T + 'set': {
        if (node.kind !== 'map') throw new YamlInputError('expected a mapping node');
        return Array.from(this.constructMap(node).keys());
      }
      default:
        throw new YamlInputError(`could not determine a constructor for the tag '${node.tag}'`);
    }
  }

  /** ruamel's construct_yaml_int: the sign and the base taken off, then Python's int() of the rest. */
  private constructInt(text: string): number | bigint {
    let s = text.replace(/_/g, '');
    if (s === '') throw pyError('string index out of range');
    let sign = 1n;
    if (s[0] === '-') sign = -1n;
    if (s[0] === '+' || s[0] === '-') s = s.slice(1);
    if (s === '0') return 0;
    const int = (t: string, base: IntBase = 10) => BigInt(py(() => pyInt(t, base)));
    let v: bigint;
    if (s.startsWith('0b')) v = int(s.slice(2), 2);
    else if (s.startsWith('0x')) v = int(s.slice(2), 16);
    else if (s.startsWith('0o')) v = int(s.slice(2), 8);
    else if (this.version === '1.1' && s[0] === '0') v = int(s, 8);
    else if (this.version === '1.1' && s.includes(':')) {
      v = 0n;
      let base = 1n;
      for (const part of s.split(':').reverse()) {
        v += int(part) * base;
        base *= 60n;
      }
    } else {
      v = int(s);
    }
    return toInt(sign * v);
  }

  /** ruamel's construct_yaml_float: the sign taken off, .inf/.nan, then Python's float() of the rest. */
  private constructFloat(text: string): PyFloat {
    let s = text.replace(/_/g, '').toLowerCase();
    if (s === '') throw pyError('string index out of range');
    let sign = 1;
    if (s[0] === '-') sign = -1;
    if (s[0] === '+' || s[0] === '-') s = s.slice(1);
    if (s === '.inf') return new PyFloat(sign * Infinity);
    if (s === '.nan') return new PyFloat(NaN);
    const float = (t: string) => py(() => pyFloat(t));
    if (this.version !== '1.2' && s.includes(':')) {
      let v = 0;
      let base = 1;
      for (const part of s.split(':').reverse()) {
        v += float(part) * base;
        base *= 60;
      }
      return new PyFloat(sign * v);
    }
    return new PyFloat(sign * float(s));
  }

  /** ruamel's construct_yaml_binary: base64.decodebytes of the text's ASCII. */
  private constructBinary(text: string): PyBytes {
    if (/[^\x00-\x7f]/.test(text)) throw new YamlInputError('failed to convert base64 data into ascii');
    try {
      return new PyBytes(b64decode(text));
    } catch (e) {
      if (e instanceof Base64Error) throw new YamlInputError(`failed to decode base64 data: ${e.message}`);
      throw e;
    }
  }


  /** ruamel's create_timestamp: a datetime.date, or a naive datetime.datetime moved to UTC by its offset. */
  private constructTimestamp(text: string): PyDateTime {
    const m = /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/.exec(text);
    if (!m) throw new YamlInputError(`failed to construct timestamp from "${text}"`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // datetime.date / datetime.datetime's own checks, in their order.
    if (year < 1) throw pyError(`year ${year} is out of range`);
    if (month < 1 || month > 12) throw pyError('month must be in 1..12');
    if (day < 1 || day > daysInMonth(year, month)) throw pyError('day is out of range for month');
    if (m[4] === undefined) return new PyDateTime(false, year, month, day);
    const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
    if (hour > 23) throw pyError('hour must be in 0..23');
    if (minute > 59) throw pyError('minute must be in 0..59');
    if (second > 59) throw pyError('second must be in 0..59');
    // The fraction: six digits, rounded on the seventh; a carry out of the sixth drops it and costs a
    // second (as ruamel does it, a second the wrong way when there is an offset).
    const MAX_FRAC = 999999;
    const fraction = m[7] ?? '';
    let frac = fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0;
    if (fraction.length > 6 && Number(fraction[6]) > 4) frac += 1;
    const microsecond = frac > MAX_FRAC ? 0 : frac;
    let deltaSeconds = 0;
    if (m[9]) {
      deltaSeconds = Number(m[10]) * 3600 + (m[11] ? Number(m[11]) : 0) * 60 + (frac > MAX_FRAC ? 1 : 0);
      if (m[9] === '-') deltaSeconds = -deltaSeconds;
    } else if (frac > MAX_FRAC) {
      deltaSeconds = -1;
    }
    if (!deltaSeconds) return new PyDateTime(true, year, month, day, hour, minute, second, microsecond);
    const [y, mo, d, h, mi, s] = fieldsFromEpoch(epochFromFields(year, month, day, hour, minute, second) - deltaSeconds);
    if (y < 1 || y > 9999) throw pyError('date value out of range');
    return new PyDateTime(true, y, mo, d, h, mi, s, microsecond);
  }

  private constructSeq(node: SeqNode): PyValue[] {
    const out: PyValue[] = [];
    for (const item of node.items) out.push(this.asPyValue(this.construct(item)));
    return out;
  }

  private asPyValue(v: Value): PyValue {
    if (v instanceof Tuple) return v.items.map((x) => this.asPyValue(x));
    return v;
  }

  /** SafeConstructor.flatten_mapping: merge keys resolved in place on the node. */
  private flatten(node: MapNode): void {
    const merge: [YNode, YNode][] = [];
    let index = 0;
    while (index < node.pairs.length) {
      const [keyNode, valueNode] = node.pairs[index];
      if (keyNode.tag === TAG_MERGE) {
        if (merge.length) throw new YamlInputError('found duplicate merge key "<<"');
        node.pairs.splice(index, 1);
        if (valueNode.kind === 'map') {
          this.flatten(valueNode);
          merge.push(...valueNode.pairs);
        } else if (valueNode.kind === 'seq') {
          const submerge: [YNode, YNode][][] = [];
          for (const sub of valueNode.items) {
            if (sub.kind !== 'map') throw new YamlInputError('expected a mapping for merging');
            this.flatten(sub);
            submerge.push(sub.pairs);
          }
          submerge.reverse();
          for (const pairs of submerge) merge.push(...pairs);
        } else {
          throw new YamlInputError('expected a mapping or list of mappings for merging');
        }
      } else if (keyNode.tag === TAG_VALUE) {
        keyNode.tag = TAG_STR;
        index++;
      } else {
        index++;
      }
    }
    if (merge.length) {
      node.merge = merge;
      node.pairs = [...merge, ...node.pairs];
    }
  }

  private constructMap(node: MapNode): PyDict {
    this.flatten(node);
    const todo: [[YNode, YNode][], boolean][] = node.merge ? [[node.merge, false], [node.pairs, false]] : [[node.pairs, true]];
    // Python dict semantics: a key keeps its first position; later assignments replace the value.
    const total = new Map<string, [string, PyValue, Value]>();
    for (const [pairs, check] of todo) {
      const mapping = new Map<string, [string, PyValue, Value]>();
      for (const [keyNode, valueNode] of pairs) {
        let key = this.construct(keyNode);
        if (Array.isArray(key)) key = new Tuple(key);
        if (key instanceof Map) throw new YamlInputError('found unhashable key');
        const id = keyIdentity(key, this.nan);
        const value = this.asPyValue(this.construct(valueNode));
        const existing = mapping.get(id);
        if (existing) {
          if (check) throw new YamlInputError(`found duplicate key "${keyStr(key)}"`);
          existing[1] = value;
        } else {
          mapping.set(id, [keyStr(key), value, key]);
        }
      }
      for (const [id, entry] of mapping) {
        const existing = total.get(id);
        if (existing) existing[1] = entry[1];
        else total.set(id, [entry[0], entry[1], entry[2]]);
      }
    }
    const out: PyDict = new Map();
    for (const [k, v, key] of total.values()) {
      out.set(k, v);
      // (A tuple key has no PyValue form: it stays its str().)
      if (typeof key !== 'string' && !(key instanceof Tuple)) setNonStrKey(out, k, key);
    }
    return out;
  }

  private singlePairs(node: YNode, what: string): [YNode, YNode][] {
    if (node.kind !== 'seq') throw new YamlInputError(`while constructing ${what}: expected a sequence`);
    return node.items.map((sub) => {
      if (sub.kind !== 'map' || sub.pairs.length !== 1) {
        throw new YamlInputError(`while constructing ${what}: expected a mapping of length 1`);
      }
      return sub.pairs[0];
    });
  }

  private constructOmap(node: YNode): PyDict {
    const out: PyDict = new Map();
    const seen = new Set<string>();
    for (const [k, v] of this.singlePairs(node, 'an ordered map')) {
      const key = this.construct(k);
      const id = keyIdentity(key, this.nan);
      if (seen.has(id)) throw pyError(''); // an AssertionError
      seen.add(id);
      out.set(keyStr(key), this.asPyValue(this.construct(v)));
    }
    return out;
  }

  private constructPairs(node: YNode): PyValue[] {
    return this.singlePairs(node, 'pairs').map(([k, v]) => [this.asPyValue(this.construct(k)), this.asPyValue(this.construct(v))]);
  }
}

/** Loads the text of `--cli-input-yaml` as the AWS CLI does; throws YamlInputError where it would refuse it. */
export function loadYamlInput(text: string): PyValue {
  const { node, version } = compose(text);
  if (node === null) return null;
  return new Constructor(version).construct(node) as PyValue;
}
