// Rules nothing refers to: a warning at the rule, by its title. Every way of referring to a rule counts.
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';

type Json = Record<string, unknown>;

const rule = (field: string): Json => ({ schema: { required: [field] } });

function unused(extra: Json, states: Json = {}): string[] {
  const definition = {
    key: 'claims',
    title: 'Claims',
    data: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
    rules: {
      inGuard: rule('a'),
      inNot: rule('a'),
      inAny: rule('a'),
      inDelay: rule('a'),
      inAlways: rule('a'),
      inChecklist: rule('a'),
      inSection: rule('a'),
      inField: rule('a'),
      inSla: rule('a'),
      spare: { title: 'Spare check', schema: { required: ['b'] } },
      untitledSpare: rule('b'),
    },
    events: {
      GO: {
        title: 'Go',
        data: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      },
    },
    form: {
      sections: [
        { id: 'intake', title: 'Intake', fields: ['/a'] },
        {
          id: 'more',
          title: 'More',
          visibleWhen: 'inSection',
          fields: [{ field: '/b', readOnlyWhen: 'inField' }],
        },
      ],
    },
    slas: { answer: { start: { event: ['case.created'] }, stop: { rule: 'inSla' }, deadline: 'PT8H' } },
    playbook: {
      initial: 'working',
      states: {
        working: {
          title: 'Working',
          checklist: ['inChecklist'],
          on: {
            GO: [
              {
                target: 'closed',
                guard: { all: ['inGuard', { not: 'inNot' }, { any: [{ in: ['working'] }, 'inAny'] }] },
              },
            ],
          },
          after: [{ delay: 'PT4H', guard: 'inDelay', target: 'closed' }],
          always: { target: 'closed', guard: 'inAlways' },
        },
        closed: { title: 'Closed', type: 'final' },
        ...states,
      },
    },
    ...extra,
  };
  return validateCaseType(definition)
    .filter((p) => p.code === 'rule.unused')
    .map((p) => `${p.pointer} ${p.message}`);
}

describe('rule.unused', () => {
  it('fires for each rule nothing refers to, by its title or its key spelled as words', () => {
    expect(unused({})).toEqual([
      '/rules/spare the rule ‘Spare check’ is not used: no condition, checklist, form visibility or service level refers to it; use it or remove it',
      '/rules/untitledSpare the rule ‘Untitled spare’ is not used: no condition, checklist, form visibility or service level refers to it; use it or remove it',
    ]);
  });

  it('counts guards of nested states and SLA pause conditions as uses', () => {
    const nested = {
      parked: {
        title: 'Parked',
        initial: 'inner',
        states: { inner: { title: 'Inner', on: { GO: { target: 'closed', guard: 'spare' } } } },
      },
    };
    const slas = {
      slas: {
        answer: {
          start: { event: ['case.created'] },
          pause: { rule: 'untitledSpare' },
          stop: { rule: 'inSla' },
          deadline: 'PT8H',
        },
      },
    };
    expect(unused(slas, nested)).toEqual([]);
  });

  it('is silent without rules', () => {
    expect(unused({ rules: {} })).toHaveLength(0);
  });
});
