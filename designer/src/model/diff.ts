// A semantic diff of two case types, in business words: every section (the case type itself, fields, form
// sections, rules, events, states, transitions, SLAs, calendars, roles, queues, customer keys, scenarios,
// samples) named by its title, never by an id or a JSON pointer: "Field ‘Claim › Amount’ added", "State
// ‘Negotiation’: title changed from ‘Negotiation’ to ‘Negotiating’". Used by the publish dialog (draft
// against the latest version) and the versions view (any two versions, side by side and on the canvas).
// The canvas layout (positions) is not a change. Pure: no React, no DOM.
import type { CaseType, Guard, StateNode, Transition } from '../../../schemas/generated/case-type.ts';
import { durationInWords, guardInWords } from '../canvas/edge-labels.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { fieldLabeller } from './field-label.ts';
import { fieldKindLabel, listFields, type FieldEntry } from './fields.ts';
import { listStates } from './states.ts';
import { listRootTransitions, listTransitions, PLAYBOOK_SOURCE, titleFromEvent } from './transitions.ts';

export type DiffArea =
  | 'caseType'
  | 'field'
  | 'form'
  | 'rule'
  | 'event'
  | 'state'
  | 'transition'
  | 'sla'
  | 'calendar'
  | 'role'
  | 'queue'
  | 'customer'
  | 'scenario'
  | 'sample';
export type DiffChange = 'added' | 'removed' | 'changed';

/** One aspect of a changed item: "title changed from ‘A’ to ‘B’", with each side on its own for the side-by-side view. */
export interface DiffDetail {
  text: string;
  /** The aspect as it was and as it is, in words (null: not there). */
  from: string | null;
  to: string | null;
}

export interface DiffEntry {
  area: DiffArea;
  change: DiffChange;
  /** What changed, as the analyst names it: "Field ‘Claim › Amount’", "Transition ‘Triage’ → ‘Closed’ on ‘Close’". */
  subject: string;
  /** For a changed item: what changed about it (empty for added and removed ones). */
  details: DiffDetail[];
  /** The item in each version, in words (null where it is not). */
  before: string | null;
  after: string | null;
  /** A stable key for lists (area and the item's identity); never shown. */
  key: string;
}

/** The sections in the order they are listed, with their English names for headings (diffAreaLabel, diffAreaWord: in a language). */
export const DIFF_AREAS: readonly { area: DiffArea; label: string; word: string }[] = [
  { area: 'caseType', label: 'Case type', word: 'Case type' },
  { area: 'field', label: 'Fields', word: 'Field' },
  { area: 'form', label: 'Form sections', word: 'Form section' },
  { area: 'rule', label: 'Rules', word: 'Rule' },
  { area: 'event', label: 'Events', word: 'Event' },
  { area: 'state', label: 'States', word: 'State' },
  { area: 'transition', label: 'Transitions', word: 'Transition' },
  { area: 'sla', label: 'SLAs', word: 'SLA' },
  { area: 'calendar', label: 'Calendars', word: 'Calendar' },
  { area: 'role', label: 'Roles', word: 'Role' },
  { area: 'queue', label: 'Queues', word: 'Queue' },
  { area: 'customer', label: 'Customer keys', word: 'Customer key' },
  { area: 'scenario', label: 'Scenarios', word: 'Scenario' },
  { area: 'sample', label: 'Samples', word: 'Sample' },
];

/** A section's name for a heading in the reader's language: "Fields", "Velden". */
export function diffAreaLabel(area: DiffArea, words: Words = ENGLISH): string {
  return words.t(`model.diff.areas.${area}.label`);
}

/** An item of a section, in the reader's language: "Field", "Veld". */
export function diffAreaWord(area: DiffArea, words: Words = ENGLISH): string {
  return words.t(`model.diff.areas.${area}.word`);
}

const q = (s: string) => `‘${s}’`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The aspects of an item a detail names ("title", "time zone"), keys of `model.diff.aspects`. */
type Aspect =
  | 'title'
  | 'type'
  | 'description'
  | 'choices'
  | 'validation'
  | 'whenShown'
  | 'whenReadOnly'
  | 'kind'
  | 'stage'
  | 'task'
  | 'taskQueue'
  | 'taskDue'
  | 'checklist'
  | 'delays'
  | 'entryActions'
  | 'exitActions'
  | 'automaticTransitions'
  | 'condition'
  | 'actions'
  | 'deadline'
  | 'goal'
  | 'warning'
  | 'calendar'
  | 'start'
  | 'pause'
  | 'stop'
  | 'cancel'
  | 'reset'
  | 'timeZone'
  | 'hours'
  | 'holidays'
  | 'nameField'
  | 'referencePrefix'
  | 'playbookEntryActions'
  | 'firstState'
  | 'whoMaySend'
  | 'dataItCarries'
  | 'role'
  | 'skills'
  | 'steps'
  | 'startingData';

/** The diff's words in one language: the helpers every section uses. */
function sayer(w: Words) {
  const { t } = w;
  const aspect = (a: Aspect) => t(`model.diff.aspects.${a}`);
  return {
    t,
    w,
    /** A list in words: "‘A’, ‘B’", or "none". */
    list: (list: readonly string[]) => (list.length === 0 ? t('model.diff.none') : list.map(q).join(', ')),
    /** A detail for an aspect that differs: "title changed from ‘A’ to ‘B’", "due set to ‘2 days’", "goal removed (was ‘1 day’)". */
    detail(a: Aspect, from: string | null | undefined, to: string | null | undefined): DiffDetail | null {
      const [x, y] = [from ?? null, to ?? null];
      if (x === y) return null;
      if (x !== null && y !== null) return { text: t('model.diff.detail.changed', { aspect: aspect(a), from: x, to: y }), from: x, to: y };
      if (y !== null) return { text: t('model.diff.detail.set', { aspect: aspect(a), to: y }), from: null, to: y };
      return { text: t('model.diff.detail.removed', { aspect: aspect(a), from: x ?? '' }), from: x, to: null };
    },
    /** A detail for a part that is not put in words here (a rule's condition, an action list): "condition changed". */
    changed(a: Aspect, x: unknown, y: unknown): DiffDetail | null {
      const name = aspect(a);
      return same(x, y) ? null : { text: t('model.diff.detail.partChanged', { aspect: name }), from: t('model.diff.detail.before', { aspect: name }), to: t('model.diff.detail.after', { aspect: name }) };
    },
    /** A duration as the canvas says it ("8 working hours"). */
    duration: (iso: string, working = false) => durationInWords(iso, working, w),
    /** A guard in words with rule and state titles, as the canvas says it. */
    guard: (def: CaseType, guard: Guard) => guardInWords(def, guard, w),
  };
}
type Say = ReturnType<typeof sayer>;

const text = (s: string | undefined) => (s === undefined || s === '' ? null : q(s));
const details = (...list: (DiffDetail | null)[]) => list.filter((d): d is DiffDetail => d !== null);

interface Item {
  /** The item's identity within its area (an id, a pointer); never shown. */
  id: string;
  /** Its name in words (already quoted where it is a title). */
  name: string;
  /** The item in words, for the side-by-side view. */
  summary: string;
  /** What is compared: equal values are the same item, unchanged. */
  value: unknown;
  /** The definition it is in (for titles), not compared. */
  def?: CaseType;
  /** More of it for the details, not compared. */
  ctx?: unknown;
  /** How the entry names it when not "<area word> <name>". */
  subject?: string;
}

/**
 * Added, removed and changed items of one area. `compare` gives the details of an item in both versions
 * (none: unchanged); anything else that differs without a detail reads "other settings changed".
 */
function diffItems(say: Say, area: DiffArea, before: Item[], after: Item[], compare: (a: Item, b: Item) => DiffDetail[]): DiffEntry[] {
  const word = diffAreaWord(area, say.w);
  const subject = (i: Item) => i.subject ?? say.t('model.diff.subject', { word, name: i.name });
  const old = new Map(before.map((i) => [i.id, i]));
  const now = new Set(after.map((i) => i.id));
  const out: DiffEntry[] = [];
  for (const b of after) {
    const a = old.get(b.id);
    if (a === undefined) {
      out.push({ area, change: 'added', subject: subject(b), details: [], before: null, after: b.summary, key: `${area}:${b.id}` });
      continue;
    }
    if (same(a.value, b.value)) continue;
    const found = compare(a, b);
    out.push({
      area,
      change: 'changed',
      subject: subject(b),
      details: found.length > 0 ? found : [{ text: say.t('model.diff.otherSettings'), from: null, to: null }],
      before: a.summary,
      after: b.summary,
      key: `${area}:${b.id}`,
    });
  }
  for (const a of before) {
    if (!now.has(a.id)) out.push({ area, change: 'removed', subject: subject(a), details: [], before: a.summary, after: null, key: `${area}:${a.id}` });
  }
  return out;
}

// --- fields ---

/** Fields in words in `def`, or in `other` for one `def` does not have (a section that still lists a removed field). */
function labeller(def: CaseType, other: CaseType | null): (pointer: string) => string {
  const own = fieldLabeller(def);
  const theirs = other ? fieldLabeller(other) : (p: string) => p;
  return (p) => {
    const a = own(p);
    if (a !== p) return a;
    const b = theirs(p);
    return b !== p ? b : (p.split('/').pop() ?? p);
  };
}

function fieldItems(say: Say, def: CaseType | null): Item[] {
  if (!def) return [];
  const label = fieldLabeller(def);
  return listFields(def).map((f) => {
    const { properties: _p, items: _i, required: _r, ...own } = f.schema;
    const name = q(label(f.pointer));
    const summary = say.t(f.required ? 'model.diff.field.summaryRequired' : 'model.diff.field.summary', { name, kind: fieldKindLabel(f.kind, say.w) });
    return { id: f.pointer, name, summary, value: { own, required: f.required, kind: f.kind }, ctx: f };
  });
}

function compareFields(say: Say, a: Item, b: Item): DiffDetail[] {
  const { t } = say;
  const [x, y] = [a.ctx as FieldEntry, b.ctx as FieldEntry];
  const requiredWord = (r: boolean) => t(r ? 'model.diff.field.required' : 'model.diff.field.optional');
  const list = details(
    say.detail('title', text(x.schema.title), text(y.schema.title)),
    say.detail('type', fieldKindLabel(x.kind, say.w), fieldKindLabel(y.kind, say.w)),
    x.required === y.required ? null : { text: t(y.required ? 'model.diff.field.nowRequired' : 'model.diff.field.noLongerRequired'), from: requiredWord(x.required), to: requiredWord(y.required) },
    say.detail('description', text(x.schema.description), text(y.schema.description)),
    same(x.schema.enum, y.schema.enum) ? null : say.detail('choices', x.schema.enum ? say.list(x.schema.enum.map(String)) : null, y.schema.enum ? say.list(y.schema.enum.map(String)) : null),
  );
  const rest = (s: FieldEntry['schema']) => {
    const { title: _t, description: _d, enum: _e, type: _ty, format: _f, properties: _p, items: _i, required: _r, ...other } = s;
    return other;
  };
  const more = say.changed('validation', rest(x.schema), rest(y.schema));
  return more ? [...list, { ...more, text: t('model.diff.field.otherSettings') }] : list;
}

// --- form sections ---

function sectionItems(say: Say, def: CaseType | null, other: CaseType | null): Item[] {
  if (!def) return [];
  const label = labeller(def, other);
  return (def.form?.sections ?? []).map((s, i) => {
    const pointers = s.fields.map((f) => (typeof f === 'string' ? f : f.field));
    const name = q(s.title || say.t('model.diff.sectionNumber', { n: i + 1 }));
    return { id: s.id, name, summary: `${name}: ${say.list(pointers.map(label))}`, value: s, ctx: { pointers, label } };
  });
}

function compareSections(say: Say, a: Item, b: Item): DiffDetail[] {
  type Section = NonNullable<CaseType['form']>['sections'][number];
  type C = { pointers: string[]; label: (p: string) => string };
  const { t } = say;
  const [x, y] = [{ s: a.value as Section, ...(a.ctx as C) }, { s: b.value as Section, ...(b.ctx as C) }];
  const added = y.pointers.filter((f) => !x.pointers.includes(f)).map(y.label);
  const removed = x.pointers.filter((f) => !y.pointers.includes(f)).map(x.label);
  return details(
    say.detail('title', text(x.s.title), text(y.s.title)),
    say.detail('description', text(x.s.description), text(y.s.description)),
    added.length > 0 ? { text: t('model.diff.section.fieldsAdded', { list: say.list(added) }), from: null, to: say.list(added) } : null,
    removed.length > 0 ? { text: t('model.diff.section.fieldsRemoved', { list: say.list(removed) }), from: say.list(removed), to: null } : null,
    added.length === 0 && removed.length === 0 && !same(x.pointers, y.pointers)
      ? { text: t('model.diff.section.fieldsReordered'), from: say.list(x.pointers.map(x.label)), to: say.list(y.pointers.map(y.label)) }
      : null,
    say.changed('whenShown', x.s.visibleWhen, y.s.visibleWhen),
    say.changed('whenReadOnly', x.s.readOnlyWhen, y.s.readOnlyWhen),
  );
}

// --- rules, events, roles, queues ---

function titled<T extends { title?: string; description?: string }>(map: Record<string, T | undefined> | undefined, fallback = (id: string) => id): Item[] {
  return Object.entries(map ?? {}).flatMap(([id, v]) => (v ? [{ id, name: q(v.title || fallback(id)), summary: q(v.title || fallback(id)) + (v.description ? `: ${v.description}` : ''), value: v }] : []));
}

const titleDetails = (say: Say, a: Item, b: Item) => {
  const [x, y] = [a.value as { title?: string; description?: string }, b.value as { title?: string; description?: string }];
  return details(say.detail('title', text(x.title), text(y.title)), say.detail('description', text(x.description), text(y.description)));
};

// --- states and transitions ---

const stateTitle = (say: Say, def: CaseType | null, id: string): string => {
  if (id === PLAYBOOK_SOURCE) return say.t('model.diff.state.everyState');
  const found = def ? listStates(def).find((s) => s.id === id) : undefined;
  return q(found?.node.title || id);
};
const eventTitle = (def: CaseType | null, event: string) => q(def?.events?.[event]?.title || titleFromEvent(event));
const guardWords = (say: Say, def: CaseType, guard: Guard | undefined) => (guard === undefined ? null : q(say.guard(def, guard)));

const STATE_KINDS: Record<string, string> = { atomic: 'step', compound: 'stage', parallel: 'parallelStage', final: 'finalState' };
const stateKind = (say: Say, n: StateNode) => say.t(`model.diff.state.kinds.${STATE_KINDS[n.type ?? (n.states && Object.keys(n.states).length > 0 ? 'compound' : 'atomic')] ?? 'step'}`);

function stateItems(say: Say, def: CaseType | null): Item[] {
  if (!def) return [];
  return listStates(def).map((s) => {
    const { states: _s, on: _on, ...own } = s.node;
    const name = q(s.node.title || s.id);
    const kind = stateKind(say, s.node);
    const summary = s.node.task ? say.t('model.diff.state.summaryTask', { name, kind, task: q(s.node.task.title) }) : say.t('model.diff.state.summary', { name, kind });
    return { id: s.id, name, summary, value: { own, parent: s.parent }, def };
  });
}

function compareStates(say: Say, a: Item, b: Item): DiffDetail[] {
  type V = { own: Omit<StateNode, 'states' | 'on'>; parent: string | null; def: CaseType };
  const { t } = say;
  const [x, y]: [V, V] = [{ ...(a.value as Omit<V, 'def'>), def: a.def as CaseType }, { ...(b.value as Omit<V, 'def'>), def: b.def as CaseType }];
  const delays = (n: V) =>
    (n.own.after ?? []).map((d) => {
      const duration = say.duration(d.delay, d.calendar !== undefined);
      return d.target ? t('model.diff.state.delayTo', { duration, target: stateTitle(say, n.def, d.target) }) : t('model.diff.state.delay', { duration });
    });
  const topLevel = t('model.diff.state.topLevel');
  return details(
    say.detail('title', text(x.own.title), text(y.own.title)),
    say.detail('description', text(x.own.description), text(y.own.description)),
    say.detail('kind', stateKind(say, x.own as StateNode), stateKind(say, y.own as StateNode)),
    x.parent === y.parent ? null : say.detail('stage', x.parent === null ? topLevel : stateTitle(say, x.def, x.parent), y.parent === null ? topLevel : stateTitle(say, y.def, y.parent)),
    say.detail('task', x.own.task ? q(x.own.task.title) : null, y.own.task ? q(y.own.task.title) : null),
    x.own.task && y.own.task && x.own.task.title === y.own.task.title
      ? say.detail('taskQueue', x.own.task.queue ? q(x.def.queues?.[x.own.task.queue]?.title || x.own.task.queue) : null, y.own.task.queue ? q(y.def.queues?.[y.own.task.queue]?.title || y.own.task.queue) : null)
      : null,
    x.own.task && y.own.task && x.own.task.title === y.own.task.title
      ? say.detail('taskDue', x.own.task.due ? q(say.duration(x.own.task.due)) : null, y.own.task.due ? q(say.duration(y.own.task.due)) : null)
      : null,
    same(x.own.checklist, y.own.checklist)
      ? null
      : say.detail('checklist', say.list((x.own.checklist ?? []).map((r) => x.def.rules?.[r]?.title || r)), say.list((y.own.checklist ?? []).map((r) => y.def.rules?.[r]?.title || r))),
    same(x.own.after, y.own.after) ? null : say.detail('delays', say.list(delays(x)), say.list(delays(y))),
    say.changed('entryActions', x.own.entry, y.own.entry),
    say.changed('exitActions', x.own.exit, y.own.exit),
    say.changed('automaticTransitions', x.own.always, y.own.always),
  );
}

/** A transition's identity: its source, event and target (the n-th of the same, for duplicates). */
export function transitionItems(def: CaseType | null, words: Words = ENGLISH): Item[] {
  return transitionItemsIn(sayer(words), def);
}

function transitionItemsIn(say: Say, def: CaseType | null): Item[] {
  if (!def) return [];
  const seen = new Map<string, number>();
  return [...listRootTransitions(def), ...listTransitions(def)].map((t) => {
    const base = `${t.source}\u0000${t.event}\u0000${t.transition.target ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const target = t.transition.target === undefined ? say.t('model.diff.transition.stays') : `→ ${stateTitle(say, def, t.transition.target)}`;
    const name = say.t('model.diff.transition.name', { source: stateTitle(say, def, t.source), target, event: eventTitle(def, t.event) });
    const guard = guardWords(say, def, t.transition.guard);
    return { id: `${base}\u0000${String(n)}`, name, summary: guard ? say.t('model.diff.transition.when', { name, guard }) : name, value: t.transition, def };
  });
}

function compareTransitions(say: Say, a: Item, b: Item): DiffDetail[] {
  type V = { t: Transition; def: CaseType };
  const [x, y]: [V, V] = [{ t: a.value as Transition, def: a.def as CaseType }, { t: b.value as Transition, def: b.def as CaseType }];
  return details(
    same(x.t.guard, y.t.guard) ? null : say.detail('condition', guardWords(say, x.def, x.t.guard), guardWords(say, y.def, y.t.guard)),
    say.changed('actions', x.t.actions, y.t.actions),
    say.detail('description', text(x.t.description), text(y.t.description)),
  );
}

// --- SLAs and calendars ---

function compareSlas(say: Say, a: Item, b: Item, before: CaseType, after: CaseType): DiffDetail[] {
  type S = NonNullable<CaseType['slas']>[string] & object;
  const [x, y] = [a.value as S, b.value as S];
  const d = (s: string | undefined, working: boolean) => (s === undefined ? null : q(say.duration(s, working)));
  return details(
    say.detail('title', text(x.title), text(y.title)),
    say.detail('description', text(x.description), text(y.description)),
    say.detail('deadline', d(x.deadline, x.calendar !== undefined), d(y.deadline, y.calendar !== undefined)),
    say.detail('goal', d(x.goal, x.calendar !== undefined), d(y.goal, y.calendar !== undefined)),
    say.detail('warning', d(x.warnAt, x.calendar !== undefined), d(y.warnAt, y.calendar !== undefined)),
    say.detail('calendar', x.calendar ? q(before.calendars?.[x.calendar]?.title || x.calendar) : null, y.calendar ? q(after.calendars?.[y.calendar]?.title || y.calendar) : null),
    say.changed('start', x.start, y.start),
    say.changed('pause', x.pause, y.pause),
    say.changed('stop', x.stop, y.stop),
    say.changed('cancel', x.cancel, y.cancel),
    say.changed('reset', x.reset, y.reset),
    say.changed('actions', [x.onWarning, x.onGoalMissed, x.onBreach, x.onPassedDeadline, x.passedDeadline], [y.onWarning, y.onGoalMissed, y.onBreach, y.onPassedDeadline, y.passedDeadline]),
  );
}

function compareCalendars(say: Say, a: Item, b: Item): DiffDetail[] {
  type C = NonNullable<CaseType['calendars']>[string] & object;
  const [x, y] = [a.value as C, b.value as C];
  const hours = (c: C) =>
    Object.entries(c.hours)
      .filter(([, r]) => r && r.length > 0)
      .map(([day, r]) => `${say.t(`model.diff.days.${day}`, { defaultValue: day })} ${(r ?? []).map((t) => `${t[0]}–${t[1]}`).join(', ')}`)
      .join('; ') || say.t('model.diff.none');
  return details(
    say.detail('title', text(x.title), text(y.title)),
    say.detail('description', text(x.description), text(y.description)),
    say.detail('timeZone', q(x.timezone), q(y.timezone)),
    same(x.hours, y.hours) ? null : say.detail('hours', hours(x), hours(y)),
    same(x.holidays, y.holidays) ? null : say.detail('holidays', say.list(x.holidays ?? []), say.list(y.holidays ?? [])),
  );
}

// --- customer keys, scenarios, samples ---

function customerItems(say: Say, def: CaseType | null, other: CaseType | null): Item[] {
  if (!def?.customer) return [];
  const label = labeller(def, other);
  const keys = def.customer.keys.map((p) => ({ id: `key:${p}`, name: q(label(p)), summary: q(label(p)), value: p }));
  const name = def.customer.name;
  if (name === undefined) return keys;
  const field = q(label(name));
  return [...keys, { id: 'name', name: field, subject: say.t('model.diff.customer.nameSubject', { field }), summary: say.t('model.diff.customer.nameSummary', { field }), value: name }];
}

function compareCustomer(say: Say, a: Item, b: Item, before: CaseType | null, after: CaseType): DiffDetail[] {
  return details(say.detail('nameField', q(labeller(before ?? after, after)(String(a.value))), q(labeller(after, before)(String(b.value)))));
}

function scenarioItems(say: Say, def: CaseType | null): Item[] {
  return (def?.scenarios ?? []).map((s) => ({ id: s.name, name: q(s.name), summary: say.t('model.diff.scenario.summary', { name: q(s.name), count: s.steps.length }), value: s }));
}

function sampleItems(say: Say, def: CaseType | null): Item[] {
  return (def?.samples ?? []).map((s, i) => {
    const name = q(s.title || say.t('model.diff.sampleNumber', { n: i + 1 }));
    return { id: s.title ?? `#${String(i)}`, name, summary: name, value: s };
  });
}

// --- the case type itself ---

function caseTypeEntries(say: Say, before: CaseType | null, after: CaseType): DiffEntry[] {
  if (!before) return [];
  const found = details(
    say.detail('title', text(before.title), text(after.title)),
    say.detail('description', text(before.description), text(after.description)),
    say.detail('referencePrefix', text(before.referencePrefix), text(after.referencePrefix)),
    say.changed('playbookEntryActions', before.playbook.entry, after.playbook.entry),
    say.detail('firstState', before.playbook.initial ? stateTitle(say, before, before.playbook.initial) : null, after.playbook.initial ? stateTitle(say, after, after.playbook.initial) : null),
  );
  if (found.length === 0) return [];
  const subject = say.t('model.diff.subject', { word: diffAreaWord('caseType', say.w), name: q(after.title || after.key) });
  return [{ area: 'caseType', change: 'changed', subject, details: found, before: q(before.title), after: q(after.title), key: 'caseType' }];
}

/** What changes when `after` replaces `before` (null: nothing published yet, so everything is added), in `words`. */
export function diffCaseTypes(previous: CaseType | null, after: CaseType, words: Words = ENGLISH): DiffEntry[] {
  const say = sayer(words);
  // details are asked only for an item both versions have: `before` is a definition then
  const before = previous as CaseType;
  const titleDiff = (
    area: DiffArea,
    pick: (d: CaseType) => Record<string, { title?: string; description?: string } | undefined> | undefined,
    compare = (a: Item, b: Item) => titleDetails(say, a, b),
    fallback?: (id: string) => string,
  ) => diffItems(say, area, titled(previous ? pick(previous) : undefined, fallback), titled(pick(after), fallback), compare);
  return [
    ...caseTypeEntries(say, previous, after),
    ...diffItems(say, 'field', fieldItems(say, previous), fieldItems(say, after), (a, b) => compareFields(say, a, b)),
    ...diffItems(say, 'form', sectionItems(say, previous, after), sectionItems(say, after, previous), (a, b) => compareSections(say, a, b)),
    ...titleDiff('rule', (d) => d.rules, (a, b) => [...titleDetails(say, a, b), ...details(say.changed('condition', (a.value as { schema: unknown }).schema, (b.value as { schema: unknown }).schema))]),
    ...titleDiff(
      'event',
      (d) => d.events,
      (a, b) => {
        type E = { roles?: string[]; data?: unknown };
        const [x, y] = [a.value as E, b.value as E];
        const roleTitles = (d: CaseType, e: E) => say.list((e.roles ?? []).map((r) => d.roles?.[r]?.title || r));
        return [...titleDetails(say, a, b), ...details(same(x.roles, y.roles) ? null : say.detail('whoMaySend', roleTitles(before, x), roleTitles(after, y)), say.changed('dataItCarries', x.data, y.data))];
      },
      titleFromEvent,
    ),
    ...diffItems(say, 'state', stateItems(say, previous), stateItems(say, after), (a, b) => compareStates(say, a, b)),
    ...diffItems(say, 'transition', transitionItemsIn(say, previous), transitionItemsIn(say, after), (a, b) => compareTransitions(say, a, b)),
    ...titleDiff('sla', (d) => d.slas, (a, b) => compareSlas(say, a, b, before, after)),
    ...titleDiff('calendar', (d) => d.calendars, (a, b) => compareCalendars(say, a, b)),
    ...titleDiff('role', (d) => d.roles),
    ...titleDiff('queue', (d) => d.queues, (a, b) => {
      type Q = { role?: string; skills?: string[] };
      const [x, y] = [a.value as Q, b.value as Q];
      return [
        ...titleDetails(say, a, b),
        ...details(
          say.detail('role', x.role ? q(before.roles?.[x.role]?.title || x.role) : null, y.role ? q(after.roles?.[y.role]?.title || y.role) : null),
          same(x.skills, y.skills) ? null : say.detail('skills', say.list(x.skills ?? []), say.list(y.skills ?? [])),
        ),
      ];
    }),
    ...diffItems(say, 'customer', customerItems(say, previous, after), customerItems(say, after, previous), (a, b) => compareCustomer(say, a, b, before, after)),
    ...diffItems(say, 'scenario', scenarioItems(say, previous), scenarioItems(say, after), (a, b) => {
      type S = { description?: string; steps: unknown[]; data: unknown; start?: string };
      const [x, y] = [a.value as S, b.value as S];
      return details(
        say.detail('description', text(x.description), text(y.description)),
        say.detail('steps', String(x.steps.length), String(y.steps.length)),
        x.steps.length === y.steps.length ? say.changed('steps', x.steps, y.steps) : null,
        say.changed('startingData', x.data, y.data),
      );
    }),
    ...diffItems(say, 'sample', sampleItems(say, previous), sampleItems(say, after), () => [{ text: say.t('model.diff.sampleChanged'), from: null, to: null }]),
  ];
}

/** The sentence for an entry: "Field ‘Claim › Amount’ added", "State ‘Negotiation’: title changed from ‘Negotiation’ to ‘Negotiating’". */
export function describeDiff(entry: DiffEntry, { t }: Words = ENGLISH): string {
  if (entry.change !== 'changed') return t(`model.diff.entry.${entry.change}`, { subject: entry.subject });
  return `${entry.subject}: ${entry.details.map((d) => d.text).join('; ')}`;
}
