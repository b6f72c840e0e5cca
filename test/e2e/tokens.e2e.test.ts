// Access tokens in the web app (issue 18): an admin issues a token with a lifetime and sees its secret once,
// sees it used, rotates it (the old secret refused at once with no grace), and revokes it; an agent is not
// offered the page.
import { describe, expect, it } from 'vitest';
import { api, screenshot, tr, useServerAndBrowser, type Server } from './harness.ts';

const me = (server: Server, secret: string) => fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${secret}` } }).then((r) => r.status);

describe('access tokens', () => {
  const e2e = useServerAndBrowser();

  it('issues, shows once, rotates and revokes a token; lists its use and expiry', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('link', { name: 'Access tokens' }).click();
    await page.getByRole('heading', { name: 'Access tokens', level: 1 }).waitFor();

    // issue: a service token for 30 days
    await page.getByLabel('Name', { exact: true }).fill('crm-sync');
    await page.getByLabel('Agent', { exact: true }).uncheck();
    await page.getByLabel('Service (another system)').check();
    await page.getByLabel('Expires').selectOption('P30D');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await page.getByRole('heading', { name: 'The secret of crm-sync' }).waitFor();
    const first = await page.getByLabel('Secret', { exact: true }).inputValue();
    expect(first).toMatch(/^dsr_/);
    expect(await me(server, first)).toBe(200);
    await screenshot(page, 'tokens-issued');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Secret', { exact: true }).count()).toBe(0);

    // the list: active, expiring in about 30 days, used
    await page.reload();
    const table = page.getByRole('table', { name: 'Tokens' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'crm-sync' }) });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(tr('Active'));
    expect(await row.getByRole('cell').nth(3).textContent()).not.toBe(tr('Not used yet'));
    const listed = await api(server, 'GET', '/api/tokens');
    const record = (listed.body as { items: { name: string; expiresAt: string | null; status: string }[] }).items.find((i) => i.name === 'crm-sync');
    expect(record?.status).toBe('active');
    const days = (Date.parse(record?.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    // rotate with no grace: a new secret works, the old one is refused at once
    await page.getByLabel('On rotation, the old secret keeps working').selectOption('PT0S');
    await row.getByRole('button', { name: 'Rotate crm-sync' }).click();
    await page.getByRole('heading', { name: 'The secret of crm-sync' }).waitFor();
    const second = await page.getByLabel('Secret', { exact: true }).inputValue();
    expect(second).not.toBe(first);
    await expect.poll(() => me(server, first), { timeout: 5_000 }).toBe(401);
    expect(await me(server, second)).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();

    // revoke, after a confirmation
    await table.getByRole('button', { name: 'Revoke crm-sync' }).first().click();
    await page.getByRole('button', { name: 'Revoke crm-sync now' }).click();
    await expect.poll(() => me(server, second), { timeout: 5_000 }).toBe(401);
    await expect.poll(() => table.getByRole('rowheader', { name: 'crm-sync' }).count()).toBe(0);
    await page.getByLabel('Show revoked and expired tokens').check();
    await expect.poll(() => table.getByRole('rowheader', { name: 'crm-sync' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'tokens-list');
    expect(s.errors).toEqual([]);
  });

  it('does not offer the page to an agent', async () => {
    const { server, page } = e2e();
    const issued = await api(server, 'POST', '/api/tokens', { name: 'ann', roles: ['agent', 'analyst'] });
    expect(issued.status).toBe(201);
    await page.goto(`${server.url}/?token=${encodeURIComponent((issued.body as { token: string }).token)}`);
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('link', { name: 'Access tokens' }).count()).toBe(0);
  });
});
