// The heavy half of the client, loaded only when a request is really sent: credentials through the
// SDK's provider chain, SigV4 through @smithy/signature-v4, HTTP through @smithy/node-http-handler,
// and the AWS CLI's standard retry mode around them.
import * as http from 'node:http';
import * as https from 'node:https';
import { readFileSync } from 'node:fs';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import { CliError, NoCredentialsError, RC } from '../errors';
import type { DebugLog } from '../debug';
import { redactHeaders } from '../debug';
import type { SerializedRequest } from './serialize';
import { percentEncode } from './serialize';
import { proxyAgentFor, proxyFor, type ProxyChoice } from './proxy';
import { errorCodeOf } from './error-code';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CredentialSource {
  env: Record<string, string | undefined>;
  profile: string;
  fromFlag: boolean;
  configFile: string;
  credentialsFile: string;
}

/** The AWS CLI's credential chain: environment (unless --profile), then the SDK's provider chain. */
export async function resolveCredentials(src: CredentialSource, log: DebugLog): Promise<Credentials> {
  const env = src.env;
  // botocore's EnvProvider: used once AWS_ACCESS_KEY_ID is set at all; both keys must be non-empty;
  // the token from AWS_SECURITY_TOKEN, else AWS_SESSION_TOKEN.
  if (!src.fromFlag && env.AWS_ACCESS_KEY_ID !== undefined) {
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
      if (!env[name]) throw new CliError(`Partial credentials found in env, missing: ${name}`, RC.GENERAL);
    }
    log.debug('botocore.credentials', 'Found credentials in environment variables.');
    return {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
      sessionToken: env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN || undefined,
    };
  }
  const { defaultProvider } = await import('./sdk-credentials');
  try {
    const c = await defaultProvider({
      profile: src.profile, filepath: src.credentialsFile, configFilepath: src.configFile, ignoreCache: true,
      // The SDK's own notices go to --debug, not to the user's terminal.
      logger: {
        trace: () => undefined, debug: (m: unknown) => log.debug('sdk.credentials', String(m)),
        info: (m: unknown) => log.debug('sdk.credentials', String(m)),
        warn: (m: unknown) => log.debug('sdk.credentials', String(m)),
        error: (m: unknown) => log.debug('sdk.credentials', String(m)),
      },
    })();
    log.debug('botocore.credentials', `Found credentials for profile ${src.profile} through the SDK provider chain.`);
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
  } catch (e) {
    log.debug('botocore.credentials', `No credentials: ${(e as Error).message}`);
    throw new NoCredentialsError();
  }
}

export interface TransportOptions {
  /** The endpoint, e.g. https://cleanrooms-ml.us-east-1.amazonaws.com or http://127.0.0.1:8080/prefix */
  endpoint: string;
  region: string;
  signingName: string;
  credentials?: Credentials;
  maxAttempts: number;
  /** Seconds; 0 means none. */
  connectTimeout: number;
  readTimeout: number;
  verifySsl: boolean;
  caBundle?: string;
  env: Record<string, string | undefined>;
  userAgent: string;
  log: DebugLog;
  signal?: AbortSignal;
  now: () => Date;
  /** Where warnings go (stderr). */
  warn?: (text: string) => void;
  /** Test hook: the wait before a retry (seconds). */
  sleep?: (seconds: number) => Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  attempts: number;
  /** Set when the last attempt failed with a retryable error and no attempts were left. */
  maxAttemptsReached: boolean;
}

/** Network-level failures, with the AWS CLI's wording. */
export class EndpointConnectionError extends CliError {
  constructor(message: string) {
    super(message, RC.GENERAL);
  }
}

const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
const TRANSIENT = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);
const RETRY_STATUS = new Set([500, 502, 503, 504]);

export function isRetryable(status: number, code: string): boolean {
  return THROTTLING.has(code) || TRANSIENT.has(code) || RETRY_STATUS.has(status);
}

/** One HTTP handler (with its keep-alive connection pool) per set of transport options. */
const handlers = new WeakMap<TransportOptions, NodeHttpHandler>();

function handlerFor(base: URL, o: TransportOptions, proxy: ProxyChoice | undefined): NodeHttpHandler {
  let handler = handlers.get(o);
  if (handler) return handler;
  let httpsAgent: https.Agent | undefined;
  if (base.protocol === 'https:') {
    // With a CA bundle, it alone is trusted (as urllib3 does with `verify=<bundle>`).
    const tlsOptions: https.AgentOptions = { keepAlive: true };
    if (!o.verifySsl) tlsOptions.rejectUnauthorized = false;
    if (o.caBundle) {
      try {
        tlsOptions.ca = readFileSync(o.caBundle, 'utf8');
      } catch {
        throw new CliError(`Could not find a suitable TLS CA certificate bundle, invalid path: ${o.caBundle}`, RC.GENERAL);
      }
    }
    httpsAgent = proxy ? proxyAgentFor(proxy, tlsOptions) : new https.Agent(tlsOptions);
  }
  handler = new NodeHttpHandler({
    connectionTimeout: o.connectTimeout ? o.connectTimeout * 1000 : undefined,
    requestTimeout: o.readTimeout ? o.readTimeout * 1000 : undefined,
    throwOnRequestTimeout: true,
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent,
  });
  handlers.set(o, handler);
  return handler;
}

/** Closes the pooled connections of these options (the process can then exit at once). */
export function closeTransport(o: TransportOptions): void {
  handlers.get(o)?.destroy();
  handlers.delete(o);
}

const warned = new WeakSet<TransportOptions>();

export async function sendWithRetries(req: SerializedRequest, o: TransportOptions): Promise<RawResponse> {
  const base = new URL(o.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  const path = `${prefix}${req.path}`;
  const queryString = req.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  const fullUrl = `${base.protocol}//${base.host}${path}${queryString ? `?${queryString}` : ''}`;
  const proxy = proxyFor(base, o.env);
  if (!o.verifySsl && base.protocol === 'https:' && !warned.has(o)) {
    warned.add(o);
    o.warn?.(`warning: Unverified HTTPS request is being made to host '${base.hostname}'. Adding certificate verification is strongly advised.\n`);
  }
  const handler = handlerFor(base, o, proxy);
  const sleep = o.sleep ?? ((s: number) => new Promise<void>((resolve) => {
    const t = setTimeout(resolve, s * 1000);
    o.signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  }));
  try {
    for (let attempt = 1; ; attempt++) {
      const request = await buildSignedRequest(req, base, path, o);
      const plainHttpProxy = proxy && base.protocol === 'http:' ? proxy : undefined;
      if (plainHttpProxy) {
        // An http:// endpoint through an HTTP proxy: the absolute URI goes to the proxy.
        request.hostname = plainHttpProxy.url.hostname;
        request.port = Number(plainHttpProxy.url.port || 80);
        request.path = `${base.protocol}//${base.host}${path}`;
      }
      o.log.debug('botocore.endpoint', `Sending http request (attempt ${attempt} of ${o.maxAttempts}): <AWSPreparedRequest stream_output=False, method=${req.method}, url=${fullUrl}, headers=${JSON.stringify(redactHeaders(request.headers))}>`);
      if (req.body) o.log.debug('botocore.endpoint', `Request body: ${req.body}`);
      let retryable = false;
      let failure: CliError | undefined;
      let response: RawResponse | undefined;
      try {
        const { response: r } = await handler.handle(request, { abortSignal: o.signal as never });
        const body = await readBody(r.body);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
        o.log.debug('botocore.parsers', `Response status: ${r.statusCode}`);
        o.log.debug('botocore.parsers', `Response headers: ${JSON.stringify(headers)}`);
        o.log.debug('botocore.parsers', `Response body:\n${body}`);
        response = { status: r.statusCode, headers, body, attempts: attempt, maxAttemptsReached: false };
        if (r.statusCode >= 300) retryable = isRetryable(r.statusCode, errorCodeOf(r.statusCode, headers, body));
      } catch (e) {
        if (o.signal?.aborted) throw e;
        failure = networkError(e as NodeJS.ErrnoException, fullUrl, proxy);
        o.log.debug('botocore.endpoint', `Request failed: ${(e as Error).name}: ${(e as Error).message}`);
        // Every connection failure is transient for botocore, a refused proxy included (ProxyConnectionError
        // is a ConnectionError).
        retryable = true;
      }
      if (!retryable || attempt >= o.maxAttempts) {
        if (failure) throw failure;
        if (retryable) response!.maxAttemptsReached = true;
        return response!;
      }
      const retryAfter = response?.headers['x-amz-retry-after'];
      const delay = retryAfter !== undefined && /^\d+$/.test(retryAfter)
        ? Number(retryAfter) / 1000
        : Math.random() * Math.min(20, 2 ** (attempt - 1));
      o.log.debug('botocore.retries.standard', `Retry needed, retrying request after delay of: ${delay}`);
      await sleep(delay);
      if (o.signal?.aborted) throw new Error('aborted');
    }
  } catch (e) {
    closeTransport(o);
    throw e;
  }
}

class ProxyConnectionError extends EndpointConnectionError {}

function networkError(e: NodeJS.ErrnoException, url: string, proxy: ProxyChoice | undefined): CliError {
  const name = e.name ?? '';
  if (proxy && (e as { proxyFailure?: boolean }).proxyFailure) {
    return new ProxyConnectionError(`Failed to connect to proxy URL: "${proxy.display}"`);
  }
  if (name === 'TimeoutError' && /socket|request|read|timed out/i.test(e.message) && !/connection/i.test(e.message)) {
    return new EndpointConnectionError(`Read timeout on endpoint URL: "${url}"`);
  }
  if (name === 'TimeoutError' || e.code === 'ETIMEDOUT') {
    return new EndpointConnectionError(`Connect timeout on endpoint URL: "${url}"`);
  }
  if (proxy && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code ?? '')) {
    return new ProxyConnectionError(`Failed to connect to proxy URL: "${proxy.display}"`);
  }
  return new EndpointConnectionError(`Could not connect to the endpoint URL: "${url}"`);
}

async function readBody(stream: unknown): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

async function buildSignedRequest(req: SerializedRequest, base: URL, path: string, o: TransportOptions): Promise<HttpRequest> {
  const headers: Record<string, string> = { ...req.headers, host: base.host };
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of req.query) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  let request = new HttpRequest({
    method: req.method, protocol: base.protocol, hostname: base.hostname,
    port: base.port ? Number(base.port) : undefined, path, query, headers, body: req.body || undefined,
  });
  if (o.credentials) {
    const signer = new SignatureV4({
      credentials: o.credentials, region: o.region, service: o.signingName, sha256: Hash.bind(null, 'sha256'),
      applyChecksum: false, uriEscapePath: true,
    });
    request = (await signer.sign(request, { signingDate: o.now() })) as HttpRequest;
  }
  request.headers['User-Agent'] = o.userAgent;
  if (req.body) request.headers['Content-Length'] = String(Buffer.byteLength(req.body));
  return request;
}
