// `aws help`, `aws cleanroomsml help`, `aws cleanroomsml <operation> help`, rendered as the AWS CLI
// renders them on POSIX systems: the page's reStructuredText (clidocs.ts, from the model's
// documentation) becomes a man page (rst.ts parses it as docutils does, manpage.ts writes it as
// docutils' manpage writer does), which `groff -m man -T ascii` formats (else `mandoc -T ascii`;
// without either, plain.ts lays the man page out itself). On a terminal the text goes through the
// pager ($MANPAGER, else $PAGER, else `less -R`); otherwise it is written as the formatter made it.
// This module is a lazy bundle (lazy-help): only the help and the prompt load it.
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { GlobalArgs } from '../commands/globals';
import { USAGE } from '../errors';
import type { IO } from '../io';
import { SERVICE_CLI_NAME } from '../model';
import { shlexSplit } from '../py/shlex';
import { operationRst, providerRst, serviceRst } from './clidocs';
import { toManPage } from './manpage';
import { formatRoff } from './plain';
import { parseRst } from './rst';

export { operationSummary, optionSummary, type OptionSummary } from './document';

type Env = Record<string, string | undefined>;

/** What the help needs from the system: finding programs, running the formatter, paging. */
export interface HelpSystem {
  /** True when `name` is an executable on $PATH (or, with a slash, at that path). */
  exists(name: string, env: Env): boolean;
  /** Runs a formatter with `input` on its stdin; its stdout, or undefined when it failed. */
  format(cmd: string[], input: string, env: Env): string | undefined;
  /** Pipes `text` into a pager that writes to the terminal; resolves when the pager exits. */
  page(cmd: string[], text: string, env: Env): Promise<void>;
  /** Pipes `text` through a program (a pager writing to a pipe) and returns what it wrote. */
  filter(cmd: string[], text: string, env: Env): string;
}

function existsOnPath(name: string, env: Env): boolean {
  const isFile = (p: string) => {
    try {
      return existsSync(p) && statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return isFile(name);
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isFile(join(dir, name)));
}

export const nodeHelpSystem: HelpSystem = {
  exists: existsOnPath,
  format(cmd, input, env) {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync(cmd[0], cmd.slice(1), { input, env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.error || r.status !== 0 || !r.stdout) return undefined;
    return r.stdout;
  },
  filter(cmd, text, env) {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync(cmd[0], cmd.slice(1), { input: text, env: env as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 });
    return r.stdout ? r.stdout.toString('utf8') : '';
  },
  page(cmd, text, env) {
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    return new Promise((resolve) => {
      // Ctrl-C belongs to the pager while it runs (as with `man`): ignore it here.
      const ignore = () => undefined;
      process.on('SIGINT', ignore);
      const done = () => {
        process.off('SIGINT', ignore);
        resolve();
      };
      const child = spawn(cmd[0], cmd.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
      child.on('error', done);
      child.on('close', done);
      child.stdin.on('error', () => undefined);
      child.stdin.end(text);
    });
  },
};

/** The page's reStructuredText for `aws [<service> [<operation>]] help`, or undefined. */
export function helpRst(path: readonly string[]): string | undefined {
  if (path.length === 0) return providerRst();
  if (path[0] !== SERVICE_CLI_NAME) return undefined;
  if (path.length === 1) return serviceRst();
  return path.length === 2 ? operationRst(path[1]) : undefined;
}

/** The man page source of a help page. */
export function helpRoff(path: readonly string[]): string | undefined {
  const rst = helpRst(path);
  return rst === undefined ? undefined : toManPage(parseRst(rst));
}

/** The formatter command for man-page source: groff, else mandoc, else none (as the AWS CLI picks it). */
export function formatterCommand(env: Env, sys: HelpSystem = nodeHelpSystem): string[] | undefined {
  if (sys.exists('groff', env)) return ['groff', '-m', 'man', '-T', 'ascii'];
  if (sys.exists('mandoc', env)) return ['mandoc', '-T', 'ascii'];
  return undefined;
}

/** The page as text: through the formatter when there is one, else laid out here. */
export function renderRoff(roff: string, env: Env, sys: HelpSystem = nodeHelpSystem): string {
  const cmd = formatterCommand(env, sys);
  if (cmd) {
    const out = sys.format(cmd, roff, env);
    if (out !== undefined) return out;
  }
  return formatRoff(roff);
}

/** The pager command line: $MANPAGER, else $PAGER, else `less -R`. */
export function pagerCommand(env: Env): string[] {
  const pager = env.MANPAGER ?? env.PAGER ?? 'less -R';
  try {
    return shlexSplit(pager);
  } catch {
    return [];
  }
}

export async function showHelp(path: string[], io: IO, _g: GlobalArgs, sys: HelpSystem = nodeHelpSystem): Promise<number> {
  const roff = helpRoff(path);
  if (roff === undefined) {
    io.stdout.write(`${['aws', ...path].join(' ')}\n\n${USAGE}`);
    return 0;
  }
  const text = renderRoff(roff, io.env, sys);
  const chosen = io.env.MANPAGER !== undefined || io.env.PAGER !== undefined;
  if (!io.stdout.isTTY && !chosen) {
    // Not a terminal (a file, a pipe), no pager chosen: the formatter's text as it is, groff's
    // overstrikes included, as the AWS CLI writes it (its default pager, `less`, copies a page to a
    // pipe unchanged).
    io.stdout.write(text);
    return 0;
  }
  // The AWS CLI pipes the page into the pager whatever stdout is; a pager it cannot find, it skips,
  // and prints the page with a newline.
  const pager = pagerCommand(io.env);
  if (!pager.length || !sys.exists(pager[0], io.env)) {
    io.stdout.write(`${text}\n`);
  } else if (io.stdout.isTTY) {
    await sys.page(pager, text, io.env);
  } else {
    io.stdout.write(sys.filter(pager, text, io.env));
  }
  return 0;
}
