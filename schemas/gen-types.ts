// Generates schemas/generated/case-type.ts from the meta-schema (npm run gen:types).
// `--check` exits 1 when the committed file is stale instead of writing it.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderCaseTypeTypes } from './render-types.ts';

const out = fileURLToPath(new URL('./generated/case-type.ts', import.meta.url));
const fresh = await renderCaseTypeTypes();
if (process.argv.includes('--check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== fresh) {
    console.error('schemas/generated/case-type.ts is stale: run npm run gen:types');
    process.exit(1);
  }
} else {
  await writeFile(out, fresh);
  console.log('wrote schemas/generated/case-type.ts');
}
