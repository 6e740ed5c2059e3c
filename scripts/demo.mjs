#!/usr/bin/env node
// `npm start`: the main job end to end with no AWS account: starts the bundled Clean Rooms ML
// emulator on a free loopback port, runs a real signed start-trained-model-inference-job against
// it, then reads the job back with get-trained-model-inference-job.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEY = 'AKIDLOCALEXAMPLE';
const SECRET = 'local-emulator-secret-key-example';
const emulator = spawn(process.execPath, [join(root, 'bin', 'cleanroomsml-local'), '--port', '0',
  '--access-key-id', KEY, '--secret-access-key', SECRET], { stdio: ['ignore', 'pipe', 'inherit'] });

const url = await new Promise((resolve, reject) => {
  let buf = '';
  emulator.stdout.on('data', (d) => {
    buf += d;
    const m = /listening on (http:\/\/\S+)/.exec(buf);
    if (m) resolve(m[1]);
  });
  emulator.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
});
console.log(`# Clean Rooms ML emulator ${url}`);

const env = { ...process.env, AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET, AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_CLEANROOMSML: url, AWS_PAGER: '' };
delete env.AWS_PROFILE;
const membership = '11111111-2222-3333-4444-555555555555';
const arn = (kind, id) => `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${membership}/${kind}/${id}`;
const aws = (args) => {
  console.log(`$ aws ${args.map((a) => (/[\s"'{}[\]]/.test(a) ? `'${a}'` : a)).join(' ')}`);
  const r = spawnSync(process.execPath, [join(root, 'bin', 'aws'), ...args], { env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`aws exited with ${r.status}`);
  return r.stdout;
};
let rc = 0;
try {
  const started = JSON.parse(aws(['cleanroomsml', 'start-trained-model-inference-job',
    '--membership-identifier', membership, '--name', 'nightly-scoring',
    '--trained-model-arn', arn('trained-model', 'tm-1'),
    '--resource-config', 'instanceType=ml.m5.xlarge,instanceCount=1',
    '--output-configuration', 'accept=text/csv,members=[{accountId=123456789012}]',
    '--data-source', `mlInputChannelArn=${arn('ml-input-channel', 'ch-1')}`,
    '--tags', 'team=ml']));
  aws(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', membership,
    '--trained-model-inference-job-arn', started.trainedModelInferenceJobArn]);
} catch (e) {
  console.error(String(e));
  rc = 1;
} finally {
  emulator.kill('SIGTERM');
}
process.exitCode = rc;
