// The reports as they were computed before the database aggregated them (runtime/host/reports.ts up
// to issue 15): every record loaded, aggregated in JavaScript. Kept as the reference the SQL must
// equal, with the window of issue 15 added (SLAs started, visits begun, cases created in [from, to)).
import type { CaseData, HistoryEntry, JsonValue, SlaStatus, StateValue } from '../../../runtime/engine/index.ts';
import type { ReportWindow } from '../../../runtime/store/case-store.ts';
import { resolvePointer } from '../../../runtime/store/json-pointer.ts';
import { stateIds } from '../../../runtime/store/state-ids.ts';
import { entry } from './fixtures.ts';

const inWindow = (at: string, window: ReportWindow) => (window.from === undefined || at >= window.from) && (window.to === undefined || at < window.to);
/** As the store ordered rows (SQLite BINARY, PostgreSQL COLLATE "C"): by code unit. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface RefSla {
  caseType: string;
  name: string;
  status: SlaStatus;
  startedAt: string;
}

export function referenceSlaReport(all: readonly RefSla[], window: ReportWindow) {
  const records = all
    .filter((r) => (window.caseType === undefined || r.caseType === window.caseType) && inWindow(r.startedAt, window))
    .sort((a, b) => byCodeUnit(a.caseType, b.caseType) || byCodeUnit(a.name, b.name));
  const rows = new Map<string, { caseType: string; sla: string; total: number; running: number; paused: number; warning: number; missedGoal: number; breached: number; met: number; metLate: number; cancelled: number; compliance: number | null }>();
  for (const r of records) {
    const key = `${r.caseType}\u0000${r.name}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { caseType: r.caseType, sla: r.name, total: 0, running: 0, paused: 0, warning: 0, missedGoal: 0, breached: 0, met: 0, metLate: 0, cancelled: 0, compliance: null };
      rows.set(key, row);
    }
    row.total += 1;
    switch (r.status) {
      case 'running': row.running += 1; break;
      case 'paused': row.paused += 1; break;
      case 'warning': row.warning += 1; break;
      case 'missed-goal': row.missedGoal += 1; break;
      case 'breached': row.breached += 1; break;
      case 'met': row.met += 1; break;
      case 'met-late': row.metLate += 1; break;
      case 'cancelled': row.cancelled += 1; break;
    }
  }
  for (const row of rows.values()) {
    const decided = row.met + row.metLate + row.missedGoal + row.breached;
    row.compliance = decided === 0 ? null : row.met / decided;
  }
  return [...rows.values()];
}

export interface RefHistoryRow {
  caseId: string;
  caseType: string;
  seq: number;
  at: string;
  to: StateValue;
}

/** percentile_cont as both databases compute it (linear interpolation at p·(n−1)), rounded to whole ms; null for none. */
export function interpolated(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const lo = sorted[Math.floor(at)] as number;
  const hi = sorted[Math.ceil(at)] as number;
  return Math.round(lo + (hi - lo) * (at - Math.floor(at)));
}

/** `history`: every entry of the tenant, by case, then seq. A visit counts when it began in the window. */
export function referenceStageReport(all: readonly RefHistoryRow[], window: ReportWindow) {
  const history = all.filter((h) => window.caseType === undefined || h.caseType === window.caseType);
  const rows = new Map<string, { caseType: string; state: string; visits: number; completed: number; totalMs: number; averageMs: number | null; medianMs: number | null; p90Ms: number | null; current: number; durations: number[] }>();
  const row = (caseType: string, state: string) => {
    const key = `${caseType}\u0000${state}`;
    let r = rows.get(key);
    if (r === undefined) {
      r = { caseType, state, visits: 0, completed: 0, totalMs: 0, averageMs: null, medianMs: null, p90Ms: null, current: 0, durations: [] };
      rows.set(key, r);
    }
    return r;
  };
  let index = 0;
  while (index < history.length) {
    const caseId = (history[index] as RefHistoryRow).caseId;
    const entries: RefHistoryRow[] = [];
    while (index < history.length && (history[index] as RefHistoryRow).caseId === caseId) entries.push(history[index++] as RefHistoryRow);
    const entered = new Map<string, string>();
    for (const entry of entries) {
      const active = new Set(stateIds(entry.to));
      for (const [state, since] of entered) {
        if (!active.has(state)) {
          if (inWindow(since, window)) {
            const r = row(entry.caseType, state);
            r.completed += 1;
            r.totalMs += Date.parse(entry.at) - Date.parse(since);
            r.durations.push(Date.parse(entry.at) - Date.parse(since));
          }
          entered.delete(state);
        }
      }
      for (const state of active) {
        if (!entered.has(state)) {
          if (inWindow(entry.at, window)) row(entry.caseType, state).visits += 1;
          entered.set(state, entry.at);
        }
      }
    }
    const caseType = entries[0]?.caseType ?? '';
    for (const [state, since] of entered) if (inWindow(since, window)) row(caseType, state).current += 1;
  }
  for (const r of rows.values()) {
    r.averageMs = r.completed === 0 ? null : Math.round(r.totalMs / r.completed);
    r.medianMs = interpolated(r.durations, 0.5);
    r.p90Ms = interpolated(r.durations, 0.9);
  }
  return [...rows.values()].map(({ durations: _durations, ...r }) => r).sort((a, b) => a.caseType.localeCompare(b.caseType) || a.state.localeCompare(b.state));
}

export interface RefCase {
  caseType: string;
  createdAt: string;
  data: CaseData;
  channel: string;
}

/** Channels by count, most first (ties by name). */
function channelRows(channels: Map<string, number>) {
  return [...channels].map(([channel, count]) => ({ channel, count })).sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
}

export function referenceReasonsReport(cases: readonly RefCase[], field: string, window: ReportWindow, limit: number) {
  const counts = new Map<string, { value: JsonValue; count: number; channels: Map<string, number> }>();
  const channels = new Map<string, number>();
  for (const kase of cases) {
    if ((window.caseType !== undefined && kase.caseType !== window.caseType) || !inWindow(kase.createdAt, window)) continue;
    const value = resolvePointer(kase.data, field);
    const key = JSON.stringify(value);
    const entry = counts.get(key) ?? { value, count: 0, channels: new Map<string, number>() };
    entry.count += 1;
    entry.channels.set(kase.channel, (entry.channels.get(kase.channel) ?? 0) + 1);
    channels.set(kase.channel, (channels.get(kase.channel) ?? 0) + 1);
    counts.set(key, entry);
  }
  const sorted = [...counts.values()].sort((a, b) => b.count - a.count || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
  const total = sorted.reduce((sum, c) => sum + c.count, 0);
  return {
    field,
    total,
    channels: channelRows(channels).map((c) => ({ ...c, share: total === 0 ? 0 : c.count / total })),
    items: sorted.slice(0, limit).map((c) => ({ value: c.value, count: c.count, share: total === 0 ? 0 : c.count / total, channels: channelRows(c.channels) })),
  };
}

const STATES: StateValue[] = [
  { triage: 'collect' },
  { triage: 'classify' },
  { investigating: { evidence: 'waiting', approval: 'pending' } },
  { investigating: { evidence: 'received', approval: 'pending' } },
  'Resolved',
  'closed',
];

/**
 * Histories for the migration tests, the same every time: nested and parallel states, re-entries,
 * entries that change no state, repeated instants, an event whose data holds U+0000.
 */
export function sampleHistories(count: number, start = '2026-01-05T09:00:00.000Z'): { id: string; caseType: string; entries: HistoryEntry[] }[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  return Array.from({ length: count }, (_, index) => {
    let at = Date.parse(start) + next(48) * 3_600_000;
    let state = STATES[next(2)] as StateValue;
    const entries: HistoryEntry[] = [entry(1, 'case.created', new Date(at).toISOString(), null, state)];
    const length = 1 + next(7);
    for (let seq = 2; seq <= length; seq++) {
      at += [0, 1, 60_000, 3_600_000, 86_400_000][next(5)] as number;
      const from = state;
      state = STATES[next(STATES.length)] as StateValue;
      const h = entry(seq, `E${seq}`, new Date(at).toISOString(), from, state);
      entries.push(index % 5 === 0 ? { ...h, event: { type: h.event.type, data: { note: 'nul \u0000 inside' } } } : h);
    }
    return { id: `old-${String(index).padStart(3, '0')}`, caseType: index % 3 === 0 ? 'note' : 'complaint', entries };
  });
}

/** The reference's rows of those histories, by case then seq. */
export function historyRows(histories: { id: string; caseType: string; entries: HistoryEntry[] }[]): RefHistoryRow[] {
  return histories.flatMap((h) => h.entries.map((e) => ({ caseId: h.id, caseType: h.caseType, seq: e.seq, at: e.at, to: e.to })));
}
