import { describe, expect, it } from 'vitest';
import type { FieldSchema } from '../../../schemas/generated/case-type.ts';
import { compileCaseType, stateLabel } from '../../../runtime/engine/index.ts';
import { enumeratePaths, formatPath } from '../../../runtime/scenarios/paths.ts';
import { containsInOrder, measureCoverage } from '../../../runtime/scenarios/paths-coverage.ts';
import { candidatePayloads } from '../../../runtime/scenarios/paths-payloads.ts';
import { runScenario } from '../../../runtime/scenarios/scenario.ts';
import { chain, refund } from './scenario-fixtures.ts';

describe('stateLabel', () => {
  it('writes atomic, nested and parallel state values', () => {
    expect(stateLabel('triage')).toBe('triage');
    expect(stateLabel({ investigating: 'collect' })).toBe('investigating.collect');
    expect(stateLabel({ review: { legal: 'check', finance: { done: 'filed' } } })).toBe(
      'review.{legal.check, finance.done.filed}',
    );
  });
});

describe('candidatePayloads', () => {
  it('combines the values an event schema names, after the empty and the known payloads', () => {
    const schema: FieldSchema = {
      type: 'object',
      properties: {
        severity: { enum: ['low', 'high'] },
        urgent: { type: 'boolean' },
        note: { type: 'string' },
      },
    };
    expect(candidatePayloads(schema, [{ note: 'x' }])).toEqual([
      {},
      { note: 'x' },
      { severity: 'low', urgent: true },
      { severity: 'low', urgent: false },
      { severity: 'high', urgent: true },
      { severity: 'high', urgent: false },
      { note: 'x', severity: 'low', urgent: true },
      { note: 'x', severity: 'low', urgent: false },
      { note: 'x', severity: 'high', urgent: true },
      { note: 'x', severity: 'high', urgent: false },
    ]);
  });
});

describe('enumeratePaths', () => {
  it('finds every simple path to a final state, guards resolved with sample data and payloads, timers as edges', () => {
    // given a small refund and a large one / when
    const result = enumeratePaths(compileCaseType(refund), { startData: [{ amount: 20 }, { amount: 200 }] });
    // then
    expect(result.paths.map(formatPath)).toEqual([
      'intake -SUBMIT-> approved',
      'intake -timer.expire-> expired',
      'intake -SUBMIT-> review -APPROVE-> approved',
      'intake -SUBMIT-> review -REJECT-> rejected',
    ]);
    expect(result.transitions.map((t) => `${t.from} -${t.event}-> ${t.to}`)).toEqual([
      'intake -SUBMIT-> approved',
      'intake -timer.expire-> expired',
      'intake -SUBMIT-> review',
      'review -APPROVE-> approved',
      'review -REJECT-> rejected',
    ]);
    expect(result.cut).toBe(null);
  });

  it('says when a bound cut the enumeration', () => {
    const few = enumeratePaths(compileCaseType(refund), {
      startData: [{ amount: 200 }],
      limits: { maxPaths: 1 },
    });
    expect(few.paths.map(formatPath)).toEqual(['intake -SUBMIT-> review -APPROVE-> approved']);
    expect(few.cut).toBe('the limit of 1 paths was reached');
    const shallow = enumeratePaths(compileCaseType(chain), { limits: { maxDepth: 2 } });
    expect(shallow.paths).toEqual([]);
    expect(shallow.cut).toBe('paths longer than 2 steps were not followed');
  });

  it('reports start data the engine does not accept', () => {
    const result = enumeratePaths(compileCaseType(refund), { startData: [{}] });
    expect(result.paths).toEqual([]);
    expect(result.startProblems).toEqual([
      'start data 1: data.invalid: The data of the new "refund" case is not valid: fix the fields listed.',
    ]);
  });
});

describe('measureCoverage', () => {
  it('counts a path covered when a scenario went through its steps in order', () => {
    const type = compileCaseType(refund);
    const reviewed = runScenario(type, {
      name: 'Reviewed',
      caseType: 'refund',
      data: { amount: 200 },
      steps: [{ send: 'SUBMIT', data: { reason: 'late' } }, { advance: 'PT1H' }, { send: 'REJECT' }],
    });
    const enumeration = enumeratePaths(type, { startData: [{ amount: 20 }, { amount: 200 }] });
    const coverage = measureCoverage(enumeration, [{ name: 'Reviewed', transitions: reviewed.transitions }]);
    expect(coverage.paths.map((p) => [formatPath(p.steps), p.coveredBy])).toEqual([
      ['intake -SUBMIT-> approved', []],
      ['intake -timer.expire-> expired', []],
      ['intake -SUBMIT-> review -APPROVE-> approved', []],
      ['intake -SUBMIT-> review -REJECT-> rejected', ['Reviewed']],
    ]);
    expect(
      coverage.transitions
        .filter((t) => t.coveredBy.length > 0)
        .map((t) => `${t.from} -${t.event}-> ${t.to}`),
    ).toEqual(['intake -SUBMIT-> review', 'review -REJECT-> rejected']);
    expect(coverage.coverage).toEqual({ covered: 1, total: 4, percent: 25, cut: null });
  });

  it('matches a path as a subsequence of the scenario, not only contiguously', () => {
    const a = { from: 'a', event: 'X', to: 'b' };
    const b = { from: 'b', event: 'Y', to: 'c' };
    const back = { from: 'b', event: 'Z', to: 'a' };
    expect(containsInOrder([a, back, a, b], [a, b])).toBe(true);
    expect(containsInOrder([b, a], [a, b])).toBe(false);
  });
});
