// Lookalike models: training datasets and configured audience models (ACTIVE at once), audience models,
// audience generation jobs and audience export jobs (created over time), and the configured audience
// model's resource policy. All live in an account; a generation job can use another account's configured
// audience model when it names a collaboration (the model's owner then sees the job, but not its seed).
import { createHash } from 'node:crypto';
import { serviceError } from '../errors';
import type { Json, JsonObject } from '../input';
import type { ResourceRecord } from '../store';
import { isLive, liveOfKind, lookup, requireActive, validation } from './engine';
import { defineKind, type Ctx, type Handler } from './kind';

const accountOfArn = (arn: string) => arn.split(':')[4];

export const TRAINING_DATASET = defineKind({
  type: 'training-dataset',
  label: 'Training dataset',
  arnMember: 'trainingDatasetArn',
  scope: 'account',
  taggable: true,
  lifecycle: 'instant',
  deletion: 'remove',
  dependents(r, ctx) {
    const m = liveOfKind(ctx, AUDIENCE_MODEL.type).find((x) => x.fields.trainingDatasetArn === r.arn);
    return m && `Training dataset ${r.arn} is used by audience model ${m.arn}.`;
  },
});

export const AUDIENCE_MODEL = defineKind({
  type: 'audience-model',
  label: 'Audience model',
  arnMember: 'audienceModelArn',
  scope: 'account',
  taggable: true,
  lifecycle: 'create',
  deletion: 'GONE',
  deletable: new Set(['ACTIVE', 'CREATE_FAILED']),
  prepare(input, ctx) {
    lookup(ctx, TRAINING_DATASET, input.trainingDatasetArn as string, { account: true });
    const start = input.trainingDataStartTime;
    const end = input.trainingDataEndTime;
    if (typeof start === 'number' && typeof end === 'number' && start >= end) {
      validation('trainingDataStartTime must be earlier than trainingDataEndTime.');
    }
  },
  dependents(r, ctx) {
    const c = liveOfKind(ctx, CONFIGURED_AUDIENCE_MODEL.type).find((x) => x.fields.audienceModelArn === r.arn);
    return c && `Audience model ${r.arn} is used by configured audience model ${c.arn}.`;
  },
});

function checkAudienceModel(arn: string, ctx: Ctx): void {
  requireActive(ctx, lookup(ctx, AUDIENCE_MODEL, arn, { account: true }), 'a configured audience model');
}

function checkSizeConfig(config: JsonObject | undefined): void {
  if (config?.audienceSizeType === 'PERCENTAGE') {
    const over = (config.audienceSizeBins as number[]).find((v) => v > 100);
    if (over !== undefined) validation(`A PERCENTAGE audience size is at most 100, not ${over}.`);
  }
}

export const CONFIGURED_AUDIENCE_MODEL = defineKind({
  type: 'configured-audience-model',
  label: 'Configured audience model',
  arnMember: 'configuredAudienceModelArn',
  scope: 'account',
  taggable: true,
  lifecycle: 'instant',
  deletion: 'remove',
  prepare(input, ctx) {
    checkAudienceModel(input.audienceModelArn as string, ctx);
    checkSizeConfig(input.audienceSizeConfig as JsonObject | undefined);
  },
  prepareUpdate(input, ctx) {
    if (typeof input.audienceModelArn === 'string') checkAudienceModel(input.audienceModelArn, ctx);
    checkSizeConfig(input.audienceSizeConfig as JsonObject | undefined);
  },
  dependents(r, ctx) {
    const j = liveOfKind(ctx, GENERATION_JOB.type).find((x) => x.fields.configuredAudienceModelArn === r.arn);
    return j && `Configured audience model ${r.arn} is used by audience generation job ${j.arn}.`;
  },
});

export const GENERATION_JOB = defineKind({
  type: 'audience-generation-job',
  label: 'Audience generation job',
  arnMember: 'audienceGenerationJobArn',
  scope: 'account',
  taggable: true,
  lifecycle: 'create',
  deletion: 'GONE',
  deletable: new Set(['ACTIVE', 'CREATE_FAILED']),
  // The job's starter, and the owner of the configured audience model it used.
  visible: (r, ctx) => r.accountId === ctx.account || accountOfArn(r.fields.configuredAudienceModelArn as string) === ctx.account,
  view(r, v, ctx) {
    // The seed audience is the starter's data: the model's owner does not see it.
    if (r.accountId !== ctx.account) delete v.seedAudience;
  },
  prepare(input, ctx, draft) {
    const camArn = input.configuredAudienceModelArn as string;
    const shared = typeof input.collaborationId === 'string';
    const cam = ctx.store.byArn(camArn).find((r) => r.kind === CONFIGURED_AUDIENCE_MODEL.type && isLive(r, ctx.now)
      && r.region === ctx.region && (r.accountId === ctx.account || shared));
    if (!cam) throw serviceError('ResourceNotFoundException', `Configured audience model not found: ${camArn}`);
    // Another account's model is usable in a collaboration both accounts are members of.
    if (shared && cam.accountId !== ctx.account) ctx.tenancy.checkCollaboration(input.collaborationId as string, cam.accountId);
    const seed = input.seedAudience as JsonObject;
    if ((seed.dataSource === undefined) === (seed.sqlParameters === undefined)) {
      validation('seedAudience needs exactly one of dataSource and sqlParameters.');
    }
    if (seed.sqlParameters !== undefined && !shared) {
      validation('A seed audience from sqlParameters runs a protected query: it needs a collaborationId.');
    }
    draft.fields.startedBy = ctx.account;
    if (cam.fields.childResourceTagOnCreatePolicy === 'FROM_PARENT_RESOURCE') {
      const inherited = new Map(ctx.store.tags.get(cam.arn!) ?? []);
      for (const [k, v] of draft.tags) inherited.set(k, v);
      draft.tags = inherited;
    }
  },
});

export const AUDIENCE_EXPORT_JOB = defineKind({
  type: 'audience-export-job',
  label: 'Audience export job',
  scope: 'account',
  taggable: false,
  lifecycle: 'create',
  nameScope: (fields, _m, _a, region) => ({
    key: `${region}/${fields.audienceGenerationJobArn as string}`,
    where: `audience generation job ${fields.audienceGenerationJobArn as string}`,
  }),
  prepare(input, ctx, draft) {
    const job = lookup(ctx, GENERATION_JOB, input.audienceGenerationJobArn as string, { account: true });
    // The model's owner sees the job, but the audience is its starter's to export.
    if (job.accountId !== ctx.account) {
      throw serviceError('AccessDeniedException', `Account ${ctx.account} is not authorized to export the audience of ${job.arn}, `
        + `which account ${job.accountId} generated.`);
    }
    requireActive(ctx, job, 'an export');
    const cam = ctx.store.byArn(job.fields.configuredAudienceModelArn as string).find((r) => isLive(r, ctx.now));
    const size = input.audienceSize as JsonObject;
    const config = cam?.fields.audienceSizeConfig as JsonObject | undefined;
    if (cam && !(config?.audienceSizeType === size.type && (config.audienceSizeBins as Json[]).includes(size.value))) {
      validation(`Audience size ${size.type} ${size.value as number} is not one of the sizes configured in ${cam.arn}`
        + `${config ? `: ${config.audienceSizeType as string} [${(config.audienceSizeBins as number[]).join(', ')}]` : ' (it configures none)'}.`);
    }
    const s3Uri = ((((cam?.fields.outputConfig as JsonObject | undefined)?.destination as JsonObject | undefined)
      ?.s3Destination as JsonObject | undefined)?.s3Uri as string | undefined);
    if (s3Uri !== undefined) {
      draft.fields.outputLocation = `${s3Uri.replace(/\/+$/, '')}/${(job.arn as string).split('/').pop()}/${input.name as string}/`;
    }
  },
});

// ---- the configured audience model's resource policy ----

const policyHash = (policy: string) => createHash('sha256').update(policy, 'utf8').digest('hex');

function ownCam(ctx: Ctx, arn: string): ResourceRecord {
  return lookup(ctx, CONFIGURED_AUDIENCE_MODEL, arn, { account: true });
}

export const putPolicy: Handler = async (input, ctx) => {
  const cam = ownCam(ctx, input.configuredAudienceModelArn as string);
  const policy = input.configuredAudienceModelPolicy as string;
  try {
    const doc: unknown = JSON.parse(policy);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not an object');
  } catch {
    validation('The configured audience model policy is not a valid JSON policy document.');
  }
  if (input.policyExistenceCondition === 'POLICY_MUST_EXIST' && cam.policy === undefined) {
    validation(`Configured audience model ${cam.arn} has no policy, and policyExistenceCondition is POLICY_MUST_EXIST.`);
  }
  if (input.policyExistenceCondition === 'POLICY_MUST_NOT_EXIST' && cam.policy !== undefined) {
    validation(`Configured audience model ${cam.arn} has a policy, and policyExistenceCondition is POLICY_MUST_NOT_EXIST.`);
  }
  if (typeof input.previousPolicyHash === 'string'
    && (cam.policy === undefined || policyHash(cam.policy) !== input.previousPolicyHash)) {
    validation('previousPolicyHash does not match the hash of the current policy.');
  }
  cam.policy = policy;
  await ctx.store.commit();
  return { configuredAudienceModelPolicy: policy, policyHash: policyHash(policy) };
};

function policyOf(ctx: Ctx, arn: string): { cam: ResourceRecord; policy: string } {
  const cam = ownCam(ctx, arn);
  if (cam.policy === undefined) {
    throw serviceError('ResourceNotFoundException', `Configured audience model ${arn} has no policy.`);
  }
  return { cam, policy: cam.policy };
}

export const getPolicy: Handler = async (input, ctx) => {
  const { cam, policy } = policyOf(ctx, input.configuredAudienceModelArn as string);
  return { configuredAudienceModelArn: cam.arn!, configuredAudienceModelPolicy: policy, policyHash: policyHash(policy) };
};

export const deletePolicy: Handler = async (input, ctx) => {
  const { cam } = policyOf(ctx, input.configuredAudienceModelArn as string);
  delete cam.policy;
  await ctx.store.commit();
  return undefined;
};
