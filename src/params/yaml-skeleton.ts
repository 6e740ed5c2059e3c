// --generate-cli-skeleton yaml-input: the input skeleton as the AWS CLI's YAMLArgumentGenerator
// builds it and ruamel.yaml writes it: model order, `- ` items at the key's indentation, and an
// end-of-line comment per structure member ("[REQUIRED]", the first sentence of its documentation,
// its enum values). ruamel places each comment one space after the value, or two when no earlier key
// of the same mapping carries a comment (its column rule for a comment added without a column).
import { getShape } from '../model';
import type { Operation } from '../model/types';

/** The model's documentation, loaded on this path only (it is large and start-up needs none of it). */
type Docs = typeof import('../model/docs.generated');

type Node =
  | { kind: 'scalar'; text: string }
  | { kind: 'list'; items: Node[] }
  /** A structure (comments allowed) or a map (a plain dict: no comments). */
  | { kind: 'map'; entries: { key: string; value: Node; comment?: string }[] };

function generate(shapeName: string, stack: string[], docs: Docs): Node {
  const s = getShape(shapeName);
  stack.push(shapeName);
  try {
    switch (s.type) {
      case 'structure': {
        if (stack.filter((x) => x === shapeName).length > 1) return { kind: 'map', entries: [] };
        const entries: { key: string; value: Node; comment?: string }[] = [];
        for (const [m, ref] of Object.entries(s.members ?? {})) {
          const target = getShape(ref.shape);
          const value = generate(ref.shape, stack, docs);
          const parts: string[] = [];
          if (s.required?.includes(m)) parts.push('[REQUIRED]');
          // The first sentence of the member's documentation (its own, else its shape's).
          parts.push(docs.memberOverview(shapeName, m));
          if (target.enum?.length) parts.push(`Valid values are: ${target.enum.join(', ')}.`);
          const c = parts.join(' ');
          entries.push({ key: m, value, ...(c.trim() && { comment: c }) });
        }
        return { kind: 'map', entries };
      }
      case 'list':
        return { kind: 'list', items: [generate(s.member!.shape, stack, docs)] };
      case 'map':
        return { kind: 'map', entries: [{ key: 'KeyName', value: generate(s.value!.shape, stack, docs) }] };
      case 'string': return { kind: 'scalar', text: s.enum?.length ? yamlScalar(s.enum[0]) : "''" };
      case 'integer': case 'long': return { kind: 'scalar', text: '0' };
      case 'float': case 'double': return { kind: 'scalar', text: '0.0' };
      case 'boolean': return { kind: 'scalar', text: 'true' };
      case 'timestamp': return { kind: 'scalar', text: '1970-01-01 00:00:00' };
      case 'blob': return { kind: 'scalar', text: "!!binary ''" };
      default: return { kind: 'scalar', text: 'null' };
    }
  } finally {
    stack.pop();
  }
}

/** An enum value as ruamel writes a plain string: quoted when YAML would read it as something else. */
function yamlScalar(v: string): string {
  if (v === '' || /^(?:true|false|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|nan))$/i.test(v) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|: |\s#/.test(v)) {
    return `'${v.replace(/'/g, "''")}'`;
  }
  return v;
}

/**
 * Which entries of a mapping get a comment with an extra leading space: ruamel looks for the comment
 * column of the previous key, else of the last commented key listed before the first key that sorts
 * at or after this one; finding none, the comment starts with a space.
 */
export function doubleSpaced(entries: { key: string; comment?: string }[]): boolean[] {
  return entries.map((e, i) => {
    if (e.comment === undefined) return false;
    if (i > 0 && entries[i - 1].comment !== undefined) return false;
    for (let j = 0; j < i; j++) {
      if (entries[j].key >= e.key) break;
      if (entries[j].comment !== undefined) return false;
    }
    return true;
  });
}

function emitMap(node: Extract<Node, { kind: 'map' }>, indent: string, firstPrefix: string, lines: string[]): void {
  const spaced = doubleSpaced(node.entries);
  node.entries.forEach((e, i) => {
    const lead = i === 0 ? firstPrefix : indent;
    const comment = e.comment === undefined ? '' : ` ${spaced[i] ? ' ' : ''}# ${e.comment}`;
    emitValue(`${lead}${e.key}:`, e.value, indent, comment, lines);
  });
}

function emitValue(head: string, value: Node, indent: string, comment: string, lines: string[]): void {
  if (value.kind === 'scalar') {
    lines.push(`${head} ${value.text}${comment}`);
  } else if (value.kind === 'map') {
    if (!value.entries.length) {
      lines.push(`${head} {}${comment}`);
      return;
    }
    lines.push(`${head}${comment}`);
    emitMap(value, `${indent}  `, `${indent}  `, lines);
  } else {
    if (!value.items.length) {
      lines.push(`${head} []${comment}`);
      return;
    }
    lines.push(`${head}${comment}`);
    for (const item of value.items) emitItem(item, indent, lines);
  }
}

/** A sequence item: `- ` at the parent key's indentation, its content two columns further in. */
function emitItem(item: Node, indent: string, lines: string[]): void {
  if (item.kind === 'scalar') lines.push(`${indent}- ${item.text}`);
  else if (item.kind === 'map') {
    if (!item.entries.length) lines.push(`${indent}- {}`);
    else emitMap(item, `${indent}  `, `${indent}- `, lines);
  } else if (!item.items.length) {
    lines.push(`${indent}- []`);
  } else {
    // A list inside a list: ruamel writes the inner items on the dash's line, two columns in.
    const inner: string[] = [];
    for (const x of item.items) emitItem(x, `${indent}  `, inner);
    inner[0] = `${indent}- ${inner[0].slice(indent.length + 2)}`;
    lines.push(...inner);
  }
}

export async function dumpYamlSkeleton(op: Operation): Promise<string> {
  if (!op.input) return '{}\n';
  const docs = await import('../model/docs.generated');
  const root = generate(op.input.shape, [], docs);
  if (root.kind !== 'map' || !root.entries.length) return '{}\n';
  const lines: string[] = [];
  emitMap(root, '', '', lines);
  return `${lines.join('\n')}\n`;
}
