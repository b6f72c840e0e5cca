// `GET /api/export?format=xes|ocel[&caseType=K][&from=T][&to=T]` (GET /api/openapi.json;
// docs/process-mining.md): the tenant's event log, admin only, streamed as it is written; with a
// window, the history entries with from <= at < to and the cases they belong to (window.ts).
// Mounted by the HTTP app with `app.route('/api', exportRoutes(store))`.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { HttpProblem } from '../http/problems.ts';
import { requireRole, type AuthEnv } from '../http/auth.ts';
import { windowParams } from '../http/query.ts';
import type { CaseStore } from '../store/case-store.ts';
import { toOcel } from './ocel.ts';
import { createStoreSource } from './store-source.ts';
import { toXes } from './xes.ts';

const formats = {
  xes: { contentType: 'application/xml; charset=utf-8', file: 'dossier.xes', write: toXes },
  ocel: { contentType: 'application/json; charset=utf-8', file: 'dossier.jsonocel', write: toOcel },
} as const;

export function exportRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/export', async (c) => {
    const auth = requireRole(c, 'admin');
    const format = c.req.query('format');
    if (format !== 'xes' && format !== 'ocel') {
      throw new HttpProblem('request.invalid', `format must be xes or ocel, e.g. /api/export?format=xes; got '${format ?? ''}'.`);
    }
    const caseType = c.req.query('caseType');
    const opened = await createStoreSource(store, { tenant: auth.tenant, ...(caseType === undefined ? {} : { caseType }), ...windowParams(c) });
    if (!opened.ok) throw new HttpProblem(opened.code, opened.message);
    const { contentType, file, write } = formats[format];
    c.header('content-type', contentType);
    c.header('content-disposition', `attachment; filename="${file}"`);
    return stream(c, async (s) => {
      await write(opened.source, (chunk) => s.write(chunk).then(() => undefined));
    });
  });
  return app;
}
