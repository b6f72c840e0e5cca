// Path coverage on the canvas: the engine's path enumeration (`dossier test --paths`) measured against
// the saved scenarios, mapped onto the canvas's transitions. Pure.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { CompiledCaseType, CaseData } from '../../../runtime/engine/index.ts';
import { enumeratePaths, formatPath, measureCoverage, runScenario } from '../../../runtime/scenarios/index.ts';
import type { Scenario, PathStep } from '../../../runtime/scenarios/index.ts';
import { buildGraph, type GraphEdge } from '../canvas/flow-graph.ts';

/** `covered`: a scenario went through it; `uncovered`: none did; `unmeasured`: eventless (`always`) edges, taken inside another event's step. */
export type EdgeCoverage = 'covered' | 'uncovered' | 'unmeasured';

export interface CanvasCoverage {
  edges: Record<string, EdgeCoverage>;
  covered: number;
  total: number;
  percent: number;
  cut: string | null;
  paths: { text: string; coveredBy: string[] }[];
  startProblems: string[];
}

/** The state ids named in a state label (`investigating.collect` → investigating, collect). */
function idsOf(label: string): string[] {
  return label.split(/[.{}, ]+/).filter((s) => s !== '');
}

/** The event an edge of the canvas carries in the engine's paths: the event name, or `timer.<id>` for a delay. */
export function edgeEvent(def: CaseType, edge: GraphEdge): string | null {
  if (edge.kind === 'on') return edge.event;
  if (edge.kind === 'always') return null;
  const find = (states: CaseType['playbook']['states'] | undefined): string | null => {
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      if (id === edge.source) {
        const after = node.after?.[edge.index];
        return after ? `timer.${after.id ?? `${id}.${edge.index}`}` : null;
      }
      const inner = find(node.states);
      if (inner !== null) return inner;
    }
    return null;
  };
  return find(def.playbook.states);
}

export function stepMatchesEdge(step: PathStep, event: string, edge: GraphEdge): boolean {
  return step.event === event && idsOf(step.from).includes(edge.source) && idsOf(step.to).includes(edge.target);
}

export function computeCoverage(type: CompiledCaseType, scenarios: readonly Scenario[]): CanvasCoverage {
  const def = type.def;
  const runs = scenarios.map((s) => ({ name: s.name, transitions: runScenario(type, s).transitions }));
  const payloads: Record<string, CaseData[]> = {};
  for (const s of scenarios) for (const step of s.steps) if (step.send !== undefined && step.data !== undefined) (payloads[step.send] ??= []).push(step.data);
  const startData = [...(def.samples ?? []).map((x) => x.data as CaseData), ...scenarios.map((s) => s.data)];
  const enumeration = enumeratePaths(type, { ...(startData.length ? { startData } : {}), payloads });
  const measured = measureCoverage(enumeration, runs);
  const coveredSteps = measured.transitions.filter((t) => t.coveredBy.length > 0);
  // a transition a scenario took that the enumeration did not find still counts as covered
  const taken = runs.flatMap((r) => r.transitions).map((t) => ({ from: JSON.stringify(t.from), event: t.event, to: JSON.stringify(t.to) }));
  const edges: Record<string, EdgeCoverage> = {};
  for (const edge of buildGraph(def, () => undefined).edges) {
    const event = edgeEvent(def, edge);
    if (event === null) edges[edge.id] = 'unmeasured';
    else edges[edge.id] = coveredSteps.some((s) => stepMatchesEdge(s, event, edge)) || taken.some((t) => stepMatchesEdge(t, event, edge)) ? 'covered' : 'uncovered';
  }
  return {
    edges,
    covered: measured.coverage.covered,
    total: measured.coverage.total,
    percent: measured.coverage.percent,
    cut: measured.coverage.cut,
    paths: measured.paths.map((p) => ({ text: formatPath(p.steps), coveredBy: p.coveredBy })),
    startProblems: enumeration.startProblems,
  };
}
