// The playbook compiled to an XState v5 machine: `setup({ guards, actions })` + `createMachine`.
// Every state node gets `id: <state key>` and targets are `#<id>`. Catalogue actions are parameterised
// actions that update the machine context (the case's scratch copy) through the shared interpreter; `raise`
// is XState's own. `after` entries do not use XState's `after` (it needs a live clock): each becomes an
// entry action setting a durable timer, an exit action cancelling it, and an `on['timer.<id>']`.
import { assign, raise, setup } from 'xstate';
import type { Action, CaseType, Playbook, StateNode, Transition } from '../../schemas/generated/case-type.ts';
import { toXStateGuard } from './guards.ts';
import type { XStateGuard } from './guards.ts';
import { afterTimerId, toTransitions } from './playbook-index.ts';
import type { CaseData } from './types.ts';
import { afterTimer, applyAction, cancelTimer, closeTask, copyScratch, openTask, setTimer } from './actions.ts';
import type { ActionScope, StepEnv, Scratch } from './actions.ts';

/** The machine context: the scratch of the event being processed and what actions may read. */
export interface MachineContext {
  env: StepEnv;
  scratch: Scratch;
}

/** More microsteps than this in one event means `always`/`raise` loop without settling. */
export const MAX_MICROSTEPS = 1_000;

/** One step of an action list, run on the scratch by `runOp`. */
type Op =
  | { type: 'action'; action: Action }
  | { type: 'entered'; state: string }
  | { type: 'openTask' | 'closeTask'; state: string }
  | { type: 'setTimer'; state: string; index: number }
  | { type: 'cancelTimer'; timer: string };

/**
 * XState resolves every `assign` into a new snapshot (re-deriving its state value and tags), so the
 * consecutive steps of an action list run as one `assign` ("run"); `raise` stays XState's own, in place.
 */
type RaiseRef = ReturnType<typeof raise>;
type ActionRef = { type: 'run'; params: { ops: Op[] } } | RaiseRef;

interface TransitionConfig {
  target?: string;
  guard?: XStateGuard;
  actions: ActionRef[];
  description?: string;
}

interface StateConfig {
  id: string;
  type?: 'parallel' | 'final';
  initial?: string;
  states?: { [id: string]: StateConfig };
  entry?: ActionRef[];
  exit?: ActionRef[];
  on?: { [event: string]: TransitionConfig[] };
  always?: TransitionConfig[];
  tags?: string[];
  description?: string;
}

function compileAction(action: Action): Op | RaiseRef {
  return action.type === 'raise' ? raise({ type: action.event }) : { type: 'action', action };
}

/** Groups consecutive ops into one `run` action; a `raise` ends a group and keeps its place. */
function compileActions(steps: readonly (Op | RaiseRef)[]): ActionRef[] {
  const refs: ActionRef[] = [];
  let ops: Op[] = [];
  for (const step of steps) {
    // XState's `raise` is a function; our ops are plain objects.
    if (typeof step !== 'function') {
      ops.push(step);
      continue;
    }
    if (ops.length > 0) refs.push({ type: 'run', params: { ops } });
    ops = [];
    refs.push(step);
  }
  if (ops.length > 0) refs.push({ type: 'run', params: { ops } });
  return refs;
}

function compileTransition(transition: Transition): TransitionConfig {
  const config: TransitionConfig = { actions: compileActions((transition.actions ?? []).map(compileAction)) };
  if (transition.target !== undefined) config.target = `#${transition.target}`;
  if (transition.guard !== undefined) config.guard = toXStateGuard(transition.guard);
  if (transition.description !== undefined) config.description = transition.description;
  return config;
}

function compileOn(node: StateNode | Playbook, stateId: string | null): { [event: string]: TransitionConfig[] } | undefined {
  const on: { [event: string]: TransitionConfig[] } = {};
  if (stateId !== null && 'after' in node) {
    (node.after ?? []).forEach((entry, index) => {
      const { target, guard, actions, description } = entry;
      const event = `timer.${afterTimerId(stateId, entry, index)}`;
      on[event] = [...(on[event] ?? []), compileTransition({ target, guard, actions, description })];
    });
  }
  for (const [event, spec] of Object.entries(node.on ?? {})) {
    on[event] = [...(on[event] ?? []), ...toTransitions(spec).map(compileTransition)];
  }
  return Object.keys(on).length > 0 ? on : undefined;
}

function compileAlways(node: StateNode | Playbook): TransitionConfig[] | undefined {
  if (node.always === undefined) return undefined;
  return (Array.isArray(node.always) ? node.always : [node.always]).map(compileTransition);
}

function compileStates(states: { [id: string]: StateNode | undefined }): { [id: string]: StateConfig } {
  const result: { [id: string]: StateConfig } = {};
  for (const [id, node] of Object.entries(states)) {
    if (node) result[id] = compileState(id, node);
  }
  return result;
}

function compileState(id: string, node: StateNode): StateConfig {
  const after = node.after ?? [];
  const entrySteps: (Op | RaiseRef)[] = [{ type: 'entered', state: id }];
  if (node.task) entrySteps.push({ type: 'openTask', state: id });
  after.forEach((_, index) => entrySteps.push({ type: 'setTimer', state: id, index }));
  entrySteps.push(...(node.entry ?? []).map(compileAction));
  const exitSteps: (Op | RaiseRef)[] = (node.exit ?? []).map(compileAction);
  if (node.task) exitSteps.push({ type: 'closeTask', state: id });
  after.forEach((entryDef, index) => exitSteps.push({ type: 'cancelTimer', timer: `timer.${afterTimerId(id, entryDef, index)}` }));
  const entry = compileActions(entrySteps);
  const exit = compileActions(exitSteps);

  const config: StateConfig = { id, entry, exit };
  if (node.type === 'parallel' || node.type === 'final') config.type = node.type;
  const children = node.states ?? {};
  if (Object.keys(children).length > 0) {
    config.states = compileStates(children);
    if (node.type !== 'parallel') config.initial = node.initial ?? Object.keys(children)[0];
  }
  const on = compileOn(node, id);
  if (on) config.on = on;
  const always = compileAlways(node);
  if (always) config.always = always;
  if (node.tags) config.tags = node.tags;
  if (node.description !== undefined) config.description = node.description;
  return config;
}

/** The XState root id: the playbook's id (default: the case type key), kept clear of state ids. */
export function rootId(def: CaseType, stateIds: ReadonlySet<string>): string {
  const id = def.playbook.id ?? def.key;
  return stateIds.has(id) ? `${id}:root` : id;
}

export interface MachineParts extends ActionScope {
  rootId: string;
  stateNode(id: string): StateNode | undefined;
  ruleHolds(rule: string, data: CaseData): boolean;
}

/** Builds the machine of a case type. */
export function buildMachine(parts: MachineParts) {
  const { def } = parts;
  const runOp = (scratch: Scratch, env: StepEnv, op: Op): Scratch => {
    switch (op.type) {
      case 'action':
        return applyAction(scratch, op.action, env, parts);
      case 'entered': {
        const next = copyScratch(scratch);
        next.entered = [...scratch.entered, op.state];
        return next;
      }
      case 'openTask': {
        const task = parts.stateNode(op.state)?.task;
        return task ? openTask(scratch, op.state, task, env, parts) : scratch;
      }
      case 'closeTask':
        return closeTask(scratch, op.state);
      case 'setTimer': {
        const entry = parts.stateNode(op.state)?.after?.[op.index];
        if (!entry) return scratch;
        return setTimer(scratch, afterTimer(afterTimerId(op.state, entry, op.index), entry.delay, entry.calendar, env, parts));
      }
      case 'cancelTimer':
        return cancelTimer(scratch, op.timer);
      default: {
        const _never: never = op;
        return _never;
      }
    }
  };
  const machineSetup = setup({
    types: {
      context: {} as MachineContext,
      input: {} as MachineContext,
      events: {} as { type: string },
    },
    actions: {
      run: assign(({ context }, params: { ops: Op[] }) => {
        let scratch = context.scratch;
        for (const op of params.ops) scratch = runOp(scratch, context.env, op);
        return { scratch };
      }),
    },
    guards: {
      rule: ({ context }, params: { rule: string }) => parts.ruleHolds(params.rule, context.scratch.data),
    },
  });
  const playbook = def.playbook;
  const config: StateConfig & { context: (args: { input: MachineContext }) => MachineContext; options: { maxIterations: number } } = {
    id: parts.rootId,
    context: ({ input }) => input,
    options: { maxIterations: MAX_MICROSTEPS },
    states: compileStates(playbook.states),
    entry: compileActions((playbook.entry ?? []).map(compileAction)),
    exit: compileActions((playbook.exit ?? []).map(compileAction)),
  };
  if (playbook.type === 'parallel') config.type = 'parallel';
  else config.initial = playbook.initial ?? Object.keys(playbook.states)[0];
  const on = compileOn(playbook, null);
  if (on) config.on = on;
  const always = compileAlways(playbook);
  if (always) config.always = always;
  if (playbook.tags) config.tags = playbook.tags;
  return machineSetup.createMachine(config as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

export type CaseMachine = ReturnType<typeof buildMachine>;
