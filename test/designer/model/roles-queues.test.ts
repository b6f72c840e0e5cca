import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addQueue, addRole, deleteQueue, deleteRole, updateQueue } from '../../../designer/src/model/roles-queues.ts';

describe('roles and queues', () => {
  it('adds a role and a queue that serves it; deleting the role takes it off queues and events', () => {
    let def: CaseType = addQueue(addRole(createBlankCaseType('c', 'C'), 'investigator', 'Investigator'), 'billing', 'Billing', 'investigator');
    def = { ...def, events: { CLOSE: { roles: ['investigator'] }, OPEN: { roles: ['investigator', 'supervisor'] } } };
    expect([def.roles, def.queues]).toEqual([{ investigator: { title: 'Investigator' } }, { billing: { title: 'Billing', role: 'investigator' } }]);
    const next = deleteRole(def, 'investigator');
    expect([next.roles, next.queues, next.events]).toEqual([{}, { billing: { title: 'Billing' } }, { CLOSE: {}, OPEN: { roles: ['supervisor'] } }]);
  });

  it('updates a queue and deleting it takes it off tasks', () => {
    let def: CaseType = addQueue(createBlankCaseType('c', 'C'), 'triage', 'Triage');
    def = { ...def, playbook: { initial: 'a', states: { a: { task: { title: 'Do it', queue: 'triage' } } } } };
    expect(updateQueue(def, 'triage', { title: '' }).queues).toEqual({ triage: {} });
    expect(deleteQueue(def, 'triage').playbook.states.a).toEqual({ task: { title: 'Do it' } });
  });
});
