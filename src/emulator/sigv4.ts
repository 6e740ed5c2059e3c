// An independent AWS Signature Version 4 verifier (node:crypto only), to check clients' signers the way the
// service does: canonical request (method, the wire path normalised and URI-encoded once more — the rule
// for every service but S3 —, sorted RFC 3986 query, the signed headers with trimmed values, the payload
// hash from x-amz-content-sha256 or the body's SHA-256), string to sign over the credential scope, and
// the HMAC chain AWS4<secret> → date → region → service → aws4_request.
//
// It runs in two steps so that a request is refused before its body is read whenever its headers suffice:
// `checkAuthorization` (the header is there and complete, the key is known, the scope is right, the
// request was signed within 15 minutes of now), then `checkSignature` with the payload's hash (the
// declared x-amz-content-sha256, known from the headers, or the body's, known once it is read).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { serviceError } from './errors';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface SignedRequest {
  method: string;
  /** The path as sent on the wire (still percent-encoded), without the query. */
  rawPath: string;
  /** The raw query string (after `?`), possibly empty. */
  rawQuery: string;
  /** Lower-cased header names, every value of each (as node's `headersDistinct`). */
  headers: Record<string, string[] | undefined>;
}

export interface AuthorizationFields {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding of a string's UTF-8 bytes; `keep` lists extra characters left as they are. */
export function uriEncode(s: string | Buffer, keep = ''): string {
  const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (b < 0x80 && keep.includes(c))) out += c;
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Removes `.`/`..` segments and empty segments (consecutive slashes), keeping a leading and trailing slash. */
export function normalizePath(path: string): string {
  if (!path) return '/';
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  const first = path.startsWith('/') ? '/' : '';
  const last = path.endsWith('/') && out.length ? '/' : '';
  return first + out.join('/') + last;
}

/** Form-style decoding of one query component (`+` is a space); bad escapes are kept literally. */
function decodeComponent(s: string): Buffer {
  const bytes: number[] = [];
  const src = Buffer.from(s.replace(/\+/g, ' '), 'latin1');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x25 && i + 2 < src.length && /^[0-9a-fA-F]{2}$/.test(src.subarray(i + 1, i + 3).toString('latin1'))) {
      bytes.push(parseInt(src.subarray(i + 1, i + 3).toString('latin1'), 16));
      i += 2;
    } else bytes.push(src[i]);
  }
  return Buffer.from(bytes);
}

export function canonicalQuery(rawQuery: string): string {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const i = part.indexOf('=');
    const k = i < 0 ? part : part.slice(0, i);
    const v = i < 0 ? '' : part.slice(i + 1);
    pairs.push([uriEncode(decodeComponent(k)), uriEncode(decodeComponent(v))]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** The canonical request; `payloadHash` is x-amz-content-sha256 when sent, else the body's SHA-256 (hex). */
export function canonicalRequest(req: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const path = uriEncode(Buffer.from(normalizePath(req.rawPath), 'latin1'), '/');
  const headers = signedHeaders.map((h) => {
    // The names come from the client's SignedHeaders: own properties only.
    const values = (Object.hasOwn(req.headers, h) ? req.headers[h] : undefined) ?? [];
    return `${h}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
  }).join('');
  const payload = req.headers['x-amz-content-sha256']?.[0] ?? payloadHash;
  return [req.method.toUpperCase(), path, canonicalQuery(req.rawQuery), headers, signedHeaders.join(';'), payload].join('\n');
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` (fields that are absent stay undefined). */
export function parseAuthorization(value: string): Partial<AuthorizationFields> & { algorithm: string } {
  const sp = value.indexOf(' ');
  const algorithm = sp < 0 ? value : value.slice(0, sp);
  const fields: Record<string, string> = {};
  for (const part of (sp < 0 ? '' : value.slice(sp + 1)).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const out: Partial<AuthorizationFields> & { algorithm: string } = { algorithm };
  if (fields.Credential !== undefined) {
    const c = fields.Credential.split('/');
    out.accessKeyId = c[0];
    if (c.length === 5) [, out.date, out.region, out.service, out.terminator] = c;
  }
  if (fields.SignedHeaders !== undefined) out.signedHeaders = fields.SignedHeaders.split(';').filter(Boolean);
  if (fields.Signature !== undefined) out.signature = fields.Signature;
  return out;
}

/** The region of the request's credential scope, if it carries a SigV4 Authorization header. */
export function regionOfRequest(headers: Record<string, string[] | undefined>): string | undefined {
  const auth = headers.authorization?.[0];
  if (!auth) return undefined;
  const r = parseAuthorization(auth).region;
  return r || undefined;
}

export type SecretLookup = (accessKeyId: string) => string | undefined;

/** How far a request's X-Amz-Date may be from now, either way. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** `20260301T120000Z` */
export function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/** A request whose Authorization header passed every check that needs no body. */
export interface Authorized {
  accessKeyId: string;
  region: string;
  service: string;
  date: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  secret: string;
}

/**
 * The checks the headers suffice for, in the service's order; throws its error
 * (MissingAuthenticationTokenException, IncompleteSignatureException, UnrecognizedClientException,
 * InvalidSignatureException, the last one also for a signature older or newer than 15 minutes).
 */
export function checkAuthorization(
  headers: Record<string, string[] | undefined>, secretOf: SecretLookup, service: string, now: number,
): Authorized {
  const auth = headers.authorization?.[0];
  if (!auth) throw serviceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const a = parseAuthorization(auth);
  const date = headers['x-amz-date']?.[0];
  if (a.algorithm !== ALGORITHM) {
    throw serviceError('IncompleteSignatureException', `Unsupported AWS 'algorithm': '${a.algorithm}'`);
  }
  const missing: string[] = [];
  if (a.accessKeyId === undefined) missing.push("Authorization header requires 'Credential' parameter.");
  if (a.signature === undefined) missing.push("Authorization header requires 'Signature' parameter.");
  if (a.signedHeaders === undefined) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!date) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length) throw serviceError('IncompleteSignatureException', `${missing.join(' ')} Authorization=${auth}`);
  if (a.date === undefined) {
    throw serviceError('IncompleteSignatureException',
      `Credential should be scoped to a valid region, not ''. Authorization=${auth}`);
  }
  const secret = secretOf(a.accessKeyId!);
  if (secret === undefined) {
    throw serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (a.terminator !== 'aws4_request') {
    throw serviceError('InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${a.terminator}'.`);
  }
  if (a.service !== service) {
    throw serviceError('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'. `);
  }
  const signedAt = parseAmzDate(date!);
  if (Number.isNaN(signedAt) || date!.slice(0, 8) !== a.date) {
    throw serviceError('InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${a.date}' != '${date!.slice(0, 8)}', from '${date}'.`);
  }
  if (signedAt < now - MAX_SKEW_MS) {
    throw serviceError('InvalidSignatureException',
      `Signature expired: ${date} is now earlier than ${amzDate(now - MAX_SKEW_MS)} (${amzDate(now)} - 15 min.)`);
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw serviceError('InvalidSignatureException',
      `Signature not yet current: ${date} is still later than ${amzDate(now + MAX_SKEW_MS)} (${amzDate(now)} + 15 min.)`);
  }
  if (!a.signedHeaders!.includes('host')) {
    throw serviceError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return {
    accessKeyId: a.accessKeyId!, region: a.region!, service: a.service!, date: a.date, amzDate: date!,
    signedHeaders: a.signedHeaders!, signature: a.signature!, secret,
  };
}

/** The payload hash the signature covers when the headers declare it (x-amz-content-sha256), else undefined. */
export function declaredPayloadHash(headers: Record<string, string[] | undefined>): string | undefined {
  return headers['x-amz-content-sha256']?.[0];
}

/** Verifies the signature itself, over the payload's hash (hex SHA-256 of the body). */
export function checkSignature(req: SignedRequest, a: Authorized, payloadHash: string): void {
  const creq = canonicalRequest(req, a.signedHeaders, payloadHash);
  const scope = `${a.date}/${a.region}/${a.service}/aws4_request`;
  const sts = [ALGORITHM, a.amzDate, scope, sha256Hex(creq)].join('\n');
  const good = createHmac('sha256', signingKey(a.secret, a.date, a.region, a.service)).update(sts, 'utf8').digest();
  const given = /^[0-9a-f]{64}$/.test(a.signature) ? Buffer.from(a.signature, 'hex') : Buffer.alloc(0);
  if (given.length !== good.length || !timingSafeEqual(given, good)) {
    throw serviceError('InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key '
      + 'and signing method. Consult the service documentation for details.\n\n'
      + `The Canonical String for this request should have been\n'${creq}'\n\n`
      + `The String-to-Sign should have been\n'${sts}'\n`);
  }
}

/** Refuses a body whose SHA-256 is not the x-amz-content-sha256 it was sent with. */
export function checkPayloadHash(req: SignedRequest, payloadHash: string): void {
  const declared = declaredPayloadHash(req.headers);
  if (declared && /^[0-9a-fA-F]{64}$/.test(declared) && declared.toLowerCase() !== payloadHash) {
    throw serviceError('InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
}

