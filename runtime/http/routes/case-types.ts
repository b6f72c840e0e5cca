// Case types: published versions (immutable), the working draft, validation and publishing.
import { Hono } from 'hono';
import { isValid, validateCaseType } from '../../../schemas/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { JsonValue } from '../../engine/types.ts';
import { HttpProblem } from '../../host/problems.ts';
import type { Clock } from '../../host/clock.ts';
import type { CaseStore, StoredProblem } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

const KEY = /^[a-z][a-z0-9-]{1,62}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new HttpProblem('request.invalid', `'${key}' is not a case-type key: use 2–63 lower-case letters, digits and dashes, starting with a letter.`);
  return key;
}

function definitionProblems(definition: unknown, key?: string): StoredProblem[] {
  const problems: StoredProblem[] = validateCaseType(definition);
  if (key !== undefined && typeof definition === 'object' && definition !== null && (definition as { key?: unknown }).key !== key) {
    problems.push({ severity: 'error', code: 'draft.key_mismatch', message: `the definition's key must be '${key}', the key in the URL`, pointer: '/key' });
  }
  return problems;
}

export function caseTypeRoutes(store: CaseStore, clock: Clock): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/validate', async (c) => {
    requireRole(c, 'analyst');
    const problems = definitionProblems(await readJson(c));
    return c.json({ valid: isValid(problems as Parameters<typeof isValid>[0]), problems });
  });

  app.get('/case-types', async (c) => {
    const items = await store.listCaseTypes(c.get('auth').tenant);
    return c.json({ items, nextCursor: null });
  });

  app.get('/case-types/:key', async (c) => {
    const found = await store.getCaseType(c.get('auth').tenant, c.req.param('key'));
    if (found === null) throw new HttpProblem('case_type.not_found', `There is no published case type '${c.req.param('key')}'.`);
    return c.json(found.definition);
  });

  app.get('/case-types/:key/versions', async (c) => {
    const items = await store.listVersions(c.get('auth').tenant, c.req.param('key'));
    if (items.length === 0) throw new HttpProblem('case_type.not_found', `There is no published case type '${c.req.param('key')}'.`);
    return c.json({ items, nextCursor: null });
  });

  app.get('/case-types/:key/versions/:version', async (c) => {
    const version = Number(c.req.param('version'));
    const found = Number.isInteger(version) && version >= 1 ? await store.getCaseType(c.get('auth').tenant, c.req.param('key'), version) : null;
    if (found === null) throw new HttpProblem('case_type.not_found', `There is no version ${c.req.param('version')} of case type '${c.req.param('key')}'.`);
    return c.json(found.definition);
  });

  app.put('/case-types/:key/draft', async (c) => {
    const auth = requireRole(c, 'analyst');
    const key = checkKey(c.req.param('key'));
    const definition = (await readJson(c)) as JsonValue;
    const problems = definitionProblems(definition, key);
    const draft = { tenant: auth.tenant, key, definition, problems, valid: isValid(problems as Parameters<typeof isValid>[0]), updatedAt: clock.now() };
    await store.saveDraft(draft);
    const { tenant: _tenant, ...body } = draft;
    return c.json(body);
  });

  app.get('/case-types/:key/draft', async (c) => {
    const auth = requireRole(c, 'analyst');
    const draft = await store.getDraft(auth.tenant, c.req.param('key'));
    if (draft === null) throw new HttpProblem('draft.not_found', `There is no draft of '${c.req.param('key')}'; save one with PUT first.`);
    const { tenant: _tenant, ...body } = draft;
    return c.json(body);
  });

  app.post('/case-types/:key/publish', async (c) => {
    const auth = requireRole(c, 'admin');
    const key = c.req.param('key');
    const draft = await store.getDraft(auth.tenant, key);
    if (draft === null) throw new HttpProblem('draft.not_found', `There is no draft of '${key}' to publish; save one with PUT /api/case-types/${key}/draft.`);
    const problems = definitionProblems(draft.definition, key);
    if (!isValid(problems as Parameters<typeof isValid>[0])) {
      throw new HttpProblem('definition.invalid', `The draft of '${key}' has ${problems.filter((p) => p.severity === 'error').length} error(s); fix them before publishing.`, { problems });
    }
    const published = await store.publish(auth.tenant, key, draft.definition as unknown as CaseType, clock.now());
    return c.json({ key, version: published.version }, 201);
  });

  return app;
}
