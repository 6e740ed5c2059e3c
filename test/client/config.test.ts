// Configuration as the AWS CLI resolves it (awscli/botocore/configprovider.py): the profile
// (--profile > AWS_PROFILE > AWS_DEFAULT_PROFILE > default), the region chain, and the configured
// endpoint URL (--endpoint-url > AWS_ENDPOINT_URL_CLEANROOMSML > AWS_ENDPOINT_URL > services section
// > profile endpoint_url, all ignored with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configValue, loadProfile, ProfileNotFoundError, resolveEndpointSettings, resolveRegion, type Profile } from '../../src/client/config';
import { toGlobalArgs, type GlobalArgs } from '../../src/commands/globals';
import { CliError, NoRegionError } from '../../src/errors';
import type { IO } from '../../src/io';
import { memoryIO } from '../support/io';

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'config-test-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), [
    '[default]', 'region = eu-west-1', 'output = text', 'max_attempts = 5',
    '[profile dev]', 'region = ap-southeast-2', 'endpoint_url = http://profile.example', 'services = local',
    '[profile withservices]', 'services = local',
    '[profile broken]', 'services = nowhere', 'endpoint_url = http://profile.example',
    '[profile ignoring]', 'endpoint_url = http://profile.example', 'ignore_configured_endpoint_urls = true',
    '[profile fips]', 'use_fips_endpoint = TRUE', 'use_dualstack_endpoint = false',
    '[profile noregion]', 'output = json',
    '[services local]', 'cleanroomsml =', '  endpoint_url = http://services.example', 's3 =', '  endpoint_url = http://s3.example',
    '',
  ].join('\n'));
  writeFileSync(join(home, '.aws', 'credentials'), '[onlycreds]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const io = (env: Record<string, string> = {}): IO => memoryIO({ HOME: home, ...env });
const globals = (v: Record<string, string> = {}): GlobalArgs => toGlobalArgs(new Map(Object.entries(v)));

async function profile(env: Record<string, string> = {}, g: Record<string, string> = {}): Promise<Profile> {
  return loadProfile(io(env), globals(g));
}

async function endpoint(env: Record<string, string>, g: Record<string, string> = {}) {
  const i = io(env);
  const gl = globals(g);
  return resolveEndpointSettings(i, gl, await loadProfile(i, gl), 'CLEANROOMSML', 'cleanroomsml');
}

describe('the profile', () => {
  it('is default without anything set', async () => {
    const p = await profile();
    expect(p.name).toBe('default');
    expect(p.fromFlag).toBe(false);
    expect(p.config.region).toBe('eu-west-1');
    expect(p.configFile).toBe(join(home, '.aws', 'config'));
    expect(p.credentialsFile).toBe(join(home, '.aws', 'credentials'));
  });

  it('is --profile, then AWS_PROFILE, then AWS_DEFAULT_PROFILE', async () => {
    expect((await profile({ AWS_PROFILE: 'dev', AWS_DEFAULT_PROFILE: 'fips' }, { profile: 'noregion' })).name).toBe('noregion');
    expect((await profile({ AWS_PROFILE: 'dev', AWS_DEFAULT_PROFILE: 'fips' })).name).toBe('dev');
    expect((await profile({ AWS_DEFAULT_PROFILE: 'fips' })).name).toBe('fips');
    expect((await profile({}, { profile: 'dev' })).fromFlag).toBe(true);
    expect((await profile({ AWS_PROFILE: 'dev' })).fromFlag).toBe(false);
  });

  it('may live in the credentials file only (whose settings are the profile\'s, as botocore merges them)', async () => {
    const p = await profile({}, { profile: 'onlycreds' });
    expect(p.config).toEqual({ aws_access_key_id: 'AKIDFILE', aws_secret_access_key: 's' });
    expect(p.credentials.aws_access_key_id).toBe('AKIDFILE');
  });

  it('must exist when named (the default profile need not)', async () => {
    await expect(profile({}, { profile: 'x' })).rejects.toThrow(ProfileNotFoundError);
    const err = await profile({ AWS_PROFILE: 'x' }).catch((e: CliError) => e);
    expect(err).toBeInstanceOf(ProfileNotFoundError);
    expect((err as CliError).render()).toBe('\naws: [ERROR]: The config profile (x) could not be found\n');
    expect((err as CliError).rc).toBe(255);
    // An empty AWS_PROFILE is still a (missing) profile name.
    await expect(profile({ AWS_PROFILE: '' })).rejects.toThrow('The config profile () could not be found');
    const none = await loadProfile(memoryIO({ HOME: join(home, 'nowhere') }), globals());
    expect(none.name).toBe('default');
    expect(none.config).toEqual({});
  });

  it('must exist when named, even `default` (botocore\'s get_scoped_config)', async () => {
    const bare = (env: Record<string, string>, g: Record<string, string> = {}) =>
      loadProfile(memoryIO({ HOME: join(home, 'nowhere'), ...env }), globals(g));
    await expect(bare({}, { profile: 'default' })).rejects.toThrow('The config profile (default) could not be found');
    await expect(bare({ AWS_PROFILE: 'default' })).rejects.toThrow('The config profile (default) could not be found');
    await expect(bare({ AWS_DEFAULT_PROFILE: 'default' })).rejects.toThrow('The config profile (default) could not be found');
  });

  it('ignores an empty --profile (the AWS CLI only sets a truthy one), which then is not "from the flag"', async () => {
    const p = await profile({ AWS_PROFILE: 'dev' }, { profile: '' });
    expect(p.name).toBe('dev');
    expect(p.fromFlag).toBe(false);
    expect((await profile({}, { profile: '' })).name).toBe('default');
  });

  it('reads AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~ expanded', async () => {
    writeFileSync(join(home, 'alt-config'), '[profile alt]\nregion = sa-east-1\n');
    const p = await profile({ AWS_CONFIG_FILE: '~/alt-config', AWS_SHARED_CREDENTIALS_FILE: '~/none' }, { profile: 'alt' });
    expect(p.config.region).toBe('sa-east-1');
    expect(p.configFile).toBe(join(home, 'alt-config'));
    expect(p.credentialsFile).toBe(join(home, 'none'));
  });
});

describe('the region', () => {
  const region = async (env: Record<string, string>, g: Record<string, string> = {}) => {
    const i = io(env);
    const gl = globals(g);
    return resolveRegion(i, gl, await loadProfile(i, gl));
  };

  it('is --region > AWS_REGION > AWS_DEFAULT_REGION > the profile', async () => {
    expect(await region({ AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' }, { region: 'eu-central-1' })).toBe('eu-central-1');
    expect(await region({ AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-1');
    expect(await region({ AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(await region({})).toBe('eu-west-1');
    expect(await region({ AWS_PROFILE: 'dev' })).toBe('ap-southeast-2');
  });

  it('takes an empty --region or variable as the region it is (the AWS CLI signs for the region "")', async () => {
    // Checked with the AWS CLI: --region '' overrides the environment, and AWS_DEFAULT_REGION= is a
    // region; the request is signed with the scope `<date>//cleanrooms-ml/aws4_request`.
    expect(await region({ AWS_REGION: 'us-west-1' }, { region: '' })).toBe('');
    expect(await region({ AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2' })).toBe('');
    expect(await region({ AWS_DEFAULT_REGION: '' })).toBe('');
  });

  it('is required (glob-no-region)', async () => {
    const err = await region({ AWS_PROFILE: 'noregion' }).catch((e: CliError) => e);
    expect(err).toBeInstanceOf(NoRegionError);
    expect((err as CliError).render()).toBe('\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. ' +
      'You can also configure your region by running "aws configure".\n');
    expect((err as CliError).rc).toBe(253);
  });

  it('must look like a region (glob-region-bad, cfg-region-invalid)', async () => {
    await expect(region({}, { region: 'Not_A_Region' })).rejects.toThrow("Provided region_name 'Not_A_Region' doesn't match a supported format.");
    await expect(region({ AWS_DEFAULT_REGION: 'us east 1' })).rejects.toThrow("Provided region_name 'us east 1' doesn't match a supported format.");
  });
});

describe('the endpoint URL', () => {
  const ALL = {
    AWS_ENDPOINT_URL_CLEANROOMSML: 'http://service-env.example', AWS_ENDPOINT_URL: 'http://global-env.example', AWS_PROFILE: 'dev',
  };

  it('takes --endpoint-url first, even with the configured ones ignored', async () => {
    expect((await endpoint({ ...ALL, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, { endpoint_url: 'http://flag.example' })).url)
      .toBe('http://flag.example');
  });

  it('then AWS_ENDPOINT_URL_CLEANROOMSML, AWS_ENDPOINT_URL, the services section, the profile (cfg-ep-env-service-over-global)', async () => {
    expect((await endpoint(ALL)).url).toBe('http://service-env.example');
    expect((await endpoint({ ...ALL, AWS_ENDPOINT_URL_CLEANROOMSML: '' })).url).toBe('http://global-env.example');
    expect((await endpoint({ AWS_PROFILE: 'dev' })).url).toBe('http://services.example');
    expect((await endpoint({ AWS_PROFILE: 'ignoring', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' })).url).toBe('http://profile.example');
    expect((await endpoint({})).url).toBeUndefined();
  });

  it('ignores every configured URL with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or ignore_configured_endpoint_urls', async () => {
    expect((await endpoint({ ...ALL, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' })).url).toBeUndefined();
    expect((await endpoint({ AWS_PROFILE: 'ignoring' })).url).toBeUndefined();
  });

  it('refuses a services section that does not exist, but only when the lookup reaches it', async () => {
    await expect(endpoint({ AWS_PROFILE: 'broken' })).rejects.toThrow(
      'The profile is configured to use the services section but the "nowhere" services configuration does not exist.');
    expect((await endpoint({ AWS_PROFILE: 'broken', AWS_ENDPOINT_URL: 'http://global-env.example' })).url).toBe('http://global-env.example');
    expect((await endpoint({ AWS_PROFILE: 'withservices' })).url).toBe('http://services.example');
  });

  it('reads the FIPS and dual-stack switches from the environment, then the profile', async () => {
    expect(await endpoint({ AWS_PROFILE: 'fips' })).toEqual({ useFips: true, useDualStack: false });
    expect(await endpoint({ AWS_PROFILE: 'fips', AWS_USE_FIPS_ENDPOINT: 'false', AWS_USE_DUALSTACK_ENDPOINT: 'true' }))
      .toEqual({ useFips: false, useDualStack: true });
  });
});

describe('other settings', () => {
  it('take the environment over the profile', async () => {
    const p = await profile();
    expect(configValue(io({ AWS_MAX_ATTEMPTS: '2' }), p, 'AWS_MAX_ATTEMPTS', 'max_attempts')).toBe('2');
    expect(configValue(io(), p, 'AWS_MAX_ATTEMPTS', 'max_attempts')).toBe('5');
    expect(configValue(io(), p, 'AWS_RETRY_MODE', 'retry_mode')).toBeUndefined();
  });
});
