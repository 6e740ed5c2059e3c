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
  ['src/prompt/ui.ts', 'lazy-prompt'],
];

// Modules every bundle shares at run time (one copy per process, through require's cache); a bundle
// loads one when it first imports it (statically: at start-up; dynamically: on that path).
// (The value classes are shared through globalThis instead: see values.ts.)
const SHARED = [
  ['src/model/cleanroomsml.generated.ts', 'shared-model'],
  // Configuration (with the SDK's shared-ini loader and its file cache): read by the prompt's mode
  // check and by the call, once.
  ['src/client/config.ts', 'shared-config'],
];

const lazyByPath = new Map(LAZY.map(([src, out]) => [resolve(root, src), out]));
const sharedByPath = new Map(SHARED.map(([src, out]) => [resolve(root, src), out]));

function lazyPlugin(self) {
  return {
    name: 'lazy-chunks',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const base = resolve(args.resolveDir, args.path);
        for (const cand of [base, `${base}.ts`, join(base, 'index.ts')]) {
          const out = sharedByPath.get(cand);
          if (out && out !== self) return { path: `./${out}.js`, external: true };
        }
        if (args.kind !== 'dynamic-import' && args.kind !== 'require-call') return undefined;
        for (const cand of [base, `${base}.ts`, join(base, 'index.ts')]) {
          const out = lazyByPath.get(cand);
          if (out && out !== self) return { path: `./${out}.js`, external: true };
        }
        return undefined;
      });
    },
  };
}

const { existsSync, readdirSync, renameSync } = await import('node:fs');
// Build into a fresh folder, then move each file into dist/ (atomic per file), so that a CLI running
// meanwhile never reads a half-written or missing bundle.
const out = join(root, `.dist-${process.pid}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
mkdirSync(dist, { recursive: true });
const all = [...ENTRIES, ...LAZY, ...SHARED].filter(([src]) => existsSync(join(root, src)));
await Promise.all(all.map(([src, name]) => build({
  entryPoints: [join(root, src)],
  outfile: join(out, `${name}.js`),
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  minify: false,
  legalComments: 'none',
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  plugins: [lazyPlugin(name)],
})));
copyFileSync(join(root, 'scripts', 'loader.js'), join(out, 'loader.js'));
const produced = new Set(readdirSync(out));
for (const f of produced) renameSync(join(out, f), join(dist, f));
for (const f of readdirSync(dist)) if (f.endsWith('.js') && !produced.has(f)) rmSync(join(dist, f));
rmSync(out, { recursive: true, force: true });
console.log(`built ${all.map(([, o]) => o).join(', ')} into dist/`);
