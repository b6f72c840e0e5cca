// Lookups and channels in Chromium against `dossier serve`: a case type whose first state looks the customer
// up in a CRM stub on loopback (allowed by DOSSIER_WEBHOOK_ALLOW); one case is filled from the answer, the
// other's CRM knows no such customer and it goes down the failure branch; the console's history says both in
// words, the inbox filters by channel and the contact reasons report splits by channel.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, openBrowser, startServer, tr, type BrowserSession, type Server } from './harness.ts';

function claimType(crmUrl: string) {
  return {
    key: 'claim',
    title: 'Claim',
    data: {
      type: 'object',
      properties: {
        customerNumber: { type: 'string', title: 'Customer number' },
        customerName: { type: 'string', title: 'Customer name' },
        reason: { type: 'string', title: 'Reason', enum: ['billing', 'delivery'] },
      },
    },
    events: { CLOSE: { title: 'Close' } },
    playbook: {
      initial: 'fetching',
      states: {
        fetching: {
          title: 'Fetching the customer',
          entry: [{ type: 'lookup', name: 'crm', title: 'Customer from the CRM', url: crmUrl, query: { number: '/customerNumber' }, map: { '/customerName': '/name' } }],
          on: { 'lookup.crm.done': 'review', 'lookup.crm.failed': 'manual' },
        },
        review: { title: 'Review', on: { CLOSE: 'closed' } },
        manual: { title: 'Look the customer up by hand', on: { CLOSE: 'closed' } },
        closed: { title: 'Closed', type: 'final' },
      },
    },
  };
}

describe('lookups and channels in the console', () => {
  let server: Server;
  let session: BrowserSession;
  let crm: HttpServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // the CRM knows customer C-1 only
    crm = createServer((req, res) => {
      const number = new URL(req.url ?? '/', 'http://crm').searchParams.get('number');
      res.setHeader('content-type', 'application/json');
      if (number === 'C-1') res.end(JSON.stringify({ name: 'Ada Lovelace' }));
      else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: 'unknown customer' }));
      }
    });
    await new Promise<void>((done) => crm.listen(0, '127.0.0.1', done));
    server = await startServer({ env: { DOSSIER_WEBHOOK_ALLOW: '127.0.0.1' } });
    session = await openBrowser();
    const crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/customers`;
    expect((await api(server, 'PUT', '/api/case-types/claim/draft', claimType(crmUrl))).status).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/claim/publish')).status).toBe(201);
    for (const [name, number, channel, reason] of [['known', 'C-1', 'phone', 'billing'], ['unknown', 'C-2', 'letter', 'billing']] as const) {
      const created = await api(server, 'POST', '/api/cases', { caseType: 'claim', channel, data: { customerNumber: number, reason } });
      expect(created.status).toBe(201);
      ids[name] = (created.body as { id: string }).id;
    }
    // the outbox calls the CRM after the commit: wait for both results
    for (const id of Object.values(ids)) {
      for (let i = 0; ; i++) {
        const state = ((await api(server, 'GET', `/api/cases/${id}`)).body as { state: string }).state;
        if (state !== 'fetching') break;
        if (i > 100) throw new Error(`case ${id} is still fetching`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
    await new Promise<void>((done) => (crm ? crm.close(() => done()) : done()));
  });

  it('fills the case from the CRM, and shows a failed lookup with its reason in the history', async () => {
    const { page } = session;
    await page.goto(`${server.url}/work/cases/${ids.known}?token=${server.token}`);
    const history = page.getByRole('list', { name: tr('History') });
    await history.getByText(`${tr('Looked up:')} Customer from the CRM`).waitFor();
    expect(((await api(server, 'GET', `/api/cases/${ids.known}`)).body as { data: unknown }).data).toEqual({ customerNumber: 'C-1', customerName: 'Ada Lovelace', reason: 'billing' });
    await page.goto(`${server.url}/work/cases/${ids.unknown}`);
    await history.getByText(`${tr('Look-up failed:')} Customer from the CRM`).waitFor();
    await history.getByText(/answered HTTP 404/).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('filters the inbox by channel and splits the contact reasons by channel', async () => {
    const { page } = session;
    await page.goto(`${server.url}/work`);
    await page.getByRole('tab', { name: tr('All open cases') }).click();
    await page.getByLabel(tr('Channel'), { exact: true }).selectOption({ label: tr('letter') });
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(async () => rows.count()).toBe(2); // the header and the letter
    await page.getByRole('link', { name: tr('Reports') }).click();
    await page.getByRole('heading', { name: tr('Contact reasons') }).waitFor();
    await page.getByLabel(tr('Case type')).selectOption({ label: 'Claim' });
    const reasons = page.getByRole('table', { name: /billing|Reason/ }).first();
    await reasons.getByRole('row', { name: /billing/ }).waitFor();
    const text = await reasons.getByRole('row', { name: /billing/ }).textContent();
    expect(text).toContain(tr('letter'));
    expect(text).toContain(tr('phone'));
    expect(session.errors).toEqual([]);
  });
});
