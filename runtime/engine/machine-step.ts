// One macrostep of the case's machine with XState's pure `initialTransition`/`transition`: the stored
// case is rehydrated with `machine.resolveState({ value, context })`; no live actor is kept.
// In XState 5.33 `transition()` resolves `assign`s (and so our catalogue actions) into the next
// snapshot's context while it runs, queues `raise`d events and eventless (`always`) transitions in the
// same macrostep, and returns as "executable actions" only those with side effects to run later: here
// just `xstate.raise` markers, already processed. The effects are therefore read from the context.
import { createActor } from 'xstate';
import type { CompiledCaseType } from './compile.ts';
import { MAX_MICROSTEPS } from './machine.ts';
import type { CaseMachine, MachineContext } from './machine.ts';
import type { StateValue } from './types.ts';
import type { StepEnv, Scratch } from './actions.ts';

export interface MachineStep {
  value: StateValue;
  scratch: Scratch;
  /** A top-level final state was reached: the case is closed. */
  done: boolean;
}

/** Thrown when `always` transitions or raised events do not settle: a defect in the definition. */
export class PlaybookLoopError extends Error {
  readonly code = 'playbook.loop';
  constructor(caseType: string, event: string) {
    super(
      `The playbook of case type "${caseType}" did not settle while processing "${event}": more than ${MAX_MICROSTEPS} ` +
        'transitions in a row. An `always` transition or a `raise` action loops between states; give it a guard that ' +
        'becomes false after the first pass.',
    );
    this.name = 'PlaybookLoopError';
  }
}

/** Rethrows XState's loop error as a PlaybookLoopError; anything else as it is. */
function loopError(compiled: CompiledCaseType, event: string, error: unknown): unknown {
  return error instanceof Error && error.message.startsWith('Infinite loop detected')
    ? new PlaybookLoopError(compiled.key, event)
    : error;
}

function stepOf(snapshot: { value: unknown; context: MachineContext; status: string }): MachineStep {
  return { value: snapshot.value as StateValue, scratch: snapshot.context.scratch, done: snapshot.status === 'done' };
}

type MachineScope = Parameters<CaseMachine['transition']>[2];
type MachineSnapshot = ReturnType<CaseMachine['resolveState']>;

interface MachineCache {
  /** An inert actor lent to every step as `self` and `system` (nothing is spawned or scheduled). */
  self: ReturnType<typeof createActor<CaseMachine>>;
  /** `resolveState` of each state value seen, with a placeholder context. */
  resolved: Map<string, MachineSnapshot>;
}

const RESOLVED_LIMIT = 1_000;
const machineCaches = new WeakMap<CaseMachine, MachineCache>();
const noop = (): void => {};
/** The context cached snapshots are resolved with (replaced before use, so no case data is kept). */
const PLACEHOLDER_CONTEXT = {} as MachineContext;

function cacheOf(machine: CaseMachine): MachineCache {
  let cache = machineCaches.get(machine);
  if (!cache) {
    // No input, as in XState's own inert scope: the actor is never started and its snapshot is never read.
    cache = { self: createActor(machine, { input: undefined as unknown as MachineContext }), resolved: new Map() };
    machineCaches.set(machine, cache);
  }
  return cache;
}

/**
 * An actor scope that runs no side effects, as XState's `transition`/`initialTransition` build, but
 * without creating (and initialising) a throwaway actor on every call: its actor is made once per
 * machine. Executable actions are only `xstate.raise` markers, already processed (see above).
 */
function inertScope(cache: MachineCache): MachineScope {
  return {
    self: cache.self,
    defer: noop,
    id: '',
    logger: noop,
    sessionId: '',
    stopChild: noop,
    system: cache.self.system,
    emit: noop,
    actionExecutor: noop,
  } as MachineScope;
}

function copyValue(value: StateValue): StateValue {
  if (typeof value === 'string') return value;
  const copy: { [id: string]: StateValue } = {};
  for (const key of Object.keys(value)) copy[key] = copyValue(value[key] as StateValue);
  return copy;
}

/**
 * `machine.resolveState({ value, context })`: the state nodes of a value depend on the value only, so
 * they are resolved once per value and the snapshot is rebuilt around the context (the value copied,
 * so no two cases share it).
 */
function resolveSnapshot(machine: CaseMachine, cache: MachineCache, value: StateValue, context: MachineContext): MachineSnapshot {
  const key = typeof value === 'string' ? value : JSON.stringify(value);
  let resolved = cache.resolved.get(key);
  if (!resolved) {
    resolved = machine.resolveState({ value, context: PLACEHOLDER_CONTEXT });
    if (cache.resolved.size >= RESOLVED_LIMIT) cache.resolved.clear();
    cache.resolved.set(key, resolved);
  }
  return { ...resolved, context, value: copyValue(resolved.value as StateValue) } as MachineSnapshot;
}

/** Enters the initial states (entry actions, `always`), with the scratch as the starting context. */
export function enterInitial(compiled: CompiledCaseType, scratch: Scratch, env: StepEnv): MachineStep {
  try {
    const snapshot = compiled.machine.getInitialSnapshot(inertScope(cacheOf(compiled.machine)), { env, scratch });
    return stepOf(snapshot);
  } catch (error) {
    throw loopError(compiled, 'case.created', error);
  }
}

/** Sends one event to the machine in state `value`; an event nothing handles leaves it as it was. */
export function sendEvent(compiled: CompiledCaseType, value: StateValue, scratch: Scratch, env: StepEnv, type: string): MachineStep {
  try {
    const cache = cacheOf(compiled.machine);
    const snapshot = resolveSnapshot(compiled.machine, cache, value, { env, scratch });
    const next = compiled.machine.transition(snapshot, { type }, inertScope(cache));
    return stepOf(next);
  } catch (error) {
    throw loopError(compiled, type, error);
  }
}
