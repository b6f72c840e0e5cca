// Lint of time: durations that are zero, SLA ladders out of order (warnAt < goal < deadline), SLAs that can
// pause but never stop, and calendars (time zone, working ranges, any working hours at all).
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { asArray, asObject, asString, isObject, ptr, type JsonObject } from './util.ts';

export interface ParsedDuration {
  weeks: number;
  days: number;
  /** Hours, minutes and seconds, in seconds. */
  seconds: number;
}

const durationPattern = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string): ParsedDuration | undefined {
  const match = durationPattern.exec(text);
  if (match === null) return undefined;
  const n = (i: number): number => Number(match[i] ?? 0);
  return { weeks: n(1), days: n(2), seconds: n(3) * 3600 + n(4) * 60 + n(5) };
}

/**
 * Compares two durations: negative when a is shorter. Without a calendar, as elapsed time (a day is 24 h).
 * With a calendar, days are working days and hours working hours, which do not convert: days are compared
 * first, then the time part (P1D is longer than PT20H). A week counts the calendar's working days.
 */
export function compareDurations(a: ParsedDuration, b: ParsedDuration, workingDaysPerWeek?: number): number {
  if (workingDaysPerWeek === undefined) {
    const total = (d: ParsedDuration): number => (d.weeks * 7 + d.days) * 86400 + d.seconds;
    return total(a) - total(b);
  }
  const days = (d: ParsedDuration): number => d.weeks * workingDaysPerWeek + d.days;
  return days(a) - days(b) || a.seconds - b.seconds;
}

const weekDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function minutes(time: unknown): number | undefined {
  const match = typeof time === 'string' ? /^(\d\d):(\d\d)$/.exec(time) : null;
  return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
}

function workingDays(calendar: JsonObject): number {
  const hours = asObject(calendar.hours);
  return weekDays.filter((day) => asArray(hours[day]).length > 0).length;
}

export function lintTime(model: Model): Problem[] {
  const problems: Problem[] = [];
  const duration = (value: unknown, pointer: string): ParsedDuration | undefined => {
    const parsed = typeof value === 'string' ? parseDuration(value) : undefined;
    if (parsed !== undefined && parsed.weeks === 0 && parsed.days === 0 && parsed.seconds === 0) {
      problems.push(createProblem('duration.zero', pointer, { value: String(value) }));
      return undefined;
    }
    return parsed;
  };

  for (const state of model.states.values()) {
    asArray(state.node.after).forEach((after, i) =>
      duration(asObject(after).delay, ptr(state.pointer, 'after', i, 'delay')),
    );
    duration(asObject(state.node.task).due, ptr(state.pointer, 'task', 'due'));
    const task = asObject(state.node.task);
    if (task.onOverdue !== undefined && task.due === undefined) problems.push(createProblem('task.overdue_without_due', ptr(state.pointer, 'task', 'onOverdue'), {}));
  }

  const calendars = asObject(model.def.calendars);
  for (const [name, value] of Object.entries(asObject(model.def.slas))) {
    const sla = asObject(value);
    const at = ptr('/slas', name);
    const calendarName = asString(sla.calendar);
    const calendar = calendarName === undefined ? undefined : calendars[calendarName];
    const perWeek = isObject(calendar) ? workingDays(calendar) : calendarName === undefined ? undefined : 5;
    const note =
      calendarName === undefined
        ? ''
        : ` (with calendar '${calendarName}', working days are compared before hours)`;
    const goal = duration(sla.goal, ptr(at, 'goal'));
    const deadline = duration(sla.deadline, ptr(at, 'deadline'));
    duration(asObject(sla.passedDeadline).every, ptr(at, 'passedDeadline', 'every'));
    const warnAt =
      typeof sla.warnAt === 'string' && !sla.warnAt.endsWith('%')
        ? duration(sla.warnAt, ptr(at, 'warnAt'))
        : undefined;
    if (goal !== undefined && deadline !== undefined && compareDurations(goal, deadline, perWeek) >= 0) {
      problems.push(
        createProblem('sla.goal_not_before_deadline', ptr(at, 'goal'), {
          goal: String(sla.goal),
          deadline: String(sla.deadline),
          note,
        }),
      );
    }
    const limit = goal ?? deadline;
    if (warnAt !== undefined && limit !== undefined && compareDurations(warnAt, limit, perWeek) >= 0) {
      problems.push(
        createProblem('sla.warn_not_before_goal', ptr(at, 'warnAt'), {
          warnAt: String(sla.warnAt),
          limitName: goal === undefined ? 'the deadline' : 'the goal',
          limit: String(goal === undefined ? sla.deadline : sla.goal),
          note,
        }),
      );
    }
    if (sla.pause !== undefined && sla.stop === undefined)
      problems.push(createProblem('sla.pause_without_stop', ptr(at, 'pause'), { name }));
  }

  for (const [name, value] of Object.entries(calendars))
    problems.push(...lintCalendar(name, asObject(value)));
  return problems;
}

function lintCalendar(name: string, calendar: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const at = ptr('/calendars', name);
  const timezone = asString(calendar.timezone);
  if (timezone !== undefined && timezone !== '') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      problems.push(createProblem('calendar.invalid_timezone', ptr(at, 'timezone'), { value: timezone }));
    }
  }
  if (!isObject(calendar.hours)) return problems;
  const hours = calendar.hours;
  let anyHours = false;
  for (const day of weekDays) {
    const ranges = asArray(hours[day])
      .map((range, index) => ({ index, from: asArray(range)[0], to: asArray(range)[1] }))
      .map((r) => ({ ...r, start: minutes(r.from), end: minutes(r.to) }))
      .filter(
        (r): r is typeof r & { start: number; end: number } => r.start !== undefined && r.end !== undefined,
      );
    const ordered = ranges.filter((r) => {
      if (r.start < r.end) return true;
      problems.push(
        createProblem('calendar.range_order', ptr(at, 'hours', day, r.index), {
          from: String(r.from),
          to: String(r.to),
        }),
      );
      return false;
    });
    if (ordered.length > 0) anyHours = true;
    const sorted = [...ordered].sort((a, b) => a.start - b.start || a.index - b.index);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1] as (typeof sorted)[number];
      const current = sorted[i] as (typeof sorted)[number];
      if (current.start < previous.end) {
        const later = current.index > previous.index ? current : previous;
        const other = later === current ? previous : current;
        problems.push(
          createProblem('calendar.range_overlap', ptr(at, 'hours', day, later.index), {
            from: String(later.from),
            to: String(later.to),
            otherFrom: String(other.from),
            otherTo: String(other.to),
            day,
          }),
        );
      }
    }
  }
  if (!anyHours) problems.push(createProblem('calendar.no_hours', ptr(at, 'hours'), { name }));
  return problems;
}
