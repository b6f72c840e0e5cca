// The mutable part of a case while one event is processed ("work"), and the one interpreter of the
// closed action catalogue. XState's parameterised actions (compiled playbook actions) and the SLA
// ladder's actions (run outside XState) both go through `applyAction`, so they produce identical
// data changes, effects and notes.
import type { Action, CaseType, Priority, Task } from '../../schemas/generated/case-type.ts';
import { addDuration } from './calendar.ts';
import type { BusinessCalendar } from './calendar.ts';
import { getAtPointer, setAtPointer } from './json-pointer.ts';
import type { Case, CaseData, CaseTask, Effect, Instant, JsonValue, PendingTimer } from './types.ts';

export interface Work {
  data: CaseData;
  priority: Priority;
  queue: string | null;
  assignee: string | null;
  tasks: CaseTask[];
  timers: PendingTimer[];
  children: string[];
  seq: number;
  /** Effects of this event so far, in the order they happened. */
  effects: Effect[];
  /** Texts of `note` actions. */
  notes: string[];
  /** Events raised by actions run outside XState (SLA rungs), to send into the machine afterwards. */
  raised: string[];
  /** State ids entered during this event, in entry order. */
  entered: string[];
}

/** What an action may read besides the work: the case id, the clock, the revision being written. */
export interface StepEnv {
  caseId: string;
  now: Instant;
  /** The revision this event produces; effect keys are `<caseId>:<revision>:<n>`. */
  revision: number;
}

/** The parts of a compiled case type the interpreter needs. */
export interface ActionScope {
  def: CaseType;
  calendars: Readonly<Record<string, BusinessCalendar | undefined>>;
}

export function workOf(kase: Case, data: CaseData = kase.data): Work {
  return {
    data,
    priority: kase.priority,
    queue: kase.queue,
    assignee: kase.assignee,
    tasks: kase.tasks,
    timers: kase.timers,
    children: kase.children,
    seq: kase.seq,
    effects: [],
    notes: [],
    raised: [],
    entered: [],
  };
}

/** The idempotency key of the next outbound effect: `<caseId>:<revision>:<n>`, n counting from 1. */
export function nextKey(work: Work, env: StepEnv): string {
  const keyed = work.effects.filter((effect) => 'key' in effect).length;
  return `${env.caseId}:${env.revision}:${keyed + 1}`;
}

function toData(value: JsonValue | undefined): CaseData {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** Runs one catalogue action on the work. `raise` is only recorded here: XState raises its own. */
export function applyAction(work: Work, action: Action, env: StepEnv, scope: ActionScope): Work {
  switch (action.type) {
    case 'set': {
      const value = action.from !== undefined ? getAtPointer(work.data, action.from) : (action.value as JsonValue | undefined);
      return { ...work, data: toData(setAtPointer(work.data, action.path, value)) };
    }
    case 'assign': {
      const queue = action.queue ?? null;
      // A task moved to another queue takes that queue's role unless the action names one.
      const role = action.role ?? (action.queue !== undefined ? scope.def.queues?.[action.queue]?.role : undefined);
      const tasks = work.tasks.map((task) => ({
        ...task,
        ...(action.queue !== undefined ? { queue } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(action.user !== undefined ? { assignee: action.user } : {}),
      }));
      return {
        ...work,
        queue: action.queue !== undefined ? queue : work.queue,
        assignee: action.user !== undefined ? action.user : work.assignee,
        tasks,
      };
    }
    case 'priority':
      return { ...work, priority: action.value };
    case 'notify':
      return addEffect(work, { type: 'notify', key: nextKey(work, env), to: action.to, template: action.template });
    case 'webhook':
      return addEffect(work, { type: 'webhook', key: nextKey(work, env), url: action.url, method: action.method ?? 'POST' });
    case 'createCase': {
      const seq = work.seq + 1;
      const childId = `${env.caseId}-c${seq}`;
      let data: JsonValue = structuredClone((action.data ?? {}) as CaseData);
      for (const [childPointer, parentPointer] of Object.entries(action.copy ?? {})) {
        if (parentPointer === undefined) continue;
        const value = getAtPointer(work.data, parentPointer);
        if (value !== undefined) data = setAtPointer(data, childPointer, value) ?? {};
      }
      const effect: Effect = { type: 'createCase', key: nextKey(work, env), childId, caseType: action.caseType, data: toData(data), parentId: env.caseId };
      return addEffect({ ...work, seq, children: [...work.children, childId] }, effect);
    }
    case 'note':
      return { ...work, notes: [...work.notes, action.text] };
    case 'raise':
      return { ...work, raised: [...work.raised, action.event] };
    default: {
      const _never: never = action;
      return _never;
    }
  }
}

/** Runs a list of catalogue actions in order. */
export function applyActions(work: Work, actions: readonly Action[], env: StepEnv, scope: ActionScope): Work {
  return actions.reduce((w, action) => applyAction(w, action, env, scope), work);
}

/**
 * A copy of the work to change members on: written out, since V8 copies a spread with overrides of
 * an object this size on a slow path, and steps copy the work many times.
 */
export function copyWork(work: Work): Work {
  return {
    data: work.data,
    priority: work.priority,
    queue: work.queue,
    assignee: work.assignee,
    tasks: work.tasks,
    timers: work.timers,
    children: work.children,
    seq: work.seq,
    effects: work.effects,
    notes: work.notes,
    raised: work.raised,
    entered: work.entered,
  };
}

function addEffect(work: Work, effect: Effect): Work {
  const next = copyWork(work);
  next.effects = [...work.effects, effect];
  return next;
}

/**
 * Opens the task of a state: id `<caseId>:<stateId>:<seq>`, queue the task's or else the case's
 * current one, role the task's or else its queue's, due from `task.due` (in `task.calendar`).
 * A task with a queue also moves the case to that queue.
 */
export function openTask(work: Work, stateId: string, task: Task, env: StepEnv, scope: ActionScope): Work {
  const seq = work.seq + 1;
  const queue = task.queue ?? work.queue;
  const calendar = task.calendar !== undefined ? scope.calendars[task.calendar] : undefined;
  const opened: CaseTask = {
    id: `${env.caseId}:${stateId}:${seq}`,
    state: stateId,
    title: task.title,
    queue,
    role: task.role ?? (queue !== null ? scope.def.queues?.[queue]?.role : undefined) ?? null,
    form: task.form ?? null,
    openedAt: env.now,
    dueAt: task.due !== undefined ? addDuration(calendar, env.now, task.due) : null,
    assignee: null,
  };
  return addEffect(
    { ...work, seq, queue: task.queue ?? work.queue, tasks: [...work.tasks, opened] },
    { type: 'openTask', task: opened },
  );
}

/** Closes the open tasks of a state. */
export function closeTask(work: Work, stateId: string): Work {
  const closing = work.tasks.filter((task) => task.state === stateId);
  if (closing.length === 0) return work;
  const next = copyWork(work);
  next.tasks = work.tasks.filter((task) => task.state !== stateId);
  next.effects = [...work.effects, ...closing.map((task): Effect => ({ type: 'closeTask', id: task.id, state: stateId }))];
  return next;
}

/** Sets (or resets) a pending timer. */
export function setTimer(work: Work, timer: PendingTimer): Work {
  const next = copyWork(work);
  next.timers = [...work.timers.filter((t) => t.id !== timer.id), timer];
  next.effects = [...work.effects, { type: 'setTimer', timer }];
  return next;
}

/** Cancels a pending timer; nothing happens when it is not pending. */
export function cancelTimer(work: Work, id: string): Work {
  if (!work.timers.some((t) => t.id === id)) return work;
  const next = copyWork(work);
  next.timers = work.timers.filter((t) => t.id !== id);
  next.effects = [...work.effects, { type: 'cancelTimer', id }];
  return next;
}

/** The timer of an `after` entry: id and event `timer.<timer id>`, due after its delay. */
export function afterTimer(timerId: string, delay: string, calendarName: string | undefined, env: StepEnv, scope: ActionScope): PendingTimer {
  const calendar = calendarName !== undefined ? scope.calendars[calendarName] : undefined;
  return { id: `timer.${timerId}`, event: `timer.${timerId}`, dueAt: addDuration(calendar, env.now, delay) };
}
