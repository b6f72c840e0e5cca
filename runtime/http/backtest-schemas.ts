// The JSON Schemas of POST /api/case-types/{key}/backtest for GET /api/openapi.json (and the designer's wire
// types). The request is checked by the host (runtime/host/backtest.ts), which answers 422 backtest.invalid.
import type { JsonValue } from '../engine/index.ts';

const stateValue = { description: 'A state value: a state id, or an object for nested and parallel states.' };
const slaStatus = { type: ['string', 'null'], enum: ['running', 'paused', 'warning', 'missed-goal', 'breached', 'met', 'met-late', 'cancelled', null] };
const slaOutcome = {
  type: 'object',
  required: ['status', 'breached'],
  properties: {
    status: { ...slaStatus, description: 'The status of its last record; null: the SLA never started or does not exist in that version.' },
    breached: { type: 'boolean', description: 'The deadline was reached (urgency 3 or more) or the record was met late.' },
  },
};
const divergence = {
  type: 'object',
  required: ['kind', 'seq', 'at', 'event'],
  description: 'Where the replay on the draft first left the recorded path.',
  properties: {
    kind: { type: 'string', enum: ['rejected', 'routed', 'timers'], description: 'rejected: the draft refused the event; routed: accepted into other states; timers: timers looped at one instant.' },
    seq: { type: ['integer', 'null'], description: 'The history entry (null for a timer loop).' },
    at: { type: 'string', format: 'date-time' },
    event: { type: 'string' },
    code: { type: 'string', description: 'rejected: the rejection code (event.not_accepted, rule.failed, data.invalid, event.unknown).' },
    message: { type: 'string' },
    expected: { ...stateValue, description: 'routed: the states the history recorded.' },
    actual: { ...stateValue, description: 'routed: the states the draft reached.' },
  },
};
const states = { type: 'array', items: { type: 'string' }, description: 'Active leaf state ids; empty when the draft refused the creation.' };

export const backtestSchemas = {
  BacktestRequest: {
    type: 'object',
    additionalProperties: false,
    description: 'Optional: an empty body replays the 500 newest cases, closed or open, on the saved draft.',
    properties: {
      cases: { type: 'integer', minimum: 1, maximum: 10000, description: 'How many of the newest cases of the latest published version (default 500).' },
      status: { type: 'string', enum: ['closed', 'open'], description: 'Only closed or only open cases (default: both).' },
      definition: { type: 'object', description: "A case-type definition to replay instead of the tenant's saved draft." },
    },
  },
  BacktestReport: {
    type: 'object',
    required: ['caseType', 'version', 'draft', 'status', 'requested', 'now', 'summary', 'cases'],
    properties: {
      caseType: { type: 'string' },
      version: { type: 'integer', description: 'The published version the cases ran on.' },
      draft: { type: 'string', enum: ['saved', 'request'] },
      status: { type: 'string', enum: ['closed', 'open', 'any'] },
      requested: { type: 'integer' },
      now: { type: 'string', format: 'date-time', description: 'Open cases are replayed up to this instant, closed ones up to their closedAt.' },
      summary: {
        type: 'object',
        required: ['cases', 'diverged', 'rejected', 'routed', 'reproduced', 'slas', 'endStates'],
        properties: {
          cases: { type: 'integer' },
          diverged: { type: 'integer' },
          rejected: { type: 'integer' },
          routed: { type: 'integer' },
          reproduced: { type: 'integer', description: 'Cases whose replay on the published version went exactly as recorded.' },
          slas: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'changes', 'unchanged', 'breachedBefore', 'breachedAfter'],
              properties: {
                name: { type: 'string' },
                changes: {
                  type: 'array',
                  items: { type: 'object', required: ['from', 'to', 'count'], properties: { from: { type: 'string' }, to: { type: 'string' }, count: { type: 'integer' } } },
                },
                unchanged: { type: 'integer' },
                breachedBefore: { type: 'integer' },
                breachedAfter: { type: 'integer' },
              },
            },
          },
          endStates: {
            type: 'array',
            items: { type: 'object', required: ['states', 'before', 'after'], properties: { states, before: { type: 'integer' }, after: { type: 'integer' } } },
          },
        },
      },
      cases: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'reference', 'createdAt', 'closedAt', 'diverged', 'divergence', 'reproduced', 'slas', 'endBefore', 'endAfter', 'closedBefore', 'closedAfter'],
          properties: {
            id: { type: 'string' },
            reference: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
            closedAt: { type: ['string', 'null'], format: 'date-time' },
            diverged: { type: 'boolean' },
            divergence: { anyOf: [divergence, { type: 'null' }] },
            reproduced: { type: 'boolean' },
            slas: {
              type: 'array',
              items: { type: 'object', required: ['name', 'before', 'after'], properties: { name: { type: 'string' }, before: slaOutcome, after: slaOutcome } },
            },
            endBefore: states,
            endAfter: states,
            closedBefore: { type: 'boolean' },
            closedAfter: { type: 'boolean' },
          },
        },
      },
    },
  },
} as const satisfies Record<string, JsonValue>;
