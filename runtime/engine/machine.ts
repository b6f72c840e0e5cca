// The playbook compiled to an XState v5 machine: `setup({ guards, actions })` + `createMachine`.
// Every state node gets `id: <state key>` and targets are `#<id>`. Catalogue actions are parameterised
// actions that update the machine context (the case's "work") through the shared interpreter; `raise`
// is XState's own. `after` entries do not use XState's `after` (it needs a live clock): each becomes an
// entry action setting a durable timer, an exit action cancelling it, and an `on['timer.<id>']`.
import { assign, raise, setup } from 'xstate';
import type { Action, CaseType, Playbook, StateNode, Transition } from '../../schemas/generated/case-type.ts';
import { toXStateGuard } from './guards.ts';
import type { XStateGuard } from './guards.ts';
import { afterTimerId, toTransitions } from './playbook-index.ts';
import type { CaseData } from './types.ts';
import { afterTimer, applyAction, cancelTimer, closeTask, openTask, setTimer } from './work.ts';
import type { ActionScope, StepEnv, Work } from './work.ts';

/** The machine context: the work of the event being processed and what actions may read. */
export interface MachineContext {
  env: StepEnv;
  work: Work;
}

/** More microsteps than this in one event means `always`/`raise` loop without settling. */
export const MAX_MICROSTEPS = 1_000;

type ActionRef =
  | { type: Action['type']; params: Action }
  | { type: 'entered'; params: { state: string } }
  | { type: 'openTask' | 'closeTask'; params: { state: string } }
  | { type: 'setTimer'; params: { state: string; index: number } }
  | { type: 'cancelTimer'; params: { timer: string } }
  | ReturnType<typeof raise>;

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

function compileAction(action: Action): ActionRef {
  return action.type === 'raise' ? raise({ type: action.event }) : { type: action.type, params: action };
}

function compileTransition(transition: Transition): TransitionConfig {
  const config: TransitionConfig = { actions: (transition.actions ?? []).map(compileAction) };
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
  const entry: ActionRef[] = [{ type: 'entered', params: { state: id } }];
  if (node.task) entry.push({ type: 'openTask', params: { state: id } });
  after.forEach((_, index) => entry.push({ type: 'setTimer', params: { state: id, index } }));
  entry.push(...(node.entry ?? []).map(compileAction));
  const exit: ActionRef[] = (node.exit ?? []).map(compileAction);
  if (node.task) exit.push({ type: 'closeTask', params: { state: id } });
  after.forEach((entryDef, index) => exit.push({ type: 'cancelTimer', params: { timer: `timer.${afterTimerId(id, entryDef, index)}` } }));

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
  const catalogue = (context: MachineContext, action: Action): Partial<MachineContext> => ({
    work: applyAction(context.work, action, context.env, parts),
  });
  const machineSetup = setup({
    types: {
      context: {} as MachineContext,
      input: {} as MachineContext,
      events: {} as { type: string },
    },
    actions: {
      set: assign(({ context }, params: Action) => catalogue(context, params)),
      assign: assign(({ context }, params: Action) => catalogue(context, params)),
      priority: assign(({ context }, params: Action) => catalogue(context, params)),
      notify: assign(({ context }, params: Action) => catalogue(context, params)),
      webhook: assign(({ context }, params: Action) => catalogue(context, params)),
      createCase: assign(({ context }, params: Action) => catalogue(context, params)),
      note: assign(({ context }, params: Action) => catalogue(context, params)),
      entered: assign(({ context }, params: { state: string }) => ({
        work: { ...context.work, entered: [...context.work.entered, params.state] },
      })),
      openTask: assign(({ context }, params: { state: string }) => {
        const task = parts.stateNode(params.state)?.task;
        return task ? { work: openTask(context.work, params.state, task, context.env, parts) } : {};
      }),
      closeTask: assign(({ context }, params: { state: string }) => ({
        work: closeTask(context.work, params.state),
      })),
      setTimer: assign(({ context }, params: { state: string; index: number }) => {
        const entry = parts.stateNode(params.state)?.after?.[params.index];
        if (!entry) return {};
        const timer = afterTimer(afterTimerId(params.state, entry, params.index), entry.delay, entry.calendar, context.env, parts);
        return { work: setTimer(context.work, timer) };
      }),
      cancelTimer: assign(({ context }, params: { timer: string }) => ({
        work: cancelTimer(context.work, params.timer),
      })),
    },
    guards: {
      rule: ({ context }, params: { rule: string }) => parts.ruleHolds(params.rule, context.work.data),
    },
  });
  const playbook = def.playbook;
  const config: StateConfig & { context: (args: { input: MachineContext }) => MachineContext; options: { maxIterations: number } } = {
    id: parts.rootId,
    context: ({ input }) => input,
    options: { maxIterations: MAX_MICROSTEPS },
    states: compileStates(playbook.states),
    entry: (playbook.entry ?? []).map(compileAction),
    exit: (playbook.exit ?? []).map(compileAction),
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
