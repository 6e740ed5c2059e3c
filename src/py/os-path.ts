// Python's os.path.expanduser and os.path.expandvars (POSIX), on an environment given as a record.
import { readFileSync } from 'node:fs';

/** Python's os.path.expanduser: `~` and `~/…` from HOME, `~name/…` from the password database. */
export function expandUser(p: string, env: Record<string, string | undefined>): string {
  if (!p.startsWith('~')) return p;
  const slash = p.indexOf('/');
  const end = slash < 0 ? p.length : slash;
  let home: string | undefined;
  if (end === 1) home = env.HOME;
  else home = passwdHome(p.slice(1, end));
  if (home === undefined) return p;
  return home.replace(/\/+$/, '') + p.slice(end) || '/';
}

function passwdHome(name: string): string | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 7 && f[0] === name) return f[5];
    }
  } catch {
    // no password database: the path stays as written
  }
  return undefined;
}

/** Python's os.path.expandvars: `$NAME` and `${NAME}` replaced when NAME is set, left alone otherwise. */
export function expandVars(p: string, env: Record<string, string | undefined>): string {
  if (!p.includes('$')) return p;
  return p.replace(/\$(\w+|\{[^}]*\})/g, (m, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    return Object.prototype.hasOwnProperty.call(env, key) && env[key] !== undefined ? env[key]! : m;
  });
}
