// A task's `onOverdue` actions are linted like any other actions (queues, roles, fields must exist), and
// `onOverdue` without `due` is a warning: such a task never becomes overdue.
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';

function problems(task: Record<string, unknown>): [string, string][] {
  const definition = {
    key: 'callback',
    title: 'Call back',
    data: { type: 'object', properties: { note: { type: 'string' } } },
    roles: { agent: { title: 'Agent' } },
    queues: { front: { role: 'agent' } },
    playbook: {
      initial: 'calling',
      states: { calling: { title: 'Calling', task, on: { DONE: 'closed' } }, closed: { title: 'Closed', type: 'final' } },
    },
    events: { DONE: { title: 'Done' } },
  };
  return validateCaseType(definition).map((p) => [p.code, p.pointer]);
}

describe('task onOverdue', () => {
  it('is valid with a due time and known names', () => {
    expect(problems({ title: 'Call', due: 'PT4H', onOverdue: [{ type: 'assign', queue: 'front' }, { type: 'priority', value: 'urgent' }] })).toEqual([]);
  });

  it('reports an unknown queue or role in its actions, at the action', () => {
    expect(problems({ title: 'Call', due: 'PT4H', onOverdue: [{ type: 'assign', queue: 'backoffice' }, { type: 'notify', to: 'role:boss', template: 'late' }] })).toEqual(
      expect.arrayContaining([
        ['queue.unknown', '/playbook/states/calling/task/onOverdue/0/queue'],
        ['role.unknown', '/playbook/states/calling/task/onOverdue/1/to'],
      ]),
    );
  });

  it('warns when onOverdue has no due time to pass', () => {
    expect(problems({ title: 'Call', onOverdue: [{ type: 'priority', value: 'urgent' }] })).toEqual([['task.overdue_without_due', '/playbook/states/calling/task/onOverdue']]);
  });
});
