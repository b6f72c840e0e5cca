// The Backtest view (issue 19, item 6): real cases of a published refund request, replayed on a draft that
// no longer allows escalation and whose decision deadline is tightened in the editor (unsaved): the figures,
// the SLA outcome that changes and the end states are the API's own answer, in words and titles; the
// diverging case opens in the simulator (as an admin), where the replay ends where the backtest says; an
// analyst sees the button disabled with why.
import { describe, expect, it } from 'vitest';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser, type Server } from './harness.ts';
import { flatResources } from './language.ts';
import { englishOn, readContent } from './english-scan.ts';

/** A text of the app's resources in the run's language, its placeholders filled. */
const words = flatResources(RUN_LANGUAGE);
const say = (key: string, values: Record<string, string> = {}): string => {
  const text = words.get(key);
  if (text === undefined) throw new Error(`no text ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
};

const key = `refund-${Date.now().toString(36)}`;

const definition = (deadline: string, escalate: boolean) => ({
  key,
  title: 'Refund request',
  data: { type: 'object', properties: { amount: { type: 'number', title: 'Amount' } } },
  events: { SUBMIT: { title: 'Submit the request' }, APPROVE: { title: 'Approve the refund' }, ESCALATE: { title: 'Escalate to finance' } },
  slas: { decision: { title: 'Decision', start: { event: ['case.created'] }, stop: { enter: ['decided'] }, deadline } },
  playbook: {
    initial: 'received',
    states: {
      received: { title: 'Received', on: { SUBMIT: 'review' } },
      review: { title: 'Under review', on: escalate ? { APPROVE: 'decided', ESCALATE: 'escalated' } : { APPROVE: 'decided' } },
      escalated: { title: 'With finance', on: { APPROVE: 'decided' } },
      decided: { title: 'Decided', type: 'final' },
    },
  },
});

async function send(server: Server, id: string, type: string): Promise<void> {
  const r = await api(server, 'POST', `/api/cases/${id}/events`, { type });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function newCase(server: Server, amount: number): Promise<{ id: string; reference: string }> {
  const r = await api(server, 'POST', '/api/cases', { caseType: key, data: { amount } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; reference: string };
}

interface Report {
  summary: { cases: number; diverged: number; rejected: number; routed: number; reproduced: number; slas: { name: string; changes: { from: string; to: string; count: number }[]; unchanged: number; breachedBefore: number; breachedAfter: number }[]; endStates: { states: string[]; before: number; after: number }[] };
  cases: { id: string; reference: string; diverged: boolean; endAfter: string[] }[];
}

describe('backtest', () => {
  const e2e = useServerAndBrowser();

  it('replays the cases on the edited draft, shows the API’s figures in words, and opens the diverging case in the simulator', async () => {
    const { server, session: s, page } = e2e();
    // version 1: a decision within an hour; three cases decided on it
    expect((await api(server, 'PUT', `/api/case-types/${key}/draft`, definition('PT1H', true))).status).toBe(200);
    expect((await api(server, 'POST', `/api/case-types/${key}/publish`)).status).toBe(201);
    const quick = await newCase(server, 20);
    await send(server, quick.id, 'SUBMIT');
    await send(server, quick.id, 'APPROVE');
    const slow = await newCase(server, 35);
    await send(server, slow.id, 'SUBMIT');
    await new Promise((r) => setTimeout(r, 2500));
    await send(server, slow.id, 'APPROVE');
    const escalated = await newCase(server, 900);
    await send(server, escalated.id, 'SUBMIT');
    await send(server, escalated.id, 'ESCALATE');
    await send(server, escalated.id, 'APPROVE');
    // the saved draft: no escalation any more
    expect((await api(server, 'PUT', `/api/case-types/${key}/draft`, definition('PT1H', false))).status).toBe(200);

    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: /^Refund request/ }).waitFor();
    // tightened in the editor and not saved: the backtest runs on the draft as it is
    await page.getByRole('tab', { name: 'SLAs and calendars' }).click();
    await page.getByRole('group', { name: 'SLA decision' }).getByLabel('Deadline', { exact: true }).fill('PT2S');
    await page.getByRole('tab', { name: 'Backtest' }).click();
    const view = page.getByRole('region', { name: 'Backtest on real cases' });
    await view.getByLabel('Number of recent cases').fill('10');
    await view.getByLabel('Which cases').selectOption({ label: 'Closed only' });
    await view.getByRole('button', { name: 'Run backtest' }).click();
    const figures = view.getByRole('table', { name: 'Figures' });
    await figures.waitFor();

    // the API's own answer on the same definition
    const answer = await api(server, 'POST', `/api/case-types/${key}/backtest`, { cases: 10, status: 'closed', definition: definition('PT2S', false) });
    expect(answer.status).toBe(200);
    const report = answer.body as Report;
    expect([report.summary.cases, report.summary.diverged, report.summary.rejected]).toEqual([3, 1, 1]);
    for (const name of ['cases', 'diverged', 'rejected', 'routed', 'reproduced'] as const) {
      expect(await figures.locator(`[data-figure="${name}"]`).textContent(), name).toBe(String(report.summary[name]));
    }
    // the SLA outcome that changes, by title and in words: Decision, met → met late, 1 case
    const decision = report.summary.slas.find((x) => x.name === 'decision');
    expect(decision?.changes).toEqual([{ from: 'met', to: 'met-late', count: 1 }]);
    const changes = view.getByRole('table', { name: 'SLA outcomes that change' });
    expect(await changes.locator('tbody tr').allTextContents()).toEqual([`Decision${say('backtest.status.met')}${say('backtest.status.met-late')}1`]);
    const deadlines = view.getByRole('table', { name: 'Deadlines reached' });
    expect(await deadlines.locator('tbody tr[data-sla="decision"] td').allTextContents()).toEqual([decision?.unchanged, decision?.breachedBefore, decision?.breachedAfter].map(String));
    // where the cases end: state titles, both sides
    const ends = view.getByRole('table', { name: 'Where the cases end' });
    expect(await ends.locator('tbody tr').allTextContents()).toEqual(report.summary.endStates.map((e) => `${e.states.length ? 'Decided' : ''}${e.before}${e.after}`));
    // the diverging case: where, in plain words (the event's title, not its name)
    const cases = view.getByRole('table', { name: 'Cases that go differently' });
    const row = cases.getByRole('row', { name: new RegExp(`^${escalated.reference}`) });
    expect(await cases.locator('tbody tr').count()).toBe(1);
    const refused = say('backtest.refusal.notAccepted', { event: 'Escalate to finance' });
    const where = (await row.getByRole('cell').nth(0).textContent()) ?? '';
    // "Step 3 (<when>): the draft does not accept “Escalate to finance” …": the history's third entry, the event by its title
    expect(where.startsWith(say('backtest.divergence.refused', { step: '3' }).split(' (')[0] + ' (')).toBe(true);
    expect(where.endsWith(refused)).toBe(true);
    expect(where).not.toContain('ESCALATE');
    await screenshot(page, 'backtest-report');
    // the Dutch run: not one English UI word on the report (the case type's own titles are content)
    if (RUN_LANGUAGE === 'nl') {
      await readContent(server);
      expect(await englishOn(page), 'English UI words on the Dutch backtest report').toEqual([]);
    }

    // open it in the simulator (an admin may read its history): the replay ends where the backtest says
    await row.getByRole('button', { name: `Open ${escalated.reference} in the simulator` }).click();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe(report.cases.find((c) => c.id === escalated.id)?.endAfter.join(', '));
    const note = panel.getByRole('note', { name: `Case ${escalated.reference}, replayed on the draft from its history.` });
    expect(await note.textContent()).toContain(refused);
    expect(await page.getByRole('tab', { name: 'Simulator' }).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'backtest-case-in-simulator');

    // back in the Backtest view, the report is still there
    await page.getByRole('tab', { name: 'Backtest' }).click();
    await view.getByRole('table', { name: 'Figures' }).waitFor();
    expect(s.errors).toEqual([]);
  });

  it('an analyst runs it too, but sees "Open in the simulator" disabled with why', async () => {
    const { server, session: s, page } = e2e();
    const issued = await api(server, 'POST', '/api/tokens', { name: 'backtest-analyst', roles: ['analyst'] });
    expect(issued.status).toBe(201);
    const token = (issued.body as { token: string }).token;
    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: /^Refund request/ }).waitFor();
    await page.getByRole('tab', { name: 'Backtest' }).click();
    const view = page.getByRole('region', { name: 'Backtest on real cases' });
    await view.getByRole('button', { name: 'Run backtest' }).click();
    const cases = view.getByRole('table', { name: 'Cases that go differently' });
    await cases.waitFor();
    const button = cases.getByRole('button', { name: /in the simulator$|in de simulator$/ }).first();
    expect(await button.isDisabled()).toBe(true);
    const why = tr('Opening a case in the simulator reads its history, which only agents and admins may do: ask one of them to open it, or an admin for the agent role.');
    await view.getByText(why).waitFor();
    // the button says why itself too (its description)
    const describedBy = await button.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(why);
    await screenshot(page, 'backtest-analyst');
    expect(s.errors).toEqual([]);
  });
});
