// The three argparse passes of the AWS CLI, checked against Python 3.14's argparse rules (the
// interpreter AWS CLI 2.36 bundles) and the recorded conformance cases (arg-*, glob-*).
import { describe, expect, it } from 'vitest';
import { ArgParseError, ArgParser, getCloseMatches, invalidChoice, sequenceRatio, type OptionSpec } from '../../src/commands/argparse';
import { argumentTable, optionSpecs } from '../../src/commands/arguments';
import { GLOBAL_OPTIONS } from '../../src/commands/globals';
import { run } from '../../src/commands/run';
import { memoryIO } from '../../src/io';
import { operationsByCliName } from '../../src/model';

const USAGE_BLOCK =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

function mainParser(): ArgParser {
  return new ArgParser(GLOBAL_OPTIONS, [{ dest: 'command', nargs: 'one', required: true, choices: () => ['cleanroomsml', 'help'] }]);
}

function opParser(cliName: string, relax = false): ArgParser {
  const op = operationsByCliName().get(cliName)!;
  return new ArgParser(optionSpecs(argumentTable(op), relax), [{ dest: '__help', nargs: 'optional' }]);
}

function parseError(p: ArgParser, args: string[]): string {
  try {
    p.parseKnownArgs(args);
  } catch (e) {
    expect(e).toBeInstanceOf(ArgParseError);
    return (e as Error).message;
  }
  throw new Error('expected an ArgParseError');
}

const MEMBERSHIP = '11111111-2222-3333-4444-555555555555';
const ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${MEMBERSHIP}/trained-model-inference-job/job-1`;

async function runCli(argv: string[], env: Record<string, string> = {}): Promise<{ rc: number; out: string; err: string }> {
  const io = memoryIO({ AWS_DEFAULT_REGION: 'us-east-1', HOME: '/nonexistent', ...env });
  const rc = await run(argv, io);
  return { rc, out: io.out(), err: io.err() };
}

describe('option names', () => {
  it('accepts a unique prefix of a long option (argparse allow_abbrev)', () => {
    const r = mainParser().parseKnownArgs(['--reg', 'eu-west-2', 'cleanroomsml']);
    expect(r.values.get('region')).toBe('eu-west-2');
    expect(r.values.get('command')).toBe('cleanroomsml');
    expect(r.extras).toEqual([]);
  });

  it('accepts --opt=value, for the full name and for a prefix, splitting at the first =', () => {
    const p = mainParser();
    expect(p.parseKnownArgs(['--region=eu-west-1', 'cleanroomsml']).values.get('region')).toBe('eu-west-1');
    expect(p.parseKnownArgs(['--reg=a=b', 'cleanroomsml']).values.get('region')).toBe('a=b');
    expect(p.parseKnownArgs(['--query=', 'cleanroomsml']).values.get('query')).toBe('');
  });

  it('reports an ambiguous prefix with every match, in the order the options were added', () => {
    expect(parseError(mainParser(), ['--no', 'cleanroomsml'])).toBe(
      'ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt');
    expect(mainParser().parseKnownArgs(['--cli-r', '5', 'cleanroomsml']).values.get('read_timeout')).toBe('5');
  });

  it('names the whole argument, =value included, in the ambiguity message', () => {
    expect(parseError(mainParser(), ['--cli-=x', 'cleanroomsml'])).toBe(
      'ambiguous option: --cli-=x could match --cli-read-timeout, --cli-connect-timeout, --cli-binary-format, ' +
      '--cli-auto-prompt, --cli-error-format');
  });

  it('prints an ambiguous prefix as a parameter error with the usage block', async () => {
    expect(await runCli(['--no', 'cleanroomsml', 'get-trained-model-inference-job'])).toEqual({
      rc: 252, out: '',
      err: '\naws: [ERROR]: An error occurred (ParamValidation): ambiguous option: --no could match --no-verify-ssl, ' +
        '--no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt\n\n' + USAGE_BLOCK,
    });
  });

  it('reports errors in argument order: an option missing its value before a later ambiguous prefix', () => {
    expect(parseError(mainParser(), ['--output', '--no', 'cleanroomsml'])).toBe('argument --output: expected one argument');
  });

  it('leaves unknown options (and their would-be values) to the later passes', () => {
    const r = mainParser().parseKnownArgs(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', 'm', '--region', 'x']);
    expect(r.values.get('region')).toBe('x');
    expect(r.extras).toEqual(['get-trained-model-inference-job', '--membership-identifier', 'm']);
  });

  it('lets the global parser take a prefix shared with an operation option (glob-en-prefix-stolen)', async () => {
    const r = await runCli(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', ARN, '--en', 'A=b']);
    expect(r).toEqual({
      rc: 252, out: '',
      err: '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --endpoint-url "A=b": scheme is missing.  ' +
        'Must be of the form http://<hostname>/ or https://<hostname>/\n',
    });
  });
});

describe('values', () => {
  it('takes a negative number as a value (arg-negative-number)', () => {
    const r = opParser('start-trained-model-inference-job', true).parseKnownArgs(['--name', '-1', '--description', '-.5']);
    expect(r.values.get('name')).toBe('-1');
    expect(r.values.get('description')).toBe('-.5');
  });

  it('takes anything that starts like a negative number as a value (Python 3.14: -\\.?\\d)', () => {
    const r = opParser('start-trained-model-inference-job', true).parseKnownArgs(['--name', '-1x', '--description', '-2e5']);
    expect(r.values.get('name')).toBe('-1x');
    expect(r.values.get('description')).toBe('-2e5');
  });

  it('refuses a value that looks like an option', () => {
    expect(parseError(opParser('start-trained-model-inference-job', true), ['--name', '-x'])).toBe(
      'argument --name: expected one argument');
    expect(parseError(opParser('start-trained-model-inference-job', true), ['--name', '--description', 'd'])).toBe(
      'argument --name: expected one argument');
    expect(parseError(opParser('start-trained-model-inference-job', true), ['--name'])).toBe(
      'argument --name: expected one argument');
  });

  it('takes a dash-led value with a space in it as a value', () => {
    const r = opParser('start-trained-model-inference-job', true).parseKnownArgs(['--name', '-a b']);
    expect(r.values.get('name')).toBe('-a b');
  });

  it('a lone - is a value', () => {
    expect(opParser('start-trained-model-inference-job', true).parseKnownArgs(['--name', '-']).values.get('name')).toBe('-');
  });

  it('refuses an explicit value on a flag', () => {
    expect(parseError(mainParser(), ['--debug=yes', 'cleanroomsml'])).toBe("argument --debug: ignored explicit argument 'yes'");
    expect(parseError(mainParser(), ['--no-paginate=', 'cleanroomsml'])).toBe("argument --no-paginate: ignored explicit argument ''");
  });

  it('stores flags, and the --no- twin of a boolean member stores false', () => {
    const g = mainParser().parseKnownArgs(['--debug', '--no-paginate', 'cleanroomsml']).values;
    expect(g.get('debug')).toBe(true);
    expect(g.get('paginate')).toBe(false);
  });

  it("collects nargs='*' lists until the next option; an explicit =value is the whole list", () => {
    const p = opParser('untag-resource');
    const r = p.parseKnownArgs(['--tag-keys', 'a', 'b', '-1', '--resource-arn', ARN]);
    expect(r.values.get('tag-keys')).toEqual(['a', 'b', '-1']);
    expect(r.values.get('resource-arn')).toBe(ARN);
    const r2 = p.parseKnownArgs(['--tag-keys=a', 'b', '--resource-arn', ARN]);
    expect(r2.values.get('tag-keys')).toEqual(['a']);
    // `b` was not taken by the list: it goes to the help positional.
    expect(r2.values.get('__help')).toBe('b');
    const r3 = p.parseKnownArgs(['--resource-arn', ARN, '--tag-keys']);
    expect(r3.values.get('tag-keys')).toEqual([]);
  });

  it("gives --generate-cli-skeleton (nargs='?') its const without a value, and checks its choices", () => {
    const p = opParser('start-trained-model-inference-job', true);
    expect(p.parseKnownArgs(['--generate-cli-skeleton']).values.get('generate-cli-skeleton')).toBe('input');
    expect(p.parseKnownArgs(['--generate-cli-skeleton', 'output']).values.get('generate-cli-skeleton')).toBe('output');
    expect(parseError(p, ['--generate-cli-skeleton', 'inptu'])).toBe(
      "argument --generate-cli-skeleton: Found invalid choice 'inptu'\n");
  });
});

describe('required options', () => {
  it('lists the missing ones in argument-table (model) order (arg-missing-three)', () => {
    expect(parseError(opParser('start-trained-model-inference-job'), ['--name', 'job1', '--output-configuration', 'x',
      '--trained-model-arn', 'y'])).toBe(
      'the following arguments are required: --membership-identifier, --resource-config, --data-source');
  });

  it('does not require them when --cli-input-json/yaml or a skeleton is asked for', () => {
    expect(opParser('start-trained-model-inference-job', true).parseKnownArgs([]).values.size).toBe(0);
  });

  it('reports a missing positional by its dest (arg-aws-alone)', async () => {
    expect(await runCli([])).toEqual({
      rc: 252, out: '',
      err: '\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: command\n\n' + USAGE_BLOCK,
    });
  });
});

describe('positionals, -- and the extras', () => {
  it('hands the first stray positional to help and reports the rest first (arg-positional-two)', () => {
    const r = opParser('get-trained-model-inference-job').parseKnownArgs([
      '--membership-identifier', MEMBERSHIP, '--trained-model-inference-job-arn', ARN, 'junk1', 'junk2']);
    expect(r.values.get('__help')).toBe('junk1');
    expect(r.extras).toEqual(['junk2']);
  });

  it('prints them as the AWS CLI does: usage first, then Unknown options: junk2, junk1', async () => {
    const r = await runCli(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', ARN, 'junk1', 'junk2']);
    expect(r).toEqual({ rc: 252, out: '', err: `\n${USAGE_BLOCK}\n\naws: [ERROR]: Unknown options: junk2, junk1\n` });
  });

  it('keeps unknown options and positionals in their order of appearance', async () => {
    const r = await runCli(['cleanroomsml', 'get-trained-model-inference-job', 'junk0', '--membership-identifier', MEMBERSHIP,
      '--bogus', '--trained-model-inference-job-arn', ARN, 'junk1']);
    expect(r.err).toBe(`\n${USAGE_BLOCK}\n\naws: [ERROR]: Unknown options: --bogus, junk1, junk0\n`);
  });

  it('treats everything after -- as positional (arg-double-dash)', async () => {
    const r = await runCli(['cleanroomsml', 'get-trained-model-inference-job', '--membership-identifier', MEMBERSHIP,
      '--trained-model-inference-job-arn', ARN, '--', '--name', 'x']);
    expect(r.err).toBe(`\n${USAGE_BLOCK}\n\naws: [ERROR]: Unknown options: x, --name\n`);
  });
});

describe('invalid choices', () => {
  it('suggests close command names (difflib n=3, cutoff 0.8) (arg-op-plural)', async () => {
    const r = await runCli(['cleanroomsml', 'start-trained-model-inference-jobs']);
    expect(r).toEqual({
      rc: 252, out: '',
      err: "\naws: [ERROR]: An error occurred (ParamValidation): argument operation: Found invalid choice 'start-trained-model-inference-jobs'\n\n" +
        'Maybe you meant:\n\n  * start-trained-model-inference-job\n  * list-trained-model-inference-jobs\n  * get-trained-model-inference-job\n\n' +
        USAGE_BLOCK,
    });
  });

  it('prints no suggestion block when nothing is close (arg-op-camel)', async () => {
    const r = await runCli(['cleanroomsml', 'StartTrainedModelInferenceJob']);
    expect(r.err).toBe("\naws: [ERROR]: An error occurred (ParamValidation): argument operation: Found invalid choice 'StartTrainedModelInferenceJob'\n\n\n" +
      USAGE_BLOCK);
  });

  it('checks option choices without suggestions (color-invalid, file-binary-format-bogus)', async () => {
    const r = await runCli(['--color', 'blue', 'cleanroomsml', 'get-trained-model-inference-job']);
    expect(r.err).toBe("\naws: [ERROR]: An error occurred (ParamValidation): argument --color: Found invalid choice 'blue'\n\n\n" + USAGE_BLOCK);
    expect(invalidChoice('--output', 'jsn', ['json', 'text'])).toBe("argument --output: Found invalid choice 'jsn'\n");
  });

  it('checks a positional choice as soon as argparse reaches it, before later options', () => {
    expect(parseError(mainParser(), ['cleanroomsmll', '--output'])).toBe(
      "argument command: Found invalid choice 'cleanroomsmll'\n\nMaybe you meant:\n\n  * cleanroomsml");
  });

  it('matches difflib.get_close_matches: ratio order, ties broken by the larger string', () => {
    const ops = [...operationsByCliName().keys()];
    // Values from Python: difflib.get_close_matches(word, ops, n=3, cutoff=0.8).
    expect(getCloseMatches('get-trained-model-inferance-job', ops, 3, 0.8)).toEqual([
      'get-trained-model-inference-job', 'start-trained-model-inference-job', 'list-trained-model-inference-jobs']);
    expect(getCloseMatches('tag-resources', ops, 3, 0.8)).toEqual(['tag-resource', 'untag-resource']);
    expect(getCloseMatches('untag-resourc', ops, 3, 0.8)).toEqual(['untag-resource', 'tag-resource']);
    expect(getCloseMatches('xyz', ops, 3, 0.8)).toEqual([]);
    expect(getCloseMatches('abc', ['abd', 'abe', 'abf', 'xbc'], 3)).toEqual(['xbc', 'abf', 'abe']);
    expect(getCloseMatches('abc', ['abd', 'abe', 'abf', 'xbc'], 3, 0.8)).toEqual([]);
  });

  it("computes SequenceMatcher.ratio() as Python does", () => {
    // Each value printed by python3: difflib.SequenceMatcher(None, a, b).ratio()
    const cases: [string, string, number][] = [
      ['jsn', 'json', 0.8571428571428571],
      ['abcd', 'bcda', 0.75],
      ['start-trained-model-inference-job', 'start-trained-model-inference-jobs', 0.9850746268656716],
      ['tag-resource', 'untag-resource', 0.9230769230769231],
      ['abxcd', 'abcd', 0.8888888888888888],
      ['xyzabcabc', 'abcxyz', 0.4],
      ['the quick brown fox', 'quick the fox brown', 0.5789473684210527],
      ['', '', 1],
    ];
    for (const [a, b, r] of cases) expect([a, b, sequenceRatio(a, b)]).toEqual([a, b, r]);
  });

  it('applies difflib autojunk (popular characters) for sequences of 200 or more', () => {
    expect(sequenceRatio('a'.repeat(250) + 'b', 'a'.repeat(240) + 'bbbbbb')).toBe(0.96579476861167);
    expect(sequenceRatio('a'.repeat(240) + 'bbbbbb', 'a'.repeat(250) + 'b')).toBe(0.9698189134808853);
  });
});

describe('option specs from the argument table', () => {
  it('derives one option per member in model order, then the paging options, then the input options', () => {
    const names = optionSpecs(argumentTable(operationsByCliName().get('list-trained-model-inference-jobs')!), false)
      .map((o: OptionSpec) => `${o.name}${o.required ? '*' : ''}:${o.nargs}`);
    expect(names).toEqual([
      '--next-token:one', '--max-results:one', '--membership-identifier*:one', '--trained-model-arn:one',
      '--trained-model-version-identifier:one', '--starting-token:one', '--page-size:one', '--max-items:one',
      '--cli-input-json:one', '--cli-input-yaml:one', '--generate-cli-skeleton:optional',
    ]);
  });
});
