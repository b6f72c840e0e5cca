// Case types: published versions (immutable), the working draft, validation and publishing, through
// the host's case-type service.
import { Hono } from 'hono';
import type { JsonValue } from '../../engine/index.ts';
import { checkCaseTypeKey, type CaseTypeService } from '../../host/case-type-service.ts';
import type { DraftRecord } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody, readJson } from '../body.ts';
import { HttpProblem, unwrap } from '../problems.ts';

const withoutTenant = ({ tenant: _tenant, ...draft }: DraftRecord) => draft;

export function caseTypeRoutes(caseTypes: CaseTypeService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/validate', async (c) => {
    requireRole(c, 'analyst');
    return c.json(caseTypes.validate(await readJson(c)));
  });

  app.get('/case-types', async (c) => c.json({ items: await caseTypes.list(c.get('auth').tenant), nextCursor: null }));

  app.get('/case-types/:key', async (c) => c.json(unwrap(await caseTypes.get(c.get('auth').tenant, c.req.param('key'))).definition));

  app.get('/case-types/:key/versions', async (c) => c.json({ items: unwrap(await caseTypes.versions(c.get('auth').tenant, c.req.param('key'))), nextCursor: null }));

  app.get('/case-types/:key/versions/:version', async (c) => {
    const [key, text] = [c.req.param('key'), c.req.param('version')];
    const version = Number(text);
    if (!Number.isInteger(version) || version < 1) throw new HttpProblem('case_type.not_found', `There is no version ${text} of case type '${key}'.`);
    return c.json(unwrap(await caseTypes.get(c.get('auth').tenant, key, version)).definition);
  });

  app.put('/case-types/:key/draft', async (c) => {
    const auth = requireRole(c, 'analyst');
    const key = c.req.param('key');
    // a bad key is refused before the body is read, whatever the body
    unwrap(checkCaseTypeKey(key));
    const definition = (await readJson(c)) as JsonValue;
    return c.json(withoutTenant(unwrap(await caseTypes.saveDraft(auth.tenant, key, definition))));
  });

  app.get('/case-types/:key/draft', async (c) => {
    const auth = requireRole(c, 'analyst');
    return c.json(withoutTenant(unwrap(await caseTypes.getDraft(auth.tenant, c.req.param('key')))));
  });

  app.post('/case-types/:key/publish', async (c) => {
    const auth = requireRole(c, 'admin');
    // the body is optional: none (or only white space) publishes without a note, as before notes existed
    const body = (await c.req.text()).trim() === '' ? {} : await readBody<{ note?: string | null }>(c, 'PublishRequest');
    return c.json(unwrap(await caseTypes.publishDraft(auth.tenant, c.req.param('key'), { publishedBy: auth.name, note: body.note ?? null })), 201);
  });

  return app;
}
