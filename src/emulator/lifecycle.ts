// Statuses over time. A resource keeps a timeline: the statuses it enters and when (epoch ms), fixed when
// something happens to it (a create, a cancel, a delete). Its status at any moment is the last entry at or
// before that moment, so nothing runs in the background, a restart or a kill -9 changes nothing, and tests
// move time with an injected clock. The phases follow the model's status enums:
//   create: CREATE_PENDING → CREATE_IN_PROGRESS → ACTIVE
//   cancel: CANCEL_PENDING → CANCEL_IN_PROGRESS → INACTIVE
//   delete: DELETE_PENDING → DELETE_IN_PROGRESS → INACTIVE (the resource stays) or GONE (it is removed)

/** How long each phase lasts, in milliseconds. */
export interface Timings {
  /** CREATE_PENDING, before CREATE_IN_PROGRESS. */
  pendingMs: number;
  /** CREATE_IN_PROGRESS, before ACTIVE. */
  createMs: number;
  /** A whole cancel: half CANCEL_PENDING, half CANCEL_IN_PROGRESS, then INACTIVE. */
  cancelMs: number;
  /** A whole delete: half DELETE_PENDING, half DELETE_IN_PROGRESS, then the end. */
  deleteMs: number;
}

export const DEFAULT_TIMINGS: Timings = { pendingMs: 1000, createMs: 2000, cancelMs: 1000, deleteMs: 1000 };

/** The timings `speed` times faster (Infinity: every transition at once). */
export function atSpeed(t: Timings, speed: number): Timings {
  const f = (ms: number) => (speed === Infinity ? 0 : ms / speed);
  return { pendingMs: f(t.pendingMs), createMs: f(t.createMs), cancelMs: f(t.cancelMs), deleteMs: f(t.deleteMs) };
}

/** `[status, since]` pairs in time order. The pseudo-status GONE means the resource no longer exists. */
export type Timeline = [string, number][];

export const GONE = 'GONE';

export interface StatusNow {
  status: string;
  /** When the resource entered it (its updateTime). */
  since: number;
}

/** The status at `now` (undefined for an empty timeline or one that starts later). */
export function statusAt(timeline: Timeline, now: number): StatusNow | undefined {
  let found: StatusNow | undefined;
  for (const [status, at] of timeline) {
    if (at > now) break;
    found = { status, since: at };
  }
  return found;
}

export function createPhases(now: number, t: Timings): Timeline {
  return [['CREATE_PENDING', now], ['CREATE_IN_PROGRESS', now + t.pendingMs], ['ACTIVE', now + t.pendingMs + t.createMs]];
}

export function cancelPhases(now: number, t: Timings): Timeline {
  return [['CANCEL_PENDING', now], ['CANCEL_IN_PROGRESS', now + t.cancelMs / 2], ['INACTIVE', now + t.cancelMs]];
}

export function deletePhases(now: number, t: Timings, end: 'INACTIVE' | typeof GONE): Timeline {
  return [['DELETE_PENDING', now], ['DELETE_IN_PROGRESS', now + t.deleteMs / 2], [end, now + t.deleteMs]];
}

/** The timeline with what was still to come at `now` replaced by `next`. */
export function continueWith(timeline: Timeline, now: number, next: Timeline): Timeline {
  return [...timeline.filter(([, at]) => at <= now), ...next];
}
