// The cards of the reports area, each from its route (docs/reports.md): SLA compliance, SLA outcomes over time,
// backlog and ageing, time per stage, contact reasons with their trend, cases per channel, agent throughput,
// customer feedback.
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { useWords } from '../../i18n/use-words.ts';
import { formatNumber } from '../../i18n/index.ts';
import { FilterSelect } from '../FilterSelect.tsx';
import { reasonFields } from '../reasons-report.ts';
import type { ReportQuery, ReportsApi } from './report-api.ts';
import type { ReportFilters } from './report-query.ts';
import {
  agentRows,
  backlogRows,
  channelRows,
  feedbackEmpty,
  feedbackRows,
  reasonsRows,
  reasonsTrendRows,
  slaRows,
  slaTrendRows,
  stageRows,
} from './report-rows.ts';
import { ReportCard, useReport } from './ReportCard.tsx';
import type { Result } from '../api-result.ts';
import type { FeedbackReport, ReasonsReport, ReasonsTrend } from './report-types.ts';

interface Props {
  reports: ReportsApi;
  query: ReportQuery;
  filters: ReportFilters;
  types: readonly CaseType[];
  days: { firstDay: string; lastDay: string };
  onField: (field: string) => void;
}

/** The fields the reasons can be counted by: the chosen case type's choice fields, or those of every case type. */
function countableFields(types: readonly CaseType[], caseType: string): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const def of types.filter((d) => caseType === '' || d.key === caseType))
    for (const f of reasonFields(def)) if (!seen.has(f.value)) seen.set(f.value, f.label);
  return [...seen]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => Number(b.value === '/reason') - Number(a.value === '/reason'));
}

export function ReportCards({ reports, query, filters, types, days, onField }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.reports.${key}`, values);
  const key = JSON.stringify(query);
  const fields = countableFields(types, filters.caseType);
  const field = fields.some((f) => f.value === filters.field) ? filters.field : (fields[0]?.value ?? '');
  const fieldLabel = fields.find((f) => f.value === field)?.label ?? '';
  const reasonsQuery = { ...query, field };

  const sla = useReport(() => reports.sla(query), `sla${key}`);
  const slaTrend = useReport(() => reports.slaTrend(query), `slaTrend${key}`);
  const backlog = useReport(() => reports.backlog(query), `backlog${key}`);
  const stages = useReport(() => reports.stages(query), `stages${key}`);
  const none: Promise<Result<null>> = Promise.resolve({ ok: true, value: null });
  const reasons = useReport<ReasonsReport | null>(
    () => (field === '' ? none : reports.reasons(reasonsQuery)),
    `reasons${key}${field}`,
  );
  const reasonsTrend = useReport<ReasonsTrend | null>(
    () => (field === '' ? none : reports.reasonsTrend(reasonsQuery)),
    `reasonsTrend${key}${field}`,
  );
  const channels = useReport(() => reports.channels(query), `channels${key}`);
  const agents = useReport(() => reports.agents(query), `agents${key}`);
  // customer feedback only where a case type in view asks for it (its `feedback` member, docs/feedback.md)
  const asksFeedback = types.some(
    (d) =>
      (filters.caseType === '' || d.key === filters.caseType) &&
      (d as { feedback?: unknown }).feedback !== undefined,
  );
  const feedback = useReport<FeedbackReport | null>(
    () => (asksFeedback ? reports.feedback(query) : none),
    `feedback${key}${asksFeedback}`,
  );
  const n = (v: number) => formatNumber(v, words.language);
  // the top values with their trend; a server without the trend route (404) still shows the top values
  const trendReady =
    reasonsTrend.status === 'ready' || (reasonsTrend.status === 'failed' && reasonsTrend.missing);
  const both =
    reasons.status !== 'ready'
      ? reasons
      : !trendReady
        ? reasonsTrend
        : {
            status: 'ready' as const,
            value: { top: reasons.value, trend: reasonsTrend.status === 'ready' ? reasonsTrend.value : null },
          };

  return (
    <>
      <ReportCard
        id="report-sla"
        title={t('slaTitle')}
        state={sla}
        days={days}
        emptyText={t('slaEmpty')}
        body={(r) => {
          const { table, chart } = slaRows(r, types, words);
          return { empty: r.items.length === 0, chart, tables: [{ caption: t('slaCaption'), table }] };
        }}
      />
      <ReportCard
        id="report-sla-trend"
        title={t('slaTrendTitle')}
        state={slaTrend}
        days={days}
        emptyText={t('slaTrendEmpty')}
        body={(r) => {
          const { table, chart } = slaTrendRows(r, words);
          return { empty: r.items.length === 0, chart, tables: [{ caption: t('slaTrendCaption'), table }] };
        }}
      />
      <ReportCard
        id="report-backlog"
        title={t('backlogTitle')}
        state={backlog}
        days={days}
        emptyText={t('backlogEmpty')}
        body={(r) => {
          const { table, chart } = backlogRows(r, types, words);
          return {
            empty: r.items.length === 0,
            chart,
            tables: [{ caption: t('backlogCaption', { total: n(r.total) }), table }],
          };
        }}
      />
      <ReportCard
        id="report-stages"
        title={t('stagesTitle')}
        state={stages}
        days={days}
        emptyText={t('stagesEmpty')}
        body={(r) => {
          const { table, chart } = stageRows(r, types, words);
          return { empty: r.items.length === 0, chart, tables: [{ caption: t('stagesCaption'), table }] };
        }}
      />
      <ReportCard
        id="report-reasons"
        title={t('title')}
        state={both}
        days={days}
        emptyText={field === '' ? t('noField') : t('reasonsEmpty')}
        controls={
          fields.length > 1 ? (
            <FilterSelect
              id="reports-field"
              label={t('field')}
              value={field}
              onChange={onField}
              options={fields}
            />
          ) : null
        }
        body={({ top, trend }) => {
          if (top === null) return { empty: true, tables: [] };
          const over = trend === null ? null : reasonsTrendRows(trend, words);
          return {
            empty: top.total === 0,
            ...(over ? { chart: over.chart } : {}),
            tables: [
              {
                caption: t('reasonsCaption', { field: fieldLabel, total: n(top.total) }),
                table: reasonsRows(top, words),
              },
              ...(over ? [{ caption: t('reasonsTrendCaption'), table: over.table }] : []),
            ],
          };
        }}
      />
      <ReportCard
        id="report-channels"
        title={t('channelsTitle')}
        state={channels}
        days={days}
        emptyText={t('channelsEmpty')}
        body={(r) => {
          const { table, trend, chart } = channelRows(r, words);
          return {
            empty: r.total === 0,
            chart,
            tables: [
              { caption: t('channelsCaption'), table },
              { caption: t('channelsTrendCaption'), table: trend },
            ],
          };
        }}
      />
      <ReportCard
        id="report-agents"
        title={t('agentsTitle')}
        state={agents}
        days={days}
        emptyText={t('agentsEmpty')}
        body={(r) => {
          const { table, chart } = agentRows(r, words);
          return { empty: r.items.length === 0, chart, tables: [{ caption: t('agentsCaption'), table }] };
        }}
      />
      {!asksFeedback || (feedback.status === 'failed' && feedback.missing) ? null : (
        <ReportCard
          id="report-feedback"
          title={t('feedbackTitle')}
          state={feedback}
          days={days}
          emptyText={t('feedbackEmpty')}
          body={(r) => {
            if (r === null || feedbackEmpty(r)) return { empty: true, tables: [] };
            const rows = feedbackRows(r, words);
            // surveys sent, none answered: the summary (0%) without a chart or tables of nothing
            return {
              empty: false,
              ...(r.responses === 0 ? {} : { chart: rows.chart }),
              summary: rows.summary,
              tables:
                r.responses === 0
                  ? []
                  : [
                      { caption: t('feedbackCaption'), table: rows.table },
                      { caption: t('feedbackTrendCaption'), table: rows.trend },
                    ],
            };
          }}
        />
      )}
    </>
  );
}
