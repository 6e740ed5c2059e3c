// The seed command's help against the seed reference page (vendor/seed, the AWS CLI's web reference
// for the command, an earlier version of it): every option, nested member and output member it
// describes is on the page with the same description; and the summaries the prompt shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationSummary, optionSummary } from '../../src/help/document';
import { helpRst } from '../../src/help/index';
import { parseRst } from '../../src/help/rst';
import { astext } from '../../src/help/doctree';

const SEED = join(__dirname, '..', '..', 'vendor', 'seed', 'start-trained-model-inference-job.md');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The seed page's texts: option → description, nested `name -> (type)` descriptions, output ones. */
function seedTexts(): { options: Map<string, string>; nested: string[]; output: string[]; description: string } {
  // (The page was saved with UTF-8 read as Latin-1: `Â¶` anchors, `â` apostrophes.)
  const text = readFileSync(SEED, 'utf8').replace(/Â¶/g, '').replace(/(\w)â(\w)/g, "$1'$2");
  const section = (name: string) => {
    const start = text.indexOf(`## ${name}\n`);
    const end = text.indexOf('\n## ', start + 1);
    return text.slice(start, end < 0 ? undefined : end);
  };
  const paras = (s: string) => s.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const options = new Map<string, string>();
  const nested: string[] = [];
  const opt = paras(section('Options'));
  opt.forEach((p, i) => {
    const [first, ...rest] = p.split('\n');
    const head = /^`(--[a-z-]+)`(?: \| `--[a-z-]+`)? \((\w+)\)$/.exec(first);
    if (head) options.set(head[1], rest.length ? rest.join(' ') : opt[i + 1]);
    if (/^\w+ -> \(\w+\)$/.test(p) || p === '(structure)') {
      const next = opt[i + 1];
      if (next && !/ -> \(|^\(|^Shorthand|^JSON|^```|^`--/.test(next)) nested.push(next);
    }
  });
  const out = paras(section('Output'));
  const output = out.filter((_p, i) => i > 0 && / -> \(/.test(out[i - 1]));
  return { options, nested, output, description: paras(section('Description'))[1] };
}

describe('the seed command help', () => {
  // The page's text: the parsed reStructuredText (no line breaks, no hyphenation, no markup).
  const help = squash(astext(parseRst(helpRst(['cleanroomsml', 'start-trained-model-inference-job'])!)))
    .replace(/`([^`]*)`/g, '$1');
  const seed = seedTexts();

  it('has every seed option with its description', () => {
    expect(seed.options.size).toBeGreaterThanOrEqual(14);
    for (const [name, desc] of seed.options) {
      expect(help, name).toContain(name);
      expect(help, `${name} description`).toContain(squash(desc.replace(/`/g, '').replace(/\*/g, '')));
    }
  });

  it('has the nested member and output descriptions and the operation description', () => {
    expect(seed.nested.length).toBeGreaterThanOrEqual(7);
    for (const d of seed.nested) expect(help).toContain(squash(d.replace(/`/g, '')));
    expect(seed.output.length).toBeGreaterThanOrEqual(1);
    for (const d of seed.output) expect(help).toContain(squash(d));
    expect(help).toContain(`Description ${seed.description}`);
  });
});

describe('summaries for the prompt', () => {
  it('an operation: its documentation as one line of text', () => {
    expect(operationSummary('start-trained-model-inference-job')).toBe('Defines the information necessary to begin a trained model inference job.');
    expect(operationSummary('nope')).toBeUndefined();
  });

  it('an option: type, required, description; a --no- twin and --cli-input-yaml as their group', () => {
    expect(optionSummary('start-trained-model-inference-job', '--name')).toEqual({
      type: 'string', required: true, description: 'The name of the trained model inference job.',
    });
    expect(optionSummary('start-audience-generation-job', '--no-include-seed-in-output')).toEqual({
      type: 'boolean', required: false, description: 'Whether the seed audience is included in the audience generation output.',
    });
    expect(optionSummary('list-trained-models', '--cli-input-yaml')?.description).toMatch(/^Reads arguments from the JSON string provided\. The JSON string follows the format provided by --generate-cli-skeleton\./);
    expect(optionSummary('create-ml-input-channel', '--input-channel')?.type).toBe('structure');
    expect(optionSummary('list-trained-models', '--output')).toEqual({ type: 'string', required: false, description: 'The formatting style for command output.' });
    expect(optionSummary('list-trained-models', '--bogus')).toBeUndefined();
  });
});
