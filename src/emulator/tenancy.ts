// Who is calling and where memberships belong. The caller's account is its access key's (a mapping from
// the credentials or the seed file, else one default account). A membership belongs to a collaboration:
// declared in the seed file (with the member account that owns it), mapped with --collaboration, or else a
// stable collaboration id derived from the membership id, so that the same membership always lands in the
// same collaboration. Declared memberships and collaborations are enforced: only the owning account may act
// through a membership, and only member accounts may read a collaboration's views (AccessDeniedException).
import { createHash } from 'node:crypto';
import { serviceError } from './errors';

export const DEFAULT_ACCOUNT_ID = '123456789012';

export interface SeedMember {
  accountId: string;
  membershipIdentifier: string;
}

export interface SeedCollaboration {
  collaborationIdentifier: string;
  name?: string;
  members: SeedMember[];
}

export interface TenancyOptions {
  defaultAccountId?: string;
  /** Access key id → account id. */
  accessKeys?: Map<string, string>;
  collaborations?: SeedCollaboration[];
  /** Membership id → collaboration id (--collaboration), for memberships not declared in collaborations. */
  membershipCollaborations?: Map<string, string>;
}

/** A stable UUID-shaped collaboration id for a membership that has none configured. */
export function derivedCollaborationId(membershipId: string): string {
  const h = createHash('sha256').update(`cleanroomsml-local/collaboration/${membershipId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

export class Tenancy {
  readonly defaultAccountId: string;
  private readonly accessKeys: Map<string, string>;
  /** Declared memberships: id → owner account and collaboration. */
  private readonly memberships = new Map<string, { accountId: string; collaborationIdentifier: string }>();
  /** Declared collaborations: id → member account ids. */
  private readonly collaborations = new Map<string, Set<string>>();
  private readonly mapped: Map<string, string>;

  constructor(opts: TenancyOptions = {}) {
    this.defaultAccountId = opts.defaultAccountId ?? DEFAULT_ACCOUNT_ID;
    this.accessKeys = opts.accessKeys ?? new Map();
    this.mapped = opts.membershipCollaborations ?? new Map();
    for (const c of opts.collaborations ?? []) {
      const accounts = this.collaborations.get(c.collaborationIdentifier) ?? new Set<string>();
      this.collaborations.set(c.collaborationIdentifier, accounts);
      for (const m of c.members) {
        accounts.add(m.accountId);
        this.memberships.set(m.membershipIdentifier, { accountId: m.accountId, collaborationIdentifier: c.collaborationIdentifier });
      }
    }
  }

  /** The account of a caller (its access key's, else the default). */
  accountOf(accessKeyId: string | undefined): string {
    return (accessKeyId !== undefined ? this.accessKeys.get(accessKeyId) : undefined) ?? this.defaultAccountId;
  }

  collaborationOf(membershipId: string): string {
    return this.memberships.get(membershipId)?.collaborationIdentifier ?? this.mapped.get(membershipId)
      ?? derivedCollaborationId(membershipId);
  }

  /** The account a membership was declared for (undefined: any account may use it). */
  ownerOf(membershipId: string): string | undefined {
    return this.memberships.get(membershipId)?.accountId;
  }

  /** Refuses a caller acting through a membership another account owns. */
  checkMembership(membershipId: string, accountId: string): void {
    const owner = this.ownerOf(membershipId);
    if (owner !== undefined && owner !== accountId) {
      throw serviceError('AccessDeniedException',
        `Account ${accountId} is not authorized to act through membership ${membershipId}, which belongs to another account.`);
    }
  }

  /** Refuses a caller reading a declared collaboration it is not a member of. */
  checkCollaboration(collaborationId: string, accountId: string): void {
    const members = this.collaborations.get(collaborationId);
    if (members !== undefined && !members.has(accountId)) {
      throw serviceError('AccessDeniedException',
        `Account ${accountId} is not a member of collaboration ${collaborationId}.`);
    }
  }
}
