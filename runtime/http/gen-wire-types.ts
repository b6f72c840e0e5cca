// Writes designer/src/api/wire.gen.ts from the OpenAPI document, built in process (npm run gen:api): no server is
// started. `--check` exits 1 when the committed file is stale instead of writing it.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi.ts';
import { renderWireTypes, unresolvedRefs, WIRE_TYPES_PATH } from './render-wire-types.ts';

const document = openApiDocument();
const broken = unresolvedRefs(document);
if (broken.length > 0) {
  console.error(`the OpenAPI document has ${broken.length} $ref(s) that do not resolve from its root:\n${broken.map((b) => `  ${b.at}: ${b.ref}`).join('\n')}`);
  process.exit(1);
}
const fresh = await renderWireTypes(document, { silent: true });
const out = fileURLToPath(new URL(`../../${WIRE_TYPES_PATH}`, import.meta.url));
if (process.argv.includes('--check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== fresh) {
    console.error(`${WIRE_TYPES_PATH} is stale: run npm run gen:api`);
    process.exit(1);
  }
} else {
  await writeFile(out, fresh);
  console.log(`wrote ${WIRE_TYPES_PATH}`);
}
