// The session's cli_timestamp_format, then its cli_binary_format, checked before any command runs (help
// and skeletons included), replayed from recordings of the AWS CLI (fixtures/gen-session-settings-cases.py).
// Where the AWS CLI fails with a raw Python KeyError (an unknown binary format) the clone fails the same
// way, with its own message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { memoryIO } from '../support/io';

interface Case { env: Record<string, string>; argv: string[]; rc: number; stdout: string; stderr: string; python_error: boolean }
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/session-settings-cases.json'), 'utf8')) as
  { config: string; credentials: string; cases: Case[] };

const dir = mkdtempSync(join(tmpdir(), 'session-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'config'), fixture.config);
writeFileSync(join(dir, 'credentials'), fixture.credentials);

describe('cli_timestamp_format and cli_binary_format in the session profile', () => {
  for (const c of fixture.cases) {
    it(`${JSON.stringify(c.env)} ${c.argv.join(' ')}`, async () => {
      const io = memoryIO({ HOME: dir, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', TZ: 'UTC',
        AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), ...c.env });
      const rc = await cli(c.argv, io);
      expect(rc).toBe(c.rc);
      if (c.argv[0] === '--version') {
        expect(io.out().split(' ')[0]).toBe(c.stdout);
        return;
      }
      if (c.python_error) {
        // A KeyError of the binary format, or int()'s ValueError of an instance metadata count.
        const keyError = /^\naws: \[ERROR\]: '(.*)'\n$/.exec(c.stderr);
        if (keyError) {
          expect(io.err()).toBe(`\naws: [ERROR]: Unknown cli_binary_format value: ${keyError[1]}, valid values are "base64" or "raw-in-base64-out"\n`);
        } else {
          const value = /^\naws: \[ERROR\]: invalid literal for int\(\) with base 10: '(.*)'\n$/.exec(c.stderr)![1];
          expect(io.err()).toMatch(new RegExp(`^\\naws: \\[ERROR\\]: Invalid value for metadata_service_(timeout|num_attempts): '${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' \\(expected a whole number\\)\\n$`));
        }
      } else {
        expect(io.err()).toBe(c.stderr);
      }
      if (c.argv.includes('help') && !c.python_error) return;
      expect(io.out()).toBe(c.stdout);
    });
  }
});
