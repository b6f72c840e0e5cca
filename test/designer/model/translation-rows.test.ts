// The Translations view's rows: each text by what it belongs to, in words; setting and clearing a
// translation; progress; translations whose text is gone.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { rowLabel, setTranslation, staleTranslations, translationProgress, translationRows } from '../../../designer/src/model/translation-rows.ts';
import { wordsFor } from '../../../designer/src/i18n/words.ts';

const def: CaseType = {
  key: 'claim',
  title: 'Claim',
  data: { type: 'object', properties: { claim: { type: 'object', title: 'Claim', properties: { amount: { type: 'number', title: 'Amount' } } } } },
  form: { sections: [{ id: 'intake', title: 'Intake', fields: [{ field: '/claim/amount', help: 'In euros' }] }] },
  rules: { complete: { title: 'Claim complete', schema: { required: ['claim'] } } },
  events: { SUBMIT: { title: 'Submit claim' } },
  slas: { reply: { title: 'First reply', start: { event: ['case.created'] }, deadline: 'PT8H' } },
  playbook: { initial: 'triage', states: { triage: { title: 'Triage', task: { title: 'Assess the claim', queue: 'claims' }, on: { SUBMIT: 'done' } }, done: { type: 'final' } } },
  queues: { claims: { title: 'Claims desk' } },
};

describe('translation rows', () => {
  it('names each text by what it belongs to, in titles', () => {
    const rows = translationRows(def, 'nl').map((r) => `${r.owner}:${r.ownerName}:${r.kind}:${r.text}`);
    expect(rows).toEqual([
      'caseType::title:Claim',
      'field:Claim:title:Claim',
      'field:Claim › Amount:title:Amount',
      'section:Intake:title:Intake',
      'formField:Claim › Amount (Intake):help:In euros',
      'rule:Claim complete:title:Claim complete',
      'event:Submit claim:title:Submit claim',
      'sla:First reply:title:First reply',
      'state:Triage:title:Triage',
      'task:Triage:title:Assess the claim',
      'queue:Claims desk:title:Claims desk',
    ]);
  });

  it('labels an input in the reader’s language', () => {
    const [, , amount] = translationRows(def, 'nl');
    expect(rowLabel(amount!, 'Dutch')).toBe('Dutch for field ‘Claim › Amount’: title');
    expect(rowLabel(amount!, 'Nederlands', wordsFor('nl'))).toBe('Nederlands voor veld ‘Claim › Amount’: titel');
  });

  it('sets, clears and counts translations, and finds the ones whose text is gone', () => {
    let next = setTranslation(def, 'nl', '/playbook/states/triage/title', 'Beoordelen');
    next = setTranslation(next, 'nl', '/playbook/states/review/title', 'Controleren');
    expect(next.translations).toEqual({ nl: { '/playbook/states/triage/title': 'Beoordelen', '/playbook/states/review/title': 'Controleren' } });
    expect(translationProgress(translationRows(next, 'nl'))).toEqual({ done: 1, total: 11 });
    expect(staleTranslations(next, 'nl')).toEqual([{ pointer: '/playbook/states/review/title', translation: 'Controleren' }]);
    next = setTranslation(next, 'nl', '/playbook/states/review/title', '');
    next = setTranslation(next, 'nl', '/playbook/states/triage/title', ' ');
    expect(next.translations).toBeUndefined();
    expect(def.translations).toBeUndefined();
  });
});
