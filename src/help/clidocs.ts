// The help pages' reStructuredText, written as the AWS CLI writes it (awscli/clidocs.py and the
// documentation events of bcdoc/docevents.py, with the pagination and example customizations): the
// operation pages (`aws cleanroomsml OP help`), the service page (`aws cleanroomsml help`) and the
// top-level page (`aws help`). The model's HTML documentation goes through the same writer.
import { argumentTable, type CliArgument } from '../params/arguments';
import { CLI_VERSION } from '../model/version';
import { getShape, MODEL, operationsByCliName, paginatorFor, SERVICE_CLI_NAME } from '../model';
import { isFloatBound, operationDoc, refDoc, serviceDoc, shapeDoc } from '../model/docs.generated';
import { pyFloatRepr } from '../py/repr';
import { pySplitlines } from '../py/str';
import type { Operation, Shape, ShapeRef } from '../model/types';
import { ReSTDocument } from './bcdoc';
import { parseRst } from './rst';
import { astext, isTextElement, type RNode } from './doctree';
import * as T from './texts';

/** awscli's SCALAR_TYPES. */
const SCALAR_TYPES = new Set(['string', 'float', 'integer', 'long', 'boolean', 'double', 'blob', 'timestamp']);
const COMPLEX_TYPES = new Set(['structure', 'list', 'map']);

/**
 * A shape as botocore hands it to the documentation code: the target shape of a reference, named
 * after it, with the reference's own documentation (and serialized name) in place of the shape's.
 */
interface DocShape {
  name: string;
  shape: Shape;
  documentation: string;
  /** The serialized name (a map key's or value's `locationName`), if any. */
  serializedName?: string;
  /** Which bounds the model writes as floats; by default the named shape's. */
  floatBounds?: ('min' | 'max')[];
}

function byName(name: string): DocShape {
  return { name, shape: getShape(name), documentation: shapeDoc(name) };
}

/** The shape a reference resolves to (`owner$member` names the reference's own documentation). */
function resolve(owner: string, member: string, ref: ShapeRef): DocShape {
  const own = refDoc(owner, member);
  return {
    name: ref.shape,
    shape: getShape(ref.shape),
    documentation: own ?? shapeDoc(ref.shape),
    ...(ref.locationName !== undefined && { serializedName: ref.locationName }),
  };
}

const members = (s: DocShape): [string, DocShape][] =>
  Object.entries(s.shape.members ?? {}).map(([m, ref]) => [m, resolve(s.name, m, ref)]);
const listMember = (s: DocShape) => resolve(s.name, 'member', s.shape.member!);
const mapKey = (s: DocShape) => resolve(s.name, 'key', s.shape.key!);
const mapValue = (s: DocShape) => resolve(s.name, 'value', s.shape.value!);

const isDocumentType = (s: Shape) => s.type === 'structure' && (s as { document?: boolean }).document === true;
const isTaggedUnion = (s: Shape) => s.union === true;

function isDocumentTypeContainer(s: Shape): boolean {
  let cur = s;
  while (cur.type === 'list' || cur.type === 'map') cur = getShape(cur.type === 'list' ? cur.member! : cur.value!);
  return isDocumentType(cur);
}

/** awscli.utils.operation_uses_document_types. */
function usesDocumentTypes(shape: Shape | undefined, seen = new Set<Shape>()): boolean {
  if (!shape || seen.has(shape)) return false;
  seen.add(shape);
  if (isDocumentType(shape)) return true;
  if (shape.type === 'structure') return Object.values(shape.members ?? {}).some((r) => usesDocumentTypes(getShape(r), seen));
  if (shape.type === 'list') return usesDocumentTypes(getShape(shape.member!), seen);
  if (shape.type === 'map') return usesDocumentTypes(getShape(shape.value!), seen);
  return false;
}

/** The documented argument, as the AWS CLI's argument table entry exposes it to clidocs. */
interface DocArgument {
  cliName: string;
  /** The type shown when the model has nothing more specific (cli_type_name). */
  cliTypeName: string;
  required: boolean;
  groupName?: string;
  documentation: string;
  /** The argument's model: a member's shape, a paging option's synthetic shape, or none. */
  model?: DocShape;
}

/** The operation's argument table, in the AWS CLI's order, as the documentation sees it. */
function docArguments(op: Operation): DocArgument[] {
  const table = argumentTable(op).filter((a) => a.documented);
  const input = op.input ? op.input.shape : '';
  const out: DocArgument[] = [];
  const add = (a: CliArgument) => {
    if (a.kind === 'member') {
      const model = resolve(input, a.member!, a.ref!);
      const type = model.shape.type;
      const base = { cliTypeName: type, documentation: model.documentation, model };
      if (type === 'boolean') {
        out.push({ ...base, cliName: `--${a.name}`, required: a.required, groupName: a.name });
        out.push({ ...base, cliName: `--no-${a.name}`, required: false, groupName: a.name });
      } else {
        out.push({ ...base, cliName: `--${a.name}`, required: a.required });
      }
    } else if (a.kind === 'page') {
      const help = a.pageKey === 'StartingToken' ? T.STARTING_TOKEN_HELP
        : a.pageKey === 'PageSize' ? T.PAGE_SIZE_HELP : T.MAX_ITEMS_HELP;
      const type = a.pageType ?? 'integer';
      // paginate.PageArgument: a shape of the parse type with the limit member's min and max.
      const shape: Shape = { type: type as Shape['type'] };
      const floatBounds: ('min' | 'max')[] = [];
      if (a.pageKey === 'PageSize') {
        const pag = paginatorFor(op)!;
        const limitRef = getShape(input).members![pag.limit_key!];
        const limit = getShape(limitRef);
        for (const k of ['min', 'max'] as const) {
          if (limit[k] !== undefined) {
            shape[k] = limit[k];
            if (isFloatBound(limitRef.shape, k)) floatBounds.push(k);
          }
        }
      }
      out.push({
        cliName: `--${a.name}`, cliTypeName: type, required: false, documentation: help,
        model: { name: 'PageArgument', shape, documentation: '', floatBounds },
      });
    } else if (a.kind === 'cli-input-json') {
      out.push({ cliName: '--cli-input-json', cliTypeName: 'string', required: false, groupName: 'cli_input', documentation: T.CLI_INPUT_JSON_HELP });
    } else if (a.kind === 'cli-input-yaml') {
      out.push({ cliName: '--cli-input-yaml', cliTypeName: 'string', required: false, groupName: 'cli_input', documentation: T.CLI_INPUT_YAML_HELP });
    } else {
      out.push({ cliName: '--generate-cli-skeleton', cliTypeName: 'string', required: false, documentation: T.GENERATE_CLI_SKELETON_HELP });
    }
  };
  // The arguments in the order the AWS CLI's table has them: the members, --cli-input-json and
  // --cli-input-yaml, the paging options (they replace the paginated members), --generate-cli-skeleton.
  const kinds: CliArgument['kind'][][] = [['member'], ['cli-input-json', 'cli-input-yaml'], ['page'], ['skeleton']];
  for (const ks of kinds) for (const a of table) if (ks.includes(a.kind)) add(a);
  return out;
}

/** A bound as Python prints it: an int, or a float's repr when the model writes a float. */
function boundText(s: DocShape, k: 'min' | 'max'): string {
  const v = s.shape[k]!;
  const float = s.floatBounds ? s.floatBounds.includes(k) : isFloatBound(s.name, k);
  return float ? pyFloatRepr(v) : String(v);
}

function typeName(s: DocShape | undefined, fallback: string): string {
  if (!s) return fallback;
  if (isDocumentType(s.shape)) return 'document';
  if (isTaggedUnion(s.shape)) return 'tagged union structure';
  return fallback;
}

class PageWriter {
  readonly doc = new ReSTDocument();
  private groups = new Map<string, DocArgument[]>();
  private documentedGroups: string[] = [];

  constructor(private readonly args: DocArgument[] = []) {
    for (const a of args) if (a.groupName !== undefined) this.groups.set(a.groupName, [...(this.groups.get(a.groupName) ?? []), a]);
  }

  title(eventClass: string, name: string): void {
    const doc = this.doc;
    doc.style.newParagraph();
    const ref = eventClass.replace(/\./g, ' ');
    const reference = ref === 'aws' ? ref : `aws ${ref}`;
    doc.writeln(`.. _cli:${reference}:`);
    doc.style.h1(name);
  }

  synopsis(name: string): void {
    const doc = this.doc;
    this.documentedGroups = [];
    doc.style.h2('Synopsis');
    doc.style.startCodeblock();
    doc.writeln(name);
    for (const a of this.args) {
      let option: string;
      if (a.groupName !== undefined && this.groups.has(a.groupName)) {
        if (this.documentedGroups.includes(a.groupName)) continue;
        option = this.groups.get(a.groupName)!.map((x) => x.cliName).join(' | ');
        this.documentedGroups.push(a.groupName);
      } else {
        option = `${a.cliName} <value>`;
      }
      doc.writeln(a.required ? option : `[${option}]`);
    }
    doc.writeFromText(T.GLOBAL_SYNOPSIS_RST);
    doc.style.endCodeblock();
    this.documentedGroups = [];
  }

  options(): void {
    const doc = this.doc;
    doc.style.h2('Options');
    if (!this.args.length) doc.write('*None*\n');
    for (const a of this.args) {
      this.option(a);
      this.optionExample(a);
    }
  }

  private option(a: DocArgument): void {
    const doc = this.doc;
    const required = a.required ? ' [required]' : '';
    let name: string;
    if (a.groupName !== undefined && this.groups.has(a.groupName)) {
      if (this.documentedGroups.includes(a.groupName)) return;
      name = this.groups.get(a.groupName)!.map((x) => `\`\`${x.cliName}\`\``).join(' | ');
      this.documentedGroups.push(a.groupName);
    } else {
      name = `\`\`${a.cliName}\`\``;
    }
    doc.write(`${name} (${typeName(a.model, a.cliTypeName)})${required}\n`);
    doc.style.indent();
    doc.includeDocString(a.documentation);
    if (a.model) {
      if (isTaggedUnion(a.model.shape)) this.taggedUnionNote(a.model);
      this.enums(a.model);
      this.constraints(a.model);
      this.nestedStructure(a.model);
    }
    doc.style.dedent();
    doc.style.newParagraph();
  }

  private optionExample(a: DocArgument): void {
    const doc = this.doc;
    if (a.groupName !== undefined && this.groups.has(a.groupName) && this.documentedGroups.includes(a.groupName)) return;
    const model = a.model;
    if (model && supportsShorthand(model.shape)) {
      const example = shorthandExample(model);
      if (example === undefined) return;
      if (example) {
        doc.style.newParagraph();
        doc.write('Shorthand Syntax');
        doc.style.startCodeblock();
        for (const line of pySplitlines(example)) doc.writeln(line);
        doc.style.endCodeblock();
      }
    }
    if (model && model.shape.type === 'list' && SCALAR_TYPES.has(getShape(model.shape.member!).type)) {
      const member = listMember(model);
      doc.style.newParagraph();
      doc.write('Syntax');
      doc.style.startCodeblock();
      const t = jsonValueName(member.shape, false);
      doc.write(`${t} ${t} ...`);
      doc.style.endCodeblock();
      doc.style.newParagraph();
    } else if (!SCALAR_TYPES.has(a.cliTypeName)) {
      doc.style.newParagraph();
      doc.write('JSON Syntax');
      doc.style.startCodeblock();
      this.jsonExample(model!, []);
      doc.style.endCodeblock();
      doc.style.newParagraph();
    }
  }

  private taggedUnionNote(s: DocShape): void {
    const doc = this.doc;
    doc.style.startNote();
    const names = Object.keys(s.shape.members ?? {}).map((k) => `\`\`${k}\`\``).join(', ');
    doc.writeln(`This is a Tagged Union structure. Only one of the following top level keys can be set: ${names}.`);
    doc.style.endNote();
  }

  private enums(s: DocShape): void {
    const doc = this.doc;
    if (s.shape.type !== 'string' || !s.shape.enum?.length) return;
    doc.style.newParagraph();
    doc.write('Possible values:');
    doc.style.startUl();
    for (const e of s.shape.enum) doc.style.li(`\`\`${e}\`\``);
    doc.style.endUl();
  }

  private constraints(s: DocShape): void {
    const doc = this.doc;
    const present = (['min', 'max', 'pattern'] as const).filter((k) => s.shape[k] !== undefined && s.shape[k] !== null);
    if (!present.length) return;
    doc.style.newParagraph();
    doc.write('Constraints:');
    doc.style.startUl();
    for (const k of present) doc.style.li(`${k}: \`\`${k === 'pattern' ? s.shape.pattern : boundText(s, k)}\`\``);
    doc.style.endUl();
  }

  private nestedStructure(s: DocShape): void {
    const t = s.shape.type;
    if (t === 'structure') {
      const required = new Set(s.shape.required ?? []);
      for (const [m, ms] of members(s)) this.member(m, ms, [s.name], required.has(m));
    } else if (t === 'list') {
      this.member('', listMember(s), [s.name], false);
    } else if (t === 'map') {
      const key = mapKey(s);
      this.member(key.serializedName ?? 'key', key, [s.name], false);
      const value = mapValue(s);
      this.member(value.serializedName ?? 'value', value, [s.name], false);
    }
  }

  member(name: string, s: DocShape, stack: string[], required: boolean): void {
    if (stack.includes(s.name)) {
      if (stack.filter((x) => x === s.name).length > 1) {
        if (s.shape.type === 'structure') this.doc.write('( ... recursive ... )');
        return;
      }
    }
    stack.push(s.name);
    try {
      this.doMember(name, s, stack, required);
    } finally {
      stack.pop();
    }
  }

  private doMember(name: string, s: DocShape, stack: string[], required: boolean): void {
    const doc = this.doc;
    const type = typeName(s, s.shape.type);
    let head = name ? `${name} -> (${type})` : `(${type})`;
    if (required) head += ' [required]';
    doc.write(head);
    doc.style.indent();
    doc.style.newParagraph();
    doc.includeDocString(s.documentation);
    if (isTaggedUnion(s.shape)) this.taggedUnionNote(s);
    this.enums(s);
    this.constraints(s);
    doc.style.newParagraph();
    const t = s.shape.type;
    if (t === 'structure') {
      const req = new Set(s.shape.required ?? []);
      for (const [m, ms] of members(s)) this.member(m, ms, stack, req.has(m));
    } else if (t === 'map') {
      const key = mapKey(s);
      this.member(key.serializedName ?? 'key', key, stack, false);
      const value = mapValue(s);
      this.member(value.serializedName ?? 'value', value, stack, false);
    } else if (t === 'list') {
      this.member('', listMember(s), stack, false);
    }
    doc.style.dedent();
    doc.style.newParagraph();
  }

  private jsonExample(s: DocShape, stack: string[]): void {
    if (stack.includes(s.name) && stack.filter((x) => x === s.name).length > 1) {
      if (s.shape.type === 'structure') this.doc.write('{ ... recursive ... }');
      return;
    }
    stack.push(s.name);
    try {
      this.doJsonExample(s, stack);
    } finally {
      stack.pop();
    }
  }

  private doJsonExample(s: DocShape, stack: string[]): void {
    const doc = this.doc;
    const t = s.shape.type;
    if (t === 'list') {
      const member = listMember(s);
      doc.write('[');
      if (SCALAR_TYPES.has(member.shape.type)) {
        doc.write(`${jsonValueName(member.shape)}, ...`);
      } else {
        doc.style.indent();
        doc.style.newLine();
        this.jsonExample(member, stack);
        doc.style.newLine();
        doc.write('...');
        doc.style.dedent();
        doc.style.newLine();
      }
      doc.write(']');
    } else if (t === 'map') {
      doc.write('{');
      doc.style.indent();
      doc.write(`${jsonValueName(mapKey(s).shape)}: `);
      const value = mapValue(s);
      if (SCALAR_TYPES.has(value.shape.type)) {
        doc.write(jsonValueName(value.shape));
      } else {
        doc.style.indent();
        this.jsonExample(value, stack);
        doc.style.dedent();
      }
      doc.style.newLine();
      doc.write('...');
      doc.style.dedent();
      doc.write('}');
    } else if (t === 'structure') {
      if (isDocumentType(s.shape)) {
        doc.write('{...}');
        return;
      }
      doc.write('{');
      doc.style.indent();
      doc.style.newLine();
      const ms = members(s);
      ms.forEach(([m, ms2], i) => {
        const mt = ms2.shape.type;
        if (SCALAR_TYPES.has(mt)) {
          doc.write(`"${m}": ${jsonValueName(ms2.shape)}`);
        } else if (COMPLEX_TYPES.has(mt)) {
          doc.write(`"${m}": `);
          this.jsonExample(ms2, stack);
        }
        if (i < ms.length - 1) {
          doc.write(',');
          doc.style.newLine();
        }
      });
      doc.style.dedent();
      doc.style.newLine();
      doc.write('}');
    }
  }

  output(op: Operation): void {
    const doc = this.doc;
    doc.style.h2('Output');
    const out = op.output ? byName(op.output.shape) : undefined;
    if (!out || !Object.keys(out.shape.members ?? {}).length) {
      doc.write('None');
      return;
    }
    for (const [m, ms] of members(out)) this.member(m, ms, [], false);
  }
}

/** The sample value of a scalar in a JSON example (clidocs._json_example_value_name). */
function jsonValueName(s: Shape, includeEnumValues = true): string {
  if (s.type === 'string') {
    if (s.enum?.length && includeEnumValues) return s.enum.map((c) => `"${c}"`).join('|');
    return '"string"';
  }
  if (s.type === 'boolean') return 'true|false';
  return s.type;
}

// argprocess.ParamShorthandDocGen: the "Shorthand Syntax" example of an option.

/** argprocess._supports_shorthand_syntax. */
function supportsShorthand(s: Shape): boolean {
  if (isDocumentTypeContainer(s)) return false;
  if (!COMPLEX_TYPES.has(s.type)) return false;
  if (s.type === 'list') return COMPLEX_TYPES.has(getShape(s.member!).type);
  return true;
}

class TooComplexError extends Error {}
const MAX_STACK = 3;

/** The example text; '' when too complex to show; undefined when the AWS CLI documents no syntax. */
function shorthandExample(model: DocShape): string | undefined {
  const ms = model.shape.members ?? {};
  if (model.shape.type === 'structure' && Object.keys(ms).length === 1 && ms.Value && getShape(ms.Value).type === 'string') {
    return undefined;
  }
  try {
    if (model.shape.type === 'list') return `${shorthandDocs(listMember(model), [])} ...`;
    return shorthandDocs(model, []);
  } catch (e) {
    if (e instanceof TooComplexError) return '';
    throw e;
  }
}

function shorthandDocs(s: DocShape, stack: string[]): string {
  if (stack.length > MAX_STACK) throw new TooComplexError();
  const t = s.shape.type;
  if (t === 'structure') {
    const parts: string[] = [];
    for (const [m, ms] of members(s)) {
      if (isDocumentTypeContainer(ms.shape)) continue;
      if (stack.includes(ms.name)) {
        // (argprocess writes the marker without the member's name.)
        parts.push('( ... recursive ... )');
        continue;
      }
      stack.push(ms.name);
      try {
        parts.push(`${m}=${shorthandDocs(ms, stack)}`);
      } finally {
        stack.pop();
      }
    }
    const inner = parts.join(',');
    return stack.length ? `{${inner}}` : inner;
  }
  if (t === 'list') {
    const member = listMember(s);
    stack.push(member.name);
    let element: string;
    try {
      element = shorthandDocs(member, stack);
    } finally {
      stack.pop();
    }
    return COMPLEX_TYPES.has(member.shape.type) || stack.length > 1 ? `[${element},${element}]` : `${element},${element}`;
  }
  if (t === 'map') {
    const key = mapKey(s);
    const value = mapValue(s);
    stack.push(value.name);
    let valueDocs: string;
    try {
      valueDocs = shorthandDocs(value, stack);
    } finally {
      stack.pop();
    }
    let start = `KeyName1=${valueDocs},KeyName2=${valueDocs}`;
    if (key.shape.enum?.length && !stack.length) {
      start += '\n\nWhere valid key names are:\n';
      for (const e of key.shape.enum) start += `  ${e}\n`;
    } else if (stack.length) {
      start = `{${start}}`;
    }
    return start;
  }
  return t;
}

/** `aws cleanroomsml OP help`'s reStructuredText, or undefined for an unknown operation. */
export function operationRst(cliName: string): string | undefined {
  const op = operationsByCliName().get(cliName);
  if (!op) return undefined;
  const eventClass = `${SERVICE_CLI_NAME}.${cliName}`;
  const w = new PageWriter(docArguments(op));
  const doc = w.doc;
  doc.writeln('.. meta::');
  doc.writeln(`   :description: Use the AWS CLI ${CLI_VERSION} to run the ${eventClass.replace(/\./g, ' ')} command.`);
  doc.writeln('');
  w.title(eventClass, cliName);
  // Description: the operation's documentation, the API reference cross-link, the document types
  // note, then (paginate.add_paging_description) the pagination note.
  doc.style.h2('Description');
  doc.includeDocString(operationDoc(op.name));
  const uid = MODEL.metadata.uid;
  if (uid !== undefined) {
    doc.style.newParagraph();
    doc.write('See also: ');
    doc.style.externalLink('AWS API Documentation');
    doc.writeln('');
  }
  if (usesDocumentTypes(op.input && getShape(op.input.shape)) || usesDocumentTypes(op.output && getShape(op.output.shape))) {
    doc.style.newParagraph();
    doc.writeln(`\`\`${cliName}\`\` uses document type values. Document types follow the JSON data model where valid ` +
      'values are: strings, numbers, booleans, null, arrays, and objects. For command input, options and nested ' +
      'parameters that are labeled with the type ``document`` must be provided as JSON. Shorthand syntax does not ' +
      'support document types.');
  }
  const pag = paginatorFor(op);
  if (pag) {
    doc.style.newParagraph();
    doc.writeln(`\`\`${cliName}\`\` is a paginated operation. Multiple API calls may be issued in order to retrieve the ` +
      'entire data set of results. You can disable pagination by providing the ``--no-paginate`` argument.');
    if (pag.result_key) {
      const keys = (Array.isArray(pag.result_key) ? pag.result_key : [pag.result_key]).map((k) => `\`\`${k}\`\``).join(', ');
      doc.writeln('When using ``--output text`` and the ``--query`` argument on a paginated response, the ``--query`` ' +
        `argument must extract data from the results of the following query expressions: ${keys}`);
    }
  }
  w.synopsis(cliName);
  w.options();
  doc.style.h2('Global Options');
  doc.writeFromText(T.GLOBAL_OPTIONS_RST);
  w.output(op);
  return doc.getValue();
}

/** `aws cleanroomsml help`'s reStructuredText. */
export function serviceRst(): string {
  const w = new PageWriter();
  const doc = w.doc;
  doc.writeln('.. meta::');
  doc.writeln(`   :description: Learn about the AWS CLI ${CLI_VERSION} ${SERVICE_CLI_NAME} commands.`);
  doc.writeln('');
  w.title(SERVICE_CLI_NAME, SERVICE_CLI_NAME);
  doc.style.h2('Description');
  doc.includeDocString(serviceDoc());
  doc.style.h2('Available Commands');
  doc.style.toctree();
  for (const name of [...operationsByCliName().keys(), 'help'].sort()) doc.style.tocitem(name);
  return doc.getValue();
}

/** `aws help`'s reStructuredText: the AWS CLI's, with the services this command line has. */
export function providerRst(): string {
  const w = new PageWriter();
  const doc = w.doc;
  w.title('aws', 'aws');
  doc.style.h2('Description');
  doc.includeDocString(T.AWS_DESCRIPTION);
  doc.style.newParagraph();
  doc.style.h2('Synopsis');
  doc.style.codeblock(T.AWS_SYNOPSIS);
  doc.includeDocString(T.AWS_HELP_USAGE);
  doc.style.newParagraph();
  doc.style.h2('Global Options');
  doc.writeFromText(T.GLOBAL_OPTIONS_RST);
  doc.style.h2('Available Services');
  doc.style.toctree();
  doc.style.tocitem(SERVICE_CLI_NAME);
  return doc.getValue();
}

/** An operation's or option's documentation as one line of plain text (for the prompt). */
export function docText(html: string): string {
  const doc = new ReSTDocument();
  doc.includeDocString(html);
  const tree = parseRst(doc.getValue());
  // The text without docutils' messages (a paragraph's inline text as it is, blocks apart).
  const text = (n: RNode): string => (n.type === 'system_message' ? '' : n.type === '#text' || isTextElement(n) ? astext(n)
    : n.children.map(text).join(' '));
  return text(tree).replace(/\s+/g, ' ').trim();
}

export { docArguments, type DocArgument };
