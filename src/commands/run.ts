// The `aws` command's driver: the AWS CLI's three parsing passes, the parameter pipeline, the call and
// the output. `run` takes the arguments, an IO and the help renderer (help/ is a side entry: the caller
// hands it in, ../cli.ts) and returns the exit code; nothing here exits.
import { ArgParseError, ArgParser, ArgParseVersion, InvalidChoiceError, optionSpecs, pythonNumberOk } from './argparse';
import { awsCliCommands } from './aws-commands.generated';
import type { Invocation } from './invocation';
import { argumentTable, type CliArgument } from '../params/arguments';
import { FIRST_PASS_OPTIONS, GLOBAL_OPTIONS, toGlobalArgs, type GlobalArgs } from './globals';
import { CliError, FIRST_PASS_USAGE, GeneralError, ParamValidationError, RC, UnknownArgumentError } from '../errors';
import type { IO } from '../io';
import { operationsByCliName, own, SERVICE_CLI_NAME } from '../model';
import type { Operation } from '../model/types';
import { versionString } from '../model/version';
import type { PyValue } from '../py/values';
import { pyRepr } from '../py/repr';
import { buildCallParameters, type CallContext } from '../params/build';
import { generateSkeleton } from '../params/skeleton';
import { createDebugLog, type DebugLog } from '../debug';
import { namedProfile, readSharedFiles, type Section, type SharedFiles } from '../client/shared-files';
import { timestampFormatOf } from '../client/config';
import { pyInt } from '../py/numbers';

/** Renders a help page: `aws help` (path []), `aws cleanroomsml help`, `aws cleanroomsml <operation> help`. */
export type HelpRenderer = (path: string[], io: IO, globals: GlobalArgs) => Promise<number>;

export interface RunOptions {
  help: HelpRenderer;
  /** The config and credentials files as createDriver read them (read here when not given). */
  files?: SharedFiles;
}

/** What the command line asks for, once the three argparse passes have read it. */
export type ParsedCommand =
  | { kind: 'help'; path: string[] }
  | { kind: 'call'; operation: Operation; opCliName: string; args: CliArgument[]; parsed: Map<string, string | boolean | string[]> };

/** The first two steps of the AWS CLI's driver: its first-pass parser (--profile, --debug) and the main parser. */
export interface ParsedGlobals {
  globals: GlobalArgs;
  /** `cleanroomsml` or `help`. */
  command: string;
  /** What the main parser left for the service's parser. */
  remaining: string[];
  /** The main parser's values, by dest. */
  values: Map<string, string | boolean | string[]>;
}

/** clidriver.create_clidriver's FirstPassGlobalArgParser (--profile, --debug): its errors show its own usage line. */
function firstPass(argv: readonly string[]): void {
  try {
    new ArgParser(FIRST_PASS_OPTIONS).parseKnownArgs(argv);
  } catch (e) {
    if (e instanceof ArgParseError) e.usage = FIRST_PASS_USAGE;
    throw e;
  }
}

/**
 * What create_clidriver does before anything else runs (the prompt, any command, `--version` and help
 * included): its first pass over the arguments, then the session's full_config, which reads the
 * config and credentials files: those files, read once for the whole command; or the exit code when
 * either failed (the error written as the entry point writes it: plain, whatever the error format).
 */
export async function createDriver(argv: readonly string[], io: IO): Promise<SharedFiles | number> {
  try {
    firstPass(argv);
    return readSharedFiles(io.env);
  } catch (e) {
    return await reportError(e, io, undefined);
  }
}

/**
 * The main parser's pass (after the driver's first pass over --profile and --debug, whose errors come
 * first). Throws ArgParseError, or ArgParseVersion when `--version` is reached.
 */
export function parseGlobalArgs(argv: readonly string[]): ParsedGlobals {
  firstPass(argv);
  const mainParser = new ArgParser(GLOBAL_OPTIONS, [{
    dest: 'command', nargs: 'one', required: true, choices: () => [SERVICE_CLI_NAME, 'help'],
    // "Maybe you meant" offers the close ones among all the AWS CLI's commands.
    suggestions: () => [...awsCliCommands(), 'help'],
  }]);
  const parsed = mainParser.parseKnownArgs(argv);
  return {
    globals: toGlobalArgs(parsed.values), command: parsed.values.get('command') as string, remaining: parsed.extras,
    values: parsed.values,
  };
}

/**
 * The command of the AWS CLI, other than this one's, that the main parser's error (an invalid choice
 * of command) is about; undefined for any other error, or a word that is no command of the AWS CLI
 * (that one keeps argparse's error, with its suggestions).
 */
export function foreignCommand(e: unknown): string | undefined {
  if (!(e instanceof InvalidChoiceError) || e.dest !== 'command') return undefined;
  return awsCliCommands().includes(e.value) ? e.value : undefined;
}

/** The service's parser (the operation) and the operation's own parser. Throws ArgParseError, UnknownArgumentError. */
export function parseOperationArgs(remaining: readonly string[]): ParsedCommand {
  const ops = operationsByCliName();
  const serviceParser = new ArgParser([], [{ dest: 'operation', nargs: 'one', required: true,
    choices: () => [...ops.keys(), 'help'] }]);
  const parsedService = serviceParser.parseKnownArgs(remaining);
  const opCliName = parsedService.values.get('operation') as string;
  if (opCliName === 'help') return { kind: 'help', path: [SERVICE_CLI_NAME] };
  const operation = ops.get(opCliName)!;

  const rest = parsedService.extras;
  const args = argumentTable(operation);
  if (rest.length === 1 && rest[0] === 'help') return { kind: 'help', path: [SERVICE_CLI_NAME, opCliName] };
  // --cli-input-json/yaml and --generate-cli-skeleton (unless followed by `output`) make the required
  // arguments optional; the AWS CLI looks for these exact strings in the arguments.
  const skel = rest.indexOf('--generate-cli-skeleton');
  const relax = rest.includes('--cli-input-json') || rest.includes('--cli-input-yaml') ||
    (skel >= 0 && rest[skel + 1] !== 'output');
  const opParser = new ArgParser(optionSpecs(args, relax), [{ dest: '__help', nargs: 'optional' }]);
  const parsedOp = opParser.parseKnownArgs(rest);
  const helpArg = parsedOp.values.get('__help') as string | undefined;
  if (helpArg === 'help') return { kind: 'help', path: [SERVICE_CLI_NAME, opCliName] };
  const extras = [...parsedOp.extras];
  // The stray positional is added back when it is truthy (an empty string is dropped).
  if (helpArg) extras.push(helpArg);
  if (extras.length) throw new UnknownArgumentError(`Unknown options: ${extras.join(', ')}`);
  return { kind: 'call', operation, opCliName, args, parsed: parsedOp.values };
}

export async function run(argv: string[], io: IO, opts: RunOptions): Promise<number> {
  let errorFormat: string | undefined;
  let profileFlag: string | undefined;
  let loggingSet = false;
  let log: DebugLog = createDebugLog(io, false);
  // The files, read at most once (createDriver has read them, and reported one that does not parse).
  let files = opts.files;
  const sessionFiles = (): SharedFiles | undefined => {
    try {
      return (files ??= readSharedFiles(io.env));
    } catch {
      return undefined;
    }
  };
  try {
    let main: ParsedGlobals;
    try {
      main = parseGlobalArgs(argv);
    } catch (e) {
      // argparse's version action prints the version and exits 0 as soon as the parse reaches it.
      if (e instanceof ArgParseVersion) return printVersion(io);
      // Another command of the AWS CLI (`aws s3 ls`): the whole command line goes to the real one.
      const other = foreignCommand(e);
      if (other !== undefined) return await (await import('./handover')).handOver(argv, other, io);
      throw e;
    }
    const { globals } = main;
    if (globals.cliErrorFormat) errorFormat = globals.cliErrorFormat;
    profileFlag = globals.profile;
    log = createDebugLog(io, globals.debug);
    if (log.enabled) {
      log.debug('awscli.clidriver', `CLI version: ${versionString(io.env)}`);
      log.debug('awscli.clidriver', `Arguments entered to CLI: ${pyRepr(argv)}`);
    }
    // The checks made when the global options are parsed, before the command runs: --query, then
    // --endpoint-url, then the timeouts.
    const query = globals.query !== undefined ? await compileQueryArg(globals.query) : undefined;
    validateTopLevel(globals);
    // The AWS CLI sets its logging up here: its warnings went to stderr as bare lines until now.
    loggingSet = true;
    checkSessionSettings(io, globals, sessionFiles());
    if (main.command === 'help') {
      // A topic's page (`aws help topics`) is the AWS CLI's own text: the real one prints it.
      const topic = helpTopic(main.remaining);
      if (topic !== undefined) return await (await import('./handover')).handOver(argv, `help ${topic}`, io);
      return await opts.help([], io, globals);
    }

    const cmd = parseOperationArgs(main.remaining);
    if (cmd.kind === 'help') return await opts.help(cmd.path, io, globals);
    const inv: Invocation = { globals, operation: cmd.operation, opCliName: cmd.opCliName, args: cmd.args, parsed: cmd.parsed, io, log, files };
    return await invoke(inv, query);
  } catch (e) {
    return await reportError(e, io, errorFormat ?? sessionErrorFormat(io, profileFlag, sessionFiles()), log, loggingSet);
  }
}

/**
 * The session's cli_error_format, for when --cli-error-format is not given (or the error came before
 * it was parsed): AWS_CLI_ERROR_FORMAT (even empty), else the profile's setting. The session's
 * profile is --profile once the main parser has read it, else AWS_PROFILE/AWS_DEFAULT_PROFILE, else
 * default; one that is named and does not exist fails the AWS CLI's error handler, which then writes
 * the plain message, as `legacy` does.
 */
function sessionErrorFormat(io: IO, profileFlag: string | undefined, files: SharedFiles | undefined): string | undefined {
  const env = io.env;
  if (env.AWS_CLI_ERROR_FORMAT !== undefined) return env.AWS_CLI_ERROR_FORMAT;
  if (!files) return undefined; // (files that do not parse: createDriver has reported them)
  const named = namedProfile(env, profileFlag);
  const profile: Section | undefined = files.profiles.get(named ?? 'default');
  if (!profile) return named !== undefined ? 'legacy' : undefined;
  return own(profile, 'cli_error_format');
}

const BINARY_FORMATS = ['base64', 'raw-in-base64-out'];

/**
 * The session-initialized handlers, before any command runs (help and skeletons included), with the
 * session profile's settings (a named profile that does not exist has none):
 * - the timestamp parser (timestampformat.py, registered first): cli_timestamp_format, whose unknown
 *   value is a ConfigurationError (253);
 * - the blob format (binaryformat.py's add_binary_formatter): --cli-binary-format (which argparse has
 *   checked), else cli_binary_format. A value it does not know fails as a raw Python KeyError
 *   (exit 255); the clone says which setting;
 * - the credential resolver the assume-role handler creates: its instance metadata settings.
 */
function checkSessionSettings(io: IO, g: GlobalArgs, files: SharedFiles | undefined): void {
  if (!files) return; // (files that do not parse: createDriver has reported them)
  const env = io.env;
  const named = namedProfile(env, g.profile);
  const section: Section | undefined = files.profiles.get(named ?? 'default');
  timestampFormatOf(own(section, 'cli_timestamp_format'));
  const binaryFormat = g.cliBinaryFormat ?? own(section, 'cli_binary_format');
  if (binaryFormat !== undefined && !BINARY_FORMATS.includes(binaryFormat)) {
    throw new CliError(`Unknown cli_binary_format value: ${binaryFormat}, valid values are "base64" or "raw-in-base64-out"`, RC.GENERAL);
  }
  checkMetadataSettings(env, section, !section && named !== undefined);
}

const METADATA_ENDPOINT_MODES = ['ipv4', 'ipv6'];

/**
 * The instance metadata settings botocore reads when the assume-role handler creates the credential
 * resolver at session start (create_credential_resolver, resolve_imds_endpoint_mode), in its order. Each
 * comes from its environment variable (even empty), else the profile; a named profile that does not
 * exist stops the resolver there (ProfileNotFound, caught). The two counts go through int(): a value
 * that is not a whole number is a raw Python ValueError (exit 255; our own message); an unknown
 * endpoint mode is botocore's InvalidIMDSEndpointModeError.
 */
function checkMetadataSettings(env: IO['env'], section: Section | undefined, profileMissing: boolean): void {
  const setting = (envName: string, key: string): string | undefined | null => {
    const fromEnv = own(env, envName);
    if (fromEnv !== undefined) return fromEnv;
    return profileMissing ? null : own(section, key);
  };
  for (const [envName, key] of [['AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout'],
    ['AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts']]) {
    const value = setting(envName, key);
    if (value === null) return;
    if (value === undefined) continue;
    try {
      pyInt(value);
    } catch {
      throw new CliError(`Invalid value for ${key}: '${value}' (expected a whole number)`, RC.GENERAL);
    }
  }
  if (setting('AWS_EC2_METADATA_SERVICE_ENDPOINT', 'ec2_metadata_service_endpoint') === null) return;
  const mode = setting('AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'ec2_metadata_service_endpoint_mode');
  if (typeof mode === 'string' && !METADATA_ENDPOINT_MODES.includes(mode.toLowerCase())) {
    throw new CliError(`Invalid EC2 Instance Metadata endpoint mode: ${mode} Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').`, RC.GENERAL);
  }
}

function printVersion(io: IO): number {
  io.stdout.write(`${versionString(io.env)}\n`);
  return RC.OK;
}

// The topics `aws help` takes after it (its only subcommands): anything else is an invalid choice.
const HELP_TOPICS = ['topics', 'config-vars', 'ddb-expressions', 'return-codes', 's3-config', 's3-faq', 's3-case-insensitivity'];

/**
 * `aws help …`: the help command parses what follows with a parser whose only positional is an
 * optional topic (unknown options are ignored; a lone `help` is the help itself). The topic named, if any.
 */
function helpTopic(rest: readonly string[]): string | undefined {
  if (!rest.length || (rest.length === 1 && rest[0] === 'help')) return undefined;
  const parsed = new ArgParser([], [{ dest: 'subcommand', nargs: 'optional', choices: () => HELP_TOPICS }]).parseKnownArgs(rest);
  const topic = parsed.values.get('subcommand');
  return typeof topic === 'string' ? topic : undefined;
}

/** Checks of global options that the AWS CLI makes as soon as they are parsed (after --query). */
function validateTopLevel(g: GlobalArgs): void {
  if (g.endpointUrl !== undefined) {
    // urllib's urlsplit: leading C0 controls and spaces, and tabs/newlines anywhere, are dropped first.
    // eslint-disable-next-line no-control-regex
    const url = g.endpointUrl.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
    if (!m) {
      throw new ParamValidationError(`Bad value for --endpoint-url "${g.endpointUrl}": scheme is missing.  ` +
        'Must be of the form http://<hostname>/ or https://<hostname>/');
    }
  }
  for (const [name, v] of [['--cli-read-timeout', g.readTimeout], ['--cli-connect-timeout', g.connectTimeout]] as const) {
    if (v !== undefined && !pythonNumberOk('int', v)) {
      throw new ParamValidationError(`argument ${name}: expected a whole number of seconds, received: '${v}'`);
    }
  }
}

async function invoke(inv: Invocation, query: ((v: PyValue) => PyValue) | undefined): Promise<number> {
  const { globals, operation, io } = inv;
  const ctx: CallContext = { io, op: operation, args: inv.args, parsed: inv.parsed, globals };
  const call = await buildCallParameters(ctx);
  const skeleton = inv.parsed.get('generate-cli-skeleton') as string | undefined;
  if (skeleton === 'input' || skeleton === 'yaml-input') {
    const value = operation.input ? generateSkeleton(operation.input.shape, false) : new Map();
    if (skeleton === 'input') {
      const { formatJson } = await import('../output/json');
      io.stdout.write(formatJson(value) || '{}\n');
    } else {
      const { dumpYamlSkeleton } = await import('../params/yaml-skeleton');
      io.stdout.write(await dumpYamlSkeleton(operation));
    }
    return RC.OK;
  }
  const { callOperation } = await import('./call');
  return callOperation(inv, call.params, call.pagination, call.paginate, query, skeleton === 'output');
}

async function compileQueryArg(expr: string): Promise<(v: PyValue) => PyValue> {
  const q = await import('../output/jmespath');
  try {
    const compiled = q.compileQuery(expr);
    return (v: PyValue) => q.searchQuery(compiled, v);
  } catch (e) {
    if (e instanceof q.QueryParseError) throw new ParamValidationError(`Bad value for --query ${expr}: ${e.message}`);
    throw e;
  }
}

/** Prints an error as the AWS CLI does and returns its exit code. */
export async function reportError(
  e: unknown, io: IO, errorFormat: string | undefined, log?: DebugLog, loggingSet = true,
): Promise<number> {
  // An argument error: the AWS CLI's ArgParseException, a parameter error with its parser's usage.
  if (e instanceof ArgParseError) e = new ParamValidationError(e.message, e.usage ?? true);
  if (e instanceof CliError) {
    // Service errors, and the errors the call already made structured (with the profile's format), in
    // --cli-error-format; parameter (argument errors included) and configuration errors too when a
    // format is given.
    const { asStructured, ServiceError, StructuredError } = await import('../client/service-error');
    const structured = e instanceof ServiceError || e instanceof StructuredError ? e
      : errorFormat ? asStructured(e) : undefined;
    if (structured) {
      const { knownErrorFormat, renderStructuredError } = await import('../output/errors');
      const format = errorFormat?.toLowerCase();
      if (format && !knownErrorFormat(format)) {
        // errorhandler.py's LOG.warning: Python's last-resort handler before logging is set up, the
        // debug log with --debug, nothing otherwise (the awscli logger is at ERROR).
        const warning = `Invalid cli_error_format: '${format}'. Using 'enhanced' format.`;
        if (log?.enabled) log.warning?.('awscli.errorhandler', warning);
        else if (!loggingSet) io.stderr.write(`${warning}\n`);
      }
      io.stderr.write(await renderStructuredError(structured, errorFormat, io));
    } else {
      io.stderr.write(e.render());
    }
    return e.rc;
  }
  log?.debug('awscli.clidriver', `Exception caught in main(): ${(e as Error)?.stack ?? String(e)}`);
  const msg = e instanceof Error ? e.message : String(e);
  const err = new GeneralError(msg);
  io.stderr.write(err.render());
  return err.rc;
}

