// Edits of a `lookup` action (docs/lookups.md) as pure functions: the values it sends (query parameters
// for a GET, body members for a POST, by name, each from a case field), and where the answer goes (by
// case field, a member of the answer written with dots, "person.fullName", never as a pointer).
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { fromPointer, toPointer } from './pointer.ts';

export type LookupAction = Extract<Action, { type: 'lookup' }>;

/** A pair of the action's lists, in order. */
export interface Pair {
  key: string;
  value: string;
}

/** "person.fullName" for the answer pointer /person/fullName. */
export function answerPath(pointer: string): string {
  return fromPointer(pointer).join('.');
}

/** The answer pointer of "person.fullName" (blank parts dropped; "" for nothing typed). */
export function answerPointer(path: string): string {
  const parts = path.split('.').map((p) => p.trim()).filter((p) => p !== '');
  return parts.length === 0 ? '' : toPointer(parts);
}

/** The values the lookup sends: its body members for a POST, its query parameters for a GET. */
export function sentValues(a: LookupAction): Pair[] {
  const values = (a.method === 'POST' ? a.body : a.query) ?? {};
  return Object.entries(values).map(([key, value]) => ({ key, value: value ?? '' }));
}

function record(pairs: readonly Pair[]): Record<string, string> {
  return Object.fromEntries(pairs.map((p) => [p.key, p.value]));
}

/** The action sending `pairs` (as body for a POST, as query for a GET); no list when empty. */
export function withSentValues(a: LookupAction, pairs: readonly Pair[]): LookupAction {
  const { query: _query, body: _body, ...rest } = a;
  if (pairs.length === 0) return rest;
  return a.method === 'POST' ? { ...rest, body: record(pairs) } : { ...rest, query: record(pairs) };
}

/** The action with another method; the values sent move along (query ↔ body). */
export function withMethod(a: LookupAction, method: 'GET' | 'POST'): LookupAction {
  const pairs = sentValues(a);
  const { method: _method, ...rest } = a;
  const next: LookupAction = method === 'GET' ? rest : { ...rest, method };
  return withSentValues(next, pairs);
}

/** Where the answer goes: by case field, the answer member as a dotted path. */
export function answerMapping(a: LookupAction): Pair[] {
  return Object.entries(a.map).map(([key, value]) => ({ key, value: answerPath(value ?? '') }));
}

/** The action with its answer mapping (`value` as a dotted path). */
export function withAnswerMapping(a: LookupAction, pairs: readonly Pair[]): LookupAction {
  return { ...a, map: Object.fromEntries(pairs.map((p) => [p.key, answerPointer(p.value)])) };
}

/** A parameter name not used yet: "value", "value2", … */
export function freeName(pairs: readonly Pair[], base: string): string {
  const used = new Set(pairs.map((p) => p.key));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The lookup actions of the definition (playbook and SLA rungs), in the order they are written. */
function lookupActions(def: CaseType): { name: string; title?: string }[] {
  const found: { name: string; title?: string }[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'lookup' && typeof record.name === 'string') found.push({ name: record.name, ...(typeof record.title === 'string' ? { title: record.title } : {}) });
    else Object.values(record).forEach(walk);
  };
  walk([def.playbook, def.slas]);
  return found;
}

/** The title of the lookup named `name` (its first action of that name with one), if it has one. */
export function lookupTitle(def: CaseType, name: string): string | undefined {
  return lookupActions(def).find((l) => l.name === name && l.title !== undefined)?.title;
}

/** The names of the definition's lookups, each once. */
export function lookupNames(def: CaseType): string[] {
  return [...new Set(lookupActions(def).map((l) => l.name))];
}

/** The action with a title ("" removes it). */
export function withTitle(a: LookupAction, title: string): LookupAction {
  const { title: _title, ...rest } = a;
  return title.trim() === '' ? rest : { ...rest, title };
}

/** The action with a time limit in whole seconds, 1 to 60 ("" or another value: the default, 10). */
export function withTimeout(a: LookupAction, text: string): LookupAction {
  const { timeoutSeconds: _timeout, ...rest } = a;
  const seconds = Number(text);
  return text.trim() !== '' && Number.isInteger(seconds) && seconds >= 1 && seconds <= 60 ? { ...rest, timeoutSeconds: seconds } : rest;
}
