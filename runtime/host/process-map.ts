// The process map (docs/reports.md, Process map): the store's directly-follows rows of a case type, set
// against the case type's published definition: which designed transitions were never taken, which edges
// are loops, which is the slowest. Pure: the rows and the definition in, the answer out.
import type { CaseType, StateNode } from '../../schemas/generated/case-type.ts';
import { activeStateIds, leafStateIds, toTransitions, type StateValue } from '../engine/index.ts';
import type { ProcessMapEdge, ProcessMapRows } from '../store/case-store.ts';

export interface ProcessMapEdgeView extends ProcessMapEdge {
  count: number;
  cases: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** Entries that re-entered a state the case had been in before. */
  revisits: number;
  /** A self-edge, or an edge some case took back into a state it had been in. */
  loop: boolean;
  /** The definition has this transition (an `on` event of a state active in the source to a state active in the target). */
  designed: boolean;
  /** The playbook states the edge is drawn between (state ids, as on the canvas): the designed transition's
   * source and target when it is one, else the leaf that was left and the leaf that was entered. */
  sourceState: string;
  targetState: string;
}

export interface ProcessMapReport {
  caseType: string;
  /** The published version the design is read from: the one asked for, or the latest. */
  version: number;
  nodes: { state: string; visits: number; cases: number }[];
  /** Cases created in the window, by the state they began in. */
  starts: { state: string; cases: number }[];
  /** Cases closed in the window, by the state they closed in. */
  ends: { state: string; cases: number }[];
  /** Most taken first (then by source, event, target). */
  edges: ProcessMapEdgeView[];
  /** Designed transitions no case took in the window, in the definition's order (targets as state ids). */
  neverTaken: ProcessMapEdge[];
  loops: ProcessMapEdge[];
  /** The edge with the longest median time before it (ties: the most taken); null when no edge has a time. */
  slowest: (ProcessMapEdge & { medianMs: number }) | null;
}

/** A target as a state id: `#id`, `.child` and `a.b` name the last state of the path (state ids are unique, lint state.duplicate_id). */
export const targetState = (target: string): string => target.replace(/^#/, '').split('.').at(-1) ?? target;

/** The designed transitions of a definition: every `on` event of every state (at any depth) that has a target, once
 * each; the target as a state id (targetState). */
export function designedTransitions(definition: CaseType): ProcessMapEdge[] {
  const out: ProcessMapEdge[] = [];
  const seen = new Set<string>();
  const visit = (states: Record<string, StateNode | undefined> | undefined) => {
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      for (const [event, spec] of Object.entries(node.on ?? {})) {
        for (const t of toTransitions(spec)) {
          if (t.target === undefined) continue;
          const target = targetState(t.target);
          const key = JSON.stringify([id, event, target]);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ source: id, event, target });
        }
      }
      visit(node.states);
    }
  };
  visit(definition.playbook.states);
  return out;
}

const keyOf = (e: ProcessMapEdge) => JSON.stringify([e.source, e.event, e.target]);

/** A state key of the history (a state id, or the JSON text of a nested or parallel value): its leaves, and
 * every state active in it (the leaves and their ancestors). */
export function activeStates(key: string): { leaves: string[]; active: Set<string> } {
  let value: StateValue = key;
  if (key.startsWith('{')) {
    try {
      value = JSON.parse(key) as StateValue;
    } catch {
      value = key;
    }
  }
  return { leaves: leafStateIds(value), active: new Set(activeStateIds(value)) };
}

/** The designed transition a history edge took: one with its event from a state active in the source (a leaf
 * first: the deepest state handles an event) to a state active in the target; null when none. */
function designedMatch(byEvent: Map<string, ProcessMapEdge[]>, edge: ProcessMapEdge): ProcessMapEdge | null {
  const from = activeStates(edge.source);
  const to = activeStates(edge.target).active;
  const candidates = (byEvent.get(edge.event) ?? []).filter((d) => from.active.has(d.source) && to.has(d.target));
  return candidates.find((d) => from.leaves.includes(d.source)) ?? candidates[0] ?? null;
}

/** Where an edge no designed transition explains is drawn: the first leaf left and the first leaf entered. */
function drawnBetween(edge: ProcessMapEdge): { sourceState: string; targetState: string } {
  const from = activeStates(edge.source).leaves;
  const to = activeStates(edge.target).leaves;
  const left = from.find((s) => !to.includes(s)) ?? from[0] ?? edge.source;
  const entered = to.find((s) => !from.includes(s)) ?? to[0] ?? edge.target;
  return { sourceState: left, targetState: entered };
}

export function processMapReport(caseType: string, version: number, definition: CaseType, rows: ProcessMapRows): ProcessMapReport {
  const designed = designedTransitions(definition);
  const byEvent = new Map<string, ProcessMapEdge[]>();
  for (const d of designed) byEvent.set(d.event, [...(byEvent.get(d.event) ?? []), d]);
  const taken = new Set<string>();
  const starts = new Map<string, number>();
  const edges: ProcessMapEdgeView[] = [];
  for (const row of rows.edges) {
    if (row.source === '') {
      starts.set(row.target, (starts.get(row.target) ?? 0) + row.cases);
      continue;
    }
    const match = designedMatch(byEvent, row);
    if (match !== null) taken.add(keyOf(match));
    const drawn = match === null ? drawnBetween(row) : { sourceState: match.source, targetState: match.target };
    edges.push({ ...row, loop: row.source === row.target || row.revisits > 0, designed: match !== null, ...drawn });
  }
  edges.sort((a, b) => b.count - a.count || keyOf(a).localeCompare(keyOf(b)));
  let slowest: ProcessMapReport['slowest'] = null;
  for (const e of edges) {
    if (e.medianMs === null) continue;
    if (slowest === null || e.medianMs > slowest.medianMs) slowest = { source: e.source, event: e.event, target: e.target, medianMs: e.medianMs };
  }
  const edgeOnly = ({ source, event, target }: ProcessMapEdge): ProcessMapEdge => ({ source, event, target });
  return {
    caseType,
    version,
    nodes: rows.nodes,
    starts: [...starts].map(([state, cases]) => ({ state, cases })),
    ends: rows.ends,
    edges,
    neverTaken: designed.filter((d) => !taken.has(keyOf(d))),
    loops: edges.filter((e) => e.loop).map(edgeOnly),
    slowest,
  };
}
