// The worker console in Dutch (?lang=nl), in Chromium against `dossier serve`: the inbox, a new case with
// errors, a case view (checklist, actions, a refusal, history). On every page no English UI string is left:
// each value of en.json that differs from its nl.json value must not be in the visible text (with the options of
// every visible select and the placeholders), neither as a phrase (each fixed part of two words or more, for a
// value with placeholders) nor, for a one-word part, as that whole word (case-sensitive; words of fewer than three
// letters and words Dutch uses too are left out). The scan proves itself on the console in English, where it must
// find English. The case type is given in Dutch through the API, so its own titles are Dutch too; a date and a
// number read the Dutch way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ENGLISH, englishOn, readContent, visibleText } from './english-scan.ts';
import { api, screenshot, technicalTerms, technicalText, tr, useServerAndBrowser, type Server } from './harness.ts';
import { translateLocators } from './language.ts';

const terms = technicalTerms();

async function noEnglish(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await englishOn(page), `English UI words on '${name}'`).toEqual([]);
  expect(await technicalText(page, terms), `technical words on '${name}'`).toEqual([]);
}

/** A small complaint case type, every title in Dutch. */
const KLACHT = {
  key: 'klacht',
  title: 'Klacht',
  description: 'Een klacht van een klant.',
  data: {
    type: 'object',
    required: ['naam', 'omschrijving'],
    properties: {
      naam: { type: 'string', title: 'Naam', minLength: 1 },
      email: { type: 'string', title: 'E-mailadres', format: 'email' },
      omschrijving: { type: 'string', title: 'Omschrijving' },
      reden: { type: 'string', title: 'Reden', enum: ['levering', 'factuur'] },
      bedrag: { type: 'number', title: 'Bedrag', maximum: 50000 },
    },
  },
  form: {
    sections: [
      { id: 'aanmelding', title: 'Aanmelding', fields: [{ field: '/naam', placeholder: 'Voor- en achternaam' }, '/email', '/omschrijving'] },
      { id: 'beoordeling', title: 'Beoordeling', fields: ['/reden', '/bedrag'] },
    ],
  },
  rules: { beoordeeld: { title: 'Beoordeling compleet', schema: { required: ['reden', 'bedrag'] } } },
  events: {
    BEOORDEEL: {
      title: 'Beoordeling versturen',
      roles: ['medewerker'],
      data: { type: 'object', additionalProperties: false, properties: { reden: { type: 'string', enum: ['levering', 'factuur'] }, bedrag: { type: 'number', maximum: 50000 } } },
    },
    SLUIT: { title: 'Afsluiten', roles: ['medewerker'] },
  },
  roles: { medewerker: { title: 'Medewerker' } },
  queues: { klachten: { title: 'Klachten', role: 'medewerker' } },
  slas: { reactie: { title: 'Eerste reactie', start: { event: ['case.created'] }, stop: { enter: ['afgehandeld'] }, deadline: 'PT8H' } },
  playbook: {
    title: 'Klachtafhandeling',
    initial: 'beoordelen',
    states: {
      beoordelen: {
        title: 'Beoordelen',
        task: { title: 'Klacht beoordelen', queue: 'klachten', form: 'beoordeling' },
        checklist: ['beoordeeld'],
        on: { BEOORDEEL: { target: 'afgehandeld', guard: 'beoordeeld' } },
      },
      afgehandeld: { title: 'Afgehandeld', on: { SLUIT: 'gesloten' } },
      gesloten: { title: 'Gesloten', type: 'final' },
    },
  },
};

async function tokenFor(server: Server, name: string, roles: string[]): Promise<string> {
  const r = await api(server, 'POST', '/api/tokens', { name, roles });
  expect(r.status).toBe(201);
  return (r.body as { token: string }).token;
}

describe('the worker console in Dutch', () => {
  // this suite switches the language itself (?lang=, the Language select) and names what it expects in each:
  // the locators take its words as they are, in either run
  beforeAll(() => translateLocators(false));
  afterAll(() => translateLocators(true));
  let anna = '';
  let caseId = '';
  const e2e = useServerAndBrowser(async ({ server }) => {
    const draft = await api(server, 'PUT', '/api/case-types/klacht/draft', KLACHT);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/klacht/publish')).status).toBe(201);
    anna = await tokenFor(server, 'anna', ['agent', 'medewerker']);
    await readContent(server);
  });

  it('shows the inbox in Dutch, chosen with ?lang=nl and kept for the user', async () => {
    const { server, page } = e2e();
    const created = await fetch(`${server.url}/api/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${anna}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseType: 'klacht', channel: 'phone', data: { naam: 'Sanne de Vries', omschrijving: 'Pakket nooit aangekomen.' } }),
    });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;

    await page.goto(`${server.url}/work?token=${anna}&lang=nl`);
    await page.getByRole('heading', { name: 'Postvak' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.evaluate(() => localStorage.getItem('dossier.language.anna'))).toBe('nl');
    expect(await page.getByLabel('Taal').inputValue()).toBe('nl');
    await page.getByRole('tab', { name: 'Vrije taken in mijn wachtrijen' }).click();
    const row = page.locator(`tr[data-case="${caseId}"]`);
    await row.getByRole('button', { name: 'Oppakken' }).waitFor();
    await expect.poll(() => row.locator('.sla-badge').first().textContent()).toMatch(/^Eerste reactie: nog (\d+ u )?\d+ (u|min)$/);
    await noEnglish(page, 'work-nl-inbox');
    await page.getByRole('tab', { name: 'Alle open zaken' }).click();
    await page.getByTestId('list-summary').filter({ hasText: 'meer zijn er niet' }).waitFor();
    await noEnglish(page, 'work-nl-inbox-cases');
  });

  it('says the intake form’s errors in Dutch', async () => {
    const { server, page } = e2e();
    // no ?lang this time: the user's saved choice
    await page.goto(`${server.url}/work/new`);
    await page.getByRole('heading', { name: 'Nieuwe zaak' }).waitFor();
    await page.getByLabel('Zaaktype').selectOption('klacht');
    await page.getByLabel('Contactkanaal').selectOption('email');
    await page.getByLabel('Naam').fill('Pieter Jansen');
    await page.getByLabel('E-mailadres').fill('pieter.jansen');
    await page.getByText('Moet een e-mailadres zoals naam@voorbeeld.nl zijn').waitFor();
    await page.getByRole('button', { name: 'Zaak aanmaken' }).click();
    await page.getByText('Verbeter eerst de 2 gemarkeerde velden hieronder.').waitFor();
    await expect.poll(() => page.locator('#intake-omschrijving-error').textContent()).toBe('Vul dit in om verder te gaan.');
    // the scan reads what a select offers and what a field suggests, not only what is shown
    const lines = await visibleText(page);
    expect(lines).toContain('telefoon');
    expect(lines).toContain('Voor- en achternaam');
    await noEnglish(page, 'work-nl-intake');
  });

  it('works a case in Dutch: checklist, a refusal, the actions, the history with Dutch dates and numbers', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Controlelijst' }).waitFor();
    const checklist = page.locator('.checklist');
    await expect.poll(() => checklist.textContent()).toContain('✗ Beoordeling compleet');
    await expect.poll(() => checklist.textContent()).toContain('Reden is nodig');
    await expect.poll(() => page.locator('.actions').textContent()).toContain('Geblokkeerd: Reden is nodig; Bedrag is nodig (vul ze in en verstuur)');
    await page.locator('.case-slas .sla-text').filter({ hasText: /^Loopt, uiterlijk / }).waitFor();
    await noEnglish(page, 'work-nl-case');

    await page.getByRole('button', { name: 'Beoordeling versturen' }).click();
    const payload = page.getByRole('form', { name: 'Beoordeling versturen: wat u verstuurt' });
    await payload.getByRole('button', { name: 'Versturen: Beoordeling versturen' }).click();
    const refusal = page.locator('[data-notice="rejected"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Beoordeling versturen is geblokkeerd: aan ‘Beoordeling compleet’ is nog niet voldaan; vul de genoemde velden in.');
    // each field the server named says so beside it, in Dutch
    await expect.poll(() => payload.locator('#payload-reden-error').textContent()).toBe('Vul dit in om verder te gaan.');
    await noEnglish(page, 'work-nl-case-refused');

    await payload.getByLabel('Reden').selectOption('levering');
    await payload.getByLabel('Bedrag').fill('12345.5');
    await payload.getByRole('button', { name: 'Versturen: Beoordeling versturen' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Afgehandeld');
    await page.locator('[data-notice="done"]').filter({ hasText: 'Beoordeling versturen: gedaan.' }).waitFor();
    const history = page.getByRole('list', { name: 'Geschiedenis' });
    await expect.poll(() => history.locator(':scope > li').count()).toBe(2);
    const text = (await history.textContent()) ?? '';
    // the number the Dutch way, and the event the system wrote in words
    expect(text).toContain('Bedrag: 12.345,5');
    expect(text).toContain('Zaak geopend');
    expect(text).toContain('geopend in Beoordelen');
    // the date-time the Dutch way: "5 jan 2026, 09:30" (lower-case month, 24-hour clock) in the browser's time zone
    const time = history.locator('time').first();
    const at = (await time.getAttribute('datetime')) as string;
    const expected = await page.evaluate(
      (iso) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso)),
      at,
    );
    expect(await time.textContent()).toBe(expected);
    expect(expected).toMatch(/^\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4} \d{2}:\d{2}$|^\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}, \d{2}:\d{2}$/);
    await history.scrollIntoViewIfNeeded();
    await noEnglish(page, 'work-nl-case-done');
  });

  it('switches back to English from the header, for this user', async () => {
    const { page } = e2e();
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: 'Checklist' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('dossier.language.anna'))).toBe('en');
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Controlelijst' }).waitFor();
  });

  it('speaks the same language in the designer, on the device that reads the console in Dutch', async () => {
    const { server, page } = e2e();
    expect(await page.evaluate(() => localStorage.getItem('dossier.language'))).toBe('nl');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: tr('Case types', 'nl') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.getByLabel('Taal').inputValue()).toBe('nl');
  });

  it('finds English on the console in English, so the Dutch scan cannot pass for want of looking', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?lang=en`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByTestId('list-summary').waitFor();
    const found = await englishOn(page);
    // a phrase, a phrase only an option shows, and single words (a button, a filter's label, the heading)
    expect(found).toContain('"Sign out" in "Sign out"');
    expect(found).toContain('"Age (oldest first)" in "Age (oldest first)"');
    expect(found).toContain('"Refresh" in "Refresh"');
    expect(found).toContain('"Queue" in "Queue"');
    expect(found).toContain('"Inbox" in "Inbox"');
    // and not on a Dutch page's own words
    expect(ENGLISH.words).not.toContain('min');
  });
});
