import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server';
import { parseSeed } from '../../src/emulator/seed';
import { MODEL } from '../../src/model';
import { HANDLERS } from '../../src/emulator/operations';
import {
  AKID, FakeClock, MEMBERSHIP, OTHER_MEMBERSHIP, SECRET, T0, associationArn, call, channelArn, jobPath, jobsPath, startBody,
  tagsPath, testSeed, testSeedDocument, trainedModelArn,
} from './helpers';

const VERSION = '0e0e0e0e-0000-4000-8000-000000000001';

/** The test seed plus a second version (VERSION) of tm-2 in MEMBERSHIP. */
function seedWithVersion() {
  const doc = testSeedDocument(undefined, ['us-east-1', 'ap-southeast-1', 'eu-west-2']);
  doc.resources.push({
    arn: trainedModelArn(MEMBERSHIP, 'us-east-1', 'tm-2'), versionIdentifier: VERSION, name: 'tm-2',
    configuredModelAlgorithmAssociationArn: associationArn(), dataChannels: [{ mlInputChannelArn: channelArn(), channelName: 'train' }],
  });
  return parseSeed(JSON.stringify(doc), 'test');
}

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function emu(opts: EmulatorOptions = {}): Promise<Emulator> {
  const e = await startEmulator({ host: '127.0.0.1', port: 0, seed: testSeed(), ...opts });
  running.push(e);
  return e;
}

const ARN_RE = new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`);

async function startJob(e: Emulator, name: string, over: Record<string, unknown> = {}, m = MEMBERSHIP): Promise<string> {
  const r = await call(e.url, 'POST', jobsPath(m), { body: startBody(name, over, m) });
  expect(r.status).toBe(200);
  return r.json.trainedModelInferenceJobArn as string;
}

describe('start and get', () => {
  it('starts a job and returns every stored field of the Get response, in model order', async () => {
    const clock = new FakeClock();
    const e = await emu({ clock: clock.now, seed: seedWithVersion() });
    const r = await call(e.url, 'POST', jobsPath(), {
      body: startBody('nightly', {
        description: 'scoring run', environment: { LOG_LEVEL: 'debug' }, containerExecutionParameters: { maxPayloadInMB: 6 },
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc', tags: { team: 'ml' },
        trainedModelArn: trainedModelArn(MEMBERSHIP, 'us-east-1', 'tm-2'),
        trainedModelVersionIdentifier: VERSION, mlModelInferencePayerAccountId: '111122223333',
        configuredModelAlgorithmAssociationArn: associationArn(),
      }),
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(Object.keys(r.json)).toEqual(['trainedModelInferenceJobArn']);
    const arn = r.json.trainedModelInferenceJobArn as string;
    expect(arn).toMatch(ARN_RE);

    const g = await call(e.url, 'GET', jobPath(arn));
    expect(g.status).toBe(200);
    expect(g.text).toBe(JSON.stringify({
      createTime: '2026-03-01T12:00:00.000Z',
      updateTime: '2026-03-01T12:00:00.000Z',
      trainedModelInferenceJobArn: arn,
      configuredModelAlgorithmAssociationArn: associationArn(),
      name: 'nightly',
      status: 'CREATE_PENDING',
      trainedModelArn: trainedModelArn(MEMBERSHIP, 'us-east-1', 'tm-2'),
      trainedModelVersionIdentifier: VERSION,
      resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: 1 },
      outputConfiguration: { accept: 'text/csv', members: [{ accountId: '123456789012' }] },
      membershipIdentifier: MEMBERSHIP,
      dataSource: { mlInputChannelArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/ml-input-channel/ch-1` },
      containerExecutionParameters: { maxPayloadInMB: 6 },
      description: 'scoring run',
      environment: { LOG_LEVEL: 'debug' },
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      tags: { team: 'ml' },
      mlModelInferencePayerAccountId: '111122223333',
    }));
  });

  it('takes the region of the ARN from the SigV4 credential scope, else --region', async () => {
    const e = await emu({ region: 'eu-west-2', seed: seedWithVersion() });
    const inRegion = (name: string, region: string) => startBody(name, {
      trainedModelArn: trainedModelArn(MEMBERSHIP, region), dataSource: { mlInputChannelArn: channelArn(MEMBERSHIP, region) },
    });
    const signed = await call(e.url, 'POST', jobsPath(), { body: inRegion('a', 'ap-southeast-1'), sign: { region: 'ap-southeast-1' } });
    expect(signed.json.trainedModelInferenceJobArn).toMatch(/^arn:aws:cleanrooms-ml:ap-southeast-1:123456789012:membership\//);
    // The trained model of another region is not found.
    const elsewhere = await call(e.url, 'POST', jobsPath(), { body: startBody('a'), sign: { region: 'ap-southeast-1' } });
    expect([elsewhere.status, elsewhere.json.message]).toEqual([404, `Trained model not found: ${trainedModelArn()}`]);
    const unsigned = await call(e.url, 'POST', jobsPath(), { body: inRegion('b', 'eu-west-2') });
    expect(unsigned.json.trainedModelInferenceJobArn).toMatch(/^arn:aws:cleanrooms-ml:eu-west-2:123456789012:membership\//);
    // A job is seen only from its own region.
    const g = await call(e.url, 'GET', jobPath(signed.json.trainedModelInferenceJobArn));
    expect(g.status).toBe(404);
    const g2 = await call(e.url, 'GET', jobPath(signed.json.trainedModelInferenceJobArn), { sign: { region: 'ap-southeast-1' } });
    expect(g2.status).toBe(200);
  });

  it('answers ResourceNotFoundException for an unknown job, or one of another membership', async () => {
    const e = await emu();
    const arn = await startJob(e, 'x');
    const other = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/00000000-0000-4000-8000-000000000000`;
    const r = await call(e.url, 'GET', jobPath(other));
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(r.json).toEqual({ message: `Trained model inference job not found: ${other}` });
    const wrongMembership = await call(e.url, 'GET', jobPath(arn, OTHER_MEMBERSHIP));
    expect(wrongMembership.status).toBe(404);
    expect(wrongMembership.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
  });

  it('refuses a second job of the same name while the first is not finished (ConflictException 409)', async () => {
    const clock = new FakeClock();
    const e = await emu({ clock: clock.now });
    const first = await startJob(e, 'dup');
    const r = await call(e.url, 'POST', jobsPath(), { body: startBody('dup') });
    expect(r.status).toBe(409);
    expect(r.headers['x-amzn-errortype']).toBe('ConflictException');
    expect(r.json).toEqual({ message: `A trained model inference job named 'dup' already exists in membership ${MEMBERSHIP} (${first}).` });
    // Another membership may use the name.
    const elsewhere = await call(e.url, 'POST', jobsPath(OTHER_MEMBERSHIP), { body: startBody('dup', {}, OTHER_MEMBERSHIP) });
    expect(elsewhere.status).toBe(200);
    // Once the first is cancelled and INACTIVE the name is free again.
    expect((await call(e.url, 'PATCH', jobPath(first))).status).toBe(200);
    expect((await call(e.url, 'POST', jobsPath(), { body: startBody('dup') })).status).toBe(409);
    clock.advance(1000);
    expect((await call(e.url, 'POST', jobsPath(), { body: startBody('dup') })).status).toBe(200);
  });
});

describe('lifecycle (injected clock)', () => {
  it('moves CREATE_PENDING → CREATE_IN_PROGRESS → ACTIVE, then CANCEL_PENDING → INACTIVE', async () => {
    const clock = new FakeClock();
    const e = await emu({ clock: clock.now, timings: { pendingMs: 1000, createMs: 2000, cancelMs: 500 } });
    const arn = await startJob(e, 'life');
    const state = async () => {
      const g = await call(e.url, 'GET', jobPath(arn));
      return [g.json.status, g.json.createTime, g.json.updateTime];
    };
    expect(await state()).toEqual(['CREATE_PENDING', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z']);
    clock.advance(999);
    expect(await state()).toEqual(['CREATE_PENDING', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z']);
    clock.advance(1);
    expect(await state()).toEqual(['CREATE_IN_PROGRESS', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:01.000Z']);
    clock.advance(1999);
    expect((await state())[0]).toBe('CREATE_IN_PROGRESS');
    clock.advance(1);
    expect(await state()).toEqual(['ACTIVE', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:03.000Z']);
    clock.advance(10_000);
    const c = await call(e.url, 'PATCH', jobPath(arn));
    expect(c.status).toBe(200);
    expect(c.text).toBe('');
    expect(c.headers['content-length']).toBe('0');
    expect(await state()).toEqual(['CANCEL_PENDING', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:13.000Z']);
    // Cancelling again while CANCEL_PENDING is a conflict.
    const again = await call(e.url, 'PATCH', jobPath(arn));
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: `Trained model inference job ${arn} is in status CANCEL_PENDING and cannot be cancelled.` });
    clock.advance(500);
    expect(await state()).toEqual(['INACTIVE', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:13.500Z']);
    const inactive = await call(e.url, 'PATCH', jobPath(arn));
    expect(inactive.status).toBe(409);
    expect(inactive.headers['x-amzn-errortype']).toBe('ConflictException');
  });

  it('cancels a job that is still pending', async () => {
    const clock = new FakeClock();
    const e = await emu({ clock: clock.now });
    const arn = await startJob(e, 'early');
    clock.advance(10);
    expect((await call(e.url, 'PATCH', jobPath(arn))).status).toBe(200);
    clock.advance(5000);
    expect((await call(e.url, 'GET', jobPath(arn))).json.status).toBe('INACTIVE');
  });

  it('cancel of an unknown job is ResourceNotFoundException', async () => {
    const e = await emu();
    const arn = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/nope`;
    const r = await call(e.url, 'PATCH', jobPath(arn));
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
  });
});

describe('list', () => {
  it('pages newest first with an opaque nextToken, summaries shaped like TrainedModelInferenceJobSummary', async () => {
    const clock = new FakeClock();
    const e = await emu({ clock: clock.now, collaborations: { [MEMBERSHIP]: 'c0ffee00-0000-4000-8000-000000000000' } });
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) {
      arns.push(await startJob(e, `job-${i}`, i === 2 ? { description: 'third' } : {}));
      clock.advance(1000);
    }
    await startJob(e, 'elsewhere', {}, OTHER_MEMBERSHIP);
    const seen: string[] = [];
    let token: string | undefined;
    const pages: number[] = [];
    do {
      const r = await call(e.url, 'GET', jobsPath(), { query: { maxResults: '2', ...(token ? { nextToken: token } : {}) } });
      expect(r.status).toBe(200);
      pages.push(r.json.trainedModelInferenceJobs.length);
      seen.push(...r.json.trainedModelInferenceJobs.map((j: { name: string }) => j.name));
      token = r.json.nextToken;
      if (token) expect(token).not.toMatch(/^\d+$/);
    } while (token);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(['job-4', 'job-3', 'job-2', 'job-1', 'job-0']);

    const all = await call(e.url, 'GET', jobsPath());
    expect(all.json.nextToken).toBeUndefined();
    // job-2 was created at T0+2s: 3 s later (now T0+5s) it is ACTIVE since T0+5s.
    expect(all.text).toContain(JSON.stringify({
      trainedModelInferenceJobArn: arns[2],
      membershipIdentifier: MEMBERSHIP,
      trainedModelArn: trainedModelArn(),
      collaborationIdentifier: 'c0ffee00-0000-4000-8000-000000000000',
      status: 'ACTIVE',
      outputConfiguration: { accept: 'text/csv', members: [{ accountId: '123456789012' }] },
      name: 'job-2',
      description: 'third',
      createTime: '2026-03-01T12:00:02.000Z',
      updateTime: '2026-03-01T12:00:05.000Z',
    }));
  });

  it('keeps pages stable when jobs are added between pages', async () => {
    const clock = new FakeClock();
    const e = await emu({ clock: clock.now });
    for (let i = 0; i < 3; i++) await startJob(e, `j${i}`);
    const p1 = await call(e.url, 'GET', jobsPath(), { query: { maxResults: '2' } });
    await startJob(e, 'late');
    const p2 = await call(e.url, 'GET', jobsPath(), { query: { maxResults: '2', nextToken: p1.json.nextToken } });
    expect(p1.json.trainedModelInferenceJobs.map((j: { name: string }) => j.name)).toEqual(['j2', 'j1']);
    expect(p2.json.trainedModelInferenceJobs.map((j: { name: string }) => j.name)).toEqual(['j0']);
    expect(p2.json.nextToken).toBeUndefined();
  });

  it('filters by trainedModelArn and trainedModelVersionIdentifier', async () => {
    const e = await emu({ seed: seedWithVersion() });
    await startJob(e, 'a');
    await startJob(e, 'b', { trainedModelArn: trainedModelArn(MEMBERSHIP, 'us-east-1', 'tm-2') });
    await startJob(e, 'c', { trainedModelArn: trainedModelArn(MEMBERSHIP, 'us-east-1', 'tm-2'),
      trainedModelVersionIdentifier: VERSION });
    const names = async (query: Record<string, string>) =>
      (await call(e.url, 'GET', jobsPath(), { query })).json.trainedModelInferenceJobs.map((j: { name: string }) => j.name);
    expect(await names({ trainedModelArn: trainedModelArn(MEMBERSHIP, 'us-east-1', 'tm-2') })).toEqual(['c', 'b']);
    // b named no version: it ran tm-2's newest, VERSION, and says so.
    expect(await names({ trainedModelVersionIdentifier: VERSION })).toEqual(['c', 'b']);
    expect(await names({ trainedModelArn: trainedModelArn(), trainedModelVersionIdentifier: VERSION })).toEqual([]);
    expect(await names({})).toEqual(['c', 'b', 'a']);
  });

  it('validates maxResults (1-100) and rejects a made-up nextToken', async () => {
    const e = await emu();
    const r = await call(e.url, 'GET', jobsPath(), { query: { maxResults: '101' } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ message: "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100" });
    const zero = await call(e.url, 'GET', jobsPath(), { query: { maxResults: '0' } });
    expect(zero.json.message).toBe("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
    const notInt = await call(e.url, 'GET', jobsPath(), { query: { maxResults: 'ten' } });
    expect(notInt.status).toBe(400);
    expect(notInt.headers['x-amzn-errortype']).toBe('SerializationException');
    const bad = await call(e.url, 'GET', jobsPath(), { query: { nextToken: 'garbage' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(bad.json).toEqual({ message: 'The nextToken is invalid or expired.' });
  });

  it('lists a collaboration\'s jobs across its memberships, with creatorAccountId', async () => {
    const clock = new FakeClock();
    const collab = 'c0ffee00-0000-4000-8000-000000000000';
    const e = await emu({ clock: clock.now, collaborations: { [MEMBERSHIP]: collab, [OTHER_MEMBERSHIP]: collab } });
    const a = await startJob(e, 'a');
    clock.advance(1);
    const b = await startJob(e, 'b', {}, OTHER_MEMBERSHIP);
    const r = await call(e.url, 'GET', `/collaborations/${collab}/trained-model-inference-jobs`, { query: { maxResults: '1' } });
    expect(r.status).toBe(200);
    expect(r.json.collaborationTrainedModelInferenceJobs).toHaveLength(1);
    expect(r.json.collaborationTrainedModelInferenceJobs[0].trainedModelInferenceJobArn).toBe(b);
    expect(r.json.collaborationTrainedModelInferenceJobs[0].creatorAccountId).toBe('123456789012');
    expect(r.json.collaborationTrainedModelInferenceJobs[0].collaborationIdentifier).toBe(collab);
    const r2 = await call(e.url, 'GET', `/collaborations/${collab}/trained-model-inference-jobs`,
      { query: { nextToken: r.json.nextToken } });
    expect(r2.json.collaborationTrainedModelInferenceJobs.map((j: { trainedModelInferenceJobArn: string }) => j.trainedModelInferenceJobArn)).toEqual([a]);
    expect(r2.json.nextToken).toBeUndefined();
    const none = await call(e.url, 'GET', '/collaborations/00000000-0000-4000-8000-000000000000/trained-model-inference-jobs');
    expect(none.text).toBe('{"collaborationTrainedModelInferenceJobs":[]}');
  });

  it('derives a stable collaboration id for a membership that has none configured', async () => {
    const e = await emu();
    await startJob(e, 'a');
    const r = await call(e.url, 'GET', jobsPath());
    const collab = r.json.trainedModelInferenceJobs[0].collaborationIdentifier as string;
    expect(collab).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const c = await call(e.url, 'GET', `/collaborations/${collab}/trained-model-inference-jobs`);
    expect(c.json.collaborationTrainedModelInferenceJobs).toHaveLength(1);
  });
});

describe('tags', () => {
  it('tags, lists and untags a job; the tags show in Get', async () => {
    const e = await emu();
    const arn = await startJob(e, 't', { tags: { team: 'ml' } });
    expect((await call(e.url, 'GET', tagsPath(arn))).text).toBe('{"tags":{"team":"ml"}}');
    const t = await call(e.url, 'POST', tagsPath(arn), { body: { tags: { env: 'dev', team: 'data' } } });
    expect(t.status).toBe(200);
    expect(t.text).toBe('{}');
    expect((await call(e.url, 'GET', tagsPath(arn))).text).toBe('{"tags":{"team":"data","env":"dev"}}');
    const u = await call(e.url, 'DELETE', tagsPath(arn), { query: { tagKeys: ['team', 'absent'] } });
    expect(u.status).toBe(200);
    expect(u.text).toBe('{}');
    expect((await call(e.url, 'GET', tagsPath(arn))).text).toBe('{"tags":{"env":"dev"}}');
    expect((await call(e.url, 'GET', jobPath(arn))).json.tags).toEqual({ env: 'dev' });
    await call(e.url, 'DELETE', tagsPath(arn), { query: { tagKeys: 'env' } });
    expect((await call(e.url, 'GET', tagsPath(arn))).text).toBe('{"tags":{}}');
    expect((await call(e.url, 'GET', jobPath(arn))).json.tags).toBeUndefined();
  });

  it('answers ResourceNotFoundException for an ARN that names no job, ValidationException for a bad one', async () => {
    const e = await emu();
    const arn = `arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/abc`;
    const r = await call(e.url, 'GET', tagsPath(arn));
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    const bad = await call(e.url, 'POST', tagsPath('arn:aws:s3:::bucket-name-here'), { body: { tags: { a: 'b' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^1 validation error detected: Value 'arn:aws:s3:::bucket-name-here' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws\[-a-z\]\*:cleanrooms-ml:/);
    const noKeys = await call(e.url, 'DELETE', tagsPath(arn));
    expect(noKeys.json).toEqual({ message: "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null" });
  });
});

describe('validation and protocol errors', () => {
  it('lists every failed constraint in one ValidationException, as the service words it', async () => {
    const e = await emu();
    const r = await call(e.url, 'POST', jobsPath(), {
      body: {
        name: '   ', trainedModelArn: trainedModelArn(),
        resourceConfig: { instanceType: 'ml.bogus', instanceCount: 11 },
        outputConfiguration: { members: [{ accountId: '12345' }] },
        dataSource: { mlInputChannelArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/x/ml-input-channel/y' },
        environment: { OK: 'yes', 'BAD-KEY': 'v' },
        tags: { k: 'x'.repeat(257) },
      },
    });
    expect(r.status).toBe(400);
    expect(r.headers['x-amzn-errortype']).toBe('ValidationException');
    const msg = r.json.message as string;
    const parts = msg.replace(/^8 validation errors detected: /, '').split('; ');
    expect(msg.startsWith('8 validation errors detected: ')).toBe(true);
    expect(parts).toHaveLength(8);
    expect(parts[0]).toBe("Value '   ' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!\\s*$)[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t]*");
    expect(parts[1]).toMatch(/^Value 'ml.bogus' at 'resourceConfig.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[ml.r7i.48xlarge, ml.r6i.16xlarge, /);
    expect(parts[2]).toBe("Value '11' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value less than or equal to 10");
    expect(parts[3]).toBe("Value '12345' at 'outputConfiguration.members.1.member.accountId' failed to satisfy constraint: Member must have length greater than or equal to 12");
    expect(parts[4]).toBe("Value '12345' at 'outputConfiguration.members.1.member.accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}");
    expect(parts[5]).toBe("Value 'arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/x/ml-input-channel/y' at 'dataSource.mlInputChannelArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:membership/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ml-input-channel/[-a-zA-Z0-9_/.]+");
    expect(parts[6]).toBe("Value '{OK=yes, BAD-KEY=v}' at 'environment' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z_][a-zA-Z0-9_]*]");
    expect(parts[7]).toBe(`Value '{k=${'x'.repeat(257)}}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256]`);
  });

  it('reports missing required members as null', async () => {
    const e = await emu();
    const r = await call(e.url, 'POST', jobsPath(), { body: { name: 'x' } });
    expect(r.json).toEqual({ message: '4 validation errors detected: '
      + "Value null at 'trainedModelArn' failed to satisfy constraint: Member must not be null; "
      + "Value null at 'resourceConfig' failed to satisfy constraint: Member must not be null; "
      + "Value null at 'outputConfiguration' failed to satisfy constraint: Member must not be null; "
      + "Value null at 'dataSource' failed to satisfy constraint: Member must not be null" });
  });

  it('validates URI labels (the membership id)', async () => {
    const e = await emu();
    const r = await call(e.url, 'GET', '/memberships/not-a-uuid/trained-model-inference-jobs');
    expect(r.status).toBe(400);
    expect(r.json.message).toBe("2 validation errors detected: Value 'not-a-uuid' at 'membershipIdentifier' failed to satisfy constraint: "
      + 'Member must have length greater than or equal to 36; '
      + "Value 'not-a-uuid' at 'membershipIdentifier' failed to satisfy constraint: "
      + 'Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}');
  });

  it('answers SerializationException for a body that is not JSON or has the wrong types', async () => {
    const e = await emu();
    const notJson = await call(e.url, 'POST', jobsPath(), { body: '{"name": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.headers['x-amzn-errortype']).toBe('SerializationException');
    const wrongType = await call(e.url, 'POST', jobsPath(), { body: startBody('x', { resourceConfig: { instanceType: 'ml.m5.xlarge', instanceCount: '2' } }) });
    expect(wrongType.status).toBe(400);
    expect(wrongType.headers['x-amzn-errortype']).toBe('SerializationException');
    expect(wrongType.json).toEqual({ message: "Expected an integer at 'resourceConfig.instanceCount', found a string" });
  });

  it('answers UnknownOperationException (404) for routes the model does not have', async () => {
    const e = await emu();
    for (const [method, path] of [['GET', '/nope'], ['PUT', jobsPath()], ['POST', `${jobsPath()}/x/y`], ['GET', '/']]) {
      const r = await call(e.url, method, path);
      expect(r.status).toBe(404);
      expect(r.headers['x-amzn-errortype']).toBe('UnknownOperationException');
      expect(r.json).toEqual({ message: `No operation matches ${method} ${path}` });
    }
  });

  it('serves every operation of the model', () => {
    expect(Object.keys(MODEL.operations)).toHaveLength(59);
    expect([...HANDLERS.keys()].sort()).toEqual(Object.keys(MODEL.operations).sort());
  });
});

describe('signatures (verified independently of the SDK signer that made them)', () => {
  const creds = [{ accessKeyId: AKID, secretAccessKey: SECRET }];

  it('accepts requests signed by @smithy/signature-v4, with or without x-amz-content-sha256', async () => {
    const e = await emu({ credentials: creds });
    const s = await call(e.url, 'POST', jobsPath(), { body: startBody('signed'), sign: { applyChecksum: true } });
    expect(s.status).toBe(200);
    const arn = s.json.trainedModelInferenceJobArn as string;
    // The path carries a percent-encoded ARN: the canonical URI encodes it once more.
    expect((await call(e.url, 'GET', jobPath(arn), { sign: {} })).status).toBe(200);
    const q = await call(e.url, 'GET', jobsPath(), { sign: {}, query: { maxResults: '5', trainedModelArn: trainedModelArn() } });
    expect(q.status).toBe(200);
    expect(q.json.trainedModelInferenceJobs).toHaveLength(1);
    expect((await call(e.url, 'DELETE', tagsPath(arn), { sign: {}, query: { tagKeys: ['b', 'a c', 'ä*'] } })).status).toBe(200);
    expect((await call(e.url, 'PATCH', jobPath(arn), { sign: { applyChecksum: true } })).status).toBe(200);
  });

  it('rejects a request without Authorization: MissingAuthenticationTokenException', async () => {
    const e = await emu({ credentials: creds });
    const r = await call(e.url, 'GET', jobsPath());
    expect(r.status).toBe(403);
    expect(r.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(r.json).toEqual({ message: 'Missing Authentication Token' });
    // Authentication comes before routing.
    expect((await call(e.url, 'GET', '/nope')).headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('rejects an unknown access key: UnrecognizedClientException', async () => {
    const e = await emu({ credentials: creds });
    const r = await call(e.url, 'GET', jobsPath(), { sign: { accessKeyId: 'AKIDOTHER' } });
    expect(r.status).toBe(403);
    expect(r.headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
    expect(r.json).toEqual({ message: 'The security token included in the request is invalid.' });
  });

  const SIG_MISMATCH = 'The request signature we calculated does not match the signature you provided. '
    + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

  const tampers: [string, CallTamper][] = [
    ['the body', (r) => { r.body = r.body.replace('"signed"', '"Signed"'); }],
    ['the path', (r) => { r.path = r.path.replace(MEMBERSHIP, OTHER_MEMBERSHIP); }],
    ['the query', (r) => { r.query = 'maxResults=3'; }],
    // Always a different second than the signed one (whatever the clock said when signing).
    ['a signed header', (r) => { r.headers['x-amz-date'] = r.headers['x-amz-date'].replace(/(\d{2})Z$/, (_m, sec: string) => (sec === '59' ? '58Z' : '59Z')); }],
    ['the signature', (r) => { r.headers.authorization = r.headers.authorization.replace(/Signature=.{4}/, 'Signature=0000'); }],
  ];
  type CallTamper = (r: { path: string; query: string; headers: Record<string, string>; body: string }) => void;

  for (const [what, tamper] of tampers) {
    it(`rejects a request whose ${what} changed after signing: InvalidSignatureException`, async () => {
      const e = await emu({ credentials: creds });
      const r = await call(e.url, 'POST', jobsPath(), { body: startBody('signed'), sign: {}, tamper });
      expect(r.status).toBe(403);
      expect(r.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      expect((r.json.message as string).startsWith(SIG_MISMATCH)).toBe(true);
    });
  }

  it('rejects a wrong secret, and a body that does not match x-amz-content-sha256', async () => {
    const e = await emu({ credentials: creds });
    const wrong = await call(e.url, 'GET', jobsPath(), { sign: { secretAccessKey: 'not-the-secret' } });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    const body = await call(e.url, 'POST', jobsPath(), {
      body: startBody('signed'), sign: { applyChecksum: true }, tamper: (r) => { r.body = r.body.replace('"signed"', '"Signed"'); },
    });
    expect(body.status).toBe(403);
    expect(body.json).toEqual({ message: "The provided 'x-amz-content-sha256' header does not match what was computed." });
  });

  it('the mismatch message shows the canonical request the emulator computed', async () => {
    const e = await emu({ credentials: creds });
    const r = await call(e.url, 'GET', jobsPath(), {
      sign: {}, query: { maxResults: '7' },
      tamper: (w) => { w.headers.authorization = w.headers.authorization.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`); },
    });
    const amzDate = /The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n(\d{8}T\d{6}Z)\n/.exec(r.json.message)![1];
    expect(r.json.message).toContain(`The Canonical String for this request should have been\n'GET\n${jobsPath()}\nmaxResults=7\n`
      + `host:${new URL(e.url).host}\nx-amz-date:${amzDate}\n\nhost;x-amz-date\n`
      + 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\'');
  });

  it('checks the credential scope\'s service', async () => {
    const e = await emu({ credentials: creds });
    const r = await call(e.url, 'GET', jobsPath(), { sign: { service: 'cleanrooms' } });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ message: "Credential should be scoped to correct service: 'cleanrooms-ml'. " });
  });

  it('without configured keys accepts any signature (or none)', async () => {
    const e = await emu();
    expect((await call(e.url, 'GET', jobsPath(), { sign: { secretAccessKey: 'whatever', accessKeyId: 'ANY' } })).status).toBe(200);
    expect((await call(e.url, 'GET', jobsPath())).status).toBe(200);
  });
});

/** A raw POST of `body` (a Buffer, or chunks sent without a length), with `Connection: close`; resolves with status and error type. */
function rawPost(url: string, path: string, body: Buffer | Buffer[]): Promise<{ status: number; error?: string; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!Array.isArray(body)) headers['content-length'] = body.length;
    const req = request({ host: u.hostname, port: Number(u.port), method: 'POST', path, agent: false, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, error: res.headers['x-amzn-errortype'] as string | undefined, text }));
    });
    req.on('error', reject);
    if (Array.isArray(body)) {
      for (const c of body) req.write(c);
      req.end();
    } else {
      req.end(body);
    }
  });
}

describe('request bodies', () => {
  it('answers a request refused on its headers once its body is in (discarded), even to a client that closes', async () => {
    const e = await emu({ credentials: [{ accessKeyId: AKID, secretAccessKey: SECRET }] });
    const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const answers = await Promise.all(Array.from({ length: 5 }, () => rawPost(e.url, jobsPath(), big)));
    expect(answers.map((a) => [a.status, a.error])).toEqual(Array(5).fill([403, 'MissingAuthenticationTokenException']));
  });

  it('refuses a body above the limit: at once from its Content-Length, or as it streams', async () => {
    const e = await emu({ maxBodyBytes: 1000 });
    const declared = await rawPost(e.url, jobsPath(), Buffer.alloc(1001, 0x20));
    expect([declared.status, declared.error, JSON.parse(declared.text)]).toEqual([413, 'RequestEntityTooLargeException',
      { message: 'Request body is larger than the 1000 bytes this service accepts.' }]);
    const chunked = await rawPost(e.url, jobsPath(), [Buffer.alloc(600, 0x20), Buffer.alloc(600, 0x20)]);
    expect([chunked.status, chunked.error]).toEqual([413, 'RequestEntityTooLargeException']);
    // At the limit is fine.
    const body = Buffer.from(JSON.stringify(startBody('fits')).padEnd(1000, ' '));
    expect((await rawPost(e.url, jobsPath(), body)).status).toBe(200);
  });

  it('reads bodies one budget at a time, and loses none', async () => {
    const e = await emu({ bodyBudgetBytes: 1 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => call(e.url, 'POST', jobsPath(), { body: startBody(`b${i}`) })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  });

  it('gives back the budget of a client that left while waiting for it', async () => {
    const e = await emu({ bodyBudgetBytes: 1 });
    const u = new URL(e.url);
    const { Socket } = await import('node:net');
    // Two clients announce bodies they never send, then one hangs up: the other holds the budget.
    const hold = new Socket();
    const leave = new Socket();
    const head = `POST ${jobsPath()} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    await Promise.all([hold, leave].map((sock) => new Promise<void>((r) => sock.connect(Number(u.port), u.hostname, () => { sock.write(head); r(); }))));
    await new Promise((r) => setTimeout(r, 50));
    leave.destroy();
    hold.destroy();
    // Had either kept its share, this would wait for ever.
    const r = await call(e.url, 'POST', jobsPath(), { body: startBody('after') });
    expect(r.status).toBe(200);
  });

  it('does not echo a huge value back whole in a validation message', async () => {
    const e = await emu();
    const r = await call(e.url, 'POST', jobsPath(), { body: startBody('x', { description: 'd'.repeat(100_000) }) });
    expect(r.status).toBe(400);
    expect(r.json.message).toBe(`1 validation error detected: Value '${'d'.repeat(4096)}…' at 'description' failed to satisfy constraint: `
      + 'Member must have length less than or equal to 255');
  });
});

describe('concurrency', () => {
  it('serves concurrent starts without losing any', async () => {
    const e = await emu({ clock: () => T0 });
    const arns = await Promise.all(Array.from({ length: 40 }, (_, i) => startJob(e, `c${i}`)));
    expect(new Set(arns).size).toBe(40);
    const r = await call(e.url, 'GET', jobsPath());
    expect(r.json.trainedModelInferenceJobs).toHaveLength(40);
  });
});
