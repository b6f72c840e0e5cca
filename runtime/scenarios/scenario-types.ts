// The shapes of a scenario file (`*.scenario.json`, README "Command line") and of its result.
// The JSON Schema of the file is schemas/scenario.schema.json; these types mirror it.
import type { Priority } from '../../schemas/generated/case-type.ts';
import type {
  CaseData,
  Instant,
  JsonValue,
  RejectionCode,
  SlaStatus,
  StateValue,
  Case,
  FieldProblem,
} from '../engine/index.ts';

export interface ScenarioExpect {
  state?: StateValue;
  data?: CaseData;
  rejected?: RejectionCode;
  slas?: { [name: string]: SlaStatus };
  tasks?: string[];
  priority?: Priority;
}

export interface ScenarioStep {
  description?: string;
  send?: string;
  data?: CaseData;
  advance?: string;
  /** A migration plan file (relative to the scenario): the case moves to the plan's `to` version and goes on there. */
  migrate?: string;
  /** With `migrate`: the case type file of the `to` version (default `<key>.v<to>.case.json` beside the scenario). */
  definition?: string;
  expect?: ScenarioExpect;
}

export interface Scenario {
  $schema?: string;
  name: string;
  description?: string;
  caseType: string;
  /** When the case is created; default {@link DEFAULT_SCENARIO_START}. */
  start?: Instant;
  data: CaseData;
  priority?: Priority;
  channel?: string;
  steps: ScenarioStep[];
}

/** Monday 5 January 2026, 09:00 UTC. */
export const DEFAULT_SCENARIO_START: Instant = '2026-01-05T09:00:00.000Z';

/** What an expectation (or the step itself) checked when it failed. */
export type ScenarioCheck =
  | 'create'
  | 'rejected'
  | 'rejection'
  | 'timer'
  | 'migrate'
  | 'child'
  | 'loop'
  | 'state'
  | 'data'
  | 'priority'
  | 'tasks'
  | 'slas';

export interface ScenarioFailure {
  check: ScenarioCheck;
  /** One sentence: what did not hold. */
  message: string;
  expected: JsonValue;
  actual: JsonValue;
  /** Field problems of an unexpected rejection. */
  problems: FieldProblem[];
}

/** An accepted change of state during the scenario: sent events and fired timers alike. */
export interface ScenarioTransition {
  from: StateValue;
  event: string;
  to: StateValue;
  at: Instant;
}

export interface ScenarioStepResult {
  /** Position in `steps` (0-based); -1 is the creation of the case. */
  index: number;
  /** What the step did, e.g. `send SUBMIT_TRIAGE {"severity":"high"}`, `advance PT5H (fired timer.remind at ...)`. */
  description: string;
  passed: boolean;
  failure: ScenarioFailure | null;
  /** The case state and the clock after the step. */
  state: StateValue | null;
  at: Instant;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  /** The creation (index -1), then every step run; the run stops at the first failure. */
  steps: ScenarioStepResult[];
  /** Every accepted change, in order: what `--paths` coverage is measured on. */
  transitions: ScenarioTransition[];
  /** The case after the last step run; null when the creation failed. */
  case: Case | null;
}
