// How errors are printed: awscli/errorformat.py write_error strips the whole message (Python's
// str.strip(), usage block included) and writes it after `aws: [ERROR]: `.
import { describe, expect, it } from 'vitest';
import { CliError, ConfigError, errorText, FIRST_PASS_USAGE, ParamValidationError, UnknownArgumentError, USAGE } from '../src/errors';

describe('errorText (write_error)', () => {
  it('strips the message as str.strip() does, not as String.prototype.trim does', () => {
    expect(errorText('  boom \n\n')).toBe('\naws: [ERROR]: boom\n');
    // \x1c-\x1f and \x85 are whitespace to Python; U+FEFF is not.
    expect(errorText('\x1cboom\x85\x1f')).toBe('\naws: [ERROR]: boom\n');
    expect(errorText('\ufeffboom\ufeff')).toBe('\naws: [ERROR]: \ufeffboom\ufeff\n');
    // Inner whitespace stays.
    expect(errorText('a \n b')).toBe('\naws: [ERROR]: a \n b\n');
  });

  it('leaves the prefix alone for an empty message', () => {
    expect(errorText('')).toBe('\naws: [ERROR]:\n');
    expect(errorText(' \n')).toBe('\naws: [ERROR]:\n');
    expect(new CliError('\n').render()).toBe('\naws: [ERROR]:\n');
  });
});

describe('the errors', () => {
  it('strips a parameter error whose message ends with an echoed value', () => {
    expect(new ParamValidationError("Invalid JSON: x\nJSON received: {\n}\n\n").render())
      .toBe('\naws: [ERROR]: An error occurred (ParamValidation): Invalid JSON: x\nJSON received: {\n}\n');
  });

  it("follows an argument error with its parser's usage, the whole stripped", () => {
    expect(new ParamValidationError('argument --x: expected one argument', true).render())
      .toBe(`\naws: [ERROR]: An error occurred (ParamValidation): argument --x: expected one argument\n\n${USAGE}`);
    expect(new ParamValidationError('argument --profile: expected one argument', FIRST_PASS_USAGE).render())
      .toBe('\naws: [ERROR]: An error occurred (ParamValidation): argument --profile: expected one argument\n\n' +
        'usage: aws [--profile PROFILE] [--debug]\n');
  });

  it('strips configuration errors and unknown options', () => {
    expect(new ConfigError('X', 'bad \n').render()).toBe('\naws: [ERROR]: An error occurred (X): bad\n');
    expect(new UnknownArgumentError('Unknown options: foo\n').render()).toBe(`\n${USAGE}\n\naws: [ERROR]: Unknown options: foo\n`);
  });
});
