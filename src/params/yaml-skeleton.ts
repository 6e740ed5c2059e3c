// --generate-cli-skeleton yaml-input: the input skeleton as the AWS CLI's YAMLArgumentGenerator
// writes it with ruamel.yaml (model order, `- ` items at the key's indentation, end-of-line
// comments naming required members and enum values).
import { getShape } from '../model';
import type { Operation, Shape } from '../model/types';
import { docOverview } from '../model/docs-overview';

function scalar(s: Shape): string {
  switch (s.type) {
    case 'string': return s.enum?.length ? s.enum[0] : "''";
    case 'integer': case 'long': return '0';
    case 'float': case 'double': return '0.0';
    case 'boolean': return 'true';
    case 'timestamp': return '1970-01-01 00:00:00';
    case 'blob': return "!!binary ''";
    default: return "''";
  }
}

function comment(member: string, parent: Shape, s: Shape, memberDoc: string | undefined): string {
  const parts: string[] = [];
  if (parent.required?.includes(member)) parts.push('[REQUIRED]');
  parts.push(docOverview(memberDoc ?? s.documentation ?? ''));
  if (s.enum?.length) parts.push(`Valid values are: ${s.enum.join(', ')}.`);
  const c = parts.join(' ');
  return c.trim() ? `  # ${c}` : '';
}

export function dumpYamlSkeleton(op: Operation): string {
  if (!op.input) return '{}\n';
  const lines: string[] = [];
  const stack: string[] = [];
  const struct = (name: string, indent: string, firstPrefix: string | undefined) => {
    const s = getShape(name);
    if (stack.filter((x) => x === name).length > 1 || !Object.keys(s.members ?? {}).length) return false;
    let first = true;
    for (const [m, ref] of Object.entries(s.members ?? {})) {
      const ms = getShape(ref.shape);
      const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
      first = false;
      const c = comment(m, s, ms, ref.documentation);
      value(`${lead}${m}:`, ref.shape, indent, c);
    }
    return true;
  };
  const value = (head: string, name: string, indent: string, c: string) => {
    const s = getShape(name);
    stack.push(name);
    if (s.type === 'structure') {
      lines.push(`${head}${c}`);
      if (!struct(name, `${indent}  `, undefined)) lines[lines.length - 1] = `${head} {}${c}`;
    } else if (s.type === 'list') {
      lines.push(`${head}${c}`);
      const ms = getShape(s.member!.shape);
      if (ms.type === 'structure') {
        stack.push(s.member!.shape);
        if (!struct(s.member!.shape, `${indent}  `, `${indent}- `)) lines.push(`${indent}- {}`);
        stack.pop();
      } else if (ms.type === 'list' || ms.type === 'map') {
        value(`${indent}-`, s.member!.shape, `${indent}  `, '');
      } else {
        lines.push(`${indent}- ${scalar(ms)}`);
      }
    } else if (s.type === 'map') {
      lines.push(`${head}${c}`);
      value(`${indent}  KeyName:`, s.value!.shape, `${indent}  `, '');
    } else {
      lines.push(`${head} ${scalar(s)}${c}`);
    }
    stack.pop();
  };
  stack.push(op.input.shape);
  struct(op.input.shape, '', undefined);
  return `${lines.join('\n')}\n`;
}
