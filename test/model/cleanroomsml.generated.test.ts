// The generated model: its entries, parsed lazily from one text, are the vendored service model's
// (documentation aside), in its order; lookups of names it does not have find nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEANROOMSML_MODEL, MODEL_TEXT, OPERATION_CLI_NAMES } from '../../src/model/cleanroomsml.generated';

const root = join(__dirname, '..', '..');
const modelDir = join(root, 'vendor', 'botocore-2.36.7', 'cleanroomsml', '2023-09-06');
const undocumented = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(undocumented);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'documentation').map(([k, v]) => [k, undocumented(v)]));
};
const reference = () => ({
  service: undocumented(JSON.parse(readFileSync(join(modelDir, 'service-2.json'), 'utf8'))) as Record<string, Record<string, unknown>>,
  paginators: JSON.parse(readFileSync(join(modelDir, 'paginators-1.json'), 'utf8')).pagination as Record<string, unknown>,
});

describe('the generated model', () => {
  it('has every shape, operation and paginator of the vendored model, equal and in its order', () => {
    const { service, paginators } = reference();
    for (const [kind, mine, theirs] of [
      ['shapes', CLEANROOMSML_MODEL.shapes, service.shapes],
      ['operations', CLEANROOMSML_MODEL.operations, service.operations],
      ['paginators', CLEANROOMSML_MODEL.paginators, paginators],
    ] as const) {
      expect(Object.keys(mine), kind).toEqual(Object.keys(theirs));
      for (const name of Object.keys(theirs)) expect(mine[name], `${kind} ${name}`).toEqual(theirs[name]);
    }
    expect(CLEANROOMSML_MODEL.metadata).toEqual(service.metadata);
    expect(Object.keys(OPERATION_CLI_NAMES)).toEqual(Object.keys(service.operations));
  });

  it('reads an entry once and hands out the same object', () => {
    const a = CLEANROOMSML_MODEL.shapes.StartTrainedModelInferenceJobRequest;
    expect(a.type).toBe('structure');
    expect(CLEANROOMSML_MODEL.shapes.StartTrainedModelInferenceJobRequest).toBe(a);
    expect(Object.values(CLEANROOMSML_MODEL.operations).map((o) => o.name)).toContain('StartTrainedModelInferenceJob');
  });

  it('finds no shape for names it does not have, inherited names included', () => {
    const { shapes } = CLEANROOMSML_MODEL;
    for (const name of ['NoSuchShape', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(shapes[name], name).toBeUndefined();
      expect(name in shapes, name).toBe(false);
      expect(Object.getOwnPropertyDescriptor(shapes, name), name).toBeUndefined();
    }
    // (A binary search over the text's lines: names next to real ones, the other part's, the first and last.)
    const names = Object.keys(shapes);
    const near = [names[0], names[names.length - 1], 'StartTrainedModelInferenceJobRequest'].flatMap((n) => [
      n.slice(0, -1), `${n}X`, `${n}\t`, `${n}\n`, ` ${n}`, n.toLowerCase(), `*${n}`]);
    for (const name of ['', 'A', 'zzz', '\t', '\n', '*', 'paginators', '*paginators', ...near]) {
      expect(shapes[name], JSON.stringify(name)).toBeUndefined();
      expect(name in shapes, JSON.stringify(name)).toBe(false);
      expect(CLEANROOMSML_MODEL.operations[name], JSON.stringify(name)).toBeUndefined();
    }
    expect(shapes.StartTrainedModelInferenceJob).toBeUndefined();
    expect(CLEANROOMSML_MODEL.operations.StartTrainedModelInferenceJobRequest).toBeUndefined();
    for (const name of names) expect(name in shapes, name).toBe(true);
    for (const name of Object.keys(OPERATION_CLI_NAMES)) expect(CLEANROOMSML_MODEL.operations[name]?.name, name).toBe(name);
    expect(CLEANROOMSML_MODEL.operations.NoSuchOperation).toBeUndefined();
    expect(CLEANROOMSML_MODEL.operations.toString).toBeUndefined();
    expect('constructor' in CLEANROOMSML_MODEL.operations).toBe(false);
    expect(CLEANROOMSML_MODEL.paginators.StartTrainedModelInferenceJob).toBeUndefined();
    expect(CLEANROOMSML_MODEL.paginators.ListTrainedModelInferenceJobs).toEqual({
      input_token: 'nextToken', output_token: 'nextToken', limit_key: 'maxResults', result_key: 'trainedModelInferenceJobs',
    });
  });

  it('is a text with a line per shape and a line per operation (name and JSON, tab-separated), then the paginators', () => {
    const lines = MODEL_TEXT.split('\n');
    expect(lines.pop()).toBe('');
    const split = (line: string) => {
      const fields = line.split('\t');
      expect(fields, line).toHaveLength(2);
      return [fields[0], JSON.parse(fields[1])];
    };
    expect(split(lines.pop()!)).toEqual(['*paginators', { ...CLEANROOMSML_MODEL.paginators }]);
    const operations = lines.splice(-Object.keys(OPERATION_CLI_NAMES).length);
    expect(operations.map((l) => split(l))).toEqual(Object.entries(CLEANROOMSML_MODEL.operations).map(([name, op]) => [`*${name}`, op]));
    expect(lines.map((l) => split(l)[0])).toEqual(Object.keys(CLEANROOMSML_MODEL.shapes));
    for (const line of lines) {
      const [name, shape] = split(line);
      expect(CLEANROOMSML_MODEL.shapes[name], name).toEqual(shape);
    }
  });
});

describe('operations by CLI name', () => {
  it('lists every operation in model order, and reads only the ones asked for', async () => {
    const { operationsByCliName } = await import('../../src/model');
    const ops = operationsByCliName();
    expect([...ops.keys()]).toEqual(Object.values(OPERATION_CLI_NAMES));
    expect(ops.size).toBe(59);
    expect(ops.get('start-trained-model-inference-job')?.name).toBe('StartTrainedModelInferenceJob');
    expect(ops.get('StartTrainedModelInferenceJob')).toBeUndefined();
    expect(ops.get('constructor')).toBeUndefined();
    expect(ops.has('list-audience-models')).toBe(true);
    expect([...ops.entries()].map(([cli, op]) => [cli, op.name])).toEqual(Object.entries(OPERATION_CLI_NAMES).map(([api, cli]) => [cli, api]));
    expect([...ops.values()]).toEqual(Object.values(CLEANROOMSML_MODEL.operations));
  });
});
