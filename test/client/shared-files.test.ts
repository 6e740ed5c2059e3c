// The shared files as botocore's configloader reads them: raw_config_parse (RawConfigParser, nested
// blocks, ConfigParseError), build_profile_map (shlex.split of section names), and the session's
// profiles (each config-file profile updated with its credentials-file section). The parser itself is
// checked against CPython in test/py/configparser.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFilePath, credentialsFilePath } from '../../src/client/config-paths';
import { buildProfileMap, ConfigParseError, rawConfigParse, readSharedFiles, readSharedFilesAt } from '../../src/client/shared-files';
import type { CliError } from '../../src/errors';

let dir: string;
let n = 0;
/** A file with these contents (text, or bytes as they are). */
const file = (contents: string | Uint8Array): string => {
  const p = join(dir, `f${n++}`);
  writeFileSync(p, contents);
  return p;
};
const entries = (m: Map<string, Record<string, string>>) => [...m].map(([k, v]) => [k, { ...v }]);

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'shared-files-test-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('raw_config_parse', () => {
  it.each([
    ['no section header', 'region = x\n'],
    ['a byte-order mark before the first header', '\ufeff[default]\nregion = x\n'],
    ['a section given twice', '[default]\nregion = a\n[default]\nregion = b\n'],
    ['a key given twice (in any case)', '[default]\nregion = a\nREGION = b\n'],
    ['a key without a value', '[default]\nregion\n'],
    ['a nested block with a line that is not key = value', '[default]\ns3 =\n  addressing_style = path\n  nonsense\n'],
  ])('%s: Unable to parse config file: PATH (exit 255)', (_what, text) => {
    const path = file(text);
    let err: CliError | undefined;
    try {
      rawConfigParse(path);
    } catch (e) {
      err = e as CliError;
    }
    expect(err).toBeInstanceOf(ConfigParseError);
    expect(err!.render()).toBe(`\naws: [ERROR]: Unable to parse config file: ${path}\n`);
    expect(err!.rc).toBe(255);
  });

  it('text that is not UTF-8 is an error too', () => {
    expect(() => rawConfigParse(file(Uint8Array.from([...Buffer.from('[default]\nregion = '), 0xff, 0x0a])))).toThrow(ConfigParseError);
  });

  it('a path that is no file, or not there, is an empty file', () => {
    expect(rawConfigParse(dir).size).toBe(0);
    expect(rawConfigParse(join(dir, 'nothing-here')).size).toBe(0);
  });

  it("reads values as configparser does: lower-cased keys, `:`, comments kept, empty values, DEFAULT's options inherited", () => {
    const sections = rawConfigParse(file('[DEFAULT]\noutput = json\n[default]\nRegion: eu-west-1 ; not a comment\n' +
      'endpoint_url =\n[other]\r\noutput = text\r\n'));
    expect(entries(sections)).toEqual([
      ['default', { region: 'eu-west-1 ; not a comment', endpoint_url: '', output: 'json' }],
      ['other', { output: 'text' }],
    ]);
  });

  it('reads an indented block under an empty value as OPTION.KEY entries (keys as written)', () => {
    const sections = rawConfigParse(file('[services s]\ncleanroomsml =\n  Endpoint_URL = http://a\n\n  x=1=2\nregion = r\n'));
    expect(entries(sections)).toEqual([['services s', { 'cleanroomsml.Endpoint_URL': 'http://a', 'cleanroomsml.x': '1=2', region: 'r' }]]);
  });

  it('keeps keys named like built-in properties as ordinary keys', () => {
    const section = rawConfigParse(file('[default]\n__proto__ = a\nconstructor = b\n')).get('default')!;
    expect(Object.keys(section)).toEqual(['__proto__', 'constructor']);
    expect(section.constructor).toBe('b');
  });
});

describe('build_profile_map', () => {
  const map = (text: string) => buildProfileMap(rawConfigParse(file(text)));

  it('names profiles by the second word of shlex.split of the section name; `default` is one', () => {
    const m = map('[default]\na = 1\n[profile   spaced  ]\na = 2\n[profile a b]\na = 3\n[profile \'a b\']\na = 4\n' +
      '[profile "open]\na = 5\n[profile]\na = 6\n[profiled x]\na = 7\n[other]\na = 8\n');
    expect(entries(m.profiles)).toEqual([['default', { a: '1' }], ['spaced', { a: '2' }], ['a b', { a: '4' }], ['x', { a: '7' }]]);
  });

  it('takes services and sso-session sections the same way; a later section of a name wins', () => {
    const m = map('[services local]\ns3 =\n  endpoint_url = http://x\n[sso-session my]\nsso_region = r\n' +
      '[profile default]\nregion = a\n[default]\nregion = b\n');
    expect(entries(m.services)).toEqual([['local', { 's3.endpoint_url': 'http://x' }]]);
    expect(entries(m.ssoSessions)).toEqual([['my', { sso_region: 'r' }]]);
    expect(entries(m.profiles)).toEqual([['default', { region: 'b' }]]);
  });
});

describe("the session's files", () => {
  it("updates each config-file profile with the credentials file's section of its name (named as written there)", () => {
    const files = readSharedFilesAt(
      file('[default]\nregion = eu-west-1\noutput = json\n[profile dev]\nregion = us-east-2\n'),
      file('[default]\noutput = text\naws_access_key_id = A\n[profile dev]\nregion = x\n[creds-only]\nregion = ap-south-1\n'),
    );
    expect(entries(files.profiles)).toEqual([
      ['default', { region: 'eu-west-1', output: 'text', aws_access_key_id: 'A' }],
      ['dev', { region: 'us-east-2' }],
      ['profile dev', { region: 'x' }],
      ['creds-only', { region: 'ap-south-1' }],
    ]);
    expect({ ...files.config.profiles.get('default') }).toEqual({ region: 'eu-west-1', output: 'json' });
  });

  it('reads the config file first: its error is the one reported', () => {
    const config = file('nonsense\n');
    expect(() => readSharedFilesAt(config, file('nonsense\n'))).toThrow(`Unable to parse config file: ${config}`);
  });

  it('finds the files from AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, expanding variables then ~', () => {
    mkdirSync(join(dir, 'home'), { recursive: true });
    writeFileSync(join(dir, 'home', 'cfg'), '[default]\nregion = from-vars\n');
    const env = { HOME: join(dir, 'home'), WHERE: 'cfg', AWS_CONFIG_FILE: '~/${WHERE}', AWS_SHARED_CREDENTIALS_FILE: '$HOME/none' };
    expect(configFilePath(env)).toBe(join(dir, 'home', 'cfg'));
    expect(credentialsFilePath(env)).toBe(join(dir, 'home', 'none'));
    expect(readSharedFiles(env).profiles.get('default')!.region).toBe('from-vars');
    expect(configFilePath({ HOME: '/h' })).toBe('/h/.aws/config');
  });
});
