import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { renameRule } from '../../../designer/src/model/rename-rule.ts';

const def: CaseType = {
  key: 'complaint',
  title: 'Complaint',
  data: { type: 'object', properties: {} },
  rules: { triaged: { schema: { required: ['severity'] } }, high: { schema: {} } },
  form: { sections: [{ id: 's', visibleWhen: { not: 'triaged' }, fields: [{ field: '/a', readOnlyWhen: 'triaged' }] }] },
  slas: { first: { start: { rule: 'triaged' }, deadline: 'PT8H' } },
  playbook: {
    initial: 'triage',
    states: {
      triage: {
        checklist: ['triaged', 'high'],
        on: { SUBMIT: [{ target: 'done', guard: { all: ['triaged', 'high'] } }, { target: 'done' }], SKIP: 'done' },
        after: [{ delay: 'P1D', target: 'done', guard: 'triaged' }],
      },
      done: { type: 'final' },
    },
  },
};

describe('renameRule', () => {
  it('renames the rule and every guard, checklist, visibility and SLA condition that names it', () => {
    const next = renameRule(def, 'triaged', 'triageComplete');
    expect(Object.keys(next.rules ?? {})).toEqual(['triageComplete', 'high']);
    expect(next.playbook.states.triage).toEqual({
      checklist: ['triageComplete', 'high'],
      on: { SUBMIT: [{ target: 'done', guard: { all: ['triageComplete', 'high'] } }, { target: 'done' }], SKIP: 'done' },
      after: [{ delay: 'P1D', target: 'done', guard: 'triageComplete' }],
    });
    expect(next.form?.sections[0]).toEqual({ id: 's', visibleWhen: { not: 'triageComplete' }, fields: [{ field: '/a', readOnlyWhen: 'triageComplete' }] });
    expect(next.slas?.first?.start).toEqual({ rule: 'triageComplete' });
  });

  it('refuses to rename onto an existing rule', () => {
    expect(renameRule(def, 'triaged', 'high')).toBe(def);
  });
});
