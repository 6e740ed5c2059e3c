// `cleanroomsml-local`: runs the local Clean Rooms ML emulator until SIGINT/SIGTERM.
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { startEmulator, type Emulator, type EmulatorOptions } from './server';
import { StateFileError } from './store';

export const DEFAULT_PORT = 8765;

export interface MainIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIO: MainIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function parsePort(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535.');
  return Number(v);
}

function parseSeconds(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number of seconds, 0 or more.');
  return n;
}

function collectPair(v: string, prev: Record<string, string> | undefined): Record<string, string> {
  const m = /^([^=]+)=(.+)$/.exec(v);
  if (!m) throw new InvalidArgumentError('expected MEMBERSHIP_ID=COLLABORATION_ID.');
  return { ...prev, [m[1]]: m[2] };
}

interface CliOptions {
  host: string;
  port: number;
  stateFile?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region: string;
  pendingSeconds: number;
  createSeconds: number;
  cancelSeconds: number;
  collaboration?: Record<string, string>;
  verbose?: boolean;
}

export function buildProgram(io: MainIO): Command {
  return new Command()
    .name('cleanroomsml-local')
    .description('A local emulator of the AWS Clean Rooms ML service (trained model inference jobs), '
      + 'speaking its REST-JSON protocol.\nPoint the CLI at it with --endpoint-url.')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--state-file <path>', 'keep jobs in this file across restarts (default: in memory only)')
    .option('--access-key-id <id>', 'require SigV4 signatures by this access key (with --secret-access-key)')
    .option('--secret-access-key <secret>', 'the secret of --access-key-id')
    .option('--region <region>', 'region of requests that are not signed', 'us-east-1')
    .option('--pending-seconds <seconds>', 'how long a new job stays CREATE_PENDING', parseSeconds, 1)
    .option('--create-seconds <seconds>', 'how long a job then stays CREATE_IN_PROGRESS before ACTIVE', parseSeconds, 2)
    .option('--cancel-seconds <seconds>', 'how long a cancelled job stays CANCEL_PENDING before INACTIVE', parseSeconds, 1)
    .option('--collaboration <membership=collaboration>', 'the collaboration id of a membership (repeatable; '
      + 'default: an id derived from the membership id)', collectPair)
    .option('--verbose', 'log each request on stderr')
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

/**
 * Runs the command line: starts the emulator and prints `listening on http://HOST:PORT`. Resolves with the
 * running emulator (undefined after --help or an error, with process.exitCode set). SIGINT and SIGTERM
 * close it.
 */
export async function main(argv: string[], io: MainIO = defaultIO): Promise<Emulator | undefined> {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return undefined;
    }
    throw e;
  }
  const o = program.opts<CliOptions>();
  if ((o.accessKeyId === undefined) !== (o.secretAccessKey === undefined)) {
    io.stderr('cleanroomsml-local: --access-key-id and --secret-access-key go together\n');
    process.exitCode = 2;
    return undefined;
  }
  const opts: EmulatorOptions = {
    host: o.host,
    port: o.port,
    stateFile: o.stateFile,
    credentials: o.accessKeyId !== undefined ? [{ accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey! }] : undefined,
    region: o.region,
    timings: { pendingMs: o.pendingSeconds * 1000, createMs: o.createSeconds * 1000, cancelMs: o.cancelSeconds * 1000 },
    collaborations: o.collaboration,
    log: o.verbose ? (line) => io.stderr(`${line}\n`) : undefined,
  };
  let emulator: Emulator;
  try {
    emulator = await startEmulator(opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = e instanceof StateFileError ? err.message
      : err.code === 'EADDRINUSE' ? `${o.host}:${o.port} is already in use` : err.message;
    io.stderr(`cleanroomsml-local: ${why}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const unlisten = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  const stop = () => {
    unlisten();
    emulator.close().then(
      () => { process.exitCode = 0; },
      (e: Error) => {
        io.stderr(`cleanroomsml-local: ${e.message}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  io.stdout(`listening on ${emulator.url}\n`);
  return {
    ...emulator,
    close: () => {
      unlisten();
      return emulator.close();
    },
  };
}

/** True when this module is the program being run (directly, bundled, or through bin/cleanroomsml-local). */
function invokedAsProgram(): boolean {
  if (process.env.CLEANROOMSML_LOCAL_MAIN) return true;
  if (typeof require === 'undefined' || typeof module === 'undefined' || !require.main) return false;
  return require.main === module || basename(require.main.filename) === 'cleanroomsml-local';
}

if (invokedAsProgram()) {
  main(process.argv.slice(2)).catch((e: Error) => {
    process.stderr.write(`cleanroomsml-local: ${e.stack ?? e.message}\n`);
    process.exitCode = 1;
  });
}
