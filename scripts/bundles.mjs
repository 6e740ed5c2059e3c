// Which bundle of dist/ holds each module of src/: the one place that says it. scripts/build.mjs
// builds from it; test/e2e/bundles.test.ts runs a path of the built CLI through every bundle listed.
//
// The `aws` process is dist/aws.js (loaded at start-up) and the bundles it loads on demand. Each module
// of src/ is held by exactly one of them: its code, and its classes, exist once in the process (so that
// `instanceof` holds whichever bundle made an object), and a bundle that imports a module held by
// another one gets it from there at run time (`require('./<bundle>.js#<module>')`, which
// the loader (bin/aws) answers by loading that bundle, once). Where a module goes:
//   - the modules named below go to their bundle;
//   - any other module goes to the main bundle when the main bundle's code imports it (statically: it
//     runs at start-up; or through `import()`: it stays in aws.js, run when first imported);
//   - else to the one bundle whose modules import it. A module that two bundles import and that has
//     no home here fails the build, which then asks for one.
// The build also fails when a module of src/ ends up in two bundles of the process anyway (esbuild's
// metafile says which modules each output holds), and when the start-up code of the main bundle
// imports a lazy bundle's module statically (that bundle would then load on every command).

/** The main bundle: what `aws` loads at start-up (src/main.ts and what it imports statically). */
export const MAIN = { name: 'aws', entry: 'src/main.ts' };

/**
 * The bundles loaded on demand. `lazy`: entered through `import()` on the paths that need them (the
 * first module listed is what they are for). `shared`: modules that several bundles import.
 */
export const ON_DEMAND = [
  // One bundle from the call to the answer: a call that sends a request needs all of it, and each
  // bundle loaded costs a file, a code cache and V8's set-up of a script (about 1 ms together).
  { name: 'lazy-call', kind: 'lazy', why: 'calling an operation: configuration, validation, the request (credentials, SigV4, HTTP, retries: the SDK\'s runtime), output',
    modules: ['src/commands/call.ts', 'src/client/serialize.ts', 'src/client/response.ts',
      'src/client/runtime.ts', 'src/client/credentials.ts',
      // Python's datetime, dateutil's parser and the UTF-8 codec: response timestamps and bodies,
      // credential_process expiry times.
      'src/py/datetime.ts', 'src/py/dateutil.ts', 'src/py/codec.ts'] },
  { name: 'lazy-endpoints', kind: 'lazy', why: 'the endpoint rules engine: only when no endpoint URL is configured',
    modules: ['src/client/endpoints.ts'] },
  { name: 'lazy-retry', kind: 'lazy', why: 'adaptive retry mode\'s rate limiter',
    modules: ['src/client/rate-limiter.ts'] },
  { name: 'lazy-sdk-credentials', kind: 'lazy', why: 'the SDK\'s credential provider chain: when the environment has no keys',
    modules: ['src/client/sdk-credentials.ts'] },
  { name: 'lazy-handover', kind: 'lazy', why: 'other AWS CLI commands (`aws s3 ls`) handed to the real AWS CLI',
    modules: ['src/commands/handover.ts'] },
  { name: 'lazy-yaml', kind: 'lazy', why: '--output yaml and yaml-stream', modules: ['src/output/yaml.ts'] },
  { name: 'lazy-table', kind: 'lazy', why: '--output table', modules: ['src/output/table.ts'] },
  { name: 'lazy-query', kind: 'lazy', why: '--query (JMESPath)', modules: ['src/output/jmespath/index.ts'] },
  { name: 'lazy-yaml-input', kind: 'lazy', why: '--cli-input-yaml', modules: ['src/params/yaml-input.ts'] },
  { name: 'lazy-help', kind: 'lazy', why: 'help pages', modules: ['src/help/index.ts'] },
  { name: 'lazy-prompt', kind: 'lazy', why: '--cli-auto-prompt\'s prompt', modules: ['src/prompt/ui.ts'] },
  // The help texts (80 kB): help pages and the comments of the YAML input skeleton.
  { name: 'shared-docs', kind: 'shared', why: 'the help texts', modules: ['src/model/docs.generated.ts'] },
  // Python's operators and builtins (==, ordering, sorted(), …): --query and the table's sorting.
  { name: 'shared-py-ops', kind: 'shared', why: 'Python\'s operators, for --query and --output table', modules: ['src/py/ops.ts'] },
];

/**
 * Modules the main bundle holds although its start-up code does not import them: small ones that
 * several lazy bundles import (evaluated when first imported).
 */
export const MAIN_HOLDS = ['src/py/shlex.ts', 'src/commands/programs.ts'];

/**
 * The other executables: each a bundle of its own, in a process of its own. `direct`: loaded by Node's
 * require itself (bin/cleanroomsml-local), not through the loader in bin/aws.
 */
export const STANDALONE = [
  { name: 'emulator', entry: 'src/emulator/main.ts', direct: true },
  { name: 'completer', entry: 'src/completer/main.ts' },
];
