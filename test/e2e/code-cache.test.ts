// The code caches the build ships (dist/.cache) on the common paths of the built CLI, whatever V8 flags
// the CLI set on the way: a list sets some for its pages (src/output/formatter.ts), and V8 refuses a
// cache made under other flags. The loader (bin/aws) names a cache by the flags the CLI had set when
// the bundle loaded, and the build's warm-up runs both kinds of path. A refused or missing cache would
// be compiled from source and written to the user's cache folder: here that folder stays empty, with a
// command that lists and one that does not taking turns (with one name for both, each refused and
// rewrote the other's cache on every run).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AKID, aws, emulator, MEMBERSHIP, SECRET, startArgs, tempHome, type TestEmulator } from './helpers';

let e: TestEmulator;
let home: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ home, cleanup } = tempHome());
  e = await emulator();
  writeFileSync(join(home, 'config'), '[profile other]\nregion = us-east-1\n');
  writeFileSync(join(home, 'credentials'), `[other]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\n`);
});
afterAll(async () => {
  await e.close();
  cleanup();
});

/** Every file the runs wrote under the user's cache folder. */
function userCaches(): string[] {
  const dir = join(home, '.cache');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name) : [];
}

describe('the shipped code caches', () => {
  it('serve a list and a single call in turn, in each format, with keys from the environment or a profile', async () => {
    const files = { AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') };
    const list = ['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', MEMBERSHIP, '--endpoint-url', e.url];
    let n = 0;
    const start = () => [...startArgs(`cache-${n++}`), '--endpoint-url', e.url];
    const runs: [string[], Record<string, string>?][] = [];
    for (let round = 0; round < 2; round++) {
      for (const output of ['table', 'yaml', 'yaml-stream', 'text', 'json']) {
        runs.push([[...list, '--output', output]], [[...start(), '--output', output]]);
      }
      runs.push([[...list, '--query', 'trainedModelInferenceJobs[].name']], [[...start(), '--query', 'trainedModelInferenceJobArn']]);
      runs.push([[...list, '--profile', 'other'], files], [[...start(), '--profile', 'other'], files]);
    }
    for (const [args, env] of runs) {
      const r = await aws(home, args, { env });
      expect({ args: args.join(' '), rc: r.rc, stderr: r.stderr }).toEqual({ args: args.join(' '), rc: 0, stderr: '' });
    }
    expect(userCaches()).toEqual([]);
  });
});
