// CleanRoomsMLClient: the public shape of the official @aws-sdk/client-cleanroomsml (which this
// registry does not serve): `new CleanRoomsMLClient(config)` and `client.send(new XCommand(input))`.
// Built on the SDK's runtime packages (credentials, SigV4, HTTP) through ./runtime; the request is
// serialised from the model. The CLI uses `sendRaw` to keep the exact response bytes.
import type { DebugLog } from '../debug';
import { MODEL, operationNamed } from '../model';
import type { Operation } from '../model/types';
import { fromJS, toJS, type PyDict, type PyValue } from '../py/values';
import type { OperationCommand } from './command';
import { serializeRequest } from './serialize';
import { ServiceError } from './service-error';
import type { Credentials, RawResponse, TransportOptions } from './runtime';

export * from './commands.generated';
export { OperationCommand } from './command';
export { ServiceError } from './service-error';

export interface CleanRoomsMLClientConfig {
  region: string;
  /** An explicit endpoint; otherwise the service's endpoint rules decide. */
  endpoint?: string;
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
  /** Static credentials, or a provider; omitted: the SDK's default provider chain. `null`: unsigned. */
  credentials?: Credentials | (() => Promise<Credentials>) | null;
  maxAttempts?: number;
  /** 'standard' (the default) or 'adaptive' (standard with a client-side rate limiter). */
  retryMode?: 'standard' | 'adaptive';
  /** Seconds (0 = none). */
  connectTimeout?: number;
  readTimeout?: number;
  verifySsl?: boolean;
  caBundle?: string;
  env?: Record<string, string | undefined>;
  userAgent?: string;
  logger?: DebugLog;
  abortSignal?: AbortSignal;
  warn?: (text: string) => void;
}

export interface ResponseMetadata {
  httpStatusCode: number;
  requestId?: string;
  attempts: number;
}

const silent: DebugLog = { enabled: false, debug: () => undefined };

export class CleanRoomsMLClient {
  readonly config: CleanRoomsMLClientConfig;

  constructor(config: CleanRoomsMLClientConfig) {
    this.config = config;
  }

  private async transportOptions(): Promise<TransportOptions> {
    const c = this.config;
    const rt = await import('./runtime');
    let credentials: Credentials | undefined;
    if (typeof c.credentials === 'function') credentials = await c.credentials();
    else if (c.credentials) credentials = c.credentials;
    else if (c.credentials === undefined) {
      const env = c.env ?? process.env;
      credentials = await rt.resolveCredentials({
        env, profile: env.AWS_PROFILE ?? 'default', fromFlag: false,
        configFile: env.AWS_CONFIG_FILE ?? `${env.HOME}/.aws/config`,
        credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE ?? `${env.HOME}/.aws/credentials`,
      }, c.logger ?? silent);
    }
    const endpoint = c.endpoint ?? (await import('./endpoints')).resolveServiceEndpoint({
      region: c.region, useFips: c.useFipsEndpoint, useDualStack: c.useDualstackEndpoint,
    }).url;
    return {
      endpoint, region: c.region, signingName: MODEL.metadata.signingName ?? MODEL.metadata.endpointPrefix,
      credentials, maxAttempts: c.maxAttempts ?? 3, retryMode: c.retryMode, connectTimeout: c.connectTimeout ?? 60,
      readTimeout: c.readTimeout ?? 60, verifySsl: c.verifySsl ?? true, caBundle: c.caBundle,
      env: c.env ?? process.env, userAgent: c.userAgent ?? 'aws-cleanroomsml-clone/0.1 lang/nodejs',
      log: c.logger ?? silent, signal: c.abortSignal, now: () => new Date(), warn: c.warn,
    };
  }

  private options?: Promise<TransportOptions>;

  /** Sends an operation with Python-like parameters and returns the raw HTTP answer (after retries). */
  async sendRaw(operation: Operation, params: PyDict): Promise<RawResponse> {
    const rt = await import('./runtime');
    this.options ??= this.transportOptions();
    return rt.sendWithRetries(serializeRequest(operation, params), await this.options);
  }

  /** The SDK-style call: plain input in, plain output (with $metadata) out; errors as ServiceError. */
  async send<C extends OperationCommand>(command: C): Promise<Record<string, unknown> & { $metadata: ResponseMetadata }> {
    const op = operationNamed(command.operationName);
    if (!op) throw new Error(`unknown operation ${command.operationName}`);
    const res = await this.sendRaw(op, fromJS(command.input) as PyDict);
    if (res.status >= 300) throw ServiceError.fromResponse(op, res);
    const { jsonLoads } = await import('../py/json-loads');
    const body: PyValue = res.body.trim() ? jsonLoads(res.body) : new Map();
    const out = (toJS(body) ?? {}) as Record<string, unknown>;
    return { ...out, $metadata: { httpStatusCode: res.status, requestId: res.headers['x-amzn-requestid'], attempts: res.attempts } };
  }

  /** Closes pooled connections. */
  async destroy(): Promise<void> {
    const pending = this.options;
    this.options = undefined;
    if (pending) {
      const rt = await import('./runtime');
      rt.closeTransport(await pending);
    }
  }
}
