// Every operation of the service model, as data: which verb of the generic engine serves it and on which
// kind of resource, or (for the few that are not a verb on a resource) its own handler. Routes, input
// members, validation and output shapes all come from the model; a new operation is one line here.
import { MODEL } from '../model';
import {
  ALGORITHM, ASSOCIATION, CHANNEL, EXPORT_JOB, INFERENCE_JOB, TRAINED_MODEL,
  deleteMLConfiguration, getMLConfiguration, putMLConfiguration,
} from './resources/custom-models';
import { handlerFor, type OperationSpec } from './resources/engine';
import type { Handler } from './resources/kind';
import {
  AUDIENCE_EXPORT_JOB, AUDIENCE_MODEL, CONFIGURED_AUDIENCE_MODEL, GENERATION_JOB, TRAINING_DATASET,
  deletePolicy, getPolicy, putPolicy,
} from './resources/lookalike';
import { listTagsForResource, tagResource, untagResource } from './resources/tags';

export const OPERATIONS: Record<string, OperationSpec> = {
  // configured model algorithms
  CreateConfiguredModelAlgorithm: { verb: 'create', kind: ALGORITHM.type },
  GetConfiguredModelAlgorithm: { verb: 'get', kind: ALGORITHM.type },
  ListConfiguredModelAlgorithms: { verb: 'list', kind: ALGORITHM.type },
  DeleteConfiguredModelAlgorithm: { verb: 'delete', kind: ALGORITHM.type },
  // their associations with a membership
  CreateConfiguredModelAlgorithmAssociation: { verb: 'create', kind: ASSOCIATION.type },
  GetConfiguredModelAlgorithmAssociation: { verb: 'get', kind: ASSOCIATION.type },
  ListConfiguredModelAlgorithmAssociations: { verb: 'list', kind: ASSOCIATION.type },
  DeleteConfiguredModelAlgorithmAssociation: { verb: 'delete', kind: ASSOCIATION.type },
  GetCollaborationConfiguredModelAlgorithmAssociation: { verb: 'get', kind: ASSOCIATION.type },
  ListCollaborationConfiguredModelAlgorithmAssociations: { verb: 'list', kind: ASSOCIATION.type },
  // ML input channels
  CreateMLInputChannel: { verb: 'create', kind: CHANNEL.type },
  GetMLInputChannel: { verb: 'get', kind: CHANNEL.type },
  ListMLInputChannels: { verb: 'list', kind: CHANNEL.type },
  DeleteMLInputChannelData: { verb: 'delete', kind: CHANNEL.type },
  GetCollaborationMLInputChannel: { verb: 'get', kind: CHANNEL.type },
  ListCollaborationMLInputChannels: { verb: 'list', kind: CHANNEL.type },
  // trained models and their versions
  CreateTrainedModel: { verb: 'create', kind: TRAINED_MODEL.type },
  GetTrainedModel: { verb: 'get', kind: TRAINED_MODEL.type },
  ListTrainedModels: { verb: 'list', kind: TRAINED_MODEL.type },
  ListTrainedModelVersions: {
    verb: 'list', kind: TRAINED_MODEL.type, versions: true, parent: { member: 'trainedModelArn', kind: TRAINED_MODEL.type },
    defaultMaxResults: 10,
  },
  CancelTrainedModel: { verb: 'cancel', kind: TRAINED_MODEL.type },
  DeleteTrainedModelOutput: { verb: 'delete', kind: TRAINED_MODEL.type },
  GetCollaborationTrainedModel: { verb: 'get', kind: TRAINED_MODEL.type },
  ListCollaborationTrainedModels: { verb: 'list', kind: TRAINED_MODEL.type },
  // trained model export jobs
  StartTrainedModelExportJob: { verb: 'create', kind: EXPORT_JOB.type },
  ListCollaborationTrainedModelExportJobs: { verb: 'list', kind: EXPORT_JOB.type },
  // trained model inference jobs
  StartTrainedModelInferenceJob: { verb: 'create', kind: INFERENCE_JOB.type },
  GetTrainedModelInferenceJob: { verb: 'get', kind: INFERENCE_JOB.type },
  ListTrainedModelInferenceJobs: { verb: 'list', kind: INFERENCE_JOB.type },
  CancelTrainedModelInferenceJob: { verb: 'cancel', kind: INFERENCE_JOB.type },
  ListCollaborationTrainedModelInferenceJobs: { verb: 'list', kind: INFERENCE_JOB.type },
  // the ML configuration of a membership
  PutMLConfiguration: { handler: putMLConfiguration },
  GetMLConfiguration: { handler: getMLConfiguration },
  DeleteMLConfiguration: { handler: deleteMLConfiguration },
  // training datasets
  CreateTrainingDataset: { verb: 'create', kind: TRAINING_DATASET.type },
  GetTrainingDataset: { verb: 'get', kind: TRAINING_DATASET.type },
  ListTrainingDatasets: { verb: 'list', kind: TRAINING_DATASET.type },
  DeleteTrainingDataset: { verb: 'delete', kind: TRAINING_DATASET.type },
  // audience models
  CreateAudienceModel: { verb: 'create', kind: AUDIENCE_MODEL.type },
  GetAudienceModel: { verb: 'get', kind: AUDIENCE_MODEL.type },
  ListAudienceModels: { verb: 'list', kind: AUDIENCE_MODEL.type },
  DeleteAudienceModel: { verb: 'delete', kind: AUDIENCE_MODEL.type },
  // configured audience models and their resource policy
  CreateConfiguredAudienceModel: { verb: 'create', kind: CONFIGURED_AUDIENCE_MODEL.type },
  GetConfiguredAudienceModel: { verb: 'get', kind: CONFIGURED_AUDIENCE_MODEL.type },
  ListConfiguredAudienceModels: { verb: 'list', kind: CONFIGURED_AUDIENCE_MODEL.type },
  UpdateConfiguredAudienceModel: { verb: 'update', kind: CONFIGURED_AUDIENCE_MODEL.type },
  DeleteConfiguredAudienceModel: { verb: 'delete', kind: CONFIGURED_AUDIENCE_MODEL.type },
  PutConfiguredAudienceModelPolicy: { handler: putPolicy },
  GetConfiguredAudienceModelPolicy: { handler: getPolicy },
  DeleteConfiguredAudienceModelPolicy: { handler: deletePolicy },
  // audience generation jobs
  StartAudienceGenerationJob: { verb: 'create', kind: GENERATION_JOB.type },
  GetAudienceGenerationJob: { verb: 'get', kind: GENERATION_JOB.type },
  ListAudienceGenerationJobs: { verb: 'list', kind: GENERATION_JOB.type },
  DeleteAudienceGenerationJob: { verb: 'delete', kind: GENERATION_JOB.type },
  // audience export jobs
  StartAudienceExportJob: { verb: 'create', kind: AUDIENCE_EXPORT_JOB.type },
  ListAudienceExportJobs: { verb: 'list', kind: AUDIENCE_EXPORT_JOB.type },
  // tags
  TagResource: { handler: tagResource },
  UntagResource: { handler: untagResource },
  ListTagsForResource: { handler: listTagsForResource },
};

/** The handlers of the operations the emulator serves, by model operation name. */
export const HANDLERS: ReadonlyMap<string, Handler> = new Map(Object.entries(OPERATIONS)
  .filter(([name]) => Object.hasOwn(MODEL.operations, name))
  .map(([name, spec]) => [name, handlerFor(MODEL.operations[name], spec)]));
