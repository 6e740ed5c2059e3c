// botocore's ProcessProvider (credential_process), with its failures as the AWS CLI reports them: the
// command is split as shlex.split does and run without a shell, once; a non-zero exit is a
// CredentialRetrievalError with the process's stderr; its stdout is decoded as strict UTF-8 and read
// with Python's json.loads (their errors are the AWS CLI's texts, exit 255); `Version` must equal 1,
// `AccessKeyId` and `SecretAccessKey` must be there; an `Expiration` makes refreshable credentials
// (botocore's RefreshableCredentials: refreshed, by running the process again, within 15 minutes of
// their expiry; still expired after a refresh is an error).
// The SDK's own process provider reports none of these causes (and runs a failing process twice
// through its chain), so this one takes the profiles whose credentials botocore would get from it.
import { spawn } from 'node:child_process';
import { CliError, RC } from '../errors';
import type { DebugLog } from '../debug';
import { pyUtf8Decode } from '../py/codec';
import { errnoOf } from '../py/errno';
import { pyStr, pyStrRepr, pyTypeShortName } from '../py/repr';
import { PyFloat, type PyValue } from '../py/values';
import { jsonLoads } from '../py/json-loads';
import { shlexSplit } from '../py/shlex';
import { parseDateutil } from '../py/dateutil';
import { type PyDatetime } from '../py/datetime';
import { epochFromFields } from '../py/calendar';
import { CredentialRetrievalError, type Credentials } from './credential-types';

const METHOD = 'custom-process';
/** botocore's refresh windows (seconds before expiry). */
const ADVISORY_REFRESH = 15 * 60;
const MANDATORY_REFRESH = 10 * 60;

interface ProcessOutput {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

function runProcess(argv: string[], env: Record<string, string | undefined>, cwd: string | undefined): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env: env as NodeJS.ProcessEnv, cwd, stdio: ['inherit', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      // The failures of Popen itself: an OSError escapes as `[Errno N] text: 'program'`.
      const known = errnoOf(e.code);
      reject(new CliError(known ? `[Errno ${known[0]}] ${known[1]}: ${pyStrRepr(argv[0])}` : e.message, RC.GENERAL));
    });
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

/** A Python exception the AWS CLI lets escape (its str() is the whole error, exit 255). */
const pyError = (message: string) => new CliError(message, RC.GENERAL);

function decode(b: Buffer): string {
  try {
    return pyUtf8Decode(b);
  } catch (e) {
    throw pyError((e as Error).message);
  }
}

interface ProcessCredentials {
  /** The values as the process gave them (any JSON value; SessionToken undefined when absent). */
  values: { accessKeyId: PyValue; secretAccessKey: PyValue; sessionToken: PyValue | undefined };
  /** `Expiration` as the process gave it (None when absent). */
  expiry: PyValue;
}

/** Python's truth value of a JSON value. */
function truthy(v: PyValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0 || v === 0n) return false;
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

const jsonKind = (v: PyValue) => (v === null ? 'null' : typeof v === 'boolean' ? 'a boolean' : Array.isArray(v) ? 'an array'
  : v instanceof Map ? 'an object' : 'a number');

/**
 * The credentials to sign with. botocore keeps whatever JSON values the process gave; its signer then
 * fails on those that are not strings (a TypeError or AttributeError, exit 255, no request): a
 * SessionToken it sends (a true value: a falsy one, 0 or false, is left out) as it reads the headers,
 * then the SecretAccessKey as it derives the key, then the AccessKeyId as it writes the Authorization
 * header. They are refused here, when signing, in that order, with an error that says which is wrong.
 */
function signingCredentials(values: ProcessCredentials['values']): Credentials {
  const token = truthy(values.sessionToken) ? values.sessionToken! : undefined;
  for (const [name, v] of [['SessionToken', token], ['SecretAccessKey', values.secretAccessKey], ['AccessKeyId', values.accessKeyId]] as const) {
    if (v !== undefined && typeof v !== 'string') {
      throw new CredentialRetrievalError(METHOD, `${name} must be a string, not ${jsonKind(v)}`);
    }
  }
  return { accessKeyId: values.accessKeyId as string, secretAccessKey: values.secretAccessKey as string, sessionToken: token as string | undefined };
}

/** ProcessProvider._retrieve_credentials_using. */
async function retrieve(command: string, env: Record<string, string | undefined>, cwd: string | undefined,
  log: DebugLog): Promise<ProcessCredentials> {
  let argv: string[];
  try {
    argv = shlexSplit(command);
  } catch (e) {
    throw pyError((e as Error).message);
  }
  if (!argv.length) throw pyError('list index out of range');
  log.debug('botocore.credentials', `Running credential_process: ${argv[0]}`);
  const r = await runProcess(argv, env, cwd);
  if (r.code !== 0) throw new CredentialRetrievalError(METHOD, decode(r.stderr));
  let parsed: PyValue;
  try {
    parsed = jsonLoads(decode(r.stdout), { tooDeep: 'decode' });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw pyError((e as Error).message);
  }
  if (!(parsed instanceof Map)) throw pyError(`'${pyTypeShortName(parsed)}' object has no attribute 'get'`);
  const version = parsed.has('Version') ? parsed.get('Version')! : '<Version key not provided>';
  // Python's `version != 1`: True and 1.0 are equal to 1.
  const isOne = version === 1 || version === true || (version instanceof PyFloat && version.value === 1);
  if (!isOne) {
    throw new CredentialRetrievalError(METHOD, `Unsupported version '${pyStr(version)}' for credential process provider, supported versions: 1`);
  }
  for (const key of ['AccessKeyId', 'SecretAccessKey']) {
    if (!parsed.has(key)) throw new CredentialRetrievalError(METHOD, `Missing required key in response: '${key}'`);
  }
  return {
    values: {
      accessKeyId: parsed.get('AccessKeyId')!, secretAccessKey: parsed.get('SecretAccessKey')!, sessionToken: parsed.get('SessionToken'),
    },
    expiry: parsed.get('Expiration') ?? null,
  };
}

/** dateutil's parse(expiry) as RefreshableCredentials makes its expiry time (epoch seconds, or null when naive). */
function expiryOf(value: PyValue, tz: string | undefined, nowSecs: number): number | null {
  if (typeof value !== 'string') throw pyError(`Parser must be a string or character stream, not ${pyTypeShortName(value)}`);
  let dt: PyDatetime;
  try {
    dt = parseDateutil(value, tz, new Date(nowSecs * 1000));
  } catch (e) {
    throw pyError((e as Error).message);
  }
  if (dt.offset === null) return null;
  return epochFromFields(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second) + dt.microsecond / 1e6 - dt.offset;
}

/** What the provider found when the client was created: keys, refreshed when signing if they expire. */
export interface ProcessProvided {
  /** The credentials to sign with now (refreshing them first when they are about to expire). */
  resolve(): Promise<Credentials>;
}

/**
 * ProcessProvider.load(): runs the process once (when the client is created, as botocore does). With
 * an `Expiration`, the credentials are refreshed as botocore's RefreshableCredentials refresh them.
 */
export async function loadProcessCredentials(command: string, opts: {
  env: Record<string, string | undefined>; cwd?: string; log: DebugLog; now?: () => number;
}): Promise<ProcessProvided> {
  const { env, cwd, log } = opts;
  const now = opts.now ?? (() => Date.now() / 1000);
  const first = await retrieve(command, env, cwd, log);
  if (first.expiry === null) return { resolve: async () => signingCredentials(first.values) };
  let current = first.values;
  let expiry = expiryOf(first.expiry, env.TZ, now());
  const remaining = () => {
    // A naive expiry cannot be compared with the aware current time.
    if (expiry === null) throw pyError("can't subtract offset-naive and offset-aware datetimes");
    return expiry - now();
  };
  return {
    resolve: async () => {
      if (remaining() >= ADVISORY_REFRESH) return signingCredentials(current);
      const mandatory = remaining() < MANDATORY_REFRESH;
      let next: ProcessCredentials;
      try {
        next = await retrieve(command, env, cwd, log);
      } catch (e) {
        log.debug('botocore.credentials', `Refreshing temporary credentials failed during ${mandatory ? 'mandatory' : 'advisory'} refresh period.`);
        if (mandatory) throw e;
        return signingCredentials(current);
      }
      current = next.values;
      if (next.expiry === null) throw pyError('Parser must be a string or character stream, not NoneType');
      expiry = expiryOf(next.expiry, env.TZ, now());
      if (remaining() < 0) {
        throw pyError('Credentials were refreshed, but the refreshed credentials are still expired.');
      }
      return signingCredentials(current);
    },
  };
}
