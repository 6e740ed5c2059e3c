// Single responses through every output format, compared with the AWS CLI v2's own formatters
// (fixtures/gen-formatter-edges.py): an empty response prints nothing in any format (yaml and
// yaml-stream included), a scalar --query result is JSON in --output yaml (its YAMLDumper), empty
// lists and dicts, strings that YAML would quote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../support/io';
import { jsonLoads } from '../../src/py/json-loads';
import { renderBuffered, renderResponse, type OutputFormat } from '../../src/output/index';
import { compileQuery, searchQuery } from '../../src/output/jmespath';

interface Case { response: string; query: string | null; expected: Record<OutputFormat, string> }
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'formatter-edges.json'), 'utf8')) as { cases: Case[] };
const FORMATS: OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table'];

describe("single responses as the AWS CLI's formatters write them", () => {
  it.each(fixture.cases.map((c) => [c.query ?? '(no query)', c.response.slice(0, 20), c] as const))('%s of %s', async (_q, _r, c) => {
    let value = jsonLoads(c.response);
    if (c.query) value = searchQuery(compileQuery(c.query), value);
    for (const fmt of FORMATS) {
      const out = await renderResponse(fmt, value, { title: 'GetTrainedModelInferenceJob', color: 'off', io: memoryIO() });
      expect([fmt, typeof out === 'string' ? out : Buffer.from(out).toString('utf8')]).toEqual([fmt, c.expected[fmt]]);
    }
  });
});

describe("error documents as the AWS CLI's error handler renders them (--cli-error-format)", () => {
  const errors = (JSON.parse(readFileSync(join(__dirname, 'fixtures', 'formatter-edges.json'), 'utf8')) as {
    errors: { error: string; expected: Record<string, string> }[] }).errors;
  it.each(errors.map((e) => [e.error.slice(0, 40), e] as const))('%s', async (_e, e) => {
    const value = jsonLoads(e.error);
    for (const [key, want] of Object.entries(e.expected)) {
      const [fmt, color] = key.split('/') as [OutputFormat, 'on' | 'off'];
      const out = await renderBuffered(fmt, value, { title: 'error', color, io: memoryIO(), autoreset: false });
      expect([key, typeof out === 'string' ? out : Buffer.from(out).toString('utf8')]).toEqual([key, want]);
    }
  });
});
