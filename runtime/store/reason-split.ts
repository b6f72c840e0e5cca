// The reasons report's rows as both stores read them (one per value and channel) folded into one count per
// value with its channels.
import type { JsonValue } from '../engine/index.ts';
import type { ReasonCounts } from './case-store.ts';

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
