// The version this CLI reports: the AWS CLI's it is a clone of, which is the vendored service model's
// (vendor/botocore-<version>, recorded in the generated model). `aws --version`, the user agent, the
// --debug log and the help pages take it from here.
import { AWS_CLI_VERSION } from './cleanroomsml.generated';

export const CLI_VERSION = AWS_CLI_VERSION;

/** `aws --version`: the AWS CLI's layout, with this runtime in place of Python (and AWS_EXECUTION_ENV as it adds it). */
export function versionString(env: Record<string, string | undefined> = process.env): string {
  const os = require('node:os') as typeof import('node:os');
  const execEnv = env.AWS_EXECUTION_ENV !== undefined ? ` exec-env/${env.AWS_EXECUTION_ENV}` : '';
  return `aws-cli/${CLI_VERSION} Node.js/${process.versions.node} ${os.type()}/${os.release()}${execEnv} source/${os.arch()}`;
}
