// The OpenAPI schemas of push routing (issue 21, docs/routing.md): agents, offers, the task-holder log.
const units = { type: 'integer', minimum: 0, maximum: 1000 };
const unitMap = { type: 'object', additionalProperties: units };
const capacity = { type: 'object', required: ['total'], additionalProperties: false, properties: { total: units, perQueue: unitMap, perChannel: unitMap } };
const availability = { type: 'string', enum: ['available', 'away', 'offline'] };
const skills = { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 10 }, description: 'Skill → level, e.g. {"billing": 3}; only skills a queue of a published case type names.' };
const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };

export const routingSchemas = {
  AgentRequest: {
    type: 'object',
    required: ['capacity'],
    properties: { skills, capacity, availability, queues: { type: 'array', items: str, description: 'Queue names of published case types.' } },
  },
  Agent: {
    type: 'object',
    required: ['name', 'skills', 'capacity', 'availability', 'queues', 'updatedAt', 'updatedBy'],
    properties: { name: str, skills, capacity, availability, queues: { type: 'array', items: str }, updatedAt: str, updatedBy: str },
  },
  AgentList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Agent' } } } },
  AvailabilityRequest: { type: 'object', required: ['availability'], properties: { availability } },
  AssignRequest: { type: 'object', required: ['assignee'], properties: { assignee: { type: 'string', minLength: 1, maxLength: 200 } } },
  RoutingCatalog: {
    type: 'object',
    required: ['queues', 'skills'],
    properties: {
      queues: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            caseType: str, queue: str, title: str, strategy: nullableStr, offerTimeoutMs: { type: 'integer' },
            skills: { type: 'array', items: { type: 'object', properties: { skill: str, level: { type: 'integer' } } } },
          },
        },
      },
      skills: { type: 'array', items: str },
    },
  },
  Offer: {
    type: 'object',
    required: ['id', 'taskId', 'caseId', 'agent', 'queue', 'channel', 'status', 'offeredAt', 'expiresAt', 'endedAt', 'explanation'],
    properties: {
      id: { type: 'integer' }, taskId: str, caseId: str, agent: str, queue: str, channel: str,
      status: { type: 'string', enum: ['open', 'accepted', 'declined', 'expired', 'withdrawn'] },
      offeredAt: str, expiresAt: str, endedAt: nullableStr,
      explanation: { type: 'string', description: 'Why this agent, in words: "offered to ann: billing 3, load 2/5 (least-loaded, 4 candidates)".' },
      title: str, reference: str, caseType: str,
    },
  },
  OfferList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Offer' } } } },
  TaskLogEntry: {
    type: 'object',
    required: ['id', 'taskId', 'caseId', 'at', 'kind', 'agent', 'by', 'detail'],
    properties: {
      id: { type: 'integer' }, taskId: str, caseId: str, at: str,
      kind: { type: 'string', enum: ['offered', 'accepted', 'declined', 'expired', 'withdrawn', 'claimed', 'released', 'reassigned'] },
      agent: nullableStr, by: str,
      detail: { type: ['string', 'null'], description: 'An offer: its explanation; a reassignment: who held the task before.' },
    },
  },
  TaskLog: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/TaskLogEntry' } } } },
};
