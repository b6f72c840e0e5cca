// The reports, finished from the groups the store aggregates (CaseStore.slaSummary, stageSummary,
// reasonCounts): ratios and averages, the order of the rows, the top N.
import type { JsonValue } from '../engine/index.ts';
import type { ReasonCounts, SlaCounts, StageCounts } from '../store/case-store.ts';

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
