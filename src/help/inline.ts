// reStructuredText inline markup, as docutils 0.19 recognises it (parsers/rst/states.py, Inliner):
// the start-string and end-string rules (what may stand before and after them, quoted start-strings),
// emphasis, strong, inline literals, interpreted text and its roles, phrase references (with an
// embedded URI), simple references, inline targets, substitution and footnote references, and
// standalone URIs and e-mail addresses; a start-string without its end-string is a warning.
import { node, systemMessage, textNode, type RNode } from './doctree';

// docutils.utils.punctuation_chars
const OPENERS = "\"'(<\\[{\u0f3a\u0f3c\u169b\u2045\u207d\u208d\u2329\u2768\u276a\u276c\u276e\u2770\u2772\u2774\u27c5\u27e6\u27e8\u27ea\u27ec\u27ee\u2983\u2985\u2987\u2989\u298b\u298d\u298f\u2991\u2993\u2995\u2997\u29d8\u29da\u29fc\u2e22\u2e24\u2e26\u2e28\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\u301d\ufd3e\ufe17\ufe35\ufe37\ufe39\ufe3b\ufe3d\ufe3f\ufe41\ufe43\ufe47\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62\u00ab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e\u00bb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f";
const CLOSERS = "\"')>\\]}\u0f3b\u0f3d\u169c\u2046\u207e\u208e\u232a\u2769\u276b\u276d\u276f\u2771\u2773\u2775\u27c6\u27e7\u27e9\u27eb\u27ed\u27ef\u2984\u2986\u2988\u298a\u298c\u298e\u2990\u2992\u2994\u2996\u2998\u29d9\u29db\u29fd\u2e23\u2e25\u2e27\u2e29\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e\u301f\ufd3f\ufe18\ufe36\ufe38\ufe3a\ufe3c\ufe3e\ufe40\ufe42\ufe44\ufe48\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63\u00bb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f\u00ab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e";
const DELIMITERS = "\\-/:\u058a\u00a1\u00b7\u00bf\u037e\u0387\u055a-\u055f\u0589\u05be\u05c0\u05c3\u05c6\u05f3\u05f4\u0609\u060a\u060c\u060d\u061b\u061e\u061f\u066a-\u066d\u06d4\u0700-\u070d\u07f7-\u07f9\u0830-\u083e\u0964\u0965\u0970\u0df4\u0e4f\u0e5a\u0e5b\u0f04-\u0f12\u0f85\u0fd0-\u0fd4\u104a-\u104f\u10fb\u1361-\u1368\u1400\u166d\u166e\u16eb-\u16ed\u1735\u1736\u17d4-\u17d6\u17d8-\u17da\u1800-\u180a\u1944\u1945\u19de\u19df\u1a1e\u1a1f\u1aa0-\u1aa6\u1aa8-\u1aad\u1b5a-\u1b60\u1c3b-\u1c3f\u1c7e\u1c7f\u1cd3\u2010-\u2017\u2020-\u2027\u2030-\u2038\u203b-\u203e\u2041-\u2043\u2047-\u2051\u2053\u2055-\u205e\u2cf9-\u2cfc\u2cfe\u2cff\u2e00\u2e01\u2e06-\u2e08\u2e0b\u2e0e-\u2e1b\u2e1e\u2e1f\u2e2a-\u2e2e\u2e30\u2e31\u3001-\u3003\u301c\u3030\u303d\u30a0\u30fb\ua4fe\ua4ff\ua60d-\ua60f\ua673\ua67e\ua6f2-\ua6f7\ua874-\ua877\ua8ce\ua8cf\ua8f8-\ua8fa\ua92e\ua92f\ua95f\ua9c1-\ua9cd\ua9de\ua9df\uaa5c-\uaa5f\uaade\uaadf\uabeb\ufe10-\ufe16\ufe19\ufe30-\ufe32\ufe45\ufe46\ufe49-\ufe4c\ufe50-\ufe52\ufe54-\ufe58\ufe5f-\ufe61\ufe63\ufe68\ufe6a\ufe6b\uff01-\uff03\uff05-\uff07\uff0a\uff0c-\uff0f\uff1a\uff1b\uff1f\uff20\uff3c\uff61\uff64\uff65\ud800\udd00\ud800\udd01\ud800\udf9f\ud800\udfd0\ud802\udc57\ud802\udd1f\ud802\udd3f\ud802\ude50-\ud802\ude58\ud802\ude7f\ud802\udf39-\ud802\udf3f\ud804\udcbb\ud804\udcbc\ud804\udcbe-\ud804\udcc1\ud809\udc70-\ud809\udc73";
const CLOSING_DELIMITERS = '\\\\.,;!?';
const QUOTE_PAIRS: Record<string, string> = {
  '\u00bb': '\u00bb', '\u2018': '\u201a', '\u2019': '\u2019', '\u201a': '\u2018\u2019',
  '\u201c': '\u201e', '\u201e': '\u201c\u201d', '\u201d': '\u201d', '\u203a': '\u203a',
};

const OPENER_CHARS = [...OPENERS.replace(/\\/g, '')];
const CLOSER_CHARS = [...CLOSERS.replace(/\\/g, '')];

/** punctuation_chars.match_chars */
function matchChars(c1: string, c2: string): boolean {
  const openers = OPENER_CHARS;
  const closers = CLOSER_CHARS;
  const i = openers.indexOf(c1);
  if (i < 0) return false;
  return c2 === closers[i] || (QUOTE_PAIRS[c1] ?? '').includes(c2);
}

const W = '[\\p{L}\\p{N}_]';
const SIMPLENAME = `(?:(?!_)${W})+(?:[-._+:](?:(?!_)${W})+)*`;
const START_PREFIX = `(?:^|(?<=\\s|[${OPENERS}${DELIMITERS}]))`;
const END_SUFFIX = `(?:$|(?=\\s|[\\x00${CLOSING_DELIMITERS}${DELIMITERS}${CLOSERS}]))`;
const NON_WS_ESCAPE_BEFORE = '(?<![\\s\\x00])';
const URIC = "[-_.!~*'()[\\];/:@&=+$,%a-zA-Z0-9\\x00]";
const URILAST = '[_~*/=+a-zA-Z0-9]';
const URI_END = `(?:${URILAST}|${URIC}(?=[>]))`;
const EMAILC = "[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9\\x00]";
const EMAIL = `${EMAILC}+(?:\\.${EMAILC}+)*(?<!\\x00)@${EMAILC}+(?:\\.${EMAILC}*)*${URI_END}`;

/** (`d`: match indices, for the groups' positions.) */
const re = (s: string) => new RegExp(s, 'ud');

const PATTERNS = {
  initial: re(`${START_PREFIX}(?<initial_inline>(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?!\\s)` +
    `|(?<whole>(?<refname>${SIMPLENAME})(?<refend>__?)|\\[(?<footnotelabel>[0-9]+|#(?:${SIMPLENAME})?|\\*|(?<citationlabel>${SIMPLENAME}))(?<fnend>\\]_))${END_SUFFIX}` +
    `|(?<role>(?::${SIMPLENAME}:)?)(?<backquote>\`(?!\`))(?!\\s))`),
  emphasis: re(`${NON_WS_ESCAPE_BEFORE}(\\*)${END_SUFFIX}`),
  strong: re(`${NON_WS_ESCAPE_BEFORE}(\\*\\*)${END_SUFFIX}`),
  interpreted: re(`(?<!(?<!\\x00)[\\s\\x00])(\`(?<suffix>(?<role>:${SIMPLENAME}:)?(?<refend>__?)?))${END_SUFFIX}`),
  embeddedLink: re('((?:[ \\n]+|^)<(?!\\s)((?:[^<>]|\\x00[<>])+)(?<![\\s\\x00])>)$'),
  literal: re(`(?<!\\s)(\`\`)${END_SUFFIX}`),
  target: re(`${NON_WS_ESCAPE_BEFORE}(\`)${END_SUFFIX}`),
  substitutionRef: re(`${NON_WS_ESCAPE_BEFORE}(\\|_{0,2})${END_SUFFIX}`),
  email: re(`^${EMAIL}$`),
  uri: re(`${START_PREFIX}(?<whole>(?<absolute>(?<scheme>[a-zA-Z][a-zA-Z0-9.+-]*):(?:(?:(?://?)?${URIC}*${URI_END})(?:\\?${URIC}*${URI_END})?(?:#${URIC}*${URI_END})?))` +
    `|(?<email>${EMAIL}))${END_SUFFIX}`),
};

/** docutils.utils.urischemes: the schemes a standalone URI may have. */
const URI_SCHEMES = new Set(('about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid fax feed file ' +
  'finger freenet ftp go gopher gsm-sms h323 h324 hdl hnews http https hydra iioploc ilu im imap info ior ipp irc ' +
  'iris.beep iseek jar javascript jdbc ldap lifn livescript lrq mailbox mailserver mailto md5 mid mocha modem mtqp ' +
  'mupdate news nfs nntp opaquelocktoken phone pop pop3 pres printer prospero rdar res rtsp rvp rwhois rx sdp ' +
  'service shttp sip sips smb snews snmp soap.beep soap.beeps ssh t120 tag tcp tel telephone telnet tftp tip tn3270 ' +
  'tv urn uuid vemmi videotex view-source wais whodp whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s').split(' '));

/** The generic roles (docutils.parsers.rst.roles) by their English names. */
const ROLES: Record<string, string> = {
  emphasis: 'emphasis', literal: 'literal', code: 'literal', strong: 'strong',
  subscript: 'subscript', sub: 'subscript', superscript: 'superscript', sup: 'superscript',
  'title-reference': 'title_reference', title: 'title_reference', t: 'title_reference',
  abbreviation: 'abbreviation', ab: 'abbreviation', acronym: 'acronym', ac: 'acronym',
};

/** utils.escape2null: a backslash escape becomes NUL + the escaped character. */
function escape2null(text: string): string {
  let out = '';
  let start = 0;
  for (;;) {
    const found = text.indexOf('\\', start);
    if (found < 0) return out + text.slice(start);
    out += `${text.slice(start, found)}\x00${text.slice(found + 1, found + 2)}`;
    start = found + 2;
  }
}

/** nodes.fully_normalize_name: lower case, whitespace runs as one space. */
export function normalizeName(name: string): string {
  return name.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/** utils.unescape */
function unescape(text: string, restoreBackslashes = false): string {
  if (restoreBackslashes) return text.replace(/\x00/g, '\\');
  for (const sep of ['\x00 ', '\x00\n', '\x00']) text = text.split(sep).join('');
  return text;
}

type Indices = [number, number][] & { groups?: Record<string, [number, number] | undefined> };

/** A match with its groups' positions (Python's match.start(g)/end(g)). */
class Match {
  constructor(readonly m: RegExpExecArray & { indices: Indices }, readonly string: string) {}

  get groups(): Record<string, string | undefined> {
    return (this.m.groups ?? {}) as Record<string, string | undefined>;
  }

  group(g: number | string): string | undefined {
    return typeof g === 'number' ? this.m[g] : this.groups[g];
  }

  private span(g: number | string): [number, number] | undefined {
    return typeof g === 'number' ? this.m.indices[g] : this.m.indices.groups?.[g];
  }

  start(g: number | string = 0): number {
    return this.span(g)?.[0] ?? -1;
  }

  end(g: number | string = 0): number {
    return this.span(g)?.[1] ?? -1;
  }
}

function search(pattern: RegExp, s: string): Match | undefined {
  const m = pattern.exec(s) as (RegExpExecArray & { indices: Indices }) | null;
  return m ? new Match(m, s) : undefined;
}

type Result = { before: string; inlines: RNode[]; remaining: string; messages: RNode[] };

class Inliner {
  constructor(private readonly lineno: number) {}

  parse(text: string): { nodes: RNode[]; messages: RNode[] } {
    let remaining = escape2null(text);
    const processed: RNode[] = [];
    let unprocessed: string[] = [];
    const messages: RNode[] = [];
    while (remaining) {
      const m = search(PATTERNS.initial, remaining);
      if (!m) break;
      const g = m.groups;
      const key = g.start || g.backquote || g.refend || g.fnend;
      const r = this.dispatch(key!, m);
      unprocessed.push(r.before);
      messages.push(...r.messages);
      if (r.inlines.length) {
        processed.push(...this.implicitInline(unprocessed.join('')), ...r.inlines);
        unprocessed = [];
      }
      remaining = r.remaining;
    }
    remaining = unprocessed.join('') + remaining;
    if (remaining) processed.push(...this.implicitInline(remaining));
    return { nodes: processed, messages };
  }

  private dispatch(key: string, m: Match): Result {
    switch (key) {
      case '*': return this.inlineObj(m, PATTERNS.emphasis, 'emphasis');
      case '**': return this.inlineObj(m, PATTERNS.strong, 'strong');
      case '``': return this.inlineObj(m, PATTERNS.literal, 'literal', true);
      case '_`': return this.inlineObj(m, PATTERNS.target, 'target');
      case '|': return this.inlineObj(m, PATTERNS.substitutionRef, 'substitution_reference');
      case '`': return this.interpreted(m);
      case ']_': return this.footnoteReference(m);
      case '_': case '__': return this.reference(m, key === '__');
      default: throw new Error(`unexpected inline start ${key}`);
    }
  }

  private warning(text: string): RNode[] {
    const m = systemMessage(2, text, this.lineno);
    return m ? [m] : [];
  }

  private quotedStart(m: Match): boolean {
    const start = m.start();
    if (start === 0) return false;
    const prestart = m.string[start - 1];
    const poststart = m.string[m.end()];
    if (poststart === undefined) return true;
    return matchChars(prestart, poststart);
  }

  private inlineObj(m: Match, endPattern: RegExp, type: string, restoreBackslashes = false): Result & { endstring?: string } {
    const string = m.string;
    const matchstart = m.start('start');
    const matchend = m.end('start');
    if (this.quotedStart(m)) return { before: string.slice(0, matchend), inlines: [], remaining: string.slice(matchend), messages: [] };
    const end = search(endPattern, string.slice(matchend));
    if (end && end.start(1) > 0) {
      let text = end.string.slice(0, end.start(1));
      if (restoreBackslashes) text = unescape(text, true);
      const textend = matchend + end.end(1);
      const n = node(type, [textNode(text)], { rawsource: unescape(string.slice(matchstart, textend), true) });
      return { before: string.slice(0, matchstart), inlines: [n], remaining: string.slice(textend), messages: [], endstring: end.group(1) };
    }
    const label = { emphasis: 'emphasis', strong: 'strong', literal: 'literal', target: 'target', substitution_reference: 'substitution_reference' }[type];
    const msgs = this.warning(`Inline ${label} start-string without end-string.`);
    const text = unescape(string.slice(matchstart, matchend), true);
    return { before: string.slice(0, matchstart), inlines: [node('problematic', [textNode(text)])], remaining: string.slice(matchend), messages: msgs };
  }

  private interpreted(m: Match): Result {
    const string = m.string;
    const matchstart = m.start('backquote');
    const matchend = m.end('backquote');
    const rolestart = m.start('role');
    let role = m.groups.role ?? '';
    if (role) {
      role = role.slice(1, -1);
    } else if (this.quotedStart(m)) {
      return { before: string.slice(0, matchend), inlines: [], remaining: string.slice(matchend), messages: [] };
    }
    const end = search(PATTERNS.interpreted, string.slice(matchend));
    if (end && end.start(1) > 0) {
      const textend = matchend + end.end();
      if (end.groups.role) {
        if (role) {
          const msgs = this.warning('Multiple roles in interpreted text (both prefix and suffix present; only one allowed).');
          const text = unescape(string.slice(rolestart, textend), true);
          return { before: string.slice(0, rolestart), inlines: [node('problematic', [textNode(text)])], remaining: string.slice(textend), messages: msgs };
        }
        role = end.groups.suffix!.slice(1, -1);
      }
      const escaped = end.string.slice(0, end.start(1));
      const rawsource = unescape(string.slice(matchstart, textend), true);
      if (rawsource.endsWith('_')) {
        if (role) {
          const msgs = this.warning(`Mismatch: both interpreted text role ${end.groups.role ? 'suffix' : 'prefix'} and reference suffix.`);
          const text = unescape(string.slice(rolestart, textend), true);
          return { before: string.slice(0, rolestart), inlines: [node('problematic', [textNode(text)])], remaining: string.slice(textend), messages: msgs };
        }
        return this.phraseRef(string.slice(0, matchstart), string.slice(textend), rawsource, escaped);
      }
      const raw = unescape(string.slice(rolestart, textend), true);
      const { nodes, messages } = this.role(raw, escaped, role);
      return { before: string.slice(0, rolestart), inlines: nodes, remaining: string.slice(textend), messages };
    }
    const msgs = this.warning('Inline interpreted text or phrase reference start-string without end-string.');
    const text = unescape(string.slice(matchstart, matchend), true);
    return { before: string.slice(0, matchstart), inlines: [node('problematic', [textNode(text)])], remaining: string.slice(matchend), messages: msgs };
  }

  private role(rawsource: string, text: string, role: string): { nodes: RNode[]; messages: RNode[] } {
    const name = role ? role.toLowerCase() : 'title-reference';
    const type = ROLES[name];
    if (type) return { nodes: [node(type, [textNode(type === 'literal' && name === 'code' ? unescape(text) : text)])], messages: [] };
    const m = systemMessage(3, `Unknown interpreted text role "${role}".`, this.lineno);
    return { nodes: [node('problematic', [textNode(rawsource)])], messages: m ? [m] : [] };
  }

  private phraseRef(before: string, after: string, rawsource: string, escaped: string): Result {
    const m = search(PATTERNS.embeddedLink, escaped);
    const anonymous = rawsource.endsWith('__');
    let text: string;
    const attrs: Record<string, unknown> = { rawsource };
    if (m) {
      text = escaped.slice(0, m.start());
      const aliastext = m.group(2) ?? '';
      const uriAtStart = search(PATTERNS.uri, aliastext);
      let alias: string;
      if (aliastext.endsWith('_') && !(unescape(aliastext, true).endsWith('\\_') || (uriAtStart && uriAtStart.start() === 0))) {
        // An alias to a named target (`text <name_>`__).
        alias = normalizeName(unescape(aliastext.slice(0, -1)));
        attrs.refname = alias;
      } else {
        // utils.split_escaped_whitespace, then whitespace removed within each part.
        const parts = aliastext.split(/\x00[ \n]/);
        alias = parts.map((p) => p.split(/\s+/).join('')).join(' ');
        alias = unescape(alias);
        if (search(PATTERNS.email, alias)) alias = `mailto:${alias}`;
        if (alias.endsWith('\\_')) alias = `${alias.slice(0, -2)}_`;
        attrs.refuri = alias;
      }
      if (!text) text = alias;
    } else {
      text = escaped;
      if (anonymous) attrs.anonymous = 1;
      else attrs.refname = normalizeName(unescape(text));
    }
    const reference = node('reference', [textNode(text)], attrs);
    return { before, inlines: [reference], remaining: after, messages: [] };
  }

  private footnoteReference(m: Match): Result {
    const label = m.groups.footnotelabel!;
    const before = m.string.slice(0, m.start('whole'));
    const remaining = m.string.slice(m.end('whole'));
    const refname = normalizeName(label);
    const rawsource = `[${label}]_`;
    let n: RNode;
    if (m.groups.citationlabel) {
      n = node('citation_reference', [textNode(label)], { rawsource, refname });
    } else if (refname.startsWith('#')) {
      n = node('footnote_reference', [], { rawsource, auto: 1, ...(refname.length > 1 && { refname: refname.slice(1) }) });
    } else if (refname === '*') {
      n = node('footnote_reference', [], { rawsource, auto: '*' });
    } else {
      n = node('footnote_reference', [textNode(label)], { rawsource, refname });
    }
    return { before, inlines: [n], remaining, messages: [] };
  }

  private reference(m: Match, anonymous: boolean): Result {
    const name = m.groups.refname!;
    const rawsource = `${name}${m.groups.refend}`;
    const n = node('reference', [textNode(name)], { rawsource, ...(anonymous ? { anonymous: 1 } : { refname: normalizeName(name) }) });
    return { before: m.string.slice(0, m.start('whole')), inlines: [n], remaining: m.string.slice(m.end('whole')), messages: [] };
  }

  /** Standalone URIs and e-mail addresses in plain text. */
  private implicitInline(text: string): RNode[] {
    if (!text) return [];
    const m = search(PATTERNS.uri, text);
    if (m) {
      const scheme = m.groups.scheme;
      if (!scheme || URI_SCHEMES.has(scheme.toLowerCase())) {
        const whole = m.groups.whole!;
        const start = m.start('whole');
        const end = m.end('whole');
        const refuri = (m.groups.email ? 'mailto:' : '') + unescape(whole);
        return [
          ...this.implicitInline(text.slice(0, start)),
          node('reference', [textNode(whole)], { refuri }),
          ...this.implicitInline(text.slice(end)),
        ];
      }
    }
    return [textNode(text)];
  }
}

export function inlineParse(text: string, lineno: number): { nodes: RNode[]; messages: RNode[] } {
  return new Inliner(lineno).parse(text);
}
