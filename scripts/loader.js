'use strict';
// Loads a dist/ bundle with V8's code cache (Node 20 has no module.enableCompileCache): the first
// run compiles and stores the cache beside the bundle, later runs skip most of the parsing.
// Copied into dist/ by scripts/build.mjs.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const cacheDir = path.join(__dirname, '.cache');
const pending = [];

function compileWithCache(content, filename) {
  const cacheFile = path.join(cacheDir, `${path.basename(filename)}.v8`);
  let cachedData;
  try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (!cachedData || script.cachedDataRejected) pending.push({ script, cacheFile });
  return script.runInThisContext({ displayErrors: true });
}

const useCache = !process.env.AWS_CLONE_NO_CODE_CACHE;
const bundles = new Map();

/** Loads a sibling bundle (`./name.js`) without Node's path resolution (no stat/realpath walk). */
function loadBundle(file) {
  const filename = path.join(__dirname, file);
  let mod = bundles.get(filename);
  if (mod) return mod.exports;
  mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = [];
  bundles.set(filename, mod);
  Module._cache[filename] = mod; // visible to require.cache like any module
  const content = fs.readFileSync(filename, 'utf8');
  const fn = useCache ? compileWithCache(content, filename) : new vm.Script(Module.wrap(content), { filename }).runInThisContext();
  const nodeRequire = Module.createRequire(filename);
  const require = (id) => (id.startsWith('./') ? loadBundle(id.slice(2)) : nodeRequire(id));
  require.resolve = nodeRequire.resolve;
  fn.call(mod.exports, mod.exports, require, mod, filename, __dirname);
  mod.loaded = true;
  return mod.exports;
}

process.once('exit', () => {
  for (const { script, cacheFile } of pending) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch { /* a read-only install simply runs without the cache */ }
  }
});

exports.load = function load(name) {
  const entry = loadBundle(`${name}.js`);
  Promise.resolve(entry.main(process.argv.slice(2))).then((rc) => {
    if (typeof rc === 'number') process.exitCode = rc;
  });
};
