// --generate-cli-skeleton: sample input and output documents generated from the model, as botocore's
// ArgumentGenerator makes them (one item per list, `KeyName` per map, the first enum value, 0 for
// numbers; with member names in place of strings for the output skeleton).
import { getShape } from '../model';
import type { Shape } from '../model/types';
import { PyFloat, type PyValue } from '../py/values';

export const SKELETON_TIMESTAMP = '1970-01-01T00:00:00';

export function generateSkeleton(shapeName: string, useMemberNames: boolean): PyValue {
  const stack: string[] = [];
  const gen = (name: string, memberName: string): PyValue => {
    const s: Shape = getShape(name);
    stack.push(name);
    try {
      switch (s.type) {
        case 'structure': {
          if (stack.filter((x) => x === name).length > 1) return new Map();
          const out = new Map<string, PyValue>();
          for (const [m, ref] of Object.entries(s.members ?? {})) out.set(m, gen(ref.shape, m));
          return out;
        }
        case 'list':
          return [gen(s.member!.shape, useMemberNames ? s.member!.shape : '')];
        case 'map':
          return new Map([['KeyName', gen(s.value!.shape, '')]]);
        case 'string':
          if (useMemberNames) return memberName;
          return s.enum?.length ? s.enum[0] : '';
        case 'integer':
        case 'long':
          return 0;
        case 'float':
        case 'double':
          return new PyFloat(0);
        case 'boolean':
          return true;
        case 'timestamp':
          return SKELETON_TIMESTAMP;
        default:
          return null;
      }
    } finally {
      stack.pop();
    }
  };
  return gen(shapeName, '');
}
