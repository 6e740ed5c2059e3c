import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setPartitionInfo, useDefaultPartitionInfo } from '@aws-sdk/core/client';
import { describe, expect, it } from 'vitest';
import {
  EndpointResolutionError,
  InvalidRegionError,
  resolveServiceEndpoint,
  validateRegion,
} from '../../src/client/endpoints';
import { ENDPOINT_TESTS as official, type RuleTestCase } from './endpoint-tests.generated';

const toParams = (p: RuleTestCase['params'] = {}) => ({
  region: p.Region,
  useFips: p.UseFIPS,
  useDualStack: p.UseDualStack,
  endpoint: p.Endpoint,
});

describe('official endpoint rule-set tests', () => {
  it('has the cases', () => {
    expect(official.testCases.length).toBe(21);
  });
  for (const tc of official.testCases) {
    it(tc.documentation, () => {
      const params = toParams(tc.params);
      if (tc.expect.endpoint) {
        expect(resolveServiceEndpoint(params).url).toBe(tc.expect.endpoint.url);
      } else {
        expect(() => resolveServiceEndpoint(params)).toThrow(EndpointResolutionError);
        expect(() => resolveServiceEndpoint(params)).toThrow(tc.expect.error!);
      }
    });
  }
});

describe('error rules carry the rule text', () => {
  it('FIPS + dual-stack in a partition without dual-stack', () => {
    // Current partition data gives every partition both; older botocore data (still what the
    // official rule tests were generated from) had aws-iso without dual-stack. Load such data.
    setPartitionInfo({
      partitions: [
        {
          id: 'aws-iso',
          outputs: {
            dnsSuffix: 'c2s.ic.gov', dualStackDnsSuffix: 'c2s.ic.gov',
            name: 'aws-iso', supportsDualStack: false, supportsFIPS: true,
          },
          regionRegex: '^us\\-iso\\-\\w+\\-\\d+$',
          regions: { 'us-iso-east-1': {} },
        },
        {
          id: 'aws',
          outputs: {
            dnsSuffix: 'amazonaws.com', dualStackDnsSuffix: 'api.aws',
            name: 'aws', supportsDualStack: true, supportsFIPS: true,
          },
          regionRegex: '^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$',
          regions: { 'us-east-1': {} },
        },
      ],
    });
    try {
      let err: unknown;
      try {
        resolveServiceEndpoint({ region: 'us-iso-east-1', useFips: true, useDualStack: true });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(EndpointResolutionError);
      expect((err as Error).message).toBe(
        'FIPS and DualStack are enabled, but this partition does not support one or both',
      );
      expect(() => resolveServiceEndpoint({ region: 'us-iso-east-1', useDualStack: true })).toThrow(
        /^DualStack is enabled but this partition does not support DualStack$/,
      );
      expect(resolveServiceEndpoint({ region: 'us-iso-east-1', useFips: true }).url).toBe(
        'https://cleanrooms-ml-fips.us-iso-east-1.c2s.ic.gov',
      );
    } finally {
      useDefaultPartitionInfo();
    }
    expect(resolveServiceEndpoint({ region: 'us-iso-east-1', useDualStack: true }).url).toBe(
      'https://cleanrooms-ml.us-iso-east-1.api.aws.ic.gov',
    );
  });
  it('a missing region', () => {
    expect(() => resolveServiceEndpoint({})).toThrow(/^Invalid Configuration: Missing Region$/);
  });
  it('an endpoint that is no URL', () => {
    expect(() => resolveServiceEndpoint({ region: 'us-east-1', endpoint: 'not a url' })).toThrow(
      'Invalid endpoint: not a url',
    );
  });
});

describe('partitions', () => {
  const cases: [string, boolean, boolean, string][] = [
    ['ap-northeast-1', false, false, 'https://cleanrooms-ml.ap-northeast-1.amazonaws.com'],
    ['eu-west-1', true, false, 'https://cleanrooms-ml-fips.eu-west-1.amazonaws.com'],
    ['us-isof-south-1', false, false, 'https://cleanrooms-ml.us-isof-south-1.csp.hci.ic.gov'],
    ['eusc-de-east-1', false, false, 'https://cleanrooms-ml.eusc-de-east-1.amazonaws.eu'],
    ['eusc-de-east-1', true, true, 'https://cleanrooms-ml-fips.eusc-de-east-1.api.amazonwebservices.eu'],
    ['us-gov-west-1', false, true, 'https://cleanrooms-ml.us-gov-west-1.api.aws'],
    ['cn-northwest-1', false, false, 'https://cleanrooms-ml.cn-northwest-1.amazonaws.com.cn'],
  ];
  for (const [region, useFips, useDualStack, url] of cases) {
    it(`${region} fips=${useFips} dualstack=${useDualStack}`, () => {
      expect(resolveServiceEndpoint({ region, useFips, useDualStack })).toEqual({ url });
    });
  }
  it('keeps a custom endpoint exactly as given', () => {
    expect(resolveServiceEndpoint({ region: 'us-east-1', endpoint: 'http://127.0.0.1:8080' }).url).toBe(
      'http://127.0.0.1:8080',
    );
    expect(resolveServiceEndpoint({ region: 'us-east-1', endpoint: 'https://example.com/' }).url).toBe(
      'https://example.com/',
    );
    expect(resolveServiceEndpoint({ endpoint: 'https://example.com/base/path' }).url).toBe(
      'https://example.com/base/path',
    );
  });
});

// The AWS CLI's recorded CONNECT targets (through a proxy) for region / FIPS / dual-stack combinations:
// the public suite's endpoints.json, copied into test/fixtures/conformance/ by gen-copies.mjs there.
interface Vector {
  id: string;
  argv: string[];
  env?: Record<string, string>;
  unset?: string[];
  files?: Record<string, string>;
  expect: { connects?: string[] };
  clone_expect?: { connects?: string[] };
}
const vectors: Vector[] = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/conformance/endpoints.json'), 'utf8'),
);

function configFromVector(v: Vector) {
  const env: Record<string, string> = { AWS_DEFAULT_REGION: 'us-east-1', ...v.env };
  const argOf = (name: string) => {
    const i = v.argv.indexOf(name);
    return i >= 0 ? v.argv[i + 1] : undefined;
  };
  const profile = v.files?.['home/.aws/config'] ?? '';
  const fromProfile = (key: string) => new RegExp(`^${key}\\s*=\\s*true\\s*$`, 'm').test(profile);
  return {
    region: argOf('--region') ?? env.AWS_DEFAULT_REGION,
    endpoint: argOf('--endpoint-url'),
    useFips: env.AWS_USE_FIPS_ENDPOINT === 'true' || fromProfile('use_fips_endpoint'),
    useDualStack: env.AWS_USE_DUALSTACK_ENDPOINT === 'true' || fromProfile('use_dualstack_endpoint'),
  };
}

describe('conformance: endpoints.json CONNECT targets', () => {
  it('has the cases', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(14);
  });
  for (const v of vectors) {
    const connects = (v.clone_expect ?? v.expect).connects;
    if (!connects || connects.length !== 1) continue;
    it(v.id, () => {
      const config = configFromVector(v);
      validateRegion(config.region);
      // As the call does: a given endpoint URL is used as it is (botocore turns FIPS and dual-stack off for it).
      const url = config.endpoint ?? resolveServiceEndpoint(config).url;
      const u = new URL(url);
      const port = u.port || (u.protocol === 'https:' ? '443' : '80');
      expect(`CONNECT ${u.hostname}:${port}`).toBe(connects[0]);
    });
  }
});

describe('validateRegion (botocore validate_region_name)', () => {
  it('rejects the recorded malformed regions with the CLI text', () => {
    // glob-region-bad (input.json) and cfg-region-invalid (output.json)
    expect(() => validateRegion('Not_A_Region')).toThrow(
      "Provided region_name 'Not_A_Region' doesn't match a supported format.",
    );
    expect(() => validateRegion('us east 1')).toThrow(
      "Provided region_name 'us east 1' doesn't match a supported format.",
    );
    expect(() => validateRegion('x_y')).toThrow(InvalidRegionError);
  });
  it('follows the regex', () => {
    for (const ok of ['us-east-1', 'US-EAST-1', 'a', '', 'x'.repeat(63), 'us-east-1\n', '1a', 'a1-2b']) {
      expect(() => validateRegion(ok), JSON.stringify(ok)).not.toThrow();
    }
    for (const bad of ['-us', 'us-', '123', '123\n', 'x'.repeat(64), 'us.east', 'us-east-1\n\n', 'ü', 'a\nb']) {
      expect(() => validateRegion(bad), JSON.stringify(bad)).toThrow(InvalidRegionError);
    }
  });
});
