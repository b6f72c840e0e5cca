// The options of the designer's selects in business words: queues, events, states, case types and SLA
// condition events by their titles, never their ids. An id is added only where two options would read the
// same, and a stored value that is not one of the options stays visible, said as missing.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { lookupNames, lookupTitle } from './lookup-edit.ts';
import { listStates } from './states.ts';
import { eventTitle, idWords, queueTitle, stateTitle } from './titles.ts';

export interface PickOption {
  value: string;
  label: string;
}

/** Options labelled by title; where two or more share a title, each of them gets its id in brackets to tell them apart. */
export function titledOptions(items: readonly { value: string; title: string }[]): PickOption[] {
  const count = new Map<string, number>();
  for (const i of items) count.set(i.title, (count.get(i.title) ?? 0) + 1);
  return items.map((i) => ({ value: i.value, label: (count.get(i.title) ?? 0) > 1 ? `${i.title} (${i.value})` : i.title }));
}

/**
 * The options, with `current` added at the front when it is set and not one of them, labelled by `missing`,
 * so a select never shows another value than the one stored.
 */
export function withCurrent(options: readonly PickOption[], current: string | undefined, missing: (value: string) => string): PickOption[] {
  if (current === undefined || current === '' || options.some((o) => o.value === current)) return [...options];
  return [{ value: current, label: missing(current) }, ...options];
}

/** The case type's queues, by title. */
export function queueOptions(def: CaseType): PickOption[] {
  return titledOptions(Object.keys(def.queues ?? {}).map((q) => ({ value: q, title: queueTitle([def], q) })));
}

/** The case type's declared events, by title. */
export function eventOptions(def: CaseType): PickOption[] {
  return titledOptions(Object.keys(def.events ?? {}).map((e) => ({ value: e, title: eventTitle(def, e) })));
}

/** Every state of the playbook, by title. */
export function stateOptions(def: CaseType): PickOption[] {
  return titledOptions(listStates(def).map((s) => ({ value: s.id, title: stateTitle([def], s.id) })));
}

/** The system events an SLA condition may name besides the case type's own, in words. */
const SYSTEM_CONDITION_EVENTS: readonly { value: string; key: string }[] = [
  { value: 'case.created', key: 'model.pickOptions.caseCreated' },
  { value: 'child.closed', key: 'model.pickOptions.childClosed' },
];

/** The events an SLA condition may name: the two system events, each lookup's results, then the case type's events by title. */
export function conditionEventOptions(def: CaseType, words: Words = ENGLISH): PickOption[] {
  const lookups = lookupNames(def).flatMap((name) => {
    const lookup = lookupTitle(def, name) ?? idWords(name);
    return [
      { value: `lookup.${name}.done`, label: words.t('model.pickOptions.lookupDone', { lookup }) },
      { value: `lookup.${name}.failed`, label: words.t('model.pickOptions.lookupFailed', { lookup }) },
    ];
  });
  return [...SYSTEM_CONDITION_EVENTS.map((e) => ({ value: e.value, label: words.t(e.key) })), ...lookups, ...eventOptions(def)];
}

/** The label of a value among options; a value that is none of them in words (never blank). */
export function optionLabel(options: readonly PickOption[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? idWords(value);
}

/** What the designer knows of a case type on the server (a row of `GET /api/case-types`). */
export interface KnownCaseType {
  key: string;
  title: string;
  version: number | null;
}

/** The published case types (those with a version), by title; a child case can only be opened of one of these. */
export function caseTypeOptions(known: readonly KnownCaseType[]): PickOption[] {
  return titledOptions(known.filter((c) => c.version !== null).map((c) => ({ value: c.key, title: c.title || c.key })));
}
