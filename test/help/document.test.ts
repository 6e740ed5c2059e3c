import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentTable } from '../../src/commands/arguments';
import { GLOBAL_OPTIONS } from '../../src/commands/globals';
import { helpArguments, helpPage, operationPage, plainText } from '../../src/help/document';
import { toPlain } from '../../src/help/plain';
import { jsonSyntax, shorthandExample } from '../../src/help/syntax';
import { getShape, operationsByCliName } from '../../src/model';
import { DOCS } from '../../src/model/docs.generated';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A documentation text as the plain page shows it: no markup, `o` bullets. */
const shown = (doc: string | undefined) => squash(plainText(doc ?? '').replace(/^- /gm, 'o '));
const page = (op: string) => toPlain(operationPage(op)!);

const SEED = join(__dirname, '..', '..', '..', 'shared', 'seed', 'start-trained-model-inference-job.md');

/** The seed page's texts, read independently of the generator: option → first paragraph, nested
 * `name -> (type)` entries → their paragraph, output entries. Mojibake fixed as the generator must. */
function seedTexts(): { options: Map<string, string>; nested: string[]; output: string[]; description: string } {
  const text = readFileSync(SEED, 'utf8').replace(/Â¶/g, '').replace(/(\w)â(\w)/g, "$1'$2");
  const section = (name: string) => {
    const start = text.indexOf(`## ${name}\n`);
    const end = text.indexOf('\n## ', start + 1);
    return text.slice(start, end < 0 ? undefined : end);
  };
  const options = new Map<string, string>();
  const nested: string[] = [];
  const paras = (s: string) => s.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
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
  const description = paras(section('Description'))[1];
  return { options, nested, output, description };
}

describe.skipIf(!existsSync(SEED))('the seed command help', () => {
  const help = squash(page('start-trained-model-inference-job'));
  const seed = existsSync(SEED) ? seedTexts() : undefined;

  it('has every seed option with its description', () => {
    expect(seed!.options.size).toBeGreaterThanOrEqual(14);
    for (const [name, desc] of seed!.options) {
      expect(help, name).toContain(name);
      expect(help, `${name} description`).toContain(squash(desc.replace(/`/g, '')));
    }
  });

  it('has the nested member and output descriptions and the operation description', () => {
    expect(seed!.nested.length).toBeGreaterThanOrEqual(7);
    for (const d of seed!.nested) expect(help).toContain(squash(d));
    for (const d of seed!.output) expect(help).toContain(squash(d));
    expect(help).toContain(`DESCRIPTION ${seed!.description}`);
  });

  it('keeps the tags restrictions list as a list, without mojibake', () => {
    const text = page('start-trained-model-inference-job');
    expect(text).toContain('          o Maximum number of tags per resource - 50.\n');
    expect(text).not.toMatch(/[ÂâÃ]/);
    expect(text).toContain("Override command's default URL with the given URL.");
  });
});

describe('operation pages', () => {
  it('document every option of every operation: type, [required], description, constraints', () => {
    for (const [cli, op] of operationsByCliName()) {
      const text = page(cli);
      const flat = squash(text);
      expect(text.startsWith(`${cli.toUpperCase()}()`), cli).toBe(true);
      expect(flat).toContain(`DESCRIPTION ${shown(DOCS.operations[op.name])}`);
      for (const a of helpArguments(op)) {
        if (a.kind !== 'member') continue;
        const type = a.shape!.type;
        const head = type === 'boolean' ? `--${a.name} | --no-${a.name} (boolean)` : `--${a.name} (${type})`;
        expect(flat, `${cli} ${a.name}`).toContain(`${head}${a.required ? ' [required]' : ''} ${shown(DOCS.members[`${op.input!.shape}$${a.member}`])}`);
        const s = a.shape!;
        if (s.min !== undefined) expect(flat).toContain(`min: ${s.min}`);
        if (s.pattern !== undefined) expect(text).toContain(s.pattern);
        for (const e of s.enum ?? []) expect(flat).toContain(`o ${e}`);
      }
      // Hidden pagination members stay out; the pagination options are in.
      for (const a of argumentTable(op).filter((x) => !x.documented)) expect(flat).not.toContain(`--${a.name} `);
      expect(text.includes('--starting-token (string)')).toBe(argumentTable(op).some((a) => a.kind === 'page'));
    }
  });

  it('lists the synopsis: required options bare, optional ones bracketed, global options last', () => {
    const text = page('list-trained-models');
    const synopsis = text.slice(text.indexOf('SYNOPSIS\n'), text.indexOf('OPTIONS\n'));
    const lines = synopsis.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 9)).toEqual([
      'list-trained-models',
      '--membership-identifier <value>',
      '[--cli-input-json | --cli-input-yaml]',
      '[--starting-token <value>]',
      '[--page-size <value>]',
      '[--max-items <value>]',
      '[--generate-cli-skeleton <value>]',
      '[--debug]',
      '[--endpoint-url <value>]',
    ]);
    expect(lines.at(-1)).toBe(`[--cli-error-format <value>]`);
    expect(lines).toHaveLength(9 + GLOBAL_OPTIONS.length - 2);
  });

  it('documents global options with their choices, and the output members', () => {
    const flat = squash(page('get-trained-model-inference-job'));
    expect(flat).toContain('GLOBAL OPTIONS --debug (boolean) Turn on debug logging.');
    expect(flat).toContain('--output (string) The formatting style for command output. o json o text o table o yaml o yaml-stream o off');
    expect(flat).toContain('OUTPUT ');
    expect(flat).toContain('resourceConfig -> (structure) The resource configuration. instanceType -> (string) The type of instance that is used to perform model inference.');
    expect(flat).toContain('tags -> (map)');
  });
});

describe('syntax examples (as the seed page shows them)', () => {
  const input = getShape('StartTrainedModelInferenceJobRequest').members!;
  it('shorthand', () => {
    expect(shorthandExample(input.resourceConfig.shape)).toEqual({ kind: 'shorthand', text: 'instanceType=string,instanceCount=integer' });
    expect(shorthandExample(input.outputConfiguration.shape)).toEqual({ kind: 'shorthand', text: 'accept=string,members=[{accountId=string},{accountId=string}]' });
    expect(shorthandExample(input.dataSource.shape)).toEqual({ kind: 'shorthand', text: 'mlInputChannelArn=string' });
    expect(shorthandExample(input.environment.shape)).toEqual({ kind: 'shorthand', text: 'KeyName1=string,KeyName2=string' });
    expect(shorthandExample(input.name.shape)).toEqual({ kind: 'none' });
  });
  it('JSON', () => {
    expect(jsonSyntax(input.outputConfiguration.shape)).toBe(
      '{\n  "accept": "string",\n  "members": [\n    {\n      "accountId": "string"\n    }\n    ...\n  ]\n}');
    expect(jsonSyntax(input.dataSource.shape)).toBe('{\n  "mlInputChannelArn": "string"\n}');
    expect(jsonSyntax(input.containerExecutionParameters.shape)).toBe('{\n  "maxPayloadInMB": integer\n}');
    expect(jsonSyntax(input.tags.shape)).toBe('{"string": "string"\n  ...}');
    const types = getShape('InferenceInstanceType').enum!.map((e) => `"${e}"`).join('|');
    expect(jsonSyntax(input.resourceConfig.shape)).toBe(`{\n  "instanceType": ${types},\n  "instanceCount": integer\n}`);
  });
  it('a list of scalars gets the "Syntax" form', () => {
    const text = page('untag-resource');
    expect(text).toContain('          Syntax:\n\n              "string" "string" ...\n');
  });
});

describe('service and top-level pages', () => {
  it('aws cleanroomsml help lists every operation', () => {
    const text = toPlain(helpPage(['cleanroomsml'])!);
    for (const cli of operationsByCliName().keys()) expect(text).toContain(`       o ${cli}\n`);
    expect(text.split('\n')[0]).toBe(`CLEANROOMSML()${' '.repeat(50)}CLEANROOMSML()`);
  });
  it('aws help has the synopsis, the global options and the service', () => {
    const text = toPlain(helpPage([])!);
    expect(text).toContain('SYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n');
    expect(text).toContain('AVAILABLE SERVICES\n       o cleanroomsml\n');
    for (const g of GLOBAL_OPTIONS) expect(text).toContain(`       ${g.name} (${g.doc.type})\n`);
  });
  it('unknown paths have no page', () => {
    expect(helpPage(['cleanroomsml', 'nope'])).toBeUndefined();
    expect(helpPage(['s3'])).toBeUndefined();
  });
});
