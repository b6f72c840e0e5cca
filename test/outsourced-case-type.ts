// The case type of the partner tests (docs/partners.md): a subject, the customer's name and an outcome shared
// with partners; an internal note and the customer's e-mail not; work in the queue `billing` (delegated in the
// tests) until ESCALATE moves it to `internal`. `extra` adds what a test needs (a form, a checklist rule).
export function outsourcedCaseType(extra: { form?: unknown; rules?: Record<string, unknown>; checklist?: string[]; fields?: Record<string, unknown> } = {}) {
  return {
    key: 'outsourced',
    title: 'Outsourced work',
    data: {
      type: 'object',
      properties: {
        subject: { type: 'string', title: 'Subject', shareable: true },
        secret: { type: 'string', title: 'Internal note' },
        customer: {
          type: 'object',
          title: 'Customer',
          properties: { name: { type: 'string', title: 'Name', shareable: true }, email: { type: 'string', title: 'E-mail' } },
        },
        outcome: { type: 'string', title: 'Outcome', shareable: true },
        ...extra.fields,
      },
    },
    ...(extra.form === undefined ? {} : { form: extra.form }),
    customer: { name: '/customer/name', keys: ['/customer/email'] },
    ...(extra.rules === undefined ? {} : { rules: extra.rules }),
    queues: { billing: { title: 'Billing' }, internal: { title: 'Internal' } },
    events: {
      // what an agent may send with it: the outcome (shared), an internal note and the customer's e-mail (not shared)
      TOUCH: {
        title: 'Touch',
        data: {
          type: 'object',
          additionalProperties: false,
          properties: { outcome: { type: 'string' }, secret: { type: 'string' }, customer: { type: 'object', properties: { email: { type: 'string' } } } },
        },
      },
      ESCALATE: { title: 'Escalate' },
    },
    playbook: {
      initial: 'open',
      states: {
        open: {
          title: 'Open',
          ...(extra.checklist === undefined ? {} : { checklist: extra.checklist }),
          entry: [{ type: 'assign', queue: 'billing' }],
          task: { title: 'Handle it', queue: 'billing' },
          on: { TOUCH: {}, ESCALATE: { target: 'internal' } },
        },
        internal: { title: 'Internal', entry: [{ type: 'assign', queue: 'internal' }], task: { title: 'Look inside', queue: 'internal' }, on: { TOUCH: {} } },
      },
    },
  };
}
