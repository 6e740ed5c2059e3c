// The bundles of the `aws` process, from the declaration in scripts/bundles.mjs and esbuild's import
// graph: where each module of src/ goes (placeModules), the entry of each bundle (entrySource), and the
// check of what the built bundles hold (checkBundles). Pure functions over a declaration and esbuild
// metafiles, used by scripts/build.mjs (and tested on their own: test/scripts/bundle-plan.test.ts).
// Module paths are relative to the root (`src/…`), as esbuild's metafile names its inputs.

/** A failed check of the bundles: the build stops with its lines. */
export class BundleError extends Error {}

const STATIC = ['import-statement', 'require-call'];
const ours = (path) => path.startsWith('src/');

/**
 * Where every module of src/ goes, from the metafile inputs of one esbuild pass over all the process's
 * modules. Returns `home` (module → bundle name), and per bundle `exposed` (its modules that other
 * bundles import) and `eager` (the modules its own code imports statically: they run when it loads;
 * for the main bundle, what runs at start-up). Throws a BundleError listing every problem.
 */
export function placeModules(decl, inputs) {
  const { MAIN, MAIN_HOLDS, ON_DEMAND } = decl;
  const names = [MAIN.name, ...ON_DEMAND.map((b) => b.name)];
  const kindOf = new Map(ON_DEMAND.map((b) => [b.name, b.kind]));
  const problems = [];
  const declared = new Map();
  const declare = (module, bundle) => {
    if (!inputs[module]) problems.push(`${module} (declared for ${bundle}) is no module of the build`);
    else if (declared.has(module)) problems.push(`${module} is declared for both ${declared.get(module)} and ${bundle}`);
    else declared.set(module, bundle);
  };
  declare(MAIN.entry, MAIN.name);
  for (const m of MAIN_HOLDS) declare(m, MAIN.name);
  for (const b of ON_DEMAND) for (const m of b.modules) declare(m, b.name);
  const importsOf = (m, kinds) => (inputs[m]?.imports ?? [])
    .filter((i) => !i.external && ours(i.path) && (!kinds || kinds.includes(i.kind))).map((i) => i.path);

  // A bundle's reach: its declared modules, and what they import (through any kind of import) but for
  // modules declared for another bundle.
  const reached = (bundle, kinds) => {
    const seen = new Set();
    const todo = [...declared].filter(([, b]) => b === bundle).map(([m]) => m);
    while (todo.length) {
      const m = todo.pop();
      if (seen.has(m)) continue;
      seen.add(m);
      for (const i of importsOf(m, kinds)) if (!declared.has(i) || declared.get(i) === bundle) todo.push(i);
    }
    return seen;
  };
  const home = new Map(declared);
  const reach = new Map();
  for (const name of names) {
    for (const m of reached(name)) if (!declared.has(m)) (reach.get(m) ?? reach.set(m, new Set()).get(m)).add(name);
  }
  for (const [m, bundles] of reach) {
    if (bundles.has(MAIN.name)) home.set(m, MAIN.name);
    else if (bundles.size === 1) home.set(m, [...bundles][0]);
    else problems.push(`${m} is imported by ${[...bundles].sort().join(' and ')}: name the bundle that holds it in scripts/bundles.mjs`);
  }

  // What the main bundle runs at start-up: its entry's static imports, none of them a lazy bundle's.
  const startup = new Set();
  for (const todo = [MAIN.entry]; todo.length;) {
    const m = todo.pop();
    if (startup.has(m)) continue;
    startup.add(m);
    for (const i of importsOf(m, STATIC)) {
      const b = home.get(i);
      if (b === MAIN.name) todo.push(i);
      else if (kindOf.get(b) === 'lazy') {
        problems.push(`${m} imports ${i} statically: the lazy bundle ${b} would load on every command (import() it where it is needed)`);
      }
    }
  }
  if (problems.length) throw new BundleError(problems.join('\n'));

  const exposed = new Map(names.map((n) => [n, new Set()]));
  for (const b of ON_DEMAND) for (const m of b.modules) exposed.get(b.name).add(m);
  for (const [m, b] of home) for (const i of importsOf(m)) if (home.get(i) !== b) exposed.get(home.get(i)).add(i);
  const eager = new Map(names.map((n) => [n, n === MAIN.name ? startup : reached(n, STATIC)]));
  return { home, exposed, eager };
}

/**
 * The entry of a bundle of the `aws` process: `__module(path)` answers the exports of each of its
 * modules that other bundles import, and the main bundle exports `main` as well.
 *  - A module the bundle runs at load: a plain object of its exports (`exportsOf`: module → the names it
 *    exports), made when a bundle first asks for it. (A namespace, `import * as`, would be made for
 *    every such module at load, with a getter per export, on every command: about 50 kB of the young
 *    heap at start-up. The modules of src/ export no `let`: the values do not change once it has run.)
 *  - Any other: run on first request (esbuild's require of it, a copy of its namespace).
 */
export function entrySource(decl, name, placement, exportsOf) {
  const eager = placement.eager.get(name);
  const lines = [];
  if (name === decl.MAIN.name) lines.push(`export { main } from './${decl.MAIN.entry}';`);
  const cases = [...placement.exposed.get(name)].sort().map((m, i) => {
    if (eager.has(m)) {
      const names = exportsOf.get(m);
      if (!names) throw new BundleError(`the exports of ${m} are not known`);
      lines.push(`import { ${names.map((n) => `${n} as m${i}_${n}`).join(', ')} } from './${m}';`, `let m${i};`);
      return `    case ${JSON.stringify(m)}: return m${i} ??= { ${names.map((n) => `${n}: m${i}_${n}`).join(', ')} };`;
    }
    return `    case ${JSON.stringify(m)}: return require(${JSON.stringify(`./${m}`)});`;
  });
  lines.push(
    'export function __module(path) {',
    '  switch (path) {',
    ...cases,
    '  }',
    `  throw new Error(path + ' is not in ${name}.js');`,
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * What the built bundles of the process hold (bundle name → esbuild metafile): every module of src/ in
 * exactly one of them, the one placeModules gave it; and every `./<bundle>.js#<module>` a bundle
 * requires handed out by that bundle. Throws a BundleError listing every problem.
 */
export function checkBundles(metafiles, placement) {
  const problems = [];
  const holders = new Map();
  for (const [name, meta] of metafiles) {
    for (const output of Object.values(meta.outputs)) {
      for (const m of Object.keys(output.inputs).filter(ours)) {
        (holders.get(m) ?? holders.set(m, []).get(m)).push(name);
        const place = placement.home.get(m);
        if (place !== name) problems.push(`${m} is in ${name}.js, but its place is ${place === undefined ? 'not known' : `${place}.js`}`);
      }
      for (const i of output.imports) {
        const hash = /^\.\/(.*)\.js#(.*)$/.exec(i.path);
        if (hash && !placement.exposed.get(hash[1])?.has(hash[2])) {
          problems.push(`${name}.js requires ${i.path}, which ${hash[1]}.js does not hand out`);
        }
      }
    }
  }
  for (const [m, names] of holders) if (names.length > 1) problems.push(`${m} is in ${names.length} bundles of the aws process: ${names.join(', ')}`);
  if (problems.length) throw new BundleError(problems.join('\n'));
}
