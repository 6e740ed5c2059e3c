// `cleanroomsml-local`: runs the local Clean Rooms ML emulator until SIGINT/SIGTERM. When it is ready it
// prints the lines to paste into another shell (endpoint, region, and keys it accepts).
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_TIMINGS } from './lifecycle';
import { SeedError, loadSeedFile, type Seed } from './seed';
import { startEmulator, type Credentials, type Emulator, type EmulatorOptions } from './server';
import { StateFileError } from './store';
import { DEFAULT_ACCOUNT_ID } from './tenancy';

export const DEFAULT_PORT = 8765;

/** Keys printed for the other shell when the emulator checks none: the AWS documentation's example keys. */
export const ANY_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const ANY_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export const ENV_ACCESS_KEY_ID = 'CLEANROOMSML_LOCAL_ACCESS_KEY_ID';
export const ENV_SECRET_ACCESS_KEY = 'CLEANROOMSML_LOCAL_SECRET_ACCESS_KEY';

export interface MainIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The environment the keys may come from (default process.env). */
  env?: Record<string, string | undefined>;
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

function parseSpeed(v: string): number {
  if (/^(instant|inf|infinity)$/i.test(v.trim())) return Infinity;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError("must be a number above 0 (how many times faster), or 'instant'.");
  }
  return n;
}

function parseAccount(v: string): string {
  if (!/^\d{12}$/.test(v)) throw new InvalidArgumentError('must be a 12-digit AWS account id.');
  return v;
}

function collectPair(v: string, prev: Map<string, string> | undefined): Map<string, string> {
  const m = /^([^=]+)=(.+)$/.exec(v);
  if (!m) throw new InvalidArgumentError('expected MEMBERSHIP_ID=COLLABORATION_ID.');
  return new Map(prev ?? []).set(m[1], m[2]);
}

interface CliOptions {
  host: string;
  port: number;
  stateFile?: string;
  seed?: string;
  credentialsFile?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  accountId?: string;
  region: string;
  speed: number;
  pendingSeconds: number;
  createSeconds: number;
  cancelSeconds: number;
  deleteSeconds: number;
  collaboration?: Map<string, string>;
  verbose?: boolean;
}

const HELP_AFTER = `
Keys: when keys are given, every request must be signed (SigV4) by one of them, within 15 minutes of
now. Give them in the environment, where other users cannot see them:
  ${ENV_ACCESS_KEY_ID}=… ${ENV_SECRET_ACCESS_KEY}=… cleanroomsml-local
or in a credentials file (INI, as ~/.aws/credentials: aws_access_key_id, aws_secret_access_key, and
optionally aws_account_id, in any number of sections) with --credentials-file. --secret-access-key also
works, but shows the secret to every local user in ps.

When ready it prints the lines to paste into another shell: the endpoint, the region and keys it accepts.`;

export function buildProgram(io: MainIO): Command {
  return new Command()
    .name('cleanroomsml-local')
    .description('A local emulator of the AWS Clean Rooms ML service (every operation of its API), '
      + 'speaking its REST-JSON protocol.\nPoint any AWS client at it (AWS_ENDPOINT_URL_CLEANROOMSML or --endpoint-url).')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--state-file <path>', 'keep the state in this file across restarts (default: in memory only)')
    .option('--seed <file>', 'a JSON file of accounts, collaborations, memberships and resources to start with')
    .option('--credentials-file <file>', 'require signatures by the keys in this INI file (see below)')
    .option('--access-key-id <id>', `require signatures by this access key (better: ${ENV_ACCESS_KEY_ID})`)
    .option('--secret-access-key <secret>', `the secret of --access-key-id (better: ${ENV_SECRET_ACCESS_KEY})`)
    .option('--account-id <id>', `the account of callers whose key maps to no account (default ${DEFAULT_ACCOUNT_ID})`, parseAccount)
    .option('--region <region>', 'region of requests that are not signed', 'us-east-1')
    .option('--speed <factor>', "how many times faster statuses move than the --*-seconds below ('instant': at once)", parseSpeed, 1)
    .option('--pending-seconds <seconds>', 'how long a new resource stays CREATE_PENDING', parseSeconds, DEFAULT_TIMINGS.pendingMs / 1000)
    .option('--create-seconds <seconds>', 'how long it then stays CREATE_IN_PROGRESS before ACTIVE', parseSeconds, DEFAULT_TIMINGS.createMs / 1000)
    .option('--cancel-seconds <seconds>', 'how long a cancel takes (CANCEL_PENDING, CANCEL_IN_PROGRESS) before INACTIVE', parseSeconds,
      DEFAULT_TIMINGS.cancelMs / 1000)
    .option('--delete-seconds <seconds>', 'how long a delete takes (DELETE_PENDING, DELETE_IN_PROGRESS)', parseSeconds,
      DEFAULT_TIMINGS.deleteMs / 1000)
    .option('--collaboration <membership=collaboration>', 'the collaboration id of a membership (repeatable; '
      + 'default: the seed\'s, else an id derived from the membership id)', collectPair)
    .option('--verbose', 'log each request on stderr')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

class UsageError extends Error {}

/** Reads the keys of an INI credentials file (sections with aws_access_key_id and aws_secret_access_key). */
async function readCredentialsFile(path: string, warn: (s: string) => void): Promise<Credentials[]> {
  let mode: number;
  try {
    mode = statSync(path).mode;
    accessSync(path, fsConstants.R_OK);
  } catch (e) {
    throw new UsageError(`cannot read credentials file ${path}: ${(e as Error).message}`);
  }
  if (mode & 0o077) warn(`warning: credentials file ${path} can be read by other users (chmod 600 it)`);
  const { credentialsFile } = await loadSharedConfigFiles({ filepath: path, configFilepath: '/dev/null', ignoreCache: true });
  const out: Credentials[] = [];
  for (const [section, values] of Object.entries(credentialsFile)) {
    const id = values.aws_access_key_id;
    const secret = values.aws_secret_access_key;
    if (id === undefined && secret === undefined) continue;
    if (!id || !secret) {
      throw new UsageError(`credentials file ${path}: section [${section}] needs both aws_access_key_id and aws_secret_access_key`);
    }
    const account = values.aws_account_id;
    if (account !== undefined && !/^\d{12}$/.test(account)) {
      throw new UsageError(`credentials file ${path}: section [${section}]: aws_account_id must be a 12-digit account id`);
    }
    out.push(account !== undefined ? { accessKeyId: id, secretAccessKey: secret, accountId: account } : { accessKeyId: id, secretAccessKey: secret });
  }
  if (!out.length) throw new UsageError(`credentials file ${path} holds no keys (aws_access_key_id, aws_secret_access_key)`);
  return out;
}

/** Every key the emulator requires signatures by: environment, credentials file, command line. */
async function collectCredentials(o: CliOptions, env: Record<string, string | undefined>, warn: (s: string) => void): Promise<Credentials[]> {
  const creds: Credentials[] = [];
  const envId = env[ENV_ACCESS_KEY_ID] || undefined;
  const envSecret = env[ENV_SECRET_ACCESS_KEY] || undefined;
  if ((envId === undefined) !== (envSecret === undefined)) {
    throw new UsageError(`${ENV_ACCESS_KEY_ID} and ${ENV_SECRET_ACCESS_KEY} go together`);
  }
  if (envId !== undefined) creds.push({ accessKeyId: envId, secretAccessKey: envSecret! });
  if (o.credentialsFile !== undefined) creds.push(...await readCredentialsFile(o.credentialsFile, warn));
  if ((o.accessKeyId === undefined) !== (o.secretAccessKey === undefined)) {
    throw new UsageError('--access-key-id and --secret-access-key go together');
  }
  if (o.accessKeyId !== undefined) {
    warn(`warning: --secret-access-key shows the secret to every local user (ps); prefer ${ENV_SECRET_ACCESS_KEY} or --credentials-file`);
    creds.push({ accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey! });
  }
  return creds;
}

/** A word as the shell reads it back: bare when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** What the user pastes into another shell to use the running emulator. */
export function readyLines(url: string, region: string, credentials: Credentials[]): string {
  const key = credentials[0] ?? { accessKeyId: ANY_ACCESS_KEY_ID, secretAccessKey: ANY_SECRET_ACCESS_KEY };
  const checks = credentials.length ? 'signatures checked' : 'signatures not checked: any keys do';
  return `# cleanroomsml-local: listening on ${url} (${checks}); in another shell, paste:\n`
    + `export AWS_ENDPOINT_URL_CLEANROOMSML=${shellWord(url)}\n`
    + `export AWS_DEFAULT_REGION=${shellWord(region)}\n`
    + `export AWS_ACCESS_KEY_ID=${shellWord(key.accessKeyId)}\n`
    + `export AWS_SECRET_ACCESS_KEY=${shellWord(key.secretAccessKey)}\n`;
}

/**
 * Runs the command line: starts the emulator and prints where it listens and the lines to paste into
 * another shell. Resolves with the running emulator (undefined after --help or an error, with
 * process.exitCode set). SIGINT and SIGTERM close it.
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
  const warn = (s: string) => io.stderr(`cleanroomsml-local: ${s}\n`);
  let credentials: Credentials[];
  let seed: Seed | undefined;
  try {
    credentials = await collectCredentials(o, io.env ?? process.env, warn);
    if (o.seed !== undefined) seed = loadSeedFile(o.seed);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof SeedError)) throw e;
    warn(e.message);
    process.exitCode = 2;
    return undefined;
  }
  const opts: EmulatorOptions = {
    host: o.host,
    port: o.port,
    stateFile: o.stateFile,
    credentials: credentials.length ? credentials : undefined,
    region: o.region,
    defaultAccountId: o.accountId,
    speed: o.speed,
    timings: {
      pendingMs: o.pendingSeconds * 1000, createMs: o.createSeconds * 1000,
      cancelMs: o.cancelSeconds * 1000, deleteMs: o.deleteSeconds * 1000,
    },
    collaborations: o.collaboration,
    seed,
    log: o.verbose ? (line) => io.stderr(`${line}\n`) : undefined,
  };
  let emulator: Emulator;
  try {
    emulator = await startEmulator(opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = e instanceof StateFileError ? err.message
      : err.code === 'EADDRINUSE' ? `${o.host}:${o.port} is already in use` : err.message;
    warn(why);
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
        warn(e.message);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  io.stdout(readyLines(emulator.url, o.region, credentials));
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
    process.stderr.write(`cleanroomsml-local: ${e.message}\n`);
    process.exitCode = 1;
  });
}
