// The documentation pipeline on other services' texts (test/help/fixtures/docstrings.json, made by
// gen-docstrings.py from every model the AWS CLI ships, with awscli's bcdoc and docutils 0.19): the
// reStructuredText the AWS CLI writes for an option's HTML description, and the man page docutils
// makes of a page holding it — nested and enumerated lists, links, notes, markup docutils rejects
// with its system messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReSTDocument } from '../../src/help/bcdoc';
import { toManPage } from '../../src/help/manpage';
import { parseRst } from '../../src/help/rst';

interface Case { html: string; indent: number; rst: string; roff: string }
const { pageHead, cases } = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'docstrings.json'), 'utf8')) as
  { pageHead: string; cases: Case[] };

const label = (c: Case) => `${c.html.replace(/\s+/g, ' ').slice(0, 70)}… (indent ${c.indent})`;

describe('other services\' documentation, as the AWS CLI renders it', () => {
  it('covers the constructs that matter', () => {
    expect(cases.length).toBeGreaterThan(300);
    const all = cases.map((c) => c.roff).join('\n');
    for (const construct of ['System Message', '.IP 1. 3', 'NOTE:', 'WARNING:', '.nf\n\\(ga']) expect(all).toContain(construct);
  });

  it.each(cases.map((c) => [label(c), c] as const))('%s', (_l, c) => {
    const doc = new ReSTDocument();
    for (let i = 0; i < c.indent; i++) doc.style.indent();
    doc.write('``--option`` (string)\n');
    doc.includeDocString(c.html);
    expect(doc.getValue()).toBe(c.rst);
    const roff = toManPage(parseRst(pageHead + c.rst));
    expect(roff.slice(roff.indexOf('.TH '))).toBe(c.roff);
  });
});
