// The error handler's formats, replayed from the AWS CLI's own output (fixtures/gen-error-format-cases.py):
// argument errors of every parser and parameter errors in --cli-error-format, AWS_CLI_ERROR_FORMAT or the
// profile's cli_error_format; the plain message when the profile named does not exist; the warning for
// an unknown format before the AWS CLI's logging is set up.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { memoryIO } from '../support/io';

interface Case { env: Record<string, string>; argv: string[]; rc: number; stdout: string; stderr: string }
const recorded = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'error-format-cases.json'), 'utf8')) as { config: string; cases: Case[] };

const dir = mkdtempSync(join(tmpdir(), 'run-error-format-'));
const config = join(dir, 'config');
writeFileSync(config, recorded.config);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('errors in the error format the session resolves (recorded with the AWS CLI)', () => {
  it('has cases in every format', () => {
    expect(recorded.cases.length).toBeGreaterThan(150);
    const err = recorded.cases.map((c) => c.stderr);
    for (const mark of ['"Code": "ParamValidation"', 'Code: ParamValidation', 'ParamValidation\t', '|  Code   |  ParamValidation',
      "Invalid cli_error_format: 'xml'. Using 'enhanced' format.", '\naws: [ERROR]: the following arguments are required']) {
      expect(err.some((e) => e.includes(mark))).toBe(true);
    }
  });
  for (const c of recorded.cases) {
    it(`${JSON.stringify(c.env)} aws ${c.argv.join(' ')}`, async () => {
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '', HOME: dir, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_PAGER: '',
      };
      for (const [k, v] of Object.entries(c.env)) env[k] = v.replace('{config}', config);
      const io = memoryIO(env, dir);
      const rc = await cli([...c.argv], io);
      expect({ rc, stdout: io.out(), stderr: io.err() }).toEqual({ rc: c.rc, stdout: c.stdout, stderr: c.stderr });
    });
  }
});

describe('colorama at exit', () => {
  const table = async (tty: boolean, args: string[]) => {
    const io = memoryIO({ AWS_DEFAULT_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_PAGER: '', PATH: process.env.PATH ?? '' });
    io.stdout.isTTY = tty;
    io.stdout.columns = 80;
    const rc = await cli(['cleanroomsml', 'list-training-datasets', '--endpoint-url', 'http://127.0.0.1:9', ...args], io);
    return { rc, out: io.out(), err: io.err() };
  };
  it('a coloured table leaves one more reset on a terminal when the command ends (colorama\'s atexit hook)', async () => {
    const r = await table(true, ['--generate-cli-skeleton', 'output', '--output', 'table']);
    expect(r.rc).toBe(0);
    // The table's last line, colorama's autoreset after the write, then the hook's reset.
    expect(r.out.endsWith('|\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m')).toBe(true);
  });
  it('once, whatever else was coloured; an error table too; nothing off a terminal or without colour', async () => {
    const err = await table(true, ['--max-results', '0', '--output', 'table', '--cli-error-format', 'table']);
    expect(err.rc).toBe(252);
    expect(err.out).toBe('\x1b[0m');
    expect((await table(false, ['--generate-cli-skeleton', 'output', '--output', 'table', '--color', 'on'])).out.endsWith('|\x1b[0m\x1b[0m\n\x1b[0m')).toBe(true);
    expect((await table(true, ['--generate-cli-skeleton', 'output', '--output', 'table', '--color', 'off'])).out.endsWith('|\n')).toBe(true);
    expect((await table(true, ['--generate-cli-skeleton', 'output', '--output', 'json'])).out.endsWith('}\n')).toBe(true);
  });
});
