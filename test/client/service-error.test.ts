// Service errors as botocore parses them and as awscli/errorhandler.py prints them in each
// --cli-error-format (exact bytes from err-format-text / err-format-env / err-format-legacy, and from
// the error handler's rules for the rest); the other structured errors (NoRegion, NoCredentials,
// ParamValidation, Configuration) in the same formats.
import { describe, expect, it } from 'vitest';
import { asStructured, ServiceError, StructuredError } from '../../src/client/service-error';
import { parseErrorResponse } from '../../src/client/error-code';
import { renderStructuredError, resolveErrorFormat, writeError } from '../../src/output/errors';
import { ConfigError, NoCredentialsError, NoRegionError, ParamValidationError } from '../../src/errors';
import { memoryIO } from '../support/io';
import { operationsByCliName } from '../../src/model';
import { PyFloat, type PyValue } from '../../src/py/values';

const START = operationsByCliName().get('start-trained-model-inference-job')!;
const GET = operationsByCliName().get('get-trained-model-inference-job')!;
const io = memoryIO({});
const MSG = 'Simulated ServiceQuotaExceededException for testing';

/** The mock's ServiceQuotaExceededException (402) with its modeled fields, as the call parses it. */
function quotaError(): ServiceError {
  const res = {
    status: 402, headers: { 'x-amzn-errortype': 'ServiceQuotaExceededException:http://internal.amazon.com/coral/com.amazonaws.cleanroomsml/' },
    body: JSON.stringify({ message: MSG, quotaName: 'Inference jobs', quotaValue: 5.0 }), attempts: 1, maxAttemptsReached: false,
  };
  return ServiceError.fromResponse(START, res, () => new Map<string, PyValue>([
    ['message', MSG], ['quotaName', 'Inference jobs'], ['quotaValue', new PyFloat(5)]]));
}

const plain = (status: number, body: string, headers: Record<string, string> = {}) =>
  ServiceError.fromResponse(GET, { status, headers, body, attempts: 1, maxAttemptsReached: false });

describe('each --cli-error-format of a service error with modeled fields', () => {
  it('text (err-format-text)', async () => {
    expect(await renderStructuredError(quotaError(), 'text', io))
      .toBe(`ServiceQuotaExceededException\t${MSG}\t${MSG}\tInference jobs\t5.0\n`);
  });

  it('yaml (err-format-env)', async () => {
    expect(await renderStructuredError(quotaError(), 'yaml', io))
      .toBe(`Code: ServiceQuotaExceededException\nMessage: ${MSG}\nmessage: ${MSG}\nquotaName: Inference jobs\nquotaValue: 5.0\n`);
  });

  it('legacy (err-format-legacy): the one line, no details', async () => {
    expect(await renderStructuredError(quotaError(), 'legacy', io)).toBe('\naws: [ERROR]: An error occurred (ServiceQuotaExceededException) ' +
      `when calling the StartTrainedModelInferenceJob operation: ${MSG}\n`);
  });

  it('enhanced (the default): the line, then the fields beyond Code and Message', async () => {
    expect(await renderStructuredError(quotaError(), undefined, io)).toBe('\naws: [ERROR]: An error occurred (ServiceQuotaExceededException) ' +
      `when calling the StartTrainedModelInferenceJob operation: ${MSG}\n\nAdditional error details:\nquotaName: Inference jobs\nquotaValue: 5.0\n`);
  });

  it('json: the error document in botocore\'s order (its JSON parser starts the Error dict as {Message, Code}), then the modeled fields', async () => {
    expect(await renderStructuredError(quotaError(), 'json', io)).toBe(
      `{\n    "Message": "${MSG}",\n    "Code": "ServiceQuotaExceededException",\n    "message": "${MSG}",\n` +
      '    "quotaName": "Inference jobs",\n    "quotaValue": 5.0\n}\n');
  });

  it('table: titled `error`, as the formatter is called with that command name', async () => {
    const out = await renderStructuredError(plain(403, '{"message":"no"}', { 'x-amzn-errortype': 'AccessDeniedException' }), 'table', io);
    // The bytes awscli.formatter.TableFormatter writes for ('error', {Code, Message, message}).
    expect(out).toBe([
      '-------------------------------------------------',
      '|                     error                     |',
      '+------------------------+----------+-----------+',
      '|          Code          | Message  |  message  |',
      '+------------------------+----------+-----------+',
      '|  AccessDeniedException |  no      |  no       |',
      '+------------------------+----------+-----------+',
      '',
    ].join('\n'));
  });

  it('renders the whole error document (the AWS CLI gives the error formatter no --query)', async () => {
    const err = quotaError();
    err.renderContext = { color: 'off' };
    expect(await renderStructuredError(err, 'json', io)).toBe(`{\n    "Message": "${MSG}",\n    "Code": "ServiceQuotaExceededException",\n` +
      `    "message": "${MSG}",\n    "quotaName": "Inference jobs",\n    "quotaValue": 5.0\n}\n`);
  });

  it('takes the format case-insensitively, from the profile when nothing else names one, enhanced when unknown', async () => {
    expect(resolveErrorFormat('JSON', undefined)).toBe('json');
    expect(resolveErrorFormat(undefined, 'Yaml')).toBe('yaml');
    expect(resolveErrorFormat('legacy', 'json')).toBe('legacy');
    expect(resolveErrorFormat('xml', undefined)).toBe('enhanced');
    expect(resolveErrorFormat('', 'json')).toBe('enhanced');
    const err = quotaError();
    err.renderContext = { profileFormat: 'text' };
    expect(await renderStructuredError(err, undefined, io)).toBe(`ServiceQuotaExceededException\t${MSG}\t${MSG}\tInference jobs\t5.0\n`);
    expect(await renderStructuredError(err, 'Legacy', io)).toMatch(/^\naws: \[ERROR\]: An error occurred \(ServiceQuotaExceededException\)/);
  });
});

describe('the error line', () => {
  it('is stripped, as awscli/errorformat.py writes it (an empty message leaves no trailing space)', async () => {
    expect(writeError('  x \n')).toBe('\naws: [ERROR]: x\n');
    expect(writeError('')).toBe('\naws: [ERROR]:\n');
    const empty = plain(400, '');
    expect(empty.code).toBe('400');
    expect(await renderStructuredError(empty, undefined, io))
      .toBe('\naws: [ERROR]: An error occurred (400) when calling the GetTrainedModelInferenceJob operation:\n');
    const nomsg = plain(400, '{}', { 'x-amzn-errortype': 'ValidationException' });
    expect(await renderStructuredError(nomsg, 'legacy', io))
      .toBe('\naws: [ERROR]: An error occurred (ValidationException) when calling the GetTrainedModelInferenceJob operation:\n');
    expect(await renderStructuredError(nomsg, 'json', io)).toBe('{\n    "Message": "",\n    "Code": "ValidationException"\n}\n');
    // A generic 5xx answer is {Code, Message}.
    expect(await renderStructuredError(plain(502, '<html>Bad Gateway</html>'), 'json', io)).toBe('{\n    "Code": "502",\n    "Message": "Bad Gateway"\n}\n');
  });

  it('says "(reached max retries: N)" when the last allowed attempt failed', () => {
    const res = { status: 429, headers: { 'x-amzn-errortype': 'ThrottlingException' }, body: '{"message":"slow"}', attempts: 3, maxAttemptsReached: true };
    expect(ServiceError.fromResponse(GET, res).render()).toBe('\naws: [ERROR]: An error occurred (ThrottlingException) when calling the ' +
      'GetTrainedModelInferenceJob operation (reached max retries: 2): slow\n');
  });

  it('prints a JSON null message as Python does (None), and keeps it null in the document', async () => {
    const err = plain(400, '{"message": null}', { 'x-amzn-errortype': 'ValidationException' });
    expect(err.message).toBe('An error occurred (ValidationException) when calling the GetTrainedModelInferenceJob operation: None');
    expect(await renderStructuredError(err, 'json', io)).toBe('{\n    "Message": null,\n    "Code": "ValidationException"\n}\n');
  });
});

describe("botocore's error parsing", () => {
  it('gives a generic 5xx (empty or HTML body) its status as the code and its reason as the message', () => {
    expect(parseErrorResponse(502, {}, '<html><body>Bad Gateway</body></html>')).toMatchObject({ code: '502', message: 'Bad Gateway' });
    expect(parseErrorResponse(507, {}, '')).toMatchObject({ code: '507', message: 'Insufficient Storage' });
    expect(parseErrorResponse(599, {}, '')).toMatchObject({ code: '599', message: '' });
  });

  it('takes the code from the header, else the body\'s code, else __type, cut at ":" and after "#"', () => {
    expect(parseErrorResponse(400, { 'x-amzn-errortype': 'A:http://x' }, '{"code":"ns#B","__type":"ns#C"}').code).toBe('A');
    expect(parseErrorResponse(400, {}, '{"code":"com.amazonaws.cleanroomsml#B","message":"m"}').code).toBe('B');
    expect(parseErrorResponse(409, {}, '{"__type":"com.amazonaws.cleanroomsml#ConflictException"}').code).toBe('ConflictException');
    expect(parseErrorResponse(400, {}, 'not json').message).toBe('not json');
  });
});

describe('the other errors the handler formats', () => {
  it('NoRegion and NoCredentials: their code and hint in every format, the bare message in legacy', async () => {
    const region = asStructured(new NoRegionError())!;
    expect(region).toBeInstanceOf(StructuredError);
    const hint = 'You must specify a region. You can also configure your region by running "aws configure".';
    expect(await renderStructuredError(region, undefined, io)).toBe(`\naws: [ERROR]: An error occurred (NoRegion): ${hint}\n`);
    expect(await renderStructuredError(region, 'legacy', io)).toBe(`\naws: [ERROR]: ${hint}\n`);
    expect(await renderStructuredError(region, 'json', io))
      .toBe(`{\n    "Code": "NoRegion",\n    "Message": "${hint.replace(/"/g, '\\"')}"\n}\n`);
    expect(region.rc).toBe(253);
    const creds = asStructured(new NoCredentialsError())!;
    expect(await renderStructuredError(creds, 'text', io))
      .toBe('NoCredentials\tUnable to locate credentials. You can configure credentials by running "aws login".\n');
  });

  it('ParamValidation (argument errors with their usage; not the first-pass parser\'s) and Configuration', async () => {
    const p = asStructured(new ParamValidationError('Parameter validation failed:\nInvalid value for parameter maxResults, value: 0, valid min value: 1'))!;
    expect(p.rc).toBe(252);
    expect(await renderStructuredError(p, 'json', io)).toBe('{\n    "Code": "ParamValidation",\n' +
      '    "Message": "Parameter validation failed:\\nInvalid value for parameter maxResults, value: 0, valid min value: 1"\n}\n');
    expect(await renderStructuredError(p, 'legacy', io))
      .toBe('\naws: [ERROR]: Parameter validation failed:\nInvalid value for parameter maxResults, value: 0, valid min value: 1\n');
    const a = asStructured(new ParamValidationError("argument --color: Found invalid choice 'x'\n", true))!;
    expect(await renderStructuredError(a, 'json', io)).toBe('{\n    "Code": "ParamValidation",\n' +
      '    "Message": "argument --color: Found invalid choice \'x\'\\n\\n\\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]' +
      '\\nTo see help text, you can run:\\n\\n  aws help\\n  aws <command> help\\n  aws <command> <subcommand> help\\n"\n}\n');
    expect(asStructured(new ParamValidationError('argument --profile: expected one argument', 'usage: aws [--profile PROFILE] [--debug]\n'))).toBeUndefined();
    const c = asStructured(new ConfigError('Configuration', 'Unknown cli_timestamp_format value: none, valid values are "wire" or "iso8601"'))!;
    expect(await renderStructuredError(c, undefined, io)).toBe('\naws: [ERROR]: An error occurred (Configuration): ' +
      'Unknown cli_timestamp_format value: none, valid values are "wire" or "iso8601"\n');
    expect(c.rc).toBe(253);
  });
});
