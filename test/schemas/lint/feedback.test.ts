import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';

const base = {
  key: 'complaint',
  title: 'Complaint',
  data: {
    type: 'object',
    properties: { customer: { type: 'object', properties: { email: { type: 'string' }, name: { type: 'string' } } } },
  },
  customer: { keys: ['/customer/email'], email: '/customer/email' },
  events: { CLOSE: { title: 'Close' } },
  playbook: { initial: 'open', states: { open: { on: { CLOSE: 'closed' } }, closed: { type: 'final' } } },
  messages: {
    survey: { subject: 'How did we do?', body: { en: 'Tell us: {{survey}}', nl: 'Vertel het ons: {{survey}}' } },
  },
};

const feedback = {
  question: 'How satisfied are you?',
  scale: { min: 1, max: 5, low: { label: 'Very unhappy' }, high: { label: 'Very happy' } },
  comment: { label: 'Anything else?' },
  validFor: 'P14D',
  message: 'survey',
};

function feedbackProblems(definition: unknown): string[] {
  return validateCaseType(definition)
    .filter((p) => p.pointer.startsWith('/feedback') || p.code.startsWith('feedback.') || p.code.startsWith('message.'))
    .map((p) => `${p.severity} ${p.code} ${p.pointer} ${p.message}`);
}

describe('feedback in the format', () => {
  it('takes a survey e-mailed by a message with the link', () => {
    expect(validateCaseType({ ...base, feedback })).toEqual([]);
  });

  it('refuses a scale whose min is not below its max', () => {
    expect(feedbackProblems({ ...base, feedback: { ...feedback, scale: { min: 5, max: 5 } } })).toEqual([
      'error feedback.scale_empty /feedback/scale/max the scale runs from 5 to 5: min must be below max, so that the customer has at least two scores to choose from',
    ]);
  });

  it('refuses a survey with no way to the customer (no message, no public status page)', () => {
    const { message: _message, ...unsent } = feedback;
    expect(feedbackProblems({ ...base, feedback: unsent })).toEqual([
      'error feedback.unreachable /feedback the survey cannot reach the customer: name a message that e-mails the link (feedback.message) or give the case type a public status page (public)',
    ]);
    const withPublic = { ...base, feedback: unsent, public: { fields: ['/customer/email'] } };
    expect(feedbackProblems(withPublic)).toEqual([]);
  });

  it('refuses a message that is not there, one without the link, and e-mail without customer.email', () => {
    expect(feedbackProblems({ ...base, feedback: { ...feedback, message: 'survy' } })).toEqual([
      "error feedback.unknown_message /feedback/message there is no message 'survy' under messages; did you mean 'survey'?",
    ]);
    const noLink = { ...base, messages: { survey: { subject: 'Hi', body: { en: 'Tell us: {{survey}}', nl: 'Vertel het ons' } } }, feedback };
    expect(feedbackProblems(noLink)).toEqual([
      "error feedback.no_link /feedback/message the message 'survey' does not hold the survey link: write {{ survey }} in its body",
    ]);
    const { customer: _customer, ...noCustomer } = base;
    expect(feedbackProblems({ ...noCustomer, feedback })).toEqual([
      'error feedback.customer_without_email /feedback/message the survey is e-mailed to the customer, which needs customer.email, the field that holds their e-mail address',
    ]);
  });

  it('warns where {{survey}} would hide a data field named survey (the field is {{/survey}})', () => {
    const data = { ...base.data, properties: { ...base.data.properties, survey: { type: 'string' } } };
    const messages = { ...base.messages, done: { subject: 'Done', body: 'Your survey: {{survey}}; field: {{/survey}}' } };
    expect(feedbackProblems({ ...base, data, messages, feedback })).toEqual([
      "warning message.survey_not_field /messages/done/body placeholder 'survey' is the customer's survey link (nothing in a message that mails none), not the data field /survey: name the field by its pointer, '/survey'",
      "warning message.survey_not_field /messages/survey/body/en placeholder 'survey' is the customer's survey link (nothing in a message that mails none), not the data field /survey: name the field by its pointer, '/survey'",
      "warning message.survey_not_field /messages/survey/body/nl placeholder 'survey' is the customer's survey link (nothing in a message that mails none), not the data field /survey: name the field by its pointer, '/survey'",
    ]);
    // without the field, {{survey}} is only the link
    expect(feedbackProblems({ ...base, messages: { ...base.messages, done: { subject: 'Done', body: 'Your survey: {{survey}}' } }, feedback })).toEqual([]);
  });

  it('refuses a link valid for something that is not a duration, and a score past 10', () => {
    const codes = validateCaseType({ ...base, feedback: { ...feedback, validFor: '14 days', scale: { min: 1, max: 11 } } }).map((p) => `${p.code} ${p.pointer}`);
    expect(codes).toEqual(expect.arrayContaining(['schema.duration /feedback/validFor', expect.stringMatching(/ \/feedback\/scale\/max$/)]));
  });

  it('translates the question and the labels like the other texts', async () => {
    const { translatableTexts } = await import('../../../schemas/translations.ts');
    const pointers = translatableTexts({ ...base, feedback }).map((t) => t.pointer).filter((p) => p.startsWith('/feedback'));
    expect(pointers).toEqual(['/feedback/question', '/feedback/scale/low/label', '/feedback/scale/high/label', '/feedback/comment/label']);
  });
});
