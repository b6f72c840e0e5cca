// Signing in with a typed token, importing a .case.json file, the draft status in the list, exporting,
// and the unsaved-changes guard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, screenshot, tr, useServerAndBrowser } from './harness.ts';

const LEAVE = tr('You have unsaved changes. Leave without saving them?');

/** Does `leave` with the next dialog answered "stay" (dismissed); resolves with the dialog's question. */
async function stayingOn(page: Page, leave: () => Promise<unknown>): Promise<string> {
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.message());
      void d.dismiss();
    }),
  );
  await leave();
  return asked;
}

describe('case types list', () => {
  const e2e = useServerAndBrowser();

  it('refuses a wrong token with a readable message, then signs in with the right one', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: tr('This token was not accepted. Check that you copied all of it.') }).waitFor();
    await screenshot(page, 'sign-in');
    s.errors.length = 0; // the refused request logs a 401 in the console: that one is expected here
    await page.getByLabel('Access token').fill(server.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
  });

  it('imports a file as a draft, shows it in the list, exports it, and guards unsaved changes', async () => {
    const { session: s, page } = e2e();
    const key = `imported-${Date.now().toString(36)}`;
    const template = JSON.parse(readFileSync(join(ROOT, 'templates', 'complaint.case.json'), 'utf8')) as Record<string, unknown>;
    const file = { name: `${key}.case.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...template, key, title: 'Imported complaint' })) };
    await page.getByLabel('Import a .case.json file').setInputFiles(file);
    await page.getByRole('heading', { name: /^Imported complaint/ }).waitFor();
    await page.getByText('No problems.').waitFor();

    // an edit makes the draft unsaved; leaving asks first (and staying keeps the edit)
    await page.getByRole('button', { name: /Subject \/subject/ }).click();
    await page.getByLabel('Label', { exact: true }).fill('Subject line');
    await page.getByText('Unsaved changes').waitFor();
    expect(await stayingOn(page, () => page.getByRole('link', { name: '← Case types' }).click())).toBe(LEAVE);
    await page.getByRole('heading', { name: /^Imported complaint/ }).waitFor();
    // the browser's Back button asks too; staying puts the address back and keeps the edit
    const editorPath = new URL(page.url()).pathname;
    expect(await stayingOn(page, () => page.goBack())).toBe(LEAVE);
    await expect.poll(() => new URL(page.url()).pathname).toBe(editorPath);
    await page.getByText('Unsaved changes').waitFor();
    expect(await page.getByLabel('Label', { exact: true }).inputValue()).toBe('Subject line');
    await page.keyboard.press('Control+S');
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('link', { name: '← Case types' }).click();
    // with nothing unsaved, Back and Forward just move (a dialog here would be dismissed and stop them)
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: /^Imported complaint/ }).waitFor();
    // the Forward button asks as well when there are unsaved changes; staying keeps the page and the edit
    await page.getByRole('button', { name: /Subject line \/subject/ }).click();
    await page.getByLabel('Label', { exact: true }).fill('Subject of the complaint');
    await page.getByText('Unsaved changes').waitFor();
    expect(await stayingOn(page, () => page.goForward())).toBe(LEAVE);
    await expect.poll(() => new URL(page.url()).pathname).toBe(editorPath);
    expect(await page.getByLabel('Label', { exact: true }).inputValue()).toBe('Subject of the complaint');
    await page.keyboard.press('Control+S');
    await page.getByText('All changes saved').waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Case types' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: key });
    await row.getByText('draft, ready to publish').waitFor();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe(tr('not yet'));
    await screenshot(page, 'case-types-after-import');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Export Imported complaint' }).click()]);
    expect(download.suggestedFilename()).toBe(`${key}.case.json`);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { key: string; data: { properties: { subject: { title: string } } } };
    expect([exported.key, exported.data.properties.subject.title]).toEqual([key, 'Subject of the complaint']);
    expect(s.errors).toEqual([]);
  });
});
