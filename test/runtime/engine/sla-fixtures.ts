// Shared givens for the SLA clock tests: the office calendar of case-type-format.md, a small
// complaint case type, and a builder for one engine step. January 2026: Amsterdam is UTC+1, so
// local Mon 10:00 is 09:00Z. 2026-01-05 is a Monday.
import type { CaseType, Sla } from '../../../schemas/generated/case-type.ts';
import type { SlaStepContext } from '../../../runtime/engine/sla.ts';
import type { CaseData, Instant } from '../../../runtime/engine/types.ts';
import { office, officeDef } from './calendar-fixtures.ts';

export const H = 3_600_000;
export const MIN = 60_000;

export const calendars = { office };

/** The SLA of case-type-format.md "slas". */
export const firstResponse: Sla = {
  title: 'First response',
  start: { event: ['case.created'] },
  pause: { in: ['waitingForCustomer'] },
  stop: { enter: ['investigating', 'closed'] },
  goal: 'PT4H',
  deadline: 'PT8H',
  calendar: 'office',
  onWarning: [{ type: 'note', text: 'First response due soon' }],
  onGoalMissed: [{ type: 'notify', to: 'role:supervisor', template: 'sla-warning' }],
  onBreach: [
    { type: 'set', path: '/escalated', value: true },
    { type: 'raise', event: 'ESCALATE' },
  ],
  onPassedDeadline: [{ type: 'notify', to: 'role:supervisor', template: 'sla-still-open' }],
};

export function caseType(slas: Record<string, Sla>): CaseType {
  return {
    key: 'complaint',
    title: 'Complaint',
    data: { type: 'object', properties: { receivedAt: { type: 'string', format: 'date-time' } } },
    calendars: { office: officeDef },
    rules: { awaitingInfo: { title: 'Information requested', schema: { required: ['question'] } } },
    slas,
    playbook: {
      initial: 'triage',
      states: {
        triage: { title: 'Triage' },
        investigating: { title: 'Investigate', initial: 'collect', states: { collect: {} } },
        waitingForCustomer: { title: 'Waiting for customer' },
        resolved: {},
        closed: { type: 'final' },
      },
    },
  };
}

export interface StepGiven {
  event: string;
  now: Instant;
  entered?: string[];
  /** Defaults to `entered`. */
  active?: string[];
  /** Rules that hold after the step. */
  rules?: string[];
  data?: CaseData;
  caseClosed?: boolean;
}

export function step(given: StepGiven): SlaStepContext {
  const entered = given.entered ?? [];
  const rules = given.rules ?? [];
  return {
    event: given.event,
    entered,
    active: given.active ?? entered,
    ruleHolds: (rule) => rules.includes(rule),
    data: given.data ?? {},
    now: given.now,
    caseClosed: given.caseClosed ?? false,
  };
}
