// An operation's argument table, derived from the model as the AWS CLI derives it: one option per
// input member (booleans get a `--no-` twin), the pagination options for operations with a
// paginator, then --cli-input-json, --cli-input-yaml and --generate-cli-skeleton.
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
