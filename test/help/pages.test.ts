// Every help page against the AWS CLI's own: test/help/fixtures/pages/*.txt are the pages AWS CLI
// v2.36.7 prints (made by fixtures/gen-pages.sh, overstrikes kept). Each page's man source, formatted
// by groff as the AWS CLI formats it, must be identical byte for byte; a few go through the built
// bin/aws as a user runs them. groff is required (CI installs it; see .ci/run).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpRoff, helpRst, nodeHelpSystem } from '../../src/help/index';
import { formatRoff } from '../../src/help/plain';
import { operationsByCliName } from '../../src/model';
import { aws, tempHome } from '../e2e/helpers';

const PAGES = join(__dirname, 'fixtures', 'pages');
const pagePath = (file: string) => (file === '_service.txt' ? ['cleanroomsml'] : ['cleanroomsml', file.replace(/\.txt$/, '')]);
const fixture = (file: string) => readFileSync(join(PAGES, file), 'utf8');

function groff(roff: string): string {
  const r = spawnSync('groff', ['-m', 'man', '-T', 'ascii'], { input: roff, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`groff failed: ${r.stderr}`);
  return r.stdout;
}

/** The first line that differs, for a readable failure. */
function firstDifference(expected: string, actual: string): string | undefined {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  expected ${JSON.stringify(a[i])}\n  actual   ${JSON.stringify(b[i])}`;
  }
  return undefined;
}

describe('help pages, as the AWS CLI prints them', () => {
  beforeAll(() => {
    if (!nodeHelpSystem.exists('groff', process.env)) throw new Error('groff is not installed: the help pages need it (apt-get install groff-base)');
  });

  const files = readdirSync(PAGES).filter((f) => f.endsWith('.txt')).sort();

  it('has a fixture for the service page and every operation', () => {
    expect(files).toEqual(['_service.txt', ...[...operationsByCliName().keys()].map((op) => `${op}.txt`)].sort());
    expect(files).toHaveLength(60);
  });

  it.each(files)('%s is identical (groff on the generated man page)', (file) => {
    const expected = fixture(file);
    const actual = groff(helpRoff(pagePath(file))!);
    expect(firstDifference(expected, actual)).toBeUndefined();
    expect(actual).toBe(expected);
  });

  it('aws help: the AWS CLI\'s top-level page, with the one service this command line has', () => {
    const page = groff(helpRoff([])!).replace(/.\x08/g, '');
    expect(page.split('\n')[0]).toBe(`AWS()${' '.repeat(68)}AWS()`);
    expect(page).toContain('SYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n');
    expect(page).toContain('GLOBAL OPTIONS\n       --debug (boolean)\n\n       Turn on debug logging.\n');
    expect(page).toContain('AVAILABLE SERVICES\n       o cleanroomsml\n');
  });

  it('unknown pages have none', () => {
    expect(helpRst(['cleanroomsml', 'no-such-operation'])).toBeUndefined();
    expect(helpRst(['s3'])).toBeUndefined();
    expect(helpRst(['cleanroomsml', 'get-ml-configuration', 'extra'])).toBeUndefined();
  });
});

describe('bin/aws … help', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);
  it('without groff or mandoc on PATH: the plain layout', async () => {
    const r = await aws(home, ['cleanroomsml', 'get-ml-configuration', 'help'], { env: { PATH: '' } });
    expect(r.rc).toBe(0);
    expect(r.stdout).toBe(formatRoff(helpRoff(['cleanroomsml', 'get-ml-configuration'])!));
    expect(r.stdout.split('\n').slice(0, 12)).toEqual(fixture('get-ml-configuration.txt').replace(/.\x08/g, '').split('\n').slice(0, 12));
  });

  it.each(['_service.txt', 'start-trained-model-inference-job.txt', 'list-trained-models.txt', 'create-ml-input-channel.txt'])(
    '%s: stdout (not a terminal) is the page as the AWS CLI writes it', async (file) => {
      const r = await aws(home, [...pagePath(file), 'help']);
      expect(r.stderr).toBe('');
      expect(r.rc).toBe(0);
      expect(firstDifference(fixture(file), r.stdout)).toBeUndefined();
    });
});
