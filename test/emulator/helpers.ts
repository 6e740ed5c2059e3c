// Shared helpers for the emulator tests: a fake clock, valid inputs, and an HTTP client that can sign its
// requests with the AWS SDK's own SigV4 signer (@smithy/signature-v4), which the emulator verifies
// independently.
import { request } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export const MEMBERSHIP = '11111111-2222-4333-8444-555555555555';
export const OTHER_MEMBERSHIP = '99999999-8888-4777-8666-555555555555';
export const AKID = 'AKIDEXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const T0 = Date.parse('2026-03-01T12:00:00.000Z');

export class FakeClock {
  constructor(public t = T0) {}
  readonly now = () => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export function trainedModelArn(m = MEMBERSHIP, region = 'us-east-1', id = 'tm-1'): string {
  return `arn:aws:cleanrooms-ml:${region}:123456789012:membership/${m}/trained-model/${id}`;
}

/** A complete, valid StartTrainedModelInferenceJob body. */
export function startBody(name: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    trainedModelArn: trainedModelArn(),
    resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: 1 },
    outputConfiguration: { accept: 'text/csv', members: [{ accountId: '123456789012' }] },
    dataSource: { mlInputChannelArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/ml-input-channel/ch-1` },
    ...over,
  };
}

/** RFC 3986 encoding, as the SDK puts query parameters on the wire. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface CallOptions {
  query?: Record<string, string | string[]>;
  body?: unknown;
  /** Sign with these credentials (and region). */
  sign?: { accessKeyId?: string; secretAccessKey?: string; region?: string; service?: string; applyChecksum?: boolean };
  headers?: Record<string, string>;
  /** Changes the request after it was signed (to test that the verifier notices). */
  tamper?: (r: { path: string; query: string; headers: Record<string, string>; body: string }) => void;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** Sends one request to the emulator at `url`; `path` is the wire path (labels already encoded). */
export async function call(url: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const u = new URL(url);
  const body = opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  let headers: Record<string, string> = { host: u.host, ...(body ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  const queryPairs = Object.entries(opts.query ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]));
  if (opts.sign) {
    const signer = new SignatureV4({
      credentials: { accessKeyId: opts.sign.accessKeyId ?? AKID, secretAccessKey: opts.sign.secretAccessKey ?? SECRET },
      region: opts.sign.region ?? 'us-east-1',
      service: opts.sign.service ?? 'cleanrooms-ml',
      sha256: Hash.bind(null, 'sha256'),
      applyChecksum: opts.sign.applyChecksum ?? false,
    });
    const signed = await signer.sign(new HttpRequest({
      method, protocol: 'http:', hostname: u.hostname, port: Number(u.port), path, headers, body: body || undefined,
      query: opts.query,
    }));
    headers = signed.headers as Record<string, string>;
  }
  const wire = { path, query: queryPairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&'), headers, body };
  opts.tamper?.(wire);
  return new Promise<Reply>((resolve, reject) => {
    const req = request({
      host: u.hostname, port: Number(u.port), method, path: wire.query ? `${wire.path}?${wire.query}` : wire.path,
      headers: { ...wire.headers, 'content-length': String(Buffer.byteLength(wire.body)) },
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(wire.body);
  });
}

export const jobsPath = (m = MEMBERSHIP) => `/memberships/${m}/trained-model-inference-jobs`;
export const jobPath = (arn: string, m = MEMBERSHIP) => `${jobsPath(m)}/${encodeURIComponent(arn)}`;
export const tagsPath = (arn: string) => `/tags/${encodeURIComponent(arn)}`;
