// The SLA preview: for a chosen start instant, when the warning, goal, deadline and the first repeats
// fall, in the calendar's local time, each with its explanation. Computed by the engine's own calendar
// and SLA ladder code (the code the server runs), on a fresh record started at that instant.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { addDuration, explainDue, formatLocal, compileSlaCalendars, slaView, rungDueAt, rungStep, slaClockOf } from '../../../runtime/engine/index.ts';
import type { Instant, SlaInstance } from '../../../runtime/engine/index.ts';
import { durationInWords } from '../canvas/edge-labels.ts';
import { formatDateTime } from '../i18n/format.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

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

/** A compiled business calendar, as the engine's explainDue takes it. */
type BusinessCalendar = Parameters<typeof explainDue>[0];

const PERCENT = /^(\d+(?:\.\d+)?)%$/;

/**
 * The SLA's rungs from `start`. In English the times and explanations are the engine's own (`formatLocal`,
 * `explainDue`); in another language the same instants are said in its words and date format.
 */
export function previewSla(def: CaseType, name: string, start: Instant, words: Words = ENGLISH): SlaPreview {
  const { t, language } = words;
  const english = language === 'en';
  const sla = def.slas?.[name];
  if (!sla) return { ok: false, message: t('model.slaPreview.noSla', { name }) };
  if (Number.isNaN(Date.parse(start))) return { ok: false, message: t('model.slaPreview.pickStart') };
  try {
    const calendars = compileSlaCalendars(def);
    const cal = sla.calendar === undefined ? undefined : calendars[sla.calendar];
    if (sla.calendar !== undefined && !cal) return { ok: false, message: t('model.slaPreview.noCalendar', { calendar: sla.calendar }) };
    const clock = slaClockOf(def, calendars, name);
    if (!clock) return { ok: false, message: t('model.slaPreview.noSla', { name }) };
    const record: SlaInstance = { id: `${name}#1`, name, status: 'running', startedAt: start, pauses: [], closedAt: null, rungs: [], urgency: 0 };
    const view = slaView(def, calendars, record, start);
    const utc = cal ? '' : ' UTC';
    const zoned = (at: Instant) => `${formatDateTime(at, language, cal ? cal.timezone : 'UTC')}${utc}`;
    const local = (at: Instant) => (english ? `${formatLocal(cal, at, { date: true, year: true })}${utc}` : zoned(at));
    const span = (iso: string) => (english ? iso : durationInWords(iso, cal !== undefined, words));
    const explain = (from: Instant, duration: string) => (english ? explainDue(cal, sla.calendar, from, duration) : explainIn(words, cal, sla.calendar, from, duration, zoned));
    const rows: SlaPreviewRow[] = [];
    const warnAt = sla.warnAt ?? '75%';
    const pct = PERCENT.exec(warnAt);
    const base = sla.goal ?? sla.deadline;
    let percentText = '';
    if (pct) {
      const from = english ? `${formatLocal(cal, start)}${utc}` : zoned(start);
      percentText = t(sla.goal ? 'model.slaPreview.percentOfGoal' : 'model.slaPreview.percentOfDeadline', { percent: warnAt, base: span(base), start: from });
      if (sla.warnAt === undefined) percentText = t('model.slaPreview.byDefault', { text: percentText });
    }
    rows.push({
      rung: 'warning',
      label: t('model.slaPreview.warning'),
      at: view.warnAt,
      local: local(view.warnAt),
      explanation: pct ? percentText : explain(start, warnAt),
    });
    if (sla.goal !== undefined && view.goalAt !== null) {
      rows.push({ rung: 'goal', label: t('model.slaPreview.goal'), at: view.goalAt, local: local(view.goalAt), explanation: explain(start, sla.goal) });
    }
    rows.push({ rung: 'deadline', label: t('model.slaPreview.deadline'), at: view.deadlineAt, local: local(view.deadlineAt), explanation: explain(start, sla.deadline) });
    if (sla.passedDeadline) {
      const shown = Math.min(sla.passedDeadline.times ?? 3, 3);
      let previous = view.deadlineAt;
      for (let n = 1; n <= shown; n++) {
        const at = rungDueAt(clock, record, rungStep('passedDeadline', n), start);
        if (at === null) break;
        rows.push({ rung: 'repeat', label: t('model.slaPreview.repeat', { n }), at, local: local(at), explanation: explain(previous, sla.passedDeadline.every) });
        previous = at;
      }
    }
    return { ok: true, zone: cal ? cal.timezone : 'UTC', rows };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The engine's `explainDue` sentence in another language: "P1D vanaf … in 'office' is …", with the duration in words. */
function explainIn(words: Words, cal: BusinessCalendar | undefined, calendarName: string | undefined, from: Instant, duration: string, zoned: (at: Instant) => string): string {
  const due = addDuration(cal, from, duration);
  const values = { duration: durationInWords(duration, cal !== undefined, words), start: zoned(from), due: zoned(due) };
  if (!cal) return words.t('model.slaPreview.explainElapsed', values);
  const calendar = calendarName ?? cal.name;
  return calendar === undefined ? words.t('model.slaPreview.explainZone', { ...values, zone: cal.timezone }) : words.t('model.slaPreview.explainCalendar', { ...values, calendar });
}
