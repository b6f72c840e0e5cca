import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../schemas/validate.ts';
import { untranslated } from '../../schemas/lint/structure.ts';
import { formatMessage } from '../../schemas/problems.ts';

const base = {
  key: 'complaint',
  title: 'Complaint',
  data: {
    type: 'object',
    properties: { reason: { type: 'string' }, priority: { enum: ['normal', 'urgent'] } },
  },
  events: { SUBMIT_TRIAGE: { title: 'Submit triage' } },
  playbook: {
    initial: 'triage',
    states: { triage: { on: { SUBMIT_TRIAGE: 'closed' } }, closed: { type: 'final' } },
  },
};

function messageAt(definition: unknown, pointer: string): string[] {
  return validateCaseType(definition)
    .filter((p) => p.pointer === pointer)
    .map((p) => `${p.severity} ${p.code} ${p.message}`);
}

describe('problem messages', () => {
  it('explains a duration in words', () => {
    const definition = {
      ...base,
      slas: { firstResponse: { start: { event: ['case.created'] }, deadline: '8 hours' } },
    };
    expect(messageAt(definition, '/slas/firstResponse/deadline')).toEqual([
      "error schema.duration '8 hours' is not an ISO 8601 duration such as PT8H",
    ]);
  });

  it('suggests the closest allowed key for an unknown key', () => {
    const definition = {
      ...base,
      data: { type: 'object', properties: { reason: { type: 'string', requried: true } } },
    };
    expect(messageAt(definition, '/data/properties/reason/requried')).toEqual([
      "error schema.unknown_key unknown key 'requried' in a field; did you mean 'required'?",
    ]);
  });

  it('explains event names', () => {
    const definition = { ...base, events: { SUBMIT_TRIAGE: {}, 'submit-triage': {} } };
    expect(messageAt(definition, '/events/submit-triage')).toEqual([
      "error schema.pattern 'submit-triage' is not a valid event name: event names are upper snake case such as SUBMIT_TRIAGE",
    ]);
  });

  it('lists the allowed values of a closed list', () => {
    const definition = {
      ...base,
      playbook: { ...base.playbook, entry: [{ type: 'priority', value: 'critical' }] },
    };
    expect(messageAt(definition, '/playbook/entry/0/value')).toEqual([
      'error schema.enum \'value\' is "critical"; allowed values are "low", "normal", "high", "urgent"',
    ]);
  });

  it('reports the guard the author meant, not every alternative', () => {
    const definition = {
      ...base,
      playbook: {
        initial: 'triage',
        states: {
          triage: { on: { SUBMIT_TRIAGE: { target: 'closed', guard: { ni: ['triage'] } } } },
          closed: { type: 'final' },
        },
      },
    };
    const problems = validateCaseType(definition).map((p) => `${p.pointer} ${p.code} ${p.message}`);
    expect(problems).toEqual([
      "/playbook/states/triage/on/SUBMIT_TRIAGE/guard schema.required a guard is missing the required key 'in'",
      "/playbook/states/triage/on/SUBMIT_TRIAGE/guard/ni schema.unknown_key unknown key 'ni' in a guard; did you mean 'in'?",
    ]);
  });

  it('names a missing target with a suggestion', () => {
    const definition = {
      ...base,
      playbook: {
        initial: 'triage',
        states: { triage: { on: { SUBMIT_TRIAGE: 'closd' } }, closed: { type: 'final' } },
      },
    };
    expect(messageAt(definition, '/playbook/states/triage/on/SUBMIT_TRIAGE')).toEqual([
      "error state.unknown_target transition target 'closd' is not a state; did you mean 'closed'?",
    ]);
  });

  it('says what is wrong with a set value in field terms', () => {
    const definition = {
      ...base,
      playbook: { ...base.playbook, entry: [{ type: 'set', path: '/priority', value: 'high' }] },
    };
    expect(messageAt(definition, '/playbook/entry/0/value')).toEqual([
      'error action.set_value_invalid value "high" is not valid for field \'/priority\': must be one of "normal", "urgent"',
    ]);
  });

  it('explains the calendar rule when comparing goal and deadline', () => {
    const definition = {
      ...base,
      calendars: { office: { timezone: 'Europe/Amsterdam', hours: { mon: [['09:00', '17:00']] } } },
      slas: {
        resolution: {
          start: { event: ['case.created'] },
          stop: { enter: ['closed'] },
          goal: 'P1D',
          deadline: 'PT20H',
          calendar: 'office',
        },
      },
    };
    expect(messageAt(definition, '/slas/resolution/goal')).toEqual([
      "error sla.goal_not_before_deadline goal P1D must be shorter than the deadline PT20H (with calendar 'office', working days are compared before hours)",
    ]);
  });

  it('tells a percentage from a duration in warnAt', () => {
    const sla = {
      start: { event: ['case.created'] },
      stop: { enter: ['closed'] },
      goal: 'PT4H',
      deadline: 'PT8H',
    };
    const definition = { ...base, slas: { a: { ...sla, warnAt: '80 %' }, b: { ...sla, warnAt: '3 hours' } } };
    expect(messageAt(definition, '/slas/a/warnAt')).toEqual([
      "error schema.pattern '80 %' is not a valid percentage: a percentage is a whole number from 0 to 100 followed by %, such as 80%",
    ]);
    expect(messageAt(definition, '/slas/b/warnAt')).toEqual([
      "error schema.duration '3 hours' is not an ISO 8601 duration such as PT8H",
    ]);
  });

  it('names the expected kinds when a value fits no alternative', () => {
    const definition = {
      ...base,
      playbook: {
        ...base.playbook,
        states: { ...base.playbook.states, triage: { on: { SUBMIT_TRIAGE: 5 } } },
      },
    };
    expect(messageAt(definition, '/playbook/states/triage/on/SUBMIT_TRIAGE')).toEqual([
      "error schema.type 'SUBMIT_TRIAGE' must be text, an object or a list, not a whole number",
    ]);
  });

  it('has a sentence for meta-schema keywords without a translation of their own', () => {
    expect(untranslated('multipleOf', '/data/properties/amount')).toEqual({
      severity: 'error',
      code: 'schema.invalid',
      message: "'amount' is not valid here (it breaks the 'multipleOf' rule of the format)",
      pointer: '/data/properties/amount',
    });
  });

  it('fills every placeholder of a template', () => {
    expect(formatMessage('rule.unknown', { name: 'triagd', hint: "; did you mean 'triaged'?" })).toBe(
      "rule 'triagd' is not defined in 'rules'; did you mean 'triaged'?",
    );
  });
});
