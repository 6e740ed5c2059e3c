// POSIX shell-like word splitting and quoting, as Python's shlex.split / shlex.quote do them: the
// prompt turns its line into arguments with these, and help splits $MANPAGER / $PAGER with them.

export class ShlexError extends Error {}

/** Python's shlex.whitespace: the only characters that separate words. */
const WHITESPACE = ' \t\r\n';

/**
 * shlex.split(s): Python's shlex in POSIX mode with whitespace_split and no comment characters (`#` is
 * an ordinary character), read as its read_token reads: words split at space, tab, CR and LF only;
 * single quotes take everything literally; in double quotes a backslash escapes only `\\` and `"`
 * (elsewhere it stays); outside quotes it escapes any character. Errors: "No closing quotation",
 * "No escaped character".
 */
export function shlexSplit(s: string): string[] {
  const words: string[] = [];
  let i = 0;
  for (;;) {
    let token = '';
    let quoted = false;
    let state = ' ';
    let escapedState = 'a';
    let end = false;
    for (;;) {
      const c = i < s.length ? s[i++] : undefined;
      if (state === ' ') {
        if (c === undefined) { end = true; break; }
        if (WHITESPACE.includes(c)) {
          if (token || quoted) break;
        } else if (c === '\\') {
          escapedState = 'a';
          state = c;
        } else if (c === "'" || c === '"') {
          state = c;
        } else {
          token = c;
          state = 'a';
        }
      } else if (state === "'" || state === '"') {
        quoted = true;
        if (c === undefined) throw new ShlexError('No closing quotation');
        if (c === state) state = 'a';
        else if (c === '\\' && state === '"') {
          escapedState = state;
          state = c;
        } else token += c;
      } else if (state === '\\') {
        if (c === undefined) throw new ShlexError('No escaped character');
        // In double quotes the backslash stays unless it escapes a backslash or the quote.
        if (escapedState === '"' && c !== '\\' && c !== '"') token += '\\';
        token += c;
        state = escapedState;
      } else {
        if (c === undefined) { end = true; break; }
        if (WHITESPACE.includes(c)) {
          state = ' ';
          if (token || quoted) break;
        } else if (c === "'" || c === '"') {
          state = c;
        } else if (c === '\\') {
          escapedState = 'a';
          state = c;
        } else token += c;
      }
    }
    // An empty word counts only when it was quoted.
    if (token || quoted) words.push(token);
    if (end) return words;
  }
}

/** shlex.quote(s): the word unchanged when it is safe, else in single quotes. */
export function shlexQuote(s: string): string {
  if (s === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}
