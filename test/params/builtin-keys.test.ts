// Keys named like the built-in properties of every JavaScript object are keys like any other: in
// shorthand, JSON and YAML input, --cli-input-json/yaml, validation, the request body, model lookups,
// responses and every output format, --query, the environment and the config files. (The AWS CLI,
// in Python, has no such names; the conformance cases rel-protokey-* pin a few.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runCli } from '../../src/cli';
import { memoryIO } from '../support/io';
import { getShape, memberRef, MODEL, operationsByCliName, own, paginatorFor } from '../../src/model';
import { fromJS, toJS, type PyDict, type PyValue } from '../../src/py/values';
import { pyRepr } from '../../src/py/repr';
import { parseShorthand } from '../../src/shorthand/parser';
import { loadYamlInput } from '../../src/params/yaml-input';
import { validateParams } from '../../src/client/validate';
import { expandVars } from '../../src/py/os-path';
import { serializeRequest } from '../../src/client/serialize';
import { parseErrorResponse } from '../../src/client/error-code';
import { formatJson } from '../../src/output/json';
import { jsonLoads } from '../../src/py/json-loads';
import { shapeResponse } from '../../src/client/response';
import { formatText } from '../../src/output/text';
import { formatTable } from '../../src/output/table';
import { dumpYaml } from '../../src/output/yaml';
import { compileQuery, searchQuery } from '../../src/output/jmespath';

const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__lookupSetter__',
  'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
const M = '11111111-2222-3333-4444-555555555555';
const START = ['cleanroomsml', 'start-trained-model-inference-job', '--membership-identifier', M, '--name', 'job1',
  '--trained-model-arn', `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/trained-model/tm-1`,
  '--output-configuration', 'members=[{accountId=123456789012}]',
  '--data-source', `mlInputChannelArn=arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${M}/ml-input-channel/ch-1`];
const op = (cliName: string) => operationsByCliName().get(cliName)!;

const home = mkdtempSync(join(tmpdir(), 'aws-builtin-keys-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = memoryIO({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_DEFAULT_REGION: 'us-east-1',
    HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), ...env }, home);
  const rc = await runCli(args, io);
  return { rc, stdout: io.out(), stderr: io.err() };
}

describe.each(NAMES)('a key named %s', (name) => {
  const unknown = `\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n` +
    `Unknown parameter in resourceConfig: "${name}", must be one of: instanceType, instanceCount\n`;

  it('is an unknown member in shorthand, JSON and --cli-input-json/yaml', async () => {
    const skeleton = ['--generate-cli-skeleton', 'output'];
    expect(await cli([...START, '--resource-config', `instanceType=ml.m5.xlarge,${name}=1`, ...skeleton]))
      .toEqual({ rc: 252, stdout: '', stderr: unknown });
    expect(await cli([...START, '--resource-config', JSON.stringify({ instanceType: 'ml.m5.xlarge', [name]: 1 }), ...skeleton]))
      .toEqual({ rc: 252, stdout: '', stderr: unknown });
    const doc = `{"resourceConfig": {"instanceType": "ml.m5.xlarge", "${name}": 1}}`;
    expect(await cli([...START, '--cli-input-json', doc, ...skeleton])).toEqual({ rc: 252, stdout: '', stderr: unknown });
    expect(await cli([...START, '--cli-input-yaml', `resourceConfig:\n  instanceType: ml.m5.xlarge\n  ${name}: 1\n`, ...skeleton]))
      .toEqual({ rc: 252, stdout: '', stderr: unknown });
    const top = await cli([...START, '--resource-config', 'instanceType=ml.m5.xlarge', '--cli-input-json', `{"${name}": 1}`, ...skeleton]);
    expect(top.rc).toBe(252);
    expect(top.stderr).toContain(`Unknown parameter in input: "${name}", must be one of: membershipIdentifier,`);
  });

  it('is parsed as an ordinary key by the shorthand, JSON and YAML parsers', () => {
    expect([...parseShorthand(`${name}=1,a={${name}=[x]}`)]).toEqual([[name, '1'], ['a', new Map([[name, ['x']]])]]);
    const json = jsonLoads(`{"${name}": {"${name}": 1}}`, { orderedDict: true }) as PyDict;
    expect([...json.keys()]).toEqual([name]);
    expect(pyRepr(json)).toBe(`OrderedDict([('${name}', OrderedDict([('${name}', 1)]))])`);
    expect(pyRepr(loadYamlInput(`${name}: {${name}: 1}\n`))).toBe(`{'${name}': {'${name}': 1}}`);
  });

  it('is found nowhere in the model, and a map (tags) sends it like any other key', () => {
    const start = op('start-trained-model-inference-job');
    const input = getShape(start.input!.shape);
    expect(memberRef(input, name)).toBeUndefined();
    expect(own(MODEL.operations, name)).toBeUndefined();
    expect(paginatorFor({ ...start, name })).toBeUndefined();
    expect(() => getShape(name)).toThrow(`unknown shape ${name}`);
    const params: PyDict = new Map<string, PyValue>([['membershipIdentifier', M], ['name', 'j'], ['tags', new Map([[name, 'v'], ['a', 'b']])]]);
    expect(validateParams(params, input)).toEqual([
      'Missing required parameter in input: "trainedModelArn"', 'Missing required parameter in input: "resourceConfig"',
      'Missing required parameter in input: "outputConfiguration"', 'Missing required parameter in input: "dataSource"']);
    const body = serializeRequest(start, params).body;
    expect(body).toBe(`{"name": "j", "tags": {"${name}": "v", "a": "b"}}`);
    expect(Object.keys(JSON.parse(body).tags as object)).toEqual([name, 'a']);
  });

  it('comes back from a response through every output format and --query', () => {
    const body = jsonLoads(`{"name": "j", "tags": {"${name}": "v"}, "resourceConfig": {"${name}": 1, "instanceCount": 2}}`);
    const shaped = shapeResponse(body, getShape(op('get-trained-model-inference-job').output!.shape), { timestampFormat: 'iso8601' }) as PyDict;
    expect(pyRepr(shaped)).toBe(`{'name': 'j', 'resourceConfig': {'instanceCount': 2}, 'tags': {'${name}': 'v'}}`);
    expect(formatJson(shaped)).toContain(`"${name}": "v"`);
    expect(formatText(shaped)).toContain(`TAGS\tv\n`);
    expect(formatTable(shaped, 'GetJob', { color: false, width: 80 })).toContain(name);
    expect(dumpYaml(shaped)).toContain(`  ${name}: v\n`);
    expect(searchQuery(compileQuery(`tags.${name}`), shaped)).toBe('v');
    expect(searchQuery(compileQuery(`resourceConfig.${name}`), shaped)).toBeNull();
    expect(searchQuery(compileQuery(`{${name}: name}`), shaped)).toEqual(new Map([[name, 'j']]));
    expect(() => compileQuery(`${name}(@)`)).not.toThrow();
    const plain = toJS(shaped) as { tags: Record<string, unknown> };
    expect(Object.keys(plain.tags)).toEqual([name]);
    expect(Object.getPrototypeOf(plain.tags)).toBe(Object.prototype);
    expect(fromJS(plain)).toEqual(shaped);
  });

  it('is an absent error field, environment variable, codec and profile', async () => {
    expect(parseErrorResponse(400, {}, `{"${name}": "x"}`)).toMatchObject({ code: '400', message: '' });
    expect(expandVars(`file/$${name}/\${${name}}`, process.env)).toBe(`file/$${name}/\${${name}}`);
    expect(expandVars(`$${name}`, { [name]: 'set' } as Record<string, string>)).toBe('set');
    expect(own({}, name)).toBeUndefined();
    const file = `d-${name}.txt`;
    const codec = await cli([...START, '--resource-config', 'instanceType=x', '--description', `file://${file}`],
      { AWS_CLI_FILE_ENCODING: name });
    // The file is opened before the codec is looked up.
    expect(codec.stderr).toContain(`Unable to load paramfile file://${file}: [Errno 2] No such file or directory: '${file}'`);
    writeFileSync(join(home, file), 'text');
    expect((await cli([...START, '--resource-config', 'instanceType=x', '--description', `file://${file}`], { AWS_CLI_FILE_ENCODING: name })))
      .toEqual({ rc: 255, stdout: '', stderr: `\naws: [ERROR]: unknown encoding: ${name}\n` });
    const profile = await cli(['cleanroomsml', 'list-tags-for-resource', '--resource-arn', 'x', '--profile', name]);
    expect(profile).toEqual({ rc: 255, stdout: '', stderr: `\naws: [ERROR]: The config profile (${name}) could not be found\n` });
  });
});
