// The playbook as a case life cycle (issue 16): the top-level states as stages, in the order a case normally
// passes them, each with its steps (child states), the tasks opened in it and the SLAs that run in it. The
// stage view and the worker console's life-cycle strip both draw this; edits go through states.ts.
//
// Order of the stages: the primary path is the longest path, without loops, from the initial state to a final
// state along the playbook's transitions (a transition of a step counts for its stage). Then the alternate
// stages (reached from the start, off the primary path) in flow order, then the stages no transition reaches,
// in definition order, and the final states last (the primary path's end first). Steps keep the definition's
// order: the analyst orders them (moveStep); the step a stage starts in is marked.
// Pure: no React, no DOM.
import type { CaseType, Playbook, SlaCondition, StateNode, Transition } from '../../../schemas/generated/case-type.ts';
import { durationInWords } from '../canvas/edge-labels.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { clone } from './clone.ts';
import { stateIdFromTitle } from './ids.ts';
import { addRegion } from './parallel.ts';
import { addState, findState, hasState } from './states.ts';
import { specToList } from './transitions.ts';

/** Where a stage lies: on the primary path, reached off it, or reached by no transition from the start. */
export type StagePath = 'primary' | 'alternate' | 'unreached';

export interface LifeCycleTask {
  title: string;
  /** The queue's title (its name when untitled), or null. */
  queue: string | null;
  /** The role's title, or null. */
  role: string | null;
  /** The task's due time in words ("2 days"), or null. */
  due: string | null;
}

export interface LifeCycleStep {
  id: string;
  title: string;
  final: boolean;
  /** The step its stage starts in. */
  starts: boolean;
  task: LifeCycleTask | null;
  /** Its own steps (the regions of a parallel stage have steps), in definition order. */
  steps: LifeCycleStep[];
}

/** How an SLA stands in a stage: it starts there, runs on through it, or is paused while the case is there. */
export type SlaPhase = 'starts' | 'runs' | 'paused';

export interface LifeCycleSla {
  name: string;
  title: string;
  phase: SlaPhase;
  /** The SLA in words: "Resolution: within 5 working days (goal 3 working days)". */
  text: string;
}

export interface LifeCycleStage extends LifeCycleStep {
  path: StagePath;
  /** A parallel stage: its steps (regions) run at the same time. */
  parallel: boolean;
  /** Every task opened in the stage: its own, then its steps' (depth first), each with the step's title. */
  tasks: { step: string | null; task: LifeCycleTask }[];
  slas: LifeCycleSla[];
}

type Parent = Playbook | StateNode;
const titleOf = (id: string, node: StateNode | undefined): string => node?.title || id;

function taskOf(def: CaseType, node: StateNode, words: Words): LifeCycleTask | null {
  const t = node.task;
  if (!t) return null;
  const queue = t.queue ? (def.queues?.[t.queue]?.title ?? t.queue) : null;
  const role = t.role ? (def.roles?.[t.role]?.title ?? t.role) : null;
  const working = (t as { calendar?: string }).calendar !== undefined;
  return { title: t.title, queue, role, due: t.due ? durationInWords(t.due, working, words) : null };
}

function stepOf(def: CaseType, id: string, node: StateNode, parent: Parent, words: Words): LifeCycleStep {
  return {
    id,
    title: titleOf(id, node),
    final: node.type === 'final',
    starts: parent.initial === id,
    task: taskOf(def, node, words),
    steps: Object.entries(node.states ?? {}).flatMap(([k, v]) => (v ? [stepOf(def, k, v, node, words)] : [])),
  };
}

/** Every transition target in a state's subtree (`on`, `always`, `after`). */
function targetsIn(node: Parent): string[] {
  const out: string[] = [];
  const add = (t: Transition) => {
    if (t.target !== undefined) out.push(t.target);
  };
  for (const spec of Object.values(node.on ?? {})) specToList(spec).forEach(add);
  const always = (node as StateNode).always;
  if (always) (Array.isArray(always) ? always : [always]).forEach(add);
  for (const a of (node as StateNode).after ?? []) if (a.target !== undefined) out.push(a.target);
  for (const child of Object.values(node.states ?? {})) if (child) out.push(...targetsIn(child));
  return out;
}

/** Top-level state id → the top-level state holding each state id (itself for a top-level one). */
function stageIndex(def: CaseType): Map<string, string> {
  const of = new Map<string, string>();
  const walk = (node: StateNode, stage: string) => {
    for (const [k, v] of Object.entries(node.states ?? {})) {
      if (!v) continue;
      of.set(k, stage);
      walk(v, stage);
    }
  };
  for (const [id, node] of Object.entries(def.playbook.states ?? {})) {
    if (!node) continue;
    of.set(id, id);
    walk(node, id);
  }
  return of;
}

interface StageGraph {
  ids: string[];
  edges: Map<string, string[]>;
  stageOf: Map<string, string>;
}

function stageGraph(def: CaseType): StageGraph {
  const stageOf = stageIndex(def);
  const ids = Object.entries(def.playbook.states ?? {}).flatMap(([k, v]) => (v ? [k] : []));
  const edges = new Map<string, string[]>();
  for (const id of ids) {
    const node = def.playbook.states?.[id] as StateNode;
    const to: string[] = [];
    for (const t of targetsIn(node)) {
      const s = stageOf.get(t);
      if (s !== undefined && s !== id && !to.includes(s)) to.push(s);
    }
    edges.set(id, to);
  }
  return { ids, edges, stageOf };
}

/** The stage order and each stage's path (see the head of this file). */
export function stageOrder(def: CaseType): { id: string; path: StagePath }[] {
  const { ids, edges, stageOf } = stageGraph(def);
  const isFinal = (id: string) => def.playbook.states?.[id]?.type === 'final';
  const initial = def.playbook.initial !== undefined && ids.includes(def.playbook.initial) ? def.playbook.initial : undefined;
  // depth first from the initial state: postorder, and the edges back into the current path (loops)
  const post: string[] = [];
  const seen = new Set<string>();
  const onPath = new Set<string>();
  const back = new Set<string>();
  const visit = (id: string) => {
    seen.add(id);
    onPath.add(id);
    for (const to of edges.get(id) ?? []) {
      if (onPath.has(to)) back.add(`${id}>${to}`);
      else if (!seen.has(to)) visit(to);
    }
    onPath.delete(id);
    post.push(id);
  };
  if (initial !== undefined) visit(initial);
  const fromStart = new Set(seen);
  // the playbook's own transitions apply in every state: their targets are reached too, off the primary path
  for (const t of targetsIn({ on: def.playbook.on ?? {} } as Parent)) {
    const s = stageOf.get(t);
    if (s !== undefined && !seen.has(s)) visit(s);
  }
  const flow = [...post].reverse();
  // the longest loop-free path from the initial state
  const dist = new Map<string, number>();
  const pred = new Map<string, string>();
  if (initial !== undefined) dist.set(initial, 0);
  for (const id of flow) {
    const d = dist.get(id);
    if (d === undefined || !fromStart.has(id)) continue;
    for (const to of edges.get(id) ?? []) {
      if (back.has(`${id}>${to}`)) continue;
      if (d + 1 > (dist.get(to) ?? -1)) {
        dist.set(to, d + 1);
        pred.set(to, id);
      }
    }
  }
  const farthest = (list: string[]) => list.reduce<string | undefined>((best, id) => (best === undefined || (dist.get(id) ?? -1) > (dist.get(best) ?? -1) ? id : best), undefined);
  const reachedFinals = ids.filter((id) => isFinal(id) && dist.has(id));
  const end = reachedFinals.length > 0 ? farthest(reachedFinals) : farthest(ids.filter((id) => dist.has(id)));
  const primary: string[] = [];
  for (let at = end; at !== undefined; at = pred.get(at)) primary.unshift(at);
  const onPrimary = new Set(primary);
  const path = (id: string): StagePath => (onPrimary.has(id) ? 'primary' : seen.has(id) ? 'alternate' : 'unreached');
  const order = [
    ...primary.filter((id) => !isFinal(id)),
    ...flow.filter((id) => !onPrimary.has(id) && !isFinal(id)),
    ...ids.filter((id) => !seen.has(id) && !isFinal(id)),
    ...primary.filter(isFinal),
    ...ids.filter((id) => isFinal(id) && !onPrimary.has(id)),
  ];
  return order.map((id) => ({ id, path: path(id) }));
}

/** The stages an SLA condition names: states entered or occupied, and where the events it names lead. */
function conditionStages(def: CaseType, cond: SlaCondition | undefined, stageOf: Map<string, string>): { stages: Set<string>; nested: Set<string> } {
  const stages = new Set<string>();
  const nested = new Set<string>();
  if (!cond) return { stages, nested };
  for (const id of [...(cond.enter ?? []), ...(cond.in ?? [])]) {
    const s = stageOf.get(id);
    if (s === undefined) continue;
    (s === id ? stages : nested).add(s);
  }
  for (const event of cond.event ?? []) {
    if (event === 'case.created') continue;
    for (const [source, stage] of stageOf) {
      const at = findState(def.playbook, source)?.node;
      for (const t of specToList(at?.on?.[event])) {
        const s = t.target === undefined ? stage : stageOf.get(t.target);
        if (s !== undefined) (t.target === undefined || s !== t.target ? nested : stages).add(s);
      }
    }
  }
  return { stages, nested };
}

function slaText(title: string, deadline: string, goal: string | undefined, working: boolean, words: Words): string {
  const text = deadline ? words.t('model.stages.slaWithin', { title, duration: durationInWords(deadline, working, words) }) : title;
  return goal ? words.t('model.stages.slaGoal', { text, goal: durationInWords(goal, working, words) }) : text;
}

/** SLA name → stage id → how it stands there. Followed along the transitions from where it starts to where it stops. */
function slaPhases(def: CaseType, graph: StageGraph): Map<string, Map<string, SlaPhase>> {
  const out = new Map<string, Map<string, SlaPhase>>();
  const initial = def.playbook.initial;
  const isFinal = (id: string) => def.playbook.states?.[id]?.type === 'final';
  for (const [name, sla] of Object.entries(def.slas ?? {})) {
    if (!sla) continue;
    const start = conditionStages(def, sla.start, graph.stageOf);
    const starts = new Set([...start.stages, ...start.nested]);
    // on case creation, on a rule, or on an event no transition handles: from the start of the case
    const fromCreation = (sla.start.event ?? ([] as string[])).includes('case.created') || sla.start.rule !== undefined || starts.size === 0;
    if (fromCreation && initial !== undefined) starts.add(initial);
    const stop = conditionStages(def, sla.stop, graph.stageOf);
    const cancel = conditionStages(def, sla.cancel, graph.stageOf);
    const stopped = new Set([...stop.stages, ...cancel.stages]);
    const haltAfter = new Set([...stop.nested, ...cancel.nested]);
    const paused = conditionStages(def, sla.pause, graph.stageOf).stages;
    const phases = new Map<string, SlaPhase>();
    const queue = [...starts].filter((s) => !isFinal(s));
    for (const s of queue) phases.set(s, 'starts');
    while (queue.length > 0) {
      const at = queue.shift() as string;
      if (haltAfter.has(at)) continue;
      for (const to of graph.edges.get(at) ?? []) {
        if (phases.has(to) || stopped.has(to) || isFinal(to)) continue;
        phases.set(to, paused.has(to) ? 'paused' : 'runs');
        queue.push(to);
      }
    }
    out.set(name, phases);
  }
  return out;
}

/** The case type's life cycle: stages in order, with their steps, tasks and SLAs (durations and SLA texts in `words`). */
export function lifeCycle(def: CaseType, words: Words = ENGLISH): LifeCycleStage[] {
  const graph = stageGraph(def);
  const phases = slaPhases(def, graph);
  return stageOrder(def).map(({ id, path }) => {
    const node = def.playbook.states?.[id] as StateNode;
    const step = stepOf(def, id, node, def.playbook, words);
    const tasks: LifeCycleStage['tasks'] = [];
    const collect = (s: LifeCycleStep, own: boolean) => {
      if (s.task) tasks.push({ step: own ? null : s.title, task: s.task });
      for (const c of s.steps) collect(c, false);
    };
    collect(step, true);
    const slas: LifeCycleSla[] = [];
    for (const [name, byStage] of phases) {
      const phase = byStage.get(id);
      const sla = def.slas?.[name];
      if (!phase || !sla) continue;
      const title = sla.title ?? name;
      slas.push({ name, title, phase, text: slaText(title, sla.deadline, sla.goal, sla.calendar !== undefined, words) });
    }
    return { ...step, path, parallel: node.type === 'parallel', tasks, slas };
  });
}

/** A state id for a new stage or step, from its title and unique across the playbook ("Review" → review, review2…). */
export function newStateId(def: CaseType, title: string, fallback: string): string {
  const base = stateIdFromTitle(title) || fallback;
  if (!hasState(def, base)) return base;
  for (let n = 2; ; n++) if (!hasState(def, `${base}${n}`)) return `${base}${n}`;
}

/** Adds a stage (a top-level state) with this title; `id` is the new state's (newStateId by default). */
export function addStage(def: CaseType, title: string, id = newStateId(def, title, 'stage')): CaseType {
  return addState(def, { id, title: title.trim() });
}

/** Adds a step to a stage (a region to a parallel stage); a stage's first step is where it starts. */
export function addStep(def: CaseType, stageId: string, title: string, id = newStateId(def, title, 'step')): CaseType {
  const stage = findState(def.playbook, stageId)?.node;
  if (!stage || stage.type === 'final') return def;
  return stage.type === 'parallel' ? addRegion(def, stageId, { id, title: title.trim() }) : addState(def, { id, title: title.trim(), parent: stageId });
}

/** Moves a step one place up (-1) or down (+1) among its siblings: the definition's order, which the stage view shows. */
export function moveStep(def: CaseType, id: string, by: -1 | 1): CaseType {
  const next = clone(def);
  const found = findState(next.playbook, id);
  const states = found?.parent.states;
  if (!found || !states) return def;
  const keys = Object.keys(states);
  const from = keys.indexOf(id);
  const to = from + by;
  if (to < 0 || to >= keys.length) return def;
  [keys[from], keys[to]] = [keys[to] as string, id];
  found.parent.states = Object.fromEntries(keys.map((k) => [k, states[k]]));
  return next;
}

/** An engine state value: a state id, or a stage → its steps' value (parallel regions side by side). */
export type LifeCycleValue = string | { [id: string]: LifeCycleValue };

function topIds(value: LifeCycleValue): string[] {
  return typeof value === 'string' ? [value] : Object.keys(value);
}

export interface CasePosition {
  stage: LifeCycleStage | null;
  /** The steps the case is in within its stage (several in a parallel stage), in the stage's order. */
  steps: LifeCycleStep[];
  /** Ids of the stages the case has been in before (from its history, else the primary stages before this one). */
  done: Set<string>;
}

/** Where a case is on its life cycle: its state value now and, when known, the state values it has been in. */
export function casePosition(stages: LifeCycleStage[], state: LifeCycleValue, visited: readonly LifeCycleValue[] | null): CasePosition {
  const [current] = topIds(state);
  const stage = stages.find((s) => s.id === current) ?? null;
  const inner = typeof state === 'string' || current === undefined ? undefined : state[current];
  const stepIds = inner === undefined ? [] : topIds(inner);
  const steps = stage ? stage.steps.filter((s) => stepIds.includes(s.id)) : [];
  const done = new Set<string>();
  if (visited && visited.length > 0) {
    for (const v of visited) for (const id of topIds(v)) if (id !== current) done.add(id);
  } else if (stage) {
    for (const s of stages) {
      if (s.id === stage.id) break;
      if (s.path === 'primary') done.add(s.id);
    }
  }
  return { stage, steps, done };
}
