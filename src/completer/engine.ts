// The completion engine shared by `aws_completer` (bash `complete -C`, zsh bashcompinit) and the
// --cli-auto-prompt prompt. It follows the AWS CLI's autocomplete package: a forgiving parser of the
// partial command line (lineage, current command, current option, current fragment, what it could not
// parse), then a chain of completers, the first that answers wins: profiles after --profile, the
// model index (services, operations, options not yet given), file paths after file:// or fileb://, and
// values from the model (choices of global options, enum values, booleans, structure keys).
// It loads only the model and the argument tables: no SDK, no YAML, no documentation texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { argumentTable, type CliArgument } from '../params/arguments';
import { GLOBAL_OPTIONS } from '../commands/globals';
import { getShape, memberRef, operationsByCliName, outputShape, SERVICE_CLI_NAME } from '../model';
import type { Shape } from '../model/types';

export interface Completion {
  /** What replaces the current word. */
  name: string;
  /** What a menu shows (and what filters match), when it differs from the name. */
  display?: string;
  required?: boolean;
  /** The option's CLI type (`string`, `structure`, `boolean`, …). */
  type?: string;
  /** What kind of candidate this is. */
  kind: 'command' | 'option' | 'value' | 'file' | 'profile';
}

export type Filter = (prefix: string, items: Completion[]) => Completion[];

export const startswithFilter: Filter = (prefix, items) => items.filter((c) => (c.display ?? c.name).startsWith(prefix));

/** The prompt's filter: the letters of the prefix in order, closest and shortest matches first. */
export const fuzzyFilter: Filter = (prefix, items) => {
  if (!prefix || !items.length) return items;
  const esc = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp([...prefix].map(esc).join('.*?'), 'i');
  const scored: { len: number; start: number; c: Completion }[] = [];
  for (const c of items) {
    const text = c.display ?? c.name;
    let best: { len: number; start: number } | undefined;
    for (let i = 0; i < text.length; i++) {
      const m = pattern.exec(text.slice(i));
      if (!m || m.index !== 0) continue;
      if (!best || m[0].length < best.len) best = { len: m[0].length, start: i };
    }
    if (best) scored.push({ ...best, c });
  }
  const key = (x: { c: Completion }) => `${x.c.display ?? ''}\u0000${x.c.name}`;
  scored.sort((a, b) => a.len - b.len || a.start - b.start || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return scored.map((x) => x.c);
};

// ------------------------------------------------------------------------------------------------
// The index: what the AWS CLI keeps in its completion database, derived here from the model.

interface ArgData {
  name: string;
  type: string;
  nargs?: '?' | '+';
  required: boolean;
  /** The model shape of an operation's member option. */
  shape?: Shape;
  choices?: readonly string[];
}

let globalArgs: ArgData[] | undefined;

function globalArgData(): ArgData[] {
  return (globalArgs ??= GLOBAL_OPTIONS.map((g) => ({
    name: g.name.slice(2),
    type: g.doc.type,
    required: false,
    choices: g.doc.choices,
  })));
}

const opArgs = new Map<string, ArgData[]>();

function argType(a: CliArgument): string {
  if (a.kind === 'member') return a.shape!.type;
  if (a.kind === 'page') return a.pageType === 'string' ? 'string' : 'integer';
  return 'string';
}

/** An operation's options in the order its help lists them (booleans followed by their `no-` twin). */
export function operationArgData(opCliName: string): ArgData[] | undefined {
  const cached = opArgs.get(opCliName);
  if (cached) return cached;
  const op = operationsByCliName().get(opCliName);
  if (!op) return undefined;
  const table = argumentTable(op).filter((a) => a.documented);
  const order = (k: CliArgument['kind']) => ({ member: 0, 'cli-input-json': 1, 'cli-input-yaml': 1, page: 2, skeleton: 3 })[k];
  const sorted = [...table].sort((a, b) => order(a.kind) - order(b.kind));
  const out: ArgData[] = [];
  for (const a of sorted) {
    const type = argType(a);
    const base: ArgData = {
      name: a.name, type, required: a.required, shape: a.shape,
      nargs: a.kind === 'skeleton' ? '?' : type === 'list' ? '+' : undefined,
      choices: a.kind === 'skeleton' ? ['input', 'output', 'yaml-input'] : undefined,
    };
    out.push(base);
    if (a.kind === 'member' && type === 'boolean') out.push({ ...base, name: `no-${a.name}`, required: false });
  }
  opArgs.set(opCliName, out);
  return out;
}

/** Sub-commands of a command: the service under `aws`, the operations under the service. */
function commandNames(lineage: readonly string[]): string[] {
  const key = lineage.join(' ');
  if (key === 'aws') return [SERVICE_CLI_NAME];
  if (key === `aws ${SERVICE_CLI_NAME}`) return [...operationsByCliName().keys()];
  return [];
}

/** The options of a command: the global ones for `aws`, none for the service, the operation's. */
function argsOf(lineage: readonly string[], command: string): ArgData[] | undefined {
  if (command === 'aws' && lineage.length === 0) return globalArgData();
  if (lineage.join(' ') === 'aws' && command === SERVICE_CLI_NAME) return [];
  if (lineage.join(' ') === `aws ${SERVICE_CLI_NAME}`) return operationArgData(command);
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// The parser

export interface Parsed {
  currentCommand?: string;
  /** The option whose value is being typed. */
  currentParam?: string;
  globalParams: Map<string, string | string[] | null>;
  parsedParams: Map<string, string | string[] | null>;
  lineage: string[];
  /** The word under the cursor that is not a known command or option ('' after a space). */
  currentFragment?: string;
  unparsedItems: string[];
}

const WORD_BOUNDARY = '';

export function parseCommandLine(commandLine: string, location?: number): Parsed {
  const line = location === undefined ? commandLine : commandLine.slice(0, location);
  const parts = line.split(/\s+/).filter(Boolean);
  if (line && /\s$/.test(line)) parts.push(WORD_BOUNDARY);
  const parsed: Parsed = { globalParams: new Map(), parsedParams: new Map(), lineage: [], unparsedItems: [] };
  let current: string | undefined;
  let currentParam: string | undefined;
  const lineage: string[] = [];
  const setCommand = (c: string) => {
    if (current !== undefined) lineage.push(current);
    current = c;
  };
  if (parts.length) {
    parts.shift();
    setCommand('aws');
  }
  const globals = new Set(globalArgData().map((a) => a.name));
  let currentArgs: ArgData[] | undefined = [];
  const consume = (arg: ArgData | undefined): string | string[] | null => {
    if (parts.length === 1 && parts[0] === WORD_BOUNDARY) return WORD_BOUNDARY;
    if (parts.length <= 1) return null;
    if (!arg || arg.type === 'boolean') return null;
    if (arg.nargs === undefined) {
      currentParam = undefined;
      return parts.shift()!;
    }
    if (arg.nargs === '?') {
      if (parts.length && !parts[0].startsWith('--')) {
        currentParam = undefined;
        return parts.shift()!;
      }
      return null;
    }
    const values: string[] = [];
    while (parts.length > 1 && !(parts.length === 1 && parts[0] === WORD_BOUNDARY)) {
      if (parts[0].startsWith('--')) {
        currentParam = undefined;
        break;
      }
      values.push(parts.shift()!);
    }
    return values;
  };
  while (parts.length) {
    const word = parts.shift()!;
    if (word.startsWith('--')) {
      if (currentArgs === undefined) {
        parsed.unparsedItems.push(word);
        continue;
      }
      const name = word.slice(2);
      const g = globals.has(name) ? globalArgData().find((a) => a.name === name) : undefined;
      const local = g ? undefined : currentArgs.find((a) => a.name === name);
      if (g || local) {
        const arg = (g ?? local)!;
        // A flag takes no value: what follows it is completed afresh (the AWS CLI would wait for a value).
        currentParam = arg.type === 'boolean' ? undefined : name;
        const value = consume(arg);
        (g ? parsed.globalParams : parsed.parsedParams).set(name, value);
      } else if (!parts.length && word) {
        parsed.currentFragment = word;
      } else {
        parsed.unparsedItems.push(word);
      }
    } else {
      const names = commandNames([...lineage, ...(current ? [current] : [])]);
      if (names.includes(word)) {
        setCommand(word);
        currentArgs = argsOf(lineage, word);
      } else {
        if (!parts.length) parsed.currentFragment = word;
        else if (word) parsed.unparsedItems.push(word);
        currentArgs = undefined;
      }
    }
  }
  parsed.currentCommand = current;
  parsed.currentParam = currentParam;
  parsed.lineage = lineage;
  return parsed;
}

// ------------------------------------------------------------------------------------------------
// The completers

export interface CompleterOptions {
  filter?: Filter;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

function argFor(parsed: Parsed, name: string): ArgData | undefined {
  const local = parsed.currentCommand ? argsOf(parsed.lineage, parsed.currentCommand) : undefined;
  return local?.find((a) => a.name === name);
}

function optionCompletions(parsed: Parsed): Completion[] {
  const inGlobalScope = parsed.lineage.length === 0 && parsed.currentCommand === 'aws';
  const out: Completion[] = [];
  if (!inGlobalScope && parsed.currentCommand) {
    for (const a of argsOf(parsed.lineage, parsed.currentCommand) ?? []) {
      out.push({ name: `--${a.name}`, required: a.required, type: a.type, kind: 'option' });
    }
  }
  for (const a of globalArgData()) out.push({ name: `--${a.name}`, required: false, type: a.type, kind: 'option' });
  const given = new Set([...parsed.parsedParams.keys(), ...parsed.globalParams.keys()]);
  return out.filter((c) => !given.has(c.name.replace(/^-+|-+$/g, '')));
}

function modelIndexCompleter(parsed: Parsed, filter: Filter): Completion[] | undefined {
  const isPath = (s: string) => /[./\\:]|--/.test(s);
  if (parsed.unparsedItems.length && parsed.unparsedItems.every(isPath)) {
    const fragment = parsed.currentFragment || parsed.currentCommand || '';
    return filter(fragment, optionCompletions(parsed));
  }
  if (parsed.unparsedItems.length || parsed.currentFragment === undefined || parsed.currentParam) return undefined;
  const fragment = parsed.currentFragment;
  if (fragment.startsWith('--')) return filter(fragment === '--' ? '' : fragment, optionCompletions(parsed));
  const commands = commandNames([...parsed.lineage, parsed.currentCommand ?? 'aws'])
    .map((name): Completion => ({ name, kind: 'command' }));
  if (!commands.length) return filter(fragment, optionCompletions(parsed));
  return filter(fragment, commands);
}

/** Python's os.path.dirname / basename on POSIX. */
function pyDirname(p: string): string {
  const i = p.lastIndexOf('/') + 1;
  const head = p.slice(0, i);
  return head && head !== '/'.repeat(head.length) ? head.replace(/\/+$/, '') : head;
}
const pyBasename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function filePathCompleter(parsed: Parsed, filter: Filter, opts: CompleterOptions): Completion[] | undefined {
  const fragment = parsed.currentFragment;
  if (!fragment) return undefined;
  const prefix = fragment.startsWith('file://') ? 'file://' : fragment.startsWith('fileb://') ? 'fileb://' : undefined;
  if (!prefix) return undefined;
  const filename = fragment.slice(prefix.length);
  if (filename === '~') return [{ name: `${prefix}~/`, kind: 'file' }];
  let dir = pyDirname(filename);
  if (dir && dir !== '/') dir = `${dir}/`;
  const home = opts.env?.HOME || homedir();
  const expanded = dir.startsWith('~/') || dir === '~' ? join(home, dir.slice(1)) : dir;
  const base = expanded ? (expanded.startsWith('/') ? expanded : join(opts.cwd ?? process.cwd(), expanded)) : (opts.cwd ?? process.cwd());
  let names: string[];
  try {
    names = readdirSync(base).sort();
  } catch {
    names = [];
  }
  const results = names.map((n): Completion => {
    let display = n;
    try {
      if (statSync(join(base, n)).isDirectory()) display = `${n}/`;
    } catch { /* a dangling link is listed as a file */ }
    return { name: `${prefix}${dir}${display}`, display, kind: 'file' };
  });
  return filter(pyBasename(filename), results);
}

/** Profiles named in the config and credentials files (config first), as botocore lists them. */
export function availableProfiles(env: Record<string, string | undefined>): string[] {
  const home = env.HOME || homedir();
  const expand = (p: string) => (p.startsWith('~/') ? join(home, p.slice(2)) : p);
  const names: string[] = [];
  const read = (file: string, config: boolean) => {
    let text: string;
    try {
      text = readFileSync(expand(file), 'utf8');
    } catch {
      return;
    }
    for (const m of text.matchAll(/^\s*\[([^\]]+)\]/gm)) {
      let name = m[1].trim();
      if (config) {
        if (name.startsWith('profile ')) name = name.slice(8).trim();
        else if (name !== 'default') continue;
      }
      if (!names.includes(name)) names.push(name);
    }
  };
  read(env.AWS_CONFIG_FILE || '~/.aws/config', true);
  read(env.AWS_SHARED_CREDENTIALS_FILE || '~/.aws/credentials', false);
  return names;
}

function profileCompleter(parsed: Parsed, filter: Filter, opts: CompleterOptions): Completion[] | undefined {
  if (parsed.currentParam !== 'profile' || parsed.currentFragment === undefined) return undefined;
  return filter(parsed.currentFragment, availableProfiles(opts.env ?? process.env).map((name) => ({ name, kind: 'profile' })));
}

// Shorthand values: where the cursor is inside `key=value,key2={...}` of a structure, list or map.

type ValueContext =
  | { at: 'key'; shape: Shape; prefix: string; entered: Set<string> }
  | { at: 'value'; shape: Shape; prefix: string };

interface Frame {
  shape: Shape;
  mode: 'key' | 'value';
  text: string;
  key: string;
  entered: Set<string>;
}

function frameFor(shape: Shape): Frame {
  return { shape, mode: shape.type === 'list' ? 'value' : 'key', text: '', key: '', entered: new Set() };
}

function valueShapeOf(f: Frame): Shape | undefined {
  const s = f.shape;
  if (s.type === 'list') return getShape(s.member!);
  if (s.type === 'map') return getShape(s.value!);
  const ref = memberRef(s, f.key);
  return ref ? getShape(ref) : undefined;
}

/** Scans a shorthand fragment for the shape and text at its end. */
export function shorthandContext(fragment: string, shape: Shape): ValueContext | undefined {
  if (shape.type !== 'structure' && shape.type !== 'map' && shape.type !== 'list') {
    return { at: 'value', shape, prefix: fragment };
  }
  if (shape.type === 'list') {
    const member = getShape(shape.member!);
    if (member.type !== 'structure' && member.type !== 'map') return { at: 'value', shape: member, prefix: fragment };
    shape = member;
  }
  const stack: Frame[] = [frameFor(shape)];
  for (const ch of fragment) {
    const f = stack[stack.length - 1];
    if (f.mode === 'key') {
      if (ch === '=') {
        f.key = f.text.trim();
        f.text = '';
        f.mode = 'value';
      } else if (ch === '}' && stack.length > 1) {
        stack.pop();
      } else if (ch === ',') {
        f.text = '';
      } else {
        f.text += ch;
      }
      continue;
    }
    // value mode
    const vs = valueShapeOf(f);
    if (f.text === '' && ch === '{' && vs && (vs.type === 'structure' || vs.type === 'map')) {
      stack.push(frameFor(vs));
    } else if (f.text === '' && ch === '[' && vs && vs.type === 'list') {
      stack.push(frameFor(vs));
    } else if (ch === ',') {
      if (f.shape.type === 'list') f.text = '';
      else {
        f.entered.add(f.key);
        f.text = '';
        f.key = '';
        f.mode = 'key';
      }
    } else if ((ch === '}' || ch === ']') && stack.length > 1) {
      stack.pop();
      const parent = stack[stack.length - 1];
      parent.text = ch;
    } else {
      f.text += ch;
    }
  }
  const f = stack[stack.length - 1];
  if (f.mode === 'key') {
    if (f.shape.type !== 'structure') return undefined;
    return { at: 'key', shape: f.shape, prefix: f.text.trimStart(), entered: f.entered };
  }
  const vs = valueShapeOf(f);
  if (!vs) return undefined;
  if (vs.type === 'structure' || vs.type === 'map' || vs.type === 'list') return undefined;
  return { at: 'value', shape: vs, prefix: f.text };
}

const VALUE_PREFIXES: Record<string, string> = { structure: '{', list: '[', map: '{' };

function valueCandidates(ctx: ValueContext): Completion[] {
  if (ctx.at === 'key') {
    const out: Completion[] = [];
    const required = new Set(ctx.shape.required ?? []);
    for (const [m, ref] of Object.entries(ctx.shape.members ?? {})) {
      if (ctx.entered.has(m)) continue;
      const t = getShape(ref).type;
      out.push({ name: `${m}=${VALUE_PREFIXES[t] ?? ''}`, type: t, required: required.has(m), kind: 'value' });
    }
    return out;
  }
  if (ctx.shape.type === 'boolean') return ['true', 'false'].map((name) => ({ name, kind: 'value' }));
  if (ctx.shape.type === 'string' && ctx.shape.enum) return ctx.shape.enum.map((name) => ({ name, kind: 'value' }));
  return [];
}

function valueCompleter(parsed: Parsed, filter: Filter): Completion[] | undefined {
  const param = parsed.currentParam;
  const fragment = parsed.currentFragment;
  if (!param || fragment === undefined) return undefined;
  const local = argFor(parsed, param);
  if (!local || parsed.globalParams.has(param)) {
    const g = globalArgData().find((a) => a.name === param);
    if (!g?.choices?.length) return undefined;
    return filter(fragment, g.choices.map((name) => ({ name, kind: 'value' })));
  }
  if (local.choices) return filter(fragment, local.choices.map((name) => ({ name, kind: 'value' })));
  if (!local.shape) return undefined;
  const ctx = shorthandContext(fragment, local.shape);
  if (!ctx) return undefined;
  const head = fragment.slice(0, fragment.length - ctx.prefix.length);
  const results = filter(ctx.prefix, valueCandidates(ctx));
  return results.map((c) => ({ ...c, display: c.display ?? c.name, name: `${head}${c.name}` }));
}

/** The first-level members of an operation's output, after `--query`. */
function queryCompleter(parsed: Parsed, filter: Filter): Completion[] | undefined {
  if (parsed.currentParam !== 'query' || parsed.currentFragment === undefined || parsed.currentFragment.includes('.')) return undefined;
  const op = parsed.lineage.length === 2 ? operationsByCliName().get(parsed.currentCommand ?? '') : undefined;
  const out = op ? outputShape(op) : undefined;
  if (!out) return undefined;
  return filter(parsed.currentFragment, Object.keys(out.members ?? {}).map((name) => ({ name, kind: 'value' })));
}

/** Completions for the command line up to `location` (default: its end). */
export function autocomplete(commandLine: string, location?: number, opts: CompleterOptions = {}): Completion[] {
  const filter = opts.filter ?? startswithFilter;
  const parsed = parseCommandLine(commandLine, location);
  const chain = [
    () => profileCompleter(parsed, filter, opts),
    () => modelIndexCompleter(parsed, filter),
    () => filePathCompleter(parsed, filter, opts),
    () => valueCompleter(parsed, filter),
    () => queryCompleter(parsed, filter),
  ];
  for (const c of chain) {
    const r = c();
    if (r !== undefined) return r;
  }
  return [];
}
