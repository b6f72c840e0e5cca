// The stuck agent: a checklist item or a guard needs a field that nothing can fill in while the case is in
// that state. Fires when no event accepted there, no intake field, no earlier set action and no guarantee
// on the way in covers the field; silent as soon as one does (hierarchy and parallel regions included).
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';
import type { Problem } from '../../../schemas/problems.ts';

type Json = Record<string, unknown>;

const codes = ['state.checklist_unfillable', 'transition.guard_unfillable'];

function stuck(definition: Json): Problem[] {
  return validateCaseType(definition).filter((p) => codes.includes(p.code));
}

function places(definition: Json): string[] {
  return stuck(definition).map((p) => `${p.code} ${p.pointer}`);
}

const data = {
  type: 'object',
  required: ['customer'],
  properties: {
    customer: { type: 'object', title: 'Customer', properties: { name: { type: 'string', title: 'Name' } } },
    claim: {
      type: 'object',
      title: 'Claim',
      properties: {
        amount: { type: 'number', title: 'Amount' },
        reason: { type: 'string', title: 'Reason' },
      },
    },
    severity: { enum: ['low', 'high'], title: 'Severity' },
    decision: { type: 'string' },
  },
};

const form = {
  sections: [
    { id: 'intake', title: 'Intake', fields: ['/customer/name'] },
    { id: 'work', title: 'Work', fields: ['/claim/amount', '/claim/reason', '/severity', '/decision'] },
  ],
};

const rules = {
  amountKnown: {
    title: 'Amount known',
    schema: { required: ['claim'], properties: { claim: { required: ['amount'] } } },
  },
  severityKnown: { title: 'Severity known', schema: { required: ['severity'] } },
  decided: { schema: { required: ['decision'] } },
};

/** A closed payload carrying the given top-level fields (their schemas from `data`). */
function carries(...fields: string[]): Json {
  const properties = data.properties as Record<string, unknown>;
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((f) => [f, properties[f]])),
  };
}

function definition(states: Json, events: Json, extra: Json = {}): Json {
  return {
    key: 'claims',
    title: 'Claims',
    data,
    form,
    rules,
    events,
    playbook: { initial: 'negotiation', states },
    ...extra,
  };
}

const closed = { title: 'Closed', type: 'final' };

describe('a checklist item or guard that needs a field nothing can fill in', () => {
  it('is reported at the checklist item and at the guard, in business words', () => {
    const def = definition(
      {
        negotiation: {
          title: 'Negotiation',
          checklist: ['amountKnown'],
          on: { AGREE: { target: 'closed', guard: 'amountKnown' } },
        },
        closed,
      },
      { AGREE: { title: 'Agree on the amount' } },
    );
    const problems = stuck(def);
    expect(problems.map((p) => [p.code, p.pointer, p.severity])).toEqual([
      ['state.checklist_unfillable', '/playbook/states/negotiation/checklist/0', 'warning'],
      ['transition.guard_unfillable', '/playbook/states/negotiation/on/AGREE/guard', 'warning'],
    ]);
    expect(problems[0]?.message).toBe(
      "in ‘Negotiation’, the checklist item ‘Amount known’ needs ‘Claim › Amount’, but no event accepted there can fill it in; add it to an event's form or remove the item from the checklist",
    );
    expect(problems[1]?.message).toBe(
      "in ‘Negotiation’, the condition for ‘Agree on the amount’ to ‘Closed’ needs ‘Claim › Amount’, but no event accepted there can fill it in; add it to an event's form or change the condition",
    );
  });

  it('names only the innermost missing field, and several fields together', () => {
    const def = definition(
      {
        negotiation: { title: 'Negotiation', checklist: ['both'], on: { AGREE: 'closed' } },
        closed,
      },
      { AGREE: { title: 'Agree' } },
      {
        rules: {
          ...rules,
          both: {
            title: 'All known',
            schema: { allOf: [{ required: ['severity'] }, rules.amountKnown.schema] },
          },
        },
      },
    );
    const [problem] = stuck(def);
    expect(problem?.message).toContain(
      "needs ‘Severity’ and ‘Claim › Amount’, but no event accepted there can fill them in; add them to an event's form",
    );
  });

  it('names untitled states, rules and events by their keys spelled as words, never by pointers', () => {
    const def = definition(
      {
        waitingForDecision: {
          checklist: ['decided'],
          on: { SEND_IT: { target: 'closed', guard: 'decided' } },
        },
        closed,
      },
      { SEND_IT: {} },
      {
        playbook: {
          initial: 'waitingForDecision',
          states: {
            waitingForDecision: {
              checklist: ['decided'],
              on: { SEND_IT: { target: 'closed', guard: 'decided' } },
            },
            closed,
          },
        },
      },
    );
    const messages = stuck(def).map((p) => p.message);
    expect(messages).toEqual([
      "in ‘Waiting for decision’, the checklist item ‘Decided’ needs ‘Decision’, but no event accepted there can fill it in; add it to an event's form or remove the item from the checklist",
      "in ‘Waiting for decision’, the condition for ‘Send it’ to ‘Closed’ needs ‘Decision’, but no event accepted there can fill it in; add it to an event's form or change the condition",
    ]);
    for (const message of messages) expect(message).not.toMatch(/\/|waitingForDecision|SEND_IT/);
  });

  it('is silent when an event accepted in the state carries the field (or an open payload could)', () => {
    const states = {
      negotiation: {
        title: 'Negotiation',
        checklist: ['amountKnown'],
        on: { AGREE: { target: 'closed', guard: 'amountKnown' } },
      },
      closed,
    };
    expect(places(definition(states, { AGREE: { title: 'Agree', data: carries('claim') } }))).toEqual([]);
    expect(places(definition(states, { AGREE: { title: 'Agree', data: { type: 'object' } } }))).toEqual([]);
    // a closed payload that carries the claim's reason only cannot fill in its amount
    const reasonOnly = {
      type: 'object',
      additionalProperties: false,
      properties: {
        claim: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string' } } },
      },
    };
    expect(places(definition(states, { AGREE: { title: 'Agree', data: reasonOnly } }))).toHaveLength(2);
    // an undeclared event (an error of its own) may be declared with any payload
    expect(places(definition(states, {}))).toEqual([]);
  });

  it('is silent for fields of the intake form, fields the data requires, and every field without a form', () => {
    const states = {
      negotiation: {
        title: 'Negotiation',
        checklist: ['amountKnown'],
        on: { AGREE: { target: 'closed', guard: 'amountKnown' } },
      },
      closed,
    };
    const events = { AGREE: { title: 'Agree' } };
    const onIntake = { sections: [{ id: 'intake', fields: ['/customer/name', '/claim'] }] };
    expect(places(definition(states, events, { form: onIntake }))).toEqual([]);
    expect(places(definition(states, events))).toHaveLength(2);
    // a required top-level field is on the intake form ("Also required"), the claim with its amount
    expect(
      places(definition(states, events, { data: { ...data, required: ['customer', 'claim'] } })),
    ).toEqual([]);
    // a field on the intake form fills in that field only
    const otherIntake = { sections: [{ id: 'intake', fields: ['/customer/name', '/claim/reason'] }] };
    expect(places(definition(states, events, { form: otherIntake }))).toHaveLength(2);
    const { form: _form, ...withoutForm } = definition(states, events);
    expect(places(withoutForm)).toEqual([]);
  });

  it('is silent when a set action before or in the state writes the field, not when it only runs afterwards', () => {
    const set = [{ type: 'set', path: '/claim/amount', value: 100 }];
    const states = (where: 'entry' | 'before' | 'after' | 'clears'): Json => ({
      intake: {
        title: 'Intake',
        on: { START: { target: 'negotiation', ...(where === 'before' ? { actions: set } : {}) } },
      },
      negotiation: {
        title: 'Negotiation',
        ...(where === 'entry' ? { entry: set } : {}),
        ...(where === 'clears' ? { entry: [{ type: 'set', path: '/claim/amount', value: null }] } : {}),
        checklist: ['amountKnown'],
        on: { AGREE: { target: 'closed', guard: 'amountKnown' } },
      },
      closed: { title: 'Closed', type: 'final', ...(where === 'after' ? { entry: set } : {}) },
    });
    const events = { START: { title: 'Start' }, AGREE: { title: 'Agree' } };
    const run = (where: 'entry' | 'before' | 'after' | 'clears'): number =>
      stuck({ ...definition(states(where), events), playbook: { initial: 'intake', states: states(where) } })
        .length;
    expect(run('entry')).toBe(0);
    expect(run('before')).toBe(0);
    expect(run('after')).toBe(2);
    expect(run('clears')).toBe(2);
  });

  it('is silent when every way into the state guarantees the field, and fires when one way does not', () => {
    const states = (guardBoth: boolean): Json => ({
      triage: {
        title: 'Triage',
        checklist: ['severityKnown'],
        on: {
          SUBMIT: { target: 'deciding', guard: 'severityKnown' },
          SKIP: guardBoth ? { target: 'deciding', guard: 'severityKnown' } : 'deciding',
        },
      },
      deciding: { title: 'Decide', on: { DECIDE: { target: 'closed', guard: 'severityKnown' } } },
      closed,
    });
    const events = {
      SUBMIT: { title: 'Submit', data: carries('severity') },
      SKIP: { title: 'Skip' },
      DECIDE: { title: 'Decide' },
    };
    const build = (guardBoth: boolean): Json => ({
      ...definition(states(guardBoth), events),
      playbook: { initial: 'triage', states: states(guardBoth) },
    });
    expect(places(build(true))).toEqual([]);
    // the field could have been filled in in triage, but SKIP leaves without it: in Decide the agent is stuck
    expect(places(build(false))).toEqual([
      'transition.guard_unfillable /playbook/states/deciding/on/DECIDE/guard',
    ]);
  });

  it('follows guards: all adds up, any needs what every branch needs, not and in need nothing', () => {
    const withGuard = (guard: unknown): Json =>
      definition(
        { negotiation: { title: 'Negotiation', on: { AGREE: { target: 'closed', guard } } }, closed },
        { AGREE: { title: 'Agree', data: carries('severity') } },
      );
    expect(places(withGuard({ all: ['severityKnown', 'amountKnown'] }))).toHaveLength(1);
    expect(places(withGuard({ any: ['severityKnown', 'amountKnown'] }))).toEqual([]);
    expect(places(withGuard({ any: ['decided', { all: ['decided', 'amountKnown'] }] }))).toHaveLength(1);
    expect(places(withGuard({ not: 'amountKnown' }))).toEqual([]);
    expect(places(withGuard({ all: [{ in: ['negotiation'] }, { not: 'decided' }] }))).toEqual([]);
  });

  it('checks automatic and timed transitions too, in words', () => {
    const def = definition(
      {
        negotiation: {
          title: 'Negotiation',
          always: [{ target: 'closed', guard: 'decided' }],
          after: [{ delay: 'P2D', calendar: 'office', target: 'closed', guard: 'amountKnown' }],
        },
        closed,
      },
      {},
      { calendars: { office: { timezone: 'Europe/Amsterdam', hours: { mon: [['09:00', '17:00']] } } } },
    );
    expect(stuck(def).map((p) => [p.pointer, p.message.split(' needs ')[0]])).toEqual([
      [
        '/playbook/states/negotiation/after/0/guard',
        'in ‘Negotiation’, the condition of the wait of 2 days to ‘Closed’',
      ],
      [
        '/playbook/states/negotiation/always/0/guard',
        'in ‘Negotiation’, the condition of the automatic move to ‘Closed’',
      ],
    ]);
  });
});

describe('in a hierarchy', () => {
  const build = (where: 'parent' | 'sibling', decideCarries = true): Json =>
    definition(
      {
        negotiation: {
          title: 'Negotiation',
          initial: 'offering',
          ...(where === 'parent' ? { on: { SEND_AMOUNT: {} } } : {}),
          states: {
            offering: {
              title: 'Make an offer',
              checklist: ['amountKnown'],
              on: { OFFER: { target: 'waiting', guard: 'amountKnown' } },
            },
            waiting: {
              title: 'Wait',
              on: { SETTLE: 'settled', ...(where === 'sibling' ? { SEND_AMOUNT: 'offering' } : {}) },
            },
          },
        },
        settled: {
          title: 'Settled',
          initial: 'paying',
          checklist: ['decided'],
          states: {
            paying: { title: 'Pay', on: { DECIDE: { target: 'done', guard: 'decided' } } },
            done: { title: 'Done', type: 'final' },
          },
        },
      },
      {
        OFFER: { title: 'Offer' },
        SETTLE: { title: 'Settle' },
        SEND_AMOUNT: { title: 'Send the amount', data: carries('claim') },
        DECIDE: { title: 'Decide', ...(decideCarries ? { data: carries('decision') } : {}) },
      },
    );

  it('counts the events of enclosing states', () => {
    expect(places(build('parent'))).toEqual([]);
  });

  it('does not count the events of a sibling state the case is not in', () => {
    expect(places(build('sibling'))).toEqual([
      'state.checklist_unfillable /playbook/states/negotiation/states/offering/checklist/0',
      'transition.guard_unfillable /playbook/states/negotiation/states/offering/on/OFFER/guard',
    ]);
  });

  it('counts the events of inner states for the checklist of a compound state', () => {
    expect(places(build('parent', false))).toEqual([
      'state.checklist_unfillable /playbook/states/settled/checklist/0',
      'transition.guard_unfillable /playbook/states/settled/states/paying/on/DECIDE/guard',
    ]);
  });
});

describe('in parallel regions', () => {
  const build = (amountEventIn: 'otherRegion' | 'outside' | 'sameRegionLater'): Json =>
    definition(
      {
        collecting: {
          title: 'Collect',
          type: 'parallel',
          states: {
            money: {
              title: 'Money',
              initial: 'pricing',
              states: {
                pricing: {
                  title: 'Price the claim',
                  checklist: ['amountKnown'],
                  on: { PRICED: { target: 'priced', guard: 'amountKnown' } },
                },
                priced:
                  amountEventIn === 'sameRegionLater'
                    ? { title: 'Priced', on: { SEND_AMOUNT: {} } }
                    : { title: 'Priced', type: 'final' },
              },
            },
            reasons: {
              title: 'Reasons',
              initial: 'asking',
              states: {
                asking: {
                  title: 'Ask for the reason',
                  on: {
                    REASON_GIVEN: 'answered',
                    ...(amountEventIn === 'otherRegion' ? { SEND_AMOUNT: {} } : {}),
                  },
                },
                answered: { title: 'Answered', type: 'final' },
              },
            },
          },
          on: { DONE: 'later' },
        },
        later: {
          title: 'Later',
          on: { ...(amountEventIn === 'outside' ? { SEND_AMOUNT: 'collecting' } : {}), REOPEN: 'collecting' },
        },
        closed,
      },
      {
        PRICED: { title: 'Priced' },
        REASON_GIVEN: { title: 'Reason given' },
        DONE: { title: 'Done' },
        REOPEN: { title: 'Reopen' },
        SEND_AMOUNT: { title: 'Send the amount', data: carries('claim') },
      },
    );
  const run = (where: 'otherRegion' | 'outside' | 'sameRegionLater'): string[] => {
    const def = build(where);
    return places({ ...def, playbook: { initial: 'collecting', states: (def.playbook as Json).states } });
  };
  const both = [
    'state.checklist_unfillable /playbook/states/collecting/states/money/states/pricing/checklist/0',
    'transition.guard_unfillable /playbook/states/collecting/states/money/states/pricing/on/PRICED/guard',
  ];

  it('counts the events of the other regions, which are active at the same time', () => {
    expect(run('otherRegion')).toEqual([]);
  });

  it('counts set actions that run in another region while the case is in the state', () => {
    const def = build('outside');
    const states = JSON.parse(JSON.stringify((def.playbook as Json).states)) as Record<string, Json>;
    const reasons = (states.collecting?.states as Record<string, Json>).reasons as Json;
    const asking = (reasons.states as Record<string, Json>).asking as Json;
    asking.on = {
      REASON_GIVEN: { target: 'answered', actions: [{ type: 'set', path: '/claim/amount', value: 0 }] },
    };
    expect(places({ ...def, playbook: { initial: 'collecting', states } })).toEqual([]);
  });

  it('does not count events of states outside the parallel state or later in the same region', () => {
    expect(run('outside')).toEqual(both);
    expect(run('sameRegionLater')).toEqual(both);
  });
});
