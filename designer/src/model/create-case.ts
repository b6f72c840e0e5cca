// The "open a child case" action's copied fields and constant data, as rows the designer edits. `copy` maps a
// field of the child case to a field of this case; `data` is the child's starting data (nested objects).
import type { Action } from '../../../schemas/generated/case-type.ts';
import { fromPointer, toPointer } from './pointer.ts';

export type CreateCaseAction = Extract<Action, { type: 'createCase' }>;

/** "customer/email" or "/customer/email" → "/customer/email"; null when it names no field. */
export function childPointer(text: string): string | null {
  const parts = text.trim().replace(/^\/+/, '').split('/').map((p) => p.trim());
  if (parts.some((p) => p === '')) return null;
  return toPointer(parts);
}

/** The child field as the analyst writes it: "customer/email". */
export function childFieldText(pointer: string): string {
  return fromPointer(pointer).join('/');
}

export function copyRows(action: CreateCaseAction): { child: string; from: string }[] {
  return Object.entries(action.copy ?? {}).map(([child, from]) => ({ child, from: from ?? '' }));
}

/** Writes the copy rows back; rows without a child field or a source are left out. */
export function withCopyRows(action: CreateCaseAction, rows: readonly { child: string; from: string }[]): CreateCaseAction {
  const { copy: _old, ...rest } = action;
  const copy = Object.fromEntries(rows.filter((r) => r.child && r.from).map((r) => [r.child, r.from]));
  return Object.keys(copy).length > 0 ? { ...rest, copy } : rest;
}

/** The leaves of the constant data: pointer and value, depth first. */
export function dataRows(action: CreateCaseAction): { child: string; value: unknown }[] {
  const out: { child: string; value: unknown }[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const walk = (v: unknown, path: string[]) => {
    // an empty object below the top is a value of its own
    if (isObject(v) && (path.length === 0 || Object.keys(v).length > 0)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    } else out.push({ child: toPointer(path), value: v });
  };
  walk(action.data ?? {}, []);
  return out;
}

/** Writes the constant data rows back as nested objects. */
export function withDataRows(action: CreateCaseAction, rows: readonly { child: string; value: unknown }[]): CreateCaseAction {
  const { data: _old, ...rest } = action;
  const data: Record<string, unknown> = {};
  for (const r of rows) {
    const path = fromPointer(r.child);
    if (path.length === 0) continue;
    let at = data;
    path.slice(0, -1).forEach((k) => {
      const next = at[k];
      at[k] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
      at = at[k] as Record<string, unknown>;
    });
    at[path[path.length - 1] as string] = r.value;
  }
  return Object.keys(data).length > 0 ? { ...rest, data } : rest;
}
