// The `aws` command: the AWS CLI's three parsing passes, the parameter pipeline, the call and the
// output. `run` takes the arguments and an IO and returns the exit code; nothing here exits.
import { ArgParseError, ArgParser } from './argparse';
import { argumentTable, optionSpecs, type CliArgument } from './arguments';
import { GLOBAL_OPTIONS, OUTPUT_FORMATS, toGlobalArgs, type GlobalArgs } from './globals';
import { CliError, GeneralError, ParamValidationError, RC, UnknownArgumentError } from '../errors';
import type { IO } from '../io';
import { operationsByCliName, SERVICE_CLI_NAME } from '../model';
import type { Operation } from '../model/types';
import type { PyDict, PyValue } from '../model/values';
import { buildCallParameters, type CallContext } from '../params/build';
import { generateSkeleton } from '../params/skeleton';
import { createDebugLog, type DebugLog } from '../debug';
import type { ServiceError } from '../client/service-error';
import { maybeAutoPrompt } from '../prompt';

export const CLI_VERSION = '2.36.7';

export function versionString(): string {
  const os = require('node:os') as typeof import('node:os');
  return `aws-cli/${CLI_VERSION} Node.js/${process.versions.node} ${os.type()}/${os.release()} source/${os.arch()}`;
}

export interface Invocation {
  globals: GlobalArgs;
  operation: Operation;
  opCliName: string;
  args: CliArgument[];
  parsed: Map<string, string | boolean | string[]>;
  io: IO;
  log: DebugLog;
}

export async function run(argv: string[], io: IO): Promise<number> {
  const prompted = await maybeAutoPrompt(argv, io);
  if (typeof prompted === 'number') return prompted;
  argv = prompted;
  let errorFormat: string | undefined = io.env.AWS_CLI_ERROR_FORMAT;
  let log: DebugLog = createDebugLog(io, false);
  try {
    // Pass 1: global options and the command (service) name.
    const mainParser = new ArgParser(GLOBAL_OPTIONS, [{ dest: 'command', nargs: 'one', required: true,
      choices: () => [SERVICE_CLI_NAME, 'help'] }]);
    let parsedMain;
    try {
      parsedMain = mainParser.parseKnownArgs(argv);
    } catch (e) {
      if (e instanceof ArgParseError && argv.includes('--version')) return printVersion(io);
      throw e;
    }
    const globals = toGlobalArgs(parsedMain.values);
    if (globals.cliErrorFormat) errorFormat = globals.cliErrorFormat;
    log = createDebugLog(io, globals.debug);
    if (globals.version) return printVersion(io);
    if (log.enabled) {
      log.debug('awscli.clidriver', `CLI version: ${versionString()}`);
      log.debug('awscli.clidriver', `Arguments entered to CLI: ${JSON.stringify(argv)}`);
    }
    validateTopLevel(globals);
    const command = parsedMain.values.get('command') as string;
    if (command === 'help') return await runHelp(io, globals, []);

    // Pass 2: the operation.
    const ops = operationsByCliName();
    const serviceParser = new ArgParser([], [{ dest: 'operation', nargs: 'one', required: true,
      choices: () => [...ops.keys(), 'help'] }]);
    const parsedService = serviceParser.parseKnownArgs(parsedMain.extras);
    const opCliName = parsedService.values.get('operation') as string;
    if (opCliName === 'help') return await runHelp(io, globals, [SERVICE_CLI_NAME]);
    const operation = ops.get(opCliName)!;

    // Pass 3: the operation's options.
    const remaining = parsedService.extras;
    const args = argumentTable(operation);
    if (remaining.length === 1 && remaining[0] === 'help') {
      return await runHelp(io, globals, [SERVICE_CLI_NAME, opCliName]);
    }
    const relax = remaining.includes('--cli-input-json') || remaining.includes('--cli-input-yaml') ||
      (remaining.includes('--generate-cli-skeleton') &&
        remaining[remaining.indexOf('--generate-cli-skeleton') + 1] !== 'output');
    const opParser = new ArgParser(optionSpecs(args, relax), [{ dest: '__help', nargs: 'optional' }]);
    const parsedOp = opParser.parseKnownArgs(remaining);
    const helpArg = parsedOp.values.get('__help') as string | undefined;
    if (helpArg === 'help') return await runHelp(io, globals, [SERVICE_CLI_NAME, opCliName]);
    const extras = [...parsedOp.extras];
    if (helpArg !== undefined) extras.push(helpArg);
    if (extras.length) throw new UnknownArgumentError(`Unknown options: ${extras.join(', ')}`);

    const inv: Invocation = { globals, operation, opCliName, args, parsed: parsedOp.values, io, log };
    return await invoke(inv);
  } catch (e) {
    return await reportError(e, io, errorFormat, log);
  }
}

function printVersion(io: IO): number {
  io.stdout.write(`${versionString()}\n`);
  return RC.OK;
}

/** Checks of global options that the AWS CLI makes as soon as they are parsed. */
function validateTopLevel(g: GlobalArgs): void {
  if (g.endpointUrl !== undefined) {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(g.endpointUrl);
    if (!m) {
      throw new ParamValidationError(`Bad value for --endpoint-url "${g.endpointUrl}": scheme is missing.  ` +
        'Must be of the form http://<hostname>/ or https://<hostname>/');
    }
  }
  for (const [name, v] of [['--cli-read-timeout', g.readTimeout], ['--cli-connect-timeout', g.connectTimeout]] as const) {
    if (v !== undefined && !/^\s*[+-]?\d+(_\d+)*\s*$/.test(v)) {
      throw new ParamValidationError(`argument ${name}: expected a whole number of seconds, received: '${v}'`);
    }
  }
}

async function runHelp(io: IO, g: GlobalArgs, path: string[]): Promise<number> {
  const help = await import('../help');
  return help.showHelp(path, io, g);
}

async function invoke(inv: Invocation): Promise<number> {
  const { globals, operation, io } = inv;
  // --query is checked before anything is sent (exit 252 on a bad expression).
  let query: ((v: PyValue) => PyValue) | undefined;
  if (globals.query !== undefined) query = await compileQueryArg(globals.query);

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
      io.stdout.write(dumpYamlSkeleton(operation));
    }
    return RC.OK;
  }
  const { callOperation } = await import('./call');
  return callOperation(inv, call.params, call.pagination, call.paginate, query, skeleton === 'output');
}

async function compileQueryArg(expr: string): Promise<(v: PyValue) => PyValue> {
  const q = await import('../output/query');
  try {
    const compiled = q.compileQuery(expr);
    return (v: PyValue) => q.searchQuery(compiled, v);
  } catch (e) {
    if (e instanceof q.QueryParseError) throw new ParamValidationError(`Bad value for --query ${expr}: ${e.message}`);
    throw e;
  }
}

/** Prints an error as the AWS CLI does and returns its exit code. */
export async function reportError(e: unknown, io: IO, errorFormat: string | undefined, log?: DebugLog): Promise<number> {
  if (e instanceof ArgParseError) {
    const err = new ParamValidationError(e.message, true);
    io.stderr.write(err.render());
    return err.rc;
  }
  // Errors may come from a lazily loaded bundle with its own copy of the error classes: match by shape.
  if (isServiceError(e)) {
    const { renderServiceError } = await import('../output/errors');
    io.stderr.write(await renderServiceError(e, errorFormat, io));
    return e.rc;
  }
  if (isCliError(e)) {
    io.stderr.write(e.render());
    return e.rc;
  }
  log?.debug('awscli.clidriver', `Exception caught in main(): ${(e as Error)?.stack ?? String(e)}`);
  const msg = e instanceof Error ? e.message : String(e);
  const err = new GeneralError(msg);
  io.stderr.write(err.render());
  return err.rc;
}

function isCliError(e: unknown): e is CliError {
  return e instanceof Error && typeof (e as CliError).rc === 'number' && typeof (e as CliError).render === 'function';
}

function isServiceError(e: unknown): e is ServiceError {
  return isCliError(e) && typeof (e as ServiceError).extraDetails === 'function';
}

export function isOutputFormat(v: string): boolean {
  return (OUTPUT_FORMATS as readonly string[]).includes(v);
}

export type { PyDict };
