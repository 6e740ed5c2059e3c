// The `aws` executable's edge: builds the IO from the process, runs the CLI, returns the exit code
// once all output is written.
// Ctrl-C ends with 130 and no trace; a reader that closes stdout early (`| head`) is not an error.
//
// Output goes to file descriptors 1 and 2 with blocking writes, as Python writes them: touching
// process.stdout would load Node's stream and net machinery (about 3 ms of a 25 ms start). Node's
// stream takes over when a descriptor turns out to be non-blocking and full (EAGAIN, e.g. a pipe a
// parent Node process made non-blocking), or when other code already writes through it (the prompt).
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { IO, OutStream } from './io';
import { cli } from './cli';

type StdName = 'stdout' | 'stderr';

/** Which of process.stdout / process.stderr exist (their getters create them on first use). */
const created: Record<StdName, boolean> = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  const d = Object.getOwnPropertyDescriptor(process, name);
  if (d?.get && d.configurable) {
    const get = d.get;
    Object.defineProperty(process, name, { ...d, get() { created[name] = true; return get.call(process); } });
  } else {
    created[name] = true;
  }
}

/** The device number of /dev/null (-1 where there is none). */
function devNullRdev(): number {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return -1;
  }
}

/** Outputs larger than this are written in chunks, with the event loop turning between them. */
const LARGE = 256 * 1024;
const CHUNK = 64 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * An OutStream on fd 1 or 2; `closed` is set when the reader went away (EPIPE), later output is
 * dropped. `flushed()` resolves once all output is with the operating system (writes that went
 * through Node's stream may still be queued there).
 *
 * A large output (a 40 MB table) is not written in one blocking call: that would keep Ctrl-C (whose
 * handler runs on the event loop) waiting until the reader had taken all of it. It is written a chunk
 * at a time, the event loop turning between chunks; to a pipe or socket through Node's non-blocking
 * stream (so that a reader that stops reading cannot hold the process either), to a file or terminal
 * with blocking writes. Later output waits behind it, in order.
 */
function fdStream(fd: 1 | 2, name: StdName): OutStream & { closed: boolean; flushed(): Promise<void>; interrupt(text: string): void } {
  let stream: NodeJS.WriteStream | undefined;
  let tty: boolean | undefined;
  let kind: 'pipe' | 'other' | undefined;
  /** The chunked writes in progress (undefined when none). */
  let queue: Promise<void> | undefined;
  const toStream = () => {
    if (!stream) {
      stream = process[name];
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') { out.closed = true; return; }
        throw e;
      });
    }
    return stream;
  };
  const fdKind = () => {
    if (kind === undefined) {
      try {
        const st = fstatSync(fd);
        kind = st.isFIFO() || st.isSocket() ? 'pipe' : 'other';
      } catch {
        kind = 'other';
      }
    }
    return kind;
  };
  /**
   * One blocking write of buf[off, end): the number of bytes it took. When the descriptor turns out
   * non-blocking and full (EAGAIN) the rest goes to Node's stream; when the reader is gone, nowhere.
   */
  const writeBlocking = (buf: Uint8Array, off: number, end: number): number => {
    try {
      return writeSync(fd, buf, off, end - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { toStream().write(buf.subarray(off, end)); return end - off; }
      // The reader left (`| head`), or there is no such descriptor: the output goes nowhere.
      if (code === 'EPIPE' || code === 'EBADF') { out.closed = true; return end - off; }
      throw e;
    }
  };
  /** Through Node's stream, waiting for it to drain (or fail) before more is given to it. */
  const writeStream = async (buf: Uint8Array, off: number, end: number): Promise<void> => {
    const st = toStream();
    if (st.write(buf.subarray(off, end))) return;
    await new Promise<void>((resolve) => {
      const done = () => { st.off('drain', done); st.off('error', done); st.off('close', done); resolve(); };
      st.on('drain', done);
      st.on('error', done);
      st.on('close', done);
    });
  };
  const writeChunked = async (buf: Uint8Array): Promise<void> => {
    for (let off = 0; off < buf.length && !out.closed;) {
      const end = Math.min(off + CHUNK, buf.length);
      if (stream || created[name] || fdKind() === 'pipe') {
        await writeStream(buf, off, end);
        off = end;
      } else {
        off += writeBlocking(buf, off, end);
        await nextTurn();
      }
    }
  };
  const out = {
    closed: false,
    async flushed(): Promise<void> {
      while (queue) await queue;
      if (!stream || stream.writableLength === 0 || out.closed) return;
      // A write's callback runs once every write before it is done (or failed).
      await new Promise<void>((resolve) => { stream!.write(Buffer.alloc(0), () => resolve()); });
    },
    write(s: string | Uint8Array) {
      if (out.closed || !s.length) return;
      if (queue || (typeof s === 'string' ? s.length * 3 : s.length) > LARGE) {
        const buf = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
        // (A write that fails otherwise than EPIPE leaves the rest of the output nowhere, as EPIPE does.)
        const run = (queue ?? Promise.resolve()).then(() => writeChunked(buf)).catch(() => { out.closed = true; });
        const mine: Promise<void> = run.finally(() => { if (queue === mine) queue = undefined; });
        queue = mine;
        return;
      }
      if (stream || created[name]) { toStream().write(s); return; }
      const buf = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
      for (let off = 0; off < buf.length && !out.closed;) off += writeBlocking(buf, off, buf.length);
    },
    /** Ctrl-C: `text` now, ahead of anything still queued (which is dropped as the process ends). */
    interrupt(text: string) {
      if (out.closed) return;
      try {
        writeSync(fd, text);
      } catch {
        // a full non-blocking pipe, or no reader: nothing to add
      }
    },
    /**
     * A terminal is a character device other than /dev/null: anything else (file, pipe, socket,
     * `> /dev/null`) is known without asking Node's tty (whose stream costs about 1 ms to make).
     */
    get isTTY(): boolean {
      if (tty === undefined) {
        let chr = false;
        try {
          const st = fstatSync(fd);
          chr = st.isCharacterDevice() && st.rdev !== devNullRdev();
        } catch {
          chr = false;
        }
        tty = chr && !!process[name].isTTY;
      }
      return tty;
    },
    get columns(): number | undefined {
      return out.isTTY ? process[name].columns : undefined;
    },
  };
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const stdout = fdStream(1, 'stdout');
  const stderr = fdStream(2, 'stderr');
  // As the AWS CLI: a newline, exit 130, no trace; output still queued is not written, and a request
  // on its way or a wait before a retry end with the process.
  const onSigint = () => {
    stdout.interrupt('\n');
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  const io: IO = {
    stdout,
    stderr,
    readStdin: () => new Promise((resolve) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    // (Node's streams are made only when the prompt asks for them.)
    terminal: () => ({ input: process.stdin, output: !process.stdout.isTTY && process.stderr.isTTY ? process.stderr : process.stdout }),
    endsProcess: true,
  };
  try {
    return await cli(argv, io);
  } finally {
    // The launcher (the loader in bin/aws) ends the process when this resolves: no output may be left behind.
    // Ctrl-C still stops it while a large output is being written.
    await Promise.all([stdout.flushed(), stderr.flushed()]);
    process.off('SIGINT', onSigint);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((rc) => { process.exitCode = rc; });
}
