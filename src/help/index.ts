// `aws help`, `aws cleanroomsml help`, `aws cleanroomsml <operation> help`: the page is generated from
// the model (document.ts), written as man-page source and formatted by `groff -m man -T ascii` (or
// `mandoc -T ascii`) when one is installed, else laid out as plain text. On a terminal it goes through
// the pager ($MANPAGER, else $PAGER, else `less -R`), otherwise straight to stdout.
// This module is a lazy bundle (lazy-help): it is the only one that loads the documentation texts.
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { GlobalArgs } from '../commands/globals';
import type { IO } from '../io';
import { USAGE } from '../errors';
import { shlexSplit } from '../prompt/shlex';
import { helpPage, type HelpPage } from './document';
import { toPlain } from './plain';
import { toRoff } from './roff';

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

/** The formatter command for man-page source: groff, else mandoc, else none. */
export function formatterCommand(env: Env, sys: HelpSystem = nodeHelpSystem): string[] | undefined {
  if (sys.exists('groff', env)) return ['groff', '-m', 'man', '-T', 'ascii'];
  if (sys.exists('mandoc', env)) return ['mandoc', '-T', 'ascii'];
  return undefined;
}

/** The page as text: through the formatter when there is one, else the plain layout. */
export function renderPage(page: HelpPage, env: Env, sys: HelpSystem = nodeHelpSystem): string {
  const cmd = formatterCommand(env, sys);
  if (cmd) {
    const out = sys.format(cmd, toRoff(page), env);
    if (out) return out;
  }
  return toPlain(page);
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
  const page = helpPage(path);
  if (!page) {
    io.stdout.write(`${['aws', ...path].join(' ')}\n\n${USAGE}`);
    return 0;
  }
  const text = renderPage(page, io.env, sys);
  if (io.stdout.isTTY) {
    const pager = pagerCommand(io.env);
    if (pager.length && sys.exists(pager[0], io.env)) {
      await sys.page(pager, text, io.env);
      return 0;
    }
    // No pager on the PATH: the text as it is, as the AWS CLI prints it then.
    io.stdout.write(`${text}\n`);
    return 0;
  }
  // Not a terminal (a file, a pipe to grep): without groff's backspace overstrikes, as `col -b` would.
  io.stdout.write(text.replace(/[^\n]\x08/gu, ''));
  return 0;
}
