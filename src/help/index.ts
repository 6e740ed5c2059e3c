// Help pages (filled in by the help issue): for now the usage block, as `aws help` at least says how to go on.
import type { GlobalArgs } from '../commands/globals';
import type { IO } from '../io';
import { USAGE } from '../errors';

export async function showHelp(path: string[], io: IO, _g: GlobalArgs): Promise<number> {
  io.stdout.write(`${['aws', ...path].join(' ')}\n\n${USAGE}`);
  return 0;
}
