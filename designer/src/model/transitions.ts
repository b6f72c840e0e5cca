// Pure edits of transitions: `on` entries of a state, addressed by (source state, event, index).
import type { CaseType, Playbook, StateNode, Transition, TransitionSpec } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { isSystemEvent, lookupEventOf } from '../../../runtime/engine/index.ts';
import { lookupNames } from './lookup-edit.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { findState } from './states.ts';

export const EVENT_NAME_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The `source` of a transition of the playbook root (it applies in every state): the empty id. */
export const PLAYBOOK_SOURCE = '';

/** The node that holds a transition's `on`: the state `source`, or the playbook root for PLAYBOOK_SOURCE. */
function sourceNode(playbook: Playbook, source: string): Playbook | StateNode | undefined {
  return source === PLAYBOOK_SOURCE ? playbook : findState(playbook, source)?.node;
}

export interface TransitionRef {
  source: string;
  event: string;
  index: number;
}

export interface TransitionEntry extends TransitionRef {
  transition: Transition;
}

/** The transitions of a spec as a list (a target string becomes `{ target }`). */
export function specToList(spec: TransitionSpec | undefined): Transition[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return [{ target: spec }];
  return Array.isArray(spec) ? spec : [spec];
}

/** Writes a list back in the shortest form: a target string, one transition, or an array. */
function listToSpec(list: Transition[]): TransitionSpec | undefined {
  if (list.length === 0) return undefined;
  const [only] = list;
  if (list.length === 1 && only) {
    const keys = Object.keys(only);
    if (keys.length === 1 && keys[0] === 'target' && only.target !== undefined) return only.target;
    return only;
  }
  return list as [Transition, ...Transition[]];
}

/** The playbook root's own `on` transitions (they apply in every state). */
export function listRootTransitions(def: CaseType): TransitionEntry[] {
  return Object.entries(def.playbook.on ?? {}).flatMap(([event, spec]) =>
    specToList(spec).map((transition, index) => ({ source: PLAYBOOK_SOURCE, event, index, transition })),
  );
}

/** Every `on` transition of the playbook's states, in definition order. */
export function listTransitions(def: CaseType): TransitionEntry[] {
  const out: TransitionEntry[] = [];
  const walk = (states: CaseType['playbook']['states'] | undefined): void => {
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      for (const [event, spec] of Object.entries(node.on ?? {})) {
        specToList(spec).forEach((transition, index) => out.push({ source: id, event, index, transition }));
      }
      walk(node.states);
    }
  };
  walk(def.playbook.states);
  return out;
}

export function getTransition(def: CaseType, ref: TransitionRef): Transition | undefined {
  const node = sourceNode(def.playbook, ref.source);
  return specToList(node?.on?.[ref.event])[ref.index];
}

/** Adds a transition `source --event--> target`, declaring the event when it is new. Returns the new ref too. */
export function addTransition(
  def: CaseType,
  args: { source: string; target: string; event: string },
): { def: CaseType; ref: TransitionRef } | undefined {
  const next = clone(def);
  const node = sourceNode(next.playbook, args.source);
  if (!node || !findState(next.playbook, args.target)) return undefined;
  const list = specToList(node.on?.[args.event]);
  list.push({ target: args.target });
  node.on = { ...(node.on ?? {}), [args.event]: listToSpec(list) };
  if (!args.event.includes('.') && !next.events?.[args.event]) {
    next.events = { ...(next.events ?? {}), [args.event]: { title: titleFromEvent(args.event) } };
  }
  return { def: next, ref: { source: args.source, event: args.event, index: list.length - 1 } };
}

/** `SUBMIT_TRIAGE` → `Submit triage`. */
export function titleFromEvent(event: string): string {
  const words = event.toLowerCase().split('_').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Replaces transition properties (target, guard, actions, description); undefined removes one. */
export function updateTransition(def: CaseType, ref: TransitionRef, patch: Partial<Transition>): CaseType {
  const next = clone(def);
  const node = sourceNode(next.playbook, ref.source);
  const list = specToList(node?.on?.[ref.event]).map((t) => ({ ...t }));
  const current = list[ref.index];
  if (!node?.on || !current) return def;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete (current as Record<string, unknown>)[k];
    else (current as Record<string, unknown>)[k] = v;
  }
  node.on[ref.event] = listToSpec(list);
  return next;
}

/** The event names a transition (`on`) accepts: upper snake case, or one of the system events the runtime raises. */
function onEventName(name: string): boolean {
  return EVENT_NAME_PATTERN.test(name) || isSystemEvent(name);
}

/**
 * Why the transition `ref` cannot move to the event `name`, in a sentence for the analyst; null when it can
 * (the same name included). Checks what `renameTransitionEvent` needs: a name `on` accepts, an SLA that exists
 * for an `sla.<name>.<rung>` event, and the transition still being there.
 */
export function eventRenameProblem(def: CaseType, ref: TransitionRef, name: string, words: Words = ENGLISH): string | null {
  const { t } = words;
  if (name === ref.event) return null;
  if (name === '') return t('model.transitions.eventEmpty');
  if (!onEventName(name)) {
    if (name.includes('.')) return t('model.transitions.notSystemEvent', { name });
    if (/^[A-Z][A-Z0-9_]*$/.test(name)) return t('model.transitions.eventTooLong');
    return t('model.transitions.eventPattern');
  }
  const sla = /^sla\.([^.]+)\./.exec(name)?.[1];
  if (sla !== undefined && !def.slas?.[sla]) return t('model.transitions.noSla', { sla });
  const lookup = lookupEventOf(name)?.name;
  if (lookup !== undefined && !lookupNames(def).includes(lookup)) return t('model.transitions.noLookup', { lookup });
  if (!getTransition(def, ref)) return t('model.transitions.gone');
  return null;
}

/** Moves a transition to another event name (declaring it when new). Returns the new ref. */
export function renameTransitionEvent(
  def: CaseType,
  ref: TransitionRef,
  event: string,
): { def: CaseType; ref: TransitionRef } | undefined {
  if (event === ref.event) return { def, ref };
  const next = clone(def);
  const node = sourceNode(next.playbook, ref.source);
  const list = specToList(node?.on?.[ref.event]);
  const moved = list[ref.index];
  if (!node?.on || !moved) return undefined;
  list.splice(ref.index, 1);
  const spec = listToSpec(list);
  if (spec === undefined) delete node.on[ref.event];
  else node.on[ref.event] = spec;
  const target = specToList(node.on[event]);
  target.push(moved);
  // keep the event's place in `on` when it was the only transition of the old event
  node.on = Object.fromEntries(
    Object.entries({ ...node.on, [event]: listToSpec(target) }).filter(([, v]) => v !== undefined),
  );
  if (!event.includes('.') && !next.events?.[event]) {
    next.events = { ...(next.events ?? {}), [event]: { title: titleFromEvent(event) } };
  }
  return { def: next, ref: { source: ref.source, event, index: target.length - 1 } };
}

export function deleteTransition(def: CaseType, ref: TransitionRef): CaseType {
  const next = clone(def);
  const node = sourceNode(next.playbook, ref.source);
  const list = specToList(node?.on?.[ref.event]);
  if (!node?.on || !list[ref.index]) return def;
  list.splice(ref.index, 1);
  const spec = listToSpec(list);
  if (spec === undefined) delete node.on[ref.event];
  else node.on[ref.event] = spec;
  if (Object.keys(node.on).length === 0) delete node.on;
  return next;
}
