// The document tree of the help pages, as docutils' nodes.py builds it (elements and text nodes, their
// astext()), with its reporter's system messages: what rst.ts and inline.ts build and manpage.ts writes.

export interface RNode {
  type: string;
  children: RNode[];
  /** Text nodes ('#text'): the text, escapes still marked with NUL as docutils keeps them. */
  text?: string;
  attrs: Record<string, unknown>;
  parent?: RNode;
}

export function node(type: string, children: RNode[] = [], attrs: Record<string, unknown> = {}): RNode {
  const n: RNode = { type, children: [], attrs };
  for (const c of children) append(n, c);
  return n;
}

export function textNode(text: string): RNode {
  return { type: '#text', children: [], text, attrs: {} };
}

export function append(parent: RNode, child: RNode): void {
  child.parent = parent;
  parent.children.push(child);
}

/** docutils' Text.astext(): escape markers removed (with an escaped space or newline). */
export function unescapeText(text: string): string {
  return text.includes('\x00') ? text.replace(/\x00[ \n]?/g, '') : text;
}

/** The nodes whose text is their children's joined as they are (docutils' TextElement, and inline ones). */
const TEXT_ELEMENTS = new Set(['paragraph', 'title', 'subtitle', 'term', 'attribution', 'literal_block', 'comment', 'target',
  'literal', 'emphasis', 'strong', 'reference', 'title_reference', 'problematic', 'subscript', 'superscript',
  'footnote_reference', 'citation_reference', 'abbreviation', 'acronym']);

export const isTextElement = (n: RNode) => TEXT_ELEMENTS.has(n.type);

/** node.astext(): text elements join their children's text, other elements separate it by blank lines. */
export function astext(n: RNode): string {
  if (n.type === '#text') return unescapeText(n.text ?? '');
  return n.children.map(astext).join(TEXT_ELEMENTS.has(n.type) ? '' : '\n\n');
}

const LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'SEVERE'];
/** Messages below this level are dropped (docutils' default report_level, which the AWS CLI keeps). */
const REPORT_LEVEL = 2;

/** A system message node (docutils' reporter), or undefined when below the report level. */
export function systemMessage(level: number, message: string, line: number | undefined, ...children: RNode[]): RNode | undefined {
  if (level < REPORT_LEVEL) return undefined;
  const attrs: Record<string, unknown> = { level, type: LEVELS[level], source: '<string>' };
  if (line !== undefined) attrs.line = line;
  return node('system_message', [node('paragraph', [textNode(message)]), ...children], attrs);
}
