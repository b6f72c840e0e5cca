import { describe, expect, it } from 'vitest';
import type { Action } from '../../../schemas/generated/case-type.ts';
import { caseType, send, start } from './engine-fixtures.ts';

/** A case type whose GO event runs the given actions as transition actions (internal, no target). */
function withActions(actions: Action[]) {
  return caseType(
    {
      initial: 'working',
      states: { working: { task: { title: 'Work', queue: 'front' }, on: { GO: { actions } } } },
    },
    { events: { GO: {} }, queues: { front: { role: 'clerk' }, back: { role: 'expert' } } },
  );
}

describe('actions', () => {
  it('set writes a constant, creating missing parents', () => {
    const def = withActions([{ type: 'set', path: '/outcome/code', value: 'ok' }]);
    const next = send(def, start(def, { a: 1 }).case, 'GO');
    expect(next.case.data).toEqual({ a: 1, outcome: { code: 'ok' } });
    expect(next.history.patch).toEqual([{ op: 'add', path: '/outcome', value: { code: 'ok' } }]);
  });

  it('set with from copies another field, and removes the target when the source is missing', () => {
    const def = withActions([
      { type: 'set', path: '/copy', from: '/customer/email' },
      { type: 'set', path: '/gone', from: '/nothing' },
    ]);
    const next = send(def, start(def, { customer: { email: 'a@b.nl' }, gone: 1 }).case, 'GO');
    expect(next.case.data).toEqual({ customer: { email: 'a@b.nl' }, copy: 'a@b.nl' });
  });

  it('assign routes the case and its open tasks: queue, role, user', () => {
    const def = withActions([{ type: 'assign', queue: 'back', role: 'senior', user: 'u-7' }]);
    const created = start(def);
    expect(created.case.tasks[0]).toMatchObject({ queue: 'front', role: 'clerk', assignee: null });
    const next = send(def, created.case, 'GO');
    expect(next.case.queue).toBe('back');
    expect(next.case.assignee).toBe('u-7');
    expect(next.case.tasks).toEqual([{ ...created.case.tasks[0], queue: 'back', role: 'senior', assignee: 'u-7' }]);
    expect(next.effects).toEqual([]);
  });

  it('assign to another queue gives open tasks that queue\'s role, unless the action names one', () => {
    const def = withActions([{ type: 'assign', queue: 'back' }]);
    const next = send(def, start(def).case, 'GO');
    expect(next.case.tasks.map((t) => [t.queue, t.role, t.assignee])).toEqual([['back', 'expert', null]]);
    expect(next.case.assignee).toBeNull();
  });

  it('priority sets the case priority', () => {
    const def = withActions([{ type: 'priority', value: 'urgent' }]);
    expect(send(def, start(def).case, 'GO').case.priority).toBe('urgent');
  });

  it('notify and webhook become keyed effects in order; webhook defaults to POST', () => {
    const def = withActions([
      { type: 'notify', to: 'customer', template: 'ack' },
      { type: 'webhook', url: 'https://example.com/hook' },
      { type: 'webhook', url: 'https://example.com/put', method: 'PUT' },
    ]);
    expect(send(def, start(def).case, 'GO').effects).toEqual([
      { type: 'notify', key: 'C1:2:1', to: 'customer', template: 'ack' },
      { type: 'webhook', key: 'C1:2:2', url: 'https://example.com/hook', method: 'POST' },
      { type: 'webhook', key: 'C1:2:3', url: 'https://example.com/put', method: 'PUT' },
    ]);
  });

  it('createCase mints a child id, copies parent fields and links the child', () => {
    const def = withActions([
      { type: 'createCase', caseType: 'refund', link: 'child', data: { kind: 'refund', amount: { currency: 'EUR' } }, copy: { '/amount/value': '/claim', '/customer': '/customer', '/none': '/missing' } },
    ]);
    const created = start(def, { claim: 120, customer: { name: 'Ann' } });
    expect(created.case.seq).toBe(1);
    const next = send(def, created.case, 'GO');
    expect(next.effects).toEqual([
      {
        type: 'createCase',
        key: 'C1:2:1',
        childId: 'C1-c2',
        caseType: 'refund',
        parentId: 'C1',
        data: { kind: 'refund', amount: { currency: 'EUR', value: 120 }, customer: { name: 'Ann' } },
      },
    ]);
    expect(next.case.children).toEqual(['C1-c2']);
    expect(next.case.seq).toBe(2);
    expect(def.playbook.states.working?.on?.GO).toEqual({ actions: [expect.objectContaining({ data: { kind: 'refund', amount: { currency: 'EUR' } } })] });
  });

  it('note adds a line to the history entry of the event', () => {
    const def = withActions([{ type: 'note', text: 'first' }, { type: 'note', text: 'second' }]);
    const next = send(def, start(def).case, 'GO');
    expect(next.history.notes).toEqual(['first', 'second']);
    expect(next.effects).toEqual([]);
  });

  it('a later action sees the data an earlier one wrote', () => {
    const def = withActions([
      { type: 'set', path: '/a', value: 5 },
      { type: 'set', path: '/b', from: '/a' },
    ]);
    expect(send(def, start(def).case, 'GO').case.data).toEqual({ a: 5, b: 5 });
  });
});
