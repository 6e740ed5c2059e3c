// The loader in bin/aws (the program Node starts), which loads the dist/ bundles with V8's code cache: bundles as
// the build writes them (wrapped, with the hash of their contents), the cache written once and used
// only for the same contents, siblings and Node's builtins through its require. At run time the cache
// goes to the user's cache folder, never beside the code; only the build writes dist/.cache.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
let dir: string;
let dist: string;
let xdg: string;
/** The user's cache folder for this V8. */
const userCache = (base: string) => join(base, 'aws-cleanroomsml-cli', `v8-${process.versions.v8}`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loader-test-'));
  dist = join(dir, 'dist');
  xdg = join(dir, 'xdg');
  mkdirSync(dist);
  // bin/aws beside dist/, as in the package.
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(__dirname, '..', '..', 'bin', 'aws'), join(dir, 'bin', 'aws'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle as scripts/build.mjs writes it: the wrapper, the 16-digit id, the code, the closing. */
function bundle(name: string, id: string, code: string): void {
  writeFileSync(join(dist, `${name}.js`), `${WRAPPER}/*${id}*/"use strict";\n${code}\n});`);
}

/**
 * Runs a bundle as bin/aws runs dist/aws.js (and bin/aws_completer dist/completer.js), with
 * XDG_CACHE_HOME in the test's folder unless env says otherwise.
 */
function run(name: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const bin = join(dir, `run-${name}.js`);
  writeFileSync(bin, `require('./bin/aws').load(${JSON.stringify(name)});\n`);
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries({ PATH: process.env.PATH ?? '', XDG_CACHE_HOME: xdg, ...env })) if (v !== undefined) all[k] = v;
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: all });
  return { rc: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder (relative paths), or [] when it does not exist. */
function tree(base: string): string[] {
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => relative(base, join(e.parentPath, e.name))).sort();
}

const MAIN = (text: string) => `exports.main = (argv) => { process.stdout.write(${JSON.stringify(text)} + ' ' + argv.join(',') + '\\n'); return 3; };`;

describe('the bundle loader', () => {
  it('runs the bundle\'s main with the arguments and exits with what it returns', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    expect(run('x', ['a', 'b'])).toEqual({ rc: 3, stdout: 'one a,b\n', stderr: '' });
  });

  it('writes the code cache once, into the user\'s cache folder, headed by the bundle\'s id', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    run('x');
    const file = join(userCache(xdg), 'x.js.0123456789abcdef.v8');
    const cache = readFileSync(file);
    expect(cache.subarray(0, 16).toString('latin1')).toBe('0123456789abcdef');
    expect(cache.length).toBeGreaterThan(24);
    const before = cache.toString('base64');
    expect(run('x', ['c'])).toEqual({ rc: 3, stdout: 'one c\n', stderr: '' });
    expect(readFileSync(file).toString('base64')).toBe(before);
    // Nothing beside the code.
    expect(readdirSync(dist).sort()).toEqual(['x.js']);
  });

  it('uses ~/.cache without XDG_CACHE_HOME, or with a relative one', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    const home = join(dir, 'home');
    expect(run('x', [], { XDG_CACHE_HOME: undefined, HOME: home }).rc).toBe(3);
    expect(run('x', [], { XDG_CACHE_HOME: 'relative/cache', HOME: home }).rc).toBe(3);
    expect(tree(join(home, '.cache'))).toEqual([join('aws-cleanroomsml-cli', `v8-${process.versions.v8}`, 'x.js.0123456789abcdef.v8')]);
    expect(existsSync(join(dist, 'relative'))).toBe(false);
  });

  it('runs without a cache, writing nothing and saying nothing, where none can be written', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    // No home at all; a cache folder under a file (even root cannot create it).
    expect(run('x', [], { XDG_CACHE_HOME: undefined, HOME: undefined })).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(run('x', [], { XDG_CACHE_HOME: file })).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    expect(readdirSync(dist).sort()).toEqual(['x.js']);
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'bin', 'dist', 'run-x.js']);
  });

  it('does not use the cache of other contents of the same length', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    run('x');
    // Same length, other code: V8 would take the old cache (it checks only the length).
    bundle('x', 'fedcba9876543210', MAIN('two'));
    expect(run('x')).toEqual({ rc: 3, stdout: 'two \n', stderr: '' });
    expect(readFileSync(join(userCache(xdg), 'x.js.fedcba9876543210.v8')).subarray(0, 16).toString('latin1')).toBe('fedcba9876543210');
    expect(run('x')).toEqual({ rc: 3, stdout: 'two \n', stderr: '' });
    // A file of the user's folder is only ever used for the contents it names (a copy under the
    // other contents' name, as a damaged or hand-made file, is refused by its header).
    bundle('x', '0123456789abcdef', MAIN('one'));
    copyFileSync(join(userCache(xdg), 'x.js.fedcba9876543210.v8'), join(userCache(xdg), 'x.js.0123456789abcdef.v8'));
    expect(run('x')).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    expect(readFileSync(join(userCache(xdg), 'x.js.0123456789abcdef.v8')).subarray(0, 16).toString('latin1')).toBe('0123456789abcdef');
  });

  it('the build (AWS_CLONE_CODE_CACHE=build) fills dist/.cache, which later runs use without writing', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    expect(run('x', [], { AWS_CLONE_CODE_CACHE: 'build' }).rc).toBe(3);
    expect(tree(join(dist, '.cache'))).toEqual(['x.js.v8']);
    expect(tree(xdg)).toEqual([]);
    const shipped = readFileSync(join(dist, '.cache', 'x.js.v8')).toString('base64');
    expect(run('x', ['d'])).toEqual({ rc: 3, stdout: 'one d\n', stderr: '' });
    expect(tree(xdg)).toEqual([]);
    expect(readFileSync(join(dist, '.cache', 'x.js.v8')).toString('base64')).toBe(shipped);
  });

  it('a shipped cache that this Node.js refuses: the user\'s cache is written, then used', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    mkdirSync(join(dist, '.cache'));
    // The right id, but data V8 refuses (as a cache made by another Node.js).
    const refused = Buffer.concat([Buffer.from('0123456789abcdef\0\0\0\0\0\0\0\0', 'latin1'), Buffer.alloc(512, 7)]);
    writeFileSync(join(dist, '.cache', 'x.js.v8'), refused);
    expect(run('x')).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    const user = join(userCache(xdg), 'x.js.0123456789abcdef.v8');
    const written = statSync(user).mtimeMs;
    const data = readFileSync(user).toString('base64');
    expect(run('x')).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    // Accepted from the user's folder: not written again; the shipped file is left as it was.
    expect(statSync(user).mtimeMs).toBe(written);
    expect(readFileSync(user).toString('base64')).toBe(data);
    expect(readFileSync(join(dist, '.cache', 'x.js.v8')).equals(refused)).toBe(true);
  });

  it('hands over the modules of sibling bundles (`./y.js#src/m.ts`), each bundle loaded once, and Node\'s builtins', () => {
    // As scripts/build.mjs writes them: a bundle's __module(path) answers the namespace of a module it holds.
    bundle('y', '1111111111111111', 'const loads = (globalThis.loads = (globalThis.loads ?? 0) + 1); '
      + 'const m = { count: loads, sep: require("node:path").sep }; const n = { name: "n" }; '
      + 'exports.__module = (path) => { if (path === "src/m.ts") return m; if (path === "src/n.ts") return n; throw new Error(path); };');
    bundle('x', '2222222222222222', 'exports.main = () => { const a = require("./y.js#src/m.ts"); const b = require("./y.js#src/m.ts"); '
      + 'const n = require("./y.js#src/n.ts"); '
      + 'process.stdout.write(`${a === b} ${a.count} ${a.sep} ${n.name} ${globalThis.loads}\\n`); return 0; };');
    expect(run('x')).toEqual({ rc: 0, stdout: 'true 1 / n 1\n', stderr: '' });
  });

  // src/output/formatter.ts sets V8 flags for a list's pages and notes them under this key; V8 refuses a
  // cache made under other flags than the process has.
  const SETS_FLAGS = 'exports.main = (argv) => { if (argv[0] === "flags") { require("node:v8").setFlagsFromString("--semi-space-growth-factor=1"); '
    + 'globalThis[Symbol.for("aws-cleanroomsml-cli.v8-flags")] = "--semi-space-growth-factor=1"; } '
    + 'process.stdout.write(require("./y.js#m").v + "\\n"); return 0; };';
  const Y = 'exports.__module = () => ({ v: "y" });';
  const tagged = (name: string, id: string) => new RegExp(`^${name}\\.js\\.${id}\\.f[0-9a-f]{8}\\.v8$`);

  it('names the caches of a bundle loaded after the CLI set V8 flags by them: with and without, each stays', () => {
    bundle('y', '1111111111111111', Y);
    bundle('x', '2222222222222222', SETS_FLAGS);
    expect(run('x')).toEqual({ rc: 0, stdout: 'y\n', stderr: '' });
    expect(run('x', ['flags'])).toEqual({ rc: 0, stdout: 'y\n', stderr: '' });
    const files = tree(userCache(xdg));
    expect(files.filter((f) => !tagged('y', '1111111111111111').test(f))).toEqual(['x.js.2222222222222222.v8', 'y.js.1111111111111111.v8']);
    expect(files.filter((f) => tagged('y', '1111111111111111').test(f))).toHaveLength(1);
    const stamps = () => files.map((f) => statSync(join(userCache(xdg), f)).mtimeMs);
    const before = stamps();
    // Taking turns, each run finds its cache: none is written again.
    for (const args of [[], ['flags'], [], ['flags']]) expect(run('x', args).rc).toBe(0);
    expect(tree(userCache(xdg))).toEqual(files);
    expect(stamps()).toEqual(before);
  });

  it('writes no cache for a bundle loaded before the CLI set V8 flags (V8 would write it for the flags)', () => {
    bundle('y', '1111111111111111', Y);
    bundle('x', '2222222222222222', SETS_FLAGS);
    expect(run('x', ['flags'])).toEqual({ rc: 0, stdout: 'y\n', stderr: '' });
    const files = tree(userCache(xdg));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(tagged('y', '1111111111111111'));
    // The build's warm-up likewise: dist/.cache gets the loader's names.
    expect(run('x', ['flags'], { AWS_CLONE_CODE_CACHE: 'build' }).rc).toBe(0);
    expect(run('x', [], { AWS_CLONE_CODE_CACHE: 'build' }).rc).toBe(0);
    const shipped = tree(join(dist, '.cache'));
    expect(shipped.filter((f) => !/^y\.js\.f[0-9a-f]{8}\.v8$/.test(f))).toEqual(['x.js.v8', 'y.js.v8']);
    expect(shipped.filter((f) => /^y\.js\.f[0-9a-f]{8}\.v8$/.test(f))).toHaveLength(1);
  });

  it('reads and writes no cache with AWS_CLONE_NO_CODE_CACHE', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    expect(run('x', [], { AWS_CLONE_NO_CODE_CACHE: '1' })).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    expect(tree(xdg)).toEqual([]);
    expect(existsSync(join(dist, '.cache'))).toBe(false);
  });

  it('leaves no temporary file behind', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    run('x');
    expect(tree(xdg)).toEqual([join('aws-cleanroomsml-cli', `v8-${process.versions.v8}`, 'x.js.0123456789abcdef.v8')]);
  });
});

describe('bin/aws', () => {
  it('runs dist/aws.js when Node starts it, and only then (bin/aws_completer requires it for its loader)', () => {
    bundle('aws', '0123456789abcdef', MAIN('aws'));
    bundle('completer', 'fedcba9876543210', MAIN('completer'));
    copyFileSync(join(__dirname, '..', '..', 'bin', 'aws_completer'), join(dir, 'bin', 'aws_completer'));
    const env = { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: xdg };
    const aws = spawnSync(process.execPath, [join(dir, 'bin', 'aws'), 'a'], { encoding: 'utf8', env });
    expect({ rc: aws.status, stdout: aws.stdout }).toEqual({ rc: 3, stdout: 'aws a\n' });
    const completer = spawnSync(process.execPath, [join(dir, 'bin', 'aws_completer'), 'b'], { encoding: 'utf8', env });
    expect({ rc: completer.status, stdout: completer.stdout }).toEqual({ rc: 3, stdout: 'completer b\n' });
  });
});
