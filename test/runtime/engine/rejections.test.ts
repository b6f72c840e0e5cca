import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, createCase } from '../../../runtime/engine/index.ts';
import type { Case, CaseEvent, Actor } from '../../../runtime/engine/index.ts';
import { caseType, start, stored } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'triage',
    states: {
      triage: {
        on: {
          SUBMIT_TRIAGE: [
            { target: 'investigating', guard: { all: ['triaged', 'highSeverity'] } },
            { target: 'resolving', guard: 'triaged' },
          ],
          COMPENSATE: { guard: 'withinMandate', actions: [{ type: 'note', text: 'ok' }] },
        },
      },
      investigating: { on: { CLOSE: 'closed' } },
      resolving: { on: { CLOSE: 'closed', REOPEN: { target: 'triage', guard: { in: ['investigating'] } } } },
      closed: { type: 'final' },
    },
  },
  {
    data: {
      type: 'object',
      properties: {
        reason: { type: 'string' },
        severity: { enum: ['low', 'medium', 'high'] },
        compensation: { type: 'number' },
        customer: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
      },
    },
    rules: {
      triaged: { title: 'Triage complete', schema: { required: ['reason', 'severity'] } },
      highSeverity: { schema: { properties: { severity: { const: 'high' } }, required: ['severity'] } },
      withinMandate: { schema: { properties: { compensation: { maximum: 500 } } } },
    },
    events: {
      SUBMIT_TRIAGE: {
        roles: ['intake-agent'],
        data: { type: 'object', properties: { reason: { type: 'string' }, severity: { enum: ['low', 'medium', 'high'] }, customer: { type: 'object', properties: { email: { type: 'string', format: 'email' } } } } },
      },
      COMPENSATE: { data: { type: 'object', properties: { compensation: { type: 'number' } } } },
      CLOSE: {},
      REOPEN: {},
    },
  },
);

const agent: Actor = { id: 'ann', roles: ['agent', 'intake-agent'] };

function attempt(kase: Case, event: CaseEvent, actor?: Actor) {
  const before = stored(kase);
  const outcome = applyEvent(compileCaseType(def), kase, event, '2026-01-05T10:00:00.000Z', actor);
  // a rejected event changes nothing
  expect(kase).toEqual(before);
  return outcome;
}

describe('rejections', () => {
  const kase = start(def).case;

  it('event.unknown for an event the case type does not define', () => {
    expect(attempt(kase, { type: 'ESCALATE' }, agent)).toEqual({
      ok: false,
      code: 'event.unknown',
      message: 'Case type "test-case" has no event "ESCALATE". Send one of "SUBMIT_TRIAGE", "COMPENSATE", "CLOSE", "REOPEN".',
      problems: [],
    });
  });

  it('event.forbidden when the actor holds none of the event roles; admins and the system may', () => {
    const clerk = { id: 'bob', roles: ['agent'] };
    expect(attempt(kase, { type: 'SUBMIT_TRIAGE' }, clerk)).toEqual({
      ok: false,
      code: 'event.forbidden',
      message: '"SUBMIT_TRIAGE" may be sent only by "intake-agent" (or an admin); ask someone with one of these roles.',
      problems: [],
    });
    expect(attempt(kase, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } }, { id: 'root', roles: ['admin'] }).ok).toBe(true);
    expect(attempt(kase, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } }).ok).toBe(true);
    expect(attempt(kase, { type: 'CLOSE' }, clerk)).toMatchObject({ code: 'event.not_accepted' });
  });

  it('event.forbidden for a system event sent by a person', () => {
    expect(attempt(kase, { type: 'timer.triage.0' }, agent)).toMatchObject({ code: 'event.forbidden', message: '"timer.triage.0" is a system event: only the runtime (or an admin) may send it.' });
  });

  it('data.invalid for a payload that breaks the event schema, in field terms', () => {
    expect(attempt(kase, { type: 'SUBMIT_TRIAGE', data: { severity: 'huge', customer: { email: 'nope' } } }, agent)).toEqual({
      ok: false,
      code: 'data.invalid',
      message: 'The data sent with "SUBMIT_TRIAGE" is not valid: fix the fields listed.',
      problems: [
        { pointer: '/severity', message: '/severity must be one of "low", "medium", "high"' },
        { pointer: '/customer/email', message: '/customer/email must be an e-mail address such as name@example.com' },
      ],
    });
  });

  it('data.invalid for a payload on an event without a data schema', () => {
    expect(attempt(kase, { type: 'CLOSE', data: { reason: 'x' } }, agent)).toEqual({
      ok: false,
      code: 'data.invalid',
      message: '"CLOSE" carries no data: send it without data.',
      problems: [{ pointer: '/reason', message: '/reason cannot be sent with CLOSE: remove it' }],
    });
  });

  it('data.invalid when the merged data breaks the case data schema', () => {
    const strict = { ...def, key: 'strict-case', events: { ...def.events, COMPENSATE: { data: { type: 'object' as const } } } };
    const c = start(strict).case;
    const outcome = applyEvent(compileCaseType(strict), c, { type: 'COMPENSATE', data: { compensation: 'lots' } }, '2026-01-05T10:00:00.000Z');
    expect(outcome).toEqual({
      ok: false,
      code: 'data.invalid',
      message: 'With the data of "COMPENSATE" merged in, the case data would not be valid: fix the fields listed.',
      problems: [{ pointer: '/compensation', message: '/compensation must be a number' }],
    });
  });

  it('event.not_accepted when no active state has a transition for it', () => {
    expect(attempt(kase, { type: 'CLOSE' }, agent)).toEqual({
      ok: false,
      code: 'event.not_accepted',
      message: '"CLOSE" cannot be sent while the case is in triage.',
      problems: [],
    });
  });

  it('rule.failed names the failing rules of the alternative nearest to being taken, in field terms', () => {
    // "triaged and highSeverity" or "triaged": highSeverity only chooses the route, so only "triaged" is asked for
    expect(attempt(kase, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing' } }, agent)).toEqual({
      ok: false,
      code: 'rule.failed',
      message: '"SUBMIT_TRIAGE" is blocked: rule "triaged" not met. Complete the fields listed and send it again.',
      problems: [{ pointer: '/severity', message: 'missing: /severity' }],
      rules: ['triaged'],
    });
    // a correct low severity is not asked to change
    const low = attempt(kase, { type: 'SUBMIT_TRIAGE', data: { severity: 'low' } }, agent);
    expect(low).toMatchObject({ ok: false, rules: ['triaged'], problems: [{ pointer: '/reason', message: 'missing: /reason' }] });
  });

  it('rule.failed still when a payload tries to supply a field through "__proto__"', () => {
    const payload = JSON.parse('{"__proto__": {"reason": "billing", "severity": "high"}}') as CaseEvent['data'];
    expect(attempt(kase, { type: 'COMPENSATE', data: payload })).toMatchObject({ ok: true });
    const sneaky = attempt(kase, { type: 'SUBMIT_TRIAGE', data: payload }, agent);
    expect(sneaky).toMatchObject({ ok: false, code: 'rule.failed', rules: ['triaged'] });
  });

  it('rule.failed with a limit: "/compensation must be ≤ 500"', () => {
    expect(attempt(kase, { type: 'COMPENSATE', data: { compensation: 750 } }, agent)).toEqual({
      ok: false,
      code: 'rule.failed',
      message: '"COMPENSATE" is blocked: rule "withinMandate" not met. Complete the fields listed and send it again.',
      problems: [{ pointer: '/compensation', message: '/compensation must be ≤ 500' }],
      rules: ['withinMandate'],
    });
  });

  it('rule.failed without rules when only an { in } guard fails', () => {
    const resolving = applyEvent(compileCaseType(def), kase, { type: 'SUBMIT_TRIAGE', data: { reason: 'b', severity: 'low' } }, '2026-01-05T10:00:00.000Z');
    if (!resolving.ok) throw new Error(resolving.message);
    expect(attempt(resolving.case, { type: 'REOPEN' })).toEqual({
      ok: false,
      code: 'rule.failed',
      message: '"REOPEN" is blocked in the current state: its condition on the case\'s states does not hold.',
      problems: [],
      rules: [],
    });
  });

  it('event.not_accepted once the case is closed', () => {
    const type = compileCaseType(def);
    const a = applyEvent(type, kase, { type: 'SUBMIT_TRIAGE', data: { reason: 'b', severity: 'high' } }, '2026-01-05T10:00:00.000Z');
    if (!a.ok) throw new Error(a.message);
    const closed = applyEvent(type, a.case, { type: 'CLOSE' }, '2026-01-05T11:00:00.000Z');
    if (!closed.ok) throw new Error(closed.message);
    expect(closed.case.closedAt).toBe('2026-01-05T11:00:00.000Z');
    expect(attempt(closed.case, { type: 'CLOSE' })).toMatchObject({ code: 'event.not_accepted', message: 'The case is closed: "CLOSE" cannot be sent any more.' });
  });

  it('createCase rejects data that breaks the case data schema', () => {
    expect(createCase(compileCaseType(def), { id: 'C2', data: { severity: 'x' } }, '2026-01-05T09:00:00.000Z')).toEqual({
      ok: false,
      code: 'data.invalid',
      message: 'The data of the new "test-case" case is not valid: fix the fields listed.',
      problems: [{ pointer: '/severity', message: '/severity must be one of "low", "medium", "high"' }],
    });
  });
});
