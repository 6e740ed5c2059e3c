// Python's uuid.uuid4(): 16 bytes from os.urandom with the version (4) and variant (RFC 4122) bits set,
// as str() writes it (8-4-4-4-12 lowercase hex). botocore names each call with one (its
// amz-sdk-invocation-id header).
import { randomBytes } from 'node:crypto';

/** str(uuid.uuid4()), from 16 random bytes (the system's, as os.urandom's, unless given). */
export function uuid4(random: Uint8Array = randomBytes(16)): string {
  const b = Uint8Array.from(random.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Buffer.from(b.buffer, b.byteOffset, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
