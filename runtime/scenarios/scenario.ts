// Runs a scenario (`*.scenario.json`) against the pure engine with a simulated clock: the case is
// created at `start`, then each step sends an event, advances the clock (firing every timer that
// falls due on the way, each at its own due instant) or only checks; the first failed expectation
// stops the run. Decisions are recorded in docs/semantics.md ("Scenarios").
import { PlaybookLoopError, applyEvent, compileCaseType, createCase, dueTimers, durationToMs, fireTimer, migrateCase, parseDuration, planSelects } from '../engine/index.ts';
import type { Accepted, Actor, Case, CompiledCaseType, Effect, Instant, MigrationPlan, Rejection } from '../engine/index.ts';
import { checkCase } from './scenario-expect.ts';
import { DEFAULT_SCENARIO_START } from './scenario-types.ts';
import type {
  Scenario,
  ScenarioFailure,
  ScenarioResult,
  ScenarioStep,
  ScenarioStepResult,
  ScenarioTransition,
} from './scenario-types.ts';

/** Scenario events are sent by this actor: `admin` may send every event, whatever its `roles`. */
export const SCENARIO_ACTOR: Actor = { id: 'scenario', roles: ['admin'] };

/** The id of the case a scenario creates (task ids derive from it). */
export const SCENARIO_CASE_ID = 'scenario';

/** More timers than this in one `advance` means a timer loop; the step fails instead of hanging. */
export const MAX_TIMERS_PER_ADVANCE = 10_000;

export interface RunScenarioOptions {
  /** Resolves the case type of a `createCase` effect by key; when given, an unknown key fails the step. */
  resolveCaseType?: (key: string) => CompiledCaseType | undefined;
  /**
   * Resolves a `migrate` step: the plan it names and the compiled case type of the plan's `to` version,
   * or why they cannot be had (the step fails with it). Without it a `migrate` step fails.
   */
  resolveMigration?: (step: { migrate: string; definition?: string }, index: number) => { plan: MigrationPlan; to: CompiledCaseType } | { error: string };
}

function plus(at: Instant, ms: number): Instant {
  return new Date(Date.parse(at) + ms).toISOString();
}

function describeStep(step: ScenarioStep): string {
  if (step.send !== undefined)
    return `send ${step.send}${step.data === undefined ? '' : ` ${JSON.stringify(step.data)}`}`;
  if (step.advance !== undefined) return `advance ${step.advance}`;
  if (step.migrate !== undefined) return `migrate ${step.migrate}`;
  return 'check';
}

function rejectionFailure(
  check: 'create' | 'rejection' | 'timer',
  what: string,
  outcome: Rejection,
): ScenarioFailure {
  return {
    check,
    message: `${what} was rejected: ${outcome.code}: ${outcome.message}`,
    expected: 'accepted',
    actual: outcome.code,
    problems: outcome.problems,
  };
}

interface Run {
  type: CompiledCaseType;
  options: RunScenarioOptions;
  kase: Case;
  now: Instant;
  transitions: ScenarioTransition[];
}

function record(run: Run, outcome: Accepted, event: string): void {
  run.transitions.push({ from: run.kase.state, event, to: outcome.case.state, at: run.now });
  run.kase = outcome.case;
}

/** Checks that every child case type a createCase effect names resolves and accepts its data. */
function checkChildren(run: Run, effects: readonly Effect[]): ScenarioFailure | null {
  const resolve = run.options.resolveCaseType;
  if (resolve === undefined) return null;
  for (const effect of effects) {
    if (effect.type !== 'createCase') continue;
    const child = resolve(effect.caseType);
    if (child === undefined) {
      return {
        check: 'child',
        message: `a createCase action names case type '${effect.caseType}', which was not found`,
        expected: effect.caseType,
        actual: null,
        problems: [],
      };
    }
    const created = createCase(
      child,
      { id: effect.childId, data: effect.data, parentId: effect.parentId },
      run.now,
    );
    if (!created.ok)
      return rejectionFailure('rejection', `the child case '${effect.caseType}' (createCase)`, created);
  }
  return null;
}

/** Fires, in due order, every timer due up to `until`, including timers set by timers fired on the way. */
function advance(run: Run, until: Instant): { fired: string[]; failure: ScenarioFailure | null } {
  const fired: string[] = [];
  for (let count = 0; ; count++) {
    const [next] = dueTimers(run.kase, until);
    if (next === undefined) break;
    if (count >= MAX_TIMERS_PER_ADVANCE) {
      const failure: ScenarioFailure = {
        check: 'timer',
        message: `more than ${MAX_TIMERS_PER_ADVANCE} timers fell due in one advance; is a timer setting itself again and again?`,
        expected: null,
        actual: next.id,
        problems: [],
      };
      return { fired, failure };
    }
    if (Date.parse(next.dueAt) > Date.parse(run.now)) run.now = next.dueAt;
    const outcome = fireTimer(run.type, run.kase, next.id, run.now);
    if (!outcome.ok)
      return { fired, failure: rejectionFailure('timer', `timer ${next.id} (due ${next.dueAt})`, outcome) };
    fired.push(`${next.event} at ${run.now}`);
    record(run, outcome, next.event);
    const childFailure = checkChildren(run, outcome.effects);
    if (childFailure) return { fired, failure: childFailure };
  }
  run.now = until;
  return { fired, failure: null };
}

/**
 * Moves the case to the plan's `to` version: the case under test is on the plan's `from` version (the
 * definition under test is that version), migrated by the engine as a host migrates it, and the run
 * goes on with the `to` version.
 */
function migrate(run: Run, step: { migrate: string; definition?: string }, index: number): ScenarioFailure | null {
  const failed = (message: string, actual: unknown = null): ScenarioFailure => ({
    check: 'migrate',
    message,
    expected: 'migrated',
    actual: actual as ScenarioFailure['actual'],
    problems: [],
  });
  const resolved = run.options.resolveMigration?.(step, index);
  if (resolved === undefined) return failed(`migration steps need their plan and target version files; this runner cannot read '${step.migrate}'`);
  if ('error' in resolved) return failed(resolved.error);
  const { plan, to } = resolved;
  const from = run.type.version === plan.from ? run.type : compileCaseType({ ...run.type.def, version: plan.from });
  const kase: Case = run.kase.version === plan.from ? run.kase : { ...run.kase, version: plan.from };
  if (!planSelects(plan, kase)) return failed(`${step.migrate} does not select this case (its "cases" leave it out)`);
  const outcome = migrateCase(plan, from, to, kase, run.now, { actor: SCENARIO_ACTOR, planId: step.migrate });
  if (!outcome.ok) {
    return {
      ...failed(`the case cannot migrate: ${outcome.blocks.map((b) => b.message).join(' ')}`, outcome.blocks.map((b) => b.code)),
      problems: outcome.blocks.flatMap((b) => b.problems ?? []),
    };
  }
  run.transitions.push({ from: run.kase.state, event: 'case.migrated', to: outcome.case.state, at: run.now });
  run.kase = outcome.case;
  run.type = to;
  return null;
}

/** A playbook that never settles (an `always` or `raise` loop) fails the step instead of throwing. */
function guarded(
  step: ScenarioStep,
  run: () => { description: string; failure: ScenarioFailure | null },
): {
  description: string;
  failure: ScenarioFailure | null;
} {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PlaybookLoopError)) throw error;
    return {
      description: describeStep(step),
      failure: { check: 'loop', message: error.message, expected: null, actual: null, problems: [] },
    };
  }
}

function runStep(run: Run, step: ScenarioStep, index: number): { description: string; failure: ScenarioFailure | null } {
  let description = describeStep(step);
  const expect = step.expect ?? {};
  if (step.send !== undefined) {
    const outcome = applyEvent(
      run.type,
      run.kase,
      { type: step.send, ...(step.data === undefined ? {} : { data: step.data }) },
      run.now,
      SCENARIO_ACTOR,
    );
    if (!outcome.ok) {
      if (expect.rejected === undefined)
        return { description, failure: rejectionFailure('rejection', `event ${step.send}`, outcome) };
      if (expect.rejected !== outcome.code) {
        return {
          description,
          failure: {
            check: 'rejected',
            message: `event ${step.send} was rejected with ${outcome.code} (${outcome.message}), expected ${expect.rejected}`,
            expected: expect.rejected,
            actual: outcome.code,
            problems: outcome.problems,
          },
        };
      }
    } else {
      if (expect.rejected !== undefined) {
        return {
          description,
          failure: {
            check: 'rejected',
            message: `event ${step.send} was accepted (state ${JSON.stringify(outcome.case.state)}), expected it to be rejected with ${expect.rejected}`,
            expected: expect.rejected,
            actual: 'accepted',
            problems: [],
          },
        };
      }
      record(run, outcome, step.send);
      const childFailure = checkChildren(run, outcome.effects);
      if (childFailure) return { description, failure: childFailure };
    }
  } else if (step.migrate !== undefined) {
    const failure = migrate(run, { migrate: step.migrate, ...(step.definition === undefined ? {} : { definition: step.definition }) }, index);
    if (failure) return { description, failure };
  } else if (step.advance !== undefined) {
    const parts = parseDuration(step.advance);
    if (parts === null) {
      return {
        description,
        failure: {
          check: 'timer',
          message: `'${step.advance}' is not a duration such as PT5H`,
          expected: 'PT5H',
          actual: step.advance,
          problems: [],
        },
      };
    }
    const result = advance(run, plus(run.now, durationToMs(parts)));
    if (result.fired.length > 0) description += ` (fired ${result.fired.join(', ')})`;
    if (result.failure) return { description, failure: result.failure };
  }
  return { description, failure: checkCase(expect, run.kase) };
}

/** Runs one scenario against a compiled case type; pure, deterministic. */
export function runScenario(
  type: CompiledCaseType,
  scenario: Scenario,
  options: RunScenarioOptions = {},
): ScenarioResult {
  const start = new Date(Date.parse(scenario.start ?? DEFAULT_SCENARIO_START)).toISOString();
  const created = createCase(
    type,
    {
      id: SCENARIO_CASE_ID,
      data: scenario.data,
      ...(scenario.priority === undefined ? {} : { priority: scenario.priority }),
      ...(scenario.channel === undefined ? {} : { channel: scenario.channel }),
    },
    start,
    SCENARIO_ACTOR,
  );
  const creation: ScenarioStepResult = {
    index: -1,
    description: 'create the case',
    passed: created.ok,
    failure: created.ok ? null : rejectionFailure('create', 'the creation of the case', created),
    state: created.ok ? created.case.state : null,
    at: start,
  };
  if (!created.ok)
    return { name: scenario.name, passed: false, steps: [creation], transitions: [], case: null };

  const run: Run = { type, options, kase: created.case, now: start, transitions: [] };
  const steps: ScenarioStepResult[] = [creation];
  const childFailure = checkChildren(run, created.effects);
  if (childFailure) {
    creation.passed = false;
    creation.failure = childFailure;
    return { name: scenario.name, passed: false, steps, transitions: [], case: run.kase };
  }
  for (const [index, step] of scenario.steps.entries()) {
    const { description, failure } = guarded(step, () => runStep(run, step, index));
    steps.push({ index, description, passed: failure === null, failure, state: run.kase.state, at: run.now });
    if (failure)
      return { name: scenario.name, passed: false, steps, transitions: run.transitions, case: run.kase };
  }
  return { name: scenario.name, passed: true, steps, transitions: run.transitions, case: run.kase };
}
