// Values of a field's type, typed by the analyst: the input a field's schema calls for, and the text ⇄ value
// conversions (for defaults and the "set a field" action).
import type { FieldSchema } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

export type ValueInput =
  | { kind: 'text' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'yesNo' }
  | { kind: 'choice'; choices: unknown[] }
  | { kind: 'date' }
  | { kind: 'dateTime' }
  /** Groups and repeating groups: no single value to type. */
  | { kind: 'none' };

export function valueInputFor(schema: FieldSchema | undefined): ValueInput {
  if (!schema) return { kind: 'text' };
  if (schema.enum) return { kind: 'choice', choices: schema.enum };
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'number':
      return { kind: 'number', integer: false };
    case 'integer':
      return { kind: 'number', integer: true };
    case 'boolean':
      return { kind: 'yesNo' };
    case 'object':
    case 'array':
      return { kind: 'none' };
    default:
      if (schema.format === 'date') return { kind: 'date' };
      if (schema.format === 'date-time') return { kind: 'dateTime' };
      return { kind: 'text' };
  }
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** The value typed as `raw` (the empty text is no value: `value` undefined). */
export function parseValue(input: ValueInput, raw: string, words: Words = ENGLISH): Parsed {
  const { t } = words;
  if (raw === '') return { ok: true, value: undefined };
  switch (input.kind) {
    case 'text':
    case 'date':
      if (input.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { ok: false, message: t('model.fieldValues.date') };
      return { ok: true, value: raw };
    case 'dateTime':
      if (Number.isNaN(Date.parse(raw)) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
        return { ok: false, message: t('model.fieldValues.dateTime') };
      }
      return { ok: true, value: raw };
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return { ok: false, message: t('model.fieldValues.number') };
      if (input.integer && !Number.isInteger(n)) return { ok: false, message: t('model.fieldValues.integer') };
      return { ok: true, value: n };
    }
    case 'yesNo':
      if (raw === 'yes') return { ok: true, value: true };
      if (raw === 'no') return { ok: true, value: false };
      return { ok: false, message: t('model.fieldValues.yesNo') };
    case 'choice': {
      const found = input.choices.find((c) => String(c) === raw);
      return found === undefined ? { ok: false, message: t('model.fieldValues.choice') } : { ok: true, value: found };
    }
    case 'none':
      return { ok: false, message: t('model.fieldValues.group') };
    default: {
      const _never: never = input;
      return _never;
    }
  }
}

/** The text an input shows for `value` ('' for none). */
export function formatValue(input: ValueInput, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (input.kind === 'yesNo') return value === true ? 'yes' : value === false ? 'no' : '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
