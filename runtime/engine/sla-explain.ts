// What an SLA record means right now, for people and for the API: its derived due instants, the
// business time used, left and paused, and one plain sentence in the calendar's local time, e.g.
// "Breached at Wed 11:00: deadline PT16H in 'office' from Fri 16:00, paused 3 h while in 'Waiting for customer' (Mon 10:00–13:00)."
import type { CaseType, StateNode } from '../../schemas/generated/case-type.ts';
import type { BusinessCalendar } from './calendar.ts';
import { localDate } from './calendar.ts';
import { formatLocal } from './calendar-format.ts';
import { perCalendar } from './calendar-cache.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from './duration.ts';
import { parseInstant } from './instant.ts';
import { slaClockOf } from './sla.ts';
import type { SlaCalendars } from './sla.ts';
import { clockEnd, deadlineBudgetMs, elapsedMs, nextRung, pausedMs, rungDues, rungStep } from './sla-ladder.ts';
import type { RungDues } from './sla-ladder.ts';
import type { SlaClock } from './sla-ladder.ts';
import { closedLedger } from './sla-ledger.ts';
import type { Ledger } from './sla-ledger.ts';
import type { Instant, SlaInstance, SlaPause, SlaPauseReason, SlaRung, SlaStatus } from './types.ts';

/** One SLA record as the API and the worker console show it. Business time throughout. */
export interface SlaView {
  id: string;
  name: string;
  title: string;
  status: SlaStatus;
  urgency: number;
  startedAt: Instant;
  closedAt: Instant | null;
  /** Derived instants; while paused they assume the clock resumes now. */
  warnAt: Instant;
  goalAt: Instant | null;
  deadlineAt: Instant;
  /** The next rung of an open record and when it falls due (null when closed or nothing is left). */
  nextRung: SlaRung | null;
  nextAt: Instant | null;
  /** Business time the clock ran (pauses excluded), up to its close or now. */
  elapsedMs: number;
  /** Business time left before the deadline; negative once past it. */
  remainingMs: number;
  /** Business time paused (added back to every due instant). */
  pausedMs: number;
  /** `explainSla`'s sentence. */
  text: string;
}

function requireClock(def: CaseType, calendars: SlaCalendars, record: SlaInstance): SlaClock {
  const clock = slaClockOf(def, calendars, record.name);
  if (!clock) {
    throw new Error(
      `SLA record '${record.id}' names SLA '${record.name}', which case type '${def.key}' does not define: explain a case with the case-type version it was created with.`,
    );
  }
  return clock;
}

/** What a view and its sentence derive from a record at `now`, each computed once. */
interface Figures {
  /** The end of the clock: when the record closed, else now. */
  end: Instant;
  /** Due instants with an open pause ending at `end`. */
  dues: RungDues;
  elapsed: number;
  remaining: number;
  paused: number;
}

const WARNING = rungStep('warning');
const GOAL_MISSED = rungStep('goalMissed');
const BREACHED = rungStep('breached');

function figuresOf(clock: SlaClock, record: SlaInstance, now: Instant): Figures {
  const end = clockEnd(record, now);
  const paused = pausedMs(clock.cal, record.pauses, end);
  const elapsed = elapsedMs(clock, record, now, paused);
  return {
    end,
    dues: rungDues(clock, record, end),
    elapsed,
    remaining: deadlineBudgetMs(clock, record.startedAt) - elapsed,
    paused,
  };
}

/** The derived view of one record at `now`. */
export function slaView(def: CaseType, calendars: SlaCalendars, record: SlaInstance, now: Instant): SlaView {
  const clock = requireClock(def, calendars, record);
  const figures = figuresOf(clock, record, now);
  const { end, dues } = figures;
  const next = record.closedAt === null ? nextRung(clock, record, end, dues) : null;
  return {
    id: record.id,
    name: record.name,
    title: clock.sla.title ?? record.name,
    status: record.status,
    urgency: record.urgency,
    startedAt: record.startedAt,
    closedAt: record.closedAt,
    warnAt: dues(WARNING) ?? end,
    goalAt: dues(GOAL_MISSED),
    deadlineAt: dues(BREACHED) ?? end,
    nextRung: next?.step.rung ?? null,
    nextAt: next?.dueAt ?? null,
    elapsedMs: figures.elapsed,
    remainingMs: figures.remaining,
    pausedMs: figures.paused,
    text: explainWith(def, clock, record, figures),
  };
}

/** The views of all records of a case, in record order (the engine's `explainSlas`). */
export function slaViews(
  def: CaseType,
  calendars: SlaCalendars,
  records: readonly SlaInstance[],
  now: Instant,
): SlaView[] {
  return records.map((record) => slaView(def, calendars, record, now));
}

/** The unit words of `formatSpan`: days, hours, minutes, seconds. */
export interface SpanUnits {
  d: string;
  h: string;
  min: string;
  s: string;
}

/** The engine's own (English) units: `3 h`, `45 min`. */
const SPAN_UNITS: SpanUnits = { d: 'd', h: 'h', min: 'min', s: 's' };

/**
 * Business time as people say it: `3 h`, `2 h 30 min`, `45 min`; days too for elapsed time (`30 d`).
 * `units` words it in another language (the designer's Dutch says hours as `u`); English by default.
 */
export function formatSpan(ms: number, withDays: boolean, units: SpanUnits = SPAN_UNITS): string {
  let rest = Math.round(Math.abs(ms) / MS_PER_SECOND) * MS_PER_SECOND;
  if (rest === 0) return `0 ${units.min}`;
  const parts: string[] = [];
  const sizes: [number, string][] = [
    ...(withDays ? [[MS_PER_DAY, units.d] as [number, string]] : []),
    [MS_PER_HOUR, units.h],
    [MS_PER_MINUTE, units.min],
    [MS_PER_SECOND, units.s],
  ];
  for (const [size, unit] of sizes) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  return parts.join(' ');
}

function findState(states: { [k: string]: StateNode | undefined } | undefined, id: string): StateNode | null {
  // `for...in` over own keys: Object.entries' order, without building its arrays on every phrase.
  for (const key in states) {
    const node = Object.hasOwn(states, key) ? states[key] : undefined;
    if (!node) continue;
    if (key === id) return node;
    const found = findState(node.states, id);
    if (found) return found;
  }
  return null;
}

function stateTitle(def: CaseType, id: string): string {
  const title = findState(def.playbook.states, id)?.title;
  return title === undefined ? id : `'${title}'`;
}

function reasonPhrase(def: CaseType, reason: SlaPauseReason | undefined): string {
  if (!reason) return '';
  switch (reason.part) {
    case 'in':
      return `while in ${stateTitle(def, reason.name)}`;
    case 'enter':
      return `after entering ${stateTitle(def, reason.name)}`;
    case 'event':
      return `after ${reason.name}`;
    case 'rule': {
      const title = def.rules?.[reason.name]?.title;
      return `while ${title === undefined ? reason.name : `'${title}'`} held`;
    }
    default: {
      const _never: never = reason.part;
      return _never;
    }
  }
}

/** One plain sentence on a record at `now`, in the local time of its calendar (UTC without one). */
export function explainSla(
  def: CaseType,
  calendars: SlaCalendars,
  record: SlaInstance,
  now: Instant,
): string {
  const clock = requireClock(def, calendars, record);
  return explainWith(def, clock, record, figuresOf(clock, record, now));
}

/** How one sentence writes: instants in the calendar's local time, with dates when they span six days or more. */
interface Writer {
  def: CaseType;
  cal: BusinessCalendar | undefined;
  withDate: boolean;
}

function atText(w: Writer, at: Instant): string {
  return `${formatLocal(w.cal, at, { date: w.withDate })}${w.cal === undefined ? ' UTC' : ''}`;
}

function spanText(w: Writer, ms: number): string {
  return formatSpan(ms, w.cal === undefined);
}

/** When a rung was last reached, or null. */
function reachedAt(record: SlaInstance, rung: SlaRung): Instant | null {
  return record.rungs.filter((r) => r.rung === rung).pop()?.at ?? null;
}

function levelPhrase(w: Writer, record: SlaInstance): string {
  const top = record.rungs[record.rungs.length - 1];
  if (!top) return '';
  const what = top.rung === 'warning' ? 'warned' : top.rung === 'goalMissed' ? 'goal missed' : 'breached';
  return ` (${what} at ${atText(w, reachedAt(record, top.rung === 'passedDeadline' ? 'breached' : top.rung) ?? top.at)})`;
}

function explainWith(def: CaseType, clock: SlaClock, record: SlaInstance, figures: Figures): string {
  const { sla, cal } = clock;
  const { end, remaining } = figures;
  const deadlineAt = figures.dues(BREACHED) ?? end;
  const goalAt = figures.dues(GOAL_MISSED);
  const span = Math.max(parseInstant(deadlineAt), parseInstant(end)) - parseInstant(record.startedAt);
  const w: Writer = { def, cal, withDate: span >= 6 * MS_PER_DAY };
  const left = remaining >= 0 ? `${spanText(w, remaining)} left` : `${spanText(w, remaining)} past the deadline`;
  const goal = goalAt === null ? '' : ` (goal ${atText(w, goalAt)})`;

  let head: string;
  switch (record.status) {
    case 'running':
      head = `Running, due ${atText(w, deadlineAt)}${goal}, ${left}`;
      break;
    case 'warning':
      head = `Warning since ${atText(w, reachedAt(record, 'warning') ?? end)}, due ${atText(w, deadlineAt)}${goal}, ${left}`;
      break;
    case 'missed-goal':
      head = `Goal missed at ${atText(w, reachedAt(record, 'goalMissed') ?? end)}, due ${atText(w, deadlineAt)}, ${left}`;
      break;
    case 'breached': {
      const repeats = record.rungs.filter((r) => r.rung === 'passedDeadline').length;
      const last = reachedAt(record, 'passedDeadline');
      head = `Breached at ${atText(w, reachedAt(record, 'breached') ?? deadlineAt)}`;
      if (repeats > 0 && last !== null)
        head += `, reminded ${repeats} time${repeats === 1 ? '' : 's'} since (last ${atText(w, last)})`;
      break;
    }
    case 'paused': {
      const from = record.pauses[record.pauses.length - 1]?.from ?? end;
      head = `Paused since ${atText(w, from)}, ${left}${levelPhrase(w, record)}`;
      break;
    }
    case 'met':
      head = `Met at ${atText(w, end)}, ${spanText(w, remaining)} before the deadline${levelPhrase(w, record)}`;
      break;
    case 'met-late':
      head = `Met late at ${atText(w, end)}, ${spanText(w, Math.min(0, remaining))} after the deadline at ${atText(w, deadlineAt)}`;
      break;
    case 'cancelled':
      head = `Cancelled at ${atText(w, end)}${levelPhrase(w, record)}`;
      break;
    default: {
      const _never: never = record.status;
      return _never;
    }
  }

  const where = sla.calendar === undefined ? '' : `in '${sla.calendar}' `;
  const basis = `${sla.goal === undefined ? '' : `goal ${sla.goal}, `}deadline ${sla.deadline} ${where}from ${atText(w, record.startedAt)}`;
  // Joined, not concatenated: V8 keeps a concatenation as a tree of its parts, and a closed
  // record's view is kept (explain-slas.ts).
  return [head, ': ', basis, pausesPhrase(w, record.pauses, end, figures.paused), '.'].join('');
}

function timeOnly(cal: BusinessCalendar | undefined, at: Instant): string {
  const local = formatLocal(cal, at);
  return `${local.slice(local.lastIndexOf(' ') + 1)}${cal === undefined ? ' UTC' : ''}`;
}

/** When closed pauses were, as written in a calendar's local time (a one-pause record is explained on every view). */
const SPAN_CACHE_LIMIT = 20_000;
const pauseSpanCache = perCalendar(() => new Map<string, string>());

/** `(Mon 10:00–13:00)`: within one local day, the end of a pause needs only its time. */
function pauseSpan(w: Writer, pause: SlaPause): string {
  const { cal } = w;
  const sameDay = pause.to !== null && localDate(cal, pause.to) === localDate(cal, pause.from);
  const until = pause.to === null ? 'now' : sameDay ? timeOnly(cal, pause.to) : atText(w, pause.to);
  return `(${atText(w, pause.from)}–${until})`;
}

/** A pause's reason and when it was. */
function pausePhrase(w: Writer, pause: SlaPause): string {
  const why = reasonPhrase(w.def, pause.reason);
  let when: string | undefined;
  if (pause.to === null) when = pauseSpan(w, pause);
  else {
    const spans = pauseSpanCache(w.cal);
    const key = `${w.withDate ? 'd' : 't'}|${pause.from}|${pause.to}`;
    when = spans.get(key);
    if (when === undefined) {
      when = pauseSpan(w, pause);
      if (spans.size >= SPAN_CACHE_LIMIT) spans.clear();
      spans.set(key, when);
    }
  }
  return `${why === '' ? '' : `${why} `}${when}`;
}

/** One pause of a list: how long it paused the clock by `end`, then its phrase. */
function pauseItem(w: Writer, pause: SlaPause, end: Instant): string {
  return `${spanText(w, pausedMs(w.cal, [pause], end))} ${pausePhrase(w, pause)}`;
}

function pausesPhrase(w: Writer, pauses: readonly SlaPause[], end: Instant, paused: number): string {
  if (pauses.length === 0) return '';
  const total = spanText(w, paused);
  const [first] = pauses;
  if (pauses.length === 1 && first) return `, paused ${total} ${pausePhrase(w, first)}`;
  return `, paused ${total} in ${pauses.length} pauses: ${pauseList(w, pauses, end)}`;
}

/**
 * The items of a ledger joined with '; '. The items of closed pauses that ended by `end` depend only
 * on those pauses, the calendar, `withDate` and the phrases of their reasons, so their text is
 * remembered per ledger (ledgers are shared nodes, sla-ledger.ts) and extended pause by pause.
 */
function pauseList(w: Writer, pauses: readonly SlaPause[], end: Instant): string {
  const ledger = closedLedger(pauses);
  if (ledger === null || ledger.count === 0 || !(ledger.lastEnd <= parseInstant(end))) {
    return pauses.map((pause) => pauseItem(w, pause, end)).join('; ');
  }
  const closed = closedItems(w, ledger, pauses, end);
  const open = pauses[ledger.count];
  return open === undefined ? closed : `${closed}; ${pauseItem(w, open, end)}`;
}

interface ItemsText {
  cal: BusinessCalendar | undefined;
  /** `withDate` and the phrases of the ledger's reasons the text was written with. */
  key: string;
  text: string;
}

/** The text of each ledger's closed items; only a ledger's longest text is kept (bounded memory). */
const itemsTexts = new WeakMap<Ledger, ItemsText>();

function itemsKey(w: Writer, ledger: Ledger): string {
  return ledger.reasons.reduce((key, reason) => `${key}\u0000${reasonPhrase(w.def, reason)}`, w.withDate ? 'd' : 't');
}

function closedItems(w: Writer, ledger: Ledger, pauses: readonly SlaPause[], end: Instant): string {
  const key = itemsKey(w, ledger);
  const known = itemsTexts.get(ledger);
  if (known !== undefined && known.cal === w.cal && known.key === key) return known.text;
  const { parent } = ledger;
  const shorter = parent === null ? undefined : itemsTexts.get(parent);
  let text: string;
  if (parent !== null && shorter !== undefined && shorter.cal === w.cal && shorter.key === itemsKey(w, parent)) {
    // Joined, not concatenated: the kept text is then one string, not a tree of every item's parts.
    text = [shorter.text, pauseItem(w, pauses[ledger.count - 1] as SlaPause, end)].join('; ');
    itemsTexts.delete(parent);
  } else {
    text = pauses
      .slice(0, ledger.count)
      .map((pause) => pauseItem(w, pause, end))
      .join('; ');
  }
  itemsTexts.set(ledger, { cal: w.cal, key, text });
  return text;
}
