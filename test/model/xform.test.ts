// botocore's xform_name, as loops over the characters: the same names as botocore's own (its three
// regular expressions, Python's `.` and `$` included) on the model's names and thousands of others,
// recorded by fixtures/gen-xform-cases.py.
import { describe, expect, it } from 'vitest';
import { xformName } from '../../src/model/xform';
import fixture from './fixtures/xform-cases.json';

describe('xformName', () => {
  it.each(['-', '_'])('is botocore\'s xform_name with %j', (sep) => {
    const cases = fixture.cases as unknown as [string, string, string][];
    expect(cases.length).toBeGreaterThan(3000);
    const differ = cases.filter(([name, dash, under]) => xformName(name, sep) !== (sep === '-' ? dash : under));
    expect(differ).toEqual([]);
  });

  it('leaves a name that holds the separator as it is', () => {
    expect(xformName('already-kebab', '-')).toBe('already-kebab');
    expect(xformName('StartTrainedModelInferenceJob', '-')).toBe('start-trained-model-inference-job');
    expect(xformName('ListARNs')).toBe('list_arns');
  });
});
