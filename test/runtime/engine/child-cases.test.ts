import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, createCase } from '../../../runtime/engine/index.ts';
import { accepted, caseType, send, start } from './engine-fixtures.ts';

const parent = caseType(
  {
    initial: 'open',
    states: {
      open: {
        on: {
          SPLIT: { actions: [{ type: 'createCase', caseType: 'child-case', link: 'child', copy: { '/parentRef': '/ref' } }] },
          'child.closed': { target: 'done', actions: [{ type: 'note', text: 'child closed' }] },
        },
      },
      done: { type: 'final' },
    },
  },
  { key: 'parent-case', events: { SPLIT: {} } },
);

const child = caseType({ initial: 'work', states: { work: { on: { FINISH: 'finished' } }, finished: { type: 'final' } } }, { key: 'child-case', events: { FINISH: {} } });

describe('child cases', () => {
  it('a createCase action links a child; the child closing emits childClosed for the parent; the parent takes child.closed', () => {
    // given a parent that splits off a child
    const p1 = send(parent, start(parent, { ref: 'R-1' }).case, 'SPLIT');
    const effect = p1.effects[0];
    expect(effect).toEqual({ type: 'createCase', key: 'C1:2:1', childId: 'C1-c1', caseType: 'child-case', data: { parentRef: 'R-1' }, parentId: 'C1' });
    if (effect?.type !== 'createCase') throw new Error('expected createCase');
    // when the host creates the child and the child finishes
    const c1 = accepted(createCase(compileCaseType(child), { id: effect.childId, data: effect.data, parentId: effect.parentId }, '2026-01-05T10:00:00.000Z'));
    expect(c1.case.parentId).toBe('C1');
    const c2 = send(child, c1.case, 'FINISH', undefined, '2026-01-05T11:00:00.000Z');
    // then the child is closed and tells its parent
    expect(c2.case.closedAt).toBe('2026-01-05T11:00:00.000Z');
    expect(c2.effects).toEqual([{ type: 'childClosed', key: 'C1-c1:2:1', parentId: 'C1', childId: 'C1-c1' }]);
    // and the parent accepts child.closed from the system
    const p2 = accepted(applyEvent(compileCaseType(parent), p1.case, { type: 'child.closed' }, '2026-01-05T11:00:01.000Z'));
    expect(p2.case.state).toBe('done');
    expect(p2.history.notes).toEqual(['child closed']);
  });

  it('a case without a parent emits no childClosed', () => {
    const c = send(child, start(child).case, 'FINISH');
    expect(c.effects).toEqual([]);
  });
});
