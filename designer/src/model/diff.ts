// A semantic diff of two case types, in business words: every section (the case type itself, fields, form
// sections, rules, events, states, transitions, SLAs, calendars, roles, queues, customer keys, scenarios,
// samples) named by its title, never by an id or a JSON pointer: "Field ‘Claim › Amount’ added", "State
// ‘Negotiation’: title changed from ‘Negotiation’ to ‘Negotiating’". Used by the publish dialog (draft
// against the latest version) and the versions view (any two versions, side by side and on the canvas).
// The canvas layout (positions) is not a change. Pure: no React, no DOM.
import type { CaseType, Guard, StateNode, Transition } from '../../../schemas/generated/case-type.ts';
import { durationInWords, guardInWords } from '../canvas/edge-labels.ts';
import { fieldLabeller } from './field-label.ts';
import { FIELD_KINDS, listFields, type FieldEntry } from './fields.ts';
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

/** The sections in the order they are listed, with their names for headings. */
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

const q = (s: string) => `‘${s}’`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const words = (list: readonly string[]) => (list.length === 0 ? 'none' : list.map(q).join(', '));

/** A detail for an aspect that differs: "title changed from ‘A’ to ‘B’", "due set to ‘2 days’", "goal removed (was ‘1 day’)". */
function detail(aspect: string, from: string | null | undefined, to: string | null | undefined): DiffDetail | null {
  const [a, b] = [from ?? null, to ?? null];
  if (a === b) return null;
  if (a !== null && b !== null) return { text: `${aspect} changed from ${a} to ${b}`, from: a, to: b };
  if (b !== null) return { text: `${aspect} set to ${b}`, from: null, to: b };
  return { text: `${aspect} removed (was ${a ?? ''})`, from: a, to: null };
}

/** A detail for a part that is not put in words here (a rule's condition, an action list): "condition changed". */
function changed(aspect: string, a: unknown, b: unknown): DiffDetail | null {
  return same(a, b) ? null : { text: `${aspect} changed`, from: `${aspect} before`, to: `${aspect} after` };
}

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
function diffItems(area: DiffArea, before: Item[], after: Item[], compare: (a: Item, b: Item) => DiffDetail[]): DiffEntry[] {
  const word = DIFF_AREAS.find((a) => a.area === area)?.word ?? area;
  const old = new Map(before.map((i) => [i.id, i]));
  const now = new Set(after.map((i) => i.id));
  const out: DiffEntry[] = [];
  for (const b of after) {
    const a = old.get(b.id);
    if (a === undefined) {
      out.push({ area, change: 'added', subject: b.subject ?? `${word} ${b.name}`, details: [], before: null, after: b.summary, key: `${area}:${b.id}` });
      continue;
    }
    if (same(a.value, b.value)) continue;
    const found = compare(a, b);
    out.push({
      area,
      change: 'changed',
      subject: b.subject ?? `${word} ${b.name}`,
      details: found.length > 0 ? found : [{ text: 'other settings changed', from: null, to: null }],
      before: a.summary,
      after: b.summary,
      key: `${area}:${b.id}`,
    });
  }
  for (const a of before) {
    if (!now.has(a.id)) out.push({ area, change: 'removed', subject: a.subject ?? `${word} ${a.name}`, details: [], before: a.summary, after: null, key: `${area}:${a.id}` });
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

const kindLabel = (f: FieldEntry) => FIELD_KINDS.find((k) => k.kind === f.kind)?.label ?? f.kind;

function fieldItems(def: CaseType | null): Item[] {
  if (!def) return [];
  const label = fieldLabeller(def);
  return listFields(def).map((f) => {
    const { properties: _p, items: _i, required: _r, ...own } = f.schema;
    return { id: f.pointer, name: q(label(f.pointer)), summary: `${q(label(f.pointer))}, ${kindLabel(f)}${f.required ? ', required' : ''}`, value: { own, required: f.required, kind: f.kind }, ctx: f };
  });
}

function compareFields(a: Item, b: Item): DiffDetail[] {
  const [x, y] = [a.ctx as FieldEntry, b.ctx as FieldEntry];
  const list = details(
    detail('title', text(x.schema.title), text(y.schema.title)),
    detail('type', kindLabel(x), kindLabel(y)),
    x.required === y.required ? null : { text: y.required ? 'now required' : 'no longer required', from: x.required ? 'required' : 'optional', to: y.required ? 'required' : 'optional' },
    detail('description', text(x.schema.description), text(y.schema.description)),
    same(x.schema.enum, y.schema.enum) ? null : detail('choices', x.schema.enum ? words(x.schema.enum.map(String)) : null, y.schema.enum ? words(y.schema.enum.map(String)) : null),
  );
  const rest = (s: FieldEntry['schema']) => {
    const { title: _t, description: _d, enum: _e, type: _ty, format: _f, properties: _p, items: _i, required: _r, ...other } = s;
    return other;
  };
  const more = changed('validation', rest(x.schema), rest(y.schema));
  return more ? [...list, { ...more, text: 'other settings changed (limits, format or default)' }] : list;
}

// --- form sections ---

function sectionItems(def: CaseType | null, other: CaseType | null): Item[] {
  if (!def) return [];
  const label = labeller(def, other);
  return (def.form?.sections ?? []).map((s, i) => {
    const pointers = s.fields.map((f) => (typeof f === 'string' ? f : f.field));
    const name = q(s.title || `Section ${String(i + 1)}`);
    return { id: s.id, name, summary: `${name}: ${words(pointers.map(label))}`, value: s, ctx: { pointers, label } };
  });
}

function compareSections(a: Item, b: Item): DiffDetail[] {
  type Section = NonNullable<CaseType['form']>['sections'][number];
  type C = { pointers: string[]; label: (p: string) => string };
  const [x, y] = [{ s: a.value as Section, ...(a.ctx as C) }, { s: b.value as Section, ...(b.ctx as C) }];
  const added = y.pointers.filter((f) => !x.pointers.includes(f)).map(y.label);
  const removed = x.pointers.filter((f) => !y.pointers.includes(f)).map(x.label);
  return details(
    detail('title', text(x.s.title), text(y.s.title)),
    detail('description', text(x.s.description), text(y.s.description)),
    added.length > 0 ? { text: `fields added: ${words(added)}`, from: null, to: words(added) } : null,
    removed.length > 0 ? { text: `fields removed: ${words(removed)}`, from: words(removed), to: null } : null,
    added.length === 0 && removed.length === 0 && !same(x.pointers, y.pointers) ? { text: 'fields reordered', from: words(x.pointers.map(x.label)), to: words(y.pointers.map(y.label)) } : null,
    changed('when it is shown', x.s.visibleWhen, y.s.visibleWhen),
    changed('when it is read-only', x.s.readOnlyWhen, y.s.readOnlyWhen),
  );
}

// --- rules, events, roles, queues ---

function titled<T extends { title?: string; description?: string }>(map: Record<string, T | undefined> | undefined, fallback = (id: string) => id): Item[] {
  return Object.entries(map ?? {}).flatMap(([id, v]) => (v ? [{ id, name: q(v.title || fallback(id)), summary: q(v.title || fallback(id)) + (v.description ? `: ${v.description}` : ''), value: v }] : []));
}

const titleDetails = (a: Item, b: Item) => {
  const [x, y] = [a.value as { title?: string; description?: string }, b.value as { title?: string; description?: string }];
  return details(detail('title', text(x.title), text(y.title)), detail('description', text(x.description), text(y.description)));
};

// --- states and transitions ---

const stateTitle = (def: CaseType | null, id: string): string => {
  if (id === PLAYBOOK_SOURCE) return 'every state';
  const found = def ? listStates(def).find((s) => s.id === id) : undefined;
  return q(found?.node.title || id);
};
const eventTitle = (def: CaseType | null, event: string) => q(def?.events?.[event]?.title || titleFromEvent(event));
const guardWords = (def: CaseType, guard: Guard | undefined) => (guard === undefined ? null : q(guardInWords(def, guard)));

const STATE_KINDS: Record<string, string> = { atomic: 'step', compound: 'stage', parallel: 'parallel stage', final: 'final state' };
const stateKind = (n: StateNode) => STATE_KINDS[n.type ?? (n.states && Object.keys(n.states).length > 0 ? 'compound' : 'atomic')] ?? 'step';

function stateItems(def: CaseType | null): Item[] {
  if (!def) return [];
  return listStates(def).map((s) => {
    const { states: _s, on: _on, ...own } = s.node;
    const name = q(s.node.title || s.id);
    return { id: s.id, name, summary: `${name}, ${stateKind(s.node)}${s.node.task ? `, task ${q(s.node.task.title)}` : ''}`, value: { own, parent: s.parent }, def };
  });
}

function compareStates(a: Item, b: Item): DiffDetail[] {
  type V = { own: Omit<StateNode, 'states' | 'on'>; parent: string | null; def: CaseType };
  const [x, y]: [V, V] = [{ ...(a.value as Omit<V, 'def'>), def: a.def as CaseType }, { ...(b.value as Omit<V, 'def'>), def: b.def as CaseType }];
  const delays = (n: V) => (n.own.after ?? []).map((d) => `after ${durationInWords(d.delay, d.calendar !== undefined)}${d.target ? ` to ${stateTitle(n.def, d.target)}` : ''}`);
  return details(
    detail('title', text(x.own.title), text(y.own.title)),
    detail('description', text(x.own.description), text(y.own.description)),
    detail('kind', stateKind(x.own as StateNode), stateKind(y.own as StateNode)),
    x.parent === y.parent ? null : detail('stage', x.parent === null ? 'top level' : stateTitle(x.def, x.parent), y.parent === null ? 'top level' : stateTitle(y.def, y.parent)),
    detail('task', x.own.task ? q(x.own.task.title) : null, y.own.task ? q(y.own.task.title) : null),
    x.own.task && y.own.task && x.own.task.title === y.own.task.title
      ? detail('task queue', x.own.task.queue ? q(x.def.queues?.[x.own.task.queue]?.title || x.own.task.queue) : null, y.own.task.queue ? q(y.def.queues?.[y.own.task.queue]?.title || y.own.task.queue) : null)
      : null,
    x.own.task && y.own.task && x.own.task.title === y.own.task.title ? detail('task due', x.own.task.due ? q(durationInWords(x.own.task.due)) : null, y.own.task.due ? q(durationInWords(y.own.task.due)) : null) : null,
    same(x.own.checklist, y.own.checklist)
      ? null
      : detail('checklist', words((x.own.checklist ?? []).map((r) => x.def.rules?.[r]?.title || r)), words((y.own.checklist ?? []).map((r) => y.def.rules?.[r]?.title || r))),
    same(x.own.after, y.own.after) ? null : detail('delays', words(delays(x)), words(delays(y))),
    changed('entry actions', x.own.entry, y.own.entry),
    changed('exit actions', x.own.exit, y.own.exit),
    changed('automatic transitions', x.own.always, y.own.always),
  );
}

/** A transition's identity: its source, event and target (the n-th of the same, for duplicates). */
export function transitionItems(def: CaseType | null): Item[] {
  if (!def) return [];
  const seen = new Map<string, number>();
  return [...listRootTransitions(def), ...listTransitions(def)].map((t) => {
    const base = `${t.source}\u0000${t.event}\u0000${t.transition.target ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const target = t.transition.target === undefined ? 'stays' : `→ ${stateTitle(def, t.transition.target)}`;
    const name = `${stateTitle(def, t.source)} ${target} on ${eventTitle(def, t.event)}`;
    const guard = guardWords(def, t.transition.guard);
    return { id: `${base}\u0000${String(n)}`, name, summary: guard ? `${name} when ${guard}` : name, value: t.transition, def };
  });
}

function compareTransitions(a: Item, b: Item): DiffDetail[] {
  type V = { t: Transition; def: CaseType };
  const [x, y]: [V, V] = [{ t: a.value as Transition, def: a.def as CaseType }, { t: b.value as Transition, def: b.def as CaseType }];
  return details(
    same(x.t.guard, y.t.guard) ? null : detail('condition', guardWords(x.def, x.t.guard), guardWords(y.def, y.t.guard)),
    changed('actions', x.t.actions, y.t.actions),
    detail('description', text(x.t.description), text(y.t.description)),
  );
}

// --- SLAs and calendars ---

function compareSlas(a: Item, b: Item, before: CaseType, after: CaseType): DiffDetail[] {
  type S = NonNullable<CaseType['slas']>[string] & object;
  const [x, y] = [a.value as S, b.value as S];
  const d = (s: string | undefined, working: boolean) => (s === undefined ? null : q(durationInWords(s, working)));
  return details(
    detail('title', text(x.title), text(y.title)),
    detail('description', text(x.description), text(y.description)),
    detail('deadline', d(x.deadline, x.calendar !== undefined), d(y.deadline, y.calendar !== undefined)),
    detail('goal', d(x.goal, x.calendar !== undefined), d(y.goal, y.calendar !== undefined)),
    detail('warning', d(x.warnAt, x.calendar !== undefined), d(y.warnAt, y.calendar !== undefined)),
    detail('calendar', x.calendar ? q(before.calendars?.[x.calendar]?.title || x.calendar) : null, y.calendar ? q(after.calendars?.[y.calendar]?.title || y.calendar) : null),
    changed('start', x.start, y.start),
    changed('pause', x.pause, y.pause),
    changed('stop', x.stop, y.stop),
    changed('cancel', x.cancel, y.cancel),
    changed('reset', x.reset, y.reset),
    changed('actions', [x.onWarning, x.onGoalMissed, x.onBreach, x.onPassedDeadline, x.passedDeadline], [y.onWarning, y.onGoalMissed, y.onBreach, y.onPassedDeadline, y.passedDeadline]),
  );
}

function compareCalendars(a: Item, b: Item): DiffDetail[] {
  type C = NonNullable<CaseType['calendars']>[string] & object;
  const [x, y] = [a.value as C, b.value as C];
  const hours = (c: C) =>
    Object.entries(c.hours)
      .filter(([, r]) => r && r.length > 0)
      .map(([day, r]) => `${day} ${(r ?? []).map((t) => `${t[0]}–${t[1]}`).join(', ')}`)
      .join('; ') || 'none';
  return details(
    detail('title', text(x.title), text(y.title)),
    detail('description', text(x.description), text(y.description)),
    detail('time zone', q(x.timezone), q(y.timezone)),
    same(x.hours, y.hours) ? null : detail('hours', hours(x), hours(y)),
    same(x.holidays, y.holidays) ? null : detail('holidays', words(x.holidays ?? []), words(y.holidays ?? [])),
  );
}

// --- customer keys, scenarios, samples ---

function customerItems(def: CaseType | null, other: CaseType | null): Item[] {
  if (!def?.customer) return [];
  const label = labeller(def, other);
  const keys = def.customer.keys.map((p) => ({ id: `key:${p}`, name: q(label(p)), summary: q(label(p)), value: p }));
  const name = def.customer.name;
  return name === undefined ? keys : [...keys, { id: 'name', name: q(label(name)), subject: `Customer name field ${q(label(name))}`, summary: `the customer's name: ${q(label(name))}`, value: name }];
}

function compareCustomer(a: Item, b: Item, before: CaseType | null, after: CaseType): DiffDetail[] {
  return details(detail('name field', q(labeller(before ?? after, after)(String(a.value))), q(labeller(after, before)(String(b.value)))));
}

function scenarioItems(def: CaseType | null): Item[] {
  return (def?.scenarios ?? []).map((s) => ({ id: s.name, name: q(s.name), summary: `${q(s.name)}, ${String(s.steps.length)} step${s.steps.length === 1 ? '' : 's'}`, value: s }));
}

function sampleItems(def: CaseType | null): Item[] {
  return (def?.samples ?? []).map((s, i) => ({ id: s.title ?? `#${String(i)}`, name: q(s.title || `Sample ${String(i + 1)}`), summary: q(s.title || `Sample ${String(i + 1)}`), value: s }));
}

// --- the case type itself ---

function caseTypeEntries(before: CaseType | null, after: CaseType): DiffEntry[] {
  if (!before) return [];
  const found = details(
    detail('title', text(before.title), text(after.title)),
    detail('description', text(before.description), text(after.description)),
    detail('reference prefix', text(before.referencePrefix), text(after.referencePrefix)),
    changed('playbook entry actions', before.playbook.entry, after.playbook.entry),
    detail('first state', before.playbook.initial ? stateTitle(before, before.playbook.initial) : null, after.playbook.initial ? stateTitle(after, after.playbook.initial) : null),
  );
  if (found.length === 0) return [];
  return [{ area: 'caseType', change: 'changed', subject: `Case type ${q(after.title || after.key)}`, details: found, before: q(before.title), after: q(after.title), key: 'caseType' }];
}

/** What changes when `after` replaces `before` (null: nothing published yet, so everything is added). */
export function diffCaseTypes(previous: CaseType | null, after: CaseType): DiffEntry[] {
  // details are asked only for an item both versions have: `before` is a definition then
  const before = previous as CaseType;
  const titleDiff = (area: DiffArea, pick: (d: CaseType) => Record<string, { title?: string; description?: string } | undefined> | undefined, compare = titleDetails, fallback?: (id: string) => string) =>
    diffItems(area, titled(previous ? pick(previous) : undefined, fallback), titled(pick(after), fallback), compare);
  return [
    ...caseTypeEntries(previous, after),
    ...diffItems('field', fieldItems(previous), fieldItems(after), compareFields),
    ...diffItems('form', sectionItems(previous, after), sectionItems(after, previous), compareSections),
    ...titleDiff('rule', (d) => d.rules, (a, b) => [...titleDetails(a, b), ...details(changed('condition', (a.value as { schema: unknown }).schema, (b.value as { schema: unknown }).schema))]),
    ...titleDiff(
      'event',
      (d) => d.events,
      (a, b) => {
        type E = { roles?: string[]; data?: unknown };
        const [x, y] = [a.value as E, b.value as E];
        const roleTitles = (d: CaseType, e: E) => words((e.roles ?? []).map((r) => d.roles?.[r]?.title || r));
        return [...titleDetails(a, b), ...details(same(x.roles, y.roles) ? null : detail('who may send it', roleTitles(before, x), roleTitles(after, y)), changed('data it carries', x.data, y.data))];
      },
      titleFromEvent,
    ),
    ...diffItems('state', stateItems(previous), stateItems(after), compareStates),
    ...diffItems('transition', transitionItems(previous), transitionItems(after), compareTransitions),
    ...titleDiff('sla', (d) => d.slas, (a, b) => compareSlas(a, b, before, after)),
    ...titleDiff('calendar', (d) => d.calendars, compareCalendars),
    ...titleDiff('role', (d) => d.roles),
    ...titleDiff('queue', (d) => d.queues, (a, b) => {
      type Q = { role?: string; skills?: string[] };
      const [x, y] = [a.value as Q, b.value as Q];
      return [
        ...titleDetails(a, b),
        ...details(
          detail('role', x.role ? q(before.roles?.[x.role]?.title || x.role) : null, y.role ? q(after.roles?.[y.role]?.title || y.role) : null),
          same(x.skills, y.skills) ? null : detail('skills', words(x.skills ?? []), words(y.skills ?? [])),
        ),
      ];
    }),
    ...diffItems('customer', customerItems(previous, after), customerItems(after, previous), (a, b) => compareCustomer(a, b, before, after)),
    ...diffItems('scenario', scenarioItems(previous), scenarioItems(after), (a, b) => {
      type S = { description?: string; steps: unknown[]; data: unknown; start?: string };
      const [x, y] = [a.value as S, b.value as S];
      return details(
        detail('description', text(x.description), text(y.description)),
        detail('steps', String(x.steps.length), String(y.steps.length)),
        x.steps.length === y.steps.length ? changed('steps', x.steps, y.steps) : null,
        changed('starting data', x.data, y.data),
      );
    }),
    ...diffItems('sample', sampleItems(previous), sampleItems(after), () => [{ text: 'its data changed', from: null, to: null }]),
  ];
}

/** The sentence for an entry: "Field ‘Claim › Amount’ added", "State ‘Negotiation’: title changed from ‘Negotiation’ to ‘Negotiating’". */
export function describeDiff(entry: DiffEntry): string {
  if (entry.change !== 'changed') return `${entry.subject} ${entry.change}`;
  return `${entry.subject}: ${entry.details.map((d) => d.text).join('; ')}`;
}
