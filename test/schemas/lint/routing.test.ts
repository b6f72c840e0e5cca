// Queue routing in the format (docs/routing.md): skills as names or with a level, routing settings; a skill
// named twice and an offer with no time to answer are refused; plain skill names stay valid.
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';
import { routingCaseType } from '../../routing-case-type.ts';

const problems = (queues: Record<string, unknown>) =>
  validateCaseType({ ...routingCaseType(), queues: { ...routingCaseType().queues, ...queues } })
    .filter((p) => p.severity === 'error')
    .map((p) => [p.code, p.pointer, p.message]);

describe('queue routing in the format', () => {
  it('takes skills with levels, plain skill names and routing settings', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ billing: { title: 'Billing', skills: ['billing', { skill: 'dutch' }], routing: { strategy: 'most-skilled' } } })).toEqual([]);
  });

  it('refuses a skill named twice, a level out of range, an unknown strategy and an offer with no time', () => {
    expect(problems({ billing: { skills: ['billing', { skill: 'billing', level: 2 }] } })).toEqual([
      ['queue.duplicate_skill', '/queues/billing/skills/1', "queue 'billing' names the skill 'billing' more than once; name it once, with the lowest level that will do"],
    ]);
    expect(problems({ billing: { routing: { offerTimeout: 'PT0S' } } })).toEqual([
      ['queue.offer_timeout_zero', '/queues/billing/routing/offerTimeout', "queue 'billing' gives an offer no time to be answered (offerTimeout PT0S); give at least a few seconds, e.g. PT2M"],
    ]);
    expect(problems({ billing: { skills: [{ skill: 'billing', level: 11 }] } }).map(([, pointer]) => pointer)).toContain('/queues/billing/skills/0/level');
    expect(problems({ billing: { routing: { strategy: 'random' } } }).map(([, pointer]) => pointer)).toContain('/queues/billing/routing/strategy');
    expect(problems({ billing: { routing: { offerTimeout: '2 minutes' } } }).map(([, pointer]) => pointer)).toContain('/queues/billing/routing/offerTimeout');
  });
});
