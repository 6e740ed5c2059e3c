// The HTTP side of the client, run only when a request is really sent (its bundle, lazy-call, also
// holds the credential chain, ./credentials): SigV4 through @smithy/signature-v4, HTTP through
// @smithy/node-http-handler, and the AWS CLI's standard retry mode around them (adaptive: with the
// SDK's rate limiter), with botocore's network error texts. A Transport runs the steps of each
// attempt as the SDK's middleware stack names them: sign, send (transmit), classify, back off.
// (Named imports: a namespace import of a builtin is copied property by property into the bundle.)
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
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
import { pyStrRepr } from '../py/repr';
import { fieldsFromEpoch, zeroPad } from '../py/calendar';
import { strptimeHttpDate } from '../py/strptime';
import { uuid4 } from '../py/uuid';
import { unquotePlus } from '../py/urllib';
import type { RateLimiter } from './rate-limiter';

export interface TransportOptions {
  /** The endpoint, e.g. https://cleanrooms-ml.us-east-1.amazonaws.com or http://127.0.0.1:8080/prefix */
  endpoint: string;
  region: string;
  signingName: string;
  credentials?: Credentials;
  maxAttempts: number;
  /** botocore's retry modes: adaptive adds a client-side rate limiter to standard. */
  retryMode?: 'standard' | 'adaptive';
  /** Seconds; 0 means none (so does one beyond what a Node.js timer holds, about 24.8 days). */
  connectTimeout: number;
  readTimeout: number;
  verifySsl: boolean;
  caBundle?: string;
  env: Record<string, string | undefined>;
  userAgent: string;
  log: DebugLog;
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

/** The longest wait a Node.js timer holds (2^31 - 1 ms): a longer timeout is none. */
const TIMER_MAX_MS = 2 ** 31 - 1;
const timeoutMs = (seconds: number) => (seconds && seconds * 1000 <= TIMER_MAX_MS ? seconds * 1000 : undefined);

/**
 * The longest timeout Python's socket.settimeout takes (its _PyTime_t counts nanoseconds in 64 bits):
 * beyond it, every attempt fails with an OverflowError that botocore reports as an HTTPClientError
 * (retried): a connect timeout as the connection is opened, a read timeout once the request is sent.
 */
const PY_TIME_MAX_SECONDS = 9223372036;
const PY_TIME_OVERFLOW = 'An HTTP Client raised an unhandled exception: timestamp too large to convert to C _PyTime_t';

/** Where an operation's request goes: the endpoint's path prefixed, and the URL the AWS CLI names in its errors. */
interface Target {
  path: string;
  /** The whole URL, query string included. */
  url: string;
  /** The query the request carries (and signs), decoded: the URL's, up to a fragment. */
  query: [string, string][];
  /** That query as the URL writes it (botocore's order and encoding), sent as it is. */
  queryString: string;
}

/** A query string's pairs as a server reads them (urllib's parse_qsl, blank values kept). */
function parseQuery(qs: string): [string, string][] {
  return qs.split('&').filter((part) => part !== '').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [unquotePlus(part), ''] : [unquotePlus(part.slice(0, eq)), unquotePlus(part.slice(eq + 1))];
  });
}

/** The methods botocore sends no Content-Length for when there is no body. */
const BODILESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The schemes urllib3 (botocore's HTTP client) opens connections for. */
const HTTP_SCHEMES = new Set(['http:', 'https:']);

/** What one attempt came to: an answer (`fatal` when it ends the call at once), or no answer. */
export type Attempt =
  | { kind: 'answer'; response: RawResponse; code: string; fatal?: CliError }
  | { kind: 'failure'; error: CliError };

/**
 * botocore's retry checks on an attempt: every failure to get an answer is transient (a refused proxy
 * included: ProxyConnectionError is a ConnectionError); an answer is retried for its throttling or
 * transient code, or a 500/502/503/504. `throttled` is what adaptive mode's rate limiter hears.
 */
export function classify(attempt: Attempt): { retryable: boolean; throttled: boolean } {
  if (attempt.kind === 'failure') return { retryable: true, throttled: false };
  const { status } = attempt.response;
  // botocore's throttling detector looks at the error code only.
  return { retryable: status >= 300 && isRetryable(status, attempt.code), throttled: THROTTLING.has(attempt.code) };
}

/**
 * The wait before the next attempt, in seconds: exponential backoff with full jitter (at most 20 s);
 * an x-amz-retry-after header (milliseconds) moves it within [t, t + 5 s], as botocore's newer standard
 * mode does.
 */
export function retryDelay(attempt: number, random: number, retryAfter: string | undefined): number {
  const jitter = random * Math.min(20, 2 ** (attempt - 1));
  return retryAfter !== undefined && /^\s*[+-]?\d+\s*$/.test(retryAfter) && Number(retryAfter) >= 0
    ? Math.max(jitter, Math.min(Number(retryAfter) / 1000, jitter + 5))
    : jitter;
}

/**
 * The SDK's SigV4, with the request's date formatted from its epoch seconds: the SDK formats it with
 * Date.prototype.toISOString, whose first call in a process makes V8 set up its date cache and ICU's
 * time zone (1-5 ms of a command that prints no date).
 */
class Signer extends SignatureV4 {
  protected override formatDate(now: unknown): { longDate: string; shortDate: string } {
    if (!(now instanceof Date)) return super.formatDate(now as Date);
    const longDate = compactUtc(Math.floor(now.getTime() / 1000));
    return { longDate, shortDate: longDate.slice(0, longDate.indexOf('T')) };
  }
}

/** An epoch second in UTC as `yyyymmddThhmmssZ`, the year zero-padded to `yearWidth` digits. */
function compactUtc(secs: number, yearWidth = 4): string {
  const [y, m, d, hh, mm, ss] = fieldsFromEpoch(secs);
  return `${zeroPad(y, yearWidth)}${zeroPad(m)}${zeroPad(d)}T${zeroPad(hh)}${zeroPad(mm)}${zeroPad(ss)}Z`;
}

/** The first second past datetime's range: 10000-01-01T00:00:00Z. */
const DATETIME_END = 253402300800;

/**
 * What botocore's retries context says of a call on each attempt's amz-sdk-invocation-id and
 * amz-sdk-request headers (its endpoint's _update_retries_context and _set_ttl, standard mode's
 * MaxAttemptsChecker, the add_retry_headers handler): the call's uuid4, the attempt, and from the second
 * attempt on the most attempts and, once an answer came with a Date header botocore reads, when the
 * answer to come is due: that date plus the read timeout (none without one).
 */
export class RetriesContext {
  readonly invocationId = uuid4();
  private ttl: string | undefined;
  private max: number | undefined;

  constructor(private readonly maxAttempts: number, private readonly readTimeout: number) {}

  /** The amz-sdk-request header of an attempt. */
  header(attempt: number): string {
    const parts = [`attempt=${attempt}`];
    if (this.ttl !== undefined) parts.unshift(`ttl=${this.ttl}`);
    if (this.max !== undefined) parts.push(`max=${this.max}`);
    return parts.join('; ');
  }

  /**
   * After an attempt that is retried: its answer's Date header, if any (an attempt with no answer leaves
   * the ttl as it was). botocore adds the read timeout to its clock and to the clock's skew from that
   * date: the date plus the timeout, to the second.
   */
  attempted(date: string | undefined): void {
    this.max = this.maxAttempts;
    if (date === undefined || !this.readTimeout) return;
    const epoch = strptimeHttpDate(date);
    if (epoch === undefined) return;
    // (strftime writes the year unpadded, as glibc's does.)
    if (epoch + this.readTimeout < DATETIME_END) this.ttl = compactUtc(epoch + this.readTimeout, 1);
  }
}

/**
 * The HTTP side of one command's client, as botocore's endpoint and standard retry handler run it:
 * each attempt is signed (`sign`), sent and read (`transmit`), judged (`classify`), and followed by a
 * wait (`backOff`) while it may be retried. It holds what lives as long as the command: the connection
 * pool (keep-alive, through a proxy when one applies), the CA bundle's failure, the signer, the
 * "unverified HTTPS" warning given once, adaptive mode's rate limiter.
 */
export class Transport {
  private readonly base: URL;
  private readonly proxy: ProxyChoice | undefined;
  private handler: NodeHttpHandler | undefined;
  /** An unreadable CA bundle: the reason urllib3 would give, the failure of every attempt. */
  private caError: string | undefined;
  private signer: Signer | undefined;
  private warnedUnverified = false;
  private limiter: Promise<RateLimiter> | undefined;

  /** The endpoint URL's own query and fragment, as urlsplit finds them (kept by botocore's _urljoin). */
  private readonly endpointQuery: string;
  private readonly endpointFragment: string;

  constructor(private readonly o: TransportOptions) {
    this.base = new URL(o.endpoint);
    this.proxy = proxyFor(this.base, o.env);
    const hash = o.endpoint.indexOf('#');
    const beforeFragment = hash < 0 ? o.endpoint : o.endpoint.slice(0, hash);
    const question = beforeFragment.indexOf('?');
    this.endpointQuery = question < 0 ? '' : beforeFragment.slice(question + 1);
    this.endpointFragment = hash < 0 ? '' : o.endpoint.slice(hash + 1);
  }

  /** Sends a request until an answer that is not retried, or no attempt is left (the last failure is thrown). */
  async send(req: SerializedRequest): Promise<RawResponse> {
    const target = this.target(req);
    const limiter = await this.rateLimiter();
    const retries = new RetriesContext(this.o.maxAttempts, this.o.readTimeout);
    try {
      for (let attempt = 1; ; attempt++) {
        // Adaptive mode: every attempt waits for a token (the bucket is on once a throttling answer came).
        await limiter?.getSendToken();
        const request = await this.sign(req, target);
        request.headers['amz-sdk-invocation-id'] = retries.invocationId;
        request.headers['amz-sdk-request'] = retries.header(attempt);
        const result = await this.transmit(request, req, target, attempt);
        const { retryable, throttled } = classify(result);
        limiter?.updateClientSendingRate(throttled ? { errorType: 'THROTTLING' } : {});
        if (result.kind === 'answer' && result.fatal) throw result.fatal;
        // botocore's MaxAttemptsChecker runs first and marks the last allowed attempt as "max attempts
        // reached" whatever the answer: with AWS_MAX_ATTEMPTS=1 even an AccessDenied says
        // "(reached max retries: 0)".
        const last = attempt >= this.o.maxAttempts;
        if (!retryable || last) {
          if (result.kind === 'failure') throw result.error;
          if (last && result.response.status >= 300) result.response.maxAttemptsReached = true;
          return result.response;
        }
        retries.attempted(result.kind === 'answer' ? result.response.headers.date : undefined);
        await this.backOff(attempt, result);
      }
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /** Closes the pooled connections (the process can then exit at once); a later send opens new ones. */
  close(): void {
    this.handler?.destroy();
    this.handler = undefined;
  }

  /**
   * botocore's prepare_request_dict: the endpoint URL joined with the operation's path (its query and
   * fragment kept), then the operation's query appended after `?`, or after `&` when the URL has a `?`
   * already. The request carries the query the URL then has (a fragment in the endpoint swallows the
   * operation's query: it is not sent).
   */
  private target(req: SerializedRequest): Target {
    const path = `${this.base.pathname.replace(/\/+$/, '')}${req.path}`;
    const queryString = req.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    let url = `${this.base.protocol}//${this.base.host}${path}`;
    if (this.endpointQuery) url += `?${this.endpointQuery}`;
    if (this.endpointFragment) url += `#${this.endpointFragment}`;
    if (queryString) url += `${url.includes('?') ? '&' : '?'}${queryString}`;
    const beforeFragment = url.split('#')[0];
    const question = beforeFragment.indexOf('?');
    const sent = question < 0 ? '' : beforeFragment.slice(question + 1);
    return { path, url, query: parseQuery(sent), queryString: sent };
  }

  private rateLimiter(): Promise<RateLimiter> | undefined {
    if (this.o.retryMode !== 'adaptive') return undefined;
    return (this.limiter ??= import('./rate-limiter').then((m) => m.createRateLimiter()));
  }

  /**
   * The attempt's HTTP request, signed with SigV4 when there are credentials (over the headers the
   * AWS CLI signs: host, x-amz-date, content-type), then the unsigned ones: Python's http.client's
   * Accept-Encoding, the User-Agent and Content-Length (botocore sets it, 0 for no body, on any method
   * but GET, HEAD and OPTIONS; http.client on any request with a body).
   */
  private async sign(req: SerializedRequest, target: Target): Promise<HttpRequest> {
    const o = this.o;
    const headers: Record<string, string> = { ...req.headers, host: this.base.host };
    // Keys from the request (a map member sent in the query string is the user's): own properties only.
    const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    for (const [k, v] of target.query) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    let request = new HttpRequest({
      method: req.method, protocol: this.base.protocol, hostname: this.base.hostname,
      port: this.base.port ? Number(this.base.port) : undefined, path: target.path, query, headers, body: req.body || undefined,
    });
    if (o.credentials) {
      this.signer ??= new Signer({
        credentials: o.credentials, region: o.region, service: o.signingName, sha256: Hash.bind(null, 'sha256'),
        applyChecksum: false, uriEscapePath: true,
      });
      request = (await this.signer.sign(request, { signingDate: o.now() })) as HttpRequest;
    }
    request.headers['Accept-Encoding'] = 'identity';
    request.headers['User-Agent'] = o.userAgent;
    if (req.body || !BODILESS_METHODS.has(req.method)) request.headers['Content-Length'] = String(Buffer.byteLength(req.body));
    return request;
  }

  /**
   * One attempt: the request sent (an http:// endpoint through an HTTP proxy: its absolute URI to the
   * proxy) and the answer read whole and decoded, or the failure as botocore names it.
   */
  private async transmit(request: HttpRequest, req: SerializedRequest, target: Target, attempt: number): Promise<Attempt> {
    const { o, base, proxy } = this;
    if (proxy && base.protocol === 'http:') {
      request.hostname = proxy.url.hostname;
      request.port = Number(proxy.url.port || 80);
      request.path = `${base.protocol}//${base.host}${target.path}`;
      if (proxy.authorization) request.headers['Proxy-Authorization'] = proxy.authorization;
    }
    // The query goes as the URL has it (the HTTP handler would sort and re-encode the signed pairs).
    request.query = {};
    if (target.queryString) request.path += `?${target.queryString}`;
    // (The log's texts are made only for --debug.)
    if (o.log.enabled) {
      o.log.debug('botocore.endpoint', `Sending http request (attempt ${attempt} of ${o.maxAttempts}): <AWSPreparedRequest stream_output=False, method=${req.method}, url=${target.url}, headers=${JSON.stringify(redactHeaders(request.headers))}>`);
      if (req.body) o.log.debug('botocore.endpoint', `Request body: ${req.body}`);
    }
    try {
      // urllib3's PoolManager knows no other scheme (its URLSchemeUnknown, an HTTPClientError to botocore).
      if (!HTTP_SCHEMES.has(base.protocol)) {
        return { kind: 'failure', error: new EndpointConnectionError(`An HTTP Client raised an unhandled exception: Not supported URL scheme ${base.protocol.slice(0, -1)}`) };
      }
      // The proxy's headers are made for each connection pool urllib3 opens.
      if (proxy?.authorizationError !== undefined) {
        return { kind: 'failure', error: new EndpointConnectionError(`An HTTP Client raised an unhandled exception: ${proxy.authorizationError}`) };
      }
      if (o.connectTimeout > PY_TIME_MAX_SECONDS) return { kind: 'failure', error: new EndpointConnectionError(PY_TIME_OVERFLOW) };
      const handler = this.connections();
      if (this.caError !== undefined && !proxy) throw Object.assign(new Error(this.caError), { caBundleFailure: true });
      const { response: r } = await handler.handle(request);
      this.warnUnverified();
      if (o.readTimeout > PY_TIME_MAX_SECONDS) {
        (r.body as NodeJS.ReadableStream | undefined)?.resume();
        return { kind: 'failure', error: new EndpointConnectionError(PY_TIME_OVERFLOW) };
      }
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
      if (o.log.enabled) {
        o.log.debug('botocore.parsers', `Response status: ${r.statusCode}`);
        o.log.debug('botocore.parsers', `Response headers: ${JSON.stringify(headers)}`);
        o.log.debug('botocore.parsers', `Response body:\n${body}`);
      }
      const parses = r.statusCode < 300 ? req.parsesOutput !== false : !isGenericErrorBody(r.statusCode, bytes);
      let fatal: CliError | undefined;
      if (decodeError !== undefined && parses) fatal = new CliError(decodeError, RC.GENERAL);
      else if (!complete && r.statusCode < 300) {
        // A successful answer whose body ended before its Content-Length: the AWS CLI parses what
        // came (and prints nothing, or a part); this clone fails clearly, once (the AWS CLI does not
        // retry it either).
        fatal = new EndpointConnectionError(closedText(target.url));
      }
      // (An error answer cut short is taken as it came, as urllib3 gives it to botocore.)
      const response: RawResponse = { status: r.statusCode, headers, body, attempts: attempt, maxAttemptsReached: false };
      return { kind: 'answer', response, code: r.statusCode >= 300 ? errorCodeOf(r.statusCode, headers, body) : '', fatal };
    } catch (e) {
      o.log.debug('botocore.endpoint', `Request failed: ${(e as Error).name}: ${(e as Error).message}`);
      return { kind: 'failure', error: networkError(e as NodeJS.ErrnoException, target.url, proxy) };
    }
  }

  /** Waits before the next attempt. */
  private async backOff(attempt: number, result: Attempt): Promise<void> {
    const o = this.o;
    const retryAfter = result.kind === 'answer' ? result.response.headers['x-amz-retry-after'] : undefined;
    const delay = retryDelay(attempt, (o.random ?? Math.random)(), retryAfter);
    o.log.debug('botocore.retries.standard', `Retry needed, retrying request after delay of: ${delay}`);
    await (o.sleep ?? ((s: number) => new Promise<void>((resolve) => { setTimeout(resolve, s * 1000); })))(delay);
  }

  /** The HTTP handler and its keep-alive connection pool, made on first use (the CA bundle read then). */
  private connections(): NodeHttpHandler {
    if (this.handler) return this.handler;
    const o = this.o;
    let httpsAgent: HttpsAgent;
    if (this.base.protocol === 'https:') {
      // With a CA bundle, it alone is trusted (as urllib3 does with `verify=<bundle>`).
      const tlsOptions: AgentOptions = { keepAlive: true };
      if (!o.verifySsl) tlsOptions.rejectUnauthorized = false;
      if (o.caBundle) {
        try {
          tlsOptions.ca = readFileSync(o.caBundle, 'utf8');
        } catch (e) {
          // urllib3 loads the bundle when it wraps each connection: the failure is an SSLError of every
          // attempt (after the proxy's tunnel, which fails first when the proxy does).
          const code = (e as NodeJS.ErrnoException).code;
          this.caError = code === 'ENOENT' ? '[Errno 2] No such file or directory'
            : code === 'EACCES' ? '[Errno 13] Permission denied'
              : code === 'EISDIR' ? '[Errno 21] Is a directory' : (e as Error).message;
        }
      }
      httpsAgent = this.proxy ? proxyAgentFor(this.proxy, tlsOptions) : new HttpsAgent(tlsOptions);
    } else {
      // A plain-HTTP endpoint never opens a TLS connection: this stand-in keeps the handler from making
      // a default https.Agent (and so from loading node:https and node:tls; see scripts/build.mjs).
      httpsAgent = { destroy: () => undefined } as unknown as HttpsAgent;
    }
    this.handler = new NodeHttpHandler({
      connectionTimeout: timeoutMs(o.connectTimeout),
      requestTimeout: timeoutMs(o.readTimeout),
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent({ keepAlive: true }),
      httpsAgent,
    });
    return this.handler;
  }

  /** urllib3 warns once a connection to the host is set up (so not when the proxy or the connection fails). */
  private warnUnverified(): void {
    if (this.o.verifySsl || this.base.protocol !== 'https:' || this.warnedUnverified) return;
    this.warnedUnverified = true;
    this.o.warn?.(`warning: Unverified HTTPS request is being made to host '${this.base.hostname}'. Adding certificate verification is strongly advised.\n`);
  }
}

class ProxyConnectionError extends EndpointConnectionError {}

/** Where CPython 3.11's _ssl.c raises the handshake's errors (the AWS CLI's Python shows it in each). */
const SSL_WHERE = '(_ssl.c:992)';

/**
 * urllib3 1.26's match_hostname error (the AWS CLI's urllib3 checks the host name itself): the names
 * of the certificate (its subjectAltName DNS names and IP addresses, else its subject's common names)
 * the host did not match.
 */
function hostnameMismatch(e: NodeJS.ErrnoException, hostname: string): string {
  const cert = (e as { cert?: { subjectaltname?: string; subject?: { CN?: string | string[] } } }).cert;
  const names: string[] = [];
  for (const entry of (cert?.subjectaltname ?? '').split(', ')) {
    const m = /^(DNS|IP Address):(.*)$/.exec(entry);
    if (m) names.push(m[2]);
  }
  if (!names.length && cert?.subject?.CN !== undefined) names.push(...([] as string[]).concat(cert.subject.CN));
  if (names.length > 1) return `hostname ${pyStrRepr(hostname)} doesn't match either of ${names.map(pyStrRepr).join(', ')}`;
  if (names.length === 1) return `hostname ${pyStrRepr(hostname)} doesn't match ${pyStrRepr(names[0])}`;
  return 'no appropriate commonName or subjectAltName fields were found';
}

/** OpenSSL's certificate verification failures, as Node reports them (err.code). */
const TLS_VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_UNTRUSTED', 'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE', 'INVALID_CA',
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
  // botocore reports every SSLError of the handshake as "SSL validation failed for <url> <error>".
  const sslError = (text: string) => new EndpointConnectionError(`SSL validation failed for ${url} ${text}`);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return sslError(hostnameMismatch(e, new URL(url).hostname.replace(/^\[(.*)\]$/, '$1')));
  if (TLS_VERIFY_CODES.has(code)) return sslError(`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${message} ${SSL_WHERE}`);
  // Other OpenSSL errors of the handshake (a plain-HTTP port: "wrong version number"; the server's
  // alert), as Python's ssl module names them: [LIB: REASON_CODE] reason.
  const openssl = /error:[0-9A-Fa-f]+:([^:]*):[^:]*:([^:]+):/.exec(message);
  if (code === 'EPROTO' && openssl) {
    const lib = openssl[1] === 'SSL routines' ? 'SSL' : openssl[1].split(' ')[0].toUpperCase();
    return sslError(`[${lib}: ${openssl[2].toUpperCase().replace(/ /g, '_')}] ${openssl[2]} ${SSL_WHERE}`);
  }
  // The server closed the connection during the handshake.
  if (message === 'Client network socket disconnected before secure TLS connection was established') {
    return sslError(`TLS/SSL connection has been closed (EOF) ${SSL_WHERE}`);
  }
  if (proxy && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return new ProxyConnectionError(`Failed to connect to proxy URL: "${proxy.display}"`);
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
