// Access to the service model: shapes, operations, CLI names. The model is data (generated from the
// reference service JSON); this module only reads it.
import { CLEANROOMSML_MODEL } from './cleanroomsml.generated';
import type { Operation, Paginator, ServiceModel, Shape, ShapeRef } from './types';

export type { Operation, Paginator, ServiceModel, Shape, ShapeRef } from './types';

/** The AWS CLI service name (`aws <service> …`) for this model. */
export const SERVICE_CLI_NAME = 'cleanroomsml';

export const MODEL: ServiceModel = CLEANROOMSML_MODEL;

export function getShape(ref: ShapeRef | string, model: ServiceModel = MODEL): Shape {
  const name = typeof ref === 'string' ? ref : ref.shape;
  const s = model.shapes[name];
  if (!s) throw new Error(`unknown shape ${name}`);
  return s;
}

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
const SPECIAL_CASE = /[A-Z]{2,}s$/;
const PARTIAL_RENAMES: Record<string, string> = {
  'ipv-6': 'ipv6', 'ipv_6': 'ipv6', 's_3_resources': 's3_resources', 's-3-resources': 's3-resources',
};

/** botocore's xform_name: CamelCase → snake_case (or kebab-case with sep '-'). */
export function xformName(name: string, sep = '_'): string {
  if (name.includes(sep)) return name;
  let n = name;
  const special = SPECIAL_CASE.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
  let t = n.replace(FIRST_CAP, `$1${sep}$2`).replace(END_CAP, `$1${sep}$2`).toLowerCase();
  for (const [o, r] of Object.entries(PARTIAL_RENAMES)) if (t.includes(o)) t = t.split(o).join(r);
  return t;
}

let opsByCli: Map<string, Operation> | undefined;

/** Operations keyed by their CLI name (`start-trained-model-inference-job`), in model order. */
export function operationsByCliName(model: ServiceModel = MODEL): Map<string, Operation> {
  if (model === MODEL && opsByCli) return opsByCli;
  const m = new Map<string, Operation>();
  for (const op of Object.values(model.operations)) m.set(xformName(op.name, '-'), op);
  if (model === MODEL) opsByCli = m;
  return m;
}

export function paginatorFor(op: Operation, model: ServiceModel = MODEL): Paginator | undefined {
  return model.paginators[op.name];
}

/** The input structure of an operation (an empty structure when it has none). */
export function inputShape(op: Operation, model: ServiceModel = MODEL): Shape {
  return op.input ? getShape(op.input.shape, model) : { type: 'structure', members: {} };
}

export function outputShape(op: Operation, model: ServiceModel = MODEL): Shape | undefined {
  return op.output ? getShape(op.output.shape, model) : undefined;
}
