// Durable delays (`after`) in words, and their timer ids. A delay's timer raises `timer.<id>`; without an
// explicit `id` the runtime uses `<state>.<index>`, which changes when the state is renamed or the delays are
// reordered, so the designer writes an explicit id for each new delay and lets the analyst change it.
import type { AfterDelay, CaseType, StateNode, TransitionSpec } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { clone } from './clone.ts';
import { findState, listStates } from './states.ts';

export const TIMER_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseDuration(text: string): DurationParts | null {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return { weeks: n(1), days: n(2), hours: n(3), minutes: n(4), seconds: n(5) };
}

type DelayUnit = 'workingWeek' | 'workingDay' | 'workingHour' | 'workingMinute' | 'workingSecond' | 'week' | 'calendarDay' | 'hour' | 'minute' | 'second';

/**
 * What a delay means, in words: "5 working days in the Office calendar" with a calendar (days are working
 * days, hours working hours), "5 calendar days" without one (plain elapsed time).
 */
export function describeDelay(def: CaseType, delay: Pick<AfterDelay, 'delay' | 'calendar'>, words: Words = ENGLISH): string {
  const { t } = words;
  const d = parseDuration(delay.delay);
  if (!d) return t('model.delays.notDuration');
  const calendar = delay.calendar ? def.calendars?.[delay.calendar] : undefined;
  const working = delay.calendar !== undefined;
  const parts: string[] = [];
  const plural = (count: number, unit: DelayUnit) => t(`model.delays.units.${unit}`, { count });
  if (working) {
    if (d.weeks) parts.push(plural(d.weeks, 'workingWeek'));
    if (d.days) parts.push(plural(d.days, 'workingDay'));
    if (d.hours) parts.push(plural(d.hours, 'workingHour'));
    if (d.minutes) parts.push(plural(d.minutes, 'workingMinute'));
    if (d.seconds) parts.push(plural(d.seconds, 'workingSecond'));
  } else {
    if (d.weeks) parts.push(plural(d.weeks, 'week'));
    if (d.days) parts.push(plural(d.days, 'calendarDay'));
    if (d.hours) parts.push(plural(d.hours, 'hour'));
    if (d.minutes) parts.push(plural(d.minutes, 'minute'));
    if (d.seconds) parts.push(plural(d.seconds, 'second'));
  }
  if (parts.length === 0) return t('model.delays.noTime');
  const text = parts.length === 1 ? (parts[0] as string) : t('model.delays.and', { list: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] as string });
  if (!working) return text;
  const name = calendar?.title ?? delay.calendar;
  return t(calendar ? 'model.delays.inCalendar' : 'model.delays.inMissingCalendar', { text, name });
}

/** The id the runtime gives a delay without an explicit one. */
export function defaultTimerId(stateId: string, index: number): string {
  return `${stateId}.${index}`;
}

/** Every timer of the playbook: its state, index and effective id. */
export function listTimers(def: CaseType): { state: string; index: number; id: string; explicit: boolean }[] {
  return listStates(def).flatMap((s) =>
    (s.node.after ?? []).map((a, index) => ({ state: s.id, index, id: a.id ?? defaultTimerId(s.id, index), explicit: a.id !== undefined })),
  );
}

/** A fresh explicit id for a new delay of `stateId`: `<state>-delay`, `<state>-delay-2`, ... */
export function newTimerId(def: CaseType, stateId: string): string {
  const taken = new Set(listTimers(def).map((t) => t.id));
  const base = `${stateId}-delay`.slice(0, 58);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Why `id` cannot be the id of delay `index` of `stateId`, or null. */
export function timerIdProblem(def: CaseType, stateId: string, index: number, id: string, words: Words = ENGLISH): string | null {
  if (!TIMER_ID_PATTERN.test(id)) return words.t('model.delays.timerIdPattern');
  if (listTimers(def).some((t) => t.id === id && !(t.state === stateId && t.index === index))) return words.t('model.delays.timerIdTaken', { id });
  return null;
}

function renameOnKey(node: { on?: StateNode['on'] }, from: string, to: string): void {
  if (!node.on || !(from in node.on)) return;
  node.on = Object.fromEntries(Object.entries(node.on).map(([k, v]) => [k === from ? to : k, v])) as Record<string, TransitionSpec>;
}

/** Gives delay `index` of `stateId` the id `id`; transitions on the old `timer.<id>` event follow it. */
export function setTimerId(def: CaseType, stateId: string, index: number, id: string): CaseType {
  const next = clone(def);
  const node = findState(next.playbook, stateId)?.node;
  const delay = node?.after?.[index];
  if (!node?.after || !delay) return def;
  const old = delay.id ?? defaultTimerId(stateId, index);
  node.after[index] = { ...(id ? { id } : {}), ...Object.fromEntries(Object.entries(delay).filter(([k]) => k !== 'id')) } as AfterDelay;
  const from = `timer.${old}`;
  const to = `timer.${id || defaultTimerId(stateId, index)}`;
  renameOnKey(next.playbook, from, to);
  for (const s of listStates(next)) renameOnKey(s.node, from, to);
  return next;
}
