// A help page as plain text, laid out like `groff -m man -T ascii` lays out the man page (a 78-column
// page, section bodies at 7 columns, `o` bullets) for systems without groff or mandoc.
import { plainText, type Block, type HelpPage } from './document';

export const PAGE_WIDTH = 78;
const MARGIN = 7;

/** Fills words into lines of at most `width` columns (a longer word stands alone on its line). */
export function fill(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else {
      cur = cur ? `${cur} ${word}` : word;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function headerLine(title: string): string {
  const gap = Math.max(1, PAGE_WIDTH - 2 * title.length);
  return `${title}${' '.repeat(gap)}${title}`;
}

export function toPlain(page: HelpPage): string {
  const title = `${page.name.toUpperCase()}()`;
  const out: string[] = [headerLine(title), '', '', '', 'NAME', `${' '.repeat(MARGIN)}${page.name} -`];
  let afterSection = false;
  const space = (tight?: boolean) => {
    if (!afterSection && !tight) out.push('');
    afterSection = false;
  };
  for (const b of page.blocks) emit(b);
  out.push('', '', '', `${' '.repeat(PAGE_WIDTH - title.length)}${title}`);
  return `${out.join('\n')}\n`;

  function emit(b: Block): void {
    if (b.kind === 'section') {
      out.push('', b.title.toUpperCase());
      afterSection = true;
      return;
    }
    const pad = ' '.repeat(MARGIN + b.indent);
    const width = PAGE_WIDTH - MARGIN - b.indent;
    if (b.kind === 'para') {
      space(b.tight);
      for (const l of fill(plainText(b.text), width)) out.push(`${pad}${l}`);
    } else if (b.kind === 'code') {
      space(b.tight);
      for (const l of b.lines) out.push(l ? `${pad}${l}` : '');
    } else {
      for (const [i, item] of b.items.entries()) {
        space(i === 0 && b.tight);
        fill(plainText(item), width - 2).forEach((l, i) => out.push(`${pad}${i ? '  ' : 'o '}${l}`));
      }
    }
  }
}
