// Interaction scripts (issue 21, docs/scripts.md): an analyst adds a step to the payment-arrangement call
// script in the designer, by labels only; in the worker console the script leads an agent through the call —
// the answers fill the case's fields, a rule's branch skips the proof-of-income step, and the answers go
// with the action the script ends in; another call takes the agent's "disputes the debt" branch to a
// question for the customer.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, screenshot, tr, useServerAndBrowser, type Server } from './harness.ts';
import { translateLocators } from './language.ts';
import { pdfBytes } from '../runtime/documents/fixtures.ts';

/** A locator for the case type's own words (its field labels, the script's texts): not a UI text, never translated. */
function content<T>(make: () => T): T {
  translateLocators(false);
  try {
    return make();
  } finally {
    translateLocators(true);
  }
}
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CaseAnswer {
  id: string;
  state: unknown;
  data: Record<string, unknown>;
}

async function call(server: Server, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** A payment-arrangement request by phone, past the account check (the CRM is out of reach here: checked by hand), in Intake. */
async function requestInIntake(server: Server, agent: string, name: string, proof: boolean): Promise<string> {
  const created = await call(server, agent, 'POST', '/api/cases', {
    caseType: 'payment-arrangement',
    channel: 'phone',
    data: { customer: { name, email: 'customer@example.com' }, channel: 'phone', request: 'I would like to pay my debt in instalments.' },
  });
  expect(created.status).toBe(201);
  const id = (created.body as CaseAnswer).id;
  // the CRM look-up fails (no network to crm.example.com): the case waits for a hand check
  await expect.poll(async () => ((await call(server, agent, 'GET', `/api/cases/${id}`)).body as CaseAnswer).state, { timeout: 30_000 }).toBe('manualCheck');
  const checked = await call(server, agent, 'POST', `/api/cases/${id}/events`, { type: 'BALANCE_CHECKED', data: { account: { outstandingAmount: 1450, arrearsStatus: 'in-arrears' } } });
  expect(checked.status).toBe(200);
  if (proof) {
    const form = new FormData();
    form.append('field', '/incomeProof');
    form.append('file', new Blob([pdfBytes], { type: 'application/pdf' }), 'payslip.pdf');
    const up = await fetch(`${server.url}/api/cases/${id}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${agent}` }, body: form });
    expect(up.status).toBe(201);
  }
  return id;
}

const region = (page: Page) => page.getByRole('region', { name: 'Script' });
const stepGroup = (page: Page, n: number) => region(page).getByRole('group', { name: tr(`Step ${n} of 9`) });

describe('interaction scripts', () => {
  let agent = '';
  const e2e = useServerAndBrowser(async ({ server }) => {
    const issued = await api(server, 'POST', '/api/tokens', { name: 'sam', roles: ['agent', 'collections-agent'] });
    expect(issued.status).toBe(201);
    agent = (issued.body as { token: string }).token;
  });

  it('an analyst adds a step to the call script by labels, and the lint follows', async () => {
    const { server, page, session } = e2e();
    await page.goto(`${server.url}/case-types/payment-arrangement?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByRole('region', { name: 'Playbook canvas' }).waitFor();
    await content(() => page.getByRole('group', { name: new RegExp(`^${escapeRe(tr('State Intake'))}`) })).click();
    await page.getByRole('heading', { name: 'State Intake' }).waitFor();
    const script = page.getByRole('group', { name: 'Script', exact: true });
    expect(await script.getByLabel('Script title').inputValue()).toBe('Payment arrangement call');
    expect(await script.getByLabel('Step 3: what the agent says or does').inputValue()).toContain('outstanding amount');

    await script.getByRole('button', { name: 'Add a step' }).click();
    await script.getByLabel('Step 10: what the agent says or does').fill('Offer to send a summary of the call by e-mail.');
    await script.getByLabel('Step 10: the answer fills').selectOption({ label: 'Customer › E-mail' });
    await script.getByLabel('Step 10: question to ask').fill('Where shall we send the summary?');
    // nothing leads to the new step yet: the problems panel says so
    await content(() => page.getByText(/step10 can never be reached/)).first().waitFor();
    // the wrap-up step leads on to it instead of ending the script
    await script.getByLabel('Step 7: after Next').selectOption({ label: tr('Step 10: Offer to send a summary of the call by e-mail.') });
    await expect.poll(() => content(() => page.getByText(/step10 can never be reached/)).count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'scripts-designer');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(async () => {
        const draft = (await api(server, 'GET', '/api/case-types/payment-arrangement/draft')).body as { definition?: { playbook: { states: Record<string, { script?: { steps: unknown[] } }> } } };
        return draft.definition?.playbook.states.intake?.script?.steps.slice(6);
      }, { timeout: 15_000 })
      .toEqual([
        { id: 'wrapUp', say: expect.stringContaining('Sum up') as unknown, branches: [{ label: 'Send the request for assessment', event: 'REQUEST_CHECKED' }], next: 'step10' },
        expect.objectContaining({ id: 'dispute' }),
        expect.objectContaining({ id: 'notVerified' }),
        { id: 'step10', say: 'Offer to send a summary of the call by e-mail.', ask: { field: '/customer/email', question: 'Where shall we send the summary?' } },
      ]);
    expect(session.errors).toEqual([]);
  });

  it('leads the agent through the call: answers fill fields, a rule skips a step, and the answers go with the action', async () => {
    const { server, page, session } = e2e();
    const id = await requestInIntake(server, agent, 'Noor Visser', true);
    await page.goto(`${server.url}/work/cases/${id}?token=${agent}`);
    await content(() => region(page).getByText('Payment arrangement call')).waitFor();
    // step 1: what to say, nothing done yet
    await content(() => stepGroup(page, 1).getByText(/Good morning, you are speaking with the collections team/)).waitFor();
    await region(page).getByText('No steps done yet.').waitFor();
    await stepGroup(page, 1).getByRole('button', { name: 'Next' }).click();
    // step 2: the question with the field's own input
    await content(() => stepGroup(page, 2).getByRole('heading', { name: 'What is your customer number?' })).waitFor();
    await content(() => stepGroup(page, 2).getByLabel('Customer number', { exact: true })).fill('C-104233');
    await stepGroup(page, 2).getByRole('button', { name: 'Next' }).click();
    await content(() => stepGroup(page, 3).getByRole('spinbutton', { name: 'Amount owed as the customer sees it (EUR)', exact: true })).fill('1450');
    await stepGroup(page, 3).getByRole('button', { name: 'Next' }).click();
    await content(() => stepGroup(page, 4).getByRole('spinbutton', { name: 'Proposed monthly amount (EUR)', exact: true })).fill('120');
    await stepGroup(page, 4).getByRole('button', { name: 'Next' }).click();
    await content(() => stepGroup(page, 5).getByRole('spinbutton', { name: 'Proposed number of instalments', exact: true })).fill('12');
    // proof of income is on file: Next skips asking for it
    await content(() => stepGroup(page, 5).getByText(tr('Next: Proof of income is already on file'))).waitFor();
    await stepGroup(page, 5).getByRole('button', { name: 'Next' }).click();
    const wrapUp = stepGroup(page, 7);
    await content(() => wrapUp.getByText(/Sum up the amounts you wrote down/)).waitFor();
    // the answers are in the working copy the stage form shows, not sent yet
    const unsent = page.locator('.unsent');
    for (const label of ['Customer › Customer number', "The customer's proposal"]) {
      await expect.poll(() => unsent.textContent(), { timeout: 15_000 }).toContain(label);
    }
    const done = region(page).getByRole('region', { name: 'Steps done' });
    await expect.poll(() => done.textContent(), { timeout: 15_000 }).toContain('Customer › Customer number: C-104233');
    await expect.poll(() => done.textContent(), { timeout: 15_000 }).toContain(tr('then: Proof of income is already on file'));
    await screenshot(page, 'scripts-console');

    // the script ends in the action: the answers are sent with it
    await content(() => wrapUp.getByRole('button', { name: 'Send the request for assessment' })).click();
    await expect.poll(() => page.getByTestId('case-state').textContent(), { timeout: 15_000 }).toBe('Assessment');
    const sent = (await call(server, agent, 'GET', `/api/cases/${id}`)).body as CaseAnswer;
    expect(sent.data.proposal).toEqual({ amountOwed: 1450, monthlyAmount: 120, instalments: 12 });
    expect((sent.data.customer as Record<string, unknown>).customerNumber).toBe('C-104233');
    // Assessment has no script: the panel is gone
    expect(await region(page).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('takes the "disputes the debt" branch to a question for the customer, sent with Ask the customer', async () => {
    const { server, page, session } = e2e();
    const id = await requestInIntake(server, agent, 'Daan de Boer', false);
    await page.goto(`${server.url}/work/cases/${id}?token=${agent}`);
    await stepGroup(page, 1).getByRole('button', { name: 'Next' }).click();
    await stepGroup(page, 2).getByRole('button', { name: 'Next' }).click();
    await content(() => stepGroup(page, 3).getByRole('button', { name: 'The customer disputes the debt' })).click();
    const dispute = stepGroup(page, 8);
    await content(() => dispute.getByText(/Do not argue about the amount/)).waitFor();
    const done = region(page).getByRole('region', { name: 'Steps done' });
    await expect.poll(() => done.textContent(), { timeout: 15_000 }).toContain(tr('then: The customer disputes the debt'));
    // Back returns to the step the branch left, and the branch again
    await region(page).getByRole('button', { name: 'Back' }).click();
    await content(() => stepGroup(page, 3).getByRole('button', { name: 'The customer disputes the debt' })).click();
    await content(() => stepGroup(page, 8).getByLabel('Question for the customer', { exact: true })).fill('Which invoices do you dispute? Please send us the letters you received.');
    await content(() => stepGroup(page, 8).getByRole('button', { name: 'Ask the customer for proof' })).click();
    await expect.poll(() => page.getByTestId('case-state').textContent(), { timeout: 15_000 }).toBe('Waiting for the customer');
    const sent = (await call(server, agent, 'GET', `/api/cases/${id}`)).body as CaseAnswer;
    expect(sent.data.questionForCustomer).toBe('Which invoices do you dispute? Please send us the letters you received.');
    expect(session.errors).toEqual([]);
  });
});
