// GET /api/reports/feedback (docs/reports.md, docs/feedback.md): surveys sent and answers given in the
// window, the response rate, the average score, the distribution over the scale and the bucketed trend,
// computed by the database.
import { Hono } from 'hono';
import { feedbackReport, feedbackScaleOf } from '../../host/feedback-report.ts';
import type { CaseStore } from '../../store/case-store.ts';
import type { AuthEnv } from '../auth.ts';
import { HttpProblem } from '../problems.ts';
import { reportQuery } from '../report-query.ts';

export function feedbackReportRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/reports/feedback', async (c) => {
    const { tenant, window, bucket } = reportQuery(c, 'The feedback report');
    if (window.caseType !== undefined && window.version !== undefined && (await store.getCaseType(tenant, window.caseType, window.version)) === null) {
      const message = `must be a published version of ${window.caseType}`;
      throw new HttpProblem('report.invalid', `version ${message}; got '${String(window.version)}'.`, { problems: [{ pointer: '/version', message }] });
    }
    const [counts, scale] = await Promise.all([store.feedbackCounts(tenant, window, bucket), feedbackScaleOf(store, tenant, window)]);
    return c.json(feedbackReport(counts, scale, bucket));
  });
  return app;
}
