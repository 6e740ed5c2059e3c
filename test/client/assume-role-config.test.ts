// botocore's checks of an assume-role profile (AssumeRoleProvider._get_role_config and
// _validate_source_profile), with its texts and exit code 255.
import { describe, expect, it } from 'vitest';
import { checkAssumeRoleConfig } from '../../src/client/assume-role-config';
import type { Sections } from '../../src/client/shared-files';
import type { CliError } from '../../src/errors';

const ROLE = 'arn:aws:iam::123456789012:role/R';
const profiles = (p: Record<string, Record<string, string>>): Sections => new Map(Object.entries(p));

function error(p: Sections, name: string): CliError {
  try {
    checkAssumeRoleConfig(p, name);
  } catch (e) {
    expect((e as CliError).rc).toBe(255);
    return e as CliError;
  }
  throw new Error('expected an error');
}

describe('checkAssumeRoleConfig', () => {
  it('wants a source_profile or a credential_source', () => {
    expect(error(profiles({ default: { role_arn: ROLE } }), 'default').message)
      .toBe('Partial credentials found in assume-role, missing: source_profile or credential_source');
  });

  it('refuses both', () => {
    expect(error(profiles({ a: { role_arn: ROLE, source_profile: 'b', credential_source: 'Environment' }, b: {} }), 'a').message)
      .toBe('The profile "a" contains both source_profile and credential_source.');
  });

  it('knows the credential sources botocore knows', () => {
    for (const source of ['Environment', 'EcsContainer', 'Ec2InstanceMetadata']) {
      expect(() => checkAssumeRoleConfig(profiles({ a: { role_arn: ROLE, credential_source: source } }), 'a')).not.toThrow();
    }
    expect(error(profiles({ a: { role_arn: ROLE, credential_source: 'environment' } }), 'a').message)
      .toBe('The credential source "environment" referenced in profile "a" is not valid.');
  });

  it('wants the source_profile to exist', () => {
    expect(error(profiles({ default: { role_arn: ROLE, source_profile: 'nope' } }), 'default').message)
      .toBe('The source_profile "nope" referenced in the profile "default" does not exist.');
  });

  it('follows a chain of roles, checking each', () => {
    const p = profiles({ a: { role_arn: ROLE, source_profile: 'b' }, b: { role_arn: ROLE, source_profile: 'c' }, c: { role_arn: ROLE } });
    expect(error(p, 'a').message).toBe('Partial credentials found in assume-role, missing: source_profile or credential_source');
    // A source with static keys (or without a role) ends the chain.
    expect(() => checkAssumeRoleConfig(profiles({ a: { role_arn: ROLE, source_profile: 'b' },
      b: { role_arn: ROLE, source_profile: 'x', aws_access_key_id: 'A' } }), 'a')).not.toThrow();
    expect(() => checkAssumeRoleConfig(profiles({ a: { role_arn: ROLE, source_profile: 'b' }, b: {} }), 'a')).not.toThrow();
  });

  it('finds loops; a profile may be its own source when it has static keys', () => {
    const loop = profiles({ a: { role_arn: ROLE, source_profile: 'b' }, b: { role_arn: ROLE, source_profile: 'a' } });
    expect(error(loop, 'a').message).toBe('Infinite loop in credential configuration detected. Attempting to load from profile a ' +
      "which has already been visited. Visited profiles: ['a', 'b']");
    expect(error(profiles({ a: { role_arn: ROLE, source_profile: 'a' } }), 'a').message).toMatch(/^Infinite loop .* Visited profiles: \['a'\]$/);
    expect(() => checkAssumeRoleConfig(profiles({ a: { role_arn: ROLE, source_profile: 'a', aws_access_key_id: 'A' } }), 'a')).not.toThrow();
  });
});
