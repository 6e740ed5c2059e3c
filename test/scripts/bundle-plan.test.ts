// scripts/bundle-plan.mjs: where the modules of the aws process go (the declaration of
// scripts/bundles.mjs over esbuild's import graph), and the checks that fail the build. The graphs
// here are small made-up ones, in the shape of esbuild's metafile; the real declaration is checked by
// every build, and the built bundles are run by test/e2e/bundles.test.ts.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the build, without types
import { BundleError, checkBundles, entrySource, placeModules } from '../../scripts/bundle-plan.mjs';

type Kind = 'import-statement' | 'dynamic-import' | 'require-call';
type Inputs = Record<string, { imports: { path: string; kind: Kind; external?: boolean }[] }>;
interface Placement { home: Map<string, string>; exposed: Map<string, Set<string>>; eager: Map<string, Set<string>> }

/** A metafile's inputs from `module: [imports]`, `~x` for a dynamic import of x. */
function graph(spec: Record<string, string[]>): Inputs {
  const inputs: Inputs = {};
  for (const [m, imports] of Object.entries(spec)) {
    inputs[m] = { imports: imports.map((i) => (i.startsWith('~')
      ? { path: i.slice(1), kind: 'dynamic-import' as const } : { path: i, kind: 'import-statement' as const })) };
  }
  return inputs;
}

const decl = (holds: string[] = [], onDemand = [
  { name: 'lazy-a', kind: 'lazy', modules: ['src/a.ts'] },
  { name: 'lazy-b', kind: 'lazy', modules: ['src/b.ts'] },
  { name: 'shared-c', kind: 'shared', modules: ['src/c.ts'] },
]) => ({ MAIN: { name: 'aws', entry: 'src/main.ts' }, MAIN_HOLDS: holds, ON_DEMAND: onDemand });

const place = (d: ReturnType<typeof decl>, inputs: Inputs) => placeModules(d, inputs) as Placement;
const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return (e as Error).message.split('\n');
  }
  throw new Error('no BundleError');
};

describe('where modules go', () => {
  const inputs = graph({
    'src/main.ts': ['src/run.ts'],
    'src/run.ts': ['src/errors.ts', '~src/a.ts', '~src/json.ts'],
    'src/errors.ts': [],
    'src/json.ts': [],
    'src/a.ts': ['src/errors.ts', 'src/json.ts', 'src/a-only.ts', 'src/c.ts', '~src/b.ts'],
    'src/a-only.ts': [],
    'src/b.ts': ['src/c.ts', 'src/b-only.ts'],
    'src/b-only.ts': [],
    'src/c.ts': ['src/c-dep.ts'],
    'src/c-dep.ts': [],
    'node_modules/x/index.js': [],
  });

  it('to the main bundle when it imports them (at start-up, or through import()), else to the one bundle that does', () => {
    const p = place(decl(), inputs);
    expect(Object.fromEntries(p.home)).toEqual({
      'src/main.ts': 'aws', 'src/run.ts': 'aws', 'src/errors.ts': 'aws', 'src/json.ts': 'aws',
      'src/a.ts': 'lazy-a', 'src/a-only.ts': 'lazy-a', 'src/b.ts': 'lazy-b', 'src/b-only.ts': 'lazy-b',
      'src/c.ts': 'shared-c', 'src/c-dep.ts': 'shared-c',
    });
    // What each bundle hands to the others: the declared modules, and what others import of it.
    expect([...p.exposed.get('aws')!].sort()).toEqual(['src/errors.ts', 'src/json.ts']);
    expect([...p.exposed.get('lazy-a')!]).toEqual(['src/a.ts']);
    // Run at start-up: the main entry's static imports only.
    expect([...p.eager.get('aws')!].sort()).toEqual(['src/errors.ts', 'src/main.ts', 'src/run.ts']);
  });

  it('the main bundle\'s entry: main, the exports of the modules run at start-up (an object made on first request), the others run on first request', () => {
    const p = place(decl(), inputs);
    const exportsOf = new Map([['src/errors.ts', ['CliError', 'RC']], ['src/a.ts', ['default', 'a']]]);
    const text = entrySource(decl(), 'aws', p, exportsOf) as string;
    expect(text).toContain("export { main } from './src/main.ts';");
    expect(text).toContain("import { CliError as m0_CliError, RC as m0_RC } from './src/errors.ts';");
    expect(text).toContain('case "src/errors.ts": return m0 ??= { CliError: m0_CliError, RC: m0_RC };');
    expect(text).toContain('case "src/json.ts": return require("./src/json.ts");');
    expect(entrySource(decl(), 'lazy-a', p, exportsOf)).toContain('case "src/a.ts": return m0 ??= { default: m0_default, a: m0_a };');
    expect(failure(() => entrySource(decl(), 'aws', p, new Map()))).toEqual(['the exports of src/errors.ts are not known']);
  });

  it('fails on a module two bundles import, and it has no home, until one is named', () => {
    const shared = graph({
      'src/main.ts': ['~src/a.ts', '~src/b.ts'], 'src/a.ts': ['src/util.ts'], 'src/b.ts': ['src/util.ts'], 'src/util.ts': [], 'src/c.ts': [],
    });
    expect(failure(() => place(decl(), shared))).toEqual([
      'src/util.ts is imported by lazy-a and lazy-b: name the bundle that holds it in scripts/bundles.mjs',
    ]);
    expect(place(decl(['src/util.ts']), shared).home.get('src/util.ts')).toBe('aws');
  });

  it('fails on a static import of a lazy bundle\'s module from the start-up code (a shared one may be)', () => {
    const eager = graph({ 'src/main.ts': ['src/a.ts', 'src/c.ts'], 'src/a.ts': [], 'src/b.ts': [], 'src/c.ts': [] });
    expect(failure(() => place(decl(), eager))).toEqual([
      'src/main.ts imports src/a.ts statically: the lazy bundle lazy-a would load on every command (import() it where it is needed)',
    ]);
  });

  it('fails on a declaration that names no module of the build, or a module twice', () => {
    const d = decl([], [
      { name: 'lazy-a', kind: 'lazy', modules: ['src/a.ts', 'src/gone.ts'] },
      { name: 'lazy-b', kind: 'lazy', modules: ['src/a.ts'] },
    ]);
    expect(failure(() => place(d, graph({ 'src/main.ts': ['~src/a.ts'], 'src/a.ts': [] })))).toEqual([
      'src/gone.ts (declared for lazy-a) is no module of the build',
      'src/a.ts is declared for both lazy-a and lazy-b',
    ]);
  });
});

describe('the check of the built bundles', () => {
  const p = place(decl(), graph({
    'src/main.ts': ['~src/a.ts', '~src/b.ts'], 'src/a.ts': ['src/errors.ts'], 'src/b.ts': [], 'src/c.ts': [], 'src/errors.ts': [],
  }));
  /** A bundle's metafile: the modules it holds and what it requires. */
  const meta = (inputs: string[], requires: string[] = []) => ({
    outputs: { 'out.js': { inputs: Object.fromEntries(inputs.map((m) => [m, {}])), imports: requires.map((path) => ({ path, kind: 'require-call', external: true })) } },
  });

  it('passes bundles that hold their own modules and require the others\' from where they are', () => {
    expect(() => checkBundles(new Map([
      ['aws', meta(['src/main.ts', 'node_modules/x/index.js'], ['./lazy-a.js#src/a.ts', './lazy-b.js#src/b.ts', 'node:fs'])],
      ['lazy-a', meta(['src/a.ts', 'src/errors.ts', 'node_modules/x/index.js'])],
      ['lazy-b', meta(['src/b.ts'])],
    ]), p)).not.toThrow();
  });

  it('fails on a module of src/ in two bundles (a copy of its classes), or out of its place', () => {
    expect(failure(() => checkBundles(new Map([
      ['aws', meta(['src/main.ts', 'src/errors.ts'])],
      ['lazy-a', meta(['src/a.ts', 'src/errors.ts'])],
    ]), p))).toEqual([
      'src/errors.ts is in aws.js, but its place is lazy-a.js',
      'src/errors.ts is in 2 bundles of the aws process: aws, lazy-a',
    ]);
  });

  it('fails on a require of a module that the named bundle does not hand out', () => {
    expect(failure(() => checkBundles(new Map([['aws', meta(['src/main.ts'], ['./lazy-a.js#src/errors.ts'])]]), p))).toEqual([
      'aws.js requires ./lazy-a.js#src/errors.ts, which lazy-a.js does not hand out',
    ]);
  });
});
