#!/usr/bin/env node
// Bundles the executables with esbuild. Heavy modules (the SDK client runtime, YAML, JMESPath, the
// table renderer, help) are separate bundles that the main bundle loads only on the paths that need them.
import { build } from 'esbuild';
import { rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// Entry bundles: [source, output name]. Lazy bundles are loaded at run time by the others.
const ENTRIES = [
  ['src/main.ts', 'aws'],
  ['src/emulator/main.ts', 'emulator'],
  ['src/completer/main.ts', 'completer'],
];
// Modules that must stay out of the start-up bundle: imported dynamically, built as their own files.
const LAZY = [
  ['src/commands/call.ts', 'lazy-call'],
  ['src/client/runtime.ts', 'lazy-client'],
  ['src/client/sdk-credentials.ts', 'lazy-sdk-credentials'],
  ['src/output/yaml.ts', 'lazy-yaml'],
  ['src/output/table.ts', 'lazy-table'],
  ['src/output/query.ts', 'lazy-query'],
  ['src/params/yaml-input.ts', 'lazy-yaml-input'],
  ['src/help/index.ts', 'lazy-help'],
];

const lazyByPath = new Map(LAZY.map(([src, out]) => [resolve(root, src), out]));

function lazyPlugin(self) {
  return {
    name: 'lazy-chunks',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import' && args.kind !== 'require-call') return undefined;
        const base = resolve(args.resolveDir, args.path);
        for (const cand of [base, `${base}.ts`, join(base, 'index.ts')]) {
          const out = lazyByPath.get(cand);
          if (out && out !== self) return { path: `./${out}.js`, external: true };
        }
        return undefined;
      });
    },
  };
}

const { existsSync } = await import('node:fs');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const all = [...ENTRIES, ...LAZY].filter(([src]) => existsSync(join(root, src)));
await Promise.all(all.map(([src, out]) => build({
  entryPoints: [join(root, src)],
  outfile: join(dist, `${out}.js`),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: false,
  legalComments: 'none',
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  plugins: [lazyPlugin(out)],
})));
copyFileSync(join(root, 'scripts', 'loader.js'), join(dist, 'loader.js'));
console.log(`built ${all.map(([, o]) => o).join(', ')} into dist/`);
