// The content of the help pages, generated from the model, its documentation texts and the global
// options: `aws help`, `aws cleanroomsml help` and `aws cleanroomsml <operation> help`. The content is a
// list of blocks (sections, paragraphs, code, bullets) with indents; roff.ts and plain.ts render it.
// Text uses light markup: `code` (bold in the man page) and *emphasis*.
import { argumentTable, type CliArgument } from '../commands/arguments';
import { GLOBAL_OPTIONS } from '../commands/globals';
import { DOCS } from '../model/docs.generated';
import { getShape, MODEL, operationsByCliName, SERVICE_CLI_NAME } from '../model';
import type { Operation, Shape } from '../model/types';
import { jsonSyntax, jsonValueName, SCALAR_TYPES, shorthandExample } from './syntax';
import * as T from './texts';

export type Block =
  | { kind: 'section'; title: string }
  | { kind: 'para'; text: string; indent: number; tight?: boolean }
  | { kind: 'code'; lines: string[]; indent: number; tight?: boolean }
  | { kind: 'bullets'; items: string[]; indent: number; tight?: boolean };

export interface HelpPage {
  /** The command name the page documents (`start-trained-model-inference-job`, `cleanroomsml`, `aws`). */
  name: string;
  blocks: Block[];
}

/** Columns by which a description is indented under its term, and nested members under theirs. */
const BODY = 3;
const NESTED = 4;

/** A documentation text → paragraphs and bullet lists. */
export function docBlocks(text: string | undefined, indent: number): Block[] {
  const out: Block[] = [];
  for (const chunk of (text ?? '').split(/\n{2,}/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => l.startsWith('- '))) out.push({ kind: 'bullets', items: lines.map((l) => l.slice(2)), indent });
    else out.push({ kind: 'para', text: lines.join(' '), indent });
  }
  return out;
}

/** The "Constraints:" list of a shape (length, item count or value bounds, pattern). */
function constraintBlocks(s: Shape, indent: number): Block[] {
  const items: string[] = [];
  if (s.min !== undefined) items.push(`min: \`${s.min}\``);
  if (s.max !== undefined) items.push(`max: \`${s.max}\``);
  if (s.pattern !== undefined) items.push(`pattern: \`${s.pattern}\``);
  if (!items.length) return [];
  return [{ kind: 'para', text: 'Constraints:', indent }, { kind: 'bullets', items, indent }];
}

function enumBlocks(s: Shape, indent: number): Block[] {
  if (s.type !== 'string' || !s.enum?.length) return [];
  return [{ kind: 'para', text: 'Possible values:', indent }, { kind: 'bullets', items: s.enum.map((e) => `\`${e}\``), indent }];
}

/** The members below a shape, each with its type, description, constraints and own members. */
function nestedBlocks(shapeName: string, indent: number, input: boolean, stack: string[]): Block[] {
  const s = getShape(shapeName);
  const out: Block[] = [];
  const entry = (label: string | null, key: string, target: string, required: boolean) => {
    const t = getShape(target);
    if (stack.filter((n) => n === target).length > 1) {
      if (t.type === 'structure') out.push({ kind: 'para', text: '( ... recursive ... )', indent });
      return;
    }
    const head = label === null ? `(${t.type})` : `${label} -> (${t.type})`;
    out.push({ kind: 'para', text: `${head}${required && input ? ' [required]' : ''}`, indent });
    const body = indent + NESTED;
    out.push(...tight([
      ...docBlocks(DOCS.members[key], body),
      ...(input ? constraintBlocks(t, body) : []),
      ...enumBlocks(t, body),
      ...nestedBlocks(target, body, input, [...stack, target]),
    ]));
  };
  if (s.type === 'structure') {
    const required = new Set(s.required ?? []);
    for (const [m, ref] of Object.entries(s.members ?? {})) entry(m, `${shapeName}$${m}`, ref.shape, required.has(m));
  } else if (s.type === 'list') {
    entry(null, `${shapeName}$member`, s.member!.shape, false);
  } else if (s.type === 'map') {
    entry('key', `${shapeName}$key`, s.key!.shape, false);
    entry('value', `${shapeName}$value`, s.value!.shape, false);
  }
  return out;
}

const code = (s: string) => `\`${s}\``;

/** A term's body starts right below it, without a blank line. */
function tight(blocks: Block[]): Block[] {
  const first = blocks[0];
  if (first && first.kind !== 'section') first.tight = true;
  return blocks;
}

/** The options of an operation as the AWS CLI orders them in help: the members (minus the hidden
 * pagination members), --cli-input-json | --cli-input-yaml, the pagination options, --generate-cli-skeleton. */
export function helpArguments(op: Operation): CliArgument[] {
  const args = argumentTable(op).filter((a) => a.documented);
  const members = args.filter((a) => a.kind === 'member');
  const pages = args.filter((a) => a.kind === 'page');
  const input = args.filter((a) => a.kind === 'cli-input-json' || a.kind === 'cli-input-yaml');
  const skeleton = args.filter((a) => a.kind === 'skeleton');
  return [...members, ...input, ...pages, ...skeleton];
}

/** The CLI type name of an argument: its shape's type, or the pagination option's. */
export function argumentType(a: CliArgument): string {
  if (a.kind === 'member') return a.shape!.type;
  if (a.kind === 'page') return a.pageType === 'string' ? 'string' : 'integer';
  return 'string';
}

function argumentHelp(op: Operation, a: CliArgument): string {
  switch (a.kind) {
    case 'member': return DOCS.members[`${op.input!.shape}$${a.member}`] ?? '';
    case 'page':
      return a.pageKey === 'StartingToken' ? T.STARTING_TOKEN_HELP : a.pageKey === 'PageSize' ? T.PAGE_SIZE_HELP : T.MAX_ITEMS_HELP;
    case 'skeleton': return T.GENERATE_CLI_SKELETON_HELP;
    default: return T.CLI_INPUT_HELP;
  }
}

function synopsisLines(op: Operation, name: string): string[] {
  const lines = [name];
  for (const a of helpArguments(op)) {
    if (a.kind === 'cli-input-yaml') continue;
    let s: string;
    if (a.kind === 'cli-input-json') s = '--cli-input-json | --cli-input-yaml';
    else if (a.kind === 'member' && a.shape!.type === 'boolean') s = `--${a.name} | --no-${a.name}`;
    else s = `--${a.name} <value>`;
    lines.push(a.required ? s : `[${s}]`);
  }
  for (const g of GLOBAL_OPTIONS) lines.push(g.doc.type === 'boolean' ? `[${g.name}]` : `[${g.name} <value>]`);
  return lines;
}

function optionBlocks(op: Operation, a: CliArgument): Block[] {
  if (a.kind === 'cli-input-yaml') return [];
  const type = argumentType(a);
  let head: string;
  if (a.kind === 'cli-input-json') head = `${code('--cli-input-json')} | ${code('--cli-input-yaml')} (string)`;
  else if (a.kind === 'member' && type === 'boolean') head = `${code(`--${a.name}`)} | ${code(`--no-${a.name}`)} (boolean)`;
  else head = `${code(`--${a.name}`)} (${type})`;
  if (a.required) head += ' [required]';
  const body = docBlocks(argumentHelp(op, a), BODY);
  if (a.kind === 'member') {
    const shapeName = a.ref!.shape;
    const s = a.shape!;
    body.push(...constraintBlocks(s, BODY), ...enumBlocks(s, BODY));
    body.push(...nestedBlocks(shapeName, BODY, true, [shapeName]));
    body.push(...syntaxBlocks(shapeName, s));
  }
  return [{ kind: 'para', text: head, indent: 0 }, ...tight(body)];
}

function syntaxBlocks(shapeName: string, s: Shape): Block[] {
  const out: Block[] = [];
  const example = shorthandExample(shapeName);
  if (example.kind === 'skip') return out;
  if (example.kind === 'shorthand' && example.text) {
    out.push({ kind: 'para', text: 'Shorthand Syntax:', indent: BODY },
      { kind: 'code', lines: example.text.split('\n'), indent: BODY + NESTED });
  }
  if (s.type === 'list' && SCALAR_TYPES.has(getShape(s.member!).type)) {
    const member = getShape(s.member!);
    const t = jsonValueName(member, false);
    const lines = [`${t} ${t} ...`];
    if (member.type === 'string' && member.enum) lines.push('', 'Where valid values are:', ...member.enum.map((e) => `    ${e}`));
    out.push({ kind: 'para', text: 'Syntax:', indent: BODY }, { kind: 'code', lines, indent: BODY + NESTED });
  } else if (!SCALAR_TYPES.has(s.type)) {
    out.push({ kind: 'para', text: 'JSON Syntax:', indent: BODY },
      { kind: 'code', lines: jsonSyntax(shapeName).split('\n'), indent: BODY + NESTED });
  }
  return out;
}

function globalOptionBlocks(): Block[] {
  const out: Block[] = [];
  for (const g of GLOBAL_OPTIONS) {
    const body = docBlocks(g.doc.help, BODY);
    if (g.doc.choices?.length) body.push({ kind: 'bullets', items: [...g.doc.choices], indent: BODY });
    out.push({ kind: 'para', text: `${code(g.name)} (${g.doc.type})`, indent: 0 }, ...tight(body));
  }
  return out;
}

function outputBlocks(op: Operation): Block[] {
  if (!op.output) return [{ kind: 'para', text: 'None', indent: 0 }];
  const out = nestedBlocks(op.output.shape, 0, false, [op.output.shape]);
  return out.length ? out : [{ kind: 'para', text: 'None', indent: 0 }];
}

export function operationPage(cliName: string): HelpPage | undefined {
  const op = operationsByCliName().get(cliName);
  if (!op) return undefined;
  const blocks: Block[] = [
    { kind: 'section', title: 'Description' },
    ...docBlocks(DOCS.operations[op.name], 0),
  ];
  if (MODEL.metadata.uid) blocks.push({ kind: 'para', text: 'See also: AWS API Documentation', indent: 0 });
  blocks.push({ kind: 'para', text: "See 'aws help' for descriptions of global parameters.", indent: 0 });
  blocks.push({ kind: 'section', title: 'Synopsis' }, { kind: 'code', lines: synopsisLines(op, cliName), indent: BODY });
  blocks.push({ kind: 'section', title: 'Options' });
  for (const a of helpArguments(op)) blocks.push(...optionBlocks(op, a));
  blocks.push({ kind: 'section', title: 'Global Options' }, ...globalOptionBlocks());
  blocks.push({ kind: 'section', title: 'Output' }, ...outputBlocks(op));
  return { name: cliName, blocks };
}

export function servicePage(): HelpPage {
  return {
    name: SERVICE_CLI_NAME,
    blocks: [
      { kind: 'section', title: 'Description' },
      ...docBlocks(DOCS.service, 0),
      { kind: 'section', title: 'Available Commands' },
      { kind: 'bullets', items: [...operationsByCliName().keys()].sort(), indent: 0 },
    ],
  };
}

export function awsPage(): HelpPage {
  return {
    name: 'aws',
    blocks: [
      { kind: 'section', title: 'Description' },
      { kind: 'para', text: T.AWS_DESCRIPTION, indent: 0 },
      { kind: 'section', title: 'Synopsis' },
      { kind: 'code', lines: [T.AWS_SYNOPSIS], indent: BODY },
      { kind: 'para', text: T.AWS_HELP_USAGE, indent: 0 },
      { kind: 'section', title: 'Options' },
      ...globalOptionBlocks(),
      { kind: 'section', title: 'Available Services' },
      { kind: 'bullets', items: [SERVICE_CLI_NAME], indent: 0 },
    ],
  };
}

/** The page for `aws [<service> [<operation>]] help`. */
export function helpPage(path: readonly string[]): HelpPage | undefined {
  if (path.length === 0) return awsPage();
  if (path.length === 1) return path[0] === SERVICE_CLI_NAME ? servicePage() : undefined;
  return path[0] === SERVICE_CLI_NAME ? operationPage(path[1]) : undefined;
}

/** Markup → plain text: `code` and *emphasis* lose their marks. */
export function plainText(text: string): string {
  return text.replace(/`([^`]*)`|\*([^*\s][^*]*)\*/g, (_m, c: string | undefined, e: string | undefined) => c ?? e ?? '');
}

export interface OptionSummary {
  type: string;
  required: boolean;
  /** Plain text, paragraphs joined by a space. */
  description: string;
}

/** An option's type, required flag and description (for the prompt): the operation's, else a global one. */
export function optionSummary(cliName: string, option: string): OptionSummary | undefined {
  const op = operationsByCliName().get(cliName);
  const flat = (t: string) => plainText(t).replace(/\s*\n+\s*/g, ' ');
  const name = option.replace(/^--(no-)?/, '');
  const a = op && argumentTable(op).find((x) => x.name === name || (x.kind === 'cli-input-json' && option === '--cli-input-yaml'));
  if (op && a) return { type: argumentType(a), required: a.required, description: flat(argumentHelp(op, a)) };
  const g = GLOBAL_OPTIONS.find((x) => x.name === option);
  return g ? { type: g.doc.type, required: false, description: flat(g.doc.help) } : undefined;
}

export function operationSummary(cliName: string): string | undefined {
  const op = operationsByCliName().get(cliName);
  return op ? plainText(DOCS.operations[op.name] ?? '').replace(/\s*\n+\s*/g, ' ') : undefined;
}
