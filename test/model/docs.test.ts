// src/model/docs.generated.ts: the vendored model's documentation as scripts/gen-docs.mjs extracts it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFloatBound, operationDoc, refDoc, serviceDoc, shapeDoc } from '../../src/model/docs.generated';
import { shapeDocOverview, xmlText } from '../../src/model/docs-overview';

const root = join(__dirname, '..', '..');
const MODEL_FILE = join(root, 'vendor', 'botocore-2.36.7', 'cleanroomsml', '2023-09-06', 'service-2.json');
const modelText = readFileSync(MODEL_FILE, 'utf8');
const model = JSON.parse(modelText) as {
  documentation: string;
  operations: Record<string, { documentation?: string }>;
  shapes: Record<string, { documentation?: string; members?: Record<string, { documentation?: string }> }>;
};

interface GenDocs {
  docsModule(text: string): string;
  floatBounds(text: string): string[];
}
const generator = () => import(join(root, 'scripts', 'gen-docs.mjs')) as Promise<GenDocs>;

describe('the documentation module', () => {
  it('is what the generator makes from the vendored model now', async () => {
    const { docsModule } = await generator();
    expect(docsModule(modelText)).toBe(readFileSync(join(root, 'src', 'model', 'docs.generated.ts'), 'utf8'));
  });

  it("has every text of the model, the member references' own apart from their shapes'", () => {
    expect(serviceDoc()).toBe(model.documentation);
    for (const [name, op] of Object.entries(model.operations)) expect(operationDoc(name)).toBe(op.documentation ?? '');
    for (const [name, shape] of Object.entries(model.shapes)) {
      expect(shapeDoc(name)).toBe(shape.documentation ?? '');
      for (const [m, ref] of Object.entries(shape.members ?? {})) expect(refDoc(name, m)).toBe(ref.documentation);
    }
    expect(operationDoc('StartTrainedModelInferenceJob')).toBe('<p>Defines the information necessary to begin a trained model inference job.</p>');
    expect(refDoc('StartTrainedModelInferenceJobRequest', 'name')).toBe('<p>The name of the trained model inference job.</p>');
  });

  it('knows which bounds the model writes as floats', async () => {
    const { floatBounds } = await generator();
    expect(floatBounds('{"shapes":{"A":{"type":"double","min":0.0,"max":1},"B":{"type":"integer","min":1,"max":2.5e3}}}'))
      .toEqual(['A$min', 'B$max']);
    expect(isFloatBound('TrainedModelArtifactMaxSizeValue', 'max')).toBe(true);
    expect(isFloatBound('NameString', 'max')).toBe(false);
  });
});

describe('get_shape_doc_overview', () => {
  it('keeps the text of well-formed XML up to the first period or colon, adds a period, joins lines', () => {
    expect(shapeDocOverview('<p>The ARN of the key. It is used to encrypt.</p>')).toBe('The ARN of the key.');
    expect(shapeDocOverview('<p>Restrictions: none apply.</p>')).toBe('Restrictions.');
    expect(shapeDocOverview('A multi-line\ndescription')).toBe('A multi-line description.');
    expect(shapeDocOverview('<p>Set <code>LOG_LEVEL</code> here. More.</p>')).toBe('Set LOG_LEVEL here.');
    expect(shapeDocOverview('<p>A &amp; B &lt;c&gt;, done</p>')).toBe('A & B <c>, done.');
    expect(shapeDocOverview('')).toBe('');
    expect(shapeDocOverview('.leading')).toBe('');
  });

  it('keeps documentation that is not well-formed XML as it is (markup and all)', () => {
    expect(shapeDocOverview('<p>Unclosed <b>bold</p>')).toBe('<p>Unclosed <b>bold</p>.');
    expect(shapeDocOverview('<p>An HTML entity&nbsp;here. More</p>')).toBe('<p>An HTML entity&nbsp;here.');
    expect(xmlText('<doc><a href=x>y</a></doc>')).toBeUndefined();
    expect(xmlText('<doc>a<![CDATA[b]]>c<!-- d --><e f="g"/></doc>')).toBe('ac');
    expect(xmlText('<doc>x</doc>')).toBe('x');
  });
});
