import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMINGS, GONE, atSpeed, cancelPhases, continueWith, createPhases, deletePhases, statusAt,
} from '../../src/emulator/lifecycle';
import { Tenancy, derivedCollaborationId, partitionOf } from '../../src/emulator/tenancy';

describe('timelines', () => {
  const t0 = 1_000_000;

  it('give the status at any moment, and when it began', () => {
    const tl = createPhases(t0, DEFAULT_TIMINGS);
    expect(statusAt(tl, t0 - 1)).toBeUndefined();
    expect(statusAt(tl, t0)).toEqual({ status: 'CREATE_PENDING', since: t0 });
    expect(statusAt(tl, t0 + 999)).toEqual({ status: 'CREATE_PENDING', since: t0 });
    expect(statusAt(tl, t0 + 1000)).toEqual({ status: 'CREATE_IN_PROGRESS', since: t0 + 1000 });
    expect(statusAt(tl, t0 + 3000)).toEqual({ status: 'ACTIVE', since: t0 + 3000 });
  });

  it('replace what was still to come by a cancel or a delete', () => {
    const cancelled = continueWith(createPhases(t0, DEFAULT_TIMINGS), t0 + 500, cancelPhases(t0 + 500, DEFAULT_TIMINGS));
    expect(cancelled.map(([s]) => s)).toEqual(['CREATE_PENDING', 'CANCEL_PENDING', 'CANCEL_IN_PROGRESS', 'INACTIVE']);
    expect(statusAt(cancelled, t0 + 1000)).toEqual({ status: 'CANCEL_IN_PROGRESS', since: t0 + 1000 });
    expect(statusAt(cancelled, t0 + 1500)).toEqual({ status: 'INACTIVE', since: t0 + 1500 });
    const deleted = continueWith(createPhases(t0, DEFAULT_TIMINGS), t0 + 5000, deletePhases(t0 + 5000, DEFAULT_TIMINGS, GONE));
    expect(statusAt(deleted, t0 + 6000)?.status).toBe(GONE);
  });

  it('move faster with speed, and at once when it is infinite', () => {
    expect(atSpeed(DEFAULT_TIMINGS, 10)).toEqual({ pendingMs: 100, createMs: 200, cancelMs: 100, deleteMs: 100 });
    const instant = createPhases(t0, atSpeed(DEFAULT_TIMINGS, Infinity));
    expect(statusAt(instant, t0)).toEqual({ status: 'ACTIVE', since: t0 });
  });
});

describe('tenancy', () => {
  const COLLAB = 'c0ffee00-0000-4000-8000-000000000000';
  const M = '11111111-2222-4333-8444-555555555555';

  it('maps keys to accounts, with one default', () => {
    const t = new Tenancy({ defaultAccountId: '111122223333', accessKeys: new Map([['AK', '444455556666']]) });
    expect([t.accountOf('AK'), t.accountOf('OTHER'), t.accountOf(undefined)]).toEqual(['444455556666', '111122223333', '111122223333']);
    // Keys named like built-ins are keys like others.
    expect(new Tenancy().accountOf('constructor')).toBe('123456789012');
  });

  it('puts memberships in collaborations: declared, mapped, or derived and stable', () => {
    const t = new Tenancy({
      collaborations: [{ collaborationIdentifier: COLLAB, members: [{ accountId: '123456789012', membershipIdentifier: M }] }],
      membershipCollaborations: new Map([['99999999-8888-4777-8666-555555555555', 'mapped']]),
    });
    expect(t.collaborationOf(M)).toBe(COLLAB);
    expect(t.collaborationOf('99999999-8888-4777-8666-555555555555')).toBe('mapped');
    const other = '22222222-2222-4222-8222-222222222222';
    expect(t.collaborationOf(other)).toBe(derivedCollaborationId(other));
    expect(derivedCollaborationId(other)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedCollaborationId(other)).not.toBe(derivedCollaborationId(M));
  });

  it('enforces declared memberships and collaborations only', () => {
    const t = new Tenancy({ collaborations: [{ collaborationIdentifier: COLLAB, members: [{ accountId: '123456789012', membershipIdentifier: M }] }] });
    expect(() => t.checkMembership(M, '123456789012')).not.toThrow();
    expect(() => t.checkMembership(M, '444455556666')).toThrow('Account 444455556666 is not authorized to act through membership');
    expect(() => t.checkMembership('22222222-2222-4222-8222-222222222222', '444455556666')).not.toThrow();
    expect(() => t.checkCollaboration(COLLAB, '444455556666')).toThrow(`Account 444455556666 is not a member of collaboration ${COLLAB}.`);
    expect(() => t.checkCollaboration('d0ffee00-0000-4000-8000-000000000000', '444455556666')).not.toThrow();
  });

  it('knows the partitions', () => {
    expect(['us-east-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1'].map(partitionOf))
      .toEqual(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b']);
  });
});
