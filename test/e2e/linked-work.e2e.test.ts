// Linked work in Chromium against `dossier serve` (docs/linked-work.md): an agent links an existing
// incident-impact case as a child of a major incident from the console (by its reference), the
// incident's "Service restored" is sent from the console, and the server's outbox delivers it to the
// child (sendToChildren), which moves on to confirming the restore with its customer.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { screenshot, tr, useServerAndBrowser, type BrowserSession, type Server } from './harness.ts';
import { translateLocators } from './language.ts';

/** A locator for the case type's own words (an event title, a state title): never translated. */
function content<T>(make: () => T): T {
  translateLocators(false);
  try {
    return make();
  } finally {
    translateLocators(true);
  }
}

async function as(server: Server, token: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function visible(s: BrowserSession, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\npage: ${s.page.url()}\n${await s.page.locator('body').textContent()}\nerrors: ${s.errors.join('\n')}`, { cause: e });
  }
}

describe('linked work in the console', () => {
  let agent = '';
  const e2e = useServerAndBrowser(async ({ server }) => {
    const r = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'iris', roles: ['agent', 'incident-manager', 'contact-agent'] }),
    });
    expect(r.status).toBe(201);
    agent = ((await r.json()) as { token: string }).token;
  });

  it('links an existing case as a child, and "Service restored" on the parent moves the child on', async () => {
    const { server, page, session } = e2e();
    const major = await as(server, agent, 'POST', '/api/cases', {
      caseType: 'major-incident',
      data: { incidentRef: 'INC-30001', title: 'Mobile outage Rotterdam', service: 'mobile', severity: 'sev2', impactDescription: 'No mobile data in Rotterdam.' },
    });
    expect(major.status).toBe(201);
    const majorId = major.body.id as string;
    // the cause and the fix known (the rule "Fix and restore time recorded" holds): the restore can be sent
    const cause = await as(server, agent, 'POST', `/api/cases/${majorId}/events`, {
      type: 'CAUSE_IDENTIFIED',
      data: { diagnosis: { rootCause: 'A failed antenna controller.' }, mitigation: { workaround: 'Use wifi.', fix: 'Controller replaced.', restoredAt: '2026-01-05T11:00:00Z' } },
    });
    expect(cause.status).toBe(200);
    // an impact case opened on its own (a customer who called before the incident was known)
    const impact = await as(server, agent, 'POST', '/api/cases', {
      caseType: 'incident-impact',
      data: { incidentRef: 'INC-30001', service: 'mobile', customer: { name: 'Noor Bakker', phone: '+31 6 1234 5678' } },
    });
    expect(impact.status).toBe(201);
    const impactId = impact.body.id as string;
    const reference = impact.body.reference as string;
    const informed = await as(server, agent, 'POST', `/api/cases/${impactId}/events`, { type: 'CUSTOMER_INFORMED', data: { informedVia: 'phone' } });
    expect(informed.status).toBe(200);

    await page.goto(`${server.url}/work/cases/${encodeURIComponent(majorId)}?token=${agent}`);
    await visible(session, page.getByRole('heading', { name: 'Link a case as a child' }));
    // a reference that is no case: the server's refusal, said next to the form
    await page.getByLabel('Reference of the case to link').fill('INC-999999');
    await page.getByRole('button', { name: 'Link as a child' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is no case with reference' }).waitFor();
    await page.getByLabel('Reference of the case to link').fill(reference);
    await page.getByRole('button', { name: 'Link as a child' }).click();
    const children = page.getByRole('list', { name: 'Child cases' });
    await children.getByRole('link', { name: reference }).waitFor();
    await expect.poll(async () => (await as(server, agent, 'GET', `/api/cases/${impactId}`)).body.parentId).toBe(majorId);
    // recorded in the parent's history
    await expect.poll(() => page.getByRole('list', { name: 'History' }).textContent()).toContain(tr('Child case linked'));
    await screenshot(page, 'linked-work-linked');

    // "Service restored" from the console: its payload form, then send
    await content(() => page.getByRole('button', { name: 'Service restored' })).click();
    const payload = content(() => page.getByRole('form', { name: tr('Service restored: what to send') }));
    await content(() => payload.getByRole('button', { name: tr('Send: Service restored') })).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Resolved');

    // the outbox tells the child: it moves on to checking with its customer
    await children.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: /^Incident impact on a customer/ }).waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('case-state').textContent();
      })
      .toBe('Confirm the service works');
    const history = page.getByRole('list', { name: 'History' });
    await expect.poll(() => history.textContent()).toContain(tr('Linked to a parent case'));
    await expect.poll(() => history.textContent()).toContain(major.body.reference as string);
    await screenshot(page, 'linked-work-child-restored');
    // the one refusal asked for above (the unknown reference) is the only failed request
    expect(session.errors).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
  });

  it('simulates the child case a major incident opens, and switches to it', async () => {
    const { server, page, session } = e2e();
    session.errors.length = 0;
    await page.goto(`${server.url}/case-types/major-incident?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByRole('button', { name: 'Start case' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('active.investigating');
    // register an affected customer: the playbook opens an incident-impact child (createCase)
    const report = panel.locator('[data-event="AFFECTED_CUSTOMER_REPORTED"]');
    await report.getByRole('button', { name: 'With data…' }).click();
    await content(() => report.getByLabel('Name')).fill('Noor Bakker');
    await content(() => report.getByLabel(/mail/i)).fill('noor@example.com');
    await panel.getByRole('button', { name: 'Send AFFECTED_CUSTOMER_REPORTED' }).click();
    const shown = panel.getByLabel('Case shown');
    await visible(session, shown);
    await shown.selectOption({ label: tr('Child case 1: Incident impact on a customer (informing)') });
    const child = panel.getByRole('region', { name: tr('Child case 1 of this case, Incident impact on a customer') });
    await expect.poll(() => child.getByTestId('sim-state').textContent()).toBe('informing');
    // the child's own events: restored, then confirmed; its end reaches the parent (child.closed)
    await child.getByRole('button', { name: 'Send SERVICE_RESTORED' }).click();
    await expect.poll(() => child.getByTestId('sim-state').textContent()).toBe('confirmingRestore');
    await child.getByRole('button', { name: 'Send RESTORE_CONFIRMED' }).click();
    await expect.poll(() => child.getByTestId('sim-state').textContent()).toBe('closed');
    await screenshot(page, 'linked-work-simulator-child');
    await child.getByRole('button', { name: 'Show this case again' }).click();
    await expect.poll(() => panel.textContent()).toContain("An affected customer's impact case closed.");
    expect(session.errors).toEqual([]);
  });
});
