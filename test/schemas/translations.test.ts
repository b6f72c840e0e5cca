// A case type's own texts in another language: which texts can be translated, how a reader's language
// picks them, and the warning for a translation that no longer translates anything.
import { describe, expect, it } from 'vitest';
import { translatableTexts, translateDefinition } from '../../schemas/translations.ts';
import { validateCaseType } from '../../schemas/validate.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';

const complaint = (translations?: CaseType['translations']): CaseType => ({
  key: 'complaint',
  title: 'Complaint',
  description: 'A customer complaint.',
  data: {
    type: 'object',
    properties: {
      reason: { type: 'string', title: 'Reason', enum: ['late', 'title'], default: 'late' },
      email: { type: 'string', title: 'E-mail', format: 'email', patternHint: 'an address such as ann@example.com' },
      title: { type: 'string', title: 'Subject' },
    },
  },
  form: { sections: [{ id: 'intake', title: 'Intake', fields: [{ field: '/reason', help: 'Why the customer calls', placeholder: 'Pick one' }, '/email', '/title'] }] },
  playbook: { initial: 'triage', states: { triage: { title: 'Triage', on: { CLOSE: 'closed' } }, closed: { title: 'Closed', type: 'final' } } },
  events: { CLOSE: { title: 'Close' } },
  scenarios: [],
  ...(translations ? { translations } : {}),
});

describe('translatable texts', () => {
  it('lists titles, descriptions, help texts, placeholders and pattern hints, never values', () => {
    const texts = translatableTexts(complaint()).map((t) => `${t.pointer}=${t.text}`);
    expect(texts).toEqual([
      '/title=Complaint',
      '/description=A customer complaint.',
      '/data/properties/reason/title=Reason',
      '/data/properties/email/title=E-mail',
      '/data/properties/email/patternHint=an address such as ann@example.com',
      '/data/properties/title/title=Subject',
      '/form/sections/0/title=Intake',
      '/form/sections/0/fields/0/help=Why the customer calls',
      '/form/sections/0/fields/0/placeholder=Pick one',
      '/playbook/states/triage/title=Triage',
      '/playbook/states/closed/title=Closed',
      '/events/CLOSE/title=Close',
    ]);
  });
});

describe('translateDefinition', () => {
  const nl = { '/title': 'Klacht', '/playbook/states/triage/title': 'Beoordelen', '/form/sections/0/fields/0/help': 'Waarom de klant belt', '/data/properties/title/title': 'Onderwerp' };
  it('replaces the translated texts for a reader of that language and leaves the rest as written', () => {
    const def = complaint({ nl });
    const dutch = translateDefinition(def, 'nl');
    expect(dutch.title).toBe('Klacht');
    expect(dutch.playbook.states.triage?.title).toBe('Beoordelen');
    expect(dutch.playbook.states.closed?.title).toBe('Closed');
    expect((dutch.form?.sections[0]?.fields[0] as { help?: string }).help).toBe('Waarom de klant belt');
    expect((dutch.data.properties?.title as { title?: string }).title).toBe('Onderwerp');
    // the input is left as it was
    expect(def.title).toBe('Complaint');
  });
  it('reads a regional tag by its language, and gives the same object when nothing is translated', () => {
    const def = complaint({ nl });
    expect(translateDefinition(def, 'nl-BE').title).toBe('Klacht');
    expect(translateDefinition(def, 'en')).toBe(def);
    expect(translateDefinition(complaint(), 'nl')).toEqual(complaint());
  });
  it('never writes a translation over a value: an enum, a field named title, a pointer into scenarios', () => {
    const def = complaint({ nl: { '/data/properties/reason/enum/1': 'titel', '/data/properties/title': 'Onderwerp', '/scenarios/0/title': 'x' } });
    expect(translateDefinition(def, 'nl')).toEqual(def);
  });
});

describe('translation.stale', () => {
  it('warns where a translation no longer reaches a text, by language and place', () => {
    const def = complaint({ nl: { '/title': 'Klacht', '/playbook/states/review/title': 'Controleren', '/data/properties/reason/enum/0': 'laat' } });
    const stale = validateCaseType(def).filter((p) => p.code === 'translation.stale');
    expect(stale.map((p) => p.pointer)).toEqual(['/translations/nl/~1data~1properties~1reason~1enum~10', '/translations/nl/~1playbook~1states~1review~1title']);
    expect(stale[1]?.severity).toBe('warning');
    expect(stale[1]?.message).toBe(
      'the Dutch text “Controleren” is for playbook › states › review › title, which is no longer a title, description, help text, placeholder or pattern hint of this case type; remove it or translate the text that replaced it',
    );
    expect(validateCaseType(complaint({ nl: { '/title': 'Klacht' } })).filter((p) => p.code === 'translation.stale')).toEqual([]);
  });
  it('refuses a language tag or a pointer that is not one', () => {
    const codes = (t: unknown) => validateCaseType({ ...complaint(), translations: t }).map((p) => `${p.code} ${p.pointer}`);
    expect(codes({ Dutch: { '/title': 'Klacht' } }).some((c) => c.includes('/translations'))).toBe(true);
    expect(codes({ nl: { title: 'Klacht' } }).some((c) => c.includes('/translations'))).toBe(true);
    expect(codes({ nl: { '/title': '' } }).some((c) => c.includes('/translations'))).toBe(true);
  });
});
