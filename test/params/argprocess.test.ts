import { describe, expect, it } from 'vitest';
import { MODEL, xformName } from '../../src/model';
import { isOrderedDict, pyRepr } from '../../src/py/repr';
import type { ServiceModel, ShapeRef } from '../../src/model/types';
import { PyBytes, PyFloat } from '../../src/py/values';
import { ParamSyntaxError, unpackCliArg } from '../../src/params/argprocess';

// A small model with the shapes cleanroomsml lacks (booleans, doubles and longs inside structures,
// lists of integers and of lists, a "Value" structure, document types, a jsonvalue header).
const SYNTH = {
  metadata: { apiVersion: '2020-01-01', endpointPrefix: 't', protocol: 'rest-json', serviceFullName: 'T', serviceId: 'T' },
  operations: { Op: { name: 'Op', http: { method: 'POST', requestUri: '/' }, input: { shape: 'Input' } } },
  paginators: {},
  shapes: {
    Input: { type: 'structure', members: {
      flags: { shape: 'Flags' }, intList: { shape: 'IntList' }, listOfLists: { shape: 'ListOfLists' },
      valueStruct: { shape: 'ValueStruct' }, docHolder: { shape: 'DocHolder' }, doc: { shape: 'Doc' },
      docList: { shape: 'DocList' }, hdr: { shape: 'Str', location: 'header', locationName: 'X-H', jsonvalue: true },
      ratio: { shape: 'Dbl' }, big: { shape: 'Lng' }, on: { shape: 'Bool' }, when: { shape: 'Ts' },
      structList: { shape: 'StructList' }, mapOfStructs: { shape: 'MapOfStructs' },
    } },
    Flags: { type: 'structure', members: {
      on: { shape: 'Bool' }, ratio: { shape: 'Dbl' }, big: { shape: 'Lng' }, nums: { shape: 'IntList' },
      tags: { shape: 'StrMap' }, counts: { shape: 'IntMap' }, inner: { shape: 'Flags2' },
    } },
    Flags2: { type: 'structure', members: { n: { shape: 'Int' }, b: { shape: 'Bool' }, doc: { shape: 'Doc' } } },
    IntList: { type: 'list', member: { shape: 'Int' } },
    StrList: { type: 'list', member: { shape: 'Str' } },
    ListOfLists: { type: 'list', member: { shape: 'IntList' } },
    StructList: { type: 'list', member: { shape: 'Flags2' } },
    MapOfStructs: { type: 'map', key: { shape: 'Str' }, value: { shape: 'Flags2' } },
    StrMap: { type: 'map', key: { shape: 'Str' }, value: { shape: 'Str' } },
    IntMap: { type: 'map', key: { shape: 'Str' }, value: { shape: 'Int' } },
    ValueStruct: { type: 'structure', members: { Value: { shape: 'Str' } } },
    DocHolder: { type: 'structure', members: { doc: { shape: 'Doc' }, name: { shape: 'Str' } } },
    Doc: { type: 'structure', members: {}, document: true },
    DocList: { type: 'list', member: { shape: 'Doc' } },
    Str: { type: 'string' }, Int: { type: 'integer' }, Lng: { type: 'long' }, Dbl: { type: 'double' },
    Bool: { type: 'boolean' }, Ts: { type: 'timestamp' },
  },
} as unknown as ServiceModel;

const FILES: Record<string, string> = { 'file:///tmp/fuzz/it.txt': 'ml.m5.large', 'file:///tmp/fuzz/n.txt': '3\n' };
const readFile = (uri: string) => (uri.startsWith('fileb://')
  ? new PyBytes(new TextEncoder().encode(FILES[`file://${uri.slice(8)}`]))
  : FILES[uri]);

function refOf(model: ServiceModel, op: string, member: string): ShapeRef {
  return model.shapes[model.operations[op].input!.shape].members![member];
}

type Row = [string, string, string | string[], string, string];

/** Runs one case: `ok` + Python repr of the result, ParamError + message, or the raw Python exception. */
function run(model: ServiceModel, [op, member, value]: Row): [string, string] {
  try {
    const v = unpackCliArg(`--${xformName(member, '-')}`, refOf(model, op, member), value, { readFile, model });
    return ['ok', pyRepr(v)];
  } catch (e) {
    if (!(e instanceof ParamSyntaxError)) throw e;
    return e.pythonError ? [e.pythonError, e.detail] : ['ParamError', e.message];
  }
}

describe('unpackCliArg against awscli argprocess (cleanroomsml shapes)', () => {
  // [operation, member, value, outcome, text]: what ParamShorthandParser + unpack_cli_arg give for
  // the value (outcome ok: Python repr of the result; ParamError: str(e); otherwise the raw Python
  // exception the AWS CLI lets escape and its text). Shorthand syntax errors in the v2 format.
  const rows: Row[] = [
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=ml.m5.xlarge,instanceCount=2", "ok", "{'instanceType': 'ml.m5.xlarge', 'instanceCount': 2}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType={a=b}", "ok", "{'instanceType': {'a': 'b'}}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instance Type=ml.m5.xlarge", "ParamError", "Error parsing parameter '--resource-config': Expected: '=', received: 'T' for input:\n instance Type=ml.m5.xlarge\n         ^"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "{\"instanceType\":\"ml.m5.xlarge\",\"instanceCount\":2}", "ok", "OrderedDict([('instanceType', 'ml.m5.xlarge'), ('instanceCount', 2)])"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "  \n {\"instanceType\":\"ml.m5.xlarge\"}", "ok", "OrderedDict([('instanceType', 'ml.m5.xlarge')])"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "{\"instanceType\":\"x\"", "ParamError", "Error parsing parameter '--resource-config': Invalid JSON: Expecting ',' delimiter: line 1 column 20 (char 19)\nJSON received: {\"instanceType\":\"x\""],
  ["StartTrainedModelInferenceJob", "resourceConfig", "﻿{\"instanceType\":\"ml.m5.xlarge\",\"instanceCount\":3}", "ParamError", "Error parsing parameter '--resource-config': Expected: '=', received: '﻿' for input:\n ﻿{\"instanceType\":\"ml.m5.xlarge\",\"instanceCount\":3}\n^"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "[1]", "ParamError", "Error parsing parameter '--resource-config': Invalid JSON:\n[1]"],
  ["StartTrainedModelInferenceJob", "resourceConfig", " [1]", "ParamError", "Error parsing parameter '--resource-config': Invalid JSON:\n [1]"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=x,instanceCount=abc", "ValueError", "invalid literal for int() with base 10: 'abc'"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=x,instanceCount= 1_0 ", "ok", "{'instanceType': 'x', 'instanceCount': 10}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceCount=[1,2]", "TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'list'"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceCount={a=1}", "TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'dict'"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "", "ParamError", "Error parsing parameter '--resource-config': Expected: '=', received: 'EOF' for input:\n \n^"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "   ", "ParamError", "Error parsing parameter '--resource-config': Expected: '=', received: 'EOF' for input:\n    \n   ^"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=x,instanceType=y", "ParamError", "Error parsing parameter '--resource-config': Second instance of key \"instanceType\" encountered for input:\ninstanceType=x,instanceType=y\n               ^\nThis is often because there is a preceding \",\" instead of a space."],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceCount=99999999999999999999", "ok", "{'instanceCount': 99999999999999999999}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceCount=-0", "ok", "{'instanceCount': 0}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=a,b", "ok", "{'instanceType': ['a', 'b']}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=a,\ninstanceCount=5,", "ParamError", "Error parsing parameter '--resource-config': Expected: '<second>', received: '<none>' for input:\n instanceType=a,\ninstanceCount=5,\n                ^"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType='a,b',instanceCount=\"7\"", "ok", "{'instanceType': 'a,b', 'instanceCount': 7}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=x,instanceCount=1,2", "TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'list'"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "{\"instanceType\": {\"a\": \"b\"}, \"instanceCount\": \"2\"}", "ok", "OrderedDict([('instanceType', OrderedDict([('a', 'b')])), ('instanceCount', '2')])"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "{\"instanceType\": \"x\", \"instanceType\": \"y\", \"z\": [1.0, 2, null, true]}", "ok", "OrderedDict([('instanceType', 'y'), ('z', [1.0, 2, None, True])])"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "{\"a\":1,}", "ParamError", "Error parsing parameter '--resource-config': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 8 (char 7)\nJSON received: {\"a\":1,}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "{\"a\":1} x", "ParamError", "Error parsing parameter '--resource-config': Invalid JSON: Extra data: line 1 column 9 (char 8)\nJSON received: {\"a\":1} x"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{accountId=123456789012}]", "ok", "{'members': [{'accountId': '123456789012'}]}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members={accountId=123456789012}", "ok", "{'members': [{'accountId': '123456789012'}]}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=123456789012", "ok", "{'members': ['123456789012']}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{accountId=1},{accountId=2}],accept=text/csv", "ok", "{'members': [{'accountId': '1'}, {'accountId': '2'}], 'accept': 'text/csv'}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[]", "ok", "{'members': []}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[\n { accountId = 123456789012 , } ,\n]", "ok", "{'members': [{'accountId': '123456789012'}]}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{=123456789012}]", "ok", "{'members': [{'': '123456789012'}]}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{accountId=\"123456789012\"},{accountId='210987654321'}]", "ok", "{'members': [{'accountId': '123456789012'}, {'accountId': '210987654321'}]}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{accountId=1}", "ParamError", "Error parsing parameter '--output-configuration': Expected: ',', received: 'EOF' for input:\n members=[{accountId=1}\n                      ^"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{accountId=1},accept=x", "ParamError", "Error parsing parameter '--output-configuration': Expected: ',', received: 'EOF' for input:\n members=[{accountId=1},accept=x\n                               ^"],
  ["StartTrainedModelInferenceJob", "environment", "LOG_LEVEL=debug,BATCH=128", "ok", "{'LOG_LEVEL': 'debug', 'BATCH': '128'}"],
  ["StartTrainedModelInferenceJob", "environment", "A=b,c,d", "ok", "{'A': ['b', 'c', 'd']}"],
  ["StartTrainedModelInferenceJob", "environment", "A = b ,, C = d", "ok", "{'A': 'b', 'C': 'd'}"],
  ["StartTrainedModelInferenceJob", "environment", "A=b\nC=d,\nE=f", "ok", "{'A': 'b\\nC=d', 'E': 'f'}"],
  ["StartTrainedModelInferenceJob", "environment", "=b", "ok", "{'': 'b'}"],
  ["StartTrainedModelInferenceJob", "environment", "{\"A\":\"x\"", "ParamError", "Error parsing parameter '--environment': Invalid JSON: Expecting ',' delimiter: line 1 column 9 (char 8)\nJSON received: {\"A\":\"x\""],
  ["StartTrainedModelInferenceJob", "environment", "{\"A\":\"\\u00fc\\n\",\"B\":\"x\"} ", "ok", "OrderedDict([('A', 'ü\\n'), ('B', 'x')])"],
  ["StartTrainedModelInferenceJob", "environment", "{\"1BAD\":\"x\",\"has space\":\"y\"}", "ok", "OrderedDict([('1BAD', 'x'), ('has space', 'y')])"],
  ["StartTrainedModelInferenceJob", "environment", "A=1,A=2", "ParamError", "Error parsing parameter '--environment': Second instance of key \"A\" encountered for input:\nA=1,A=2\n    ^\nThis is often because there is a preceding \",\" instead of a space."],
  ["StartTrainedModelInferenceJob", "environment", "A=b,\nA=c", "ParamError", "Error parsing parameter '--environment': Second instance of key \"A\" encountered for input:\nA=b,\n    ^\nA=c\nThis is often because there is a preceding \",\" instead of a space."],
  ["StartTrainedModelInferenceJob", "environment", "[]", "ParamError", "Error parsing parameter '--environment': Invalid JSON:\n[]"],
  ["StartTrainedModelInferenceJob", "environment", "A=😀", "ParamError", "Error parsing parameter '--environment': Expected: ',', received: '😀' for input:\n A=😀\n  ^"],
  ["StartTrainedModelInferenceJob", "environment", "A=\"😀\\\"x\",B=''", "ok", "{'A': '😀\"x', 'B': ''}"],
  ["StartTrainedModelInferenceJob", "environment", "A=b\\,c,D=e", "ok", "{'A': 'b,c', 'D': 'e'}"],
  ["StartTrainedModelInferenceJob", "environment", "A=b,", "ParamError", "Error parsing parameter '--environment': Expected: '<second>', received: '<none>' for input:\n A=b,\n    ^"],
  ["StartTrainedModelInferenceJob", "environment", "A=\"b", "ParamError", "Error parsing parameter '--environment': Expected: '<double quoted>', received: '<none>' for input:\n A=\"b\n  ^"],
  ["StartTrainedModelInferenceJob", "environment", "A==b", "ParamError", "Error parsing parameter '--environment': Expected: ',', received: '=' for input:\n A==b\n  ^"],
  ["StartTrainedModelInferenceJob", "environment", "foo==bar,\nbar=baz", "ParamError", "Error parsing parameter '--environment': Expected: ',', received: '=' for input:\n foo==bar,\n    ^\nbar=baz"],
  ["StartTrainedModelInferenceJob", "environment", "A=b\nB", "ok", "{'A': 'b\\nB'}"],
  ["StartTrainedModelInferenceJob", "dataSource", "mlInputChannelArn=file://arn.txt", "ok", "{'mlInputChannelArn': 'file://arn.txt'}"],
  ["CreateTrainedModel", "dataChannels", ["mlInputChannelArn=arn1,channelName=c1","mlInputChannelArn=arn2,channelName=c2"], "ok", "[{'mlInputChannelArn': 'arn1', 'channelName': 'c1'}, {'mlInputChannelArn': 'arn2', 'channelName': 'c2'}]"],
  ["CreateTrainedModel", "dataChannels", ["[{\"mlInputChannelArn\":\"a\",\"channelName\":\"b\"}]"], "ok", "[OrderedDict([('mlInputChannelArn', 'a'), ('channelName', 'b')])]"],
  ["CreateTrainedModel", "dataChannels", ["{\"mlInputChannelArn\":\"a\",\"channelName\":\"b\"}", "{\"mlInputChannelArn\":\"c\",\"channelName\":\"d\"}"], "ok", "[OrderedDict([('mlInputChannelArn', 'a'), ('channelName', 'b')]), OrderedDict([('mlInputChannelArn', 'c'), ('channelName', 'd')])]"],
  ["CreateTrainedModel", "dataChannels", ["{\"mlInputChannelArn\":\"a\"}","x=y"], "ParamError", "Error parsing parameter '--data-channels': Invalid JSON:\nx=y"],
  ["CreateTrainedModel", "dataChannels", ["{}",""], "IndexError", "string index out of range"],
  ["CreateTrainedModel", "dataChannels", [], "ok", "[]"],
  ["CreateTrainedModel", "dataChannels", ["mlInputChannelArn=a","{\"x\":1}"], "ParamError", "Error parsing parameter '--data-channels': Expected: '=', received: '{' for input:\n {\"x\":1}\n^"],
  ["CreateTrainedModel", "dataChannels", ["[1,"], "ParamError", "Error parsing parameter '--data-channels': Invalid JSON: Expecting value: line 1 column 4 (char 3)\nJSON received: [1,"],
  ["CreateTrainedModel", "dataChannels", ["channelName"], "ParamError", "Error parsing parameter '--data-channels': Expected: '=', received: 'EOF' for input:\n channelName\n           ^"],
  ["CreateTrainedModel", "resourceConfig", "instanceType=ml.m5.xlarge,volumeSizeInGB=10,instanceCount=0x1", "ValueError", "invalid literal for int() with base 10: '0x1'"],
  ["CreateTrainedModel", "stoppingCondition", "maxRuntimeInSeconds=3600", "ok", "{'maxRuntimeInSeconds': 3600}"],
  ["CreateTrainedModel", "hyperparameters", "lr=0.1,epochs=10", "ok", "{'lr': '0.1', 'epochs': '10'}"],
  ["UntagResource", "tagKeys", ["a","b"], "ok", "['a', 'b']"],
  ["UntagResource", "tagKeys", ["[\"a\",\"b\"]"], "ok", "['a', 'b']"],
  ["UntagResource", "tagKeys", ["a,b"], "ok", "['a,b']"],
  ["UntagResource", "tagKeys", ["[1,"], "ParamError", "Error parsing parameter '--tag-keys': Invalid JSON: Expecting value: line 1 column 4 (char 3)\nJSON received: [1,"],
  ["UntagResource", "tagKeys", [" [ \"x\" ] "], "ok", "['x']"],
  ["UntagResource", "tagKeys", ["{\"a\":1}"], "ok", "['{\"a\":1}']"],
  ["UntagResource", "tagKeys", [], "ok", "[]"],
  ["UntagResource", "resourceArn", "arn:x", "ok", "'arn:x'"],
  ["ListTrainedModelInferenceJobs", "maxResults", "1_0", "ok", "10"],
  ["ListTrainedModelInferenceJobs", "maxResults", "99999999999999999999", "ok", "99999999999999999999"],
  ["ListTrainedModelInferenceJobs", "maxResults", "x", "ValueError", "invalid literal for int() with base 10: 'x'"],
  ["ListTrainedModelInferenceJobs", "maxResults", " 7 ", "ok", "7"],
  ["ListTrainedModelInferenceJobs", "maxResults", "-3", "ok", "-3"],
  ["ListTrainedModelInferenceJobs", "maxResults", "１２", "ok", "12"],
  ["ListTrainedModelInferenceJobs", "maxResults", "1.5", "ValueError", "invalid literal for int() with base 10: '1.5'"],
  ["StartAudienceGenerationJob", "includeSeedInOutput", "false", "ok", "False"],
  ["StartAudienceGenerationJob", "includeSeedInOutput", "FALSE", "ok", "False"],
  ["StartAudienceGenerationJob", "includeSeedInOutput", "true", "ok", "True"],
  ["StartAudienceGenerationJob", "includeSeedInOutput", "no", "ok", "True"],
  ["StartAudienceGenerationJob", "includeSeedInOutput", "", "ok", "False"],
  ["StartAudienceGenerationJob", "seedAudience", "roleArn=r,dataSource={s3Uri=s3://b/k},sqlComputeConfiguration={worker={type=CR.1X,number=4}}", "ok", "{'roleArn': 'r', 'dataSource': {'s3Uri': 's3://b/k'}, 'sqlComputeConfiguration': {'worker': {'type': 'CR.1X', 'number': 4}}}"],
  ["StartAudienceGenerationJob", "seedAudience", "roleArn=r,sqlComputeConfiguration={worker={number=four}}", "ValueError", "invalid literal for int() with base 10: 'four'"],
  ["CreateConfiguredModelAlgorithmAssociation", "privacyConfiguration", "policies={trainedModels={containerLogs=[{allowedAccountIds=[a,b]}],maxArtifactSize={unit=GB,value=1.5}},trainedModelExports={maxSize={unit=GB,value=2},filesToExport=MODEL}}", "ok", "{'policies': {'trainedModels': {'containerLogs': [{'allowedAccountIds': ['a', 'b']}], 'maxArtifactSize': {'unit': 'GB', 'value': 1.5}}, 'trainedModelExports': {'maxSize': {'unit': 'GB', 'value': 2.0}, 'filesToExport': ['MODEL']}}}"],
  ["CreateConfiguredModelAlgorithmAssociation", "privacyConfiguration", "policies={trainedModels={maxArtifactSize={value=1e400}},trainedModelExports={maxSize={value=-inf}}}", "ok", "{'policies': {'trainedModels': {'maxArtifactSize': {'value': inf}}, 'trainedModelExports': {'maxSize': {'value': -inf}}}}"],
  ["CreateConfiguredModelAlgorithmAssociation", "privacyConfiguration", "policies={trainedModels={maxArtifactSize={value=x}}}", "ValueError", "could not convert string to float: 'x'"],
  ["CreateMLInputChannel", "configuredModelAlgorithmAssociations", ["a b"], "ok", "['a b']"],
  ["CreateMLInputChannel", "retentionInDays", "30", "ok", "30"],
  ["CreateMLInputChannel", "inputChannel", "roleArn=r,dataSource={protectedQueryInputParameters={sqlParameters={queryString=SELECT 1,parameters={a=b}},computeConfiguration={worker={type=CR.4X,number=16}}}}", "ok", "{'roleArn': 'r', 'dataSource': {'protectedQueryInputParameters': {'sqlParameters': {'queryString': 'SELECT 1', 'parameters': {'a': 'b'}}, 'computeConfiguration': {'worker': {'type': 'CR.4X', 'number': 16}}}}}"],
  ["CreateConfiguredModelAlgorithm", "trainingContainerConfig", "imageUri=x,entrypoint=a,arguments=[b,c],metricDefinitions=[{name=m,regex=r.*}]", "ok", "{'imageUri': 'x', 'entrypoint': ['a'], 'arguments': ['b', 'c'], 'metricDefinitions': [{'name': 'm', 'regex': 'r.*'}]}"],
  ["CreateConfiguredModelAlgorithm", "trainingContainerConfig", "imageUri=x,metricDefinitions={name=m,regex=r}", "ok", "{'imageUri': 'x', 'metricDefinitions': [{'name': 'm', 'regex': 'r'}]}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType@=file:///tmp/fuzz/it.txt,instanceCount@=file:///tmp/fuzz/n.txt", "ok", "{'instanceType': 'ml.m5.large', 'instanceCount': 3}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType@=fileb:///tmp/fuzz/it.txt", "ok", "{'instanceType': b'ml.m5.large'}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType @ = plain", "ok", "{'instanceType': 'plain'}"],
  ["StartTrainedModelInferenceJob", "resourceConfig", "instanceType=file:///tmp/fuzz/it.txt", "ok", "{'instanceType': 'file:///tmp/fuzz/it.txt'}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members@=[{accountId=file:///tmp/fuzz/it.txt}, file:///tmp/fuzz/n.txt]", "ok", "{'members': [{'accountId': 'file:///tmp/fuzz/it.txt'}, 'file:///tmp/fuzz/n.txt']}"],
  ["StartTrainedModelInferenceJob", "outputConfiguration", "members=[{accountId@=x}, file:///tmp/fuzz/it.txt]", "ok", "{'members': [{'accountId': 'x'}, 'ml.m5.large']}"],
  ["StartTrainedModelInferenceJob", "environment", "A@=\"file:///tmp/fuzz/it.txt\",B@=x,file:///tmp/fuzz/n.txt", "ok", "{'A': 'ml.m5.large', 'B': ['x', '3\\n']}"],
  ];
  it.each(rows)('%s %s %j', (...row) => {
    expect(run(MODEL, row)).toEqual([row[3], row[4]]);
  });
});

describe('unpackCliArg against awscli argprocess (other shape kinds)', () => {
  const rows: Row[] = [
  ["Op", "flags", "on=TRUE,ratio=1.5,big=12,nums=1,tags={a=1},counts={x=2,y= 3}", "ok", "{'on': True, 'ratio': 1.5, 'big': 12, 'nums': ['1'], 'tags': {'a': '1'}, 'counts': {'x': 2, 'y': 3}}"],
  ["Op", "flags", "on=yes,ratio=inf,big=-1_000", "ok", "{'on': 'yes', 'ratio': inf, 'big': -1000}"],
  ["Op", "flags", "on=[true]", "AttributeError", "'list' object has no attribute 'lower'"],
  ["Op", "flags", "on={a=b}", "AttributeError", "'dict' object has no attribute 'lower'"],
  ["Op", "flags", "ratio=[1]", "TypeError", "float() argument must be a string or a real number, not 'list'"],
  ["Op", "flags", "ratio=abc", "ValueError", "could not convert string to float: 'abc'"],
  ["Op", "flags", "nums=[1,2,x]", "ValueError", "invalid literal for int() with base 10: 'x'"],
  ["Op", "flags", "nums=[1, 2]", "ok", "{'nums': [1, 2]}"],
  ["Op", "flags", "inner={n=1,b=False}", "ok", "{'inner': {'n': 1, 'b': False}}"],
  ["Op", "flags", "inner={doc={a=b}}", "ParamError", "Error parsing parameter '--flags': Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: doc"],
  ["Op", "flags", "inner={doc=x}", "ParamError", "Error parsing parameter '--flags': Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: doc"],
  ["Op", "valueStruct", "shutdown", "ok", "{'Value': 'shutdown'}"],
  ["Op", "valueStruct", "Value=x=y", "ok", "{'Value': 'x=y'}"],
  ["Op", "valueStruct", "a=b", "ok", "{'a': 'b'}"],
  ["Op", "docHolder", "doc={a=b}", "ParamError", "Error parsing parameter '--doc-holder': Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: doc"],
  ["Op", "docHolder", "name=x", "ok", "{'name': 'x'}"],
  ["Op", "docHolder", "{\"doc\": {\"a\": [1, 2.5]}}", "ok", "OrderedDict([('doc', OrderedDict([('a', [1, 2.5])]))])"],
  ["Op", "doc", "{\"a\": 1}", "ok", "OrderedDict([('a', 1)])"],
  ["Op", "doc", "a=b", "ParamError", "Error parsing parameter '--doc': Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: a=b"],
  ["Op", "doc", "[1, 2]", "ok", "[1, 2]"],
  ["Op", "docList", ["[{\"a\": 1}]"], "ok", "[OrderedDict([('a', 1)])]"],
  ["Op", "docList", ["{\"a\": 1}", "{\"b\": 2}"], "ok", "[OrderedDict([('a', 1)]), OrderedDict([('b', 2)])]"],
  ["Op", "docList", ["x"], "ParamError", "Error parsing parameter '--doc-list': Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: x"],
  ["Op", "hdr", "{\"a\": 1}", "ok", "OrderedDict([('a', 1)])"],
  ["Op", "hdr", "nope", "ParamError", "Error parsing parameter '--hdr': Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: nope"],
  ["Op", "ratio", "2.50", "ok", "2.5"],
  ["Op", "ratio", "1e-7", "ok", "1e-07"],
  ["Op", "ratio", "nan", "ok", "nan"],
  ["Op", "ratio", "x", "ValueError", "could not convert string to float: 'x'"],
  ["Op", "big", "12345678901234567890123", "ok", "12345678901234567890123"],
  ["Op", "big", "1__2", "ValueError", "invalid literal for int() with base 10: '1__2'"],
  ["Op", "intList", ["1","2"], "ok", "[1, 2]"],
  ["Op", "intList", ["1","x"], "ParamError", "Error parsing parameter '--int-list': 1"],
  ["Op", "intList", ["x","1"], "ParamError", "Error parsing parameter '--int-list': x"],
  ["Op", "intList", ["[1, 2]"], "ok", "[1, 2]"],
  ["Op", "listOfLists", ["[1,2]","[3]"], "ok", "[[1, 2], [3]]"],
  ["Op", "listOfLists", ["[[1, 2], [3]]"], "ok", "[[1, 2], [3]]"],
  ["Op", "listOfLists", ["a=b"], "ok", "[[{'a': 'b'}]]"],
  ["Op", "structList", ["n=1,b=true","n=2"], "ok", "[{'n': 1, 'b': True}, {'n': 2}]"],
  ["Op", "structList", ["n=x"], "ValueError", "invalid literal for int() with base 10: 'x'"],
  ["Op", "mapOfStructs", "a={n=1,b=FALSE},b={n=2}", "ok", "{'a': {'n': 1, 'b': False}, 'b': {'n': 2}}"],
  ["Op", "mapOfStructs", "a=x", "ok", "{'a': 'x'}"],
  ["Op", "when", "2020-01-01T00:00:00Z", "ok", "'2020-01-01T00:00:00Z'"],
  ["Op", "on", "false", "ok", "False"],
  ];
  it.each(rows)('%s %s %j', (...row) => {
    expect(run(SYNTH, row)).toEqual([row[3], row[4]]);
  });
});

describe('unpackCliArg conformance cases', () => {
  const rc = refOf(MODEL, 'StartTrainedModelInferenceJob', 'resourceConfig');
  const env = refOf(MODEL, 'StartTrainedModelInferenceJob', 'environment');
  const oc = refOf(MODEL, 'StartTrainedModelInferenceJob', 'outputConfiguration');
  const ds = refOf(MODEL, 'StartTrainedModelInferenceJob', 'dataSource');

  it('sh-rc-int-coerce: integer member converted, string member kept', () => {
    expect(unpackCliArg('--resource-config', rc, 'instanceType=ml.m5.xlarge,instanceCount=2'))
      .toEqual(new Map<string, unknown>([['instanceType', 'ml.m5.xlarge'], ['instanceCount', 2]]));
  });

  it('sh-rc-space-in-key', () => {
    expect(() => unpackCliArg('--resource-config', rc, 'instance Type=ml.m5.xlarge')).toThrow(new ParamSyntaxError(
      '--resource-config', "Expected: '=', received: 'T' for input:\n instance Type=ml.m5.xlarge\n         ^"));
    try {
      unpackCliArg('--resource-config', rc, 'instance Type=ml.m5.xlarge');
    } catch (e) {
      expect((e as Error).message).toBe("Error parsing parameter '--resource-config': Expected: '=', received: 'T' " +
        'for input:\n instance Type=ml.m5.xlarge\n         ^');
    }
  });

  it('json-env-truncated', () => {
    expect(() => unpackCliArg('--environment', env, '{"A":"x"')).toThrow(
      "Error parsing parameter '--environment': Invalid JSON: Expecting ',' delimiter: line 1 column 9 (char 8)\n" +
      'JSON received: {"A":"x"');
  });

  it('json-env-escapes and json-rc-leading-ws: JSON selected after whitespace, escapes decoded', () => {
    const v = unpackCliArg('--environment', env, '{"A":"\\u00fc\\n","B":"x"} ');
    expect(v).toEqual(new Map([['A', 'ü\n'], ['B', 'x']]));
    expect(isOrderedDict(v)).toBe(true);
    expect(unpackCliArg('--resource-config', rc, '  \n {"instanceType":"ml.m5.xlarge"}'))
      .toEqual(new Map([['instanceType', 'ml.m5.xlarge']]));
  });

  it('json-rc-count-string / json-rc-count-null: JSON values are not converted', () => {
    expect(unpackCliArg('--resource-config', rc, '{"instanceType":"x","instanceCount":"2"}'))
      .toEqual(new Map([['instanceType', 'x'], ['instanceCount', '2']]));
    expect(unpackCliArg('--resource-config', rc, '{"instanceType":"x","instanceCount":null}'))
      .toEqual(new Map([['instanceType', 'x'], ['instanceCount', null]]));
  });

  it('file-rc-bom: the BOM makes it shorthand, which rejects it', () => {
    const v = '\ufeff{"instanceType":"ml.m5.xlarge","instanceCount":3}';
    expect(() => unpackCliArg('--resource-config', rc, v))
      .toThrow(`Error parsing parameter '--resource-config': Expected: '=', received: '\ufeff' for input:\n ${v}\n^`);
  });

  it('sh-env-csv-list, sh-env-empty-key, sh-oc-empty-key-in-hash, sh-ds-eq-file-literal', () => {
    expect(pyRepr(unpackCliArg('--environment', env, 'A=b,c,d'))).toBe("{'A': ['b', 'c', 'd']}");
    expect(unpackCliArg('--environment', env, '=b')).toEqual(new Map([['', 'b']]));
    expect(pyRepr(unpackCliArg('--output-configuration', oc, 'members=[{=123456789012}]')))
      .toBe("{'members': [{'': '123456789012'}]}");
    expect(unpackCliArg('--data-source', ds, 'mlInputChannelArn=file://arn.txt'))
      .toEqual(new Map([['mlInputChannelArn', 'file://arn.txt']]));
  });

  it('scalar-count-big and scalar-list-max-results-*: Python int()', () => {
    const mr = refOf(MODEL, 'ListTrainedModelInferenceJobs', 'maxResults');
    expect(unpackCliArg('--max-results', mr, '1_0')).toBe(10);
    expect(unpackCliArg('--max-results', mr, '99999999999999999999')).toBe(99999999999999999999n);
    expect(pyRepr(unpackCliArg('--resource-config', rc, 'instanceType=x,instanceCount=12345678901234567890')))
      .toBe("{'instanceType': 'x', 'instanceCount': 12345678901234567890}");
  });
});

describe('unpackCliArg details', () => {
  const rc = refOf(MODEL, 'StartTrainedModelInferenceJob', 'resourceConfig');
  const tagKeys = refOf(MODEL, 'UntagResource', 'tagKeys');

  it('reports a raw Python error as a parameter error of its own, marked with the Python type', () => {
    try {
      unpackCliArg('--resource-config', rc, 'instanceType=x,instanceCount=abc');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ParamSyntaxError);
      const p = e as ParamSyntaxError;
      expect([p.cliName, p.pythonError, p.message]).toEqual(['--resource-config', 'ValueError',
        "Error parsing parameter '--resource-config': invalid literal for int() with base 10: 'abc'"]);
    }
  });

  it('treats a single string for a list shape as one item', () => {
    expect(unpackCliArg('--tag-keys', tagKeys, 'a b')).toEqual(['a b']);
    expect(unpackCliArg('--tag-keys', tagKeys, ' ["a", "b"]')).toEqual(['a', 'b']);
  });

  it('gives floats as PyFloat and bytes from fileb:// @= values', () => {
    const v = unpackCliArg('--flags', refOf(SYNTH, 'Op', 'flags'), 'ratio=2', { model: SYNTH }) as Map<string, unknown>;
    expect(v.get('ratio')).toEqual(new PyFloat(2));
    const b = unpackCliArg('--resource-config', rc, 'instanceType@=fileb:///tmp/fuzz/it.txt', { readFile }) as Map<string, unknown>;
    expect(b.get('instanceType')).toBeInstanceOf(PyBytes);
  });

  it('lets a readFile error escape unchanged', () => {
    const failing = () => { throw new RangeError('Unable to load paramfile file://x: [Errno 2] No such file or directory'); };
    expect(() => unpackCliArg('--resource-config', rc, 'instanceType@=file://x', { readFile: failing })).toThrow(RangeError);
  });
});
