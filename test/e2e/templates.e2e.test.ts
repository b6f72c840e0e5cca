// Every shipped template opens in the designer with no problems and no console errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, screenshot, useServerAndBrowser } from './harness.ts';

const templates = readdirSync(join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.case.json'))
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'templates', f), 'utf8')) as { key: string; title: string });

describe('templates in the designer', () => {
  const e2e = useServerAndBrowser();

  it('signs in from the printed URL and lists every template as a published case type', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    for (const t of templates) await page.getByRole('link', { name: t.title }).waitFor();
    await screenshot(page, 'case-types-list');
    expect(s.errors).toEqual([]);
  });

  for (const t of templates) {
    it(`opens ${t.key} with no problems and no console errors`, async () => {
      const { server, session: s, page } = e2e();
      s.errors.length = 0;
      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: t.title }).click();
      await page.getByRole('heading', { name: /^Problems/ }).waitFor();
      await expect.poll(() => page.getByRole('heading', { name: /^Problems/ }).textContent()).toBe('Problems (0 errors, 0 warnings)');
      await page.getByText('No problems.').waitFor();
      await page.getByRole('tab', { name: 'Playbook' }).click();
      await page.getByRole('region', { name: 'Playbook canvas' }).locator('.react-flow__node').first().waitFor();
      if (t.key === templates[0]?.key) {
        await page.waitForTimeout(300); // the elk layout and fit settle
        await screenshot(page, `template-${t.key}-playbook`);
      }
      await page.getByRole('tab', { name: 'Rules' }).click();
      await page.getByRole('tab', { name: 'Fields and form' }).click();
      await page.getByRole('heading', { name: 'Form preview' }).waitFor();
      if (t.key === templates[0]?.key) await screenshot(page, `template-${t.key}-fields`);
      expect(s.errors).toEqual([]);
    });
  }
});
