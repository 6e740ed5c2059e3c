// file:// and fileb:// as awscli/paramfile.py loads them: os.path.expandvars(os.path.expanduser(path)),
// text through Python's universal newlines, the OSError text with repr() of the path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PyBytes } from '../../src/py/values';
import { loadParamFile, ParamFileError } from '../../src/params/paramfile';
import { expandUser } from '../../src/py/os-path';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paramfile-test-'));
  writeFileSync(join(dir, 'crlf.txt'), 'a\r\nb\rc\n');
  writeFileSync(join(dir, 'bom.json'), Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFileSync(join(dir, 'utf8.txt'), 'caf\u00e9 \u{1F680}');
  writeFileSync(join(dir, "it's.txt"), 'quoted');
  writeFileSync(join(dir, 'utf16.txt'), Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0xe9, 0x00]));
  writeFileSync(join(dir, 'utf16be.txt'), Buffer.from([0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9]));
  writeFileSync(join(dir, 'utf16nobom.txt'), Buffer.from([0x68, 0x00, 0x69, 0x00]));
  mkdirSync(join(dir, 'sub'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fenv = (env: Record<string, string> = {}) => ({ env: { HOME: dir, ...env }, cwd: dir });

function loadError(value: string, env: Record<string, string> = {}): string {
  try {
    loadParamFile(value, fenv(env));
  } catch (e) {
    expect(e).toBeInstanceOf(ParamFileError);
    return (e as Error).message;
  }
  throw new Error('expected a ParamFileError');
}

describe('loadParamFile', () => {
  it('is undefined for values without a (case-sensitive) file prefix', () => {
    expect(loadParamFile('plain', fenv())).toBeUndefined();
    expect(loadParamFile('FILE://x', fenv())).toBeUndefined();
    expect(loadParamFile('http://x', fenv())).toBeUndefined();
  });

  it('reads text as UTF-8 with universal newlines', () => {
    expect(loadParamFile('file://crlf.txt', fenv())).toBe('a\nb\nc\n');
    expect(loadParamFile('file://utf8.txt', fenv())).toBe('caf\u00e9 \u{1F680}');
  });

  it('keeps a UTF-8 byte order mark as U+FEFF (file-rc-bom)', () => {
    expect(loadParamFile('file://bom.json', fenv())).toBe('\ufeff{}');
  });

  it('reads fileb:// as the exact bytes', () => {
    const v = loadParamFile('fileb://crlf.txt', fenv());
    expect(v).toBeInstanceOf(PyBytes);
    expect([...(v as PyBytes).bytes]).toEqual([0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63, 0x0a]);
  });

  it('expands ~ then $VAR in the path, absolute paths as they are', () => {
    expect(loadParamFile('file://~/crlf.txt', fenv())).toBe('a\nb\nc\n');
    expect(loadParamFile('file://$D/crlf.txt', fenv({ D: dir }))).toBe('a\nb\nc\n');
    expect(loadParamFile(`file://${join(dir, 'crlf.txt')}`, { env: {}, cwd: '/' })).toBe('a\nb\nc\n');
  });

  it('reports a missing file with the whole value and the expanded path', () => {
    expect(loadError('file://nope.json')).toBe("Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'");
    expect(loadError('fileb://~/nope')).toBe(`Unable to load paramfile fileb://~/nope: [Errno 2] No such file or directory: '${dir}/nope'`);
  });

  it('reports directories and non-directories with their errno', () => {
    expect(loadError('file://sub')).toBe("Unable to load paramfile file://sub: [Errno 21] Is a directory: 'sub'");
    expect(loadError('file://crlf.txt/x')).toBe("Unable to load paramfile file://crlf.txt/x: [Errno 20] Not a directory: 'crlf.txt/x'");
  });

  it('quotes the path as Python repr() does', () => {
    expect(loadError("file://it's/x")).toBe(`Unable to load paramfile file://it's/x: [Errno 2] No such file or directory: "it's/x"`);
    expect(loadError('file://a\nb')).toBe("Unable to load paramfile file://a\nb: [Errno 2] No such file or directory: 'a\\nb'");
    expect(loadParamFile("file://it's.txt", fenv())).toBe('quoted');
  });

  it('refuses text that is not UTF-8 and points to fileb://', () => {
    expect(loadError('file://latin1.txt')).toBe('Unable to load paramfile (latin1.txt), text contents could not be decoded.  ' +
      'If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.');
    const bytes = loadParamFile('fileb://latin1.txt', fenv()) as PyBytes;
    expect([...bytes.bytes]).toEqual([0x63, 0x61, 0x66, 0xe9]);
  });

  it('reads file:// (nothing after the prefix) as Python opens an empty path: no such file', () => {
    expect(loadError('file://')).toBe("Unable to load paramfile file://: [Errno 2] No such file or directory: ''");
    expect(loadError('fileb://')).toBe("Unable to load paramfile fileb://: [Errno 2] No such file or directory: ''");
    expect(loadError('file://~')).toBe(`Unable to load paramfile file://~: [Errno 21] Is a directory: '${dir}'`);
  });

  it('expands ~name from the password database, as os.path.expanduser does', () => {
    expect(expandUser('~root/x', {})).toBe('/root/x');
    expect(expandUser('~no-such-user-here/x', {})).toBe('~no-such-user-here/x');
  });

  it('decodes text with AWS_CLI_FILE_ENCODING (a Python codec name) when it is set', () => {
    expect(loadParamFile('file://latin1.txt', fenv({ AWS_CLI_FILE_ENCODING: 'latin-1' }))).toBe('caf\u00e9');
    expect(loadParamFile('file://latin1.txt', fenv({ AWS_CLI_FILE_ENCODING: 'ISO-8859-1' }))).toBe('caf\u00e9');
    expect(loadParamFile('file://utf8.txt', fenv({ AWS_CLI_FILE_ENCODING: 'UTF8' }))).toBe('caf\u00e9 \u{1F680}');
    // utf-16: the byte order mark picks the order and is dropped; universal newlines still apply.
    expect(loadParamFile('file://utf16.txt', fenv({ AWS_CLI_FILE_ENCODING: 'utf-16' }))).toBe('h\n\u00e9');
    expect(loadParamFile('file://utf16be.txt', fenv({ AWS_CLI_FILE_ENCODING: 'UTF-16' }))).toBe('h\u00e9');
    expect(loadParamFile('file://utf16nobom.txt', fenv({ AWS_CLI_FILE_ENCODING: 'utf_16' }))).toBe('hi');
    // utf-8-sig drops a byte order mark that utf-8 keeps.
    expect(loadParamFile('file://bom.json', fenv({ AWS_CLI_FILE_ENCODING: 'utf-8-sig' }))).toBe('{}');
    // ascii refuses bytes above 0x7f like any undecodable text.
    expect(loadError('file://latin1.txt', { AWS_CLI_FILE_ENCODING: 'ascii' })).toBe(
      'Unable to load paramfile (latin1.txt), text contents could not be decoded.  ' +
      'If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.');
    // fileb:// is never decoded.
    expect(loadParamFile('fileb://latin1.txt', fenv({ AWS_CLI_FILE_ENCODING: 'ascii' }))).toBeInstanceOf(PyBytes);
  });

  it('opens the file before looking the codec up: a missing file wins over an unknown codec', () => {
    expect(loadError('file://nope', { AWS_CLI_FILE_ENCODING: 'bogus' })).toBe(
      "Unable to load paramfile file://nope: [Errno 2] No such file or directory: 'nope'");
    expect(() => loadParamFile('file://crlf.txt', fenv({ AWS_CLI_FILE_ENCODING: 'bogus' }))).toThrow('unknown encoding: bogus');
  });
});
