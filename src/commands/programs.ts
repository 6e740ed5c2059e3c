// Finding the programs this CLI runs (the pager, the real AWS CLI for its other commands) as Popen and
// execvp find them: a regular file the user may execute.
import { accessSync, constants, statSync } from 'node:fs';

/** True when `p` is a regular file this process may execute. */
export function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
