// The heavy half of the client, loaded only when a request is really sent: the credential chain
// (./credentials), SigV4 through @smithy/signature-v4, HTTP through @smithy/node-http-handler, and
// the AWS CLI's standard retry mode around them, with botocore's network error texts.
import * as http from 'node:http';
import * as https from 'node:https';
import { readFileSync } from 'node:fs';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import { CliError, RC } from '../errors';
import type { Credentials } from './credentials';
import type { DebugLog } from '../debug';
import { redactHeaders } from '../debug';
import type { SerializedRequest } from './serialize';
import { percentEncode } from './serialize';
import { proxyAgentFor, proxyFor, type ProxyChoice } from './proxy';
import { errorCodeOf } from './error-code';
import { pyUtf8Decode } from '../py/codec';
import type { RateLimiter } from './rate-limiter';

export type { Credentials, CredentialSource, LoadedCredentials } from './credentials';
export { credentialsFor, loadCredentials, resolveCredentials } from './credentials';

export interface TransportOptions {
  /** The endpoint, e.g. https://cleanrooms-ml.us-east-1.amazonaws.com or http://127.0.0.1:8080/prefix */
  endpoint: string;
  region: string;
  signingName: string;
  credentials?: Credentials;
  maxAttempts: number;
  /** botocore's retry modes: adaptive adds a client-side rate limiter to standard. */
  retryMode?: 'standard' | 'adaptive';
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
  /** Test hook: the jitter's random source (Math.random). */
  random?: () => number;
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

/** An unreadable CA bundle, by transport options: the reason urllib3 would give. */
const caErrors = new WeakMap<TransportOptions, string>();

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
      } catch (e) {
        // urllib3 loads the bundle when it wraps each connection: the failure is an SSLError of every
        // attempt (after the proxy's tunnel, which fails first when the proxy does).
        const code = (e as NodeJS.ErrnoException).code;
        caErrors.set(o, code === 'ENOENT' ? '[Errno 2] No such file or directory'
          : code === 'EACCES' ? '[Errno 13] Permission denied'
            : code === 'EISDIR' ? '[Errno 21] Is a directory' : (e as Error).message);
      }
    }
    httpsAgent = proxy ? proxyAgentFor(proxy, tlsOptions) : new https.Agent(tlsOptions);
  } else {
    // A plain-HTTP endpoint never opens a TLS connection: this stand-in keeps the handler from making
    // a default https.Agent (and so from loading node:https and node:tls; see scripts/build.mjs).
    httpsAgent = { destroy: () => undefined } as unknown as https.Agent;
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

/** Adaptive mode's client-side rate limiter, one per set of transport options (one client). */
const limiters = new WeakMap<TransportOptions, Promise<RateLimiter>>();

function rateLimiterFor(o: TransportOptions): Promise<RateLimiter> | undefined {
  if (o.retryMode !== 'adaptive') return undefined;
  let limiter = limiters.get(o);
  if (!limiter) {
    limiter = import('./rate-limiter').then((m) => m.createRateLimiter());
    limiters.set(o, limiter);
  }
  return limiter;
}

export async function sendWithRetries(req: SerializedRequest, o: TransportOptions): Promise<RawResponse> {
  const base = new URL(o.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  const path = `${prefix}${req.path}`;
  const queryString = req.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  const fullUrl = `${base.protocol}//${base.host}${path}${queryString ? `?${queryString}` : ''}`;
  const proxy = proxyFor(base, o.env);
  // urllib3 warns once a connection to the host is set up (so not when the proxy or the connection fails).
  const warnUnverified = () => {
    if (o.verifySsl || base.protocol !== 'https:' || warned.has(o)) return;
    warned.add(o);
    o.warn?.(`warning: Unverified HTTPS request is being made to host '${base.hostname}'. Adding certificate verification is strongly advised.\n`);
  };
  const handler = handlerFor(base, o, proxy);
  const sleep = o.sleep ?? ((s: number) => new Promise<void>((resolve) => {
    const t = setTimeout(resolve, s * 1000);
    o.signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  }));
  const limiter = await rateLimiterFor(o);
  try {
    for (let attempt = 1; ; attempt++) {
      // Adaptive mode: every attempt waits for a token (the bucket is on once a throttling answer came).
      await limiter?.getSendToken();
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
      /** A failure that ends the call at once, never retried (botocore raises it while parsing). */
      let fatal: CliError | undefined;
      let response: RawResponse | undefined;
      try {
        const caError = caErrors.get(o);
        if (caError !== undefined && !proxy) throw Object.assign(new Error(caError), { caBundleFailure: true });
        const { response: r } = await handler.handle(request, { abortSignal: o.signal as never });
        warnUnverified();
        const { bytes, complete } = await readBody(r.body);
        const headers: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
        // A chunked body cut short is urllib3's ProtocolError: a closed connection, retried.
        if (!complete && /chunked/i.test(headers['transfer-encoding'] ?? '')) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
        // botocore decodes the body as strict UTF-8 where it parses it: a successful answer of an
        // operation with output, an error answer that is not a generic 5xx page. A body that does not
        // decode ends the call with Python's UnicodeDecodeError text (exit 255), before any retry.
        let body: string;
        let decodeError: string | undefined;
        try {
          body = pyUtf8Decode(bytes);
        } catch (e) {
          body = bytes.toString('utf8');
          decodeError = (e as Error).message;
        }
        o.log.debug('botocore.parsers', `Response status: ${r.statusCode}`);
        o.log.debug('botocore.parsers', `Response headers: ${JSON.stringify(headers)}`);
        o.log.debug('botocore.parsers', `Response body:\n${body}`);
        const parses = r.statusCode < 300 ? req.parsesOutput !== false : !isGenericErrorBody(r.statusCode, bytes);
        if (decodeError !== undefined && parses) fatal = new CliError(decodeError, RC.GENERAL);
        else if (!complete && r.statusCode < 300) {
          // A successful answer whose body ended before its Content-Length: the AWS CLI parses what
          // came (and prints nothing, or a part); this clone fails clearly, once (the AWS CLI does not
          // retry it either).
          fatal = new EndpointConnectionError(closedText(fullUrl));
        }
        // (An error answer cut short is taken as it came, as urllib3 gives it to botocore.)
        response = { status: r.statusCode, headers, body, attempts: attempt, maxAttemptsReached: false };
        const code = r.statusCode >= 300 ? errorCodeOf(r.statusCode, headers, body) : '';
        if (r.statusCode >= 300) retryable = isRetryable(r.statusCode, code);
        // botocore's throttling detector looks at the error code only.
        limiter?.updateClientSendingRate(THROTTLING.has(code) ? { errorType: 'THROTTLING' } : {});
      } catch (e) {
        if (o.signal?.aborted) throw e;
        limiter?.updateClientSendingRate({});
        failure = networkError(e as NodeJS.ErrnoException, fullUrl, proxy);
        o.log.debug('botocore.endpoint', `Request failed: ${(e as Error).name}: ${(e as Error).message}`);
        // Every connection failure is transient for botocore, a refused proxy included (ProxyConnectionError
        // is a ConnectionError).
        retryable = true;
      }
      if (fatal) throw fatal;
      // botocore's MaxAttemptsChecker runs first and marks the last allowed attempt as "max attempts
      // reached" whatever the answer: with AWS_MAX_ATTEMPTS=1 even an AccessDenied says
      // "(reached max retries: 0)".
      const last = attempt >= o.maxAttempts;
      if (!retryable || last) {
        if (failure) throw failure;
        if (last && response!.status >= 300) response!.maxAttemptsReached = true;
        return response!;
      }
      // Exponential backoff with full jitter; x-amz-retry-after (milliseconds) moves the wait
      // within [t, t + 5 s] as botocore's newer standard mode does.
      const jitter = (o.random ?? Math.random)() * Math.min(20, 2 ** (attempt - 1));
      const retryAfter = response?.headers['x-amz-retry-after'];
      const delay = retryAfter !== undefined && /^\s*[+-]?\d+\s*$/.test(retryAfter) && Number(retryAfter) >= 0
        ? Math.max(jitter, Math.min(Number(retryAfter) / 1000, jitter + 5))
        : jitter;
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

/** OpenSSL's certificate verification failures, as Node reports them (err.code). */
const TLS_VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_UNTRUSTED', 'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE', 'INVALID_CA', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A failed attempt as botocore's URLLib3Session reports it (every one of these is retried):
 * the proxy refused or failed → ProxyConnectionError; no connection within --cli-connect-timeout →
 * ConnectTimeoutError; no answer within --cli-read-timeout → ReadTimeoutError; the connection closed
 * or reset before a whole answer → ConnectionClosedError; a certificate that does not verify →
 * SSLError; refused, unreachable or unknown host → EndpointConnectionError.
 */
function networkError(e: NodeJS.ErrnoException, url: string, proxy: ProxyChoice | undefined): CliError {
  const code = e.code ?? '';
  const message = e.message ?? '';
  if (proxy && (e as { proxyFailure?: boolean }).proxyFailure) {
    return new ProxyConnectionError(`Failed to connect to proxy URL: "${proxy.display}"`);
  }
  if ((e as { caBundleFailure?: boolean }).caBundleFailure) return new EndpointConnectionError(`SSL validation failed for ${url} ${message}`);
  // @smithy/node-http-handler's connection timeout, and the system's own connect timeout.
  if (/did not establish a connection/.test(message) || (code === 'ETIMEDOUT' && e.syscall === 'connect')) {
    return new EndpointConnectionError(`Connect timeout on endpoint URL: "${url}"`);
  }
  // Its request and socket-inactivity timeouts (the handler names both TimeoutError).
  if (/requestTimeout|timed out after|Stream timed out/.test(message) || (code === 'ETIMEDOUT' && e.name === 'TimeoutError')) {
    return new EndpointConnectionError(`Read timeout on endpoint URL: "${url}"`);
  }
  if (proxy && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return new ProxyConnectionError(`Failed to connect to proxy URL: "${proxy.display}"`);
  }
  if (TLS_VERIFY_CODES.has(code)) {
    const reason = code === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? `Hostname mismatch, certificate is not valid for '${new URL(url).hostname}'.`
      : message;
    return new EndpointConnectionError(`SSL validation failed for ${url} [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${reason} (_ssl.c:1010)`);
  }
  // The server closed or reset the connection before a whole answer ("socket hang up", "aborted"), or
  // answered with something that is not HTTP (Node's parser errors, HPE_*): botocore's
  // ConnectionClosedError either way (it did connect).
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code) || code.startsWith('HPE_') ||
    message === 'socket hang up' || message === 'aborted') {
    return new EndpointConnectionError(closedText(url));
  }
  return new EndpointConnectionError(`Could not connect to the endpoint URL: "${url}"`);
}

/**
 * The whole body (through events: a stream's async iterator costs about 0.5 ms on first use), and
 * whether it came whole: a connection closed or reset before the end of the body (short of its
 * Content-Length, or of its last chunk) leaves what arrived.
 */
function readBody(stream: unknown): Promise<{ bytes: Buffer; complete: boolean }> {
  if (!stream) return Promise.resolve({ bytes: Buffer.alloc(0), complete: true });
  const body = stream as NodeJS.ReadableStream;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ended = false;
    const cut = () => { if (!ended) { ended = true; resolve({ bytes: Buffer.concat(chunks), complete: false }); } };
    body.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    body.once('end', () => { if (!ended) { ended = true; resolve({ bytes: Buffer.concat(chunks), complete: true }); } });
    body.once('error', cut);
    body.once('close', cut);
  });
}

/** botocore's _is_generic_error_response: a 5xx whose body (stripped of ASCII whitespace) is empty or an HTML page. */
function isGenericErrorBody(status: number, bytes: Buffer): boolean {
  if (status < 500) return false;
  const text = bytes.toString('latin1').replace(/^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g, '');
  return text === '' || text.startsWith('<html>');
}

const closedText = (url: string) => `Connection was closed before we received a valid response from endpoint URL: "${url}".`;

async function buildSignedRequest(req: SerializedRequest, base: URL, path: string, o: TransportOptions): Promise<HttpRequest> {
  const headers: Record<string, string> = { ...req.headers, host: base.host };
  // Keys from the request (a map member sent in the query string is the user's): own properties only.
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
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
