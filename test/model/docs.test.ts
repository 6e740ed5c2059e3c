import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS } from '../../src/model/docs.generated';
import { MODEL } from '../../src/model';

const root = join(__dirname, '..', '..');
const reference = join(root, 'vendor', 'botocore-2.36.7', 'cleanroomsml', '2023-09-06', 'service-2.json');
const seed = join(root, 'vendor', 'seed', 'start-trained-model-inference-job.md');

interface GenDocs {
  generateDocs(service: unknown, seedText: string): typeof DOCS;
  fixMojibake(text: string): string;
  words(name: string): string[];
}
const generator = (): Promise<GenDocs> => {
  const path = join(root, 'scripts', 'gen-docs.mjs');
  return import(path) as Promise<GenDocs>;
};

describe('the documentation generator', () => {
  it('undoes the seed page mojibake', async () => {
    const { fixMojibake } = await generator();
    expect(fixMojibake('# start-trained-model-inference-jobÂ¶')).toBe('# start-trained-model-inference-job');
    expect(fixMojibake('Override commandâs default URL')).toBe("Override command's default URL");
    expect(fixMojibake('the commandâ\u0080\u0099s output')).toBe("the command's output");
    expect(fixMojibake('plain ascii, Ã© café')).toBe('plain ascii, é café');
  });

  it('splits member names into words', async () => {
    const { words } = await generator();
    expect(words('maxPayloadInMB')).toEqual(['max', 'payload', 'in', 'MB']);
    expect(words('MLInputChannel')).toEqual(['ML', 'input', 'channel']);
    expect(words('kmsKeyArn')).toEqual(['KMS', 'key', 'ARN']);
    expect(words('s3Uri')).toEqual(['S3', 'URI']);
  });

  it('src/model/docs.generated.ts is what the generator makes now', async () => {
    const { generateDocs } = await generator();
    const service = JSON.parse(readFileSync(reference, 'utf8'));
    expect(generateDocs(service, readFileSync(seed, 'utf8'))).toEqual(DOCS);
  });
});

describe('the generated texts', () => {
  it('take the seed page for the seed command', () => {
    expect(DOCS.operations.StartTrainedModelInferenceJob).toBe('Defines the information necessary to begin a trained model inference job.');
    expect(DOCS.members['StartTrainedModelInferenceJobRequest$membershipIdentifier']).toBe('The membership ID of the membership that contains the trained model inference job.');
    expect(DOCS.members['InferenceResourceConfig$instanceType']).toBe('The type of instance that is used to perform model inference.');
    expect(DOCS.members['InferenceReceiverMembers$member']).toBe('Defines who will receive inference results.');
    expect(DOCS.members['StartTrainedModelInferenceJobResponse$trainedModelInferenceJobArn']).toBe('The Amazon Resource Name (ARN) of the trained model inference job.');
  });

  it('describe every operation and every member of every structure, from names and shapes', () => {
    for (const op of Object.keys(MODEL.operations)) expect(DOCS.operations[op], op).toMatch(/^[A-Z].*\.$/);
    for (const [name, shape] of Object.entries(MODEL.shapes)) {
      if (shape.type !== 'structure' || shape.exception) continue;
      for (const m of Object.keys(shape.members ?? {})) expect(DOCS.members[`${name}$${m}`], `${name}$${m}`).toMatch(/^[A-Z].*\.$/s);
    }
    expect(DOCS.operations.ListTrainedModels).toBe('Returns a list of trained models.');
    expect(DOCS.operations.CreateMLInputChannel).toBe('Creates an ML input channel.');
    expect(DOCS.operations.ListTagsForResource).toBe('Returns a list of the tags for a resource.');
    expect(DOCS.members['GetTrainedModelResponse$createTime']).toBe('The time at which the trained model was created.');
    expect(DOCS.members['ListTrainedModelsRequest$membershipIdentifier']).toBe('The identifier of the membership.');
    expect(DOCS.members['CreateConfiguredModelAlgorithmRequest$kmsKeyArn']).toBe('The Amazon Resource Name (ARN) of the KMS key.');
  });
});
