// Python's configparser.RawConfigParser reading a file (CPython 3.11's _read), with the defaults
// botocore creates it with: strict (a section or an option given twice is an error), `=` and `:`
// delimiters, `#` and `;` comments on lines of their own only (no inline comments: `a = b ; c` is the
// value `b ; c`), no valueless options, blank lines kept in multi-line values, option names
// lower-cased, a `DEFAULT` section whose options every section inherits, and no interpolation.
//
// A value continues on the lines that follow, indented deeper than its option line (its lines
// joined with "\n", the trailing blank ones dropped). Lines end at "\n", "\r\n" or "\r" (the
// universal newlines of a file read as text); whitespace is what str.isspace() says.
import { pyIsSpace, pyRStrip, pyStrip } from './str';

/** configparser.Error: the class name and what str() of it says (its first line, as botocore does not print it). */
export class ConfigParserError extends Error {
  constructor(override readonly name: 'MissingSectionHeaderError' | 'DuplicateSectionError' | 'DuplicateOptionError' | 'ParsingError',
    message: string) {
    super(message);
  }
}

/** What RawConfigParser holds once it read a text: sections in file order, each option's value. */
export interface RawConfig {
  /** The DEFAULT section's options. */
  defaults: Map<string, string>;
  /** The other sections, in the order they first appear. */
  sections: Map<string, Map<string, string>>;
}

const SECTION = /^\[(.+)\]/s;

/** `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$`: the option up to its first delimiter, and the rest. */
function splitOption(value: string): [string, string] | undefined {
  const at = value.search(/[=:]/);
  if (at < 0) return undefined;
  return [pyRStrip(value.slice(0, at)), pyStrip(value.slice(at + 1))];
}

/** Where a line's text starts (NONSPACECRE, `\S`): its indentation in code points. */
function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (!pyIsSpace(ch.codePointAt(0)!)) return n;
    n++;
  }
  return 0;
}

/** Python's str.lower() (configparser's optionxform). */
const optionxform = (s: string) => s.toLowerCase();

/** RawConfigParser().read_string(text): the sections and options, or the first error it raises. */
export function readConfig(text: string): RawConfig {
  const defaults = new Map<string, string[]>();
  const sections = new Map<string, Map<string, string[]>>();
  /** The (section, option) pairs read. */
  const added = new Set<string>();
  let cursect: Map<string, string[]> | undefined;
  let sectname = '';
  let optname: string | undefined;
  let indentLevel = 0;
  let parsingError: ConfigParserError | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  // A final line break ends the last line: it opens none.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const lineno = index + 1;
    const stripped = pyStrip(line);
    const comment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = comment ? '' : stripped;
    if (!value) {
      // A blank line (not a comment) is part of the value being read.
      if (!comment && cursect && optname) cursect.get(optname)!.push('');
      return;
    }
    const indent = indentOf(line);
    // (An empty option name, an error, takes no continuation.)
    if (cursect && optname && indent > indentLevel) {
      cursect.get(optname)!.push(value);
      return;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      sectname = header[1];
      if (sections.has(sectname)) {
        throw new ConfigParserError('DuplicateSectionError', `While reading from '<string>' [line ${lineno}]: section ${sectname} already exists`);
      } else if (sectname === 'DEFAULT') {
        // (It may come back: its options are still checked once each.)
        cursect = defaults;
      } else {
        cursect = new Map();
        sections.set(sectname, cursect);
      }
      optname = undefined;
      return;
    }
    if (!cursect) {
      throw new ConfigParserError('MissingSectionHeaderError', `File contains no section headers.\nfile: '<string>', line: ${lineno}`);
    }
    const option = splitOption(value);
    if (!option) {
      // A non-fatal error: reported once the whole text was read (unless a fatal one comes first).
      parsingError ??= new ConfigParserError('ParsingError', "Source contains parsing errors: '<string>'");
      return;
    }
    if (!option[0]) parsingError ??= new ConfigParserError('ParsingError', "Source contains parsing errors: '<string>'");
    optname = optionxform(option[0]);
    const key = `${sectname}\u0000${optname}`;
    if (added.has(key)) {
      throw new ConfigParserError('DuplicateOptionError', `While reading from '<string>' [line ${lineno}]: option ${optname} in section ${sectname} already exists`);
    }
    added.add(key);
    cursect.set(optname, [option[1]]);
  });
  const join = (options: Map<string, string[]>) =>
    new Map([...options].map(([k, v]) => [k, pyRStrip(v.join('\n'))] as [string, string]));
  if (parsingError) throw parsingError;
  return { defaults: join(defaults), sections: new Map([...sections].map(([name, options]) => [name, join(options)])) };
}

/**
 * A section's options as cp.options(section) lists them and cp.get(section, option) reads them: the
 * section's own first (their values winning), then the DEFAULT section's others.
 */
export function sectionItems(config: RawConfig, section: string): Map<string, string> {
  const items = new Map(config.sections.get(section));
  for (const [k, v] of config.defaults) if (!items.has(k)) items.set(k, v);
  return items;
}
