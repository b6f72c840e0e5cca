// The designer's Messages view (docs/email.md), in Chromium against `dossier serve`: an analyst writes the
// e-mail a notify action sends, in English and Dutch, inserting a field by its label (never typing a
// pointer), saves, and the draft holds the message with its placeholder; it publishes without problems.
import { describe, expect, it } from 'vitest';
import { api, screenshot, tr, useServerAndBrowser } from './harness.ts';

function definition(key: string) {
  return {
    key,
    title: 'Complaint by mail',
    data: {
      type: 'object',
      properties: {
        customer: { type: 'object', title: 'Customer', properties: { name: { type: 'string', title: 'Full name' }, email: { type: 'string', title: 'E-mail' } } },
      },
    },
    customer: { keys: ['/customer/email'] },
    events: { CLOSE: { title: 'Close' } },
    playbook: {
      initial: 'open',
      states: { open: { title: 'Open', entry: [{ type: 'notify', to: 'customer', template: 'thanks' }], on: { CLOSE: 'closed' } }, closed: { title: 'Closed', type: 'final' } },
    },
  };
}

describe('the Messages view', () => {
  const e2e = useServerAndBrowser();

  it('writes a message in two languages with a field inserted by its label, saved in the draft', async () => {
    const { server, page } = e2e();
    const key = `mail-${Date.now().toString(36)}`;
    expect((await api(server, 'PUT', `/api/case-types/${key}/draft`, definition(key))).status).toBe(200);
    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: /^Complaint by mail/ }).waitFor();
    await page.getByRole('tab', { name: tr('Messages') }).click();

    await page.getByLabel(tr('New message title')).fill('Thanks');
    await page.getByLabel(tr('Language of the new message')).selectOption('en');
    await page.getByRole('button', { name: tr('Add message') }).click();

    await page.getByLabel(tr('Subject of Thanks in English')).fill('We received your complaint');
    const body = page.getByLabel(tr('Text of Thanks in English'), { exact: true });
    // the new message's text starts with the case reference, shown in words
    expect(await body.inputValue()).toBe(`{{${tr('The case reference')}}}`);
    await body.fill('Dear ');
    const insert = page.getByLabel(tr('Insert into the text of Thanks in English'));
    // the picker lists fields by their labels and the case's values in words
    const options = await insert.locator('option').allTextContents();
    expect(options).toContain('Customer › Full name');
    expect(options).toContain(tr('The case reference'));
    expect(options.join(' ')).not.toMatch(/\/customer/);
    await insert.selectOption({ label: 'Customer › Full name' });
    // shown by its label, stored as the field's pointer
    await expect.poll(() => body.inputValue()).toBe('Dear {{Customer › Full name}}');
    await body.fill(`${await body.inputValue()}, about {{${tr('The case reference')}}}`);

    // a case type with messages mails its customer: where the address is must be said, in the Fields view
    await page.getByText(tr('No problems.')).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: tr('Fields and form') }).click();
    await page.getByLabel(tr('Customer e-mail address field (messages to the customer go there)')).selectOption({ label: 'Customer › E-mail' });
    await page.getByText(tr('No problems.')).waitFor();
    await page.getByRole('tab', { name: tr('Messages') }).click();

    await page.getByLabel(tr('Add a language to Thanks')).selectOption('nl');
    await page.getByLabel(tr('Subject of Thanks in Dutch')).fill('We hebben uw klacht ontvangen');
    await screenshot(page, 'messages-editor');
    await page.getByRole('button', { name: tr('Save draft') }).click();
    await page.getByText(tr('All changes saved')).waitFor();

    const draft = await api(server, 'GET', `/api/case-types/${key}/draft`);
    const saved = draft.body as { definition: { messages: unknown }; problems: { code: string }[] };
    expect(saved.definition.messages).toEqual({
      thanks: {
        title: 'Thanks',
        subject: { en: 'We received your complaint', nl: 'We hebben uw klacht ontvangen' },
        body: { en: 'Dear {{/customer/name}}, about {{reference}}', nl: 'Dear {{/customer/name}}, about {{reference}}' },
      },
    });
    expect(saved.problems.filter((p) => p.code.startsWith('message.'))).toEqual([]);
    expect((saved.definition as unknown as { customer: unknown }).customer).toEqual({ keys: ['/customer/email'], email: '/customer/email' });
    expect((await api(server, 'POST', `/api/case-types/${key}/publish`)).status).toBe(201);
  });
});
