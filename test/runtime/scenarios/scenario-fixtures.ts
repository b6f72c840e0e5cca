// Small case types for the scenario and path tests: a refund with a guarded submit, a reminder and an
// expiry timer, and an SLA; a chain of timers where each timer's target sets the next one.
import type { CaseType } from '../../../schemas/generated/case-type.ts';

export const refund: CaseType = {
  key: 'refund',
  title: 'Refund',
  data: {
    type: 'object',
    required: ['amount'],
    properties: {
      amount: { type: 'number', minimum: 0 },
      reason: { type: 'string', enum: ['damaged', 'late'] },
      note: { type: 'string' },
    },
  },
  rules: {
    hasReason: { title: 'Reason given', schema: { required: ['reason'] } },
    small: { schema: { properties: { amount: { maximum: 100 } } } },
  },
  events: {
    SUBMIT: {
      title: 'Submit',
      data: { type: 'object', properties: { reason: { type: 'string', enum: ['damaged', 'late'] } } },
    },
    APPROVE: { title: 'Approve' },
    REJECT: { title: 'Reject' },
  },
  slas: {
    handling: {
      title: 'Handling',
      start: { event: ['case.created'] },
      stop: { enter: ['approved', 'rejected'] },
      goal: 'PT1H',
      deadline: 'PT3H',
    },
  },
  playbook: {
    initial: 'intake',
    states: {
      intake: {
        task: { title: 'Check the request' },
        on: {
          SUBMIT: [
            { target: 'approved', guard: { all: ['hasReason', 'small'] } },
            { target: 'review', guard: 'hasReason' },
          ],
        },
        after: [
          { id: 'remind', delay: 'PT2H', actions: [{ type: 'priority', value: 'high' }] },
          { id: 'expire', delay: 'PT4H', target: 'expired' },
        ],
      },
      review: { task: { title: 'Review the refund' }, on: { APPROVE: 'approved', REJECT: 'rejected' } },
      approved: { type: 'final' },
      rejected: { type: 'final' },
      expired: { type: 'final' },
    },
  },
};

export const chain: CaseType = {
  key: 'chain',
  title: 'Timer chain',
  data: { type: 'object', properties: {} },
  playbook: {
    initial: 'first',
    states: {
      first: { after: [{ id: 'one', delay: 'PT1H', target: 'second' }] },
      second: { after: [{ id: 'two', delay: 'PT1H', target: 'third' }] },
      third: { after: [{ id: 'three', delay: 'PT30M', target: 'done' }] },
      done: { type: 'final' },
    },
  },
};
