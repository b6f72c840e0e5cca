// Validates case data against the case type's `data` schema with the one ajv setup, as the server does,
// and maps each error to the field it is about, in plain words.
import type { ValidateFunction } from 'ajv';
import type { FieldSchema } from '../../../schemas/generated/case-type.ts';
import { createDataAjv } from '../../../schemas/ajv.ts';

const ajv = createDataAjv();
let last: { key: string; fn: ValidateFunction | null } | null = null;

const FORMAT_WORDS: Record<string, string> = {
  email: 'an e-mail address such as name@example.com',
  date: 'a date',
  'date-time': 'a date and time',
  phone: 'a phone number of at least 6 digits',
  money: 'an amount with at most two decimals',
  uri: 'a web address',
};

/** Field pointer → message, for the first error of each field. */
export function validateData(schema: FieldSchema, data: unknown): Record<string, string> {
  const key = JSON.stringify(schema);
  if (!last || last.key !== key) {
    let fn: ValidateFunction | null;
    try {
      fn = ajv.compile(schema);
    } catch {
      fn = null; // an invalid data schema is reported by the problems panel; the preview then skips validation
    }
    last = { key, fn };
  }
  const fn = last.fn;
  if (!fn || fn(data)) return {};
  const out: Record<string, string> = {};
  for (const e of fn.errors ?? []) {
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    let message: string;
    switch (e.keyword) {
      case 'required':
        pointer = `${e.instancePath}/${String(p.missingProperty)}`;
        message = 'This field is required.';
        break;
      case 'format':
        message = `Enter ${FORMAT_WORDS[String(p.format)] ?? `a valid ${String(p.format)}`}.`;
        break;
      case 'minimum':
        message = `Must be at least ${String(p.limit)}.`;
        break;
      case 'maximum':
        message = `Must be at most ${String(p.limit)}.`;
        break;
      case 'minLength':
        message = `Must be at least ${String(p.limit)} characters.`;
        break;
      case 'maxLength':
        message = `Must be at most ${String(p.limit)} characters.`;
        break;
      case 'pattern':
        message = `Does not match the expected pattern ${String(p.pattern)}.`;
        break;
      case 'enum':
        message = 'Choose one of the listed options.';
        break;
      case 'type':
        message = `Must be ${String(p.type)}.`;
        break;
      default:
        message = e.message ? `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.` : 'Not valid.';
    }
    if (!(pointer in out)) out[pointer] = message;
  }
  return out;
}
