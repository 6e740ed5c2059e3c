// The output pager, as the AWS CLI uses it (awscli/utils.py OutputStreamFactory): only when stdout is a
// terminal; AWS_PAGER > the profile's cli_pager > PAGER > `less -R`; --no-cli-pager or an empty value
// turns it off. The command is split as shlex.split does and run without a shell, with LESS=FRX unless
// LESS is set. Like the AWS CLI's LazyPager, the process starts at the first write (an empty output
// starts none); a command that cannot be found is the AWS CLI's Pager error (exit 253). The pager
// gets the whole output; one that exits early (q in less) is not an error.
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import type { IO, OutStream } from '../io';
import { shlexSplit } from '../py/shlex';
import { StructuredError } from '../client/service-error';
import { CliError, RC } from '../errors';
import { isExecutableFile } from './programs';

export function resolvePager(io: IO, noCliPager: boolean, profilePager: string | undefined): string | undefined {
  if (noCliPager || !io.stdout.isTTY) return undefined;
  const pager = io.env.AWS_PAGER ?? profilePager ?? io.env.PAGER ?? 'less -R';
  return pager === '' ? undefined : pager;
}

export interface Pager {
  stream: OutStream;
  /** Ends the pager's input and waits for the user to leave it. */
  close(): Promise<void>;
}

/** The AWS CLI's PagerInitializationException, as its PagerErrorHandler reports it (code Pager, 253). */
export function pagerError(reason: string): StructuredError {
  return new StructuredError('Pager', 'Unable to redirect output to pager. Received the following error when opening pager:\n' +
    `${reason}\n\nLearn more about configuring the output pager by running "aws help config-vars".`, RC.CONFIG);
}

/** Whether Popen would find the program: a path as given, else a search of PATH. */
function findProgram(name: string, env: Record<string, string | undefined>): boolean {
  if (name.includes('/')) return isExecutableFile(name);
  return (env.PATH ?? '').split(delimiter).some((dir) => isExecutableFile(join(dir || '.', name)));
}

export function startPager(command: string, io: IO): Pager {
  let child: ReturnType<typeof spawn> | undefined;
  let open = true;
  let exited: Promise<void> = Promise.resolve();
  const start = () => {
    let argv: string[];
    try {
      argv = shlexSplit(command);
    } catch (e) {
      throw new CliError((e as Error).message, RC.GENERAL);
    }
    // Popen([]) fails outside the pager's own error handling (a general error, 255).
    if (!argv.length) throw new CliError('list index out of range', RC.GENERAL);
    if (!findProgram(argv[0], io.env)) throw pagerError(`[Errno 2] No such file or directory: '${argv[0]}'`);
    const env = { ...io.env };
    if (env.LESS === undefined) env.LESS = 'FRX';
    const c = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
    c.stdin!.on('error', () => { open = false; });
    exited = new Promise<void>((resolve) => {
      c.once('exit', () => { open = false; resolve(); });
      c.once('error', () => { open = false; resolve(); });
    });
    return c;
  };
  return {
    stream: {
      write: (s) => {
        if (!s.length) return;
        child ??= start();
        if (open) child.stdin!.write(s);
      },
      isTTY: false,
      columns: io.stdout.columns,
      // The pager quit (or failed): nothing more will be shown.
      get closed() { return !open; },
    },
    close: async () => {
      if (!child) return;
      if (open) child.stdin!.end();
      await exited;
    },
  };
}
