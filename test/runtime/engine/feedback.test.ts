import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { FEEDBACK_RECEIVED, recordFeedback, surveyKey, type Case } from '../../../runtime/engine/index.ts';

const feedback: NonNullable<CaseType['feedback']> = { question: 'How did we do?', scale: { min: 1, max: 5 }, comment: { label: 'Why?' } };
const closed = {
  id: 'c1', caseType: 'request', version: 1, state: 'resolved', data: { subject: 'Refund' }, revision: 3, priority: 'normal', queue: null, assignee: null,
  channel: 'email', parentId: null, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z', closedAt: '2026-01-05T10:00:00.000Z',
  tasks: [], slas: [], timers: [], checklist: {},
} as unknown as Case;

describe('recordFeedback', () => {
  it('records the answer on a closed case as feedback.received by the customer, changing nothing else', () => {
    const outcome = recordFeedback(feedback, closed, { score: 5, comment: ' Great ' }, '2026-01-06T08:00:00.000Z');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.case).toEqual({ ...closed, revision: 4, updatedAt: '2026-01-06T08:00:00.000Z' });
    expect(outcome.effects).toEqual([]);
    expect(outcome.history).toEqual({
      seq: 4, at: '2026-01-06T08:00:00.000Z', actor: 'customer', event: { type: FEEDBACK_RECEIVED, data: { score: 5, comment: 'Great' } },
      from: 'resolved', to: 'resolved', patch: [], notes: [],
    });
  });

  it('refuses a score off the scale, a comment the survey does not ask for and other members, each at its pointer', () => {
    const { comment: _comment, ...scoreOnly } = feedback;
    const outcome = recordFeedback(scoreOnly, closed, { score: 0, comment: 'Hm', extra: true }, '2026-01-06T08:00:00.000Z');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect([outcome.code, outcome.problems]).toEqual([
      'data.invalid',
      [
        { pointer: '/extra', message: '/extra is not part of an answer: send only score and comment' },
        { pointer: '/score', message: '/score must be a whole number from 1 to 5' },
        { pointer: '/comment', message: '/comment is not asked for by this survey' },
      ],
    ]);
    expect(recordFeedback(feedback, closed, { score: 2.5 }, '2026-01-06T08:00:00.000Z').ok).toBe(false);
    expect(recordFeedback(feedback, closed, { score: 3, comment: 'x'.repeat(2001) }, '2026-01-06T08:00:00.000Z').ok).toBe(false);
  });

  it('escapes ~ and / in the pointer of a member that is not part of an answer (RFC 6901)', () => {
    const outcome = recordFeedback(feedback, closed, { score: 4, 'a/b': 1, 'c~d': 2 }, '2026-01-06T08:00:00.000Z');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      { pointer: '/a~1b', message: '/a~1b is not part of an answer: send only score and comment' },
      { pointer: '/c~0d', message: '/c~0d is not part of an answer: send only score and comment' },
    ]);
  });

  it('keys the survey mail once per case', () => {
    expect(surveyKey('c1')).toBe('c1:feedback');
  });
});
