// Task due dates, overdue escalation and agent notes in the worker console (issue 21, items 3 and 7), in
// Chromium against `dossier serve`: three call-backs due in three seconds, six hours and three days; the
// first passes its due time and the server's scheduler escalates it (urgent, to the supervisors); the inbox
// shows each due time in words and the escalation, sorts by due time; the case shows the escalation in its
// header and history; an agent adds a note and reads it in the history.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, RUN_LANGUAGE, screenshot, technicalTerms, technicalText, tr, useServerAndBrowser, type Server } from './harness.ts';

function callbackType(key: string, title: string, taskTitle: string, due: string, escalate: boolean) {
  return {
    key,
    title,
    data: { type: 'object', properties: { phone: { type: 'string', title: 'Phone number' } } },
    roles: { agent: { title: 'Agent' } },
    queues: { front: { title: 'Front office', role: 'agent' }, supervisors: { title: 'Supervisors desk', role: 'agent' } },
    events: { CALLED: { title: 'Customer reached' } },
    playbook: {
      initial: 'calling',
      states: {
        calling: {
          title: 'Calling',
          task: {
            title: taskTitle,
            queue: 'front',
            due,
            ...(escalate
              ? { onOverdue: [{ type: 'priority', value: 'urgent' }, { type: 'assign', queue: 'supervisors' }, { type: 'note', text: 'Moved to the supervisors desk' }] }
              : {}),
          },
          on: { CALLED: 'reached' },
        },
        reached: { title: 'Reached', type: 'final' },
      },
    },
  };
}

async function as(server: Server, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

const terms = technicalTerms();
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await technicalText(page, terms), `technical words an agent would read on '${name}'`).toEqual([]);
}

const DUE = RUN_LANGUAGE === 'nl' ? /^Uiterlijk \S+ \d+ \S+ \d\d:\d\d/ : /^Due \S+ \d+ \S+ \d\d:\d\d/;
const OVERDUE = RUN_LANGUAGE === 'nl' ? /over tijd/ : /^Overdue by \d/;

describe('task due dates, overdue escalation and notes in the console', () => {
  let ann = '';
  const ids: Record<'later' | 'today' | 'now', string> = { later: '', today: '', now: '' };

  const e2e = useServerAndBrowser(async ({ server }) => {
    const types = [
      callbackType('callback-later', 'Call back later', 'Call the customer back', 'P3D', false),
      callbackType('callback-today', 'Call back today', 'Call the customer today', 'PT6H', false),
      callbackType('callback-now', 'Call back now', 'Call the customer now', 'PT3S', true),
    ];
    for (const type of types) {
      expect((await api(server, 'PUT', `/api/case-types/${type.key}/draft`, type)).status).toBe(200);
      expect((await api(server, 'POST', `/api/case-types/${type.key}/publish`)).status).toBe(201);
    }
    const made = await api(server, 'POST', '/api/tokens', { name: 'ann', roles: ['agent'] });
    ann = (made.body as { token: string }).token;
    for (const [which, key] of [['later', 'callback-later'], ['today', 'callback-today'], ['now', 'callback-now']] as const) {
      const created = await as(server, ann, 'POST', '/api/cases', { caseType: key, data: { phone: '+31 20 555 0101' } });
      expect(created.status).toBe(201);
      ids[which] = created.body.id as string;
    }
  });

  it('escalates the call-back that passed its due time, through the server scheduler', async () => {
    const { server } = e2e();
    // the scheduler fires the task's overdue timer about three seconds after it opened
    await expect
      .poll(async () => ((await as(server, ann, 'GET', `/api/tasks?caseId=${ids.now}`)).body.items as { escalatedAt?: string }[])[0]?.escalatedAt, { timeout: 30_000, interval: 500 })
      .toMatch(/^\d{4}-/);
    const kase = (await as(server, ann, 'GET', `/api/cases/${ids.now}`)).body;
    expect([kase.priority, kase.queue]).toEqual(['urgent', 'supervisors']);
  });

  it('shows due times in words and the escalation in the inbox, and sorts by due time on the server', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?token=${ann}`);
    await page.getByRole('tab', { name: "My queues' unclaimed tasks" }).click();
    const row = (which: keyof typeof ids) => page.locator(`tr[data-case="${ids[which]}"]`);
    await row('later').waitFor();
    await expect.poll(() => row('later').locator('.due-cell').textContent()).toMatch(DUE);
    await expect.poll(() => row('today').locator('.due-cell').textContent()).toMatch(DUE);
    await expect.poll(() => row('now').locator('.due-cell time').textContent()).toMatch(OVERDUE);
    await row('now').getByText(tr('Escalated'), { exact: true }).waitFor();
    expect(await row('later').getByText(tr('Escalated'), { exact: true }).count()).toBe(0);
    await row('now').getByRole('cell', { name: 'Supervisors desk' }).waitFor();

    const order = () => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case') ?? ''));
    await page.getByLabel('Sort by').selectOption('age');
    await expect.poll(order).toEqual([ids.later, ids.today, ids.now]);
    await page.getByLabel('Sort by').selectOption('due');
    await expect.poll(order).toEqual([ids.now, ids.today, ids.later]);
    await shot(page, 'task-due-inbox');
  });

  it('shows the escalation in the case and takes a note into the history', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/cases/${ids.now}`);
    const header = page.getByTestId('case-due');
    await header.getByText(tr('Escalated'), { exact: true }).waitFor();
    await expect.poll(() => header.locator('time').textContent()).toMatch(OVERDUE);
    const history = page.getByRole('list', { name: tr('History') });
    const escalation = history.getByRole('listitem').filter({ hasText: tr('Task Call the customer now is overdue') });
    await escalation.waitFor();
    await escalation.getByText(tr('Priority set to urgent')).waitFor();
    await escalation.getByText(tr('Moved to the queue Supervisors desk')).waitFor();
    await escalation.getByText('Moved to the supervisors desk', { exact: true }).waitFor();

    const text = 'Customer asked for a call after five; the daytime number is unreachable.';
    await page.getByLabel('Add a note').fill(text);
    await page.getByRole('button', { name: 'Save the note' }).click();
    await page.getByRole('status').filter({ hasText: tr('The note is in the history.') }).waitFor();
    const note = history.getByRole('listitem').filter({ hasText: text });
    await note.waitFor();
    await note.getByText(RUN_LANGUAGE === 'nl' ? 'door ann' : 'by ann').waitFor();
    expect(await page.getByLabel('Add a note').inputValue()).toBe('');
    // an empty note is refused before it is sent
    await page.getByRole('button', { name: 'Save the note' }).click();
    await page.getByRole('alert').filter({ hasText: tr('Write the note first.') }).waitFor();
    await shot(page, 'task-due-case');

    // the note is in the history through the API too, with its author
    const entries = (await as(server, ann, 'GET', `/api/cases/${ids.now}/history`)).body.items as { actor: string; event: { type: string; data?: { text?: string } } }[];
    expect(entries.filter((e) => e.event.type === 'note.added').map((e) => [e.actor, e.event.data?.text])).toEqual([['ann', text]]);
  });

  it('edits a task\'s due time and its When overdue actions in the designer', async () => {
    const { server, page, session } = e2e();
    await page.goto(`${server.url}/case-types/callback-later?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByRole('group', { name: new RegExp(`^${tr('State Calling').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await page.getByRole('heading', { name: 'State Calling' }).waitFor();
    await page.getByLabel('Task due (ISO duration, e.g. P2D)').fill('PT8H');
    const overdue = page.getByRole('group', { name: 'When overdue' });
    // canvas.actions.addTo with the list's title in lower case (a value tr() cannot find as a text of its own)
    const addTo = overdue.getByLabel(RUN_LANGUAGE === 'nl' ? 'Toevoegen aan bij overschrijding' : 'Add to when overdue', { exact: true });
    await addTo.selectOption('priority');
    await addTo.selectOption('assign');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    const draft = (await api(server, 'GET', '/api/case-types/callback-later/draft')).body as { definition: { playbook: { states: { calling: { task: Record<string, unknown> } } } } };
    expect(draft.definition.playbook.states.calling.task).toMatchObject({ due: 'PT8H', onOverdue: [{ type: 'priority', value: 'high' }, { type: 'assign', queue: 'front' }] });
    expect(session.errors).toEqual([]);
  });
});
