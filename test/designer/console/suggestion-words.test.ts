// The contact-reason suggestion in words (designer/src/console/suggestion-words.ts): offered only while the
// field is empty and undecided; the value with how sure the model is, in English and Dutch; the report's sentences.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { offersSuggestion, suggestionLines, suggestionsSummary, type CaseSuggestion } from '../../../designer/src/console/suggestion-words.ts';
import { ENGLISH, wordsFor } from '../../../designer/src/i18n/index.ts';

const def = {
  key: 'complaint',
  title: 'Complaint',
  data: { type: 'object', properties: { reason: { type: 'string', title: 'Reason', enum: ['billing', 'delivery'] } } },
  playbook: { initial: 'open', states: { open: {} } },
} as CaseType;

const suggestion: CaseSuggestion = {
  field: '/reason',
  value: 'billing',
  confidence: 0.823,
  trainedOn: 300,
  trainedAt: '2026-01-05T09:00:00.000Z',
  suggestedAt: '2026-01-05T10:00:00.000Z',
  outcome: null,
  chosen: null,
};

describe('the reason suggestion in words', () => {
  it('is offered while the reason is empty and nobody decided', () => {
    expect(offersSuggestion(suggestion, {})).toBe(true);
    expect(offersSuggestion(suggestion, { reason: '' })).toBe(true);
    expect(offersSuggestion(suggestion, { reason: 'delivery' })).toBe(false);
    expect(offersSuggestion({ ...suggestion, outcome: 'accepted', chosen: 'billing' }, {})).toBe(false);
    expect(offersSuggestion(null, {})).toBe(false);
    expect(offersSuggestion(undefined, {})).toBe(false);
  });

  it('names the field by its label, the value and how sure, in English and Dutch', () => {
    expect(suggestionLines(suggestion, def, ENGLISH)).toEqual({
      label: 'Suggested Reason',
      line: 'Suggested Reason: billing (82% sure)',
      learned: 'Learned from 300 closed cases.',
    });
    expect(suggestionLines({ ...suggestion, trainedOn: 1 }, def, ENGLISH).learned).toBe('Learned from 1 closed case.');
    expect(suggestionLines({ ...suggestion, confidence: 0.9996 }, def, ENGLISH).line).toBe('Suggested Reason: billing (99% sure)');
    const nl = suggestionLines(suggestion, def, wordsFor('nl'));
    expect(nl.line).toBe('Voorstel voor Reason: billing (82% zeker)');
    expect(nl.learned).toBe('Geleerd van 300 gesloten zaken.');
  });

  it('says the report in sentences', () => {
    const report = { caseType: 'complaint', field: '/reason', suggested: 1200, accepted: 900, corrected: 100, undecided: 200, accuracy: 0.9, model: { trainedOn: 20000, trainedAt: '2026-01-05T09:00:00.000Z' }, items: [] };
    const [counts, kept, model] = suggestionsSummary(report, ENGLISH);
    expect(counts).toBe('1,200 suggested: 900 accepted, 100 corrected, 200 not decided yet.');
    expect(kept).toBe('The agents kept 90% of the suggestions they decided on.');
    expect(model).toMatch(/^The model in use learned from 20,000 closed cases on 5 Jan 2026, \d\d:\d\d\.$/);
    expect(suggestionsSummary({ ...report, accuracy: null, model: null }, wordsFor('nl')).slice(1)).toEqual(['Over nog geen enkel voorstel is beslist.', 'Er is nog geen model getraind.']);
  });
});
