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

const originalCompile = Module.prototype._compile;
Module.prototype._compile = function compile(content, filename) {
  if (path.dirname(filename) !== __dirname || process.env.AWS_CLONE_NO_CODE_CACHE) {
    return originalCompile.call(this, content, filename);
  }
  const fn = compileWithCache(content, filename);
  const require = Module.createRequire(filename);
  return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
};

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
  const entry = require(path.join(__dirname, `${name}.js`));
  Promise.resolve(entry.main(process.argv.slice(2))).then((rc) => {
    if (typeof rc === 'number') process.exitCode = rc;
  });
};
