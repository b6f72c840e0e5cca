// Renaming a rule rewrites every place that names it: guards (transitions, delays, form visibility),
// state checklists and SLA conditions.
import type { CaseType, Guard, StateNode, Transition } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { mapGuard } from './states.ts';
import { mapScriptGuards } from './script-guards.ts';
import { specToList } from './transitions.ts';

export function renameRule(def: CaseType, from: string, to: string): CaseType {
  if (from === to || !def.rules?.[from] || def.rules[to]) return def;
  const next = clone(def);
  next.rules = Object.fromEntries(Object.entries(next.rules ?? {}).map(([k, v]) => [k === from ? to : k, v]));
  const g = (guard: Guard): Guard => mapGuard(guard, (ids) => ids, (name) => (name === from ? to : name));
  const t = (tr: Transition): Transition => (tr.guard === undefined ? tr : { ...tr, guard: g(tr.guard) });
  const walk = (node: { states?: Record<string, StateNode | undefined> } & Partial<StateNode>): void => {
    if (node.on) {
      for (const [e, spec] of Object.entries(node.on)) {
        if (spec === undefined || typeof spec === 'string') continue;
        node.on[e] = Array.isArray(spec) ? (specToList(spec).map(t) as [Transition, ...Transition[]]) : t(spec);
      }
    }
    if (node.always) node.always = Array.isArray(node.always) ? node.always.map(t) : t(node.always);
    if (node.after) node.after = node.after.map((a) => (a.guard === undefined ? a : { ...a, guard: g(a.guard) }));
    if (node.checklist) node.checklist = node.checklist.map((r) => (r === from ? to : r));
    mapScriptGuards(node as StateNode, g);
    for (const child of Object.values(node.states ?? {})) if (child) walk(child);
  };
  walk(next.playbook);
  for (const section of next.form?.sections ?? []) {
    if (section.visibleWhen) section.visibleWhen = g(section.visibleWhen);
    if (section.readOnlyWhen) section.readOnlyWhen = g(section.readOnlyWhen);
    for (const ref of section.fields) {
      if (typeof ref === 'string') continue;
      if (ref.visibleWhen) ref.visibleWhen = g(ref.visibleWhen);
      if (ref.readOnlyWhen) ref.readOnlyWhen = g(ref.readOnlyWhen);
    }
  }
  for (const sla of Object.values(next.slas ?? {})) {
    if (!sla) continue;
    for (const cond of [sla.start, sla.pause, sla.stop, sla.cancel, sla.reset]) if (cond?.rule === from) cond.rule = to;
  }
  return next;
}
