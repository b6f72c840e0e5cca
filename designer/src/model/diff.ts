// A readable diff of two case types for the publish dialog: fields, states, transitions, rules, SLAs
// added, removed or changed.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { listFields } from './fields.ts';
import { listStates } from './states.ts';
import { listTransitions } from './transitions.ts';

export type DiffArea = 'field' | 'state' | 'transition' | 'rule' | 'sla' | 'event' | 'form';
export type DiffChange = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  area: DiffArea;
  change: DiffChange;
  /** What changed, as the analyst names it: a field pointer, a state id, `triage → closed on SUBMIT`. */
  name: string;
}

function diffMaps(area: DiffArea, before: Map<string, unknown>, after: Map<string, unknown>): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const [name, value] of after) {
    if (!before.has(name)) out.push({ area, change: 'added', name });
    else if (JSON.stringify(before.get(name)) !== JSON.stringify(value)) out.push({ area, change: 'changed', name });
  }
  for (const name of before.keys()) if (!after.has(name)) out.push({ area, change: 'removed', name });
  return out;
}

function stripChildren<T extends { states?: unknown }>(node: T): Omit<T, 'states'> {
  const { states: _states, ...rest } = node;
  return rest;
}

function areaMaps(def: CaseType | null): Record<DiffArea, Map<string, unknown>> {
  const fields = new Map<string, unknown>();
  const states = new Map<string, unknown>();
  const transitions = new Map<string, unknown>();
  if (def) {
    for (const f of listFields(def)) {
      const { properties: _p, items: _i, ...own } = f.schema;
      fields.set(f.pointer, { own, required: f.required });
    }
    for (const s of listStates(def)) {
      const { on: _on, ...own } = stripChildren(s.node);
      states.set(s.id, own);
    }
    for (const t of listTransitions(def)) {
      transitions.set(`${t.source} → ${t.transition.target ?? '(stays)'} on ${t.event}`, t.transition);
    }
  }
  const toMap = (o: Record<string, unknown> | undefined): Map<string, unknown> => new Map(Object.entries(o ?? {}));
  return {
    field: fields,
    state: states,
    transition: transitions,
    rule: toMap(def?.rules),
    sla: toMap(def?.slas),
    event: toMap(def?.events),
    form: new Map((def?.form?.sections ?? []).map((s) => [s.id, s])),
  };
}

const AREAS: readonly DiffArea[] = ['field', 'form', 'rule', 'state', 'transition', 'event', 'sla'];

/** What changes when `after` replaces `before` (null: nothing published yet). */
export function diffCaseTypes(before: CaseType | null, after: CaseType): DiffEntry[] {
  const a = areaMaps(before);
  const b = areaMaps(after);
  const out = AREAS.flatMap((area) => diffMaps(area, a[area], b[area]));
  if (before && (before.title !== after.title || before.description !== after.description)) {
    out.unshift({ area: 'form', change: 'changed', name: 'title or description' });
  }
  return out;
}

const AREA_WORDS: Record<DiffArea, string> = {
  field: 'Field',
  form: 'Form section',
  rule: 'Rule',
  state: 'State',
  transition: 'Transition',
  event: 'Event',
  sla: 'SLA',
};

/** "Field /severity added". */
export function describeDiff(entry: DiffEntry): string {
  return `${AREA_WORDS[entry.area]} ${entry.name} ${entry.change}`;
}
