// explainSlas: each SLA record of a case as the API shows it (delegates to the SLA module's view).
import type { CompiledCaseType } from './compile.ts';
import { slaView } from './sla-explain.ts';
import type { SlaView } from './sla-explain.ts';
import { closedLedger } from './sla-ledger.ts';
import type { Ledger } from './sla-ledger.ts';
import type { Case, Instant, SlaInstance } from './types.ts';

export function explainSlas(type: CompiledCaseType, kase: Case, now: Instant): SlaView[] {
  return kase.slas.map((record) =>
    record.closedAt === null ? slaView(type.def, type.calendars, record, now) : closedView(type, record, now),
  );
}

/**
 * Views of closed records. A closed record's clock ended when it closed, so its view no longer
 * depends on `now` and every later view of the case repeats it: kept per compiled case type and
 * pause ledger, by the record's other fields (cleared when too many: bounded memory).
 */
const CLOSED_VIEW_LIMIT = 10_000;
const closedViews = new WeakMap<CompiledCaseType, WeakMap<Ledger, Map<string, SlaView>>>();

function closedView(type: CompiledCaseType, record: SlaInstance, now: Instant): SlaView {
  const ledger = closedLedger(record.pauses);
  if (ledger === null || ledger.count !== record.pauses.length) return slaView(type.def, type.calendars, record, now);
  let byLedger = closedViews.get(type);
  if (!byLedger) {
    byLedger = new WeakMap();
    closedViews.set(type, byLedger);
  }
  let views = byLedger.get(ledger);
  if (!views) {
    views = new Map();
    byLedger.set(ledger, views);
  }
  const { id, name, status, startedAt, closedAt, urgency, rungs } = record;
  const key = JSON.stringify([id, name, status, startedAt, closedAt, urgency, rungs]);
  let view = views.get(key);
  if (!view) {
    view = slaView(type.def, type.calendars, record, now);
    if (views.size >= CLOSED_VIEW_LIMIT) views.clear();
    views.set(key, view);
  }
  return { ...view };
}
