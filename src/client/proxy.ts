// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the AWS CLI honours them (no SDK package does): an HTTPS
// endpoint is reached through a CONNECT tunnel, an HTTP one by sending the absolute URI to the proxy.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';

export interface ProxyChoice {
  url: URL;
}

function noProxyMatches(host: string, port: string, noProxy: string): boolean {
  for (const raw of noProxy.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (raw === '*') return true;
    const [entryHost, entryPort] = raw.split(':');
    if (entryPort && entryPort !== port) continue;
    const e = entryHost.replace(/^\*?\./, '');
    if (host === e || host.endsWith(`.${e}`)) return true;
  }
  return false;
}

export function proxyFor(target: URL, env: Record<string, string | undefined>): ProxyChoice | undefined {
  const isHttps = target.protocol === 'https:';
  const value = isHttps ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!value) return undefined;
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  const port = target.port || (isHttps ? '443' : '80');
  if (noProxy && noProxyMatches(target.hostname.toLowerCase().replace(/^\[|\]$/g, ''), port, noProxy)) return undefined;
  try {
    return { url: new URL(value.includes('://') ? value : `http://${value}`) };
  } catch {
    return undefined;
  }
}

function proxyError(message: string): Error {
  return Object.assign(new Error(message), { proxyFailure: true });
}

/** An https.Agent that opens each connection through a CONNECT tunnel of the proxy. */
export function proxyAgentFor(proxy: ProxyChoice, tlsOptions: https.AgentOptions): https.Agent {
  const agent = new https.Agent(tlsOptions);
  (agent as unknown as { createConnection: unknown }).createConnection = (
    options: tls.ConnectionOptions & { host?: string; port?: number | string; servername?: string },
    callback: (err: Error | null, socket?: net.Socket) => void,
  ) => {
    const target = `${options.host}:${options.port ?? 443}`;
    const headers: Record<string, string> = { host: target };
    if (proxy.url.username) {
      const auth = `${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(auth).toString('base64')}`;
    }
    const req = http.request({
      host: proxy.url.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.url.port || 80),
      method: 'CONNECT', path: target, headers,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        callback(proxyError(`proxy answered ${res.statusCode}`));
        return;
      }
      const secure = tls.connect({ ...tlsOptions, ...options, socket, servername: options.servername ?? options.host });
      callback(null, secure);
    });
    req.once('error', (e) => callback(proxyError(e.message)));
    req.end();
    return undefined;
  };
  return agent;
}
