// Python's RawConfigParser reading INI texts (fixtures/configparser-cases.json), against what CPython
// 3.11 (the oracle's Python) makes of them (fixtures/gen-configparser-cases.py): the error's class, or
// each section's options (DEFAULT's inherited) and values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigParserError, readConfig, sectionItems } from '../../src/py/configparser';

interface Case { text: string; error?: string; defaults?: [string, string][]; sections?: [string, [string, string][]][] }
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'configparser-cases.json'), 'utf8')) as { cases: Case[] };

describe('readConfig (RawConfigParser.read_string)', () => {
  it.each(fixture.cases.map((c) => [c.text, c] as const))('%j', (_text, c) => {
    let got: Omit<Case, 'text'>;
    try {
      const config = readConfig(c.text);
      got = { defaults: [...config.defaults], sections: [...config.sections.keys()].map((s) => [s, [...sectionItems(config, s)]]) };
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigParserError);
      got = { error: (e as Error).name };
    }
    const { text: _, ...want } = c;
    expect(got).toEqual(want);
  });
});
