// A reStructuredText parser: the part of docutils' (0.19, docutils/parsers/rst/states.py and the
// standard transforms) that the AWS CLI's help pages use, with docutils' rules for what is what:
// sections (over- and underlined titles; the lone top section's title becomes the document's),
// paragraphs, literal blocks (`::`), bullet and enumerated lists, block quotes (with attributions),
// definition lists, comments, hyperlink targets, the admonition and `meta` directives, transitions,
// and inline markup (emphasis, strong, literals, interpreted text, phrase and embedded-URI
// references, inline targets, standalone URIs), with docutils' warnings and errors where its rules
// reject markup (problematic text, system messages). The result is a docutils-like tree for
// manpage.ts. Not recognised (no text of the models the AWS CLI ships makes the documentation writer
// produce them): field and option lists, line blocks, doctest blocks, tables, footnotes, citations,
// substitutions.
import { append, astext, node, systemMessage, textNode, type RNode } from './doctree';
import { inlineParse, normalizeName } from './inline';
import { pyStrip } from '../py/str';

interface Line {
  text: string;
  /** 0-based offset of the line in the document. */
  n: number;
}

const addAll = (parent: RNode, nodes: (RNode | undefined)[]) => {
  for (const n of nodes) if (n) append(parent, n);
};

// Body patterns (docutils' Body.patterns), for the constructs recognised here.
const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const NONALPHANUM7BIT = '[!-/:-@[-`{-~]';
const LINE = new RegExp(`^(${NONALPHANUM7BIT})\\1* *$`);
const EXPLICIT = /^\.\.( +|$)/;
const ANONYMOUS = /^__( +|$)/;
const SIMPLENAME = '(?:(?!_)[\\p{L}\\p{N}_])+(?:[-._+:](?:(?!_)[\\p{L}\\p{N}_])+)*';
const TARGET_CONSTRUCT = /^\.\.[ ]+_(?![ ]|$)/;
const DIRECTIVE_CONSTRUCT = new RegExp(`^\\.\\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, 'u');
const TARGET_NAME = /^(`?)(.+?)\1:( |$)/s;
const ATTRIBUTION = /^(---?(?!-)|\u2014) *(?=[^ \n])/;
const FIELD_MARKER = /^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/;

const ADMONITIONS = new Set(['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning']);

/** Python's str.strip() emptiness for a line (lines are already right-stripped). */
const isBlank = (s: string) => pyStrip(s) === '';

/** docutils' column_width for the texts here (no East Asian wide characters expected). */
const columnWidth = (s: string) => [...s].length;

interface Memo {
  titleStyles: string[];
  sectionLevel: number;
  document: RNode;
}

/** StringList.get_indented: the indented block starting at `start` (see docutils). */
function getIndented(lines: Line[], start: number, opts: { untilBlank?: boolean; stripIndent?: boolean; blockIndent?: number; firstIndent?: number } = {}):
  { block: Line[]; indent: number; blankFinish: boolean } {
  const stripIndent = opts.stripIndent ?? true;
  const blockIndent = opts.blockIndent;
  let firstIndent = opts.firstIndent;
  let indent: number | undefined = blockIndent;
  let end = start;
  if (blockIndent !== undefined && firstIndent === undefined) firstIndent = blockIndent;
  if (firstIndent !== undefined) end += 1;
  let blankFinish = true;
  let broke = false;
  while (end < lines.length) {
    const line = lines[end].text;
    if (line && (line[0] !== ' ' || (blockIndent !== undefined && line.slice(0, blockIndent).trim()))) {
      blankFinish = end > start && isBlank(lines[end - 1].text);
      broke = true;
      break;
    }
    const stripped = line.replace(/^\s+/, '');
    if (!stripped) {
      if (opts.untilBlank) {
        blankFinish = true;
        broke = true;
        break;
      }
    } else if (blockIndent === undefined) {
      const lineIndent = line.length - stripped.length;
      indent = indent === undefined ? lineIndent : Math.min(indent, lineIndent);
    }
    end += 1;
  }
  if (!broke) blankFinish = true;
  const block = lines.slice(start, end).map((l) => ({ ...l }));
  if (firstIndent !== undefined && block.length) block[0].text = block[0].text.slice(firstIndent);
  if (indent && stripIndent) {
    for (let i = firstIndent !== undefined ? 1 : 0; i < block.length; i++) block[i].text = block[i].text.slice(indent);
  }
  return { block, indent: indent ?? 0, blankFinish };
}

const trimStart = (block: Line[]) => {
  while (block.length && isBlank(block[0].text)) block.shift();
};
const trimEnd = (block: Line[]) => {
  while (block.length && isBlank(block[block.length - 1].text)) block.pop();
};

/** Parses a document's text into a docutils-like tree (after the standard transforms). */
export function parseRst(input: string): RNode {
  const document = node('document');
  const lines = string2lines(input).map((text, n) => ({ text, n }));
  const memo: Memo = { titleStyles: [], sectionLevel: 0, document };
  new BlockParser(memo, true).parse(lines, document);
  docTitle(document);
  referenceTransforms(document);
  return document;
}

function findAll(n: RNode, type: string, out: RNode[] = []): RNode[] {
  if (n.type === type) out.push(n);
  for (const c of n.children) findAll(c, type, out);
  return out;
}

function replaceSelf(n: RNode, by: RNode): void {
  const siblings = n.parent!.children;
  siblings[siblings.indexOf(n)] = by;
  by.parent = n.parent;
}

/** The line of the nearest enclosing block that has one (docutils' get_source_line). */
function lineOf(n: RNode | undefined): number | undefined {
  for (let cur = n; cur; cur = cur.parent) if (cur.attrs.line !== undefined) return cur.attrs.line as number;
  return undefined;
}

/**
 * The reference transforms that can fail: AnonymousHyperlinks (anonymous references and targets must
 * pair up) and DanglingReferences (a named reference needs a target or section of that name). A
 * failed reference becomes `problematic` (its source text), and the errors go to a "Docutils System
 * Messages" section at the end (the Messages transform).
 */
function referenceTransforms(document: RNode): void {
  const messages: RNode[] = [];
  const references = findAll(document, 'reference');
  const anonymousRefs = references.filter((r) => r.attrs.anonymous);
  const anonymousTargets = findAll(document, 'target').filter((t) => t.attrs.anonymous);
  if (anonymousRefs.length !== anonymousTargets.length) {
    messages.push(systemMessage(3, `Anonymous hyperlink mismatch: ${anonymousRefs.length} references but ${anonymousTargets.length} targets.\n` +
      'See "backrefs" attribute for IDs.', undefined)!);
    for (const r of anonymousRefs) replaceSelf(r, node('problematic', [textNode(String(r.attrs.rawsource))]));
  }
  const names = new Set<string>();
  for (const n of [...findAll(document, 'section'), ...findAll(document, 'target')]) {
    for (const name of (n.attrs.names as string[] | undefined) ?? []) names.add(name);
  }
  const refs = [...findAll(document, 'reference'), ...findAll(document, 'footnote_reference'), ...findAll(document, 'citation_reference')];
  for (const r of refs) {
    const refname = r.attrs.refname as string | undefined;
    if (refname === undefined || names.has(refname)) continue;
    messages.push(systemMessage(3, `Unknown target name: "${refname}".`, lineOf(r))!);
    replaceSelf(r, node('problematic', [textNode(String(r.attrs.rawsource))]));
  }
  if (messages.length) {
    const section = node('section', [node('title', [textNode('Docutils System Messages')]), ...messages], { names: [] });
    append(document, section);
  }
}

/** statemachine.string2lines: tabs expanded, \v and \f as spaces, lines right-stripped. */
function string2lines(s: string): string[] {
  const text = s.replace(/[\v\f]/g, ' ');
  const lines = text.split(/\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length && lines[lines.length - 1] === '' && /(\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029])$/.test(text)) lines.pop();
  if (text === '') return [];
  return lines.map((l) => expandTabs(l).replace(/\s+$/u, ''));
}

function expandTabs(l: string): string {
  if (!l.includes('\t')) return l;
  let out = '';
  for (const c of l) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
  return out;
}

/** The DocTitle transform: a lone top-level section (after comments, targets, meta) becomes the document. */
function docTitle(document: RNode): void {
  const pre = (n: RNode) => ['comment', 'target', 'pending', 'substitution_definition', 'system_message', 'meta', 'decoration', 'docinfo'].includes(n.type);
  const idx = document.children.findIndex((c) => !pre(c));
  if (idx < 0 || document.children.length > idx + 1 || document.children[idx].type !== 'section') return;
  const section = document.children[idx];
  const before = document.children.slice(0, idx);
  document.children = [];
  append(document, section.children[0]);
  for (const c of before) append(document, c);
  for (const c of section.children.slice(1)) append(document, c);
  // The subtitle: a lone second-level section right after the title.
  const rest = document.children.slice(1);
  const j = rest.findIndex((c) => !pre(c));
  if (j < 0 || rest.length > j + 1 || rest[j].type !== 'section') return;
  const sub = rest[j];
  const subtitle = node('subtitle', sub.children[0].children);
  document.children = [document.children[0]];
  append(document, subtitle);
  for (const c of rest.slice(0, j)) append(document, c);
  for (const c of sub.children.slice(1)) append(document, c);
}

class BlockParser {
  constructor(private readonly memo: Memo, private readonly matchTitles: boolean) {}

  /** Parses lines into `parent` (docutils' nested_parse with the Body state). */
  parse(lines: Line[], parent: RNode): void {
    let cur = parent;
    // For titled parses: the open sections, innermost last (parent is the document or a section).
    const sections: RNode[] = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i].text;
      if (line === '' || isBlank(line)) {
        i++;
        continue;
      }
      if (line[0] === ' ') {
        i = this.blockQuote(lines, i, cur);
        continue;
      }
      let m: RegExpExecArray | null;
      if ((m = BULLET.exec(line))) {
        i = this.bulletList(lines, i, m, cur);
        continue;
      }
      if ((m = ENUMERATOR.exec(line))) {
        const next = this.enumeratedList(lines, i, m, cur);
        if (next !== undefined) {
          i = next;
          continue;
        }
      }
      if ((m = EXPLICIT.exec(line))) {
        i = this.explicitMarkup(lines, i, m, cur);
        continue;
      }
      if ((m = ANONYMOUS.exec(line))) {
        i = this.explicitMarkup(lines, i, m, cur);
        continue;
      }
      if (LINE.test(line)) {
        const r = this.lineConstruct(lines, i, cur, sections);
        if (r.next !== undefined) {
          i = r.next;
          if (r.parent) cur = r.parent;
          continue;
        }
        // Treated as text (a short line, `::`): fall through.
      }
      const r = this.text(lines, i, cur, sections);
      i = r.next;
      if (r.parent) cur = r.parent;
    }
  }

  // -- Sections ------------------------------------------------------------------------------------

  /** A title: the section it opens (under the right ancestor), or undefined when inconsistent. */
  private section(title: string, style: string, lineno: number, sections: RNode[], base: RNode, messages: RNode[], source: string):
    { section?: RNode; parentMessage?: RNode } {
    const memo = this.memo;
    let level = memo.titleStyles.indexOf(style) + 1;
    if (level === 0) {
      if (memo.titleStyles.length === sections.length) {
        memo.titleStyles.push(style);
        level = memo.titleStyles.length;
      } else {
        return { parentMessage: systemMessage(4, 'Title level inconsistent:', lineno, node('literal_block', [textNode(source)])) };
      }
    } else if (level > sections.length + 1) {
      return { parentMessage: systemMessage(4, 'Title level inconsistent:', lineno, node('literal_block', [textNode(source)])) };
    }
    sections.length = level - 1;
    const owner = sections.length ? sections[sections.length - 1] : base;
    const section = node('section', [], { names: [] });
    append(owner, section);
    const { nodes: textnodes, messages: titleMessages } = inlineParse(title, lineno);
    const titleNode = node('title', textnodes);
    append(section, titleNode);
    section.attrs.names = [normalizeName(astext(titleNode))];
    addAll(section, messages);
    addAll(section, titleMessages);
    sections.push(section);
    return { section };
  }

  /** A line of punctuation at the start of a block: an overlined title or a transition. */
  private lineConstruct(lines: Line[], i: number, cur: RNode, sections: RNode[]): { next?: number; parent?: RNode } {
    const marker = lines[i].text;
    const lineno = lines[i].n + 1;
    if (!this.matchTitles) {
      if (marker.trim() === '::') return {};
      if (marker.trim().length < 4) return {};
      append(cur, systemMessage(4, 'Unexpected section title or transition.', lineno, node('literal_block', [textNode(marker)]))!);
      return { next: i + 1 };
    }
    const next = lines[i + 1];
    if (!next) {
      // Line.eof: a transition at the end (or text when short).
      if (marker.trim().length < 4) return {};
      append(cur, node('transition'));
      return { next: i + 1 };
    }
    if (isBlank(next.text)) {
      if (marker.trim().length < 4) return {};
      append(cur, node('transition'));
      return { next: i + 1 };
    }
    if (LINE.test(next.text) && next.text[0] !== ' ') {
      // Line.underline: two adornment lines.
      if (marker.trim().length < 4) return {};
      append(cur, systemMessage(3, 'Invalid section title or transition marker.', lineno,
        node('literal_block', [textNode(`${marker}\n${next.text}`)]))!);
      return { next: i + 2 };
    }
    // Line.text (or indent): an overlined title.
    const title = next.text;
    const underline = lines[i + 2]?.text;
    if (underline === undefined) {
      if (marker.trim().length < 4) return {};
      append(cur, systemMessage(4, 'Incomplete section title.', lineno, node('literal_block', [textNode(`${marker}\n${title}`)]))!);
      return { next: i + 2 };
    }
    const source = `${marker}\n${title}\n${underline}`;
    if (!LINE.test(underline)) {
      if (marker.trim().length < 4) return {};
      append(cur, systemMessage(4, 'Missing matching underline for section title overline.', lineno, node('literal_block', [textNode(source)]))!);
      return { next: i + 3 };
    }
    if (marker !== underline) {
      if (marker.trim().length < 4) return {};
      append(cur, systemMessage(4, 'Title overline & underline mismatch.', lineno, node('literal_block', [textNode(source)]))!);
      return { next: i + 3 };
    }
    const messages: RNode[] = [];
    const t = title.replace(/\s+$/, '');
    if (columnWidth(t) > marker.length) {
      if (marker.trim().length < 4) return {};
      const m = systemMessage(2, 'Title overline too short.', lineno, node('literal_block', [textNode(source)]));
      if (m) messages.push(m);
    }
    const base = this.baseOf(cur, sections);
    const r = this.section(t.trim(), `${marker[0]}${underline[0]}`, lineno + 1, sections, base, messages, source);
    if (r.parentMessage) append(cur, r.parentMessage);
    return { next: i + 3, parent: r.section ?? cur };
  }

  /** The node sections hang from: the document (or the titled parse's root). */
  private baseOf(cur: RNode, sections: RNode[]): RNode {
    if (!sections.length) return cur;
    return sections[0].parent!;
  }

  // -- Text: paragraphs, underlined titles, definition lists ----------------------------------------

  private text(lines: Line[], i: number, cur: RNode, sections: RNode[]): { next: number; parent?: RNode } {
    const first = lines[i];
    const next = lines[i + 1];
    if (!next) {
      // Text.eof: a paragraph.
      this.paragraphs([first.text], first.n + 1, cur, lines, i + 1);
      return { next: i + 1 };
    }
    if (isBlank(next.text)) {
      const after = this.paragraphs([first.text], first.n + 1, cur, lines, i + 1);
      return { next: after };
    }
    if (next.text[0] === ' ') return { next: this.definitionList(lines, i, cur) };
    if (LINE.test(next.text)) {
      const title = first.text.replace(/\s+$/, '');
      const underline = next.text.replace(/\s+$/, '');
      const lineno = next.n + 1;
      const messages: RNode[] = [];
      let ok = true;
      if (columnWidth(title) > underline.length) {
        if (underline.length < 4) {
          ok = false; // (INFO: treated as ordinary text)
        } else {
          const m = systemMessage(2, 'Title underline too short.', lineno, node('literal_block', [textNode(`${first.text}\n${next.text}`)]));
          if (m) messages.push(m);
        }
      }
      if (ok) {
        if (!this.matchTitles) {
          addAll(cur, messages);
          append(cur, systemMessage(4, 'Unexpected section title.', next.n + 1, node('literal_block', [textNode(`${first.text}\n${next.text}`)]))!);
          return { next: i + 2 };
        }
        const base = this.baseOf(cur, sections);
        const r = this.section(title, underline[0], lineno - 1, sections, base, messages, `${title}\n${underline}`);
        if (r.parentMessage) append(cur, r.parentMessage);
        return { next: i + 2, parent: r.section ?? cur };
      }
    }
    // Text.text: a paragraph of several lines (an indented line ends it, with an error).
    const block: string[] = [first.text];
    let j = i + 1;
    let msg: RNode | undefined;
    while (j < lines.length) {
      const l = lines[j].text;
      if (isBlank(l)) break;
      if (l[0] === ' ') {
        msg = systemMessage(3, 'Unexpected indentation.', lines[j].n + 1);
        break;
      }
      block.push(l);
      j++;
    }
    const literal = this.paragraph(block, first.n + 1, cur);
    if (msg) append(cur, msg);
    if (literal) return { next: this.literalBlock(lines, j, cur) };
    return { next: j };
  }

  /** A paragraph followed, when it ends with `::`, by its literal block; returns the next line. */
  private paragraphs(block: string[], lineno: number, cur: RNode, lines: Line[], next: number): number {
    const literal = this.paragraph(block, lineno, cur);
    return literal ? this.literalBlock(lines, next, cur) : next;
  }

  /** States.paragraph: adds the paragraph (unless it is a lone `::`); true when a literal block follows. */
  private paragraph(block: string[], lineno: number, cur: RNode): boolean {
    const data = block.join('\n').replace(/\s+$/u, '');
    let text: string;
    let literal = false;
    if (/(?<!\\)(\\\\)*::$/.test(data)) {
      if (data.length === 2) return true;
      text = ' \n'.includes(data[data.length - 3]) ? data.slice(0, -3).replace(/\s+$/u, '') : data.slice(0, -1);
      literal = true;
    } else {
      text = data;
    }
    const p = node('paragraph', [], { line: lineno });
    append(cur, p);
    const { nodes, messages } = inlineParse(text, lineno);
    for (const n of nodes) append(p, n);
    addAll(cur, messages);
    return literal;
  }

  /** Text.literal_block: the indented block after a `::` paragraph; returns the next line. */
  private literalBlock(lines: Line[], i: number, cur: RNode): number {
    const { block, blankFinish } = getIndented(lines, i);
    const end = i + block.length;
    trimStart(block);
    trimEnd(block);
    if (!block.length) {
      // No indented block: docutils looks for a quoted literal block, and warns when there is none.
      append(cur, systemMessage(2, 'Literal block expected; none found.', (lines[end]?.n ?? lines[lines.length - 1].n) + 1)!);
      return end;
    }
    const data = block.map((l) => l.text).join('\n');
    append(cur, node('literal_block', [textNode(data)]));
    if (!blankFinish) append(cur, this.unindentWarning('Literal block', lines, end));
    return end;
  }

  private unindentWarning(what: string, lines: Line[], at: number): RNode {
    const lineno = (lines[at]?.n ?? lines[lines.length - 1].n + 1) + 1;
    return systemMessage(2, `${what} ends without a blank line; unexpected unindent.`, lineno)!;
  }

  private definitionList(lines: Line[], i: number, cur: RNode): number {
    const list = node('definition_list');
    append(cur, list);
    let j = i;
    let blankFinish = true;
    for (;;) {
      const term = lines[j];
      const { block, blankFinish: bf } = getIndented(lines, j + 1);
      const end = j + 1 + block.length;
      trimStart(block);
      const item = node('definition_list_item');
      append(list, item);
      const { nodes, messages } = inlineParse(term.text, term.n + 1);
      append(item, node('term', nodes));
      const definition = node('definition', []);
      addAll(definition, messages);
      append(item, definition);
      this.nested(block, definition);
      blankFinish = bf;
      j = end;
      // DefinitionList: another item is a text line followed by an indented one.
      while (j < lines.length && isBlank(lines[j].text)) j++;
      const t = lines[j];
      const d = lines[j + 1];
      if (!t || t.text[0] === ' ' || !d || isBlank(d.text) || d.text[0] !== ' ' || BULLET.test(t.text) || EXPLICIT.test(t.text) || LINE.test(t.text)) break;
    }
    if (!blankFinish) append(cur, this.unindentWarning('Definition list', lines, j));
    return j;
  }

  private nested(block: Line[], parent: RNode): void {
    new BlockParser(this.memo, false).parse(block, parent);
  }

  // -- Block quotes and lists ----------------------------------------------------------------------

  private blockQuote(lines: Line[], i: number, cur: RNode): number {
    const { block, blankFinish } = getIndented(lines, i);
    const end = i + block.length;
    let indented = block;
    trimStart(indented);
    while (indented.length) {
      const quote = node('block_quote');
      const split = splitAttribution(indented);
      this.nested(split.content, quote);
      append(cur, quote);
      if (split.attribution) {
        const text = split.attribution.map((l) => l.text).join('\n').replace(/\s+$/u, '');
        const { nodes, messages } = inlineParse(text, split.attribution[0].n + 1);
        append(quote, node('attribution', nodes));
        addAll(cur, messages);
      }
      indented = split.rest;
      trimStart(indented);
    }
    if (!blankFinish) append(cur, this.unindentWarning('Block quote', lines, end));
    return end;
  }

  private bulletList(lines: Line[], i: number, first: RegExpExecArray, cur: RNode): number {
    const list = node('bullet_list', [], { bullet: lines[i].text[0] });
    append(cur, list);
    let j = i;
    let m: RegExpExecArray | null = first;
    let blankFinish = true;
    for (;;) {
      const r = this.listItem(lines, j, m[0].length);
      append(list, r.item);
      blankFinish = r.blankFinish;
      j = r.next;
      while (j < lines.length && isBlank(lines[j].text)) j++;
      if (j >= lines.length) break;
      m = BULLET.exec(lines[j].text);
      if (!m || lines[j].text[0] !== list.attrs.bullet) break;
    }
    if (!blankFinish) append(cur, this.unindentWarning('Bullet list', lines, j));
    return j;
  }

  private listItem(lines: Line[], i: number, indent: number): { item: RNode; next: number; blankFinish: boolean } {
    const known = lines[i].text.slice(indent) !== '';
    const r = known ? getIndented(lines, i, { blockIndent: indent }) : getIndented(lines, i, { firstIndent: indent });
    const next = i + r.block.length;
    const block = r.block;
    trimStart(block);
    const item = node('list_item');
    if (block.length) this.nested(block, item);
    return { item, next, blankFinish: r.blankFinish };
  }

  /** Body.enumerator: an enumerated list, or undefined when the line is not a list item after all. */
  private enumeratedList(lines: Line[], i: number, first: RegExpExecArray, cur: RNode): number | undefined {
    const e = parseEnumerator(first);
    if (!isEnumeratedListItem(lines, i, e)) return undefined;
    const list = node('enumerated_list', [], {
      enumtype: e.sequence === '#' ? 'arabic' : e.sequence, prefix: FORMATS[e.format].prefix, suffix: FORMATS[e.format].suffix,
      ...(e.ordinal !== 1 && { start: e.ordinal }),
    });
    append(cur, list);
    let j = i;
    let m: RegExpExecArray | null = first;
    let last = e.ordinal!;
    let auto = e.sequence === '#';
    let blankFinish = true;
    for (;;) {
      const r = this.listItem(lines, j, m[0].length);
      append(list, r.item);
      blankFinish = r.blankFinish;
      j = r.next;
      while (j < lines.length && isBlank(lines[j].text)) j++;
      if (j >= lines.length) break;
      m = ENUMERATOR.exec(lines[j].text);
      if (!m) break;
      const n = parseEnumerator(m, list.attrs.enumtype as string);
      if (n.format !== e.format || (n.sequence !== '#' && (n.sequence !== list.attrs.enumtype || auto || n.ordinal !== last + 1))
        || !isEnumeratedListItem(lines, j, n)) break;
      if (n.sequence === '#') auto = true;
      last = n.ordinal!;
    }
    if (!blankFinish) append(cur, this.unindentWarning('Enumerated list', lines, j));
    return j;
  }

  // -- Explicit markup -----------------------------------------------------------------------------

  private explicitMarkup(lines: Line[], i: number, _m: RegExpExecArray, cur: RNode): number {
    let j = i;
    let blankFinish = true;
    for (;;) {
      const r = this.explicitConstruct(lines, j, cur);
      blankFinish = r.blankFinish;
      j = r.next;
      // Explicit: further constructs of the series.
      while (j < lines.length && isBlank(lines[j].text)) j++;
      if (j >= lines.length || !(EXPLICIT.test(lines[j].text) || ANONYMOUS.test(lines[j].text))) break;
    }
    if (!blankFinish) append(cur, this.unindentWarning('Explicit markup', lines, j));
    return j;
  }

  private explicitConstruct(lines: Line[], i: number, cur: RNode): { next: number; blankFinish: boolean } {
    const line = lines[i].text;
    const anon = ANONYMOUS.exec(line);
    if (anon) {
      const { block, blankFinish } = getIndented(lines, i, { firstIndent: anon[0].length, untilBlank: true });
      append(cur, node('target', [], { anonymous: 1, refuri: block.map((l) => l.text.trim()).join('') }));
      return { next: i + Math.max(1, block.length), blankFinish };
    }
    let m: RegExpExecArray | null;
    if ((m = TARGET_CONSTRUCT.exec(line))) {
      const { block, blankFinish } = getIndented(lines, i, { firstIndent: m[0].length, untilBlank: true, stripIndent: false });
      let escaped = block[0]?.text ?? '';
      let k = 0;
      let tm = TARGET_NAME.exec(escaped);
      while (!tm && k + 1 < block.length) {
        k++;
        escaped += block[k].text;
        tm = TARGET_NAME.exec(escaped);
      }
      if (tm) {
        const uri = [escaped.slice(tm[0].length), ...block.slice(k + 1).map((l) => l.text)].map((s) => s.trim()).join(' ').split(/\s+/).join('');
        append(cur, node('target', [], { names: [normalizeName(tm[2])], ...(uri && { refuri: uri }) }));
        return { next: i + Math.max(1, block.length), blankFinish };
      }
      // malformed: a warning and a comment
      const c = this.comment(lines, i, line.match(EXPLICIT)![0].length);
      append(cur, c.node);
      append(cur, systemMessage(2, 'malformed hyperlink target.', lines[i].n + 1)!);
      return c;
    }
    if ((m = DIRECTIVE_CONSTRUCT.exec(line))) return this.directive(lines, i, m, cur);
    // (Footnotes, citations and substitution definitions are read as comments here.)
    const c = this.comment(lines, i, line.match(EXPLICIT)![0].length);
    append(cur, c.node);
    return c;
  }

  private comment(lines: Line[], i: number, indent: number): { node: RNode; next: number; blankFinish: boolean } {
    const first = lines[i].text.slice(indent);
    if ((!lines[i + 1] || isBlank(lines[i + 1].text)) && !first.trim()) {
      return { node: node('comment', [textNode('')]), next: i + 1, blankFinish: true };
    }
    const { block, blankFinish } = getIndented(lines, i, { firstIndent: indent });
    const next = i + block.length;
    trimStart(block);
    trimEnd(block);
    return { node: node('comment', [textNode(block.map((l) => l.text).join('\n'))]), next, blankFinish };
  }

  private directive(lines: Line[], i: number, m: RegExpExecArray, cur: RNode): { next: number; blankFinish: boolean } {
    const name = m[1].toLowerCase();
    const lineno = lines[i].n + 1;
    const r = getIndented(lines, i, { firstIndent: m[0].length });
    const next = i + r.block.length;
    const blankFinish = r.blankFinish || !lines[next] || isBlank(lines[next].text);
    const indented = r.block;
    const blockText = lines.slice(i, Math.max(i + 1, next)).map((l) => l.text).join('\n');
    if (indented.length && isBlank(indented[0].text)) indented.shift();
    trimEnd(indented);
    if (ADMONITIONS.has(name)) {
      const content = indented;
      trimStart(content);
      if (!content.length) {
        append(cur, systemMessage(3, `Content block expected for the "${m[1]}" directive; none found.`, lineno,
          node('literal_block', [textNode(blockText)]))!);
        return { next, blankFinish };
      }
      const admonition = node(name);
      this.nested(content, admonition);
      append(cur, admonition);
      return { next, blankFinish };
    }
    if (name === 'meta') {
      // Metadata for HTML writers (a field list): a `meta` node at the start of the document.
      const content = indented;
      trimStart(content);
      for (const l of content) {
        const f = FIELD_MARKER.exec(l.text);
        if (f) {
          const meta = node('meta');
          const doc = this.memo.document;
          const at = doc.children.findIndex((c) => c.type !== 'title' && c.type !== 'subtitle' && c.type !== 'meta');
          meta.parent = doc;
          doc.children.splice(at < 0 ? doc.children.length : at, 0, meta);
        }
      }
      return { next, blankFinish };
    }
    append(cur, systemMessage(3, `Unknown directive type "${m[1]}".`, lineno, node('literal_block', [textNode(blockText)]))!);
    return { next, blankFinish };
  }
}

/** Body.split_attribution: a block quote's content, its attribution (`-- Author`), and what follows. */
function splitAttribution(indented: Line[]): { content: Line[]; attribution?: Line[]; rest: Line[] } {
  let blank: number | undefined;
  let nonblankSeen = false;
  for (let i = 0; i < indented.length; i++) {
    const line = indented[i].text.replace(/\s+$/, '');
    if (line) {
      if (nonblankSeen && blank === i - 1) {
        const m = ATTRIBUTION.exec(line);
        if (m) {
          const check = checkAttribution(indented, i);
          if (check) {
            const a = indented.slice(i, check.end).map((l) => ({ ...l }));
            a[0].text = a[0].text.slice(m[0].length);
            for (let k = 1; k < a.length; k++) a[k].text = a[k].text.slice(check.indent);
            return { content: indented.slice(0, i), attribution: a, rest: indented.slice(check.end) };
          }
        }
      }
      nonblankSeen = true;
    } else {
      blank = i;
    }
  }
  return { content: indented, rest: [] };
}

function checkAttribution(indented: Line[], start: number): { end: number; indent: number } | undefined {
  let indent: number | undefined;
  let i = start + 1;
  for (; i < indented.length; i++) {
    const line = indented[i].text.replace(/\s+$/, '');
    if (!line) break;
    const ind = line.length - line.replace(/^\s+/, '').length;
    if (indent === undefined) indent = ind;
    else if (ind !== indent) return undefined;
  }
  return { end: i, indent: indent ?? 0 };
}

// Enumerated lists (Body.enumerator and its helpers).

const ENUM = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
const ENUMERATOR = new RegExp(`^((?<parens>\\(${ENUM}\\))|(?<rparen>${ENUM}\\))|(?<period>${ENUM}\\.))( +|$)`);
const FORMATS: Record<string, { prefix: string; suffix: string; start: number; end: number }> = {
  parens: { prefix: '(', suffix: ')', start: 1, end: -1 },
  rparen: { prefix: '', suffix: ')', start: 0, end: -1 },
  period: { prefix: '', suffix: '.', start: 0, end: -1 },
};
const SEQUENCES: [string, RegExp][] = [
  ['arabic', /^[0-9]+$/], ['loweralpha', /^[a-z]$/], ['upperalpha', /^[A-Z]$/],
  ['lowerroman', /^[ivxlcdm]+$/], ['upperroman', /^[IVXLCDM]+$/],
];

interface Enumerator { format: string; sequence: string; text: string; ordinal: number | undefined }

function parseEnumerator(m: RegExpExecArray, expected?: string): Enumerator {
  const g = m.groups!;
  const format = ['parens', 'rparen', 'period'].find((f) => g[f] !== undefined)!;
  const info = FORMATS[format];
  const text = g[format].slice(info.start, g[format].length + info.end);
  let sequence = '';
  if (text === '#') sequence = '#';
  else if (expected && SEQUENCES.find(([n]) => n === expected)?.[1].test(text)) sequence = expected;
  else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  if (!sequence) sequence = SEQUENCES.find(([, re]) => re.test(text))![0];
  let ordinal: number | undefined;
  if (sequence === '#') ordinal = 1;
  else if (sequence === 'arabic') ordinal = parseInt(text, 10);
  else if (sequence === 'loweralpha') ordinal = text.charCodeAt(0) - 96;
  else if (sequence === 'upperalpha') ordinal = text.charCodeAt(0) - 64;
  else ordinal = fromRoman(text.toUpperCase());
  return { format, sequence, text, ordinal };
}

function makeEnumerator(ordinal: number, sequence: string, format: string): [string, string] | undefined {
  let enumerator: string;
  if (sequence === '#') enumerator = '#';
  else if (sequence === 'arabic') enumerator = String(ordinal);
  else if (sequence.endsWith('alpha')) {
    if (ordinal > 26) return undefined;
    enumerator = String.fromCharCode(ordinal + 96);
    if (sequence === 'upperalpha') enumerator = enumerator.toUpperCase();
  } else {
    const r = toRoman(ordinal);
    if (r === undefined) return undefined;
    enumerator = sequence === 'lowerroman' ? r.toLowerCase() : r;
  }
  const info = FORMATS[format];
  return [`${info.prefix}${enumerator}${info.suffix} `, `${info.prefix}#${info.suffix} `];
}

/** Body.is_enumerated_list_item: a valid ordinal, and a next line that is blank, indented or the next item. */
function isEnumeratedListItem(lines: Line[], i: number, e: Enumerator): boolean {
  if (e.ordinal === undefined) return false;
  const next = lines[i + 1];
  if (!next) return true;
  if (!next.text.slice(0, 1).trim()) return true;
  const r = makeEnumerator(e.ordinal + 1, e.sequence, e.format);
  return !!r && (next.text.startsWith(r[0]) || next.text.startsWith(r[1]));
}

const ROMAN: [string, number][] = [['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90], ['L', 50],
  ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];

/** roman.toRoman (1 to 4999). */
export function toRoman(n: number): string | undefined {
  if (!(n > 0 && n < 5000) || !Number.isInteger(n)) return undefined;
  let out = '';
  for (const [s, v] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** roman.fromRoman: undefined for an invalid numeral. */
function fromRoman(s: string): number | undefined {
  if (!/^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(s) || !s) return undefined;
  let n = 0;
  let i = 0;
  for (const [sym, v] of ROMAN) while (s.startsWith(sym, i)) { n += v; i += sym.length; }
  return n;
}
