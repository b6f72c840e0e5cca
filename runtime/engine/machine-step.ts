// One macrostep of the case's machine with XState's pure `initialTransition`/`transition`: the stored
// case is rehydrated with `machine.resolveState({ value, context })`; no live actor is kept.
// In XState 5.33 `transition()` resolves `assign`s (and so our catalogue actions) into the next
// snapshot's context while it runs, queues `raise`d events and eventless (`always`) transitions in the
// same macrostep, and returns as "executable actions" only those with side effects to run later: here
// just `xstate.raise` markers, already processed. The effects are therefore read from the context.
import { initialTransition, transition } from 'xstate';
import type { CompiledCaseType } from './compile.ts';
import { MAX_MICROSTEPS } from './machine.ts';
import type { MachineContext } from './machine.ts';
import type { StateValue } from './types.ts';
import type { StepEnv, Work } from './work.ts';

export interface MachineStep {
  value: StateValue;
  work: Work;
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

function settle<T>(compiled: CompiledCaseType, event: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Infinite loop detected')) {
      throw new PlaybookLoopError(compiled.key, event);
    }
    throw error;
  }
}

function stepOf(snapshot: { value: unknown; context: MachineContext; status: string }): MachineStep {
  return { value: snapshot.value as StateValue, work: snapshot.context.work, done: snapshot.status === 'done' };
}

/** Enters the initial states (entry actions, `always`), with the work as the starting context. */
export function enterInitial(compiled: CompiledCaseType, work: Work, env: StepEnv): MachineStep {
  return settle(compiled, 'case.created', () => {
    const [snapshot] = initialTransition(compiled.machine, { env, work });
    return stepOf(snapshot);
  });
}

/** Sends one event to the machine in state `value`; an event nothing handles leaves it as it was. */
export function sendEvent(compiled: CompiledCaseType, value: StateValue, work: Work, env: StepEnv, type: string): MachineStep {
  return settle(compiled, type, () => {
    const snapshot = compiled.machine.resolveState({ value, context: { env, work } });
    const [next] = transition(compiled.machine, snapshot, { type });
    return stepOf(next);
  });
}
