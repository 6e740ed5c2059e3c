// The `aws` command's start, as create_clidriver makes it: the first-pass parser's errors, then the
// config and credentials files (read before anything else runs: the version, help, the prompt's flags,
// any command), then the rest.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../src/cli';
import { memoryIO } from './support/io';

let dir: string;
let bad: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  bad = join(dir, 'bad');
  writeFileSync(bad, 'this is not ini\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string>) {
  const io = memoryIO({ HOME: dir, AWS_DEFAULT_REGION: 'us-east-1', ...env });
  const rc = await cli(argv, io);
  return { rc, out: io.out(), err: io.err() };
}

describe('a config or credentials file that cannot be parsed', () => {
  it.each([
    [['--version']],
    [['cleanroomsml', 'help']],
    [['cleanroomsml', 'nope']],
    [['cleanroomsml', 'list-training-datasets', '--max-results', 'x']],
    [['cleanroomsml', 'list-training-datasets', '--cli-auto-prompt', '--no-cli-auto-prompt']],
    [['cleanroomsml', 'list-training-datasets', '--cli-error-format', 'json']],
  ])('ends %j before anything runs: exit 255, the error as plain text', async (argv) => {
    for (const env of [{ AWS_CONFIG_FILE: bad }, { AWS_SHARED_CREDENTIALS_FILE: bad }] as Record<string, string>[]) {
      expect(await run(argv, { ...env, AWS_CLI_ERROR_FORMAT: 'json' }))
        .toEqual({ rc: 255, out: '', err: `\naws: [ERROR]: Unable to parse config file: ${bad}\n` });
    }
  });

  it('comes after the first-pass parser\'s errors', async () => {
    const r = await run(['--profile'], { AWS_CONFIG_FILE: bad });
    expect(r.rc).toBe(252);
    expect(r.err).toContain('argument --profile: expected one argument');
  });
});
