// Configuration as the AWS CLI resolves it: the profile (--profile > AWS_PROFILE > default) from
// ~/.aws/config and ~/.aws/credentials (read as botocore reads them: ./shared-files), and each setting
// from its chain of command line, environment and profile.
import { CliError, ConfigError, NoRegionError, RC } from '../errors';
import type { IO } from '../io';
import { namedProfile, readSharedFiles, type SharedFiles } from './shared-files';

export { configFilePath, credentialsFilePath } from './config-paths';
import { validateRegion } from './region';
import { own } from '../model/own';

export class ProfileNotFoundError extends CliError {
  constructor(profile: string) {
    super(`The config profile (${profile}) could not be found`, RC.GENERAL);
  }
}

export interface Profile {
  name: string;
  /** Named on the command line (then the credential environment variables are ignored). */
  fromFlag: boolean;
  /** The profile's settings: its config-file section updated with its credentials-file section (botocore's scoped config). */
  config: Record<string, string | undefined>;
  /** Its credentials-file section alone. */
  credentials: Record<string, string | undefined>;
  /** The `[services …]` section the profile points to, if any. */
  services: Record<string, string | undefined>;
  /** The name of a `services` section the profile points to that is missing (or empty). */
  missingServices?: string;
  configFile: string;
  credentialsFile: string;
  /** Both files as read (the credential chain reads them from here). */
  files: SharedFiles;
}

/** The global options configuration reads: --profile, --region and --endpoint-url, as parsed. */
export interface ConfigArgs {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/**
 * The profile: --profile (when not empty: the AWS CLI ignores a falsy one) > AWS_PROFILE >
 * AWS_DEFAULT_PROFILE (an environment variable counts even when empty) > none, which reads the
 * default profile. A profile that is named, `default` included, must exist in one of the files.
 * Throws ConfigParseError, ProfileNotFoundError.
 */
export async function loadProfile(io: IO, g: ConfigArgs, files: SharedFiles = readSharedFiles(io.env)): Promise<Profile> {
  const env = io.env;
  const named = namedProfile(env, g.profile);
  const name = named ?? 'default';
  const config = files.profiles.get(name);
  if (!config && named !== undefined) throw new ProfileNotFoundError(name);
  const servicesName = own(config, 'services');
  const section = servicesName !== undefined ? files.config.services.get(servicesName) : undefined;
  const missing = servicesName && !(section && Object.keys(section).length) ? servicesName : undefined;
  return {
    name, fromFlag: !!g.profile, config: { ...config }, credentials: { ...files.credentials.get(name) },
    services: { ...section }, missingServices: missing, configFile: files.configFile, credentialsFile: files.credentialsFile, files,
  };
}

export function resolveRegion(io: IO, g: ConfigArgs, p: Profile): string {
  // --region as given, even empty: the AWS CLI creates the client with region_name=parsed_globals.region
  // (an empty one is used as it is: requests are signed for the region '', and the endpoint rules make
  // a host with an empty label). Else botocore's chain, where an environment variable counts even when
  // empty; only no region at all is NoRegion.
  const region = g.region !== undefined ? g.region : (own(io.env, 'AWS_REGION') ?? own(io.env, 'AWS_DEFAULT_REGION') ?? own(p.config, 'region'));
  if (region === undefined) throw new NoRegionError();
  try {
    validateRegion(region);
  } catch (e) {
    throw new CliError((e as Error).message, RC.GENERAL);
  }
  return region;
}

const truthy = (v: string | undefined) => v !== undefined && v.toLowerCase() === 'true';

export interface EndpointSettings {
  /** An explicit endpoint (flag, environment or config), if any. */
  url?: string;
  /** Where it came from (for --debug). */
  source?: string;
  useFips: boolean;
  useDualStack: boolean;
}

/** --endpoint-url > AWS_ENDPOINT_URL_CLEANROOMSML > AWS_ENDPOINT_URL > services section > profile. */
export function resolveEndpointSettings(io: IO, g: ConfigArgs, p: Profile, serviceEnvSuffix: string, servicesKey: string): EndpointSettings {
  const env = io.env;
  const useFips = truthy(env.AWS_USE_FIPS_ENDPOINT ?? p.config.use_fips_endpoint);
  const useDualStack = truthy(env.AWS_USE_DUALSTACK_ENDPOINT ?? p.config.use_dualstack_endpoint);
  if (g.endpointUrl !== undefined) return { url: g.endpointUrl, source: '--endpoint-url', useFips, useDualStack };
  const ignore = truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? p.config.ignore_configured_endpoint_urls);
  if (!ignore) {
    // botocore looks them up in this order, lazily: a missing services section is an error only when reached.
    const candidates: [() => string | undefined, string][] = [
      [() => env[`AWS_ENDPOINT_URL_${serviceEnvSuffix}`], `AWS_ENDPOINT_URL_${serviceEnvSuffix}`],
      [() => env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL'],
      [() => {
        if (p.missingServices !== undefined) {
          throw new CliError(`The profile is configured to use the services section but the "${p.missingServices}" ` +
            'services configuration does not exist.', RC.GENERAL);
        }
        return own(p.services, `${servicesKey}.endpoint_url`);
      }, `services ${servicesKey} endpoint_url`],
      [() => p.config.endpoint_url, 'profile endpoint_url'],
    ];
    for (const [get, source] of candidates) {
      const url = get();
      if (url) return { url, source, useFips, useDualStack };
    }
  }
  return { useFips, useDualStack };
}

export function configValue(io: IO, p: Profile, envName: string, key: string): string | undefined {
  return own(io.env, envName) ?? own(p.config, key);
}

/**
 * The profile's cli_timestamp_format (timestampformat.py's add_timestamp_parser, the first
 * session-initialized handler): iso8601 unless set; anything but wire or iso8601 is the AWS CLI's
 * ConfigurationError (253).
 */
export function timestampFormatOf(value: string | undefined): 'iso8601' | 'wire' {
  const format = value ?? 'iso8601';
  if (format !== 'iso8601' && format !== 'wire') {
    throw new ConfigError('Configuration', `Unknown cli_timestamp_format value: ${format}, valid values are "wire" or "iso8601"`);
  }
  return format;
}
