import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { compileCaseType } from '../../../runtime/engine/index.ts';
import { runScenario } from '../../../runtime/scenarios/index.ts';
import {
  advanceHour, advanceTo, advanceWorkingDay, backTo, current, msToDuration, nextTimerAt, sendEvent, startSimulation, stepBack, toScenario, type SimResult, type Simulation,
} from '../../../designer/src/sim/simulator.ts';
import { patchLines } from '../../../designer/src/model/change-words.ts';
import { fieldLabel } from '../../../designer/src/model/field-label.ts';

const def = JSON.parse(readFileSync(new URL('../../../templates/complaint.case.json', import.meta.url), 'utf8')) as CaseType;
const type = compileCaseType(def);
const data = { customer: { name: 'Joost Bakker', email: 'joost.bakker@example.net' }, channel: 'chat', description: 'My parcel was left at a neighbour I do not know.' };

function ok(r: SimResult): Simulation {
  if (!r.ok) throw new Error(r.rejection.message);
  return r.sim;
}

describe('simulator', () => {
  it('given the complaint, when triaged, asked and left to the next timer, then the no-reply timer closes it 14 days later', () => {
    let sim = ok(startSimulation(type, data, '2026-01-05T09:00:00Z'));
    expect(current(sim).case.state).toBe('triage');
    sim = ok(sendEvent(type, sim, 'SUBMIT_TRIAGE', { reason: 'delivery', severity: 'low' }));
    expect(current(sim).case.state).toEqual({ investigating: 'collect' });
    sim = ok(advanceHour(type, sim));
    expect(current(sim).now).toBe('2026-01-05T10:00:00.000Z');
    const rejected = sendEvent(type, sim, 'ASK_CUSTOMER', {});
    expect(rejected.ok === false && [rejected.rejection.code, rejected.rejection.problems]).toEqual(['rule.failed', [{ pointer: '/questionForCustomer', message: 'missing: /questionForCustomer' }]]);
    sim = ok(sendEvent(type, sim, 'ASK_CUSTOMER', { questionForCustomer: 'Which house number?' }));
    expect(current(sim).case.state).toBe('waitingForCustomer');
    expect(nextTimerAt(sim)).toBe('2026-01-19T10:00:00.000Z');
    sim = ok(advanceTo(type, sim, nextTimerAt(sim) as string));
    const snap = current(sim);
    expect([snap.case.state, snap.case.data.closureReason, snap.now, snap.label]).toEqual(['closed', 'no-reply', '2026-01-19T10:00:00.000Z', 'advance P14D (fired timer.noReply)']);
    expect(snap.entries.map((e) => [e.event.type, e.actor, e.notes])).toEqual([['timer.noReply', 'system', ['No reply from the customer in 14 days: complaint closed.']]]);
    expect((snap.entries[0]?.patch ?? []).flatMap((op) => patchLines(op, (p) => fieldLabel(def, p)))).toEqual(['Closure reason: no-reply']);
    expect(stepBack(sim).snapshots.length).toBe(4);
    expect(backTo(sim, 1).snapshots.map((x) => x.label)).toEqual(['create the case', 'send SUBMIT_TRIAGE {"reason":"delivery","severity":"low"}']);
    expect(backTo(sim, 4)).toBe(sim);
  });

  it('the run saved as a scenario replays green with dossier test semantics', () => {
    let sim = ok(startSimulation(type, data, '2026-01-05T09:00:00Z'));
    sim = ok(sendEvent(type, sim, 'SUBMIT_TRIAGE', { reason: 'delivery', severity: 'low' }));
    sim = ok(advanceWorkingDay(type, sim, 'office'));
    expect(current(sim).now).toBe('2026-01-06T09:00:00.000Z');
    const scenario = toScenario(sim, 'triage then a day', 'complaint');
    expect(scenario).toEqual({
      name: 'triage then a day',
      caseType: 'complaint',
      start: '2026-01-05T09:00:00.000Z',
      data,
      steps: [
        { send: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'low' }, expect: { state: { investigating: 'collect' }, priority: 'normal', tasks: ['Collect the facts'], slas: { firstResponse: 'met', resolution: 'running' } } },
        { advance: 'P1D', expect: { state: { investigating: 'collect' }, priority: 'normal', tasks: ['Collect the facts'], slas: { firstResponse: 'met', resolution: 'running' } } },
      ],
    });
    expect(runScenario(type, scenario).passed).toBe(true);
  });

  it('writes elapsed time as durations, whole seconds rounded up', () => {
    expect([msToDuration(3_600_000), msToDuration(90_000_000), msToDuration(1_209_600_000), msToDuration(1500), msToDuration(0)]).toEqual(['PT1H', 'P1DT1H', 'P14D', 'PT2S', 'PT0S']);
  });
});
