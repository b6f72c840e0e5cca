// Rendering a message template (docs/email.md): placeholders from the data and the case, the language
// chosen (the customer's, then the host's, then the message's first), values that are not there.
import { describe, expect, it } from 'vitest';
import { customerEmail, customerLanguage, renderMessage } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';

const definition = {
  key: 'complaint',
  title: 'Complaint',
  data: {
    type: 'object',
    properties: {
      customer: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' }, lang: { type: 'string' } } },
      items: { type: 'array', items: { type: 'string' } },
      amount: { type: 'number' },
      refund: { type: 'boolean' },
      address: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
  customer: { keys: ['/customer/email'], email: '/customer/email', language: '/customer/lang' },
  queues: { backOffice: { title: 'Back office' } },
  translations: { nl: { '/playbook/states/waitingForCustomer/title': 'Wacht op klant', '/title': 'Klacht' } },
  messages: {
    plain: { subject: 'About {{ /items }}', body: '{{/customer/name}} owes {{/amount}}; refund: {{/refund}}; address: {{/address}}; missing: [{{/customer/lang}}]' },
    both: {
      subject: { en: '{{title}} {{reference}} is {{state}}', nl: '{{title}} {{reference}} is {{state}}' },
      body: { en: 'Queue: {{queue}}, assignee: {{assignee}}, type: {{caseType}}', nl: 'Wachtrij: {{queue}}' },
    },
    injected: { subject: 'Line one\r\nBcc: {{/customer/name}}', body: 'x' },
  },
  playbook: { initial: 'waitingForCustomer', states: { waitingForCustomer: { title: 'Waiting for the customer' }, replied: {} } },
} as unknown as CaseType;

const kase = {
  reference: 'COM-000042',
  caseType: 'complaint',
  state: 'waitingForCustomer',
  data: { customer: { name: 'Ann', email: ' ann@example.com ' }, items: ['kettle', 'toaster'], amount: 12.5, refund: true, address: { city: 'Utrecht' } },
  assignee: 'bea',
  queue: 'backOffice',
};

describe('renderMessage', () => {
  it('fills field placeholders: text, lists joined, numbers, booleans, objects as JSON, and nothing for a missing value', () => {
    const outcome = renderMessage(definition, 'plain', kase, []);
    expect(outcome).toEqual({
      ok: true,
      message: {
        subject: 'About kettle, toaster',
        body: 'Ann owes 12.5; refund: true; address: {"city":"Utrecht"}; missing: []',
        language: '',
      },
    });
  });

  it("fills the case's own placeholders in the language chosen, titles translated", () => {
    const nl = renderMessage(definition, 'both', kase, ['nl-BE', 'en']);
    expect(nl).toEqual({ ok: true, message: { subject: 'Klacht COM-000042 is Wacht op klant', body: 'Wachtrij: Back office', language: 'nl' } });
    const en = renderMessage(definition, 'both', kase, ['fr', 'en']);
    expect(en).toEqual({ ok: true, message: { subject: 'Complaint COM-000042 is Waiting for the customer', body: 'Queue: Back office, assignee: bea, type: complaint', language: 'en' } });
    // none of the languages wanted: the message's first
    const first = renderMessage(definition, 'both', { ...kase, state: 'replied', assignee: null, queue: null }, ['de']);
    expect(first).toEqual({ ok: true, message: { subject: 'Complaint COM-000042 is Replied', body: 'Queue: , assignee: , type: complaint', language: 'en' } });
  });

  it('keeps a subject on one line whatever the data holds', () => {
    const outcome = renderMessage(definition, 'injected', { ...kase, data: { customer: { name: 'x\r\nTo: evil@example.com' } } }, []);
    expect(outcome.ok && outcome.message.subject).toBe('Line one Bcc: x To: evil@example.com');
  });

  it('says so when the case type has no such message', () => {
    expect(renderMessage(definition, 'toString', kase, [])).toEqual({ ok: false, reason: "the case type complaint has no message 'toString'" });
    expect(renderMessage(definition, 'nope', kase, [])).toEqual({ ok: false, reason: "the case type complaint has no message 'nope'" });
  });

  it("reads the customer's address and language from the pointers of customer", () => {
    expect(customerEmail(definition, kase.data)).toBe('ann@example.com');
    expect(customerLanguage(definition, kase.data)).toBeNull();
    expect(customerLanguage(definition, { customer: { lang: 'nl' } })).toBe('nl');
    expect(customerEmail({ ...definition, customer: { keys: ['/customer/email'] } }, kase.data)).toBeNull();
  });
});
