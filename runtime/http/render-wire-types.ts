// The designer's wire types, generated from the OpenAPI document with openapi-typescript: the same path any team
// writing a client takes (`npx openapi-typescript <server>/api/openapi.json`). Used by `npm run gen:api`
// (runtime/http/gen-wire-types.ts) and by the test that generates them from a running server
// (test/runtime/http/openapi-client.test.ts). Build and test tooling only: the server never imports it.
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

export const WIRE_TYPES_PATH = 'designer/src/api/wire.gen.ts';

const HEADER = `// GENERATED FILE, do not edit. \`npm run gen:api\` (runtime/http/gen-wire-types.ts) writes it with
// openapi-typescript from the OpenAPI document the server serves at GET /api/openapi.json
// (openApiDocument() in runtime/http/openapi.ts). Change the document, then run \`npm run gen:api\`;
// test/runtime/http/openapi-client.test.ts fails while this file differs from what a running server yields.
`;

/** The options both the script and the test pass: `{ type: 'object' }` without properties is `Record<string, unknown>`. */
const OPTIONS = { emptyObjectsUnknown: true } as const;

/** The TypeScript text of the wire types of an OpenAPI document. openapi-typescript throws on an unresolvable `$ref` and warns (console.warn) on one it cannot follow. */
export async function renderWireTypes(document: unknown, options: { silent?: boolean } = {}): Promise<string> {
  // openapi-typescript bundles the document in place: hand it a copy.
  const nodes = await openapiTS(structuredClone(document) as OpenAPI3, { ...OPTIONS, silent: options.silent ?? false });
  return `${HEADER}\n${astToString(nodes)}`;
}

/**
 * Every `$ref` of a document that does not resolve as a JSON Pointer from the document's root, with where it is
 * (the rule client generators apply; a `$ref` relative to an embedded schema's `$id` does not count as resolved).
 */
export function unresolvedRefs(document: unknown): { at: string; ref: string }[] {
  const found: { at: string; ref: string }[] = [];
  const resolve = (ref: string): boolean => {
    if (!ref.startsWith('#')) return false;
    let node: unknown = document;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
      node = (node as Record<string, unknown>)[key];
    }
    return true;
  };
  const walk = (node: unknown, at: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key === '$ref' && typeof value === 'string' && !resolve(value)) found.push({ at: here, ref: value });
      walk(value, here);
    }
  };
  walk(document, '#');
  return found;
}
