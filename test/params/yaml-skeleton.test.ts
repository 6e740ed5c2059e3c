// --generate-cli-skeleton yaml-input, checked against what the AWS CLI v2.36.7 prints for every
// operation (test/params/fixtures/yaml-skeletons, made by gen-yaml-skeletons.sh): its
// YAMLArgumentGenerator through ruamel.yaml, with the model's documentation in the comments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doubleSpaced, dumpYamlSkeleton } from '../../src/params/yaml-skeleton';
import { operationsByCliName } from '../../src/model';

const FIXTURES = join(__dirname, 'fixtures', 'yaml-skeletons');

describe('dumpYamlSkeleton', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();

  it('has a fixture for every operation', () => {
    expect(files).toEqual([...operationsByCliName().keys()].map((op) => `${op}.yaml`).sort());
  });

  it.each(files)('%s is what the AWS CLI prints', async (file) => {
    const op = operationsByCliName().get(file.replace(/\.yaml$/, ''))!;
    expect(await dumpYamlSkeleton(op)).toBe(readFileSync(join(FIXTURES, file), 'utf8'));
  });
});

describe("ruamel's comment column rule (doubleSpaced)", () => {
  it('uses the previous key, else the last commented key listed before the first key sorting at or after it', () => {
    // c follows an uncommented b; a (commented) sorts before c and is listed first: one space.
    expect(doubleSpaced([{ key: 'a', comment: 'x' }, { key: 'b' }, { key: 'c', comment: 'y' }])).toEqual([true, false, false]);
    // z is listed first and sorts after c: the search stops there, nothing found: two spaces.
    expect(doubleSpaced([{ key: 'z', comment: 'x' }, { key: 'b' }, { key: 'c', comment: 'y' }])).toEqual([true, false, true]);
    expect(doubleSpaced([{ key: 'a' }, { key: 'b', comment: 'x' }])).toEqual([false, true]);
  });
});
