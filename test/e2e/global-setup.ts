// Builds dist/ (what bin/aws runs) once per test run when it is missing or older than the sources,
// so the end-to-end tests never run an old build. `npm test` builds first, and then nothing happens here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

export default function setup(): void {
  const bundle = join(ROOT, 'dist', 'aws.js');
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'scripts', 'build.mjs')), newest(join(ROOT, 'bin')));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  // A failed build fails the end-to-end tests (they check for dist/), not the unit tests.
  if (r.status !== 0) process.stderr.write(`e2e global setup: the build failed\n${r.stdout}${r.stderr}`);
}
