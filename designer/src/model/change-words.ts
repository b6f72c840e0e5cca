// Values and changes of case data as people read them: labelled fields, never JSON or pointers. The worker
// console's history and conflict notices and the simulator's history say them alike.
import { jsonEqual } from '../../../runtime/engine/index.ts';
import type { JsonPatchOp, JsonValue } from '../../../runtime/engine/index.ts';
import { ENGLISH, formatNumber, type Words } from '../i18n/index.ts';

type Data = Record<string, unknown>;

/** A value for a person, never as JSON: text as it is, a list of plain values joined, a group or a list of groups by its size (their fields are told one by one where they change: changeLines). */
export function show(value: unknown, words: Words = ENGLISH): string {
  const { t, language } = words;
  if (value === undefined || value === null) return t('words.empty');
  const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'boolean') return value ? t('words.yes') : t('words.no');
  // numbers in the reader's locale ("49,95"); English keeps them as written
  if (typeof value === 'number' && language !== 'en') return formatNumber(value, language, { maximumFractionDigits: 20, useGrouping: 'min2' });
  if (Array.isArray(value)) {
    if (value.length === 0) return t('words.none');
    if (value.every((v) => v === null || typeof v !== 'object')) return cut(value.map((v) => show(v, words)).join(', '));
    return t('words.entries', { count: value.length });
  }
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return n === 0 ? t('words.empty') : t('words.fields', { count: n });
  }
  return cut(String(value));
}

const isGroup = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A change of the value at `pointer` as labelled lines, a group spread into the fields that changed: "Customer › E-mail: a@b.nl → c@d.nl". */
export function changeLines(pointer: string, before: unknown, after: unknown, label: (pointer: string) => string, words: Words = ENGLISH): string[] {
  if (isGroup(before) || isGroup(after)) {
    const b = isGroup(before) ? before : {};
    const a = isGroup(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((k) =>
      jsonEqual(b[k] as JsonValue, a[k] as JsonValue) ? [] : changeLines(`${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, b[k], a[k], label, words),
    );
  }
  return [words.t('words.change', { field: label(pointer), before: show(before, words), after: show(after, words) })];
}

/** A JSON Patch operation in words: "Reason set to billing", "Severity removed". */
function describeOp(op: JsonPatchOp, label: (pointer: string) => string, words: Words = ENGLISH): string {
  const { t } = words;
  switch (op.op) {
    case 'add':
      return t('words.added', { field: label(op.path), value: show(op.value, words) });
    case 'replace':
      return t('words.replaced', { field: label(op.path), value: show(op.value, words) });
    case 'remove':
      return t('words.removed', { field: label(op.path) });
    default: {
      const _never: never = op;
      return _never;
    }
  }
}

/** A patch operation as lines, objects spread into their fields: "Satisfaction survey › Score (1-5): 4". */
export function patchLines(op: JsonPatchOp, label: (pointer: string) => string, words: Words = ENGLISH): string[] {
  if (op.op !== 'remove' && op.value !== null && typeof op.value === 'object' && !Array.isArray(op.value)) {
    const entries = Object.entries(op.value);
    if (entries.length > 0) {
      return entries.flatMap(([k, v]) => patchLines({ op: op.op, path: `${op.path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, value: v }, label, words));
    }
  }
  return [describeOp(op, label, words)];
}
