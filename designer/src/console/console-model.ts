// Pure helpers of the worker console: labels, SLA badges, inbox sorting, what changed between two
// revisions, and keeping what the agent typed on top of a newer revision. No React, unit-tested.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { diffJson } from '../../../runtime/engine/index.ts';
import type { JsonValue, StateValue, SlaView } from '../../../runtime/engine/index.ts';
import { getAt, setAt } from '../form/data-path.ts';
import { idWords, stateTitle } from '../model/titles.ts';
import { findState } from '../model/states.ts';
import { ENGLISH, formatDateTime, formatSpan, type Language, type Words } from '../i18n/index.ts';
import { byDue } from './due-words.ts';

type Data = Record<string, unknown>;

/** Every active state id of a state value, outermost first. */
export function stateIds(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([k, v]) => [k, ...stateIds(v as StateValue)]);
}

/** "Investigation › Collect the facts": state titles from the definition, ids as words otherwise. */
export function stateLabel(value: StateValue, def?: CaseType): string {
  return stateIds(value)
    .map((id) => (def ? stateTitle([def], id) : idWords(id)))
    .join(' › ');
}

/** The time zone of an SLA's business calendar, if it has one. */
export function slaTimeZone(def: CaseType, sla: string): string | undefined {
  const calendar = def.slas?.[sla]?.calendar;
  return calendar !== undefined ? def.calendars?.[calendar]?.timezone : undefined;
}

/**
 * A task's title as the reader reads it: the store keeps the title the task opened with, in the case type's
 * own words; the definition (translated for the reader, docs/i18n.md) says it in theirs where it has it.
 */
export function taskTitle(task: { state: string; title: string }, def: CaseType | undefined): string {
  const title = def ? findState(def.playbook, task.state)?.node.task?.title : undefined;
  return title !== undefined && title.trim() !== '' ? title : task.title;
}

/** The badge an SLA gets in lists: running, paused, warning, breached, or closed (met, met late, cancelled). */
export type SlaBadgeKind = 'running' | 'paused' | 'warning' | 'breached' | 'closed';

export interface SlaBadge {
  kind: SlaBadgeKind;
  label: string;
}

export function slaBadge(sla: SlaView, { t, language }: Words = ENGLISH): SlaBadge {
  // to the minute: a badge is read at a glance (the explanation keeps the seconds)
  const rounded = Math.round(sla.remainingMs / 60_000) * 60_000;
  const left = formatSpan(rounded, language);
  const title = sla.title;
  switch (sla.status) {
    case 'running':
      return { kind: 'running', label: t('console.sla.running', { title, left }) };
    case 'paused':
      return { kind: 'paused', label: t('console.sla.paused', { title, left }) };
    case 'warning':
      return { kind: 'warning', label: t('console.sla.warning', { title, left }) };
    case 'missed-goal':
      return { kind: 'warning', label: t('console.sla.missedGoal', { title, left }) };
    case 'breached':
      return { kind: 'breached', label: t('console.sla.breached', { title, left }) };
    case 'met':
      return { kind: 'closed', label: t('console.sla.met', { title }) };
    case 'met-late':
      return { kind: 'closed', label: t('console.sla.metLate', { title }) };
    case 'cancelled':
      return { kind: 'closed', label: t('console.sla.cancelled', { title }) };
    default: {
      const _never: never = sla.status;
      return _never;
    }
  }
}

/**
 * An SLA explained: in English the engine's own sentence (`text`, in the calendar's local time, with its
 * pauses and reminders); in another language a shorter one from the view's figures, in the reader's time zone.
 */
export function slaExplanation(sla: SlaView, words: Words = ENGLISH, timeZone?: string): string {
  const { t, language } = words;
  if (language === 'en') return sla.text;
  const left = formatSpan(Math.max(0, sla.remainingMs), language);
  // in the SLA calendar's own time, as the English sentence (the engine's) says it, when the caller knows it
  const due = formatDateTime(sla.deadlineAt, language, timeZone);
  const goal = sla.goalAt !== null && sla.status === 'running' ? t('console.sla.explainGoal', { goal: formatDateTime(sla.goalAt, language, timeZone) }) : '';
  switch (sla.status) {
    case 'running':
      return t('console.sla.explainRunning', { due, left }) + goal;
    case 'warning':
      return t('console.sla.explainWarning', { due, left });
    case 'missed-goal':
      return t('console.sla.explainMissedGoal', { due, left });
    case 'breached':
      return t('console.sla.explainBreached', { due });
    case 'paused':
      return t('console.sla.explainPaused', { left });
    case 'met':
      return t('console.sla.explainMet');
    case 'met-late':
      return t('console.sla.explainMetLate', { due });
    case 'cancelled':
      return t('console.sla.explainCancelled');
    default: {
      const _never: never = sla.status;
      return _never;
    }
  }
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** How old a case is at `now`, to the minute: "45 min", "5 h 3 min" (to 48 hours), then whole days ("3 d"); Dutch "5 u 3 min". */
export function ageText(from: string, now: number, language: Language = 'en'): string {
  const ms = Math.max(0, Math.round((now - Date.parse(from)) / MINUTE)) * MINUTE;
  return ms < 2 * DAY ? formatSpan(ms, language) : formatSpan(Math.floor(ms / DAY) * DAY, language, true);
}

/** The open SLA that falls due first (the inbox sorts and badges by it), or null. */
export function mostUrgentSla(slas: readonly SlaView[]): SlaView | null {
  const open = slas.filter((s) => s.closedAt === null);
  return open.reduce<SlaView | null>((best, s) => (best === null || s.remainingMs < best.remainingMs ? s : best), null);
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export type SortKey = 'sla' | 'priority' | 'age' | 'due';

export interface InboxRow {
  caseId: string;
  createdAt: string;
  priority: string;
  slas: readonly SlaView[];
  /** The task's due time (or the soonest of the case's tasks), for the `due` order. */
  dueAt?: string | null;
}

/** Sorts inbox rows: by the SLA due first (no open SLA last), by priority (urgent first), or oldest first; ties by age. */
export function sortRows<T extends InboxRow>(rows: readonly T[], key: SortKey): T[] {
  const due = (r: InboxRow) => mostUrgentSla(r.slas)?.remainingMs ?? Number.POSITIVE_INFINITY;
  const age = (a: InboxRow, b: InboxRow) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.caseId < b.caseId ? -1 : 1);
  return [...rows].sort((a, b) => {
    if (key === 'sla' && due(a) !== due(b)) return due(a) - due(b);
    if (key === 'priority' && a.priority !== b.priority) return (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9);
    if (key === 'due' && (a.dueAt ?? null) !== (b.dueAt ?? null)) return byDue(a.dueAt ?? null, b.dueAt ?? null);
    return age(a, b);
  });
}

/** One change of the case data between two revisions, by field. */
export interface FieldChange {
  pointer: string;
  before: unknown;
  after: unknown;
}

export function dataChanges(before: Data, after: Data): FieldChange[] {
  return diffJson(before as JsonValue, after as JsonValue).map((op) => ({ pointer: op.path, before: getAt(before, op.path), after: op.op === 'remove' ? undefined : op.value }));
}

/** What someone else changed, and what the agent had typed that is now on top of it. */
export interface Rebase {
  /** The agent's working copy, re-applied on the newer data. */
  data: Data;
  /** Changes between the revision the agent started from and the newer one. */
  theirs: FieldChange[];
  /** Fields both changed: the agent's value is kept in the form, theirs is shown. */
  overlaps: string[];
}

/** Keeps every field the agent changed (base → mine) on top of the newer revision's data. */
export function rebase(base: Data, mine: Data, newer: Data): Rebase {
  const ours = diffJson(base as JsonValue, mine as JsonValue);
  const theirs = dataChanges(base, newer);
  let data = newer;
  for (const op of ours) data = setAt(data, op.path, op.op === 'remove' ? undefined : op.value);
  const touches = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  const overlaps = ours.filter((o) => theirs.some((t) => touches(o.path, t.pointer))).map((o) => o.path);
  return { data, theirs, overlaps };
}

/** The payload of an event from the agent's working copy: the top-level fields its schema carries, as changed. */
export function payloadFor(def: CaseType, eventType: string, current: Data, working: Data): Data | undefined {
  const schema = def.events?.[eventType]?.data;
  if (!schema) return undefined;
  const out: Data = {};
  for (const key of Object.keys(schema.properties ?? {})) {
    const mine = working[key];
    if (mine !== undefined && JSON.stringify(mine) !== JSON.stringify(current[key])) out[key] = mine;
  }
  return out;
}

/** A value as one short line. */

/**
 * The version of the case type each history entry was written under, oldest first: the case's current
 * version, except before a `case.migrated` entry (issue 19), which names the version the case left. The
 * migration's own entry is `from` → `to`: its old states belong to `from`, the rest to `to`.
 */
export function entryVersions(items: readonly { event: { type: string; data?: unknown } }[], current: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = new Array<{ from: number; to: number }>(items.length);
  let version = current;
  for (let i = items.length - 1; i >= 0; i--) {
    const entry = items[i] as { event: { type: string; data?: unknown } };
    const left = (entry.event.data as { fromVersion?: unknown } | undefined)?.fromVersion;
    if (entry.event.type === 'case.migrated' && typeof left === 'number') {
      out[i] = { from: left, to: version };
      version = left;
    } else out[i] = { from: version, to: version };
  }
  return out;
}

/** The versions other than the current one that a history was written under (to load their definitions). */
export function earlierVersions(items: readonly { event: { type: string; data?: unknown } }[], current: number): number[] {
  return [...new Set(entryVersions(items, current).map((v) => v.from))].filter((v) => v !== current);
}
