// The AWS CLI's documentation writer (awscli/bcdoc: restdoc.py, style.py, docstringparser.py): a
// reStructuredText document built from writes, with its indentation style, and the parser that turns
// the model's HTML documentation into reStructuredText. Every help page is written through it, so
// the page's reStructuredText is the AWS CLI's, byte for byte.
import { HTMLParser } from './htmlparser';
import { pyIsSpaceChar as isPySpace, pyLStrip as pyLstrip, pySplit, pyStrip } from '../py/str';

const rstripSpaces = (s: string) => s.replace(/ +$/, '');

type Attrs = [string, string | null][];

export class ReSTDocument {
  readonly style: ReSTStyle;
  private parser: DocStringParser;
  keepData = true;
  readonly hrefs = new Map<string, string>();
  private writes: string[] = [];

  /** (The AWS CLI's target is 'man' for help pages: links are written as their titles.) */
  constructor() {
    this.style = new ReSTStyle(this);
    this.parser = new DocStringParser(this);
  }

  private put(s: string): void {
    if (this.keepData) this.writes.push(s);
  }

  write(content: string): void {
    this.put(content);
  }

  writeln(content: string): void {
    this.put(`${this.style.spaces()}${content}\n`);
  }

  popWrite(): string | undefined {
    return this.writes.pop();
  }

  pushWrite(s: string): void {
    this.writes.push(s);
  }

  handleData(data: string): void {
    if (data && this.keepData) this.put(data);
  }

  includeDocString(docString: string | undefined): void {
    if (!docString) return;
    try {
      this.parser.feed(docString);
      this.parser.close();
    } catch {
      // The AWS CLI logs the failure and keeps what was written; a fresh parser carries on.
      this.parser = new DocStringParser(this);
    }
  }

  /** The lines of a file the AWS CLI includes (write_from_file): each stripped, then written at the indentation. */
  writeFromText(text: string): void {
    // Python's readlines(): lines keep their ends; strip() removes them with the other whitespace.
    const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    for (const line of lines) this.writeln(pyStrip(line));
  }

  getValue(): string {
    if (this.hrefs.size) {
      this.style.newParagraph();
      for (const [refname, link] of this.hrefs) this.style.linkTargetDefinition(refname, link);
    }
    return this.writes.join('');
  }
}

export class ReSTStyle {
  private indentLevel = 0;
  private readonly indentWidth = 2;
  doP = true;
  aHref: string | undefined = undefined;
  listDepth = 0;

  constructor(private readonly doc: ReSTDocument) {}

  indent(): void {
    this.indentLevel++;
  }

  dedent(): void {
    if (this.indentLevel > 0) this.indentLevel--;
  }

  spaces(): string {
    return ' '.repeat(this.indentLevel * this.indentWidth);
  }

  newParagraph(): void {
    this.doc.write(`\n\n${this.spaces()}`);
  }

  newLine(): void {
    this.doc.write(`\n${this.spaces()}`);
  }

  private startInline(markup: string): void {
    this.doc.write(markup);
  }

  private endInline(markup: string): void {
    const last = rstripSpaces(this.doc.popWrite() ?? '');
    if (last === markup) return;
    this.doc.pushWrite(last);
    this.doc.write(`${markup} `);
  }

  private heading(s: string, borderChar: string): void {
    const border = borderChar.repeat(s.length);
    this.newParagraph();
    this.doc.write(`${border}\n${s}\n${border}`);
    this.newParagraph();
  }

  h1(s: string): void { this.heading(s, '*'); }
  h2(s: string): void { this.heading(s, '='); }

  startBold(): void { this.startInline('**'); }
  endBold(): void { this.endInline('**'); }
  startItalics(): void { this.startInline('*'); }
  endItalics(): void { this.endInline('*'); }

  startCode(): void {
    this.startInline('``');
  }

  endCode(): void {
    this.endInline('``');
  }

  startP(): void {
    if (this.doP) this.doc.write(`\n\n${this.spaces()}`);
  }

  endP(): void {
    if (this.doP) this.doc.write(`\n\n${this.spaces()}`);
  }

  private startAdmonition(directive: string): void {
    this.newParagraph();
    this.doc.write(`.. ${directive}::`);
    this.indent();
    this.newParagraph();
  }

  private endAdmonition(): void {
    this.dedent();
    this.newParagraph();
  }

  startNote(): void { this.startAdmonition('note'); }
  endNote(): void { this.endAdmonition(); }

  startA(attrs: Attrs | undefined): void {
    if (attrs && attrs.length) {
      for (const [k, v] of attrs) {
        if (k === 'href') {
          this.aHref = v ?? undefined;
          // (A valueless href leaves no link, as Python's None does.)
          this.doc.write('`');
        }
      }
    } else {
      this.doc.write(' ');
    }
  }

  linkTargetDefinition(refname: string, link: string): void {
    this.doc.writeln(`.. _${refname}: ${link}`);
  }

  endA(): void {
    if (this.aHref) {
      const last = rstripSpaces(this.doc.popWrite() ?? '');
      if (last && last !== '`') {
        this.doc.pushWrite(last.includes(':') ? last.replace(/:/g, '\\:') : last);
        this.doc.pushWrite(` <${this.aHref}>\`__`);
      } else if (last === '`') {
        this.doc.pushWrite(`\`<${this.aHref}>\`__`);
      } else {
        this.doc.pushWrite(this.aHref);
        this.doc.hrefs.set(this.aHref, this.aHref);
        this.doc.write('`__');
      }
      this.aHref = undefined;
    }
    this.doc.write(' ');
  }

  startLi(): void {
    this.newLine();
    this.doP = false;
    this.doc.write('* ');
  }

  endLi(): void {
    this.doP = true;
    this.newLine();
  }

  li(s: string): void {
    if (s) {
      this.startLi();
      this.doc.writeln(s);
      this.endLi();
    }
  }

  startUl(): void {
    if (this.listDepth !== 0) this.indent();
    this.listDepth++;
    this.newParagraph();
  }

  endUl(): void {
    this.listDepth--;
    if (this.listDepth !== 0) this.dedent();
    this.newParagraph();
  }

  startCodeblock(): void {
    this.doc.write('::');
    this.indent();
    this.newParagraph();
  }

  endCodeblock(): void {
    this.dedent();
    this.newParagraph();
  }

  codeblock(code: string): void {
    this.startCodeblock();
    this.doc.writeln(code);
    this.endCodeblock();
  }

  externalLink(title: string): void {
    this.doc.write(title);
  }

  toctree(): void {
    this.startUl();
  }

  tocitem(item: string): void {
    this.li(item);
  }

  /** The HTML tags style.py handles (it has start_<tag> and end_<tag>); others are dropped, their text kept. */
  handles(tag: string): boolean {
    return TAGS.has(tag);
  }

  start(tag: string, attrs: Attrs | undefined): void {
    switch (tag) {
      case 'bold': this.startBold(); break;
      case 'b': this.startBold(); break;
      case 'italics': this.startItalics(); break;
      case 'i': this.startItalics(); break;
      case 'p': this.startP(); break;
      case 'code': this.startCode(); break;
      case 'note': this.startAdmonition('note'); break;
      case 'important': this.startAdmonition('warning'); break;
      case 'danger': this.startAdmonition('danger'); break;
      case 'a': this.startA(attrs); break;
      case 'li': this.startLi(); break;
      case 'ul': case 'ol': this.startUl(); break;
      case 'examples': case 'fullname': this.doc.keepData = false; break;
      case 'codeblock': this.startCodeblock(); break;
      default: break;
    }
  }

  end(tag: string): void {
    switch (tag) {
      case 'bold': this.endBold(); break;
      case 'b': this.endBold(); break;
      case 'italics': this.endItalics(); break;
      case 'i': this.endItalics(); break;
      case 'p': this.endP(); break;
      case 'code': this.endCode(); break;
      case 'note': case 'important': case 'danger': this.endAdmonition(); break;
      case 'a': this.endA(); break;
      case 'li': this.endLi(); break;
      case 'ul': case 'ol': this.endUl(); break;
      case 'examples': case 'fullname': this.doc.keepData = true; break;
      case 'codeblock': this.endCodeblock(); break;
      default: break;
    }
  }
}

const TAGS = new Set(['bold', 'b', 'italics', 'i', 'p', 'code', 'note', 'important', 'danger', 'a', 'li', 'ul', 'ol',
  'examples', 'fullname', 'codeblock']);

// The HTML tree docstringparser.py builds: tags with handlers become nodes (an end tag closes the
// current node, whichever it is), text becomes data nodes; the tree is written when a feed ends.

interface DataNode { kind: 'data'; data: string; parent?: StemNode }
interface StemNode { kind: 'stem' | 'tag' | 'li'; tag?: string; attrs?: Attrs; children: TreeNode[]; parent?: StemNode }
type TreeNode = DataNode | StemNode;

class HTMLTree {
  readonly head: StemNode = { kind: 'stem', children: [] };
  /** Undefined after an end tag above the root: the next event fails (Python's None.add_child). */
  private current: StemNode | undefined = this.head;

  constructor(private readonly doc: ReSTDocument) {}

  addTag(tag: string, attrs: Attrs | undefined, isStart: boolean): void {
    if (!this.doc.style.handles(tag)) return;
    if (!this.current) throw new Error('no current node');
    if (isStart) {
      const node: StemNode = { kind: tag === 'li' ? 'li' : 'tag', tag, attrs, children: [], parent: this.current };
      this.current.children.push(node);
      this.current = node;
    } else {
      this.current = this.current.parent;
    }
  }

  addData(data: string): void {
    if (!this.current) throw new Error('no current node');
    this.current.children.push({ kind: 'data', data, parent: this.current });
  }

  write(): void {
    writeNode(this.head, this.doc);
  }
}

function writeNode(node: TreeNode, doc: ReSTDocument): void {
  if (node.kind === 'data') {
    if (!node.data) return;
    let s: string;
    if ([...node.data].every(isPySpace)) {
      s = ' ';
    } else {
      const endSpace = isPySpace(node.data[node.data.length - 1]);
      s = pySplit(node.data).join(' ');
      if (endSpace) s += ' ';
    }
    doc.handleData(s);
    return;
  }
  if (node.kind === 'li') lstrip(node);
  if (node.kind !== 'stem' && doc.style.handles(node.tag!)) doc.style.start(node.tag!, node.attrs);
  for (const c of node.children) writeNode(c, doc);
  if (node.kind !== 'stem' && doc.style.handles(node.tag!)) doc.style.end(node.tag!);
}

/** LineItemNode._lstrip: strips leading whitespace of the item's text, up to its first non-blank data. */
function lstrip(node: StemNode): boolean {
  for (const c of node.children) {
    if (c.kind === 'data') {
      c.data = pyLstrip(c.data);
      if (c.data) return true;
    } else if (lstrip(c)) {
      return true;
    }
  }
  return false;
}

class DocStringParser extends HTMLParser {
  private tree: HTMLTree;

  constructor(private readonly doc: ReSTDocument) {
    super();
    this.tree = new HTMLTree(doc);
  }

  override feed(data: string): void {
    super.feed(data);
    this.tree.write();
    this.tree = new HTMLTree(this.doc);
  }

  override close(): void {
    super.close();
    this.tree.write();
    this.tree = new HTMLTree(this.doc);
  }

  protected override handleStartTag(tag: string, attrs: Attrs): void {
    this.tree.addTag(tag, attrs, true);
  }

  protected override handleEndTag(tag: string): void {
    this.tree.addTag(tag, undefined, false);
  }

  protected override handleData(data: string): void {
    this.tree.addData(data);
  }
}
