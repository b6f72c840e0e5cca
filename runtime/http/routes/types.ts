// TypeScript types of the case data (json-schema-to-typescript, runtime/typegen): for a published
// version (`GET /api/case-types/:key/versions/:v/types.d.ts`, any role) and for a definition in the
// body (`POST /api/types`, analyst: the designer's working draft). Answered as text/plain; typescript.
import { Hono } from 'hono';
import { validateCaseType } from '../../../schemas/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { HttpProblem } from '../problems.ts';
import type { CaseStore } from '../../store/case-store.ts';
import { generateDataTypes } from '../../typegen/data-types.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

const TYPESCRIPT = 'text/plain; charset=utf-8; typescript';

export function typeRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/case-types/:key/versions/:version/types.d.ts', async (c) => {
    const key = c.req.param('key');
    const version = Number(c.req.param('version'));
    const found = Number.isInteger(version) && version >= 1 ? await store.getCaseType(c.get('auth').tenant, key, version) : null;
    if (found === null) throw new HttpProblem('case_type.not_found', `There is no version ${c.req.param('version')} of case type '${key}'.`);
    const text = await generateDataTypes(found.definition as unknown as CaseType);
    return c.body(text, 200, { 'content-type': TYPESCRIPT, 'content-disposition': `inline; filename="${key}.v${version}.d.ts"` });
  });

  app.post('/types', async (c) => {
    requireRole(c, 'analyst');
    const definition = await readJson(c);
    const errors = validateCaseType(definition).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      const first = errors.slice(0, 3).map((p) => `${p.pointer || '/'}: ${p.message}`).join('; ');
      throw new HttpProblem('definition.invalid', `The definition has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} to generate types (${first}).`, { problems: errors });
    }
    const text = await generateDataTypes(definition as CaseType);
    return c.body(text, 200, { 'content-type': TYPESCRIPT });
  });

  return app;
}
