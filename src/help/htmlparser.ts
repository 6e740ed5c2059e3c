// Python's html.parser.HTMLParser (3.11, convert_charrefs=True), as far as the AWS CLI's documentation
// parser uses it: start and end tags with their attributes, text (character references resolved),
// comments, declarations and processing instructions (ignored). Text is handed over in the same
// pieces as Python hands it over, which matters: the documentation writer treats each piece apart.

const TAGFIND = /([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|\/(?!>))*/y;
const ATTRFIND = /((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|\/(?!>))*/y;
const LOCATESTARTTAGEND = new RegExp(
  '<[a-zA-Z][^\\t\\n\\r\\f />\\x00]*' +
  '(?:[\\s/]*' +
  '(?:(?<=[\'"\\s/])[^\\s/>][^\\s/=>]*' +
  '(?:\\s*=+\\s*' +
  '(?:\'[^\']*\'' +
  '|"[^"]*"' +
  '|(?![\'"])[^>\\s]*' +
  ')' +
  '\\s*' +
  ')?(?:\\s|/(?!>))*' +
  ')*' +
  ')?' +
  '\\s*', 'y');
const ENDTAGFIND = /<\/\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>/y;
const STARTTAGOPEN = /<[a-zA-Z]/y;
const COMMENTCLOSE = /--\s*>/g;
const CDATA_CONTENT_ELEMENTS = new Set(['script', 'style']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\xa0' };

/** html.unescape for the character references documentation uses (numeric, and the common names). */
function unescapeHtml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/g, (m, body: string) => {
    if (body[0] === '#') {
      const hex = body[1] === 'x' || body[1] === 'X';
      const n = parseInt(body.slice(hex ? 2 : 1).replace(/;$/, ''), hex ? 16 : 10);
      if (n === 0 || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return '\ufffd';
      return String.fromCodePoint(n);
    }
    const name = body.replace(/;$/, '');
    return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : m;
  });
}

function matchAt(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

export type HtmlAttrs = [string, string | null][];

export class HTMLParser {
  private rawdata = '';
  private cdataElem: string | undefined;

  feed(data: string): void {
    this.rawdata += data;
    this.goahead(false);
  }

  close(): void {
    this.goahead(true);
  }

  protected handleStartTag(_tag: string, _attrs: HtmlAttrs): void {}
  protected handleEndTag(_tag: string): void {}
  protected handleData(_data: string): void {}

  private goahead(end: boolean): void {
    const rawdata = this.rawdata;
    let i = 0;
    const n = rawdata.length;
    while (i < n) {
      let j: number;
      if (!this.cdataElem) {
        j = rawdata.indexOf('<', i);
        if (j < 0) {
          const amppos = rawdata.lastIndexOf('&');
          if (amppos >= Math.max(i, n - 34) && !/[\s;]/.test(rawdata.slice(amppos))) break;
          j = n;
        }
      } else {
        const m = /[&<]/g;
        m.lastIndex = i;
        const found = m.exec(rawdata);
        if (found) j = found.index;
        else break;
      }
      if (i < j) this.handleData(this.cdataElem ? rawdata.slice(i, j) : unescapeHtml(rawdata.slice(i, j)));
      i = j;
      if (i === n) break;
      if (rawdata.startsWith('<', i)) {
        let k: number;
        if (matchAt(STARTTAGOPEN, rawdata, i)) k = this.parseStartTag(i);
        else if (rawdata.startsWith('</', i)) k = this.parseEndTag(i);
        else if (rawdata.startsWith('<!--', i)) k = this.parseComment(i);
        else if (rawdata.startsWith('<?', i)) k = this.parsePi(i);
        else if (rawdata.startsWith('<!', i)) k = this.parseHtmlDeclaration(i);
        else if (i + 1 < n) {
          this.handleData('<');
          k = i + 1;
        } else break;
        if (k < 0) {
          if (!end) break;
          k = rawdata.indexOf('>', i + 1);
          if (k < 0) {
            k = rawdata.indexOf('<', i + 1);
            if (k < 0) k = i + 1;
          } else {
            k += 1;
          }
          this.handleData(this.cdataElem ? rawdata.slice(i, k) : unescapeHtml(rawdata.slice(i, k)));
        }
        i = k;
      } else {
        // An '&' in CDATA content: Python's charref/entityref branches hand it over as text.
        this.handleData('&');
        i += 1;
      }
    }
    if (end && i < n && !this.cdataElem) {
      this.handleData(unescapeHtml(rawdata.slice(i, n)));
      i = n;
    }
    this.rawdata = rawdata.slice(i);
  }

  private parseHtmlDeclaration(i: number): number {
    const rawdata = this.rawdata;
    if (rawdata.startsWith('<!--', i)) return this.parseComment(i);
    if (rawdata.startsWith('<![', i)) {
      const k = rawdata.indexOf(']>', i + 3);
      return k < 0 ? -1 : k + 2;
    }
    if (rawdata.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const gtpos = rawdata.indexOf('>', i + 9);
      return gtpos < 0 ? -1 : gtpos + 1;
    }
    return this.parseBogusComment(i);
  }

  private parseBogusComment(i: number): number {
    const pos = this.rawdata.indexOf('>', i + 2);
    return pos < 0 ? -1 : pos + 1;
  }

  private parseComment(i: number): number {
    COMMENTCLOSE.lastIndex = i + 4;
    const m = COMMENTCLOSE.exec(this.rawdata);
    return m ? m.index + m[0].length : -1;
  }

  private parsePi(i: number): number {
    const pos = this.rawdata.indexOf('>', i + 2);
    return pos < 0 ? -1 : pos + 1;
  }

  private checkForWholeStartTag(i: number): number {
    const rawdata = this.rawdata;
    const m = matchAt(LOCATESTARTTAGEND, rawdata, i)!;
    const j = m.index + m[0].length;
    const next = rawdata.slice(j, j + 1);
    if (next === '>') return j + 1;
    if (next === '/') {
      if (rawdata.startsWith('/>', j)) return j + 2;
      if (rawdata.startsWith('/', j)) return -1;
    }
    if (next === '') return -1;
    if (/[a-zA-Z=/]/.test(next)) return -1;
    return j > i ? j : i + 1;
  }

  private parseStartTag(i: number): number {
    const endpos = this.checkForWholeStartTag(i);
    if (endpos < 0) return endpos;
    const rawdata = this.rawdata;
    const attrs: HtmlAttrs = [];
    const match = matchAt(TAGFIND, rawdata, i + 1)!;
    let k = match.index + match[0].length;
    const tag = match[1].toLowerCase();
    while (k < endpos) {
      const m = matchAt(ATTRFIND, rawdata, k);
      if (!m || m[0].length === 0) break;
      const [, name, rest] = m;
      let value: string | null = m[3] ?? null;
      if (!rest) value = null;
      else if (value !== null && value.length >= 1 &&
        ((value[0] === "'" && value[value.length - 1] === "'") || (value[0] === '"' && value[value.length - 1] === '"'))) {
        value = value.slice(1, -1);
      }
      if (value) value = unescapeHtml(value);
      attrs.push([name.toLowerCase(), value]);
      k = m.index + m[0].length;
    }
    const endText = rawdata.slice(k, endpos).trim();
    if (endText !== '>' && endText !== '/>') {
      this.handleData(rawdata.slice(i, endpos));
      return endpos;
    }
    if (endText.endsWith('/>')) {
      this.handleStartTag(tag, attrs);
      this.handleEndTag(tag);
    } else {
      this.handleStartTag(tag, attrs);
      if (CDATA_CONTENT_ELEMENTS.has(tag)) this.cdataElem = tag;
    }
    return endpos;
  }

  private parseEndTag(i: number): number {
    const rawdata = this.rawdata;
    let gtpos = rawdata.indexOf('>', i + 1);
    if (gtpos < 0) return -1;
    gtpos += 1;
    const match = matchAt(ENDTAGFIND, rawdata, i);
    if (!match) {
      if (this.cdataElem !== undefined) {
        this.handleData(rawdata.slice(i, gtpos));
        return gtpos;
      }
      const namematch = matchAt(TAGFIND, rawdata, i + 2);
      if (!namematch) {
        if (rawdata.startsWith('</>', i)) return i + 3;
        return this.parseBogusComment(i);
      }
      const tagname = namematch[1].toLowerCase();
      const gt = rawdata.indexOf('>', namematch.index + namematch[0].length);
      this.handleEndTag(tagname);
      return gt + 1;
    }
    const elem = match[1].toLowerCase();
    if (this.cdataElem !== undefined && elem !== this.cdataElem) {
      this.handleData(rawdata.slice(i, gtpos));
      return gtpos;
    }
    this.handleEndTag(elem);
    this.cdataElem = undefined;
    return gtpos;
  }
}
