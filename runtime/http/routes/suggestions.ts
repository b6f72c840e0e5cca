// The accuracy of contact-reason suggestions (issue 21, docs/reason-suggestion.md): per case type,
// how many were suggested, accepted and corrected, and the accuracy, overall and by suggested value.
import { Hono } from 'hono';
import type { ReasonSuggestionService } from '../../host/reason-suggestions.ts';
import { HttpProblem } from '../problems.ts';
import type { AuthEnv } from '../auth.ts';
import { reportQuery } from '../report-query.ts';
import type { CaseStore } from '../../store/case-store.ts';

export function suggestionRoutes(store: CaseStore, suggestions: ReasonSuggestionService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/reports/suggestions', async (c) => {
    // the report query (docs/reports.md): the window, and the tenant for an admin of default; the
    // suggestions are counted per case type, on when they were made (version, queue, channel: not applied)
    const { tenant, window } = reportQuery(c, 'The suggestions report');
    const { caseType } = window;
    if (caseType === undefined) {
      throw new HttpProblem('report.invalid', 'caseType is required: the case type whose reason suggestions to report, e.g. ?caseType=complaint.', {
        problems: [{ pointer: '/caseType', message: 'required' }],
      });
    }
    const report = await suggestions.report(tenant, caseType, { ...(window.from === undefined ? {} : { from: window.from }), ...(window.to === undefined ? {} : { to: window.to }) });
    if (report === null) {
      if ((await store.listVersions(tenant, caseType)).length === 0) throw new HttpProblem('case_type.not_found', `There is no published case type '${caseType}'.`);
      throw new HttpProblem('suggest.not_configured', `The case type '${caseType}' suggests no reason: give its latest version a "suggest" setting (docs/reason-suggestion.md).`);
    }
    return c.json(report);
  });

  return app;
}
