// The feedback report (docs/reports.md, docs/feedback.md), finished from the figures the database
// computes (CaseStore.feedbackCounts): the response rate, the average score, every score of the scale in
// the distribution (zeros included), the trend's averages.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { CaseStore, FeedbackCounts, ReportBucket, ReportWindow } from '../store/case-store.ts';

export interface FeedbackReport {
  /** Surveys sent in the window. */
  surveys: number;
  /** Answers given in the window. */
  responses: number;
  /** responses / surveys; null without surveys. */
  responseRate: number | null;
  /** null without answers. */
  averageScore: number | null;
  /** The case type's scale (without caseType: from the lowest to the highest of the case types that ask); null where none asks. */
  scale: { min: number; max: number } | null;
  /** Answers per score, lowest first: every score of the scale, and any other answered. */
  distribution: { score: number; count: number }[];
  trend: { bucket: ReportBucket; items: { start: string; responses: number; averageScore: number }[] };
}

/** Rounded to two decimals (an average of scores). */
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function feedbackReport(counts: FeedbackCounts, scale: { min: number; max: number } | null, bucket: ReportBucket): FeedbackReport {
  const byScore = new Map(counts.distribution.map((d) => [d.score, d.count]));
  if (scale !== null) for (let score = scale.min; score <= scale.max; score++) if (!byScore.has(score)) byScore.set(score, 0);
  return {
    surveys: counts.surveys,
    responses: counts.responses,
    responseRate: counts.surveys === 0 ? null : round2(counts.responses / counts.surveys),
    averageScore: counts.responses === 0 ? null : round2(counts.scoreSum / counts.responses),
    scale,
    distribution: [...byScore].map(([score, count]) => ({ score, count })).sort((a, b) => a.score - b.score),
    trend: { bucket, items: counts.trend.map((t) => ({ start: t.start, responses: t.responses, averageScore: round2(t.scoreSum / t.responses) })) },
  };
}

/** The scale the report is on: the case type's (the version asked for, else the latest), else the span of every case type's that asks. */
export async function feedbackScaleOf(store: CaseStore, tenant: string, window: ReportWindow): Promise<{ min: number; max: number } | null> {
  const scaleOf = (definition: CaseType | undefined) => (definition?.feedback === undefined ? null : { min: definition.feedback.scale.min, max: definition.feedback.scale.max });
  if (window.caseType !== undefined) return scaleOf((await store.getCaseType(tenant, window.caseType, window.version))?.definition);
  const scales = (
    await Promise.all((await store.listCaseTypes(tenant)).filter((t) => t.latestVersion !== null).map(async (t) => scaleOf((await store.getCaseType(tenant, t.key))?.definition)))
  ).filter((s): s is { min: number; max: number } => s !== null);
  if (scales.length === 0) return null;
  return { min: Math.min(...scales.map((s) => s.min)), max: Math.max(...scales.map((s) => s.max)) };
}
