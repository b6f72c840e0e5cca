// A new case type from nothing: no fields, no states yet; the problems panel says what to add.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { clone } from './clone.ts';

export const CASE_TYPE_KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

/** A case type with nothing in it but a first form section (its title in the analyst's language: "Details"). */
export function createBlankCaseType(key: string, title: string, words: Words = ENGLISH): CaseType {
  return {
    key,
    title,
    data: { type: 'object', properties: {} },
    form: { sections: [{ id: 'details', title: words.t('model.fields.detailsSection'), fields: [] }] },
    playbook: { states: {} },
  };
}

/** A copy of another definition (a template or a published type) under a new key and title, as a draft. */
export function copyCaseType(source: CaseType, key: string, title: string): CaseType {
  const next = clone(source);
  next.key = key;
  next.title = title;
  delete next.version;
  return next;
}
