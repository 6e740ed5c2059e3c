// docutils' man page writer (0.19, docutils/writers/manpage.py), which the AWS CLI's help uses: the
// same roff requests for the same tree (its INDENT/UNINDENT macros, `.sp` between paragraphs but not
// before a first one, `.IP \(bu 2` bullets, `\fB` literals), the same escapes, the same clean-up of
// superfluous `.sp`, so that groff lays the page out exactly as for the AWS CLI.
import { toRoman } from './rst';
import { astext, unescapeText, type RNode } from './doctree';

const BLOCKQUOTE_INDENT = 3.5;
const LITERAL_BLOCK_INDENT = 3.5;
const DEFINITION_LIST_INDENT = 7;

const MACRO_DEF = `.
.nr rst2man-indent-level 0
.
.de1 rstReportMargin
\\\\$1 \\\\n[an-margin]
level \\\\n[rst2man-indent-level]
level margin: \\\\n[rst2man-indent\\\\n[rst2man-indent-level]]
-
\\\\n[rst2man-indent0]
\\\\n[rst2man-indent1]
\\\\n[rst2man-indent2]
..
.de1 INDENT
.\\" .rstReportMargin pre:
. RS \\\\$1
. nr rst2man-indent\\\\n[rst2man-indent-level] \\\\n[an-margin]
. nr rst2man-indent-level +1
.\\" .rstReportMargin post:
..
.de UNINDENT
. RE
.\\" indent \\\\n[an-margin]
.\\" old: \\\\n[rst2man-indent\\\\n[rst2man-indent-level]]
.nr rst2man-indent-level -1
.\\" new: \\\\n[rst2man-indent\\\\n[rst2man-indent-level]]
.in \\\\n[rst2man-indent\\\\n[rst2man-indent-level]]u
..
`;

const ADMONITION_LABELS: Record<string, string> = {
  attention: 'Attention!', caution: 'Caution!', danger: '!DANGER!', error: 'Error', hint: 'Hint',
  important: 'Important', note: 'Note', tip: 'Tip', warning: 'Warning',
};

const TEXT_ESCAPES: Record<string, string> = { '\\': '\\e', '-': '\\-', "'": '\\(aq', '\u00b4': "\\'", '`': '\\(ga', '"': '\\(dq' };

const INVISIBLE = new Set(['comment', 'substitution_definition', 'target', 'pending']);

/** The single-argument `%.1f` of Python for the indents used (multiples of 0.5). */
const f1 = (x: number) => x.toFixed(1);

class SkipNode extends Error {}

/** The writer's list item labels and their widths (bullets; numbers, letters, roman numerals with a period). */
class EnumChar {
  readonly width: number;
  private count: number;
  private readonly style: string;

  constructor(list: RNode) {
    this.style = list.type === 'bullet_list' ? 'bullet' : String(list.attrs.enumtype ?? 'arabic');
    this.count = list.attrs.start !== undefined ? Number(list.attrs.start) - 1 : 0;
    if (this.style === 'arabic') this.width = String(list.children.length).length + String(this.count).length + 1;
    else if (this.style.endsWith('alpha')) this.width = 3;
    else if (this.style.endsWith('roman')) this.width = 5;
    else this.width = 2;
    if (this.style === 'loweralpha') this.count += 96;
    if (this.style === 'upperalpha') this.count += 64;
  }

  next(): string {
    if (this.style === 'bullet') return '\\(bu';
    this.count += 1;
    if (this.style === 'arabic') return `${this.count}.`;
    if (this.style.endsWith('alpha')) return `${String.fromCharCode(this.count)}.`;
    const r = `${toRoman(this.count) ?? this.count}.`;
    return this.style.startsWith('upper') ? r.toUpperCase() : r.toLowerCase();
  }
}

class Translator {
  private head: string[] = [];
  private body: string[] = [];
  private sectionLevel = 0;
  private indents: number[] = [0];
  private listChars: EnumChar[] = [];
  private inLiteral = false;
  private docinfo = { title: '', titleUpper: '', subtitle: '' };

  translate(document: RNode): string {
    this.walk(document);
    return this.astext();
  }

  private walk(n: RNode): void {
    try {
      this.visit(n);
    } catch (e) {
      if (e instanceof SkipNode) return;
      throw e;
    }
    for (const c of n.children) this.walk(c);
    this.depart(n);
  }

  private comment(text: string): string {
    return `${text.split('\n').map((l) => `.\\" ${l}\n`).join('')}.\n`;
  }

  private ensureEol(): void {
    const last = this.body[this.body.length - 1];
    if (this.body.length > 0 && last[last.length - 1] !== '\n') this.body.push('\n');
  }

  private indent(by = 0.5): void {
    const step = this.indents[this.indents.length - 1];
    this.indents.push(by);
    this.body.push(`.INDENT ${f1(step)}\n`);
  }

  private dedent(): void {
    this.indents.pop();
    this.body.push('.UNINDENT\n');
  }

  private firstChild(n: RNode): boolean {
    const siblings = n.parent?.children ?? [];
    for (const c of siblings) {
      if (INVISIBLE.has(c.type)) continue;
      return c === n;
    }
    return false;
  }

  private deunicode(text: string): string {
    return /[\xa0\u2020]/.test(text) ? text.replace(/\xa0/g, '\\ ').replace(/\u2020/g, '\\(dg') : text;
  }

  private visit(n: RNode): void {
    const b = this.body;
    switch (n.type) {
      case '#text': {
        // (The backslash first, then the characters roff reads otherwise, as the writer replaces them.)
        let text = unescapeText(n.text ?? '').replace(/[\\\-'\u00b4`"]/g, (c) => TEXT_ESCAPES[c]);
        text = this.deunicode(text);
        if (text.startsWith('.')) text = `\\&${text}`;
        if (this.inLiteral) text = text.replace(/\n\./g, '\n\\&.');
        b.push(text);
        return;
      }
      case 'document':
        this.head.push(`${this.comment('Man page generated from reStructuredText.').replace(/\s+$/, '')}\n`);
        return;
      case 'title':
        if (n.parent?.type === 'section' && this.sectionLevel === 1) {
          b.push(`.SH ${this.deunicode(astext(n).toUpperCase())}\n`);
          throw new SkipNode();
        }
        if (this.sectionLevel === 0 && n.parent?.type === 'document') {
          this.docinfo.title = astext(n);
          this.docinfo.titleUpper = astext(n).toUpperCase();
          throw new SkipNode();
        }
        if (ADMONITION_LABELS[n.parent?.type ?? ''] !== undefined || n.parent?.type === 'admonition') {
          b.push('.IP "');
          return;
        }
        b.push('.SS ');
        return;
      case 'subtitle':
        if (n.parent?.type === 'document') {
          this.docinfo.subtitle = astext(n);
          throw new SkipNode();
        }
        b.push('\\fB');
        return;
      case 'section':
        this.sectionLevel += 1;
        return;
      case 'paragraph':
        this.ensureEol();
        if (!this.firstChild(n)) b.push('.sp\n');
        this.inLiteral = true;
        return;
      case 'literal_block':
        this.indent(LITERAL_BLOCK_INDENT);
        this.indent(0);
        b.push('.sp\n.nf\n.ft C\n');
        this.inLiteral = true;
        return;
      case 'block_quote':
        this.indent(BLOCKQUOTE_INDENT);
        this.indent(0);
        return;
      case 'bullet_list':
      case 'enumerated_list': {
        this.listChars.push(new EnumChar(n));
        this.indent(this.listChars[this.listChars.length > 1 ? this.listChars.length - 2 : 0].width);
        return;
      }
      case 'list_item': {
        const lc = this.listChars[this.listChars.length - 1];
        b.push(`.IP ${lc.next()} ${lc.width}\n`);
        return;
      }
      case 'definition_list':
        this.indent(DEFINITION_LIST_INDENT);
        return;
      case 'definition_list_item':
        b.push('.TP');
        return;
      case 'term':
        b.push('\n.B ');
        return;
      case 'attribution':
        b.push('\\(em ');
        return;
      case 'literal':
      case 'strong':
        b.push('\\fB');
        return;
      case 'emphasis':
      case 'title_reference':
        b.push('\\fI');
        return;
      case 'reference':
        b.push('\\fI\\%');
        return;
      case 'subscript':
        b.push('\\s-2\\d');
        return;
      case 'superscript':
        b.push('\\s-2\\u');
        return;
      case 'footnote_reference':
      case 'citation_reference':
        b.push(`[${this.deunicode(astext(n))}]`);
        throw new SkipNode();
      case 'problematic':
        b.push('\n.nf\n');
        return;
      case 'transition':
        b.push('\n.sp\n.ce\n----\n');
        return;
      case 'comment':
        b.push(this.comment(astext(n)));
        throw new SkipNode();
      case 'target':
      case 'substitution_definition':
      case 'pending':
        throw new SkipNode();
      case 'system_message': {
        const line = n.attrs.line !== undefined ? `, line ${n.attrs.line}` : '';
        b.push(`.IP "System Message: ${n.attrs.type}/${n.attrs.level} (${n.attrs.source}:${line})"\n`);
        return;
      }
      default:
        if (ADMONITION_LABELS[n.type] !== undefined) {
          b.push('.sp\n');
          b.push(`\\fB${ADMONITION_LABELS[n.type].toUpperCase()}:\\fP\n`);
          this.indent(BLOCKQUOTE_INDENT);
          this.indent(0);
        }
        // meta, definition, and the other containers: nothing of their own.
        return;
    }
  }

  private depart(n: RNode): void {
    const b = this.body;
    switch (n.type) {
      case 'document':
        b.push(this.comment('Generated by docutils manpage writer.'));
        return;
      case 'title':
        if (n.parent && (ADMONITION_LABELS[n.parent.type] !== undefined || n.parent.type === 'admonition')) b.push('"');
        b.push('\n');
        return;
      case 'subtitle':
        b.push('\\fP\n.PP\n');
        return;
      case 'section':
        this.sectionLevel -= 1;
        return;
      case 'paragraph':
        this.inLiteral = false;
        b.push('\n');
        return;
      case 'literal_block':
        this.inLiteral = false;
        b.push('\n.ft P\n.fi\n');
        this.dedent();
        this.dedent();
        return;
      case 'block_quote':
        this.dedent();
        this.dedent();
        return;
      case 'bullet_list':
      case 'enumerated_list':
        this.dedent();
        this.listChars.pop();
        return;
      case 'definition_list':
        this.dedent();
        return;
      case 'term':
        b.push('\n');
        return;
      case 'attribution':
        b.push('\n');
        return;
      case 'literal':
      case 'strong':
      case 'emphasis':
      case 'title_reference':
      case 'reference':
        b.push('\\fP');
        return;
      case 'subscript':
        b.push('\\u\\s0');
        return;
      case 'superscript':
        b.push('\\d\\s0');
        return;
      case 'problematic':
        b.push('\n.fi\n');
        return;
      case 'transition':
        b.push('\n.ce 0\n.sp\n');
        return;
      default:
        if (ADMONITION_LABELS[n.type] !== undefined) {
          this.dedent();
          this.dedent();
        }
        return;
    }
  }

  private header(): string {
    const d = this.docinfo;
    // .TH "TITLE" <section> "<date>" "<version>", then the NAME section.
    return `.TH "${d.titleUpper}"  "" ""\n.SH NAME\n${d.title} \\- ${d.subtitle}\n`;
  }

  private astext(): string {
    this.head.push(MACRO_DEF, this.header());
    const b = this.body;
    const roffCommand = /^\.\w/;
    // (Python's negative indexes count from the end.)
    const at = (k: number) => b[k < 0 ? b.length + k : k] ?? '';
    for (let i = b.length - 1; i > 0; i--) {
      if (b[i] !== '.sp\n') continue;
      if (['.BI ', '.IP '].includes(at(i - 1).slice(0, 4))) b[i] = '.\n';
      else if (at(i - 1).slice(0, 3) === '.B ' && at(i - 2).slice(0, 4) === '.TP\n') b[i] = '.\n';
      else if (at(i - 1) === '\n' && !roffCommand.test(at(i - 2)) &&
        (at(i - 3).slice(0, 7) === '.TP\n.B ' || at(i - 3).slice(0, 4) === '\n.B ')) b[i] = '.\n';
    }
    return [...this.head, ...b].join('');
  }
}

/** The man page (roff source) of a parsed reStructuredText document. */
export function toManPage(document: RNode): string {
  return new Translator().translate(document);
}
