// A fuzz test: a seeded generator of hostile command lines (shorthand, JSON, YAML, file:// and
// fileb://, unicode, values of a megabyte and more, deep nesting, keys named like JavaScript's
// built-in properties, odd global options), run in-process through the whole CLI (argument parsing,
// unpacking, validation, serialisation; a third of them sent to a stub service and their answers
// formatted). For every case: no exception escapes, the exit code is one of the AWS CLI's, a failure
// prints one error and no stack trace, and neither the secret key nor the session token appears in
// any output. Shorthand parsing is checked to stay linear in the size of its input (by counting the
// parser's work, not by timing it). Fixed seed, fixed number of cases: the same cases on every run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { argumentTable } from '../../src/params/arguments';
import { memoryIO } from '../support/io';
import { getShape, MODEL, operationsByCliName } from '../../src/model';
import type { Shape } from '../../src/model/types';
import { parseShorthand, ShorthandParseError } from '../../src/shorthand/parser';

const SEED = 20261207;
const CASES = 3000;
const BATCH = 250;
const SECRET = 'Fuzz+Secret/Key0123456789abcdefGHIJKLMNOPq';
const TOKEN = 'Fuzz+Session/Token9876543210zyxwvUTSRQPONm';
const ALLOWED_RC = new Set([0, 252, 253, 254, 255]);
const BUILTIN = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__lookupSetter__',
  'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'prototype', 'length', 'then'];
// V8's own error texts: a bug of this CLI (a TypeError, a stack overflow, …), never the answer to an input.
const JS_ERRORS = /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|Cannot convert|Invalid array length|Invalid string length|Maximum call stack|is not defined|Cannot access '|Unexpected token|Converting circular structure|out of memory/;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const UNICODE = ['é', 'ü', '日本', '😀', '\u200b', '\u202e', 'e\u0301', '\u00a0', '\ufeff', '\u2028', '𝒳', '\ud800', '\udc00', '\u0000', '\t', '\n', '\r\n'];
const WORDS = ['a', 'x y', 'ml.m5.xlarge', '123456789012', 'true', 'null', '1e400', 'NaN', '-1', '0x10', '', ' ', '\\', '\\,', "'", '"',
  '=', ',', '[', ']', '{', '}', '@', 'file://', 'fileb://', '$HOME', '~', '%s', '%n', '${x}', '../..', 'text/csv'];

function word(r: Rng): string {
  let w = r.chance(0.7) ? r.pick(WORDS) : r.pick(BUILTIN);
  while (r.chance(0.3)) w += r.chance(0.5) ? r.pick(UNICODE) : r.pick(WORDS);
  return w;
}

function key(r: Rng): string {
  return r.chance(0.35) ? r.pick(BUILTIN) : r.chance(0.8) ? r.pick(['instanceType', 'instanceCount', 'members', 'accountId', 'accept',
    'mlInputChannelArn', 'unit', 'value', 'k', 'a.b', 'a-b', '#x', 'a/b:c', '']) : word(r);
}

/** Shorthand-ish text: mostly well-formed, sometimes broken, sometimes deep. */
function shorthand(r: Rng, depth = 0): string {
  const value = (): string => {
    if (depth < 6 && r.chance(0.2)) return `{${shorthand(r, depth + 1)}}`;
    if (depth < 6 && r.chance(0.15)) return `[${Array.from({ length: r.int(4) }, value).join(',')}]`;
    if (r.chance(0.1)) return `"${word(r).replace(/"/g, '\\"')}"`;
    if (r.chance(0.05)) return `'${word(r)}'`;
    return word(r).replace(/[,=[\]{}]/g, '');
  };
  const pairs = Array.from({ length: 1 + r.int(4) }, () => `${key(r)}${r.chance(0.1) ? '@=' : '='}${value()}`);
  let s = pairs.join(r.chance(0.9) ? ',' : ' ');
  if (r.chance(0.1)) s = mutate(r, s);
  return s;
}

function jsonValue(r: Rng, depth = 0): unknown {
  const k = r.int(10);
  if (depth < 5 && k < 3) return Object.fromEntries(Array.from({ length: r.int(4) }, () => [key(r), jsonValue(r, depth + 1)]));
  if (depth < 5 && k < 5) return Array.from({ length: r.int(4) }, () => jsonValue(r, depth + 1));
  if (k < 7) return word(r);
  return r.pick([0, -1, 1.5, 1e300, 2 ** 63, true, false, null, 'Infinity']);
}

/** JSON text: built-in keys (__proto__ included), specials, sometimes broken. */
function json(r: Rng): string {
  let s = JSON.stringify(jsonValue(r));
  if (r.chance(0.15)) s = s.replace(/"Infinity"/g, r.pick(['Infinity', '-Infinity', 'NaN', '1e400']));
  if (r.chance(0.3)) s = mutate(r, s);
  return s;
}

function yaml(r: Rng): string {
  const lines: string[] = [];
  for (let i = 0; i < 1 + r.int(5); i++) {
    const k = key(r);
    const v = r.pick(['x', '1', '.inf', '.nan', 'yes', '~', '[a, b]', '{a: 1}', '&a 1', '*a', '!!bool constructor', '!!binary aGk=',
      '!!timestamp 2026-02-30', '!!int 0x', "'q'", '"\\u00e9"', '|\n  block', '{<<: {a: 1}}', word(r)]);
    lines.push(`${r.chance(0.2) ? '  ' : ''}${k || "''"}: ${v}`);
  }
  let s = lines.join('\n') + '\n';
  if (r.chance(0.25)) s = mutate(r, s);
  return s;
}

function mutate(r: Rng, s: string): string {
  const cs = [...s];
  for (let i = 0; i < 1 + r.int(3); i++) {
    const at = r.int(cs.length + 1);
    const op = r.int(4);
    if (op === 0) cs.splice(at, 1);
    else if (op === 1) cs.splice(at, 0, r.pick([...'{}[],:"\\=@\'', ...UNICODE]));
    else if (op === 2) cs.length = Math.min(cs.length, at);
    else cs.splice(at, 0, ...word(r));
  }
  return cs.join('');
}

function deep(r: Rng): string {
  const n = r.pick([100, 500, 999, 1000, 1001, 3000, 8000]);
  switch (r.int(4)) {
    case 0: return `members=${'['.repeat(n)}${']'.repeat(n)}`;
    case 1: return `a=${'{b='.repeat(n)}1${'}'.repeat(n)}`;
    case 2: return `{"a": ${'['.repeat(n)}${']'.repeat(n)}}`;
    default: return `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  }
}

function huge(r: Rng): string {
  const n = 1_100_000 + r.int(100_000);
  switch (r.int(4)) {
    case 0: return `instanceType=${'x'.repeat(n)}`;
    case 1: return JSON.stringify({ instanceType: 'é'.repeat(n / 2) });
    case 2: return `k=${'v,'.repeat(n / 2)}w`;
    default: return 'x'.repeat(n);
  }
}

interface Env { dir: string; files: string[] }

/** A hostile value for an option of this shape. */
function valueFor(r: Rng, shape: Shape, env: Env): string | string[] {
  const complex = shape.type === 'structure' || shape.type === 'map' || shape.type === 'list';
  const k = r.int(100);
  if (k < 1 && r.chance(0.5)) return huge(r);
  if (k < 5) return deep(r);
  if (k < 12) {
    const f = r.pick(env.files);
    return r.pick(['file://', 'fileb://'])+ (r.chance(0.9) ? f : join(env.dir, 'missing', f));
  }
  if (k < 14) return r.pick(['file://', 'fileb://', 'file:///', `file://${env.dir}`, 'file://$NOPE/x', 'file://~nobody/x']);
  if (complex) {
    if (k < 55) return shorthand(r);
    if (k < 85) return json(r);
    return shape.type === 'list' ? Array.from({ length: r.int(4) }, () => (r.chance(0.5) ? word(r) : shorthand(r))) : word(r);
  }
  return r.chance(0.8) ? word(r) : mutate(r, json(r));
}

const GLOBALS: (string[] | ((r: Rng) => string[]))[] = [
  [], [], [], ['--output', 'text'], ['--output', 'table'], ['--output', 'yaml'], ['--output', 'yaml-stream'],
  ['--color', 'on'], ['--no-paginate'], ['--cli-error-format', 'json'], ['--cli-error-format', 'table'],
  (r) => ['--query', r.pick(['name', '@', '[', 'a.b[?c==`1`]', 'constructor', 'toString(@)', 'keys(@)', '`{"__proto__": 1}`', '&x', '*.*',
    `${'('.repeat(8000)}a${')'.repeat(8000)}`, `${'!'.repeat(3000)}a`, `${'{a:'.repeat(600)}b${'}'.repeat(600)}`, `\`${'['.repeat(3000)}${']'.repeat(3000)}\``])],
  (r) => ['--region', r.pick(['', 'us-west-2', 'Not_A_Region', 'eu-west-1\n', 'x'.repeat(70)])],
  (r) => ['--cli-input-json', json(r)],
  (r) => ['--cli-input-yaml', yaml(r)],
  (r) => ['--max-items', r.pick(['1', '0', '-1', 'x', '1e3'])],
];

/** One hostile command line: an operation, some of its options with hostile values, a global option or two. */
function commandLine(r: Rng, env: Env, network: boolean, url: string): string[] {
  const ops = [...operationsByCliName().entries()];
  const [cliName, op] = r.pick(ops);
  const argv = ['cleanroomsml', cliName];
  for (const a of argumentTable(op)) {
    if (a.kind !== 'member' || !a.shape) continue;
    if (!(a.required ? r.chance(0.85) : r.chance(0.25))) continue;
    const v = valueFor(r, a.shape, env);
    argv.push(`--${a.name}`, ...(Array.isArray(v) ? v : [v]));
  }
  for (let i = r.int(3); i > 0; i--) {
    const g = r.pick(GLOBALS);
    argv.push(...(typeof g === 'function' ? g(r) : g));
  }
  if (network) argv.push('--endpoint-url', url);
  else argv.push('--generate-cli-skeleton', 'output');
  return argv;
}

let dir: string;
let server: Server;
let url: string;
const env: Env = { dir: '', files: [] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aws-fuzz-'));
  env.dir = dir;
  mkdirSync(join(dir, 'home'));
  const r = prng(SEED ^ 0x5eed);
  const contents: (string | Buffer)[] = [
    'instanceType=ml.m5.xlarge', '{"instanceType": "ml.m5.xlarge", "__proto__": 1}', '', '\ufeff{"a":1}', Buffer.from([0xff, 0xfe, 0x00]),
    Buffer.from('{"a": "\u00e9"}', 'utf16le'), yaml(r), json(r), shorthand(r), deep(r), 'x'.repeat(1_200_000),
  ];
  contents.forEach((c, i) => {
    const name = `f${i}.txt`;
    writeFileSync(join(dir, name), c);
    env.files.push(join(dir, name));
  });
  // A stub service: every request gets a 200 with a small, valid-looking answer (or an error now and then).
  let n = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      if (n % 7 === 0) {
        res.writeHead(400, { 'x-amzn-ErrorType': 'ValidationException', 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'bad', __proto__: { x: 1 } }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ name: 'job', status: 'ACTIVE', tags: { constructor: 'c', __proto__: 'p' }, nextToken: n % 3 ? undefined : 'next' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** What one run printed and returned, or what escaped it. */
async function runCase(argv: string[]) {
  const io = memoryIO({
    HOME: join(dir, 'home'), PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIDFUZZ', AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1', AWS_CONFIG_FILE: join(dir, 'home', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'home', 'credentials'),
  }, dir);
  let rc: number | undefined;
  let escaped: unknown;
  try {
    rc = await cli(argv, io);
  } catch (e) {
    escaped = e;
  }
  return { rc, escaped, stdout: io.out(), stderr: io.err() };
}

const describeCase = (argv: string[]) => JSON.stringify(argv.map((a) => (a.length > 200 ? `${a.slice(0, 200)}…(${a.length})` : a)));

describe('hostile command lines', () => {
  const r = prng(SEED);
  // Generated up front, in order, so that every batch sees the same cases on every run.
  const cases = Array.from({ length: CASES }, (_, i) => ({ i, network: i % 3 === 0 }));
  const lines = new Map<number, string[]>();

  for (let start = 0; start < CASES; start += BATCH) {
    it(`cases ${start}..${Math.min(start + BATCH, CASES) - 1}`, async () => {
      for (const c of cases.slice(start, start + BATCH)) {
        if (!lines.has(c.i)) {
          // Generate lazily but in order (the PRNG is shared).
          for (let j = lines.size; j <= c.i; j++) lines.set(j, commandLine(r, env, cases[j].network, url));
        }
        const argv = lines.get(c.i)!;
        const out = await runCase(argv);
        const where = `case ${c.i}: ${describeCase(argv)}\nstderr: ${out.stderr.slice(0, 500)}`;
        expect(out.escaped, where).toBeUndefined();
        expect(ALLOWED_RC.has(out.rc!), where).toBe(true);
        // One error: one `aws: [ERROR]:` line (with its usage block or its details), or, in a structured
        // --cli-error-format, one error document (an argument error still prints the line).
        const errors = out.stderr.split('aws: [ERROR]:').length - 1;
        const formatAt = argv.lastIndexOf('--cli-error-format');
        const structured = formatAt >= 0 && ['json', 'yaml', 'text', 'table'].includes(argv[formatAt + 1]);
        if (out.rc === 0) expect(errors, where).toBe(0);
        else if (structured) {
          expect(errors, where).toBeLessThanOrEqual(1);
          expect(out.stderr.trim(), where).not.toBe('');
        } else expect(errors, where).toBe(1);
        expect(out.stderr, where).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        expect(out.stderr, where).not.toMatch(JS_ERRORS);
        for (const text of [out.stdout, out.stderr]) {
          expect(text.includes(SECRET), where).toBe(false);
          expect(text.includes(TOKEN), where).toBe(false);
        }
      }
    });
  }
});

describe('shorthand parsing stays linear in the size of its input', () => {
  it('examines each character a bounded number of times, for every generated value and its 20-fold repetition', () => {
    const r = prng(SEED + 1);
    for (let i = 0; i < 500; i++) {
      const base = shorthand(r);
      for (const value of [base, Array.from({ length: 20 }, () => base).join(',')]) {
        const stats = { steps: 0 };
        try {
          parseShorthand(value, { stats, readFile: () => '' });
        } catch (e) {
          if (!(e instanceof ShorthandParseError)) throw e;
        }
        expect(stats.steps, JSON.stringify(value.slice(0, 200))).toBeLessThanOrEqual(6 * [...value].length + 10);
      }
    }
  });
});

it('covers every operation of the model', () => {
  const r = prng(SEED);
  const seen = new Set<string>();
  for (let i = 0; i < CASES; i++) seen.add(commandLine(r, env, false, '')[1]);
  expect(seen.size).toBe(Object.keys(MODEL.operations).length);
  // (getShape is the model's own lookup: the generator reads shapes through the argument table.)
  expect(getShape(MODEL.operations.StartTrainedModelInferenceJob.input!.shape).type).toBe('structure');
});
