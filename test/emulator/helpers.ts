// Shared helpers for the emulator tests: a fake clock, valid inputs, and an HTTP client that can sign its
// requests with the AWS SDK's own SigV4 signer (@smithy/signature-v4), which the emulator verifies
// independently.
import { request } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseSeed, type Seed } from '../../src/emulator/seed';

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

export function channelArn(m = MEMBERSHIP, region = 'us-east-1', id = 'ch-1'): string {
  return `arn:aws:cleanrooms-ml:${region}:123456789012:membership/${m}/ml-input-channel/${id}`;
}

export function associationArn(m = MEMBERSHIP, region = 'us-east-1', id = 'cmaa-1'): string {
  return `arn:aws:cleanrooms-ml:${region}:123456789012:membership/${m}/configured-model-algorithm-association/${id}`;
}

export function algorithmArn(region = 'us-east-1', id = 'cma-1'): string {
  return `arn:aws:cleanrooms-ml:${region}:123456789012:configured-model-algorithm/${id}`;
}

/**
 * A world where inference jobs can start: in each region, a configured model algorithm (training and
 * inference containers); in each membership, its association, an ACTIVE ML input channel `ch-1` and ACTIVE
 * trained models `tm-1` and `tm-2`, all of account 123456789012.
 */
export function testSeedDocument(memberships = [MEMBERSHIP, OTHER_MEMBERSHIP], regions = ['us-east-1']): { resources: Record<string, unknown>[] } {
  const resources: Record<string, unknown>[] = [];
  for (const region of regions) {
    resources.push({
      arn: algorithmArn(region), name: 'algorithm', roleArn: 'arn:aws:iam::123456789012:role/ml',
      trainingContainerConfig: { imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1' },
      inferenceContainerConfig: { imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/infer:1' },
    });
    for (const m of memberships) {
      resources.push({ arn: associationArn(m, region), name: 'association', configuredModelAlgorithmArn: algorithmArn(region) });
      resources.push({
        arn: channelArn(m, region), name: 'channel', configuredModelAlgorithmAssociations: [associationArn(m, region)],
        retentionInDays: 7, inputChannel: {
          dataSource: { protectedQueryInputParameters: { sqlParameters: { queryString: 'SELECT * FROM t' } } },
          roleArn: 'arn:aws:iam::123456789012:role/ml',
        },
      });
      for (const id of ['tm-1', 'tm-2']) {
        resources.push({
          arn: trainedModelArn(m, region, id), name: id, configuredModelAlgorithmAssociationArn: associationArn(m, region),
          dataChannels: [{ mlInputChannelArn: channelArn(m, region), channelName: 'train' }],
        });
      }
    }
  }
  return { resources };
}

export function testSeed(memberships = [MEMBERSHIP, OTHER_MEMBERSHIP], regions = ['us-east-1']): Seed {
  return parseSeed(JSON.stringify(testSeedDocument(memberships, regions)), 'test seed');
}

/** A complete, valid StartTrainedModelInferenceJob body (naming membership `m`'s seeded model and channel). */
export function startBody(name: string, over: Record<string, unknown> = {}, m = MEMBERSHIP): Record<string, unknown> {
  return {
    name,
    trainedModelArn: trainedModelArn(m),
    resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: 1 },
    outputConfiguration: { accept: 'text/csv', members: [{ accountId: '123456789012' }] },
    dataSource: { mlInputChannelArn: channelArn(m) },
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
