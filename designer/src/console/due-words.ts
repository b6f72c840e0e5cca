// Task due times in words (issue 21, docs/task-due.md): "Due Tue 9 Dec 14:00" before, "Overdue by 2 h"
// after, in the reader's language and the browser's time zone; and the order "soonest due first, no due
// time last". Pure, unit-tested.
import type { CaseTask } from '../../../runtime/engine/index.ts';
import { ENGLISH, formatSpan, type Words } from '../i18n/index.ts';

const LOCALES = { en: 'en-GB', nl: 'nl-NL' } as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** "Tue 9 Dec 14:00" / "di 9 dec 14:00". */
export function dueWhen(at: string, words: Words = ENGLISH, timeZone?: string): string {
  const zone = timeZone === undefined ? {} : { timeZone };
  const date = new Intl.DateTimeFormat(LOCALES[words.language], { weekday: 'short', day: 'numeric', month: 'short', ...zone }).format(new Date(at));
  const time = new Intl.DateTimeFormat(LOCALES[words.language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone }).format(new Date(at));
  return `${date.replace(/[,.]/g, '')} ${time}`;
}

export interface DueView {
  /** "Due Tue 9 Dec 14:00", "Overdue by 2 h" or "No due time". */
  text: string;
  overdue: boolean;
}

/** A due time as the console says it at `now` (ms). */
export function dueView(dueAt: string | null, now: number, words: Words = ENGLISH, timeZone?: string): DueView {
  if (dueAt === null) return { text: words.t('due.none'), overdue: false };
  const late = now - Date.parse(dueAt);
  if (late < 0) return { text: words.t('due.dueAt', { when: dueWhen(dueAt, words, timeZone) }), overdue: false };
  const ms = Math.max(1, Math.floor(late / MINUTE)) * MINUTE;
  const span = ms < 2 * DAY ? formatSpan(ms, words.language) : formatSpan(Math.floor(ms / DAY) * DAY, words.language, true);
  return { text: words.t('due.overdueBy', { span }), overdue: true };
}

/** The due time that matters for a case: the soonest of its open tasks', or null. */
export function soonestDue(tasks: readonly Pick<CaseTask, 'dueAt'>[]): string | null {
  return tasks.reduce<string | null>((best, t) => (t.dueAt !== null && (best === null || t.dueAt < best) ? t.dueAt : best), null);
}

/** Soonest due first, no due time last. */
export function byDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
