// The JSON Schemas of request and response bodies: the server validates with them and
// GET /api/openapi.json publishes the very same objects.
import { CHANNELS, type JsonValue } from '../engine/index.ts';

const priority = { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] };
const nullableString = { type: ['string', 'null'] };
/** A mailbox (e-mail in) as the API shows it. */
const mailboxProperties = { address: { type: 'string' }, caseType: { type: 'string' }, createdAt: { type: 'string' }, createdBy: { type: 'string' } };

export const requestSchemas = {
  CreateCaseRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['caseType'],
    properties: {
      caseType: { type: 'string', minLength: 1, description: 'Key of a published case type.' },
      data: { type: 'object', description: 'The case data, validated against the case type.' },
      priority,
      channel: {
        type: ['string', 'null'],
        enum: [...CHANNELS, null],
        description: 'How the customer contacted us: email, web, phone, letter, chat or api (the default: a system opened it through the API).',
      },
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
      partner: {
        type: 'string',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
        description: "The partner organisation (PUT /api/partners/{id}) the token's holder works for: they see only its delegated queues' cases and the fields the case type shares. Roles: agent and case-type roles only.",
      },
      expiresIn: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description:
          "How long the token is accepted: an ISO 8601 duration in weeks, days, hours, minutes and seconds (PT8H, P90D; no years, months or fractions), more than zero, at most P3650D. Without it, a token whose roles are only 'service' gets the server's default (dossier serve --service-token-expiry, P90D unless set) and any other never expires.",
      },
    },
  },
  PartnerRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'queues'],
    description: 'A partner organisation (an outsourced back office) and the queues delegated to it.',
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 200 },
      queues: { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 200 }, description: "The queues whose cases and tasks the partner's people see and work." },
    },
  },
  LinkChildRequest: {
    type: 'object',
    additionalProperties: false,
    description: 'The case to link as a child: by its reference (as people read it) or its id, one of the two.',
    properties: {
      reference: { type: 'string', minLength: 1, maxLength: 64, description: 'The reference of the case to link, e.g. INC-000123.' },
      childId: { type: 'string', minLength: 1, maxLength: 200, description: 'The id of the case to link.' },
    },
  },
  LinkResult: {
    type: 'object',
    required: ['parent', 'child'],
    description: 'Both cases after the link was made or undone.',
    properties: { parent: { type: 'object' }, child: { type: 'object' } },
  },
  MailboxRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['address'],
    description: "The address of a case type's mailbox (e-mail in); a new password is made each time.",
    properties: {
      address: { type: 'string', minLength: 3, maxLength: 254, description: 'The e-mail address mail to the case type is sent to; also the SMTP user name.' },
    },
  },
  Mailbox: { type: 'object', required: ['address', 'caseType', 'createdAt', 'createdBy'], properties: mailboxProperties },
  MailboxCreated: {
    type: 'object',
    required: ['address', 'caseType', 'createdAt', 'createdBy', 'password'],
    properties: {
      ...mailboxProperties,
      password: { type: 'string', description: 'The SMTP password of the mailbox, shown this once (kept only as a hash).' },
    },
  },
  Partner: {
    type: 'object',
    required: ['id', 'title', 'queues', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      queues: { type: 'array', items: { type: 'string' } },
      createdAt: { type: 'string' },
      updatedAt: { type: 'string' },
    },
  },
  RotateTokenRequest: {
    type: 'object',
    additionalProperties: false,
    description: 'Optional: an empty body rotates with the default grace and lifetime.',
    properties: {
      grace: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description: 'How long the tokens being replaced keep working (unless they expire sooner): an ISO 8601 duration, PT0S to stop them at once, at most P7D; default PT1H.',
      },
      expiresIn: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description:
          "The new token's lifetime (an ISO 8601 duration, more than zero, at most P3650D); default: the lifetime the newest token of the name was given, else the server's default for tokens whose roles are only 'service', else none.",
      },
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
    escalatedAt: { type: 'string', description: 'When the task passed its due time still open and its onOverdue ran; absent until then.' },
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
      messages: {
        type: 'array',
        description: 'The notify messages of the case (GET /api/cases/:id only), oldest first, with their delivery status (docs/email.md).',
        items: {
          type: 'object',
          required: ['key', 'to', 'template', 'status', 'attempts'],
          properties: {
            key: { type: 'string', description: 'The outbox key of the notify action.' },
            to: { type: 'string', description: 'The recipient as the action names it: customer, assignee, role:x, queue:x, user:x.' },
            template: { type: 'string' },
            status: {
              type: 'string',
              enum: ['queued', 'recorded', 'sent', 'failed', 'dead'],
              description: 'queued: waiting in the outbox; recorded: on the case only (no mail server, or nobody\'s address); sent: the mail server took it; failed: will be tried again; dead: failed for good.',
            },
            sentAt: { type: ['string', 'null'], format: 'date-time', description: 'When this status was recorded (sent: when the mail server took it); null while queued.' },
            address: nullableString, subject: nullableString,
            messageId: { type: ['string', 'null'], description: 'The Message-ID header of the mail (<reference.case.digest@domain>).' },
            language: nullableString,
            attempts: { type: 'integer' },
            lastError: nullableString,
          },
        },
      },
      suggestion: {
        type: ['object', 'null'],
        description: "The contact-reason suggestion made when the case was created (GET /api/cases/:id only; null: none), and whether the agent took it (docs/reason-suggestion.md).",
        required: ['field', 'value', 'confidence', 'trainedOn', 'trainedAt', 'suggestedAt', 'outcome', 'chosen'],
        properties: {
          field: { type: 'string', description: 'The suggested choice field, a pointer into the data.' },
          value: { type: 'string' },
          confidence: { type: 'number', description: "The model's posterior probability of the value, 0 to 1." },
          trainedOn: { type: 'integer', description: 'The closed cases the model learned from.' },
          trainedAt: { type: 'string', format: 'date-time' },
          suggestedAt: { type: 'string', format: 'date-time' },
          outcome: { type: ['string', 'null'], enum: ['accepted', 'corrected', null], description: 'Once the field was first set: accepted (the suggested value) or corrected (another).' },
          chosen: nullableString,
        },
      },
    },
  },
  HistoryEntry: {
    type: 'object',
    required: ['seq', 'at', 'actor', 'event', 'from', 'to', 'patch', 'notes'],
    properties: {
      seq: { type: 'integer' }, at: { type: 'string', format: 'date-time' }, actor: { type: 'string' },
      partner: { type: 'string', description: 'The partner organisation the actor works for (an outsourced back office), when one did.' },
      event: { type: 'object', properties: { type: { type: 'string' }, data: { type: 'object' } } },
      from: {}, to: {}, patch: { type: 'array', items: { type: 'object' } }, notes: { type: 'array', items: { type: 'string' } },
    },
  },
  Task: { ...task, properties: { ...task.properties, caseId: { type: 'string' }, caseType: { type: 'string' }, status: { type: 'string', enum: ['open', 'closed'] }, claimedAt: nullableString, closedAt: nullableString } },
  TokenResponse: {
    type: 'object',
    required: ['token', 'name', 'roles', 'tenant', 'expiresAt'],
    properties: {
      token: { type: 'string', description: 'The secret, shown once.' }, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, tenant: { type: 'string' },
      expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'When the token stops being accepted (401 auth.expired from then on); null: never.' },
      partner: { type: 'string', description: 'The partner organisation its holder works for (absent: the tenant\'s own).' },
    },
  },
  RotatedToken: {
    type: 'object',
    required: ['token', 'name', 'tenant', 'roles', 'expiresAt', 'previousValidUntil'],
    properties: {
      token: { type: 'string', description: 'The new secret, shown once.' }, name: { type: 'string' }, tenant: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } },
      expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'When the new token stops being accepted; null: never.' },
      previousValidUntil: { type: 'string', format: 'date-time', description: 'Until when the replaced tokens of the name keep working (the latest of their expiries now).' },
      partner: { type: 'string', description: 'The partner organisation its holder works for, kept from the rotated token (absent: the tenant\'s own).' },
    },
  },
  TokenInfo: {
    type: 'object',
    description: 'A token as an admin sees it: never its secret or hash.',
    required: ['id', 'name', 'tenant', 'roles', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt', 'status'],
    properties: {
      id: { type: 'string' }, name: { type: 'string' }, tenant: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } },
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'null: never expires.' },
      lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'When a request was last accepted with it, to the minute (written at most once a minute); null: not used since it was recorded.' },
      revokedAt: { type: ['string', 'null'], format: 'date-time' },
      status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
      partner: { type: 'string', description: 'The partner organisation its holder works for (absent: the tenant\'s own).' },
    },
  },
  ValidationResult: { type: 'object', required: ['valid', 'problems'], properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: definitionProblem } } },
  Draft: {
    type: 'object',
    required: ['key', 'definition', 'problems', 'valid', 'updatedAt'],
    properties: { key: { type: 'string' }, definition: { type: 'object' }, problems: { type: 'array', items: definitionProblem }, valid: { type: 'boolean' }, updatedAt: { type: 'string' } },
  },
} as const satisfies Record<string, JsonValue>;

export type RequestSchemaName = keyof typeof requestSchemas;
