// The `aws` command on an IO: what the AWS CLI does before its driver exists (the first pass over the
// arguments, the config files: commands/run.ts createDriver), the auto-prompt (prompt/: it may change
// the arguments, or end the command), then the driver (commands/run.ts), which renders help pages with
// help/ (loaded on demand).
// main.ts runs it on the process's IO; tests on theirs.
import { createDriver, run, type HelpRenderer } from './commands/run';
import type { SharedFiles } from './client/shared-files';
import type { ExitHook, IO } from './io';
import { maybeAutoPrompt } from './prompt';

const showHelp: HelpRenderer = async (path, io, globals) => (await import('./help')).showHelp(path, io, globals);

/** The driver with the help pages, without the prompt (with the config files, when already read). */
export const runCommand = (argv: string[], io: IO, files?: SharedFiles): Promise<number> => run(argv, io, { help: showHelp, files });

/** Runs one command line; resolves to its exit code (after its exit hooks have run). */
export async function cli(argv: string[], io: IO): Promise<number> {
  const hooks = new Set<ExitHook>();
  const command: IO = { ...io, atExit: (hook) => { hooks.add(hook); } };
  try {
    const files = await createDriver(argv, command);
    if (typeof files === 'number') return files;
    const runRead = (args: string[], on: IO) => runCommand(args, on, files);
    const prompted = await maybeAutoPrompt(argv, command, { run: runRead, files });
    if (typeof prompted === 'number') return prompted;
    return await runRead(prompted, command);
  } finally {
    for (const hook of hooks) hook(command);
  }
}
