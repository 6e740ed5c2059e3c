'use strict';
// Loads a dist/ bundle with V8's code cache (Node 20 has no module.enableCompileCache): the build
// (scripts/build.mjs) runs representative commands once so that dist/.cache holds the compiled
// functions of the common paths; a bundle without a usable cache is compiled from source and its
// cache written at exit. Copied into dist/ by scripts/build.mjs.
//
// Kept lean: no require('module') (it loads the ESM loader), no path resolution for the bundles.
const fs = require('fs');
const vm = require('vm');

const Module = module.constructor;
const cacheDir = `${__dirname}/.cache`;
// AWS_CLONE_NO_CODE_CACHE: compile from source, write nothing. AWS_CLONE_CODE_CACHE=refresh: also
// rewrite caches that were accepted, adding the functions this run compiled (the build's warm-up).
const useCache = !process.env.AWS_CLONE_NO_CODE_CACHE;
const refresh = process.env.AWS_CLONE_CODE_CACHE === 'refresh';
const pending = [];
const bundles = new Map();

// The build writes each bundle already wrapped as Node wraps a CommonJS module, followed by a hash of
// its contents: `(function (exports, …) { /*0123456789abcdef*/…`. A cache file starts with that hash
// (V8 itself only checks the source's length: a rebuilt bundle of the same length must not get the
// old code), then holds V8's data.
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
const ID_LENGTH = 16;
const HEADER = 24;

function compile(filename, name) {
  // The build writes bundles in ASCII: latin1 reads them exactly, without UTF-8 decoding.
  const content = fs.readFileSync(filename, 'latin1');
  const prewrapped = content.startsWith(WRAPPER);
  const source = prewrapped ? content : Module.wrap(content);
  if (!useCache || !prewrapped) return new vm.Script(source, { filename }).runInThisContext();
  const id = content.slice(WRAPPER.length + 2, WRAPPER.length + 2 + ID_LENGTH);
  const cacheFile = `${cacheDir}/${name}.v8`;
  let cachedData;
  try {
    const data = fs.readFileSync(cacheFile);
    if (data.length > HEADER && data.latin1Slice(0, ID_LENGTH) === id) cachedData = data.subarray(HEADER);
  } catch { /* no cache yet */ }
  const script = new vm.Script(source, { filename, cachedData });
  if (!cachedData || script.cachedDataRejected || refresh) pending.push({ script, cacheFile, id });
  return script.runInThisContext();
}

/** Loads a sibling bundle (`./name.js`) without Node's path resolution (no stat/realpath walk). */
function loadBundle(file) {
  const filename = `${__dirname}/${file}`;
  let mod = bundles.get(filename);
  if (mod) return mod.exports;
  mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = [];
  bundles.set(filename, mod);
  Module._cache[filename] = mod; // visible to require.cache like any module
  const fn = compile(filename, file);
  // Bundles require Node's builtins (node:*) and their siblings; anything else (an optional package
  // the SDK probes for) goes through Node's resolution from dist/.
  let nodeRequire;
  const resolver = () => (nodeRequire ??= Module.createRequire(filename));
  const req = (id) => {
    if (id.startsWith('./')) {
      // `./aws.js#name`: a module that aws.js hosts for the bundles loaded after it (scripts/build.mjs).
      const hash = id.indexOf('#');
      return hash < 0 ? loadBundle(id.slice(2)) : loadBundle(id.slice(2, hash))[id.slice(hash + 1)];
    }
    if (id.startsWith('node:')) return require(id);
    return resolver()(id);
  };
  req.resolve = (id, o) => resolver().resolve(id, o);
  req.cache = Module._cache;
  fn.call(mod.exports, mod.exports, req, mod, filename, __dirname);
  mod.loaded = true;
  return mod.exports;
}

process.once('exit', () => {
  if (!pending.length) return;
  try { fs.mkdirSync(cacheDir, { recursive: true }); } catch { return; }
  for (const { script, cacheFile, id } of pending) {
    try {
      const header = Buffer.alloc(HEADER);
      header.latin1Write(id, 0);
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
      fs.renameSync(tmp, cacheFile);
    } catch { /* a read-only install simply runs without the cache */ }
  }
});

// An entry's main resolves to the exit code once the command is done and its output written; the
// process then ends at once. (Left to end by itself, Node would also tear down its heap and
// environment, work that changes nothing for a command that is done. 'exit' listeners, such as the
// cache writer above, still run.) A main that rejects is left to Node's own report.
exports.load = function load(name) {
  const entry = loadBundle(`${name}.js`);
  Promise.resolve(entry.main(process.argv.slice(2))).then((rc) => {
    process.exit(typeof rc === 'number' ? rc : undefined);
  });
};
