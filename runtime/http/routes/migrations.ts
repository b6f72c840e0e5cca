// /api/migrations: moving the open cases of a case type to another published version under a plan
// (issue 19, runtime/host/migration-service.ts, docs/migration.md). Admins only.
import { Hono } from 'hono';
import type { MigrationService } from '../../host/migration-service.ts';
import { requireOwnRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { HttpProblem, unwrap } from '../problems.ts';
import { oneOf, pageParams } from '../query.ts';

function wholeNumber(raw: string | undefined, name: string, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new HttpProblem('request.invalid', `${name} must be a whole number from 0 to ${String(max)}; got '${raw.slice(0, 40)}'.`, {
      problems: [{ pointer: `/${name}`, message: `must be a whole number from 0 to ${String(max)}` }],
    });
  }
  return value;
}

export function migrationRoutes(migrations: MigrationService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/case-types/:key/migration-plan', async (c) => {
    const auth = requireOwnRole(c, 'Migrating cases', 'admin');
    const from = wholeNumber(c.req.query('from'), 'from', 1_000_000);
    const to = wholeNumber(c.req.query('to'), 'to', 1_000_000);
    return c.json(unwrap(await migrations.suggest(auth.tenant, c.req.param('key'), from, to)));
  });
  app.post('/migrations/dry-run', async (c) => {
    const auth = requireOwnRole(c, 'Migrating cases', 'admin');
    const limit = wholeNumber(c.req.query('limit'), 'limit', 1000);
    const plan = await readJson(c);
    return c.json(unwrap(await migrations.dryRun(auth.tenant, plan, limit === undefined ? {} : { limit })));
  });
  app.post('/migrations', async (c) => {
    const auth = requireOwnRole(c, 'Migrating cases', 'admin');
    const plan = await readJson(c);
    const started = unwrap(await migrations.start(auth.tenant, plan, { id: auth.name, roles: auth.roles }));
    return c.json(started, 202, { Location: `/api/migrations/${encodeURIComponent(started.id)}` });
  });
  app.get('/migrations', async (c) => {
    const auth = requireOwnRole(c, 'Migrating cases', 'admin');
    const caseType = c.req.query('caseType');
    return c.json({ items: await migrations.list(auth.tenant, caseType === '' ? undefined : caseType) });
  });
  app.get('/migrations/:id', async (c) => {
    const auth = requireOwnRole(c, 'Migrating cases', 'admin');
    return c.json(unwrap(await migrations.get(auth.tenant, c.req.param('id'))));
  });
  app.get('/migrations/:id/cases', async (c) => {
    const auth = requireOwnRole(c, 'Migrating cases', 'admin');
    const { limit, cursor } = pageParams(c);
    const status = oneOf(c, 'status', ['pending', 'migrated', 'blocked', 'skipped'] as const);
    return c.json(unwrap(await migrations.cases(auth.tenant, c.req.param('id'), status, limit, cursor)));
  });
  return app;
}
