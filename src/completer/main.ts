// `aws_completer`: the AWS CLI's completion protocol for bash (`complete -C aws_completer aws`) and
// zsh (bashcompinit). The shell puts the command line in COMP_LINE and the cursor offset in
// COMP_POINT; the candidates go to stdout, one a line. Bash also passes the word being completed as
// the second argument: it splits words at COMP_WORDBREAKS (`:` and `=` among them), so candidates
// are cut to start where that word starts (`file://a` is completed as `//a…` when bash's word is `//a`).
import { writeSync } from 'node:fs';
import { autocomplete } from './engine';

/** The candidates for a command line, as lines for the shell. */
export function completionLines(line: string, point: number | undefined, shellWord?: string,
  env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string[] {
  const names = autocomplete(line, point, { env, cwd }).map((c) => c.name);
  if (shellWord === undefined) return names;
  const before = line.slice(0, point ?? line.length);
  const word = /(\S*)$/.exec(before)![1];
  if (shellWord === word || !word.endsWith(shellWord)) return names;
  const cut = word.length - shellWord.length;
  const head = word.slice(0, cut);
  // Only where bash itself breaks words (its default COMP_WORDBREAKS).
  if (!/["'><=;|&(:]$/.test(head)) return names;
  return names.map((n) => (n.startsWith(head) ? n.slice(cut) : n));
}

export function main(argv: string[]): number {
  const line = process.env.COMP_LINE;
  if (line === undefined) {
    process.stderr.write('aws_completer: COMP_LINE and COMP_POINT must be set (use: complete -C aws_completer aws)\n');
    return 1;
  }
  const point = process.env.COMP_POINT !== undefined ? Number.parseInt(process.env.COMP_POINT, 10) : undefined;
  const lines = completionLines(line, Number.isNaN(point) ? undefined : point, argv.length >= 2 ? argv[1] : undefined);
  // A blocking write to fd 1: touching process.stdout would load Node's stream machinery, a large
  // share of this short-lived program's time. A shell that stopped reading is not an error.
  if (lines.length) {
    const out = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    try {
      for (let off = 0; off < out.length;) off += writeSync(1, out, off, out.length - off);
    } catch {
      /* EPIPE / EAGAIN: the shell is gone or not reading */
    }
  }
  return 0;
}
