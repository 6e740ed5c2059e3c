// The subset of Python's argparse that the AWS CLI's parsers rely on, reproduced so that the command
// line is read exactly as AWS CLI v2 (Python 3.14) reads it: three passes (global options + command,
// the service's operation, the operation's own options), each a `parse_known_args`. This follows
// argparse's own algorithm: every argument is classified first ('O' an option string, 'A' a value,
// '-' the first `--`), then options and runs of positionals are consumed alternately, left to right,
// each error raised when its argument is reached; the required check comes last.
// commander cannot do this (no prefix matching, different value rules), so the project writes it.
import { pyStrRepr } from '../py/repr';
import { pyFloat, pyInt } from '../py/numbers';
import type { CliArgument } from '../params/arguments';

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
  /** argparse's `type=int` / `type=float`: the value must convert, or it is an argparse error. The value stays a string. */
  type?: 'int' | 'float';
  /** argparse's version action: parsing stops where it is reached (ArgParseVersion is thrown). */
  version?: boolean;
}

export interface PositionalSpec {
  dest: string;
  nargs: 'one' | 'optional';
  choices?: () => readonly string[];
  /** Names offered by "Maybe you meant" besides the choices (commands argparse knows but this clone does not run). */
  suggestions?: () => readonly string[];
  required?: boolean;
}

export type ParsedValue = string | boolean | string[];

export interface ParseResult {
  values: Map<string, ParsedValue>;
  /** The dests of the options that were given. */
  seen: Set<string>;
  extras: string[];
}

/**
 * An argparse error: the AWS CLI prints it as a ParamValidation error followed by the usage of the
 * parser that raised it (`usage`: set for the first-pass parser's; otherwise the main usage block).
 */
export class ArgParseError extends Error {
  usage?: string;
}

/** A positional's value that is not among its choices (`aws s3`: the command is not this CLI's). */
export class InvalidChoiceError extends ArgParseError {
  constructor(message: string, readonly dest: string, readonly value: string) {
    super(message);
  }
}

/** argparse's version action was reached: the caller prints the version and exits 0. */
export class ArgParseVersion extends Error {}

// Python 3.14's argparse: an unknown dash-led string that starts like a negative number (`-1`, `-1e5`,
// `-.5`, `-1x`) is a value, not an option (none of the AWS CLI's options look like negative numbers).
const NEGATIVE_NUMBER = /^-\.?\d/;

type Action = { kind: 'option'; spec: OptionSpec } | { kind: 'positional'; spec: PositionalSpec };

/** One reading of an option string: the option it names (undefined: unknown to this parser) and an explicit `=value`. */
interface OptionTuple {
  option?: OptionSpec;
  explicit?: string;
}

export class ArgParser {
  private readonly byName = new Map<string, OptionSpec>();

  constructor(
    private readonly options: readonly OptionSpec[],
    private readonly positionals: readonly PositionalSpec[] = [],
  ) {
    for (const o of options) this.byName.set(o.name, o);
  }

  /** argparse's _parse_optional: undefined for a value ('A'), else the readings of an option ('O'). */
  private parseOptional(arg: string): OptionTuple[] | undefined {
    if (!arg || arg[0] !== '-') return undefined;
    const exact = this.byName.get(arg);
    if (exact) return [{ option: exact }];
    if (arg.length === 1) return undefined;
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const o = this.byName.get(arg.slice(0, eq));
      if (o) return [{ option: o, explicit: arg.slice(eq + 1) }];
    }
    // Unique prefixes of long options (allow_abbrev), every match kept: an ambiguous one is reported
    // when the parse reaches it. (A single-dash string can match nothing here: all options are long.)
    if (arg[1] === '-') {
      const [head, explicit] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
      const matches = this.options.filter((o) => o.name.startsWith(head)).map((option) => ({ option, explicit }));
      if (matches.length) return matches;
    }
    if (NEGATIVE_NUMBER.test(arg)) return undefined;
    if (arg.includes(' ')) return undefined;
    return [{}];
  }

  parseKnownArgs(args: readonly string[]): ParseResult {
    const values = new Map<string, ParsedValue>();
    const seen = new Set<string>();
    const seenActions = new Set<OptionSpec | PositionalSpec>();
    const extras: string[] = [];
    const optionAt = new Map<number, OptionTuple[]>();
    let pattern = '';
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--') {
        pattern += '-' + 'A'.repeat(args.length - i - 1);
        break;
      }
      const t = this.parseOptional(args[i]);
      if (t) optionAt.set(i, t);
      pattern += t ? 'O' : 'A';
    }

    const take = (action: Action, strings: string[]): void => {
      seenActions.add(action.spec);
      if (action.kind === 'positional') {
        const spec = action.spec;
        if (strings.length === 0) return; // nargs='?' without a value: its default (None)
        const v = strings[0];
        const choices = spec.choices?.();
        if (choices && !choices.includes(v)) {
          throw new InvalidChoiceError(invalidChoice(spec.dest, v, choices, spec.suggestions?.()), spec.dest, v);
        }
        values.set(spec.dest, v);
        return;
      }
      const o = action.spec;
      seen.add(o.dest);
      if (o.version) throw new ArgParseVersion();
      if (o.nargs === 'flag') {
        values.set(o.dest, o.flagValue ?? true);
        return;
      }
      if (o.nargs === 'optional' && strings.length === 0) {
        values.set(o.dest, o.constValue ?? '');
        return;
      }
      for (const v of strings) {
        checkType(o, v);
        if (o.choices && !o.choices.includes(v)) throw new ArgParseError(invalidChoice(o.display ?? o.name, v, o.choices));
      }
      values.set(o.dest, o.nargs === 'many' ? strings : strings[0]);
    };

    const consumeOptional = (start: number): number => {
      const tuples = optionAt.get(start)!;
      if (tuples.length > 1) {
        throw new ArgParseError(`ambiguous option: ${args[start]} could match ${tuples.map((t) => t.option!.name).join(', ')}`);
      }
      const { option, explicit } = tuples[0];
      if (!option) {
        extras.push(args[start]);
        return start + 1;
      }
      if (explicit !== undefined) {
        // An explicit `=value` must be the option's one argument ('A' matched against its nargs).
        if (option.nargs === 'flag') {
          throw new ArgParseError(`argument ${option.display ?? option.name}: ignored explicit argument ${pyStrRepr(explicit)}`);
        }
        take({ kind: 'option', spec: option }, [explicit]);
        return start + 1;
      }
      const count = matchOptional(option, pattern.slice(start + 1));
      take({ kind: 'option', spec: option }, args.slice(start + 1, start + 1 + count));
      return start + 1 + count;
    };

    const pending = [...this.positionals];
    const consumePositionals = (start: number): number => {
      const counts = matchPositionalsPartial(pending, pattern.slice(start));
      for (let k = 0; k < counts.length; k++) {
        const strings = args.slice(start, start + counts[k]);
        // The `--` a positional took is dropped from its values.
        if (pattern.slice(start, start + counts[k]).includes('-')) strings.splice(strings.indexOf('--'), 1);
        start += counts[k];
        take({ kind: 'positional', spec: pending[k] }, strings);
      }
      pending.splice(0, counts.length);
      return start;
    };

    const optionIndices = [...optionAt.keys()];
    const maxOption = optionIndices.length ? Math.max(...optionIndices) : -1;
    let start = 0;
    while (start <= maxOption) {
      let next = start;
      while (next <= maxOption && !optionAt.has(next)) next++;
      if (start !== next) {
        const end = consumePositionals(start);
        if (end > start) {
          start = end;
          continue;
        }
        start = end;
      }
      if (!optionAt.has(start)) {
        extras.push(...args.slice(start, next));
        start = next;
      }
      start = consumeOptional(start);
    }
    const stop = consumePositionals(start);
    extras.push(...args.slice(stop));

    const missing = [
      ...this.options.filter((o) => o.required && !seenActions.has(o)).map((o) => o.display ?? o.name),
      ...this.positionals.filter((s) => s.required && !seenActions.has(s)).map((s) => s.dest),
    ];
    if (missing.length) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
    return { values, seen, extras };
  }
}

/** How many of the following arguments an option takes (argparse's _match_argument on its nargs pattern). */
function matchOptional(o: OptionSpec, pattern: string): number {
  switch (o.nargs) {
    case 'flag': return 0;
    case 'optional': return pattern[0] === 'A' ? 1 : 0;
    case 'many': return /^A*/.exec(pattern)![0].length;
    default:
      if (pattern[0] !== 'A') throw new ArgParseError(`argument ${o.display ?? o.name}: expected one argument`);
      return 1;
  }
}

/** argparse's _match_arguments_partial: as many positionals as can match, with the `--` they may take. */
function matchPositionalsPartial(actions: readonly PositionalSpec[], pattern: string): number[] {
  for (let i = actions.length; i > 0; i--) {
    const re = new RegExp(`^${actions.slice(0, i).map((a) => (a.nargs === 'one' ? '(-*A-*)' : '(-*A?-*)')).join('')}`);
    const m = re.exec(pattern);
    if (!m) continue;
    const result = m.slice(1).map((g) => g.length);
    if (m[0].length < pattern.length && pattern[m[0].length] === 'O') {
      while (result.length && !result[result.length - 1]) result.pop();
    }
    return result;
  }
  return [];
}

/** argparse's `type=int`/`type=float`: Python's int()/float() must read the text. */
export function pythonNumberOk(type: 'int' | 'float', v: string): boolean {
  try {
    if (type === 'int') pyInt(v);
    else pyFloat(v);
    return true;
  } catch {
    return false;
  }
}

function checkType(o: OptionSpec, v: string): void {
  if (o.type && !pythonNumberOk(o.type, v)) {
    throw new ArgParseError(`argument ${o.display ?? o.name}: invalid ${o.type} value: ${pyStrRepr(v)}`);
  }
}

/**
 * The AWS CLI's invalid-choice message (its own `_check_value`, for options and commands alike), with
 * difflib's close matches (n=3, cutoff 0.8) among the choices, or among `suggestFrom` when given.
 */
export function invalidChoice(name: string, value: string, choices: readonly string[], suggestFrom?: readonly string[]): string {
  let msg = `argument ${name}: Found invalid choice '${value}'\n`;
  const close = getCloseMatches(value, suggestFrom ?? choices, 3, 0.8);
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

/** The argparse options for an argument table. `relaxRequired` when --cli-input-* or a skeleton is asked for. */
export function optionSpecs(args: readonly CliArgument[], relaxRequired: boolean): OptionSpec[] {
  const specs: OptionSpec[] = [];
  for (const a of args) {
    const base = { dest: a.name, required: a.required && !relaxRequired };
    if (a.kind === 'skeleton') {
      specs.push({ ...base, name: '--generate-cli-skeleton', nargs: 'optional', constValue: 'input',
        choices: ['input', 'output', 'yaml-input'] });
    } else if (a.kind === 'member' && a.shape?.type === 'boolean') {
      specs.push({ ...base, name: `--${a.name}`, nargs: 'flag', flagValue: true });
      specs.push({ ...base, required: false, name: `--no-${a.name}`, nargs: 'flag', flagValue: false });
    } else if (a.kind === 'member' && a.shape?.type === 'list') {
      specs.push({ ...base, name: `--${a.name}`, nargs: 'many' });
    } else {
      // argparse converts some values itself (the AWS CLI's `type=`): the paging options and `long`
      // members with int(), `float`/`double` members with float(); a bad value is an argparse error.
      const t = a.kind === 'page' ? a.pageType : a.shape?.type;
      const type = t === 'long' || (a.kind === 'page' && t === 'integer') ? 'int'
        : t === 'float' || t === 'double' ? 'float' : undefined;
      specs.push({ ...base, name: `--${a.name}`, nargs: 'one', ...(type && { type }) });
    }
  }
  return specs;
}
