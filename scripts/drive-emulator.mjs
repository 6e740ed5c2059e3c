#!/usr/bin/env node
// Drives cleanroomsml-local with an AWS CLI as the client, signatures checked, the way issue 12 is judged:
// both flows end to end (custom model → inference job; training dataset → audience export), every one of
// the 59 operations answering correctly at least once (each JSON answer checked against the required
// members of the operation's output shape in the model), not-found, validation, a wrong signature and an
// unknown key, pagination over more than one page, statuses moving over time, and the state surviving a
// kill -9 and a restart.
//
//   node scripts/drive-emulator.mjs --aws /work/oracle/aws     # the real AWS CLI v2
//   node scripts/drive-emulator.mjs                            # this project's bin/aws
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const awsBin = argv.includes('--aws') ? argv[argv.indexOf('--aws') + 1] : join(root, 'bin', 'aws');
const model = JSON.parse(readFileSync(join(root, 'vendor/botocore-2.36.7/cleanroomsml/2023-09-06/service-2.json'), 'utf8'));
const cliName = (op) => op.replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase();
const opOfCli = new Map(Object.keys(model.operations).map((n) => [cliName(n), n]));

const tmp = mkdtempSync(join(tmpdir(), 'drive-emulator-'));
const ACCOUNT = '123456789012';
const PARTNER = '444455556666';
const M = '11111111-2222-4333-8444-555555555555';
const M2 = '99999999-8888-4777-8666-555555555555';
const COLLAB = 'c0ffee00-0000-4000-8000-000000000000';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ml`;
const ECR = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const KEYS = { me: ['AKIDDRIVE', 'drive-secret-key'], partner: ['AKIDPARTNER', 'partner-secret-key'] };

writeFileSync(join(tmp, 'credentials'), `[me]\naws_access_key_id = ${KEYS.me[0]}\naws_secret_access_key = ${KEYS.me[1]}\n`
  + `[partner]\naws_access_key_id = ${KEYS.partner[0]}\naws_secret_access_key = ${KEYS.partner[1]}\naws_account_id = ${PARTNER}\n`, { mode: 0o600 });
writeFileSync(join(tmp, 'seed.json'), JSON.stringify({
  collaborations: [{ collaborationIdentifier: COLLAB, name: 'retail', members: [
    { accountId: ACCOUNT, membershipIdentifier: M }, { accountId: PARTNER, membershipIdentifier: M2 }] }],
}));
const stateFile = join(tmp, 'state.json');

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

// ---- the emulator ----

function startEmulator(extra = []) {
  const child = spawn(process.execPath, [join(root, 'bin', 'cleanroomsml-local'), '--port', '0', '--credentials-file', join(tmp, 'credentials'),
    '--seed', join(tmp, 'seed.json'), '--state-file', stateFile, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /^export AWS_ENDPOINT_URL_CLEANROOMSML=(\S+)$/m.exec(buf);
      if (m && /AWS_SECRET_ACCESS_KEY/.test(buf)) resolve({ child, url: m[1] });
    });
    child.once('exit', (c) => reject(new Error(`emulator exited ${c}`)));
  });
}

let emu = await startEmulator(['--speed', 'instant']);

// ---- the client ----

const succeeded = new Set();
const errored = new Map();

/** Required members of a shape missing from a value (paths), per the model. */
function missingRequired(shapeName, v, path = '') {
  const s = model.shapes[shapeName];
  const out = [];
  if (s.type === 'structure' && v && typeof v === 'object') {
    for (const r of s.required ?? []) if (!(r in v)) out.push(`${path}${r}`);
    for (const [k, ref] of Object.entries(s.members)) if (k in v) out.push(...missingRequired(ref.shape, v[k], `${path}${k}.`));
  } else if (s.type === 'list' && Array.isArray(v)) {
    v.forEach((x, i) => out.push(...missingRequired(s.member.shape, x, `${path}${i}.`)));
  } else if (s.type === 'map' && v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...missingRequired(s.value.shape, x, `${path}${k}.`));
  }
  return out;
}

/** Runs `aws cleanroomsml OP ARGS…`; expects success (returns the JSON) or the error `expect.error`. */
function aws(op, args = [], { as = 'me', error, secret, raw } = {}) {
  const [id, key] = KEYS[as];
  const env = {
    PATH: process.env.PATH, HOME: tmp, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '',
    AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret ?? key, AWS_DEFAULT_REGION: 'us-east-1', AWS_ENDPOINT_URL_CLEANROOMSML: emu.url,
    AWS_MAX_ATTEMPTS: '1', AWS_EC2_METADATA_DISABLED: 'true',
  };
  const r = spawnSync(awsBin, ['cleanroomsml', op, ...args], { env, encoding: 'utf8' });
  const name = opOfCli.get(op);
  if (error) {
    const m = /An error occurred \((\w+)\) when calling the (\w+) operation/.exec(r.stderr);
    const good = r.status === 254 && m?.[1] === error && m[2] === name;
    check(good, `${op} → ${error}${good ? '' : ` (got rc ${r.status}: ${r.stderr.trim().slice(0, 300)})`}`);
    if (good) errored.set(name, [...(errored.get(name) ?? []), error]);
    return r;
  }
  if (r.status !== 0) {
    check(false, `${op} ${args.join(' ').slice(0, 120)} → rc ${r.status}: ${r.stderr.trim().slice(0, 400)}`);
    return undefined;
  }
  if (raw) return r.stdout;
  const out = r.stdout.trim() ? JSON.parse(r.stdout) : {};
  const outShape = model.operations[name].output?.shape;
  const missing = outShape && !args.includes('--query') ? missingRequired(outShape, out) : [];
  check(missing.length === 0, `${op}${missing.length ? ` is missing required ${missing.join(', ')}` : ''}`);
  succeeded.add(name);
  return out;
}

// ---- the custom model flow ----

console.log('# custom models');
const cma = aws('create-configured-model-algorithm', ['--name', 'churn', '--role-arn', ROLE, '--training-container-config', `imageUri=${ECR}/train:1`,
  '--inference-container-config', `imageUri=${ECR}/infer:1`, '--tags', 'team=ml']).configuredModelAlgorithmArn;
aws('get-configured-model-algorithm', ['--configured-model-algorithm-arn', cma]);
const privacy = JSON.stringify({ policies: { trainedModelExports: { maxSize: { unit: 'GB', value: 5 }, filesToExport: ['MODEL'] },
  trainedModels: { containerMetrics: { noiseLevel: 'LOW' } } } });
const cmaa = aws('create-configured-model-algorithm-association', ['--membership-identifier', M, '--configured-model-algorithm-arn', cma,
  '--name', 'churn', '--privacy-configuration', privacy]).configuredModelAlgorithmAssociationArn;
aws('get-configured-model-algorithm-association', ['--membership-identifier', M, '--configured-model-algorithm-association-arn', cmaa]);
aws('get-collaboration-configured-model-algorithm-association', ['--collaboration-identifier', COLLAB, '--configured-model-algorithm-association-arn', cmaa], { as: 'partner' });
aws('list-configured-model-algorithm-associations', ['--membership-identifier', M]);
aws('list-collaboration-configured-model-algorithm-associations', ['--collaboration-identifier', COLLAB]);
const inputChannel = JSON.stringify({ dataSource: { protectedQueryInputParameters: { sqlParameters: { queryString: 'SELECT * FROM customers' },
  computeConfiguration: { worker: { type: 'CR.1X', number: 16 } } } }, roleArn: ROLE });
const ch = aws('create-ml-input-channel', ['--membership-identifier', M, '--name', 'customers', '--configured-model-algorithm-associations', cmaa,
  '--retention-in-days', '7', '--input-channel', inputChannel]).mlInputChannelArn;
const chGet = aws('get-ml-input-channel', ['--membership-identifier', M, '--ml-input-channel-arn', ch]);
check(chGet?.status === 'ACTIVE' && chGet.collaborationIdentifier === COLLAB, 'the channel is ACTIVE in the seeded collaboration');
aws('get-collaboration-ml-input-channel', ['--collaboration-identifier', COLLAB, '--ml-input-channel-arn', ch]);
aws('list-ml-input-channels', ['--membership-identifier', M]);
aws('list-collaboration-ml-input-channels', ['--collaboration-identifier', COLLAB], { as: 'partner' });
const tmOut = aws('create-trained-model', ['--membership-identifier', M, '--name', 'churn', '--configured-model-algorithm-association-arn', cmaa,
  '--resource-config', 'instanceType=ml.m5.xlarge,volumeSizeInGB=50', '--data-channels', `mlInputChannelArn=${ch},channelName=train`,
  '--hyperparameters', 'epochs=10', '--environment', 'LOG_LEVEL=info', '--stopping-condition', 'maxRuntimeInSeconds=3600']);
const tm = tmOut.trainedModelArn;
const v2 = aws('create-trained-model', ['--membership-identifier', M, '--name', 'churn', '--configured-model-algorithm-association-arn', cmaa,
  '--resource-config', 'instanceType=ml.m5.xlarge,volumeSizeInGB=50', '--data-channels', `mlInputChannelArn=${ch},channelName=train`,
  '--incremental-training-data-channels', `trainedModelArn=${tm},channelName=base`]).versionIdentifier;
check(typeof v2 === 'string' && v2.length === 36, 'a second version of the trained model');
aws('get-trained-model', ['--membership-identifier', M, '--trained-model-arn', tm, '--version-identifier', v2]);
aws('get-collaboration-trained-model', ['--collaboration-identifier', COLLAB, '--trained-model-arn', tm]);
const versions = aws('list-trained-model-versions', ['--membership-identifier', M, '--trained-model-arn', tm]);
check(versions?.trainedModels.length === 2, 'list-trained-model-versions shows both versions');
aws('list-trained-models', ['--membership-identifier', M]);
aws('list-collaboration-trained-models', ['--collaboration-identifier', COLLAB]);
aws('start-trained-model-export-job', ['--membership-identifier', M2, '--trained-model-arn', tm, '--name', 'to-partner',
  '--output-configuration', `members=[{accountId=${PARTNER}}]`], { as: 'partner' });
aws('list-collaboration-trained-model-export-jobs', ['--collaboration-identifier', COLLAB, '--trained-model-arn', tm]);
const job = aws('start-trained-model-inference-job', ['--membership-identifier', M, '--name', 'churn-scores', '--trained-model-arn', tm,
  '--data-source', `mlInputChannelArn=${ch}`, '--resource-config', 'instanceType=ml.m5.xlarge,instanceCount=1',
  '--output-configuration', `accept=text/csv,members=[{accountId=${ACCOUNT}}]`, '--environment', 'MODE=batch']).trainedModelInferenceJobArn;
const jobGet = aws('get-trained-model-inference-job', ['--membership-identifier', M, '--trained-model-inference-job-arn', job]);
check(jobGet?.status === 'ACTIVE' && jobGet.environment?.MODE === 'batch', 'the inference job ran (ACTIVE)');
aws('list-trained-model-inference-jobs', ['--membership-identifier', M, '--trained-model-arn', tm]);
aws('list-collaboration-trained-model-inference-jobs', ['--collaboration-identifier', COLLAB]);
aws('cancel-trained-model-inference-job', ['--membership-identifier', M, '--trained-model-inference-job-arn', job]);
aws('put-ml-configuration', ['--membership-identifier', M, '--default-output-location', `destination={s3Destination={s3Uri=s3://bucket/ml/}},roleArn=${ROLE}`]);
aws('get-ml-configuration', ['--membership-identifier', M]);

// ---- the lookalike flow ----

console.log('# lookalike models');
const trainingData = JSON.stringify([{ type: 'INTERACTIONS', inputConfig: {
  schema: [{ columnName: 'user_id', columnTypes: ['USER_ID'] }, { columnName: 'item_id', columnTypes: ['ITEM_ID'] }],
  dataSource: { glueDataSource: { tableName: 'purchases', databaseName: 'sales' } } } }]);
const ds = aws('create-training-dataset', ['--name', 'purchases', '--role-arn', ROLE, '--training-data', trainingData]).trainingDatasetArn;
aws('get-training-dataset', ['--training-dataset-arn', ds]);
aws('list-training-datasets');
const am = aws('create-audience-model', ['--name', 'purchases', '--training-dataset-arn', ds, '--training-data-start-time', '2026-01-01T00:00:00Z',
  '--training-data-end-time', '2026-02-01T00:00:00Z']).audienceModelArn;
const amGet = aws('get-audience-model', ['--audience-model-arn', am]);
check(amGet?.trainingDataStartTime === '2026-01-01T00:00:00+00:00', 'timestamps come back as the AWS CLI prints them');
aws('list-audience-models');
const cam = aws('create-configured-audience-model', ['--name', 'purchases', '--audience-model-arn', am,
  '--output-config', `destination={s3Destination={s3Uri=s3://bucket/audiences/}},roleArn=${ROLE}`, '--shared-audience-metrics', 'ALL',
  '--audience-size-config', 'audienceSizeType=ABSOLUTE,audienceSizeBins=[1000,5000]', '--child-resource-tag-on-create-policy', 'FROM_PARENT_RESOURCE',
  '--tags', 'team=ads']).configuredAudienceModelArn;
aws('get-configured-audience-model', ['--configured-audience-model-arn', cam]);
aws('list-configured-audience-models');
aws('update-configured-audience-model', ['--configured-audience-model-arn', cam, '--description', 'spring audiences']);
const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'cleanroomsml:*', Resource: cam }] });
const put = aws('put-configured-audience-model-policy', ['--configured-audience-model-arn', cam, '--configured-audience-model-policy', policy]);
aws('get-configured-audience-model-policy', ['--configured-audience-model-arn', cam]);
aws('put-configured-audience-model-policy', ['--configured-audience-model-arn', cam, '--configured-audience-model-policy', policy,
  '--previous-policy-hash', put.policyHash, '--policy-existence-condition', 'POLICY_MUST_EXIST']);
aws('delete-configured-audience-model-policy', ['--configured-audience-model-arn', cam]);
const gen = aws('start-audience-generation-job', ['--name', 'spring', '--configured-audience-model-arn', cam,
  '--seed-audience', `dataSource={s3Uri=s3://bucket/seed.jsonl},roleArn=${ROLE}`]).audienceGenerationJobArn;
aws('get-audience-generation-job', ['--audience-generation-job-arn', gen]);
aws('list-audience-generation-jobs', ['--configured-audience-model-arn', cam]);
const genTags = aws('list-tags-for-resource', ['--resource-arn', gen]);
check(genTags?.tags?.team === 'ads', 'the generation job took its model\'s tags');
aws('start-audience-export-job', ['--name', 'spring-5000', '--audience-generation-job-arn', gen, '--audience-size', 'type=ABSOLUTE,value=5000']);
const exports = aws('list-audience-export-jobs', ['--audience-generation-job-arn', gen]);
check(exports?.audienceExportJobs?.[0]?.status === 'ACTIVE', 'the audience export job is ACTIVE');

// ---- tags ----

console.log('# tags');
aws('tag-resource', ['--resource-arn', tm, '--tags', '{"__proto__": "p", "constructor": "c", "env": "dev"}']);
aws('untag-resource', ['--resource-arn', tm, '--tag-keys', 'env']);
const tmTags = aws('list-tags-for-resource', ['--resource-arn', tm]);
check(JSON.stringify(tmTags?.tags) === '{"__proto__":"p","constructor":"c"}', 'tag keys __proto__ and constructor are stored and listed');

// ---- errors ----

console.log('# errors');
const noSuch = (kind) => `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:membership/${M}/${kind}/00000000-0000-4000-8000-000000000000`;
aws('get-trained-model', ['--membership-identifier', M, '--trained-model-arn', noSuch('trained-model')], { error: 'ResourceNotFoundException' });
aws('get-ml-input-channel', ['--membership-identifier', 'not-a-membership-id-but-36-long-0000', '--ml-input-channel-arn', ch], { error: 'ValidationException' });
aws('create-configured-audience-model', ['--name', 'bad', '--audience-model-arn', am, '--output-config',
  `destination={s3Destination={s3Uri=s3://bucket/}},roleArn=${ROLE}`, '--shared-audience-metrics', 'NONE',
  '--audience-size-config', 'audienceSizeType=PERCENTAGE,audienceSizeBins=[50,150]'], { error: 'ValidationException' });
aws('create-trained-model', ['--membership-identifier', M, '--name', 'churn', '--configured-model-algorithm-association-arn', cmaa,
  '--resource-config', 'instanceType=ml.m5.xlarge,volumeSizeInGB=50', '--data-channels', `mlInputChannelArn=${ch},channelName=train`],
{ error: 'ConflictException' });
aws('delete-configured-model-algorithm', ['--configured-model-algorithm-arn', cma], { error: 'ConflictException' });
aws('create-configured-model-algorithm-association', ['--membership-identifier', M2, '--configured-model-algorithm-arn', cma, '--name', 'x'],
  { error: 'AccessDeniedException' });
aws('list-configured-model-algorithms', [], { secret: 'not-the-secret', error: 'InvalidSignatureException' });
const unknownKey = spawnSync(awsBin, ['cleanroomsml', 'list-training-datasets'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmp,
  AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN', AWS_SECRET_ACCESS_KEY: 'x',
  AWS_DEFAULT_REGION: 'us-east-1', AWS_ENDPOINT_URL_CLEANROOMSML: emu.url, AWS_PAGER: '' } });
check(unknownKey.status === 254 && unknownKey.stderr.includes('(UnrecognizedClientException)'), 'an unknown key → UnrecognizedClientException');

// ---- pagination ----

console.log('# pagination');
for (let i = 0; i < 5; i++) aws('create-configured-model-algorithm', ['--name', `page-${i}`, '--role-arn', ROLE, '--inference-container-config', `imageUri=${ECR}/i:${i}`]);
const all = aws('list-configured-model-algorithms', ['--page-size', '2', '--query', 'configuredModelAlgorithms[].name']);
check(JSON.stringify(all) === JSON.stringify(['page-4', 'page-3', 'page-2', 'page-1', 'page-0', 'churn']), `six algorithms over three pages, newest first (${all})`);
const first = aws('list-configured-model-algorithms', ['--max-items', '4', '--page-size', '3']);
const rest = aws('list-configured-model-algorithms', ['--starting-token', first?.NextToken ?? '', '--page-size', '3']);
check(first?.configuredModelAlgorithms.length === 4 && rest?.configuredModelAlgorithms.length === 2 && !rest.NextToken,
  '--max-items, then --starting-token: 4 + 2');

// ---- deletes (and the operations still to be seen) ----

console.log('# deletes');
aws('delete-trained-model-output', ['--membership-identifier', M, '--trained-model-arn', tm, '--version-identifier', v2]);
aws('cancel-trained-model', ['--membership-identifier', M, '--trained-model-arn', tm], { error: 'ConflictException' });
aws('delete-ml-configuration', ['--membership-identifier', M]);
aws('delete-audience-generation-job', ['--audience-generation-job-arn', gen]);
aws('delete-configured-audience-model', ['--configured-audience-model-arn', cam]);
aws('delete-audience-model', ['--audience-model-arn', am]);
aws('delete-training-dataset', ['--training-dataset-arn', ds]);
aws('delete-ml-input-channel-data', ['--membership-identifier', M, '--ml-input-channel-arn', ch]);
const cma2 = aws('create-configured-model-algorithm', ['--name', 'short-lived', '--role-arn', ROLE, '--inference-container-config', `imageUri=${ECR}/x:1`]).configuredModelAlgorithmArn;
const cmaa2 = aws('create-configured-model-algorithm-association', ['--membership-identifier', M, '--configured-model-algorithm-arn', cma2,
  '--name', 'short-lived']).configuredModelAlgorithmAssociationArn;
aws('delete-configured-model-algorithm-association', ['--membership-identifier', M, '--configured-model-algorithm-association-arn', cmaa2]);
aws('delete-configured-model-algorithm', ['--configured-model-algorithm-arn', cma2]);

const ch2 = aws('create-ml-input-channel', ['--membership-identifier', M, '--name', 'kept', '--configured-model-algorithm-associations', cmaa,
  '--retention-in-days', '1', '--input-channel', inputChannel]).mlInputChannelArn;

// ---- the state survives kill -9 and a restart; statuses move over time ----

console.log('# kill -9, restart');
emu.child.kill('SIGKILL');
await new Promise((r) => emu.child.once('exit', r));
// Slow enough now for an AWS CLI (about 0.5 s a call) to see every status.
emu = await startEmulator(['--pending-seconds', '3', '--create-seconds', '3', '--cancel-seconds', '3']);
const after = aws('get-trained-model-inference-job', ['--membership-identifier', M, '--trained-model-inference-job-arn', job]);
check(after?.name === 'churn-scores' && after.status === 'INACTIVE', `after kill -9 and a restart, the cancelled job is there, INACTIVE (${after?.status})`);
const tmAfter = aws('get-trained-model', ['--membership-identifier', M, '--trained-model-arn', tm]);
check(tmAfter?.status === 'INACTIVE' && tmAfter.versionIdentifier === v2, 'the deleted version\'s output is INACTIVE after the restart');
const tm2 = aws('create-trained-model', ['--membership-identifier', M, '--name', 'to-cancel', '--configured-model-algorithm-association-arn', cmaa,
  '--resource-config', 'instanceType=ml.m5.xlarge,volumeSizeInGB=50', '--data-channels', `mlInputChannelArn=${ch2},channelName=train`]).trainedModelArn;
aws('cancel-trained-model', ['--membership-identifier', M, '--trained-model-arn', tm2]);
const cancelled = aws('get-trained-model', ['--membership-identifier', M, '--trained-model-arn', tm2]);
check(/^CANCEL_(PENDING|IN_PROGRESS)$/.test(cancelled?.status), `a model cancelled while pending is being cancelled (${cancelled?.status})`);
const ch3 = aws('create-ml-input-channel', ['--membership-identifier', M, '--name', 'later', '--configured-model-algorithm-associations', cmaa,
  '--retention-in-days', '1', '--input-channel', inputChannel]).mlInputChannelArn;
const seen = [];
for (let i = 0; i < 100 && seen.at(-1) !== 'ACTIVE'; i++) {
  const s = aws('get-ml-input-channel', ['--membership-identifier', M, '--ml-input-channel-arn', ch3, '--query', 'status', '--output', 'text'], { raw: true }).trim();
  if (seen.at(-1) !== s) seen.push(s);
  await new Promise((r) => setTimeout(r, 50));
}
check(JSON.stringify(seen) === '["CREATE_PENDING","CREATE_IN_PROGRESS","ACTIVE"]', `statuses over time: ${seen.join(' → ')}`);
emu.child.kill('SIGTERM');
await new Promise((r) => emu.child.once('exit', r));

// ---- every operation ----

const ops = Object.keys(model.operations);
const missing = ops.filter((o) => !succeeded.has(o));
check(ops.length === 59 && missing.length === 0, `all ${ops.length} operations answered with success${missing.length ? `; not: ${missing.join(', ')}` : ''}`);
console.log(`${succeeded.size} operations answered, ${[...errored.values()].flat().length} errors as expected, ${failures} failures (client: ${awsBin})`);
rmSync(tmp, { recursive: true, force: true });
process.exitCode = failures ? 1 : 0;
