// The SLA preview: for a chosen start instant, when the warning, goal, deadline and the first repeats
// fall, in the calendar's local time, each with its explanation. Computed by the engine's own calendar
// and SLA ladder code (the code the server runs), on a fresh record started at that instant.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { explainDue, formatLocal, compileSlaCalendars, slaView, rungDueAt, rungStep, slaClockOf } from '../../../runtime/engine/index.ts';
import type { Instant, SlaInstance } from '../../../runtime/engine/index.ts';

export interface SlaPreviewRow {
  rung: 'warning' | 'goal' | 'deadline' | 'repeat';
  label: string;
  at: Instant;
  /** Weekday, date and time in the calendar's zone (UTC without a calendar). */
  local: string;
  /** `PT8H from Fri 16:00 in 'office' is Mon 16:00`, or how a percentage was read. */
  explanation: string;
}

export type SlaPreview = { ok: true; zone: string; rows: SlaPreviewRow[] } | { ok: false; message: string };

const PERCENT = /^(\d+(?:\.\d+)?)%$/;

export function previewSla(def: CaseType, name: string, start: Instant): SlaPreview {
  const sla = def.slas?.[name];
  if (!sla) return { ok: false, message: `There is no SLA '${name}'.` };
  if (Number.isNaN(Date.parse(start))) return { ok: false, message: 'Pick a start date and time.' };
  try {
    const calendars = compileSlaCalendars(def);
    const cal = sla.calendar === undefined ? undefined : calendars[sla.calendar];
    if (sla.calendar !== undefined && !cal) return { ok: false, message: `Calendar '${sla.calendar}' does not exist: pick one in the list or add it under Calendars.` };
    const clock = slaClockOf(def, calendars, name);
    if (!clock) return { ok: false, message: `There is no SLA '${name}'.` };
    const record: SlaInstance = { id: `${name}#1`, name, status: 'running', startedAt: start, pauses: [], closedAt: null, rungs: [], urgency: 0 };
    const view = slaView(def, calendars, record, start);
    const local = (at: Instant) => `${formatLocal(cal, at, { date: true, year: true })}${cal ? '' : ' UTC'}`;
    const rows: SlaPreviewRow[] = [];
    const warnAt = sla.warnAt ?? '75%';
    const pct = PERCENT.exec(warnAt);
    const base = sla.goal ?? sla.deadline;
    rows.push({
      rung: 'warning',
      label: 'Warning',
      at: view.warnAt,
      local: local(view.warnAt),
      explanation: pct
        ? `${warnAt} of ${sla.goal ? 'the goal' : 'the deadline'} ${base} in business time, from ${formatLocal(cal, start)}${cal ? '' : ' UTC'}${sla.warnAt === undefined ? ' (the default)' : ''}`
        : explainDue(cal, sla.calendar, start, warnAt),
    });
    if (sla.goal !== undefined && view.goalAt !== null) {
      rows.push({ rung: 'goal', label: 'Goal', at: view.goalAt, local: local(view.goalAt), explanation: explainDue(cal, sla.calendar, start, sla.goal) });
    }
    rows.push({ rung: 'deadline', label: 'Deadline', at: view.deadlineAt, local: local(view.deadlineAt), explanation: explainDue(cal, sla.calendar, start, sla.deadline) });
    if (sla.passedDeadline) {
      const shown = Math.min(sla.passedDeadline.times ?? 3, 3);
      let previous = view.deadlineAt;
      for (let n = 1; n <= shown; n++) {
        const at = rungDueAt(clock, record, rungStep('passedDeadline', n), start);
        if (at === null) break;
        rows.push({ rung: 'repeat', label: `Past the deadline, repeat ${n}`, at, local: local(at), explanation: explainDue(cal, sla.calendar, previous, sla.passedDeadline.every) });
        previous = at;
      }
    }
    return { ok: true, zone: cal ? cal.timezone : 'UTC', rows };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
