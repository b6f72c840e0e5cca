import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guard } from '../../../schemas/generated/case-type.ts';
import { compileCaseType } from '../../../runtime/engine/index.ts';
import { evaluateGuard, failingRules, guardRules } from '../../../runtime/engine/guards.ts';
import { sendEvent } from '../../../runtime/engine/machine-step.ts';
import { scratchOf } from '../../../runtime/engine/actions.ts';
import type { CaseData, StateValue } from '../../../runtime/engine/types.ts';
import { caseType, start } from './engine-fixtures.ts';

const rules = {
  hasA: { title: 'A given', schema: { required: ['a'] } },
  bigN: { schema: { properties: { n: { minimum: 5 } }, required: ['n'] } },
};

/** Three regions: r1 in p or q, r2 in x or y, r3 takes GO from idle to went when the guard passes. */
function guarded(guard: Guard) {
  return caseType(
    {
      type: 'parallel',
      states: {
        r1: { initial: 'p', states: { p: {}, q: {} } },
        r2: { initial: 'x', states: { x: {}, y: {} } },
        r3: { initial: 'idle', states: { idle: { on: { GO: { target: 'went', guard } } }, went: {} } },
      },
    },
    { rules, events: { GO: {} } },
  );
}

const guardArb: fc.Arbitrary<Guard> = fc.letrec<{ guard: Guard }>((tie) => ({
  guard: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Guard>('hasA', 'bigN'),
    fc.subarray(['p', 'q', 'x', 'y'], { minLength: 1 }).map((ids): Guard => ({ in: ids as [string, ...string[]] })),
    tie('guard').map((g): Guard => ({ not: g })),
    fc.array(tie('guard'), { minLength: 1, maxLength: 3 }).map((gs): Guard => ({ all: gs as [Guard, ...Guard[]] })),
    fc.array(tie('guard'), { minLength: 1, maxLength: 3 }).map((gs): Guard => ({ any: gs as [Guard, ...Guard[]] })),
  ),
})).guard;

const dataArb: fc.Arbitrary<CaseData> = fc.record({ a: fc.constant(1), n: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: [] });

describe('guards', () => {
  it('evaluate the same in XState and in the shared evaluator (views, rejections)', () => {
    fc.assert(
      fc.property(guardArb, dataArb, fc.constantFrom('p', 'q'), fc.constantFrom('x', 'y'), (guard, data, s1, s2) => {
        // given a case in r1=s1, r2=s2 with the data
        const compiled = compileCaseType(guarded(guard));
        const base = start(compiled).case;
        const value: StateValue = { r1: s1, r2: s2, r3: 'idle' };
        // when XState takes GO
        const step = sendEvent(compiled, value, scratchOf(base, data), { caseId: 'C1', now: base.createdAt, revision: 2 }, 'GO');
        const xstateSays = (step.value as { r3: string }).r3 === 'went';
        // then the shared evaluator agrees
        const ours = evaluateGuard(guard, { data, active: new Set(['r1', s1, 'r2', s2, 'r3', 'idle']), ruleHolds: compiled.ruleHolds });
        expect(ours).toBe(xstateSays);
      }),
      { numRuns: 150, seed: 20260105 },
    );
  });

  const scope = (data: CaseData, active: string[] = []) => ({
    data,
    active: new Set(active),
    ruleHolds: compileCaseType(guarded('hasA')).ruleHolds,
  });

  it('a rule name holds when its schema validates the data', () => {
    expect(evaluateGuard('hasA', scope({ a: 1 }))).toBe(true);
    expect(evaluateGuard('hasA', scope({}))).toBe(false);
  });

  it('{ in } holds in any listed state', () => {
    expect(evaluateGuard({ in: ['q', 'x'] }, scope({}, ['r2', 'x']))).toBe(true);
    expect(evaluateGuard({ in: ['q'] }, scope({}, ['r1', 'p']))).toBe(false);
  });

  it('not, all and any combine', () => {
    expect(evaluateGuard({ not: 'hasA' }, scope({}))).toBe(true);
    expect(evaluateGuard({ all: ['hasA', 'bigN'] }, scope({ a: 1, n: 4 }))).toBe(false);
    expect(evaluateGuard({ any: ['hasA', 'bigN'] }, scope({ n: 7 }))).toBe(true);
  });

  it('blames the rules that make a guard fail', () => {
    expect(failingRules({ all: ['hasA', 'bigN'] }, scope({ n: 7 }))).toEqual(['hasA']);
    expect(failingRules({ any: ['hasA', 'bigN'] }, scope({ n: 1 }))).toEqual(['hasA', 'bigN']);
    expect(failingRules({ not: 'hasA' }, scope({ a: 1 }))).toEqual(['hasA']);
    expect(failingRules({ all: ['hasA', { in: ['q'] }] }, scope({ a: 1 }, ['p']))).toEqual([]);
    expect(failingRules('hasA', scope({ a: 1 }))).toEqual([]);
  });

  it('lists the rules a guard names', () => {
    expect(guardRules({ all: ['hasA', { not: { any: ['bigN', { in: ['p'] }] } }] })).toEqual(['hasA', 'bigN']);
  });
});
