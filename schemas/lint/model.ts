// A tolerant index of a definition for the semantic lint: states, transitions, actions, guards, timers and
// the declared names, each with its JSON Pointer. Missing or mistyped pieces are skipped, never thrown on.
import { asArray, asObject, asString, isObject, ptr, type JsonObject } from './util.ts';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface StateInfo {
  id: string;
  pointer: string;
  node: JsonObject;
  /** Parent state id; undefined for a top-level state (child of the playbook). */
  parent: string | undefined;
  children: string[];
  kind: StateKind;
}

export interface TransitionInfo {
  /** Pointer of the transition (a target string, a transition object or an after delay). */
  pointer: string;
  target: string | undefined;
  targetPointer: string;
  hasGuard: boolean;
  /** Source state id; undefined for transitions on the playbook itself. */
  source: string | undefined;
  via: 'on' | 'always' | 'after';
}

export interface ActionInfo {
  pointer: string;
  action: JsonObject;
}

export interface GuardInfo {
  pointer: string;
  guard: unknown;
}

export interface TimerInfo {
  id: string;
  /** Pointer of the explicit `id`, or of the after delay when the id is the default `<state>.<index>`. */
  pointer: string;
  explicit: boolean;
}

export interface Model {
  def: JsonObject;
  rootChildren: string[];
  rootKind: StateKind;
  states: Map<string, StateInfo>;
  duplicates: { id: string; pointer: string; first: string }[];
  transitions: TransitionInfo[];
  /** Transition lists (on arrays, always arrays), for shadowing. */
  transitionLists: TransitionInfo[][];
  actions: ActionInfo[];
  guards: GuardInfo[];
  timers: TimerInfo[];
  /** `on` keys with their pointers. */
  handledEvents: { name: string; pointer: string }[];
  names: {
    rules: Set<string>;
    events: Set<string>;
    roles: Set<string>;
    queues: Set<string>;
    calendars: Set<string>;
    slas: Set<string>;
    sections: Set<string>;
  };
}

function kindOf(node: JsonObject): StateKind {
  if (
    node.type === 'final' ||
    node.type === 'parallel' ||
    node.type === 'atomic' ||
    node.type === 'compound'
  ) {
    return node.type === 'atomic' && isObject(node.states) ? 'compound' : node.type;
  }
  return isObject(node.states) && Object.keys(node.states).length > 0 ? 'compound' : 'atomic';
}

export function buildModel(definition: unknown): Model {
  const def = asObject(definition);
  const playbook = asObject(def.playbook);
  const model: Model = {
    def,
    rootChildren: Object.keys(asObject(playbook.states)),
    rootKind: playbook.type === 'parallel' ? 'parallel' : 'compound',
    states: new Map(),
    duplicates: [],
    transitions: [],
    transitionLists: [],
    actions: [],
    guards: [],
    timers: [],
    handledEvents: [],
    names: {
      rules: new Set(Object.keys(asObject(def.rules))),
      events: new Set(Object.keys(asObject(def.events))),
      roles: new Set(Object.keys(asObject(def.roles))),
      queues: new Set(Object.keys(asObject(def.queues))),
      calendars: new Set(Object.keys(asObject(def.calendars))),
      slas: new Set(Object.keys(asObject(def.slas))),
      sections: new Set(
        asArray(asObject(def.form).sections)
          .map((s) => asString(asObject(s).id))
          .filter((id): id is string => id !== undefined),
      ),
    },
  };
  collectNode(model, playbook, '/playbook', undefined);
  collectForm(model);
  collectSlaActions(model);
  return model;
}

function collectNode(model: Model, node: JsonObject, pointer: string, id: string | undefined): void {
  collectActions(model, node.entry, ptr(pointer, 'entry'));
  collectActions(model, node.exit, ptr(pointer, 'exit'));
  collectActions(model, asObject(node.task).onOverdue, ptr(pointer, 'task', 'onOverdue'));
  collectOn(model, node.on, ptr(pointer, 'on'), id);
  collectAlways(model, node.always, ptr(pointer, 'always'), id);
  asArray(node.after).forEach((item, index) => {
    if (!isObject(item)) return;
    const itemPointer = ptr(pointer, 'after', index);
    const explicit = asString(item.id);
    model.timers.push(
      explicit !== undefined
        ? { id: explicit, pointer: ptr(itemPointer, 'id'), explicit: true }
        : { id: `${id ?? 'playbook'}.${index}`, pointer: itemPointer, explicit: false },
    );
    addTransition(model, item, itemPointer, id, 'after');
  });
  const states = asObject(node.states);
  for (const [childId, child] of Object.entries(states)) {
    const childPointer = ptr(pointer, 'states', childId);
    const childNode = asObject(child);
    const first = model.states.get(childId);
    if (first !== undefined) {
      model.duplicates.push({ id: childId, pointer: childPointer, first: first.pointer });
    } else {
      model.states.set(childId, {
        id: childId,
        pointer: childPointer,
        node: childNode,
        parent: id,
        children: Object.keys(asObject(childNode.states)),
        kind: kindOf(childNode),
      });
    }
    // A duplicate's own subtree is still linted (its transitions are real), under its own pointer.
    collectNode(model, childNode, childPointer, first === undefined ? childId : id);
  }
}

function addTransition(
  model: Model,
  t: JsonObject,
  pointer: string,
  source: string | undefined,
  via: TransitionInfo['via'],
): TransitionInfo {
  const info: TransitionInfo = {
    pointer,
    target: asString(t.target),
    targetPointer: ptr(pointer, 'target'),
    hasGuard: t.guard !== undefined,
    source,
    via,
  };
  model.transitions.push(info);
  if (t.guard !== undefined) model.guards.push({ pointer: ptr(pointer, 'guard'), guard: t.guard });
  collectActions(model, t.actions, ptr(pointer, 'actions'));
  return info;
}

function collectOn(model: Model, on: unknown, pointer: string, source: string | undefined): void {
  for (const [event, spec] of Object.entries(asObject(on))) {
    const eventPointer = ptr(pointer, event);
    model.handledEvents.push({ name: event, pointer: eventPointer });
    if (typeof spec === 'string') {
      model.transitions.push({
        pointer: eventPointer,
        target: spec,
        targetPointer: eventPointer,
        hasGuard: false,
        source,
        via: 'on',
      });
    } else if (Array.isArray(spec)) {
      const list = spec.flatMap((t, i) =>
        isObject(t) ? [addTransition(model, t, ptr(eventPointer, i), source, 'on')] : [],
      );
      model.transitionLists.push(list);
    } else if (isObject(spec)) {
      addTransition(model, spec, eventPointer, source, 'on');
    }
  }
}

function collectAlways(model: Model, always: unknown, pointer: string, source: string | undefined): void {
  if (Array.isArray(always)) {
    const list = always.flatMap((t, i) =>
      isObject(t) ? [addTransition(model, t, ptr(pointer, i), source, 'always')] : [],
    );
    model.transitionLists.push(list);
  } else if (isObject(always)) {
    addTransition(model, always, pointer, source, 'always');
  }
}

function collectActions(model: Model, actions: unknown, pointer: string): void {
  asArray(actions).forEach((action, i) => {
    if (isObject(action)) model.actions.push({ pointer: ptr(pointer, i), action });
  });
}

function collectForm(model: Model): void {
  asArray(asObject(model.def.form).sections).forEach((section, i) => {
    const s = asObject(section);
    const sectionPointer = ptr('/form/sections', i);
    for (const key of ['visibleWhen', 'readOnlyWhen']) {
      if (s[key] !== undefined) model.guards.push({ pointer: ptr(sectionPointer, key), guard: s[key] });
    }
    asArray(s.fields).forEach((field, j) => {
      const f = asObject(field);
      for (const key of ['visibleWhen', 'readOnlyWhen']) {
        if (f[key] !== undefined)
          model.guards.push({ pointer: ptr(sectionPointer, 'fields', j, key), guard: f[key] });
      }
    });
  });
}

function collectSlaActions(model: Model): void {
  for (const [name, sla] of Object.entries(asObject(model.def.slas))) {
    for (const key of ['onWarning', 'onGoalMissed', 'onBreach', 'onPassedDeadline']) {
      collectActions(model, asObject(sla)[key], ptr('/slas', name, key));
    }
  }
}

/** The ancestors of a state, nearest first. */
export function ancestorsOf(model: Model, id: string): string[] {
  const result: string[] = [];
  let current = model.states.get(id)?.parent;
  while (current !== undefined && !result.includes(current)) {
    result.push(current);
    current = model.states.get(current)?.parent;
  }
  return result;
}
