// The `aws` executable's edge: builds the IO from the process, runs the CLI, returns the exit code
// once all output is written.
// Ctrl-C ends with 130 and no trace; a reader that closes stdout early (`| head`) is not an error.
//
// Output goes to file descriptors 1 and 2 with blocking writes, as Python writes them: touching
// process.stdout would load Node's stream and net machinery (about 3 ms of a 25 ms start). Node's
// stream takes over when a descriptor turns out to be non-blocking and full (EAGAIN, e.g. a pipe a
// parent Node process made non-blocking), or when other code already writes through it (the prompt).
import { fstatSync, writeSync } from 'node:fs';
import type { IO, OutStream } from './io';
import { run } from './commands/run';

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

/**
 * An OutStream on fd 1 or 2; `closed` is set when the reader went away (EPIPE), later output is
 * dropped. `flushed()` resolves once all output is with the operating system (writes that went
 * through Node's stream may still be queued there).
 */
function fdStream(fd: 1 | 2, name: StdName): OutStream & { closed: boolean; flushed(): Promise<void> } {
  let stream: NodeJS.WriteStream | undefined;
  let tty: boolean | undefined;
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
  const out = {
    closed: false,
    flushed(): Promise<void> {
      if (!stream || stream.writableLength === 0 || out.closed) return Promise.resolve();
      // A write's callback runs once every write before it is done (or failed).
      return new Promise((resolve) => { stream!.write(Buffer.alloc(0), () => resolve()); });
    },
    write(s: string | Uint8Array) {
      if (out.closed || !s.length) return;
      if (stream || created[name]) { toStream().write(s); return; }
      const buf = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
      let off = 0;
      while (off < buf.length) {
        try {
          off += writeSync(fd, buf, off, buf.length - off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') { toStream().write(buf.subarray(off)); return; }
          // The reader left (`| head`), or there is no such descriptor: the output goes nowhere.
          if (code === 'EPIPE' || code === 'EBADF') { out.closed = true; return; }
          throw e;
        }
      }
    },
    /** A terminal is a character device: anything else (file, pipe, socket) is known without tty. */
    get isTTY(): boolean {
      if (tty === undefined) {
        let chr = false;
        try { chr = fstatSync(fd).isCharacterDevice(); } catch { chr = false; }
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
  // Made when something first waits on it (a request): AbortController costs a module load.
  let controller: AbortController | undefined;
  const stdout = fdStream(1, 'stdout');
  const stderr = fdStream(2, 'stderr');
  const onSigint = () => {
    controller?.abort();
    // As the AWS CLI: a newline, exit 130, no trace.
    stdout.write('\n');
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
    get signal() { return (controller ??= new AbortController()).signal; },
  };
  try {
    return await run(argv, io);
  } finally {
    process.off('SIGINT', onSigint);
    // The launcher (scripts/loader.js) ends the process when this resolves: no output may be left behind.
    await Promise.all([stdout.flushed(), stderr.flushed()]);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((rc) => { process.exitCode = rc; });
}
