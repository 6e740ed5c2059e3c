// The AWS CLI's global options, in the order of its cli.json (the order matters: argparse lists
// ambiguous prefix matches in it, and help prints it).
import type { OptionSpec } from './argparse';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;
export const ERROR_FORMATS = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;

export interface GlobalOptionDoc {
  name: string;
  type: 'boolean' | 'string' | 'int';
  help: string;
  choices?: readonly string[];
}

export const GLOBAL_OPTIONS: readonly (OptionSpec & { doc: GlobalOptionDoc })[] = [
  opt('--debug', 'debug', 'flag', 'boolean', 'Turn on debug logging.'),
  opt('--endpoint-url', 'endpoint_url', 'one', 'string', 'Override command\'s default URL with the given URL.'),
  { ...opt('--no-verify-ssl', 'verify_ssl', 'flag', 'boolean',
    'By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.'), flagValue: false },
  { ...opt('--no-paginate', 'paginate', 'flag', 'boolean',
    'Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results.'), flagValue: false },
  opt('--output', 'output', 'one', 'string', 'The formatting style for command output.', OUTPUT_FORMATS),
  opt('--query', 'query', 'one', 'string', 'A JMESPath query to use in filtering the response data.'),
  opt('--profile', 'profile', 'one', 'string', 'Use a specific profile from your credential file.'),
  opt('--region', 'region', 'one', 'string', 'The region to use. Overrides config/env settings.'),
  { ...opt('--version', 'version', 'flag', 'string', 'Display the version of this tool.'), version: true },
  opt('--color', 'color', 'one', 'string', 'Turn on/off color output.', ['on', 'off', 'auto']),
  { ...opt('--no-sign-request', 'sign_request', 'flag', 'boolean',
    'Do not sign requests. Credentials will not be loaded if this argument is provided.'), flagValue: false },
  opt('--ca-bundle', 'ca_bundle', 'one', 'string',
    'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.'),
  opt('--cli-read-timeout', 'read_timeout', 'one', 'int',
    'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.'),
  opt('--cli-connect-timeout', 'connect_timeout', 'one', 'int',
    'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.'),
  opt('--cli-binary-format', 'cli_binary_format', 'one', 'string',
    'The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob `fileb://` will always be treated as binary and use the file contents directly regardless of the `cli-binary-format` setting. When using `file://` the file contents will need to properly formatted for the configured `cli-binary-format`.',
    ['base64', 'raw-in-base64-out']),
  opt('--no-cli-pager', 'no_cli_pager', 'flag', 'boolean', 'Disable cli pager for output.'),
  opt('--cli-auto-prompt', 'cli_auto_prompt', 'flag', 'boolean', 'Automatically prompt for CLI input parameters.'),
  opt('--no-cli-auto-prompt', 'no_cli_auto_prompt', 'flag', 'boolean', 'Disable automatically prompt for CLI input parameters.'),
  opt('--cli-error-format', 'cli_error_format', 'one', 'string', 'The formatting style for error output.', ERROR_FORMATS),
];

/**
 * The driver's first pass over the command line (before the main parser): only --profile and --debug,
 * so its errors (`--profile` without a value) come before any other.
 */
export const FIRST_PASS_OPTIONS: readonly OptionSpec[] = [
  { name: '--profile', dest: 'profile', nargs: 'one' },
  { name: '--debug', dest: 'debug', nargs: 'flag' },
];

function opt(
  name: string, dest: string, nargs: OptionSpec['nargs'], type: GlobalOptionDoc['type'], help: string,
  choices?: readonly string[],
): OptionSpec & { doc: GlobalOptionDoc } {
  return { name, dest, nargs, choices, doc: { name, type, help, choices } };
}

/** The parsed global options, with argparse's defaults. */
export interface GlobalArgs {
  debug: boolean;
  endpointUrl?: string;
  verifySsl: boolean;
  paginate: boolean;
  output?: string;
  query?: string;
  profile?: string;
  region?: string;
  version: boolean;
  color: string;
  signRequest: boolean;
  caBundle?: string;
  readTimeout?: string;
  connectTimeout?: string;
  cliBinaryFormat?: string;
  noCliPager: boolean;
  cliAutoPrompt: boolean;
  noCliAutoPrompt: boolean;
  cliErrorFormat?: string;
}

export function toGlobalArgs(values: Map<string, string | boolean | string[]>): GlobalArgs {
  const s = (k: string) => values.get(k) as string | undefined;
  const b = (k: string, d: boolean) => (values.has(k) ? (values.get(k) as boolean) : d);
  return {
    debug: b('debug', false),
    endpointUrl: s('endpoint_url'),
    verifySsl: b('verify_ssl', true),
    paginate: b('paginate', true),
    output: s('output'),
    query: s('query'),
    profile: s('profile'),
    region: s('region'),
    version: b('version', false),
    color: s('color') ?? 'auto',
    signRequest: b('sign_request', true),
    caBundle: s('ca_bundle'),
    readTimeout: s('read_timeout'),
    connectTimeout: s('connect_timeout'),
    cliBinaryFormat: s('cli_binary_format'),
    noCliPager: b('no_cli_pager', false),
    cliAutoPrompt: b('cli_auto_prompt', false),
    noCliAutoPrompt: b('no_cli_auto_prompt', false),
    cliErrorFormat: s('cli_error_format'),
  };
}
