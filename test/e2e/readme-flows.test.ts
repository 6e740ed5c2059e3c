// The README's offline section, run as a user pastes it: its shell blocks (marked `<!-- e2e: NAME -->`)
// in bash, with the built `aws` and `cleanroomsml-local` first on PATH: the emulator started in the
// background with keys from its environment (signatures checked), the shell pointed at it by the lines it
// printed, the custom model flow (algorithm → association → channel → trained model → inference job) and
// the lookalike flow (training dataset → audience model → configured audience model → generation →
// export), then the emulator stopped. Only the port changes (0: any free one).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempHome } from './helpers';

/** The shell blocks of the README marked `<!-- e2e: NAME -->`, by name. */
function readmeBlocks(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- e2e: ([\w-]+) -->\n```sh\n([\s\S]*?)```\n/g)) blocks.set(m[1], m[2]);
  return blocks;
}

let home: string;
let cleanup: () => void;
beforeAll(() => {
  ({ home, cleanup } = tempHome());
});
afterAll(() => cleanup());

function bash(script: string, cwd: string): Promise<{ rc: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      env: { PATH: `${join(ROOT, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', AWS_PAGER: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (rc) => resolve({ rc, stdout, stderr }));
  });
}

describe('the README\'s offline flows, pasted into bash', () => {
  it('has the blocks, in order', () => {
    expect([...readmeBlocks().keys()]).toEqual(['start', 'custom-model', 'lookalike', 'stop']);
  });

  it('runs both flows to the end against the emulator, signatures checked', async () => {
    const b = readmeBlocks();
    const start = b.get('start')!;
    expect(start).toContain('--port 8765');
    const script = [
      'set -eu',
      start.replace('--port 8765', '--port 0'),
      // If a step fails, the emulator must not outlive the test.
      'trap \'kill $EMULATOR 2>/dev/null || true\' EXIT',
      'echo "== endpoint $AWS_ENDPOINT_URL_CLEANROOMSML as $AWS_ACCESS_KEY_ID"',
      b.get('custom-model')!,
      'echo "== custom model done"',
      b.get('lookalike')!,
      'echo "== lookalike done"',
      b.get('stop')!,
      'wait $EMULATOR; echo "== emulator exited $?"',
      'trap - EXIT',
    ].join('\n');
    const r = await bash(script, home);
    expect(r.stderr).toBe('');
    expect(r.rc).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^== endpoint http:\/\/127\.0\.0\.1:\d+ as AKIDLOCAL$/);
    expect(lines.slice(1)).toEqual([
      'churn-scores\tACTIVE',
      '== custom model done',
      expect.stringMatching(/^spring-5000\tACTIVE\ts3:\/\/my-bucket\/audiences\/[0-9a-f-]{36}\/spring-5000\/$/),
      '== lookalike done',
      '== emulator exited 0',
      '',
    ]);
    // It saved its state, for a restart to carry on from.
    const saved = JSON.parse(readFileSync(join(home, 'cleanrooms-ml.json'), 'utf8')) as { records: { kind: string }[] };
    expect(saved.records.map((x) => x.kind).sort()).toEqual([
      'audience-export-job', 'audience-generation-job', 'audience-model', 'configured-audience-model', 'configured-model-algorithm',
      'configured-model-algorithm-association', 'ml-input-channel', 'trained-model', 'trained-model-inference-job', 'training-dataset',
    ]);
    expect(existsSync(join(home, 'cleanrooms-ml.env'))).toBe(true);
  }, 120_000);
});
