// botocore's checks of an assume-role profile, made when the client is created, before any role is
// assumed (credentials.py AssumeRoleProvider: _get_role_config, _validate_credential_source,
// _validate_source_profile, and the walk down a chain of roles in _resolve_credentials_from_profile).
// The SDK's provider then assumes the role(s).
import { CliError, RC } from '../errors';
import { hasOwn, own } from '../model/own';
import { pyRepr } from '../py/repr';
import { PartialCredentialsError } from './credential-types';
import type { Section, Sections } from './shared-files';

/** botocore's InvalidConfigError (exit 255). */
export class InvalidConfigError extends CliError {
  constructor(message: string) {
    super(message, RC.GENERAL);
  }
}

/** The credential_source values botocore's CanonicalNameCredentialSourcer knows (its providers' canonical names). */
const CREDENTIAL_SOURCES = ['Environment', 'EcsContainer', 'Ec2InstanceMetadata'];

const hasStaticKeys = (p: Section) => hasOwn(p, 'aws_secret_access_key') || hasOwn(p, 'aws_access_key_id');
const hasRoleConfig = (p: Section) => hasOwn(p, 'role_arn') && !hasOwn(p, 'web_identity_token_file');

function infiniteLoop(source: string, visited: string[]): InvalidConfigError {
  return new InvalidConfigError('Infinite loop in credential configuration detected. Attempting to load from profile ' +
    `${source} which has already been visited. Visited profiles: ${pyRepr(visited)}`);
}

/**
 * Checks the role configuration of `name` (a profile of `profiles`, botocore's full_config profiles,
 * with role_arn), and of each role profile its source_profile chain leads to. Throws
 * PartialCredentialsError or InvalidConfigError.
 */
export function checkAssumeRoleConfig(profiles: Sections, name: string, visited: string[] = [name]): void {
  const profile = profiles.get(name) ?? {};
  const source = own(profile, 'source_profile');
  const credentialSource = own(profile, 'credential_source');
  if (credentialSource !== undefined && source !== undefined) {
    throw new InvalidConfigError(`The profile "${name}" contains both source_profile and credential_source.`);
  }
  if (credentialSource === undefined && source === undefined) {
    throw new PartialCredentialsError('assume-role', 'source_profile or credential_source');
  }
  if (credentialSource !== undefined) {
    if (!CREDENTIAL_SOURCES.includes(credentialSource)) {
      throw new InvalidConfigError(`The credential source "${credentialSource}" referenced in profile "${name}" is not valid.`);
    }
    return;
  }
  const sourceProfile = profiles.get(source!);
  if (!sourceProfile) {
    throw new InvalidConfigError(`The source_profile "${source}" referenced in the profile "${name}" does not exist.`);
  }
  // A profile may be its own source when it holds static keys; any other return is a loop.
  if (visited.includes(source!) && (source !== name || !hasStaticKeys(sourceProfile))) throw infiniteLoop(source!, visited);
  visited.push(source!);
  // A source with static keys, or without a role of its own, gives its credentials through its own
  // providers; a role profile is checked in turn.
  if (!hasStaticKeys(sourceProfile) && hasRoleConfig(sourceProfile)) checkAssumeRoleConfig(profiles, source!, visited);
}
