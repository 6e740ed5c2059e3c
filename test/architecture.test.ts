// The shape of src/: its file import graph has no cycle, modules import only their own folder and the
// layers below it (the exceptions are listed below, each with its reason), and no hand-written file is
// over 900 lines (generated ones, *.generated.ts, are exempt).
//
// Imports are read with TypeScript's parser: static imports and re-exports, dynamic import() and
// `import('…')` types. Type-only imports count like the others, for the layers and for cycles: esbuild
// erases them, so they cannot make a cycle at run time, but a reader following them meets the same
// tangle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const src = join(root, 'src');

/**
 * The layers, top down: a module may import its own unit (its folder; a top-level file is a unit of its
 * own) and the units of any layer below its own. Units in the same layer do not import each other.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['main.ts'], // the process's edge: builds the IO, runs cli.ts
  ['cli.ts'], // the command on an IO: the auto-prompt, then the driver with the help renderer
  ['prompt'], // side entries, in this order: the prompt completes (completer) and documents (help) options
  ['help'],
  ['completer'],
  ['commands'], // the driver: parsing, the call, pagination, the pager
  ['client', 'params'], // the request and the parameters, apart from each other
  ['shorthand'],
  ['output'], // the output formats and --query
  ['errors.ts', 'debug.ts'],
  ['io.ts'],
  ['model'], // the service model
  ['py'], // Python's rules: imports nothing of the project
];

/** emulator/ stands apart: the model and Python's rules only (and nothing imports it). */
const APART: Record<string, readonly string[]> = { emulator: ['model', 'py'] };

/** Imports against the layers that are allowed, each with its reason (at most 3). */
export const EXCEPTIONS: readonly { from: string; to: string; reason: string }[] = [];

export interface Import {
  from: string;
  to: string;
  kind: 'static' | 'dynamic' | 'type';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const cand of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(cand).isFile()) return cand;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/** Every relative import of the .ts files under `dir`, as paths relative to it. */
export function importsOf(dir: string): { files: string[]; imports: Import[]; unresolved: string[] } {
  const files = sourceFiles(dir);
  const imports: Import[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const add = (spec: string, kind: Import['kind']) => {
      if (!spec.startsWith('.')) return;
      const to = resolveImport(file, spec);
      if (to === undefined) unresolved.push(`${relative(dir, file)}: ${spec}`);
      else imports.push({ from: relative(dir, file), to: relative(dir, to), kind });
    };
    const visit = (n: ts.Node): void => {
      if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
        const c = n.importClause;
        const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) &&
          c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(n.moduleSpecifier.text, typeOnly ? 'type' : 'static');
      } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
        add(n.moduleSpecifier.text, n.isTypeOnly ? 'type' : 'static');
      } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = n.arguments;
        if (arg && ts.isStringLiteral(arg)) add(arg.text, 'dynamic');
        else unresolved.push(`${relative(dir, file)}: import() of a computed name`);
      } else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'require') {
        const [arg] = n.arguments;
        if (arg && ts.isStringLiteral(arg)) add(arg.text, 'dynamic');
      } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
        add(n.argument.literal.text, 'type');
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { files: files.map((f) => relative(dir, f)), imports, unresolved };
}

/** The cycles of the file graph: its strongly connected components of more than one file (or a file importing itself). */
export function cycles(files: string[], imports: Import[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const i of imports) next.get(i.from)?.push(i.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) connect(f);
  return found;
}

/** The unit of a file: its top folder under src/, or the file itself at the top. */
const unitOf = (file: string) => file.split('/')[0];

/** The imports that go against the layers (an import within a unit never does). */
export function violations(imports: Import[]): Import[] {
  const rank = new Map<string, number>();
  LAYERS.forEach((units, i) => units.forEach((u) => rank.set(u, i)));
  return imports.filter(({ from, to }) => {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === b) return false;
    if (Object.prototype.hasOwnProperty.call(APART, b)) return true;
    if (Object.prototype.hasOwnProperty.call(APART, a)) return !APART[a].includes(b);
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra === undefined || rb === undefined) return true; // a unit nobody placed
    return !(rb > ra);
  });
}

describe('the architecture of src/', () => {
  const { files, imports, unresolved } = importsOf(src);

  it('reads every import it finds', () => {
    expect(unresolved).toEqual([]);
    // (A sanity check of the reader: the driver is imported statically, help dynamically.)
    expect(imports).toContainEqual({ from: 'main.ts', to: 'cli.ts', kind: 'static' });
    expect(imports).toContainEqual({ from: 'cli.ts', to: 'help/index.ts', kind: 'dynamic' });
  });

  it('places every top-level unit in a layer', () => {
    const placed = new Set([...LAYERS.flat(), ...Object.keys(APART)]);
    expect([...new Set(files.map(unitOf))].filter((u) => !placed.has(u))).toEqual([]);
  });

  it('has no import cycle between files (type-only imports included)', () => {
    expect(cycles(files, imports)).toEqual([]);
  });

  it('imports only downward, but for the listed exceptions (at most 3, each with a reason)', () => {
    expect(EXCEPTIONS.length).toBeLessThanOrEqual(3);
    for (const e of EXCEPTIONS) expect(e.reason.length).toBeGreaterThan(20);
    const allowed = (i: Import) => EXCEPTIONS.some((e) => e.from === i.from && e.to === i.to);
    const against = violations(imports);
    expect(against.filter((i) => !allowed(i)).map((i) => `${i.from} -> ${i.to} (${i.kind})`)).toEqual([]);
    // An exception that no longer happens is taken off the list.
    expect(EXCEPTIONS.filter((e) => !against.some((i) => i.from === e.from && i.to === e.to))).toEqual([]);
  });

  it('py/ imports nothing of the project but itself', () => {
    expect(imports.filter((i) => i.from.startsWith('py/') && !i.to.startsWith('py/'))).toEqual([]);
  });

  it('has no hand-written file over 900 lines', () => {
    const long = files.filter((f) => !f.endsWith('.generated.ts'))
      .map((f) => [f, readFileSync(join(src, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, n]) => n > 900);
    expect(long).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const im = (from: string, to: string): Import => ({ from, to, kind: 'static' });

  it('find a cycle, through type-only imports too', () => {
    expect(cycles(['a.ts', 'b.ts', 'c.ts'], [im('a.ts', 'b.ts'), { from: 'b.ts', to: 'a.ts', kind: 'type' }, im('b.ts', 'c.ts')]))
      .toEqual([['a.ts', 'b.ts']]);
    expect(cycles(['a.ts'], [im('a.ts', 'a.ts')])).toEqual([['a.ts']]);
    expect(cycles(['a.ts', 'b.ts'], [im('a.ts', 'b.ts')])).toEqual([]);
  });

  it('find an import that goes up, sideways or into the emulator, and allow the ones that go down', () => {
    const bad = [
      im('output/index.ts', 'client/service-error.ts'), // up
      im('client/index.ts', 'params/build.ts'), // sideways: client and params share a layer
      im('py/repr.ts', 'model/index.ts'), // py/ is the bottom
      im('emulator/server.ts', 'client/index.ts'), // the emulator: model and py only
      im('commands/run.ts', 'emulator/main.ts'), // nothing imports the emulator
      im('commands/run.ts', 'nowhere/x.ts'), // a unit no layer places
    ];
    const good = [im('commands/run.ts', 'client/index.ts'), im('help/index.ts', 'py/shlex.ts'), im('emulator/server.ts', 'py/str.ts'),
      im('client/index.ts', 'client/runtime.ts'), im('debug.ts', 'io.ts')];
    expect(violations([...bad, ...good])).toEqual(bad);
  });
});
