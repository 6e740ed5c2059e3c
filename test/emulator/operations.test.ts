// Every operation of the service, one describe each: what it answers, and the errors it answers with
// (not found, validation, conflict, access denied), on an in-process emulator with a fake clock. The
// last test checks that all 59 operations were called here, each at least once with success and once
// with an error, and that every error an operation answered is one its model documents.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/emulator/seed';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server';
import { MODEL } from '../../src/model';
import { invoke, type Answer } from './client';
import { FakeClock, MEMBERSHIP, OTHER_MEMBERSHIP } from './helpers';

const M = MEMBERSHIP;
const M2 = OTHER_MEMBERSHIP;
const COLLAB = 'c0ffee00-0000-4000-8000-000000000000';
const ACCOUNT = '123456789012';
const PARTNER = '444455556666';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ml`;
const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/algo:1`;
const READY = 3000; // CREATE_PENDING 1 s + CREATE_IN_PROGRESS 2 s
const NO_SUCH = (kind: string, m = M) => `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:membership/${m}/${kind}/00000000-0000-4000-8000-000000000000`;
const NO_SUCH_ACCOUNT_LEVEL = (kind: string) => `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:${kind}/00000000-0000-4000-8000-000000000000`;

// ---- bookkeeping: which operations answered what ----

const succeeded = new Set<string>();
const failed = new Map<string, Set<string>>();
/** Errors of the protocol and of authentication, which no operation lists. */
const PROTOCOL_ERRORS = new Set(['SerializationException', 'UnknownOperationException']);

let e: Emulator;
let clock: FakeClock;

async function emu(opts: EmulatorOptions = {}): Promise<void> {
  await e?.close();
  clock = new FakeClock();
  e = await startEmulator({ port: 0, clock: clock.now, collaborations: { [M]: COLLAB, [M2]: COLLAB }, ...opts });
}

beforeEach(async () => {
  await emu();
});
afterEach(async () => {
  await e.close();
});

type Call = Answer & { op: string };

async function op(name: string, input: Record<string, unknown> = {}, opts: Parameters<typeof invoke>[3] = {}): Promise<Call> {
  return Object.assign(await invoke(e.url, name, input, opts), { op: name });
}

/** The call succeeded; returns its JSON. */
async function ok(p: Promise<Call>): Promise<any> {
  const r = await p;
  expect(r.error, `${r.op}: ${r.text}`).toBeUndefined();
  expect(r.status).toBe(200);
  succeeded.add(r.op);
  return r.json;
}

/** The call failed with `code` (and `message`, when given); records it against the operation. */
async function fails(p: Promise<Call>, code: string, message?: string | RegExp): Promise<Call> {
  const r = await p;
  expect(r.error, `${r.op}: ${r.text}`).toBe(code);
  const status = MODEL.shapes[code]?.error?.httpStatusCode;
  if (status) expect(r.status).toBe(status);
  if (typeof message === 'string') expect(r.message).toBe(message);
  else if (message) expect(r.message).toMatch(message);
  const codes = failed.get(r.op) ?? new Set<string>();
  codes.add(code);
  failed.set(r.op, codes);
  return r;
}

const as = (accessKeyId: string) => ({ sign: { accessKeyId } });

// ---- building blocks ----

async function algorithm(over: Record<string, unknown> = {}): Promise<string> {
  return (await ok(op('CreateConfiguredModelAlgorithm', {
    name: 'algo', roleArn: ROLE, trainingContainerConfig: { imageUri: IMAGE }, inferenceContainerConfig: { imageUri: IMAGE }, ...over,
  }))).configuredModelAlgorithmArn;
}

const EXPORTS_ALLOWED = { policies: { trainedModelExports: { maxSize: { unit: 'GB', value: 5 }, filesToExport: ['MODEL'] } } };

async function association(cma: string, m = M, over: Record<string, unknown> = {}): Promise<string> {
  return (await ok(op('CreateConfiguredModelAlgorithmAssociation', {
    membershipIdentifier: m, configuredModelAlgorithmArn: cma, name: 'assoc', privacyConfiguration: EXPORTS_ALLOWED, ...over,
  }))).configuredModelAlgorithmAssociationArn;
}

const INPUT_CHANNEL = {
  dataSource: { protectedQueryInputParameters: { sqlParameters: { queryString: 'SELECT * FROM t' } } }, roleArn: ROLE,
};

async function channel(cmaa: string, m = M, over: Record<string, unknown> = {}): Promise<string> {
  return (await ok(op('CreateMLInputChannel', {
    membershipIdentifier: m, configuredModelAlgorithmAssociations: [cmaa], inputChannel: INPUT_CHANNEL, name: 'chan',
    retentionInDays: 7, ...over,
  }))).mlInputChannelArn;
}

const trainedModelInput = (cmaa: string, ch: string, m = M, over: Record<string, unknown> = {}) => ({
  membershipIdentifier: m, name: 'model', configuredModelAlgorithmAssociationArn: cmaa,
  resourceConfig: { instanceType: 'ml.m5.xlarge', volumeSizeInGB: 10 }, dataChannels: [{ mlInputChannelArn: ch, channelName: 'train' }],
  ...over,
});

async function trainedModel(cmaa: string, ch: string, m = M, over: Record<string, unknown> = {}): Promise<any> {
  return ok(op('CreateTrainedModel', trainedModelInput(cmaa, ch, m, over)));
}

/** Algorithm, association, ACTIVE channel and ACTIVE trained model in membership M. */
async function customWorld(): Promise<{ cma: string; cmaa: string; ch: string; tm: string }> {
  const cma = await algorithm();
  const cmaa = await association(cma);
  const ch = await channel(cmaa);
  clock.advance(READY);
  const tm = (await trainedModel(cmaa, ch)).trainedModelArn as string;
  clock.advance(READY);
  return { cma, cmaa, ch, tm };
}

const inferenceInput = (tm: string, ch: string, over: Record<string, unknown> = {}) => ({
  membershipIdentifier: M, name: 'inference', trainedModelArn: tm, resourceConfig: { instanceType: 'ml.m5.xlarge' },
  outputConfiguration: { members: [{ accountId: ACCOUNT }] }, dataSource: { mlInputChannelArn: ch }, ...over,
});

const TRAINING_DATA = [{
  type: 'INTERACTIONS',
  inputConfig: {
    schema: [{ columnName: 'user_id', columnTypes: ['USER_ID'] }, { columnName: 'item_id', columnTypes: ['ITEM_ID'] }],
    dataSource: { glueDataSource: { tableName: 'purchases', databaseName: 'sales' } },
  },
}];

async function dataset(name = 'purchases', opts = {}): Promise<string> {
  return (await ok(op('CreateTrainingDataset', { name, roleArn: ROLE, trainingData: TRAINING_DATA }, opts))).trainingDatasetArn;
}

async function audienceModel(ds: string, name = 'am', opts = {}): Promise<string> {
  return (await ok(op('CreateAudienceModel', { name, trainingDatasetArn: ds }, opts))).audienceModelArn;
}

const OUTPUT_CONFIG = { destination: { s3Destination: { s3Uri: 's3://bucket/audiences/' } }, roleArn: ROLE };

async function configuredAudienceModel(am: string, over: Record<string, unknown> = {}, opts = {}): Promise<string> {
  return (await ok(op('CreateConfiguredAudienceModel', {
    name: 'cam', audienceModelArn: am, outputConfig: OUTPUT_CONFIG, sharedAudienceMetrics: ['ALL'],
    audienceSizeConfig: { audienceSizeType: 'ABSOLUTE', audienceSizeBins: [1000, 5000] }, ...over,
  }, opts))).configuredAudienceModelArn;
}

const SEED = { dataSource: { s3Uri: 's3://bucket/seed.jsonl' }, roleArn: ROLE };

async function generationJob(cam: string, over: Record<string, unknown> = {}, opts = {}): Promise<string> {
  return (await ok(op('StartAudienceGenerationJob', { name: 'gen', configuredAudienceModelArn: cam, seedAudience: SEED, ...over }, opts)))
    .audienceGenerationJobArn;
}

/** Dataset, ACTIVE audience model, configured audience model and ACTIVE generation job, in the default account. */
async function lookalikeWorld(): Promise<{ ds: string; am: string; cam: string; gen: string }> {
  const ds = await dataset();
  const am = await audienceModel(ds);
  clock.advance(READY);
  const cam = await configuredAudienceModel(am);
  const gen = await generationJob(cam);
  clock.advance(READY);
  return { ds, am, cam, gen };
}

// ---- configured model algorithms ----

describe('CreateConfiguredModelAlgorithm', () => {
  it('creates one in the caller\'s account and region', async () => {
    const arn = await algorithm({ tags: { team: 'ml' } });
    expect(arn).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:configured-model-algorithm/[0-9a-f-]{36}$`));
  });
  it('refuses an algorithm with no container, a taken name, and bad input', async () => {
    await fails(op('CreateConfiguredModelAlgorithm', { name: 'x', roleArn: ROLE }), 'ValidationException',
      'A configured model algorithm needs a trainingContainerConfig, an inferenceContainerConfig, or both.');
    const first = await algorithm();
    await fails(op('CreateConfiguredModelAlgorithm', { name: 'algo', roleArn: ROLE, trainingContainerConfig: { imageUri: IMAGE } }),
      'ConflictException', `A configured model algorithm named 'algo' already exists in account ${ACCOUNT} (${first}).`);
    await fails(op('CreateConfiguredModelAlgorithm', { name: 'y', roleArn: 'arn:aws:iam::1:role/x', trainingContainerConfig: { imageUri: IMAGE } }),
      'ValidationException', "1 validation error detected: Value 'arn:aws:iam::1:role/x' at 'roleArn' failed to satisfy constraint: "
        + 'Member must satisfy regular expression pattern: arn:aws[-a-z]*:iam::[0-9]{12}:role/.+');
  });
});

describe('GetConfiguredModelAlgorithm', () => {
  it('returns every member', async () => {
    const arn = await algorithm({ description: 'd', tags: { team: 'ml' } });
    const g = await ok(op('GetConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }));
    expect(g).toEqual({
      createTime: '2026-03-01T12:00:00.000Z', updateTime: '2026-03-01T12:00:00.000Z', configuredModelAlgorithmArn: arn, name: 'algo',
      trainingContainerConfig: { imageUri: IMAGE }, inferenceContainerConfig: { imageUri: IMAGE }, roleArn: ROLE, description: 'd',
      tags: { team: 'ml' },
    });
  });
  it('answers ResourceNotFoundException for an unknown one, or another account\'s', async () => {
    await fails(op('GetConfiguredModelAlgorithm', { configuredModelAlgorithmArn: NO_SUCH_ACCOUNT_LEVEL('configured-model-algorithm') }),
      'ResourceNotFoundException', `Configured model algorithm not found: ${NO_SUCH_ACCOUNT_LEVEL('configured-model-algorithm')}`);
    await emu({ seed: parseSeed(JSON.stringify({ accessKeys: { AKIDPARTNER: PARTNER } }), 'test') });
    const arn = await algorithm();
    await fails(op('GetConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }, as('AKIDPARTNER')), 'ResourceNotFoundException');
  });
});

describe('ListConfiguredModelAlgorithms', () => {
  it('pages newest first over more than one page', async () => {
    for (let i = 0; i < 5; i++) await algorithm({ name: `a${i}` });
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await ok(op('ListConfiguredModelAlgorithms', { maxResults: 2, nextToken: token }));
      names.push(...r.configuredModelAlgorithms.map((a: { name: string }) => a.name));
      expect(Object.keys(r.configuredModelAlgorithms[0]).sort()).toEqual(['configuredModelAlgorithmArn', 'createTime', 'name', 'updateTime']);
      token = r.nextToken;
      pages++;
    } while (token);
    expect([pages, names]).toEqual([3, ['a4', 'a3', 'a2', 'a1', 'a0']]);
  });
  it('refuses a made-up token and a page size out of range', async () => {
    await fails(op('ListConfiguredModelAlgorithms', { nextToken: 'nope' }), 'ValidationException', 'The nextToken is invalid or expired.');
    await fails(op('ListConfiguredModelAlgorithms', { maxResults: 0 }), 'ValidationException',
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });
});

describe('DeleteConfiguredModelAlgorithm', () => {
  it('deletes one that no association uses', async () => {
    const arn = await algorithm();
    await ok(op('DeleteConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }));
    await fails(op('GetConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }), 'ResourceNotFoundException');
  });
  it('refuses one that is associated (ConflictException), and an unknown one', async () => {
    const arn = await algorithm();
    const cmaa = await association(arn);
    await fails(op('DeleteConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }), 'ConflictException',
      `Configured model algorithm ${arn} is associated with membership ${M} (${cmaa}); delete the association first.`);
    await ok(op('DeleteConfiguredModelAlgorithmAssociation', { membershipIdentifier: M, configuredModelAlgorithmAssociationArn: cmaa }));
    await ok(op('DeleteConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }));
    await fails(op('DeleteConfiguredModelAlgorithm', { configuredModelAlgorithmArn: arn }), 'ResourceNotFoundException');
  });
});

// ---- associations ----

describe('CreateConfiguredModelAlgorithmAssociation', () => {
  it('associates an algorithm through a membership', async () => {
    const arn = await association(await algorithm());
    expect(arn).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:membership/${M}/configured-model-algorithm-association/`));
  });
  it('refuses an unknown algorithm, a taken name, and a membership of another account', async () => {
    await fails(op('CreateConfiguredModelAlgorithmAssociation', {
      membershipIdentifier: M, configuredModelAlgorithmArn: NO_SUCH_ACCOUNT_LEVEL('configured-model-algorithm'), name: 'a',
    }), 'ResourceNotFoundException', `Configured model algorithm not found: ${NO_SUCH_ACCOUNT_LEVEL('configured-model-algorithm')}`);
    const cma = await algorithm();
    await association(cma);
    await fails(op('CreateConfiguredModelAlgorithmAssociation', { membershipIdentifier: M, configuredModelAlgorithmArn: cma, name: 'assoc' }),
      'ConflictException', new RegExp(`^A configured model algorithm association named 'assoc' already exists in membership ${M} `));
    await emu({ seed: parseSeed(JSON.stringify({ collaborations: [{ collaborationIdentifier: COLLAB, members: [
      { accountId: ACCOUNT, membershipIdentifier: M }, { accountId: PARTNER, membershipIdentifier: M2 }] }] }), 'test') });
    const mine = await algorithm();
    await fails(op('CreateConfiguredModelAlgorithmAssociation', { membershipIdentifier: M2, configuredModelAlgorithmArn: mine, name: 'a' }),
      'AccessDeniedException', `Account ${ACCOUNT} is not authorized to act through membership ${M2}, which belongs to another account.`);
  });
});

describe('GetConfiguredModelAlgorithmAssociation', () => {
  it('returns the association in its membership, with its collaboration', async () => {
    const cma = await algorithm();
    const arn = await association(cma, M, { tags: { a: 'b' } });
    const g = await ok(op('GetConfiguredModelAlgorithmAssociation', { membershipIdentifier: M, configuredModelAlgorithmAssociationArn: arn }));
    expect(g).toEqual({
      createTime: '2026-03-01T12:00:00.000Z', updateTime: '2026-03-01T12:00:00.000Z', configuredModelAlgorithmAssociationArn: arn,
      membershipIdentifier: M, collaborationIdentifier: COLLAB, configuredModelAlgorithmArn: cma, name: 'assoc',
      privacyConfiguration: EXPORTS_ALLOWED, tags: { a: 'b' },
    });
  });
  it('answers ResourceNotFoundException through another membership', async () => {
    const arn = await association(await algorithm());
    await fails(op('GetConfiguredModelAlgorithmAssociation', { membershipIdentifier: M2, configuredModelAlgorithmAssociationArn: arn }),
      'ResourceNotFoundException', `Configured model algorithm association not found: ${arn}`);
  });
});

describe('ListConfiguredModelAlgorithmAssociations', () => {
  it('lists the membership\'s associations only', async () => {
    const cma = await algorithm();
    await association(cma, M, { name: 'mine' });
    await association(cma, M2, { name: 'theirs' });
    const r = await ok(op('ListConfiguredModelAlgorithmAssociations', { membershipIdentifier: M }));
    expect(r.configuredModelAlgorithmAssociations.map((a: { name: string }) => a.name)).toEqual(['mine']);
  });
  it('validates the membership id', async () => {
    await fails(op('ListConfiguredModelAlgorithmAssociations', { membershipIdentifier: 'm' }), 'ValidationException', /at 'membershipIdentifier'/);
  });
});

describe('DeleteConfiguredModelAlgorithmAssociation', () => {
  it('refuses while a channel uses it, and deletes it otherwise', async () => {
    const cma = await algorithm();
    const cmaa = await association(cma);
    const ch = await channel(cmaa);
    await fails(op('DeleteConfiguredModelAlgorithmAssociation', { membershipIdentifier: M, configuredModelAlgorithmAssociationArn: cmaa }),
      'ConflictException', `Configured model algorithm association ${cmaa} is in use by ${ch}.`);
    const other = await association(cma, M, { name: 'unused' });
    await ok(op('DeleteConfiguredModelAlgorithmAssociation', { membershipIdentifier: M, configuredModelAlgorithmAssociationArn: other }));
    await fails(op('DeleteConfiguredModelAlgorithmAssociation', { membershipIdentifier: M, configuredModelAlgorithmAssociationArn: other }),
      'ResourceNotFoundException');
  });
});

describe('GetCollaborationConfiguredModelAlgorithmAssociation', () => {
  it('shows any member\'s association to the collaboration, with its creator', async () => {
    const arn = await association(await algorithm(), M2);
    const g = await ok(op('GetCollaborationConfiguredModelAlgorithmAssociation', {
      collaborationIdentifier: COLLAB, configuredModelAlgorithmAssociationArn: arn,
    }));
    expect([g.membershipIdentifier, g.collaborationIdentifier, g.creatorAccountId, g.tags]).toEqual([M2, COLLAB, ACCOUNT, undefined]);
  });
  it('answers ResourceNotFoundException in another collaboration, AccessDeniedException to a non-member', async () => {
    const arn = await association(await algorithm());
    const other = 'deadbeef-0000-4000-8000-000000000000';
    await fails(op('GetCollaborationConfiguredModelAlgorithmAssociation', { collaborationIdentifier: other, configuredModelAlgorithmAssociationArn: arn }),
      'ResourceNotFoundException');
    await emu({ seed: parseSeed(JSON.stringify({ accessKeys: { AKIDPARTNER: PARTNER },
      collaborations: [{ collaborationIdentifier: COLLAB, members: [{ accountId: ACCOUNT, membershipIdentifier: M }] }] }), 'test') });
    await fails(op('GetCollaborationConfiguredModelAlgorithmAssociation', { collaborationIdentifier: COLLAB, configuredModelAlgorithmAssociationArn: arn },
      as('AKIDPARTNER')), 'AccessDeniedException', `Account ${PARTNER} is not a member of collaboration ${COLLAB}.`);
  });
});

describe('ListCollaborationConfiguredModelAlgorithmAssociations', () => {
  it('lists every member\'s associations', async () => {
    const cma = await algorithm();
    await association(cma, M, { name: 'a' });
    await association(cma, M2, { name: 'b' });
    const r = await ok(op('ListCollaborationConfiguredModelAlgorithmAssociations', { collaborationIdentifier: COLLAB }));
    expect(r.collaborationConfiguredModelAlgorithmAssociations.map((a: { name: string; membershipIdentifier: string }) =>
      [a.name, a.membershipIdentifier])).toEqual([['b', M2], ['a', M]]);
  });
  it('validates the collaboration id', async () => {
    await fails(op('ListCollaborationConfiguredModelAlgorithmAssociations', { collaborationIdentifier: 'C0FFEE00-0000-4000-8000-000000000000' }),
      'ValidationException', /Member must satisfy regular expression pattern/);
  });
});

// ---- ML input channels ----

describe('CreateMLInputChannel', () => {
  it('creates a channel that becomes ACTIVE', async () => {
    const ch = await channel(await association(await algorithm()));
    expect(ch).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:membership/${M}/ml-input-channel/`));
  });
  it('refuses an unknown association, a taken name, and a data source with no member set', async () => {
    const missing = NO_SUCH('configured-model-algorithm-association');
    await fails(op('CreateMLInputChannel', { membershipIdentifier: M, configuredModelAlgorithmAssociations: [missing], inputChannel: INPUT_CHANNEL,
      name: 'c', retentionInDays: 1 }), 'ResourceNotFoundException', `Configured model algorithm association not found: ${missing}`);
    const cmaa = await association(await algorithm());
    await channel(cmaa);
    await fails(op('CreateMLInputChannel', { membershipIdentifier: M, configuredModelAlgorithmAssociations: [cmaa], inputChannel: INPUT_CHANNEL,
      name: 'chan', retentionInDays: 1 }), 'ConflictException');
    await fails(op('CreateMLInputChannel', { membershipIdentifier: M, configuredModelAlgorithmAssociations: [cmaa],
      inputChannel: { dataSource: {}, roleArn: ROLE }, name: 'c2', retentionInDays: 31 }), 'ValidationException',
    "2 validation errors detected: Value '{}' at 'inputChannel.dataSource' failed to satisfy constraint: Member must have exactly one member set; "
      + "Value '31' at 'retentionInDays' failed to satisfy constraint: Member must have value less than or equal to 30");
  });
});

describe('GetMLInputChannel', () => {
  it('moves CREATE_PENDING → CREATE_IN_PROGRESS → ACTIVE', async () => {
    const ch = await channel(await association(await algorithm()));
    const status = async () => (await ok(op('GetMLInputChannel', { membershipIdentifier: M, mlInputChannelArn: ch }))).status;
    expect(await status()).toBe('CREATE_PENDING');
    clock.advance(1000);
    expect(await status()).toBe('CREATE_IN_PROGRESS');
    clock.advance(2000);
    const g = await ok(op('GetMLInputChannel', { membershipIdentifier: M, mlInputChannelArn: ch }));
    expect([g.status, g.updateTime, g.retentionInDays, g.inputChannel]).toEqual(['ACTIVE', '2026-03-01T12:00:03.000Z', 7, INPUT_CHANNEL]);
    expect(g.protectedQueryIdentifier).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetMLInputChannel', { membershipIdentifier: M, mlInputChannelArn: NO_SUCH('ml-input-channel') }), 'ResourceNotFoundException');
  });
});

describe('ListMLInputChannels', () => {
  it('lists summaries', async () => {
    const cmaa = await association(await algorithm());
    const ch = await channel(cmaa);
    const r = await ok(op('ListMLInputChannels', { membershipIdentifier: M }));
    expect(r.mlInputChannelsList).toEqual([expect.objectContaining({
      mlInputChannelArn: ch, name: 'chan', status: 'CREATE_PENDING', configuredModelAlgorithmAssociations: [cmaa], collaborationIdentifier: COLLAB,
    })]);
    expect(r.mlInputChannelsList[0].inputChannel).toBeUndefined();
  });
  it('validates maxResults', async () => {
    await fails(op('ListMLInputChannels', { membershipIdentifier: M, maxResults: 101 }), 'ValidationException');
  });
});

describe('DeleteMLInputChannelData', () => {
  it('moves an ACTIVE channel through DELETE_PENDING and DELETE_IN_PROGRESS to INACTIVE', async () => {
    const ch = await channel(await association(await algorithm()));
    await fails(op('DeleteMLInputChannelData', { membershipIdentifier: M, mlInputChannelArn: ch }), 'ConflictException',
      `ML input channel ${ch} is in status CREATE_PENDING and cannot be deleted.`);
    clock.advance(READY);
    await ok(op('DeleteMLInputChannelData', { membershipIdentifier: M, mlInputChannelArn: ch }));
    const status = async () => (await ok(op('GetMLInputChannel', { membershipIdentifier: M, mlInputChannelArn: ch }))).status;
    expect(await status()).toBe('DELETE_PENDING');
    await fails(op('DeleteMLInputChannelData', { membershipIdentifier: M, mlInputChannelArn: ch }), 'ConflictException');
    clock.advance(500);
    expect(await status()).toBe('DELETE_IN_PROGRESS');
    clock.advance(500);
    expect(await status()).toBe('INACTIVE');
    await fails(op('DeleteMLInputChannelData', { membershipIdentifier: M, mlInputChannelArn: ch }), 'ConflictException');
  });
  it('refuses while a model trains on it, and an unknown channel', async () => {
    const { cmaa, ch } = await customWorld();
    await trainedModel(cmaa, ch, M, { name: 'second' });
    await fails(op('DeleteMLInputChannelData', { membershipIdentifier: M, mlInputChannelArn: ch }), 'ConflictException',
      /^ML input channel .* is being used to train /);
    await fails(op('DeleteMLInputChannelData', { membershipIdentifier: M, mlInputChannelArn: NO_SUCH('ml-input-channel') }), 'ResourceNotFoundException');
  });
});

describe('GetCollaborationMLInputChannel', () => {
  it('shows a member\'s channel without its query', async () => {
    const ch = await channel(await association(await algorithm()));
    const g = await ok(op('GetCollaborationMLInputChannel', { collaborationIdentifier: COLLAB, mlInputChannelArn: ch }));
    expect([g.membershipIdentifier, g.creatorAccountId, g.inputChannel]).toEqual([M, ACCOUNT, undefined]);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetCollaborationMLInputChannel', { collaborationIdentifier: COLLAB, mlInputChannelArn: NO_SUCH('ml-input-channel') }),
      'ResourceNotFoundException');
  });
});

describe('ListCollaborationMLInputChannels', () => {
  it('lists every member\'s channels', async () => {
    const cma = await algorithm();
    await channel(await association(cma, M), M, { name: 'a' });
    await channel(await association(cma, M2), M2, { name: 'b' });
    const r = await ok(op('ListCollaborationMLInputChannels', { collaborationIdentifier: COLLAB }));
    expect(r.collaborationMLInputChannelsList.map((c: { name: string }) => c.name)).toEqual(['b', 'a']);
  });
  it('refuses a made-up token', async () => {
    await fails(op('ListCollaborationMLInputChannels', { collaborationIdentifier: COLLAB, nextToken: 'x' }), 'ValidationException');
  });
});

// ---- trained models ----

describe('CreateTrainedModel', () => {
  it('trains a model (no version identifier for the first version)', async () => {
    const { tm } = await customWorld();
    expect(tm).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:membership/${M}/trained-model/`));
  });
  it('refuses what it cannot train on', async () => {
    const cma = await algorithm();
    const cmaa = await association(cma);
    const ch = await channel(cmaa);
    await fails(op('CreateTrainedModel', trainedModelInput(cmaa, ch)), 'ValidationException',
      `ML input channel ${ch} is in status CREATE_PENDING; training needs it ACTIVE.`);
    clock.advance(READY);
    await fails(op('CreateTrainedModel', trainedModelInput(NO_SUCH('configured-model-algorithm-association'), ch)), 'ResourceNotFoundException');
    await fails(op('CreateTrainedModel', trainedModelInput(cmaa, NO_SUCH('ml-input-channel'))), 'ResourceNotFoundException',
      `ML input channel not found: ${NO_SUCH('ml-input-channel')}`);
    const other = await association(cma, M, { name: 'other' });
    await fails(op('CreateTrainedModel', trainedModelInput(other, ch)), 'ValidationException',
      `ML input channel ${ch} was not created for configured model algorithm association ${other}.`);
    await fails(op('CreateTrainedModel', trainedModelInput(cmaa, ch, M, { dataChannels: [
      { mlInputChannelArn: ch, channelName: 'x' }, { mlInputChannelArn: ch, channelName: 'x' }] })), 'ValidationException',
    "Channel names must be unique within a trained model: 'x' is used twice.");
    const inferenceOnly = await association(await algorithm({ name: 'infer-only', trainingContainerConfig: undefined }), M, { name: 'io' });
    await fails(op('CreateTrainedModel', trainedModelInput(inferenceOnly, ch)), 'ValidationException', /has no trainingContainerConfig/);
    await trainedModel(cmaa, ch);
    await fails(op('CreateTrainedModel', trainedModelInput(cmaa, ch)), 'ConflictException',
      new RegExp(`^A trained model named 'model' already exists in membership ${M} `));
  });
  it('adds a version when it trains incrementally under the base model\'s name', async () => {
    const { cmaa, ch, tm } = await customWorld();
    const v = await trainedModel(cmaa, ch, M, { incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'base' }] });
    expect(v.trainedModelArn).toBe(tm);
    expect(v.versionIdentifier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The newest version is the base of the next incremental training: it must be ACTIVE.
    await fails(op('CreateTrainedModel', trainedModelInput(cmaa, ch, M, { name: 'derived',
      incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'base' }] })), 'ValidationException',
    `Trained model ${tm} (version ${v.versionIdentifier}) is in status CREATE_PENDING; incremental training needs it ACTIVE.`);
    clock.advance(READY);
    // Another name trains a new model from the base.
    const other = await trainedModel(cmaa, ch, M, { name: 'derived', incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'base' }] });
    expect(other.trainedModelArn).not.toBe(tm);
    expect(other.versionIdentifier).toBeUndefined();
    const g = await ok(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: other.trainedModelArn }));
    expect(g.incrementalTrainingDataChannels).toEqual([{ channelName: 'base', versionIdentifier: v.versionIdentifier, modelName: 'model' }]);
  });
});

describe('GetTrainedModel', () => {
  it('returns the newest version, or the one named', async () => {
    const { cmaa, ch, tm } = await customWorld();
    const base = await ok(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }));
    expect(base).toEqual({
      membershipIdentifier: M, collaborationIdentifier: COLLAB, trainedModelArn: tm, name: 'model', status: 'ACTIVE',
      configuredModelAlgorithmAssociationArn: cmaa, resourceConfig: { instanceType: 'ml.m5.xlarge', volumeSizeInGB: 10 },
      createTime: '2026-03-01T12:00:03.000Z', updateTime: '2026-03-01T12:00:06.000Z', dataChannels: [{ mlInputChannelArn: ch, channelName: 'train' }],
    });
    const { versionIdentifier } = await trainedModel(cmaa, ch, M, { incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'base' }] });
    const latest = await ok(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }));
    expect([latest.versionIdentifier, latest.status]).toEqual([versionIdentifier, 'CREATE_PENDING']);
    expect(latest.incrementalTrainingDataChannels).toEqual([{ channelName: 'base', modelName: 'model' }]);
    const first = await ok(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: tm, versionIdentifier }));
    expect(first.versionIdentifier).toBe(versionIdentifier);
  });
  it('answers ResourceNotFoundException for an unknown model or version', async () => {
    const { tm } = await customWorld();
    const v = '00000000-0000-4000-8000-000000000009';
    await fails(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: tm, versionIdentifier: v }), 'ResourceNotFoundException',
      `Trained model not found: ${tm} (version ${v})`);
    await fails(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: NO_SUCH('trained-model') }), 'ResourceNotFoundException');
  });
});

describe('ListTrainedModels', () => {
  it('lists each model once, at its newest version', async () => {
    const { cmaa, ch, tm } = await customWorld();
    const { versionIdentifier } = await trainedModel(cmaa, ch, M, { incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'b' }] });
    const r = await ok(op('ListTrainedModels', { membershipIdentifier: M }));
    expect(r.trainedModels.map((t: { trainedModelArn: string; versionIdentifier: string }) => [t.trainedModelArn, t.versionIdentifier]))
      .toEqual([[tm, versionIdentifier]]);
  });
  it('validates maxResults', async () => {
    await fails(op('ListTrainedModels', { membershipIdentifier: M, maxResults: 1000 }), 'ValidationException');
  });
});

describe('ListTrainedModelVersions', () => {
  it('lists every version, filtered by status', async () => {
    const { cmaa, ch, tm } = await customWorld();
    const { versionIdentifier } = await trainedModel(cmaa, ch, M, { incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'b' }] });
    const all = await ok(op('ListTrainedModelVersions', { membershipIdentifier: M, trainedModelArn: tm }));
    expect(all.trainedModels.map((t: { versionIdentifier?: string; status: string }) => [t.versionIdentifier, t.status]))
      .toEqual([[versionIdentifier, 'CREATE_PENDING'], [undefined, 'ACTIVE']]);
    const active = await ok(op('ListTrainedModelVersions', { membershipIdentifier: M, trainedModelArn: tm, status: 'ACTIVE' }));
    expect(active.trainedModels).toHaveLength(1);
  });
  it('answers ResourceNotFoundException for an unknown model, ValidationException for an unknown status', async () => {
    await fails(op('ListTrainedModelVersions', { membershipIdentifier: M, trainedModelArn: NO_SUCH('trained-model') }), 'ResourceNotFoundException');
    await fails(op('ListTrainedModelVersions', { membershipIdentifier: M, trainedModelArn: NO_SUCH('trained-model'), status: 'DONE' }),
      'ValidationException', /Member must satisfy enum value set: \[CREATE_PENDING, /);
  });
});

describe('CancelTrainedModel', () => {
  it('cancels a model in training: CANCEL_PENDING → CANCEL_IN_PROGRESS → INACTIVE', async () => {
    const { cmaa, ch } = await customWorld();
    const { trainedModelArn: tm } = await trainedModel(cmaa, ch, M, { name: 'again' });
    clock.advance(1500);
    await ok(op('CancelTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }));
    const status = async () => (await ok(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }))).status;
    expect(await status()).toBe('CANCEL_PENDING');
    clock.advance(500);
    expect(await status()).toBe('CANCEL_IN_PROGRESS');
    clock.advance(500);
    expect(await status()).toBe('INACTIVE');
    await fails(op('CancelTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }), 'ConflictException',
      `Trained model ${tm} is in status INACTIVE and cannot be cancelled.`);
  });
  it('refuses a trained (ACTIVE) model and an unknown one', async () => {
    const { tm } = await customWorld();
    await fails(op('CancelTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }), 'ConflictException');
    await fails(op('CancelTrainedModel', { membershipIdentifier: M, trainedModelArn: NO_SUCH('trained-model') }), 'ResourceNotFoundException');
  });
});

describe('DeleteTrainedModelOutput', () => {
  it('deletes a model\'s artifacts: DELETE_PENDING → DELETE_IN_PROGRESS → INACTIVE', async () => {
    const { tm } = await customWorld();
    await ok(op('DeleteTrainedModelOutput', { membershipIdentifier: M, trainedModelArn: tm }));
    const status = async () => (await ok(op('GetTrainedModel', { membershipIdentifier: M, trainedModelArn: tm }))).status;
    expect(await status()).toBe('DELETE_PENDING');
    clock.advance(500);
    expect(await status()).toBe('DELETE_IN_PROGRESS');
    clock.advance(500);
    expect(await status()).toBe('INACTIVE');
  });
  it('refuses while training or inference runs, and an unknown model', async () => {
    const { cmaa, ch, tm } = await customWorld();
    const { trainedModelArn: training } = await trainedModel(cmaa, ch, M, { name: 'training' });
    await fails(op('DeleteTrainedModelOutput', { membershipIdentifier: M, trainedModelArn: training }), 'ConflictException',
      `Trained model ${training} is in status CREATE_PENDING and cannot be deleted.`);
    const job = (await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)))).trainedModelInferenceJobArn;
    await fails(op('DeleteTrainedModelOutput', { membershipIdentifier: M, trainedModelArn: tm }), 'ConflictException',
      `Trained model ${tm} is in use by a running trained model inference job (${job}).`);
    await fails(op('DeleteTrainedModelOutput', { membershipIdentifier: M, trainedModelArn: NO_SUCH('trained-model') }), 'ResourceNotFoundException');
  });
});

describe('GetCollaborationTrainedModel', () => {
  it('shows a member\'s model to the collaboration', async () => {
    const { tm } = await customWorld();
    const g = await ok(op('GetCollaborationTrainedModel', { collaborationIdentifier: COLLAB, trainedModelArn: tm }));
    expect([g.name, g.creatorAccountId, g.dataChannels]).toEqual(['model', ACCOUNT, undefined]);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetCollaborationTrainedModel', { collaborationIdentifier: COLLAB, trainedModelArn: NO_SUCH('trained-model') }),
      'ResourceNotFoundException');
  });
});

describe('ListCollaborationTrainedModels', () => {
  it('lists the collaboration\'s models', async () => {
    const { tm } = await customWorld();
    const r = await ok(op('ListCollaborationTrainedModels', { collaborationIdentifier: COLLAB }));
    expect(r.collaborationTrainedModels.map((t: { trainedModelArn: string }) => t.trainedModelArn)).toEqual([tm]);
  });
  it('validates the collaboration id', async () => {
    await fails(op('ListCollaborationTrainedModels', { collaborationIdentifier: 'x' }), 'ValidationException');
  });
});

// ---- trained model export jobs ----

describe('StartTrainedModelExportJob', () => {
  const exportInput = (tm: string, over: Record<string, unknown> = {}) => ({
    membershipIdentifier: M2, trainedModelArn: tm, name: 'export', outputConfiguration: { members: [{ accountId: ACCOUNT }] }, ...over,
  });
  it('exports an ACTIVE model to a member of the collaboration', async () => {
    const { tm } = await customWorld();
    const r = await op('StartTrainedModelExportJob', exportInput(tm));
    expect([r.status, r.text]).toEqual([200, '']);
    succeeded.add(r.op);
  });
  it('refuses what the model or its association do not allow, a taken name, an unknown model', async () => {
    const { cma, tm } = await customWorld();
    await ok(op('StartTrainedModelExportJob', exportInput(tm)));
    await fails(op('StartTrainedModelExportJob', exportInput(tm)), 'ConflictException',
      `A trained model export job named 'export' already exists in trained model ${tm}.`);
    const closed = await association(cma, M, { name: 'closed', privacyConfiguration: undefined });
    const ch2 = await channel(closed, M, { name: 'ch2' });
    clock.advance(READY);
    const { trainedModelArn: tm2 } = await trainedModel(closed, ch2, M, { name: 'm2' });
    await fails(op('StartTrainedModelExportJob', exportInput(tm2)), 'ValidationException', /in status CREATE_PENDING; an export needs it ACTIVE/);
    clock.advance(READY);
    await fails(op('StartTrainedModelExportJob', exportInput(tm2)), 'ValidationException',
      `The privacy configuration of configured model algorithm association ${closed} does not allow trained model exports.`);
    await fails(op('StartTrainedModelExportJob', exportInput(NO_SUCH('trained-model'))), 'ResourceNotFoundException');
  });
});

describe('ListCollaborationTrainedModelExportJobs', () => {
  it('lists a model\'s export jobs, filtered by version', async () => {
    const { tm } = await customWorld();
    await ok(op('StartTrainedModelExportJob', { membershipIdentifier: M2, trainedModelArn: tm, name: 'e1', outputConfiguration: { members: [{ accountId: ACCOUNT }] } }));
    const r = await ok(op('ListCollaborationTrainedModelExportJobs', { collaborationIdentifier: COLLAB, trainedModelArn: tm }));
    expect(r.collaborationTrainedModelExportJobs).toEqual([{
      createTime: '2026-03-01T12:00:06.000Z', updateTime: '2026-03-01T12:00:06.000Z', name: 'e1',
      outputConfiguration: { members: [{ accountId: ACCOUNT }] }, status: 'CREATE_PENDING', creatorAccountId: ACCOUNT, trainedModelArn: tm,
      membershipIdentifier: M2, collaborationIdentifier: COLLAB,
    }]);
    const none = await ok(op('ListCollaborationTrainedModelExportJobs', { collaborationIdentifier: COLLAB, trainedModelArn: tm,
      trainedModelVersionIdentifier: '00000000-0000-4000-8000-000000000001' }));
    expect(none.collaborationTrainedModelExportJobs).toEqual([]);
  });
  it('validates the trained model ARN', async () => {
    await fails(op('ListCollaborationTrainedModelExportJobs', { collaborationIdentifier: COLLAB, trainedModelArn: 'arn:aws:s3:::b/trained-model/x' }),
      'ValidationException');
  });
});

// ---- trained model inference jobs ----

describe('StartTrainedModelInferenceJob', () => {
  it('starts a job on an ACTIVE model and channel', async () => {
    const { tm, ch } = await customWorld();
    const r = await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)));
    expect(r.trainedModelInferenceJobArn).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:membership/${M}/trained-model-inference-job/`));
  });
  it('refuses unknown or unready references, an algorithm without inference, and a taken name', async () => {
    const { cmaa, ch, tm } = await customWorld();
    await fails(op('StartTrainedModelInferenceJob', inferenceInput(NO_SUCH('trained-model'), ch)), 'ResourceNotFoundException');
    await fails(op('StartTrainedModelInferenceJob', inferenceInput(tm, NO_SUCH('ml-input-channel'))), 'ResourceNotFoundException');
    await fails(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch, {
      configuredModelAlgorithmAssociationArn: NO_SUCH('configured-model-algorithm-association') })), 'ResourceNotFoundException');
    const { trainedModelArn: training } = await trainedModel(cmaa, ch, M, { name: 'training' });
    await fails(op('StartTrainedModelInferenceJob', inferenceInput(training, ch)), 'ValidationException',
      `Trained model ${training} is in status CREATE_PENDING; inference needs it ACTIVE.`);
    const trainOnly = await algorithm({ name: 'train-only', inferenceContainerConfig: undefined });
    const toAssoc = await association(trainOnly, M, { name: 'to' });
    const toChannel = await channel(toAssoc, M, { name: 'toc' });
    clock.advance(READY);
    const { trainedModelArn: toModel } = await trainedModel(toAssoc, toChannel, M, { name: 'tom' });
    clock.advance(READY);
    await fails(op('StartTrainedModelInferenceJob', inferenceInput(toModel, ch)), 'ValidationException', /has no inferenceContainerConfig/);
    await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)));
    await fails(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)), 'ConflictException');
  });
});

describe('StartTrainedModelInferenceJob on a model with versions', () => {
  it('runs the newest version when none is named, and records which', async () => {
    const { cmaa, ch, tm } = await customWorld();
    const { versionIdentifier } = await trainedModel(cmaa, ch, M, { incrementalTrainingDataChannels: [{ trainedModelArn: tm, channelName: 'b' }] });
    clock.advance(READY);
    const arn = (await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)))).trainedModelInferenceJobArn;
    const g = await ok(op('GetTrainedModelInferenceJob', { membershipIdentifier: M, trainedModelInferenceJobArn: arn }));
    expect(g.trainedModelVersionIdentifier).toBe(versionIdentifier);
    const listed = await ok(op('ListTrainedModelInferenceJobs', { membershipIdentifier: M, trainedModelVersionIdentifier: versionIdentifier }));
    expect(listed.trainedModelInferenceJobs).toHaveLength(1);
  });
});

describe('GetTrainedModelInferenceJob', () => {
  it('returns the job', async () => {
    const { tm, ch } = await customWorld();
    const arn = (await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)))).trainedModelInferenceJobArn;
    const g = await ok(op('GetTrainedModelInferenceJob', { membershipIdentifier: M, trainedModelInferenceJobArn: arn }));
    expect([g.status, g.trainedModelArn, g.name]).toEqual(['CREATE_PENDING', tm, 'inference']);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetTrainedModelInferenceJob', { membershipIdentifier: M, trainedModelInferenceJobArn: NO_SUCH('trained-model-inference-job') }),
      'ResourceNotFoundException');
  });
});

describe('ListTrainedModelInferenceJobs', () => {
  it('filters by trained model', async () => {
    const { tm, ch } = await customWorld();
    await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)));
    const r = await ok(op('ListTrainedModelInferenceJobs', { membershipIdentifier: M, trainedModelArn: tm }));
    expect(r.trainedModelInferenceJobs).toHaveLength(1);
    const none = await ok(op('ListTrainedModelInferenceJobs', { membershipIdentifier: M, trainedModelArn: NO_SUCH('trained-model') }));
    expect(none.trainedModelInferenceJobs).toEqual([]);
  });
  it('validates the version identifier', async () => {
    await fails(op('ListTrainedModelInferenceJobs', { membershipIdentifier: M, trainedModelVersionIdentifier: 'v1' }), 'ValidationException');
  });
});

describe('CancelTrainedModelInferenceJob', () => {
  it('cancels, then refuses a second cancel', async () => {
    const { tm, ch } = await customWorld();
    const arn = (await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)))).trainedModelInferenceJobArn;
    await ok(op('CancelTrainedModelInferenceJob', { membershipIdentifier: M, trainedModelInferenceJobArn: arn }));
    await fails(op('CancelTrainedModelInferenceJob', { membershipIdentifier: M, trainedModelInferenceJobArn: arn }), 'ConflictException',
      `Trained model inference job ${arn} is in status CANCEL_PENDING and cannot be cancelled.`);
    await fails(op('CancelTrainedModelInferenceJob', { membershipIdentifier: M, trainedModelInferenceJobArn: NO_SUCH('trained-model-inference-job') }),
      'ResourceNotFoundException');
  });
});

describe('ListCollaborationTrainedModelInferenceJobs', () => {
  it('lists the collaboration\'s jobs', async () => {
    const { tm, ch } = await customWorld();
    await ok(op('StartTrainedModelInferenceJob', inferenceInput(tm, ch)));
    const r = await ok(op('ListCollaborationTrainedModelInferenceJobs', { collaborationIdentifier: COLLAB }));
    expect(r.collaborationTrainedModelInferenceJobs[0].creatorAccountId).toBe(ACCOUNT);
  });
  it('validates the collaboration id', async () => {
    await fails(op('ListCollaborationTrainedModelInferenceJobs', { collaborationIdentifier: '' }), 'UnknownOperationException');
    await fails(op('ListCollaborationTrainedModelInferenceJobs', { collaborationIdentifier: 'not-a-uuid' }), 'ValidationException');
  });
});

// ---- ML configuration ----

describe('PutMLConfiguration', () => {
  const location = (bucket: string) => ({ destination: { s3Destination: { s3Uri: `s3://${bucket}/` } }, roleArn: ROLE });
  it('creates, then replaces the membership\'s configuration', async () => {
    const r = await op('PutMLConfiguration', { membershipIdentifier: M, defaultOutputLocation: location('a') });
    expect([r.status, r.text]).toEqual([200, '']);
    succeeded.add(r.op);
    clock.advance(1000);
    await op('PutMLConfiguration', { membershipIdentifier: M, defaultOutputLocation: location('b') });
    expect(await ok(op('GetMLConfiguration', { membershipIdentifier: M }))).toEqual({
      membershipIdentifier: M, defaultOutputLocation: location('b'),
      createTime: '2026-03-01T12:00:00.000Z', updateTime: '2026-03-01T12:00:01.000Z',
    });
  });
  it('validates the location', async () => {
    await fails(op('PutMLConfiguration', { membershipIdentifier: M, defaultOutputLocation: {} }), 'ValidationException',
      "1 validation error detected: Value null at 'defaultOutputLocation.roleArn' failed to satisfy constraint: Member must not be null");
  });
});

describe('GetMLConfiguration', () => {
  it('answers ResourceNotFoundException when none was put', async () => {
    await fails(op('GetMLConfiguration', { membershipIdentifier: M }), 'ResourceNotFoundException', `No ML configuration for membership ${M}.`);
  });
});

describe('DeleteMLConfiguration', () => {
  it('deletes it once', async () => {
    await op('PutMLConfiguration', { membershipIdentifier: M, defaultOutputLocation: { roleArn: ROLE } });
    await ok(op('DeleteMLConfiguration', { membershipIdentifier: M }));
    await fails(op('DeleteMLConfiguration', { membershipIdentifier: M }), 'ResourceNotFoundException');
  });
});

// ---- training datasets ----

describe('CreateTrainingDataset', () => {
  it('creates an ACTIVE dataset', async () => {
    const ds = await dataset();
    expect(ds).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:training-dataset/[0-9a-f-]{36}$`));
  });
  it('refuses a taken name and a bad column type', async () => {
    await dataset();
    await fails(op('CreateTrainingDataset', { name: 'purchases', roleArn: ROLE, trainingData: TRAINING_DATA }), 'ConflictException');
    const bad = [{ ...TRAINING_DATA[0], inputConfig: { ...TRAINING_DATA[0].inputConfig, schema: [{ columnName: 'u', columnTypes: ['USER'] }] } }];
    await fails(op('CreateTrainingDataset', { name: 'x', roleArn: ROLE, trainingData: bad }), 'ValidationException',
      /at 'trainingData.1.member.inputConfig.schema.1.member.columnTypes' failed to satisfy constraint: Member must satisfy constraint: \[Member must satisfy enum value set: \[USER_ID, /);
  });
});

describe('GetTrainingDataset', () => {
  it('returns it ACTIVE', async () => {
    const ds = await dataset();
    const g = await ok(op('GetTrainingDataset', { trainingDatasetArn: ds }));
    expect([g.status, g.trainingData, g.roleArn]).toEqual(['ACTIVE', TRAINING_DATA, ROLE]);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetTrainingDataset', { trainingDatasetArn: NO_SUCH_ACCOUNT_LEVEL('training-dataset') }), 'ResourceNotFoundException');
  });
});

describe('ListTrainingDatasets', () => {
  it('lists them', async () => {
    await dataset('a');
    await dataset('b');
    const r = await ok(op('ListTrainingDatasets', { maxResults: 1 }));
    expect([r.trainingDatasets.map((d: { name: string }) => d.name), typeof r.nextToken]).toEqual([['b'], 'string']);
  });
  it('refuses a made-up token', async () => {
    await fails(op('ListTrainingDatasets', { nextToken: 'eyJ2IjoyfQ' }), 'ValidationException');
  });
});

describe('DeleteTrainingDataset', () => {
  it('refuses while an audience model uses it, then deletes it', async () => {
    const ds = await dataset();
    const am = await audienceModel(ds);
    await fails(op('DeleteTrainingDataset', { trainingDatasetArn: ds }), 'ConflictException', `Training dataset ${ds} is used by audience model ${am}.`);
    clock.advance(READY);
    await ok(op('DeleteAudienceModel', { audienceModelArn: am }));
    clock.advance(1000);
    await ok(op('DeleteTrainingDataset', { trainingDatasetArn: ds }));
    await fails(op('DeleteTrainingDataset', { trainingDatasetArn: ds }), 'ResourceNotFoundException');
  });
});

// ---- audience models ----

describe('CreateAudienceModel', () => {
  it('creates a model from a dataset', async () => {
    const am = await audienceModel(await dataset());
    expect(am).toMatch(/:audience-model\/[0-9a-f-]{36}$/);
  });
  it('refuses an unknown dataset, an empty training window and a taken name', async () => {
    await fails(op('CreateAudienceModel', { name: 'x', trainingDatasetArn: NO_SUCH_ACCOUNT_LEVEL('training-dataset') }), 'ResourceNotFoundException',
      `Training dataset not found: ${NO_SUCH_ACCOUNT_LEVEL('training-dataset')}`);
    const ds = await dataset();
    await fails(op('CreateAudienceModel', { name: 'x', trainingDatasetArn: ds, trainingDataStartTime: '2026-02-01T00:00:00Z',
      trainingDataEndTime: '2026-01-01T00:00:00Z' }), 'ValidationException', 'trainingDataStartTime must be earlier than trainingDataEndTime.');
    await audienceModel(ds, 'x');
    await fails(op('CreateAudienceModel', { name: 'x', trainingDatasetArn: ds }), 'ConflictException');
  });
});

describe('GetAudienceModel', () => {
  it('moves to ACTIVE and returns its training window in ISO 8601', async () => {
    const ds = await dataset();
    const am = (await ok(op('CreateAudienceModel', { name: 'w', trainingDatasetArn: ds, trainingDataStartTime: 1767225600,
      trainingDataEndTime: '2026-02-01T00:00:00Z' }))).audienceModelArn;
    clock.advance(READY);
    const g = await ok(op('GetAudienceModel', { audienceModelArn: am }));
    expect([g.status, g.trainingDataStartTime, g.trainingDataEndTime, g.trainingDatasetArn])
      .toEqual(['ACTIVE', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', ds]);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetAudienceModel', { audienceModelArn: NO_SUCH_ACCOUNT_LEVEL('audience-model') }), 'ResourceNotFoundException');
  });
});

describe('ListAudienceModels', () => {
  it('lists them', async () => {
    await audienceModel(await dataset());
    expect((await ok(op('ListAudienceModels'))).audienceModels).toHaveLength(1);
  });
  it('validates maxResults', async () => {
    await fails(op('ListAudienceModels', { maxResults: -1 }), 'ValidationException');
  });
});

describe('DeleteAudienceModel', () => {
  it('deletes through DELETE_PENDING and DELETE_IN_PROGRESS until it is gone', async () => {
    const am = await audienceModel(await dataset());
    await fails(op('DeleteAudienceModel', { audienceModelArn: am }), 'ConflictException', `Audience model ${am} is in status CREATE_PENDING and cannot be deleted.`);
    clock.advance(READY);
    await ok(op('DeleteAudienceModel', { audienceModelArn: am }));
    expect((await ok(op('GetAudienceModel', { audienceModelArn: am }))).status).toBe('DELETE_PENDING');
    clock.advance(500);
    expect((await ok(op('GetAudienceModel', { audienceModelArn: am }))).status).toBe('DELETE_IN_PROGRESS');
    clock.advance(500);
    await fails(op('GetAudienceModel', { audienceModelArn: am }), 'ResourceNotFoundException');
    await fails(op('DeleteAudienceModel', { audienceModelArn: am }), 'ResourceNotFoundException');
  });
  it('refuses while a configured audience model uses it', async () => {
    const { am, cam } = await lookalikeWorld();
    await fails(op('DeleteAudienceModel', { audienceModelArn: am }), 'ConflictException', `Audience model ${am} is used by configured audience model ${cam}.`);
  });
});

// ---- configured audience models ----

describe('CreateConfiguredAudienceModel', () => {
  it('configures an ACTIVE audience model', async () => {
    const { cam } = await lookalikeWorld();
    expect(cam).toMatch(/:configured-audience-model\/[0-9a-f-]{36}$/);
  });
  it('refuses an unknown or unready model, a percentage above 100, a taken name', async () => {
    await fails(op('CreateConfiguredAudienceModel', { name: 'c', audienceModelArn: NO_SUCH_ACCOUNT_LEVEL('audience-model'), outputConfig: OUTPUT_CONFIG,
      sharedAudienceMetrics: ['NONE'] }), 'ResourceNotFoundException');
    const am = await audienceModel(await dataset());
    await fails(op('CreateConfiguredAudienceModel', { name: 'c', audienceModelArn: am, outputConfig: OUTPUT_CONFIG, sharedAudienceMetrics: ['NONE'] }),
      'ValidationException', `Audience model ${am} is in status CREATE_PENDING; a configured audience model needs it ACTIVE.`);
    clock.advance(READY);
    await fails(op('CreateConfiguredAudienceModel', { name: 'c', audienceModelArn: am, outputConfig: OUTPUT_CONFIG, sharedAudienceMetrics: ['NONE'],
      audienceSizeConfig: { audienceSizeType: 'PERCENTAGE', audienceSizeBins: [10, 120] } }), 'ValidationException', 'A PERCENTAGE audience size is at most 100, not 120.');
    await configuredAudienceModel(am);
    await fails(op('CreateConfiguredAudienceModel', { name: 'cam', audienceModelArn: am, outputConfig: OUTPUT_CONFIG, sharedAudienceMetrics: ['NONE'] }),
      'ConflictException');
  });
});

describe('GetConfiguredAudienceModel', () => {
  it('returns it ACTIVE', async () => {
    const { am, cam } = await lookalikeWorld();
    const g = await ok(op('GetConfiguredAudienceModel', { configuredAudienceModelArn: cam }));
    expect(g).toEqual({
      createTime: '2026-03-01T12:00:03.000Z', updateTime: '2026-03-01T12:00:03.000Z', configuredAudienceModelArn: cam, name: 'cam',
      audienceModelArn: am, outputConfig: OUTPUT_CONFIG, status: 'ACTIVE', sharedAudienceMetrics: ['ALL'],
      audienceSizeConfig: { audienceSizeType: 'ABSOLUTE', audienceSizeBins: [1000, 5000] },
    });
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetConfiguredAudienceModel', { configuredAudienceModelArn: NO_SUCH_ACCOUNT_LEVEL('configured-audience-model') }),
      'ResourceNotFoundException');
  });
});

describe('ListConfiguredAudienceModels', () => {
  it('lists them', async () => {
    const { cam } = await lookalikeWorld();
    const r = await ok(op('ListConfiguredAudienceModels'));
    expect(r.configuredAudienceModels.map((c: { configuredAudienceModelArn: string }) => c.configuredAudienceModelArn)).toEqual([cam]);
  });
  it('validates maxResults', async () => {
    await fails(op('ListConfiguredAudienceModels', { maxResults: 200 }), 'ValidationException');
  });
});

describe('UpdateConfiguredAudienceModel', () => {
  it('changes the members given, and its updateTime', async () => {
    const { cam } = await lookalikeWorld();
    clock.advance(1000);
    const r = await ok(op('UpdateConfiguredAudienceModel', { configuredAudienceModelArn: cam, description: 'new', minMatchingSeedSize: 100 }));
    expect(r).toEqual({ configuredAudienceModelArn: cam });
    const g = await ok(op('GetConfiguredAudienceModel', { configuredAudienceModelArn: cam }));
    expect([g.description, g.minMatchingSeedSize, g.updateTime, g.name]).toEqual(['new', 100, '2026-03-01T12:00:07.000Z', 'cam']);
  });
  it('refuses an unknown model or audience model, and another account', async () => {
    await fails(op('UpdateConfiguredAudienceModel', { configuredAudienceModelArn: NO_SUCH_ACCOUNT_LEVEL('configured-audience-model') }),
      'ResourceNotFoundException');
    const { cam } = await lookalikeWorld();
    await fails(op('UpdateConfiguredAudienceModel', { configuredAudienceModelArn: cam, audienceModelArn: NO_SUCH_ACCOUNT_LEVEL('audience-model') }),
      'ResourceNotFoundException');
    await fails(op('UpdateConfiguredAudienceModel', { configuredAudienceModelArn: cam, minMatchingSeedSize: 1 }), 'ValidationException');
  });
});

describe('DeleteConfiguredAudienceModel', () => {
  it('refuses while a generation job uses it, then deletes it', async () => {
    const { cam, gen } = await lookalikeWorld();
    await fails(op('DeleteConfiguredAudienceModel', { configuredAudienceModelArn: cam }), 'ConflictException',
      `Configured audience model ${cam} is used by audience generation job ${gen}.`);
    await ok(op('DeleteAudienceGenerationJob', { audienceGenerationJobArn: gen }));
    clock.advance(1000);
    await ok(op('DeleteConfiguredAudienceModel', { configuredAudienceModelArn: cam }));
    await fails(op('DeleteConfiguredAudienceModel', { configuredAudienceModelArn: cam }), 'ResourceNotFoundException');
  });
});

describe('PutConfiguredAudienceModelPolicy', () => {
  const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'cleanrooms-ml:*', Resource: '*' }] });
  it('puts a policy and returns its hash; a later put may require the previous hash', async () => {
    const { cam } = await lookalikeWorld();
    const r = await ok(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: POLICY,
      policyExistenceCondition: 'POLICY_MUST_NOT_EXIST' }));
    expect(r.configuredAudienceModelPolicy).toBe(POLICY);
    expect(r.policyHash).toMatch(/^[0-9a-f]{64}$/);
    const next = POLICY.replace('cleanrooms-ml:*', 'cleanrooms-ml:Get*');
    await fails(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: next,
      previousPolicyHash: 'a'.repeat(64) }), 'ValidationException', 'previousPolicyHash does not match the hash of the current policy.');
    await ok(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: next,
      previousPolicyHash: r.policyHash, policyExistenceCondition: 'POLICY_MUST_EXIST' }));
  });
  it('refuses a policy that is not JSON, unmet existence conditions, an unknown model', async () => {
    const { cam } = await lookalikeWorld();
    await fails(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: 'allow all' }),
      'ValidationException', 'The configured audience model policy is not a valid JSON policy document.');
    await fails(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: POLICY,
      policyExistenceCondition: 'POLICY_MUST_EXIST' }), 'ValidationException', /has no policy, and policyExistenceCondition is POLICY_MUST_EXIST\.$/);
    await ok(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: POLICY }));
    await fails(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: POLICY,
      policyExistenceCondition: 'POLICY_MUST_NOT_EXIST' }), 'ValidationException', /has a policy, and policyExistenceCondition is POLICY_MUST_NOT_EXIST\.$/);
    await fails(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: NO_SUCH_ACCOUNT_LEVEL('configured-audience-model'),
      configuredAudienceModelPolicy: POLICY }), 'ResourceNotFoundException');
  });
});

describe('GetConfiguredAudienceModelPolicy', () => {
  it('returns the policy and its hash; ResourceNotFoundException when there is none', async () => {
    const { cam } = await lookalikeWorld();
    await fails(op('GetConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam }), 'ResourceNotFoundException',
      `Configured audience model ${cam} has no policy.`);
    const put = await ok(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: '{}' }));
    expect(await ok(op('GetConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam }))).toEqual({
      configuredAudienceModelArn: cam, configuredAudienceModelPolicy: '{}', policyHash: put.policyHash,
    });
  });
});

describe('DeleteConfiguredAudienceModelPolicy', () => {
  it('deletes the policy once', async () => {
    const { cam } = await lookalikeWorld();
    await ok(op('PutConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam, configuredAudienceModelPolicy: '{}' }));
    await ok(op('DeleteConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam }));
    await fails(op('DeleteConfiguredAudienceModelPolicy', { configuredAudienceModelArn: cam }), 'ResourceNotFoundException');
  });
});

// ---- audience generation and export jobs ----

describe('StartAudienceGenerationJob', () => {
  it('starts a job; with FROM_PARENT_RESOURCE the job takes the model\'s tags under its own', async () => {
    const ds = await dataset();
    const am = await audienceModel(ds);
    clock.advance(READY);
    const cam = await configuredAudienceModel(am, { childResourceTagOnCreatePolicy: 'FROM_PARENT_RESOURCE', tags: { team: 'ads', env: 'prod' } });
    const gen = await generationJob(cam, { tags: { env: 'dev' } });
    expect((await ok(op('ListTagsForResource', { resourceArn: gen }))).tags).toEqual({ team: 'ads', env: 'dev' });
  });
  it('refuses an unknown model, a seed with no source or two, a query seed outside a collaboration, a taken name', async () => {
    await fails(op('StartAudienceGenerationJob', { name: 'g', configuredAudienceModelArn: NO_SUCH_ACCOUNT_LEVEL('configured-audience-model'),
      seedAudience: SEED }), 'ResourceNotFoundException');
    const { cam } = await lookalikeWorld();
    await fails(op('StartAudienceGenerationJob', { name: 'g', configuredAudienceModelArn: cam, seedAudience: { roleArn: ROLE } }),
      'ValidationException', 'seedAudience needs exactly one of dataSource and sqlParameters.');
    await fails(op('StartAudienceGenerationJob', { name: 'g', configuredAudienceModelArn: cam,
      seedAudience: { roleArn: ROLE, sqlParameters: { queryString: 'SELECT 1' } } }), 'ValidationException',
    'A seed audience from sqlParameters runs a protected query: it needs a collaborationId.');
    await fails(op('StartAudienceGenerationJob', { name: 'gen', configuredAudienceModelArn: cam, seedAudience: SEED }), 'ConflictException');
  });
});

describe('GetAudienceGenerationJob', () => {
  it('returns the job to its starter, and without the seed to the model\'s owner', async () => {
    const seed = parseSeed(JSON.stringify({ accessKeys: { AKIDPARTNER: PARTNER },
      collaborations: [{ collaborationIdentifier: COLLAB, members: [{ accountId: ACCOUNT, membershipIdentifier: M }, { accountId: PARTNER, membershipIdentifier: M2 }] }] }), 'test');
    await emu({ seed });
    const { cam } = await lookalikeWorld();
    const gen = await generationJob(cam, { name: 'partner', collaborationId: COLLAB, includeSeedInOutput: true }, as('AKIDPARTNER'));
    expect(gen).toMatch(new RegExp(`^arn:aws:cleanrooms-ml:us-east-1:${PARTNER}:audience-generation-job/`));
    const starter = await ok(op('GetAudienceGenerationJob', { audienceGenerationJobArn: gen }, as('AKIDPARTNER')));
    expect([starter.startedBy, starter.collaborationId, starter.seedAudience, starter.includeSeedInOutput]).toEqual([PARTNER, COLLAB, SEED, true]);
    const owner = await ok(op('GetAudienceGenerationJob', { audienceGenerationJobArn: gen }));
    expect([owner.startedBy, owner.seedAudience, owner.status]).toEqual([PARTNER, undefined, 'CREATE_PENDING']);
    // Only its starter deletes it, or exports its audience.
    clock.advance(READY);
    await fails(op('DeleteAudienceGenerationJob', { audienceGenerationJobArn: gen }), 'AccessDeniedException');
    await fails(op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'ABSOLUTE', value: 1000 } }),
      'AccessDeniedException', `Account ${ACCOUNT} is not authorized to export the audience of ${gen}, which account ${PARTNER} generated.`);
    const exported = await op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'ABSOLUTE', value: 1000 } },
      as('AKIDPARTNER'));
    expect(exported.status).toBe(200);
  });
  it('answers ResourceNotFoundException', async () => {
    await fails(op('GetAudienceGenerationJob', { audienceGenerationJobArn: NO_SUCH_ACCOUNT_LEVEL('audience-generation-job') }), 'ResourceNotFoundException');
  });
});

describe('ListAudienceGenerationJobs', () => {
  it('filters by configured audience model and collaboration', async () => {
    const { cam, gen } = await lookalikeWorld();
    const r = await ok(op('ListAudienceGenerationJobs', { configuredAudienceModelArn: cam }));
    expect(r.audienceGenerationJobs.map((j: { audienceGenerationJobArn: string }) => j.audienceGenerationJobArn)).toEqual([gen]);
    expect((await ok(op('ListAudienceGenerationJobs', { collaborationId: COLLAB }))).audienceGenerationJobs).toEqual([]);
  });
  it('validates the collaboration id', async () => {
    await fails(op('ListAudienceGenerationJobs', { collaborationId: 'c' }), 'ValidationException');
  });
});

describe('DeleteAudienceGenerationJob', () => {
  it('refuses while it runs, then deletes it through DELETE_PENDING until gone', async () => {
    const ds = await dataset();
    const am = await audienceModel(ds);
    clock.advance(READY);
    const gen = await generationJob(await configuredAudienceModel(am));
    await fails(op('DeleteAudienceGenerationJob', { audienceGenerationJobArn: gen }), 'ConflictException');
    clock.advance(READY);
    await ok(op('DeleteAudienceGenerationJob', { audienceGenerationJobArn: gen }));
    expect((await ok(op('GetAudienceGenerationJob', { audienceGenerationJobArn: gen }))).status).toBe('DELETE_PENDING');
    clock.advance(1000);
    await fails(op('DeleteAudienceGenerationJob', { audienceGenerationJobArn: gen }), 'ResourceNotFoundException');
  });
});

describe('StartAudienceExportJob', () => {
  it('exports an audience of a configured size', async () => {
    const { gen } = await lookalikeWorld();
    const r = await op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'ABSOLUTE', value: 5000 } });
    expect([r.status, r.text]).toEqual([200, '']);
    succeeded.add(r.op);
  });
  it('refuses an unknown or running job, a size not configured, a taken name', async () => {
    await fails(op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: NO_SUCH_ACCOUNT_LEVEL('audience-generation-job'),
      audienceSize: { type: 'ABSOLUTE', value: 5000 } }), 'ResourceNotFoundException');
    const { cam, gen } = await lookalikeWorld();
    await fails(op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'PERCENTAGE', value: 10 } }),
      'ValidationException', `Audience size PERCENTAGE 10 is not one of the sizes configured in ${cam}: ABSOLUTE [1000, 5000].`);
    const running = await generationJob(cam, { name: 'running' });
    await fails(op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: running, audienceSize: { type: 'ABSOLUTE', value: 1000 } }),
      'ValidationException', /is in status CREATE_PENDING; an export needs it ACTIVE\.$/);
    await op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'ABSOLUTE', value: 1000 } });
    await fails(op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'ABSOLUTE', value: 1000 } }),
      'ConflictException', `An audience export job named 'x' already exists in audience generation job ${gen}.`);
  });
});

describe('ListAudienceExportJobs', () => {
  it('lists the exports of a job, with where they go', async () => {
    const { gen } = await lookalikeWorld();
    await op('StartAudienceExportJob', { name: 'x', audienceGenerationJobArn: gen, audienceSize: { type: 'ABSOLUTE', value: 5000 } });
    clock.advance(READY);
    const r = await ok(op('ListAudienceExportJobs', { audienceGenerationJobArn: gen }));
    expect(r.audienceExportJobs).toEqual([{
      createTime: '2026-03-01T12:00:06.000Z', updateTime: '2026-03-01T12:00:09.000Z', name: 'x', audienceGenerationJobArn: gen,
      audienceSize: { type: 'ABSOLUTE', value: 5000 }, status: 'ACTIVE', outputLocation: `s3://bucket/audiences/${gen.split('/').pop()}/x/`,
    }]);
  });
  it('validates the generation job ARN', async () => {
    await fails(op('ListAudienceExportJobs', { audienceGenerationJobArn: 'arn:aws:s3:::x' }), 'ValidationException');
  });
});

// ---- tags ----

describe('TagResource', () => {
  it('tags any taggable resource; keys named like JavaScript built-ins are keys like others', async () => {
    const ds = await dataset();
    const r = await ok(op('TagResource', { resourceArn: ds, tags: JSON.parse('{"__proto__": "p", "constructor": "c", "toString": "t"}') }));
    expect(r).toEqual({});
    const t = await op('ListTagsForResource', { resourceArn: ds });
    expect(t.text).toBe('{"tags":{"__proto__":"p","constructor":"c","toString":"t"}}');
    const g = await op('GetTrainingDataset', { trainingDatasetArn: ds });
    expect(g.text).toContain('"tags":{"__proto__":"p","constructor":"c","toString":"t"}');
  });
  it('refuses aws: keys, more than 50 tags, an unknown resource', async () => {
    const ds = await dataset();
    await fails(op('TagResource', { resourceArn: ds, tags: { 'AWS:x': 'y' } }), 'ValidationException', "Tag keys starting with 'aws:' are reserved for AWS use: AWS:x");
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await fails(op('TagResource', { resourceArn: ds, tags: many }), 'ValidationException', 'A resource can have at most 50 tags; this request would give it 51.');
    await fails(op('TagResource', { resourceArn: NO_SUCH_ACCOUNT_LEVEL('training-dataset'), tags: { a: 'b' } }), 'ResourceNotFoundException',
      `Training dataset not found: ${NO_SUCH_ACCOUNT_LEVEL('training-dataset')}`);
  });
});

describe('UntagResource', () => {
  it('removes keys, __proto__ included', async () => {
    const ds = await dataset();
    await op('TagResource', { resourceArn: ds, tags: JSON.parse('{"__proto__": "p", "a": "b"}') });
    await ok(op('UntagResource', { resourceArn: ds, tagKeys: ['__proto__', 'absent'] }));
    expect((await op('ListTagsForResource', { resourceArn: ds })).text).toBe('{"tags":{"a":"b"}}');
  });
  it('refuses aws: keys and an unknown resource', async () => {
    const ds = await dataset();
    await fails(op('UntagResource', { resourceArn: ds, tagKeys: ['aws:cloudformation:stack'] }), 'ValidationException');
    await fails(op('UntagResource', { resourceArn: NO_SUCH('trained-model'), tagKeys: ['a'] }), 'ResourceNotFoundException');
  });
});

describe('ListTagsForResource', () => {
  it('lists the tags given at creation', async () => {
    const cma = await algorithm({ tags: { team: 'ml' } });
    expect(await ok(op('ListTagsForResource', { resourceArn: cma }))).toEqual({ tags: { team: 'ml' } });
  });
  it('answers ResourceNotFoundException for another account\'s resource, ValidationException for an ARN it cannot tag', async () => {
    await emu({ seed: parseSeed(JSON.stringify({ accessKeys: { AKIDPARTNER: PARTNER } }), 'test') });
    const cma = await algorithm();
    await fails(op('ListTagsForResource', { resourceArn: cma }, as('AKIDPARTNER')), 'ResourceNotFoundException');
    await fails(op('ListTagsForResource', { resourceArn: `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:audience-export-job/x` }), 'ValidationException');
  });
});

// ---- the whole service ----

describe('coverage', () => {
  it('called every operation with success and with an error, each error one the operation documents', () => {
    const all = Object.keys(MODEL.operations).sort();
    expect(all).toHaveLength(59);
    expect([...succeeded].sort()).toEqual(all);
    expect([...failed.keys()].sort()).toEqual(all);
    for (const [name, codes] of failed) {
      const documented = new Set((MODEL.operations[name].errors ?? []).map((x) => x.shape));
      for (const code of codes) {
        expect(documented.has(code) || PROTOCOL_ERRORS.has(code), `${name} answered ${code}`).toBe(true);
      }
    }
  });
});
