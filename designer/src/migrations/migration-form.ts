// "Migrate open cases" (issue 19), the pure part: what the migration page asks of the admin, read from the
// two published versions and the plan the server suggested; the plan built back from the answers; the
// server's plan problems (JSON Pointers into the plan) put beside the control they concern, in words; and
// the dry run's reasons in words. Nothing here names a state, field or SLA by its id: titles and labels only.
import type { CaseType, FieldSchema } from '../../../schemas/generated/case-type.ts';
import type { Wire } from '../api/wire.ts';
import { besideField, problemSentence } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';
import { getField } from '../model/fields.ts';
import { listStates } from '../model/states.ts';
import { idWords } from '../model/titles.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

export type MigrationPlan = Wire['MigrationPlan'];
export type MigrationDryRun = Wire['MigrationDryRun'];
export type DryRunCase = MigrationDryRun['cases'][number];
export type MigrationBlock = DryRunCase['blocks'][number];
export type Migration = Wire['Migration'];
export type PlanProblem = { pointer: string; message: string };

/** What becomes of an SLA's running clock: the plan's four actions, and 'none' (an SLA only the new version has, not started). */
export type SlaChoice = 'keep' | 'restart' | 'cancel' | 'start' | 'none';

/** A state of the old version that cases can be in, and where they go. */
export interface StateRow {
  id: string;
  /** "Investigation › Collect the facts". */
  title: string;
  /** The new version has no state with this id: the admin must say where its cases go. */
  removed: boolean;
}

/** A state of the new version cases can be put in (not a final one: a migration does not close cases). */
export interface StateOption {
  id: string;
  title: string;
}

/** A field of the new version the plan fills where a case has no value. */
export interface DefaultRow {
  pointer: string;
  label: string;
  schema: FieldSchema | undefined;
  /** A newly required field: a case without a value cannot move unless a value is given. */
  needed: boolean;
}

export interface SlaRow {
  name: string;
  title: string;
  inFrom: boolean;
  inTo: boolean;
  /** What may be chosen, the default first. */
  choices: SlaChoice[];
}

/** A field the new version no longer has: its values are taken out of the cases. */
export interface RemovedField {
  pointer: string;
  label: string;
}

export interface MigrationRows {
  states: StateRow[];
  targets: StateOption[];
  defaults: DefaultRow[];
  slas: SlaRow[];
  removedFields: RemovedField[];
}

/** The admin's answers. */
export interface MigrationForm {
  title: string;
  /** Old state id → new state id ('' = not chosen yet). */
  states: Record<string, string>;
  /** Field pointer → value (undefined = no value given). */
  defaults: Record<string, unknown>;
  slas: Record<string, SlaChoice>;
}

const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Every state of a definition by id, with its title path ("Investigation › Collect the facts") and whether it ends the case. */
export function statesOf(def: CaseType): Map<string, { title: string; final: boolean; leaf: boolean }> {
  const entries = listStates(def);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out = new Map<string, { title: string; final: boolean; leaf: boolean }>();
  for (const entry of entries) {
    const titles: string[] = [];
    for (let at: typeof entry | undefined = entry; at !== undefined; at = at.parent === null ? undefined : byId.get(at.parent)) {
      titles.unshift(at.node.title ?? idWords(at.id));
    }
    const leaf = Object.keys(entry.node.states ?? {}).length === 0;
    out.set(entry.id, { title: titles.join(' › '), final: entry.node.type === 'final', leaf });
  }
  return out;
}

/** A state value's title in a definition: "Resolution › Write the resolution"; parallel regions joined with " + ". */
export function stateValueTitle(value: unknown, def: CaseType): string {
  const states = statesOf(def);
  const title = (id: string) => states.get(id)?.title ?? idWords(id);
  const leaves = (v: unknown): string[] => {
    if (typeof v === 'string') return [v];
    if (v === null || typeof v !== 'object') return [];
    return Object.entries(v as Record<string, unknown>).flatMap(([id, inner]) => {
      const below = leaves(inner);
      return below.length === 0 ? [id] : below;
    });
  };
  return leaves(value).map(title).join(' + ');
}

const slaTitle = (def: CaseType, name: string): string | undefined => def.slas?.[name]?.title;

/** What the page asks, from the two versions and the suggested plan (with the fields it found no default for). */
export function migrationRows(from: CaseType, to: CaseType, plan: MigrationPlan, needsDefaults: readonly string[]): MigrationRows {
  const fromStates = statesOf(from);
  const toStates = statesOf(to);
  const states: StateRow[] = [];
  for (const [id, info] of fromStates) {
    if (!info.leaf || info.final) continue;
    states.push({ id, title: info.title, removed: !toStates.has(id) });
  }
  // the states the new version lacks first: they are the ones that need an answer
  states.sort((a, b) => Number(b.removed) - Number(a.removed));
  const targets = [...toStates].filter(([, info]) => !info.final).map(([id, info]) => ({ id, title: info.title }));
  const pointers = [...needsDefaults, ...Object.keys(plan.data?.defaults ?? {}).filter((p) => !needsDefaults.includes(p))];
  const defaults = pointers.map((pointer) => ({
    pointer,
    label: fieldLabel(to, pointer),
    schema: getField(to, pointer),
    needed: needsDefaults.includes(pointer) || isRequiredIn(to, pointer),
  }));
  const slas: SlaRow[] = [];
  for (const name of Object.keys(from.slas ?? {})) {
    const inTo = to.slas?.[name] !== undefined;
    slas.push({ name, title: slaTitle(from, name) ?? slaTitle(to, name) ?? idWords(name), inFrom: true, inTo, choices: inTo ? ['keep', 'restart', 'cancel'] : ['cancel', 'keep', 'restart'] });
  }
  for (const name of Object.keys(to.slas ?? {})) {
    if (from.slas?.[name] !== undefined) continue;
    slas.push({ name, title: slaTitle(to, name) ?? idWords(name), inFrom: false, inTo: true, choices: ['none', 'start'] });
  }
  const removedFields = (plan.data?.removals ?? []).map((pointer) => ({ pointer, label: fieldLabel(from, pointer) }));
  return { states, targets, defaults, slas, removedFields };
}

function isRequiredIn(def: CaseType, pointer: string): boolean {
  const path = pointer.split('/').slice(1).map(unescape);
  let node: FieldSchema | CaseType['data'] | undefined = def.data;
  for (const [i, key] of path.entries()) {
    if (!node || !Array.isArray(node.required) || !node.required.includes(key)) return false;
    if (i < path.length - 1) node = node.properties?.[key];
  }
  return path.length > 0;
}

/** The answers the suggested plan gives: each state where the plan sends it (its own id where the new version keeps it). */
export function formFromPlan(plan: MigrationPlan, rows: MigrationRows, from: CaseType): MigrationForm {
  const fromStates = listStates(from);
  const parentOf = new Map(fromStates.map((e) => [e.id, e.parent]));
  const kept = new Set(rows.targets.map((t) => t.id));
  const states: Record<string, string> = {};
  for (const row of rows.states) {
    let target = plan.states?.[row.id];
    if (target === undefined && !row.removed) target = row.id;
    // a removed state follows its nearest ancestor the plan maps (as the engine does)
    for (let up = parentOf.get(row.id) ?? null; target === undefined && up !== null; up = parentOf.get(up) ?? null) target = plan.states?.[up];
    states[row.id] = target !== undefined && kept.has(target) ? target : '';
  }
  const defaults: Record<string, unknown> = {};
  for (const row of rows.defaults) defaults[row.pointer] = plan.data?.defaults?.[row.pointer];
  const slas: Record<string, SlaChoice> = {};
  for (const row of rows.slas) slas[row.name] = plan.slas?.[row.name] ?? row.choices[0] ?? 'keep';
  return { title: plan.title ?? '', states, defaults, slas };
}

/** The plan the answers make: the suggested plan with the admin's states, defaults, SLA actions and title. */
export function planFromForm(base: MigrationPlan, form: MigrationForm, rows: MigrationRows): MigrationPlan {
  const rowIds = new Set(rows.states.map((r) => r.id));
  const states: Record<string, string> = {};
  for (const [id, target] of Object.entries(base.states ?? {})) if (!rowIds.has(id)) states[id] = target;
  for (const row of rows.states) {
    const target = form.states[row.id] ?? '';
    // unchosen: the dry run says which cases cannot move; the same state: the default
    if (target === '' || (!row.removed && target === row.id)) continue;
    states[row.id] = target;
  }
  const defaultPointers = new Set(rows.defaults.map((r) => r.pointer));
  const defaults: Record<string, unknown> = {};
  for (const [pointer, value] of Object.entries(base.data?.defaults ?? {})) if (!defaultPointers.has(pointer)) defaults[pointer] = value;
  for (const row of rows.defaults) {
    const value = form.defaults[row.pointer];
    if (value !== undefined) defaults[row.pointer] = value;
  }
  const slaNames = new Set(rows.slas.map((r) => r.name));
  const slas: NonNullable<MigrationPlan['slas']> = {};
  for (const [name, action] of Object.entries(base.slas ?? {})) if (!slaNames.has(name)) slas[name] = action;
  for (const row of rows.slas) {
    const choice = form.slas[row.name] ?? row.choices[0];
    if (choice === undefined || choice === 'none' || (choice === 'keep' && row.inFrom && row.inTo)) continue;
    slas[row.name] = choice;
  }
  const data = {
    ...(base.data?.renames !== undefined && Object.keys(base.data.renames).length > 0 ? { renames: base.data.renames } : {}),
    ...(base.data?.removals !== undefined && base.data.removals.length > 0 ? { removals: base.data.removals } : {}),
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
  };
  const title = form.title.trim();
  return {
    caseType: base.caseType,
    from: base.from,
    to: base.to,
    ...(title !== '' ? { title } : {}),
    ...(Object.keys(states).length > 0 ? { states } : {}),
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(Object.keys(slas).length > 0 ? { slas } : {}),
    ...(base.cases !== undefined ? { cases: base.cases } : {}),
  };
}

/** The control a plan problem concerns, by its pointer into the plan. */
export type PlanControl =
  | { kind: 'state'; id: string }
  | { kind: 'default'; pointer: string }
  | { kind: 'sla'; name: string }
  | { kind: 'title' }
  /** The plan as a whole (its versions, case type, selection, renames, removals): said above the form. */
  | { kind: 'plan'; at: string };

export function controlOf(pointer: string): PlanControl {
  const tokens = pointer.split('/').slice(1).map(unescape);
  const [head, second, third] = tokens;
  if (head === 'states' && second !== undefined) return { kind: 'state', id: second };
  if (head === 'data' && second === 'defaults' && third !== undefined) return { kind: 'default', pointer: third };
  if (head === 'slas' && second !== undefined) return { kind: 'sla', name: second };
  if (head === 'title') return { kind: 'title' };
  return { kind: 'plan', at: head ?? '' };
}

/** A key per control, the same for a problem and the control it is shown beside. */
export function controlKey(control: PlanControl): string {
  switch (control.kind) {
    case 'state':
      return `state:${control.id}`;
    case 'default':
      return `default:${control.pointer}`;
    case 'sla':
      return `sla:${control.name}`;
    case 'title':
      return 'title';
    case 'plan':
      return 'plan';
    default: {
      const _never: never = control;
      return _never;
    }
  }
}

/**
 * A plan problem of the server (422 migration.invalid) in the words of the page, beside its control. The
 * server writes for developers (ids, pointers); the page says it from the two versions and the plan sent.
 */
export function problemWords(problem: PlanProblem, plan: MigrationPlan, from: CaseType, to: CaseType, words: Words = ENGLISH): string {
  const { t } = words;
  const control = controlOf(problem.pointer);
  const fromStates = statesOf(from);
  const toStates = statesOf(to);
  switch (control.kind) {
    case 'state': {
      const target = plan.states?.[control.id];
      const info = target === undefined ? undefined : toStates.get(target);
      if (!fromStates.has(control.id)) return t('migrations.problem.stateNotInFrom', { version: plan.from });
      if (info === undefined) return t('migrations.problem.stateNotInTo', { version: plan.to });
      if (info.final) return t('migrations.problem.stateFinal', { state: info.title });
      return t('migrations.problem.state');
    }
    case 'default': {
      if (getField(to, control.pointer) === undefined) return t('migrations.problem.defaultNoField', { version: plan.to });
      // "The default "fr" does not fit the field: /language must be equal to one of the allowed values: en, nl."
      const inner = /does not fit the field: ([\s\S]*?)\.?$/.exec(problem.message)?.[1];
      if (inner === undefined || inner === '') return t('migrations.problem.defaultDoesNotFit');
      return besideField({ pointer: control.pointer, message: inner }, (p) => fieldLabel(to, p), words);
    }
    case 'sla': {
      const action = plan.slas?.[control.name];
      const inFrom = from.slas?.[control.name] !== undefined;
      const inTo = to.slas?.[control.name] !== undefined;
      if (!inFrom && !inTo) return t('migrations.problem.slaInNeither');
      if (action !== 'cancel' && !inTo) return t('migrations.problem.slaNotInTo', { version: plan.to });
      if (action === 'cancel' && !inFrom) return t('migrations.problem.slaNotInFrom', { version: plan.from });
      return t('migrations.problem.sla');
    }
    case 'title':
      return t('migrations.problem.title');
    case 'plan':
      if (control.at === 'from') return t('migrations.problem.version', { version: plan.from });
      if (control.at === 'to') return t('migrations.problem.version', { version: plan.to });
      return t('migrations.problem.plan');
    default: {
      const _never: never = control;
      return _never;
    }
  }
}

/** The plan problems by control key, each in words; those about the plan as a whole under 'plan'. */
export function problemsByControl(problems: readonly PlanProblem[], plan: MigrationPlan, from: CaseType, to: CaseType, words: Words = ENGLISH): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const problem of problems) {
    const key = controlKey(controlOf(problem.pointer));
    const text = problemWords(problem, plan, from, to, words);
    const list = out.get(key) ?? [];
    if (!list.includes(text)) list.push(text);
    out.set(key, list);
  }
  return out;
}

/** The reasons a dry run counts cases that cannot move by. */
export const REASONS = ['state.unmapped', 'state.conflict', 'state.final', 'data.invalid', 'sla.removed', 'case.closed', 'case.version', 'case.busy', 'migration.error'] as const;

/** A reason code as the counts say it: "In a state version 2 does not have". */
export function reasonWords(code: string, to: number, words: Words = ENGLISH): string {
  const known = (REASONS as readonly string[]).includes(code);
  return words.t(known ? `migrations.reason.${code.replace('.', '_')}` : 'migrations.reason.other', { version: to });
}

/** Why one case cannot move, in a sentence: the old state's title, the fields by their labels, the SLA's title. */
export function blockWords(block: MigrationBlock, from: CaseType, to: CaseType, toVersion: number, words: Words = ENGLISH): string {
  const { t } = words;
  switch (block.code) {
    case 'state.unmapped': {
      const titles = statesOf(from);
      const state = (block.states ?? []).map((id) => titles.get(id)?.title ?? idWords(id)).join(', ');
      return t('migrations.block.unmapped', { state, version: toVersion });
    }
    case 'state.conflict': {
      const titles = statesOf(to);
      const names = (block.states ?? []).map((id) => `‘${titles.get(id)?.title ?? idWords(id)}’`);
      const list = new Intl.ListFormat(words.language === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(names);
      return t('migrations.block.conflict', { states: list });
    }
    case 'state.final': {
      const titles = statesOf(to);
      const state = (block.states ?? []).map((id) => titles.get(id)?.title ?? idWords(id)).join(', ');
      return t('migrations.block.final', { state, version: toVersion });
    }
    case 'data.invalid': {
      const problems = block.problems ?? [];
      if (problems.length === 0) return t('migrations.block.data', { version: toVersion });
      return problems.map((p) => problemSentence(p, (pointer) => fieldLabel(to, pointer), words)).join('; ');
    }
    case 'sla.removed': {
      const name = block.sla ?? '';
      return t('migrations.block.slaRemoved', { sla: slaTitle(from, name) ?? idWords(name), version: toVersion });
    }
    case 'case.closed':
      return t('migrations.block.closed');
    case 'case.version':
      return t('migrations.block.version');
    case 'case.busy':
      return t('migrations.block.busy');
    case 'migration.error':
      return t('migrations.block.error');
    default: {
      const _never: never = block.code;
      return _never;
    }
  }
}

/** How far a migration is: cases worked of all it took, 0 to 100. */
export function progressOf(counts: Migration['counts']): { done: number; total: number; percent: number } {
  const done = counts.total - counts.pending;
  return { done, total: counts.total, percent: counts.total === 0 ? 100 : Math.round((done / counts.total) * 100) };
}
