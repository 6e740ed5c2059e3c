// scripts/loader.js, which bin/aws uses to load the dist/ bundles with V8's code cache: bundles as
// the build writes them (wrapped, with the hash of their contents), the cache written once and used
// only for the same contents, siblings and Node's builtins through its require.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
let dir: string;
let dist: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loader-test-'));
  dist = join(dir, 'dist');
  mkdirSync(dist);
  copyFileSync(join(__dirname, '..', '..', 'scripts', 'loader.js'), join(dist, 'loader.js'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle as scripts/build.mjs writes it: the wrapper, the 16-digit id, the code, the closing. */
function bundle(name: string, id: string, code: string): void {
  writeFileSync(join(dist, `${name}.js`), `${WRAPPER}/*${id}*/"use strict";\n${code}\n});`);
}

/** Runs a bundle as bin/aws runs dist/aws.js. */
function run(name: string, args: string[] = [], env: Record<string, string> = {}) {
  const bin = join(dir, `run-${name}.js`);
  writeFileSync(bin, `require('./dist/loader.js').load(${JSON.stringify(name)});\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { rc: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MAIN = (text: string) => `exports.main = (argv) => { process.stdout.write(${JSON.stringify(text)} + ' ' + argv.join(',') + '\\n'); return 3; };`;

describe('the bundle loader', () => {
  it('runs the bundle\'s main with the arguments and exits with what it returns', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    expect(run('x', ['a', 'b'])).toEqual({ rc: 3, stdout: 'one a,b\n', stderr: '' });
  });

  it('writes the code cache once, headed by the bundle\'s id', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    run('x');
    const cache = readFileSync(join(dist, '.cache', 'x.js.v8'));
    expect(cache.subarray(0, 16).toString('latin1')).toBe('0123456789abcdef');
    expect(cache.length).toBeGreaterThan(24);
    const before = cache.toString('base64');
    expect(run('x', ['c'])).toEqual({ rc: 3, stdout: 'one c\n', stderr: '' });
    expect(readFileSync(join(dist, '.cache', 'x.js.v8')).toString('base64')).toBe(before);
  });

  it('does not use the cache of other contents of the same length', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    run('x');
    // Same length, other code: V8 would take the old cache (it checks only the length).
    bundle('x', 'fedcba9876543210', MAIN('two'));
    expect(run('x')).toEqual({ rc: 3, stdout: 'two \n', stderr: '' });
    expect(readFileSync(join(dist, '.cache', 'x.js.v8')).subarray(0, 16).toString('latin1')).toBe('fedcba9876543210');
    expect(run('x')).toEqual({ rc: 3, stdout: 'two \n', stderr: '' });
  });

  it('loads sibling bundles once and Node\'s builtins through the require it gives', () => {
    bundle('y', '1111111111111111', 'exports.count = (globalThis.loads = (globalThis.loads ?? 0) + 1); exports.sep = require("node:path").sep;');
    bundle('x', '2222222222222222', 'exports.main = () => { const a = require("./y.js"); const b = require("./y.js"); '
      + 'process.stdout.write(`${a === b} ${a.count} ${a.sep}\\n`); return 0; };');
    expect(run('x')).toEqual({ rc: 0, stdout: 'true 1 /\n', stderr: '' });
  });

  it('writes nothing with AWS_CLONE_NO_CODE_CACHE', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    expect(run('x', [], { AWS_CLONE_NO_CODE_CACHE: '1' })).toEqual({ rc: 3, stdout: 'one \n', stderr: '' });
    expect(existsSync(join(dist, '.cache'))).toBe(false);
  });

  it('leaves no temporary file behind', () => {
    bundle('x', '0123456789abcdef', MAIN('one'));
    run('x');
    expect(readdirSync(join(dist, '.cache'))).toEqual(['x.js.v8']);
  });
});
