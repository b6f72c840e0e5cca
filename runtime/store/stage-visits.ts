// Time per stage, kept at write time: each case's visits to each state id of its active configuration
// (runtime/store/state-ids.ts, ancestors included). A visit begins with the first history entry whose
// `to` holds the state id and ends with the next entry whose `to` does not. The stores keep two tables,
// filled by a trigger on every history insert (their migrations): `stage_current`, the visits still
// open (one row per case and state id), and `stage_visits`, the ended ones with their length in ms.
// This file is the same rule in JavaScript, for the migrations that fill both tables from the history
// written before them.
import type { Instant, StateValue } from '../engine/index.ts';
import { stateIds } from './state-ids.ts';

export interface StageVisit {
  state: string;
  /** The history entry that began the visit. */
  enteredSeq: number;
  enteredAt: Instant;
  /** The entry that ended it; null while the case is still in the state. */
  leftAt: Instant | null;
  /** leftAt − enteredAt; null while open (or when an instant does not parse). */
  ms: number | null;
}

/** The visits of one case, from its history entries in `seq` order. */
export function stageVisits(entries: Iterable<{ seq: number; at: Instant; to: StateValue }>): StageVisit[] {
  const visits: StageVisit[] = [];
  const open = new Map<string, StageVisit>();
  for (const entry of entries) {
    const active = new Set(stateIds(entry.to));
    for (const [state, visit] of open) {
      if (active.has(state)) continue;
      const ms = Date.parse(entry.at) - Date.parse(visit.enteredAt);
      visit.leftAt = entry.at;
      visit.ms = Number.isNaN(ms) ? null : ms;
      open.delete(state);
    }
    for (const state of active) {
      if (open.has(state)) continue;
      const visit: StageVisit = { state, enteredSeq: entry.seq, enteredAt: entry.at, leftAt: null, ms: null };
      visits.push(visit);
      open.set(state, visit);
    }
  }
  return visits;
}
