// The emulator's HTTP server: REST-JSON per the service model. A request is checked in the order that
// costs least: the Authorization header (when keys are configured: present, complete, a known key, the
// right scope, signed within 15 minutes; and the whole signature when x-amz-content-sha256 declares the
// payload), then its route, then its body — refused at once above the size limit, streamed through a
// SHA-256, kept in memory only for operations with body members and only within a byte budget shared by
// all requests (others wait their turn unread) —, then the signature over the body, the input read and
// validated from the model, the caller's tenancy, and the operation's handler.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MODEL } from '../model';
import type { Operation, ServiceModel } from '../model/types';
import { ServiceError, serviceError } from './errors';
import { readInput, validateInput, type JsonObject } from './input';
import { DEFAULT_TIMINGS, atSpeed, type Timings } from './lifecycle';
import { HANDLERS } from './operations';
import { outputBody } from './output';
import type { Ctx, Handler } from './resources/kind';
import { compileRoutes, matchRoute, parseQuery, type Route } from './router';
import { applySeed, type Seed } from './seed';
import {
  checkAuthorization, checkPayloadHash, checkSignature, declaredPayloadHash, parseAuthorization, regionOfRequest,
  type Authorized, type SignedRequest,
} from './sigv4';
import { Store } from './store';
import { Tenancy } from './tenancy';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** The account the key acts for (default: the seed's mapping, else the default account). */
  accountId?: string;
}

export interface EmulatorOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Where the state persists across restarts (default: memory only). */
  stateFile?: string;
  /** When given, every request must carry a valid SigV4 signature by one of these. */
  credentials?: Credentials[];
  /** The region of unsigned requests (default us-east-1). */
  region?: string;
  /** The account of callers whose key maps to none (default 123456789012, or the seed's). */
  defaultAccountId?: string;
  /** The service's time, for statuses and timestamps (default Date.now); tests inject their own. */
  clock?: () => number;
  /** The time signatures must be within 15 minutes of (default Date.now). */
  wallClock?: () => number;
  /** How long resources stay in each transitional status. */
  timings?: Partial<Timings>;
  /** How many times faster than `timings` statuses move (Infinity: at once). Default 1. */
  speed?: number;
  /** Membership id → collaboration id (for memberships the seed does not declare). */
  collaborations?: Record<string, string> | Map<string, string>;
  /** Accounts, collaborations, members and resources to start with. */
  seed?: Seed;
  /** Largest request body accepted, in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Request bytes held in memory at once, all requests together (default 16 MiB). */
  bodyBudgetBytes?: number;
  /** Called with one line per request (method, path, status, operation or error code). */
  log?: (line: string) => void;
}

export interface Emulator {
  readonly server: Server;
  readonly store: Store;
  readonly host: string;
  readonly port: number;
  /** `http://host:port` */
  readonly url: string;
  /** Stops listening, drops idle connections and waits for pending state writes. */
  close(): Promise<void>;
}

export const SIGNING_NAME = MODEL.metadata.signingName ?? MODEL.metadata.endpointPrefix;
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A count of bytes that requests reserve before reading their bodies, and wait for when it is spent. */
class ByteBudget {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async take(n: number): Promise<void> {
    // A request larger than the whole budget still runs, alone.
    while (this.used > 0 && this.used + n > this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.used += n;
  }

  give(n: number): void {
    this.used -= n;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

interface Settings {
  model: ServiceModel;
  routes: Route[];
  handlers: ReadonlyMap<string, Handler>;
  store: Store;
  tenancy: Tenancy;
  secrets?: Map<string, string>;
  keyAccounts: Map<string, string>;
  region: string;
  now: () => number;
  wallNow: () => number;
  timings: Timings;
  maxBodyBytes: number;
  budget: ByteBudget;
  log?: (line: string) => void;
}

function send(res: ServerResponse, status: number, body: string, extraHeaders: Record<string, string> = {}): void {
  const data = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': randomUUID(),
    'Content-Length': String(data.length),
    ...extraHeaders,
  });
  res.end(data);
}

function sendError(res: ServerResponse, e: ServiceError, extraHeaders: Record<string, string> = {}): void {
  send(res, e.status, JSON.stringify({ message: e.message, ...e.extra }), { 'x-amzn-ErrorType': e.code, ...extraHeaders });
}

const tooLarge = (limit: number) => serviceError('RequestEntityTooLargeException',
  `Request body is larger than the ${limit} bytes this service accepts.`);

/** Reads a body through a SHA-256; keeps it only when asked. Rejects above `limit` bytes. */
function readBody(req: IncomingMessage, limit: number, keep: boolean): Promise<{ body: Buffer; hash: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        req.off('data', onData);
        reject(tooLarge(limit));
        return;
      }
      hash.update(c);
      if (keep) chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve({ body: keep ? Buffer.concat(chunks) : Buffer.alloc(0), hash: hash.digest('hex') });
    });
    const gone = (e: Error) => {
      if (done) return;
      done = true;
      reject(e);
    };
    req.on('error', gone);
    // A client that went away (even while the request waited for the budget) ends the read.
    req.on('close', () => gone(new Error('the client closed the connection before its body was read')));
    if (req.destroyed) gone(new Error('the client closed the connection before its body was read'));
  });
}

const hasBodyMembers = (op: Operation, model: ServiceModel) =>
  op.input !== undefined && Object.values(model.shapes[op.input.shape].members ?? {}).some((m) => !m.location);

async function handle(s: Settings, req: IncomingMessage, res: ServerResponse): Promise<string> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const headers = req.headersDistinct as Record<string, string[] | undefined>;
  const signed: SignedRequest = { method: req.method ?? 'GET', rawPath, rawQuery, headers };

  // 1. What the headers tell, before any byte of the body is read.
  let auth: Authorized | undefined;
  const declared = declaredPayloadHash(headers);
  if (s.secrets) {
    auth = checkAuthorization(headers, (id) => s.secrets!.get(id), SIGNING_NAME, s.wallNow());
    if (declared !== undefined) checkSignature(signed, auth, declared);
  }
  const query = parseQuery(rawQuery);
  const match = matchRoute(s.routes, signed.method, rawPath, query);
  const length = req.headers['content-length'] !== undefined ? Number(req.headers['content-length']) : undefined;
  if (length !== undefined && length > s.maxBodyBytes) throw tooLarge(s.maxBodyBytes);

  // 2. The body: streamed, hashed, held only when the operation reads it, within the shared budget.
  const keep = match !== undefined && hasBodyMembers(match.operation, s.model);
  const reserve = keep ? Math.min(length ?? s.maxBodyBytes, s.maxBodyBytes) : 0;
  if (reserve) await s.budget.take(reserve);
  try {
    const { body, hash } = await readBody(req, s.maxBodyBytes, keep);
    if (auth) {
      if (declared === undefined) checkSignature(signed, auth, hash);
      checkPayloadHash(signed, hash);
    }
    if (!match) throw serviceError('UnknownOperationException', `No operation matches ${signed.method} ${rawPath}`);
    const op = match.operation;
    const handler = s.handlers.get(op.name);
    if (!handler) throw serviceError('UnknownOperationException', `The operation ${op.name} is not supported by cleanroomsml-local`);

    // 3. The input, from the model.
    const input = readInput(op, { labels: match.labels, query, headers: req.headers, body }, s.model);
    validateInput(op, input, s.model);

    // 4. Who calls, from where, and may it act through this membership or read this collaboration.
    const keyId = auth?.accessKeyId ?? (headers.authorization?.[0] ? parseAuthorization(headers.authorization[0]).accessKeyId : undefined);
    const account = (keyId !== undefined ? s.keyAccounts.get(keyId) : undefined) ?? s.tenancy.accountOf(keyId);
    const region = auth?.region ?? regionOfRequest(headers) ?? s.region;
    checkTenancy(s.tenancy, input, account);
    const ctx: Ctx = { store: s.store, tenancy: s.tenancy, region, account, now: s.now(), timings: s.timings };
    const output = await handler(input, ctx);
    send(res, op.http.responseCode ?? 200, outputBody(output, op.output?.shape, s.model));
    return op.name;
  } finally {
    if (reserve) s.budget.give(reserve);
  }
}

function checkTenancy(tenancy: Tenancy, input: JsonObject, account: string): void {
  if (typeof input.membershipIdentifier === 'string') tenancy.checkMembership(input.membershipIdentifier, account);
  if (typeof input.collaborationIdentifier === 'string') tenancy.checkCollaboration(input.collaborationIdentifier, account);
  if (typeof input.collaborationId === 'string') tenancy.checkCollaboration(input.collaborationId, account);
}

/** Answers, then closes the connection (the rest of the body is not worth reading). */
function closeWith(req: IncomingMessage, res: ServerResponse, err: ServiceError): void {
  if (res.headersSent || res.destroyed) return;
  sendError(res, err, { Connection: 'close' });
  res.on('finish', () => req.socket.destroy());
}

/** Reads what is left of a body without keeping it; `done(true)` once it all came, `done(false)` past `limit`. */
function discardBody(req: IncomingMessage, limit: number, done: (whole: boolean) => void): void {
  if (req.complete) {
    done(true);
    return;
  }
  let size = 0;
  let finished = false;
  const finish = (whole: boolean) => {
    if (finished) return;
    finished = true;
    done(whole);
  };
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > limit) finish(false);
  });
  req.on('end', () => finish(true));
  req.on('close', () => finish(false));
  req.on('error', () => finish(false));
  req.resume();
}

/** A request listener for node:http serving the emulated service from `store` (for embedding). */
export function createRequestListener(
  opts: EmulatorOptions, store: Store,
): (req: IncomingMessage, res: ServerResponse) => void {
  const s = settingsFrom(opts, store);
  return (req, res) => {
    handle(s, req, res).then(
      (opName) => s.log?.(`${req.method} ${req.url} ${res.statusCode} ${opName}`),
      (e: unknown) => {
        const err = e instanceof ServiceError ? e : serviceError('InternalFailure', `Internal error: ${(e as Error)?.message ?? e}`);
        s.log?.(`${req.method} ${req.url} ${err.status} ${err.code}`);
        if (res.headersSent) {
          res.destroy();
        } else if (err.code === 'RequestEntityTooLargeException') {
          closeWith(req, res, err);
        } else {
          // A body left unread (a request refused on its headers) is discarded as it arrives, so that
          // the client, done sending, reads the answer; past the size limit the connection is closed.
          discardBody(req, s.maxBodyBytes, (whole) => (whole ? sendError(res, err) : closeWith(req, res, err)));
        }
      },
    );
  };
}

function settingsFrom(opts: EmulatorOptions, store: Store): Settings {
  const seed = opts.seed;
  const collaborations = opts.collaborations instanceof Map ? opts.collaborations
    : new Map(Object.entries(opts.collaborations ?? {}));
  const tenancy = new Tenancy({
    defaultAccountId: opts.defaultAccountId ?? seed?.defaultAccountId,
    accessKeys: seed?.accessKeys,
    collaborations: seed?.collaborations,
    membershipCollaborations: collaborations,
  });
  const keyAccounts = new Map<string, string>();
  for (const c of opts.credentials ?? []) if (c.accountId !== undefined) keyAccounts.set(c.accessKeyId, c.accountId);
  return {
    model: MODEL,
    routes: compileRoutes(MODEL),
    handlers: HANDLERS,
    store,
    tenancy,
    secrets: opts.credentials?.length
      ? new Map(opts.credentials.map((c) => [c.accessKeyId, c.secretAccessKey])) : undefined,
    keyAccounts,
    region: opts.region ?? 'us-east-1',
    now: opts.clock ?? Date.now,
    wallNow: opts.wallClock ?? Date.now,
    timings: atSpeed({ ...DEFAULT_TIMINGS, ...opts.timings }, opts.speed ?? 1),
    maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    budget: new ByteBudget(opts.bodyBudgetBytes ?? 16 * 1024 * 1024),
    log: opts.log,
  };
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const store = Store.open(opts.stateFile);
  const listener = createRequestListener(opts, store);
  if (opts.seed) {
    const tenancy = new Tenancy({ collaborations: opts.seed.collaborations });
    await applySeed(store, opts.seed, tenancy, (opts.clock ?? Date.now)());
  }
  const server = createServer(listener);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    server, store, host, port,
    url: `http://${urlHost}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Connections still busy get a moment to finish their response, then are dropped.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }).then(() => store.flush());
      return closing;
    },
  };
}
