// One-line summaries of operations and options (their type, whether required, their documentation as
// plain text), for the auto-prompt's doc line and completion menu.
import { GLOBAL_OPTIONS } from '../commands/globals';
import { operationsByCliName } from '../model';
import { operationDoc } from '../model/docs.generated';
import { docArguments, docText } from './clidocs';

export interface OptionSummary {
  type: string;
  required: boolean;
  /** Plain text, paragraphs joined by a space. */
  description: string;
}

/** An option's type, required flag and description: the operation's, else a global one. */
export function optionSummary(cliName: string, option: string): OptionSummary | undefined {
  const op = operationsByCliName().get(cliName);
  if (op) {
    const args = docArguments(op);
    const a = args.find((x) => x.cliName === option);
    if (a) {
      // A `--no-` twin and --cli-input-yaml are documented with the first option of their group.
      const first = a.groupName !== undefined ? args.find((x) => x.groupName === a.groupName)! : a;
      const type = a.model?.shape.union ? 'tagged union structure' : first.cliTypeName;
      return { type, required: first.required, description: docText(first.documentation) };
    }
  }
  const g = GLOBAL_OPTIONS.find((x) => x.name === option);
  return g ? { type: g.doc.type, required: false, description: g.doc.help.replace(/`/g, '') } : undefined;
}

/** An operation's documentation as plain text. */
export function operationSummary(cliName: string): string | undefined {
  const op = operationsByCliName().get(cliName);
  return op ? docText(operationDoc(op.name)) : undefined;
}
