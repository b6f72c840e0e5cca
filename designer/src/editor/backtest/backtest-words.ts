// The backtest report (POST /api/case-types/{key}/backtest) in people's words: SLA and state titles of the
// draft or the published version (never ids), SLA outcomes as words, and where a case first went
// differently in a sentence. Pure: the definitions and the words come in.
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { leafStateIds, type StateValue } from '../../../../runtime/engine/index.ts';
import type { Wire } from '../../api/wire.ts';
import { ENGLISH, type Words } from '../../i18n/words.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { eventTitle, idWords, stateTitle } from '../../model/titles.ts';

export type BacktestReport = Wire['BacktestReport'];
export type BacktestCase = BacktestReport['cases'][number];
export type BacktestDivergence = NonNullable<BacktestCase['divergence']>;

/** The SLA's title in the first definition that has it (the draft, then the published version), else its name as words. */
export function slaTitle(defs: readonly (CaseType | null)[], name: string): string {
  for (const def of defs) {
    const title = def?.slas?.[name]?.title;
    if (title) return title;
  }
  return idWords(name);
}

/** An SLA outcome as a word: "met late", "breached", "not started" (`none` or null: it never started or does not exist there). */
export function outcomeWord(status: string | null, { t }: Words = ENGLISH): string {
  return t(`backtest.status.${status ?? 'none'}`, { defaultValue: status ?? 'none' });
}

/** Active leaf states by their titles ("Write the resolution, Check the resolution"); a case never created says so. */
export function statesText(defs: readonly (CaseType | null)[], states: readonly string[], { t }: Words = ENGLISH): string {
  if (states.length === 0) return t('backtest.ends.notCreated');
  const known = defs.filter((d): d is CaseType => d !== null);
  return states.map((id) => stateTitle(known, id)).join(', ');
}

function valueText(defs: readonly (CaseType | null)[], value: unknown, words: Words): string {
  const states = typeof value === 'string' || (typeof value === 'object' && value !== null) ? leafStateIds(value as StateValue) : [];
  return statesText(defs, states, words);
}

/** Why the draft refuses an event, by the engine's rejection code, the event by its title. */
export function refusalReason(draft: CaseType, published: CaseType | null, event: string, code: string | undefined, message: string | undefined, { t }: Words = ENGLISH): string {
  const title = eventTitle(draft.events?.[event] !== undefined || published === null ? draft : published, event);
  switch (code) {
    case 'event.not_accepted':
      return t('backtest.refusal.notAccepted', { event: title });
    case 'rule.failed':
      return t('backtest.refusal.ruleFailed', { event: title });
    case 'data.invalid':
      return t('backtest.refusal.dataInvalid', { event: title });
    case 'event.unknown':
      return t('backtest.refusal.unknown', { event: title });
    default:
      return t('backtest.refusal.other', { event: title, message: message ?? code ?? '' });
  }
}

/**
 * Where the replay on the draft first left the recorded path, in a sentence: the draft refuses the case or
 * an event (with why, in the case type's words), an event leads to other states, or timers looped.
 */
export function divergenceText(draft: CaseType, published: CaseType | null, d: BacktestDivergence, words: Words = ENGLISH): string {
  const { t, language } = words;
  const at = formatDateTime(d.at, language);
  const defs = [draft, published];
  switch (d.kind) {
    case 'rejected':
      if (d.event === 'case.created') return t('backtest.divergence.created', { at });
      return t('backtest.divergence.refused', { step: d.seq ?? 0, at, reason: refusalReason(draft, published, d.event, d.code, d.message, words) });
    case 'routed':
      return t('backtest.divergence.routed', {
        step: d.seq ?? 0,
        at,
        event: d.event === 'case.created' ? t('backtest.divergence.creation') : eventTitle(draft.events?.[d.event] ? draft : (published ?? draft), d.event),
        actual: valueText(defs, d.actual, words),
        expected: valueText(defs, d.expected, words),
      });
    case 'timers':
      return t('backtest.divergence.timers', { at });
  }
}

/** The SLA outcomes of one case that change, as "Resolution: met → met late"; empty when none does. */
export function caseSlaChanges(draft: CaseType, published: CaseType | null, c: BacktestCase, words: Words = ENGLISH): string[] {
  return c.slas
    .filter((s) => s.before.status !== s.after.status)
    .map((s) => words.t('backtest.slaChange', { sla: slaTitle([draft, published], s.name), from: outcomeWord(s.before.status, words), to: outcomeWord(s.after.status, words) }));
}
