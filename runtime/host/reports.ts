// The reports, finished from the groups the store aggregates (CaseStore.slaSummary, stageSummary,
// reasonCounts): ratios and averages, the order of the rows, the top N.
import type { JsonValue } from '../engine/index.ts';
import type { AgentCounts, BacklogRow, ChannelCounts, ReasonCounts, ReasonTrend, ReportBucket, SlaCounts, SlaTrendRow, StageCounts } from '../store/case-store.ts';

export interface SlaReportRow extends SlaCounts {
  /** met / (met + metLate + missedGoal + breached): the share that made its goal, of those decided or late. */
  compliance: number | null;
}

/** One row per case type and SLA, in the store's order (case type, then SLA name). */
export function slaReport(counts: readonly SlaCounts[]): SlaReportRow[] {
  return counts.map((row) => {
    const decided = row.met + row.metLate + row.missedGoal + row.breached;
    return { ...row, compliance: decided === 0 ? null : row.met / decided };
  });
}

/** A percentile as both stores interpolate it (percentile_cont), to whole milliseconds. */
const roundMs = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Math.round(ms));

export interface StageReportRow extends StageCounts {
  averageMs: number | null;
}

/** Time per stage: one row per case type and state id, ordered by case type, then state (localeCompare). */
export function stageReport(counts: readonly StageCounts[]): StageReportRow[] {
  return counts
    .map((row) => ({
      caseType: row.caseType,
      state: row.state,
      visits: row.visits,
      completed: row.completed,
      totalMs: row.totalMs,
      averageMs: row.completed === 0 ? null : Math.round(row.totalMs / row.completed),
      medianMs: roundMs(row.medianMs),
      p90Ms: roundMs(row.p90Ms),
      current: row.current,
    }))
    .sort((a, b) => a.caseType.localeCompare(b.caseType) || a.state.localeCompare(b.state));
}

export interface ReasonsReport {
  field: string;
  total: number;
  /** Every case counted, by the channel it came in by (email, web, phone, letter, chat, api), most first. */
  channels: { channel: string; count: number; share: number }[];
  /** The top values, each with the channels its cases came in by, most first. */
  items: { value: JsonValue; count: number; share: number; channels: { channel: string; count: number }[] }[];
}

/** Channels by count, most first (ties by name). */
function channelRows(channels: Record<string, number>): { channel: string; count: number }[] {
  return Object.entries(channels)
    .map(([channel, count]) => ({ channel, count }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
}

/** The `limit` most frequent values, most frequent first (ties by the value's JSON text, localeCompare); shares of every case counted. */
export function reasonsReport(field: string, counts: ReasonCounts, limit: number): ReasonsReport {
  const { total } = counts;
  const ordered = counts.counts
    .map((c) => ({ ...c, text: JSON.stringify(c.value) }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return {
    field,
    total,
    channels: channelRows(counts.channels).map((c) => ({ ...c, share: total === 0 ? 0 : c.count / total })),
    items: ordered.slice(0, limit).map((c) => ({ value: c.value, count: c.count, share: total === 0 ? 0 : c.count / total, channels: channelRows(c.channels) })),
  };
}

/** Code-unit order (both stores' order of text: SQLite's binary collation, PostgreSQL's "C"). */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface SlaTrendReport {
  bucket: ReportBucket;
  items: SlaTrendRow[];
}

/** The SLA outcomes per bucket, oldest first (the store's order). */
export function slaTrendReport(bucket: ReportBucket, rows: readonly SlaTrendRow[]): SlaTrendReport {
  return { bucket, items: rows.map((r) => ({ start: r.start, met: r.met, metLate: r.metLate, missedGoal: r.missedGoal, breached: r.breached })) };
}

export interface BacklogReport {
  asOf: string;
  total: number;
  items: { queue: string | null; state: string; count: number; ageing: { under1d: number; d1to3: number; d3to7: number; d7to30: number; over30d: number }; oldestCreatedAt: string }[];
}

/** The open cases by queue and state, most first (ties: by queue, no queue last, then by state). */
export function backlogReport(asOf: string, rows: readonly BacklogRow[]): BacklogReport {
  const items = rows
    .map((r) => ({
      queue: r.queue,
      state: r.state,
      count: r.count,
      ageing: { under1d: r.under1d, d1to3: r.d1to3, d3to7: r.d3to7, d7to30: r.d7to30, over30d: r.over30d },
      oldestCreatedAt: r.oldestCreatedAt,
    }))
    .sort((a, b) => b.count - a.count || (a.queue === b.queue ? 0 : a.queue === null ? 1 : b.queue === null ? -1 : byCode(a.queue, b.queue)) || byCode(a.state, b.state));
  return { asOf, total: items.reduce((sum, r) => sum + r.count, 0), items };
}

export interface ReasonTrendReport {
  field: string;
  bucket: ReportBucket;
  /** The top values, most frequent first (ties by their JSON text, as the reasons report orders them). */
  values: JsonValue[];
  /** Per bucket (oldest first), the counts of the top values that have cases in it, in the order of `values`. */
  items: { start: string; value: JsonValue; count: number }[];
}

/** The `limit` most frequent values of the window and their counts per bucket. */
export function reasonTrendReport(field: string, bucket: ReportBucket, trend: ReasonTrend, limit: number): ReasonTrendReport {
  const top = trend.values
    .map((v) => ({ ...v, text: JSON.stringify(v.value) }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
  const items = top
    .flatMap((v, rank) => v.buckets.map((b) => ({ start: b.start, value: v.value, count: b.count, rank })))
    .sort((a, b) => byCode(a.start, b.start) || a.rank - b.rank)
    .map(({ start, value, count }) => ({ start, value, count }));
  return { field, bucket, values: top.map((v) => v.value), items };
}

export interface ChannelsReport {
  total: number;
  items: { channel: string; count: number; share: number }[];
  trend: { bucket: ReportBucket; items: { start: string; channel: string; count: number }[] };
}

/** Cases per channel (most first) with their share, and per bucket and channel. */
export function channelsReport(bucket: ReportBucket, counts: ChannelCounts): ChannelsReport {
  const total = counts.items.reduce((sum, c) => sum + c.count, 0);
  return {
    total,
    items: counts.items.map((c) => ({ channel: c.channel, count: c.count, share: total === 0 ? 0 : c.count / total })),
    trend: { bucket, items: counts.trend.map((t) => ({ start: t.start, channel: t.channel, count: t.count })) },
  };
}

/** Agents by tasks closed (the store's order and limit). */
export function agentsReport(counts: AgentCounts): AgentCounts {
  return { total: counts.total, items: counts.items.map((a) => ({ ...a, medianHandlingMs: roundMs(a.medianHandlingMs), p90HandlingMs: roundMs(a.p90HandlingMs) })) };
}

/** The field pointers of a data schema (through `properties` and array `items`, e.g. /reason, /customer/name), in schema order. */
export function fieldPointers(schema: unknown, prefix = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { properties?: Record<string, unknown>; items?: unknown };
  const result: string[] = [];
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    const pointer = `${prefix}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    result.push(pointer, ...fieldPointers(child, pointer));
  }
  if (typeof s.items === 'object' && s.items !== null) result.push(...fieldPointers(s.items, `${prefix}/0`));
  return result;
}
