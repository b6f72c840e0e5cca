// The Translations view's rows: every text of the case type an analyst can give in another language, said
// by what it belongs to ("State ‘Triage’", "Field ‘Claim › Amount’") and what it is (title, help text), with
// its translation in the chosen language; and the translations that translate nothing any more. Pure.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { translatableAt, translatableTexts } from '../../../schemas/translations.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { fieldLabel } from './field-label.ts';
import { fromPointer } from './pointer.ts';
import { eventTitle, idWords, queueTitle, roleTitle, ruleTitle, stateTitle } from './titles.ts';

export type TextKind = 'title' | 'description' | 'help' | 'placeholder' | 'patternHint' | 'label' | 'say' | 'question';

/** What a text belongs to: the group it is listed under and the words that name its owner. */
export type OwnerKind = 'caseType' | 'field' | 'section' | 'formField' | 'state' | 'task' | 'event' | 'rule' | 'sla' | 'role' | 'queue' | 'calendar' | 'playbook' | 'other';

export interface TranslationRow {
  pointer: string;
  kind: TextKind;
  owner: OwnerKind;
  /** The owner in words: a title, a field label; '' for the case type itself. */
  ownerName: string;
  /** The text as the analyst wrote it. */
  text: string;
  /** Its translation in the chosen language; '' when not translated. */
  translation: string;
}

export interface StaleTranslation {
  pointer: string;
  translation: string;
}

const token = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');

/** The state id a pointer under /playbook/states leads into (the innermost). */
function stateIdOf(tokens: readonly string[]): string | undefined {
  let id: string | undefined;
  for (let i = 0; i < tokens.length - 1; i++) if (tokens[i] === 'states') id = tokens[i + 1];
  return id;
}

function ownerOf(def: CaseType, pointer: string): { owner: OwnerKind; ownerName: string } {
  const tokens = pointer.split('/').slice(1).map(token);
  const [top, second] = tokens;
  const body = tokens.slice(0, -1);
  switch (top) {
    case undefined:
      return { owner: 'caseType', ownerName: '' };
    case 'title':
    case 'description':
      return { owner: 'caseType', ownerName: '' };
    case 'data': {
      // /data/properties/a/properties/b/title → the field /a/b
      const path: string[] = [];
      for (let i = 1; i < body.length; i++) {
        if (body[i] === 'properties' && body[i + 1] !== undefined) path.push(body[++i] as string);
      }
      const fieldPointer = path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
      return fieldPointer ? { owner: 'field', ownerName: fieldLabel(def, fieldPointer) } : { owner: 'caseType', ownerName: '' };
    }
    case 'form': {
      const index = Number(tokens[2]);
      const section = def.form?.sections[index];
      const sectionName = section?.title ?? (section ? idWords(section.id) : '');
      if (tokens[3] === 'fields') {
        const entry = section?.fields[Number(tokens[4])];
        const field = typeof entry === 'string' ? entry : entry?.field;
        return { owner: 'formField', ownerName: field ? `${fieldLabel(def, field)} (${sectionName})` : sectionName };
      }
      return { owner: 'section', ownerName: sectionName };
    }
    case 'playbook': {
      const id = stateIdOf(body);
      if (id === undefined) return { owner: 'playbook', ownerName: def.playbook.title ?? '' };
      const name = stateTitle([def], id);
      return body[body.length - 1] === 'task' ? { owner: 'task', ownerName: name } : { owner: 'state', ownerName: name };
    }
    case 'events':
      return { owner: 'event', ownerName: second ? eventTitle(def, second) : '' };
    case 'rules':
      return { owner: 'rule', ownerName: second ? ruleTitle(def, second) : '' };
    case 'slas':
      return { owner: 'sla', ownerName: second ? (def.slas?.[second]?.title ?? idWords(second)) : '' };
    case 'roles':
      return { owner: 'role', ownerName: second ? roleTitle(def, second) : '' };
    case 'queues':
      return { owner: 'queue', ownerName: second ? queueTitle([def], second) : '' };
    case 'calendars':
      return { owner: 'calendar', ownerName: second ? (def.calendars?.[second]?.title ?? idWords(second)) : '' };
    default:
      return { owner: 'other', ownerName: idWords(top) };
  }
}

/** Every translatable text of `def`, in document order, with its translation in `language`. */
export function translationRows(def: CaseType, language: string): TranslationRow[] {
  const texts = def.translations?.[language] ?? {};
  return translatableTexts(def).map(({ pointer, key, text }) => ({
    pointer,
    kind: key as TextKind,
    ...ownerOf(def, pointer),
    text,
    translation: texts[pointer] ?? '',
  }));
}

/** The translations in `language` that no longer reach a text (the lint's `translation.stale`). */
export function staleTranslations(def: CaseType, language: string): StaleTranslation[] {
  return Object.entries(def.translations?.[language] ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && translatableAt(def, entry[0]) === undefined)
    .map(([pointer, translation]) => ({ pointer, translation }));
}

/** The definition with the text at `pointer` translated into `language` as `translation`; '' removes it (and an emptied language). */
export function setTranslation(def: CaseType, language: string, pointer: string, translation: string): CaseType {
  const all = { ...(def.translations ?? {}) };
  const texts = { ...(all[language] ?? {}) };
  if (translation.trim() === '') delete texts[pointer];
  else texts[pointer] = translation;
  if (Object.keys(texts).length === 0) delete all[language];
  else all[language] = texts;
  const next: CaseType = { ...def, translations: all };
  if (Object.keys(all).length === 0) delete next.translations;
  return next;
}

/** How far a language is: translated texts of all texts. */
export function translationProgress(rows: readonly TranslationRow[]): { done: number; total: number } {
  return { done: rows.filter((r) => r.translation.trim() !== '').length, total: rows.length };
}

/** A row's accessible name and label: "Dutch for State ‘Triage’ — title". */
export function rowLabel(row: TranslationRow, languageName: string, words: Words = ENGLISH): string {
  const owner = words.t(`translations.owner.${row.owner}`, { name: row.ownerName });
  return words.t('translations.rowLabel', { language: languageName, owner, kind: words.t(`translations.kind.${row.kind}`) });
}

/** Where a stale translation pointed, in words ("States › Review › Title"), for the list of stale ones. */
export function stalePlace(pointer: string): string {
  return fromPointer(pointer)
    .map((t) => idWords(t))
    .join(' › ');
}
