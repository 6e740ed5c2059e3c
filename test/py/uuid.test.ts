import { describe, expect, it } from 'vitest';
import { uuid4 } from '../../src/py/uuid';

describe('uuid4', () => {
  it('writes 16 bytes as str(uuid.uuid4()) does, with the version and variant bits set', () => {
    expect(uuid4(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuid4(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    // uuid.UUID(bytes=bytes(range(16)), version=4)
    expect(uuid4(Uint8Array.from({ length: 16 }, (_, i) => i))).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('takes the system\'s random bytes by default: a new id each time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => uuid4()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
