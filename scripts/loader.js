'use strict';
// Loads a dist/ bundle with V8's code cache (Node 20 has no module.enableCompileCache). Copied into
// dist/ by scripts/build.mjs, which names the build in CACHE_NAME below.
//
// Where the cache is:
//   - dist/.cache/: written by the build only (scripts/build.mjs runs representative commands once, with
//     AWS_CLONE_CODE_CACHE=build, so that it holds the compiled functions of the common paths); shipped
//     in the package and used as long as this Node.js accepts it (the same V8 and flags);
//   - the user's cache folder ($XDG_CACHE_HOME, else ~/.cache), in CACHE_NAME-v8-<V8's version>/: a
//     bundle that dist/.cache has no usable cache for is compiled from source and its cache written
//     there at exit, and read from there first afterwards. When it cannot be written (no home, a
//     read-only home), the command simply runs without it.
// At run time nothing is ever written beside the code: an install may be read-only, or shared.
//
// Kept lean: no require('module') (it loads the ESM loader), no path resolution for the bundles.
const fs = require('fs');
const vm = require('vm');

const Module = module.constructor;
// The package, its version and a hash of the build's bundles (set by scripts/build.mjs).
const CACHE_NAME = 'aws-cleanroomsml-cli/unbuilt';
const shippedDir = `${__dirname}/.cache`;
const env = process.env;
// AWS_CLONE_NO_CODE_CACHE: compile from source, read and write no cache. AWS_CLONE_CODE_CACHE=build
// (the build's warm-up): use dist/.cache only, and rewrite it even where it was accepted, adding the
// functions this run compiled.
const useCache = !env.AWS_CLONE_NO_CODE_CACHE;
const building = env.AWS_CLONE_CODE_CACHE === 'build';
const pending = [];
const bundles = new Map();

/** The user's cache folder for this build and this V8, or undefined when there is no home to put it in. */
let userDir;
function userCacheDir() {
  if (userDir === undefined) {
    // XDG: a relative $XDG_CACHE_HOME is invalid and ignored.
    const xdg = env.XDG_CACHE_HOME;
    const base = xdg && xdg[0] === '/' ? xdg : env.HOME ? `${env.HOME}/.cache` : env.LOCALAPPDATA;
    userDir = base ? `${base}/${CACHE_NAME}-v8-${process.versions.v8}` : null;
  }
  return userDir ?? undefined;
}

// The build writes each bundle already wrapped as Node wraps a CommonJS module, followed by a hash of
// its contents: `(function (exports, …) { /*0123456789abcdef*/…`. A cache file starts with that hash
// (V8 itself only checks the source's length: a rebuilt bundle of the same length must not get the
// old code), then holds V8's data.
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
const ID_LENGTH = 16;
const HEADER = 24;

// Every file the loader reads (bundles and caches, read one after the other, each used at once) goes
// into the same buffer: memory that a process touches for the first time costs a page fault per 4 kB,
// which is most of what reading a file costs (a buffer per file would be fresh memory each time).
let buffer;

/** The file's bytes, in the shared buffer: valid until the next read. */
function readFile(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (buffer === undefined || buffer.length < size) buffer = Buffer.allocUnsafeSlow(Math.max(size, 512 * 1024));
    let n = 0;
    for (let got; n < size && (got = fs.readSync(fd, buffer, n, size - n, n)) > 0;) n += got;
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** V8's data in that cache file when it was written for these contents (id), else undefined (valid until the next read). */
function readCache(file, id) {
  try {
    const data = readFile(file);
    if (data.length > HEADER && data.latin1Slice(0, ID_LENGTH) === id) return data.subarray(HEADER);
  } catch { /* no cache there */ }
  return undefined;
}

function compile(filename, name) {
  // The build writes bundles in ASCII: latin1 reads them exactly, without UTF-8 decoding.
  const bytes = readFile(filename);
  const content = bytes.latin1Slice(0, bytes.length);
  const prewrapped = content.startsWith(WRAPPER);
  const source = prewrapped ? content : Module.wrap(content);
  if (!useCache || !prewrapped) return new vm.Script(source, { filename }).runInThisContext();
  const id = content.slice(WRAPPER.length + 2, WRAPPER.length + 2 + ID_LENGTH);
  const file = `${name}.v8`;
  // The user's cache exists only where the shipped one was missing or refused: it comes first.
  const user = building ? undefined : userCacheDir();
  // (Mostly absent: a stat is cheaper than the exception of a failed read.)
  let cachedData = user === undefined || !fs.existsSync(`${user}/${file}`) ? undefined : readCache(`${user}/${file}`, id);
  if (cachedData === undefined) cachedData = readCache(`${shippedDir}/${file}`, id);
  const script = new vm.Script(source, { filename, cachedData });
  if (building) pending.push({ script, dir: shippedDir, file, id });
  else if ((!cachedData || script.cachedDataRejected) && user !== undefined) pending.push({ script, dir: user, file, id });
  return script.runInThisContext();
}

/** The namespaces of modules handed from one bundle to another, by `./<bundle>.js#<module>`. */
const modules = new Map();

function moduleOf(id) {
  let ns = modules.get(id);
  if (ns === undefined) {
    const hash = id.indexOf('#');
    ns = loadBundle(id.slice(2, hash)).__module(id.slice(hash + 1));
    modules.set(id, ns);
  }
  return ns;
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
    // `./<bundle>.js#<module>`: a module of src/ that another bundle holds (scripts/bundles.mjs).
    if (id.startsWith('./')) return moduleOf(id);
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
  const made = new Set();
  for (const { script, dir, file, id } of pending) {
    try {
      if (!made.has(dir)) { fs.mkdirSync(dir, { recursive: true }); made.add(dir); }
      const header = Buffer.alloc(HEADER);
      header.latin1Write(id, 0);
      const target = `${dir}/${file}`;
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
      fs.renameSync(tmp, target);
    } catch { /* no cache folder to write to: the next run compiles again */ }
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
