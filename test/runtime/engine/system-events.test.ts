import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType } from '../../../runtime/engine/index.ts';
import { accepted, caseType, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'new',
    states: {
      new: { on: { 'case.created': { target: 'open', actions: [{ type: 'note', text: 'welcome' }] } } },
      open: { on: { 'sla.response.breached': { actions: [{ type: 'priority', value: 'high' }] } } },
    },
  },
  { events: { PING: {} } },
);

describe('system events', () => {
  it('sends case.created to the machine on creation', () => {
    const created = start(def);
    expect(created.case.state).toBe('open');
    expect(created.history).toMatchObject({ event: { type: 'case.created' }, from: null, to: 'open', notes: ['welcome'] });
  });

  it('accepts a handled system event from the system or an admin', () => {
    const kase = start(def).case;
    const type = compileCaseType(def);
    expect(accepted(applyEvent(type, kase, { type: 'sla.response.breached' }, '2026-01-05T10:00:00.000Z')).case.priority).toBe('high');
    expect(accepted(applyEvent(type, kase, { type: 'sla.response.breached' }, '2026-01-05T10:00:00.000Z', { id: 'root', roles: ['admin'] })).history.actor).toBe('root');
  });

  it('does not accept a system event nothing handles', () => {
    const kase = start(def).case;
    const type = compileCaseType(def);
    for (const event of ['child.closed', 'timer.open.0', 'sla.response.warning']) {
      expect(applyEvent(type, kase, { type: event }, '2026-01-05T10:00:00.000Z')).toEqual({
        ok: false,
        code: 'event.not_accepted',
        message: `"${event}" cannot be sent while the case is in open.`,
        problems: [],
      });
    }
  });

  it('treats a lower-case name outside the system patterns as unknown', () => {
    expect(applyEvent(compileCaseType(def), start(def).case, { type: 'sla.response' }, '2026-01-05T10:00:00.000Z')).toMatchObject({ code: 'event.unknown' });
  });
});
