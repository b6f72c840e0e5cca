// The expectations of a scenario step, checked against the case after the step. Each check returns
// null when it holds, or a failure naming what was expected and what was found.
import type { Case, JsonValue, SlaInstance, StateValue } from '../engine/index.ts';
import { escapePointerToken, getAtPointer, jsonEqual } from '../engine/index.ts';
import type { ScenarioExpect, ScenarioFailure } from './scenario-types.ts';

function failure(
  check: ScenarioFailure['check'],
  message: string,
  expected: JsonValue,
  actual: JsonValue,
): ScenarioFailure {
  return { check, message, expected, actual, problems: [] };
}

/** The keys of the active leaf states of a state value (state ids are unique, docs/semantics.md). */
export function activeLeaves(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap((child) => activeLeaves(child));
}

/**
 * A string matches when it equals the state value (an atomic top-level state) or the id of an
 * active leaf state (`collect` matches `{"investigating": "collect"}`, and each region's leaf of a
 * parallel state); an object must equal the state value exactly.
 */
export function stateMatches(expected: StateValue, actual: StateValue): boolean {
  if (typeof expected === 'string') return expected === actual || activeLeaves(actual).includes(expected);
  return jsonEqual(expected, actual);
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Subset match: every member of an expected object must be present in the actual object and match;
 * arrays must have the same length and match element by element; anything else must be equal.
 * Returns the pointer of the first mismatch, or null.
 */
export function subsetMismatch(
  expected: JsonValue,
  actual: JsonValue | undefined,
  pointer = '',
): string | null {
  if (isRecord(expected)) {
    if (!isRecord(actual)) return pointer;
    for (const [key, value] of Object.entries(expected)) {
      const at = `${pointer}/${escapePointerToken(key)}`;
      if (!Object.prototype.hasOwnProperty.call(actual, key)) return at;
      const inner = subsetMismatch(value, actual[key], at);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return pointer;
    for (let i = 0; i < expected.length; i++) {
      const inner = subsetMismatch(expected[i] as JsonValue, actual[i], `${pointer}/${i}`);
      if (inner !== null) return inner;
    }
    return null;
  }
  return actual !== undefined && jsonEqual(expected, actual) ? null : pointer;
}

/** The latest record of an SLA: the one with the highest reset count (`<name>#<n>`), else the last. */
export function latestSla(slas: readonly SlaInstance[], name: string): SlaInstance | undefined {
  let latest: SlaInstance | undefined;
  let latestN = -Infinity;
  for (const sla of slas) {
    if (sla.name !== name) continue;
    const n = Number(sla.id.slice(sla.id.lastIndexOf('#') + 1));
    const rank = Number.isFinite(n) ? n : latestN;
    if (rank >= latestN) {
      latest = sla;
      latestN = rank;
    }
  }
  return latest;
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/** Checks state, data, priority, tasks and slas, in that order; the first failure or null. */
export function checkCase(expect: ScenarioExpect, kase: Case): ScenarioFailure | null {
  if (expect.state !== undefined && !stateMatches(expect.state, kase.state)) {
    return failure(
      'state',
      `state is ${JSON.stringify(kase.state)}, expected ${JSON.stringify(expect.state)}`,
      expect.state,
      kase.state,
    );
  }
  if (expect.data !== undefined) {
    const at = subsetMismatch(expect.data, kase.data);
    if (at !== null) {
      const want = getAtPointer(expect.data, at) as JsonValue;
      const got = getAtPointer(kase.data, at);
      return failure(
        'data',
        `data ${at === '' ? '(the whole data)' : at} is ${show(got)}, expected ${JSON.stringify(want)}`,
        want,
        got ?? null,
      );
    }
  }
  if (expect.priority !== undefined && expect.priority !== kase.priority) {
    return failure(
      'priority',
      `priority is ${JSON.stringify(kase.priority)}, expected ${JSON.stringify(expect.priority)}`,
      expect.priority,
      kase.priority,
    );
  }
  if (expect.tasks !== undefined) {
    const want = [...expect.tasks].sort();
    const got = kase.tasks.map((t) => t.title).sort();
    if (!jsonEqual(want, got)) {
      return failure(
        'tasks',
        `open tasks are ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
        want,
        got,
      );
    }
  }
  if (expect.slas !== undefined) {
    for (const [name, status] of Object.entries(expect.slas)) {
      const got = latestSla(kase.slas, name)?.status ?? null;
      if (got !== status) {
        return failure(
          'slas',
          got === null
            ? `SLA ${name} has no record, expected ${JSON.stringify(status)}`
            : `SLA ${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(status)}`,
          status,
          got,
        );
      }
    }
  }
  return null;
}
