// Pure edits of event definitions: title, roles, and which case fields an event may carry as data.
// An event without a `data` schema carries no data (the runtime refuses a payload), so the designer writes
// the carried fields' schemas into `events[E].data`, closed with additionalProperties: false.
import type { CaseType, EventDef, FieldSchema } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { titleFromEvent } from './transitions.ts';

/** Top-level field names the event may carry. */
export function carriedFields(def: CaseType, event: string): string[] {
  return Object.keys(def.events?.[event]?.data?.properties ?? {});
}

function ensureEvent(def: CaseType, event: string): EventDef {
  def.events = { ...(def.events ?? {}) };
  const current = def.events[event] ?? { title: titleFromEvent(event) };
  def.events[event] = current;
  return current;
}

/** Lets the event carry the field `name` (a copy of its schema), or stops it. */
export function setCarried(def: CaseType, event: string, name: string, carried: boolean): CaseType {
  const field = def.data.properties?.[name];
  if (carried && !field) return def;
  const next = clone(def);
  const ev = ensureEvent(next, event);
  const properties: Record<string, FieldSchema> = {};
  for (const [k, v] of Object.entries(ev.data?.properties ?? {})) if (v && k !== name) properties[k] = v;
  if (carried && field) properties[name] = clone(field);
  // keep the data schema's field order
  const ordered = Object.fromEntries(Object.keys(next.data.properties ?? {}).filter((k) => k in properties).map((k) => [k, properties[k] as FieldSchema]));
  for (const [k, v] of Object.entries(properties)) if (!(k in ordered)) ordered[k] = v;
  if (Object.keys(ordered).length === 0) delete ev.data;
  else ev.data = { ...(ev.data ?? {}), type: 'object', additionalProperties: false, properties: ordered };
  return next;
}

export function updateEvent(def: CaseType, event: string, patch: Partial<Omit<EventDef, 'data'>>): CaseType {
  const next = clone(def);
  const ev = ensureEvent(next, event);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete (ev as Record<string, unknown>)[k];
    else (ev as Record<string, unknown>)[k] = v;
  }
  return next;
}
