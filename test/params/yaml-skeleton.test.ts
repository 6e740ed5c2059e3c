// --generate-cli-skeleton yaml-input, checked against what the AWS CLI's YAMLArgumentGenerator writes
// through ruamel.yaml 0.17.21 (the version AWS CLI v2 pins), run on this model with the project's
// member documentation: end-of-line comments, their one- or two-space placement, list layout.
import { describe, expect, it } from 'vitest';
import { doubleSpaced, dumpYamlSkeleton, shapeDocOverview } from '../../src/params/yaml-skeleton';
import { getShape, operationsByCliName } from '../../src/model';

const op = (name: string) => operationsByCliName().get(name)!;

describe('dumpYamlSkeleton', () => {
  it('comments every member; the first comment of a mapping gets two spaces, the next ones one', async () => {
    expect(await dumpYamlSkeleton(op('cancel-trained-model-inference-job'))).toBe(
      "membershipIdentifier: ''  # [REQUIRED] The identifier of the membership.\n" +
      "trainedModelInferenceJobArn: '' # [REQUIRED] The Amazon Resource Name (ARN) of the trained model inference job.\n");
  });

  it('writes list items at the key indentation, nested structures and maps (no comment in a map)', async () => {
    expect(await dumpYamlSkeleton(op('create-configured-model-algorithm'))).toBe([
      "name: ''  # [REQUIRED] The name of the configured model algorithm.",
      "description: '' # The description of the configured model algorithm.",
      "roleArn: '' # [REQUIRED] The Amazon Resource Name (ARN) of the role.",
      'trainingContainerConfig: # The training container configuration.',
      "  imageUri: ''  # [REQUIRED] The image URI.",
      '  entrypoint: # The list of entrypoints.',
      "  - ''",
      '  arguments: # The list of arguments.',
      "  - ''",
      '  metricDefinitions: # The list of metric definitions.',
      "  - name: ''  # [REQUIRED] The name of the metric definition.",
      "    regex: '' # [REQUIRED] The regex.",
      'inferenceContainerConfig: # The inference container configuration.',
      "  imageUri: ''  # [REQUIRED] The image URI.",
      'tags: # The optional metadata that you apply to the resource to help you categorize and organize it.',
      "  KeyName: ''",
      "kmsKeyArn: '' # The Amazon Resource Name (ARN) of the KMS key.",
      '',
    ].join('\n'));
  });

  it('writes the seed command with its documentation and the enum values of a member', async () => {
    const enums = getShape(getShape('InferenceResourceConfig').members!.instanceType).enum!.join(', ');
    expect(await dumpYamlSkeleton(op('start-trained-model-inference-job'))).toBe([
      "membershipIdentifier: ''  # [REQUIRED] The membership ID of the membership that contains the trained model inference job.",
      "name: '' # [REQUIRED] The name of the trained model inference job.",
      "trainedModelArn: '' # [REQUIRED] The Amazon Resource Name (ARN) of the trained model that is used for this trained model inference job.",
      "trainedModelVersionIdentifier: '' # The identifier of the trained model version.",
      "configuredModelAlgorithmAssociationArn: '' # The Amazon Resource Name (ARN) of the configured model algorithm association that is used for this trained model inference job.",
      'resourceConfig: # [REQUIRED] Defines the resource configuration for the trained model inference job.',
      `  instanceType: ml.r7i.48xlarge  # [REQUIRED] The type of instance that is used to perform model inference. Valid values are: ${enums}.`,
      '  instanceCount: 0 # The number of instances to use.',
      'outputConfiguration: # [REQUIRED] Defines the output configuration information for the trained model inference job.',
      "  accept: ''  # The MIME type used to specify the output data.",
      '  members: # [REQUIRED] Defines the members that can receive inference output.',
      "  - accountId: ''  # [REQUIRED] The account ID of the member that can receive inference results.",
      'dataSource: # [REQUIRED] Defines the data source that is used for the trained model inference job.',
      "  mlInputChannelArn: ''  # [REQUIRED] The Amazon Resource Name (ARN) of the ML input channel for this model inference data source.",
      "description: '' # The description of the trained model inference job.",
      'containerExecutionParameters: # The execution parameters for the container.',
      '  maxPayloadInMB: 0  # The maximum size of the inference container payload, specified in MB.',
      'environment: # The environment variables to set in the Docker container.',
      "  KeyName: ''",
      "kmsKeyArn: '' # The Amazon Resource Name (ARN) of the KMS key.",
      'tags: # The optional metadata that you apply to the resource to help you categorize and organize them.',
      "  KeyName: ''",
      "mlModelInferencePayerAccountId: '' # The ML model inference payer account ID.",
      '',
    ].join('\n'));
  });

  it('writes timestamps as ruamel writes a naive datetime', async () => {
    expect((await dumpYamlSkeleton(op('create-audience-model'))).split('\n').slice(0, 2)).toEqual([
      'trainingDataStartTime: 1970-01-01 00:00:00  # The training data start time of the audience model.',
      'trainingDataEndTime: 1970-01-01 00:00:00 # The training data end time of the audience model.',
    ]);
  });
});

describe("ruamel's comment column rule (doubleSpaced)", () => {
  it('uses the previous key, else the last commented key listed before the first key sorting at or after it', () => {
    // c follows an uncommented b; a (commented) sorts before c and is listed first: one space.
    expect(doubleSpaced([{ key: 'a', comment: 'x' }, { key: 'b' }, { key: 'c', comment: 'y' }])).toEqual([true, false, false]);
    // z is listed first and sorts after c: the search stops there, nothing found: two spaces.
    expect(doubleSpaced([{ key: 'z', comment: 'x' }, { key: 'b' }, { key: 'c', comment: 'y' }])).toEqual([true, false, true]);
    expect(doubleSpaced([{ key: 'a' }, { key: 'b', comment: 'x' }])).toEqual([false, true]);
  });
});

describe('shapeDocOverview (get_shape_doc_overview)', () => {
  it('keeps the text up to the first period or colon, adds a period, and turns line breaks into spaces', () => {
    expect(shapeDocOverview('<p>The ARN of the key. It is used to encrypt.</p>')).toBe('The ARN of the key.');
    expect(shapeDocOverview('Restrictions: none apply.')).toBe('Restrictions.');
    expect(shapeDocOverview('A multi-line\ndescription')).toBe('A multi-line description.');
    expect(shapeDocOverview('Set `LOG_LEVEL` here. More.')).toBe('Set LOG_LEVEL here.');
    expect(shapeDocOverview('')).toBe('');
    expect(shapeDocOverview('.leading')).toBe('');
  });
});
