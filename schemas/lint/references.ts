// Lint of names used across the definition: states, rules, events, queues, roles, calendars, form sections,
// timers and case types must exist where they are named.
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { asArray, asObject, asString, didYouMean, isObject, ptr } from './util.ts';
import { nonPublicHost } from './webhook-hosts.ts';

export interface ReferenceOptions {
  knownCaseTypes?: readonly string[];
}

export function lintReferences(model: Model, options: ReferenceOptions): Problem[] {
  const problems: Problem[] = [];
  const stateIds = [...model.states.keys()];
  const { names } = model;

  for (const t of model.transitions) {
    if (t.target !== undefined && !model.states.has(t.target)) {
      problems.push(
        createProblem('state.unknown_target', t.targetPointer, {
          target: t.target,
          hint: didYouMean(t.target, stateIds),
        }),
      );
    }
  }
  const stateRef = (name: unknown, pointer: string): void => {
    if (typeof name === 'string' && !model.states.has(name)) {
      problems.push(
        createProblem('state.unknown_reference', pointer, { target: name, hint: didYouMean(name, stateIds) }),
      );
    }
  };
  const ruleRef = (name: unknown, pointer: string): void => {
    if (typeof name === 'string' && !names.rules.has(name)) {
      problems.push(createProblem('rule.unknown', pointer, { name, hint: didYouMean(name, names.rules) }));
    }
  };
  const eventRef = (name: unknown, pointer: string): void => {
    if (typeof name === 'string') problems.push(...checkEventName(model, name, pointer));
  };
  const named =
    (kind: 'queue' | 'role' | 'calendar', set: Set<string>) => (name: unknown, pointer: string) => {
      if (typeof name === 'string' && !set.has(name)) {
        problems.push(createProblem(`${kind}.unknown`, pointer, { name, hint: didYouMean(name, set) }));
      }
    };
  const queueRef = named('queue', names.queues);
  const roleRef = named('role', names.roles);
  const calendarRef = named('calendar', names.calendars);

  for (const { guard, pointer } of model.guards) walkGuard(guard, pointer, ruleRef, stateRef);
  for (const { name, pointer } of model.handledEvents) eventRef(name, pointer);

  const untitled = new Set<string>();
  for (const state of model.states.values()) {
    const task = asObject(state.node.task);
    const taskPointer = ptr(state.pointer, 'task');
    queueRef(task.queue, ptr(taskPointer, 'queue'));
    roleRef(task.role, ptr(taskPointer, 'role'));
    calendarRef(task.calendar, ptr(taskPointer, 'calendar'));
    const form = asString(task.form);
    if (form !== undefined && !names.sections.has(form)) {
      problems.push(
        createProblem('form.unknown_section', ptr(taskPointer, 'form'), {
          name: form,
          hint: didYouMean(form, names.sections),
        }),
      );
    }
    asArray(state.node.checklist).forEach((rule, i) => {
      ruleRef(rule, ptr(state.pointer, 'checklist', i));
      const definition = typeof rule === 'string' ? asObject(model.def.rules)[rule] : undefined;
      if (isObject(definition) && definition.title === undefined) untitled.add(rule as string);
    });
    asArray(state.node.after).forEach((after, i) =>
      calendarRef(asObject(after).calendar, ptr(state.pointer, 'after', i, 'calendar')),
    );
  }
  for (const rule of untitled)
    problems.push(createProblem('rule.checklist_untitled', ptr('/rules', rule), { name: rule }));

  const unhandledLookups = new Set<string>();
  for (const { action, pointer } of model.actions) {
    switch (action.type) {
      case 'assign':
        queueRef(action.queue, ptr(pointer, 'queue'));
        roleRef(action.role, ptr(pointer, 'role'));
        break;
      case 'raise':
        eventRef(action.event, ptr(pointer, 'event'));
        break;
      case 'notify': {
        const to = asString(action.to) ?? '';
        if (to.startsWith('role:')) roleRef(to.slice(5), ptr(pointer, 'to'));
        if (to.startsWith('queue:')) queueRef(to.slice(6), ptr(pointer, 'to'));
        break;
      }
      case 'webhook': {
        const target = nonPublicHost(asString(action.url) ?? '');
        if (target !== null) problems.push(createProblem('webhook.non_public_address', ptr(pointer, 'url'), target));
        break;
      }
      case 'lookup': {
        const target = nonPublicHost(asString(action.url) ?? '');
        if (target !== null) problems.push(createProblem('lookup.non_public_address', ptr(pointer, 'url'), target));
        const name = asString(action.name) ?? '';
        if (action.method !== 'POST' && Object.keys(asObject(action.body)).length > 0)
          problems.push(createProblem('lookup.body_with_get', ptr(pointer, 'body'), { name }));
        const handled = model.handledEvents.some((e) => e.name === `lookup.${name}.done` || e.name === `lookup.${name}.failed`);
        if (name !== '' && !handled && !unhandledLookups.has(name)) {
          unhandledLookups.add(name);
          problems.push(createProblem('lookup.unhandled', pointer, { name }));
        }
        break;
      }
      case 'createCase': {
        const caseType = asString(action.caseType);
        if (
          options.knownCaseTypes !== undefined &&
          caseType !== undefined &&
          !options.knownCaseTypes.includes(caseType)
        ) {
          problems.push(
            createProblem('case_type.unknown', ptr(pointer, 'caseType'), {
              name: caseType,
              hint: didYouMean(caseType, options.knownCaseTypes),
            }),
          );
        }
        break;
      }
      default:
        break;
    }
  }

  for (const [name, queue] of Object.entries(asObject(model.def.queues)))
    roleRef(asObject(queue).role, ptr('/queues', name, 'role'));
  for (const [name, event] of Object.entries(asObject(model.def.events))) {
    asArray(asObject(event).roles).forEach((role, i) => roleRef(role, ptr('/events', name, 'roles', i)));
  }
  for (const [name, sla] of Object.entries(asObject(model.def.slas))) {
    const s = asObject(sla);
    calendarRef(s.calendar, ptr('/slas', name, 'calendar'));
    for (const key of ['start', 'pause', 'stop', 'cancel', 'reset']) {
      const condition = asObject(s[key]);
      const at = ptr('/slas', name, key);
      asArray(condition.event).forEach((e, i) => eventRef(e, ptr(at, 'event', i)));
      asArray(condition.enter).forEach((e, i) => stateRef(e, ptr(at, 'enter', i)));
      asArray(condition.in).forEach((e, i) => stateRef(e, ptr(at, 'in', i)));
      ruleRef(condition.rule, ptr(at, 'rule'));
    }
  }

  problems.push(...duplicateSections(model), ...duplicateTimers(model));
  return problems;
}

function walkGuard(
  guard: unknown,
  pointer: string,
  ruleRef: (name: unknown, pointer: string) => void,
  stateRef: (name: unknown, pointer: string) => void,
): void {
  if (typeof guard === 'string') return ruleRef(guard, pointer);
  if (!isObject(guard)) return;
  asArray(guard.in).forEach((state, i) => stateRef(state, ptr(pointer, 'in', i)));
  if (guard.not !== undefined) walkGuard(guard.not, ptr(pointer, 'not'), ruleRef, stateRef);
  for (const key of ['all', 'any'])
    asArray(guard[key]).forEach((g, i) => walkGuard(g, ptr(pointer, key, i), ruleRef, stateRef));
}

/** An event name used in `on`, `raise` or an SLA condition must be declared, or a known system event. */
function checkEventName(model: Model, name: string, pointer: string): Problem[] {
  const { events, slas } = model.names;
  if (/^[A-Z][A-Z0-9_]*$/.test(name)) {
    return events.has(name)
      ? []
      : [createProblem('event.unknown', pointer, { name, hint: didYouMean(name, events) })];
  }
  const timer = /^timer\.(.+)$/.exec(name);
  if (timer !== null) {
    const ids = model.timers.map((t) => t.id);
    const id = timer[1] as string;
    return ids.includes(id)
      ? []
      : [createProblem('event.unknown_timer', pointer, { name, timer: id, hint: didYouMean(id, ids) })];
  }
  const overdue = /^task\.([^.]+)\.overdue$/.exec(name);
  if (overdue !== null) {
    // the state must have a task that can become overdue: a due time and onOverdue (docs/task-due.md)
    const stateId = overdue[1] as string;
    const task = asObject(model.states.get(stateId)?.node.task);
    const escalating = [...model.states.values()].filter((s) => asObject(s.node.task).onOverdue !== undefined).map((s) => s.id);
    return task.onOverdue !== undefined
      ? []
      : [createProblem('event.unknown_overdue', pointer, { name, state: stateId, hint: didYouMean(stateId, escalating) })];
  }
  const lookup = /^lookup\.([^.]+)\.(done|failed)$/.exec(name);
  if (lookup !== null) {
    const lookupName = lookup[1] as string;
    const lookups = lookupNames(model);
    return lookups.includes(lookupName)
      ? []
      : [createProblem('event.unknown_lookup', pointer, { name, lookup: lookupName, hint: didYouMean(lookupName, lookups) })];
  }
  const sla = /^sla\.([^.]+)\.[a-zA-Z]+$/.exec(name);
  if (sla !== null) {
    const slaName = sla[1] as string;
    return slas.has(slaName)
      ? []
      : [
          createProblem('event.unknown_sla', pointer, {
            name,
            sla: slaName,
            hint: didYouMean(slaName, slas),
          }),
        ];
  }
  return [];
}

/** The names of the definition's `lookup` actions. */
function lookupNames(model: Model): string[] {
  return [...new Set(model.actions.flatMap(({ action }) => (action.type === 'lookup' && typeof action.name === 'string' ? [action.name] : [])))];
}

function duplicateSections(model: Model): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  asArray(asObject(model.def.form).sections).forEach((section, i) => {
    const id = asString(asObject(section).id);
    if (id === undefined) return;
    if (seen.has(id))
      problems.push(createProblem('form.duplicate_section', ptr('/form/sections', i, 'id'), { name: id }));
    seen.add(id);
  });
  return problems;
}

function duplicateTimers(model: Model): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const timer of model.timers) {
    if (seen.has(timer.id) && timer.explicit)
      problems.push(createProblem('timer.duplicate_id', timer.pointer, { name: timer.id }));
    seen.add(timer.id);
  }
  return problems;
}
