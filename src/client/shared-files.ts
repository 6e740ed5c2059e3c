// The shared config and credentials files as botocore reads them (configloader.py): each with Python's
// RawConfigParser (../py/configparser), an indented block under an empty value (`s3 =` then
// `  addressing_style = path`) read as a nested mapping, and any error of either, a text that is not
// UTF-8 included, a ConfigParseError naming the file (exit 255). A path that is not a file is no
// file; one that cannot be opened is read as empty (configparser skips it).
//
// The config file's sections are mapped as build_profile_map maps them: `[default]` and
// `[profile NAME]` are profiles (the name is the second word of shlex.split of the section name:
// `[profile   spaced  ]` is `spaced`, `[profile a b]` none), `[services NAME]` and
// `[sso-session NAME]` likewise; the credentials file's section names are profile names as written.
// A session's profile (botocore's full_config) is its config-file profile updated with its
// credentials-file section.
//
// The files are small: they are read again wherever they are needed (at start-up, for the profile,
// for the credentials), which reads them as the process finds them then.
import { readFileSync, statSync } from 'node:fs';
import { CliError, RC } from '../errors';
import { own } from '../model/own';
import { ConfigParserError, readConfig, sectionItems } from '../py/configparser';
import { ShlexError, shlexSplit } from '../py/shlex';
import { pySplitlines, pyStrip } from '../py/str';
import { configFilePath, credentialsFilePath } from './config-paths';

/** botocore's ConfigParseError (exit 255). */
export class ConfigParseError extends CliError {
  constructor(path: string) {
    super(`Unable to parse config file: ${path}`, RC.GENERAL);
  }
}

/**
 * A section's options. A nested block's keys are kept as `OPTION.KEY` (as the SDK's loader keeps
 * them), with no entry of the option itself.
 */
export type Section = Record<string, string>;

/** The sections of one file, by name, in the order they first appear. */
export type Sections = Map<string, Section>;

/** A record with no prototype: a key named like a built-in property of objects is an ordinary key. */
const record = (): Section => Object.create(null) as Section;

/** botocore's _parse_nested: `key = value` lines; any other line that is not blank is an error. */
function parseNested(value: string): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  for (const raw of pySplitlines(value)) {
    const line = pyStrip(raw);
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 0) return undefined;
    pairs.push([pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1))]);
  }
  return pairs;
}

/** Strict UTF-8 (made when a file is first read: most commands read none). */
let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * raw_config_parse(path): the file's sections (none when it is not a file). Throws
 * ConfigParseError.
 */
export function rawConfigParse(path: string): Sections {
  const sections: Sections = new Map();
  let isFile = false;
  try {
    // (A missing file is the common case: no exception for it, whose first one costs about 0.3 ms.)
    isFile = statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    isFile = false;
  }
  if (!isFile) return sections;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    // configparser's read() skips a file it cannot open.
    return sections;
  }
  let text: string;
  try {
    text = (utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
  } catch {
    // Python's UnicodeDecodeError (the byte-order mark is kept: it is text before the first header).
    throw new ConfigParseError(path);
  }
  let config;
  try {
    config = readConfig(text);
  } catch (e) {
    if (e instanceof ConfigParserError) throw new ConfigParseError(path);
    throw e;
  }
  for (const name of config.sections.keys()) {
    const section = record();
    for (const [option, value] of sectionItems(config, name)) {
      if (!value.startsWith('\n')) {
        section[option] = value;
        continue;
      }
      const nested = parseNested(value);
      if (!nested) throw new ConfigParseError(path);
      for (const [k, v] of nested) section[`${option}.${k}`] = v;
    }
    sections.set(name, section);
  }
  return sections;
}

/** What build_profile_map makes of the config file's sections. */
export interface ProfileMap {
  profiles: Sections;
  services: Sections;
  ssoSessions: Sections;
}

/** _parse_section: the name after the prefix, when shlex.split makes exactly two words of the section name. */
function sectionName(key: string): string | undefined {
  let parts: string[];
  try {
    parts = shlexSplit(key);
  } catch (e) {
    if (e instanceof ShlexError) return undefined;
    throw e;
  }
  return parts.length === 2 ? parts[1] : undefined;
}

/** build_profile_map: profiles, services and sso-session sections by their names (a later one of a name wins). */
export function buildProfileMap(sections: Sections): ProfileMap {
  const map: ProfileMap = { profiles: new Map(), services: new Map(), ssoSessions: new Map() };
  for (const [key, values] of sections) {
    const into = key.startsWith('profile') ? map.profiles
      : key.startsWith('sso-session') ? map.ssoSessions
        : key.startsWith('services') ? map.services : undefined;
    if (into) {
      const name = sectionName(key);
      if (name !== undefined) into.set(name, values);
    } else if (key === 'default') {
      map.profiles.set(key, values);
    }
  }
  return map;
}

/** Both files, read as botocore's session reads them. */
export interface SharedFiles {
  configFile: string;
  credentialsFile: string;
  /** The config file's profiles, services and sso-session sections. */
  config: ProfileMap;
  /** The credentials file's sections, named as written. */
  credentials: Sections;
  /** full_config's profiles: the config file's, each updated with the credentials file's section of its name. */
  profiles: Sections;
}

type Env = Record<string, string | undefined>;

/**
 * The files at these paths: the config file first, then the credentials file (the first error is
 * the one reported).
 */
export function readSharedFilesAt(configFile: string, credentialsFile: string): SharedFiles {
  const config = buildProfileMap(rawConfigParse(configFile));
  const credentials = rawConfigParse(credentialsFile);
  const profiles: Sections = new Map(config.profiles);
  for (const [name, values] of credentials) {
    profiles.set(name, Object.assign(record(), profiles.get(name), values));
  }
  return { configFile, credentialsFile, config, credentials, profiles };
}

/** The files the environment names (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/…). */
export function readSharedFiles(env: Env): SharedFiles {
  return readSharedFilesAt(configFilePath(env), credentialsFilePath(env));
}

/**
 * The profile the session names: --profile when not empty (the AWS CLI ignores a falsy one), else
 * AWS_PROFILE, else AWS_DEFAULT_PROFILE (an environment variable counts even when empty); undefined
 * when none is named (the default profile, which need not exist).
 */
export function namedProfile(env: Env, flag: string | undefined): string | undefined {
  return flag || (env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE);
}

/** One setting of a profile (e.g. cli_auto_prompt), from the files given or read now, or undefined. Throws ConfigParseError. */
export function profileSetting(env: Env, profile: string, key: string, files: SharedFiles = readSharedFiles(env)): string | undefined {
  return own(files.profiles.get(profile), key);
}
