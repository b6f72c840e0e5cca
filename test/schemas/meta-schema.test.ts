import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import metaSchema from '../../schemas/case-type.schema.json' with { type: 'json' };
import { renderCaseTypeTypes } from '../../schemas/render-types.ts';

describe('the meta-schema', () => {
  it('is itself a valid JSON Schema 2020-12 document', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true });
    ajv.addFormat('date', true).addFormat('uri', true);
    expect(ajv.validateSchema(metaSchema)).toBe(true);
    expect(() => ajv.compile(metaSchema)).not.toThrow();
  });

  it('has committed types that match a fresh npm run gen:types', async () => {
    const committed = await readFile(new URL('../../schemas/generated/case-type.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderCaseTypeTypes());
  });
});
