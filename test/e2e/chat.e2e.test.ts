// Chat on a case (issue 20, item 6) in two browsers: the customer writes on the status page, the agent sees
// it arrive in the worker console and answers, and the answer appears on the customer's page without a
// reload; both in the case's history.
import { describe, expect, it } from 'vitest';
import { speakRunLanguage } from './language.ts';
import { api, screenshot, tr, useServerAndBrowser } from './harness.ts';

describe('chat between a customer and an agent', () => {
  const e2e = useServerAndBrowser();

  it('carries messages both ways live, into the history', async () => {
    const { server, session, page } = e2e();
    const sent = await fetch(`${server.url}/api/public/default/forms/complaint`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: { name: 'Lotte Bos', email: 'lotte@example.org' }, description: 'My refund has not arrived.' }),
    });
    const { reference, statusPath } = (await sent.json()) as { reference: string; statusPath: string };
    const found = (await api(server, 'GET', `/api/cases?q=${reference}`)).body as { items: { id: string }[] };
    const id = (found.items[0] as { id: string }).id;

    // the customer writes on the status page
    await page.goto(`${server.url}${statusPath}`);
    const customerChat = page.getByRole('region', { name: 'Chat with us' });
    await customerChat.getByLabel('Message').fill('Hello, is my refund coming?');
    await customerChat.getByRole('button', { name: 'Send message' }).click();
    const customerLines = customerChat.getByRole('list', { name: 'Conversation' }).getByRole('listitem');
    await expect.poll(() => customerLines.count()).toBe(1);
    expect(await customerLines.first().textContent()).toContain('Hello, is my refund coming?');

    // the agent sees it in the worker console and answers
    const agent = await session.context.newPage();
    speakRunLanguage(agent);
    agent.on('console', (m) => {
      if (m.type() === 'error') session.errors.push(`agent console: ${m.text()}`);
    });
    await agent.goto(`${server.url}/work/cases/${id}?token=${encodeURIComponent(server.token)}`);
    const agentChat = agent.getByRole('region', { name: 'Chat with the customer' });
    await agentChat.getByRole('button', { name: 'Show the conversation' }).click();
    const agentLines = agentChat.getByRole('list', { name: 'Conversation' }).getByRole('listitem');
    await expect.poll(() => agentLines.count()).toBe(1);
    expect(await agentLines.first().textContent()).toContain(tr('The customer'));
    await agentChat.getByLabel('Message').fill('Yes: it leaves our bank tomorrow.');
    await agentChat.getByRole('button', { name: 'Send message' }).click();
    await expect.poll(() => agentLines.count()).toBe(2);
    await screenshot(agent, 'chat-console');

    // the answer reaches the customer's page without a reload
    await expect.poll(() => customerLines.count(), { timeout: 10_000 }).toBe(2);
    expect(await customerLines.nth(1).textContent()).toContain('Yes: it leaves our bank tomorrow.');
    expect(await customerLines.nth(1).textContent()).toContain(tr('Customer service'));
    await screenshot(page, 'chat-status-page');

    // the console's history tells both messages in words, with their text
    await agent.reload();
    const timeline = agent.getByRole('list', { name: 'History' });
    await timeline.waitFor();
    const told = await timeline.getByRole('listitem').allTextContents();
    expect(told.some((entry) => entry.includes(tr('Message from the customer')) && entry.includes('Hello, is my refund coming?'))).toBe(true);
    expect(told.some((entry) => entry.includes(tr('Message to the customer')) && entry.includes('Yes: it leaves our bank tomorrow.'))).toBe(true);
    const history = (await api(server, 'GET', `/api/cases/${id}/history`)).body as { items: { event: { type: string } }[] };
    expect(history.items.map((e) => e.event.type).filter((t) => t.startsWith('chat.'))).toEqual(['chat.customer', 'chat.agent']);
    await agent.close();
    expect(session.errors).toEqual([]);
  });
});
