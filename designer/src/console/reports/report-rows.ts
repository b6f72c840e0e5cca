// Each report route's answer as the table beside its chart (business words: case-type, SLA, state and queue
// titles, choice values, durations in words, percentages) and as the chart's series. Pure, unit-tested.
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { idWords, queueTitle, stateTitle } from '../../model/titles.ts';
import { show } from '../../model/change-words.ts';
import { formatDateTime, formatNumber, formatSpan, type Language, type Words } from '../../i18n/index.ts';
import { channelWords, percent, reasonRow } from '../reasons-report.ts';
import type {
  AgentsReport,
  BacklogReport,
  Bucket,
  ChannelsReport,
  FeedbackReport,
  ReasonsReport,
  ReasonsTrend,
  SlaReport,
  SlaTrend,
  StagesReport,
} from './report-types.ts';

/** A table: its column headers and its rows of text (the first cell of a row names it). */
export interface ReportTable {
  columns: string[];
  rows: string[][];
}

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** A chart's figures: one datum per category (`label`), a number per series key. */
export interface ChartData {
  kind: 'stacked' | 'bars' | 'lines';
  /** Figures with a fraction (hours, scores); counts otherwise, with whole ticks. */
  fractions?: boolean;
  /** The value axis' ends when the figures have a scale of their own (a satisfaction score from 1 to 5); else from the data. */
  domain?: [number, number];
  series: ChartSeries[];
  data: ({ label: string } & Record<string, number | string>)[];
}

/** One colour per SLA outcome, the same in every chart. */
export const SLA_COLOURS = {
  met: '#2e7d32',
  metLate: '#81c784',
  missedGoal: '#f9a825',
  breached: '#c62828',
  running: '#90a4ae',
} as const;
const PALETTE = [
  '#1565c0',
  '#ef6c00',
  '#6a1b9a',
  '#00838f',
  '#ad1457',
  '#558b2f',
  '#4e342e',
  '#37474f',
  '#f9a825',
  '#5c6bc0',
  '#26a69a',
  '#8d6e63',
];
const AGE_COLOURS = ['#a5d6a7', '#fff59d', '#ffcc80', '#ef9a9a', '#b71c1c'];

const tr = (words: Words, key: string, values?: Record<string, unknown>) =>
  words.t(`console.reports.${key}`, values);
const num = (v: number, words: Words) => formatNumber(v, words.language);

/** A duration in words ("3 h 20 min", "2 d 4 h"), to the minute from a minute up; none as "—". */
export function durationWords(ms: number | null | undefined, language: Language): string {
  if (ms === null || ms === undefined) return '—';
  return formatSpan(ms >= 60_000 ? Math.round(ms / 60_000) * 60_000 : ms, language, true);
}

/** The name of a trend's bucket from its first instant: "7 Dec 2026", "Week of 7 Dec 2026", "December 2026" (UTC). */
export function bucketLabel(start: string, bucket: Bucket, words: Words): string {
  const locale = words.language === 'nl' ? 'nl-NL' : 'en-GB';
  const when = new Date(start);
  if (bucket === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(when);
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(when);
  return bucket === 'week' ? tr(words, 'weekOf', { day }) : day;
}

export function caseTypeTitle(defs: readonly CaseType[], key: string): string {
  return defs.find((d) => d.key === key)?.title ?? idWords(key);
}

function slaTitle(defs: readonly CaseType[], caseType: string, sla: string): string {
  return defs.find((d) => d.key === caseType)?.slas?.[sla]?.title ?? idWords(sla);
}

/** The defs to look a state up in: the row's case type first. */
const first = (defs: readonly CaseType[], key: string) => [
  ...defs.filter((d) => d.key === key),
  ...defs.filter((d) => d.key !== key),
];

const outcomeSeries = (words: Words): ChartSeries[] => [
  { key: 'met', label: tr(words, 'met'), color: SLA_COLOURS.met },
  { key: 'metLate', label: tr(words, 'metLate'), color: SLA_COLOURS.metLate },
  { key: 'missedGoal', label: tr(words, 'missedGoal'), color: SLA_COLOURS.missedGoal },
  { key: 'breached', label: tr(words, 'breached'), color: SLA_COLOURS.breached },
];

export function slaRows(
  report: SlaReport,
  defs: readonly CaseType[],
  words: Words,
): { table: ReportTable; chart: ChartData } {
  const still = (i: SlaReport['items'][number]) => i.running + i.paused + i.warning;
  return {
    table: {
      columns: [
        'caseType',
        'sla',
        'started',
        'met',
        'metLate',
        'missedGoal',
        'breached',
        'stillRunning',
        'compliance',
      ].map((k) => tr(words, k)),
      rows: report.items.map((i) => [
        caseTypeTitle(defs, i.caseType),
        slaTitle(defs, i.caseType, i.sla),
        num(i.total, words),
        num(i.met, words),
        num(i.metLate, words),
        num(i.missedGoal, words),
        num(i.breached, words),
        num(still(i), words),
        i.compliance === null ? '—' : percent(i.compliance, words),
      ]),
    },
    chart: {
      kind: 'stacked',
      series: [
        ...outcomeSeries(words),
        { key: 'running', label: tr(words, 'stillRunning'), color: SLA_COLOURS.running },
      ],
      data: report.items.map((i) => ({
        label: `${caseTypeTitle(defs, i.caseType)} · ${slaTitle(defs, i.caseType, i.sla)}`,
        met: i.met,
        metLate: i.metLate,
        missedGoal: i.missedGoal,
        breached: i.breached,
        running: still(i),
      })),
    },
  };
}

export function slaTrendRows(trend: SlaTrend, words: Words): { table: ReportTable; chart: ChartData } {
  return {
    table: {
      columns: ['period', 'met', 'metLate', 'missedGoal', 'breached'].map((k) => tr(words, k)),
      rows: trend.items.map((i) => [
        bucketLabel(i.start, trend.bucket, words),
        num(i.met, words),
        num(i.metLate, words),
        num(i.missedGoal, words),
        num(i.breached, words),
      ]),
    },
    chart: {
      kind: 'stacked',
      series: outcomeSeries(words),
      data: trend.items.map((i) => ({
        label: bucketLabel(i.start, trend.bucket, words),
        met: i.met,
        metLate: i.metLate,
        missedGoal: i.missedGoal,
        breached: i.breached,
      })),
    },
  };
}

const AGES = ['under1d', 'd1to3', 'd3to7', 'd7to30', 'over30d'] as const;

export function backlogRows(
  report: BacklogReport,
  defs: readonly CaseType[],
  words: Words,
): { table: ReportTable; chart: ChartData } {
  const queue = (q: string | null) => (q === null ? tr(words, 'noQueue') : queueTitle(defs, q));
  return {
    table: {
      columns: [
        tr(words, 'queue'),
        tr(words, 'state'),
        tr(words, 'openCases'),
        ...AGES.map((a) => tr(words, `age.${a}`)),
        tr(words, 'oldest'),
      ],
      rows: report.items.map((i) => [
        queue(i.queue),
        stateTitle(defs, i.state),
        num(i.count, words),
        ...AGES.map((a) => num(i.ageing[a], words)),
        i.oldestCreatedAt === null ? '—' : formatDateTime(i.oldestCreatedAt, words.language),
      ]),
    },
    chart: {
      kind: 'stacked',
      series: AGES.map((a, n) => ({ key: a, label: tr(words, `age.${a}`), color: AGE_COLOURS[n] as string })),
      data: report.items.map((i) => ({
        label: `${queue(i.queue)} · ${stateTitle(defs, i.state)}`,
        ...i.ageing,
      })),
    },
  };
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

export function stageRows(
  report: StagesReport,
  defs: readonly CaseType[],
  words: Words,
): { table: ReportTable; chart: ChartData } {
  const median = (i: StagesReport['items'][number]) => i.medianMs ?? null;
  const p90 = (i: StagesReport['items'][number]) => i.p90Ms ?? null;
  const stage = (i: StagesReport['items'][number]) => stateTitle(first(defs, i.caseType), i.state);
  // the chart in hours, or in minutes when no stage takes two hours
  const longest = Math.max(0, ...report.items.map((i) => p90(i) ?? median(i) ?? 0));
  const [unit, unitKey] = longest >= 2 * HOUR ? [HOUR, 'Hours'] : [MINUTE, 'Minutes'];
  return {
    table: {
      columns: ['caseType', 'stage', 'visits', 'median', 'p90', 'inStageNow'].map((k) => tr(words, k)),
      rows: report.items.map((i) => [
        caseTypeTitle(defs, i.caseType),
        stage(i),
        num(i.visits, words),
        durationWords(median(i), words.language),
        durationWords(p90(i), words.language),
        num(i.current, words),
      ]),
    },
    chart: {
      kind: 'bars',
      fractions: true,
      series: [
        { key: 'median', label: tr(words, `median${unitKey}`), color: PALETTE[0] as string },
        { key: 'p90', label: tr(words, `p90${unitKey}`), color: PALETTE[1] as string },
      ],
      data: report.items.map((i) => ({
        label: `${caseTypeTitle(defs, i.caseType)} · ${stage(i)}`,
        median: (median(i) ?? 0) / unit,
        p90: (p90(i) ?? 0) / unit,
      })),
    },
  };
}

export function reasonsRows(report: ReasonsReport, words: Words): ReportTable {
  return {
    columns: ['value', 'cases', 'share', 'byChannel'].map((k) => tr(words, k)),
    rows: report.items.map((item) => {
      const row = reasonRow(item, words);
      return [row.value, row.count, row.share, row.channels];
    }),
  };
}

/** A trend of counts per (bucket, key) as a table (a column per key) and lines or stacked bars. */
function pivot(
  bucket: Bucket,
  items: readonly { start: string; key: string; count: number }[],
  keys: readonly string[],
  name: (key: string) => string,
  kind: ChartData['kind'],
  words: Words,
): { table: ReportTable; chart: ChartData } {
  const starts = [...new Set(items.map((i) => i.start))].sort();
  const at = new Map(items.map((i) => [`${i.start}\u0000${i.key}`, i.count]));
  const count = (start: string, key: string) => at.get(`${start}\u0000${key}`) ?? 0;
  return {
    table: {
      columns: [tr(words, 'period'), ...keys.map(name)],
      rows: starts.map((s) => [bucketLabel(s, bucket, words), ...keys.map((k) => num(count(s, k), words))]),
    },
    chart: {
      kind,
      series: keys.map((k, n) => ({
        key: `s${n}`,
        label: name(k),
        color: PALETTE[n % PALETTE.length] as string,
      })),
      data: starts.map((s) => ({
        label: bucketLabel(s, bucket, words),
        ...Object.fromEntries(keys.map((k, n) => [`s${n}`, count(s, k)])),
      })),
    },
  };
}

export function reasonsTrendRows(
  trend: ReasonsTrend,
  words: Words,
): { table: ReportTable; chart: ChartData } {
  const key = (v: unknown) => JSON.stringify(v ?? null);
  const names = new Map(trend.values.map((v) => [key(v), show(v, words)]));
  return pivot(
    trend.bucket,
    trend.items.map((i) => ({ start: i.start, key: key(i.value), count: i.count })),
    trend.values.map(key),
    (k) => names.get(k) ?? k,
    'lines',
    words,
  );
}

export function channelRows(
  report: ChannelsReport,
  words: Words,
): { table: ReportTable; trend: ReportTable; chart: ChartData } {
  const channels = report.items.map((i) => i.channel);
  const { table: trend, chart } = pivot(
    report.trend.bucket,
    report.trend.items.map((i) => ({ start: i.start, key: i.channel, count: i.count })),
    channels,
    (c) => channelWords(c, words),
    'stacked',
    words,
  );
  return {
    table: {
      columns: ['channel', 'cases', 'share'].map((k) => tr(words, k)),
      rows: report.items.map((i) => [
        channelWords(i.channel, words),
        num(i.count, words),
        percent(i.share, words),
      ]),
    },
    trend,
    chart,
  };
}

export function agentRows(report: AgentsReport, words: Words): { table: ReportTable; chart: ChartData } {
  return {
    table: {
      columns: ['agent', 'tasksClosed', 'cases', 'medianHandling', 'p90Handling'].map((k) => tr(words, k)),
      rows: report.items.map((i) => [
        i.agent,
        num(i.tasksClosed, words),
        num(i.cases, words),
        durationWords(i.medianHandlingMs, words.language),
        durationWords(i.p90HandlingMs, words.language),
      ]),
    },
    chart: {
      kind: 'bars',
      series: [{ key: 'tasksClosed', label: tr(words, 'tasksClosed'), color: PALETTE[0] as string }],
      data: report.items.map((i) => ({ label: i.agent, tasksClosed: i.tasksClosed })),
    },
  };
}

/** One decimal, in the reader's language ("4.2" / "4,2"). */
const score = (v: number | null, words: Words) =>
  v === null ? '—' : formatNumber(v, words.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The Customer satisfaction card shows its empty text only when no survey was sent in the window: surveys
 * sent and none answered is a figure (a 0% response rate), not an empty card.
 */
export function feedbackEmpty(report: FeedbackReport | null): boolean {
  return report === null || report.surveys === 0;
}

export function feedbackRows(
  report: FeedbackReport,
  words: Words,
): { summary: string; table: ReportTable; trend: ReportTable; chart: ChartData } {
  return {
    summary: tr(words, 'feedbackSummary', {
      responses: num(report.responses, words),
      surveys: num(report.surveys, words),
      rate: report.responseRate === null ? '—' : percent(report.responseRate, words),
      average: score(report.averageScore, words),
      min: report.scale?.min ?? '—',
      max: report.scale?.max ?? '—',
    }),
    table: {
      columns: [tr(words, 'score'), tr(words, 'responses')],
      rows: report.distribution.map((d) => [num(d.score, words), num(d.count, words)]),
    },
    trend: {
      columns: ['period', 'responses', 'averageScore'].map((k) => tr(words, k)),
      rows: report.trend.items.map((i) => [
        bucketLabel(i.start, report.trend.bucket, words),
        num(i.responses, words),
        score(i.averageScore, words),
      ]),
    },
    chart: {
      kind: 'lines',
      fractions: true,
      ...(report.scale === null ? {} : { domain: [report.scale.min, report.scale.max] as [number, number] }),
      series: [{ key: 'averageScore', label: tr(words, 'averageScore'), color: PALETTE[0] as string }],
      data: report.trend.items.map((i) => ({
        label: bucketLabel(i.start, report.trend.bucket, words),
        averageScore: i.averageScore ?? 0,
      })),
    },
  };
}
