#!/usr/bin/env node
// Generates src/model/docs.generated.ts: the help texts of the model (operation descriptions, the
// descriptions of members at every level, output members). The reference model has no documentation
// strings, so the texts come from two places:
//   1. the AWS CLI's reference page for the seed command (vendor/seed/*.md), parsed: its operation
//      description, option descriptions, nested member descriptions and output member descriptions;
//   2. for everything the seed does not cover, a concise description generated from the member's name,
//      its shape and the shape or operation it belongs to (never written per command).
// Keys: operations by name; members as `Shape$member`, list members as `List$member`, map keys and
// values as `Map$key` / `Map$value`. Texts are light markup: paragraphs separated by a blank line,
// `- ` bullet lines, `code` in backticks.
// Run by scripts/gen-model.mjs (or alone: `node scripts/gen-docs.mjs`). The seed itself is not committed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------------------------------------
// Names → words

const ACRONYMS = new Map(Object.entries({
  config: 'configuration', arn: 'ARN', id: 'ID', ids: 'IDs', ml: 'ML', kms: 'KMS', s3: 'S3', uri: 'URI', url: 'URL', sql: 'SQL',
  mb: 'MB', gb: 'GB', iam: 'IAM', json: 'JSON', csv: 'CSV', api: 'API', aws: 'AWS', vpc: 'VPC',
}));

/** `maxPayloadInMB` → ['max', 'payload', 'in', 'MB']; `MLInputChannel` → ['ML', 'input', 'channel']. */
export function words(name) {
  const parts = name.match(/[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z0-9]+|[A-Z]+|\d+/g) ?? [name];
  return parts.map((p) => ACRONYMS.get(p.toLowerCase()) ?? p.toLowerCase());
}

const phrase = (ws) => ws.join(' ');

function article(p) {
  const first = p.split(' ')[0];
  if (/^[A-Z0-9]{2,}$/.test(first)) return /^[AEFHILMNORSX8]/.test(first) ? 'an' : 'a';
  return /^[aeiou]/i.test(p) ? 'an' : 'a';
}
const withArticle = (p) => `${article(p)} ${p}`;

function plural(p) {
  if (/s$/.test(p)) return p;
  if (/y$/.test(p) && !/[aeiou]y$/.test(p)) return `${p.slice(0, -1)}ies`;
  return `${p}s`;
}
function singular(p) {
  if (/ies$/.test(p)) return `${p.slice(0, -3)}y`;
  if (/sses$/.test(p)) return p.slice(0, -2);
  if (/s$/.test(p) && !/ss$/.test(p)) return p.slice(0, -1);
  return p;
}

const VERBS = ['Cancel', 'Create', 'Delete', 'Get', 'List', 'Put', 'Start', 'Update', 'Tag', 'Untag'];

function splitOperation(opName) {
  const verb = VERBS.find((v) => opName.startsWith(v) && /^[A-Z]/.test(opName.slice(v.length))) ?? '';
  return { verb, rest: opName.slice(verb.length) };
}

/** What an operation acts on, in words: `StartTrainedModelInferenceJob` → `trained model inference job`. */
function operationSubject(opName) {
  const { verb, rest } = splitOperation(opName);
  const p = phrase(words(rest));
  return verb === 'List' ? singular(p) : p;
}

// ------------------------------------------------------------------------------------------------
// Generated descriptions

function operationDescription(opName) {
  const { verb, rest } = splitOperation(opName);
  const subject = operationSubject(opName);
  switch (verb) {
    case 'Cancel': return `Cancels ${withArticle(subject)}.`;
    case 'Create': return `Creates ${withArticle(subject)}.`;
    case 'Delete': return `Deletes ${withArticle(subject)}.`;
    case 'Get': return `Returns information about ${withArticle(subject)}.`;
    case 'List': {
      const m = /^(.*?) for (.*)$/.exec(phrase(words(rest)));
      if (m) return `Returns a list of the ${m[1]} for ${withArticle(m[2])}.`;
      return `Returns a list of ${plural(subject)}.`;
    }
    case 'Put': return `Creates or replaces ${withArticle(subject)}.`;
    case 'Start': return `Starts ${withArticle(subject)}.`;
    case 'Update': return `Updates ${withArticle(subject)}.`;
    case 'Tag': return `Adds metadata tags to ${withArticle(subject)}.`;
    case 'Untag': return `Removes metadata tags from ${withArticle(subject)}.`;
    default: return `Runs the ${phrase(words(opName))} operation.`;
  }
}

/** The thing a structure describes: the operation's subject for request/response shapes. */
function structureSubject(shapeName, owners) {
  const op = owners.get(shapeName);
  if (op) return operationSubject(op);
  const base = shapeName.replace(/(Summary|Details|Config|Configuration|Properties)$/, '') || shapeName;
  return phrase(words(base));
}

function memberDescription(memberName, shape, parentName, owners) {
  const subject = structureSubject(parentName, owners);
  const ws = words(memberName);
  const all = phrase(ws);
  const last = ws[ws.length - 1];
  const rest = phrase(ws.slice(0, -1));
  switch (memberName) {
    case 'nextToken':
      return 'The token value used to access the next page of results.';
    case 'maxResults':
      return 'The maximum number of results to return in a single call.';
    case 'name': return `The name of the ${subject}.`;
    case 'description': return `The description of the ${subject}.`;
    case 'status': return `The status of the ${subject}.`;
    case 'createTime': return `The time at which the ${subject} was created.`;
    case 'updateTime': return `The most recent time at which the ${subject} was updated.`;
    case 'tags':
      return 'The optional metadata that you apply to the resource to help you categorize and organize it. ' +
        'Each tag consists of a key and an optional value, both of which you define.';
    case 'tagKeys': return 'The keys of the tags to remove from the resource.';
    default: break;
  }
  if (last === 'ARN' && ws.length > 1) return `The Amazon Resource Name (ARN) of the ${rest}.`;
  if (last === 'identifier' && ws.length > 1) return `The identifier of the ${rest}.`;
  if (last === 'by' && ws.length > 1) return `The account that ${rest} the ${subject}.`;
  const maxMin = (p) => p.replace(/^max /, 'maximum ').replace(/^min /, 'minimum ');
  switch (shape.type) {
    case 'boolean': {
      if (ws[0] === 'is' || ws[0] === 'has') return `Indicates whether the ${subject} ${all}.`;
      return `Indicates whether ${all} is enabled.`;
    }
    case 'timestamp': return `The ${all} of the ${subject}.`;
    case 'list': return `The list of ${plural(maxMin(all))}.`;
    case 'map': return `A map of ${maxMin(all)}.`;
    case 'integer': case 'long': case 'double': case 'float':
      return `The ${maxMin(all)}.`;
    default: return `The ${maxMin(all)}.`;
  }
}

function listMemberDescription(shapeName) {
  const base = shapeName.replace(/(Summary|Details)$/, '') || shapeName;
  return `Information about ${withArticle(phrase(words(base)))}.`;
}

// ------------------------------------------------------------------------------------------------
// The seed page

/** Undoes Latin-1 mojibake of UTF-8 text: `Â¶` → `¶`; a lone `â` whose continuation bytes were lost
 * (it was `’`, as in `commandâs`) → `'`. Typographic quotes become ASCII ones, as in the CLI's source. */
export function fixMojibake(text) {
  let s = text.replace(/[\u00c2-\u00f4][\u0080-\u00bf]+/g, (run) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(run, 'latin1'));
    } catch {
      return run;
    }
  });
  s = s.replace(/(\w)\u00e2(\w)/g, "$1'$2").replace(/\u00e2/g, '-');
  return s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u00b6/g, '');
}

/** The seed page as sections → lines. */
function seedSections(text) {
  const sections = new Map();
  let current = '';
  let inCode = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.startsWith('```')) inCode = !inCode;
    if (!inCode && /^## /.test(line)) {
      current = line.slice(3).trim();
      sections.set(current, []);
      continue;
    }
    if (current) sections.get(current).push(line);
  }
  return sections;
}

/** Lines → blocks: {kind:'para'|'code'|'bullets', text|lines}. */
function blocks(lines) {
  const out = [];
  let para = [];
  let code = null;
  const flush = () => {
    if (para.length) out.push({ kind: 'para', text: para.join(' ') });
    para = [];
  };
  for (const line of lines) {
    if (code) {
      if (line.startsWith('```')) { out.push({ kind: 'code', lines: code }); code = null; } else code.push(line);
      continue;
    }
    if (line.startsWith('```')) { flush(); code = []; continue; }
    if (line.trim() === '') { flush(); continue; }
    if (/^- /.test(line)) {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'bullets') last.lines.push(line.slice(2));
      else out.push({ kind: 'bullets', lines: [line.slice(2)] });
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return out;
}

const OPTION_HEAD = /^`(--[a-z0-9-]+)`(?: \| `--[a-z0-9-]+`)* \(([a-z]+)\)$/;
const ENTRY_HEAD = /^(?:([A-Za-z0-9_]+) -> )?\(([a-z]+)\)$/;

/** A run of blocks → { doc, entries: [{name, type, doc}] } (stops at the syntax examples). */
function entriesOf(bs) {
  const res = { doc: [], entries: [] };
  let target = res.doc;
  for (const b of bs) {
    if (b.kind === 'para' && /^(Shorthand Syntax|JSON Syntax|Syntax):?$/.test(b.text)) break;
    const m = b.kind === 'para' ? ENTRY_HEAD.exec(b.text) : null;
    if (m) {
      const e = { name: m[1] ?? null, type: m[2], doc: [] };
      res.entries.push(e);
      target = e.doc;
      continue;
    }
    if (b.kind === 'code') continue;
    target.push(b);
  }
  return res;
}

const docText = (bs) => bs.map((b) => (b.kind === 'bullets' ? b.lines.map((l) => `- ${l}`).join('\n') : b.text)).join('\n\n');

function parseSeed(text) {
  const sections = seedSections(fixMojibake(text));
  const titleLine = text.split('\n').find((l) => /^# [a-z0-9-]+/.test(fixMojibake(l)));
  const command = fixMojibake(titleLine ?? '').replace(/^# /, '').trim();
  const description = blocks(sections.get('Description') ?? []).filter((b) => !(b.kind === 'para' && /^See also:/.test(b.text)));
  const options = new Map();
  let cur = null;
  let lines = [];
  const flushOpt = () => {
    if (cur) options.set(cur.name, { type: cur.type, ...entriesOf(blocks(lines)) });
    lines = [];
  };
  for (const line of sections.get('Options') ?? []) {
    const m = OPTION_HEAD.exec(line.trim());
    if (m) { flushOpt(); cur = { name: m[1], type: m[2] }; continue; }
    lines.push(line);
  }
  flushOpt();
  const output = entriesOf(blocks(sections.get('Output') ?? []));
  return { command, description: docText(description), options, output };
}

// ------------------------------------------------------------------------------------------------
// Walking the model in the AWS CLI's documentation order

const xformName = (name) => name.replace(/(.)([A-Z][a-z]+)/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The nested entries the AWS CLI documents below a shape, in order: [{name, type, key}]. */
function nestedEntries(shapes, shapeName, stack = []) {
  const shape = shapes[shapeName];
  if (stack.includes(shapeName)) return [];
  const out = [];
  const visit = (name, type, key, target) => {
    out.push({ name, type, key });
    out.push(...nestedEntries(shapes, target, [...stack, shapeName]));
  };
  if (shape.type === 'structure') {
    for (const [m, ref] of Object.entries(shape.members ?? {})) visit(m, shapes[ref.shape].type, `${shapeName}$${m}`, ref.shape);
  } else if (shape.type === 'list') {
    visit(null, shapes[shape.member.shape].type, `${shapeName}$member`, shape.member.shape);
  } else if (shape.type === 'map') {
    visit('key', shapes[shape.key.shape].type, `${shapeName}$key`, shape.key.shape);
    visit('value', shapes[shape.value.shape].type, `${shapeName}$value`, shape.value.shape);
  }
  return out;
}

/** Assigns the seed's nested entries to the model's, in order, matching name and type. */
function assignNested(docs, expected, found, where) {
  let i = 0;
  for (const e of found) {
    while (i < expected.length && !(expected[i].name === e.name && expected[i].type === e.type)) i++;
    if (i === expected.length) {
      console.warn(`gen-docs: ${where}: seed entry ${e.name ?? ''} (${e.type}) not in the model`);
      return;
    }
    if (e.doc.length) docs.members[expected[i].key] = docText(e.doc);
    i++;
  }
}

// ------------------------------------------------------------------------------------------------

export function generateDocs(service, seedText) {
  const { shapes, operations } = service;
  const docs = { service: '', operations: {}, members: {} };
  const owners = new Map();
  for (const op of Object.values(operations)) {
    if (op.input) owners.set(op.input.shape, op.name);
    if (op.output) owners.set(op.output.shape, op.name);
  }

  // 1. The seed.
  if (seedText) {
    const seed = parseSeed(seedText);
    const op = Object.values(operations).find((o) => xformName(o.name) === seed.command);
    if (!op) throw new Error(`gen-docs: the seed documents ${seed.command}, which the model lacks`);
    if (seed.description) docs.operations[op.name] = seed.description;
    const input = shapes[op.input.shape];
    for (const [member, ref] of Object.entries(input.members ?? {})) {
      const opt = seed.options.get(`--${xformName(member)}`);
      if (!opt) continue;
      if (opt.doc.length) docs.members[`${op.input.shape}$${member}`] = docText(opt.doc);
      assignNested(docs, nestedEntries(shapes, ref.shape), opt.entries, `--${xformName(member)}`);
    }
    if (op.output) assignNested(docs, nestedEntries(shapes, op.output.shape), seed.output.entries, 'output');
  }

  // 2. Generated texts for the rest.
  const meta = service.metadata;
  docs.service = `${meta.serviceFullName} (API version ${meta.apiVersion}). ` +
    'Each command below is one operation of the service; run `aws cleanroomsml <command> help` for its options.';
  for (const name of Object.keys(operations)) docs.operations[name] ??= operationDescription(name);
  for (const [shapeName, shape] of Object.entries(shapes)) {
    if (shape.exception) continue;
    if (shape.type === 'structure') {
      for (const [m, ref] of Object.entries(shape.members ?? {})) {
        docs.members[`${shapeName}$${m}`] ??= memberDescription(m, shapes[ref.shape], shapeName, owners);
      }
    } else if (shape.type === 'list' && shapes[shape.member.shape].type === 'structure') {
      docs.members[`${shapeName}$member`] ??= listMemberDescription(shape.member.shape);
    }
  }
  const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { service: docs.service, operations: sorted(docs.operations), members: sorted(docs.members) };
}

export function writeDocs(service, seedDir) {
  let seedText = '';
  if (existsSync(seedDir)) {
    for (const f of readdirSync(seedDir).filter((n) => n.endsWith('.md')).sort()) {
      seedText = readFileSync(join(seedDir, f), 'utf8');
    }
  }
  const docs = generateDocs(service, seedText);
  const body = '// GENERATED by scripts/gen-docs.mjs from the service model and the seed command\'s reference page.\n' +
    '// Do not edit by hand: change the generator and run `npm run gen:model`. Only the help bundle and the\n' +
    '// prompt (through it) import this module: it stays out of the start-up path.\n' +
    'export interface ModelDocs {\n  service: string;\n  /** By operation name. */\n  operations: Record<string, string>;\n' +
    '  /** `Shape$member`, `List$member`, `Map$key`, `Map$value`. */\n  members: Record<string, string>;\n}\n\n' +
    `export const DOCS: ModelDocs = JSON.parse(${JSON.stringify(JSON.stringify(docs))});\n`;
  writeFileSync(join(root, 'src', 'model', 'docs.generated.ts'), body);
  console.log(`wrote src/model/docs.generated.ts: ${Object.keys(docs.operations).length} operations, ${Object.keys(docs.members).length} member texts`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const model = join(root, 'vendor', 'botocore-2.36.7', 'cleanroomsml', '2023-09-06', 'service-2.json');
  writeDocs(JSON.parse(readFileSync(model, 'utf8')), join(root, 'vendor', 'seed'));
}
