import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { compileCaseType } from '../../../runtime/engine/index.ts';
import { runScenario } from '../../../runtime/scenarios/scenario.ts';
import type { Scenario, ScenarioStep } from '../../../runtime/scenarios/scenario-types.ts';
import { chain, refund } from './scenario-fixtures.ts';

function scenario(steps: ScenarioStep[], data: Scenario['data'] = { amount: 20 }): Scenario {
  return { name: 'Refund', caseType: 'refund', data, steps };
}

function run(steps: ScenarioStep[], data?: Scenario['data']) {
  return runScenario(compileCaseType(refund), scenario(steps, data));
}

/** The failed step of a result: its index, what it did and the failure. */
function failed(result: ReturnType<typeof run>) {
  const step = result.steps.find((s) => !s.passed);
  return (
    step && {
      index: step.index,
      description: step.description,
      failure: step.failure,
      state: step.state,
      at: step.at,
    }
  );
}

describe('runScenario', () => {
  it('passes when every step meets its expectations, and records each step', () => {
    // given a submit that is first blocked, then approved
    const result = run([
      {
        expect: {
          state: 'intake',
          tasks: ['Check the request'],
          priority: 'normal',
          slas: { handling: 'running' },
        },
      },
      { send: 'SUBMIT', expect: { rejected: 'rule.failed', state: 'intake' } },
      { advance: 'PT30M' },
      {
        send: 'SUBMIT',
        data: { reason: 'late' },
        expect: { state: 'approved', data: { reason: 'late' }, tasks: [], slas: { handling: 'met' } },
      },
    ]);
    // then
    expect(result.passed).toBe(true);
    expect(
      result.steps.map(({ index, description, passed, state, at }) => ({
        index,
        description,
        passed,
        state,
        at,
      })),
    ).toEqual([
      {
        index: -1,
        description: 'create the case',
        passed: true,
        state: 'intake',
        at: '2026-01-05T09:00:00.000Z',
      },
      { index: 0, description: 'check', passed: true, state: 'intake', at: '2026-01-05T09:00:00.000Z' },
      { index: 1, description: 'send SUBMIT', passed: true, state: 'intake', at: '2026-01-05T09:00:00.000Z' },
      {
        index: 2,
        description: 'advance PT30M',
        passed: true,
        state: 'intake',
        at: '2026-01-05T09:30:00.000Z',
      },
      {
        index: 3,
        description: 'send SUBMIT {"reason":"late"}',
        passed: true,
        state: 'approved',
        at: '2026-01-05T09:30:00.000Z',
      },
    ]);
    expect(result.transitions).toEqual([
      { from: 'intake', event: 'SUBMIT', to: 'approved', at: '2026-01-05T09:30:00.000Z' },
    ]);
  });

  it('advances the clock firing each due timer at its own instant, in due order', () => {
    // given a large refund nobody submits / when the clock moves 5 hours
    const result = run(
      [{ advance: 'PT5H', expect: { state: 'expired', priority: 'high', slas: { handling: 'cancelled' } } }],
      { amount: 200 },
    );
    // then the SLA rungs and both after-timers fired in order, and the clock ends at 14:00
    expect(result.passed).toBe(true);
    expect(result.steps[1]?.description).toBe(
      'advance PT5H (fired sla.handling.warning at 2026-01-05T09:45:00.000Z, sla.handling.goalMissed at 2026-01-05T10:00:00.000Z, ' +
        'timer.remind at 2026-01-05T11:00:00.000Z, sla.handling.breached at 2026-01-05T12:00:00.000Z, timer.expire at 2026-01-05T13:00:00.000Z)',
    );
    expect(result.steps[1]?.at).toBe('2026-01-05T14:00:00.000Z');
    expect(result.transitions.map((t) => `${t.at} ${t.event}`)).toEqual([
      '2026-01-05T09:45:00.000Z sla.handling.warning',
      '2026-01-05T10:00:00.000Z sla.handling.goalMissed',
      '2026-01-05T11:00:00.000Z timer.remind',
      '2026-01-05T12:00:00.000Z sla.handling.breached',
      '2026-01-05T13:00:00.000Z timer.expire',
    ]);
  });

  it('fires timers set by timers fired earlier in the same advance', () => {
    // given a chain of three timers (1 h, 1 h, 30 min) / when the clock moves 3 hours
    const result = runScenario(compileCaseType(chain), {
      name: 'Chain',
      caseType: 'chain',
      data: {},
      steps: [{ advance: 'PT3H', expect: { state: 'done' } }],
    });
    // then
    expect(result.passed).toBe(true);
    expect(result.steps[1]?.description).toBe(
      'advance PT3H (fired timer.one at 2026-01-05T10:00:00.000Z, timer.two at 2026-01-05T11:00:00.000Z, timer.three at 2026-01-05T11:30:00.000Z)',
    );
  });

  it('does not fire a timer that is due after the advance ends', () => {
    const result = runScenario(compileCaseType(chain), {
      name: 'Chain',
      caseType: 'chain',
      data: {},
      start: '2026-03-02T08:00:00Z',
      steps: [{ advance: 'PT1H59M', expect: { state: 'second' } }],
    });
    expect(result.passed).toBe(true);
    expect(result.steps[1]?.description).toBe(
      'advance PT1H59M (fired timer.one at 2026-03-02T09:00:00.000Z)',
    );
    expect(result.steps[1]?.at).toBe('2026-03-02T09:59:00.000Z');
  });

  it('fails on a state that does not match, and stops there', () => {
    const result = run([{ expect: { state: 'review' } }, { send: 'SUBMIT', data: { reason: 'late' } }]);
    expect(result.passed).toBe(false);
    expect(result.steps).toHaveLength(2);
    expect(failed(result)).toEqual({
      index: 0,
      description: 'check',
      failure: {
        check: 'state',
        message: 'state is "intake", expected "review"',
        expected: 'review',
        actual: 'intake',
        problems: [],
      },
      state: 'intake',
      at: '2026-01-05T09:00:00.000Z',
    });
  });

  it('fails on data, priority, tasks and SLA status with expected and actual values', () => {
    expect(failed(run([{ expect: { data: { amount: 25 } } }]))?.failure).toEqual({
      check: 'data',
      message: 'data /amount is 20, expected 25',
      expected: 25,
      actual: 20,
      problems: [],
    });
    expect(failed(run([{ advance: 'PT2H', expect: { priority: 'normal' } }]))?.failure).toEqual({
      check: 'priority',
      message: 'priority is "high", expected "normal"',
      expected: 'normal',
      actual: 'high',
      problems: [],
    });
    expect(
      failed(
        run([{ send: 'SUBMIT', data: { reason: 'damaged' }, expect: { tasks: ['Check the request'] } }], {
          amount: 500,
        }),
      )?.failure,
    ).toEqual({
      check: 'tasks',
      message: 'open tasks are ["Review the refund"], expected ["Check the request"]',
      expected: ['Check the request'],
      actual: ['Review the refund'],
      problems: [],
    });
    expect(failed(run([{ advance: 'PT50M', expect: { slas: { handling: 'running' } } }]))?.failure).toEqual({
      check: 'slas',
      message: 'SLA handling is "warning", expected "running"',
      expected: 'running',
      actual: 'warning',
      problems: [],
    });
  });

  it('fails on an unexpected rejection with its message and field problems', () => {
    expect(failed(run([{ send: 'SUBMIT' }]))).toEqual({
      index: 0,
      description: 'send SUBMIT',
      failure: {
        check: 'rejection',
        message:
          'event SUBMIT was rejected: rule.failed: "SUBMIT" is blocked: rule "hasReason" not met. Complete the fields listed and send it again.',
        expected: 'accepted',
        actual: 'rule.failed',
        problems: [{ pointer: '/reason', message: 'missing: /reason' }],
      },
      state: 'intake',
      at: '2026-01-05T09:00:00.000Z',
    });
  });

  it('fails when the rejection code differs, or when an expected rejection did not happen', () => {
    const wrongCode = failed(run([{ send: 'APPROVE', expect: { rejected: 'rule.failed' } }]))?.failure;
    expect(wrongCode?.check).toBe('rejected');
    expect(wrongCode?.expected).toBe('rule.failed');
    expect(wrongCode?.actual).toBe('event.not_accepted');
    expect(wrongCode?.message.startsWith('event APPROVE was rejected with event.not_accepted (')).toBe(true);
    expect(wrongCode?.message.endsWith('), expected rule.failed')).toBe(true);

    expect(
      failed(run([{ send: 'SUBMIT', data: { reason: 'late' }, expect: { rejected: 'rule.failed' } }]))
        ?.failure,
    ).toEqual({
      check: 'rejected',
      message: 'event SUBMIT was accepted (state "approved"), expected it to be rejected with rule.failed',
      expected: 'rule.failed',
      actual: 'accepted',
      problems: [],
    });
  });

  it('passes an expected rejection and leaves the case unchanged', () => {
    const result = run([
      { send: 'NOPE', expect: { rejected: 'event.unknown' } },
      {
        send: 'SUBMIT',
        data: { reason: 'never' },
        expect: { rejected: 'data.invalid', state: 'intake', data: { amount: 20 } },
      },
    ]);
    expect(result.passed).toBe(true);
    expect(result.case?.revision).toBe(1);
  });

  it('fails at the creation when the start data is invalid', () => {
    const result = run([{ expect: { state: 'intake' } }], {});
    expect(result.passed).toBe(false);
    expect(result.case).toBe(null);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]?.failure?.check).toBe('create');
    expect(result.steps[0]?.failure?.problems).toEqual([{ pointer: '/amount', message: 'missing: /amount' }]);
  });

  it('starts the clock at `start`', () => {
    const result = runScenario(compileCaseType(refund), {
      ...scenario([{ advance: 'PT1M' }]),
      start: '2026-02-02T10:00:00+01:00',
    });
    expect(result.steps.map((s) => s.at)).toEqual(['2026-02-02T09:00:00.000Z', '2026-02-02T09:01:00.000Z']);
  });
});

describe('runScenario with child cases', () => {
  const parent: CaseType = {
    key: 'parent',
    title: 'Parent',
    data: { type: 'object', properties: { name: { type: 'string' } } },
    events: { SPAWN: { title: 'Spawn' } },
    playbook: {
      initial: 'open',
      states: {
        open: {
          on: {
            SPAWN: {
              target: 'waiting',
              actions: [{ type: 'createCase', caseType: 'kid', link: 'child', data: { name: '/name' } }],
            },
          },
        },
        waiting: { type: 'final' },
      },
    },
  };
  const kid: CaseType = {
    key: 'kid',
    title: 'Kid',
    data: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    playbook: { initial: 'new', states: { new: { type: 'final' } } },
  };
  const steps: ScenarioStep[] = [{ send: 'SPAWN', expect: { state: 'waiting' } }];

  it('passes when the child case type resolves', () => {
    const resolveCaseType = (key: string) => (key === 'kid' ? compileCaseType(kid) : undefined);
    const result = runScenario(
      compileCaseType(parent),
      { name: 'P', caseType: 'parent', data: { name: 'x' }, steps },
      { resolveCaseType },
    );
    expect(result.passed).toBe(true);
  });

  it('fails when the child case type is not found', () => {
    const result = runScenario(
      compileCaseType(parent),
      { name: 'P', caseType: 'parent', data: { name: 'x' }, steps },
      { resolveCaseType: () => undefined },
    );
    expect(result.steps[1]?.failure).toEqual({
      check: 'child',
      message: "a createCase action names case type 'kid', which was not found",
      expected: 'kid',
      actual: null,
      problems: [],
    });
  });
});
