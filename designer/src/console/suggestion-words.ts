// The contact-reason suggestion (docs/reason-suggestion.md) in words: beside the case's form ("Suggested
// Reason: billing (82% sure)") and on the reports page (suggested, accepted, corrected, kept). Pure, unit-tested.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Wire } from '../api/wire.ts';
import { fieldLabel } from '../model/field-label.ts';
import { formatDateTime, formatNumber, type Words } from '../i18n/index.ts';
import { percent } from './reasons-report.ts';

export type CaseSuggestion = NonNullable<Wire['Case']['suggestion']>;

/** GET /api/reports/suggestions. */
export interface SuggestionsReport {
  caseType: string;
  field: string;
  suggested: number;
  accepted: number;
  corrected: number;
  undecided: number;
  accuracy: number | null;
  model: { trainedOn: number; trainedAt: string } | null;
  items: { value: string; suggested: number; accepted: number; corrected: number; accuracy: number | null }[];
}

/** Whether the console offers the suggestion: made, not decided on, and the field still empty in the saved case. */
export function offersSuggestion(suggestion: CaseSuggestion | null | undefined, saved: unknown): suggestion is CaseSuggestion {
  if (suggestion == null || suggestion.outcome !== null) return false;
  let value: unknown = saved;
  for (const key of suggestion.field.split('/').slice(1)) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return value === undefined || value === null || value === '';
}

/** "Suggested Reason: billing (82% sure)" and "Learned from 300 closed cases." */
export function suggestionLines(suggestion: CaseSuggestion, def: CaseType, words: Words): { label: string; line: string; learned: string } {
  const field = fieldLabel(def, suggestion.field);
  return {
    label: words.t('console.suggest.label', { field }),
    // naive Bayes is sure of itself: a posterior that rounds to 100 % is said as 99 %, never as certain
    line: words.t('console.suggest.line', { field, value: suggestion.value, percent: percent(Math.min(suggestion.confidence, 0.99), words) }),
    learned: words.t('console.suggest.learned', { count: suggestion.trainedOn }),
  };
}

/** The report's sentences: the counts, how many were kept, and the model in use. */
export function suggestionsSummary(report: SuggestionsReport, words: Words): string[] {
  const n = (v: number) => formatNumber(v, words.language);
  return [
    words.t('console.suggest.summary', { suggested: n(report.suggested), accepted: n(report.accepted), corrected: n(report.corrected), undecided: n(report.undecided) }),
    report.accuracy === null ? words.t('console.suggest.noAccuracy') : words.t('console.suggest.accuracy', { accuracy: percent(report.accuracy, words) }),
    report.model === null ? words.t('console.suggest.noModel') : words.t('console.suggest.model', { count: n(report.model.trainedOn), when: formatDateTime(report.model.trainedAt, words.language) }),
  ];
}
