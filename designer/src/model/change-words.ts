// Values and changes of case data as people read them: labelled fields, never JSON or pointers. The worker
// console's history and conflict notices and the simulator's history say them alike.
import type { JsonPatchOp } from '../../../runtime/engine/index.ts';

type Data = Record<string, unknown>;

/** A value for a person, never as JSON: text as it is, a list of plain values joined, a group or a list of groups by its size (their fields are told one by one where they change: changeLines). */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '(empty)';
  const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    if (value.every((v) => v === null || typeof v !== 'object')) return cut(value.map(show).join(', '));
    return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  }
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return n === 0 ? '(empty)' : `${n} ${n === 1 ? 'field' : 'fields'}`;
  }
  return cut(String(value));
}

const isGroup = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A change of the value at `pointer` as labelled lines, a group spread into the fields that changed: "Customer › E-mail: a@b.nl → c@d.nl". */
export function changeLines(pointer: string, before: unknown, after: unknown, label: (pointer: string) => string): string[] {
  if (isGroup(before) || isGroup(after)) {
    const b = isGroup(before) ? before : {};
    const a = isGroup(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((k) =>
      JSON.stringify(b[k]) === JSON.stringify(a[k]) ? [] : changeLines(`${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, b[k], a[k], label),
    );
  }
  return [`${label(pointer)}: ${show(before)} → ${show(after)}`];
}

/** A JSON Patch operation in words: "Reason set to billing", "Severity removed". */
export function describeOp(op: JsonPatchOp, label: (pointer: string) => string): string {
  switch (op.op) {
    case 'add':
      return `${label(op.path)}: ${show(op.value)}`;
    case 'replace':
      return `${label(op.path)} → ${show(op.value)}`;
    case 'remove':
      return `${label(op.path)} removed`;
    default: {
      const _never: never = op;
      return _never;
    }
  }
}

/** A patch operation as lines, objects spread into their fields: "Satisfaction survey › Score (1-5): 4". */
export function patchLines(op: JsonPatchOp, label: (pointer: string) => string): string[] {
  if (op.op !== 'remove' && op.value !== null && typeof op.value === 'object' && !Array.isArray(op.value)) {
    const entries = Object.entries(op.value);
    if (entries.length > 0) {
      return entries.flatMap(([k, v]) => patchLines({ op: op.op, path: `${op.path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, value: v }, label));
    }
  }
  return [describeOp(op, label)];
}
