// Renders the TypeScript types of the case-type format from the meta-schema with json-schema-to-typescript.
// Node-only (the library formats with prettier); used by gen:types and by the staleness test.
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import metaSchema from './case-type.schema.json' with { type: 'json' };

const banner = `/* Generated from schemas/case-type.schema.json by \`npm run gen:types\`. Do not edit by hand. */`;

export async function renderCaseTypeTypes(): Promise<string> {
  const schema = structuredClone(metaSchema) as unknown as JSONSchema;
  return compile(schema, 'CaseType', {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
  });
}
