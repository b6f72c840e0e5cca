// The contact-reason suggestion (docs/reason-suggestion.md) in Chromium against `dossier serve`: a case type
// that suggests its reason learns from its closed cases; a new case's text gets a suggestion, shown in the
// console beside the form in words with how sure it is; the agent uses it and sends it; the Reports page
// says the suggestion was accepted.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { reasonCorpus } from '../../bench/lib/reason-corpus.ts';
import { feedbackCaseType } from '../reason-case-type.ts';
import { api, asWritten, screenshot, tr, useServerAndBrowser, type BrowserSession } from './harness.ts';
import { translateLocators } from './language.ts';

/** A locator for the case type's own words (an event title, an enum value): not a UI text, never translated. */
function content<T>(make: () => T): T {
  translateLocators(false);
  try {
    return make();
  } finally {
    translateLocators(true);
  }
}

async function visible(s: BrowserSession, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\npage: ${s.page.url()}\n${await s.page.locator('body').textContent()}\nerrors: ${s.errors.join('\n')}`, { cause: e });
  }
}

describe('contact-reason suggestion in the console', () => {
  const e2e = useServerAndBrowser(async ({ server }) => {
    const type = feedbackCaseType({ suggest: { field: '/reason', from: ['/subject', '/description'] } });
    expect((await api(server, 'PUT', '/api/case-types/feedback/draft', type)).status).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/feedback/publish')).status).toBe(201);
    // 150 closed cases of the generated corpus, their reason set: what the model learns from
    for (const c of reasonCorpus({ size: 150, seed: 11 })) {
      const made = await api(server, 'POST', '/api/cases', { caseType: 'feedback', data: { subject: c.subject, description: c.description, reason: c.reason } });
      expect(made.status).toBe(201);
      expect((await api(server, 'POST', `/api/cases/${(made.body as { id: string }).id}/events`, { type: 'CLOSE' })).status).toBe(200);
    }
  });

  it('shows the suggestion for a new case, the agent uses it, and the report says it was accepted', async () => {
    const { server, page, session } = e2e();
    const made = await api(server, 'POST', '/api/cases', {
      caseType: 'feedback',
      data: { subject: 'Parcel not delivered', description: 'My parcel has not arrived after two weeks and the track and trace shows nothing.' },
    });
    expect(made.status).toBe(201);
    const id = (made.body as { id: string }).id;

    await page.goto(`${server.url}/work/cases/${id}?token=${server.token}`);
    const note = page.getByRole('note', { name: tr('Suggested Reason') });
    await visible(session, note);
    const said = (await note.textContent()) ?? '';
    expect(said).toContain(tr('Suggested Reason: delivery').split('(')[0]);
    expect(said).toMatch(/\(\d{1,3}\s?% (sure|zeker)\)/);
    expect(said).toContain(tr('Learned from 150 closed cases.'));
    expect(said).not.toMatch(/\/reason|confidence|trainedOn/);
    await screenshot(page, 'reason-suggestion');

    // the reason is empty until the agent uses the suggestion, which fills the working copy
    const reason = content(() => page.getByRole('combobox', { name: 'Reason', exact: true }).first());
    expect(await reason.inputValue()).toBe('');
    await note.getByRole('button', { name: tr('Use suggestion') }).click();
    expect(await reason.inputValue()).toBe('delivery');
    await visible(session, note.getByText(tr('Filled in from the suggestion: send it to keep it.')));

    // sent as usual, with the triage
    await content(() => page.getByRole('button', { name: 'Triage', exact: true })).click();
    const payload = page.getByRole('form', { name: tr('Triage: what to send') });
    expect(await content(() => payload.getByRole('combobox', { name: 'Reason', exact: true })).inputValue()).toBe('delivery');
    await payload.getByRole('button', { name: tr('Send: Triage') }).click();
    await visible(session, page.getByRole('status').filter({ hasText: 'Triage' }).first());
    // decided: no longer offered
    await page.reload();
    // the case type's own title, as written (the console's feedback words say "Customer feedback" too)
    await visible(session, asWritten(() => page.getByRole('heading', { name: /Customer feedback/ })));
    expect(await page.getByRole('note', { name: tr('Suggested Reason') }).count()).toBe(0);
    const check = await api(server, 'GET', `/api/cases/${id}`);
    expect((check.body as { suggestion: unknown }).suggestion).toMatchObject({ value: 'delivery', outcome: 'accepted', chosen: 'delivery' });

    // the Reports page says it in words
    await page.goto(`${server.url}/work/reports?token=${server.token}`);
    await asWritten(() => page.getByLabel(tr('Case type')).selectOption({ label: 'Customer feedback' }));
    const section = page.getByRole('region', { name: tr('Reason suggestions') });
    await visible(session, section.getByText(tr('1 suggested: 1 accepted, 0 corrected, 0 not decided yet.')));
    await visible(session, section.getByText(tr('The agents kept 100% of the suggestions they decided on.')));
    const row = section.getByRole('row', { name: /delivery/ });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toMatch(/delivery\s*1\s*1\s*0\s*100\s?%/);
    await screenshot(page, 'reason-suggestion-report');
  });
});
