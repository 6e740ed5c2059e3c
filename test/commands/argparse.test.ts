// The three argparse passes of the AWS CLI, checked against Python 3.14's argparse rules (the
// interpreter AWS CLI 2.36 bundles) and the recorded conformance cases (arg-*, glob-*).
import { describe, expect, it } from 'vitest';
import { ArgParseError, ArgParser, getCloseMatches, invalidChoice, optionSpecs, sequenceRatio, type OptionSpec } from '../../src/commands/argparse';
import { argumentTable } from '../../src/params/arguments';
import { parseGlobalArgs, parseOperationArgs } from '../../src/commands/run';
import { cli } from '../../src/cli';
import { memoryIO } from '../support/io';
import { operationsByCliName } from '../../src/model';

const USAGE_BLOCK =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

function mainParser(): { parseKnownArgs(argv: string[]): ReturnType<ArgParser['parseKnownArgs']> } {
  // The driver's first pass and the main parser, as run() uses them.
  return {
    parseKnownArgs(argv: string[]) {
      const g = parseGlobalArgs(argv);
      return { values: g.values, seen: new Set<string>(), extras: g.remaining };
    },
  };
}

function opParser(cliName: string, relax = false): ArgParser {
  const op = operationsByCliName().get(cliName)!;
  return new ArgParser(optionSpecs(argumentTable(op), relax), [{ dest: '__help', nargs: 'optional' }]);
}

function parseError(p: { parseKnownArgs(argv: string[]): unknown }, args: string[]): string {
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
  const rc = await cli(argv, io);
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
    expect(parseError(p, ['--generate-cli-skeleton', 'yaml'])).toBe(
      "argument --generate-cli-skeleton: Found invalid choice 'yaml'\n");
    // An explicit empty value is checked against the choices too (the const is only for no value).
    expect(parseError(p, ['--generate-cli-skeleton='])).toBe("argument --generate-cli-skeleton: Found invalid choice ''\n");
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

  it('checks option choices (color-invalid, file-binary-format-bogus)', async () => {
    const r = await runCli(['--color', 'blue', 'cleanroomsml', 'get-trained-model-inference-job']);
    expect(r.err).toBe("\naws: [ERROR]: An error occurred (ParamValidation): argument --color: Found invalid choice 'blue'\n\n\n" + USAGE_BLOCK);
  });

  it("suggests close choices for options too: the AWS CLI's _check_value serves every argument with choices", async () => {
    // difflib.get_close_matches('jsn', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'], cutoff=0.8) == ['json']
    expect(invalidChoice('--output', 'jsn', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'])).toBe(
      "argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json");
    const r = await runCli(['--color', 'of', 'cleanroomsml', 'help']);
    expect(r).toEqual({
      rc: 252, out: '',
      err: "\naws: [ERROR]: An error occurred (ParamValidation): argument --color: Found invalid choice 'of'\n\n" +
        'Maybe you meant:\n\n  * off\n\n' + USAGE_BLOCK,
    });
    expect(parseError(opParser('start-trained-model-inference-job', true), ['--generate-cli-skeleton', 'inptu'])).toBe(
      "argument --generate-cli-skeleton: Found invalid choice 'inptu'\n\nMaybe you meant:\n\n  * input");
  });

  it('offers every command of the AWS CLI (cleanrooms too) for a mistyped service name', () => {
    // difflib.get_close_matches over AWS CLI v2's command table: cleanrooms is a command there.
    expect(parseError(mainParser(), ['cleanroomsmll', 'help'])).toBe(
      "argument command: Found invalid choice 'cleanroomsmll'\n\nMaybe you meant:\n\n  * cleanroomsml\n  * cleanrooms");
    expect(parseError(mainParser(), ['cleanroom'])).toBe(
      "argument command: Found invalid choice 'cleanroom'\n\nMaybe you meant:\n\n  * cleanrooms\n  * cleanroomsml");
    expect(parseError(mainParser(), ['CleanRoomsML'])).toBe("argument command: Found invalid choice 'CleanRoomsML'\n");
  });

  it('checks a positional choice as soon as argparse reaches it, before later options', () => {
    expect(parseError(mainParser(), ['cleanroomsmll', '--output'])).toBe(
      "argument command: Found invalid choice 'cleanroomsmll'\n\nMaybe you meant:\n\n  * cleanroomsml\n  * cleanrooms");
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

describe('the order in which argparse reports problems (Python 3.14 rules, checked with its argparse)', () => {
  it('converts typed options as it reaches them: --max-items/--page-size are int(), before the required check', () => {
    expect(parseError(opParser('list-trained-model-inference-jobs'), ['--max-items', 'abc'])).toBe(
      "argument --max-items: invalid int value: 'abc'");
    expect(parseError(opParser('list-trained-model-inference-jobs'), ['--page-size', '1.0', '--membership-identifier', 'm'])).toBe(
      "argument --page-size: invalid int value: '1.0'");
    // The value is shown with Python's repr().
    expect(parseError(opParser('list-trained-model-inference-jobs'), ['--max-items', "a'b"])).toBe(
      'argument --max-items: invalid int value: "a\'b"');
    expect(parseError(opParser('list-trained-model-inference-jobs'), ['--max-items='])).toBe(
      "argument --max-items: invalid int value: ''");
    expect(parseError(opParser('list-trained-model-inference-jobs'), ['--membership-identifier', 'm', '--page-size', '1__0'])).toBe(
      "argument --page-size: invalid int value: '1__0'");
    // int() takes surrounding spaces, a sign and single underscores; the value is kept as given.
    const r = opParser('list-trained-model-inference-jobs').parseKnownArgs(
      ['--membership-identifier', 'm', '--page-size', '1_0', '--max-items', ' +3 ']);
    expect([r.values.get('page-size'), r.values.get('max-items')]).toEqual(['1_0', ' +3 ']);
  });

  it('prints a bad int as an argparse error with the usage block, before a bad --query is looked at', async () => {
    const r = await runCli(['cleanroomsml', 'list-trained-model-inference-jobs', '--membership-identifier', 'm',
      '--max-items', 'x', '--query', 'a']);
    expect(r).toEqual({
      rc: 252, out: '',
      err: "\naws: [ERROR]: An error occurred (ParamValidation): argument --max-items: invalid int value: 'x'\n\n" + USAGE_BLOCK,
    });
  });

  it('checks --query right after the global options, before the operation is parsed', async () => {
    const r = await runCli(['cleanroomsml', 'get-trained-model-inference-job', '--query', '']);
    expect(r).toEqual({
      rc: 252, out: '',
      err: '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query : Invalid JMESPath expression: cannot be empty.\n',
    });
    const bogus = await runCli(['cleanroomsml', 'bogus-op', '--query', '[', '--endpoint-url', 'x']);
    expect(bogus.err).toBe('\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query [: Invalid jmespath expression: ' +
      'Incomplete expression:\n"["\n  ^\n');
  });

  it('checks --endpoint-url after --query, as urlsplit finds a scheme (leading spaces dropped)', async () => {
    const r = await runCli(['cleanroomsml', 'bogus-op', '--endpoint-url', 'x']);
    expect(r.err).toBe('\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --endpoint-url "x": scheme is missing.  ' +
      'Must be of the form http://<hostname>/ or https://<hostname>/\n');
    const spaced = await runCli(['cleanroomsml', 'bogus-op', '--endpoint-url', ' http://localhost:1']);
    expect(spaced.err).toContain("argument operation: Found invalid choice 'bogus-op'");
  });

  it('prints the version as soon as --version is reached, even unabbreviated or without a command', async () => {
    const v = await runCli(['--vers']);
    expect(v.rc).toBe(0);
    expect(v.out).toMatch(/^aws-cli\/2\.36\.7 /);
    expect((await runCli(['--version', '--color', 'blue'])).rc).toBe(0);
    // An error reached before it wins.
    expect(await runCli(['--color', 'blue', '--version'])).toEqual({
      rc: 252, out: '',
      err: "\naws: [ERROR]: An error occurred (ParamValidation): argument --color: Found invalid choice 'blue'\n\n\n" + USAGE_BLOCK,
    });
  });

  it("runs the driver's first pass (--profile, --debug) before the main parser", () => {
    expect(parseError(mainParser(), ['--color', 'blue', '--profile'])).toBe('argument --profile: expected one argument');
    expect(parseError(mainParser(), ['--no', '--debug=1', 'cleanroomsml'])).toBe("argument --debug: ignored explicit argument '1'");
    expect(parseError(mainParser(), ['--=x', 'cleanroomsml'])).toBe('ambiguous option: --=x could match --profile, --debug');
  });

  it("shows the first-pass parser's own usage line with its errors (FirstPassGlobalArgParser)", async () => {
    const first = '\n\nusage: aws [--profile PROFILE] [--debug]\n';
    expect(await runCli(['cleanroomsml', 'list-training-datasets', '--profile'])).toEqual({
      rc: 252, out: '', err: '\naws: [ERROR]: An error occurred (ParamValidation): argument --profile: expected one argument' + first,
    });
    expect((await runCli(['cleanroomsml', 'list-training-datasets', '--debug=yes'])).err).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): argument --debug: ignored explicit argument 'yes'" + first);
    // The main parser's errors keep the main usage block.
    expect((await runCli(['cleanroomsml', 'list-training-datasets', '--region'])).err).toBe(
      '\naws: [ERROR]: An error occurred (ParamValidation): argument --region: expected one argument\n\n' + USAGE_BLOCK);
  });

  it('reports an ambiguous prefix only when the parse reaches it', () => {
    expect(parseError(mainParser(), ['--output', 'jsn', '--no', 'cleanroomsml'])).toBe(
      "argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json");
    expect(parseError(mainParser(), ['--no', '--output', 'jsn', 'cleanroomsml'])).toBe(
      'ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt');
  });
});

describe('the help command and the version', () => {
  it("refuses what `aws help` cannot take: its only subcommands are the help topics", async () => {
    expect(await runCli(['help', 'bogus'])).toEqual({
      rc: 252, out: '',
      err: "\naws: [ERROR]: An error occurred (ParamValidation): argument subcommand: Found invalid choice 'bogus'\n\n\n" + USAGE_BLOCK,
    });
    // A service is not a topic.
    expect((await runCli(['help', 'cleanroomsml'])).err).toContain("argument subcommand: Found invalid choice 'cleanroomsml'");
  });

  it('adds exec-env/… to the version when AWS_EXECUTION_ENV is set, as the AWS CLI does', async () => {
    const v = await runCli(['--version'], { AWS_EXECUTION_ENV: 'CloudShell' });
    expect(v.out).toMatch(/^aws-cli\/2\.36\.7 \S+ \S+ exec-env\/CloudShell \S+\n$/);
  });
});

describe('relaxing the required options: the exact strings the AWS CLI looks for', () => {
  it('relaxes for --cli-input-json/yaml and --generate-cli-skeleton, not for their =value or abbreviated forms', () => {
    const get = ['get-trained-model-inference-job'];
    expect(parseOperationArgs([...get, '--cli-input-json', '{}']).kind).toBe('call');
    expect(parseOperationArgs([...get, '--generate-cli-skeleton']).kind).toBe('call');
    expect(parseOperationArgs([...get, '--generate-cli-skeleton', 'yaml-input']).kind).toBe('call');
    for (const args of [['--cli-input-json={}'], ['--cli-input-j', '{}'], ['--generate-cli-skeleton=input'], ['--generate-cli-skel'],
      ['--generate-cli-skeleton', 'output']]) {
      expect(() => parseOperationArgs([...get, ...args])).toThrow(
        'the following arguments are required: --membership-identifier, --trained-model-inference-job-arn');
    }
  });

  it("reads ints as Python's int() does: Unicode digits too", () => {
    const r = opParser('list-trained-model-inference-jobs').parseKnownArgs(['--membership-identifier', 'm', '--max-items', '\uff13']);
    expect(r.values.get('max-items')).toBe('\uff13');
    expect(parseError(opParser('list-trained-model-inference-jobs'), ['--membership-identifier', 'm', '--max-items', '3\u00a0x'])).toBe(
      "argument --max-items: invalid int value: '3\\xa0x'");
  });
});

describe('-- and the positionals', () => {
  it('drops the -- that the help positional takes with a stray value', () => {
    const args = ['--membership-identifier', 'm', '--trained-model-inference-job-arn', 'a'];
    expect(() => parseOperationArgs(['get-trained-model-inference-job', ...args, 'x', '--', 'y'])).toThrow('Unknown options: y, x');
    expect(parseOperationArgs(['get-trained-model-inference-job', ...args, '--']).kind).toBe('call');
    expect(() => parseOperationArgs(['get-trained-model-inference-job', ...args, '--', '--'])).toThrow('Unknown options: --');
  });

  it('lets -- be taken with the command name by the main parser', () => {
    const g = parseGlobalArgs(['--', 'cleanroomsml', 'get-trained-model-inference-job']);
    expect(g.command).toBe('cleanroomsml');
    expect(g.remaining).toEqual(['get-trained-model-inference-job']);
    expect(parseError(opParser('get-trained-model-inference-job'), ['--membership-identifier', '--', 'a'])).toBe(
      'argument --membership-identifier: expected one argument');
  });

  it('drops an empty stray positional instead of reporting it (Python truthiness)', () => {
    expect(() => parseOperationArgs(['cancel-trained-model-inference-job', '', 'help', '--bogus', '--generate-cli-skeleton']))
      .toThrow('Unknown options: help, --bogus');
  });

  it('keeps a later value of a repeated option, and --x/--no-x set one member', () => {
    const op = parseOperationArgs(['start-audience-generation-job', '--name', 'n', '--name', 'm', '--configured-audience-model-arn', 'a',
      '--seed-audience', 'x', '--include-seed-in-output', '--no-include-seed-in-output']);
    expect(op.kind === 'call' && [op.parsed.get('name'), op.parsed.get('include-seed-in-output')]).toEqual(['m', false]);
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
