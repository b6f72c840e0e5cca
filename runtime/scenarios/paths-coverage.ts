// Which scenarios cover which paths and transitions. A scenario covers a path when the state
// changes it went through contain the path's transitions in order (a subsequence); it covers a
// transition when it went through it at least once.
import { jsonEqual, stateLabel } from '../engine/index.ts';
import type { PathEnumeration, PathStep } from './paths.ts';
import type { ScenarioTransition } from './scenario-types.ts';

export interface CoveredPath {
  steps: PathStep[];
  coveredBy: string[];
}

export interface CoveredTransition extends PathStep {
  coveredBy: string[];
}

export interface PathCoverage {
  paths: CoveredPath[];
  transitions: CoveredTransition[];
  coverage: {
    covered: number;
    total: number;
    /** Percentage of paths covered, rounded to one decimal; 0 when there are no paths. */
    percent: number;
    /** Why the enumeration stopped early, or null. */
    cut: string | null;
  };
}

export interface ScenarioTrace {
  name: string;
  transitions: readonly ScenarioTransition[];
}

function sameStep(a: PathStep, b: PathStep): boolean {
  return a.from === b.from && a.event === b.event && a.to === b.to;
}

/** The state changes of a scenario run, as path steps (events that left the state as it was are skipped). */
export function traceSteps(transitions: readonly ScenarioTransition[]): PathStep[] {
  return transitions
    .filter((t) => !jsonEqual(t.from, t.to))
    .map((t) => ({ from: stateLabel(t.from), event: t.event, to: stateLabel(t.to) }));
}

/** True when `path` occurs in `trace` in order, not necessarily contiguously. */
export function containsInOrder(trace: readonly PathStep[], path: readonly PathStep[]): boolean {
  let i = 0;
  for (const step of trace) {
    if (i < path.length && sameStep(step, path[i] as PathStep)) i++;
  }
  return i === path.length;
}

export function measureCoverage(
  enumeration: PathEnumeration,
  scenarios: readonly ScenarioTrace[],
): PathCoverage {
  const traces = scenarios.map((s) => ({ name: s.name, steps: traceSteps(s.transitions) }));
  const paths = enumeration.paths.map((steps) => ({
    steps,
    coveredBy: traces.filter((t) => containsInOrder(t.steps, steps)).map((t) => t.name),
  }));
  const transitions = enumeration.transitions.map((step) => ({
    ...step,
    coveredBy: traces.filter((t) => t.steps.some((s) => sameStep(s, step))).map((t) => t.name),
  }));
  const covered = paths.filter((p) => p.coveredBy.length > 0).length;
  const total = paths.length;
  const percent = total === 0 ? 0 : Math.round((covered / total) * 1000) / 10;
  return { paths, transitions, coverage: { covered, total, percent, cut: enumeration.cut } };
}
