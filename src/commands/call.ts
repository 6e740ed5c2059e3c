// Calling an operation: configuration, validation, credentials, the request (or the pages of a
// paginated one), and the output in the chosen format.
import type { Invocation } from './run';
import { CLI_VERSION } from './run';
import { CliError, ParamValidationError, RC } from '../errors';
import { configValue, loadProfile, resolveEndpointSettings, resolveRegion, type Profile } from '../client/config';
import { resolveServiceEndpoint } from '../client/endpoints';
import { validateEndpointUrl } from '../client/endpoint-url';
import { getShape, MODEL, outputShape, paginatorFor } from '../model';
import type { PyDict, PyValue } from '../model/values';
import { validateParams } from '../params/validate';
import type { PaginationConfig } from '../params/build';
import { generateSkeleton } from '../params/skeleton';
import { chooseOutput, renderBuffered, type OutputFormat } from '../output/index';
import { parseResponseJson } from '../output/json';
import { shapeResponse } from '../output/shape';
import { ServiceError } from '../client/service-error';
import { paginate } from './paginate';
import { resolvePager, startPager } from '../output/pager';
import { inputShape } from '../model';

export interface CallSetup {
  profile: Profile;
  region: string;
  endpoint: string;
  send: (params: PyDict) => Promise<PyValue>;
}

export async function callOperation(
  inv: Invocation, params: PyDict, pagination: PaginationConfig, paginateOn: boolean,
  query: ((v: PyValue) => PyValue) | undefined, outputSkeleton: boolean,
): Promise<number> {
  const { io, globals: g, operation: op, log } = inv;
  const profile = await loadProfile(io, g);
  log.debug('botocore.session', `Profile ${profile.name}${profile.fromFlag ? ' (from --profile)' : ''}; config file ${profile.configFile}, credentials file ${profile.credentialsFile}`);
  const region = resolveRegion(io, g, profile);
  const eps = resolveEndpointSettings(io, g, profile, 'CLEANROOMSML', 'cleanroomsml');
  let endpoint: string;
  if (eps.url !== undefined) {
    validateEndpointUrl(eps.url);
    endpoint = eps.url;
  } else {
    endpoint = resolveServiceEndpoint({ region, useFips: eps.useFips, useDualStack: eps.useDualStack }).url;
  }
  log.debug('botocore.regions', `Region ${region}; endpoint ${endpoint} (from ${eps.source ?? 'the endpoint rules'}${eps.useFips ? ', FIPS' : ''}${eps.useDualStack ? ', dual-stack' : ''})`);
  log.debug('botocore.hooks', `Calling ${op.name} with parameters ${[...params.keys()].join(', ') || '(none)'}`);

  // An output skeleton is one made-up page (the AWS CLI itself fails to paginate it).
  const pag = paginateOn && !outputSkeleton ? paginatorFor(op) : undefined;
  const timestampFormat = profile.config.cli_timestamp_format ?? 'iso8601';
  if (timestampFormat !== 'iso8601' && timestampFormat !== 'wire') {
    throw new CliError(`Unknown cli_timestamp_format value: ${timestampFormat}, valid values are "wire" or "iso8601"`, RC.GENERAL);
  }
  const outShape = outputShape(op);
  const shape = (body: PyValue) => shapeResponse(body, outShape, { timestampFormat, tz: io.env.TZ });

  const validate = (p: PyDict) => {
    const errors = validateParams(p, inputShape(op));
    if (errors.length) throw new ParamValidationError(`Parameter validation failed:\n${errors.join('\n')}`);
  };

  let send: (p: PyDict) => Promise<PyValue>;
  let transport: Transport | undefined;
  if (outputSkeleton) {
    send = async (p) => {
      validate(p);
      return op.output ? generateSkeleton(op.output.shape, true) : new Map();
    };
  } else {
    send = async (p) => {
      validate(p);
      transport ??= await createTransport(inv, profile, region, endpoint);
      return transport.send(p);
    };
  }

  const format = (): OutputFormat => chooseOutput(g.output, io.env.AWS_DEFAULT_OUTPUT, profile.config.output);
  const title = op.name;
  const render = (fmt: OutputFormat, v: PyValue) => renderBuffered(fmt, v, { title, color: g.color as 'on', io });

  // On a terminal the output goes through the pager (the table keeps the terminal's width).
  const pagerCommand = resolvePager(io, g.noCliPager, profile.config.cli_pager);
  const pager = pagerCommand ? startPager(pagerCommand, io) : undefined;
  const out: Invocation = pager
    ? { ...inv, io: { ...io, stdout: { ...pager.stream, isTTY: io.stdout.isTTY, columns: io.stdout.columns } } }
    : inv;
  try {
    if (pag) {
      const resultIsList = (key: string) => {
        const ref = outShape?.members?.[key];
        return ref !== undefined && getShape(ref).type === 'list';
      };
      return await paginate({ inv: out, params, pagination, paginator: pag, send, shape, query, format, render, resultIsList });
    }
    const raw = await send(params);
    const result = outputSkeleton ? raw : shape(raw);
    const fmt = format();
    const value = query ? query(result) : result;
    out.io.stdout.write(await render(fmt, value));
    return RC.OK;
  } finally {
    await transport?.close();
    await pager?.close();
  }
}

interface Transport {
  send(params: PyDict): Promise<PyValue>;
  close(): Promise<void>;
}

async function createTransport(inv: Invocation, profile: Profile, region: string, endpoint: string): Promise<Transport> {
  const { io, globals: g, operation: op, log } = inv;
  const rt = await import('../client/runtime');
  const { CleanRoomsMLClient } = await import('../client/index');
  const credentials = g.signRequest
    ? await rt.resolveCredentials({
      env: io.env, profile: profile.name, fromFlag: profile.fromFlag,
      configFile: profile.configFile, credentialsFile: profile.credentialsFile,
    }, log)
    : null;
  const maxAttempts = parseAttempts(configValue(io, profile, 'AWS_MAX_ATTEMPTS', 'max_attempts'));
  const retryMode = configValue(io, profile, 'AWS_RETRY_MODE', 'retry_mode') ?? 'standard';
  if (!['standard', 'adaptive'].includes(retryMode)) {
    // botocore's InvalidRetryModeError; AWS CLI v2 no longer offers the legacy mode.
    throw new CliError(`Invalid value provided to "mode": "${retryMode}" must be one of: "standard", "adaptive"`, RC.GENERAL);
  }
  const timeout = (v: string | undefined) => (v === undefined ? 60 : Number(v.replace(/_/g, '')));
  const client = new CleanRoomsMLClient({
    region, endpoint, credentials, maxAttempts,
    connectTimeout: timeout(g.connectTimeout), readTimeout: timeout(g.readTimeout), verifySsl: g.verifySsl,
    caBundle: g.caBundle ?? io.env.AWS_CA_BUNDLE ?? profile.config.ca_bundle, env: io.env,
    userAgent: `aws-cli/${CLI_VERSION} md/clone#typescript ua/2.1 os/${process.platform} lang/nodejs#${process.versions.node} cfg/retry-mode#${retryMode}`,
    logger: log, abortSignal: io.signal, warn: (t: string) => io.stderr.write(t),
  });
  return {
    send: async (params: PyDict) => {
      const res = await client.sendRaw(op, params);
      if (res.status >= 300) {
        throw ServiceError.fromResponse(op, res, (shapeName) =>
          shapeResponse(parseResponseJson(res.body), getShape(shapeName), { timestampFormat: 'iso8601', tz: io.env.TZ }));
      }
      return res.body.trim() ? parseResponseJson(res.body) : new Map();
    },
    close: () => client.destroy(),
  };
}

function parseAttempts(v: string | undefined): number {
  if (v === undefined) return 3;
  // botocore reads it with int(): a value that is not a whole number stops the command.
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(v)) {
    throw new CliError(`Invalid value for max_attempts: '${v}' (expected a whole number of attempts)`, RC.GENERAL);
  }
  const n = Number(v.replace(/_/g, ''));
  return n > 0 ? n : 1;
}

export { getShape };
