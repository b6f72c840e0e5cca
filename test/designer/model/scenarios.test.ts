import { describe, expect, it } from 'vitest';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { deleteScenario, saveScenario, scenarioFileName } from '../../../designer/src/model/scenarios.ts';
import { validateCaseType } from '../../../schemas/index.ts';

const s = (name: string, n = 0) => ({ name, caseType: 'claim', data: {}, steps: Array.from({ length: n }, () => ({ advance: 'PT1H' })) });

describe('scenarios stored with the draft', () => {
  it('saves in order, replaces one of the same name in place, deletes, and the last one takes the key', () => {
    let d = saveScenario(saveScenario(createBlankCaseType('claim', 'Claim'), s('a')), s('b'));
    d = saveScenario(d, s('a', 2));
    expect(d.scenarios).toEqual([s('a', 2), s('b')]);
    expect(validateCaseType(d).filter((p) => p.pointer.startsWith('/scenarios'))).toEqual([]);
    d = deleteScenario(deleteScenario(d, 'a'), 'b');
    expect(d.scenarios).toBeUndefined();
  });

  it('the meta-schema holds stored scenarios to the scenario format', () => {
    const d = { ...createBlankCaseType('claim', 'Claim'), scenarios: [{ name: 'x', caseType: 'claim', data: {}, steps: [{ wait: 'PT1H' }] }] };
    expect(validateCaseType(d).filter((p) => p.pointer.startsWith('/scenarios')).map((p) => [p.pointer, p.severity])).toEqual([['/scenarios/0/steps/0/wait', 'error']]);
  });

  it('names the download after the case type and the scenario', () => {
    expect(scenarioFileName('complaint', 'Waiting, then auto-close!')).toBe('complaint.waiting-then-auto-close.scenario.json');
  });
});
