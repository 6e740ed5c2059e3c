#!/usr/bin/env node
// The emulator under a flood of large request bodies: starts bin/cleanroomsml-local, sends N concurrent
// POSTs of SIZE bytes each (unsigned, to the start-trained-model-inference-job route), and prints what
// they were answered and the emulator's peak resident memory (VmHWM). With keys configured (the default
// here) the bodies are refused on their headers and never held; with --no-keys they are accepted, read
// within the emulator's shared byte budget, and refused by validation.
//
//   node scripts/emulator-flood.mjs [--count 100] [--size 9900000] [--no-keys]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : Number(args[i + 1]); };
const COUNT = opt('--count', 100);
const SIZE = opt('--size', 9_900_000);
const keys = !args.includes('--no-keys');

const env = { ...process.env };
if (keys) Object.assign(env, { CLEANROOMSML_LOCAL_ACCESS_KEY_ID: 'AKIDFLOOD', CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY: 'flood-secret' });
const emulator = spawn(process.execPath, [join(root, 'bin', 'cleanroomsml-local'), '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let buf = '';
  emulator.stdout.on('data', (d) => { buf += d; const m = /listening on (http:\/\/\S+)/.exec(buf); if (m) resolve(new URL(m[1])); });
  emulator.once('exit', (c) => reject(new Error(`emulator exited ${c}`)));
});
const peak = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${emulator.pid}/status`, 'utf8'))[1]) / 1024;
const before = peak();

// A JSON body of SIZE bytes: a start request whose description is far too long.
const body = Buffer.from(`{"name":"flood","description":"${'x'.repeat(SIZE - 32)}"}`.padEnd(SIZE, ' '));
const path = '/memberships/11111111-2222-4333-8444-555555555555/trained-model-inference-jobs';
const started = Date.now();
const answers = await Promise.all(Array.from({ length: COUNT }, () => new Promise((resolve) => {
  const req = request({ host: url.hostname, port: url.port, method: 'POST', path, agent: false,
    headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
    res.resume();
    res.on('end', () => resolve(`${res.statusCode} ${res.headers['x-amzn-errortype']}`));
  });
  req.on('error', (e) => resolve(`error ${e.code}`));
  req.end(body);
})));
const counts = {};
for (const a of answers) counts[a] = (counts[a] ?? 0) + 1;
console.log(`${COUNT} x ${SIZE} bytes, keys ${keys ? 'configured' : 'not configured'}: ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
console.log(`emulator peak RSS: ${before.toFixed(0)} MiB at start, ${peak().toFixed(0)} MiB after`);
emulator.kill('SIGTERM');
