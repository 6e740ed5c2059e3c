// Python's base64 module as the AWS CLI uses it: b64encode (blobs, pagination tokens), encodebytes
// (YAML's !!binary, in 76-character lines) and the non-validating decoder behind b64decode and
// decodebytes (binascii.a2b_base64: starting tokens, YAML's !!binary).

/** binascii.Error; `message` is str() of it. */
export class Base64Error extends Error {
  override name = 'Base64Error';
}

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** base64.b64encode of bytes, or of a str's UTF-8 bytes, as text. */
export function b64encode(data: Uint8Array | string): string {
  return (typeof data === 'string' ? Buffer.from(data, 'utf8') : asBuffer(data)).toString('base64');
}

/** base64.encodebytes, as text: lines of 76 characters, each ending in a newline. */
export function encodebytes(data: Uint8Array): string {
  const b64 = asBuffer(data).toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 76) out += b64.slice(i, i + 76) + '\n';
  return out;
}

const ALPHABET = /[A-Za-z0-9+/]/;

/**
 * base64.b64decode / base64.decodebytes without validation (binascii.a2b_base64, CPython 3.11):
 * characters outside the alphabet are skipped (a str's non-ASCII characters are, as their UTF-8
 * bytes would be), a pad that completes a group ends the data, and a group left incomplete is a
 * Base64Error with Python's text.
 */
export function b64decode(s: string): Uint8Array {
  let data = '';
  let pads = 0;
  for (const c of s) {
    if (c === '=') {
      const quad = data.length % 4;
      if (quad >= 2 && quad + ++pads >= 4) return new Uint8Array(Buffer.from(data, 'base64'));
      continue;
    }
    if (!ALPHABET.test(c)) continue;
    pads = 0;
    data += c;
  }
  const quad = data.length % 4;
  if (quad === 1) {
    throw new Base64Error('Invalid base64-encoded string: number of data characters ' +
      `(${data.length}) cannot be 1 more than a multiple of 4`);
  }
  if (quad !== 0) throw new Base64Error('Incorrect padding');
  return new Uint8Array(Buffer.from(data, 'base64'));
}
