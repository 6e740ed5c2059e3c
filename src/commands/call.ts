// Calling an operation: configuration, validation, credentials, the request (or the pages of a
// paginated one), and the output in the chosen format.
import type { Invocation } from './invocation';
import { CLI_VERSION } from '../model/version';
import { CliError, NoRegionError, ParamValidationError, RC } from '../errors';
import { configValue, loadProfile, resolveEndpointSettings, resolveRegion, timestampFormatOf, type Profile } from '../client/config';
import { validateEndpointUrl } from '../client/endpoint-url';
import { getShape, inputShape, memberRef, MODEL, outputShape, paginatorFor } from '../model';
import type { PyDict, PyValue } from '../py/values';
import { validateParams } from '../client/validate';
import { own } from '../model/own';
import { pyInt } from '../py/numbers';
import type { PaginationConfig } from '../params/build';
import { generateSkeleton } from '../params/skeleton';
import { chooseOutput, renderResponse, type OutputFormat } from '../output/index';
import { jsonLoads } from '../py/json-loads';
import { shapeResponse } from '../client/response';
import { asStructured, ServiceError } from '../client/service-error';
import { serializeRequest } from '../client/serialize';
import type { LoadedCredentials } from '../client/credentials';
import { paginate } from './paginate';
import { resolvePager, startPager } from './pager';

export async function callOperation(
  inv: Invocation, params: PyDict, pagination: PaginationConfig, paginateOn: boolean,
  query: ((v: PyValue) => PyValue) | undefined, outputSkeleton: boolean,
): Promise<number> {
  const holder: { profile?: Profile } = {};
  try {
    return await call(inv, params, pagination, paginateOn, query, outputSkeleton, holder);
  } catch (e) {
    // The AWS CLI's error handler renders these in --cli-error-format, with the profile's
    // cli_error_format and --color (not --query).
    const structured = asStructured(e);
    if (structured) {
      structured.renderContext = { profileFormat: holder.profile?.config.cli_error_format, color: inv.globals.color };
      throw structured;
    }
    throw e;
  }
}

/** What botocore settles when it creates the client, in its order (see `clientSettings`). */
interface ClientSettings {
  region: string;
  endpoint: string;
  credentials: LoadedCredentials | null;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  /** Seconds (0: none). */
  connectTimeout: number;
  readTimeout: number;
}

async function call(
  inv: Invocation, params: PyDict, pagination: PaginationConfig, paginateOn: boolean,
  query: ((v: PyValue) => PyValue) | undefined, outputSkeleton: boolean, holder: { profile?: Profile },
): Promise<number> {
  const { io, globals: g, operation: op, log } = inv;
  const profile = await loadProfile(io, g, inv.files);
  holder.profile = profile;
  if (log.enabled) log.debug('botocore.session', `Profile ${profile.name}${profile.fromFlag ? ' (from --profile)' : ''}; config file ${profile.configFile}, credentials file ${profile.credentialsFile}`);

  // (run checked it when the session started.)
  const timestampFormat = timestampFormatOf(own(profile.config, 'cli_timestamp_format'));
  const settings = await clientSettings(inv, profile);
  if (log.enabled) log.debug('botocore.hooks', `Calling ${op.name} with parameters ${[...params.keys()].join(', ') || '(none)'}`);

  // An output skeleton is one made-up page (the AWS CLI itself fails to paginate it).
  const pag = paginateOn && !outputSkeleton ? paginatorFor(op) : undefined;
  const outShape = outputShape(op);
  // (The body is parsed for this call alone: its dicts become the result's.)
  const shape = (body: PyValue) => shapeResponse(body, outShape, { timestampFormat, tz: io.env.TZ, now: io.now(), consume: true });

  // botocore validates the parameters unless the profile's parameter_validation says otherwise
  // (ensure_boolean: only "true", in any case, keeps it on).
  const paramValidation = own(profile.config, 'parameter_validation');
  const validating = paramValidation === undefined || paramValidation.toLowerCase() === 'true';
  const validate = (p: PyDict) => {
    if (!validating) return;
    const errors = validateParams(p, inputShape(op));
    if (errors.length) throw new ParamValidationError(`Parameter validation failed:\n${errors.join('\n')}`);
  };

  let send: (p: PyDict) => Promise<PyValue>;
  let transport: OperationTransport | undefined;
  if (outputSkeleton) {
    send = async (p) => {
      validate(p);
      return op.output ? generateSkeleton(op.output.shape, true) : new Map();
    };
  } else {
    send = async (p) => {
      validate(p);
      transport ??= await createTransport(inv, profile, settings);
      return transport.send(p);
    };
  }

  const format = (): OutputFormat => chooseOutput(g.output, io.env.AWS_DEFAULT_OUTPUT, profile.config.output);
  const title = op.name;
  // On a terminal the output goes through the pager (the table keeps the terminal's width). What the
  // AWS CLI writes to the pager does not go through colorama's wrapper of stdout: no autoreset codes.
  const pagerCommand = resolvePager(io, g.noCliPager, profile.config.cli_pager);
  const pager = pagerCommand ? startPager(pagerCommand, io) : undefined;
  const renderOptions = { title, color: g.color as 'on', io, autoreset: !pager };
  const out: Invocation = pager
    ? { ...inv, io: { ...io, stdout: {
      write: (s: string | Uint8Array) => pager.stream.write(s), isTTY: io.stdout.isTTY, columns: io.stdout.columns,
      get closed() { return pager.stream.closed; },
    } } }
    : inv;
  try {
    if (pag) {
      const resultIsList = (key: string) => {
        const ref = outShape && memberRef(outShape, key);
        return ref !== undefined && getShape(ref).type === 'list';
      };
      return await paginate({ inv: out, params, pagination, paginator: pag, send, shape, query, format, renderOptions, resultIsList });
    }
    const raw = await send(params);
    const result = outputSkeleton ? raw : shape(raw);
    const fmt = format();
    const value = query ? query(result) : result;
    out.io.stdout.write(await renderResponse(fmt, value, renderOptions));
    return RC.OK;
  } finally {
    if (!io.endsProcess) await transport?.close();
    await pager?.close();
  }
}

/**
 * The client as botocore creates it, in its order: the region's format, the credential chain
 * (partial keys and a failing credential_process fail here; "no credentials" only when signing), the
 * configured endpoint URL, the missing region, max_attempts and retry_mode, the endpoint URL's form;
 * then, for the call, the endpoint rules (before the parameters are validated).
 */
async function clientSettings(inv: Invocation, profile: Profile): Promise<ClientSettings> {
  const { io, globals: g, log } = inv;
  const region = configuredRegion(io, g, profile);
  let credentials: LoadedCredentials | null = null;
  if (g.signRequest) {
    const { loadCredentials } = await import('../client/credentials');
    credentials = await loadCredentials({
      env: io.env, cwd: io.cwd, profile: profile.name, fromFlag: profile.fromFlag,
      configFile: profile.configFile, credentialsFile: profile.credentialsFile, files: profile.files,
    }, log);
  }
  // The service's names in AWS_ENDPOINT_URL_<ID> and a `services` section come from its serviceId.
  const serviceId = MODEL.metadata.serviceId.replace(/ /g, '_');
  const eps = resolveEndpointSettings(io, g, profile, serviceId.toUpperCase(), serviceId.toLowerCase());
  if (region === undefined) throw new NoRegionError();
  const maxAttempts = parseAttempts(configValue(io, profile, 'AWS_MAX_ATTEMPTS', 'max_attempts'));
  // botocore's Config checks max_attempts, then the mode.
  if (maxAttempts < 1) {
    throw new CliError(`Value provided to "max_attempts": ${maxAttempts} must be an integer greater than or equal to one.`, RC.GENERAL);
  }
  const retryMode = configValue(io, profile, 'AWS_RETRY_MODE', 'retry_mode') ?? 'standard';
  if (retryMode !== 'standard' && retryMode !== 'adaptive') {
    // botocore's InvalidRetryModeError (AWS CLI v2 has no legacy mode).
    throw new CliError(`Invalid value provided to "mode": "${retryMode}" must be one of: "standard" or "adaptive"`, RC.GENERAL);
  }
  // The timeouts are checked when the endpoint is created: after its URL, before the endpoint rules run.
  const timeouts = () => [cliTimeout(g.connectTimeout, 'connect'), cliTimeout(g.readTimeout, 'read')];
  let endpoint: string;
  if (eps.url !== undefined) {
    validateEndpointUrl(eps.url);
    endpoint = eps.url;
  } else {
    // The rules engine (the SDK's, with the partitions) loads only when no endpoint URL is configured.
    const { resolveServiceEndpoint } = await import('../client/endpoints');
    try {
      endpoint = resolveServiceEndpoint({ region, useFips: eps.useFips, useDualStack: eps.useDualStack }).url;
    } catch (e) {
      timeouts();
      throw e;
    }
    // botocore checks the endpoint it creates the client with, whatever gave it (an empty region makes
    // `https://cleanrooms-ml..amazonaws.com`: "Invalid endpoint").
    validateEndpointUrl(endpoint);
  }
  const [connectTimeout, readTimeout] = timeouts();
  if (log.enabled) log.debug('botocore.regions', `Region ${region}; endpoint ${endpoint} (from ${eps.source ?? 'the endpoint rules'}${eps.useFips ? ', FIPS' : ''}${eps.useDualStack ? ', dual-stack' : ''})`);
  log.debug('botocore.retries', `Retry mode ${retryMode}, max attempts ${maxAttempts}`);
  return { region, endpoint, credentials, maxAttempts, retryMode, connectTimeout, readTimeout };
}

/** The region, checked as botocore checks its format (undefined when none is configured). */
function configuredRegion(io: Invocation['io'], g: Invocation['globals'], profile: Profile): string | undefined {
  try {
    return resolveRegion(io, g, profile);
  } catch (e) {
    if (e instanceof NoRegionError) return undefined;
    throw e;
  }
}

/** One operation's calls: parameters in, the parsed answer out. */
interface OperationTransport {
  send(params: PyDict): Promise<PyValue>;
  close(): Promise<void>;
}

/**
 * The client's request side for this command: the parameters serialised from the model, sent by the
 * runtime's Transport (signing, retries, the connection pool), the answer parsed with Python's types
 * (a service error as botocore parses it).
 */
async function createTransport(inv: Invocation, profile: Profile, s: ClientSettings): Promise<OperationTransport> {
  const { io, globals: g, operation: op, log } = inv;
  const { credentialsFor } = await import('../client/credentials');
  const { Transport } = await import('../client/runtime');
  // "No credentials" is reported when the request is signed, after the parameters were validated.
  const credentials = s.credentials ? await credentialsFor(s.credentials, log) : undefined;
  // A CA bundle given as an empty value turns verification off, as botocore's falsy `verify` does;
  // with --no-verify-ssl (verify=False) the bundle is not loaded at all.
  const caBundle = g.caBundle ?? io.env.AWS_CA_BUNDLE ?? profile.config.ca_bundle;
  const http = new Transport({
    endpoint: s.endpoint, region: s.region, signingName: MODEL.metadata.signingName ?? MODEL.metadata.endpointPrefix,
    credentials, maxAttempts: s.maxAttempts, retryMode: s.retryMode,
    connectTimeout: s.connectTimeout, readTimeout: s.readTimeout, verifySsl: g.verifySsl && caBundle !== '',
    caBundle: (g.verifySsl && caBundle) || undefined, env: io.env,
    userAgent: `aws-cli/${CLI_VERSION} md/clone#typescript ua/2.1 os/${process.platform} lang/nodejs#${process.versions.node} cfg/retry-mode#${s.retryMode}`,
    log, now: () => new Date(), warn: (t: string) => io.stderr.write(t),
  });
  return {
    send: async (params: PyDict) => {
      const res = await http.send(serializeRequest(op, params));
      if (res.status >= 300) {
        throw ServiceError.fromResponse(op, res, (shapeName) =>
          shapeResponse(jsonLoads(res.body), getShape(shapeName), { timestampFormat: 'iso8601', tz: io.env.TZ, now: io.now() }));
      }
      return res.body.trim() ? jsonLoads(res.body) : new Map();
    },
    close: async () => http.close(),
  };
}

/**
 * --cli-connect-timeout / --cli-read-timeout in seconds (default 60; 0 = none), read with Python's
 * int(), then checked as urllib3's Timeout checks it when botocore creates the client's endpoint.
 */
function cliTimeout(v: string | undefined, name: 'connect' | 'read'): number {
  if (v === undefined) return 60;
  const n = pyInt(v);
  // float(value) first, then value <= 0 (0 was made None before).
  if (!Number.isFinite(Number(n))) throw new CliError('int too large to convert to float', RC.GENERAL);
  if (n < 0) {
    throw new CliError(`Attempted to set ${name} timeout to ${n}, but the timeout cannot be set to a value less than or equal to 0.`, RC.GENERAL);
  }
  return Number(n);
}

function parseAttempts(v: string | undefined): number {
  if (v === undefined) return 3;
  // botocore reads it with int(): a value that is not a whole number stops the command.
  try {
    return Number(pyInt(v));
  } catch {
    throw new CliError(`Invalid value for max_attempts: '${v}' (expected a whole number of attempts)`, RC.GENERAL);
  }
}
