import { credentialsFor, loadCredentials, type CredentialSource } from '../../src/client/credentials';
import type { DebugLog } from '../../src/debug';

/** The whole chain at once, as a call runs it: credentials, or the chain's error, or NoCredentials. */
export async function resolveCredentials(src: CredentialSource, log: DebugLog) {
  return credentialsFor(await loadCredentials(src, log), log);
}
