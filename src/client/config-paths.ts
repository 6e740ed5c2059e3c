// Where the shared config and credentials files are (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE,
// else ~/.aws/…), as raw_config_parse expands a path: its variables first, then `~`.
import { join } from 'node:path';
import { expandUser, expandVars } from '../py/os-path';

type Env = Record<string, string | undefined>;

const expand = (path: string | undefined, env: Env) => path === undefined ? undefined : expandUser(expandVars(path, env), env);

export const configFilePath = (env: Env) => expand(env.AWS_CONFIG_FILE, env) ?? join(env.HOME ?? '', '.aws', 'config');
export const credentialsFilePath = (env: Env) =>
  expand(env.AWS_SHARED_CREDENTIALS_FILE, env) ?? join(env.HOME ?? '', '.aws', 'credentials');
