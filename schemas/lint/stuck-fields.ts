// The stuck agent: a state's checklist, or the guard of a transition out of it, needs a field that nothing can
// fill in while the case is there. A field counts as fillable in a state when
//   - the case data always has it (`data` requires it), or it is on the intake form (the form's first
//     section, or every top-level field without a form, plus the top-level fields `data` requires);
//   - an event accepted there can carry it: an `on` of the state, of its ancestors, of its descendants, of the
//     playbook, or of a state in another region of a parallel state around it;
//   - a `set` action (not of null) that can run before the case comes to the state, or while it is there,
//     writes it: entry/exit actions of a state the case can go on from to this one or that is active with it,
//     actions of a transition that leads here or that moves between states active with it (another region
//     of a parallel state, an inner state), the playbook's own actions and the SLA actions;
//   - every way into the state guarantees it: the guard of each transition into it needs it (or the state it
//     comes from guaranteed it), or the transition's actions set it.
// Only when none of these holds is it reported (conservative: "can" is over-approximated throughout; an
// event that is not declared may carry anything).
import { createProblem, type Problem } from '../problems.ts';
import { ancestorsOf, type Model } from './model.ts';
import { guardNeeds, payloadCarries, related, schemaNeeds, within } from './needs.ts';
import { parseDuration } from './time.ts';
import { asArray, asObject, asString, isObject, ptr, type JsonObject } from './util.ts';
import { andList, durationWords, eventWords, fieldWords, ruleWords, stateWords } from './words.ts';

/** The playbook itself as a node of the state graph (state ids start with a letter). */
const ROOT = '#playbook';

interface Move {
  source: string;
  pointer: string;
  via: 'on' | 'always' | 'after';
  event: string | undefined;
  target: string | undefined;
  guard: unknown;
  actions: unknown[];
  delay: unknown;
}

interface SetAt {
  path: string;
  /** Where it runs: in a state (entry/exit), on a move, or anywhere (playbook, SLAs). */
  where: { kind: 'state'; id: string } | { kind: 'move'; move: Move } | { kind: 'anywhere' };
}

function movesOf(node: JsonObject, pointer: string, source: string): Move[] {
  const moves: Move[] = [];
  const add = (spec: unknown, at: string, via: Move['via'], event?: string): void => {
    if (typeof spec === 'string') {
      moves.push({
        source,
        pointer: at,
        via,
        event,
        target: spec,
        guard: undefined,
        actions: [],
        delay: undefined,
      });
    } else if (isObject(spec)) {
      moves.push({
        source,
        pointer: at,
        via,
        event,
        target: asString(spec.target),
        guard: spec.guard,
        actions: asArray(spec.actions),
        delay: spec.delay,
      });
    }
  };
  for (const [event, spec] of Object.entries(asObject(node.on))) {
    const at = ptr(pointer, 'on', event);
    if (Array.isArray(spec)) spec.forEach((s, i) => add(s, ptr(at, i), 'on', event));
    else add(spec, at, 'on', event);
  }
  if (Array.isArray(node.always)) node.always.forEach((s, i) => add(s, ptr(pointer, 'always', i), 'always'));
  else add(node.always, ptr(pointer, 'always'), 'always');
  asArray(node.after).forEach((s, i) => add(s, ptr(pointer, 'after', i), 'after'));
  return moves;
}

function setPaths(actions: unknown, where: SetAt['where'], out: SetAt[]): void {
  for (const action of asArray(actions)) {
    const a = asObject(action);
    const path = asString(a.path);
    if (a.type !== 'set' || path === undefined || !path.startsWith('/')) continue;
    if ('value' in a && a.value === null && !('from' in a)) continue; // clears the field
    out.push({ path, where });
  }
}

class Playbook {
  readonly moves: Move[] = [];
  readonly sets: SetAt[] = [];
  private readonly edges = new Map<string, string[]>();
  private readonly reverse = new Map<string, string[]>();
  private readonly nodes = new Map<string, JsonObject>();

  constructor(readonly model: Model) {
    const playbook = asObject(model.def.playbook);
    this.nodes.set(ROOT, playbook);
    for (const state of model.states.values()) this.nodes.set(state.id, state.node);
    for (const [id, node] of this.nodes) {
      const pointer = id === ROOT ? '/playbook' : (model.states.get(id)?.pointer ?? '');
      const moves = movesOf(node, pointer, id);
      this.moves.push(...moves);
      const where: SetAt['where'] = id === ROOT ? { kind: 'anywhere' } : { kind: 'state', id };
      setPaths(node.entry, where, this.sets);
      setPaths(node.exit, where, this.sets);
      setPaths(asObject(node.task).onOverdue, where, this.sets);
      for (const move of moves)
        setPaths(move.actions, id === ROOT ? { kind: 'anywhere' } : { kind: 'move', move }, this.sets);
      // Being in a state is being in its parent: the parent's transitions apply.
      if (id !== ROOT) this.edge(id, this.parentOf(id));
      for (const move of moves) {
        if (move.target === undefined || !model.states.has(move.target)) continue;
        for (const entered of this.withDefaults(move.target)) this.edge(id, entered);
      }
    }
    for (const sla of Object.values(asObject(model.def.slas))) {
      for (const key of ['onWarning', 'onGoalMissed', 'onBreach', 'onPassedDeadline'])
        setPaths(asObject(sla)[key], { kind: 'anywhere' }, this.sets);
    }
  }

  private edge(from: string, to: string): void {
    this.edges.set(from, [...(this.edges.get(from) ?? []), to]);
    this.reverse.set(to, [...(this.reverse.get(to) ?? []), from]);
  }

  parentOf(id: string): string {
    return this.model.states.get(id)?.parent ?? ROOT;
  }

  node(id: string): JsonObject {
    return this.nodes.get(id) ?? {};
  }

  childrenOf(id: string): string[] {
    return id === ROOT ? this.model.rootChildren : (this.model.states.get(id)?.children ?? []);
  }

  /** The children entered with a node: the initial one of a compound node, every region of a parallel one. */
  defaultChildren(id: string): string[] {
    const kind = id === ROOT ? this.model.rootKind : this.model.states.get(id)?.kind;
    const children = this.childrenOf(id).filter((c) => this.model.states.has(c));
    if (kind === 'parallel') return children;
    if (kind !== 'compound') return [];
    const initial = asString(this.node(id).initial);
    return initial !== undefined && children.includes(initial) ? [initial] : [];
  }

  /** A node and everything entered with it by default. */
  withDefaults(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (out.includes(next)) continue;
      out.push(next);
      stack.push(...this.defaultChildren(next));
    }
    return out;
  }

  descendantsOf(id: string): string[] {
    const out: string[] = [];
    const stack = [...this.childrenOf(id)];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (out.includes(next) || !this.model.states.has(next)) continue;
      out.push(next);
      stack.push(...this.childrenOf(next));
    }
    return out;
  }

  /** Nodes from which the case can come to be in `id` (itself included), over-approximated. */
  leadingTo(id: string): Set<string> {
    const seen = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      for (const from of this.reverse.get(next) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        queue.push(from);
      }
    }
    return seen;
  }

  /** Nodes whose `on` can take an event while the case is in `id`. */
  activeWith(id: string): string[] {
    const out = new Set<string>([id, ROOT, ...ancestorsOf(this.model, id), ...this.descendantsOf(id)]);
    for (const holder of [id, ...ancestorsOf(this.model, id)]) {
      const parent = this.parentOf(holder);
      const parallel =
        parent === ROOT
          ? this.model.rootKind === 'parallel'
          : this.model.states.get(parent)?.kind === 'parallel';
      if (!parallel) continue;
      for (const region of this.childrenOf(parent)) {
        if (region === holder || !this.model.states.has(region)) continue;
        out.add(region);
        for (const d of this.descendantsOf(region)) out.add(d);
      }
    }
    return [...out];
  }

  /** The states a move enters: the target's ancestors the source is not in, the target, its defaults. */
  entered(move: Move): string[] {
    if (move.target === undefined || !this.model.states.has(move.target)) return [];
    const stays = new Set(move.source === ROOT ? [] : [move.source, ...ancestorsOf(this.model, move.source)]);
    const above = ancestorsOf(this.model, move.target).filter((a) => !stays.has(a));
    return [...above, ...this.withDefaults(move.target)];
  }

  /** The states the case starts in. */
  initialStates(): string[] {
    return this.withDefaults(ROOT).filter((id) => id !== ROOT);
  }
}

export function lintStuckFields(model: Model): Problem[] {
  const def = model.def;
  // Fields are known only through an object schema for the data (else data.not_object says so).
  if (!isObject(def.data) || def.data.type !== 'object') return [];
  const rules = asObject(def.rules);
  const events = asObject(def.events);
  const book = new Playbook(model);
  const always = schemaNeeds(def.data);
  const intake = intakeFields(def);

  const leading = new Map<string, Set<string>>();
  const leadingTo = (id: string): Set<string> => {
    const cached = leading.get(id);
    if (cached !== undefined) return cached;
    const computed = book.leadingTo(id);
    leading.set(id, computed);
    return computed;
  };
  const active = new Map<string, Set<string>>();
  const activeWith = (id: string): Set<string> => {
    const cached = active.get(id);
    if (cached !== undefined) return cached;
    const computed = new Set(book.activeWith(id));
    active.set(id, computed);
    return computed;
  };
  // A set action helps in a state when it can run before the case comes there, or while it is there.
  const setBefore = (id: string, field: string): boolean =>
    book.sets.some((s) => {
      if (!related(s.path, field)) return false;
      const where = s.where;
      if (where.kind === 'anywhere') return true;
      if (where.kind === 'state') return leadingTo(id).has(where.id) || activeWith(id).has(where.id);
      const { move } = where;
      const target = move.target !== undefined && model.states.has(move.target) ? move.target : undefined;
      if (target === undefined) return leadingTo(id).has(move.source) || activeWith(id).has(move.source);
      return leadingTo(id).has(target) || (activeWith(id).has(move.source) && activeWith(id).has(target));
    });
  const carriedIn = (id: string, field: string): boolean =>
    [...activeWith(id)].some((holder) =>
      Object.keys(asObject(book.node(holder).on)).some((name) =>
        // An undeclared event (already an error) may be declared with any payload: cannot tell.
        /^[A-Z]/.test(name) && !isObject(events[name])
          ? true
          : payloadCarries(asObject(events[name]).data, field),
      ),
    );

  const guaranteed = new Map<string, Map<string, boolean>>();
  const guaranteedIn = (id: string, field: string): boolean => {
    let table = guaranteed.get(field);
    if (table === undefined) {
      table = guarantees(
        model,
        book,
        rules,
        field,
        [...always].some((p) => within(p, field)),
      );
      guaranteed.set(field, table);
    }
    return table.get(id) ?? false;
  };

  const fillable = (id: string, field: string): boolean =>
    [...always].some((p) => within(p, field)) ||
    intake.some((f) => related(f, field)) ||
    carriedIn(id, field) ||
    setBefore(id, field) ||
    guaranteedIn(id, field);

  const stuck = (id: string, needs: Set<string>): string[] => {
    const missing = [...needs].filter((field) => !fillable(id, field));
    // The innermost: filling in ‘Claim › Amount’ fills in ‘Claim’ too.
    return missing.filter((field) => !missing.some((other) => other !== field && within(other, field)));
  };
  const fieldParams = (fields: string[]): { fields: string; it: string } => ({
    fields: andList(fields.map((f) => fieldWords(def, f))),
    it: fields.length === 1 ? 'it' : 'them',
  });

  const problems: Problem[] = [];
  for (const state of model.states.values()) {
    if (state.kind === 'final') continue;
    const stateName = stateWords(state.node, state.id);
    asArray(state.node.checklist).forEach((rule, i) => {
      if (typeof rule !== 'string' || !isObject(rules[rule])) return;
      const fields = stuck(state.id, schemaNeeds(rules[rule].schema));
      if (fields.length === 0) return;
      problems.push(
        createProblem('state.checklist_unfillable', ptr(state.pointer, 'checklist', i), {
          state: stateName,
          rule: ruleWords(def, rule),
          ...fieldParams(fields),
        }),
      );
    });
    for (const move of book.moves) {
      if (move.source !== state.id || move.guard === undefined) continue;
      const fields = stuck(state.id, guardNeeds(move.guard, rules));
      if (fields.length === 0) continue;
      problems.push(
        createProblem('transition.guard_unfillable', ptr(move.pointer, 'guard'), {
          state: stateName,
          condition: conditionWords(model, move),
          ...fieldParams(fields),
        }),
      );
    }
  }
  return problems;
}

/** The intake form's fields: the first form section (every top-level field without one) and `data.required`. */
function intakeFields(def: JsonObject): string[] {
  const data = asObject(def.data);
  const sections = asArray(asObject(def.form).sections);
  const first = asObject(sections[0]);
  const shown =
    sections.length > 0
      ? asArray(first.fields)
          .map((f) => (typeof f === 'string' ? f : asString(asObject(f).field)))
          .filter((f): f is string => f !== undefined)
      : Object.keys(asObject(data.properties)).map((k) => ptr('', k));
  const required = asArray(data.required)
    .filter((k): k is string => typeof k === 'string')
    .map((k) => ptr('', k));
  return [...shown, ...required];
}

/**
 * For one field, the states in which every way in guarantees it (greatest fixpoint): a state guarantees it
 * when its parent does, or when each entry does: the start (the data always has it) or a transition whose
 * source guaranteed it, whose guard needs it, or whose actions set it.
 */
function guarantees(
  model: Model,
  book: Playbook,
  rules: JsonObject,
  field: string,
  atStart: boolean,
): Map<string, boolean> {
  const entries = new Map<string, (Move | undefined)[]>();
  const enter = (id: string, move: Move | undefined): void => {
    entries.set(id, [...(entries.get(id) ?? []), move]);
  };
  for (const id of book.initialStates()) enter(id, undefined);
  for (const move of book.moves) for (const id of book.entered(move)) enter(id, move);
  const setsIt = (move: Move): boolean => {
    const sets: SetAt[] = [];
    setPaths(move.actions, { kind: 'move', move }, sets);
    return sets.some((s) => within(s.path, field));
  };
  const table = new Map<string, boolean>([...model.states.keys()].map((id) => [id, true]));
  const brings = (move: Move | undefined): boolean => {
    if (move === undefined) return atStart;
    if (move.source !== ROOT && table.get(move.source) === true) return true;
    return [...guardNeeds(move.guard, rules)].some((p) => within(p, field)) || setsIt(move);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const id of model.states.keys()) {
      if (table.get(id) !== true) continue;
      const parent = book.parentOf(id);
      if (parent !== ROOT && table.get(parent) === true) continue;
      if ((entries.get(id) ?? []).every(brings)) continue;
      table.set(id, false);
      changed = true;
    }
  }
  return table;
}

/** A transition's condition in words: "the condition for ‘Submit triage’ to ‘Investigation’". */
function conditionWords(model: Model, move: Move): string {
  const target =
    move.target === undefined ? '' : ` to ${stateWords(model.states.get(move.target)?.node, move.target)}`;
  if (move.via === 'on') return `the condition for ${eventWords(model.def, move.event ?? '')}${target}`;
  if (move.via === 'always') return `the condition of the automatic move${target === '' ? '' : target}`;
  const delay = typeof move.delay === 'string' ? parseDuration(move.delay) : undefined;
  return `the condition of the wait${delay === undefined ? '' : ` of ${durationWords(delay)}`}${target}`;
}
