// The "Shorthand Syntax" and "JSON Syntax" examples of an option's help, generated from its shape as
// the AWS CLI's documentation generator writes them (ParamShorthandDocGen and the JSON example writer).
import { getShape } from '../model';
import type { Shape } from '../model/types';

export const SCALAR_TYPES = new Set(['string', 'float', 'integer', 'long', 'boolean', 'double', 'blob', 'timestamp']);
const COMPLEX_TYPES = new Set(['structure', 'map', 'list']);

/** A shape with its name, as botocore's shape objects carry it (recursion is detected by name). */
interface Named {
  name: string;
  shape: Shape;
}

const named = (name: string): Named => ({ name, shape: getShape(name) });

const isDocumentType = (s: Shape) => s.type === 'structure' && (s as { document?: boolean }).document === true;

function isDocumentTypeContainer(s: Shape): boolean {
  let cur = s;
  while (cur.type === 'list' || cur.type === 'map') {
    const next = cur.type === 'list' ? cur.member : cur.value;
    if (!next) return false;
    cur = getShape(next);
  }
  return isDocumentType(cur);
}

/** The AWS CLI's _supports_shorthand_syntax: complex shapes that are not documents. */
export function supportsShorthand(s: Shape): boolean {
  if (isDocumentTypeContainer(s)) return false;
  if (s.type === 'list') return COMPLEX_TYPES.has(getShape(s.member!).type);
  return s.type === 'structure' || s.type === 'map';
}

class TooComplexError extends Error {}

const MAX_STACK = 3;

function shorthandDocs(m: Named, stack: string[]): string {
  if (stack.length > MAX_STACK) throw new TooComplexError();
  const s = m.shape;
  if (s.type === 'structure') {
    const parts: string[] = [];
    for (const [name, ref] of Object.entries(s.members ?? {})) {
      const member = named(ref.shape);
      if (isDocumentTypeContainer(member.shape)) continue;
      parts.push(memberDocs(name, member, stack));
    }
    const inner = parts.join(',');
    return stack.length ? `{${inner}}` : inner;
  }
  if (s.type === 'list') {
    const member = named(s.member!.shape);
    stack.push(member.name);
    let element: string;
    try {
      element = shorthandDocs(member, stack);
    } finally {
      stack.pop();
    }
    return COMPLEX_TYPES.has(member.shape.type) || stack.length > 1 ? `[${element},${element}]` : `${element},${element}`;
  }
  if (s.type === 'map') {
    const key = getShape(s.key!);
    const value = shorthandDocs(named(s.value!.shape), stack);
    let start = `KeyName1=${value},KeyName2=${value}`;
    if (key.enum && !stack.length) {
      start += '\n\nWhere valid key names are:\n';
      for (const e of key.enum) start += `  ${e}\n`;
    } else if (stack.length) {
      start = `{${start}}`;
    }
    return start;
  }
  return s.type;
}

function memberDocs(name: string, m: Named, stack: string[]): string {
  if (stack.includes(m.name)) return '( ... recursive ... )';
  stack.push(m.name);
  try {
    return `${name}=${shorthandDocs(m, stack)}`;
  } finally {
    stack.pop();
  }
}

export type Example =
  | { kind: 'none' }
  | { kind: 'skip' }
  | { kind: 'shorthand'; text: string };

/** The shorthand example of a top-level option's shape: text, '' when too complex, or 'skip' when the
 * AWS CLI documents no syntax at all for it (a structure whose only member is a string `Value`). */
export function shorthandExample(shapeName: string): Example {
  const m = named(shapeName);
  if (!supportsShorthand(m.shape)) return { kind: 'none' };
  const members = m.shape.members ?? {};
  if (m.shape.type === 'structure' && Object.keys(members).length === 1 && members.Value &&
    getShape(members.Value).type === 'string') {
    return { kind: 'skip' };
  }
  try {
    if (m.shape.type === 'list') return { kind: 'shorthand', text: `${shorthandDocs(named(m.shape.member!.shape), [])} ...` };
    return { kind: 'shorthand', text: shorthandDocs(m, []) };
  } catch (e) {
    if (e instanceof TooComplexError) return { kind: 'none' };
    throw e;
  }
}

/** The sample value of a scalar in the JSON example. */
export function jsonValueName(s: Shape, includeEnumValues = true): string {
  if (s.type === 'string') {
    if (s.enum && includeEnumValues) return s.enum.map((c) => `"${c}"`).join('|');
    return '"string"';
  }
  if (s.type === 'boolean') return 'true|false';
  return s.type;
}

/** Builds text with the documentation writer's indentation rules (two spaces a level). */
class Writer {
  out = '';
  private level = 0;
  write(s: string): void {
    this.out += s;
  }
  indent(): void {
    this.level++;
  }
  dedent(): void {
    if (this.level > 0) this.level--;
  }
  newLine(): void {
    this.out += `\n${'  '.repeat(this.level)}`;
  }
}

function jsonExample(w: Writer, m: Named, stack: string[]): void {
  if (stack.includes(m.name)) {
    if (stack.filter((n) => n === m.name).length > 1) {
      if (m.shape.type === 'structure') w.write('{ ... recursive ... }');
      return;
    }
  }
  stack.push(m.name);
  try {
    doJsonExample(w, m, stack);
  } finally {
    stack.pop();
  }
}

function doJsonExample(w: Writer, m: Named, stack: string[]): void {
  const s = m.shape;
  if (s.type === 'list') {
    const member = named(s.member!.shape);
    w.write('[');
    if (SCALAR_TYPES.has(member.shape.type)) {
      w.write(`${jsonValueName(member.shape)}, ...`);
    } else {
      w.indent();
      w.newLine();
      jsonExample(w, member, stack);
      w.newLine();
      w.write('...');
      w.dedent();
      w.newLine();
    }
    w.write(']');
  } else if (s.type === 'map') {
    const value = named(s.value!.shape);
    w.write('{');
    w.indent();
    w.write(`${jsonValueName(getShape(s.key!))}: `);
    if (SCALAR_TYPES.has(value.shape.type)) {
      w.write(jsonValueName(value.shape));
    } else {
      w.indent();
      jsonExample(w, value, stack);
      w.dedent();
    }
    w.newLine();
    w.write('...');
    w.dedent();
    w.write('}');
  } else if (s.type === 'structure') {
    structureMembers(w, s, stack);
  }
}

function structureMembers(w: Writer, s: Shape, stack: string[]): void {
  w.write('{');
  w.indent();
  w.newLine();
  const members = Object.entries(s.members ?? {});
  members.forEach(([name, ref], i) => {
    const member = named(ref.shape);
    if (SCALAR_TYPES.has(member.shape.type)) {
      w.write(`"${name}": ${jsonValueName(member.shape)}`);
    } else {
      w.write(`"${name}": `);
      jsonExample(w, member, stack);
    }
    if (i < members.length - 1) {
      w.write(',');
      w.newLine();
    } else {
      w.dedent();
      w.newLine();
    }
  });
  if (!members.length) {
    w.dedent();
    w.newLine();
  }
  w.write('}');
}

/** The JSON example of a shape, as the "JSON Syntax" block shows it. */
export function jsonSyntax(shapeName: string): string {
  const w = new Writer();
  jsonExample(w, named(shapeName), []);
  return w.out;
}
