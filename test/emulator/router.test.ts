import { describe, expect, it } from 'vitest';
import { compileRoutes, matchRoute, parseQuery } from '../../src/emulator/router';
import { MODEL } from '../../src/model';
import type { ServiceModel } from '../../src/model/types';

const q = (s = '') => parseQuery(s);

describe('routing from the model', () => {
  const routes = compileRoutes(MODEL);
  const m = '11111111-2222-4333-8444-555555555555';

  it('matches the inference job operations by method and template', () => {
    const arn = `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/${m}/trained-model-inference-job/j`;
    const path = `/memberships/${m}/trained-model-inference-jobs`;
    expect(matchRoute(routes, 'POST', path, q())).toEqual({
      operation: MODEL.operations.StartTrainedModelInferenceJob, labels: { membershipIdentifier: m },
    });
    expect(matchRoute(routes, 'GET', path, q())?.operation.name).toBe('ListTrainedModelInferenceJobs');
    const get = matchRoute(routes, 'GET', `${path}/${encodeURIComponent(arn)}`, q());
    expect(get?.operation.name).toBe('GetTrainedModelInferenceJob');
    expect(get?.labels).toEqual({ membershipIdentifier: m, trainedModelInferenceJobArn: arn });
    expect(matchRoute(routes, 'PATCH', `${path}/${encodeURIComponent(arn)}`, q())?.operation.name).toBe('CancelTrainedModelInferenceJob');
    expect(matchRoute(routes, 'GET', `/collaborations/${m}/trained-model-inference-jobs`, q())?.operation.name)
      .toBe('ListCollaborationTrainedModelInferenceJobs');
    for (const [method, name] of [['POST', 'TagResource'], ['DELETE', 'UntagResource'], ['GET', 'ListTagsForResource']]) {
      expect(matchRoute(routes, method, `/tags/${encodeURIComponent(arn)}`, q())?.operation.name).toBe(name);
    }
  });

  it('tells apart templates that differ only in a literal segment', () => {
    expect(matchRoute(routes, 'GET', `/memberships/${m}/trained-models`, q())?.operation.name).toBe('ListTrainedModels');
  });

  it('does not match a wrong method, extra or missing segments, or an empty label', () => {
    expect(matchRoute(routes, 'PUT', `/memberships/${m}/trained-model-inference-jobs`, q())).toBeUndefined();
    expect(matchRoute(routes, 'GET', `/memberships/${m}/trained-model-inference-jobs/a/b`, q())).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/memberships//trained-model-inference-jobs', q())).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/', q())).toBeUndefined();
  });
});

describe('template features', () => {
  const model: ServiceModel = {
    metadata: MODEL.metadata,
    paginators: {},
    shapes: {},
    operations: {
      GetObject: { name: 'GetObject', http: { method: 'GET', requestUri: '/{Bucket}/{Key+}' } },
      GetAcl: { name: 'GetAcl', http: { method: 'GET', requestUri: '/{Bucket}/{Key+}?acl' } },
      ListVersions: { name: 'ListVersions', http: { method: 'GET', requestUri: '/{Bucket}?versions' } },
      Head: { name: 'Head', http: { method: 'GET', requestUri: '/{Bucket}/{Key+}/meta' } },
    },
  };
  const routes = compileRoutes(model);

  it('greedy labels take several segments, decoded', () => {
    expect(matchRoute(routes, 'GET', '/b/a/b%20c/d', q())).toEqual({
      operation: model.operations.GetObject, labels: { Bucket: 'b', Key: 'a/b c/d' },
    });
    // The template with more literal segments is tried first.
    expect(matchRoute(routes, 'GET', '/b/a/b/meta', q())).toEqual({
      operation: model.operations.Head, labels: { Bucket: 'b', Key: 'a/b' },
    });
  });

  it('literal query parts select an operation', () => {
    expect(matchRoute(routes, 'GET', '/b/k', q('acl'))?.operation.name).toBe('GetAcl');
    expect(matchRoute(routes, 'GET', '/b', q('versions&x=1'))?.operation.name).toBe('ListVersions');
    expect(matchRoute(routes, 'GET', '/b', q())).toBeUndefined();
  });
});

describe('parseQuery', () => {
  it('decodes keys and values and keeps repeated keys in order', () => {
    expect([...parseQuery('tagKeys=a%20b&tagKeys=c+d&flag&x=%E2%9C%93&bad=%zz')]).toEqual([
      ['tagKeys', ['a b', 'c d']], ['flag', ['']], ['x', ['✓']], ['bad', ['%zz']],
    ]);
  });
});
