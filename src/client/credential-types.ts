// Credentials and the errors of looking for them, as botocore names them: what the provider chain
// (./credentials.ts) and credential_process (./credential-process.ts) both hand over and raise.
import { CliError, RC } from '../errors';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** botocore's PartialCredentialsError (exit 255). */
export class PartialCredentialsError extends CliError {
  constructor(provider: string, missing: string) {
    super(`Partial credentials found in ${provider}, missing: ${missing}`, RC.GENERAL);
  }
}

/** botocore's CredentialRetrievalError (exit 255). */
export class CredentialRetrievalError extends CliError {
  constructor(provider: string, message: string) {
    super(`Error when retrieving credentials from ${provider}: ${message}`, RC.GENERAL);
  }
}
