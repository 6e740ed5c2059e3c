// Where the shared config and credentials files are (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE,
// else ~/.aws/…): light, so that start-up can ask whether a config file exists before loading more.
import { join } from 'node:path';
import { expandUser } from '../py/os-path';

type Env = Record<string, string | undefined>;

export const configFilePath = (env: Env) => expandUser(env.AWS_CONFIG_FILE ?? join(env.HOME ?? '', '.aws', 'config'), env);
export const credentialsFilePath = (env: Env) =>
  expandUser(env.AWS_SHARED_CREDENTIALS_FILE ?? join(env.HOME ?? '', '.aws', 'credentials'), env);
