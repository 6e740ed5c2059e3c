import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseSeed, SeedError } from '../../src/emulator/seed';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { invoke } from './client';
import { FakeClock, MEMBERSHIP, OTHER_MEMBERSHIP, testSeedDocument, trainedModelArn } from './helpers';

const COLLAB = 'c0ffee00-0000-4000-8000-000000000000';
const dir = mkdtempSync(join(tmpdir(), 'cleanroomsml-local-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

function seedError(doc: unknown): string {
  try {
    parseSeed(typeof doc === 'string' ? doc : JSON.stringify(doc), 'seed.json');
  } catch (e) {
    if (e instanceof SeedError) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('parseSeed', () => {
  it('reads accounts, collaborations and resources', () => {
    const seed = parseSeed(JSON.stringify({
      defaultAccountId: '111122223333', accessKeys: { AKIDX: '444455556666' },
      collaborations: [{ collaborationIdentifier: COLLAB, name: 'c', members: [{ accountId: '123456789012', membershipIdentifier: MEMBERSHIP }] }],
      ...testSeedDocument([MEMBERSHIP]),
    }), 'seed.json');
    expect(seed.defaultAccountId).toBe('111122223333');
    expect(seed.accessKeys).toEqual(new Map([['AKIDX', '444455556666']]));
    expect(seed.collaborations).toEqual([{ collaborationIdentifier: COLLAB, name: 'c', members: [{ accountId: '123456789012', membershipIdentifier: MEMBERSHIP }] }]);
    expect(seed.resources).toHaveLength(5);
  });

  it('says what is wrong, and where', () => {
    const tm = trainedModelArn();
    expect(seedError('{')).toMatch(/^seed file seed.json: not valid JSON: /);
    expect(seedError([])).toBe('seed file seed.json: must be a JSON object');
    expect(seedError({ accounts: {} })).toBe('seed file seed.json: unknown member "accounts" (expected defaultAccountId, accessKeys, collaborations, resources)');
    expect(seedError({ defaultAccountId: '1' })).toBe('seed file seed.json: defaultAccountId must be a 12-digit account id');
    expect(seedError({ accessKeys: { A: 'x' } })).toBe('seed file seed.json: accessKeys.A must be a 12-digit account id');
    expect(seedError({ collaborations: [{ collaborationIdentifier: COLLAB, members: [{ accountId: '123456789012', membershipIdentifier: 'm' }] }] }))
      .toBe('seed file seed.json: collaborations[0].members[0].membershipIdentifier must be a membership id (a lower-case UUID)');
    expect(seedError({ collaborations: [
      { collaborationIdentifier: COLLAB, members: [{ accountId: '123456789012', membershipIdentifier: MEMBERSHIP }] },
      { collaborationIdentifier: COLLAB.replace('c0', 'd0'), members: [{ accountId: '123456789012', membershipIdentifier: MEMBERSHIP }] }] }))
      .toBe(`seed file seed.json: collaborations[1].members[0]: membership ${MEMBERSHIP} is declared twice`);
    expect(seedError({ resources: [{ arn: 'arn:aws:s3:::bucket' }] }))
      .toBe('seed file seed.json: resources[0]: arn:aws:s3:::bucket is not the ARN of a Clean Rooms ML resource that can be seeded');
    expect(seedError({ resources: [{ arn: tm, name: 'm' }] })).toBe('seed file seed.json: resources[0]: a trained model needs "configuredModelAlgorithmAssociationArn"');
    expect(seedError({ resources: [{ arn: tm, name: 'm', colour: 'red' }] })).toBe('seed file seed.json: resources[0]: "colour" is not a member of a trained model');
    const model = testSeedDocument([MEMBERSHIP]).resources[3];
    expect(seedError({ resources: [{ ...model, status: 'DONE' }] })).toMatch(/^seed file seed.json: resources\[0\]: status must be one of CREATE_PENDING, /);
    expect(seedError({ resources: [{ ...model, createTime: 'yesterday' }] })).toBe('seed file seed.json: resources[0]: createTime must be an ISO 8601 date and time');
    expect(seedError({
      collaborations: [{ collaborationIdentifier: COLLAB, members: [{ accountId: '444455556666', membershipIdentifier: MEMBERSHIP }] }],
      resources: [model],
    })).toBe(`seed file seed.json: resources[0]: membership ${MEMBERSHIP} belongs to account 444455556666`);
  });
});

describe('seeded resources', () => {
  it('exist from the start, with their status, time and tags; a state file takes them once', async () => {
    const doc = testSeedDocument([MEMBERSHIP]);
    Object.assign(doc.resources[3], { status: 'CREATE_IN_PROGRESS', createTime: '2026-02-01T00:00:00Z', tags: { origin: 'seed' } });
    const seed = parseSeed(JSON.stringify(doc), 'test');
    const stateFile = join(dir, 'state.json');
    const clock = new FakeClock();
    const a = await startEmulator({ port: 0, seed, stateFile, clock: clock.now });
    running.push(a);
    const get = (url: string) => invoke(url, 'GetTrainedModel', { membershipIdentifier: MEMBERSHIP, trainedModelArn: trainedModelArn() });
    const g = await get(a.url);
    expect([g.json.status, g.json.createTime, g.json.updateTime, g.json.tags])
      .toEqual(['CREATE_IN_PROGRESS', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', { origin: 'seed' }]);
    await invoke(a.url, 'TagResource', { resourceArn: trainedModelArn(), tags: { later: 'yes' } });
    await a.close();
    // Started again on the same state file and seed, the resource is the state file's (with its later tag).
    const b = await startEmulator({ port: 0, seed, stateFile, clock: clock.now });
    running.push(b);
    expect((await get(b.url)).json.tags).toEqual({ origin: 'seed', later: 'yes' });
  });

  it('declared memberships are their accounts\' own, and collaboration views are their members\'', async () => {
    const seed = parseSeed(JSON.stringify({
      accessKeys: { AKIDPARTNER: '444455556666', AKIDOUTSIDER: '777788889999' },
      collaborations: [{ collaborationIdentifier: COLLAB, members: [
        { accountId: '123456789012', membershipIdentifier: MEMBERSHIP }, { accountId: '444455556666', membershipIdentifier: OTHER_MEMBERSHIP }] }],
      ...testSeedDocument([MEMBERSHIP]),
    }), 'test');
    const e = await startEmulator({ port: 0, seed });
    running.push(e);
    const as = (accessKeyId: string) => ({ sign: { accessKeyId } });
    const partnerList = await invoke(e.url, 'ListCollaborationTrainedModels', { collaborationIdentifier: COLLAB }, as('AKIDPARTNER'));
    expect(partnerList.json.collaborationTrainedModels.map((t: { name: string }) => t.name)).toEqual(['tm-2', 'tm-1']);
    const outsider = await invoke(e.url, 'ListCollaborationTrainedModels', { collaborationIdentifier: COLLAB }, as('AKIDOUTSIDER'));
    expect([outsider.error, outsider.message]).toEqual(['AccessDeniedException', `Account 777788889999 is not a member of collaboration ${COLLAB}.`]);
    const throughOther = await invoke(e.url, 'ListTrainedModels', { membershipIdentifier: MEMBERSHIP }, as('AKIDPARTNER'));
    expect(throughOther.error).toBe('AccessDeniedException');
    // The partner runs inference, through its own membership, on the model the other member trained.
    const job = await invoke(e.url, 'StartTrainedModelInferenceJob', {
      membershipIdentifier: OTHER_MEMBERSHIP, name: 'partner-job', trainedModelArn: trainedModelArn(),
      resourceConfig: { instanceType: 'ml.m5.xlarge' }, outputConfiguration: { members: [{ accountId: '444455556666' }] },
      dataSource: { mlInputChannelArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/ml-input-channel/ch-1` },
    }, as('AKIDPARTNER'));
    expect(job.json.trainedModelInferenceJobArn).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:444455556666:membership/${OTHER_MEMBERSHIP}/`));
    const view = await invoke(e.url, 'ListCollaborationTrainedModelInferenceJobs', { collaborationIdentifier: COLLAB });
    expect(view.json.collaborationTrainedModelInferenceJobs.map((j: { creatorAccountId: string }) => j.creatorAccountId)).toEqual(['444455556666']);
  });
});
