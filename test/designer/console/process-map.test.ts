// The process map's words (designer/src/console/process-map.ts): states and events by their titles, never ids,
// nested state values in words, an edge's label with its count and median, the window's start.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { edgeLabel, edgeWidth, eventTitle, mapFiltersSearch, parseMapFilters, stateTitle, windowFrom, type MapEdge } from '../../../designer/src/console/process-map.ts';
import { wordsFor } from '../../../designer/src/i18n/index.ts';

const def = {
  key: 'ticket',
  title: 'Ticket',
  data: { type: 'object' },
  events: { WAIT: { title: 'Wait for the customer' } },
  playbook: { initial: 'work', states: { work: { title: 'Working', initial: 'a', states: { a: { title: 'Reading' }, b: {} }, on: { WAIT: 'waiting' } }, waiting: { title: 'Waiting' } } },
} as unknown as CaseType;

const edge = (count: number, cases: number, medianMs: number | null): MapEdge => ({ source: 'work', event: 'WAIT', target: 'waiting', count, cases, medianMs, p90Ms: medianMs, revisits: 0, loop: false, designed: true, sourceState: 'work', targetState: 'waiting' });

describe('process map words', () => {
  const en = wordsFor('en');
  const nl = wordsFor('nl');
  it('names states and events by their titles; a nested value by its states', () => {
    expect(stateTitle(def, 'waiting')).toBe('Waiting');
    expect(stateTitle(def, '{"work":"a"}')).toBe('Working: Reading');
    expect(stateTitle(def, '{"work":"b"}')).toBe('Working: b');
    expect(eventTitle(def, 'WAIT', en)).toBe('Wait for the customer');
  });

  it('labels an edge with its cases and median in words, in both languages', () => {
    expect(edgeLabel(edge(42, 42, 3 * 3_600_000), en)).toBe('42 cases · median 3 h');
    expect(edgeLabel(edge(45, 42, null), en)).toBe('45 times by 42 cases');
    expect(edgeLabel(edge(1, 1, 3 * 3_600_000), nl)).toBe('1 zaak · mediaan 3 u');
  });

  it('widens an edge by its count; the window starts the given days back', () => {
    expect(edgeWidth(10, 10)).toBe(8);
    expect(edgeWidth(0, 10)).toBe(1.5);
    expect(windowFrom('7', Date.parse('2026-03-08T00:00:00Z'))).toBe('2026-03-01T00:00:00.000Z');
    expect(windowFrom('', 0)).toBeUndefined();
  });
});

describe('the process map filters in the address', () => {
  it('reads the reports area link and writes back only what differs from the defaults', () => {
    expect(parseMapFilters('?caseType=ticket')).toEqual({ days: '30', caseType: 'ticket', version: '', queue: '', channel: '' });
    expect(parseMapFilters('?window=all&caseType=ticket&version=2&queue=second&channel=web&token=x')).toEqual({ days: '', caseType: 'ticket', version: '2', queue: 'second', channel: 'web' });
    expect(parseMapFilters('?window=12&version=2')).toEqual({ days: '30', caseType: '', version: '', queue: '', channel: '' });
    expect(mapFiltersSearch(parseMapFilters('?window=7&caseType=ticket&channel=phone'))).toBe('?window=7&caseType=ticket&channel=phone');
    expect(mapFiltersSearch({ days: '', caseType: 'a b', version: '', queue: '', channel: '' })).toBe('?window=all&caseType=a+b');
    expect(mapFiltersSearch(parseMapFilters(''))).toBe('');
  });
});
