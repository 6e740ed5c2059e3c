// The emulator's HTTP server: REST-JSON per the service model. Each request is authenticated (SigV4, when
// credentials are configured), routed generically from the model's method + requestUri templates, read
// and validated from the model, handed to the operation's handler, and answered in the service's shape.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MODEL } from '../model';
import type { ServiceModel } from '../model/types';
import { ServiceError, serviceError } from './errors';
import { readInput, validateInput } from './input';
import { DEFAULT_TIMINGS, HANDLERS, derivedCollaborationId, type Handler, type ServiceContext, type Timings } from './jobs';
import { outputBody } from './output';
import { compileRoutes, matchRoute, parseQuery, type Route } from './router';
import { regionOfRequest, verifySigV4, type SignedRequest } from './sigv4';
import { JobStore } from './store';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface EmulatorOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Where jobs persist across restarts (default: memory only). */
  stateFile?: string;
  /** When given, every request must carry a valid SigV4 signature by one of these. */
  credentials?: Credentials[];
  /** The region of unsigned requests (default us-east-1). */
  region?: string;
  /** Milliseconds since the epoch (default Date.now); tests inject their own. */
  clock?: () => number;
  /** How long jobs stay in each transitional status. */
  timings?: Partial<Timings>;
  /** Membership id → collaboration id; others get a stable id derived from the membership. */
  collaborations?: Record<string, string>;
  /** Largest request body accepted, in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Called with one line per request (method, path, status, error code). */
  log?: (line: string) => void;
}

export interface Emulator {
  readonly server: Server;
  readonly store: JobStore;
  readonly host: string;
  readonly port: number;
  /** `http://host:port` */
  readonly url: string;
  /** Stops listening, drops idle connections and waits for pending state writes. */
  close(): Promise<void>;
}

export const SIGNING_NAME = MODEL.metadata.signingName ?? MODEL.metadata.endpointPrefix;

interface Settings {
  model: ServiceModel;
  routes: Route[];
  handlers: Record<string, Handler>;
  store: JobStore;
  secrets?: Map<string, string>;
  region: string;
  now: () => number;
  timings: Timings;
  collaborationOf: (m: string) => string;
  maxBodyBytes: number;
  log?: (line: string) => void;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => (tooLarge
      ? reject(serviceError('RequestEntityTooLargeException', `Request body is larger than ${limit} bytes`))
      : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
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

function sendError(res: ServerResponse, e: ServiceError): void {
  send(res, e.status, JSON.stringify({ message: e.message, ...e.extra }), { 'x-amzn-ErrorType': e.code });
}

async function handle(s: Settings, req: IncomingMessage, res: ServerResponse): Promise<string> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const body = await readBody(req, s.maxBodyBytes);
  const headers = req.headersDistinct as Record<string, string[] | undefined>;
  const signed: SignedRequest = { method: req.method ?? 'GET', rawPath, rawQuery, headers, body };
  const region = s.secrets
    ? verifySigV4(signed, (id) => s.secrets!.get(id), SIGNING_NAME).region
    : regionOfRequest(headers) ?? s.region;
  const query = parseQuery(rawQuery);
  const match = matchRoute(s.routes, signed.method, rawPath, query);
  if (!match) throw serviceError('UnknownOperationException', `No operation matches ${signed.method} ${rawPath}`);
  const op = match.operation;
  const handler = s.handlers[op.name];
  if (!handler) throw serviceError('UnknownOperationException', `The operation ${op.name} is not supported by cleanroomsml-local`);
  const input = readInput(op, { labels: match.labels, query, headers: req.headers, body }, s.model);
  validateInput(op, input, s.model);
  const ctx: ServiceContext = { store: s.store, region, now: s.now, timings: s.timings, collaborationOf: s.collaborationOf };
  const output = await handler(input, ctx);
  send(res, op.http.responseCode ?? 200, outputBody(output, op.output?.shape, s.model));
  return op.name;
}

/** A request listener for node:http serving the emulated service from `store` (for embedding). */
export function createRequestListener(
  opts: EmulatorOptions, store: JobStore,
): (req: IncomingMessage, res: ServerResponse) => void {
  const s = settingsFrom(opts, store);
  return (req, res) => {
    handle(s, req, res).then(
      (opName) => s.log?.(`${req.method} ${req.url} ${res.statusCode} ${opName}`),
      (e: unknown) => {
        const err = e instanceof ServiceError ? e : serviceError('InternalFailure', `Internal error: ${(e as Error)?.message ?? e}`);
        if (!res.headersSent) sendError(res, err);
        else res.destroy();
        s.log?.(`${req.method} ${req.url} ${err.status} ${err.code}`);
      },
    );
  };
}

function settingsFrom(opts: EmulatorOptions, store: JobStore): Settings {
  const collaborations = opts.collaborations ?? {};
  return {
    model: MODEL,
    routes: compileRoutes(MODEL),
    handlers: HANDLERS,
    store,
    secrets: opts.credentials?.length
      ? new Map(opts.credentials.map((c) => [c.accessKeyId, c.secretAccessKey])) : undefined,
    region: opts.region ?? 'us-east-1',
    now: opts.clock ?? Date.now,
    timings: { ...DEFAULT_TIMINGS, ...opts.timings },
    collaborationOf: (m) => collaborations[m] ?? derivedCollaborationId(m),
    maxBodyBytes: opts.maxBodyBytes ?? 10 * 1024 * 1024,
    log: opts.log,
  };
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const store = JobStore.open(opts.stateFile);
  const server = createServer(createRequestListener(opts, store));
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
