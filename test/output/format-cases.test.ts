// Responses of every operation rendered as the AWS CLI renders them: random bodies (from the reference
// model), parsed by botocore's rest-json parser and formatted by the AWS CLI's json, text and table
// formatters, frozen in fixtures/format-cases.json (fixtures/gen-format-cases.py regenerates them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL, outputShape } from '../../src/model';
import { formatJson } from '../../src/output/json';
import { jsonLoads } from '../../src/py/json-loads';
import { shapeResponse } from '../../src/client/response';
import { formatTable } from '../../src/output/table';
import { formatText } from '../../src/output/text';

interface Case { operation: string; body: string; expected: { json: string; text: string; table: string } }
const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'format-cases.json'), 'utf8')) as Case[];

describe('responses as the AWS CLI formats them (botocore parser + awscli formatters)', () => {
  it('covers every operation with an output', () => {
    const ops = new Set(cases.map((c) => c.operation));
    expect(Object.values(MODEL.operations).filter((op) => op.output).every((op) => ops.has(op.name))).toBe(true);
  });
  cases.forEach((c, i) => {
    it(`${i}: ${c.operation}`, () => {
      const shaped = shapeResponse(jsonLoads(c.body), outputShape(MODEL.operations[c.operation]), { timestampFormat: 'iso8601', tz: 'UTC' });
      expect(formatJson(shaped)).toBe(c.expected.json);
      expect(formatText(shaped)).toBe(c.expected.text);
      expect(formatTable(shaped, c.operation, { color: false, width: 80 })).toBe(c.expected.table);
    });
  });
});
