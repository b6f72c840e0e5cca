// A complaint-like case type that e-mails its customer, in English or Dutch.
export const mailingType = {
  key: 'mailing',
  title: 'Complaint',
  referencePrefix: 'COM',
  data: {
    type: 'object',
    properties: {
      customer: {
        type: 'object',
        properties: { name: { type: 'string' }, email: { type: 'string' }, language: { type: 'string' } },
      },
      product: { type: 'string' },
    },
  },
  customer: { keys: ['/customer/email'], name: '/customer/name', email: '/customer/email', language: '/customer/language' },
  messages: {
    received: {
      title: 'Complaint received',
      subject: { en: 'We received your complaint about {{/product}}', nl: 'We hebben uw klacht over {{/product}} ontvangen' },
      body: {
        en: 'Dear {{/customer/name}},\n\nYour complaint {{reference}} is now {{state}}.\n',
        nl: 'Beste {{/customer/name}},\n\nUw klacht {{reference}} is nu {{state}}.\n',
      },
    },
  },
  events: { CLOSE: { title: 'Close' } },
  playbook: {
    initial: 'triage',
    states: {
      triage: { title: 'Being triaged', entry: [{ type: 'notify', to: 'customer', template: 'received' }], on: { CLOSE: 'closed' } },
      closed: { type: 'final', entry: [{ type: 'notify', to: 'queue:triage', template: 'closed' }] },
    },
  },
  queues: { triage: { title: 'Triage' } },
};
