import { describe, expect, it } from 'vitest';
import { operationSummary, optionSummary } from '../../src/help/document';
import { shlexQuote, shlexSplit } from '../../src/py/shlex';
import { PromptSession, type Docs, type Key } from '../../src/prompt/ui';

const docs: Docs = { option: optionSummary, operation: operationSummary };
const env = { HOME: '/nonexistent' };

function session(args: string[]): PromptSession {
  return new PromptSession(args, docs, env, '/');
}
const type = (s: PromptSession, text: string) => {
  for (const ch of text) s.key({ sequence: ch, name: /[a-z]/.test(ch) ? ch : undefined });
};
const press = (s: PromptSession, name: string, extra: Partial<Key> = {}) => s.key({ name, ...extra });

describe('PromptSession', () => {
  it('starts from what was typed, without --cli-auto-prompt, quoting words with spaces', () => {
    const s = session(['cleanroomsml', 'start-trained-model-inf', '--cli-auto-prompt']);
    expect(s.text).toBe('cleanroomsml start-trained-model-inf');
    expect(s.completions.map((c) => c.name)).toEqual(['start-trained-model-inference-job', 'list-collaboration-trained-model-inference-jobs']);
    expect(session(['cleanroomsml', 'list-trained-models', '--membership-identifier', 'a b']).text)
      .toBe("cleanroomsml list-trained-models --membership-identifier 'a b' ");
  });

  it('an empty start offers the service', () => {
    const s = session([]);
    expect(s.text).toBe('');
    expect(s.completions.map((c) => c.name)).toEqual(['cleanroomsml']);
  });

  it('Tab shows the completion in the text, Enter takes it, required options come first', () => {
    const s = session(['cleanroomsml', 'start-trained-model-inf']);
    press(s, 'tab');
    expect(s.text).toBe('cleanroomsml start-trained-model-inference-job');
    expect(s.selected).toBe(0);
    expect(press(s, 'return')).toBe('continue');
    expect(s.text).toBe('cleanroomsml start-trained-model-inference-job ');
    expect(s.completions.slice(0, 7).map((c) => `${c.name}${c.required ? '*' : ''}`)).toEqual([
      '--membership-identifier*', '--name*', '--trained-model-arn*', '--resource-config*', '--output-configuration*',
      '--data-source*', '--trained-model-version-identifier',
    ]);
    expect(s.completions.map((c) => c.name)).not.toContain('--cli-auto-prompt');
    expect(s.completions.map((c) => c.name)).not.toContain('--no-cli-auto-prompt');
  });

  it('shows the selected option type and description', () => {
    const s = session(['cleanroomsml', 'start-trained-model-inference-job', '--na']);
    expect(s.docText()).toBe('');
    press(s, 'tab');
    expect(s.text).toBe('cleanroomsml start-trained-model-inference-job --name');
    expect(s.docText()).toBe('--name (string) [required]: The name of the trained model inference job.');
    const panel = s.panel(120);
    expect(panel[0]).toContain('\x1b[7m --name (required)');
    expect(panel[0]).toContain('[string] The name of the trained model inference job.');
    expect(panel.at(-1)).toBe('--name (string) [required]: The name of the trained model inference job.');
  });

  it('typing after a shown completion keeps it; Escape goes back to what was typed', () => {
    const s = session(['cleanroomsml', 'list-trained-models', '--membership-identifier', 'm', '--outp']);
    // A single candidate is taken at once, with its space.
    press(s, 'tab');
    expect(s.text).toBe('cleanroomsml list-trained-models --membership-identifier m --output ');
    type(s, 'js');
    expect(s.completions.map((c) => c.name)).toEqual(['json']);
    press(s, 'tab');
    expect(s.text).toBe('cleanroomsml list-trained-models --membership-identifier m --output json ');
    type(s, '--col');
    press(s, 'tab');
    expect(s.text.endsWith('--color ')).toBe(true);
    press(s, 'down');
    expect(s.text.endsWith('--color on')).toBe(true);
    press(s, 'escape');
    expect(s.text.endsWith('--color ')).toBe(true);
    expect(s.completions).toEqual([]);
  });

  it('completes enum values inside shorthand', () => {
    const s = session(['cleanroomsml', 'start-trained-model-inference-job', '--resource-config', 'instanceType=ml.g5.12']);
    expect(s.completions.map((c) => c.name)).toEqual(['instanceType=ml.g5.12xlarge']);
    press(s, 'tab');
    expect(s.text).toBe('cleanroomsml start-trained-model-inference-job --resource-config instanceType=ml.g5.12xlarge ');
  });

  it('edits: backspace, cursor moves, Ctrl-U/K/W', () => {
    const s = session(['cleanroomsml', 'get-trained-model']);
    type(s, 'x');
    press(s, 'backspace');
    expect(s.text).toBe('cleanroomsml get-trained-model ');
    press(s, 'w', { ctrl: true });
    expect(s.text).toBe('cleanroomsml ');
    press(s, 'a', { ctrl: true });
    press(s, 'right');
    press(s, 'k', { ctrl: true });
    expect(s.text).toBe('c');
    press(s, 'e', { ctrl: true });
    press(s, 'u', { ctrl: true });
    expect(s.text).toBe('');
    expect(s.cursor).toBe(0);
  });

  it('Enter with nothing selected runs the command; Ctrl-C and Ctrl-D cancel', () => {
    const s = session(['cleanroomsml', 'list-trained-models', '--membership-identifier', 'a b']);
    expect(press(s, 'return')).toBe('accept');
    expect(s.result('accept')).toEqual({
      kind: 'accept', text: "cleanroomsml list-trained-models --membership-identifier 'a b' ",
      args: ['cleanroomsml', 'list-trained-models', '--membership-identifier', 'a b'],
    });
    expect(press(s, 'c', { ctrl: true })).toBe('cancel');
    expect(press(s, 'd', { ctrl: true })).toBe('cancel');
    expect(s.result('cancel')).toEqual({ kind: 'cancel', text: "cleanroomsml list-trained-models --membership-identifier 'a b' " });
  });

  it('an unbalanced quote is an error of the accepted line', () => {
    const s = session([]);
    type(s, "cleanroomsml 'x");
    expect(s.result('accept')).toEqual({ kind: 'accept', text: "cleanroomsml 'x", args: [], error: 'No closing quotation' });
  });
});

describe('shlex', () => {
  it('splits as Python shlex.split does', () => {
    // (No comments: `#` is an ordinary character, as shlex.split's default comments=False has it.)
    expect(shlexSplit(`a 'b c' "d \\"e\\" \\\\ f" g\\ h i#j #k l`)).toEqual(['a', 'b c', 'd "e" \\ f', 'g h', 'i#j', '#k', 'l']);
    expect(shlexSplit('  ')).toEqual([]);
    expect(shlexSplit("''")).toEqual(['']);
    expect(() => shlexSplit('"a')).toThrow('No closing quotation');
  });
  it('quotes as Python shlex.quote does', () => {
    expect(shlexQuote('abc-1.2/x=y:z@%+,')).toBe('abc-1.2/x=y:z@%+,');
    expect(shlexQuote('')).toBe("''");
    expect(shlexQuote("it's")).toBe(`'it'"'"'s'`);
    expect(shlexQuote('{"a": 1}')).toBe(`'{"a": 1}'`);
  });
});

describe('the doc line', () => {
  it('describes global options too', () => {
    expect(optionSummary('list-trained-models', '--output')).toEqual({ type: 'string', required: false, description: 'The formatting style for command output.' });
    expect(optionSummary('list-trained-models', '--starting-token')).toEqual({
      type: 'string', required: false,
      description: 'A token to specify where to start paginating. This is the NextToken from a previously truncated response. For usage examples, see Pagination in the AWS Command Line Interface User Guide .',
    });
    expect(optionSummary('list-trained-models', '--bogus')).toBeUndefined();
    const s = session(['cleanroomsml', 'list-trained-models', '--color']);
    expect(s.docText()).toBe('--color (string): Turn on/off color output.');
  });
});
