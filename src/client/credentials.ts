// Credentials as the AWS CLI finds them. The provider chain itself is the SDK's
// (@aws-sdk/credential-provider-node: static keys in the credentials and config files,
// credential_process, assume-role with source_profile, web identity, SSO, container, instance
// metadata); around it, only what the AWS CLI does differently:
//  - the environment's keys are botocore's EnvProvider: used unless --profile names a profile (the
//    SDK skips them whenever AWS_PROFILE is set), an empty AWS_ACCESS_KEY_ID is skipped, and a key
//    without its secret is an error;
//  - botocore reports partial keys in the shared files (the SDK would silently move on) as errors
//    of their own (exit 255), when the client is created;
//  - a profile whose credentials botocore gets from its ProcessProvider runs credential_process
//    through ./credential-process (once, when the client is created), whose failures name their
//    cause as botocore's do (the SDK's process provider loses it, and its chain runs the process twice);
//  - "no credentials" is NoCredentials (exit 253), reported when the request is signed.
import { readSharedFiles } from './config';
import { PartialCredentialsError, type Credentials } from './credential-types';
import { NoCredentialsError } from '../errors';
import type { DebugLog } from '../debug';
import { hasOwn, own } from '../model/own';

export { CredentialRetrievalError, PartialCredentialsError, type Credentials } from './credential-types';

export interface CredentialSource {
  env: Record<string, string | undefined>;
  /** The working directory a credential_process runs in (the process's own by default). */
  cwd?: string;
  profile: string;
  /** Named with --profile: the environment's keys are then ignored (botocore drops its EnvProvider). */
  fromFlag: boolean;
  configFile: string;
  credentialsFile: string;
}

/** What the chain found when the client was created: keys, or a provider to ask when signing. */
export type LoadedCredentials =
  | { kind: 'static'; credentials: Credentials; method: string }
  | { kind: 'deferred'; resolve: () => Promise<Credentials> };

type Section = Record<string, string | undefined>;

/** botocore's EnvProvider: used once AWS_ACCESS_KEY_ID is non-empty; the secret must be too. */
function envKeys(env: Record<string, string | undefined>): Credentials | undefined {
  if (!env.AWS_ACCESS_KEY_ID) return undefined;
  if (!env.AWS_SECRET_ACCESS_KEY) throw new PartialCredentialsError('env', 'AWS_SECRET_ACCESS_KEY');
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    sessionToken: env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN || undefined,
  };
}

/** botocore's check of a file's static keys: an access key without its secret. */
function checkPartial(section: Section | undefined, method: string): void {
  if (section && hasOwn(section, 'aws_access_key_id') && !hasOwn(section, 'aws_secret_access_key')) {
    throw new PartialCredentialsError(method, 'aws_secret_access_key');
  }
}

const sdkLogger = (log: DebugLog) => {
  const to = (m: unknown) => log.debug('sdk.credentials', String(m));
  return { trace: () => undefined, debug: to, info: to, warn: to, error: to };
};

/** The SDK's provider chain for the profile; its failure is NoCredentials, or the process's error. */
function sdkChain(src: CredentialSource, profile: Section, log: DebugLog): () => Promise<Credentials> {
  return async () => {
    const { defaultProvider } = await import('./sdk-credentials');
    try {
      // The profile is always named: the SDK then skips its own environment provider (ours ran first).
      const c = await defaultProvider({
        profile: src.profile, filepath: src.credentialsFile, configFilepath: src.configFile, logger: sdkLogger(log),
      })();
      log.debug('botocore.credentials', `Found credentials for profile ${src.profile} through the SDK provider chain.`);
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
    } catch (e) {
      const message = (e as Error).message;
      log.debug('botocore.credentials', `No credentials: ${message}`);
      throw new NoCredentialsError();
    }
  };
}

/** The chain as botocore runs it when the client is created; the SDK's part runs when signing. */
export async function loadCredentials(src: CredentialSource, log: DebugLog): Promise<LoadedCredentials> {
  if (!src.fromFlag) {
    const fromEnv = envKeys(src.env);
    if (fromEnv) {
      log.debug('botocore.credentials', 'Found credentials in environment variables.');
      return { kind: 'static', credentials: fromEnv, method: 'env' };
    }
  }
  const files = await readSharedFiles(src.credentialsFile, src.configFile);
  checkPartial(own(files.credentialsFile, src.profile), 'shared-credentials-file');
  checkPartial(own(files.configFile, src.profile), 'config-file');
  const credentialsSection = own(files.credentialsFile, src.profile);
  const profile: Section = { ...own(files.configFile, src.profile), ...credentialsSection };
  const command = processCommand(src, profile, credentialsSection);
  if (command !== undefined) {
    // botocore runs the process when the client is created: its failures come before validation.
    const { loadProcessCredentials } = await import('./credential-process');
    const provided = await loadProcessCredentials(command, { env: src.env, cwd: src.cwd, log });
    log.debug('botocore.credentials', 'Found credentials from custom-process.');
    return { kind: 'deferred', resolve: provided.resolve };
  }
  return { kind: 'deferred', resolve: sdkChain(src, profile, log) };
}

/**
 * The credential_process command when botocore's chain would reach its ProcessProvider for this
 * profile: no assume-role (role_arn), web identity, SSO or login configuration before it, and no
 * static keys in the credentials file (the shared-credentials-file provider comes first; static keys
 * in the config file come after the process). Other profiles go to the SDK's chain.
 */
function processCommand(src: CredentialSource, profile: Section, credentialsSection: Section | undefined): string | undefined {
  const command = own(profile, 'credential_process');
  if (command === undefined) return undefined;
  if (hasOwn(profile, 'role_arn') || hasOwn(profile, 'login_session')) return undefined;
  if (hasOwn(profile, 'sso_role_name') && hasOwn(profile, 'sso_account_id')) return undefined;
  const tokenFile = (src.fromFlag ? undefined : src.env.AWS_WEB_IDENTITY_TOKEN_FILE) ?? own(profile, 'web_identity_token_file');
  const roleArn = (src.fromFlag ? undefined : src.env.AWS_ROLE_ARN) ?? own(profile, 'role_arn');
  if (tokenFile && roleArn) return undefined;
  if (credentialsSection && hasOwn(credentialsSection, 'aws_access_key_id')) return undefined;
  return command;
}

/** The credentials to sign with, or NoCredentials (exit 253); their secrets are kept out of --debug. */
export async function credentialsFor(loaded: LoadedCredentials, log?: DebugLog): Promise<Credentials> {
  const c = loaded.kind === 'static' ? loaded.credentials : await loaded.resolve();
  log?.secret?.(c.secretAccessKey);
  log?.secret?.(c.sessionToken);
  return c;
}

