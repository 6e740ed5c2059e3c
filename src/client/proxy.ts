// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the AWS CLI honours them (no SDK package does): an HTTPS
// endpoint is reached through a CONNECT tunnel, an HTTP one by sending the absolute URI to the proxy.
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { asciiEncodeError } from '../py/codec';
import { unquote } from '../py/urllib';

export interface ProxyChoice {
  url: URL;
  /** The proxy URL as the AWS CLI prints it in errors (botocore's mask_proxy_url: credentials as ***). */
  display: string;
  /** The Proxy-Authorization header botocore sends the proxy (proxy_headers_for), if any. */
  authorization?: string;
  /** Why it cannot make that header (a user name or password that is not ASCII): each attempt fails with it. */
  authorizationError?: string;
}

/**
 * urllib's getproxies_environment for one scheme: any-case `<scheme>_proxy` variables, then the
 * lowercase one overriding them (an empty lowercase one removes the proxy).
 */
function envProxy(env: Record<string, string | undefined>, scheme: string): string | undefined {
  const name = `${scheme}_proxy`;
  let value: string | undefined;
  // (The names first: reading every value of process.env costs a call into Node for each.)
  for (const k of Object.keys(env)) {
    if (k.length !== name.length || k.toLowerCase() !== name) continue;
    const v = env[k];
    if (v) value = v;
  }
  const lower = env[name];
  if (lower !== undefined) value = lower || undefined;
  return value;
}

/** urllib's proxy_bypass_environment: `*` alone, or host/host:port names matched as DNS suffixes. */
function noProxyMatches(netloc: string, noProxy: string): boolean {
  if (noProxy === '*') return true;
  const host = netloc.toLowerCase();
  const m = /^(.*):([0-9]*)$/s.exec(host);
  const hostonly = m ? m[1] : host;
  for (const raw of noProxy.split(',')) {
    let name = raw.trim();
    if (!name) continue;
    name = name.replace(/^\.+/, '').toLowerCase();
    if (hostonly === name || host === name) return true;
    name = `.${name}`;
    if (hostonly.endsWith(name) || host.endsWith(name)) return true;
  }
  return false;
}

/** urlsplit's user name and password of a URL (undefined: none; no `:`, no password), still quoted. */
function userinfoOf(url: string): { username: string; password: string | undefined } | undefined {
  const netloc = /^[^:/?#]*:?\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const at = netloc.lastIndexOf('@');
  if (at < 0) return undefined;
  const userinfo = netloc.slice(0, at);
  const colon = userinfo.indexOf(':');
  return colon < 0 ? { username: userinfo, password: undefined } : { username: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
}

/** botocore's mask_proxy_url: the first occurrences of the user name and the password become ***. */
function maskProxyUrl(url: string): string {
  const info = userinfoOf(url);
  if (!info) return url;
  const { username, password = '' } = info;
  let out = url;
  if (username) out = out.replace(username, '***');
  if (password) out = out.replace(password, '***');
  return out;
}

/** The proxy for a request to `target` (HTTPS_PROXY/HTTP_PROXY, NO_PROXY), as botocore picks it. */
export function proxyFor(target: URL, env: Record<string, string | undefined>): ProxyChoice | undefined {
  const value = envProxy(env, target.protocol.replace(/:$/, ''));
  if (!value) return undefined;
  const noProxy = envProxy(env, 'no');
  if (noProxy !== undefined && noProxyMatches(target.host, noProxy)) return undefined;
  // botocore's _fix_proxy_url: a proxy without a scheme is an http:// one.
  const fixed = value.startsWith('http:') || value.startsWith('https:') ? value
    : value.startsWith('//') ? `http:${value}` : `http://${value}`;
  try {
    return { url: new URL(fixed), display: maskProxyUrl(fixed), ...proxyAuthorization(fixed) };
  } catch {
    return undefined;
  }
}

/**
 * botocore's proxy_headers_for: Basic authorization from the URL's user name and password, both
 * unquoted and neither empty, encoded as ASCII (anything else is Python's UnicodeEncodeError).
 */
function proxyAuthorization(url: string): Pick<ProxyChoice, 'authorization' | 'authorizationError'> {
  const info = userinfoOf(url);
  if (!info || info.password === undefined) return {};
  const [username, password] = [unquote(info.username), unquote(info.password)];
  if (!username || !password) return {};
  const credentials = `${username}:${password}`;
  const error = asciiEncodeError(credentials);
  if (error !== undefined) return { authorizationError: error };
  return { authorization: `Basic ${Buffer.from(credentials, 'latin1').toString('base64')}` };
}

function proxyError(message: string): Error {
  return Object.assign(new Error(message), { proxyFailure: true });
}

/**
 * An https.Agent that opens each connection through a CONNECT tunnel of the proxy, asked for as Python
 * 3.11's http.client asks (urllib3's tunnel for botocore): `CONNECT host:port HTTP/1.0` with the proxy
 * headers (Proxy-Authorization) and no others; a `200` status line, then header lines up to a blank one
 * (or the end), open it. Anything else is a failure to connect to the proxy.
 */
export function proxyAgentFor(proxy: ProxyChoice, tlsOptions: AgentOptions): HttpsAgent {
  const agent = new HttpsAgent(tlsOptions);
  (agent as unknown as { createConnection: unknown }).createConnection = (
    options: ConnectionOptions & { host?: string; port?: number | string; servername?: string },
    callback: (err: Error | null, socket?: Socket) => void,
  ) => {
    const head = `CONNECT ${options.host}:${options.port ?? 443} HTTP/1.0\r\n` +
      `${proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : ''}\r\n`;
    const socket = netConnect({ host: proxy.url.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.url.port || 80) });
    let answer = '';
    let done = false;
    const finish = (error: Error | undefined) => {
      if (done) return;
      done = true;
      socket.off('data', onData);
      socket.off('end', onEnd);
      if (error) {
        socket.destroy();
        callback(error);
        return;
      }
      callback(null, tlsConnect({ ...tlsOptions, ...options, socket, servername: options.servername ?? options.host }));
    };
    // The status line, then lines up to an empty one (`\r\n` or `\n`); the end of the stream ends them too.
    const read = (ended: boolean) => {
      const eol = answer.indexOf('\n');
      if (eol < 0) {
        if (ended) finish(proxyError('the proxy closed the connection'));
        return;
      }
      const status = /^HTTP\/\S*[ \t]+(\d+)/.exec(answer.slice(0, eol));
      if (!status || Number(status[1]) !== 200) {
        finish(proxyError(`proxy answered ${answer.slice(0, eol).trim()}`));
        return;
      }
      if (ended || /\n\r?\n/.test(answer.slice(eol))) finish(undefined);
    };
    const onData = (d: Buffer) => {
      answer += d.toString('latin1');
      read(false);
    };
    const onEnd = () => read(true);
    socket.once('connect', () => socket.write(head, 'latin1'));
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.once('error', (e) => finish(proxyError(e.message)));
    return undefined;
  };
  return agent;
}
