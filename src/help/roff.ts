// A help page as man-page source (roff with the man macros), for `groff -m man -T ascii` or
// `mandoc -T ascii`, the way the AWS CLI renders its help on POSIX systems.
import type { Block, HelpPage } from './document';

/** Escapes text for roff: backslashes, hyphens (minus signs in option names) and control characters
 * at the start of a line; `code` becomes bold and *emphasis* italic. */
export function roffInline(text: string): string {
  const esc = (s: string) => s.replace(/\\/g, '\\e').replace(/-/g, '\\-');
  let out = '';
  const re = /`([^`]*)`|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out += esc(text.slice(last, m.index));
    out += m[1] !== undefined ? `\\fB${esc(m[1])}\\fP` : `\\fI${esc(m[2])}\\fP`;
    last = m.index + m[0].length;
  }
  return out + esc(text.slice(last));
}

/** A text line that roff must not read as a request. */
const line = (s: string) => (/^[.']/.test(s) ? `\\&${s}` : s);

export function toRoff(page: HelpPage): string {
  const out: string[] = [
    '.\\" Man page generated from the service model.',
    `.TH "${page.name.toUpperCase()}" "" "" ""`,
    '.nh',
    '.SH NAME',
    `${roffInline(page.name)} \\-`,
  ];
  const stack: number[] = [];
  let current = 0;
  const moveTo = (indent: number) => {
    while (current > indent && stack.length) {
      out.push('.RE');
      current -= stack.pop()!;
    }
    if (indent > current) {
      out.push(`.RS ${indent - current}n`);
      stack.push(indent - current);
      current = indent;
    }
  };
  for (const b of page.blocks) emit(b);
  moveTo(0);
  return `${out.join('\n')}\n`;

  function emit(b: Block): void {
    if (b.kind === 'section') {
      moveTo(0);
      out.push(`.SH ${b.title.toUpperCase()}`);
      return;
    }
    moveTo(b.indent);
    const start = b.tight ? '.br' : '.PP';
    if (b.kind === 'para') {
      out.push(start, line(roffInline(b.text)));
    } else if (b.kind === 'code') {
      out.push(start, '.nf', ...b.lines.map((l) => line(l.replace(/\\/g, '\\e').replace(/-/g, '\\-'))), '.fi');
    } else {
      b.items.forEach((item, i) => {
        if (i === 0 && b.tight) out.push('.br');
        out.push('.IP \\(bu 2', line(roffInline(item)));
      });
    }
  }
}
