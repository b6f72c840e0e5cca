// The one ajv configuration for case data, events and rules: JSON Schema 2020-12, `$data` on, formats on,
// patterns in linear time.
// Used by the validator (to check that rule schemas compile) and by the engine (to evaluate them).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { linearRegExp } from './regex.ts';

// ajv-formats is CommonJS; under ESM its default export is the plugin function (or wraps it).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

/** phone: 6–20 characters of digits, spaces, +, -, (, ) with at least 6 digits. */
export function isPhone(value: string): boolean {
  return /^\+?[0-9 ()-]{6,20}$/.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 6;
}

/** money: a finite number with at most two decimals (amounts in currency units, e.g. 49.95). */
export function isMoney(value: number): boolean {
  return Number.isFinite(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

/** Creates an ajv instance for schemas written by analysts (case data, event payloads, rules). */
export function createDataAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    $data: true,
    allErrors: true,
    strict: false,
    validateFormats: true,
    messages: true,
    // errors carry their schema, so a pattern failure can be told with the field's own hint or example
    verbose: true,
    // every pattern runs on RE2, in linear time (schemas/regex.ts)
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  ajv.addFormat('phone', { type: 'string', validate: isPhone });
  ajv.addFormat('money', { type: 'number', validate: isMoney });
  return ajv;
}
