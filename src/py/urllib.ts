// urllib.parse's unquote and unquote_plus: %XX runs decoded as UTF-8 (errors='replace'), anything else
// (a lone %, a bad escape) kept as it is.

/** urllib.parse.unquote(s) */
export function unquote(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => Buffer.from(m.replace(/%/g, ''), 'hex').toString('utf8'));
}

/** urllib.parse.unquote_plus(s): `+` is a space first. */
export const unquotePlus = (s: string): string => unquote(s.replace(/\+/g, ' '));
