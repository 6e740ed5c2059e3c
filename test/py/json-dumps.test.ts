import { describe, expect, it } from 'vitest';
import { jsonDumps } from '../../src/py/json-dumps';
import { jsonLoads } from '../../src/py/json-loads';

describe('jsonDumps', () => {
  it("gives json.dumps's default form (one line, ASCII escapes)", () => {
    expect(jsonDumps(jsonLoads('{"a": [1, 2.5, "\\u00e9\\ud83d\\ude00"], "b": {}}'))).toBe(
      '{"a": [1, 2.5, "\\u00e9\\ud83d\\ude00"], "b": {}}',
    );
  });

  it('gives the compact form with explicit separators', () => {
    expect(jsonDumps(jsonLoads('{"a": [1, 2.0], "b": null}'), { itemSeparator: ',', keySeparator: ':' })).toBe(
      '{"a":[1,2.0],"b":null}',
    );
  });
});

