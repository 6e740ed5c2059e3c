import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { GlobalArgs } from '../../src/commands/globals';
import { helpPage, operationPage, type HelpPage } from '../../src/help/document';
import { formatterCommand, nodeHelpSystem, pagerCommand, renderPage, showHelp, type HelpSystem } from '../../src/help/index';
import { fill, toPlain } from '../../src/help/plain';
import { roffInline, toRoff } from '../../src/help/roff';
import { memoryIO } from '../../src/io';

const hasGroff = nodeHelpSystem.exists('groff', process.env);
const g = {} as GlobalArgs;

/** groff -T ascii's bold and underline are overstrikes: `X\bX`, `_\bX`. */
const unstrike = (s: string) => s.replace(/.\x08/g, '');

const small: HelpPage = {
  name: 'demo-command',
  blocks: [
    { kind: 'section', title: 'Description' },
    { kind: 'para', text: 'Runs `--demo` with *care*. A line. .dot at start? no.', indent: 0 },
    { kind: 'section', title: 'Options' },
    { kind: 'para', text: '`--name` (string) [required]', indent: 0 },
    { kind: 'para', text: 'The name of the thing, which is described here at enough length to wrap around the right margin of the page.', indent: 3, tight: true },
    { kind: 'para', text: 'Constraints:', indent: 3 },
    { kind: 'bullets', items: ['min: `1`', 'max: `10`'], indent: 3 },
    { kind: 'para', text: 'JSON Syntax:', indent: 3 },
    { kind: 'code', lines: ['{', '  "a": "string"', '}'], indent: 7 },
  ],
};

describe('plain rendering (no groff, no mandoc)', () => {
  it('lays the page out as groff -man -Tascii does: 78 columns, bodies at 7, bullets, code', () => {
    expect(toPlain(small)).toBe([
      `DEMO-COMMAND()${' '.repeat(50)}DEMO-COMMAND()`,
      '', '', '',
      'NAME',
      '       demo-command -',
      '',
      'DESCRIPTION',
      '       Runs --demo with care. A line. .dot at start? no.',
      '',
      'OPTIONS',
      '       --name (string) [required]',
      '          The name of the thing, which is described here at enough length to',
      '          wrap around the right margin of the page.',
      '',
      '          Constraints:',
      '',
      '          o min: 1',
      '',
      '          o max: 10',
      '',
      '          JSON Syntax:',
      '',
      '              {',
      '                "a": "string"',
      '              }',
      '', '', '',
      `${' '.repeat(64)}DEMO-COMMAND()`,
      '',
    ].join('\n'));
  });

  it('fills words without breaking them', () => {
    expect(fill('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(fill('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
  });
});

describe('man page source', () => {
  it('escapes roff and marks code bold, emphasis italic', () => {
    expect(roffInline('`--a` -b *c* x\\y')).toBe('\\fB\\-\\-a\\fP \\-b \\fIc\\fP x\\ey');
    const roff = toRoff(small);
    expect(roff.split('\n').slice(0, 6)).toEqual([
      '.\\" Man page generated from the service model.',
      '.TH "DEMO-COMMAND" "" "" ""',
      '.nh',
      '.SH NAME',
      'demo\\-command \\-',
      '.SH DESCRIPTION',
    ]);
    expect(roff).toContain('.PP\n\\fB\\-\\-name\\fP (string) [required]\n.RS 3n\n.br\nThe name of the thing,');
    expect(roff).toContain('.IP \\(bu 2\nmin: \\fB1\\fP\n.IP \\(bu 2\nmax: \\fB10\\fP\n');
    expect(roff).toContain('.RS 4n\n.PP\n.nf\n{\n  "a": "string"\n}\n.fi\n.RE\n.RE\n');
  });

  it.skipIf(!hasGroff)('groff renders it like the plain layout (modulo justification)', () => {
    const out = unstrike(execFileSync('groff', ['-m', 'man', '-T', 'ascii'], { input: toRoff(small), encoding: 'utf8' }));
    // Line for line the same; groff only justifies (widens spaces).
    const squash = (s: string) => s.replace(/ +/g, ' ');
    expect(squash(out)).toBe(squash(toPlain(small)));
  });

  it.skipIf(!hasGroff)('the seed command page through groff has every option, constraint and description', () => {
    const page = operationPage('start-trained-model-inference-job')!;
    const out = unstrike(renderPage(page, process.env));
    expect(out.split('\n')[0]).toBe('START-TRAINED-MODEL-INFERENCE-JOB()        START-TRAINED-MODEL-INFERENCE-JOB()');
    // Line for line the plain layout, but for groff's justification (widened spaces).
    expect(out.replace(/ +/g, ' ')).toBe(toPlain(page).replace(/ +/g, ' '));
    expect(out).toContain('       --membership-identifier (string) [required]\n          The membership ID of the membership that contains the trained  model\n');
  });
});

function fakeSystem(programs: string[], formatted?: string): HelpSystem & { paged: { cmd: string[]; text: string }[]; formats: string[][] } {
  const paged: { cmd: string[]; text: string }[] = [];
  const formats: string[][] = [];
  return {
    paged, formats,
    exists: (name) => programs.includes(name),
    format: (cmd) => {
      formats.push(cmd);
      return formatted;
    },
    page: async (cmd, text) => {
      paged.push({ cmd, text });
    },
  };
}

describe('showHelp', () => {
  const page = helpPage(['cleanroomsml', 'get-trained-model'])!;

  it('without groff or mandoc: the plain layout straight to stdout when not a terminal', async () => {
    const io = memoryIO({ PATH: '/nowhere' });
    const sys = fakeSystem([]);
    expect(await showHelp(['cleanroomsml', 'get-trained-model'], io, g, sys)).toBe(0);
    expect(io.out()).toBe(toPlain(page));
    expect(sys.formats).toEqual([]);
  });

  it('groff first, then mandoc', async () => {
    expect(formatterCommand({}, fakeSystem(['groff', 'mandoc']))).toEqual(['groff', '-m', 'man', '-T', 'ascii']);
    expect(formatterCommand({}, fakeSystem(['mandoc']))).toEqual(['mandoc', '-T', 'ascii']);
    expect(formatterCommand({}, fakeSystem([]))).toBeUndefined();
    const sys = fakeSystem(['mandoc'], 'FORMATTED\n');
    const io = memoryIO({});
    await showHelp(['cleanroomsml', 'get-trained-model'], io, g, sys);
    expect(io.out()).toBe('FORMATTED\n');
    expect(sys.formats).toEqual([['mandoc', '-T', 'ascii']]);
  });

  it('a formatter that fails falls back to the plain layout', () => {
    expect(renderPage(page, {}, fakeSystem(['groff'], undefined))).toBe(toPlain(page));
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

  it('on a terminal without the pager on PATH: the text and a newline', async () => {
    const sys = fakeSystem(['groff'], 'PAGE\n');
    const io = memoryIO({ PAGER: 'nosuchpager' });
    io.stdout.isTTY = true;
    await showHelp([], io, g, sys);
    expect(io.out()).toBe('PAGE\n\n');
    expect(sys.paged).toEqual([]);
  });

  it('the real pager gets the page on its stdin', async () => {
    const io = memoryIO({ ...process.env, MANPAGER: 'wc -c' });
    io.stdout.isTTY = true;
    const calls: string[][] = [];
    const sys: HelpSystem = { ...fakeSystem(['wc']), page: async (cmd, text) => { calls.push([...cmd, String(text.length)]); } };
    await showHelp(['cleanroomsml'], io, g, sys);
    expect(calls).toEqual([['wc', '-c', String(toPlain(helpPage(['cleanroomsml'])!).length)]]);
  });
});
