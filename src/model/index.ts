// Access to the service model: shapes, operations, CLI names. The model is data (generated from the
// reference service JSON); this module only reads it.
import { CLEANROOMSML_MODEL, OPERATION_CLI_NAMES } from './cleanroomsml.generated';
import type { Operation, Paginator, ServiceModel, Shape, ShapeRef } from './types';
import { xformName } from './xform';
import { own } from './own';

export { xformName } from './xform';
export { hasOwn, own } from './own';

export type { Operation, Paginator, ServiceModel, Shape, ShapeRef } from './types';

/** The AWS CLI service name (`aws <service> …`) for this model. */
export const SERVICE_CLI_NAME = 'cleanroomsml';

export const MODEL: ServiceModel = CLEANROOMSML_MODEL;

export function getShape(ref: ShapeRef | string, model: ServiceModel = MODEL): Shape {
  const name = typeof ref === 'string' ? ref : ref.shape;
  const s = own(model.shapes, name);
  if (!s) throw new Error(`unknown shape ${name}`);
  return s;
}

let opsByCli: Map<string, Operation> | undefined;

/** Operations keyed by their CLI name (`start-trained-model-inference-job`), in model order. */
export function operationsByCliName(model: ServiceModel = MODEL): Map<string, Operation> {
  if (model === MODEL && opsByCli) return opsByCli;
  const m = new Map<string, Operation>();
  const names = model === MODEL ? OPERATION_CLI_NAMES : undefined;
  for (const op of Object.values(model.operations)) m.set(names?.[op.name] ?? xformName(op.name, '-'), op);
  if (model === MODEL) opsByCli = m;
  return m;
}

export function paginatorFor(op: Operation, model: ServiceModel = MODEL): Paginator | undefined {
  return own(model.paginators, op.name);
}

/** A structure's member by its name (undefined for a name it does not have, whatever the name). */
export function memberRef(shape: Shape, name: string): ShapeRef | undefined {
  return own(shape.members, name);
}

/** An operation by its API name (`StartTrainedModelInferenceJob`). */
export function operationNamed(name: string, model: ServiceModel = MODEL): Operation | undefined {
  return own(model.operations, name);
}

/** The input structure of an operation (an empty structure when it has none). */
export function inputShape(op: Operation, model: ServiceModel = MODEL): Shape {
  return op.input ? getShape(op.input.shape, model) : { type: 'structure', members: {} };
}

export function outputShape(op: Operation, model: ServiceModel = MODEL): Shape | undefined {
  return op.output ? getShape(op.output.shape, model) : undefined;
}
