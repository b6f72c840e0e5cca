// Delays in days without a calendar: an `after` delay of days or weeks (P5D, P1W, P1DT12H) on a delay
// without a `calendar` counts calendar days (elapsed time), which analysts often do not mean. Silent when the
// delay's description already says it means calendar days.
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { parseDuration } from './time.ts';
import { asArray, asObject, asString, ptr } from './util.ts';
import { calendarDurationWords, stateWords } from './words.ts';

const saysCalendarDays = /\bcalendar[ -]days?\b/i;

export function lintCalendarDays(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const state of model.states.values()) {
    asArray(state.node.after).forEach((item, i) => {
      const after = asObject(item);
      if (after.calendar !== undefined) return;
      const delay = asString(after.delay);
      const parsed = delay === undefined ? undefined : parseDuration(delay);
      if (parsed === undefined || parsed.weeks + parsed.days === 0) return;
      if (saysCalendarDays.test(asString(after.description) ?? '')) return;
      problems.push(
        createProblem('delay.calendar_days', ptr(state.pointer, 'after', i, 'delay'), {
          state: stateWords(state.node, state.id),
          duration: calendarDurationWords(parsed),
        }),
      );
    });
  }
  return problems;
}
