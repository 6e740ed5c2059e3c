// The vocabulary of the emulated service: a resource kind describes, as data plus a few small hooks, how a
// kind of resource lives (its ARN, where it is scoped, its statuses, how it is cancelled or deleted, which
// names must be unique, what it refers to). The generic engine (engine.ts) runs every create, get, list,
// cancel, delete and update from these descriptions; the per-kind modules hold only what is particular.
import type { JsonObject } from '../input';
import type { Timings } from '../lifecycle';
import type { ResourceRecord, Store } from '../store';
import type { Tenancy } from '../tenancy';

/** What a handler knows about the request it serves. */
export interface Ctx {
  store: Store;
  tenancy: Tenancy;
  /** The request's region (its credential scope, else the emulator's default). */
  region: string;
  /** The caller's account. */
  account: string;
  /** The request's moment (epoch ms); one value for the whole request. */
  now: number;
  timings: Timings;
}

/** An operation's implementation: validated input in, output data out (timestamps as epoch ms). */
export type Handler = (input: JsonObject, ctx: Ctx) => Promise<JsonObject | undefined>;

/** What a create is about to store; `prepare` hooks fill in derived fields, or make it a new version. */
export interface Draft {
  fields: JsonObject;
  tags: Map<string, string>;
  membershipIdentifier?: string;
  /** Set to an existing ARN to add a version to that resource instead of creating one. */
  arn?: string;
  version?: string;
}

export interface NameScope {
  /** Resources whose scopes are equal may not share a name. */
  key: string;
  /** For the ConflictException message: `membership …`, `account …`, `trained model …`. */
  where: string;
}

export interface Kind {
  /** The ARN's resource type (`trained-model`), also the kind's name. */
  type: string;
  /** For messages: `Trained model`. */
  label: string;
  /** The member carrying the ARN in inputs and outputs; kinds without one have no ARN (export jobs). */
  arnMember?: string;
  /** In a membership (`…:membership/<id>/<type>/<id>`) or directly in an account (`…:<type>/<id>`). */
  scope: 'membership' | 'account';
  taggable: boolean;
  /** `create`: CREATE_PENDING → CREATE_IN_PROGRESS → ACTIVE; `instant`: ACTIVE at once; `none`: no status. */
  lifecycle: 'create' | 'instant' | 'none';
  /** Statuses from which a cancel is accepted. */
  cancellable?: ReadonlySet<string>;
  /** How a delete ends: removed at once, or through DELETE_PENDING and DELETE_IN_PROGRESS to INACTIVE or GONE. */
  deletion?: 'remove' | 'INACTIVE' | 'GONE';
  /** Statuses from which a delete is accepted (default: any). */
  deletable?: ReadonlySet<string>;
  /** Where names must be unique (default: the membership, or the account and region). */
  nameScope?: (fields: JsonObject, membershipIdentifier: string | undefined, accountId: string, region: string) => NameScope;
  /** Checks what the create refers to and derives fields (throws the service's errors). */
  prepare?: (input: JsonObject, ctx: Ctx, draft: Draft) => void;
  /** The same for an update, with the record as it is. */
  prepareUpdate?: (input: JsonObject, ctx: Ctx, record: ResourceRecord) => void;
  /** A ConflictException message when other resources still depend on this one (refuses a delete). */
  dependents?: (record: ResourceRecord, ctx: Ctx) => string | undefined;
  /** Whether the caller sees an account-scoped record (default: records of its own account). */
  visible?: (record: ResourceRecord, ctx: Ctx) => boolean;
  /** Adjusts the view of a record for the caller. */
  view?: (record: ResourceRecord, view: JsonObject, ctx: Ctx) => void;
}

const KINDS = new Map<string, Kind>();

export function defineKind(kind: Kind): Kind {
  KINDS.set(kind.type, kind);
  return kind;
}

export function kindOf(type: string): Kind {
  const k = KINDS.get(type);
  if (!k) throw new Error(`unknown resource kind ${type}`);
  return k;
}

/** The kind an ARN names (`arn:aws:cleanrooms-ml:r:acct:[membership/m/]type/id`), if any. */
export function kindOfArn(arn: string): Kind | undefined {
  const m = /^arn:[^:]+:cleanrooms-ml:[^:]*:[^:]*:(?:membership\/[^/]+\/)?([^/]+)\//.exec(arn);
  return m ? KINDS.get(m[1]) : undefined;
}
