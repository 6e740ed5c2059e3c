// `--output yaml` as the AWS CLI v2 writes it: random JSON-typed values dumped by ruamel.yaml
// (YAML(typ='safe'), block style) through libyaml's emitter, frozen in fixtures/yaml-cases.json
// (fixtures/gen-yaml-cases.py regenerates them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLoads } from '../../src/py/json-loads';
import { dumpYaml } from '../../src/output/yaml';

const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'yaml-cases.json'), 'utf8')) as { value: string; yaml: string }[];

describe('values as ruamel.yaml with libyaml dumps them', () => {
  cases.forEach((c, i) => {
    it(`${i}: ${c.value.slice(0, 60)}`, () => {
      expect(dumpYaml(jsonLoads(c.value))).toBe(c.yaml);
    });
  });
});
