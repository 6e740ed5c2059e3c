// The profile's parameter_validation, replayed from recordings of the AWS CLI
// (fixtures/gen-parameter-validation-cases.py): botocore's ensure_boolean (only "true", in any case,
// keeps validation on); without validation the request goes as botocore's serializer makes it; where
// that serializer fails by itself (a raw Python KeyError/AttributeError/TypeError, exit 255, nothing
// sent) the clone fails the same way with its own message.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { memoryIO } from '../support/io';

interface Recorded { method: string; path: string; body: string }
interface Case {
  parameter_validation: string | null; argv: string[]; rc: number; stdout: string; stderr: string;
  requests: Recorded[]; python_error: boolean;
}
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/parameter-validation-cases.json'), 'utf8')) as { response: unknown; cases: Case[] };

const requests: Recorded[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
  req.on('end', () => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', body });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(fixture.response));
  });
});
let endpoint = '';
const dir = mkdtempSync(join(tmpdir(), 'param-validation-'));
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('parameter_validation in the profile', () => {
  fixture.cases.forEach((c, i) => {
    it(`${JSON.stringify(c.parameter_validation)}: ${c.argv.slice(1).join(' ')}`, async () => {
      const config = join(dir, `config-${i}`);
      writeFileSync(config, `[default]\n${c.parameter_validation !== null ? `parameter_validation = ${c.parameter_validation}\n` : ''}`);
      const io = memoryIO({ AWS_DEFAULT_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret',
        HOME: dir, AWS_CONFIG_FILE: config, AWS_PAGER: '', TZ: 'UTC' });
      requests.length = 0;
      const rc = await cli([...c.argv, '--endpoint-url', endpoint], io);
      expect(rc).toBe(c.rc);
      expect(io.out()).toBe(c.stdout);
      expect(requests).toEqual(c.requests);
      if (c.python_error) {
        expect(io.err()).toMatch(/^\naws: \[ERROR\]: Cannot serialize parameter \S+: .*\(parameter validation is off\)\n$/);
      } else {
        expect(io.err()).toBe(c.stderr.replaceAll('{{ENDPOINT}}', endpoint));
      }
    });
  });
});
