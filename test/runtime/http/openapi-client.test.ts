// The OpenAPI document as an integrator meets it: fetched from a running server (`dossier serve` on loopback) and
// turned into TypeScript by openapi-typescript, the generator the designer's own wire types come from. Every `$ref`
// resolves from the document's root, and the output is the committed designer/src/api/wire.gen.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { renderWireTypes, unresolvedRefs, WIRE_TYPES_PATH } from '../../../runtime/http/render-wire-types.ts';
import { TEMPLATES } from './harness.ts';

describe('GET /api/openapi.json through a client generator', () => {
  let dir: string;
  let server: RunningServer;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-openapi-'));
    server = await startServer({ db: join(dir, 'dossier.db'), port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, adminToken: 'openapi-admin-secret', logger: silentLogger });
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    document = (await res.json()) as Record<string, unknown>;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every $ref resolve as a pointer from the document root, the meta-schema lifted into components', () => {
    expect(unresolvedRefs(document)).toEqual([]);
    const schemas = (document.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    expect(schemas.CaseTypeMetaSchema).not.toHaveProperty('$defs');
    expect(schemas.CaseTypeMetaSchema).not.toHaveProperty('$id');
    expect(schemas.CaseTypeMetaSchema?.properties).toMatchObject({ data: { $ref: '#/components/schemas/CaseTypeFieldSchema' } });
    // the field schema's own `$ref` and `$defs` are properties a case type may use, not references: kept as they are
    expect(schemas.CaseTypeFieldSchema?.properties).toMatchObject({
      $ref: { type: 'string' },
      $defs: { type: 'object', additionalProperties: { $ref: '#/components/schemas/CaseTypeFieldSchema' } },
    });
  });

  it('generates the committed wire types with openapi-typescript, with no unresolved reference', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let generated: string;
    try {
      // throws on a $ref it cannot resolve (the lint before bundling); warns on one it cannot follow while generating
      generated = await renderWireTypes(document);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    const said = [...warn.mock.calls, ...error.mock.calls].map((args) => args.map(String).join(' '));
    expect(said.filter((line) => /\$ref|resolve/i.test(line))).toEqual([]);
    expect(error.mock.calls).toEqual([]);
    expect(generated).toContain('CaseTypeFieldSchema: {');
    expect(generated).toContain('data: components["schemas"]["CaseTypeFieldSchema"];');
    expect(generated).not.toContain('["$defs"]');

    const committed = readFileSync(join(import.meta.dirname, '../../..', WIRE_TYPES_PATH), 'utf8');
    expect(generated === committed, `${WIRE_TYPES_PATH} differs from the types generated from the served document: run npm run gen:api`).toBe(true);
  });
});
