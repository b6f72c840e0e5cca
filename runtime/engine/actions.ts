// The mutable part of a case while one event is processed ("scratch"), and the one interpreter of the
// closed action catalogue. XState's parameterised actions (compiled playbook actions) and the SLA
// ladder's actions (run outside XState) both go through `applyAction`, so they produce identical
// data changes, effects and notes.
import type { Action, CaseType, Priority, Task } from '../../schemas/generated/case-type.ts';
import { addDuration } from './calendar.ts';
import type { BusinessCalendar } from './calendar.ts';
import { getAtPointer, setAtPointer } from './json-pointer.ts';
import { LOOKUP_TIMEOUT_SECONDS, lookupRequest } from './lookup.ts';
import type { Case, CaseData, CaseTask, Effect, Instant, JsonValue, PendingTimer } from './types.ts';
import { overdueTimerId } from './task-overdue-id.ts';

export interface Scratch {
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

/** What an action may read besides the scratch: the case id, the clock, the revision being written. */
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

export function scratchOf(kase: Case, data: CaseData = kase.data): Scratch {
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
export function nextKey(scratch: Scratch, env: StepEnv): string {
  const keyed = scratch.effects.filter((effect) => 'key' in effect).length;
  return `${env.caseId}:${env.revision}:${keyed + 1}`;
}

function toData(value: JsonValue | undefined): CaseData {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** The payload of a sendToChildren/sendToParent action: its constant `data`, or the object at `from` now (none when it is not an object). */
function linkedPayload(scratch: Scratch, action: { data?: Record<string, unknown>; from?: string }): CaseData | null {
  if (action.data !== undefined) return structuredClone(action.data as CaseData);
  if (action.from === undefined) return null;
  const value = getAtPointer(scratch.data, action.from);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? structuredClone(value) : null;
}

/** Runs one catalogue action on the scratch. `raise` is only recorded here: XState raises its own. */
export function applyAction(scratch: Scratch, action: Action, env: StepEnv, scope: ActionScope): Scratch {
  switch (action.type) {
    case 'set': {
      const value = action.from !== undefined ? getAtPointer(scratch.data, action.from) : (action.value as JsonValue | undefined);
      return { ...scratch, data: toData(setAtPointer(scratch.data, action.path, value)) };
    }
    case 'assign': {
      const queue = action.queue ?? null;
      // A task moved to another queue takes that queue's role unless the action names one.
      const role = action.role ?? (action.queue !== undefined ? scope.def.queues?.[action.queue]?.role : undefined);
      const tasks = scratch.tasks.map((task) => ({
        ...task,
        ...(action.queue !== undefined ? { queue } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(action.user !== undefined ? { assignee: action.user } : {}),
      }));
      return {
        ...scratch,
        queue: action.queue !== undefined ? queue : scratch.queue,
        assignee: action.user !== undefined ? action.user : scratch.assignee,
        tasks,
      };
    }
    case 'priority':
      return { ...scratch, priority: action.value };
    case 'notify':
      return addEffect(scratch, { type: 'notify', key: nextKey(scratch, env), to: action.to, template: action.template });
    case 'webhook':
      return addEffect(scratch, { type: 'webhook', key: nextKey(scratch, env), url: action.url, method: action.method ?? 'POST' });
    case 'lookup': {
      const { query, body } = lookupRequest(action, scratch.data);
      const map: Record<string, string> = {};
      for (const [field, from] of Object.entries(action.map)) if (from !== undefined) map[field] = from;
      return addEffect(scratch, {
        type: 'lookup',
        key: nextKey(scratch, env),
        name: action.name,
        method: action.method ?? 'GET',
        url: action.url,
        query,
        body,
        map,
        timeoutMs: (action.timeoutSeconds ?? LOOKUP_TIMEOUT_SECONDS) * 1000,
      });
    }
    case 'createCase': {
      const seq = scratch.seq + 1;
      const childId = `${env.caseId}-c${seq}`;
      let data: JsonValue = structuredClone((action.data ?? {}) as CaseData);
      for (const [childPointer, parentPointer] of Object.entries(action.copy ?? {})) {
        if (parentPointer === undefined) continue;
        const value = getAtPointer(scratch.data, parentPointer);
        if (value !== undefined) data = setAtPointer(data, childPointer, value) ?? {};
      }
      const effect: Effect = { type: 'createCase', key: nextKey(scratch, env), childId, caseType: action.caseType, data: toData(data), parentId: env.caseId };
      return addEffect({ ...scratch, seq, children: [...scratch.children, childId] }, effect);
    }
    case 'sendToChildren':
      return addEffect(scratch, { type: 'sendToChildren', key: nextKey(scratch, env), event: action.event, data: linkedPayload(scratch, action), caseType: action.caseType ?? null });
    case 'sendToParent':
      return addEffect(scratch, { type: 'sendToParent', key: nextKey(scratch, env), event: action.event, data: linkedPayload(scratch, action) });
    case 'note':
      return { ...scratch, notes: [...scratch.notes, action.text] };
    case 'raise':
      return { ...scratch, raised: [...scratch.raised, action.event] };
    default: {
      const _never: never = action;
      return _never;
    }
  }
}

/** Runs a list of catalogue actions in order. */
export function applyActions(scratch: Scratch, actions: readonly Action[], env: StepEnv, scope: ActionScope): Scratch {
  return actions.reduce((w, action) => applyAction(w, action, env, scope), scratch);
}

/**
 * A copy of the scratch to change members on: written out, since V8 copies a spread with overrides of
 * an object this size on a slow path, and steps copy the scratch many times.
 */
export function copyScratch(scratch: Scratch): Scratch {
  return {
    data: scratch.data,
    priority: scratch.priority,
    queue: scratch.queue,
    assignee: scratch.assignee,
    tasks: scratch.tasks,
    timers: scratch.timers,
    children: scratch.children,
    seq: scratch.seq,
    effects: scratch.effects,
    notes: scratch.notes,
    raised: scratch.raised,
    entered: scratch.entered,
  };
}

function addEffect(scratch: Scratch, effect: Effect): Scratch {
  const next = copyScratch(scratch);
  next.effects = [...scratch.effects, effect];
  return next;
}

/**
 * Opens the task of a state: id `<caseId>:<stateId>:<seq>`, queue the task's or else the case's
 * current one, role the task's or else its queue's, due from `task.due` (in `task.calendar`).
 * A task with a queue also moves the case to that queue.
 */
export function openTask(scratch: Scratch, stateId: string, task: Task, env: StepEnv, scope: ActionScope): Scratch {
  const seq = scratch.seq + 1;
  const queue = task.queue ?? scratch.queue;
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
  const next = addEffect(
    { ...scratch, seq, queue: task.queue ?? scratch.queue, tasks: [...scratch.tasks, opened] },
    { type: 'openTask', task: opened },
  );
  // A task that escalates when overdue (runtime/engine/task-due.ts) waits for its due time on a durable timer.
  return task.onOverdue !== undefined && opened.dueAt !== null
    ? setTimer(next, { id: overdueTimerId(stateId), event: overdueTimerId(stateId), dueAt: opened.dueAt })
    : next;
}

/** Closes the open tasks of a state. */
export function closeTask(scratch: Scratch, stateId: string): Scratch {
  const closing = scratch.tasks.filter((task) => task.state === stateId);
  if (closing.length === 0) return scratch;
  const next = copyScratch(scratch);
  next.tasks = scratch.tasks.filter((task) => task.state !== stateId);
  next.effects = [...scratch.effects, ...closing.map((task): Effect => ({ type: 'closeTask', id: task.id, state: stateId }))];
  // A task closed before its due time does not escalate.
  return cancelTimer(next, overdueTimerId(stateId));
}

/** Sets (or resets) a pending timer. */
export function setTimer(scratch: Scratch, timer: PendingTimer): Scratch {
  const next = copyScratch(scratch);
  next.timers = [...scratch.timers.filter((t) => t.id !== timer.id), timer];
  next.effects = [...scratch.effects, { type: 'setTimer', timer }];
  return next;
}

/** Cancels a pending timer; nothing happens when it is not pending. */
export function cancelTimer(scratch: Scratch, id: string): Scratch {
  if (!scratch.timers.some((t) => t.id === id)) return scratch;
  const next = copyScratch(scratch);
  next.timers = scratch.timers.filter((t) => t.id !== id);
  next.effects = [...scratch.effects, { type: 'cancelTimer', id }];
  return next;
}

/** The timer of an `after` entry: id and event `timer.<timer id>`, due after its delay. */
export function afterTimer(timerId: string, delay: string, calendarName: string | undefined, env: StepEnv, scope: ActionScope): PendingTimer {
  const calendar = calendarName !== undefined ? scope.calendars[calendarName] : undefined;
  return { id: `timer.${timerId}`, event: `timer.${timerId}`, dueAt: addDuration(calendar, env.now, delay) };
}
