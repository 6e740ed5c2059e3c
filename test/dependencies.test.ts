// The packages package.json declares are exactly the packages the repository uses: every bare import
// or require (in src/, scripts/, test/, bin/ and the root's config files, found by TypeScript's own
// import scanner), every tool an npm script runs (a declared package's bin), every `@types/*` package
// tsconfig.json names. And the bundles in dist/ hold their packages: a runtime `dependencies` entry
// is only right for a package that a bundle leaves to Node's resolution.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
const builtins = new Set(builtinModules);

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a file or builtin. */
export function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) return undefined;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? undefined : name;
}

const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (CODE.test(name)) out.push(p);
  }
  return out;
}

function files(): string[] {
  const list = ['src', 'scripts', 'test'].flatMap((d) => sourceFiles(join(root, d)));
  // bin/ holds scripts without an extension; the root, its config files (vitest.config.mts, …).
  list.push(...readdirSync(join(root, 'bin')).map((f) => join(root, 'bin', f)));
  list.push(...readdirSync(root).filter((f) => CODE.test(f)).map((f) => join(root, f)));
  return list;
}

/** Package → the files that import it. */
function imported(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files()) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name) found.set(name, [...(found.get(name) ?? []), relative(root, file)]);
    }
  }
  return found;
}

/** Declared packages whose executables the npm scripts run (tsc → typescript, vitest → vitest). */
function runByScripts(): Set<string> {
  const words = new Set(Object.values(pkg.scripts).flatMap((s) => s.split(/&&|\|\||;|\|/).map((c) => c.trim().split(/\s+/)[0])));
  const used = new Set<string>();
  for (const name of declared) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
    const bins = typeof bin === 'string' ? [name.split('/').pop()!] : Object.keys(bin ?? {});
    if (bins.some((b) => words.has(b))) used.add(name);
  }
  return used;
}

/** `@types/*` packages that tsconfig.json's compilerOptions.types names. */
function typesInTsconfig(): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config as { compilerOptions?: { types?: string[] } };
  return (config.compilerOptions?.types ?? []).map((t) => `@types/${t}`);
}

describe('declared dependencies', () => {
  const imports = imported();
  const used = new Set([...imports.keys(), ...runByScripts(), ...typesInTsconfig()]);

  it('declares every package that is imported', () => {
    const undeclared = [...imports].filter(([name]) => !declared.has(name)).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(undeclared).toEqual([]);
  });

  it('imports (or runs) every package it declares', () => {
    expect([...declared].filter((name) => !used.has(name))).toEqual([]);
  });

  it('pins exact versions', () => {
    const ranges = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    expect(ranges).toEqual([]);
  });

  it('finds imports of each kind (the scanner itself)', () => {
    const { importedFiles } = ts.preProcessFile(
      "import a from 'a'; import type { B } from '@s/b/sub'; export * from 'c'; const d = require('d'); void import('e'); import 'node:fs';",
      true, true);
    expect(importedFiles.map((f) => packageOf(f.fileName))).toEqual(['a', '@s/b', 'c', 'd', 'e', undefined]);
    expect(packageOf('./x')).toBeUndefined();
    expect(packageOf('fs')).toBeUndefined();
  });
});

// The requires a bundle leaves to Node: packages the SDK probes for inside a try (it works without them).
const OPTIONAL_PROBES = new Set(['@aws-sdk/signature-v4-crt']);

// (npm test builds dist/ first, and so does the tests' global setup when it is missing or stale.)
describe('the bundles in dist/', () => {
  const external = new Set<string>();
  for (const f of readdirSync(join(root, 'dist')).filter((n) => n.endsWith('.js'))) {
    for (const m of readFileSync(join(root, 'dist', f), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
      const name = packageOf(m[1]);
      if (name) external.add(name);
    }
  }

  it('hold every package they use, but for optional probes', () => {
    expect([...external].filter((name) => !OPTIONAL_PROBES.has(name) && !(name in (pkg.dependencies ?? {})))).toEqual([]);
  });

  it('leave nothing to runtime dependencies that they hold themselves', () => {
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => !external.has(name))).toEqual([]);
  });
});
