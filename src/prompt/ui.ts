// The --cli-auto-prompt prompt on a terminal, written with node:readline's key decoding: a line editor
// that starts from what was typed (`> aws <args>`), offers completions from the same engine as
// aws_completer (operations, options not yet given, enum values, shorthand keys, file paths;
// fuzzy-matched, required options first) in a menu below the line with each option's type and
// description, and shows the selected (or current) option's type and description under the menu.
// Keys, as in the AWS CLI's prompt (prompt_toolkit): Tab / Down / Up select a completion and show it in
// the line (a single candidate is taken at once), Enter takes the selected completion or, with none
// selected, runs the command; Escape goes back to what was typed and closes the menu; Ctrl-C and
// Ctrl-D cancel (the AWS CLI binds both to the same interrupt: exit 130, the line on stderr).
// Editing: Left/Right, Home/End, Ctrl-A/E/B/F, Backspace/Delete, Ctrl-U/K/W.
import { emitKeypressEvents } from 'node:readline';
import { autocomplete, fuzzyFilter, parseCommandLine, type Completion } from '../completer/engine';
import { operationsByCliName, SERVICE_CLI_NAME } from '../model';
import type { IO, Terminal } from '../io';
import { shlexQuote, shlexSplit, ShlexError } from '../py/shlex';

export const PROMPT = '> aws ';
const MENU_ROWS = 8;
const DOC_ROWS = 3;

export interface Key {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

export interface Docs {
  option(op: string, option: string): { type: string; required: boolean; description: string } | undefined;
  operation(op: string): string | undefined;
}

export type PromptResult =
  | { kind: 'accept'; text: string; args: string[]; error?: string }
  | { kind: 'cancel'; text: string };

const OVERRIDES = new Set(['--cli-auto-prompt', '--no-cli-auto-prompt']);

/** The prompt's state and key handling, without any terminal (tests drive it directly). */
export class PromptSession {
  text = '';
  cursor = 0;
  completions: Completion[] = [];
  selected = -1;
  private menuClosed = false;
  /** The text before a completion was shown in it (Escape goes back to it). */
  private original: { text: string; cursor: number } | undefined;

  constructor(args: readonly string[], private readonly docs?: Docs, private readonly env = process.env, private readonly cwd = process.cwd()) {
    this.text = args.filter((a) => a !== '--cli-auto-prompt').map(shlexQuote).join(' ');
    // What was typed and cannot be completed further is taken as a finished word.
    if (this.text && !this.text.endsWith(' ') && !this.complete(this.text).length) this.text += ' ';
    this.cursor = this.text.length;
    this.refresh();
  }

  private complete(textBeforeCursor: string): Completion[] {
    const line = `aws ${textBeforeCursor}`;
    const seen = new Set<string>();
    const all = autocomplete(line, line.length, { filter: fuzzyFilter, env: this.env, cwd: this.cwd })
      .filter((c) => !OVERRIDES.has(c.name) && !seen.has(c.name) && seen.add(c.name));
    return [...all.filter((c) => c.required), ...all.filter((c) => !c.required)];
  }

  /** Recomputes the completions for the text before the cursor. */
  refresh(): void {
    this.completions = this.menuClosed ? [] : this.complete(this.text.slice(0, this.cursor));
    this.selected = -1;
  }

  private edit(text: string, cursor: number): void {
    this.text = text;
    this.cursor = cursor;
    this.menuClosed = false;
    this.refresh();
  }

  /** The text with the word before the cursor replaced by a completion. */
  private replaced(base: { text: string; cursor: number }, c: Completion): { text: string; cursor: number } {
    const before = base.text.slice(0, base.cursor);
    const start = /\s$/.test(before) || before === '' ? before.length : before.search(/\S+$/);
    return { text: before.slice(0, start) + c.name + base.text.slice(base.cursor), cursor: start + c.name.length };
  }

  /** Shows a completion in the text (the menu stays until the choice is taken or another key is typed). */
  private select(i: number): void {
    this.original ??= { text: this.text, cursor: this.cursor };
    this.selected = i;
    const r = this.replaced(this.original, this.completions[i]);
    this.text = r.text;
    this.cursor = r.cursor;
  }

  /** Takes the selected completion; a finished word gets its space, so the next completions show. */
  private take(): void {
    const c = this.completions[this.selected];
    this.original = undefined;
    const open = /[/={[]$/.test(c.name);
    if (!open && this.text[this.cursor] !== ' ') {
      this.text = `${this.text.slice(0, this.cursor)} ${this.text.slice(this.cursor)}`;
      this.cursor++;
    } else if (!open) {
      this.cursor++;
    }
    this.menuClosed = false;
    this.refresh();
  }

  /** Handles one key; says whether the prompt goes on, runs the command or is cancelled. */
  key(k: Key): 'continue' | 'accept' | 'cancel' {
    const name = k.name;
    if (k.ctrl && (name === 'c' || name === 'd')) return 'cancel';
    const n = this.completions.length;
    if (name === 'return' || name === 'enter') {
      if (this.selected >= 0 && this.selected < n) {
        this.take();
        return 'continue';
      }
      return 'accept';
    }
    if (name === 'tab' && !k.shift) {
      if (n === 1 && this.selected < 0) {
        this.select(0);
        this.take();
      } else if (n) {
        this.select((this.selected + 1) % n);
      }
      return 'continue';
    }
    if (name === 'down') {
      if (n) this.select((this.selected + 1) % n);
      return 'continue';
    }
    if (name === 'up' || (name === 'tab' && k.shift)) {
      if (n) this.select(this.selected <= 0 ? n - 1 : this.selected - 1);
      return 'continue';
    }
    if (name === 'escape') {
      if (this.original) {
        this.text = this.original.text;
        this.cursor = this.original.cursor;
        this.original = undefined;
      }
      this.menuClosed = true;
      this.completions = [];
      this.selected = -1;
      return 'continue';
    }
    // Any other key keeps the completion shown in the text and goes on from there.
    this.original = undefined;
    const t = this.text;
    const c = this.cursor;
    if (name === 'backspace') {
      if (c > 0) this.edit(t.slice(0, c - 1) + t.slice(c), c - 1);
    } else if (name === 'delete') {
      if (c < t.length) this.edit(t.slice(0, c) + t.slice(c + 1), c);
    } else if (name === 'left' || (k.ctrl && name === 'b')) {
      this.cursor = Math.max(0, c - 1);
      this.refresh();
    } else if (name === 'right' || (k.ctrl && name === 'f')) {
      this.cursor = Math.min(t.length, c + 1);
      this.refresh();
    } else if (name === 'home' || (k.ctrl && name === 'a')) {
      this.cursor = 0;
      this.refresh();
    } else if (name === 'end' || (k.ctrl && name === 'e')) {
      this.cursor = t.length;
      this.refresh();
    } else if (k.ctrl && name === 'u') {
      this.edit(t.slice(c), 0);
    } else if (k.ctrl && name === 'k') {
      this.edit(t.slice(0, c), c);
    } else if (k.ctrl && name === 'w') {
      const start = t.slice(0, c).replace(/\S*\s*$/, '').length;
      this.edit(t.slice(0, start) + t.slice(c), start);
    } else if (!k.ctrl && !k.meta && k.sequence && !/[\u0000-\u001f\u007f]/.test(k.sequence)) {
      this.edit(t.slice(0, c) + k.sequence + t.slice(c), c + k.sequence.length);
    } else {
      this.selected = -1;
    }
    return 'continue';
  }

  /** The option or operation the doc line describes: the selected completion, else the word being typed. */
  private docSubject(): { op?: string; option?: string } {
    const parsed = parseCommandLine(`aws ${this.text.slice(0, this.cursor)}`);
    const sel = this.selected >= 0 ? this.completions[this.selected] : undefined;
    const inService = parsed.lineage.length === 1 && parsed.currentCommand === SERVICE_CLI_NAME;
    const op = parsed.lineage.length === 2 ? parsed.currentCommand : undefined;
    if (sel?.kind === 'command' && inService) return { op: sel.name };
    if (sel?.kind === 'option' && op) return { op, option: sel.name };
    if (op && parsed.currentParam) return { op, option: `--${parsed.currentParam}` };
    if (op && parsed.currentFragment?.startsWith('--')) return { op, option: parsed.currentFragment };
    return { op };
  }

  /** The lines under the input line: the completion menu, then the doc line. */
  panel(width: number): string[] {
    const lines: string[] = [];
    const n = this.completions.length;
    if (n) {
      const first = Math.min(Math.max(0, this.selected - MENU_ROWS + 1), Math.max(0, n - MENU_ROWS));
      const shown = this.completions.slice(first, first + MENU_ROWS);
      const labels = shown.map((c) => `${c.display ?? c.name}${c.kind === 'option' && c.required ? ' (required)' : ''}`);
      const labelWidth = Math.min(Math.max(...labels.map((l) => l.length)), Math.floor(width / 2));
      const { op } = this.docSubject();
      shown.forEach((c, i) => {
        const help = c.kind === 'option' && op ? this.docs?.option(op, c.name)?.description : undefined;
        const meta = `${c.type ? `[${c.type}]` : ''}${help ? ` ${help}` : ''}`;
        let row = ` ${labels[i].slice(0, labelWidth).padEnd(labelWidth)}  ${meta}`;
        row = row.slice(0, width - 1).padEnd(Math.min(width - 1, labelWidth + 14));
        lines.push(first + i === this.selected ? `\x1b[7m${row}\x1b[0m` : row);
      });
      if (n > MENU_ROWS) lines.push(` (${this.selected >= 0 ? this.selected + 1 : 0}/${n})`);
    }
    const doc = this.docText();
    if (doc) {
      lines.push(`\x1b[2m${'-'.repeat(Math.max(1, Math.min(width - 1, 40)))}\x1b[0m`);
      lines.push(...wrap(doc, width - 1).slice(0, DOC_ROWS));
    }
    return lines;
  }

  docText(): string {
    if (!this.docs) return '';
    const { op, option } = this.docSubject();
    if (op && option) {
      const d = this.docs.option(op, option);
      if (d) return `${option} (${d.type})${d.required ? ' [required]' : ''}: ${d.description}`;
      return '';
    }
    if (op && operationsByCliName().has(op)) {
      const d = this.docs.operation(op);
      return d ? `${op}: ${d}` : '';
    }
    return '';
  }

  result(kind: 'accept' | 'cancel'): PromptResult {
    const text = this.text;
    if (kind === 'cancel') return { kind, text };
    try {
      return { kind, text, args: shlexSplit(text) };
    } catch (e) {
      if (e instanceof ShlexError) return { kind, text, args: [], error: e.message };
      throw e;
    }
  }
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out.map((l) => l.slice(0, width));
}

/** Draws the prompt area and keeps track of where the cursor is in it. */
class Screen {
  private cursorRow = 0;
  constructor(private readonly out: NodeJS.WriteStream) {}

  private width(): number {
    return Math.max(20, this.out.columns || 80);
  }

  draw(s: PromptSession): void {
    const width = this.width();
    const line = PROMPT + s.text;
    // A line that fills its last row exactly continues on a fresh row, where the cursor may go.
    const inputRows = Math.floor(line.length / width) + 1;
    const pos = PROMPT.length + s.cursor;
    const row = Math.floor(pos / width);
    const col = pos % width;
    // What does not fit under the input line on the screen is left out (scrolling would lose the top).
    const panel = s.panel(width).slice(0, Math.max(0, (this.out.rows || 24) - inputRows - 1));
    let buf = `${this.home()}\x1b[J${line}`;
    if (line.length % width === 0) buf += '\r\n';
    for (const l of panel) buf += `\r\n${l}`;
    // Back from the end of what was drawn to the cursor.
    const up = panel.length + (inputRows - 1 - row);
    if (up > 0) buf += `\x1b[${up}A`;
    buf += '\r';
    if (col > 0) buf += `\x1b[${col}C`;
    this.cursorRow = row;
    this.out.write(buf);
  }

  private home(): string {
    return `${this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : ''}\r`;
  }

  /** Erases the prompt area (the AWS CLI's prompt erases itself when done). */
  erase(): void {
    this.out.write(`${this.home()}\x1b[J`);
    this.cursorRow = 0;
  }
}

async function loadDocs(): Promise<Docs | undefined> {
  try {
    const help = await import('../help');
    return { option: help.optionSummary, operation: help.operationSummary };
  } catch {
    return undefined;
  }
}

/** Prompts on the terminal; resolves when the command is accepted or cancelled. */
export async function promptForArgs(args: readonly string[], term: Terminal, io: Pick<IO, 'stderr' | 'env' | 'cwd'>): Promise<PromptResult> {
  const { input, output } = term;
  if (!output.isTTY) io.stderr.write('Warning: Output is not a terminal (fd=1).\n');
  const session = new PromptSession(args, await loadDocs(), io.env, io.cwd);
  const screen = new Screen(output);
  emitKeypressEvents(input);
  const wasRaw = input.isRaw;
  input.setRawMode?.(true);
  input.resume();
  screen.draw(session);
  return new Promise<PromptResult>((resolve) => {
    const finish = (kind: 'accept' | 'cancel') => {
      input.off('keypress', onKey);
      input.off('end', onEnd);
      output.off('resize', onResize);
      input.setRawMode?.(wasRaw ?? false);
      input.pause();
      screen.erase();
      resolve(session.result(kind));
    };
    const onKey = (_s: string | undefined, k: Key | undefined) => {
      const r = session.key(k ?? { sequence: _s });
      if (r !== 'continue') finish(r);
      else screen.draw(session);
    };
    const onEnd = () => finish('cancel');
    const onResize = () => screen.draw(session);
    input.on('keypress', onKey);
    input.on('end', onEnd);
    output.on('resize', onResize);
  });
}
