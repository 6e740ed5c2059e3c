// The emulator's state (every resource, its tags) and its persistence. With a state file, every change is
// written atomically — a temp file (mode 0600: it holds environment values and policies) in the same
// directory, fsync, rename, fsync of the directory — so that a kill -9 at any moment leaves either the old
// or the new complete file. Writes are serialised and coalesced: a change made while a write is in flight
// is carried by the next write, and `commit()` resolves only once a write that includes the caller's change
// is durable. Every user-controlled key (ARNs, tag keys) is held in a Map.
import { promises as fsp, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JsonObject } from './input';
import { GONE, statusAt, type Timeline } from './lifecycle';

export const STATE_FORMAT = 'cleanroomsml-local-state';
export const STATE_VERSION = 2;

/** One resource as stored. Times are epoch milliseconds. */
export interface ResourceRecord {
  /** The kind (the ARN's resource type: `trained-model`, `training-dataset`, …). */
  kind: string;
  /** Unique key: the ARN; `ARN#version` for a trained model's later versions; `kind/id` for kinds without ARN. */
  key: string;
  arn?: string;
  /** A trained model version's identifier (absent for the base version). */
  version?: string;
  /** Creation order (also the pagination cursor). */
  seq: number;
  region: string;
  /** The account that created it. */
  accountId: string;
  membershipIdentifier?: string;
  /** The request's members as given (less the membership and tags), plus what the service derived. */
  fields: JsonObject;
  /** Status transitions (empty for kinds without a status). */
  timeline: Timeline;
  createTime: number;
  /** Last change by an update (updateTime is the later of this and the current status's start). */
  modifiedAt?: number;
  /** A configured audience model's resource policy. */
  policy?: string;
}

interface StateFileContent {
  format: typeof STATE_FORMAT;
  version: number;
  nextSeq: number;
  records: ResourceRecord[];
  /** ARN → [key, value] pairs (pairs, so that any key, `__proto__` included, round-trips). */
  tags: [string, [string, string][]][];
}

/** Version 1 held trained model inference jobs only. */
interface V1Job {
  seq: number; arn: string; region: string; membershipIdentifier: string; fields: JsonObject;
  tags: Record<string, string>; createTime: number; inProgressAt: number; activeAt: number;
  cancelTime?: number; inactiveAt?: number;
}

export class StateFileError extends Error {}

function tempPattern(file: string): RegExp {
  const esc = basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${esc}\\.(\\d+)\\.\\d+\\.tmp$`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let tempCounter = 0;

/** Writes `data` to `file` atomically (temp file of mode 0600 in the same directory, fsync, rename, fsync dir). */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${tempCounter++}.tmp`);
  const fh = await fsp.open(tmp, 'wx', 0o600);
  try {
    try {
      await fh.writeFile(data, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  try {
    const d = await fsp.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic.
  }
}

function migrateV1(job: V1Job): ResourceRecord {
  const timeline: Timeline = [['CREATE_PENDING', job.createTime]];
  const ends = job.cancelTime ?? Infinity;
  if (job.inProgressAt <= ends) timeline.push(['CREATE_IN_PROGRESS', job.inProgressAt]);
  if (job.activeAt <= ends) timeline.push(['ACTIVE', job.activeAt]);
  if (job.cancelTime !== undefined) {
    const inactiveAt = job.inactiveAt ?? job.cancelTime;
    timeline.push(['CANCEL_PENDING', job.cancelTime], ['CANCEL_IN_PROGRESS', (job.cancelTime + inactiveAt) / 2],
      ['INACTIVE', inactiveAt]);
  }
  return {
    kind: 'trained-model-inference-job', key: job.arn, arn: job.arn, seq: job.seq, region: job.region,
    accountId: job.arn.split(':')[4], membershipIdentifier: job.membershipIdentifier, fields: job.fields,
    timeline, createTime: job.createTime,
  };
}

export class Store {
  private readonly records = new Map<string, ResourceRecord>();
  private readonly arnIndex = new Map<string, ResourceRecord[]>();
  /** Records whose timeline ends in GONE: removed once that moment has passed. */
  private readonly doomed = new Set<ResourceRecord>();
  /** kind NUL name → the records of that kind with that name (names never change). */
  private readonly nameIndex = new Map<string, Set<ResourceRecord>>();
  /** ARN → tag key → value. */
  readonly tags = new Map<string, Map<string, string>>();
  private nextSeq = 1;
  private writing: Promise<void> | undefined;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  private constructor(readonly file: string | undefined) {}

  /** An in-memory store, or one loaded from (and saved to) `file` when given. */
  static open(file?: string): Store {
    const store = new Store(file);
    if (file) store.load(file);
    return store;
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') text = '';
      else throw new StateFileError(`cannot read state file ${file}: ${(e as Error).message}`);
    }
    this.removeStaleTemps(file);
    if (text === '') return;
    let data: StateFileContent & { jobs?: V1Job[] };
    try {
      data = JSON.parse(text) as StateFileContent & { jobs?: V1Job[] };
    } catch (e) {
      throw new StateFileError(`state file ${file} is not valid JSON: ${(e as Error).message}`);
    }
    if (!data || typeof data !== 'object' || data.format !== STATE_FORMAT) {
      throw new StateFileError(`${file} is not a cleanroomsml-local state file`);
    }
    if (data.version === 1 && Array.isArray(data.jobs)) {
      for (const j of data.jobs) {
        this.add(migrateV1(j));
        if (j.tags && Object.keys(j.tags).length) this.tags.set(j.arn, new Map(Object.entries(j.tags)));
      }
    } else if (data.version === STATE_VERSION && Array.isArray(data.records) && Array.isArray(data.tags)) {
      for (const r of data.records) this.add(r);
      for (const [arn, pairs] of data.tags) this.tags.set(arn, new Map(pairs));
    } else if (data.version !== 1 && data.version !== STATE_VERSION) {
      throw new StateFileError(`state file ${file} has version ${data.version}; this emulator reads versions 1 and ${STATE_VERSION}`);
    } else {
      throw new StateFileError(`${file} is not a cleanroomsml-local state file`);
    }
    let next = Number(data.nextSeq) || 1;
    for (const r of this.records.values()) next = Math.max(next, r.seq + 1);
    this.nextSeq = next;
  }

  /** Temp files left by a process that was killed mid-write. */
  private removeStaleTemps(file: string): void {
    const re = tempPattern(file);
    let names: string[];
    try {
      names = readdirSync(dirname(file));
    } catch {
      return;
    }
    for (const n of names) {
      const m = re.exec(n);
      if (m && (Number(m[1]) === process.pid || !processAlive(Number(m[1])))) {
        try { unlinkSync(join(dirname(file), n)); } catch { /* already gone */ }
      }
    }
  }

  allocateSeq(): number {
    return this.nextSeq++;
  }

  get(key: string): ResourceRecord | undefined {
    return this.records.get(key);
  }

  /** Every record (versions included) of an ARN, oldest first. */
  byArn(arn: string): readonly ResourceRecord[] {
    return this.arnIndex.get(arn) ?? [];
  }

  all(): IterableIterator<ResourceRecord> {
    return this.records.values();
  }

  /** The records of a kind with a name. */
  named(kind: string, name: string): ReadonlySet<ResourceRecord> {
    return this.nameIndex.get(`${kind}\0${name}`) ?? new Set();
  }

  add(r: ResourceRecord): void {
    this.records.set(r.key, r);
    this.watch(r);
    if (typeof r.fields.name === 'string') {
      const k = `${r.kind}\0${r.fields.name}`;
      const set = this.nameIndex.get(k);
      if (set) set.add(r);
      else this.nameIndex.set(k, new Set([r]));
    }
    if (r.arn !== undefined) {
      const list = this.arnIndex.get(r.arn);
      if (list) list.push(r);
      else this.arnIndex.set(r.arn, [r]);
    }
  }

  /** Notes a record whose timeline now ends in GONE (call after changing a timeline). */
  watch(r: ResourceRecord): void {
    if (r.timeline.length && r.timeline[r.timeline.length - 1][0] === GONE) this.doomed.add(r);
  }

  remove(r: ResourceRecord): void {
    this.records.delete(r.key);
    this.doomed.delete(r);
    if (typeof r.fields.name === 'string') {
      const k = `${r.kind}\0${r.fields.name}`;
      this.nameIndex.get(k)?.delete(r);
      if (this.nameIndex.get(k)?.size === 0) this.nameIndex.delete(k);
    }
    if (r.arn === undefined) return;
    const list = (this.arnIndex.get(r.arn) ?? []).filter((x) => x !== r);
    if (list.length) {
      this.arnIndex.set(r.arn, list);
    } else {
      this.arnIndex.delete(r.arn);
      this.tags.delete(r.arn);
    }
  }

  /** Drops the records whose deletion has completed by `now`. */
  sweep(now: number): void {
    for (const r of [...this.doomed]) {
      if (statusAt(r.timeline, now)?.status === GONE) this.remove(r);
    }
  }

  /** The file's content for the current state. */
  serialize(): string {
    const content: StateFileContent = {
      format: STATE_FORMAT, version: STATE_VERSION, nextSeq: this.nextSeq, records: [...this.records.values()],
      tags: [...this.tags].filter(([, m]) => m.size > 0).map(([arn, m]) => [arn, [...m]]),
    };
    return `${JSON.stringify(content, null, 1)}\n`;
  }

  /** Persists the current state; resolves once a write including every change made so far is durable. */
  commit(): Promise<void> {
    if (!this.file) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.writing) this.writeLoop();
    });
  }

  private writeLoop(): void {
    const batch = this.waiters;
    this.waiters = [];
    const data = this.serialize();
    this.writing = writeFileAtomic(this.file!, data).then(
      () => batch.forEach((w) => w.resolve()),
      (e) => batch.forEach((w) => w.reject(e)),
    ).then(() => {
      this.writing = undefined;
      if (this.waiters.length) this.writeLoop();
    });
  }

  /** Resolves when no write is pending. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }
}
