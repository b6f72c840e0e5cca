// Customer feedback end to end (issue 22, docs/feedback.md), in Chromium against `dossier serve
// --smtp-url` and a real SMTP server on loopback: an agent closes a case, the customer gets the survey
// link by e-mail, opens it, chooses a score by its labelled radio button, writes a comment and sends it;
// a second visit says it was answered; the agent sees "Customer feedback: 4 of 5 — …" in the case's
// history in the worker console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackType } from '../feedback-case-type.ts';
import { startSmtpListener, type SmtpListener } from '../runtime/mail/smtp-listener.ts';
import { api, asWritten, openBrowser, RUN_LANGUAGE, screenshot, startServer, tr, trWith, type BrowserSession, type Server } from './harness.ts';

let smtp: SmtpListener;
let server: Server;
let session: BrowserSession;

beforeAll(async () => {
  smtp = await startSmtpListener();
  server = await startServer({ args: ['--smtp-url', smtp.url, '--mail-from', 'Service <service@shop.example>'] });
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
  await server?.stop();
  await smtp?.close();
});

describe('customer feedback', () => {
  it('mails the survey when a case closes; the customer answers it once; the agent reads the answer in the history', async () => {
    expect((await api(server, 'PUT', `/api/case-types/${feedbackType.key}/draft`, feedbackType)).status).toBe(200);
    expect((await api(server, 'POST', `/api/case-types/${feedbackType.key}/publish`)).status).toBe(201);
    const created = await api(server, 'POST', '/api/cases', {
      caseType: feedbackType.key,
      data: { customer: { name: 'Eva Visser', email: 'eva.visser@example.org', language: RUN_LANGUAGE }, subject: 'Refund' },
    });
    expect(created.status).toBe(201);
    const { id, reference } = created.body as { id: string; reference: string };
    expect((await api(server, 'POST', `/api/cases/${id}/events`, { type: 'RESOLVE' })).status).toBe(200);

    // the survey mail, with the link
    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['eva.visser@example.org']);
    const link = /(https?:\/\/\S+\/survey\/default#[A-Za-z0-9_-]+)/.exec(mail.mail.text ?? '')?.[1];
    expect(link).toBeDefined();
    const path = new URL(link as string);

    // the customer opens it: the question in their language, a score per labelled radio button
    const { page } = session;
    await page.goto(`${server.url}${path.pathname}${path.hash}`);
    const question = RUN_LANGUAGE === 'nl' ? feedbackType.translations.nl['/feedback/question'] : feedbackType.feedback.question;
    const scale = asWritten(() => page.getByRole('radiogroup', { name: question }));
    await scale.waitFor();
    expect(await scale.getByRole('radio').count()).toBe(5);
    await asWritten(() => page.getByRole('radio', { name: trWith('{{score}} of {{max}}', { score: '4', max: '5' }) })).check();
    const commentLabel = RUN_LANGUAGE === 'nl' ? feedbackType.translations.nl['/feedback/comment/label'] : feedbackType.feedback.comment.label;
    await asWritten(() => page.getByLabel(commentLabel)).fill('Quick and kind');
    await screenshot(page, 'feedback-survey');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
    await screenshot(page, 'feedback-survey-thanks');

    // the link again: answered already, nothing to send
    await page.reload();
    await page.getByText('You have answered this survey already. Thank you for your feedback.').waitFor();
    expect(await page.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);

    // the agent sees the answer in the case's history
    await page.goto(`${server.url}/work/cases/${id}?token=${encodeURIComponent(server.token)}`);
    const history = page.getByRole('list', { name: 'History' });
    await history.waitFor();
    const said = trWith('Customer feedback: {{score}} of {{max}} — {{comment}}', { score: '4', max: '5', comment: 'Quick and kind' });
    await expect.poll(async () => (await history.getByRole('listitem').allTextContents()).some((entry) => entry.includes(said)), { timeout: 10_000 }).toBe(true);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'feedback-in-history');
    expect(reference).toMatch(/^SR-\d+$/);
    expect(session.errors).toEqual([]);
  });

  it('lets an analyst set up the survey without JSON: asked, question, scale, comment box, days, message', async () => {
    const key = 'feedback-setup';
    const { feedback: _feedback, ...withoutFeedback } = feedbackType;
    expect((await api(server, 'PUT', `/api/case-types/${key}/draft`, { ...withoutFeedback, key })).status).toBe(200);
    const { page } = session;
    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: tr('Messages') }).click();
    const settings = page.getByRole('region', { name: 'Customer feedback' });
    await settings.getByRole('checkbox', { name: 'Ask for feedback when a case closes' }).check();
    await settings.getByLabel('Question', { exact: true }).fill('Did we help you?');
    await settings.getByLabel('Highest score', { exact: true }).fill('10');
    await settings.getByLabel('Meaning of the highest score').fill('Perfectly');
    await settings.getByLabel('Question above the comment box').fill('What could be better?');
    await settings.getByLabel('Link valid for (days)').fill('7');
    await settings.getByLabel('Message that e-mails the link').selectOption({ label: 'Feedback survey' });
    await screenshot(page, 'feedback-settings');
    await page.getByRole('button', { name: tr('Save draft') }).click();
    await page.getByText(tr('All changes saved')).waitFor();
    const draft = (await api(server, 'GET', `/api/case-types/${key}/draft`)).body as { definition: { feedback: unknown }; problems: { severity: string }[] };
    expect(draft.definition.feedback).toEqual({
      question: 'Did we help you?', scale: { min: 1, max: 10, high: { label: 'Perfectly' } }, comment: { label: 'What could be better?' }, validFor: 'P7D', message: 'survey',
    });
    expect(draft.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it("offers the survey on a closed request's status page", async () => {
    const receipt = await fetch(`${server.url}/api/public/default/forms/${feedbackType.key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { name: 'Dirk', email: 'dirk@example.org' }, subject: 'Meter reading' }),
    });
    expect(receipt.status).toBe(201);
    const { reference, statusPath } = (await receipt.json()) as { reference: string; statusPath: string };
    const found = (await api(server, 'GET', `/api/cases?q=${reference}`)).body as { items: { id: string }[] };
    expect((await api(server, 'POST', `/api/cases/${found.items[0]!.id}/events`, { type: 'RESOLVE' })).status).toBe(200);
    const { page } = session;
    await page.goto(`${server.url}${statusPath}`);
    const survey = page.getByRole('region', { name: 'Your feedback' });
    // no customer language on the form: the browser's
    const question = RUN_LANGUAGE === 'nl' ? feedbackType.translations.nl['/feedback/question'] : feedbackType.feedback.question;
    await asWritten(() => survey.getByRole('radiogroup', { name: question })).waitFor();
    await asWritten(() => survey.getByRole('radio', { name: trWith('{{score}} of {{max}}', { score: '5', max: '5' }) })).check();
    await survey.getByRole('button', { name: 'Send feedback' }).click();
    await survey.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
    await screenshot(page, 'feedback-status-page');
  });
});
