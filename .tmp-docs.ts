import { readFileSync, writeFileSync } from 'node:fs';
import { ReSTDocument } from './src/help/bcdoc';
import { parseRst } from './src/help/rst';
import { toManPage } from './src/help/manpage';
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { html: string; indent: number; rst: string; roff: string }[];
let rstOk = 0, roffOk = 0, roffOnGood = 0; const bad: unknown[] = [];
for (const c of cases) {
  const doc = new ReSTDocument('man');
  for (let i = 0; i < c.indent; i++) doc.style.indent();
  doc.write('``--option`` (string)\n');
  doc.includeDocString(c.html);
  const rst = doc.getValue();
  if (rst === c.rst) rstOk++;
  const page = '\n\n.. _cli:x:\n\n\n****\ntest\n****\n\n\n\n=======\nOptions\n=======\n\n' + c.rst;
  let roff = '';
  try { roff = toManPage(parseRst(page)); } catch (e) { roff = String(e); }
  if (roff === c.roff) roffOk++;
  else bad.push({ html: c.html, indent: c.indent, rstSame: rst === c.rst, rst: c.rst, exp: c.roff, got: roff });
  if (rst !== c.rst && bad.length < 2000) bad.push({ kind: 'rst', html: c.html, indent: c.indent, exp: c.rst, got: rst });
}
writeFileSync('/tmp/h/bad.json', JSON.stringify(bad, null, 1));
console.log({ total: cases.length, rstOk, roffOk });
