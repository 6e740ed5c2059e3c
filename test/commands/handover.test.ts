// The hand-over's parts (the end-to-end runs are in test/e2e/handover.test.ts): which command lines go
// to another aws, how PATH is searched, how a loop through a wrapper is recognised.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalArgs, foreignCommand } from '../../src/commands/run';
import { cli } from '../../src/cli';
import { handedBack, otherAwsOnPath, PACKAGE_NAME, type Self } from '../../src/commands/handover';
import { memoryIO } from '../support/io';

let dir: string;
const d = (...p: string[]) => join(dir, ...p);
const self: Self = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handover-unit-'));
  const file = (p: string, text: string, mode = 0o755) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(d(p), text);
    chmodSync(d(p), mode);
  };
  file('me/bin/aws', `#!/usr/bin/env node\n// ${PACKAGE_NAME}\n`);
  self.executable = d('me', 'bin', 'aws');
  file('a/aws', '#!/bin/sh\n');
  file('noexec/aws', '#!/bin/sh\n', 0o644);
  mkdirSync(d('dir', 'aws'), { recursive: true });
  mkdirSync(d('b'));
  symlinkSync(d('a', 'aws'), d('b', 'aws'));
  file('c/aws', '#!/bin/sh\nexec /opt/x/node_modules/aws-cleanroomsml-cli/bin/aws "$@"\n');
  file('e/aws', '#!/bin/sh\n');
  mkdirSync(d('link'));
  symlinkSync(d('me', 'bin', 'aws'), d('link', 'aws'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const thrown = (argv: string[]) => {
  try {
    parseGlobalArgs(argv);
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('foreignCommand', () => {
  it('is the command when the main parser names a command of the AWS CLI that is not this one\'s', () => {
    expect(foreignCommand(thrown(['s3', 'ls']))).toBe('s3');
    expect(foreignCommand(thrown(['--region', 'x', '--output', 'text', 'configure']))).toBe('configure');
    expect(foreignCommand(thrown(['--debug', 'sts', 'get-caller-identity']))).toBe('sts');
  });
  it('is nothing for this one\'s commands, other errors, and words that are no command', () => {
    expect(thrown(['cleanroomsml', 'list-trained-models'])).toBeUndefined();
    expect(foreignCommand(thrown([]))).toBeUndefined();
    expect(foreignCommand(thrown(['cleanroom']))).toBeUndefined();
    expect(foreignCommand(thrown(['--output', 'bogus', 's3']))).toBeUndefined();
    expect(foreignCommand(new Error('s3'))).toBeUndefined();
  });
});

describe('otherAwsOnPath', () => {
  it('finds executables named aws, in PATH order, as found; not this program, not twice', () => {
    const path = [d('me', 'bin'), d('link'), d('noexec'), d('dir'), d('a'), d('b'), d('c'), d('e')].join(':');
    expect(otherAwsOnPath(path, dir, self)).toEqual([d('a', 'aws'), d('e', 'aws')]);
  });
  it('takes empty and relative entries from the working directory, as execvp does', () => {
    expect(otherAwsOnPath(':e', d('a'), self)).toEqual([d('a', 'aws')]);
    expect(otherAwsOnPath('e', dir, self)).toEqual([d('e', 'aws')]);
    expect(otherAwsOnPath('', d('e'), self)).toEqual([d('e', 'aws')]);
    expect(otherAwsOnPath(undefined, d('nowhere'), self)).toEqual([]);
  });
});

describe('handedBack', () => {
  const withAncestors = (...cmds: string[][]): Self => ({ ...self, ancestors: () => cmds });
  it('counts the nearest ancestors that are this program with the same arguments', () => {
    const me = ['node', d('link', 'aws'), 's3', 'ls'];
    expect(handedBack(['s3', 'ls'], withAncestors())).toBe(0);
    expect(handedBack(['s3', 'ls'], withAncestors(['-bash']))).toBe(0);
    expect(handedBack(['s3', 'ls'], withAncestors(me, ['/bin/sh', d('a', 'aws'), 's3', 'ls'], ['-bash']))).toBe(1);
    expect(handedBack(['s3', 'ls'], withAncestors(me, me, ['-bash']))).toBe(2);
    // Other arguments (this program running `aws configure …` as a credential_process) are no loop.
    expect(handedBack(['configure', 'export-credentials'], withAncestors(me))).toBe(0);
    expect(handedBack(['s3', 'ls'], withAncestors(['node', d('a', 'aws'), 's3', 'ls']))).toBe(0);
  });
});

describe('cli()', () => {
  it('says what it implements when no other aws is on PATH', async () => {
    const io = memoryIO({ PATH: d('me', 'bin') }, dir);
    expect(await cli(['s3', 'ls'], io)).toBe(252);
    expect(io.err()).toBe("aws: [ERROR]: this aws implements only 'aws cleanroomsml'; install the AWS CLI for 's3'\n");
    expect(io.out()).toBe('');
  });
});
