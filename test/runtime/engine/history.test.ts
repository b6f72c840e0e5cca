import { describe, expect, it } from 'vitest';
import { caseType, send, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'draft',
    states: {
      draft: { on: { UPDATE: { actions: [{ type: 'note', text: 'updated' }] }, SUBMIT: { target: 'submitted', actions: [{ type: 'set', path: '/status', value: 'submitted' }] } } },
      submitted: { type: 'final' },
    },
  },
  { events: { UPDATE: { data: { type: 'object' } }, SUBMIT: {} } },
);

describe('history', () => {
  it('records the creation as entry 1, from null, by the actor or the system', () => {
    expect(start(def, { a: 1 }).history).toEqual({
      seq: 1,
      at: '2026-01-05T09:00:00.000Z',
      actor: 'system',
      event: { type: 'case.created', data: { a: 1 } },
      from: null,
      to: 'draft',
      patch: [{ op: 'add', path: '/a', value: 1 }],
      notes: [],
    });
  });

  it('records each accepted event with actor, payload, states, patch of the data and notes', () => {
    const created = start(def, { a: 1, tags: ['x', 'y'], 'odd/key~': { keep: true, drop: 1 } });
    const next = send(def, created.case, 'UPDATE', { a: 2, tags: ['x', 'z'], 'odd/key~': { drop: null }, added: 'new' }, '2026-01-05T10:00:00.000Z', { id: 'ann', roles: ['agent'] });
    expect(next.case.data).toEqual({ a: 2, tags: ['x', 'z'], 'odd/key~': { keep: true }, added: 'new' });
    expect(next.case.revision).toBe(2);
    expect(next.case.updatedAt).toBe('2026-01-05T10:00:00.000Z');
    expect(next.history).toEqual({
      seq: 2,
      at: '2026-01-05T10:00:00.000Z',
      actor: 'ann',
      event: { type: 'UPDATE', data: { a: 2, tags: ['x', 'z'], 'odd/key~': { drop: null }, added: 'new' } },
      from: 'draft',
      to: 'draft',
      patch: [
        { op: 'replace', path: '/a', value: 2 },
        { op: 'replace', path: '/tags/1', value: 'z' },
        { op: 'remove', path: '/odd~1key~0/drop' },
        { op: 'add', path: '/added', value: 'new' },
      ],
      notes: ['updated'],
    });
  });

  it('includes data written by actions in the patch, and omits event data when none was sent', () => {
    const next = send(def, start(def).case, 'SUBMIT');
    expect(next.history.event).toEqual({ type: 'SUBMIT' });
    expect(next.history.patch).toEqual([{ op: 'add', path: '/status', value: 'submitted' }]);
    expect(next.history.to).toBe('submitted');
  });
});
