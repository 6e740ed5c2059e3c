#!/usr/bin/env node
// `npm start`: the main job end to end with no AWS account: starts the bundled Clean Rooms ML
// emulator on a free loopback port (signatures checked, keys in its environment, statuses at once),
// builds what an inference job needs (a configured model algorithm, its association with a membership,
// an ML input channel, a trained model), then runs a real signed start-trained-model-inference-job and
// reads the job back with get-trained-model-inference-job.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emulator = spawn(process.execPath, [join(root, 'bin', 'cleanroomsml-local'), '--port', '0', '--speed', 'instant'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, CLEANROOMSML_LOCAL_ACCESS_KEY_ID: 'AKIDLOCALEXAMPLE', CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY: 'local-emulator-secret-key-example' },
});

// The emulator prints, when ready, the export lines that point a shell at it: take them as they are.
const exported = await new Promise((resolve, reject) => {
  let buf = '';
  emulator.stdout.on('data', (d) => {
    buf += d;
    if (/^export AWS_SECRET_ACCESS_KEY=.*\n/m.test(buf)) {
      resolve(Object.fromEntries([...buf.matchAll(/^export (\w+)=(.*)$/gm)].map(([, k, v]) => [k, v.replace(/^'(.*)'$/, '$1')])));
    }
  });
  emulator.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
});
console.log(`# Clean Rooms ML emulator ${exported.AWS_ENDPOINT_URL_CLEANROOMSML}`);

const env = { ...process.env, ...exported, AWS_PAGER: '' };
delete env.AWS_PROFILE;
const quote = (a) => (/[\s"'{}[\]$*]/.test(a) ? `'${a}'` : a);
const aws = (args, { quiet = false } = {}) => {
  console.log(`$ aws ${args.map(quote).join(' ')}`);
  const r = spawnSync(process.execPath, [join(root, 'bin', 'aws'), 'cleanroomsml', ...args], { env, encoding: 'utf8' });
  if (!quiet || r.status !== 0) process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`aws exited with ${r.status}`);
  return r.stdout.trim();
};
const membership = '11111111-2222-3333-4444-555555555555';
const role = 'arn:aws:iam::123456789012:role/cleanrooms-ml';
const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const arnOf = (member, args) => aws([...args, '--query', member, '--output', 'text']);
let rc = 0;
try {
  const algorithm = arnOf('configuredModelAlgorithmArn', ['create-configured-model-algorithm', '--name', 'scoring',
    '--role-arn', role, '--training-container-config', `imageUri=${ecr}/train:1`, '--inference-container-config', `imageUri=${ecr}/infer:1`]);
  const association = arnOf('configuredModelAlgorithmAssociationArn', ['create-configured-model-algorithm-association',
    '--membership-identifier', membership, '--configured-model-algorithm-arn', algorithm, '--name', 'scoring']);
  const channel = arnOf('mlInputChannelArn', ['create-ml-input-channel', '--membership-identifier', membership, '--name', 'customers',
    '--configured-model-algorithm-associations', association, '--retention-in-days', '7', '--input-channel',
    JSON.stringify({ dataSource: { protectedQueryInputParameters: { sqlParameters: { queryString: 'SELECT * FROM customers' } } }, roleArn: role })]);
  const model = arnOf('trainedModelArn', ['create-trained-model', '--membership-identifier', membership, '--name', 'scoring',
    '--configured-model-algorithm-association-arn', association, '--resource-config', 'instanceType=ml.m5.xlarge,volumeSizeInGB=10',
    '--data-channels', `mlInputChannelArn=${channel},channelName=train`]);
  const started = JSON.parse(aws(['start-trained-model-inference-job',
    '--membership-identifier', membership, '--name', 'nightly-scoring', '--trained-model-arn', model,
    '--resource-config', 'instanceType=ml.m5.xlarge,instanceCount=1',
    '--output-configuration', 'accept=text/csv,members=[{accountId=123456789012}]',
    '--data-source', `mlInputChannelArn=${channel}`, '--tags', 'team=ml'], { quiet: true }));
  console.log(JSON.stringify(started, null, 4));
  aws(['get-trained-model-inference-job', '--membership-identifier', membership,
    '--trained-model-inference-job-arn', started.trainedModelInferenceJobArn]);
} catch (e) {
  console.error(String(e));
  rc = 1;
} finally {
  emulator.kill('SIGTERM');
}
process.exitCode = rc;
