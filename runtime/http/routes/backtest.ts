// POST /api/case-types/:key/backtest: the last cases of the published version replayed on the draft
// (runtime/host/backtest.ts, docs/backtest.md). Whoever may edit drafts may run it.
import { Hono } from 'hono';
import { runBacktest, type BacktestRequest } from '../../host/backtest.ts';
import { checkCaseTypeKey } from '../../host/case-type-service.ts';
import type { Clock } from '../../host/clock.ts';
import type { CaseStore } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { HttpProblem, unwrap } from '../problems.ts';

export function backtestRoutes(store: CaseStore, clock: Clock): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/case-types/:key/backtest', async (c) => {
    const auth = requireRole(c, 'analyst');
    const key = unwrap(checkCaseTypeKey(c.req.param('key')));
    // the body is optional: none replays the default number of cases of either status on the saved draft
    const body = (await c.req.text()).trim() === '' ? {} : await readJson(c);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpProblem('backtest.invalid', 'The backtest request must be a JSON object: { "cases"?: number, "status"?: "closed" | "open", "definition"?: a case type }.');
    }
    return c.json(unwrap(await runBacktest(store, clock, auth.tenant, key, body as BacktestRequest)));
  });
  return app;
}
