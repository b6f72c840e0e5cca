// The JSON Schemas of /api/migrations for GET /api/openapi.json (and the designer's wire types). The plan
// itself is schemas/migration-plan.schema.json, checked by the host (422 migration.invalid).
import planSchema from '../../schemas/migration-plan.schema.json' with { type: 'json' };
import type { JsonValue } from '../engine/index.ts';

const { $schema: _dialect, $id: _id, ...plan } = planSchema;

const stateValue = { description: 'A state value: a state id, or an object for nested and parallel states.' };
const slaStatus = { type: ['string', 'null'], enum: ['running', 'paused', 'warning', 'missed-goal', 'breached', 'met', 'met-late', 'cancelled', null] };
const problem = { type: 'object', required: ['pointer', 'message'], properties: { pointer: { type: 'string' }, message: { type: 'string' } } };
const block = {
  type: 'object',
  required: ['code', 'message'],
  description: 'Why a case cannot migrate.',
  properties: {
    code: { type: 'string', enum: ['case.closed', 'case.version', 'state.unmapped', 'state.conflict', 'state.final', 'data.invalid', 'sla.removed', 'case.busy', 'migration.error'] },
    message: { type: 'string' },
    states: { type: 'array', items: { type: 'string' } },
    sla: { type: 'string' },
    problems: { type: 'array', items: problem },
  },
};
const timer = { type: 'object', required: ['id', 'event', 'dueAt'], properties: { id: { type: 'string' }, event: { type: 'string' }, dueAt: { type: 'string' } } };
const summary = {
  type: 'object',
  required: ['fromVersion', 'toVersion', 'fromState', 'toState', 'patch', 'slas', 'tasks', 'timers'],
  description: 'What a migration changes in a case.',
  properties: {
    fromVersion: { type: 'integer' },
    toVersion: { type: 'integer' },
    fromState: stateValue,
    toState: stateValue,
    patch: { type: 'array', items: { type: 'object', required: ['op', 'path'], properties: { op: { type: 'string' }, path: { type: 'string' }, value: {} } } },
    slas: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'action', 'before', 'after'],
        properties: { name: { type: 'string' }, action: { type: 'string', enum: ['keep', 'restart', 'cancel', 'start'] }, before: slaStatus, after: slaStatus },
      },
    },
    tasks: {
      type: 'object',
      required: ['kept', 'opened', 'closed'],
      properties: { kept: { type: 'array', items: { type: 'string' } }, opened: { type: 'array', items: { type: 'string' } }, closed: { type: 'array', items: { type: 'string' } } },
    },
    timers: { type: 'object', required: ['set', 'cancelled'], properties: { set: { type: 'array', items: timer }, cancelled: { type: 'array', items: { type: 'string' } } } },
  },
};
const counts = {
  type: 'object',
  required: ['total', 'pending', 'migrated', 'blocked', 'skipped'],
  properties: { total: { type: 'integer' }, pending: { type: 'integer' }, migrated: { type: 'integer' }, blocked: { type: 'integer' }, skipped: { type: 'integer' } },
};
const migration = {
  type: 'object',
  required: ['id', 'caseType', 'from', 'to', 'title', 'status', 'startedBy', 'startedAt', 'finishedAt', 'counts', 'plan'],
  properties: {
    id: { type: 'string', description: "The plan's id: a hash of its content (the same plan is applied once)." },
    caseType: { type: 'string' },
    from: { type: 'integer' },
    to: { type: 'integer' },
    title: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['running', 'done'] },
    startedBy: { type: 'string' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    counts,
    plan: { $ref: '#/components/schemas/MigrationPlan' },
  },
};

export const migrationSchemas = {
  MigrationPlan: plan,
  SuggestedMigrationPlan: {
    type: 'object',
    required: ['plan', 'needsDefaults'],
    properties: {
      plan: { $ref: '#/components/schemas/MigrationPlan' },
      needsDefaults: { type: 'array', items: { type: 'string' }, description: 'Fields (JSON Pointers) the new version requires that the plan gives no default.' },
    },
  },
  MigrationDryRun: {
    type: 'object',
    required: ['planId', 'caseType', 'from', 'to', 'counts', 'reasons', 'needsDefaults', 'cases', 'truncated'],
    properties: {
      planId: { type: 'string' },
      caseType: { type: 'string' },
      from: { type: 'integer' },
      to: { type: 'integer' },
      counts: { type: 'object', required: ['total', 'migrates', 'cannot'], properties: { total: { type: 'integer' }, migrates: { type: 'integer' }, cannot: { type: 'integer' } } },
      reasons: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Cases that cannot migrate, per reason code.' },
      needsDefaults: { type: 'array', items: { type: 'string' } },
      cases: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'reference', 'state', 'outcome', 'to', 'summary', 'blocks'],
          properties: {
            id: { type: 'string' },
            reference: { type: 'string' },
            state: stateValue,
            outcome: { type: 'string', enum: ['migrates', 'cannot'] },
            to: stateValue,
            summary: { anyOf: [summary, { type: 'null' }] },
            blocks: { type: 'array', items: block },
          },
        },
      },
      truncated: { type: 'boolean', description: 'More cases matched than are listed.' },
    },
  },
  Migration: migration,
  MigrationList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Migration' } } } },
  MigrationCaseList: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['caseId', 'status', 'detail', 'at'],
          properties: {
            caseId: { type: 'string' },
            status: { type: 'string', enum: ['pending', 'migrated', 'blocked', 'skipped'] },
            detail: { description: 'migrated: the summary; blocked: { blocks }; skipped: { reason }.' },
            at: { type: ['string', 'null'] },
          },
        },
      },
      nextCursor: { type: ['string', 'null'] },
    },
  },
} as const satisfies Record<string, JsonValue>;
