// The AWS CLI's get_shape_doc_overview (awscli/customizations/utils.py): the documentation's text
// without its markup (parsed as XML, as xml.dom.minidom does; documentation that is not well-formed
// XML is kept as it is), up to the first `.` or `:`, plus a period, line breaks as spaces.
// scripts/gen-docs.mjs runs it on every structure member for the comments of the YAML input skeleton.

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

/**
 * The text nodes of `<doc>…</doc>` in document order, or undefined when it is not well-formed XML
 * (what Expat rejects: unbalanced or mismatched tags, a stray `<` or `&`, an unknown entity,
 * malformed attributes). CDATA sections, comments and processing instructions add no text.
 */
export function xmlText(doc: string): string | undefined {
  const s = doc;
  const out: string[] = [];
  const open: string[] = [];
  let i = 0;
  const ref = (at: number): [string, number] | undefined => {
    const m = /^&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_:][-A-Za-z0-9_:.]*);/.exec(s.slice(at));
    if (!m) return undefined;
    const body = m[1];
    let ch: string;
    if (body[0] === '#') {
      const n = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff))) return undefined;
      ch = String.fromCodePoint(n);
    } else {
      if (!Object.prototype.hasOwnProperty.call(XML_ENTITIES, body)) return undefined;
      ch = XML_ENTITIES[body];
    }
    return [ch, at + m[0].length];
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '<') {
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end < 0 || s.slice(i + 4, end).includes('--')) return undefined;
        i = end + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        if (!open.length) return undefined;
        const end = s.indexOf(']]>', i + 9);
        if (end < 0) return undefined;
        i = end + 3;
      } else if (s.startsWith('<?', i)) {
        const end = s.indexOf('?>', i + 2);
        if (end < 0 || !NAME.test(s.slice(i + 2)) || /^xml\b/i.test(s.slice(i + 2))) return undefined;
        i = end + 2;
      } else if (s[i + 1] === '/') {
        const m = NAME.exec(s.slice(i + 2));
        if (!m) return undefined;
        const after = i + 2 + m[0].length;
        const close = /^\s*>/.exec(s.slice(after));
        if (!close || open.pop() !== m[0]) return undefined;
        i = after + close[0].length;
      } else {
        const m = NAME.exec(s.slice(i + 1));
        if (!m) return undefined;
        let j = i + 1 + m[0].length;
        const seen = new Set<string>();
        for (;;) {
          const ws = /^\s*/.exec(s.slice(j))![0];
          j += ws.length;
          if (s.startsWith('/>', j)) {
            j += 2;
            break;
          }
          if (s[j] === '>') {
            j += 1;
            open.push(m[0]);
            break;
          }
          if (!ws) return undefined;
          const a = NAME.exec(s.slice(j));
          if (!a || seen.has(a[0])) return undefined;
          seen.add(a[0]);
          j += a[0].length;
          const eq = /^\s*=\s*/.exec(s.slice(j));
          if (!eq) return undefined;
          j += eq[0].length;
          const q = s[j];
          if (q !== '"' && q !== "'") return undefined;
          const end = s.indexOf(q, j + 1);
          if (end < 0) return undefined;
          const value = s.slice(j + 1, end);
          if (value.includes('<')) return undefined;
          for (let k = value.indexOf('&'); k >= 0; k = value.indexOf('&', k + 1)) if (!ref(j + 1 + k)) return undefined;
          j = end + 1;
        }
        i = j;
      }
    } else if (c === '&') {
      const r = ref(i);
      if (!r) return undefined;
      out.push(r[0]);
      i = r[1];
    } else {
      if (!open.length && !/\s/.test(c)) return undefined;
      if (s.startsWith(']]>', i)) return undefined;
      out.push(c);
      i += 1;
    }
  }
  return open.length ? undefined : out.join('');
}

/** get_shape_doc_overview for a member's (or shape's) documentation. */
export function shapeDocOverview(documentation: string): string {
  let content = xmlText(`<doc>${documentation}</doc>`) ?? documentation;
  content = content.split(/[.:]+/, 1)[0];
  if (content) content += '.';
  return content.replace(/[\n\u2028]/g, ' ');
}
