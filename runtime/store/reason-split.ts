// The reasons report's rows as both stores read them (one per value and channel) folded into one count per
// value with its channels.
import type { JsonValue } from '../engine/index.ts';
import type { ChannelCounts, ReasonCounts, ReasonTrend } from './case-store.ts';

export function bySplit(rows: readonly { value: string; n: number; channel: string; cn: number }[]): ReasonCounts['counts'] {
  const counts = new Map<string, ReasonCounts['counts'][number]>();
  for (const row of rows) {
    let entry = counts.get(row.value);
    if (entry === undefined) {
      entry = { value: JSON.parse(row.value) as JsonValue, count: row.n, channels: {} };
      counts.set(row.value, entry);
    }
    entry.channels[row.channel] = row.cn;
  }
  return [...counts.values()];
}

/** The trend's rows as both stores read them (one per value and bucket) folded into one entry per value, buckets oldest first. */
export function trendBySplit(rows: readonly { value: string; n: number; start: string; bn: number }[]): ReasonTrend['values'] {
  const values = new Map<string, ReasonTrend['values'][number]>();
  for (const row of rows) {
    let entry = values.get(row.value);
    if (entry === undefined) {
      entry = { value: JSON.parse(row.value) as JsonValue, count: Number(row.n), buckets: [] };
      values.set(row.value, entry);
    }
    entry.buckets.push({ start: row.start, count: Number(row.bn) });
  }
  for (const entry of values.values()) entry.buckets.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return [...values.values()];
}

/** The channels' totals of a per-bucket count, most first (ties by name, code-unit order). */
export function channelTotals(trend: readonly { channel: string; count: number }[]): ChannelCounts['items'] {
  const totals = new Map<string, number>();
  for (const row of trend) totals.set(row.channel, (totals.get(row.channel) ?? 0) + row.count);
  return [...totals].map(([channel, count]) => ({ channel, count })).sort((a, b) => b.count - a.count || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
}
