// `aws s3 ls`, `aws configure`, `aws sts get-caller-identity`: this program implements one command of
// the AWS CLI. A command line for any other command of the AWS CLI goes, whole, to the next `aws` on
// PATH that is not this program (the real AWS CLI), as if this one had exec'd it: the same arguments,
// standard streams, environment and working directory, and its exit code (128 + n when signal n ended
// it), with no output of its own. Without one, a single line says what this one implements (exit 252).
//
// "Not this program": the candidates are compared by their real paths (a symlink, npm's bin links and
// node_modules/.bin are this program under another name), and any file that names this package
// (another install of it, a wrapper script that runs it) is skipped. A wrapper that runs this program
// by a path that names nothing (a version manager's shim) hands the command back: that is recognised
// from the parent processes (this program, with the same arguments), and the next candidate is tried.
//
// Loaded only on that path (run.ts: the main parser found a command of the AWS CLI that is not this one's).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { constants as os } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { RC } from '../errors';
import type { IO } from '../io';
import { isExecutableFile } from './programs';

/** The package's name: in bin/aws, and in the paths of its installs and of the shims that run it. */
export const PACKAGE_NAME = 'aws-cleanroomsml-cli';

/** Where this program is (bin/aws, by its real path), and the processes it runs under. */
export interface Self {
  /** The real path of this program's executable (bin/aws). */
  executable?: string;
  /** The command lines of the parent process, its parent, … (from /proc on Linux), to recognise a loop. */
  ancestors?: () => Iterable<string[]>;
}

function realpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** True when the file's first 4 kB name this package: bin/aws itself, or a script that runs it. */
function namesThisPackage(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.toString('latin1', 0, n).includes(PACKAGE_NAME);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when that file is this program: the same real path, or a file that names this package. */
function isThisProgram(file: string, self: Self): boolean {
  const real = realpath(file);
  if (real === undefined) return false;
  return real === self.executable || namesThisPackage(real);
}

/**
 * The `aws` programs on PATH that are not this program, in order (each as found on PATH, as a shell
 * runs it). Empty and relative PATH entries are relative to the working directory, as for execvp.
 */
export function otherAwsOnPath(pathEnv: string | undefined, cwd: string, self: Self, platform = process.platform): string[] {
  const names = platform === 'win32' ? ['aws.exe'] : ['aws'];
  const seen = new Set<string>();
  const found: string[] = [];
  for (const entry of (pathEnv ?? '').split(platform === 'win32' ? ';' : delimiter)) {
    const dir = isAbsolute(entry) ? entry : resolve(cwd, entry || '.');
    for (const name of names) {
      const candidate = join(dir, name);
      if (!isExecutableFile(candidate)) continue;
      const real = realpath(candidate) ?? candidate;
      if (seen.has(real)) continue;
      seen.add(real);
      if (!isThisProgram(candidate, self)) found.push(candidate);
    }
  }
  return found;
}

/** The command lines of the parent process and its ancestors, from /proc (Linux); none elsewhere. */
function* procAncestors(): Generator<string[]> {
  let pid = process.ppid;
  for (let i = 0; i < 16 && pid > 1; i++) {
    let cmdline: string;
    let stat: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return;
    }
    yield cmdline.split('\0').slice(0, -1);
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses.
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
}

/**
 * How many hand-overs of this same command line came back to this program: the number of nearest
 * ancestors that are this program run with these arguments (0 when the command line was typed).
 * Each of them handed it to the candidate after the one its own parent had taken.
 */
export function handedBack(argv: readonly string[], self: Self): number {
  let depth = 0;
  for (const cmd of self.ancestors?.() ?? []) {
    if (cmd.length < argv.length + 1) break;
    const tail = cmd.slice(cmd.length - argv.length);
    if (tail.some((a, i) => a !== argv[i])) break;
    if (!isThisProgram(cmd[cmd.length - argv.length - 1], self)) break;
    depth++;
  }
  return depth;
}

/** This program as bin/aws runs it: the script Node runs (process.argv[1]), by its real path. */
export function currentSelf(): Self {
  return { executable: process.argv[1] ? realpath(process.argv[1]) : undefined, ancestors: procAncestors };
}

/** The line printed when there is no other `aws` to run the command. */
export function notImplementedMessage(command: string, loop = false): string {
  const why = loop ? ' (the other aws programs on PATH run this one again)' : '';
  return `aws: [ERROR]: this aws implements only 'aws cleanroomsml'${why}; install the AWS CLI for '${command}'\n`;
}

// Signals a terminal sends to its foreground process group (Ctrl-C, Ctrl-\): the other `aws` gets them
// itself, and this process waits for it, as a shell waits for its foreground job. Signals sent to this
// process alone (a supervisor's SIGTERM, a hang-up) are passed on. (SIGUSR1 is Node's, for its inspector.)
const WAITED_OUT = ['SIGINT', 'SIGQUIT'] as const;
const PASSED_ON = ['SIGTERM', 'SIGHUP'] as const;

/**
 * Runs the whole command line with the next `aws` on PATH and returns its exit code; or, when there
 * is none, prints one line (exit 252).
 */
export async function handOver(argv: readonly string[], command: string, io: IO, self: Self = currentSelf()): Promise<number> {
  // A wrapper that runs this program (a version manager's shim) came first: the next one after it.
  const back = handedBack(argv, self);
  const other = otherAwsOnPath(io.env.PATH, io.cwd, self)[back];
  if (other === undefined) {
    io.stderr.write(notImplementedMessage(command, back > 0));
    return RC.PARAM;
  }
  return new Promise<number>((done) => {
    // Every handler goes in before the other aws starts: a signal without any listener would end this
    // process at once, and the other aws may already run (and be signalled) before spawn() returns.
    // Node.js runs signal handlers from its event loop, so `child` is set by the time one runs.
    let child: ChildProcess | undefined;
    const handlers = new Map<NodeJS.Signals, () => void>();
    const ignore = () => {};
    for (const sig of WAITED_OUT) handlers.set(sig, ignore);
    for (const sig of PASSED_ON) handlers.set(sig, () => { child?.kill(sig); });
    for (const [sig, fn] of handlers) process.on(sig, fn);
    // The caller's Ctrl-C handler (main.ts: a newline, exit 130) waits too: the other aws answers it.
    const savedInt = process.listeners('SIGINT').filter((fn) => fn !== ignore);
    for (const fn of savedInt) process.off('SIGINT', fn as () => void);
    child = spawn(other, [...argv], { stdio: 'inherit', env: io.env, cwd: io.cwd });
    let finished = false;
    const finish = (rc: number) => {
      if (finished) return;
      finished = true;
      for (const [sig, fn] of handlers) process.off(sig, fn);
      for (const fn of savedInt) process.on('SIGINT', fn as () => void);
      done(rc);
    };
    child.once('error', (e: NodeJS.ErrnoException) => {
      io.stderr.write(`aws: [ERROR]: could not run ${other}: ${e.message}\n`);
      finish(RC.GENERAL);
    });
    child.once('exit', (code, signal) => {
      finish(code ?? 128 + (signal ? os.signals[signal] ?? 0 : 0));
    });
  });
}
