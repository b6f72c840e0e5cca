import { describe, expect, it } from 'vitest';
import { activeLeaves, checkCase, latestSla, stateMatches, subsetMismatch } from '../../../runtime/scenarios/scenario-expect.ts';
import type { Case, SlaInstance } from '../../../runtime/engine/index.ts';

function sla(id: string, status: SlaInstance['status']): SlaInstance {
  return {
    id,
    name: id.split('#')[0] as string,
    status,
    startedAt: '2026-01-05T09:00:00.000Z',
    pauses: [],
    closedAt: null,
    rungs: [],
    urgency: 0,
  };
}

const kase: Case = {
  id: 'c',
  caseType: 'refund',
  version: 1,
  state: { review: { legal: 'check', finance: 'done' } },
  data: { amount: 20, customer: { name: 'Ann', tags: ['a', 'b'] } },
  priority: 'normal',
  queue: null,
  assignee: null,
  channel: null,
  parentId: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  closedAt: null,
  revision: 1,
  tasks: [
    {
      id: 't1',
      state: 'check',
      title: 'Check',
      queue: null,
      role: null,
      form: null,
      openedAt: '2026-01-05T09:00:00.000Z',
      dueAt: null,
      assignee: null,
    },
    {
      id: 't2',
      state: 'done',
      title: 'Archive',
      queue: null,
      role: null,
      form: null,
      openedAt: '2026-01-05T09:00:00.000Z',
      dueAt: null,
      assignee: null,
    },
  ],
  slas: [sla('handling#1', 'met'), sla('handling#2', 'running')],
  timers: [],
  children: [],
  seq: 0,
};

describe('state expectations', () => {
  it('lists the active leaves of a parallel state', () => {
    expect(activeLeaves(kase.state)).toEqual(['check', 'done']);
  });

  it('matches a string on the whole value or an active leaf, and an object exactly', () => {
    expect(stateMatches('check', kase.state)).toBe(true);
    expect(stateMatches('done', kase.state)).toBe(true);
    expect(stateMatches('review', kase.state)).toBe(false);
    expect(stateMatches('legal', kase.state)).toBe(false);
    expect(stateMatches({ review: { legal: 'check', finance: 'done' } }, kase.state)).toBe(true);
    expect(stateMatches({ review: { legal: 'check' } }, kase.state)).toBe(false);
    expect(stateMatches('triage', 'triage')).toBe(true);
  });
});

describe('subsetMismatch', () => {
  it('accepts a subset and points at the first difference', () => {
    expect(subsetMismatch({ customer: { name: 'Ann' } }, kase.data)).toBe(null);
    expect(subsetMismatch({ customer: { tags: ['a', 'b'] } }, kase.data)).toBe(null);
    expect(subsetMismatch({ customer: { tags: ['a'] } }, kase.data)).toBe('/customer/tags');
    expect(subsetMismatch({ customer: { email: 'x' } }, kase.data)).toBe('/customer/email');
    expect(subsetMismatch({ amount: 21 }, kase.data)).toBe('/amount');
  });
});

describe('latestSla', () => {
  it('takes the record with the highest reset count', () => {
    expect(latestSla(kase.slas, 'handling')?.id).toBe('handling#2');
    expect(latestSla(kase.slas, 'other')).toBe(undefined);
  });
});

describe('checkCase', () => {
  it('passes when every expectation holds', () => {
    expect(
      checkCase(
        {
          state: 'check',
          data: { amount: 20 },
          priority: 'normal',
          tasks: ['Archive', 'Check'],
          slas: { handling: 'running' },
        },
        kase,
      ),
    ).toBe(null);
  });

  it('fails on each kind with what was expected and what was found', () => {
    expect(checkCase({ state: 'closed' }, kase)).toEqual({
      check: 'state',
      message: 'state is {"review":{"legal":"check","finance":"done"}}, expected "closed"',
      expected: 'closed',
      actual: { review: { legal: 'check', finance: 'done' } },
      problems: [],
    });
    expect(checkCase({ data: { customer: { email: 'ann@example.com' } } }, kase)).toEqual({
      check: 'data',
      message: 'data /customer/email is missing, expected "ann@example.com"',
      expected: 'ann@example.com',
      actual: null,
      problems: [],
    });
    expect(checkCase({ priority: 'urgent' }, kase)).toEqual({
      check: 'priority',
      message: 'priority is "normal", expected "urgent"',
      expected: 'urgent',
      actual: 'normal',
      problems: [],
    });
    expect(checkCase({ tasks: ['Check'] }, kase)).toEqual({
      check: 'tasks',
      message: 'open tasks are ["Archive","Check"], expected ["Check"]',
      expected: ['Check'],
      actual: ['Archive', 'Check'],
      problems: [],
    });
    expect(checkCase({ slas: { handling: 'met' } }, kase)).toEqual({
      check: 'slas',
      message: 'SLA handling is "running", expected "met"',
      expected: 'met',
      actual: 'running',
      problems: [],
    });
    expect(checkCase({ slas: { resolution: 'met' } }, kase)).toEqual({
      check: 'slas',
      message: 'SLA resolution has no record, expected "met"',
      expected: 'met',
      actual: null,
      problems: [],
    });
  });

  it('checks in the order state, data, priority, tasks, slas and reports only the first failure', () => {
    expect(checkCase({ priority: 'low', state: 'closed' }, kase)?.check).toBe('state');
  });
});
