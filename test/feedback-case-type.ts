// A case type that asks its customer for feedback when the case closes (docs/feedback.md): the survey
// mailed with the message `survey`, and on the status page of its public form; texts in English and Dutch.
export const feedbackType = {
  key: 'service-request',
  title: 'Service request',
  referencePrefix: 'SR',
  data: {
    type: 'object',
    properties: {
      customer: { type: 'object', title: 'Customer', properties: { name: { type: 'string', title: 'Name' }, email: { type: 'string', title: 'E-mail' }, language: { type: 'string', title: 'Language' } } },
      subject: { type: 'string', title: 'Subject' },
    },
  },
  customer: { keys: ['/customer/email'], name: '/customer/name', email: '/customer/email', language: '/customer/language' },
  public: { title: 'Ask us anything', fields: ['/customer/name', '/customer/email', '/subject'] },
  feedback: {
    question: 'How satisfied are you with how we handled your request?',
    scale: { min: 1, max: 5, low: { label: 'Very unhappy' }, high: { label: 'Very happy' } },
    comment: { label: 'Anything you want to tell us?' },
    validFor: 'P14D',
    message: 'survey',
  },
  messages: {
    survey: {
      title: 'Feedback survey',
      subject: { en: 'How did we do?', nl: 'Hoe hebben we het gedaan?' },
      body: {
        en: 'Dear {{/customer/name}},\n\nYour request {{reference}} is closed. Tell us how we did: {{survey}}\n',
        nl: 'Beste {{/customer/name}},\n\nUw verzoek {{reference}} is afgerond. Laat ons weten hoe het ging: {{survey}}\n',
      },
    },
  },
  events: { RESOLVE: { title: 'Resolve' } },
  playbook: {
    initial: 'open',
    states: {
      open: { title: 'Being handled', task: { title: 'Handle the request' }, on: { RESOLVE: 'resolved' } },
      resolved: { title: 'Resolved', type: 'final' },
    },
  },
  translations: {
    nl: {
      '/feedback/question': 'Hoe tevreden bent u over de afhandeling van uw verzoek?',
      '/feedback/scale/low/label': 'Zeer ontevreden',
      '/feedback/scale/high/label': 'Zeer tevreden',
      '/feedback/comment/label': 'Wilt u nog iets kwijt?',
    },
  },
};
