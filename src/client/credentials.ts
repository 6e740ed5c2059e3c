// Credentials as the AWS CLI finds them: botocore's chain (credentials.py create_credential_resolver)
// in its order, over the files as botocore reads them (./shared-files):
//  1. the environment's keys, botocore's EnvProvider: used unless --profile names a profile (the SDK
//     skips them whenever AWS_PROFILE is set), an empty AWS_ACCESS_KEY_ID is skipped, and a key
//     without its secret is an error;
//  2. assume-role (role_arn without web_identity_token_file): botocore's checks of the profile's role
//     configuration (./assume-role-config), then the SDK's provider, which assumes the role;
//  3. web identity and SSO: the SDK's providers;
//  4. static keys in the credentials file, then credential_process (run through
//     ./credential-process, once, when the client is created: its failures name their cause as
//     botocore's do), then static keys in the config file; keys without their secret are botocore's
//     PartialCredentialsError (exit 255);
//  5. the rest (container, instance metadata): the SDK's chain.
// "No credentials" is NoCredentials (exit 253), reported when the request is signed.
import { readSharedFilesAt, type Section, type SharedFiles } from './shared-files';
import { checkAssumeRoleConfig } from './assume-role-config';
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
  /** Both files, when already read (else read here). */
  files?: SharedFiles;
}

/** What the chain found when the client was created: keys, or a provider to ask when signing. */
export type LoadedCredentials =
  | { kind: 'static'; credentials: Credentials; method: string }
  | { kind: 'deferred'; resolve: () => Promise<Credentials> };

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

/**
 * botocore's SharedCredentialProvider / ConfigProvider: a section's static keys, once it has an
 * access key (the secret is then required; the first token of aws_security_token and
 * aws_session_token that is there, an empty one being none).
 */
function staticKeys(section: Section | undefined, method: string): Credentials | undefined {
  if (!section || !hasOwn(section, 'aws_access_key_id')) return undefined;
  if (!hasOwn(section, 'aws_secret_access_key')) throw new PartialCredentialsError(method, 'aws_secret_access_key');
  const token = hasOwn(section, 'aws_security_token') ? section.aws_security_token : own(section, 'aws_session_token');
  return { accessKeyId: section.aws_access_key_id, secretAccessKey: section.aws_secret_access_key, sessionToken: token || undefined };
}

const sdkLogger = (log: DebugLog) => {
  const to = (m: unknown) => log.debug('sdk.credentials', String(m));
  return { trace: () => undefined, debug: to, info: to, warn: to, error: to };
};

/** The SDK's provider chain for the profile; its failure is NoCredentials, or the process's error. */
function sdkChain(src: CredentialSource, log: DebugLog): () => Promise<Credentials> {
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
  const files = src.files ?? readSharedFilesAt(src.configFile, src.credentialsFile);
  // The profile as the session sees it (both files), and each file's own section.
  const profile: Section = files.profiles.get(src.profile) ?? {};
  const credentialsSection = files.credentials.get(src.profile);
  const sdk = (): LoadedCredentials => ({ kind: 'deferred', resolve: sdkChain(src, log) });
  if (hasOwn(profile, 'role_arn') && !hasOwn(profile, 'web_identity_token_file')) {
    checkAssumeRoleConfig(files.profiles, src.profile);
    return sdk();
  }
  const tokenFile = (src.fromFlag ? undefined : src.env.AWS_WEB_IDENTITY_TOKEN_FILE) ?? own(profile, 'web_identity_token_file');
  const roleArn = (src.fromFlag ? undefined : src.env.AWS_ROLE_ARN) ?? own(profile, 'role_arn');
  if (tokenFile && roleArn) return sdk();
  if (hasOwn(profile, 'sso_role_name') && hasOwn(profile, 'sso_account_id')) return sdk();
  const shared = staticKeys(credentialsSection, 'shared-credentials-file');
  if (shared) {
    log.debug('botocore.credentials', `Found credentials in shared credentials file: ${src.credentialsFile}`);
    return { kind: 'static', credentials: shared, method: 'shared-credentials-file' };
  }
  if (hasOwn(profile, 'login_session')) return sdk();
  const command = own(profile, 'credential_process');
  if (command !== undefined) {
    // botocore runs the process when the client is created: its failures come before validation.
    const { loadProcessCredentials } = await import('./credential-process');
    const provided = await loadProcessCredentials(command, { env: src.env, cwd: src.cwd, log });
    log.debug('botocore.credentials', 'Found credentials from custom-process.');
    return { kind: 'deferred', resolve: provided.resolve };
  }
  const configured = staticKeys(files.config.profiles.get(src.profile), 'config-file');
  if (configured) {
    log.debug('botocore.credentials', `Credentials found in config file: ${src.configFile}`);
    return { kind: 'static', credentials: configured, method: 'config-file' };
  }
  return sdk();
}

/** The credentials to sign with, or NoCredentials (exit 253); their secrets are kept out of --debug. */
export async function credentialsFor(loaded: LoadedCredentials, log?: DebugLog): Promise<Credentials> {
  const c = loaded.kind === 'static' ? loaded.credentials : await loaded.resolve();
  log?.secret?.(c.secretAccessKey);
  log?.secret?.(c.sessionToken);
  return c;
}

