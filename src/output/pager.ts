// The output pager, as the AWS CLI uses it: only when stdout is a terminal; AWS_PAGER > the
// profile's cli_pager > PAGER > `less -R`; --no-cli-pager or an empty value turns it off. The pager
// gets the whole output; one that exits early (q in less) is not an error.
import { spawn } from 'node:child_process';
import type { IO, OutStream } from '../io';

export function resolvePager(io: IO, noCliPager: boolean, profilePager: string | undefined): string | undefined {
  if (noCliPager || !io.stdout.isTTY) return undefined;
  const pager = io.env.AWS_PAGER ?? profilePager ?? io.env.PAGER ?? 'less -R';
  return pager.trim() === '' ? undefined : pager;
}

export interface Pager {
  stream: OutStream;
  /** Ends the pager's input and waits for the user to leave it. */
  close(): Promise<void>;
}

export function startPager(command: string, io: IO): Pager {
  const env = { ...io.env };
  if (env.LESS === undefined) env.LESS = 'FRX';
  const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
  let open = true;
  child.stdin.on('error', () => { open = false; });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => { open = false; resolve(); });
    child.once('error', () => { open = false; resolve(); });
  });
  return {
    stream: { write: (s) => { if (open && s.length) child.stdin.write(s); }, isTTY: false, columns: io.stdout.columns },
    close: async () => {
      if (open) child.stdin.end();
      await exited;
    },
  };
}
