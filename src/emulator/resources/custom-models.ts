// Custom models: configured model algorithms (account), their associations with a membership, ML input
// channels, trained models (with versions), trained model export jobs and inference jobs, and the ML
// configuration of a membership. What each checks of the resources it names, and what depends on it.
//
// Trained model versions: a create that names an existing, unfinished trained model of the same
// membership with the same name, and trains incrementally from that model, adds a version to it (same ARN,
// a new versionIdentifier); the first version has no identifier (the service's "NULL"). Gets take the
// newest version unless one is named; cancel and delete-trained-model-output take the first unless one is.
import { randomUUID } from 'node:crypto';
import { serviceError } from '../errors';
import type { Json, JsonObject } from '../input';
import type { ResourceRecord } from '../store';
import { inUse, isLive, liveOfKind, lookup, requireActive, statusOf, validation } from './engine';
import { defineKind, type Ctx, type Handler } from './kind';

const RUNNING: ReadonlySet<string> = new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS']);

function collaborationOfInput(input: JsonObject, ctx: Ctx): { collaboration: string } {
  return { collaboration: ctx.tenancy.collaborationOf(input.membershipIdentifier as string) };
}

function running(r: ResourceRecord, ctx: Ctx): boolean {
  const s = statusOf(r, ctx.now)?.status;
  return isLive(r, ctx.now) && s !== undefined && RUNNING.has(s);
}

/** The configured model algorithm behind an association, if it still exists. */
function algorithmOf(association: ResourceRecord, ctx: Ctx): ResourceRecord | undefined {
  const arn = association.fields.configuredModelAlgorithmArn as string;
  return ctx.store.byArn(arn).find((r) => r.kind === ALGORITHM.type && isLive(r, ctx.now));
}

function associationOf(model: ResourceRecord, ctx: Ctx): ResourceRecord | undefined {
  const arn = model.fields.configuredModelAlgorithmAssociationArn as string;
  return ctx.store.byArn(arn).find((r) => r.kind === ASSOCIATION.type && isLive(r, ctx.now));
}

export const ALGORITHM = defineKind({
  type: 'configured-model-algorithm',
  label: 'Configured model algorithm',
  arnMember: 'configuredModelAlgorithmArn',
  scope: 'account',
  taggable: true,
  lifecycle: 'none',
  deletion: 'remove',
  prepare(input) {
    if (input.trainingContainerConfig === undefined && input.inferenceContainerConfig === undefined) {
      validation('A configured model algorithm needs a trainingContainerConfig, an inferenceContainerConfig, or both.');
    }
  },
  dependents(r, ctx) {
    const a = liveOfKind(ctx, ASSOCIATION.type).find((x) => x.fields.configuredModelAlgorithmArn === r.arn);
    return a && `Configured model algorithm ${r.arn} is associated with membership ${a.membershipIdentifier} (${a.arn}); delete the association first.`;
  },
});

export const ASSOCIATION = defineKind({
  type: 'configured-model-algorithm-association',
  label: 'Configured model algorithm association',
  arnMember: 'configuredModelAlgorithmAssociationArn',
  scope: 'membership',
  taggable: true,
  lifecycle: 'none',
  deletion: 'remove',
  prepare(input, ctx) {
    lookup(ctx, ALGORITHM, input.configuredModelAlgorithmArn as string, { account: true });
  },
  dependents(r, ctx) {
    const user = [...liveOfKind(ctx, CHANNEL.type), ...liveOfKind(ctx, TRAINED_MODEL.type)].find((x) => inUse(x, ctx.now)
      && (x.fields.configuredModelAlgorithmAssociationArn === r.arn
        || (x.fields.configuredModelAlgorithmAssociations as Json[] | undefined)?.includes(r.arn!)));
    return user && `Configured model algorithm association ${r.arn} is in use by ${user.arn}.`;
  },
});

export const CHANNEL = defineKind({
  type: 'ml-input-channel',
  label: 'ML input channel',
  arnMember: 'mlInputChannelArn',
  scope: 'membership',
  taggable: true,
  lifecycle: 'create',
  deletion: 'INACTIVE',
  deletable: new Set(['ACTIVE', 'CREATE_FAILED']),
  prepare(input, ctx, draft) {
    for (const arn of input.configuredModelAlgorithmAssociations as string[]) {
      lookup(ctx, ASSOCIATION, arn, collaborationOfInput(input, ctx));
    }
    // The protected query that fills the channel.
    draft.fields.protectedQueryIdentifier = randomUUID();
  },
  dependents(r, ctx) {
    const m = liveOfKind(ctx, TRAINED_MODEL.type).find((x) => running(x, ctx)
      && (x.fields.dataChannels as JsonObject[]).some((c) => c.mlInputChannelArn === r.arn));
    return m && `ML input channel ${r.arn} is being used to train ${m.arn}.`;
  },
});

export const TRAINED_MODEL = defineKind({
  type: 'trained-model',
  label: 'Trained model',
  arnMember: 'trainedModelArn',
  scope: 'membership',
  taggable: true,
  lifecycle: 'create',
  cancellable: RUNNING,
  deletion: 'INACTIVE',
  deletable: new Set(['ACTIVE', 'CREATE_FAILED']),
  prepare(input, ctx, draft) {
    const where = collaborationOfInput(input, ctx);
    const cmaaArn = input.configuredModelAlgorithmAssociationArn as string;
    const association = lookup(ctx, ASSOCIATION, cmaaArn, where);
    const algorithm = algorithmOf(association, ctx);
    if (algorithm && algorithm.fields.trainingContainerConfig === undefined) {
      validation(`Configured model algorithm ${algorithm.arn} has no trainingContainerConfig: it cannot train a model.`);
    }
    const channels = input.dataChannels as JsonObject[];
    const incremental = (input.incrementalTrainingDataChannels ?? []) as JsonObject[];
    if (channels.length + incremental.length > 20) {
      validation(`A trained model takes at most 20 channels (dataChannels and incrementalTrainingDataChannels); this request has ${channels.length + incremental.length}.`);
    }
    const names = new Set<string>();
    for (const c of [...channels, ...incremental]) {
      const n = c.channelName as string;
      if (names.has(n)) validation(`Channel names must be unique within a trained model: '${n}' is used twice.`);
      names.add(n);
    }
    for (const c of channels) {
      const channel = lookup(ctx, CHANNEL, c.mlInputChannelArn as string, where);
      requireActive(ctx, channel, 'training');
      if (!(channel.fields.configuredModelAlgorithmAssociations as Json[]).includes(cmaaArn)) {
        validation(`ML input channel ${channel.arn} was not created for configured model algorithm association ${cmaaArn}.`);
      }
    }
    const name = input.name as string;
    delete draft.fields.incrementalTrainingDataChannels;
    if (incremental.length) {
      const out: JsonObject[] = [];
      for (const c of incremental) {
        const base = lookup(ctx, TRAINED_MODEL, c.trainedModelArn as string, where,
          typeof c.versionIdentifier === 'string' ? c.versionIdentifier : 'latest');
        requireActive(ctx, base, 'incremental training');
        const o: JsonObject = { channelName: c.channelName, modelName: base.fields.name as string };
        if (base.version !== undefined) o.versionIdentifier = base.version;
        out.push(o);
        // Training again under the base model's own name, in its membership, makes a new version of it.
        if (base.fields.name === name && base.membershipIdentifier === draft.membershipIdentifier) {
          draft.arn = base.arn;
          draft.version = randomUUID();
        }
      }
      draft.fields.incrementalTrainingDataChannels = out;
    }
  },
  dependents(r, ctx) {
    const sameVersion = (x: ResourceRecord, member: string, versionMember: string) => x.fields[member] === r.arn
      && (x.fields[versionMember] === undefined || x.fields[versionMember] === r.version);
    const user = [...liveOfKind(ctx, INFERENCE_JOB.type), ...liveOfKind(ctx, EXPORT_JOB.type)]
      .find((x) => running(x, ctx) && sameVersion(x, 'trainedModelArn', 'trainedModelVersionIdentifier'));
    return user && `Trained model ${r.arn} is in use by a running ${user.kind.replace(/-/g, ' ')} (${user.arn ?? user.fields.name}).`;
  },
});

export const EXPORT_JOB = defineKind({
  type: 'trained-model-export-job',
  label: 'Trained model export job',
  scope: 'membership',
  taggable: false,
  lifecycle: 'create',
  nameScope: (fields, _m, _a, region) => ({
    key: `${region}/${fields.trainedModelArn as string}`, where: `trained model ${fields.trainedModelArn as string}`,
  }),
  prepare(input, ctx, draft) {
    const model = lookup(ctx, TRAINED_MODEL, input.trainedModelArn as string, collaborationOfInput(input, ctx),
      typeof input.trainedModelVersionIdentifier === 'string' ? input.trainedModelVersionIdentifier : 'latest');
    requireActive(ctx, model, 'an export');
    // The version it exports (the newest when none is named; the first version has no identifier).
    if (model.version !== undefined) draft.fields.trainedModelVersionIdentifier = model.version;
    const association = associationOf(model, ctx);
    const policies = (association?.fields.privacyConfiguration as JsonObject | undefined)?.policies as JsonObject | undefined;
    if (association && policies?.trainedModelExports === undefined) {
      validation(`The privacy configuration of configured model algorithm association ${association.arn} does not allow trained model exports.`);
    }
  },
});

export const INFERENCE_JOB = defineKind({
  type: 'trained-model-inference-job',
  label: 'Trained model inference job',
  arnMember: 'trainedModelInferenceJobArn',
  scope: 'membership',
  taggable: true,
  lifecycle: 'create',
  cancellable: new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']),
  prepare(input, ctx, draft) {
    const where = collaborationOfInput(input, ctx);
    const model = lookup(ctx, TRAINED_MODEL, input.trainedModelArn as string, where,
      typeof input.trainedModelVersionIdentifier === 'string' ? input.trainedModelVersionIdentifier : 'latest');
    requireActive(ctx, model, 'inference');
    // The version it runs (the newest when none is named; the first version has no identifier).
    if (model.version !== undefined) draft.fields.trainedModelVersionIdentifier = model.version;
    const channel = lookup(ctx, CHANNEL, (input.dataSource as JsonObject).mlInputChannelArn as string, where);
    requireActive(ctx, channel, 'inference');
    if (typeof input.configuredModelAlgorithmAssociationArn === 'string') {
      lookup(ctx, ASSOCIATION, input.configuredModelAlgorithmAssociationArn, where);
    }
    const association = associationOf(model, ctx);
    const algorithm = association && algorithmOf(association, ctx);
    if (algorithm && algorithm.fields.inferenceContainerConfig === undefined) {
      validation(`Configured model algorithm ${algorithm.arn} has no inferenceContainerConfig: its models cannot run inference.`);
    }
  },
});

// ---- the ML configuration of a membership (one per membership, no ARN) ----

const ML_CONFIGURATION = 'ml-configuration';

function mlConfigurationKey(ctx: Ctx, membership: string): string {
  return `${ML_CONFIGURATION}/${ctx.region}/${membership}`;
}

function mlConfigurationOf(ctx: Ctx, membership: string): ResourceRecord {
  const r = ctx.store.get(mlConfigurationKey(ctx, membership));
  if (!r) throw serviceError('ResourceNotFoundException', `No ML configuration for membership ${membership}.`);
  return r;
}

export const putMLConfiguration: Handler = async (input, ctx) => {
  const m = input.membershipIdentifier as string;
  const existing = ctx.store.get(mlConfigurationKey(ctx, m));
  if (existing) {
    existing.fields = { defaultOutputLocation: input.defaultOutputLocation };
    existing.modifiedAt = ctx.now;
  } else {
    ctx.store.add({
      kind: ML_CONFIGURATION, key: mlConfigurationKey(ctx, m), seq: ctx.store.allocateSeq(), region: ctx.region,
      accountId: ctx.account, membershipIdentifier: m, fields: { defaultOutputLocation: input.defaultOutputLocation },
      timeline: [], createTime: ctx.now,
    });
  }
  await ctx.store.commit();
  return undefined;
};

export const getMLConfiguration: Handler = async (input, ctx) => {
  const r = mlConfigurationOf(ctx, input.membershipIdentifier as string);
  return {
    membershipIdentifier: r.membershipIdentifier!, defaultOutputLocation: r.fields.defaultOutputLocation,
    createTime: r.createTime, updateTime: r.modifiedAt ?? r.createTime,
  };
};

export const deleteMLConfiguration: Handler = async (input, ctx) => {
  ctx.store.remove(mlConfigurationOf(ctx, input.membershipIdentifier as string));
  await ctx.store.commit();
  return undefined;
};

defineKind({
  type: ML_CONFIGURATION, label: 'ML configuration', scope: 'membership', taggable: false, lifecycle: 'none',
  // Never listed nor looked up by the engine; defined so that every stored record has a kind.
  visible: () => false,
});
