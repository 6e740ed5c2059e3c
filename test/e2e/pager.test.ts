// The output pager as awscli/utils.py runs it: AWS_PAGER > cli_pager > PAGER > `less -R`, only on a
// terminal; the command split as shlex does and run without a shell, LESS=FRX unless set; started
// at the first write (LazyPager), and a missing program reported as the AWS CLI's Pager error (253).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePager, startPager } from '../../src/commands/pager';
import { renderStructuredError } from '../../src/output/errors';
import type { IO } from '../../src/io';
import { memoryIO } from '../support/io';
import type { CliError } from '../../src/errors';
import type { StructuredError } from '../../src/client/service-error';

let dir: string;
let pager: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pager-test-'));
  pager = join(dir, 'fake pager.sh');
  // Records its arguments, the LESS it got, and its input.
  writeFileSync(pager, '#!/bin/sh\nprintf "%s|" "$@" > "$0.args"\nprintf "%s" "$LESS" > "$0.less"\ncat > "$0.input"\n');
  chmodSync(pager, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tty = (env: Record<string, string | undefined>): IO => {
  const io = memoryIO(env);
  io.stdout.isTTY = true;
  return io;
};

describe('which pager', () => {
  it('is AWS_PAGER, then cli_pager, then PAGER, then less -R; none off a terminal, with --no-cli-pager or an empty value', () => {
    expect(resolvePager(tty({ AWS_PAGER: 'a', PAGER: 'p' }), false, 'c')).toBe('a');
    expect(resolvePager(tty({ PAGER: 'p' }), false, 'c')).toBe('c');
    expect(resolvePager(tty({ PAGER: 'p' }), false, undefined)).toBe('p');
    expect(resolvePager(tty({}), false, undefined)).toBe('less -R');
    expect(resolvePager(tty({ AWS_PAGER: '' }), false, 'c')).toBeUndefined();
    expect(resolvePager(tty({}), true, undefined)).toBeUndefined();
    expect(resolvePager(memoryIO({}), false, undefined)).toBeUndefined();
  });
});

describe('running it', () => {
  it('splits the command as shlex does, sets LESS=FRX, and gets the whole output', async () => {
    const io = tty({ PATH: process.env.PATH });
    const p = startPager(`'${pager}' -R "two words"`, io);
    p.stream.write('line 1\n');
    p.stream.write('line 2\n');
    await p.close();
    expect(readFileSync(`${pager}.args`, 'utf8')).toBe('-R|two words|');
    expect(readFileSync(`${pager}.less`, 'utf8')).toBe('FRX');
    expect(readFileSync(`${pager}.input`, 'utf8')).toBe('line 1\nline 2\n');
    const own = startPager(`'${pager}'`, tty({ PATH: process.env.PATH, LESS: 'X' }));
    own.stream.write('x');
    await own.close();
    expect(readFileSync(`${pager}.less`, 'utf8')).toBe('X');
  });

  it('starts nothing when nothing is written', async () => {
    const quiet = join(dir, 'quiet.sh');
    writeFileSync(quiet, '#!/bin/sh\ntouch "$0.ran"\ncat >/dev/null\n');
    chmodSync(quiet, 0o755);
    const p = startPager(quiet, tty({ PATH: process.env.PATH }));
    p.stream.write('');
    await p.close();
    expect(existsSync(`${quiet}.ran`)).toBe(false);
  });

  it('reports a program that cannot be found as the Pager error, at the first write (exit 253)', async () => {
    const p = startPager('no-such-pager-program -R', tty({ PATH: dir }));
    let err: CliError | undefined;
    try {
      p.stream.write('out');
    } catch (e) {
      err = e as CliError;
    }
    await p.close();
    expect(err?.rc).toBe(253);
    const message = 'Unable to redirect output to pager. Received the following error when opening pager:\n' +
      "[Errno 2] No such file or directory: 'no-such-pager-program'\n\n" +
      'Learn more about configuring the output pager by running "aws help config-vars".';
    expect(await renderStructuredError(err as StructuredError, undefined, memoryIO({}))).toBe(`\naws: [ERROR]: An error occurred (Pager): ${message}\n`);
    expect(await renderStructuredError(err as StructuredError, 'json', memoryIO({})))
      .toBe(`{\n    "Code": "Pager",\n    "Message": ${JSON.stringify(message)}\n}\n`);
  });
});
