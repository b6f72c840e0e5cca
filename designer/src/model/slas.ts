// Pure edits of service levels (`slas`): add, rename, delete, set a condition part, set ladder values.
// Empty values are removed rather than stored, so the definition stays minimal and valid.
import type { Action, CaseType, Sla, SlaCondition } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';

export type SlaConditionKey = 'start' | 'pause' | 'stop' | 'cancel' | 'reset';
export type SlaConditionPart = 'event' | 'enter' | 'in';
export type SlaRungActions = 'onWarning' | 'onGoalMissed' | 'onBreach' | 'onPassedDeadline';

/** A new SLA: starts when the case is created, deadline 8 working hours in the first calendar (if any). */
export function addSla(def: CaseType, name: string, title: string): CaseType {
  if (def.slas?.[name]) return def;
  const next = clone(def);
  const sla: Sla = { title, start: { event: ['case.created'] }, deadline: 'PT8H' };
  const calendar = Object.keys(def.calendars ?? {})[0];
  if (calendar !== undefined) sla.calendar = calendar;
  next.slas = { ...(next.slas ?? {}), [name]: sla };
  return next;
}

export function deleteSla(def: CaseType, name: string): CaseType {
  if (!def.slas?.[name]) return def;
  const next = clone(def);
  const slas = { ...(next.slas ?? {}) };
  delete slas[name];
  if (Object.keys(slas).length === 0) delete next.slas;
  else next.slas = slas;
  return next;
}

/**
 * Renames an SLA, keeping its place in the order (SLAs are evaluated in definition order), and the system
 * events it raises (`sla.<name>.<rung>`) wherever the playbook handles them or an SLA condition names them.
 */
export function renameSla(def: CaseType, from: string, to: string): CaseType {
  if (from === to || !def.slas?.[from] || def.slas[to]) return def;
  const next = clone(def);
  next.slas = Object.fromEntries(Object.entries(next.slas ?? {}).map(([k, v]) => [k === from ? to : k, v]));
  const prefix = `sla.${from}.`;
  const rename = (event: string): string => (event.startsWith(prefix) ? `sla.${to}.${event.slice(prefix.length)}` : event);
  type OnHolder = { on?: Record<string, unknown>; states?: Record<string, OnHolder | undefined> };
  const visit = (node: OnHolder): void => {
    if (node.on) node.on = Object.fromEntries(Object.entries(node.on).map(([k, v]) => [rename(k), v]));
    for (const child of Object.values(node.states ?? {})) if (child) visit(child);
  };
  visit(next.playbook as unknown as OnHolder);
  for (const sla of Object.values(next.slas)) {
    if (!sla) continue;
    for (const key of ['start', 'pause', 'stop', 'cancel', 'reset'] as const) {
      const events = sla[key]?.event;
      if (events) (sla[key] as SlaCondition).event = events.map(rename) as [string, ...string[]];
    }
  }
  return next;
}

function withSla(def: CaseType, name: string, change: (sla: Sla) => void): CaseType {
  const current = def.slas?.[name];
  if (!current) return def;
  const next = clone(def);
  const sla = next.slas?.[name] as Sla;
  change(sla);
  return next;
}

/** Sets one list part of a condition (`event`, `enter`, `in`); an empty list removes the part, an empty optional condition goes. */
export function setConditionPart(def: CaseType, name: string, key: SlaConditionKey, part: SlaConditionPart, values: string[]): CaseType {
  return withSla(def, name, (sla) => {
    const cond: SlaCondition = { ...(sla[key] ?? {}) };
    if (values.length === 0) delete cond[part];
    else cond[part] = values as [string, ...string[]];
    writeCondition(sla, key, cond);
  });
}

/** Sets (or with '' clears) the rule of a condition. */
export function setConditionRule(def: CaseType, name: string, key: SlaConditionKey, rule: string): CaseType {
  return withSla(def, name, (sla) => {
    const cond: SlaCondition = { ...(sla[key] ?? {}) };
    if (rule === '') delete cond.rule;
    else cond.rule = rule;
    writeCondition(sla, key, cond);
  });
}

function writeCondition(sla: Sla, key: SlaConditionKey, cond: SlaCondition): void {
  // `start` is required: an empty start stays `{}` (the validator names it) instead of vanishing
  if (Object.keys(cond).length === 0 && key !== 'start') delete sla[key];
  else sla[key] = cond;
}

type SlaText = 'title' | 'description' | 'startFrom' | 'warnAt' | 'goal' | 'deadline' | 'calendar';

/** Sets a plain value of the SLA; '' removes an optional one (the deadline stays, possibly empty, for the validator to name). */
export function setSlaValue(def: CaseType, name: string, key: SlaText, value: string): CaseType {
  return withSla(def, name, (sla) => {
    if (value === '' && key !== 'deadline') delete sla[key];
    else sla[key] = value;
  });
}

/** Sets the repeat after the deadline (`every` '' removes it; `times` null repeats until the record closes). */
export function setPassedDeadline(def: CaseType, name: string, every: string, times: number | null): CaseType {
  return withSla(def, name, (sla) => {
    if (every === '') delete sla.passedDeadline;
    else sla.passedDeadline = times === null ? { every } : { every, times };
  });
}

export function setRungActions(def: CaseType, name: string, rung: SlaRungActions, actions: Action[] | undefined): CaseType {
  return withSla(def, name, (sla) => {
    if (!actions || actions.length === 0) delete sla[rung];
    else sla[rung] = actions;
  });
}

/** The date-time fields (pointers) an SLA may start from: `startFrom` candidates, nested objects included. */
export function dateTimeFields(def: CaseType): string[] {
  const out: string[] = [];
  const visit = (props: Record<string, unknown> | undefined, base: string): void => {
    for (const [k, v] of Object.entries(props ?? {})) {
      const s = v as { format?: string; type?: string; properties?: Record<string, unknown> } | undefined;
      if (!s) continue;
      if (s.format === 'date-time') out.push(`${base}/${k}`);
      if (s.properties) visit(s.properties, `${base}/${k}`);
    }
  };
  visit(def.data.properties as Record<string, unknown> | undefined, '');
  return out;
}
