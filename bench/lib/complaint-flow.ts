// The complaint template and the accepted events of its happy-path scenario: the flow every
// engine-level figure runs (create, then each event through to closed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { Actor, CaseData } from '../../runtime/engine/index.ts';

const templates = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface FlowEvent {
  type: string;
  data?: CaseData;
}

export interface ComplaintFlow {
  definition: CaseType;
  /** The creation data of the scenario. */
  data: CaseData;
  /** The events the scenario expects to be accepted, in order (its rejected probes left out). */
  events: FlowEvent[];
  /** Steps per flow: the creation plus each event. */
  steps: number;
}

/** An actor holding every role the complaint's events ask for (no admin bypass). */
export const benchActor: Actor = { id: 'bench', roles: ['agent', 'intake-agent', 'investigator', 'supervisor'] };

interface ScenarioStep {
  send?: string;
  data?: CaseData;
  expect?: { rejected?: string };
}

export function loadComplaintFlow(): ComplaintFlow {
  const definition = JSON.parse(readFileSync(`${templates}complaint.case.json`, 'utf8')) as CaseType;
  const scenario = JSON.parse(readFileSync(`${templates}complaint.happy-path.scenario.json`, 'utf8')) as {
    data: CaseData;
    steps: ScenarioStep[];
  };
  const events: FlowEvent[] = [];
  for (const step of scenario.steps) {
    if (step.send === undefined || step.expect?.rejected !== undefined) continue;
    events.push(step.data === undefined ? { type: step.send } : { type: step.send, data: step.data });
  }
  return { definition: { ...definition, version: 1 }, data: scenario.data, events, steps: events.length + 1 };
}

/** The complaint definition read from disk, unchanged (for publishing through a store). */
export function complaintDefinition(): CaseType {
  return JSON.parse(readFileSync(`${templates}complaint.case.json`, 'utf8')) as CaseType;
}

/** A loop of two events that keeps an open complaint valid: investigating ⇄ waitingForCustomer. */
export const loopEvents: [FlowEvent, FlowEvent] = [
  { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'Which bank account was debited twice?' } },
  { type: 'CUSTOMER_REPLIED', data: { customerReply: 'NL91 ABNA 0417 1643 00, on 2 January.' } },
];

/** Moves a new complaint out of triage into investigating, where the loop runs. */
export const triageEvent: FlowEvent = { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } };
