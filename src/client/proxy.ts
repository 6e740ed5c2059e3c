// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the AWS CLI honours them (no SDK package does): an HTTPS
// endpoint is reached through a CONNECT tunnel, an HTTP one by sending the absolute URI to the proxy.
import { request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import type { Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

export interface ProxyChoice {
  url: URL;
  /** The proxy URL as the AWS CLI prints it in errors (botocore's mask_proxy_url: credentials as ***). */
  display: string;
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

/** botocore's mask_proxy_url: the first occurrences of the user name and the password become ***. */
function maskProxyUrl(url: string): string {
  const netloc = /^[^:/?#]*:?\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const at = netloc.lastIndexOf('@');
  if (at < 0) return url;
  const userinfo = netloc.slice(0, at);
  const colon = userinfo.indexOf(':');
  const username = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = colon < 0 ? '' : userinfo.slice(colon + 1);
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
    return { url: new URL(fixed), display: maskProxyUrl(fixed) };
  } catch {
    return undefined;
  }
}

function proxyError(message: string): Error {
  return Object.assign(new Error(message), { proxyFailure: true });
}

/** An https.Agent that opens each connection through a CONNECT tunnel of the proxy. */
export function proxyAgentFor(proxy: ProxyChoice, tlsOptions: AgentOptions): HttpsAgent {
  const agent = new HttpsAgent(tlsOptions);
  (agent as unknown as { createConnection: unknown }).createConnection = (
    options: ConnectionOptions & { host?: string; port?: number | string; servername?: string },
    callback: (err: Error | null, socket?: Socket) => void,
  ) => {
    const target = `${options.host}:${options.port ?? 443}`;
    const headers: Record<string, string> = { host: target };
    if (proxy.url.username) {
      const auth = `${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(auth).toString('base64')}`;
    }
    const req = httpRequest({
      host: proxy.url.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.url.port || 80),
      method: 'CONNECT', path: target, headers,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        callback(proxyError(`proxy answered ${res.statusCode}`));
        return;
      }
      const secure = tlsConnect({ ...tlsOptions, ...options, socket, servername: options.servername ?? options.host });
      callback(null, secure);
    });
    req.once('error', (e) => callback(proxyError(e.message)));
    req.end();
    return undefined;
  };
  return agent;
}
