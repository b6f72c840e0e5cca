// Documents in the case file, in the worker console (issue 20): an agent uploads a proof of purchase
// into the documents field of a warranty claim, sees it listed (and the checklist met), and removes it
// again after confirming; the history keeps both.
import { describe, expect, it } from 'vitest';
import { api, screenshot, technicalTerms, technicalText, useServerAndBrowser } from './harness.ts';
import { translateLocators } from './language.ts';
import { claimType, pdfBytes } from '../runtime/documents/fixtures.ts';

/** A locator for the case type's own words (its field labels): not a UI text, never translated. */
function content<T>(make: () => T): T {
  translateLocators(false);
  try {
    return make();
  } finally {
    translateLocators(true);
  }
}

describe('documents in the worker console', () => {
  let agent = '';
  let caseId = '';
  const e2e = useServerAndBrowser(async ({ server }) => {
    expect((await api(server, 'PUT', '/api/case-types/claim/draft', claimType)).status).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/claim/publish')).status).toBe(201);
    const issued = await api(server, 'POST', '/api/tokens', { name: 'dana', roles: ['agent'] });
    agent = (issued.body as { token: string }).token;
    const created = await fetch(`${server.url}/api/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${agent}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseType: 'claim', data: { customer: 'Ada Lovelace' } }),
    });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
  });

  it('uploads a proof of purchase into its field, lists it, and removes it after a confirmation', async () => {
    const { server, page, session } = e2e();
    await page.goto(`${server.url}/work/cases/${encodeURIComponent(caseId)}?token=${agent}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await page.getByText('No documents in the case file yet.').waitFor();
    const checklist = page.locator('.checklist');
    await expect.poll(() => checklist.textContent()).toContain('✗');

    await page.getByLabel('Add to').selectOption({ label: 'Proofs of purchase' });
    await page.getByLabel('Add a document').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    const list = page.getByRole('list', { name: 'Documents in the case file' });
    await list.getByText('receipt.pdf').waitFor();
    await expect.poll(() => list.textContent()).toContain('PDF');
    await expect.poll(() => list.textContent()).toContain(content(() => 'Proofs of purchase'));
    await page.getByText('receipt.pdf was added to the case file.').waitFor();
    // the case was read again: the checklist's rule is met, the form's documents field lists the file
    await expect.poll(() => checklist.textContent()).toContain('✓');
    await content(() => page.getByRole('list', { name: 'Proofs of purchase' })).getByText('receipt.pdf').waitFor();
    await screenshot(page, 'work-documents');
    expect(await technicalText(page, technicalTerms([claimType])), 'technical words on the documents section').toEqual([]);

    // stored as sent, and its kind read from its bytes
    const listed = await fetch(`${server.url}/api/cases/${caseId}/documents`, { headers: { Authorization: `Bearer ${agent}` } });
    const items = ((await listed.json()) as { items: { name: string; contentType: string; field: string; addedBy: string }[] }).items;
    expect(items.map((d) => [d.name, d.contentType, d.field, d.addedBy])).toEqual([['receipt.pdf', 'application/pdf', '/proofs', 'dana']]);

    await page.getByRole('button', { name: 'Remove receipt.pdf' }).click();
    await page.getByRole('group', { name: 'Confirm removing receipt.pdf' }).getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByText('receipt.pdf was removed from the case file.').waitFor();
    await page.getByText('No documents in the case file yet.').waitFor();
    await expect.poll(() => checklist.textContent()).toContain('✗');
    const history = await fetch(`${server.url}/api/cases/${caseId}/history`, { headers: { Authorization: `Bearer ${agent}` } });
    expect(((await history.json()) as { items: { event: { type: string } }[] }).items.map((e) => e.event.type)).toEqual(['case.created', 'document.added', 'document.removed']);
    expect(session.errors).toEqual([]);
  });
});
