// "Migrate open cases", the pure part (designer/src/migrations/migration-form.ts): the questions read from the
// complaint template's version 1 and its changed version 2 (a state split, a state removed, a new required field
// with a default), the plan built from the answers (checked by the engine), the server's plan problems put beside
// their controls in words, and the dry run's reasons in words — titles and labels, never ids or pointers.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { checkMigrationPlan, compileCaseType, dataProblems, suggestMigrationPlan } from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';
import {
  blockWords,
  controlKey,
  controlOf,
  formFromPlan,
  migrationRows,
  planFromForm,
  problemsByControl,
  progressOf,
  reasonWords,
  stateValueTitle,
  type MigrationPlan,
} from '../../../designer/src/migrations/migration-form.ts';
import { wordsFor } from '../../../designer/src/i18n/words.ts';
import { complaintData, complaintV1, complaintV2 } from '../../complaint-versions.ts';

const v1 = { ...complaintV1(), version: 1 } as CaseType;
const v2 = { ...complaintV2(), version: 2 } as CaseType;
const compiled = { from: compileCaseType(v1), to: compileCaseType(v2) };
const suggested = suggestMigrationPlan(compiled.from, compiled.to) as MigrationPlan;
const dutch = wordsFor('nl');

describe('the questions of a migration', () => {
  const rows = migrationRows(v1, v2, suggested, []);

  it('asks where the cases of each open state go, the states version 2 lacks first, by their titles', () => {
    expect(rows.states[0]).toEqual({ id: 'approval', title: 'Compensation approval', removed: true });
    expect(rows.states.filter((r) => r.removed)).toHaveLength(1);
    // the states a case can rest in: leaves, not the final ones
    expect(rows.states.map((r) => r.title)).toEqual([
      'Compensation approval',
      'Triage',
      'Investigation › Collect the facts',
      'Investigation › Analyse the root cause',
      'Waiting for the customer',
      'Resolution',
      'Satisfaction survey',
    ]);
    // where they can go: every open state of version 2 (a migration does not close cases)
    expect(rows.targets.map((t) => t.title)).toContain('Resolution › Write the resolution');
    expect(rows.targets.map((t) => t.title)).not.toContain('Closed');
  });

  it('asks a value for the newly required field, by its label, and what becomes of each SLA clock', () => {
    expect(rows.defaults.map((d) => [d.pointer, d.label, d.needed, d.schema?.enum])).toEqual([['/language', 'Language', true, ['en', 'nl']]]);
    expect(rows.slas.map((s) => [s.title, s.inTo, s.choices[0]])).toEqual([
      ['First response', true, 'keep'],
      ['Resolution', true, 'keep'],
    ]);
  });

  it('starts from the suggested plan, and an untouched form gives that plan back', () => {
    const form = formFromPlan(suggested, rows, v1);
    expect(form.states['approval']).toBe('');
    expect(form.states['collect']).toBe('collect');
    expect(form.defaults['/language']).toBe('en');
    expect(form.slas).toEqual({ firstResponse: 'keep', resolution: 'keep' });
    expect(planFromForm(suggested, form, rows)).toEqual(suggested);
  });

  it('builds the plan from the answers, and the engine accepts it for the two versions', () => {
    const form = formFromPlan(suggested, rows, v1);
    const plan = planFromForm(
      suggested,
      { ...form, title: '  Split the resolution ', states: { ...form.states, approval: 'resolving', survey: 'survey' }, defaults: { '/language': 'nl' }, slas: { ...form.slas, firstResponse: 'restart' } },
      rows,
    );
    expect(plan).toEqual({
      caseType: 'complaint',
      from: 1,
      to: 2,
      title: 'Split the resolution',
      states: { approval: 'resolving' },
      data: { defaults: { '/language': 'nl' } },
      slas: { firstResponse: 'restart' },
    });
    expect(checkMigrationPlan(plan as Parameters<typeof checkMigrationPlan>[0], compiled.from, compiled.to)).toEqual([]);
  });

  it('asks for a value the plan lacks, and a removed SLA is stopped unless the admin says otherwise', () => {
    const noSla = { ...v2, slas: { firstResponse: v2.slas?.['firstResponse'] } } as CaseType;
    const plan = suggestMigrationPlan(compiled.from, compileCaseType(noSla)) as MigrationPlan;
    const withNeed = migrationRows(v1, noSla, { ...plan, data: {} }, ['/language']);
    expect(withNeed.defaults.map((d) => [d.label, d.needed])).toEqual([['Language', true]]);
    const form = formFromPlan({ ...plan, data: {} }, withNeed, v1);
    expect(form.defaults['/language']).toBeUndefined();
    expect(form.slas['resolution']).toBe('cancel');
    expect(withNeed.slas.find((s) => s.name === 'resolution')).toMatchObject({ inTo: false, choices: ['cancel', 'keep', 'restart'] });
    expect(planFromForm({ ...plan, data: {} }, form, withNeed).slas).toEqual({ resolution: 'cancel' });
  });
});

describe('plan problems beside their controls', () => {
  it('maps a pointer into the plan to the control it concerns', () => {
    expect(controlOf('/states/approval')).toEqual({ kind: 'state', id: 'approval' });
    expect(controlOf('/data/defaults/~1customer~1language')).toEqual({ kind: 'default', pointer: '/customer/language' });
    expect(controlOf('/slas/first~0response')).toEqual({ kind: 'sla', name: 'first~response' });
    expect(controlOf('/title')).toEqual({ kind: 'title' });
    expect(controlOf('/to')).toEqual({ kind: 'plan', at: 'to' });
    expect(controlOf('/data/removals/0')).toEqual({ kind: 'plan', at: 'data' });
    expect(controlOf('')).toEqual({ kind: 'plan', at: '' });
    expect(controlKey(controlOf('/data/defaults/~1language'))).toBe('default:/language');
  });

  it("words the engine's problems from the two versions: titles and labels, no ids or pointers", () => {
    const noSla = { ...v2, slas: { firstResponse: v2.slas?.['firstResponse'] } } as CaseType;
    const plan: MigrationPlan = {
      caseType: 'complaint',
      from: 1,
      to: 2,
      states: { approval: 'closed', survey: 'nowhere' },
      data: { defaults: { '/language': 'fr' } },
      slas: { resolution: 'keep' },
    };
    const problems = checkMigrationPlan(plan as Parameters<typeof checkMigrationPlan>[0], compiled.from, compileCaseType(noSla));
    const byControl = problemsByControl(problems, plan, v1, noSla);
    expect(Object.fromEntries(byControl)).toEqual({
      'state:approval': ['‘Closed’ ends a case, and a migration does not close cases: choose a state that is still open.'],
      'state:survey': ['Version 2 has no such state: choose one of its states.'],
      'default:/language': ['Must be one of "en", "nl"'],
      'sla:resolution': ['Version 2 has no such service level: choose “Stop it”.'],
    });
    for (const texts of byControl.values()) for (const text of texts) expect(text).not.toMatch(/\/language|approval|nowhere|resolution'/);
    const nl = problemsByControl(problems, plan, v1, noSla, dutch);
    expect(nl.get('sla:resolution')).toEqual(['Versie 2 heeft dit serviceniveau niet: kies „Stoppen”.']);
    expect(nl.get('default:/language')?.[0]).not.toMatch(/must|one of/i);
  });

  it('says a problem with the plan as a whole above the form', () => {
    const plan: MigrationPlan = { caseType: 'complaint', from: 1, to: 9 };
    expect(Object.fromEntries(problemsByControl([{ pointer: '/to', message: "Case type 'complaint' has no version 9." }], plan, v1, v2))).toEqual({
      plan: ['Version 9 is not a published version of this case type: go back and choose two of its versions.'],
    });
  });
});

describe('the dry run in words', () => {
  it('names each reason, in English and Dutch', () => {
    expect(reasonWords('state.unmapped', 2)).toBe('In a state version 2 does not have');
    expect(reasonWords('data.invalid', 2, dutch)).toBe('Gegevens die niet passen bij versie 2');
    expect(reasonWords('something.new', 2)).toBe('Other reasons');
  });

  it("says why a case cannot move by the old state's title and the fields' labels", () => {
    expect(blockWords({ code: 'state.unmapped', message: 'x', states: ['approval'] }, v1, v2, 2)).toBe(
      'Version 2 has no state ‘Compensation approval’: choose where its cases go.',
    );
    const { language: _language, ...without } = { ...complaintData, language: undefined };
    const problems = dataProblems(v2.data, without as unknown as JsonValue);
    expect(problems.length).toBeGreaterThan(0);
    expect(blockWords({ code: 'data.invalid', message: 'x', problems }, v1, v2, 2)).toBe('Language is needed');
    expect(blockWords({ code: 'sla.removed', message: 'x', sla: 'resolution' }, v1, v2, 2)).toBe(
      'The clock of ‘Resolution’ is running and version 2 has no such service level: choose “Stop it”.',
    );
    expect(blockWords({ code: 'state.conflict', message: 'x', states: ['draft', 'check'] }, v1, v2, 2)).toBe(
      'It would be in ‘Resolution › Write the resolution’ and ‘Resolution › Check the resolution’ at once: send these states to one state.',
    );
  });

  it('names state values by their titles, nested ones as a path', () => {
    expect(stateValueTitle({ resolving: 'draft' }, v2)).toBe('Resolution › Write the resolution');
    expect(stateValueTitle('approval', v1)).toBe('Compensation approval');
    expect(stateValueTitle({ investigating: 'collect' }, v1)).toBe('Investigation › Collect the facts');
  });

  it('counts the progress of a migration', () => {
    expect(progressOf({ total: 9, pending: 3, migrated: 5, blocked: 1, skipped: 0 })).toEqual({ done: 6, total: 9, percent: 67 });
    expect(progressOf({ total: 0, pending: 0, migrated: 0, blocked: 0, skipped: 0 }).percent).toBe(100);
  });
});
