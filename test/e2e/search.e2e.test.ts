// Case search in the worker console (docs/search.md) in Chromium against `dossier serve`: the header's
// search box finds a case by the customer's e-mail and by a word of its description, lists the results
// with their reference, case type, state, customer and the words where they matched, pages them with
// Load more, says what to try when nothing matches, and a case reference typed in full opens the case.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, screenshot, technicalTerms, technicalText, tr, trWith, useServerAndBrowser, type Server } from './harness.ts';

async function tokenFor(server: Server, name: string, roles: string[]): Promise<string> {
  const r = await api(server, 'POST', '/api/tokens', { name, roles });
  expect(r.status).toBe(201);
  return (r.body as { token: string }).token;
}

async function createCase(server: Server, token: string, customer: Record<string, string>, description: string): Promise<{ id: string; reference: string }> {
  const r = await fetch(`${server.url}/api/cases`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ caseType: 'complaint', channel: 'email', data: { customer, channel: 'email', description } }),
  });
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string; reference: string };
}

/** Types `q` into the header's search box and presses Search. */
async function searchFor(page: Page, q: string): Promise<void> {
  const box = page.getByRole('search');
  await box.getByLabel('Search cases').fill(q);
  await box.getByRole('button', { name: 'Search' }).click();
}

const terms = technicalTerms();

describe('case search in the worker console', () => {
  let token = '';
  let ann = { id: '', reference: '' };

  const e2e = useServerAndBrowser(async ({ server }) => {
    token = await tokenFor(server, 'sam', ['agent', 'intake-agent', 'investigator']);
    ann = await createCase(server, token, { name: 'Ann Verbeek', email: 'ann.verbeek@example.com' }, 'De waterkoker lekt sinds dinsdag en de garantie loopt nog.');
    await createCase(server, token, { name: 'Bob Smit', email: 'bob.smit@example.org' }, 'My parcel never arrived.');
    for (let i = 0; i < 23; i++) await createCase(server, token, { name: `Klant ${i}`, email: `klant${i}@example.net` }, `Pakketje ${i} is zoekgeraakt.`);
  });

  it("finds a case by the customer's e-mail address and opens it from the list", async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?token=${token}`);
    await searchFor(page, 'ann.verbeek@example.com');
    await page.waitForURL(/\/work\/search\?q=ann\.verbeek%40example\.com$/);
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('link', { name: ann.reference }).waitFor();
    expect(await results.getByRole('listitem').count()).toBe(1);
    const item = await results.getByRole('listitem').first().textContent();
    expect(item).toContain('Ann Verbeek');
    expect(item).toContain('De waterkoker lekt sinds dinsdag');
    await page.getByRole('heading', { name: trWith('Search results for “{{q}}”', { q: 'ann.verbeek@example.com' }) }).waitFor();
    await screenshot(page, 'search-by-email');
    expect(await technicalText(page, terms)).toEqual([]);
    await results.getByRole('link', { name: ann.reference }).click();
    await page.waitForURL(`${server.url}/work/cases/${ann.id}`);
    await page.locator('#case-title').getByText(ann.reference).waitFor();
  });

  it('finds a case by a word of its description, with the words around it', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?token=${token}`);
    await searchFor(page, 'waterkoker');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('link', { name: ann.reference }).waitFor();
    expect(await results.getByRole('listitem').count()).toBe(1);
    expect(await results.getByRole('listitem').first().textContent()).toContain('waterkoker lekt');
    // a word nobody wrote: what to try
    await searchFor(page, 'broodrooster');
    await page.getByText(trWith('No case matches “{{q}}”.', { q: 'broodrooster' })).waitFor();
    await page.getByText(tr("Try a case reference such as COM-000123, the customer's e-mail address, phone number or name, or a word from the case. Every word you type must occur in the case.")).waitFor();
    await screenshot(page, 'search-nothing-found');
  });

  it('pages many results with Load more', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?token=${token}`);
    await searchFor(page, 'zoekgeraakt');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('listitem').nth(19).waitFor();
    expect(await results.getByRole('listitem').count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await results.getByRole('listitem').nth(22).waitFor();
    expect(await results.getByRole('listitem').count()).toBe(23);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  });

  it('opens the case at once when its reference is typed in full', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?token=${token}`);
    await searchFor(page, ann.reference.toLowerCase());
    await page.waitForURL(`${server.url}/work/cases/${ann.id}`);
    await page.locator('#case-title').getByText(ann.reference).waitFor();
    await screenshot(page, 'search-reference-opens-case');
  });
});
