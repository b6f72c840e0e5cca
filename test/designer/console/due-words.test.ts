// Task due times in words (designer/src/console/due-words.ts) and the inbox's due order.
import { describe, expect, it } from 'vitest';
import { byDue, dueView, dueWhen, soonestDue } from '../../../designer/src/console/due-words.ts';
import { sortRows } from '../../../designer/src/console/console-model.ts';
import { wordsFor } from '../../../designer/src/i18n/index.ts';

const en = wordsFor('en');
const nl = wordsFor('nl');
const DUE = '2026-12-09T13:00:00.000Z'; // Wednesday 9 December, 14:00 in Amsterdam

describe('due words', () => {
  it('says a coming due time by weekday, day, month and time, in the reader language', () => {
    expect(dueWhen(DUE, en, 'Europe/Amsterdam')).toBe('Wed 9 Dec 14:00');
    expect(dueView(DUE, Date.parse('2026-12-08T09:00:00.000Z'), en, 'Europe/Amsterdam')).toEqual({ text: 'Due Wed 9 Dec 14:00', overdue: false });
    expect(dueView(DUE, Date.parse('2026-12-08T09:00:00.000Z'), nl, 'Europe/Amsterdam')).toEqual({ text: 'Uiterlijk wo 9 dec 14:00', overdue: false });
  });

  it('says how long a passed due time is overdue, in days past two days', () => {
    expect(dueView(DUE, Date.parse('2026-12-09T15:00:00.000Z'), en).text).toBe('Overdue by 2 h');
    expect(dueView(DUE, Date.parse('2026-12-09T13:00:00.000Z'), en)).toEqual({ text: 'Overdue by 1 min', overdue: true });
    expect(dueView(DUE, Date.parse('2026-12-12T14:00:00.000Z'), en).text).toBe('Overdue by 3 d');
    expect(dueView(DUE, Date.parse('2026-12-09T15:30:00.000Z'), nl).text).toBe('2 u 30 min over tijd');
    expect(dueView(null, 0, en)).toEqual({ text: 'No due time', overdue: false });
  });

  it('orders soonest due first and no due time last, in the inbox too', () => {
    expect([null, '2026-01-02', '2026-01-01', null].sort(byDue)).toEqual(['2026-01-01', '2026-01-02', null, null]);
    expect(soonestDue([{ dueAt: null }, { dueAt: '2026-01-03' }, { dueAt: '2026-01-02' }])).toBe('2026-01-02');
    const row = (caseId: string, dueAt: string | null, createdAt: string) => ({ caseId, createdAt, priority: 'normal', slas: [], dueAt });
    const rows = [row('a', null, '1'), row('b', '2026-01-02', '2'), row('c', '2026-01-01', '3'), row('d', '2026-01-02', '0')];
    expect(sortRows(rows, 'due').map((r) => r.caseId)).toEqual(['c', 'd', 'b', 'a']);
  });
});
