// Python's uuid.uuid4(): 16 bytes from os.urandom with the version (4) and variant (RFC 4122) bits set,
// as str() writes it (8-4-4-4-12 lowercase hex). botocore names each call with one (its
// amz-sdk-invocation-id header).
import { closeSync, openSync, readSync } from 'node:fs';
// (Loaded only where /dev/urandom is not: node:crypto costs about 3 ms to load, and a call needs no
// more of it; scripts/build.mjs makes this import lazy in the bundles.)
import { randomBytes } from 'node:crypto';

/** os.urandom(n): the system's random bytes (/dev/urandom; node:crypto where there is none, as on Windows). */
export function urandom(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    for (let got = 0; got < n;) {
      const k = readSync(fd, bytes, got, n - got, null);
      if (k <= 0) throw new Error('short read');
      got += k;
    }
    return bytes;
  } catch {
    return randomBytes(n);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** str(uuid.uuid4()), from 16 random bytes (os.urandom's unless given). */
export function uuid4(random: Uint8Array = urandom(16)): string {
  const b = Uint8Array.from(random.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
