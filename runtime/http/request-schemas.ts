// The JSON Schemas of request and response bodies: the server validates with them and
// GET /api/openapi.json publishes the very same objects.
import type { JsonValue } from '../engine/index.ts';

const priority = { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] };
const nullableString = { type: ['string', 'null'] };

export const requestSchemas = {
  CreateCaseRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['caseType'],
    properties: {
      caseType: { type: 'string', minLength: 1, description: 'Key of a published case type.' },
      data: { type: 'object', description: 'The case data, validated against the case type.' },
      priority,
      channel: nullableString,
      parentId: nullableString,
    },
  },
  EventRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: { type: 'string', minLength: 1, description: 'An event of the case type, e.g. SUBMIT_TRIAGE.' },
      data: { type: 'object', description: "A partial update of the case data (JSON Merge Patch), validated against the event's schema." },
    },
  },
  TokenRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'roles'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      roles: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' }, uniqueItems: true },
      tenant: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    },
  },
  CaseTypeDefinition: {
    type: 'object',
    description: 'A case-type definition (see /schemas/case-type.schema.json); validated by the case-type validator, problems returned.',
  },
  PublishRequest: {
    type: 'object',
    additionalProperties: false,
    description: 'Optional: an empty body publishes without a note.',
    properties: {
      note: { type: ['string', 'null'], maxLength: 2000, description: 'Why this version is published; kept with the version (trimmed; empty is none).' },
    },
  },
} as const satisfies Record<string, JsonValue>;

const fieldProblem = {
  type: 'object',
  required: ['pointer', 'message'],
  properties: { pointer: { type: 'string' }, message: { type: 'string' } },
};
const definitionProblem = {
  type: 'object',
  required: ['severity', 'code', 'message', 'pointer'],
  properties: { severity: { type: 'string', enum: ['error', 'warning'] }, code: { type: 'string' }, message: { type: 'string' }, pointer: { type: 'string' } },
};
const task = {
  type: 'object',
  properties: {
    id: { type: 'string' }, state: { type: 'string' }, title: { type: 'string' }, queue: nullableString, role: nullableString,
    form: nullableString, openedAt: { type: 'string', format: 'date-time' }, dueAt: nullableString, assignee: nullableString,
  },
};

export const responseSchemas = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details with a stable code.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' },
      problems: { type: 'array', items: { anyOf: [fieldProblem, definitionProblem] } },
      rules: { type: 'array', items: { type: 'string' } },
    },
  },
  Case: {
    type: 'object',
    required: ['id', 'reference', 'caseType', 'version', 'customerName', 'state', 'data', 'revision', 'priority', 'tasks', 'slas', 'checklist', 'next'],
    properties: {
      id: { type: 'string' },
      reference: { type: 'string', description: "The human-readable reference (e.g. PA-000123): the case type's referencePrefix and a number the store assigned at creation; unique in the tenant, never reused." },
      caseType: { type: 'string' }, version: { type: 'integer' },
      customerName: { type: ['string', 'null'], description: "The value at the case type's customer.name pointer, when it is a string." },
      state: { description: 'XState state value: a state id, or an object for nested and parallel states.', anyOf: [{ type: 'string' }, { type: 'object' }] },
      data: { type: 'object' }, revision: { type: 'integer' }, priority, queue: nullableString, assignee: nullableString,
      channel: nullableString, parentId: nullableString, children: { type: 'array', items: { type: 'string' } },
      createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' }, closedAt: nullableString,
      tasks: { type: 'array', items: task },
      slas: { type: 'array', items: { type: 'object' } },
      checklist: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, title: { type: 'string' }, pass: { type: 'boolean' }, problems: { type: 'array', items: fieldProblem } } } },
      next: { type: 'array', items: { type: 'object', properties: {
        type: { type: 'string' }, title: { type: 'string' }, available: { type: 'boolean' }, enabled: { type: 'boolean' },
        allowed: { type: 'boolean' }, problems: { type: 'array', items: fieldProblem }, target: nullableString } } },
    },
  },
  HistoryEntry: {
    type: 'object',
    required: ['seq', 'at', 'actor', 'event', 'from', 'to', 'patch', 'notes'],
    properties: {
      seq: { type: 'integer' }, at: { type: 'string', format: 'date-time' }, actor: { type: 'string' },
      event: { type: 'object', properties: { type: { type: 'string' }, data: { type: 'object' } } },
      from: {}, to: {}, patch: { type: 'array', items: { type: 'object' } }, notes: { type: 'array', items: { type: 'string' } },
    },
  },
  Task: { ...task, properties: { ...task.properties, caseId: { type: 'string' }, caseType: { type: 'string' }, status: { type: 'string', enum: ['open', 'closed'] }, claimedAt: nullableString, closedAt: nullableString } },
  TokenResponse: {
    type: 'object',
    required: ['token', 'name', 'roles', 'tenant'],
    properties: { token: { type: 'string' }, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, tenant: { type: 'string' } },
  },
  ValidationResult: { type: 'object', required: ['valid', 'problems'], properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: definitionProblem } } },
  Draft: {
    type: 'object',
    required: ['key', 'definition', 'problems', 'valid', 'updatedAt'],
    properties: { key: { type: 'string' }, definition: { type: 'object' }, problems: { type: 'array', items: definitionProblem }, valid: { type: 'boolean' }, updatedAt: { type: 'string' } },
  },
} as const satisfies Record<string, JsonValue>;

export type RequestSchemaName = keyof typeof requestSchemas;
