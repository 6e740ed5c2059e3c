// An https:// endpoint through the built CLI (node:https and node:tls load only for such endpoints,
// through the build's stand-ins): trusted through --ca-bundle, refused without it (urllib3's
// certificate error, exit 255), and --no-verify-ssl with the warning. The certificate is a
// self-signed one for 127.0.0.1 (fixtures/tls-cert.pem, valid until 2126), made for this test only.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, AWS_BIN, baseEnv, MEMBERSHIP, startArgs, tempHome } from './helpers';

const CERT = join(__dirname, 'fixtures', 'tls-cert.pem');
let home: string;
let cleanup: () => void;
let server: Server;
let url: string;
const seen: { method: string; url: string; authorization: string }[] = [];

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  server = createServer({ key: readFileSync(join(__dirname, 'fixtures', 'tls-key.pem')), cert: readFileSync(CERT) }, (req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: String(req.headers.authorization) });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ trainedModelInferenceJobArn: 'arn:over-tls' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  cleanup();
});

describe('an https:// endpoint', () => {
  it('is trusted through --ca-bundle: the signed request goes over TLS', async () => {
    seen.length = 0;
    const r = await aws(home, [...startArgs('tls-1'), '--endpoint-url', url, '--ca-bundle', CERT]);
    expect(r).toMatchObject({ rc: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({ trainedModelInferenceJobArn: 'arn:over-tls' });
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe(`/memberships/${MEMBERSHIP}/trained-model-inference-jobs`);
    expect(seen[0].authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=/);
  });

  it('is refused without the CA: the certificate error, exit 255, nothing sent', async () => {
    seen.length = 0;
    const r = await aws(home, [...startArgs('tls-2'), '--endpoint-url', url], { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r.rc).toBe(255);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`SSL validation failed for ${url}/memberships/${MEMBERSHIP}/trained-model-inference-jobs`);
    expect(r.stderr).toContain('certificate verify failed');
    expect(seen).toHaveLength(0);
  });

  it('is used unverified with --no-verify-ssl, with the warning', async () => {
    const r = await aws(home, [...startArgs('tls-3'), '--endpoint-url', url, '--no-verify-ssl']);
    expect(r.rc).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ trainedModelInferenceJobArn: 'arn:over-tls' });
    expect(r.stderr).toContain("Unverified HTTPS request is being made to host '127.0.0.1'");
  });

  it('with --no-verify-ssl does not load a CA bundle (the AWS CLI passes verify=False instead)', async () => {
    const missing = join(home, 'no-such-bundle.pem');
    for (const [args, env] of [[['--ca-bundle', missing], {}], [[], { AWS_CA_BUNDLE: missing }]] as const) {
      const r = await aws(home, [...startArgs('tls-4'), '--endpoint-url', url, '--no-verify-ssl', ...args], { env });
      expect(r.rc).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ trainedModelInferenceJobArn: 'arn:over-tls' });
    }
  });
});

describe('what a request loads (the start-up time itself is measured by npm run bench)', () => {
  /** The builtins and lazy bundles a start request loads, from a probe preloaded into the CLI's process. */
  function loadedBy(args: string[], env: Record<string, string> = {}): Promise<{ rc: number | null; builtins: string[]; bundles: string[] }> {
    const probe = join(home, 'probe.js');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('\\nPROBE' + " +
      'JSON.stringify([process.moduleLoadList, Object.keys(require.cache)])));\n');
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', probe, AWS_BIN, ...args], { env: { ...baseEnv(home), ...env }, cwd: home });
      let err = '';
      child.stderr.on('data', (c: Buffer) => { err += c; });
      child.stdout.resume();
      child.on('error', reject);
      child.on('close', (rc) => {
        const [modules, files] = JSON.parse(err.slice(err.lastIndexOf('PROBE') + 5)) as [string[], string[]];
        resolve({
          rc,
          builtins: modules.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)),
          bundles: files.map((f) => f.split('/').pop()!).filter((f) => f.startsWith('lazy-')),
        });
      });
    });
  }

  it('an http:// endpoint URL: neither TLS nor the endpoint rules', async () => {
    const plain = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{}'); });
    });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    try {
      const r = await loadedBy([...startArgs('probe-1'), '--endpoint-url', `http://127.0.0.1:${(plain.address() as AddressInfo).port}`]);
      expect(r.rc).toBe(0);
      expect(r.builtins).toContain('http');
      expect(r.builtins).not.toContain('https');
      expect(r.builtins).not.toContain('tls');
      expect(r.bundles.sort()).toEqual(['lazy-call.js']);
    } finally {
      plain.closeAllConnections();
      await new Promise<void>((r) => plain.close(() => r()));
    }
  });

  it('an https:// endpoint: TLS, still no endpoint rules', async () => {
    const r = await loadedBy([...startArgs('probe-2'), '--endpoint-url', url, '--ca-bundle', CERT]);
    expect(r.rc).toBe(0);
    expect(r.builtins).toContain('https');
    expect(r.builtins).toContain('tls');
    expect(r.bundles).not.toContain('lazy-endpoints.js');
  });

  it('no endpoint URL: the endpoint rules load (the request goes to a proxy that refuses it)', async () => {
    const r = await loadedBy(startArgs('probe-3'), { HTTPS_PROXY: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1' });
    expect(r.rc).toBe(255);
    expect(r.bundles).toContain('lazy-endpoints.js');
  });
});
