// The simulator moves a case from the complaint template's version 1 to version 2 (a state split, a state
// removed, a new required field with a default) under the engine's suggested plan, edited where the plan
// must say more, by the engine's own migrateCase; what cannot move is said in words, what moved goes on
// in version 2. The words name states, fields and SLAs by their titles.
import { describe, expect, it } from 'vitest';
import { compileCaseType, suggestMigrationPlan } from '../../../runtime/engine/index.ts';
import type { CaseData, CompiledCaseType } from '../../../runtime/engine/index.ts';
import { current, hasMigration, migrateSimulation, sendEvent, startSimulation, stepBack, stepInWords, type SimResult, type Simulation } from '../../../designer/src/sim/simulator.ts';
import { blockText, newlyRequired, stateTargets, statesToMap, summaryLines, withDefault, withStateMap } from '../../../designer/src/sim/migration-words.ts';
import { wordsFor } from '../../../designer/src/i18n/words.ts';
import { complaintData, complaintPaths, complaintV1, complaintV2 } from '../../complaint-versions.ts';

const v1 = compileCaseType({ ...complaintV1(), version: 1 });
const v2 = compileCaseType({ ...complaintV2(), version: 2 });
const T0 = '2026-01-05T09:00:00.000Z';

function ok(r: SimResult): Simulation {
  if (!r.ok) throw new Error(r.rejection.message);
  return r.sim;
}

function simIn(state: string, type: CompiledCaseType = v1): Simulation {
  let sim = ok(startSimulation(type, complaintData as CaseData, T0));
  for (const event of complaintPaths[state] ?? []) sim = ok(sendEvent(type, sim, event.type, event.data as CaseData | undefined));
  return sim;
}

describe('the simulator moves a case to another version', () => {
  const suggested = suggestMigrationPlan(v1, v2);

  it('offers the states version 2 lacks, where they can go, and the newly required fields, by title', () => {
    expect(statesToMap(v1, v2)).toEqual(['approval']);
    expect(stateTargets(v2).map((s) => s.label)).toEqual([
      'Triage',
      'Investigation',
      'Investigation › Collect the facts',
      'Investigation › Analyse the root cause',
      'Waiting for the customer',
      'Resolution',
      'Resolution › Write the resolution',
      'Resolution › Check the resolution',
      'Satisfaction survey',
    ]);
    // the suggestion leaves "Compensation approval" unmapped (it has no parent to go to) and gives the language its default
    expect(suggested.states).toBeUndefined();
    expect(suggested.data?.defaults).toEqual({ '/language': 'en' });
    expect(newlyRequired(suggested, v1, v2)).toEqual(['/language']);
  });

  it('a case in "Compensation approval" cannot move under the suggested plan: said in words, nothing changes', () => {
    const sim = simIn('approval');
    const out = migrateSimulation(suggested, v1, v2, sim);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.blocks.map((b) => blockText(b, v1, v2))).toEqual(['The case is in “Compensation approval”, which version 2 does not have: choose where such cases go.']);
    expect(out.blocks.map((b) => blockText(b, v1, v2, wordsFor('nl')))).toEqual(['De zaak is in ‘Compensation approval’, en die status heeft versie 2 niet: kies waar zulke zaken heen gaan.']);
    // without the language's value, the data does not fit version 2 either, by the field's label
    const noDefault = migrateSimulation(withDefault(withStateMap(suggested, 'approval', 'draft'), '/language', undefined), v1, v2, sim);
    expect(noDefault.ok === false && noDefault.blocks.map((b) => blockText(b, v1, v2))).toEqual(["The case's data does not fit version 2: Language is needed"]);
  });

  it('mapped to "Write the resolution" with Dutch as the language, it moves, says what changed and goes on in version 2', () => {
    const sim = simIn('approval');
    const plan = withDefault(withStateMap(suggested, 'approval', 'draft'), '/language', 'nl');
    const out = migrateSimulation(plan, v1, v2, sim);
    if (!out.ok) throw new Error(JSON.stringify(out.blocks));
    const snap = current(out.sim);
    expect([snap.case.version, snap.case.state, snap.case.data['language'], snap.label]).toEqual([2, { resolving: 'draft' }, 'nl', 'migrate to version 2']);
    expect(stepInWords(snap.label)).toBe('move to version 2');
    expect(snap.entries.map((e) => [e.event.type, e.event.data])).toEqual([['case.migrated', { plan: 'simulation', fromVersion: 1, toVersion: 2 }]]);
    expect(hasMigration(out.sim)).toBe(true);
    const lines = summaryLines(out.summary, v1, v2);
    expect(lines.versions).toBe('Moved from version 1 to version 2.');
    expect(lines.state).toBe('State: Compensation approval → Resolution › Write the resolution');
    expect(lines.data).toEqual(['Language: nl']);
    // the open clock (the first response was met before)
    expect(lines.slas).toEqual(['Resolution: clock kept (running → running)']);
    expect(lines.tasks).toEqual(['kept: Write the resolution']);
    // on in version 2: its own event, with version 2's compiled type
    const next = ok(sendEvent(v2, out.sim, 'RESOLUTION_DRAFTED', undefined));
    expect(current(next).case.state).toEqual({ resolving: 'check' });
    // version 1 does not know the event
    expect(sendEvent(v1, sim, 'RESOLUTION_DRAFTED', undefined).ok).toBe(false);
    // step back undoes the move: the case is on version 1 again
    expect(current(stepBack(out.sim)).case.version).toBe(1);
  });

  it('a case in a state both versions have stays there under the suggested plan', () => {
    const out = migrateSimulation(suggested, v1, v2, simIn('waitingForCustomer'));
    if (!out.ok) throw new Error(JSON.stringify(out.blocks));
    expect([current(out.sim).case.state, current(out.sim).case.version]).toEqual(['waitingForCustomer', 2]);
    expect(summaryLines(out.summary, v1, v2).state).toBe('State: Waiting for the customer → Waiting for the customer');
  });
});
