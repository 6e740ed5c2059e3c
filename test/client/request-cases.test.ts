// Requests as botocore builds them: random parameters for every operation, checked by botocore's
// ParamValidator and, when valid, serialised by its rest-json serializer, frozen in
// fixtures/request-cases.json (fixtures/gen-request-cases.py regenerates them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeRequest } from '../../src/client/serialize';
import { inputShape, MODEL } from '../../src/model';
import type { PyDict } from '../../src/py/values';
import { jsonLoads } from '../../src/py/json-loads';
import { validateParams } from '../../src/client/validate';

interface Case {
  operation: string; params: string; errors?: string[];
  request?: { method: string; path: string; query: [string, string][]; body: string };
}
const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'request-cases.json'), 'utf8')) as Case[];

describe('parameters validated and serialised as botocore does it', () => {
  it('has valid and invalid cases', () => {
    expect(cases.filter((c) => c.request).length).toBeGreaterThan(50);
    expect(cases.filter((c) => c.errors).length).toBeGreaterThan(50);
  });
  cases.forEach((c, i) => {
    it(`${i}: ${c.operation}`, () => {
      const op = MODEL.operations[c.operation];
      const params = jsonLoads(c.params) as PyDict;
      const errors = validateParams(params, inputShape(op));
      if (c.errors) {
        expect(errors).toEqual(c.errors);
        return;
      }
      expect(errors).toEqual([]);
      const r = serializeRequest(op, params);
      expect({ method: r.method, path: r.path, body: r.body }).toEqual({ method: c.request!.method, path: c.request!.path, body: c.request!.body });
      // (The order of query parameters is not botocore's business: its dict order; compared as a set.)
      expect([...r.query].sort()).toEqual([...c.request!.query].sort());
    });
  });
});
