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
  if (carried && field) {
    // the payload takes the field's type and constraints, not its default (a payload is what was sent)
    const { default: _default, ...copy } = clone(field);
    properties[name] = copy;
  }
  // keep the data schema's field order
  const ordered = Object.fromEntries(Object.keys(next.data.properties ?? {}).filter((k) => k in properties).map((k) => [k, properties[k] as FieldSchema]));
  for (const [k, v] of Object.entries(properties)) if (!(k in ordered)) ordered[k] = v;
  if (Object.keys(ordered).length === 0) delete ev.data;
  else {
    const required = (ev.data?.required ?? []).filter((r) => r in ordered);
    const { required: _r, ...rest } = ev.data ?? {};
    ev.data = { ...rest, type: 'object', additionalProperties: false, properties: ordered, ...(required.length > 0 ? { required } : {}) };
  }
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

/** What an event asks of one carried field: required in the payload, bounds, the choices it may take. */
export interface PayloadRules {
  required: boolean;
  minimum?: number;
  maximum?: number;
  /** The choices the event allows; undefined when the field has no choices. */
  choices?: unknown[];
}

export function payloadRules(def: CaseType, event: string, name: string): PayloadRules {
  const data = def.events?.[event]?.data;
  const f = data?.properties?.[name];
  return {
    required: (data?.required ?? []).includes(name),
    ...(f?.minimum !== undefined ? { minimum: f.minimum } : {}),
    ...(f?.maximum !== undefined ? { maximum: f.maximum } : {}),
    ...(f?.enum ? { choices: f.enum } : {}),
  };
}

function carriedField(def: CaseType, event: string, name: string): FieldSchema | undefined {
  return def.events?.[event]?.data?.properties?.[name];
}

/** The event must (or need not) carry the field; only for a carried field. */
export function setPayloadRequired(def: CaseType, event: string, name: string, required: boolean): CaseType {
  if (!carriedField(def, event, name)) return def;
  const next = clone(def);
  const data = next.events?.[event]?.data as FieldSchema;
  const list = (data.required ?? []).filter((r) => r !== name);
  if (required) list.push(name);
  // keep the order of the carried fields
  const ordered = Object.keys(data.properties ?? {}).filter((k) => list.includes(k));
  if (ordered.length === 0) delete data.required;
  else data.required = ordered;
  return next;
}

/** A bound of a carried number in this event's payload (undefined: the field's own bound, if any). */
export function setPayloadBound(def: CaseType, event: string, name: string, bound: 'minimum' | 'maximum', value: number | undefined): CaseType {
  if (!carriedField(def, event, name)) return def;
  const next = clone(def);
  const f = next.events?.[event]?.data?.properties?.[name] as FieldSchema;
  if (value === undefined) delete f[bound];
  else f[bound] = value;
  return next;
}

/** The choices of a carried choice field this event allows: a non-empty subset of the field's choices, in their order. */
export function setPayloadChoices(def: CaseType, event: string, name: string, allowed: readonly unknown[]): CaseType {
  const all = def.data.properties?.[name]?.enum;
  if (!carriedField(def, event, name) || !all) return def;
  const subset = all.filter((c) => allowed.includes(c));
  if (subset.length === 0) return def;
  const next = clone(def);
  const f = next.events?.[event]?.data?.properties?.[name] as FieldSchema;
  f.enum = subset as [unknown, ...unknown[]];
  return next;
}
