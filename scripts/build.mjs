#!/usr/bin/env node
// Bundles the executables with esbuild. Heavy modules (the SDK client runtime, YAML, JMESPath, the
// table renderer, help) are separate bundles that the main bundle loads only on the paths that need them;
// scripts/bundles.mjs says which bundle holds which module, and the build fails when a module of src/
// would be in two bundles of the `aws` process (scripts/bundle-plan.mjs).
// Start-up matters (`npm run bench`): the bundles are loaded by bin/aws (the loader) with V8's code cache,
// which the build fills by running the common commands once (warmCodeCache; BUILD_NO_WARMUP=1 skips it).
import { build } from 'esbuild';
import { rmSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as declaration from './bundles.mjs';
import { BundleError, checkBundles, entrySource, placeModules } from './bundle-plan.mjs';

const { MAIN, MAIN_HOLDS, ON_DEMAND, STANDALONE } = declaration;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/**
 * Building a bundle of the `aws` process: an import of a module that another bundle holds becomes
 * `require('./<bundle>.js#<module>')`, which bin/aws (the loader) answers.
 */
function homesPlugin(self, placement) {
  return {
    name: 'module-homes',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const base = resolve(args.resolveDir, args.path);
        for (const cand of [base, `${base}.ts`, join(base, 'index.ts')]) {
          const m = relative(root, cand);
          const where = placement.home.get(m);
          if (where !== undefined) return where === self ? undefined : { path: `./${where}.js#${m}`, external: true };
        }
        return undefined;
      });
    },
  };
}

// The SDK's shared-ini loader (which its credential chain uses; the CLI reads the files itself:
// src/client/shared-files.ts) reads ~/.aws/config and ~/.aws/credentials with node:fs/promises:
// loading that module (it brings readline) and the first read through libuv's thread pool cost about
// 2 ms of every command whose credentials come from that chain. Its two readers get this readFile instead: the
// same contents and errors, read synchronously (as the AWS CLI reads them), handed over as a promise.
const INI_LOADER_DIR = `${join('@smithy', 'core', 'dist-es', 'submodules', 'config', 'shared-ini-file-loader')}/`;
const SYNC_READ_FILE = `import { readFileSync } from 'node:fs';
export function readFile(path, options) {
  try {
    return Promise.resolve(readFileSync(path, options));
  } catch (e) {
    return Promise.reject(e);
  }
}
`;

function syncIniReadPlugin() {
  return {
    name: 'sync-ini-read',
    setup(b) {
      b.onResolve({ filter: /^(node:)?fs\/promises$/ }, (args) => (
        args.importer.includes(INI_LOADER_DIR) ? { path: 'sync-read-file', namespace: 'sync-ini-read' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'sync-ini-read' }, () => ({ contents: SYNC_READ_FILE, loader: 'js', resolveDir: root }));
    },
  };
}

// The SDK's serde module binds two values when it loads: a UUID generator (whose binding touches the
// global `crypto`, which makes Node load its Web Crypto, about 30 kB of code to compile) and a Blob
// adapter class. Nothing here uses either: marked pure, they are left out of the bundles.
const SERDE_INDEX = /@smithy[/\\]core[/\\]dist-es[/\\]submodules[/\\]serde[/\\]index\.js$/;
const SERDE_PURE = [['= bindV4(', '= /* @__PURE__ */ bindV4('], ['extends bindUint8ArrayBlobAdapter(', 'extends /* @__PURE__ */ bindUint8ArrayBlobAdapter(']];

function pureSerdePlugin() {
  return {
    name: 'pure-serde',
    setup(b) {
      b.onLoad({ filter: SERDE_INDEX }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        for (const [from, to] of SERDE_PURE) {
          if (!contents.includes(from)) throw new Error(`${args.path} has no \`${from}\` any more: see pureSerdePlugin in scripts/build.mjs`);
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

// The service model's text (110 kB, src/model/cleanroomsml.generated.ts) is kept out of the bundles'
// code caches: as a string literal it would be in the cache a second time (read, copied and hashed by
// every command, on top of the bundle's own text). In the bundles it is a comment inside a function
// that is never called, and the module reads it back through that function's source
// (Function.prototype.toString: a slice of the bundle's text that V8 holds anyway, no copy).
const MODEL_MODULE = /[/\\]src[/\\]model[/\\]cleanroomsml\.generated\.ts$/;
const MODEL_TEXT_DECLARATION = /^export const MODEL_TEXT = (".*");$/m;
const MODEL_PLACEHOLDER = '"@@MODEL_TEXT@@"';
let modelText;

function modelTextPlugin() {
  return {
    name: 'model-text',
    setup(b) {
      b.onLoad({ filter: MODEL_MODULE }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const m = MODEL_TEXT_DECLARATION.exec(source);
        if (!m) throw new Error(`${args.path} declares no MODEL_TEXT literal: see modelTextPlugin in scripts/build.mjs`);
        const text = JSON.parse(m[1]);
        // A comment cannot hold `*/`, and the bundles are ASCII.
        if (text.includes('*/') || !/^[\x00-\x7f]*$/.test(text)) throw new Error('the model text cannot be a comment: see modelTextPlugin in scripts/build.mjs');
        modelText = text;
        const reader = 'function modelSource(): string {\n  return ' + MODEL_PLACEHOLDER + ';\n}\n' +
          'export const MODEL_TEXT: string = ((s: string) => s.slice(s.indexOf(\'/*\') + 2, s.lastIndexOf(\'*/\')))(modelSource.toString());';
        return { contents: source.replace(m[0], () => reader), loader: 'ts' };
      });
    },
  };
}

/** A built bundle with the model's text put in place of its placeholder (see modelTextPlugin). */
function withModelText(text, name) {
  const at = text.indexOf(MODEL_PLACEHOLDER);
  if (at < 0) return text;
  if (text.indexOf(MODEL_PLACEHOLDER, at + 1) >= 0) throw new Error(`${name}.js holds the model text placeholder twice`);
  return `${text.slice(0, at)}/*${modelText}*/ ""${text.slice(at + MODEL_PLACEHOLDER.length)}`;
}

// Builtins that only some paths need are imported through stand-ins that load the module at first use:
//   - node:child_process (with the modules it brings, about 1.5 ms): only when a command runs another
//     program (a pager on a terminal, a credential_process, man for help);
//   - node:https and node:tls (about 1 ms): only for https:// endpoints (a loopback emulator is http://);
//   - node:os for the SDK's INI loader;
//   - node:http for the SDK's HTTP handler, which imports it with import() (the project's modules import
//     it as they are): esbuild makes that import() a copy of the whole module, a getter per export, in
//     every call; the stand-in's namespace has three.
// The project's modules use them through the stand-ins, and so does the SDK's HTTP handler for https.
// A stand-in class constructs the real one; `instanceof` is true only for instances of the real class
// (there can be none before the module is loaded).
const LAZY_BUILTINS = {
  child_process: { functions: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] },
  https: { functions: ['request', 'get'], classes: ['Agent'], importers: [`${join('@smithy', 'node-http-handler')}/`] },
  http: { functions: ['request'], classes: ['Agent'], importers: [`${join('@smithy', 'node-http-handler')}/`], notOurs: true },
  tls: { functions: ['connect'] },
  // node:os (about 0.5 ms): the SDK's INI loader imports it for homedir(), called only without $HOME.
  // (Not for the project's modules: they import its constants, or load it where they need it.)
  os: { functions: ['homedir'], importers: [INI_LOADER_DIR], notOurs: true },
};

function lazyBuiltinSource(name) {
  const { functions = [], classes = [] } = LAZY_BUILTINS[name];
  return [
    'let loaded;',
    `const load = () => (loaded ??= require('node:${name}'));`,
    ...functions.map((f) => `export function ${f}(...args) { return load().${f}(...args); }`),
    ...classes.map((c) => `export class ${c} {
  constructor(...args) { return new (load().${c})(...args); }
  static [Symbol.hasInstance](value) { return loaded !== undefined && value instanceof loaded.${c}; }
}`),
    `export default { ${[...functions, ...classes].join(', ')} };`,
  ].join('\n');
}

function lazyBuiltinsPlugin() {
  const src = `${join(root, 'src')}/`;
  const names = Object.keys(LAZY_BUILTINS);
  const filter = new RegExp(`^(node:)?(${names.join('|')})$`);
  return {
    name: 'lazy-builtins',
    setup(b) {
      b.onResolve({ filter }, (args) => {
        const name = args.path.replace(/^node:/, '');
        if (args.namespace === 'lazy-builtin') return { path: `node:${name}`, external: true };
        const { importers = [], notOurs } = LAZY_BUILTINS[name];
        const ours = (!notOurs && args.importer.startsWith(src)) || importers.some((dir) => args.importer.includes(dir));
        return ours ? { path: name, namespace: 'lazy-builtin' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: lazyBuiltinSource(args.path), loader: 'js', resolveDir: root }));
    },
  };
}

const { readdirSync, renameSync } = await import('node:fs');
// Build into a fresh folder, then move each file into dist/ (atomic per file), so that a CLI running
// meanwhile never reads a half-written or missing bundle.
const out = join(root, `.dist-${process.pid}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
mkdirSync(dist, { recursive: true });
// BUILD_METAFILE=1: esbuild's metafile per bundle in .dist-meta/ (what each bundle holds, for start-up work).
const metaDir = process.env.BUILD_METAFILE ? join(root, '.dist-meta') : undefined;
if (metaDir) mkdirSync(metaDir, { recursive: true });
// Bundles that bin/aws (the loader) loads are written already wrapped as Node wraps a CommonJS module,
// so that the loader compiles the file's text as it is: no second copy of a 100-200 kB string per
// bundle on the young heap (one scavenge less at start-up).
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
const direct = new Set(STANDALONE.filter((e) => e.direct).map((e) => e.name));
const wrapped = (name) => !direct.has(name);
const options = (plugins) => ({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  plugins: [...plugins, syncIniReadPlugin(), lazyBuiltinsPlugin(), pureSerdePlugin(), modelTextPlugin()],
});

// Where each module of the aws process goes, from the import graph of all of them.
let placement;
let exportsOf;
try {
  const entryPoints = [MAIN.entry, ...MAIN_HOLDS, ...ON_DEMAND.flatMap((b) => b.modules)];
  const { metafile } = await build({ ...options([]), entryPoints, outdir: out, write: false, metafile: true });
  placement = placeModules(declaration, metafile.inputs);
  // The exports of the modules a bundle runs at load and hands to others (esbuild lists an entry's
  // exports for ESM output only).
  const handed = [...placement.exposed].flatMap(([b, modules]) => [...modules].filter((m) => placement.eager.get(b).has(m)));
  const { metafile: esm } = await build({ ...options([]), format: 'esm', entryPoints: handed, outdir: out, write: false, metafile: true });
  exportsOf = new Map(Object.values(esm.outputs).filter((o) => o.entryPoint).map((o) => [o.entryPoint, o.exports]));
  // They are handed over as values (entrySource): an export that a module reassigns would go stale.
  const mutable = handed.filter((m) => /^export\s+(let|var)\s/m.test(readFileSync(join(root, m), 'utf8')));
  if (mutable.length) throw new BundleError(mutable.map((m) => `${m} exports a let or var, which another bundle would not see change`).join('\n'));
} catch (e) {
  if (!(e instanceof BundleError)) throw e;
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`build: the bundles of scripts/bundles.mjs do not hold together:\n${e.message}\n`);
  process.exit(1);
}

const builds = [
  ...[MAIN, ...ON_DEMAND].map(({ name }) => ({
    name,
    stdin: { contents: entrySource(declaration, name, placement, exportsOf), resolveDir: root, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    plugins: [homesPlugin(name, placement)],
  })),
  ...STANDALONE.map(({ name, entry }) => ({ name, entryPoints: [join(root, entry)], plugins: [] })),
];
// The packages whose code the bundles hold (folders under node_modules/), for THIRD-PARTY-LICENSES.txt.
const bundledPackages = new Set();
const metafiles = new Map();
await Promise.all(builds.map(({ name, plugins, ...input }) => build({
  ...options(plugins),
  ...input,
  outfile: join(out, `${name}.js`),
  // (esbuild writes "use strict" for TypeScript entry files, not for a virtual entry.)
  ...(wrapped(name) ? { banner: { js: `${WRAPPER}${input.stdin ? '"use strict";' : ''}` }, footer: { js: '\n});' } } : {}),
  metafile: true,
}).then((r) => {
  for (const path of Object.keys(r.metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m) bundledPackages.add(m[1]);
  }
  if (input.stdin) metafiles.set(name, r.metafile);
  if (metaDir) writeFileSync(join(metaDir, `${name}.json`), JSON.stringify(r.metafile));
})));
try {
  checkBundles(metafiles, placement);
} catch (e) {
  if (!(e instanceof BundleError)) throw e;
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`build: a module is in the wrong bundle:\n${e.message}\n`);
  process.exit(1);
}
writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses());
if (modelText === undefined) throw new Error('no bundle holds the model module that modelTextPlugin looks for (MODEL_MODULE)');
for (const { name } of builds) {
  const file = join(out, `${name}.js`);
  const text = readFileSync(file, 'utf8');
  const placed = withModelText(text, name);
  if (placed !== text) writeFileSync(file, placed);
}
// Each wrapped bundle names its contents (a hash, right after the wrapper): its code cache is used
// only for exactly these contents (V8 itself checks no more than the source's length).
const { createHash } = await import('node:crypto');
for (const { name } of builds) {
  if (!wrapped(name)) continue;
  const file = join(out, `${name}.js`);
  const text = readFileSync(file, 'utf8');
  // The loader (bin/aws) reads bundles as latin1 (no UTF-8 decoding): esbuild's ASCII output keeps that exact.
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`${name}.js is not ASCII`);
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(file, `${WRAPPER}/*${id}*/${text.slice(WRAPPER.length)}`);
}
const produced = new Set(readdirSync(out));
for (const f of produced) renameSync(join(out, f), join(dist, f));
for (const f of readdirSync(dist)) if (!f.startsWith('.') && !produced.has(f)) rmSync(join(dist, f), { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
console.log(`built ${builds.map((b) => b.name).join(', ')} into dist/`);
if (!process.env.BUILD_NO_WARMUP) await warmCodeCache();

/**
 * dist/THIRD-PARTY-LICENSES.txt: each package the bundles hold, with its version and license. The
 * Apache-2.0 ones (the AWS SDK's) are under the license in the package's LICENSE file: their copyright
 * lines are quoted; every other license is quoted whole, as MIT and the like require.
 */
function thirdPartyLicenses() {
  const entries = [...bundledPackages].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const file = readdirSync(join(root, dir)).find((f) => /^licen[sc]e/i.test(f));
    const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : '';
    return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'UNKNOWN', text };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Set();
  const parts = [
    'The files in dist/ bundle the following packages (code from node_modules, as esbuild bundled it).',
    'Packages under the Apache License 2.0 are under the license in LICENSE beside dist/; their copyright',
    'notices are quoted. Other licenses are quoted whole.',
  ];
  for (const e of entries) {
    const key = `${e.name}@${e.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push('', '-'.repeat(78), `${key} (${e.license})`);
    if (e.license === 'Apache-2.0') {
      const notices = e.text.split('\n').map((l) => l.trim()).filter((l) => /^Copyright\b/.test(l) && !/\[yyyy\]|\{yyyy\}/.test(l));
      parts.push(...(notices.length ? notices : ['(no copyright notice in the package)']));
    } else {
      if (!e.text) throw new Error(`${key} (${e.license}) has no license file to quote`);
      parts.push('', e.text);
    }
  }
  return `${parts.join('\n')}\n`;
}

/**
 * Fills dist/.cache (V8's code cache, see bin/aws; shipped in the package, never written at
 * run time) by running the common paths once each:
 * every run adds the functions it compiled to the caches of the bundles it loaded, so a later run
 * compiles none of them. Light paths run last (V8 may drop the bytecode of functions that did not
 * run lately during a long run). Best effort: a failure here leaves the caches to the first runs.
 */
async function warmCodeCache() {
  const { spawn, spawnSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync: write } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  rmSync(join(dist, '.cache'), { recursive: true, force: true });
  const home = mkdtempSync(join(tmpdir(), 'aws-clone-warm-'));
  // Seeded with the trained model tm-1 and channel ch-1 that the start requests below name.
  const emulator = spawn(process.execPath, [join(root, 'bin', 'cleanroomsml-local'), '--port', '0', '--seed',
    join(root, 'scripts', 'emulator-seed.json')], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise((ok) => {
      let buf = '';
      const timer = setTimeout(() => ok(undefined), 5000);
      emulator.stdout.on('data', (d) => { buf += d; const m = /listening on (\S+)/.exec(buf); if (m) { clearTimeout(timer); ok(m[1]); } });
      emulator.once('exit', () => { clearTimeout(timer); ok(undefined); });
    });
    const config = join(home, 'config');
    write(config, '[default]\nregion = us-east-1\noutput = json\n[profile other]\nregion = eu-west-1\n');
    const env = {
      PATH: process.env.PATH, HOME: home, AWS_CLONE_CODE_CACHE: 'build', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    };
    const aws = (args, extra = {}) => spawnSync(process.execPath, [join(root, 'bin', 'aws'), 'cleanroomsml', ...args],
      { env: { ...env, ...extra }, cwd: home, stdio: 'ignore', timeout: 20000 });
    const M = '11111111-2222-3333-4444-555555555555';
    const arn = (k, id) => `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/${k}/${id}`;
    const job = arn('trained-model-inference-job', 'warm-up-missing');
    const start = (name) => ['start-trained-model-inference-job', '--membership-identifier', M,
      '--trained-model-arn', arn('trained-model', 'tm-1'), '--resource-config', 'instanceType=ml.m5.xlarge,instanceCount=1',
      '--output-configuration', 'members=[{accountId=123456789012}]', '--data-source', `mlInputChannelArn=${arn('ml-input-channel', 'ch-1')}`,
      '--name', name];
    aws(['start-trained-model-inference-job', 'help']);
    aws(['start-trained-model-inference-job', '--generate-cli-skeleton', 'yaml-input']);
    aws(['start-trained-model-inference-job', '--generate-cli-skeleton', 'output']);
    aws(['start-trained-model-inference-job', '--membership-identifier', M]); // parameter errors (252)
    if (url) {
      const ep = ['--endpoint-url', url];
      for (let i = 0; i < 3; i++) aws([...start(`warm-up-${process.pid}-${i}`), ...ep]);
      // A list sets V8 flags for its pages, and the bundles it loads then have caches of their own
      // (bin/aws): the table and YAML both with and without them.
      for (const output of ['text', 'table', 'yaml', 'yaml-stream']) {
        aws(['list-trained-model-inference-jobs', '--membership-identifier', M, ...ep, '--output', output, '--page-size', '2']);
      }
      for (const output of ['table', 'yaml']) aws([...start(`warm-up-${process.pid}-${output}`), ...ep, '--output', output]);
      aws([...start(`warm-up-${process.pid}-q`), ...ep, '--query', 'trainedModelInferenceJobArn']);
      aws(['list-trained-model-inference-jobs', '--membership-identifier', M, ...ep, '--query', 'trainedModelInferenceJobs[].name']);
      aws(['get-trained-model-inference-job', '--membership-identifier', M, '--trained-model-inference-job-arn', job, ...ep]); // 254
      aws(['list-trained-model-inference-jobs', '--membership-identifier', M, ...ep, '--profile', 'other'],
        { AWS_CONFIG_FILE: config }); // --profile: the credential environment variables are ignored
      aws([...start(`warm-up-${process.pid}-p`), ...ep, '--profile', 'other'], { AWS_CONFIG_FILE: config });
      aws([...start(`warm-up-${process.pid}-c`), ...ep], { AWS_CONFIG_FILE: config });
      aws([...start(`warm-up-${process.pid}-s`), ...ep]);
      // The endpoint rules and TLS (no endpoint URL): a refused proxy ends the call at once.
      aws(start(`warm-up-${process.pid}-r`), { HTTPS_PROXY: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1' });
    }
    aws(['start-trained-model-inference-job', '--generate-cli-skeleton']);
  } finally {
    emulator.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
}
