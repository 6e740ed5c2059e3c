// The call-parameter pipeline (the AWS CLI's _build_call_parameters and the cli-input/paging
// customizations), from parsed options to the operation's parameters, checked against the recorded
// conformance cases (file-*, input-*, scalar-*) and awscli's paramfile/paginate/cliinput rules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgParseError, ArgParser, optionSpecs } from '../../src/commands/argparse';
import { argumentTable } from '../../src/params/arguments';
import { toGlobalArgs } from '../../src/commands/globals';
import { ParamValidationError } from '../../src/errors';
import { memoryIO } from '../support/io';
import { inputShape, operationsByCliName } from '../../src/model';
import { PyBytes, type PyDict } from '../../src/py/values';
import { decodeJsonBytes, buildCallParameters, type CallParameters } from '../../src/params/build';
import { validateParams } from '../../src/client/validate';

const M = '11111111-2222-3333-4444-555555555555';
const TM_ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model/tm-1`;
const CH_ARN = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/ml-input-channel/ch-1`;
const REQUIRED = ['--membership-identifier', M, '--name', 'job1', '--trained-model-arn', TM_ARN,
  '--resource-config', 'instanceType=ml.m5.xlarge', '--output-configuration', 'members=[{accountId=123456789012}]',
  '--data-source', `mlInputChannelArn=${CH_ARN}`];

let dir: string;
let home: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-test-'));
  home = join(dir, 'home');
  mkdirSync(home);
  mkdirSync(join(dir, 'work'));
  writeFileSync(join(dir, 'work', 'rc.json'), '{"instanceType":"ml.m5.xlarge","instanceCount":3}\n');
  writeFileSync(join(dir, 'work', 'name.txt'), 'job-from-file\r\nline2\r');
  writeFileSync(join(home, 'home-name.txt'), 'from-home');
  writeFileSync(join(dir, 'work', 'bad.txt'), Buffer.from([0x6a, 0xff, 0xfe, 0x6b]));
  writeFileSync(join(dir, 'work', 'in.json'), JSON.stringify({ membershipIdentifier: M, name: 'from-input', description: 'd' }));
  mkdirSync(join(dir, 'work', 'adir'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Built {
  result?: CallParameters;
  error?: string;
  stderr: string;
}

async function build(cliName: string, argv: string[], opts: { paginate?: boolean; env?: Record<string, string> } = {}): Promise<Built> {
  const op = operationsByCliName().get(cliName)!;
  const args = argumentTable(op);
  const relax = argv.includes('--cli-input-json') || argv.includes('--cli-input-yaml');
  let parsed;
  try {
    parsed = new ArgParser(optionSpecs(args, relax), [{ dest: '__help', nargs: 'optional' }]).parseKnownArgs(argv);
  } catch (e) {
    // argparse's own errors (a bad int for a paging option) come before any building.
    if (!(e instanceof ArgParseError)) throw e;
    return { error: new ParamValidationError(e.message, true).render(), stderr: '' };
  }
  expect(parsed.extras).toEqual([]);
  const io = memoryIO({ HOME: home, ...opts.env }, join(dir, 'work'));
  const globals = toGlobalArgs(new Map(opts.paginate === false ? [['paginate', false]] : []));
  try {
    const result = await buildCallParameters({ io, op, args, parsed: parsed.values, globals });
    return { result, stderr: io.err() };
  } catch (e) {
    if (!(e instanceof ParamValidationError)) throw e;
    return { error: e.render(), stderr: io.err() };
  }
}

const paramError = (detail: string) => `\naws: [ERROR]: An error occurred (ParamValidation): ${detail}\n`;

describe('order and unpacking', () => {
  it('builds the parameters in argument-table (model) order, whatever the command-line order', async () => {
    const { result } = await build('start-trained-model-inference-job', [
      '--description', 'd', '--data-source', `mlInputChannelArn=${CH_ARN}`, '--name', 'job1',
      '--output-configuration', 'members=[{accountId=123456789012}]', '--resource-config', 'instanceType=ml.m5.xlarge',
      '--trained-model-arn', TM_ARN, '--membership-identifier', M]);
    expect([...result!.params.keys()]).toEqual([
      'membershipIdentifier', 'name', 'trainedModelArn', 'resourceConfig', 'outputConfiguration', 'dataSource', 'description']);
    expect(result!.params.get('resourceConfig')).toEqual(new Map([['instanceType', 'ml.m5.xlarge']]));
    expect(result!.paginate).toBe(true);
    expect(result!.pagination).toEqual({});
  });

  it('makes booleans from flags, lists from nargs=* options', async () => {
    const { result } = await build('untag-resource', ['--resource-arn', 'arn:x', '--tag-keys', 'a', 'b']);
    expect(result!.params).toEqual(new Map<string, unknown>([['resourceArn', 'arn:x'], ['tagKeys', ['a', 'b']]]));
  });
});

describe('file:// and fileb://', () => {
  it('loads a file relative to the working directory and unpacks it by the member shape (file-rc-json-relative)', async () => {
    const { result } = await build('start-trained-model-inference-job', [...REQUIRED.slice(0, 6), '--resource-config', 'file://rc.json',
      ...REQUIRED.slice(8)]);
    expect(result!.params.get('resourceConfig')).toEqual(new Map<string, unknown>([['instanceType', 'ml.m5.xlarge'], ['instanceCount', 3]]));
  });

  it('keeps a text file as it is for a string, with universal newlines (file-name-newline)', async () => {
    const { result } = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://name.txt']);
    expect(result!.params.get('description')).toBe('job-from-file\nline2\n');
  });

  it('expands ~ from HOME and $VAR / ${VAR} from the environment', async () => {
    const env = { WORKDIR: join(dir, 'work') };
    const home1 = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://~/home-name.txt'], { env });
    expect(home1.result!.params.get('description')).toBe('from-home');
    const var1 = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://$WORKDIR/rc.json'], { env });
    expect(var1.result!.params.get('description')).toBe('{"instanceType":"ml.m5.xlarge","instanceCount":3}\n');
    const var2 = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://${WORKDIR}/rc.json'], { env });
    expect(var2.result!.params.get('description')).toBe('{"instanceType":"ml.m5.xlarge","instanceCount":3}\n');
  });

  it('reports a missing file with the errno text and the expanded path (file-rc-missing)', async () => {
    const r = await build('start-trained-model-inference-job', [...REQUIRED.slice(0, 6), '--resource-config', 'file://missing.json',
      ...REQUIRED.slice(8)]);
    expect(r.error).toBe(paramError("Error parsing parameter '--resource-config': Unable to load paramfile file://missing.json: " +
      "[Errno 2] No such file or directory: 'missing.json'"));
    const unset = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://$NOPE_UNSET/x']);
    expect(unset.error).toBe(paramError("Error parsing parameter '--description': Unable to load paramfile file://$NOPE_UNSET/x: " +
      "[Errno 2] No such file or directory: '$NOPE_UNSET/x'"));
    const tilde = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://~/nope.txt']);
    expect(tilde.error).toBe(paramError("Error parsing parameter '--description': Unable to load paramfile file://~/nope.txt: " +
      `[Errno 2] No such file or directory: '${home}/nope.txt'`));
  });

  it('reports a directory as Python does', async () => {
    const r = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://adir']);
    expect(r.error).toBe(paramError("Error parsing parameter '--description': Unable to load paramfile file://adir: " +
      "[Errno 21] Is a directory: 'adir'"));
  });

  it('refuses text that is not UTF-8, with the fileb:// hint', async () => {
    const r = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'file://bad.txt']);
    expect(r.error).toBe(paramError("Error parsing parameter '--description': Unable to load paramfile (bad.txt), text contents " +
      'could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.'));
  });

  it('passes fileb:// bytes through to a string member, which validation then refuses', async () => {
    const { result } = await build('start-trained-model-inference-job', [...REQUIRED, '--description', 'fileb://name.txt']);
    const v = result!.params.get('description');
    expect(v).toBeInstanceOf(PyBytes);
    expect(Buffer.from((v as PyBytes).bytes).toString('latin1')).toBe('job-from-file\r\nline2\r');
    expect(validateParams(result!.params, inputShape(operationsByCliName().get('start-trained-model-inference-job')!))).toEqual([
      "Invalid type for parameter description, value: b'job-from-file\\r\\nline2\\r', type: <class 'bytes'>, valid types: <class 'str'>",
    ]);
  });
});

describe('fileb:// where JSON or shorthand is expected', () => {
  // The AWS CLI hands the bytes to its shorthand parser and dies on a Python TypeError ("'in <string>'
  // requires string as left operand, not int", exit 255) before any request: refused here, clearly.
  it.each(['--resource-config', '--output-configuration', '--tags', '--environment'])('refuses it for %s', async (option) => {
    const r = await build('start-trained-model-inference-job', [...REQUIRED, option, 'fileb://rc.json']);
    const kind = option === '--tags' || option === '--environment' ? 'a map' : 'a structure';
    expect(r.error).toBe(`\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '${option}': fileb:// gives ` +
      `the file's raw bytes, but this parameter takes ${kind} (JSON or shorthand syntax): use file:// to read it from a file\n`);
  });

  it('gives a list of scalars one int per byte, as Python iterates bytes (validation then refuses them)', async () => {
    const { result } = await build('untag-resource', ['--resource-arn', 'arn:aws:cleanrooms-ml:us-east-1:123456789012:x/y', '--tag-keys', 'fileb://name.txt']);
    expect(result!.params.get('tagKeys')).toEqual([...Buffer.from('job-from-file\r\nline2\r')]);
  });
});

describe('--cli-input-json and --cli-input-yaml', () => {
  it('adds the input keys the command line did not set: command-line members first, then the document order', async () => {
    const { result } = await build('start-trained-model-inference-job', [
      '--cli-input-json', JSON.stringify({ membershipIdentifier: M, name: 'from-input', description: 'd', bogus: 1 }),
      '--name', 'cli-name', '--tags', 'a=b']);
    expect(result!.params).toEqual(new Map<string, unknown>([
      ['name', 'cli-name'], ['tags', new Map([['a', 'b']])], ['membershipIdentifier', M], ['description', 'd'], ['bogus', 1]]));
  });

  it('reads the document from file:// and fileb:// (input-json-fileb)', async () => {
    for (const prefix of ['file://', 'fileb://']) {
      const { result } = await build('start-trained-model-inference-job', ['--cli-input-json', `${prefix}in.json`]);
      expect(result!.params).toEqual(new Map([['membershipIdentifier', M], ['name', 'from-input'], ['description', 'd']]));
    }
  });

  it('does not resolve file:// inside the document (input-json-file-prefix-literal)', async () => {
    const { result } = await build('start-trained-model-inference-job', ['--cli-input-json', '{"name": "file://name.txt"}']);
    expect(result!.params.get('name')).toBe('file://name.txt');
  });

  it('takes YAML the same way, command line first', async () => {
    const { result } = await build('start-trained-model-inference-job', [
      '--cli-input-yaml', `membershipIdentifier: ${M}\nname: from-yaml\nresourceConfig:\n  instanceType: ml.m5.xlarge\n  instanceCount: 2\n`,
      '--name', 'cli-name']);
    expect(result!.params).toEqual(new Map<string, unknown>([
      ['name', 'cli-name'], ['membershipIdentifier', M],
      ['resourceConfig', new Map<string, unknown>([['instanceType', 'ml.m5.xlarge'], ['instanceCount', 2]])]]));
  });

  it('refuses a document that does not parse (input-json-empty, input-yaml-dup-key)', async () => {
    for (const doc of ['', '{"a": ', '{"a": 1} x']) {
      const r = await build('start-trained-model-inference-job', ['--cli-input-json', doc]);
      expect(r.error).toBe(paramError("Error parsing parameter 'cli-input-json': Invalid JSON received."));
    }
    for (const doc of ['a: [1', 'a: 1\na: 2\n']) {
      const y = await build('start-trained-model-inference-job', ['--cli-input-yaml', doc]);
      expect(y.error).toBe(paramError("Error parsing parameter 'cli-input-yaml': Invalid YAML received."));
    }
  });

  it('refuses a document that is not a mapping, naming its Python type', async () => {
    const r = await build('start-trained-model-inference-job', ['--cli-input-json', '[1, 2]']);
    expect(r.error).toBe(paramError("Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>"));
    const y = await build('start-trained-model-inference-job', ['--cli-input-yaml', '- a\n- b\n']);
    expect(y.error).toBe(paramError("Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'list'>"));
  });

  it('reports a missing input file as a paramfile error of --cli-input-json', async () => {
    const r = await build('start-trained-model-inference-job', ['--cli-input-json', 'file://nope.json']);
    expect(r.error).toBe(paramError("Error parsing parameter '--cli-input-json': Unable to load paramfile file://nope.json: " +
      "[Errno 2] No such file or directory: 'nope.json'"));
  });

  it('turns pagination off when the document holds a paging member (AWS CLI v2, on calling-command)', async () => {
    const { result } = await build('list-trained-model-inference-jobs', ['--cli-input-json', JSON.stringify({ membershipIdentifier: M, nextToken: 't' })]);
    expect(result!.paginate).toBe(false);
    const other = await build('list-trained-model-inference-jobs', ['--cli-input-json', JSON.stringify({ membershipIdentifier: M })]);
    expect(other.result!.paginate).toBe(true);
  });

  it('keeps paging options of a call that is not paginated as PaginationConfig, after the command line members', async () => {
    // botocore then refuses it: Unknown parameter in input: "PaginationConfig" (checked with the AWS CLI's
    // own pipeline: --no-paginate --max-items 0, a document with maxResults plus --max-items).
    const doc = await build('list-trained-model-inference-jobs', ['--cli-input-json', JSON.stringify({ maxResults: 2, membershipIdentifier: M }),
      '--max-items', '3', '--starting-token', 'tok']);
    expect(doc.result!.paginate).toBe(false);
    expect([...doc.result!.params.keys()]).toEqual(['PaginationConfig', 'maxResults', 'membershipIdentifier']);
    expect(doc.result!.params.get('PaginationConfig')).toEqual(new Map<string, unknown>([['StartingToken', 'tok'], ['MaxItems', 3]]));
    const off = await build('list-trained-model-inference-jobs', ['--membership-identifier', M, '--max-items', '0'], { paginate: false });
    expect(off.result!.params).toEqual(new Map<string, unknown>([['membershipIdentifier', M], ['PaginationConfig', new Map([['MaxItems', 0]])]]));
    const stubbed = await build('list-trained-model-inference-jobs', ['--membership-identifier', M, '--page-size', '2', '--generate-cli-skeleton', 'output']);
    expect(stubbed.result!.params.get('PaginationConfig')).toEqual(new Map([['PageSize', 2]]));
    const paged = await build('list-trained-model-inference-jobs', ['--membership-identifier', M, '--page-size', '2']);
    expect(paged.result!.params.has('PaginationConfig')).toBe(false);
  });

  it('reports two --cli-input- options only once every argument is unpacked', async () => {
    const both = await build('get-trained-model-inference-job', ['--cli-input-json', '{}', '--cli-input-yaml', '{}']);
    expect(both.error).toBe(paramError('Only one --cli-input- parameter may be specified.'));
    // A member's own error comes first.
    const first = await build('start-trained-model-inference-job', ['--cli-input-json', '{}', '--cli-input-yaml', '{}',
      '--resource-config', 'instanceType']);
    expect(first.error).toBe(paramError("Error parsing parameter '--resource-config': Expected: '=', received: 'EOF' for input:\n instanceType\n            ^"));
  });
});

describe('pagination options', () => {
  const LIST = ['--membership-identifier', M];

  it('collects --starting-token, --page-size and --max-items apart from the parameters', async () => {
    const { result, stderr } = await build('list-trained-model-inference-jobs', [...LIST, '--page-size', '1_0', '--max-items', ' 7 ',
      '--starting-token', 'tok']);
    expect(result!.params).toEqual(new Map([['membershipIdentifier', M]]));
    expect(result!.pagination).toEqual({ StartingToken: 'tok', PageSize: 10, MaxItems: 7 });
    expect(result!.paginate).toBe(true);
    expect(stderr).toBe('');
    const big = await build('list-trained-model-inference-jobs', [...LIST, '--max-items', '99999999999999999999']);
    expect(big.result!.pagination.MaxItems).toBe(99999999999999999999n);
  });

  it('warns about non-positive --max-items (scalar-list-max-items-zero)', async () => {
    for (const v of ['0', '-1']) {
      const r = await build('list-trained-model-inference-jobs', [...LIST, '--max-items', v]);
      expect(r.stderr).toBe('warning: Non-positive values for --max-items may result in undefined behavior.\n');
    }
  });

  it('refuses a non-integer page option as argparse does', async () => {
    const r = await build('list-trained-model-inference-jobs', [...LIST, '--max-items', 'abc']);
    expect(r.error).toBe("\naws: [ERROR]: An error occurred (ParamValidation): argument --max-items: invalid int value: 'abc'\n\n" +
      'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n' +
      '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n');
  });

  it('turns automatic pagination off when a paging member is given directly', async () => {
    const r = await build('list-trained-model-inference-jobs', [...LIST, '--max-results', '5']);
    expect(r.result!.paginate).toBe(false);
    expect(r.result!.params).toEqual(new Map<string, unknown>([['maxResults', 5], ['membershipIdentifier', M]]));
  });

  it('refuses paging options once pagination is off, naming them in table order', async () => {
    const r = await build('list-trained-model-inference-jobs', [...LIST, '--max-results', '5', '--max-items', '3', '--page-size', '2']);
    expect(r.error).toBe(paramError('Cannot specify --no-paginate along with pagination arguments: --page-size, --max-items'));
    const off = await build('list-trained-model-inference-jobs', [...LIST, '--starting-token', 'x', '--max-items', '2'], { paginate: false });
    expect(off.error).toBe(paramError('Cannot specify --no-paginate along with pagination arguments: --starting-token, --max-items'));
    const viaToken = await build('list-trained-model-inference-jobs', [...LIST, '--next-token', 'n', '--page-size', '2']);
    expect(viaToken.error).toBe(paramError('Cannot specify --no-paginate along with pagination arguments: --page-size'));
  });

  it('counts only truthy paging values as a conflict (0 and an empty token do not)', async () => {
    const r = await build('list-trained-model-inference-jobs', [...LIST, '--max-items', '0', '--starting-token', ''], { paginate: false });
    expect(r.error).toBeUndefined();
    expect(r.result!.paginate).toBe(false);
  });

  it('leaves --no-paginate harmless on an operation without a paginator (glob-no-paginate-start)', async () => {
    const r = await build('start-trained-model-inference-job', REQUIRED, { paginate: false });
    expect(r.result!.paginate).toBe(false);
    expect((r.result!.params as PyDict).size).toBe(6);
  });
});

describe('file:// for other kinds of options', () => {
  const LIST = ['--membership-identifier', M];

  it('reads --starting-token from file:// as any string option (the int paging options never)', async () => {
    writeFileSync(join(dir, 'work', 'token.txt'), 'eyJuZXh0VG9rZW4iOiAiMiJ9');
    const r = await build('list-trained-model-inference-jobs', [...LIST, '--starting-token', 'file://token.txt']);
    expect(r.result!.pagination).toEqual({ StartingToken: 'eyJuZXh0VG9rZW4iOiAiMiJ9' });
    const missing = await build('list-trained-model-inference-jobs', [...LIST, '--starting-token', 'file://nope.txt']);
    expect(missing.error).toBe(paramError("Error parsing parameter '--starting-token': Unable to load paramfile file://nope.txt: " +
      "[Errno 2] No such file or directory: 'nope.txt'"));
  });

  it('splits a file read for a list of strings into characters unless it is JSON, as Python iterates a str', async () => {
    writeFileSync(join(dir, 'work', 'keys.txt'), 'k1 k2\n');
    writeFileSync(join(dir, 'work', 'keys.json'), ' ["j1", "j2"]');
    writeFileSync(join(dir, 'work', 'blank.txt'), ' \n');
    const ARN = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/x';
    const chars = await build('untag-resource', ['--resource-arn', ARN, '--tag-keys', 'file://keys.txt']);
    expect(chars.result!.params.get('tagKeys')).toEqual(['k', '1', ' ', 'k', '2', '\n']);
    const json = await build('untag-resource', ['--resource-arn', ARN, '--tag-keys', 'file://keys.json']);
    expect(json.result!.params.get('tagKeys')).toEqual(['j1', 'j2']);
    // Two values: each is taken as it is, file:// included.
    const two = await build('untag-resource', ['--resource-arn', ARN, '--tag-keys', 'a', 'file://keys.txt']);
    expect(two.result!.params.get('tagKeys')).toEqual(['a', 'file://keys.txt']);
    const blank = await build('untag-resource', ['--resource-arn', ARN, '--tag-keys', 'file://blank.txt']);
    expect(blank.error).toBe(paramError("Error parsing parameter '--tag-keys': expected a list of values, received an empty string"));
  });
});

describe('decodeJsonBytes (json.loads on fileb:// bytes)', () => {
  // Each verdict from Python: json.loads(bytes).
  it('detects UTF-16/UTF-32 from a byte order mark or the zero bytes, and drops a UTF-8 byte order mark', () => {
    expect(decodeJsonBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]))).toBe('{}');
    expect(decodeJsonBytes(new Uint8Array([0x00, 0x7b, 0x00, 0x7d]))).toBe('{}');
    expect(decodeJsonBytes(new Uint8Array([0x7b, 0, 0, 0, 0x7d, 0, 0, 0]))).toBe('{}');
    expect(decodeJsonBytes(new Uint8Array([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x7b, 0, 0, 0, 0x7d]))).toBe('{}');
    expect(decodeJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('{}');
    expect(decodeJsonBytes(new Uint8Array([0xff, 0xfe, 0x7b]))).toBeUndefined();
  });

  it('reads a UTF-16 --cli-input-json file given as fileb://', async () => {
    writeFileSync(join(dir, 'work', 'in16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]),
      Buffer.from(JSON.stringify({ membershipIdentifier: M, trainedModelInferenceJobArn: 'arn' }), 'utf16le')]));
    const r = await build('get-trained-model-inference-job', ['--cli-input-json', 'fileb://in16.json']);
    expect(r.result!.params).toEqual(new Map([['membershipIdentifier', M], ['trainedModelInferenceJobArn', 'arn']]));
  });
});
