// The simulator's move to another version in people's words: which states of version A version B lacks
// (the plan must say where their cases go), where they can go, which newly required fields need a value,
// why a case cannot move (the engine's blocks) and what a move changed (the engine's summary), with state,
// field and SLA titles, never ids. Pure: the compiled versions, the plan and the words come in.
import type { CaseType, FieldSchema } from '../../../schemas/generated/case-type.ts';
import { fieldsNeedingDefaults, leafStateIds } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType, MigrationBlock, MigrationPlan, MigrationSummary, StateValue } from '../../../runtime/engine/index.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { formatDateTime } from '../i18n/format.ts';
import { idWords, stateTitle } from '../model/titles.ts';
import { fieldLabel } from '../model/field-label.ts';
import { patchLines } from '../model/change-words.ts';
import { problemSentence } from '../form/field-errors.ts';

/** A state as people find it in a list: its title, under its parents' titles ("Resolution › Write the resolution"). */
export function statePath(type: CompiledCaseType, id: string): string {
  const titles: string[] = [];
  for (let at: string | null = id; at !== null; at = type.index.states.get(at)?.parent ?? null) titles.unshift(stateTitle([type.def], at));
  return titles.join(' › ');
}

/** The open states of `from` that `to` does not have: a case in one of them moves only where the plan says. */
export function statesToMap(from: CompiledCaseType, to: CompiledCaseType): string[] {
  return [...from.index.states.values()]
    .filter((info) => info.kind !== 'final' && !to.index.states.has(info.id))
    .sort((a, b) => a.order - b.order)
    .map((info) => info.id);
}

/** Where a case can go in `to`: its states that are not final (migration does not close cases), in document order. */
export function stateTargets(to: CompiledCaseType): { id: string; label: string }[] {
  return [...to.index.states.values()]
    .filter((info) => info.kind !== 'final')
    .sort((a, b) => a.order - b.order)
    .map((info) => ({ id: info.id, label: statePath(to, info.id) }));
}

/** Fields `to` requires that `from` did not: each needs a value in the plan (its `data.defaults`), unless renamed into. */
export function newlyRequired(plan: MigrationPlan, from: CompiledCaseType, to: CompiledCaseType): string[] {
  return fieldsNeedingDefaults({ ...plan, data: { ...plan.data, defaults: {} } }, from, to);
}

/** The schema of the field at a pointer of a case type's data (for its value input). */
export function fieldSchema(def: CaseType, pointer: string): FieldSchema | undefined {
  let node: unknown = def.data;
  for (const token of pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as { properties?: Record<string, unknown> }).properties?.[token];
  }
  return node as FieldSchema | undefined;
}

/** The plan with `old`'s cases going to `target` (null: the plan says nothing, the engine's default applies). */
export function withStateMap(plan: MigrationPlan, old: string, target: string | null): MigrationPlan {
  const states = { ...plan.states };
  if (target === null) delete states[old];
  else states[old] = target;
  const { states: _states, ...rest } = plan;
  return Object.keys(states).length > 0 ? { ...rest, states } : rest;
}

/** The plan with `value` as the value of the field at `pointer` for every moved case that has none. */
export function withDefault(plan: MigrationPlan, pointer: string, value: unknown): MigrationPlan {
  const defaults = { ...plan.data?.defaults };
  if (value === undefined) delete defaults[pointer];
  else defaults[pointer] = value as never;
  return { ...plan, data: { ...plan.data, defaults } };
}

const statesOf = (type: CompiledCaseType, value: StateValue): string => leafStateIds(value).map((id) => statePath(type, id)).join(', ');

const slaName = (defs: readonly CaseType[], name: string): string => {
  for (const def of defs) {
    const title = def.slas?.[name]?.title;
    if (title) return title;
  }
  return idWords(name);
};

/** Why the case cannot move, in a sentence per engine block. */
export function blockText(block: MigrationBlock, from: CompiledCaseType, to: CompiledCaseType, words: Words = ENGLISH): string {
  const { t } = words;
  switch (block.code) {
    case 'case.closed':
      return t('sim.migrate.block.closed');
    case 'case.version':
      return t('sim.migrate.block.version', { from: from.version });
    case 'state.unmapped':
      return t('sim.migrate.block.unmapped', { state: (block.states ?? []).map((id) => statePath(from, id)).join(', '), to: to.version });
    case 'state.final':
      return t('sim.migrate.block.final', { states: (block.states ?? []).map((id) => statePath(to, id)).join(', '), to: to.version });
    case 'state.conflict':
      return t('sim.migrate.block.conflict', { states: (block.states ?? []).map((id) => statePath(to, id)).join(', '), to: to.version });
    case 'data.invalid':
      return t('sim.migrate.block.data', {
        to: to.version,
        problems: (block.problems ?? []).map((p) => problemSentence(p, (pointer) => fieldLabel(to.def, pointer), words)).join('; '),
      });
    case 'sla.removed':
      return t('sim.migrate.block.sla', { sla: slaName([from.def], block.sla ?? ''), to: to.version });
  }
}

/** A pending timer's event in words: an SLA's rung by the SLA's title, a delay by its description or id. */
function timerText(type: CompiledCaseType, event: string, { t }: Words): string {
  const sla = /^sla\.([^.]+)\.(.+)$/.exec(event);
  if (sla) {
    const rung = sla[2] ?? '';
    return t('sim.migrate.summary.slaTimer', { sla: slaName([type.def], sla[1] ?? ''), rung: t(`sim.migrate.rung.${rung.split('.')[0] ?? ''}`, { defaultValue: idWords(rung).toLowerCase() }) });
  }
  return t('sim.migrate.summary.delay', { delay: idWords(event.replace(/^timer\./, '')).toLowerCase() });
}

export interface SummaryLines {
  versions: string;
  state: string;
  data: string[];
  slas: string[];
  tasks: string[];
  timers: string[];
}

/** What a move changed, as lines: the state, the data patch, the SLA clocks, the tasks and the timers. */
export function summaryLines(summary: MigrationSummary, from: CompiledCaseType, to: CompiledCaseType, words: Words = ENGLISH): SummaryLines {
  const { t, language } = words;
  const status = (s: string | null) => (s === null ? t('sim.migrate.summary.noClock') : t(`sim.case.status.${s}`, { defaultValue: s }));
  const tasks = [
    ...summary.tasks.opened.map((title) => t('sim.migrate.summary.taskOpened', { title })),
    ...summary.tasks.closed.map((title) => t('sim.migrate.summary.taskClosed', { title })),
    ...summary.tasks.kept.map((title) => t('sim.migrate.summary.taskKept', { title })),
  ];
  const timers = [
    ...summary.timers.set.map((timer) => t('sim.migrate.summary.timerSet', { timer: timerText(to, timer.event, words), at: formatDateTime(timer.dueAt, language) })),
    ...summary.timers.cancelled.map((id) => t('sim.migrate.summary.timerCancelled', { timer: timerText(from, id, words) })),
  ];
  return {
    versions: t('sim.migrate.summary.versions', { from: summary.fromVersion, to: summary.toVersion }),
    state: t('sim.migrate.summary.state', { from: statesOf(from, summary.fromState), to: statesOf(to, summary.toState) }),
    data: summary.patch.flatMap((op) => patchLines(op, (p) => fieldLabel(to.def, p), words)),
    slas: summary.slas.map((s) =>
      t('sim.migrate.summary.sla', { sla: slaName([to.def, from.def], s.name), action: t(`sim.migrate.action.${s.action}`), before: status(s.before), after: status(s.after) }),
    ),
    tasks,
    timers,
  };
}
