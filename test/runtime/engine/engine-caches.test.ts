// The engine remembers derived figures between steps and views (sla-ledger.ts, sla-ladder.ts,
// sla-explain.ts, explain-slas.ts, transition-check.ts). Whatever it remembered, an answer is the one
// a fresh engine (no memory yet) gives, for records read afresh as a store hands them back.
import { describe, expect, it, vi } from 'vitest';
import type { CaseType, Sla } from '../../../schemas/generated/case-type.ts';
import { compileCaseType, explainSlas, nextEvents } from '../../../runtime/engine/index.ts';
import { updateSlas } from '../../../runtime/engine/sla.ts';
import type { SlaUpdate } from '../../../runtime/engine/sla.ts';
import { slaView } from '../../../runtime/engine/sla-explain.ts';
import type { SlaInstance } from '../../../runtime/engine/types.ts';
import { send, start, stored } from './engine-fixtures.ts';
import { officeDef } from './calendar-fixtures.ts';
import { calendars, caseType, firstResponse, step } from './sla-fixtures.ts';
import { complaint } from './views.fixture.ts';

/** The modules again, with nothing remembered. */
async function freshModules(): Promise<{
  slaView: typeof slaView;
  updateSlas: typeof updateSlas;
}> {
  vi.resetModules();
  const explain = await import('../../../runtime/engine/sla-explain.ts');
  const sla = await import('../../../runtime/engine/sla.ts');
  return { slaView: explain.slaView, updateSlas: sla.updateSlas };
}

const minutes = (n: number): string => new Date(Date.UTC(2026, 0, 5, 9) + n * 60_000).toISOString();

describe('remembered SLA figures', () => {
  // Paused while waiting for the customer, or while a rule holds: two reasons in one ledger.
  const sla: Sla = { ...firstResponse, pause: { in: ['waitingForCustomer'], rule: 'awaitingInfo' }, stop: { enter: ['closed'] } };
  const def = caseType({ firstResponse: sla });

  /** Ask and reply `loops` times, 25 minutes apart (across nights), each step on the record read afresh. */
  function askAndReply(loops: number, explainEach: boolean): { update: SlaUpdate; record: SlaInstance } {
    let update = updateSlas(def, calendars, [], step({ event: 'case.created', now: minutes(0), entered: ['triage'] }));
    for (let i = 1; i <= 2 * loops; i++) {
      const paused = i % 2 === 1;
      const byRule = i % 6 < 2;
      const given = paused
        ? { event: 'ASK', now: minutes(25 * i), entered: byRule ? [] : ['waitingForCustomer'], active: byRule ? ['triage'] : undefined, rules: byRule ? ['awaitingInfo'] : [] }
        : { event: 'REPLY', now: minutes(25 * i), entered: ['triage'] };
      update = updateSlas(def, calendars, stored(update.instances), step(given));
      const [record] = update.instances;
      if (explainEach && record) slaView(def, calendars, stored(record), minutes(25 * i + 5));
    }
    const [record] = update.instances;
    if (!record) throw new Error('no record');
    return { update, record };
  }

  it('explains a long ledger, built step by step, as a fresh engine explains it at once', async () => {
    const { update, record } = askAndReply(40, true);
    const [paused] = updateSlas(def, calendars, stored(update.instances), step({ event: 'ASK', now: minutes(25 * 81), entered: ['waitingForCustomer'] })).instances;
    if (paused?.status !== 'paused') throw new Error('not paused');
    const later = minutes(25 * 81 + 90);
    const warm = [slaView(def, calendars, record, later), slaView(def, calendars, stored(record), later)];
    const fresh = await freshModules();
    const cold = fresh.slaView(def, calendars, stored(record), later);
    expect(warm).toEqual([cold, cold]);
    expect(cold.text).toContain('in 40 pauses:');
    expect(fresh.slaView(def, calendars, stored(paused), later)).toEqual(slaView(def, calendars, paused, later));
  });

  it('sets the same SLA timers as a fresh engine', async () => {
    const { update, record } = askAndReply(12, false);
    const ask = step({ event: 'ASK', now: minutes(25 * 25), entered: ['waitingForCustomer'] });
    const warm = updateSlas(def, calendars, stored(update.instances), ask);
    const fresh = await freshModules();
    expect(fresh.updateSlas(def, calendars, stored(update.instances), ask)).toEqual(warm);
    expect(record.pauses).toHaveLength(12);
  });

  it('writes the reasons with the titles of the definition it is given', () => {
    const { record } = askAndReply(4, false);
    const now = minutes(300);
    const renamed: CaseType = structuredClone(def);
    renamed.playbook.states.waitingForCustomer = { title: 'On hold' };
    const [before, after] = [slaView(def, calendars, record, now), slaView(renamed, calendars, stored(record), now)];
    expect(before.text).toContain("while in 'Waiting for customer'");
    expect(after.text).toContain("while in 'On hold'");
    expect(after.text.replaceAll("'On hold'", "'Waiting for customer'")).toBe(before.text);
  });
});

describe('remembered views of a case', () => {
  const slaDef: CaseType = {
    ...complaint,
    calendars: { office: officeDef },
    slas: { triage: { title: 'Triage', start: { event: ['case.created'] }, stop: { enter: ['resolving'] }, deadline: 'PT4H', calendar: 'office' } },
  };

  it('gives each view of a closed record as its own object, with the compiled case type’s titles', () => {
    const type = compileCaseType(slaDef);
    const kase = send(slaDef, start(slaDef, { customer: { name: 'Ann' }, reason: 'billing', severity: 'low' }).case, 'SUBMIT_TRIAGE').case;
    const [first] = explainSlas(type, stored(kase), '2026-01-06T09:00:00.000Z');
    if (!first) throw new Error('no view');
    first.title = 'changed';
    const [second] = explainSlas(type, stored(kase), '2026-01-07T09:00:00.000Z');
    expect(second?.title).toBe('Triage');
    expect(second?.status).toBe('met');

    const retitled = compileCaseType({ ...slaDef, slas: { triage: { ...slaDef.slas?.triage, title: 'Intake' } as Sla } });
    expect(explainSlas(retitled, stored(kase), '2026-01-07T09:00:00.000Z')[0]?.title).toBe('Intake');
  });

  it('reads each compiled case type’s own transitions for the same state', () => {
    const open: CaseType = { ...complaint, key: 'view-case-open', playbook: { ...complaint.playbook, states: { ...complaint.playbook.states, triage: { on: { SUBMIT_TRIAGE: 'resolving' } } } } };
    const kase = start(complaint, { customer: { name: 'Ann' } }).case;
    const submit = (def: CaseType) => nextEvents(compileCaseType(def), stored(kase))[0];
    expect([submit(complaint)?.enabled, submit(open)?.enabled, submit(complaint)?.enabled]).toEqual([false, true, false]);
  });
});
