// The `aws` command on an IO: the auto-prompt first (prompt/: it may change the arguments, or end the
// command), then the driver (commands/run.ts), which renders help pages with help/ (loaded on demand).
// main.ts runs it on the process's IO; tests on theirs.
import { run, type HelpRenderer } from './commands/run';
import type { IO } from './io';
import { maybeAutoPrompt } from './prompt';

const showHelp: HelpRenderer = async (path, io, globals) => (await import('./help')).showHelp(path, io, globals);

/** The driver with the help pages, without the prompt. */
export const runCommand = (argv: string[], io: IO): Promise<number> => run(argv, io, { help: showHelp });

/** Runs one command line; resolves to its exit code. */
export async function cli(argv: string[], io: IO): Promise<number> {
  const prompted = await maybeAutoPrompt(argv, io, { run: runCommand });
  if (typeof prompted === 'number') return prompted;
  return runCommand(prompted, io);
}
