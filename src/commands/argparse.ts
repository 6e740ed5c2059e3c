// The subset of Python's argparse that the AWS CLI's parsers rely on, reproduced so that the command
// line is read exactly as AWS CLI v2 reads it: three passes (global options + command, the service's
// operation, the operation's own options), each a `parse_known_args`, with argparse's rules for
// unique prefixes, `--opt=value`, negative-number-looking values, `--`, and its error texts.
// commander cannot do this (no prefix matching, different value rules), so the project writes it.

export interface OptionSpec {
  /** The option string, e.g. `--region`. */
  name: string;
  /** Where the value goes in the result. */
  dest: string;
  /** 'one': exactly one value; 'optional': zero or one (nargs='?'); 'many': zero or more (nargs='*'); 'flag': none. */
  nargs: 'one' | 'optional' | 'many' | 'flag';
  /** For nargs 'optional' used without a value. */
  constValue?: string;
  /** For 'flag': the value stored (true by default; false for `--no-…` options storing false). */
  flagValue?: boolean;
  choices?: readonly string[];
  required?: boolean;
  /** Error text uses this instead of the option name (argparse's metavar/dest display). */
  display?: string;
}

export interface PositionalSpec {
  dest: string;
  nargs: 'one' | 'optional';
  choices?: () => readonly string[];
  required?: boolean;
}

export type ParsedValue = string | boolean | string[];

export interface ParseResult {
  values: Map<string, ParsedValue>;
  /** The option strings that were given (dest → true), in order of appearance. */
  seen: Set<string>;
  extras: string[];
}

/** An argparse error: the AWS CLI prints it as a ParamValidation error followed by the usage block. */
export class ArgParseError extends Error {}

// Python 3.14's argparse (the AWS CLI's interpreter): anything that starts like a negative number
// (`-1`, `-1e5`, `-.5`, `-1x`) is a value, not an option.
const NEGATIVE_NUMBER = /^-\.?\d/;

interface Classified {
  kind: 'O' | 'A' | '-';
  option?: OptionSpec;
  explicit?: string;
  /** An abbreviation matching several options: argparse reports it when it reaches the argument. */
  ambiguous?: string;
}

export class ArgParser {
  private readonly byName = new Map<string, OptionSpec>();

  constructor(
    private readonly options: readonly OptionSpec[],
    private readonly positionals: readonly PositionalSpec[] = [],
  ) {
    for (const o of options) this.byName.set(o.name, o);
  }

  private classify(arg: string): Classified {
    if (!arg.startsWith('-') || arg === '-') return { kind: 'A' };
    const exact = this.byName.get(arg);
    if (exact) return { kind: 'O', option: exact };
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const o = this.byName.get(arg.slice(0, eq));
      if (o) return { kind: 'O', option: o, explicit: arg.slice(eq + 1) };
    }
    // Unique prefixes of long options (argparse's allow_abbrev).
    if (arg.startsWith('--')) {
      const [head, explicit] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
      const matches = this.options.filter((o) => o.name.startsWith(head));
      if (matches.length > 1) {
        const list = matches.map((o) => o.name).join(', ');
        return { kind: 'O', ambiguous: `ambiguous option: ${arg} could match ${list}` };
      }
      if (matches.length === 1) return { kind: 'O', option: matches[0], explicit };
    }
    if (NEGATIVE_NUMBER.test(arg)) return { kind: 'A' };
    if (arg.includes(' ')) return { kind: 'A' };
    return { kind: 'O' };
  }

  parseKnownArgs(args: readonly string[]): ParseResult {
    const values = new Map<string, ParsedValue>();
    const seen = new Set<string>();
    const extras: string[] = [];
    const positionalArgs: string[] = [];
    const classes: Classified[] = [];
    let afterDashDash = -1;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--') { afterDashDash = i; break; }
      classes.push(this.classify(args[i]));
    }
    // Positional arguments keep their place relative to unknown options in `extras`; they are
    // handed to the positional actions first, in order, and the rest join the extras.
    const order: { kind: 'extra' | 'pos'; value: string }[] = [];
    const end = afterDashDash >= 0 ? afterDashDash : args.length;
    let i = 0;
    let posSeen = 0;
    while (i < end) {
      const c = classes[i];
      const arg = args[i];
      if (c.kind === 'A') {
        // argparse hands positionals out (and checks their choices) as it reaches them.
        const spec = this.positionals[posSeen++];
        const choices = spec?.choices?.();
        if (choices && !choices.includes(arg)) throw new ArgParseError(invalidChoice(spec.dest, arg, choices, true));
        order.push({ kind: 'pos', value: arg });
        i++;
        continue;
      }
      if (c.ambiguous) throw new ArgParseError(c.ambiguous);
      if (!c.option) { order.push({ kind: 'extra', value: arg }); i++; continue; }
      const o = c.option;
      seen.add(o.dest);
      i++;
      if (o.nargs === 'flag') {
        if (c.explicit !== undefined) throw new ArgParseError(`argument ${o.name}: ignored explicit argument '${c.explicit}'`);
        values.set(o.dest, o.flagValue ?? true);
        continue;
      }
      if (o.nargs === 'many') {
        const list: string[] = c.explicit !== undefined ? [c.explicit] : [];
        while (c.explicit === undefined && i < end && classes[i].kind === 'A') list.push(args[i++]);
        values.set(o.dest, list);
        continue;
      }
      let value: string | undefined = c.explicit;
      if (value === undefined && i < end && classes[i].kind === 'A') { value = args[i]; i++; }
      if (value === undefined) {
        if (o.nargs === 'one') throw new ArgParseError(`argument ${o.display ?? o.name}: expected one argument`);
        values.set(o.dest, o.constValue ?? '');
        continue;
      }
      if (o.choices && !o.choices.includes(value)) throw new ArgParseError(invalidChoice(o.display ?? o.name, value, o.choices));
      values.set(o.dest, value);
    }
    if (afterDashDash >= 0) for (const a of args.slice(afterDashDash + 1)) order.push({ kind: 'pos', value: a });

    // After `--` everything is positional; when none of it was consumed here, the `--` stays in
    // front of it in the extras, so that the next parser still reads it as positional.
    const dashIndex = afterDashDash >= 0 ? order.length - (args.length - afterDashDash - 1) : -1;
    let p = 0;
    let dashConsumed = false;
    for (let idx = 0; idx < order.length; idx++) {
      const item = order[idx];
      if (idx === dashIndex && !dashConsumed && p >= this.positionals.length) extras.push('--');
      if (item.kind === 'pos' && p < this.positionals.length) {
        if (dashIndex >= 0 && idx >= dashIndex) dashConsumed = true;
        const spec = this.positionals[p++];
        const choices = spec.choices?.();
        if (choices && !choices.includes(item.value)) throw new ArgParseError(invalidChoice(spec.dest, item.value, choices, true));
        values.set(spec.dest, item.value);
      } else {
        extras.push(item.value);
      }
    }
    const missing = [
      ...this.options.filter((o) => o.required && !seen.has(o.dest)).map((o) => o.name),
      ...this.positionals.filter((s) => s.required && !values.has(s.dest)).map((s) => s.dest),
    ];
    if (missing.length) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
    return { values, seen, extras };
  }
}

/** The AWS CLI's invalid-choice message, with difflib's close matches (n=3, cutoff 0.8) for commands. */
export function invalidChoice(name: string, value: string, choices: readonly string[], suggest = false): string {
  let msg = `argument ${name}: Found invalid choice '${value}'\n`;
  const close = suggest ? getCloseMatches(value, choices, 3, 0.8) : [];
  if (close.length) msg += `\nMaybe you meant:\n\n${close.map((c) => `  * ${c}`).join('\n')}`;
  return msg;
}

// --- difflib.get_close_matches (SequenceMatcher.ratio without junk heuristics; inputs here are short) ---

function matchingBlocksCount(a: string, b: string): number {
  // Sum of sizes of matching blocks as SequenceMatcher.get_matching_blocks computes them.
  const b2j = new Map<string, number[]>();
  for (let j = 0; j < b.length; j++) {
    const list = b2j.get(b[j]);
    if (list) list.push(j); else b2j.set(b[j], [j]);
  }
  // autojunk: only for len(b) >= 200 (popular elements); not relevant to command names but kept faithful.
  if (b.length >= 200) {
    const ntest = Math.floor(b.length / 100) + 1;
    for (const [ch, idx] of [...b2j]) if (idx.length > ntest) b2j.delete(ch);
  }
  const findLongest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo, bestj = blo, bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(a[i]) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
      }
      j2len = newj2len;
    }
    // Popular characters (autojunk) are not in b2j; the match still grows over equal neighbours.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  };
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = findLongest(alo, ahi, blo, bhi);
    if (k) {
      total += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  return total;
}

export function sequenceRatio(a: string, b: string): number {
  const len = a.length + b.length;
  return len ? (2 * matchingBlocksCount(a, b)) / len : 1;
}

export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const scored: [number, string][] = [];
  for (const x of possibilities) {
    const r = sequenceRatio(x, word);
    if (r >= cutoff) scored.push([r, x]);
  }
  // heapq.nlargest on (score, string) tuples: ties broken by the larger string.
  scored.sort((p, q) => (q[0] - p[0]) || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}
