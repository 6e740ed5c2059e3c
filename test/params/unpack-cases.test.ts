// Shorthand and JSON parameter values as the AWS CLI unpacks them: random values for the structure,
// list and map parameters of every operation, unpacked by awscli/argprocess.py (ParamShorthandParser,
// unpack_cli_arg) and frozen in fixtures/unpack-cases.json (fixtures/gen-unpack-cases.py regenerates
// them; it says which texts are compared in part).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputShape, MODEL } from '../../src/model';
import { pyRepr } from '../../src/py/repr';
import { unpackCliArg } from '../../src/params/argprocess';

interface Case {
  operation: string; member: string; option: string; value: string | string[];
  result?: string; error?: string; match?: 'prefix' | 'suffix';
}
const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'unpack-cases.json'), 'utf8')) as Case[];

describe('parameter values as the AWS CLI unpacks them (awscli/argprocess.py)', () => {
  cases.forEach((c, i) => {
    it(`${i}: ${c.option} ${JSON.stringify(c.value).slice(0, 60)}`, () => {
      const ref = inputShape(MODEL.operations[c.operation]).members![c.member];
      let result: string | undefined;
      let error: string | undefined;
      try {
        result = pyRepr(unpackCliArg(c.option, ref, c.value, { readFile: () => { throw new Error('no files here'); } }));
      } catch (e) {
        error = (e as Error).message;
      }
      if (c.result !== undefined) {
        expect(error).toBeUndefined();
        expect(result).toBe(c.result);
      } else if (c.match === 'prefix') {
        expect(error?.startsWith(c.error!)).toBe(true);
      } else if (c.match === 'suffix') {
        expect(error?.endsWith(c.error!)).toBe(true);
      } else {
        expect(error).toBe(c.error);
      }
    });
  });
});
