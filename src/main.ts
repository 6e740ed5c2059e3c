// The `aws` executable's edge: builds the IO from the process, runs the CLI, sets the exit code.
// Ctrl-C ends with 130 and no trace; a reader that closes stdout early (`| head`) is not an error.
import type { IO } from './io';
import { run } from './commands/run';

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    controller.abort();
    // As the AWS CLI: a newline, exit 130, no trace.
    process.stdout.write('\n');
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  let stdoutClosed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') { stdoutClosed = true; return; }
    throw e;
  });
  const io: IO = {
    stdout: {
      write: (s) => { if (!stdoutClosed && s.length) process.stdout.write(s); },
      isTTY: process.stdout.isTTY,
      columns: process.stdout.columns,
    },
    stderr: { write: (s) => { if (s.length) process.stderr.write(s); }, isTTY: process.stderr.isTTY },
    readStdin: () => new Promise((resolve) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    signal: controller.signal,
  };
  try {
    return await run(argv, io);
  } finally {
    process.off('SIGINT', onSigint);
    void interrupted;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((rc) => { process.exitCode = rc; });
}
