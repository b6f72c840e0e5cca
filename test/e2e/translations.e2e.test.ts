// A case type in two languages (issue 16): an analyst gives the case type's own texts in Dutch in the
// Translations view (progress shown, the untranslated ones on their own, a translation whose text is gone
// offered for removal), publishes, and an agent reading the worker console in Dutch sees the Dutch titles,
// one reading it in English the analyst's own.
import { describe, expect, it } from 'vitest';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

/** A translation row's label, "Dutch for state ‘Received’: title" (translations.rowLabel, whose "for" is too short a template for tr). */
const dutchFor = (owner: string, kind: string) => (RUN_LANGUAGE === 'nl' ? `${tr('Dutch')} voor ${tr(owner)}: ${tr(kind)}` : `Dutch for ${owner}: ${kind}`);

const definition = (key: string) => ({
  key,
  title: 'Travel claim',
  data: {
    type: 'object',
    properties: { claim: { type: 'object', title: 'Claim', properties: { amount: { type: 'number', title: 'Amount' } } } },
  },
  events: { SUBMIT: { title: 'Submit claim' } },
  playbook: {
    initial: 'received',
    states: {
      received: { title: 'Received', on: { SUBMIT: 'paid' } },
      paid: { title: 'Paid', type: 'final' },
    },
  },
  // a translation left over from a state that was renamed away
  translations: { nl: { '/playbook/states/review/title': 'Controleren' } },
});

describe('translations', () => {
  const e2e = useServerAndBrowser();

  it('translates the case type’s own texts in the designer and shows them to a Dutch reader of the console', async () => {
    const { server, page } = e2e();
    const key = `travel-claim-${Date.now().toString(36)}`;
    const saved = await api(server, 'PUT', `/api/case-types/${key}/draft`, definition(key));
    expect(saved.status).toBe(200);
    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: /^Travel claim/ }).waitFor();
    await page.getByRole('tab', { name: 'Translations' }).click();
    await page.getByLabel('Translate into').selectOption('nl');
    const progress = page.getByTestId('translation-progress');
    await expect.poll(() => progress.textContent()).toBe(tr('0 of 6 texts in Dutch'));

    // the leftover translation: said where it pointed, and removed with one click
    await page.getByRole('heading', { name: '1 translation of a text that is gone' }).waitFor();
    await page.getByRole('button', { name: 'Remove the Dutch text “Controleren”' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '1 translation of a text that is gone' }).count()).toBe(0);

    await page.getByLabel(dutchFor('the case type', 'title')).fill('Reisdeclaratie');
    await page.getByLabel(dutchFor('state ‘Received’', 'title')).fill('Ontvangen');
    await page.getByLabel(dutchFor('event ‘Submit claim’', 'title')).fill('Declaratie indienen');
    await page.getByLabel(dutchFor('field ‘Claim › Amount’', 'title')).fill('Bedrag');
    await expect.poll(() => progress.textContent()).toBe(tr('4 of 6 texts in Dutch'));
    await page.getByLabel('Only texts not yet translated').check();
    expect(await page.getByLabel(dutchFor('state ‘Received’', 'title')).count()).toBe(0);
    expect(await page.getByLabel(dutchFor('state ‘Paid’', 'title')).count()).toBe(1);
    await screenshot(page, 'translations-view');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();

    const draft = await api(server, 'GET', `/api/case-types/${key}/draft`);
    expect((draft.body as { definition: { translations: unknown } }).definition.translations).toEqual({
      nl: {
        '/title': 'Reisdeclaratie',
        '/playbook/states/received/title': 'Ontvangen',
        '/events/SUBMIT/title': 'Declaratie indienen',
        '/data/properties/claim/properties/amount/title': 'Bedrag',
      },
    });
    expect((await api(server, 'POST', `/api/case-types/${key}/publish`)).status).toBe(201);
    const created = await api(server, 'POST', '/api/cases', { caseType: key, data: { claim: { amount: 120 } } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;

    // the console in Dutch: the case type's texts in Dutch; in English: as the analyst wrote them
    await page.goto(`${server.url}/work/cases/${id}?lang=nl`);
    await page.getByRole('button', { name: 'Declaratie indienen' }).waitFor();
    expect(await page.getByText('Ontvangen').count()).toBeGreaterThan(0);
    expect(await page.getByText('Bedrag').count()).toBeGreaterThan(0);
    await screenshot(page, 'translations-console-nl');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('button', { name: 'Submit claim' }).waitFor();
    expect(await page.getByText('Ontvangen').count()).toBe(0);
  });
});
