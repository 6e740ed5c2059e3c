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
      // Timestamps are held as epoch milliseconds.
      id: 'abc', keys: ['aa', 'bb'], limit: 7, extra: { other: 'zz' }, token: 'tok', meta: { color: 'red' }, flag: true, when: 1700000000000,
    });
  });

  it('reads timestamps as epoch seconds or ISO 8601 text, and refuses others', () => {
    const when = (json: string) => readInput(op, wire({ body: Buffer.from(`{"when": ${json}}`) }), model).when;
    expect(when('1700000000.5')).toBe(1700000000500);
    expect(when('"2026-03-01T12:00:00Z"')).toBe(Date.parse('2026-03-01T12:00:00Z'));
    expect(when('"2026-03-01T13:00:00.250+01:00"')).toBe(Date.parse('2026-03-01T12:00:00.250Z'));
    expect(() => when('"yesterday"')).toThrow("Value 'yesterday' at 'when' is not a valid timestamp");
  });

  it('keeps map keys named like built-in properties as keys, and ignores unknown members of the same names', () => {
    const input = readInput(op, wire({
      body: Buffer.from('{"constructor": 1, "__proto__": {"flag": false}, "toString": 2, "flag": true}'),
      query: new Map([['__proto__', ['pp']], ['constructor', ['cc']], ['hasOwnProperty', ['hh']]]),
    }), model);
    expect(input.flag).toBe(true);
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    const extra = input.extra as Record<string, unknown>;
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('pp');
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
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
