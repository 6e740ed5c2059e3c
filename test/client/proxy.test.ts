// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as botocore picks them (urllib's getproxies_environment and
// proxy_bypass_environment, botocore's _fix_proxy_url and mask_proxy_url), and the CONNECT tunnel
// against a loopback proxy that refuses (the ep-* conformance cases' recording proxy does the same).
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as connectTcp, createServer, type Server as NetServer, type Socket } from 'node:net';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { proxyFor } from '../../src/client/proxy';
import { Transport, type TransportOptions } from '../../src/client/runtime';
import { serializeRequest } from '../../src/client/serialize';
import type { CliError } from '../../src/errors';
import { operationsByCliName } from '../../src/model';
import { fromJS, type PyDict } from '../../src/py/values';

const AWS = new URL('https://cleanrooms-ml.us-east-1.amazonaws.com');
const pick = (url: URL | string, env: Record<string, string>) => {
  const p = proxyFor(typeof url === 'string' ? new URL(url) : url, env);
  return p && p.display;
};

describe('proxyFor', () => {
  it('takes the proxy of the endpoint scheme', () => {
    expect(pick(AWS, { HTTPS_PROXY: 'http://p:3128' })).toBe('http://p:3128');
    expect(pick(AWS, { HTTP_PROXY: 'http://p:3128' })).toBeUndefined();
    expect(pick('http://127.0.0.1:8080', { HTTP_PROXY: 'http://p:3128', HTTPS_PROXY: 'http://q:1' })).toBe('http://p:3128');
    expect(pick(AWS, {})).toBeUndefined();
  });

  it('prefers the lowercase variable; an empty lowercase one removes the proxy (ep-proxy-env-lower)', () => {
    expect(pick(AWS, { https_proxy: 'http://lower:1' })).toBe('http://lower:1');
    expect(pick(AWS, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1' })).toBe('http://lower:1');
    expect(pick(AWS, { HTTPS_PROXY: 'http://upper:1', https_proxy: '' })).toBeUndefined();
    expect(pick(AWS, { HTTPS_PROXY: '' })).toBeUndefined();
    expect(pick(AWS, { Https_Proxy: 'http://mixed:1' })).toBe('http://mixed:1');
  });

  it('adds http:// to a proxy without a scheme, as botocore does', () => {
    expect(pick(AWS, { HTTPS_PROXY: 'p:3128' })).toBe('http://p:3128');
    expect(pick(AWS, { HTTPS_PROXY: '//p:3128' })).toBe('http://p:3128');
    expect(pick(AWS, { HTTPS_PROXY: 'https://p:3128' })).toBe('https://p:3128');
    expect(proxyFor(AWS, { HTTPS_PROXY: 'p:3128' })!.url.port).toBe('3128');
  });

  it('makes botocore\'s Proxy-Authorization: a user name and a password, unquoted, neither empty, in ASCII', () => {
    const auth = (proxy: string) => {
      const p = proxyFor(AWS, { HTTPS_PROXY: proxy })!;
      return p.authorization ?? p.authorizationError;
    };
    expect(auth('http://us%40er:p%3Ass@p:3128')).toBe(`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`);
    expect(auth('http://u:p:q@p:3128')).toBe(`Basic ${Buffer.from('u:p:q').toString('base64')}`);
    for (const none of ['http://p:3128', 'http://user@p:3128', 'http://user:@p:3128', 'http://:pw@p:3128']) expect(auth(none)).toBeUndefined();
    // Python's UnicodeEncodeError, as the AWS CLI prints it for every attempt.
    expect(auth('http://us%C3%BCr:pw@p:3128')).toBe("'ascii' codec can't encode character '\\xfc' in position 2: ordinal not in range(128)");
    expect(auth('http://%E2%82%AC%FF:p@p:3128')).toBe("'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)");
  });

  it('masks the credentials in the printed proxy URL', () => {
    expect(pick(AWS, { HTTPS_PROXY: 'http://user:pa%20ss@p:3128/' })).toBe('http://***:***@p:3128/');
    expect(pick(AWS, { HTTPS_PROXY: 'http://user@p:3128' })).toBe('http://***@p:3128');
  });

  it('bypasses the proxy for NO_PROXY hosts as urllib does (suffixes, host:port, * alone)', () => {
    // Each expectation as python3's urllib.request.proxy_bypass_environment(netloc, {'no': value}) answers.
    const bypassed = (url: string, no: string) => pick(url, { HTTPS_PROXY: 'http://p:1', NO_PROXY: no }) === undefined;
    expect(bypassed('https://x.example.com', 'example.com')).toBe(true);
    expect(bypassed('https://x.example.com', '.example.com')).toBe(true);
    expect(bypassed('https://x.example.com', '*.example.com')).toBe(false);
    expect(bypassed('https://xexample.com', 'example.com')).toBe(false);
    expect(bypassed('https://a.com:8080', 'a.com:8080')).toBe(true);
    expect(bypassed('https://b.a.com:8080', 'a.com:8080')).toBe(true);
    expect(bypassed('https://a.com', 'a.com:8080')).toBe(false);
    expect(bypassed('https://a.com:8443', 'a.com')).toBe(true);
    expect(bypassed('https://a.com', '*')).toBe(true);
    expect(bypassed('https://a.com', 'b.com,*')).toBe(false);
    expect(bypassed('https://[::1]:8080', '[::1]')).toBe(true);
    expect(bypassed('https://A.COM', ' b.com , A.com ')).toBe(true);
    expect(pick('https://a.com', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'x.com', no_proxy: 'a.com' })).toBeUndefined();
  });
});

// ---- through the transport ----

interface Recorder { port: number; lines: string[] }
const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((c) => c())); });

/** A loopback proxy that logs each request line and answers 403 (connect_proxy.py's behaviour). */
async function refusingProxy(): Promise<Recorder> {
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  const server: NetServer = createServer((sock) => {
    sockets.add(sock);
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.slice(0, end).split('\r\n');
      lines.push(head[0].split(' ').slice(0, 2).join(' '));
      const auth = head.find((h) => h.toLowerCase().startsWith('proxy-authorization:'));
      if (auth) lines.push(auth);
      buf = '';
      sock.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }));
  return { port: (server.address() as AddressInfo).port, lines };
}

const M = '11111111-2222-3333-4444-555555555555';
const ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model-inference-job/abc`;
const request = () => serializeRequest(operationsByCliName().get('get-trained-model-inference-job')!,
  fromJS({ membershipIdentifier: M, trainedModelInferenceJobArn: ARN }) as PyDict);

function options(endpoint: string, env: Record<string, string>): TransportOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    endpoint, region: 'us-east-1', signingName: 'cleanrooms-ml', credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' },
    maxAttempts: 3, connectTimeout: 5, readTimeout: 5, verifySsl: true, env, userAgent: 'test',
    log: { enabled: false, debug: () => undefined }, now: () => new Date(), sleep: async (s) => { sleeps.push(s); }, sleeps,
  };
}

async function attempt(o: TransportOptions): Promise<CliError> {
  const transport = new Transport(o);
  try {
    await transport.send(request());
  } catch (e) {
    return e as CliError;
  } finally {
    transport.close();
  }
  throw new Error('expected a failure');
}

describe('HTTPS through a proxy', () => {
  it('opens a CONNECT tunnel to the endpoint and reports a refusing proxy, retried as a connection error', async () => {
    const proxy = await refusingProxy();
    const o = options(AWS.href, { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` });
    const err = await attempt(o);
    expect(err.render()).toBe(`\naws: [ERROR]: Failed to connect to proxy URL: "http://127.0.0.1:${proxy.port}"\n`);
    expect(err.rc).toBe(255);
    expect(proxy.lines).toEqual(Array(3).fill('CONNECT cleanrooms-ml.us-east-1.amazonaws.com:443'));
    expect(o.sleeps.length).toBe(2);
  });

  it('sends the proxy credentials and masks them in the message', async () => {
    const proxy = await refusingProxy();
    const o = options(AWS.href, { https_proxy: `http://user:pa%20ss@127.0.0.1:${proxy.port}` });
    o.maxAttempts = 1;
    const err = await attempt(o);
    expect(err.message).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${proxy.port}"`);
    expect(proxy.lines).toEqual(['CONNECT cleanrooms-ml.us-east-1.amazonaws.com:443',
      `Proxy-Authorization: Basic ${Buffer.from('user:pa ss').toString('base64')}`]);
  });

  it('asks for the tunnel as Python 3.11\'s http.client does, and talks TLS through it once the proxy says 200', async () => {
    // An HTTPS endpoint (the e2e tests' self-signed certificate for 127.0.0.1) behind a tunnelling proxy
    // that records what it is sent before the tunnel, and answers as a proxy may: with headers, in pieces.
    const dir = join(__dirname, '..', 'e2e', 'fixtures');
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'tls-key.pem')), cert: readFileSync(join(dir, 'tls-cert.pem')) }, (req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"status":"ACTIVE"}'); });
    });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => { tls.closeAllConnections(); tls.close(() => r()); }));
    const heads: string[] = [];
    const tunnels = new Set<Socket>();
    const proxy: NetServer = createServer((client) => {
      tunnels.add(client);
      let buf = '';
      const onData = (d: Buffer) => {
        buf += d.toString('latin1');
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        client.off('data', onData);
        heads.push(buf.slice(0, end + 4));
        const [host, port] = buf.split(' ')[1].split(':');
        const upstream = connectTcp(Number(port), host, () => {
          client.write('HTTP/1.1 200 Connection established\r\n');
          setTimeout(() => {
            client.write('Via: test\r\n\r\n');
            client.pipe(upstream).pipe(client);
          }, 10);
        });
        tunnels.add(upstream);
      };
      client.on('data', onData);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => { for (const t of tunnels) t.destroy(); proxy.close(() => r()); }));
    const port = (tls.address() as AddressInfo).port;
    const o = options(`https://127.0.0.1:${port}`, { HTTPS_PROXY: `http://user:pa%20ss@127.0.0.1:${(proxy.address() as AddressInfo).port}` });
    o.verifySsl = false;
    o.warn = () => undefined;
    const transport = new Transport(o);
    const res = await transport.send(request());
    transport.close();
    expect([res.status, res.body]).toEqual([200, '{"status":"ACTIVE"}']);
    expect(heads).toEqual([`CONNECT 127.0.0.1:${port} HTTP/1.0\r\nProxy-Authorization: Basic ${Buffer.from('user:pa ss').toString('base64')}\r\n\r\n`]);
  });

  it('reports a proxy that is not listening the same way', async () => {
    const proxy = await refusingProxy();
    await Promise.all(closers.splice(0).map((c) => c()));
    const o = options(AWS.href, { HTTPS_PROXY: `127.0.0.1:${proxy.port}` });
    o.maxAttempts = 1;
    expect((await attempt(o)).message).toBe(`Failed to connect to proxy URL: "http://127.0.0.1:${proxy.port}"`);
  });
});

describe('HTTP through a proxy, and NO_PROXY', () => {
  async function origin(): Promise<{ url: string; hits: string[] }> {
    const hits: string[] = [];
    const server: Server = createHttpServer((req, res) => { hits.push(req.url!); res.writeHead(200); res.end('{}'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
  }

  it('sends the absolute URI of an http:// endpoint to the proxy', async () => {
    const proxy = await refusingProxy();
    const { url, hits } = await origin();
    const o = options(url, { HTTP_PROXY: `http://127.0.0.1:${proxy.port}` });
    const transport = new Transport(o);
    const res = await transport.send(request());
    transport.close();
    expect(res.status).toBe(403);
    expect(proxy.lines).toEqual([`GET ${url}/memberships/${M}/trained-model-inference-jobs/${encodeURIComponent(ARN)}`]);
    expect(hits).toEqual([]);
  });

  it('sends the proxy credentials with each request, as urllib3 does for botocore (an HTTP proxy needs no tunnel)', async () => {
    const proxy = await refusingProxy();
    const { url } = await origin();
    const o = options(url, { HTTP_PROXY: `http://user:pa%20ss@127.0.0.1:${proxy.port}` });
    const transport = new Transport(o);
    await transport.send(request());
    transport.close();
    expect(proxy.lines).toEqual([`GET ${url}/memberships/${M}/trained-model-inference-jobs/${encodeURIComponent(ARN)}`,
      `Proxy-Authorization: Basic ${Buffer.from('user:pa ss').toString('base64')}`]);
  });

  it('fails each attempt, sending nothing, when the proxy credentials are not ASCII (the AWS CLI\'s UnicodeEncodeError)', async () => {
    const proxy = await refusingProxy();
    const { url, hits } = await origin();
    const o = options(url, { HTTP_PROXY: `http://us%C3%BCr:pw@127.0.0.1:${proxy.port}` });
    const err = await attempt(o);
    expect(err.render()).toBe("\naws: [ERROR]: An HTTP Client raised an unhandled exception: 'ascii' codec can't encode character '\\xfc' in position 2: ordinal not in range(128)\n");
    expect(err.rc).toBe(255);
    expect(o.sleeps.length).toBe(2);
    expect([proxy.lines, hits]).toEqual([[], []]);
  });

  it('goes straight to a NO_PROXY host', async () => {
    const proxy = await refusingProxy();
    const { url, hits } = await origin();
    const o = options(url, { HTTP_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: 'localhost,127.0.0.1' });
    const transport = new Transport(o);
    const res = await transport.send(request());
    transport.close();
    expect(res.status).toBe(200);
    expect(hits.length).toBe(1);
    expect(proxy.lines).toEqual([]);
  });
});
