// Edge labels in business words, and their size on the canvas. A label reads the event's title (its name
// when it has none, as a state without a title shows its key) and the guard's rule titles in brackets:
// "Propose arrangement [Arrangement complete]", never "PROPOSE_ARRANGEMENT [arrangementComplete]".
// Pure: no React, no DOM; the words come in `words` (English by default).
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { findState } from '../model/states.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

/** A delayed transition's trigger: its ISO duration and, when it counts working time, the calendar. */
export interface DelayTrigger {
  after: string;
  calendar?: string | undefined;
}

/** The unit of each part of a duration: a key of canvas.labels (`day_one`, `day_other` …). */
const UNITS: Record<string, string> = { W: 'week', D: 'day', H: 'hour', M: 'minute', S: 'second' };
/** The units said as working time when a calendar counts them. */
const WORKING: Record<string, string> = { D: 'workingDay', H: 'workingHour' };

/** `P1DT4H` → `1 day 4 hours`; `P2D` with a calendar → `2 working days`. Anything else is returned as it is. */
export function durationInWords(iso: string, working = false, words: Words = ENGLISH): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const parts = (['W', 'D', 'H', 'M', 'S'] as const).flatMap((unit, i) => {
    const n = m[i + 1];
    if (n === undefined) return [];
    const key = (working ? WORKING[unit] : undefined) ?? UNITS[unit];
    return [words.t(`canvas.labels.${key}`, { count: Number(n), n })];
  });
  return parts.length > 0 ? parts.join(' ') : iso;
}

/** A guard in words: rule titles (the rule's name when untitled), states by their titles. */
export function guardInWords(def: CaseType, guard: Guard, words: Words = ENGLISH): string {
  if (typeof guard === 'string') return def.rules?.[guard]?.title ?? guard;
  const or = ` ${words.t('common.or')} `;
  if ('in' in guard) return words.t('canvas.labels.inStates', { states: guard.in.map((id) => findState(def.playbook, id)?.node.title ?? id).join(or) });
  if ('not' in guard) return words.t('canvas.labels.not', { guard: guardInWords(def, guard.not, words) });
  if ('all' in guard) return guard.all.map((g) => guardInWords(def, g, words)).join(` ${words.t('common.and')} `);
  return guard.any.map((g) => guardInWords(def, g, words)).join(or);
}

/** The words on a transition's edge: `event` is an event name, `always`, or a delay. */
export function transitionLabel(def: CaseType, event: string | DelayTrigger, guard: Guard | undefined, words: Words = ENGLISH): string {
  const trigger =
    typeof event !== 'string'
      ? words.t('canvas.labels.after', { duration: durationInWords(event.after, event.calendar !== undefined, words) })
      : event === 'always'
        ? words.t('canvas.labels.automatically')
        : (def.events?.[event]?.title ?? event);
  return guard === undefined ? trigger : `${trigger} [${guardInWords(def, guard, words)}]`;
}

/** The label font size on the canvas at zoom 1, in flow units; it grows when zoomed out (see LABEL_MAX_SCALE). */
export const LABEL_FONT = 12;
/**
 * How much a label may grow when zoomed out, so it stays readable (the canvas scales it by
 * `clamp(1, 0.96 / zoom, LABEL_MAX_SCALE)`): the layout keeps room for labels at this size.
 */
export const LABEL_MAX_SCALE = 1.8;
/** Characters on one line of a label before it wraps. */
const LINE_CHARS = 24;
const PAD_X = 5;
const PAD_Y = 3;
const LINE_HEIGHT = 1.25;

/** Widths of characters in em for the UI's sans-serif at 500 weight, rounded up so the estimate errs wide. */
function charEm(c: string): number {
  if (c === ' ') return 0.28;
  if (/[iljtfr.,:;'!|()[\]]/.test(c)) return 0.34;
  if (/[mwMW]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.7;
  if (/[0-9]/.test(c)) return 0.58;
  return 0.56;
}

/** The width of `text` at `font` px, estimated (no DOM): about the rendered width, never much less. */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * font;
}

/** Breaks a label into lines of at most LINE_CHARS characters, at spaces (a longer word keeps its own line). */
export function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export interface LabelBox {
  lines: string[];
  /** Size of the label's box (text and padding) at `font`. */
  width: number;
  height: number;
  font: number;
}

/** The label's lines and box at `font` px (LABEL_FONT by default). */
export function labelBox(text: string, font = LABEL_FONT): LabelBox {
  const lines = wrapLabel(text);
  const width = Math.max(...lines.map((l) => textWidth(l, font))) + 2 * PAD_X;
  const height = lines.length * font * LINE_HEIGHT + 2 * PAD_Y;
  return { lines, width: Math.ceil(width), height: Math.ceil(height), font };
}

/** The room a label takes in the layout: its box at the largest size it is drawn at. */
export function labelRoom(text: string): { width: number; height: number } {
  const b = labelBox(text);
  return { width: Math.ceil(b.width * LABEL_MAX_SCALE), height: Math.ceil(b.height * LABEL_MAX_SCALE) };
}
