// Scenarios stored with the draft (`scenarios`, the *.scenario.json format): save (replacing one of the
// same name) and delete. Pure.
import type { CaseType, StoredScenario } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';

export function saveScenario(def: CaseType, scenario: StoredScenario): CaseType {
  const next = clone(def);
  const list = (next.scenarios ?? []).filter((s) => s.name !== scenario.name);
  const at = (def.scenarios ?? []).findIndex((s) => s.name === scenario.name);
  if (at >= 0) list.splice(at, 0, clone(scenario));
  else list.push(clone(scenario));
  next.scenarios = list;
  return next;
}

export function deleteScenario(def: CaseType, name: string): CaseType {
  if (!(def.scenarios ?? []).some((s) => s.name === name)) return def;
  const next = clone(def);
  const list = (next.scenarios ?? []).filter((s) => s.name !== name);
  if (list.length === 0) delete next.scenarios;
  else next.scenarios = list;
  return next;
}

/** A scenario file name: `complaint.waiting-then-auto-close.scenario.json`. */
export function scenarioFileName(caseType: string, name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return `${caseType}.${slug}.scenario.json`;
}
