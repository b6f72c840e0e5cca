import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { compileCaseType } from '../../../runtime/engine/index.ts';
import type { Scenario } from '../../../runtime/scenarios/index.ts';
import { computeCoverage } from '../../../designer/src/sim/coverage.ts';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../templates/${name}`, import.meta.url), 'utf8'));
const def = read('complaint.case.json') as CaseType;

describe('path coverage on the canvas', () => {
  it('given the no-reply scenario, then its transitions are covered, the others not, and 1 of the 4 paths is covered', () => {
    const c = computeCoverage(compileCaseType(def), [read('complaint.no-reply-auto-close.scenario.json') as Scenario]);
    expect([c.covered, c.total, c.percent, c.cut, c.startProblems]).toEqual([1, 4, 25, null, []]);
    expect(Object.entries(c.edges).filter(([, v]) => v === 'covered').map(([k]) => k)).toEqual([
      // both SUBMIT_TRIAGE transitions go from triage to investigating: one edge pair, told apart by guard only
      'on:triage:SUBMIT_TRIAGE:0',
      'on:triage:SUBMIT_TRIAGE:1',
      'on:investigating:ASK_CUSTOMER:0',
      'after:waitingForCustomer:0',
    ]);
    expect(c.edges['on:survey:SURVEY_ANSWERED:0']).toBe('uncovered');
    expect(c.edges['after:survey:0']).toBe('uncovered');
    expect(c.paths.filter((p) => p.coveredBy.length > 0)).toEqual([
      {
        text: 'triage -SUBMIT_TRIAGE-> investigating.collect -ASK_CUSTOMER-> waitingForCustomer -timer.noReply-> closed',
        coveredBy: ['Waiting for the customer pauses the resolution SLA; no reply in 14 days auto-closes the complaint (timer)'],
      },
    ]);
  });

  it('without scenarios nothing is covered; the paths then start from the samples only (scenario start data adds paths)', () => {
    const c = computeCoverage(compileCaseType(def), []);
    expect([c.covered, c.total, Object.values(c.edges).every((v) => v === 'uncovered')]).toEqual([0, 2, true]);
  });
});
