// Shaping a handler's data into the operation's output as REST-JSON: members in model order, only those
// the output shape has, timestamps (held as epoch milliseconds) in the shape's timestampFormat.
import type { ServiceModel, Shape } from '../model/types';
import type { Json, JsonObject } from './input';

function timestamp(v: Json, shape: Shape): Json {
  if (typeof v !== 'number') return v;
  switch (shape.timestampFormat) {
    case 'unixTimestamp': return v / 1000;
    case 'rfc822': return new Date(v).toUTCString();
    default: return new Date(v).toISOString();
  }
}

export function shapeValue(v: Json | undefined, shape: Shape, model: ServiceModel): Json | undefined {
  if (v === undefined || v === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof v !== 'object' || Array.isArray(v)) return undefined;
      const out: [string, Json][] = [];
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.location) continue;
        const x = shapeValue(Object.prototype.hasOwnProperty.call(v, name) ? v[name] : undefined, model.shapes[ref.shape], model);
        if (x !== undefined) out.push([name, x]);
      }
      return Object.fromEntries(out);
    }
    case 'list':
      if (!Array.isArray(v)) return undefined;
      return v.map((x) => shapeValue(x, model.shapes[shape.member!.shape], model)).filter((x): x is Json => x !== undefined);
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return undefined;
      const vshape = model.shapes[shape.value!.shape];
      return Object.fromEntries(Object.entries(v)
        .map(([k, x]): [string, Json | undefined] => [k, shapeValue(x, vshape, model)])
        .filter((e): e is [string, Json] => e[1] !== undefined));
    }
    case 'timestamp':
      return timestamp(v, shape);
    default:
      return v;
  }
}

/** The JSON body of an operation's response ('' when the operation has no output). */
export function outputBody(data: JsonObject | undefined, outputShapeName: string | undefined, model: ServiceModel): string {
  if (!outputShapeName) return '';
  return JSON.stringify(shapeValue(data ?? {}, model.shapes[outputShapeName], model) ?? {});
}
