import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/emulator/errors';
import { javaText, readInput, validationFailures, type WireInput } from '../../src/emulator/input';
import { MODEL } from '../../src/model';
import type { ServiceModel } from '../../src/model/types';

const wire = (over: Partial<WireInput> = {}): WireInput => ({ labels: {}, query: new Map(), headers: {}, body: Buffer.alloc(0), ...over });

const model: ServiceModel = {
  metadata: MODEL.metadata,
  paginators: {},
  operations: {
    Op: { name: 'Op', http: { method: 'POST', requestUri: '/things/{id}' }, input: { shape: 'OpInput' } },
  },
  shapes: {
    OpInput: {
      type: 'structure', required: ['id', 'keys'],
      members: {
        id: { shape: 'Id', location: 'uri', locationName: 'id' },
        keys: { shape: 'Keys', location: 'querystring', locationName: 'key' },
        limit: { shape: 'Limit', location: 'querystring', locationName: 'limit' },
        extra: { shape: 'Extra', location: 'querystring' },
        token: { shape: 'Secret', location: 'header', locationName: 'X-Token' },
        meta: { shape: 'Extra', location: 'headers', locationName: 'x-meta-' },
        flag: { shape: 'Flag' },
        secret: { shape: 'Secret' },
        when: { shape: 'When' },
      },
    },
    Id: { type: 'string', min: 3, max: 5, pattern: '[a-z]+' },
    Keys: { type: 'list', member: { shape: 'Key' }, max: 2 },
    Key: { type: 'string', min: 2, pattern: '[a-z]+' },
    Limit: { type: 'long', min: 1 },
    Extra: { type: 'map', key: { shape: 'Key' }, value: { shape: 'Key' } },
    Secret: { type: 'string', min: 4, sensitive: true },
    Flag: { type: 'boolean' },
    When: { type: 'timestamp' },
  },
};
const op = model.operations.Op;

describe('readInput', () => {
  it('takes members from the URI, query string, headers and body, typed by the model', () => {
    const input = readInput(op, wire({
      labels: { id: 'abc' },
      query: new Map([['key', ['aa', 'bb']], ['limit', ['7']], ['other', ['zz']]]),
      headers: { 'x-token': 'tok', 'x-meta-color': 'red', host: 'h' },
      body: Buffer.from('{"flag": true, "when": 1700000000, "unknown": 1, "secret": null}'),
    }), model);
    expect(input).toEqual({
      id: 'abc', keys: ['aa', 'bb'], limit: 7, extra: { other: 'zz' }, token: 'tok', meta: { color: 'red' }, flag: true, when: 1700000000,
    });
  });

  it('answers SerializationException for values of the wrong type', () => {
    const err = (w: WireInput) => {
      try {
        readInput(op, w, model);
      } catch (e) {
        return [(e as ServiceError).code, (e as ServiceError).message];
      }
      return undefined;
    };
    expect(err(wire({ query: new Map([['limit', ['x']]]) }))).toEqual(['SerializationException', "Value 'x' at 'limit' is not a valid integer"]);
    expect(err(wire({ body: Buffer.from('{"flag": "yes"}') }))).toEqual(['SerializationException', "Expected a boolean at 'flag', found a string"]);
    expect(err(wire({ body: Buffer.from('[1]') }))).toEqual(['SerializationException', 'The request body must be a JSON object']);
  });
});

describe('validationFailures', () => {
  it('aggregates the constraints that elements of a list or a map fail; hides sensitive values', () => {
    const failures = validationFailures(op, {
      id: 'ABCDEF', keys: ['a', 'B1', 'ok'], extra: { x: 'ok' }, secret: 'abc',
    }, model);
    expect(failures).toEqual([
      "Value 'ABCDEF' at 'id' failed to satisfy constraint: Member must have length less than or equal to 5",
      "Value 'ABCDEF' at 'id' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+",
      "Value '[a, B1, ok]' at 'keys' failed to satisfy constraint: Member must have length less than or equal to 2",
      "Value '[a, B1, ok]' at 'keys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 2, Member must satisfy regular expression pattern: [a-z]+]",
      "Value '{x=ok}' at 'extra' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length greater than or equal to 2]",
      "Value at 'secret' failed to satisfy constraint: Member must have length greater than or equal to 4",
    ]);
  });

  it('reports required members that are absent', () => {
    expect(validationFailures(op, {}, model)).toEqual([
      "Value null at 'id' failed to satisfy constraint: Member must not be null",
      "Value null at 'keys' failed to satisfy constraint: Member must not be null",
    ]);
  });

  it('prints values the way Java does', () => {
    expect(javaText({ a: [1, 'x'], b: { c: null } })).toBe('{a=[1, x], b={c=null}}');
  });
});
