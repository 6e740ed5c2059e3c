// The emulator's state (its jobs) and its persistence. With a state file, every change is written
// atomically — a temp file in the same directory, fsync, rename, fsync of the directory — so that a
// kill -9 at any moment leaves either the old or the new complete file. Writes are serialised and
// coalesced: a change made while a write is in flight is carried by the next write, and `commit()`
// resolves only once a write that includes the caller's change is durable.
import { promises as fsp, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JsonObject } from './input';

export const STATE_FORMAT = 'cleanroomsml-local-state';
export const STATE_VERSION = 1;

/** One trained model inference job as stored. Times are epoch milliseconds. */
export interface JobRecord {
  /** Creation order (also the pagination cursor). */
  seq: number;
  arn: string;
  region: string;
  membershipIdentifier: string;
  /** The request's body members as given (name, trainedModelArn, resourceConfig, …), less tags. */
  fields: JsonObject;
  tags: Record<string, string>;
  createTime: number;
  /** When the job leaves CREATE_PENDING and when it becomes ACTIVE (fixed at creation). */
  inProgressAt: number;
  activeAt: number;
  /** Set by a cancel: CANCEL_PENDING from cancelTime, INACTIVE from inactiveAt. */
  cancelTime?: number;
  inactiveAt?: number;
}

interface StateFileContent {
  format: typeof STATE_FORMAT;
  version: number;
  nextSeq: number;
  jobs: JobRecord[];
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

/** Writes `data` to `file` atomically (temp file in the same directory, fsync, rename, fsync dir). */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${tempCounter++}.tmp`);
  const fh = await fsp.open(tmp, 'wx', 0o644);
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

export class JobStore {
  readonly jobs = new Map<string, JobRecord>();
  private nextSeq = 1;
  private writing: Promise<void> | undefined;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  private constructor(readonly file: string | undefined) {}

  /** An in-memory store, or one loaded from (and saved to) `file` when given. */
  static open(file?: string): JobStore {
    const store = new JobStore(file);
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
    let data: StateFileContent;
    try {
      data = JSON.parse(text) as StateFileContent;
    } catch (e) {
      throw new StateFileError(`state file ${file} is not valid JSON: ${(e as Error).message}`);
    }
    if (!data || data.format !== STATE_FORMAT || !Array.isArray(data.jobs)) {
      throw new StateFileError(`${file} is not a cleanroomsml-local state file`);
    }
    if (data.version !== STATE_VERSION) {
      throw new StateFileError(`state file ${file} has version ${data.version}; this emulator reads version ${STATE_VERSION}`);
    }
    for (const j of data.jobs) this.jobs.set(j.arn, j);
    this.nextSeq = data.jobs.reduce((m, j) => Math.max(m, j.seq + 1), Number(data.nextSeq) || 1);
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

  add(job: JobRecord): void {
    this.jobs.set(job.arn, job);
  }

  /** The file's content for the current state. */
  serialize(): string {
    const content: StateFileContent = {
      format: STATE_FORMAT, version: STATE_VERSION, nextSeq: this.nextSeq, jobs: [...this.jobs.values()],
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
