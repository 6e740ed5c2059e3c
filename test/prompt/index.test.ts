import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, runCommand as run } from '../../src/cli';
import { memoryIO } from '../support/io';
import { maybeAutoPrompt, resolveMode, type PromptTerminal } from '../../src/prompt';
import { profileSetting } from '../../src/client/shared-files';

const notATerminal = { input: { isTTY: false }, output: { isTTY: false } } as unknown as PromptTerminal;
const NO_TTY_STDERR = 'Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]: cannot prompt for the command: standard input is not a terminal (--no-cli-auto-prompt runs it without the prompt)\n';

function configDir(text: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-prompt-'));
  writeFileSync(join(dir, 'config'), text);
  return { AWS_CONFIG_FILE: join(dir, 'config'), HOME: dir };
}

describe('the prompt mode (awscli/autoprompt/core.py resolve_mode)', () => {
  it('flags first, then AWS_CLI_AUTO_PROMPT, then the profile', async () => {
    const env = configDir('[default]\ncli_auto_prompt = on-partial\n[profile dev]\ncli_auto_prompt = ON\n[profile off]\ncli_auto_prompt = off\n');
    expect(await resolveMode(['cleanroomsml'], env)).toBe('on-partial');
    expect(await resolveMode(['--profile', 'dev', 'cleanroomsml'], env)).toBe('on');
    expect(await resolveMode(['--profile=off', 'cleanroomsml'], env)).toBe('off');
    expect(await resolveMode(['cleanroomsml'], { ...env, AWS_PROFILE: 'dev' })).toBe('on');
    expect(await resolveMode(['cleanroomsml'], { ...env, AWS_CLI_AUTO_PROMPT: 'off' })).toBe('off');
    expect(await resolveMode(['cleanroomsml', '--no-cli-auto-prompt'], env)).toBe('off');
    expect(await resolveMode(['cleanroomsml', '--cli-auto-prompt'], { AWS_CLI_AUTO_PROMPT: 'off' })).toBe('on');
    expect(await resolveMode(['cleanroomsml'], { AWS_CLI_AUTO_PROMPT: 'bogus' })).toBe('off');
    expect(await resolveMode(['cleanroomsml'], { HOME: '/nonexistent' })).toBe('off');
  });

  it('is off for help and --version whatever is configured', async () => {
    expect(await resolveMode(['cleanroomsml', 'help', '--cli-auto-prompt'], {})).toBe('off');
    expect(await resolveMode(['--version', '--cli-auto-prompt'], {})).toBe('off');
    expect(await resolveMode(['cleanroomsml', 'help'], { AWS_CLI_AUTO_PROMPT: 'on' })).toBe('off');
  });

  it('refuses both flags at once', async () => {
    await expect(resolveMode(['--cli-auto-prompt', '--no-cli-auto-prompt'], {})).rejects.toThrow(
      'Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
  });

  it('reads the profile section of the config file through the SDK loader', async () => {
    const env = configDir('# c\n[profile default]\ncli_auto_prompt=on\nregion = x\n[profile dev]\ncli_auto_prompt = off\n');
    expect(await profileSetting(env, 'default', 'cli_auto_prompt')).toBe('on');
    expect(await profileSetting(env, 'dev', 'cli_auto_prompt')).toBe('off');
    expect(await profileSetting(env, 'missing', 'cli_auto_prompt')).toBeUndefined();
  });
});

describe('maybeAutoPrompt', () => {
  it('leaves the arguments alone when the mode is off', async () => {
    const io = memoryIO({ HOME: '/nonexistent' });
    const argv = ['cleanroomsml', 'list-trained-models'];
    expect(await maybeAutoPrompt(argv, io, { run })).toBe(argv);
    expect(io.err()).toBe('');
  });

  it('both flags: exit 252 with the AWS CLI message', async () => {
    const io = memoryIO({});
    expect(await maybeAutoPrompt(['--cli-auto-prompt', '--no-cli-auto-prompt', 'cleanroomsml'], io, { run })).toBe(252);
    expect(io.err()).toBe('\naws: [ERROR]: An error occurred (ParamValidation): Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.\n');
  });

  it('not on a terminal: the warning, then a failure that says why (exit 255), nothing run', async () => {
    const io = memoryIO({});
    expect(await maybeAutoPrompt(['cleanroomsml', 'list-trained-models', '--cli-auto-prompt'], io, { run, terminal: notATerminal })).toBe(255);
    expect(io.err()).toBe(NO_TTY_STDERR);
    expect(io.out()).toBe('');
  });

  it('on-partial: a complete command just runs', async () => {
    const io = memoryIO({ AWS_CLI_AUTO_PROMPT: 'on-partial' });
    expect(await maybeAutoPrompt(['cleanroomsml', 'get-trained-model', '--generate-cli-skeleton'], io, { run, terminal: notATerminal })).toBe(0);
    expect(io.out()).toBe('{\n    "trainedModelArn": "",\n    "membershipIdentifier": "",\n    "versionIdentifier": ""\n}\n');
    expect(io.err()).toBe('');
  });

  it('on-partial: failures other than parameter errors keep their message and exit code', async () => {
    const io = memoryIO({ AWS_CLI_AUTO_PROMPT: 'on-partial', HOME: '/nonexistent' });
    const rc = await maybeAutoPrompt(['cleanroomsml', 'get-trained-model', '--membership-identifier', 'm', '--trained-model-arn', 'a'], io, { run, terminal: notATerminal });
    expect(rc).toBe(253);
    expect(io.err()).toBe('\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running "aws configure".\n');
  });

  it('on-partial: a bad parameter value is a parameter error too: silenced, then the prompt', async () => {
    const io = memoryIO({ AWS_CLI_AUTO_PROMPT: 'on-partial' });
    const rc = await maybeAutoPrompt(['cleanroomsml', 'get-trained-model', '--generate-cli-skeleton', '--endpoint-url', 'x'], io, { run, terminal: notATerminal });
    expect(rc).toBe(255);
    expect(io.err()).toBe(NO_TTY_STDERR);
  });

  it('on-partial: an incomplete command is not run; its parameter error is silenced and the prompt starts', async () => {
    const io = memoryIO({ AWS_CLI_AUTO_PROMPT: 'on-partial' });
    expect(await maybeAutoPrompt(['cleanroomsml', 'list-trained-models'], io, { run, terminal: notATerminal })).toBe(255);
    expect(io.err()).toBe(NO_TTY_STDERR);
  });
});

describe('cli() with --cli-auto-prompt', () => {
  it('help still shows help', async () => {
    const io = memoryIO({ PATH: '/nowhere' });
    expect(await cli(['cleanroomsml', 'help', '--cli-auto-prompt'], io)).toBe(0);
    expect(io.out().startsWith('CLEANROOMSML()')).toBe(true);
  });
  it('without a terminal the option is refused before anything runs', async () => {
    // The prompt reaches the terminal only through the IO: one without a terminal, one whose input is not one.
    for (const terminal of [undefined, () => notATerminal]) {
      const io = { ...memoryIO({}), ...(terminal && { terminal }) };
      expect(await cli(['cleanroomsml', 'list-trained-models', '--membership-identifier', 'x', '--cli-auto-prompt'], io)).toBe(255);
      expect(io.err()).toBe(NO_TTY_STDERR);
    }
  });
});
