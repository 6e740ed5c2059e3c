// The generic engine: create, get, list, cancel, delete and update for any resource kind, from its
// description (kind.ts) and the operation's model (its input members, its output shape, its paginator).
// Lookups are scoped as the service scopes them: through a membership (the resource must be in it),
// through a collaboration (the resource's membership must belong to it), or in the caller's account.
import { randomUUID } from 'node:crypto';
import { MODEL } from '../../model';
import type { Operation } from '../../model/types';
import { serviceError } from '../errors';
import type { Json, JsonObject } from '../input';
import {
  GONE, cancelPhases, continueWith, createPhases, deletePhases, statusAt, type StatusNow,
} from '../lifecycle';
import type { ResourceRecord } from '../store';
import { partitionOf } from '../tenancy';
import { kindOf, type Ctx, type Draft, type Handler, type Kind, type NameScope } from './kind';

// ---- status and visibility ----

export function statusOf(r: ResourceRecord, now: number): StatusNow | undefined {
  return statusAt(r.timeline, now);
}

/** False once the record's deletion has completed (or before it exists, for a timeline in the future). */
export function isLive(r: ResourceRecord, now: number): boolean {
  if (!r.timeline.length) return true;
  const s = statusAt(r.timeline, now);
  return s !== undefined && s.status !== GONE;
}

/** Statuses in which a resource no longer holds its name or counts as in use. */
const FINISHED: ReadonlySet<string> = new Set(['INACTIVE', 'CREATE_FAILED', 'CANCEL_FAILED', 'DELETE_FAILED']);

export function isFinished(r: ResourceRecord, now: number): boolean {
  const s = statusOf(r, now)?.status;
  return s !== undefined && FINISHED.has(s);
}

/** Live and not finished: holding its name, and counting as a dependent. */
export function inUse(r: ResourceRecord, now: number): boolean {
  return isLive(r, now) && !isFinished(r, now);
}

export type Where = { membership: string } | { collaboration: string } | { account: true };

/** The scope an operation's input names: its membership, its collaboration, or the caller's account. */
export function whereOf(input: JsonObject): Where {
  if (typeof input.membershipIdentifier === 'string') return { membership: input.membershipIdentifier };
  if (typeof input.collaborationIdentifier === 'string') return { collaboration: input.collaborationIdentifier };
  return { account: true };
}

function visibleFrom(r: ResourceRecord, where: Where, ctx: Ctx): boolean {
  if (r.region !== ctx.region || !isLive(r, ctx.now)) return false;
  if ('membership' in where) return r.membershipIdentifier === where.membership;
  if ('collaboration' in where) {
    return r.membershipIdentifier !== undefined && ctx.tenancy.collaborationOf(r.membershipIdentifier) === where.collaboration;
  }
  const kind = kindOf(r.kind);
  return kind.visible ? kind.visible(r, ctx) : r.accountId === ctx.account;
}

export function notFound(label: string, id: string): never {
  throw serviceError('ResourceNotFoundException', `${label} not found: ${id}`);
}

/**
 * The record an ARN names, seen from `where`. `version`: a version identifier, `latest` (the newest
 * version) or `base` (the first one). Throws ResourceNotFoundException.
 */
export function lookup(ctx: Ctx, kind: Kind, arn: string, where: Where, version: string = 'latest'): ResourceRecord {
  const found = ctx.store.byArn(arn).filter((r) => r.kind === kind.type && visibleFrom(r, where, ctx));
  let r: ResourceRecord | undefined;
  if (version === 'latest') r = found.reduce<ResourceRecord | undefined>((a, b) => (!a || b.seq > a.seq ? b : a), undefined);
  else if (version === 'base') r = found.find((x) => x.version === undefined);
  else r = found.find((x) => x.version === version);
  if (!r) notFound(kind.label, version === 'latest' || version === 'base' ? arn : `${arn} (version ${version})`);
  return r;
}

/** Refuses a referenced resource that is not ACTIVE (ValidationException). */
export function requireActive(ctx: Ctx, r: ResourceRecord, purpose: string): void {
  const s = statusOf(r, ctx.now)?.status;
  if (s !== undefined && s !== 'ACTIVE') {
    const kind = kindOf(r.kind);
    const id = r.arn ?? r.key;
    throw serviceError('ValidationException',
      `${kind.label} ${id}${r.version ? ` (version ${r.version})` : ''} is in status ${s}; ${purpose} needs it ACTIVE.`);
  }
}

/** Only the account that created an account-level resource changes it (others may only see it). */
function requireOwner(kind: Kind, r: ResourceRecord, ctx: Ctx): void {
  if (kind.scope === 'account' && r.accountId !== ctx.account) {
    throw serviceError('AccessDeniedException',
      `Account ${ctx.account} is not authorized to change ${kind.label.toLowerCase()} ${r.arn}, which belongs to account ${r.accountId}.`);
  }
}

export function validation(message: string): never {
  throw serviceError('ValidationException', message);
}

export function conflict(message: string): never {
  throw serviceError('ConflictException', message);
}

/** Live records of a kind, in any scope. */
export function liveOfKind(ctx: Ctx, type: string): ResourceRecord[] {
  return [...ctx.store.all()].filter((r) => r.kind === type && isLive(r, ctx.now));
}

// ---- views ----

/** Everything the service tells about a record; each operation's output shape keeps its own members. */
export function viewOf(r: ResourceRecord, ctx: Ctx): JsonObject {
  const kind = kindOf(r.kind);
  const v: JsonObject = { ...r.fields };
  if (kind.arnMember && r.arn !== undefined) v[kind.arnMember] = r.arn;
  if (r.version !== undefined) v.versionIdentifier = r.version;
  if (r.membershipIdentifier !== undefined) {
    v.membershipIdentifier = r.membershipIdentifier;
    v.collaborationIdentifier = ctx.tenancy.collaborationOf(r.membershipIdentifier);
  }
  v.creatorAccountId = r.accountId;
  v.createTime = r.createTime;
  const s = statusOf(r, ctx.now);
  v.updateTime = Math.max(s?.since ?? r.createTime, r.modifiedAt ?? 0);
  if (s) v.status = s.status;
  const tags = r.arn !== undefined ? ctx.store.tags.get(r.arn) : undefined;
  if (tags && tags.size) v.tags = Object.fromEntries(tags);
  kind.view?.(r, v, ctx);
  return v;
}

// ---- pagination ----

function encodeToken(seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, before: seq })).toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; before?: number };
    if (t && t.v === 1 && Number.isInteger(t.before)) return t.before!;
  } catch {
    // falls through
  }
  throw serviceError('ValidationException', 'The nextToken is invalid or expired.');
}

/** One page, newest first, after the token's cursor. */
export function page(records: ResourceRecord[], input: JsonObject, defaultMax = 100): { items: ResourceRecord[]; nextToken?: string } {
  const max = typeof input.maxResults === 'number' ? input.maxResults : defaultMax;
  const before = typeof input.nextToken === 'string' ? decodeToken(input.nextToken) : Infinity;
  const sorted = records.filter((r) => r.seq < before).sort((a, b) => b.seq - a.seq);
  const items = sorted.slice(0, max);
  return sorted.length > max ? { items, nextToken: encodeToken(items[items.length - 1].seq) } : { items };
}

// ---- the verbs ----

/** Input members that say where, or how many: never stored as fields, never list filters. */
const SCOPE_MEMBERS = new Set(['membershipIdentifier', 'collaborationIdentifier', 'nextToken', 'maxResults', 'tags']);

function defaultNameScope(kind: Kind, membership: string | undefined, accountId: string, region: string): NameScope {
  return membership !== undefined
    ? { key: `${region}/membership/${membership}`, where: `membership ${membership}` }
    : { key: `${region}/account/${accountId}`, where: `account ${accountId}` };
}

function nameScopeOf(kind: Kind, fields: JsonObject, membership: string | undefined, accountId: string, region: string): NameScope {
  return kind.nameScope ? kind.nameScope(fields, membership, accountId, region) : defaultNameScope(kind, membership, accountId, region);
}

/** Refuses a name that a live, unfinished resource of the kind holds in the same scope. */
function checkName(kind: Kind, draft: Draft, ctx: Ctx): void {
  const name = draft.fields.name;
  if (typeof name !== 'string') return;
  const scope = nameScopeOf(kind, draft.fields, draft.membershipIdentifier, ctx.account, ctx.region);
  for (const r of ctx.store.named(kind.type, name)) {
    if (draft.arn !== undefined && r.arn === draft.arn) continue;
    if (!inUse(r, ctx.now)) continue;
    if (nameScopeOf(kind, r.fields, r.membershipIdentifier, r.accountId, r.region).key !== scope.key) continue;
    const a = /^[aeiou]/i.test(kind.label) ? 'An' : 'A';
    conflict(`${a} ${kind.label.toLowerCase()} named '${name}' already exists in ${scope.where}${r.arn ? ` (${r.arn})` : ''}.`);
  }
}

export function tagMapOf(input: JsonObject): Map<string, string> {
  const t = input.tags;
  return new Map(t && typeof t === 'object' && !Array.isArray(t) ? Object.entries(t as Record<string, string>) : []);
}

/** Tag keys starting with `aws:` (any case) are the service's own. */
export function checkTagKeys(keys: Iterable<string>): void {
  for (const k of keys) {
    if (k.toLowerCase().startsWith('aws:')) {
      validation(`Tag keys starting with 'aws:' are reserved for AWS use: ${k}`);
    }
  }
}

export const MAX_TAGS = 50;

/** Adds tags to an ARN, within the service's 50 user tags per resource. */
export function addTags(ctx: Ctx, arn: string, tags: Map<string, string>): void {
  if (!tags.size) return;
  checkTagKeys(tags.keys());
  const merged = new Map(ctx.store.tags.get(arn) ?? []);
  for (const [k, v] of tags) merged.set(k, v);
  const user = [...merged.keys()].filter((k) => !k.toLowerCase().startsWith('aws:')).length;
  if (user > MAX_TAGS) validation(`A resource can have at most ${MAX_TAGS} tags; this request would give it ${user}.`);
  ctx.store.tags.set(arn, merged);
}

function newArn(kind: Kind, ctx: Ctx, membership: string | undefined): string {
  const where = membership !== undefined ? `membership/${membership}/` : '';
  return `arn:${partitionOf(ctx.region)}:cleanrooms-ml:${ctx.region}:${ctx.account}:${where}${kind.type}/${randomUUID()}`;
}

async function create(kind: Kind, input: JsonObject, ctx: Ctx): Promise<JsonObject> {
  const membership = kind.scope === 'membership' ? input.membershipIdentifier as string : undefined;
  const draft: Draft = {
    fields: Object.fromEntries(Object.entries(input).filter(([k]) => !SCOPE_MEMBERS.has(k))),
    tags: tagMapOf(input),
    membershipIdentifier: membership,
  };
  checkTagKeys(draft.tags.keys());
  kind.prepare?.(input, ctx, draft);
  checkName(kind, draft, ctx);
  const arn = kind.arnMember ? draft.arn ?? newArn(kind, ctx, membership) : undefined;
  const key = arn === undefined ? `${kind.type}/${randomUUID()}` : draft.version ? `${arn}#${draft.version}` : arn;
  const record: ResourceRecord = {
    kind: kind.type, key, seq: ctx.store.allocateSeq(), region: ctx.region, accountId: ctx.account,
    fields: draft.fields, createTime: ctx.now,
    timeline: kind.lifecycle === 'create' ? createPhases(ctx.now, ctx.timings)
      : kind.lifecycle === 'instant' ? [['ACTIVE', ctx.now]] : [],
  };
  if (arn !== undefined) record.arn = arn;
  if (draft.version !== undefined) record.version = draft.version;
  if (membership !== undefined) record.membershipIdentifier = membership;
  if (arn !== undefined) addTags(ctx, arn, draft.tags);
  ctx.store.sweep(ctx.now);
  ctx.store.add(record);
  await ctx.store.commit();
  const out: JsonObject = {};
  if (kind.arnMember && arn !== undefined) out[kind.arnMember] = arn;
  if (draft.version !== undefined) out.versionIdentifier = draft.version;
  return out;
}

/** The version an input names (`versionIdentifier`), else `fallback`. */
function versionOf(input: JsonObject, fallback: 'latest' | 'base'): string {
  return typeof input.versionIdentifier === 'string' ? input.versionIdentifier : fallback;
}

function arnOf(kind: Kind, input: JsonObject): string {
  return input[kind.arnMember!] as string;
}

async function get(kind: Kind, input: JsonObject, ctx: Ctx): Promise<JsonObject> {
  return viewOf(lookup(ctx, kind, arnOf(kind, input), whereOf(input), versionOf(input, 'latest')), ctx);
}

export interface ListOptions {
  /** Every version of a resource, rather than its newest. */
  versions?: boolean;
  /** An input member naming a resource that must exist (ResourceNotFoundException). */
  parent?: { member: string; kind: string };
  /** maxResults when none is given. */
  defaultMaxResults?: number;
}

function resultKey(op: Operation): string {
  const p = MODEL.paginators[op.name];
  const key = p && (Array.isArray(p.result_key) ? p.result_key[0] : p.result_key);
  if (!key) throw new Error(`${op.name} has no paginator result key`);
  return key;
}

async function list(kind: Kind, op: Operation, input: JsonObject, ctx: Ctx, opts: ListOptions): Promise<JsonObject> {
  const where = whereOf(input);
  if (opts.parent) lookup(ctx, kindOf(opts.parent.kind), input[opts.parent.member] as string, where);
  // Every other member of the input is a filter on the view's member of the same name.
  const filters = Object.entries(input).filter(([k]) => !SCOPE_MEMBERS.has(k));
  let records = [...ctx.store.all()].filter((r) => r.kind === kind.type && visibleFrom(r, where, ctx));
  if (!opts.versions) {
    const newest = new Map<string, ResourceRecord>();
    for (const r of records) {
      const id = r.arn ?? r.key;
      const seen = newest.get(id);
      if (!seen || r.seq > seen.seq) newest.set(id, r);
    }
    records = [...newest.values()];
  }
  const views = new Map<ResourceRecord, JsonObject>();
  const view = (r: ResourceRecord) => views.get(r) ?? views.set(r, viewOf(r, ctx)).get(r)!;
  if (filters.length) {
    records = records.filter((r) => filters.every(([k, v]) => Object.hasOwn(view(r), k) && view(r)[k] === v));
  }
  const { items, nextToken } = page(records, input, opts.defaultMaxResults);
  const out: JsonObject = { [resultKey(op)]: items.map(view) as Json[] };
  if (nextToken) out.nextToken = nextToken;
  return out;
}

async function cancel(kind: Kind, input: JsonObject, ctx: Ctx): Promise<undefined> {
  const r = lookup(ctx, kind, arnOf(kind, input), whereOf(input), versionOf(input, 'base'));
  requireOwner(kind, r, ctx);
  const status = statusOf(r, ctx.now)?.status ?? 'ACTIVE';
  if (!kind.cancellable?.has(status)) {
    conflict(`${kind.label} ${r.arn}${r.version ? ` (version ${r.version})` : ''} is in status ${status} and cannot be cancelled.`);
  }
  r.timeline = continueWith(r.timeline, ctx.now, cancelPhases(ctx.now, ctx.timings));
  await ctx.store.commit();
  return undefined;
}

async function remove(kind: Kind, input: JsonObject, ctx: Ctx): Promise<undefined> {
  const r = lookup(ctx, kind, arnOf(kind, input), whereOf(input), versionOf(input, 'base'));
  requireOwner(kind, r, ctx);
  const status = statusOf(r, ctx.now)?.status;
  if (status !== undefined && (status.startsWith('DELETE_') || (kind.deletable && !kind.deletable.has(status)))) {
    conflict(`${kind.label} ${r.arn}${r.version ? ` (version ${r.version})` : ''} is in status ${status} and cannot be deleted.`);
  }
  const why = kind.dependents?.(r, ctx);
  if (why) conflict(why);
  if (kind.deletion === 'remove' || kind.deletion === undefined) ctx.store.remove(r);
  else {
    r.timeline = continueWith(r.timeline, ctx.now, deletePhases(ctx.now, ctx.timings, kind.deletion));
    ctx.store.watch(r);
  }
  ctx.store.sweep(ctx.now);
  await ctx.store.commit();
  return undefined;
}

async function update(kind: Kind, input: JsonObject, ctx: Ctx): Promise<JsonObject> {
  const arn = arnOf(kind, input);
  const r = lookup(ctx, kind, arn, whereOf(input));
  requireOwner(kind, r, ctx);
  kind.prepareUpdate?.(input, ctx, r);
  const changes = Object.entries(input).filter(([k]) => !SCOPE_MEMBERS.has(k) && k !== kind.arnMember);
  if (changes.length) {
    r.fields = { ...r.fields, ...Object.fromEntries(changes) };
    r.modifiedAt = ctx.now;
    await ctx.store.commit();
  }
  return { [kind.arnMember!]: arn };
}

// ---- operation specs ----

export type OperationSpec =
  | { verb: 'create' | 'get' | 'cancel' | 'delete' | 'update'; kind: string }
  | ({ verb: 'list'; kind: string } & ListOptions)
  | { handler: Handler };

/** The handler of an operation from its spec. */
export function handlerFor(op: Operation, spec: OperationSpec): Handler {
  if ('handler' in spec) return spec.handler;
  const kind = kindOf(spec.kind);
  switch (spec.verb) {
    case 'create': return (input, ctx) => create(kind, input, ctx);
    case 'get': return (input, ctx) => get(kind, input, ctx);
    case 'list': return (input, ctx) => list(kind, op, input, ctx, spec);
    case 'cancel': return (input, ctx) => cancel(kind, input, ctx);
    case 'delete': return (input, ctx) => remove(kind, input, ctx);
    case 'update': return (input, ctx) => update(kind, input, ctx);
    default: throw new Error('unknown verb');
  }
}
