// The contact reasons report (GET /api/reports/reasons) in words: which fields it can count (the case type's
// choice fields, by label), and each row's value and channels as people read them. Pure, unit-tested.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { fieldLabeller } from '../model/field-label.ts';
import { listFields } from '../model/fields.ts';
import { show } from '../model/change-words.ts';
import type { Words } from '../i18n/index.ts';
import { formatNumber } from '../i18n/index.ts';

export interface ReasonsReport {
  field: string;
  total: number;
  channels: { channel: string; count: number; share: number }[];
  items: { value: unknown; count: number; share: number; channels: { channel: string; count: number }[] }[];
}

/** The fields a reasons report can count: the choice fields (a closed list of values), by label; the reason first. */
export function reasonFields(def: CaseType): { value: string; label: string }[] {
  const label = fieldLabeller(def);
  const choices = listFields(def).filter((f) => Array.isArray(f.schema.enum) && f.kind !== 'group' && f.kind !== 'list');
  return choices.map((f) => ({ value: f.pointer, label: label(f.pointer) })).sort((a, b) => Number(b.value === '/reason') - Number(a.value === '/reason'));
}

/** A channel in words ("phone"). */
export function channelWords(channel: string, words: Words): string {
  return words.t(`console.channel.${channel}`, { defaultValue: channel });
}

/** A share as a percentage in the reader's language ("40%"). */
export function percent(share: number, words: Words): string {
  return formatNumber(share, words.language, { style: 'percent', maximumFractionDigits: 0 });
}

/** A row of the report: the value in words (an absent one as "(empty)"), its count and share, its channels ("phone 3 · e-mail 2"). */
export function reasonRow(item: ReasonsReport['items'][number], words: Words): { value: string; count: string; share: string; channels: string } {
  return {
    value: show(item.value, words),
    count: formatNumber(item.count, words.language),
    share: percent(item.share, words),
    channels: item.channels.map((c) => `${channelWords(c.channel, words)} ${formatNumber(c.count, words.language)}`).join(' · '),
  };
}
