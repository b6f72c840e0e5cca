// The complaint flow written directly against XState: a hand-made machine, `createActor` + `send`,
// data merged shallowly, guards as plain JavaScript, no validation, no SLAs, no tasks, no history.
// It is the reference for what the engine costs above XState itself.
import { assign, createActor, setup } from 'xstate';
import type { CaseData } from '../../runtime/engine/index.ts';
import type { FlowEvent } from './complaint-flow.ts';

type Ctx = { data: Record<string, unknown> };
type Ev = { type: string; data?: CaseData };

const has = (v: unknown, key: string): boolean => typeof v === 'object' && v !== null && key in v;
const sub = (v: unknown, key: string): unknown => (has(v, key) ? (v as Record<string, unknown>)[key] : undefined);
/** Guards see the data as it will be after the event's merge, like the engine's rules. */
const merged = ({ context, event }: { context: Ctx; event: Ev }): Record<string, unknown> => ({ ...context.data, ...(event.data ?? {}) });

export const rawComplaintMachine = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { data: CaseData } },
  guards: {
    triaged: (args) => has(merged(args), 'reason') && has(merged(args), 'severity'),
    highSeverity: (args) => merged(args).severity === 'high',
    evidenceCollected: (args) => {
      const evidence = sub(sub(merged(args), 'investigation'), 'evidence');
      return Array.isArray(evidence) && evidence.length > 0;
    },
    analysisDone: (args) => {
      const inv = sub(merged(args), 'investigation');
      return has(inv, 'rootCause') && has(inv, 'findings');
    },
    resolutionWritten: (args) => {
      const res = sub(merged(args), 'resolution');
      return has(res, 'outcome') && has(res, 'summary');
    },
    overMandate: (args) => {
      const compensation = sub(sub(merged(args), 'resolution'), 'compensation');
      return typeof compensation === 'number' && compensation > 500;
    },
    surveyAnswered: (args) => has(sub(merged(args), 'survey'), 'score'),
  },
  actions: {
    merge: assign({ data: ({ context, event }) => ({ ...context.data, ...(event.data ?? {}) }) }),
  },
}).createMachine({
  id: 'complaint',
  initial: 'triage',
  context: ({ input }) => ({ data: { ...input.data } }),
  states: {
    triage: {
      on: {
        SUBMIT_TRIAGE: [
          { target: 'investigating', guard: 'highSeverity', actions: 'merge' },
          { target: 'investigating', guard: 'triaged', actions: 'merge' },
        ],
        WITHDRAW: 'withdrawn',
      },
    },
    investigating: {
      initial: 'collect',
      states: {
        collect: { on: { EVIDENCE_COLLECTED: { target: 'analyse', guard: 'evidenceCollected', actions: 'merge' } } },
        analyse: { on: { SUBMIT_FINDINGS: { target: '#complaint.resolving', guard: 'analysisDone', actions: 'merge' } } },
      },
      on: { ASK_CUSTOMER: { target: 'waitingForCustomer', actions: 'merge' }, WITHDRAW: 'withdrawn' },
    },
    waitingForCustomer: { on: { CUSTOMER_REPLIED: { target: 'investigating', actions: 'merge' } } },
    resolving: {
      on: {
        PROPOSE_RESOLUTION: [
          { target: 'approval', guard: 'overMandate', actions: 'merge' },
          { target: 'survey', guard: 'resolutionWritten', actions: 'merge' },
        ],
      },
    },
    approval: { on: { APPROVE_COMPENSATION: { target: 'survey', actions: 'merge' }, REJECT_COMPENSATION: 'resolving' } },
    survey: { on: { SURVEY_ANSWERED: { target: 'closed', guard: 'surveyAnswered', actions: 'merge' }, CUSTOMER_DISAGREES: 'investigating' } },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

/** Runs one complaint through the raw machine; true when it ends in a final state. */
export function runRawFlow(data: CaseData, events: readonly FlowEvent[]): boolean {
  const actor = createActor(rawComplaintMachine, { input: { data } });
  actor.start();
  for (const event of events) actor.send(event.data === undefined ? { type: event.type } : { type: event.type, data: event.data });
  const done = actor.getSnapshot().status === 'done';
  actor.stop();
  return done;
}
