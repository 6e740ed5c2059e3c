// The trained model inference job operations: what the service does with a validated input.
// A job's status is derived from the clock and the times fixed on the job: CREATE_PENDING from its
// creation, CREATE_IN_PROGRESS after `pendingMs`, ACTIVE after `createMs` more; a cancel makes it
// CANCEL_PENDING for `cancelMs`, then INACTIVE. updateTime is the time of the latest transition.
import { createHash, randomUUID } from 'node:crypto';
import { serviceError } from './errors';
import type { Json, JsonObject } from './input';
import type { JobRecord, JobStore } from './store';

export const ACCOUNT_ID = '123456789012';

export interface Timings {
  pendingMs: number;
  createMs: number;
  cancelMs: number;
}

export const DEFAULT_TIMINGS: Timings = { pendingMs: 1000, createMs: 2000, cancelMs: 1000 };

export interface ServiceContext {
  store: JobStore;
  /** The region of the request (its credential scope, else the emulator's default). */
  region: string;
  now: () => number;
  timings: Timings;
  /** The collaboration a membership belongs to. */
  collaborationOf: (membershipId: string) => string;
}

/** An operation's implementation: validated input in, output data out (timestamps as epoch ms). */
export type Handler = (input: JsonObject, ctx: ServiceContext) => Promise<JsonObject | undefined>;

type Status = 'CREATE_PENDING' | 'CREATE_IN_PROGRESS' | 'ACTIVE' | 'CANCEL_PENDING' | 'INACTIVE';

/** The job's status at `now`, and when it entered that status. */
export function statusAt(job: JobRecord, now: number): { status: Status; since: number } {
  if (job.cancelTime !== undefined) {
    const inactiveAt = job.inactiveAt ?? job.cancelTime;
    return now < inactiveAt ? { status: 'CANCEL_PENDING', since: job.cancelTime } : { status: 'INACTIVE', since: inactiveAt };
  }
  if (now < job.inProgressAt) return { status: 'CREATE_PENDING', since: job.createTime };
  if (now < job.activeAt) return { status: 'CREATE_IN_PROGRESS', since: job.inProgressAt };
  return { status: 'ACTIVE', since: job.activeAt };
}

const CANCELLABLE: ReadonlySet<Status> = new Set<Status>(['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']);
/** Statuses in which a job's name is free to be used again. */
const FINISHED: ReadonlySet<string> = new Set(['INACTIVE', 'CREATE_FAILED']);

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** A stable UUID-shaped collaboration id for a membership (when none is configured). */
export function derivedCollaborationId(membershipId: string): string {
  const h = createHash('sha256').update(`cleanroomsml-local/collaboration/${membershipId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Everything the service tells about a job (the Get response; summaries take their subset). */
export function jobView(job: JobRecord, ctx: ServiceContext): JsonObject {
  const { status, since } = statusAt(job, ctx.now());
  const view: JsonObject = {
    ...job.fields,
    createTime: job.createTime,
    updateTime: since,
    trainedModelInferenceJobArn: job.arn,
    membershipIdentifier: job.membershipIdentifier,
    collaborationIdentifier: ctx.collaborationOf(job.membershipIdentifier),
    creatorAccountId: ACCOUNT_ID,
    status,
  };
  if (Object.keys(job.tags).length) view.tags = job.tags;
  return view;
}

function notFound(arn: string): never {
  throw serviceError('ResourceNotFoundException', `Trained model inference job not found: ${arn}`);
}

/** The job an ARN names, visible from the request's region (and membership, when given). */
function findJob(ctx: ServiceContext, arn: string, membershipId?: string): JobRecord {
  const job = ctx.store.jobs.get(arn);
  if (!job || job.region !== ctx.region || (membershipId !== undefined && job.membershipIdentifier !== membershipId)) {
    return notFound(arn);
  }
  return job;
}

// ---- pagination ----

function encodeToken(seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, before: seq })).toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; before?: number };
    if (t.v === 1 && Number.isInteger(t.before)) return t.before!;
  } catch {
    // falls through
  }
  throw serviceError('ValidationException', 'The nextToken is invalid or expired.');
}

/** One page of jobs, newest first, after the token's cursor. */
function page(jobs: JobRecord[], input: JsonObject): { items: JobRecord[]; nextToken?: string } {
  const max = typeof input.maxResults === 'number' ? input.maxResults : 100;
  const before = typeof input.nextToken === 'string' ? decodeToken(input.nextToken) : Infinity;
  const sorted = jobs.filter((j) => j.seq < before).sort((a, b) => b.seq - a.seq);
  const items = sorted.slice(0, max);
  return sorted.length > max ? { items, nextToken: encodeToken(items[items.length - 1].seq) } : { items };
}

function filterByModel(jobs: JobRecord[], input: JsonObject): JobRecord[] {
  return jobs.filter((j) => (input.trainedModelArn === undefined || j.fields.trainedModelArn === input.trainedModelArn)
    && (input.trainedModelVersionIdentifier === undefined
      || j.fields.trainedModelVersionIdentifier === input.trainedModelVersionIdentifier));
}

// ---- operations ----

const LOCATED = new Set(['membershipIdentifier', 'tags']);

async function start(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  const m = input.membershipIdentifier as string;
  const name = input.name as string;
  const now = ctx.now();
  for (const j of ctx.store.jobs.values()) {
    if (j.region === ctx.region && j.membershipIdentifier === m && j.fields.name === name
      && !FINISHED.has(statusAt(j, now).status)) {
      throw serviceError('ConflictException',
        `A trained model inference job named '${name}' already exists in membership ${m} (${j.arn}).`);
    }
  }
  const arn = `arn:${partitionOf(ctx.region)}:cleanrooms-ml:${ctx.region}:${ACCOUNT_ID}:membership/${m}/trained-model-inference-job/${randomUUID()}`;
  const fields: JsonObject = Object.fromEntries(Object.entries(input).filter(([k]) => !LOCATED.has(k)));
  const inProgressAt = now + ctx.timings.pendingMs;
  ctx.store.add({
    seq: ctx.store.allocateSeq(), arn, region: ctx.region, membershipIdentifier: m, fields,
    tags: { ...((input.tags ?? {}) as Record<string, string>) },
    createTime: now, inProgressAt, activeAt: inProgressAt + ctx.timings.createMs,
  });
  await ctx.store.commit();
  return { trainedModelInferenceJobArn: arn };
}

async function get(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  return jobView(findJob(ctx, input.trainedModelInferenceJobArn as string, input.membershipIdentifier as string), ctx);
}

async function list(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  const m = input.membershipIdentifier as string;
  const jobs = filterByModel([...ctx.store.jobs.values()].filter((j) => j.region === ctx.region && j.membershipIdentifier === m), input);
  const { items, nextToken } = page(jobs, input);
  const out: JsonObject = { trainedModelInferenceJobs: items.map((j) => jobView(j, ctx)) };
  if (nextToken) out.nextToken = nextToken;
  return out;
}

async function listCollaboration(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  const c = input.collaborationIdentifier as string;
  const jobs = filterByModel([...ctx.store.jobs.values()]
    .filter((j) => j.region === ctx.region && ctx.collaborationOf(j.membershipIdentifier) === c), input);
  const { items, nextToken } = page(jobs, input);
  const out: JsonObject = { collaborationTrainedModelInferenceJobs: items.map((j) => jobView(j, ctx)) };
  if (nextToken) out.nextToken = nextToken;
  return out;
}

async function cancel(input: JsonObject, ctx: ServiceContext): Promise<undefined> {
  const job = findJob(ctx, input.trainedModelInferenceJobArn as string, input.membershipIdentifier as string);
  const now = ctx.now();
  const { status } = statusAt(job, now);
  if (!CANCELLABLE.has(status)) {
    throw serviceError('ConflictException',
      `Trained model inference job ${job.arn} is in status ${status} and cannot be cancelled.`);
  }
  job.cancelTime = now;
  job.inactiveAt = now + ctx.timings.cancelMs;
  await ctx.store.commit();
  return undefined;
}

async function tagResource(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  const job = findJob(ctx, input.resourceArn as string);
  job.tags = Object.fromEntries([...Object.entries(job.tags), ...Object.entries(input.tags as Record<string, string>)]);
  await ctx.store.commit();
  return {};
}

async function untagResource(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  const job = findJob(ctx, input.resourceArn as string);
  const remove = new Set(input.tagKeys as Json[]);
  job.tags = Object.fromEntries(Object.entries(job.tags).filter(([k]) => !remove.has(k)));
  await ctx.store.commit();
  return {};
}

async function listTags(input: JsonObject, ctx: ServiceContext): Promise<JsonObject> {
  return { tags: findJob(ctx, input.resourceArn as string).tags };
}

/** The operations the emulator serves, by model operation name. */
export const HANDLERS: Record<string, Handler> = {
  StartTrainedModelInferenceJob: start,
  GetTrainedModelInferenceJob: get,
  ListTrainedModelInferenceJobs: list,
  CancelTrainedModelInferenceJob: cancel,
  ListCollaborationTrainedModelInferenceJobs: listCollaboration,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTags,
};
