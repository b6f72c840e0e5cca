// The process map (docs/reports.md, Process map): the store's directly-follows rows of a case type, set
// against the case type's published definition: which designed transitions were never taken, which edges
// are loops, which is the slowest. Pure: the rows and the definition in, the answer out.
import type { CaseType, StateNode, TransitionSpec } from '../../schemas/generated/case-type.ts';
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
  /** The definition has this transition (an `on` event of the source state to the target). */
  designed: boolean;
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
  /** Designed transitions no case took in the window, in the definition's order. */
  neverTaken: ProcessMapEdge[];
  loops: ProcessMapEdge[];
  /** The edge with the longest median time before it (ties: the most taken); null when no edge has a time. */
  slowest: (ProcessMapEdge & { medianMs: number }) | null;
}

const specList = (spec: TransitionSpec | undefined): { target?: string }[] =>
  spec === undefined ? [] : typeof spec === 'string' ? [{ target: spec }] : Array.isArray(spec) ? spec : [spec];

/** The designed transitions of a definition: every `on` event of every state (at any depth) that has a target, once each. */
export function designedTransitions(definition: CaseType): ProcessMapEdge[] {
  const out: ProcessMapEdge[] = [];
  const seen = new Set<string>();
  const visit = (states: Record<string, StateNode | undefined> | undefined) => {
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      for (const [event, spec] of Object.entries(node.on ?? {})) {
        for (const t of specList(spec)) {
          if (t.target === undefined) continue;
          const key = JSON.stringify([id, event, t.target]);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ source: id, event, target: t.target });
        }
      }
      visit(node.states);
    }
  };
  visit(definition.playbook.states);
  return out;
}

const keyOf = (e: ProcessMapEdge) => JSON.stringify([e.source, e.event, e.target]);

export function processMapReport(caseType: string, version: number, definition: CaseType, rows: ProcessMapRows): ProcessMapReport {
  const designed = designedTransitions(definition);
  const designedKeys = new Set(designed.map(keyOf));
  const starts = new Map<string, number>();
  const edges: ProcessMapEdgeView[] = [];
  for (const row of rows.edges) {
    if (row.source === '') {
      starts.set(row.target, (starts.get(row.target) ?? 0) + row.cases);
      continue;
    }
    edges.push({ ...row, loop: row.source === row.target || row.revisits > 0, designed: designedKeys.has(keyOf(row)) });
  }
  edges.sort((a, b) => b.count - a.count || keyOf(a).localeCompare(keyOf(b)));
  const taken = new Set(edges.map(keyOf));
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
