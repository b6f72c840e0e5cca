// Reports computed from the store's SLA records, history and case data.
import type { JsonValue, StateValue } from '../engine/types.ts';
import type { ReportHistoryRow, SlaRecord } from '../store/case-store.ts';
import { stateIds } from '../store/state-ids.ts';

export interface SlaReportRow {
  caseType: string;
  sla: string;
  total: number;
  running: number;
  paused: number;
  warning: number;
  missedGoal: number;
  breached: number;
  met: number;
  metLate: number;
  cancelled: number;
  /** met / (met + metLate + missedGoal + breached): the share that made its goal, of those decided or late. */
  compliance: number | null;
}

export function slaReport(records: readonly SlaRecord[]): SlaReportRow[] {
  const rows = new Map<string, SlaReportRow>();
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
      default: {
        const _never: never = r.status;
        throw new Error(`unknown SLA status ${String(_never)}`);
      }
    }
  }
  for (const row of rows.values()) {
    const decided = row.met + row.metLate + row.missedGoal + row.breached;
    row.compliance = decided === 0 ? null : row.met / decided;
  }
  return [...rows.values()];
}

export interface StageReportRow {
  caseType: string;
  state: string;
  /** Times a case entered the state. */
  visits: number;
  /** Visits that ended (the case left the state). */
  completed: number;
  /** Milliseconds spent in the state over completed visits. */
  totalMs: number;
  averageMs: number | null;
  /** Cases in the state now. */
  current: number;
}

/** Time per stage: every state id of the active configuration (ancestors included), between history entries. */
export function stageReport(history: readonly ReportHistoryRow[]): StageReportRow[] {
  const rows = new Map<string, StageReportRow>();
  const row = (caseType: string, state: string): StageReportRow => {
    const key = `${caseType}\u0000${state}`;
    let r = rows.get(key);
    if (r === undefined) {
      r = { caseType, state, visits: 0, completed: 0, totalMs: 0, averageMs: null, current: 0 };
      rows.set(key, r);
    }
    return r;
  };
  let index = 0;
  while (index < history.length) {
    const caseId = (history[index] as ReportHistoryRow).caseId;
    const entries: ReportHistoryRow[] = [];
    while (index < history.length && (history[index] as ReportHistoryRow).caseId === caseId) entries.push(history[index++] as ReportHistoryRow);
    const entered = new Map<string, string>();
    for (const entry of entries) {
      const active = new Set(stateIds(entry.to as StateValue));
      for (const [state, since] of entered) {
        if (!active.has(state)) {
          const r = row(entry.caseType, state);
          r.completed += 1;
          r.totalMs += Date.parse(entry.at) - Date.parse(since);
          entered.delete(state);
        }
      }
      for (const state of active) {
        if (!entered.has(state)) {
          row(entry.caseType, state).visits += 1;
          entered.set(state, entry.at);
        }
      }
    }
    const caseType = entries[0]?.caseType ?? '';
    for (const state of entered.keys()) row(caseType, state).current += 1;
  }
  for (const r of rows.values()) r.averageMs = r.completed === 0 ? null : Math.round(r.totalMs / r.completed);
  return [...rows.values()].sort((a, b) => a.caseType.localeCompare(b.caseType) || a.state.localeCompare(b.state));
}

export interface ReasonsReport {
  field: string;
  total: number;
  items: { value: JsonValue; count: number; share: number }[];
}

export function reasonsReport(field: string, counts: readonly { value: JsonValue; count: number }[], limit: number): ReasonsReport {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return {
    field,
    total,
    items: counts.slice(0, limit).map((c) => ({ value: c.value, count: c.count, share: total === 0 ? 0 : c.count / total })),
  };
}
