// Edge labels in business words, and their size on the canvas. A label reads the event's title (its name
// when it has none, as a state without a title shows its key) and the guard's rule titles in brackets:
// "Propose arrangement [Arrangement complete]", never "PROPOSE_ARRANGEMENT [arrangementComplete]".
// Pure: no React, no DOM.
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { findState } from '../model/states.ts';

/** A delayed transition's trigger: its ISO duration and, when it counts working time, the calendar. */
export interface DelayTrigger {
  after: string;
  calendar?: string | undefined;
}

const UNITS: Record<string, [string, string]> = { W: ['week', 'weeks'], D: ['day', 'days'], H: ['hour', 'hours'], M: ['minute', 'minutes'], S: ['second', 'seconds'] };

/** `P1DT4H` → `1 day 4 hours`; `P2D` with a calendar → `2 working days`. Anything else is returned as it is. */
export function durationInWords(iso: string, working = false): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const parts = (['W', 'D', 'H', 'M', 'S'] as const).flatMap((unit, i) => {
    const n = m[i + 1];
    if (n === undefined) return [];
    const [one, many] = UNITS[unit] as [string, string];
    const word = Number(n) === 1 ? one : many;
    return [`${n} ${working && (unit === 'D' || unit === 'H') ? `working ${word}` : word}`];
  });
  return parts.length > 0 ? parts.join(' ') : iso;
}

/** A guard in words: rule titles (the rule's name when untitled), states by their titles. */
export function guardInWords(def: CaseType, guard: Guard): string {
  if (typeof guard === 'string') return def.rules?.[guard]?.title ?? guard;
  if ('in' in guard) return `in ${guard.in.map((id) => findState(def.playbook, id)?.node.title ?? id).join(' or ')}`;
  if ('not' in guard) return `not ${guardInWords(def, guard.not)}`;
  if ('all' in guard) return guard.all.map((g) => guardInWords(def, g)).join(' and ');
  return guard.any.map((g) => guardInWords(def, g)).join(' or ');
}

/** The words on a transition's edge: `event` is an event name, `always`, or a delay. */
export function transitionLabel(def: CaseType, event: string | DelayTrigger, guard: Guard | undefined): string {
  const trigger =
    typeof event !== 'string'
      ? `after ${durationInWords(event.after, event.calendar !== undefined)}`
      : event === 'always'
        ? 'automatically'
        : (def.events?.[event]?.title ?? event);
  return guard === undefined ? trigger : `${trigger} [${guardInWords(def, guard)}]`;
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
