// How a help page reaches the user: the formatter (groff, else mandoc, else the plain layout of
// plain.ts), the pager on a terminal ($MANPAGER, $PAGER, less -R), and stdout otherwise; and the
// plain layout itself, checked against groff's on the real pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlobalArgs } from '../../src/commands/globals';
import { formatterCommand, helpRoff, pagerCommand, renderRoff, showHelp, type HelpSystem } from '../../src/help/index';
import { formatRoff, roffText } from '../../src/help/plain';
import { memoryIO } from '../support/io';
import { operationsByCliName } from '../../src/model';

const g = {} as GlobalArgs;
const unstrike = (s: string) => s.replace(/.\x08/g, '');
const page = (name: string) => readFileSync(join(__dirname, 'fixtures', 'pages', `${name}.txt`), 'utf8');

function fakeSystem(programs: string[], formatted?: string) {
  const paged: { cmd: string[]; text: string }[] = [];
  const formats: string[][] = [];
  const filtered: string[][] = [];
  const sys: HelpSystem = {
    exists: (name) => programs.includes(name),
    format: (cmd) => {
      formats.push(cmd);
      return formatted;
    },
    page: async (cmd, text) => {
      paged.push({ cmd, text });
    },
    filter: (cmd, text) => {
      filtered.push(cmd);
      return `[${cmd.join(' ')}] ${text}`;
    },
  };
  return Object.assign(sys, { paged, formats, filtered });
}

describe('the formatter', () => {
  const roff = helpRoff(['cleanroomsml', 'get-trained-model'])!;

  it('is groff, else mandoc, else none', () => {
    expect(formatterCommand({}, fakeSystem(['groff', 'mandoc']))).toEqual(['groff', '-m', 'man', '-T', 'ascii']);
    expect(formatterCommand({}, fakeSystem(['mandoc']))).toEqual(['mandoc', '-T', 'ascii']);
    expect(formatterCommand({}, fakeSystem([]))).toBeUndefined();
  });

  it('gets the man page source; without a formatter (or when it fails) the plain layout is used', () => {
    const sys = fakeSystem(['mandoc'], 'FORMATTED\n');
    expect(renderRoff(roff, {}, sys)).toBe('FORMATTED\n');
    expect(sys.formats).toEqual([['mandoc', '-T', 'ascii']]);
    expect(renderRoff(roff, {}, fakeSystem([]))).toBe(formatRoff(roff));
    expect(renderRoff(roff, {}, fakeSystem(['groff'], undefined))).toBe(formatRoff(roff));
  });
});

describe('showHelp', () => {
  it('not a terminal, no pager chosen: the formatted page as it is, overstrikes included', async () => {
    const io = memoryIO({});
    const sys = fakeSystem(['groff', 'less'], 'P\x08PAGE\n');
    expect(await showHelp(['cleanroomsml'], io, g, sys)).toBe(0);
    expect(io.out()).toBe('P\x08PAGE\n');
    expect(sys.paged).toEqual([]);
    expect(sys.filtered).toEqual([]);
  });

  it('without groff or mandoc: the plain layout', async () => {
    const io = memoryIO({ PATH: '/nowhere' });
    await showHelp(['cleanroomsml', 'get-trained-model'], io, g, fakeSystem([]));
    expect(io.out()).toBe(formatRoff(helpRoff(['cleanroomsml', 'get-trained-model'])!));
  });

  it('on a terminal: through the pager, MANPAGER before PAGER before less -R', async () => {
    expect(pagerCommand({})).toEqual(['less', '-R']);
    expect(pagerCommand({ PAGER: 'more -s' })).toEqual(['more', '-s']);
    expect(pagerCommand({ PAGER: 'more', MANPAGER: "most -s 'x y'" })).toEqual(['most', '-s', 'x y']);
    const sys = fakeSystem(['less', 'groff'], 'PAGE\n');
    const io = memoryIO({});
    io.stdout.isTTY = true;
    expect(await showHelp([], io, g, sys)).toBe(0);
    expect(sys.paged).toEqual([{ cmd: ['less', '-R'], text: 'PAGE\n' }]);
    expect(io.out()).toBe('');
  });

  it('a pager that is not on PATH: the text and a newline, as the AWS CLI prints it', async () => {
    for (const tty of [true, false]) {
      const sys = fakeSystem(['groff'], 'PAGE\n');
      const io = memoryIO({ PAGER: 'nosuchpager' });
      io.stdout.isTTY = tty;
      await showHelp([], io, g, sys);
      expect(io.out()).toBe('PAGE\n\n');
      expect(sys.paged).toEqual([]);
    }
  });

  it('a chosen pager gets the page even when stdout is not a terminal (as the AWS CLI pipes it)', async () => {
    const sys = fakeSystem(['groff', 'col'], 'PAGE\n');
    const io = memoryIO({ MANPAGER: 'col -b' });
    await showHelp(['cleanroomsml'], io, g, sys);
    expect(io.out()).toBe('[col -b] PAGE\n');
  });

  it('an unknown page: the usage text', async () => {
    const io = memoryIO({});
    expect(await showHelp(['cleanroomsml', 'nope'], io, g, fakeSystem(['groff'], 'X'))).toBe(0);
    expect(io.out()).toMatch(/^aws cleanroomsml nope\n\nusage: aws /);
  });
});

describe('the plain layout (no groff, no mandoc)', () => {
  it('resolves the escapes manpage.ts writes', () => {
    expect(roffText('\\fB\\-\\-name\\fP \\(aqa\\(aq \\(dqb\\(dq \\(ga \\e \\(bu \\&.x \\%y \\fI\\%z\\fP')).toBe("--name 'a' \"b\" ` \\ o .x y z");
  });

  it('lays out a page as groff does: header and footer, headings, margins, tags, no-fill blocks', () => {
    const roff = [
      '.TH "DEMO"  "" ""', '.SH NAME', 'demo \\- ', '.SH DESCRIPTION', '.sp', 'Short text.',
      '.SH OPTIONS', '.sp', '\\fB\\-\\-name\\fP (string)', '.INDENT 0.0', '.INDENT 3.5', 'The name.', '.sp', 'Constraints:',
      '.INDENT 0.0', '.IP \\(bu 2', 'min: \\fB1\\fP', '.IP \\(bu 2', 'max: \\fB10\\fP', '.UNINDENT', '.UNINDENT', '.UNINDENT',
      '.INDENT 0.0', '.INDENT 3.5', '.sp', '.nf', '.ft C', '{', '  "a": 1', '}', '.ft P', '.fi', '.UNINDENT', '.UNINDENT', '',
    ].join('\n');
    expect(formatRoff(roff)).toBe([
      `DEMO()${' '.repeat(66)}DEMO()`, '', '', '',
      'NAME', '       demo -', '',
      'DESCRIPTION', '       Short text.', '',
      'OPTIONS', '       --name (string)', '          The name.', '', '          Constraints:', '',
      '          o min: 1', '', '          o max: 10', '',
      '          {', '            "a": 1', '          }',
      '', '', '', `${' '.repeat(72)}DEMO()`, '',
    ].join('\n'));
  });

  it('fills and adjusts text to both margins, spreading spaces from alternate ends', () => {
    const words = 'word '.repeat(40).trim();
    const out = formatRoff(`.TH "X"  "" ""\n.SH D\n${words}\n`).split('\n');
    // 14 words a line (71 columns from the margin): 2 spaces over, spread from the right end
    // (the leftmost gaps get them), then from the left end; the last line as it is.
    expect(out[5]).toBe(`       ${'word  '.repeat(2)}${'word '.repeat(11)}word`);
    expect(out[6]).toBe(`       ${'word '.repeat(11)}${'word  '.repeat(2)}word`);
    expect(out[7]).toBe(`       ${'word '.repeat(11)}word`);
  });

  it('matches groff on every page but where groff hyphenates words (no hyphenation here)', () => {
    let lines = 0;
    let same = 0;
    for (const op of ['_service', ...operationsByCliName().keys()]) {
      const expected = unstrike(page(op)).split('\n');
      const actual = formatRoff(helpRoff(op === '_service' ? ['cleanroomsml'] : ['cleanroomsml', op])!).split('\n');
      const set = new Set(actual);
      lines += expected.length;
      same += expected.filter((l) => set.has(l)).length;
      if (op === 'get-ml-configuration') {
        // Pages without hyphenated words come out the same, line for line.
        expect(actual.slice(0, 50), op).toEqual(expected.slice(0, 50));
      }
    }
    expect(same / lines).toBeGreaterThan(0.89);
  });
});
