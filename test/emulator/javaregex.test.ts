import { describe, expect, it } from 'vitest';
import { UnsupportedPatternError, javaFullMatchRegExp, translateJavaPattern } from '../../src/emulator/javaregex';
import { MODEL } from '../../src/model';

const NAME = '(?!\\s*$)[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t]*';
const matches = (pattern: string, value: string) => javaFullMatchRegExp(pattern).test(value);

describe('translateJavaPattern', () => {
  it('compiles every pattern of the model', () => {
    const patterns = new Set(Object.values(MODEL.shapes).flatMap((s) => (s.pattern ? [s.pattern] : [])));
    expect(patterns.size).toBeGreaterThan(20);
    for (const p of patterns) expect(() => javaFullMatchRegExp(p)).not.toThrow();
  });

  it('turns escaped punctuation into what unicode-mode JS accepts', () => {
    expect(translateJavaPattern('[a-zA-Z0-9\\_\\#\\=\\@/\\;\\,\\-\\ \\^\\$\\?\\[\\]\\{\\}\\|\\\\\\*\\+\\.\\(\\)]+'))
      .toBe('[a-zA-Z0-9_#=@/;,\\- \\^$?\\[\\]{}|\\\\*+.()]+');
    expect(translateJavaPattern('a\\#b\\.c')).toBe('a#b\\.c');
  });

  it('makes \\s ASCII-only, `.` exclude U+0085, `$` allow a final line terminator', () => {
    expect(translateJavaPattern('\\s\\S')).toBe('[\\t\\n\\x0B\\f\\r ][^\\t\\n\\x0B\\f\\r ]');
    expect(translateJavaPattern('.')).toBe('[^\\n\\r\\u0085\\u2028\\u2029]');
    expect(translateJavaPattern('[\\S\\s]*')).toBe('(?:[\\t\\n\\x0B\\f\\r ]|[^\\t\\n\\x0B\\f\\r ])*');
    expect(translateJavaPattern('a$')).toBe('a(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)');
  });

  it('translates \\Q…\\E, \\A, \\z, POSIX classes and hex escapes', () => {
    expect(translateJavaPattern('\\Qa.b*\\E+')).toBe('a\\.b\\*+');
    expect(translateJavaPattern('\\Aab\\z')).toBe('^ab$');
    expect(translateJavaPattern('\\p{Alpha}[\\p{Digit}_]')).toBe('[a-zA-Z][0-9_]');
    expect(translateJavaPattern('\\x41\\x{1F680}\\0101')).toBe('\\x41\\u{1F680}\\u{41}');
  });

  it('refuses what JS cannot express the same way', () => {
    for (const p of ['a*+', '(?i)a', '(?>a)', '[a[b]]', '[a&&b]', '\\y']) {
      expect(() => translateJavaPattern(p), p).toThrow(UnsupportedPatternError);
    }
  });
});

describe('whole-value matching like java.util.regex.Matcher.matches', () => {
  it('anchors at both ends', () => {
    expect(matches('[0-9]{12}', '123456789012')).toBe(true);
    expect(matches('[0-9]{12}', 'x123456789012')).toBe(false);
    expect(matches('[0-9]{12}', '1234567890123')).toBe(false);
    expect(matches('[0-9a-f]+', 'abc\n')).toBe(false);
  });

  it('NameString: not blank, printable characters and tab', () => {
    expect(matches(NAME, 'nightly run')).toBe(true);
    expect(matches(NAME, 'tab\there')).toBe(true);
    expect(matches(NAME, 'ünïcode ✓')).toBe(true);
    expect(matches(NAME, '')).toBe(false);
    expect(matches(NAME, '   ')).toBe(false);
    expect(matches(NAME, ' \t ')).toBe(false);
    expect(matches(NAME, 'line\nbreak')).toBe(false);
    // Java's \s is ASCII: a name of no-break spaces is not blank to Java, and U+00A0 is in the class.
    expect(matches(NAME, '\u00a0\u00a0')).toBe(true);
    // Code points beyond the BMP are not in the class (only the listed surrogates are), as in Java.
    expect(matches(NAME, 'rocket 🚀')).toBe(false);
    expect(matches(NAME, 'lone \ud800')).toBe(true);
    expect(matches(NAME, 'lone \udc00')).toBe(true);
    expect(matches(NAME, 'lone \udbfe')).toBe(false);
  });

  it('`.` stops at line terminators, [\\S\\s] does not', () => {
    expect(matches('arn:aws[-a-z]*:kms:[-a-z0-9]+:[0-9]{12}:key/.+', 'arn:aws:kms:us-east-1:123456789012:key/abc')).toBe(true);
    expect(matches('arn:aws[-a-z]*:kms:[-a-z0-9]+:[0-9]{12}:key/.+', 'arn:aws:kms:us-east-1:123456789012:key/a\u0085b')).toBe(false);
    expect(matches('[\\S\\s]*', 'any\nthing\u0085 🚀')).toBe(true);
  });

  it('`$` inside the pattern may stand before a final line terminator', () => {
    expect(matches('a$\\n', 'a\n')).toBe(true);
    expect(matches('(?!\\s*$).*', 'x')).toBe(true);
  });
});
