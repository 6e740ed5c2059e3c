import type { IO } from '../../src/io';

/** An IO that collects output in memory for tests. */
export function memoryIO(env: Record<string, string | undefined> = {}, cwd = process.cwd()): IO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); } },
    stderr: { write: (s) => { err += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); } },
    readStdin: async () => '',
    env,
    cwd,
    now: () => new Date(),
    out: () => out,
    err: () => err,
  };
}
