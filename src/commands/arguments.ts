// An operation's argument table, derived from the model as the AWS CLI derives it: one option per
// input member (booleans get a `--no-` twin), the pagination options for operations with a
// paginator, then --cli-input-json, --cli-input-yaml and --generate-cli-skeleton.
import type { OptionSpec } from './argparse';
import { getShape, inputShape, paginatorFor, xformName } from '../model';
import type { Operation, Shape, ShapeRef } from '../model/types';

export type ArgKind = 'member' | 'page' | 'cli-input-json' | 'cli-input-yaml' | 'skeleton';

export interface CliArgument {
  /** Without dashes: `membership-identifier`. */
  name: string;
  kind: ArgKind;
  /** The input member this argument sets (kind 'member'). */
  member?: string;
  ref?: ShapeRef;
  shape?: Shape;
  required: boolean;
  /** False for pagination members hidden behind --starting-token/--page-size/--max-items. */
  documented: boolean;
  /** kind 'page': what it sets in the pagination config, and how its value is typed. */
  pageKey?: 'StartingToken' | 'PageSize' | 'MaxItems';
  pageType?: string;
  help?: string;
}

const tables = new Map<string, CliArgument[]>();

export function argumentTable(op: Operation): CliArgument[] {
  const cached = tables.get(op.name);
  if (cached) return cached;
  const input = inputShape(op);
  const required = new Set(input.required ?? []);
  const args: CliArgument[] = [];
  for (const [member, ref] of Object.entries(input.members ?? {})) {
    const shape = getShape(ref);
    args.push({
      name: xformName(member, '-'), kind: 'member', member, ref, shape,
      required: required.has(member) && !ref.idempotencyToken, documented: true,
    });
  }
  const pag = paginatorFor(op);
  if (pag) {
    const tokens = [...(Array.isArray(pag.input_token) ? pag.input_token : [pag.input_token])];
    if (pag.limit_key) tokens.push(pag.limit_key);
    for (const t of tokens) {
      const a = args.find((x) => x.member === t);
      if (a) a.documented = false;
    }
    const limitType = pag.limit_key ? getShape(input.members![pag.limit_key]).type : 'integer';
    const page = (name: string, pageKey: CliArgument['pageKey'], pageType: string): CliArgument =>
      ({ name, kind: 'page', pageKey, pageType, required: false, documented: true });
    args.push(page('starting-token', 'StartingToken', 'string'));
    if (pag.limit_key) args.push(page('page-size', 'PageSize', limitType));
    args.push(page('max-items', 'MaxItems', limitType));
  }
  args.push(
    { name: 'cli-input-json', kind: 'cli-input-json', required: false, documented: true },
    { name: 'cli-input-yaml', kind: 'cli-input-yaml', required: false, documented: true },
    { name: 'generate-cli-skeleton', kind: 'skeleton', required: false, documented: true },
  );
  tables.set(op.name, args);
  return args;
}

/** The argparse options for an argument table. `relaxRequired` when --cli-input-* or a skeleton is asked for. */
export function optionSpecs(args: readonly CliArgument[], relaxRequired: boolean): OptionSpec[] {
  const specs: OptionSpec[] = [];
  for (const a of args) {
    const base = { dest: a.name, required: a.required && !relaxRequired };
    if (a.kind === 'skeleton') {
      specs.push({ ...base, name: '--generate-cli-skeleton', nargs: 'optional', constValue: 'input',
        choices: ['input', 'output', 'yaml-input'] });
    } else if (a.kind === 'member' && a.shape?.type === 'boolean') {
      specs.push({ ...base, name: `--${a.name}`, nargs: 'flag', flagValue: true });
      specs.push({ ...base, required: false, name: `--no-${a.name}`, nargs: 'flag', flagValue: false });
    } else if (a.kind === 'member' && a.shape?.type === 'list') {
      specs.push({ ...base, name: `--${a.name}`, nargs: 'many' });
    } else {
      // argparse converts some values itself (the AWS CLI's `type=`): the paging options and `long`
      // members with int(), `float`/`double` members with float(); a bad value is an argparse error.
      const t = a.kind === 'page' ? a.pageType : a.shape?.type;
      const type = t === 'long' || (a.kind === 'page' && t === 'integer') ? 'int'
        : t === 'float' || t === 'double' ? 'float' : undefined;
      specs.push({ ...base, name: `--${a.name}`, nargs: 'one', ...(type && { type }) });
    }
  }
  return specs;
}
