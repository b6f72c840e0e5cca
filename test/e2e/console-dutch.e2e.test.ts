// The worker console in Dutch (?lang=nl), in Chromium against `dossier serve`: the inbox, a new case with
// errors, a case view (checklist, actions, a refusal, history). On every page no English UI string is left:
// each value of en.json of two words or more that differs from its nl.json value (for a value with
// placeholders, each fixed part of two words or more) must not be in the visible text. The case type is
// given in Dutch through the API, so its own titles are Dutch too; a date and a number read the Dutch way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, ROOT, screenshot, technicalTerms, technicalText, useServerAndBrowser, type Server } from './harness.ts';

type Tree = { [key: string]: string | Tree };
const read = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'designer/src/i18n', `${lang}.json`), 'utf8')) as Tree;
function flat(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The English UI words a Dutch reader must not meet: fixed parts of two words or more, not shared with the Dutch value. */
function englishPhrases(): string[] {
  const en = flat(read('en'));
  const nl = flat(read('nl'));
  const out = new Set<string>();
  for (const [key, value] of en) {
    const dutch = nl.get(key) ?? '';
    if (value === dutch) continue;
    for (const part of value.split(/\{\{[^}]+\}\}/)) {
      const phrase = part.trim();
      if (phrase.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 2 && !dutch.includes(phrase)) out.add(phrase);
    }
  }
  return [...out];
}
const PHRASES = englishPhrases();
const terms = technicalTerms();

/** The visible text of the page (and the accessible names an agent hears: aria-label, title), as lines. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style')) continue;
      if (!el.checkVisibility() && !el.closest('.visually-hidden')) continue;
      const text = (node.textContent ?? '').trim();
      if (text) out.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title]')) {
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

async function noEnglish(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const lines = await visibleText(page);
  const found = lines.flatMap((line) => PHRASES.filter((p) => line.includes(p)).map((p) => `"${p}" in "${line}"`));
  expect(found, `English UI words on '${name}'`).toEqual([]);
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
      { id: 'aanmelding', title: 'Aanmelding', fields: ['/naam', '/email', '/omschrijving'] },
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
  let anna = '';
  let caseId = '';
  const e2e = useServerAndBrowser(async ({ server }) => {
    const draft = await api(server, 'PUT', '/api/case-types/klacht/draft', KLACHT);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/klacht/publish')).status).toBe(201);
    anna = await tokenFor(server, 'anna', ['agent', 'medewerker']);
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
});
