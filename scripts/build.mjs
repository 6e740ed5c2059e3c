#!/usr/bin/env node
// Bundles the executables with esbuild. Heavy modules (the SDK client runtime, YAML, JMESPath, the
// table renderer, help) are separate bundles that the main bundle loads only on the paths that need them.
// Start-up matters (`npm run bench`): the bundles are loaded by scripts/loader.js with V8's code cache,
// which the build fills by running the common commands once (warmCodeCache; BUILD_NO_WARMUP=1 skips it).
import { build } from 'esbuild';
import { rmSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
  // The hand-over of other AWS CLI commands (`aws s3 ls`) to the real AWS CLI.
  ['src/commands/handover.ts', 'lazy-handover'],
  ['src/client/runtime.ts', 'lazy-client'],
  // The endpoint rules engine: only when no endpoint URL is configured.
  ['src/client/endpoints.ts', 'lazy-endpoints'],
  // Adaptive retry mode's rate limiter.
  ['src/client/rate-limiter.ts', 'lazy-retry'],
  ['src/client/sdk-credentials.ts', 'lazy-sdk-credentials'],
  ['src/output/yaml.ts', 'lazy-yaml'],
  ['src/output/table.ts', 'lazy-table'],
  ['src/output/jmespath/index.ts', 'lazy-query'],
  ['src/params/yaml-input.ts', 'lazy-yaml-input'],
  ['src/help/index.ts', 'lazy-help'],
  ['src/prompt/ui.ts', 'lazy-prompt'],
];

// Modules every bundle shares at run time (one copy per process, through require's cache); a bundle
// loads one when it first imports it (statically: at start-up; dynamically: on that path).
// (The value classes are shared through globalThis instead: see values.ts.)
const SHARED = [
  // Configuration (with the SDK's shared-ini loader and its file cache): read by the prompt's mode
  // check and by the call, once.
  ['src/client/config.ts', 'shared-config'],
  // The help texts (80 kB): help pages and the comments of the YAML input skeleton.
  ['src/model/docs.generated.ts', 'shared-docs'],
];
const lazyByPath = new Map(LAZY.map(([src, out]) => [resolve(root, src), out]));
const sharedByPath = new Map(SHARED.map(([src, out]) => [resolve(root, src), out]));
// Bundles loaded into the `aws` process after dist/aws.js.
const inAwsProcess = new Set([...LAZY, ...SHARED].map(([, out]) => out));

// The modules that dist/aws.js runs at start-up (all that src/main.ts imports statically: the model,
// the argument parsing, errors, …) are hosted by it: it re-exports each of them, and the bundles loaded
// later in the same process use those instances instead of bundling copies of their own (which they
// would load, compile and initialise again). Filled in before the bundles are built: path relative
// to the root → the name aws.js exports the module's namespace as.
const hosted = new Map();
const hostedName = (rel) => `__hosted_${rel.replace(/[^A-Za-z0-9]/g, '_')}`;

// Bundles that Node's require loads itself (bin/cleanroomsml-local requires the emulator): plain
// CommonJS, with the shared modules inside them. All others are loaded by scripts/loader.js.
const DIRECT = new Set(['emulator']);

function lazyPlugin(self) {
  return {
    name: 'lazy-chunks',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (DIRECT.has(self)) return undefined;
        const base = resolve(args.resolveDir, args.path);
        const cands = [base, `${base}.ts`, join(base, 'index.ts')];
        if (inAwsProcess.has(self)) {
          // A hosted module is an external import, `require('./aws.js#<name>')`, which scripts/loader.js
          // answers with that namespace of aws.js: the importing code uses it as it is (esbuild copies
          // the exports of a bundled CommonJS stub into a new object at every import site).
          for (const cand of cands) {
            const rel = relative(root, cand);
            if (hosted.has(rel)) return { path: `./aws.js#${hosted.get(rel)}`, external: true };
          }
        }
        for (const cand of cands) {
          const out = sharedByPath.get(cand);
          if (out && out !== self) return { path: `./${out}.js`, external: true };
        }
        if (args.kind !== 'dynamic-import' && args.kind !== 'require-call') return undefined;
        for (const cand of cands) {
          const out = lazyByPath.get(cand);
          if (out && out !== self) return { path: `./${out}.js`, external: true };
        }
        return undefined;
      });
    },
  };
}

// The SDK's shared-ini loader reads ~/.aws/config and ~/.aws/credentials with node:fs/promises:
// loading that module (it brings readline) and the first read through libuv's thread pool cost about
// 2 ms of every command that reads its configuration. Its two readers get this readFile instead: the
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

// Builtins that only some paths need are imported through stand-ins that load the module at first use:
//   - node:child_process (with the modules it brings, about 1.5 ms): only when a command runs another
//     program (a pager on a terminal, a credential_process, man for help);
//   - node:https and node:tls (about 1 ms): only for https:// endpoints (a loopback emulator is http://).
// The project's modules use them through the stand-ins, and so does the SDK's HTTP handler for https.
// A stand-in class constructs the real one; `instanceof` is true only for instances of the real class
// (there can be none before the module is loaded).
const LAZY_BUILTINS = {
  child_process: { functions: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] },
  https: { functions: ['request', 'get'], classes: ['Agent'], importers: [`${join('@smithy', 'node-http-handler')}/`] },
  tls: { functions: ['connect'] },
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
        const ours = args.importer.startsWith(src)
          || (LAZY_BUILTINS[name].importers ?? []).some((dir) => args.importer.includes(dir));
        return ours ? { path: name, namespace: 'lazy-builtin' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: lazyBuiltinSource(args.path), loader: 'js', resolveDir: root }));
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
// BUILD_METAFILE=1: esbuild's metafile per bundle in .dist-meta/ (what each bundle holds, for start-up work).
const metaDir = process.env.BUILD_METAFILE ? join(root, '.dist-meta') : undefined;
if (metaDir) mkdirSync(metaDir, { recursive: true });
// Bundles that scripts/loader.js loads are written already wrapped as Node wraps a CommonJS module,
// so that the loader compiles the file's text as it is: no second copy of a 100-200 kB string per
// bundle on the young heap (one scavenge less at start-up).
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
const wrapped = (name) => !DIRECT.has(name);
const options = (name) => ({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  minify: false,
  legalComments: 'none',
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  plugins: [lazyPlugin(name), syncIniReadPlugin(), lazyBuiltinsPlugin()],
});

// The hosted modules: what src/main.ts imports statically, found from a first build of it.
{
  const { metafile } = await build({ ...options('aws'), entryPoints: ['src/main.ts'], write: false, metafile: true });
  const seen = new Set();
  const todo = ['src/main.ts'];
  while (todo.length) {
    const p = todo.pop();
    if (seen.has(p) || !metafile.inputs[p]) continue;
    seen.add(p);
    for (const i of metafile.inputs[p].imports) if (i.kind === 'import-statement' && !i.external) todo.push(i.path);
  }
  for (const p of [...seen].filter((m) => m.startsWith('src/')).sort()) hosted.set(p, hostedName(p));
}
// The main bundle's entry: src/main.ts's exports, and the namespace of each hosted module.
const awsEntry = [
  "export * from './src/main.ts';",
  ...[...hosted].map(([p, n]) => `export * as ${n} from './${p}';`),
].join('\n');

// The packages whose code the bundles hold (folders under node_modules/), for THIRD-PARTY-LICENSES.txt.
const bundledPackages = new Set();
await Promise.all(all.map(([src, name]) => build({
  ...options(name),
  ...(name === 'aws'
    ? { stdin: { contents: awsEntry, resolveDir: root, sourcefile: 'aws-entry.ts', loader: 'ts' } }
    : { entryPoints: [join(root, src)] }),
  outfile: join(out, `${name}.js`),
  // (esbuild writes "use strict" for the TypeScript entries, not for the main bundle's virtual entry.)
  ...(wrapped(name) ? { banner: { js: `${WRAPPER}${name === 'aws' ? '"use strict";' : ''}` }, footer: { js: '\n});' } } : {}),
  metafile: true,
}).then((r) => {
  for (const input of Object.keys(r.metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) bundledPackages.add(m[1]);
  }
  if (metaDir) writeFileSync(join(metaDir, `${name}.json`), JSON.stringify(r.metafile));
})));
writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses());
// Each wrapped bundle names its contents (a hash, right after the wrapper): its code cache is used
// only for exactly these contents (V8 itself checks no more than the source's length).
const { createHash } = await import('node:crypto');
const ids = [];
for (const [, name] of all) {
  if (!wrapped(name)) continue;
  const file = join(out, `${name}.js`);
  const text = readFileSync(file, 'utf8');
  // scripts/loader.js reads bundles as latin1 (no UTF-8 decoding): esbuild's ASCII output keeps that exact.
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`${name}.js is not ASCII`);
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(file, `${WRAPPER}/*${id}*/${text.slice(WRAPPER.length)}`);
  ids.push(`${name}:${id}`);
}
// The loader names the per-user code cache folder for the package, its version and this build.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const buildId = createHash('sha256').update(ids.sort().join('\n')).digest('hex').slice(0, 12);
const loader = readFileSync(join(root, 'scripts', 'loader.js'), 'utf8');
const PLACEHOLDER = "const CACHE_NAME = 'aws-cleanroomsml-cli/unbuilt';";
if (!loader.includes(PLACEHOLDER)) throw new Error(`scripts/loader.js lacks ${PLACEHOLDER}`);
writeFileSync(join(out, 'loader.js'), loader.replace(PLACEHOLDER, `const CACHE_NAME = ${JSON.stringify(`${manifest.name}/${manifest.version}-${buildId}`)};`));
const produced = new Set(readdirSync(out));
for (const f of produced) renameSync(join(out, f), join(dist, f));
for (const f of readdirSync(dist)) if (!f.startsWith('.') && !produced.has(f)) rmSync(join(dist, f), { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
console.log(`built ${all.map(([, o]) => o).join(', ')} into dist/`);
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
 * Fills dist/.cache (V8's code cache, see scripts/loader.js; shipped in the package, never written at
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
      for (const output of ['text', 'table', 'yaml']) {
        aws(['list-trained-model-inference-jobs', '--membership-identifier', M, ...ep, '--output', output, '--page-size', '2']);
      }
      aws(['list-trained-model-inference-jobs', '--membership-identifier', M, ...ep, '--query', 'trainedModelInferenceJobs[].name']);
      aws(['get-trained-model-inference-job', '--membership-identifier', M, '--trained-model-inference-job-arn', job, ...ep]); // 254
      aws(['list-trained-model-inference-jobs', '--membership-identifier', M, ...ep, '--profile', 'other'],
        { AWS_CONFIG_FILE: config }); // --profile: the credential environment variables are ignored
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
