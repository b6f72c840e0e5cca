// Push routing in Chromium (issue 21, docs/routing.md), on the real `dossier serve` with its routing loop:
// an admin adds two agents with different skills on the Agents page; a task of the billing queue (needs
// billing) is offered to Ann only and one of the legal queue (needs legal) to Bob only; Bob accepts his;
// Ann's offer, left unanswered past the queue's short offerTimeout, moves on to Cat; a supervisor
// reassigns the task in the case view, whose "Who held the tasks" tells who held it when.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, screenshot, tr, useServerAndBrowser, type Server } from './harness.ts';
import { routingCaseType } from '../routing-case-type.ts';

type CaseBody = { id: string; reference: string };

async function token(server: Server, name: string, roles: string[]): Promise<string> {
  const issued = await api(server, 'POST', '/api/tokens', { name, roles });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return (issued.body as { token: string }).token;
}

async function signInAs(page: Page, server: Server, secret: string, path = '/work'): Promise<void> {
  await page.goto(`${server.url}${path}?token=${encodeURIComponent(secret)}`);
}

/** Waits (polling the API, no timing asserted) until the task-holder log of a case has an entry `kind` for `agent`. */
async function logHas(server: Server, caseId: string, kind: string, agent: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const log = await api(server, 'GET', `/api/cases/${caseId}/task-log`);
    if ((log.body as { items: { kind: string; agent: string }[] }).items.some((e) => e.kind === kind && e.agent === agent)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the task-holder log of ${caseId} never had '${kind}' for ${agent}: ${JSON.stringify((await api(server, 'GET', `/api/cases/${caseId}/task-log`)).body)}`);
}

describe('push routing in the worker console', () => {
  const tokens: Record<string, string> = {};
  let billing: CaseBody;
  let legal: CaseBody;

  const e2e = useServerAndBrowser(async ({ server }) => {
    // billing offers wait 3 seconds for an answer, legal ones an hour
    const draft = await api(server, 'PUT', '/api/case-types/request/draft', routingCaseType({ offerTimeout: 'PT3S', legalTimeout: 'PT1H' }));
    expect((draft.body as { valid: boolean }).valid, JSON.stringify(draft.body)).toBe(true);
    expect((await api(server, 'POST', '/api/case-types/request/publish')).status).toBe(201);
    tokens.ann = await token(server, 'ann', ['agent']);
    tokens.bob = await token(server, 'bob', ['agent']);
    tokens.cat = await token(server, 'cat', ['agent']);
    tokens.sue = await token(server, 'sue', ['agent', 'supervisor']);
  });

  it('an admin adds agents with skills, levels, capacity and queues on the Agents page', async () => {
    const { page, server } = e2e();
    await signInAs(page, server, server.token);
    await page.getByRole('navigation', { name: 'Worker console' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.getByText('No agents yet.').waitFor();
    // Ann: billing at level 3, serves Billing
    await page.getByLabel("Agent's name").fill('ann');
    await page.getByLabel('Level of billing').fill('3');
    await page.getByLabel('Tasks at once').fill('5');
    await page.getByLabel('Serves Billing').check();
    // one-word option labels are translated by tr() (harness: they are likelier a case type's own words)
    await page.getByLabel('Availability', { exact: true }).selectOption({ label: tr('Available') });
    await page.getByRole('button', { name: 'Save agent' }).click();
    await page.getByText('ann saved.').waitFor();
    // Bob: legal at level 2, serves Legal
    await page.getByLabel("Agent's name").fill('bob');
    await page.getByLabel('Level of legal').fill('2');
    await page.getByLabel('Serves Legal').check();
    await page.getByRole('button', { name: 'Save agent' }).click();
    await page.getByText('bob saved.').waitFor();
    const table = page.getByRole('table', { name: 'Agents' });
    await expect.poll(async () => (await table.getByRole('row').allInnerTexts()).slice(1).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      `ann billing 3 5 Billing ${tr('Available')} ${tr('Edit')}`,
      `bob legal 2 3 Legal ${tr('Available')} ${tr('Edit')}`,
    ]);
    // a negative capacity is refused in words
    await page.getByLabel("Agent's name").fill('zed');
    await page.getByLabel('Tasks at once').fill('-2');
    await page.getByRole('button', { name: 'Save agent' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('cannot be negative');
    await screenshot(page, 'routing-agents');
  });

  it("offers a billing task to Ann only and a legal task to Bob only; Bob accepts his", async () => {
    const { page, server } = e2e();
    billing = (await api(server, 'POST', '/api/cases', { caseType: 'request', data: { subject: 'Charged twice' } })).body as CaseBody;
    legal = (await api(server, 'POST', '/api/cases', { caseType: 'request', data: { subject: 'Contract question' } })).body as CaseBody;
    expect((await api(server, 'POST', `/api/cases/${legal.id}/events`, { type: 'MOVE' })).status).toBe(200);
    await logHas(server, billing.id, 'offered', 'ann');
    await logHas(server, legal.id, 'offered', 'bob');

    await signInAs(page, server, tokens.bob as string);
    const offers = page.getByRole('list', { name: 'Offered to you' });
    const legalOffer = offers.getByRole('listitem').filter({ hasText: legal.reference });
    await legalOffer.waitFor();
    expect(await offers.getByRole('listitem').filter({ hasText: billing.reference }).count()).toBe(0);
    await legalOffer.getByRole('button', { name: 'Accept' }).click();
    await legalOffer.waitFor({ state: 'detached' });
    await logHas(server, legal.id, 'accepted', 'bob');
    const task = ((await api(server, 'GET', `/api/cases/${legal.id}`)).body as { tasks: { assignee: string }[] }).tasks[0];
    expect(task?.assignee).toBe('bob');

    await signInAs(page, server, tokens.ann as string);
    await page.getByRole('list', { name: 'Offered to you' }).getByRole('listitem').filter({ hasText: billing.reference }).waitFor();
    expect(await page.getByRole('list', { name: 'Offered to you' }).getByRole('listitem').filter({ hasText: legal.reference }).count()).toBe(0);
    await screenshot(page, 'routing-offered');
  });

  it("moves Ann's unanswered offer on to the next agent with the skill", async () => {
    const { server } = e2e();
    // Cat has billing too; Ann does not answer within the queue's 3 seconds
    const cat = await api(server, 'PUT', '/api/agents/cat', { skills: { billing: 2 }, capacity: { total: 2 }, availability: 'available', queues: ['billing'] });
    expect(cat.status).toBe(200);
    await logHas(server, billing.id, 'expired', 'ann');
    await logHas(server, billing.id, 'offered', 'cat');
    // Ann sets herself away: she is offered nothing more
    const { page } = e2e();
    await page.getByLabel('My availability').selectOption({ label: tr('Away') });
    await page.getByText('You get no offers while you are not available.').waitFor();
    expect(((await api(server, 'GET', '/api/agents/ann')).body as { availability: string }).availability).toBe('away');
  });

  it('a supervisor reassigns the task; the case view tells who held it when', async () => {
    const { page, server } = e2e();
    await signInAs(page, server, tokens.sue as string, `/work/cases/${billing.id}`);
    await page.getByLabel('Reassign Handle the bill to').fill('bob');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByText('claimed by bob').waitFor();
    const holders = page.getByRole('list', { name: 'Who held the tasks' });
    await holders.getByText('Reassigned to bob by sue').waitFor();
    const lines = await holders.getByRole('listitem').allInnerTexts();
    expect(lines.some((l) => l.includes(tr('Offered to ann')))).toBe(true);
    expect(lines.some((l) => l.includes(tr('The offer to ann expired')))).toBe(true);
    expect(lines.some((l) => l.includes(tr('Offered to cat')))).toBe(true);
    expect(((await api(server, 'GET', `/api/cases/${billing.id}`)).body as { tasks: { assignee: string }[] }).tasks[0]?.assignee).toBe('bob');
    await screenshot(page, 'routing-reassigned');
  });
});
