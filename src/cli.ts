// The `aws` command on an IO: what the AWS CLI does before its driver exists (the first pass over the
// arguments, the config files: commands/run.ts createDriver), the auto-prompt (prompt/: it may change
// the arguments, or end the command), then the driver (commands/run.ts), which renders help pages with
// help/ (loaded on demand).
// main.ts runs it on the process's IO; tests on theirs.
import { createDriver, run, type HelpRenderer } from './commands/run';
import type { IO } from './io';
import { maybeAutoPrompt } from './prompt';

const showHelp: HelpRenderer = async (path, io, globals) => (await import('./help')).showHelp(path, io, globals);

/** The driver with the help pages, without the prompt. */
export const runCommand = (argv: string[], io: IO): Promise<number> => run(argv, io, { help: showHelp });

/** Runs one command line; resolves to its exit code. */
export async function cli(argv: string[], io: IO): Promise<number> {
  const failed = await createDriver(argv, io);
  if (failed !== undefined) return failed;
  const prompted = await maybeAutoPrompt(argv, io, { run: runCommand });
  if (typeof prompted === 'number') return prompted;
  return runCommand(prompted, io);
}
