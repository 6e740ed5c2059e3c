// --cli-auto-prompt, as the AWS CLI resolves and runs it (awscli/autoprompt/core.py): the mode is
// `off` when `help` or `--version` is among the arguments, else from --no-cli-auto-prompt /
// --cli-auto-prompt, else from AWS_CLI_AUTO_PROMPT or the profile's `cli_auto_prompt` (on, on-partial,
// off). `on` prompts before anything runs; `on-partial` runs the command with its parameter errors
// silenced and prompts only when it failed on its parameters (exit 252), e.g. missing required options.
// This module is on the start-up path of every command: it reads the environment and the argument
// list, and only when neither decides, the profile (../client/shared-files reads the files); the
// prompt itself is loaded on demand.
import { profileSetting, type SharedFiles } from '../client/shared-files';
import { type CliError, GeneralError, ParamValidationError, RC } from '../errors';
import type { IO, Terminal } from '../io';

export type PromptMode = 'on' | 'on-partial' | 'off';

/** Terminal streams the prompt reads keys from and draws on (the IO's terminal by default). */
export type PromptTerminal = Terminal;

export interface AutoPromptOptions {
  /** Runs a command line, without the prompt (`on-partial` runs it first, its parameter errors held back). */
  run: (argv: string[], io: IO) => Promise<number>;
  terminal?: PromptTerminal;
  /** The config and credentials files, when already read (cli_auto_prompt is read from them). */
  files?: SharedFiles;
}

const NO_PROMPT_ARGS = ['help', '--version'];

/** The error when the prompt is on and standard input is not a terminal. */
export const NO_TERMINAL =
  'cannot prompt for the command: standard input is not a terminal (--no-cli-auto-prompt runs it without the prompt)';

/** The profile the command line names (--profile X or --profile=X), else the environment's. */
function profileName(argv: readonly string[], env: Record<string, string | undefined>): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--profile' && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith('--profile=')) return argv[i].slice('--profile='.length);
  }
  return env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? 'default';
}

/** The prompt mode for these arguments; throws a ParamValidationError when both flags are given. */
export async function resolveMode(argv: readonly string[], env: Record<string, string | undefined>, files?: SharedFiles): Promise<PromptMode> {
  const on = argv.includes('--cli-auto-prompt');
  const off = argv.includes('--no-cli-auto-prompt');
  if (on && off) {
    throw new ParamValidationError('Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
  }
  if (argv.some((a) => NO_PROMPT_ARGS.includes(a)) || off) return 'off';
  if (on) return 'on';
  let configured = env.AWS_CLI_AUTO_PROMPT;
  if (configured === undefined) {
    configured = profileSetting(env, profileName(argv, env), 'cli_auto_prompt', files);
  }
  const mode = configured?.toLowerCase();
  return mode === 'on' || mode === 'on-partial' ? mode : 'off';
}

/**
 * Called first (../cli.ts): returns the arguments to run (the same, or what the prompt produced) or,
 * when the prompt ended the command (cancelled, or `on-partial` already ran it), the exit code.
 */
export async function maybeAutoPrompt(argv: string[], io: IO, opts: AutoPromptOptions): Promise<string[] | number> {
  let mode: PromptMode;
  try {
    mode = await resolveMode(argv, io.env, opts.files);
  } catch (e) {
    // Both prompt flags (a ParamValidationError), or the config file's error.
    io.stderr.write((e as CliError).render());
    return (e as CliError).rc;
  }
  if (mode === 'off') return argv;
  // A command of the AWS CLI that this one does not implement (`aws s3 ls`) is not prompted for: run
  // hands it to the real AWS CLI (commands/handover.ts), which prompts itself.
  if (await isForeignCommand(argv)) return argv;
  if (mode === 'on-partial') {
    const rc = await runSilencingParamErrors(argv, io, opts.run);
    if (rc !== RC.PARAM) return rc;
  }
  return prompt(argv, io, opts);
}

/** True when the main parser names a command of the AWS CLI other than this one's. */
async function isForeignCommand(argv: string[]): Promise<boolean> {
  const { foreignCommand, parseGlobalArgs } = await import('../commands/run');
  try {
    parseGlobalArgs(argv);
    return false;
  } catch (e) {
    return foreignCommand(e) !== undefined;
  }
}

/** Runs the command as typed; its stderr is held back and dropped when it failed on its parameters. */
async function runSilencingParamErrors(argv: string[], io: IO, run: AutoPromptOptions['run']): Promise<number> {
  let held = '';
  const inner: IO = { ...io, stderr: { ...io.stderr, write: (s: string | Uint8Array) => { held += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); } } };
  const rc = await run(argv, inner);
  if (rc !== RC.PARAM && held) io.stderr.write(held);
  return rc;
}

async function prompt(argv: string[], io: IO, opts: AutoPromptOptions): Promise<string[] | number> {
  // The prompt draws on the terminal: stdout, or stderr when only that one is a terminal.
  const terminal = opts.terminal ?? io.terminal?.();
  if (!terminal?.input.isTTY) {
    // What the AWS CLI's prompt (prompt_toolkit) does without a terminal: it warns, then its input
    // ends at once and the command fails (exit 255) without running anything. Its error text is that
    // of the end of input, empty (`aws: [ERROR]: `); this one says what happened and the way out.
    io.stderr.write('Warning: Input is not a terminal (fd=0).\n');
    io.stderr.write(new GeneralError(NO_TERMINAL).render());
    return RC.GENERAL;
  }
  const { promptForArgs } = await import('./ui');
  const result = await promptForArgs(argv, terminal, io);
  if (result.kind === 'cancel') {
    io.stderr.write(`> aws ${result.text}\n`);
    return RC.INTERRUPTED;
  }
  io.stdout.write(`> aws ${result.text}\n`);
  if (result.error) {
    io.stderr.write(new GeneralError(result.error).render());
    return RC.GENERAL;
  }
  return result.args;
}
