#!/usr/bin/env node
// `npm run bench`: start-up and output costs, as medians over paired, alternated runs against a bare
// `node -e ''`, with the ratios; peak memory (max RSS) from /usr/bin/time when it is installed.
//   - skeleton: `aws cleanroomsml start-trained-model-inference-job --generate-cli-skeleton`
//   - start:    a signed start request to a loopback endpoint (the bundled emulator)
//   - floor:     the same request from a bare Node.js script (scripts/bench-floor.js: node:http,
//               one HMAC, no CLI): what any Node.js client pays on this machine, for context
//   - list 10k: 10,000 jobs over 100 pages, in json, text, table and yaml (the AWS CLI took about
//               2.1 s json, 1.6 s text, 4.1 s table on this kind of machine; its peak memory is the
//               target of the json, text and table rows)
//   - with BENCH_AWS set to a real AWS CLI (e.g. BENCH_AWS=/work/oracle/aws): the list in json, text
//     and table side by side with it, the same rounds alternated: time ratio (target ≤ 0.25x), peak
//     memory of each (target: below the AWS CLI's), and whether the output bytes are the same.
// BENCH_RUNS (default 31) sets the rounds of the start-up rows, BENCH_LIST_RUNS those of the list rows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const aws = join(root, 'bin', 'aws');
// Start-up times on a shared 2-core machine vary by a few ms from run to run: many rounds, medians.
const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const LIST_RUNS = Number(process.env.BENCH_LIST_RUNS ?? Math.max(3, Math.floor(RUNS / 6)));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const env = {
  PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
};

function runOnce(argvOrMake) {
  const argv = typeof argvOrMake === 'function' ? argvOrMake() : argvOrMake;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function peakMiB(argvOrMake) {
  if (!timeBin) return undefined;
  const argv = typeof argvOrMake === 'function' ? argvOrMake() : argvOrMake;
  const r = spawnSync(timeBin, ['-f', '%M', ...argv], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) * q)]; };
const median = (xs) => quantile(xs, 0.5);

/**
 * Paired, alternated runs: each round runs the baseline and every candidate once, in turn. Prints each
 * median, its ratio to the baseline's, the middle half of the times (25th–75th percentile), the peak
 * memory and, for cases that have one, the target ([name, argv, { ratio, mib }]).
 */
function compare(cases, runs = RUNS) {
  const base = ['node', '-e', ''];
  const times = { base: [], ...Object.fromEntries(cases.map(([n]) => [n, []])) };
  for (const [, argv] of cases) runOnce(argv); // warm the code cache and the OS page cache
  for (let i = 0; i < runs; i++) {
    times.base.push(runOnce(base));
    for (const [n, argv] of cases) times[n].push(runOnce(argv));
  }
  const b = median(times.base);
  const spread = (xs) => `(${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)})`.padEnd(15);
  console.log(`${'node -e \'\''.padEnd(34)} median ${b.toFixed(1).padStart(7)} ms ${spread(times.base)}   1.00x   peak ${fmtMiB(peakMiB(base))}`);
  for (const [n, argv, target] of cases) {
    const m = median(times[n]);
    const peak = peakMiB(argv);
    const goal = target ? `   target ${target.ratio ? `≤ ${target.ratio.toFixed(2)}x, ` : ''}≤ ${target.mib} MiB: ${(!target.ratio || m / b <= target.ratio) && (peak === undefined || peak <= target.mib) ? 'met' : 'not met'}` : '';
    console.log(`${n.padEnd(34)} median ${m.toFixed(1).padStart(7)} ms ${spread(times[n])}   ${(m / b).toFixed(2)}x   peak ${fmtMiB(peak)}${goal}`);
  }
  return Object.fromEntries(cases.map(([n]) => [n, median(times[n])]));
}
const fmtMiB = (v) => (v === undefined ? 'n/a (no /usr/bin/time)' : `${v.toFixed(1)} MiB`);

// The AWS CLI 2.36.7's peak memory listing the 10,000 jobs (/usr/bin/time, Node 20 machine, 2 cores).
const AWS_PEAK_MIB = { json: 85.5, text: 67.7, table: 109.3 };

/**
 * The clone against the AWS CLI on one command line: alternated runs, median times and their ratio
 * (target ≤ 0.25x), the peak memory of each (target: the clone's below the AWS CLI's), and whether
 * the two printed the same bytes.
 */
function versus(name, mine, theirs, runs) {
  const out = (argv) => {
    const r = spawnSync(argv[0], argv.slice(1), { env, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    return r.stdout;
  };
  const same = out(mine).equals(out(theirs));
  const t = { mine: [], theirs: [] };
  for (let i = 0; i < runs; i++) {
    t.mine.push(runOnce(mine));
    t.theirs.push(runOnce(theirs));
  }
  const [a, b] = [median(t.mine), median(t.theirs)];
  const [pa, pb] = [peakMiB(mine), peakMiB(theirs)];
  const met = a / b <= 0.25 && same && (pa === undefined || pb === undefined || pa < pb);
  console.log(`${name.padEnd(34)} ${a.toFixed(0).padStart(6)} vs ${b.toFixed(0).padStart(6)} ms   ${(a / b).toFixed(2)}x   peak ${fmtMiB(pa)} vs ${fmtMiB(pb)}   output ${same ? 'identical' : 'DIFFERENT'}   target ≤ 0.25x, less memory, identical: ${met ? 'met' : 'not met'}`);
}

function serve(script, args = []) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => { buf += d; const m = /listening on (\S+)/.exec(buf); if (m) resolve(m[1]); });
    child.once('exit', (c) => reject(new Error(`${script} exited ${c}`)));
  });
  return [child, ready];
}
// Loopback endpoints in their own processes (the timed runs block this one): the bundled emulator
// for the start request, and a server listing 10,000 jobs.
// (seeded with the trained model tm-1 and channel ch-1 that the start request names)
const [emulator, emulatorReady] = serve(join(root, 'bin', 'cleanroomsml-local'), ['--port', '0', '--seed', join(root, 'scripts', 'emulator-seed.json')]);
const [big, bigReady] = serve(join(root, 'scripts', 'bench-list-server.mjs'));
const url = await emulatorReady;
const bigUrl = await bigReady;
const M = '90000000-0000-4000-8000-000000000000';

try {
  const M1 = '11111111-2222-3333-4444-555555555555';
  const arn = (k, id) => `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M1}/${k}/${id}`;
  const start = [aws, 'cleanroomsml', 'start-trained-model-inference-job', '--endpoint-url', url,
    '--membership-identifier', M1, '--trained-model-arn', arn('trained-model', 'tm-1'),
    '--resource-config', 'instanceType=ml.m5.xlarge,instanceCount=1',
    '--output-configuration', 'members=[{accountId=123456789012}]',
    '--data-source', `mlInputChannelArn=${arn('ml-input-channel', 'ch-1')}`];
  let n = 0;
  const startCase = () => [...start, '--name', `bench-${process.pid}-${n++}`];
  console.log(`# start-up (${RUNS} paired runs each)`);
  const START = 'signed start request (loopback)';
  const FLOOR = 'floor: bare http.request + HMAC';
  const medians = compare([
    ['--generate-cli-skeleton', [aws, 'cleanroomsml', 'start-trained-model-inference-job', '--generate-cli-skeleton'], { ratio: 1.15, mib: 45 }],
    [START, startCase, { mib: 52 }],
    [FLOOR, () => [process.execPath, join(root, 'scripts', 'bench-floor.js'), url, `floor-${process.pid}-${n++}`]],
  ]);
  const overFloor = medians[START] / medians[FLOOR];
  console.log(`${'signed start / floor'.padEnd(34)} ${overFloor.toFixed(2)}x   target ≤ 1.20x: ${overFloor <= 1.2 ? 'met' : 'not met'}`);
  console.log('\n# 10,000 jobs over 100 pages');
  const list = (fmt) => [aws, 'cleanroomsml', 'list-trained-model-inference-jobs', '--endpoint-url', bigUrl,
    '--membership-identifier', M, '--output', fmt];
  console.log(`(${LIST_RUNS} paired runs each; memory targets: the AWS CLI's peak, measured ${Object.entries(AWS_PEAK_MIB).map(([f, v]) => `${f} ${v}`).join(', ')} MiB)`);
  compare(['json', 'text', 'table', 'yaml', 'yaml-stream'].map((f) => [`list --output ${f}`, list(f), AWS_PEAK_MIB[f] && { mib: AWS_PEAK_MIB[f] }]), LIST_RUNS);
  if (process.env.BENCH_AWS) {
    const real = (fmt) => [process.env.BENCH_AWS, ...list(fmt).slice(1)];
    console.log(`\n# 10,000 jobs over 100 pages, side by side with ${process.env.BENCH_AWS} (${LIST_RUNS} paired runs each)`);
    for (const f of ['json', 'text', 'table']) versus(`list --output ${f}`, list(f), real(f), LIST_RUNS);
  } else {
    console.log('(BENCH_AWS=/path/to/aws measures the AWS CLI side by side)');
  }
} finally {
  emulator.kill('SIGTERM');
  big.kill('SIGTERM');
}
