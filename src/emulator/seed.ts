// The seed file (`--seed FILE`): the world the emulator starts in. JSON:
//
//   {
//     "defaultAccountId": "123456789012",                  // the account of callers with no mapped key
//     "accessKeys": { "AKIDPARTNER": "444455556666" },     // access key id → account id
//     "collaborations": [                                  // collaborations and their members' memberships
//       { "collaborationIdentifier": "<uuid>", "name": "…",
//         "members": [ { "accountId": "123456789012", "membershipIdentifier": "<uuid>" }, … ] } ],
//     "resources": [                                       // resources that exist from the start
//       { "arn": "arn:aws:cleanrooms-ml:us-east-1:444455556666:membership/<uuid>/trained-model/<id>",
//         "status": "ACTIVE", "tags": { … }, …the members of the kind's Get response… } ]
//   }
//
// Every part is optional. A resource's kind, region, account and membership come from its ARN; it takes
// the members of its kind's Get response (those the service computes — ARN, membership, collaboration,
// creator, times, status — excepted); `status` defaults to ACTIVE and `createTime` to the start. Seeded
// resources are added to the state once: a state file that already holds one keeps its own.
import { readFileSync } from 'node:fs';
import { MODEL } from '../model';
import type { Shape } from '../model/types';
import type { JsonObject } from './input';
import { javaFullMatchRegExp } from './javaregex';
import { OPERATIONS } from './operations';
import { addTags } from './resources/engine';
import { kindOfArn, type Ctx, type Kind } from './resources/kind';
import type { ResourceRecord, Store } from './store';
import type { SeedCollaboration, Tenancy, TenancyOptions } from './tenancy';

export class SeedError extends Error {}

export interface Seed extends Required<Pick<TenancyOptions, 'accessKeys' | 'collaborations'>> {
  defaultAccountId?: string;
  resources: JsonObject[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCOUNT = /^[0-9]{12}$/;

/** Members of a Get response that the service computes; a seed does not give them. */
const COMPUTED = new Set(['membershipIdentifier', 'collaborationIdentifier', 'creatorAccountId', 'createTime', 'updateTime',
  'status', 'versionIdentifier', 'tags']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The output shape of the kind's own Get operation (not the collaboration view). */
function getShapeOf(kind: Kind): Shape | undefined {
  for (const [name, spec] of Object.entries(OPERATIONS)) {
    if (!('verb' in spec) || spec.verb !== 'get' || spec.kind !== kind.type) continue;
    const op = MODEL.operations[name];
    const input = MODEL.shapes[op.input!.shape];
    if (Object.hasOwn(input.members ?? {}, 'collaborationIdentifier')) continue;
    return MODEL.shapes[op.output!.shape];
  }
  return undefined;
}

/** Parses and checks a seed file's text; `source` names it in errors. */
export function parseSeed(text: string, source: string): Seed {
  const fail = (msg: string): never => {
    throw new SeedError(`seed file ${source}: ${msg}`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc)) return fail('must be a JSON object');
  const known = new Set(['defaultAccountId', 'accessKeys', 'collaborations', 'resources']);
  for (const k of Object.keys(doc)) if (!known.has(k)) fail(`unknown member "${k}" (expected ${[...known].join(', ')})`);
  const seed: Seed = { accessKeys: new Map(), collaborations: [], resources: [] };
  if (doc.defaultAccountId !== undefined) {
    if (typeof doc.defaultAccountId !== 'string' || !ACCOUNT.test(doc.defaultAccountId)) fail('defaultAccountId must be a 12-digit account id');
    seed.defaultAccountId = doc.defaultAccountId as string;
  }
  if (doc.accessKeys !== undefined) {
    if (!isObject(doc.accessKeys)) fail('accessKeys must map access key ids to account ids');
    for (const [k, v] of Object.entries(doc.accessKeys as Record<string, unknown>)) {
      if (typeof v !== 'string' || !ACCOUNT.test(v)) fail(`accessKeys.${k} must be a 12-digit account id`);
      seed.accessKeys.set(k, v as string);
    }
  }
  const owners = new Map<string, string>();
  if (doc.collaborations !== undefined) {
    if (!Array.isArray(doc.collaborations)) fail('collaborations must be a list');
    (doc.collaborations as unknown[]).forEach((c, i) => {
      const at = `collaborations[${i}]`;
      if (!isObject(c)) return fail(`${at} must be an object`);
      if (typeof c.collaborationIdentifier !== 'string' || !UUID.test(c.collaborationIdentifier)) {
        fail(`${at}.collaborationIdentifier must be a collaboration id (a lower-case UUID)`);
      }
      if (c.name !== undefined && typeof c.name !== 'string') fail(`${at}.name must be a string`);
      if (!Array.isArray(c.members) || c.members.length === 0) fail(`${at}.members must be a non-empty list`);
      const collaboration: SeedCollaboration = { collaborationIdentifier: c.collaborationIdentifier as string, members: [] };
      if (typeof c.name === 'string') collaboration.name = c.name;
      (c.members as unknown[]).forEach((m, j) => {
        const mat = `${at}.members[${j}]`;
        if (!isObject(m)) return fail(`${mat} must be an object`);
        if (typeof m.accountId !== 'string' || !ACCOUNT.test(m.accountId)) fail(`${mat}.accountId must be a 12-digit account id`);
        if (typeof m.membershipIdentifier !== 'string' || !UUID.test(m.membershipIdentifier)) {
          fail(`${mat}.membershipIdentifier must be a membership id (a lower-case UUID)`);
        }
        const id = m.membershipIdentifier as string;
        if (owners.has(id)) fail(`${mat}: membership ${id} is declared twice`);
        owners.set(id, m.accountId as string);
        collaboration.members.push({ accountId: m.accountId as string, membershipIdentifier: id });
      });
      seed.collaborations.push(collaboration);
    });
  }
  if (doc.resources !== undefined) {
    if (!Array.isArray(doc.resources)) fail('resources must be a list');
    (doc.resources as unknown[]).forEach((r, i) => {
      const at = `resources[${i}]`;
      if (!isObject(r) || typeof r.arn !== 'string') return fail(`${at} must be an object with an "arn"`);
      const arn = r.arn;
      const kind = kindOfArn(arn);
      const shape = kind && kind.arnMember ? getShapeOf(kind) : undefined;
      if (!kind || !shape) return fail(`${at}: ${arn} is not the ARN of a Clean Rooms ML resource that can be seeded`);
      const arnShape = MODEL.shapes[shape.members![kind.arnMember!].shape];
      if (!javaFullMatchRegExp(arnShape.pattern!).test(arn)) fail(`${at}: ${arn} does not match ${arnShape.pattern}`);
      const membership = /:membership\/([^/]+)\//.exec(arn)?.[1];
      const owner = membership !== undefined ? owners.get(membership) : undefined;
      if (owner !== undefined && owner !== arn.split(':')[4]) fail(`${at}: membership ${membership} belongs to account ${owner}`);
      const members = shape.members ?? {};
      for (const k of Object.keys(r)) {
        if (!['arn', 'status', 'createTime', 'tags'].includes(k) && !Object.hasOwn(members, k)) {
          fail(`${at}: "${k}" is not a member of a ${kind.label.toLowerCase()}`);
        }
      }
      for (const req of shape.required ?? []) {
        if (req !== kind.arnMember && !COMPUTED.has(req) && !Object.hasOwn(r, req)) {
          fail(`${at}: a ${kind.label.toLowerCase()} needs "${req}"`);
        }
      }
      const status = r.status;
      const statusShape = members.status ? MODEL.shapes[members.status.shape] : undefined;
      if (status !== undefined && !(typeof status === 'string' && statusShape?.enum?.includes(status))) {
        fail(`${at}: status must be one of ${statusShape?.enum?.join(', ') ?? '(none: this kind has no status)'}`);
      }
      if (r.createTime !== undefined && (typeof r.createTime !== 'string' || Number.isNaN(Date.parse(r.createTime)))) {
        fail(`${at}: createTime must be an ISO 8601 date and time`);
      }
      if (r.tags !== undefined && !(isObject(r.tags) && Object.values(r.tags).every((v) => typeof v === 'string'))) {
        fail(`${at}: tags must map keys to strings`);
      }
      seed.resources.push(r as JsonObject);
    });
  }
  return seed;
}

export function loadSeedFile(path: string): Seed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SeedError(`cannot read seed file ${path}: ${(e as Error).message}`);
  }
  return parseSeed(text, path);
}

/** Adds the seed's resources that the store does not hold yet; resolves once they are saved. */
export async function applySeed(store: Store, seed: Seed, tenancy: Tenancy, now: number): Promise<void> {
  let added = false;
  for (const r of seed.resources) {
    const arn = r.arn as string;
    const version = typeof r.versionIdentifier === 'string' ? r.versionIdentifier : undefined;
    const key = version !== undefined ? `${arn}#${version}` : arn;
    if (store.get(key)) continue;
    const kind = kindOfArn(arn)!;
    const [, , , region, accountId] = arn.split(':');
    const membership = /:membership\/([^/]+)\//.exec(arn)?.[1];
    const createTime = typeof r.createTime === 'string' ? Date.parse(r.createTime) : now;
    const fields = Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'arn' && k !== kind.arnMember
      && !COMPUTED.has(k)));
    const record: ResourceRecord = {
      kind: kind.type, key, arn, seq: store.allocateSeq(), region, accountId, fields, createTime,
      timeline: kind.lifecycle === 'none' ? [] : [[typeof r.status === 'string' ? r.status : 'ACTIVE', createTime]],
    };
    if (version !== undefined) record.version = version;
    if (membership !== undefined) record.membershipIdentifier = membership;
    store.add(record);
    if (r.tags) {
      const ctx: Ctx = { store, tenancy, region, account: accountId, now, timings: { pendingMs: 0, createMs: 0, cancelMs: 0, deleteMs: 0 } };
      addTags(ctx, arn, new Map(Object.entries(r.tags as Record<string, string>)));
    }
    added = true;
  }
  if (added) await store.commit();
}
