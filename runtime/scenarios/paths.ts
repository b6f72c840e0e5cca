// Every simple path through a playbook, from the initial state to a final state, found by running
// the engine itself (createCase, applyEvent, fireTimer) from sample data: an edge is an accepted
// event or a fired timer that changes the state. Used by `dossier test --paths` and the designer.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { PlaybookLoopError, applyEvent, createCase, fireTimer, jsonEqual, stateLabel } from '../engine/index.ts';
import type { Case, CaseData, CompiledCaseType, Instant, Outcome } from '../engine/index.ts';
import { candidatePayloads } from './paths-payloads.ts';
import { SCENARIO_ACTOR, SCENARIO_CASE_ID } from './scenario.ts';
import { DEFAULT_SCENARIO_START } from './scenario-types.ts';

export interface PathStep {
  from: string;
  event: string;
  to: string;
}

export interface PathLimits {
  /** Stop after this many paths. */
  maxPaths: number;
  /** Do not follow a path longer than this many steps. */
  maxDepth: number;
  /** Stop after this many engine calls. */
  maxCalls: number;
}

export const DEFAULT_PATH_LIMITS: PathLimits = { maxPaths: 500, maxDepth: 40, maxCalls: 20_000 };

/** At most this many timers are fired in a row looking for one that changes the state. */
const MAX_TIMER_CHAIN = 100;

export interface PathEnumeration {
  paths: PathStep[][];
  /** Every distinct state-changing edge found, in discovery order (loops back included). */
  transitions: PathStep[];
  /** Why the enumeration stopped early, or null when it is complete. */
  cut: string | null;
  /** Start data that the engine did not accept, with the reason. */
  startProblems: string[];
}

export interface EnumeratePathsOptions {
  /** Case data to start from; default the definition's samples, or `{}` when it has none. */
  startData?: CaseData[];
  /** Known payloads per event (e.g. those the scenarios send), tried before generated ones. */
  payloads?: { [event: string]: CaseData[] };
  start?: Instant;
  limits?: Partial<PathLimits>;
}

/** One path as text: `triage -SUBMIT-> investigating.collect -DONE-> closed`. */
export function formatPath(steps: readonly PathStep[]): string {
  if (steps.length === 0) return '';
  return [steps[0]?.from ?? '', ...steps.map((s) => `-${s.event}-> ${s.to}`)].join(' ');
}

/** The event names a playbook handles in `on` anywhere, plus the defined events, minus timer and SLA events. */
function candidateEvents(def: CaseType): string[] {
  const names = new Set(Object.keys(def.events ?? {}));
  const visit = (node: { on?: Record<string, unknown>; states?: Record<string, unknown> }): void => {
    for (const name of Object.keys(node.on ?? {})) names.add(name);
    for (const child of Object.values(node.states ?? {})) if (child) visit(child as typeof node);
  };
  visit(def.playbook as unknown as { on?: Record<string, unknown>; states?: Record<string, unknown> });
  return [...names].filter((name) => !name.startsWith('timer.') && !name.startsWith('sla.'));
}

function isFinal(def: CaseType, kase: Case): boolean {
  if (kase.closedAt !== null) return true;
  return typeof kase.state === 'string' && def.playbook.states[kase.state]?.type === 'final';
}

/** An event on which the playbook loops (PlaybookLoopError) counts as not taken. */
function settled(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    if (error instanceof PlaybookLoopError)
      return { ok: false, code: 'event.not_accepted', message: error.message, problems: [] };
    throw error;
  }
}

interface Edge {
  event: string;
  next: Case;
}

/** Enumerates the simple paths (no state visited twice) from the initial state to a final state. */
export function enumeratePaths(type: CompiledCaseType, options: EnumeratePathsOptions = {}): PathEnumeration {
  const def = type.def;
  const limits: PathLimits = { ...DEFAULT_PATH_LIMITS, ...options.limits };
  const start = new Date(Date.parse(options.start ?? DEFAULT_SCENARIO_START)).toISOString();
  const events = candidateEvents(def);
  const payloads = new Map(
    events.map((name) => [name, candidatePayloads(def.events?.[name]?.data, options.payloads?.[name] ?? [])]),
  );
  const result: PathEnumeration = { paths: [], transitions: [], cut: null, startProblems: [] };
  const seenPaths = new Set<string>();
  const seenEdges = new Set<string>();
  const edgeCache = new Map<string, Edge[]>();
  let calls = 0;

  const budget = (): boolean => {
    if (calls < limits.maxCalls) return true;
    result.cut ??= `the limit of ${limits.maxCalls} engine calls was reached`;
    return false;
  };

  const timerEdge = (kase: Case): Edge | null => {
    let current = kase;
    for (let i = 0; i < MAX_TIMER_CHAIN && budget(); i++) {
      const next = [...current.timers].sort(
        (a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id),
      )[0];
      if (next === undefined) return null;
      const at = next.dueAt > current.updatedAt ? next.dueAt : current.updatedAt;
      calls++;
      const outcome = settled(() => fireTimer(type, current, next.id, at));
      if (!outcome.ok) return null;
      if (!jsonEqual(outcome.case.state, kase.state)) return { event: next.event, next: outcome.case };
      current = outcome.case;
    }
    return null;
  };

  const edgesOf = (kase: Case): Edge[] => {
    const key = JSON.stringify([kase.state, kase.data, kase.timers.map((t) => [t.id, t.dueAt])]);
    const cached = edgeCache.get(key);
    if (cached) return cached;
    const edges: Edge[] = [];
    for (const event of events) {
      const targets = new Set<string>();
      for (const payload of payloads.get(event) ?? [{}]) {
        if (!budget()) break;
        calls++;
        const outcome = settled(() =>
          applyEvent(type, kase, { type: event, data: payload }, kase.updatedAt, SCENARIO_ACTOR),
        );
        if (!outcome.ok) {
          if (outcome.code === 'event.not_accepted' || outcome.code === 'event.unknown') break;
          continue;
        }
        const to = stateLabel(outcome.case.state);
        if (jsonEqual(outcome.case.state, kase.state) || targets.has(to)) continue;
        targets.add(to);
        edges.push({ event, next: outcome.case });
      }
    }
    const timer = timerEdge(kase);
    if (timer) edges.push(timer);
    edgeCache.set(key, edges);
    return edges;
  };

  const walk = (kase: Case, visited: Set<string>, steps: PathStep[]): void => {
    if (result.paths.length >= limits.maxPaths) {
      result.cut ??= `the limit of ${limits.maxPaths} paths was reached`;
      return;
    }
    if (isFinal(def, kase)) {
      const text = formatPath(steps);
      if (steps.length > 0 && !seenPaths.has(text)) {
        seenPaths.add(text);
        result.paths.push(steps);
      }
      return;
    }
    if (steps.length >= limits.maxDepth) {
      result.cut ??= `paths longer than ${limits.maxDepth} steps were not followed`;
      return;
    }
    const from = stateLabel(kase.state);
    for (const edge of edgesOf(kase)) {
      const step: PathStep = { from, event: edge.event, to: stateLabel(edge.next.state) };
      const edgeKey = `${step.from}\u0000${step.event}\u0000${step.to}`;
      if (!seenEdges.has(edgeKey)) {
        seenEdges.add(edgeKey);
        result.transitions.push(step);
      }
      if (visited.has(step.to)) continue;
      visited.add(step.to);
      walk(edge.next, visited, [...steps, step]);
      visited.delete(step.to);
    }
  };

  const starts =
    options.startData ?? (def.samples?.length ? def.samples.map((s) => s.data as CaseData) : [{}]);
  for (const [i, data] of starts.entries()) {
    calls++;
    const created = createCase(type, { id: SCENARIO_CASE_ID, data }, start, SCENARIO_ACTOR);
    if (!created.ok) {
      result.startProblems.push(`start data ${i + 1}: ${created.code}: ${created.message}`);
      continue;
    }
    walk(created.case, new Set([stateLabel(created.case.state)]), []);
  }
  return result;
}
