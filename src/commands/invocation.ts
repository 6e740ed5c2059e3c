// One command to run, as the driver (./run.ts) hands it to the call (./call.ts) and its pagination
// (./paginate.ts): the parsed global options, the operation and its parsed arguments, the IO and the
// --debug log.
import type { GlobalArgs } from './globals';
import type { DebugLog } from '../debug';
import type { IO } from '../io';
import type { Operation } from '../model/types';
import type { CliArgument } from '../params/arguments';
import type { SharedFiles } from '../client/shared-files';

export interface Invocation {
  globals: GlobalArgs;
  operation: Operation;
  opCliName: string;
  args: CliArgument[];
  parsed: Map<string, string | boolean | string[]>;
  io: IO;
  log: DebugLog;
  /** The config and credentials files, when the session has read them already. */
  files?: SharedFiles;
}
