// The pure half of CRM look-ups: the effect carries the values read from the case when the action ran;
// `lookup.<name>.done` merges the mapped answer (judged by the data schema), `.failed` keeps its reason in
// the history without touching the data; both are system events no person may send.
import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, isSystemEvent, lookupEventOf, lookupPatch } from '../../../runtime/engine/index.ts';
import { accepted, caseType, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'fetching',
    states: {
      fetching: {
        entry: [
          { type: 'lookup', name: 'crm', url: 'https://crm.example.com/customers', query: { number: '/number', missing: '/nothing' }, map: { '/customer/name': '/person/name' } },
          { type: 'lookup', name: 'loyalty', method: 'POST', url: 'https://loyalty.example.com/points', query: {}, body: { customer: '/number' }, map: { '/points': '/points' }, timeoutSeconds: 3 },
        ],
        on: { 'lookup.crm.done': 'review', 'lookup.crm.failed': 'manual', 'lookup.loyalty.done': {}, 'lookup.loyalty.failed': {} },
      },
      review: {},
      manual: {},
    },
  },
  {
    data: {
      type: 'object',
      properties: { number: { type: 'string' }, points: { type: 'integer' }, customer: { type: 'object', properties: { name: { type: 'string', maxLength: 5 } } } },
    },
  },
);
const T1 = '2026-01-05T10:00:00.000Z';

describe('lookup actions', () => {
  it('emit an effect with the values read from the case when they ran', () => {
    const created = start(def, { number: 'C-17' });
    expect(created.effects.filter((e) => e.type === 'lookup')).toEqual([
      { type: 'lookup', key: 'C1:1:1', name: 'crm', method: 'GET', url: 'https://crm.example.com/customers', query: { number: 'C-17' }, body: null, map: { '/customer/name': '/person/name' }, timeoutMs: 10_000 },
      { type: 'lookup', key: 'C1:1:2', name: 'loyalty', method: 'POST', url: 'https://loyalty.example.com/points', query: {}, body: { customer: 'C-17' }, map: { '/points': '/points' }, timeoutMs: 3000 },
    ]);
  });

  it('take the mapped answer into the data with lookup.<name>.done', () => {
    const kase = start(def, { number: 'C-17' }).case;
    const data = lookupPatch({ '/customer/name': '/person/name', '/points': '/points' }, { person: { name: 'Anna' }, other: 1 });
    expect(data).toEqual({ customer: { name: 'Anna' } });
    const done = accepted(applyEvent(compileCaseType(def), kase, { type: 'lookup.crm.done', data }, T1));
    expect([done.case.state, done.case.data, done.history.actor]).toEqual(['review', { number: 'C-17', customer: { name: 'Anna' } }, 'system']);
  });

  it('reject an answer that makes the data invalid', () => {
    const kase = start(def, { number: 'C-17' }).case;
    const outcome = applyEvent(compileCaseType(def), kase, { type: 'lookup.crm.done', data: { customer: { name: 'Annabel' } } }, T1);
    expect(outcome.ok ? 'accepted' : [outcome.code, outcome.problems.map((p) => p.pointer)]).toEqual(['data.invalid', ['/customer/name']]);
  });

  it('keep a failure reason in the history, not in the data', () => {
    const kase = start(def, { number: 'C-17' }).case;
    const failed = accepted(applyEvent(compileCaseType(def), kase, { type: 'lookup.crm.failed', data: { reason: 'the CRM answered HTTP 500' } }, T1));
    expect([failed.case.state, failed.case.data, failed.history.event]).toEqual(['manual', { number: 'C-17' }, { type: 'lookup.crm.failed', data: { reason: 'the CRM answered HTTP 500' } }]);
  });

  it('have results that are system events, which no agent may send', () => {
    expect([isSystemEvent('lookup.crm.done'), isSystemEvent('lookup.crm.failed'), isSystemEvent('lookup.crm.other'), isSystemEvent('lookup..done')]).toEqual([true, true, false, false]);
    expect([lookupEventOf('lookup.crm-2.failed'), lookupEventOf('sla.crm.breached')]).toEqual([{ name: 'crm-2', outcome: 'failed' }, null]);
    const kase = start(def, { number: 'C-17' }).case;
    const outcome = applyEvent(compileCaseType(def), kase, { type: 'lookup.crm.done', data: {} }, T1, { id: 'anna', roles: ['agent'] });
    expect(outcome.ok ? 'accepted' : outcome.code).toBe('event.forbidden');
  });

  it('leave a field the answer lacks alone, and clear one the answer gives as null', () => {
    expect(lookupPatch({ '/a': '/x', '/b/c': '/y', '/d': '/z' }, { x: null, y: [1, 2] })).toEqual({ a: null, b: { c: [1, 2] } });
  });
});
