// Child cases in the simulator (designer/src/sim/linked-sim.ts): the major incident's createCase opens a
// simulated incident-impact child, SERVICE_RESTORED reaches it through sendToChildren, the child tells its
// parent with sendToParent, a child that cannot take an event is recorded on the parent, and stepping back
// undoes the children too. The same engine code as the server's delivery (childDeliveries, recordUndelivered).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { compileCaseType, type CompiledCaseType } from '../../../runtime/engine/index.ts';
import { advanceHour, current, sendEvent, startSimulation, stepBack, stepInWords, type SimResult, type Simulation } from '../../../designer/src/sim/simulator.ts';
import { childCaseTypes, childRun, familyOf, linkedResult, sendToChild, touchedByLinked } from '../../../designer/src/sim/linked-sim.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const read = (key: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../templates/${key}.case.json`), 'utf8')) as CaseType;
const majorDef = read('major-incident');
const major = compileCaseType(majorDef);
const impact = compileCaseType(read('incident-impact'));
const types: Record<string, CompiledCaseType> = { 'major-incident': major, 'incident-impact': impact };
const resolve = (key: string) => types[key] ?? null;

function ok(result: SimResult): Simulation {
  if (!result.ok) throw new Error(JSON.stringify(result.rejection));
  return result.sim;
}
const step = (sim: Simulation, event: string, data?: Record<string, unknown>) => ok(linkedResult(sendEvent(major, sim, event, data as never), 'major-incident', resolve));

function started(): Simulation {
  return ok(linkedResult(startSimulation(major, { incidentRef: 'INC-20417', title: 'Fibre outage', service: 'internet', severity: 'sev3', impactDescription: 'No internet.' }, T0), 'major-incident', resolve));
}

describe('linked cases in the simulator', () => {
  it('finds the case types a definition opens children of', () => {
    expect(childCaseTypes(majorDef)).toEqual(['incident-impact']);
  });

  it('opens a simulated child for createCase, delivers SERVICE_RESTORED to it, and the child tells its parent', () => {
    let sim = started();
    sim = step(sim, 'AFFECTED_CUSTOMER_REPORTED', { reportedCustomer: { name: 'Lotte', email: 'lotte@example.com' } });
    sim = step(sim, 'AFFECTED_CUSTOMER_REPORTED', { reportedCustomer: { name: 'Bram', phone: '030 555 0142' } });
    const family = familyOf(sim);
    expect(family.children.map((c) => [c.key, c.case.parentId, c.case.state, c.case.data.customer])).toEqual([
      ['incident-impact', 'scenario', 'informing', { name: 'Lotte', email: 'lotte@example.com' }],
      ['incident-impact', 'scenario', 'informing', { name: 'Bram', phone: '030 555 0142' }],
    ]);
    // the first child informs its customer; the second stays in informing
    const firstId = family.children[0]?.case.id as string;
    // opening children leaves the run a scenario of this case; an event sent to a child does not
    expect(touchedByLinked(sim)).toBe(false);
    sim = ok(sendToChild(sim, firstId, 'CUSTOMER_INFORMED', { informedVia: 'email' }, 'major-incident', resolve));
    expect(stepInWords(current(sim).label)).toBe('send CUSTOMER_INFORMED to child case 1');
    expect(familyOf(sim).children.map((c) => c.case.state)).toEqual(['awaitingFix', 'informing']);
    expect(touchedByLinked(sim)).toBe(true);

    sim = step(sim, 'CAUSE_IDENTIFIED', { diagnosis: { rootCause: 'A cut fibre.' } });
    sim = step(sim, 'SERVICE_RESTORED', { mitigation: { fix: 'Spliced.', restoredAt: T0 } });
    expect(current(sim).case.state).toBe('resolved');
    expect(familyOf(sim).children.map((c) => [c.case.state, c.entries.at(-1)?.event.type, c.entries.at(-1)?.actor])).toEqual([
      ['confirmingRestore', 'SERVICE_RESTORED', 'scenario'],
      ['confirmingRestore', 'SERVICE_RESTORED', 'scenario'],
    ]);

    // a customer still affected: the child goes back to waiting and tells the incident
    sim = ok(sendToChild(sim, firstId, 'STILL_AFFECTED', { agentNote: 'No signal.' }, 'major-incident', resolve));
    const last = current(sim);
    expect(last.entries.map((e) => [e.event.type, e.actor, e.notes])).toEqual([['CUSTOMER_STILL_AFFECTED', firstId, ['An affected customer still has the problem after the restore.']]]);
    expect(familyOf(sim).children[0]?.case.state).toBe('awaitingFix');

    // the child's own view: its case and history as a run
    expect(current(childRun(sim, familyOf(sim).children[0]!)).case.id).toBe(firstId);
    // stepping back undoes what reached the parent and the child
    const back = stepBack(sim);
    expect(familyOf(back).children[0]?.case.state).toBe('confirmingRestore');
  });

  it('records on the parent a child that cannot take the event, and closes children that tell child.closed', () => {
    let sim = started();
    sim = step(sim, 'AFFECTED_CUSTOMER_REPORTED', { reportedCustomer: { name: 'Lotte', email: 'lotte@example.com' } });
    const id = familyOf(sim).children[0]?.case.id as string;
    // the child already confirming: SERVICE_RESTORED has no transition there
    sim = ok(sendToChild(sim, id, 'SERVICE_RESTORED', undefined, 'major-incident', resolve));
    sim = step(sim, 'CAUSE_IDENTIFIED', { diagnosis: { rootCause: 'A cut fibre.' } });
    sim = step(sim, 'SERVICE_RESTORED', { mitigation: { fix: 'Spliced.', restoredAt: T0 } });
    const undelivered = current(sim).entries.find((e) => e.event.type === 'linked.undelivered');
    expect(undelivered?.event.data).toEqual({
      event: 'SERVICE_RESTORED',
      caseId: id,
      reference: id,
      to: 'child',
      code: 'event.not_accepted',
      reason: '"SERVICE_RESTORED" cannot be sent while the case is in confirmingRestore.',
    });
    // the child closes: the parent notes child.closed
    sim = ok(sendToChild(sim, id, 'RESTORE_CONFIRMED', undefined, 'major-incident', resolve));
    expect(familyOf(sim).children[0]?.case.closedAt).toBe(T0);
    expect(current(sim).entries.map((e) => [e.event.type, e.notes])).toEqual([['child.closed', ["An affected customer's impact case closed."]]]);
  });

  it('fires the children\'s timers when the clock moves, and names a case type it cannot simulate', () => {
    let sim = started();
    sim = step(sim, 'AFFECTED_CUSTOMER_REPORTED', { reportedCustomer: { name: 'Lotte', email: 'lotte@example.com' } });
    for (let h = 0; h < 3; h++) sim = ok(linkedResult(advanceHour(major, sim), 'major-incident', resolve));
    const child = familyOf(sim).children[0];
    // the inform SLA (goal 1 h, deadline 2 h in contact-centre hours) ran on the child too
    expect(child?.case.slas.find((s) => s.name === 'inform')?.status).toBe('breached');
    expect(child?.case.priority).toBe('high');

    const alone = (key: string) => (key === 'major-incident' ? major : null);
    let without = ok(linkedResult(startSimulation(major, { incidentRef: 'INC-1000', title: 'x', service: 'tv', severity: 'sev3', impactDescription: 'x' }, T0), 'major-incident', alone));
    without = ok(linkedResult(sendEvent(major, without, 'AFFECTED_CUSTOMER_REPORTED', { reportedCustomer: { name: 'Lotte', email: 'lotte@example.com' } }), 'major-incident', alone));
    expect(familyOf(without)).toEqual({ children: [], missing: ['incident-impact'] });
  });
});
