// The process map in the worker console (docs/reports.md, Process map) in Chromium against `dossier serve`:
// cases of a small repair type moved through the API (one loop back, one designed transition nobody takes);
// the map is drawn on the playbook's canvas, each edge's count in the Edges table equals the count made
// independently from the cases' histories (GET /api/cases/:id/history), the never-taken transition is
// named, the slowest step said; an edge's button lists its cases, and a case opens from the list.
import { describe, expect, it } from 'vitest';
import { api, screenshot, tr, trWith, useServerAndBrowser, type Server } from './harness.ts';

const repair = {
  key: 'repair',
  title: 'Repair request',
  data: { type: 'object', properties: {} },
  events: { START: { title: 'Start repair' }, ASK: { title: 'Ask for a part' }, ARRIVED: { title: 'Part arrived' }, FINISH: { title: 'Repair done' }, REFUSE: { title: 'Refuse' } },
  playbook: {
    initial: 'received',
    states: {
      received: { title: 'Received', on: { START: 'repairing', REFUSE: 'closed' } },
      repairing: { title: 'Repairing', on: { ASK: 'waitingForPart', FINISH: 'closed' } },
      waitingForPart: { title: 'Waiting for a part', on: { ARRIVED: 'repairing' } },
      closed: { title: 'Closed', type: 'final' },
    },
  },
};

const TITLES: Record<string, string> = { received: 'Received', repairing: 'Repairing', waitingForPart: 'Waiting for a part', closed: 'Closed' };
const EVENTS: Record<string, string> = { START: 'Start repair', ASK: 'Ask for a part', ARRIVED: 'Part arrived', FINISH: 'Repair done' };

async function moved(server: Server, events: string[]): Promise<string> {
  const created = await api(server, 'POST', '/api/cases', { caseType: 'repair', data: {} });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  for (const type of events) expect((await api(server, 'POST', `/api/cases/${id}/events`, { type })).status).toBe(200);
  return id;
}

/** The edges counted from the cases' histories, as `from|event|to` → count. */
async function countedFromHistories(server: Server, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const history = await api(server, 'GET', `/api/cases/${id}/history`);
    for (const entry of (history.body as { items: { from: string | null; to: string; event: { type: string } }[] }).items) {
      if (entry.from === null) continue;
      const key = `${entry.from}|${entry.event.type}|${entry.to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

describe('the process map in the worker console', () => {
  const ids: string[] = [];
  const e2e = useServerAndBrowser(async ({ server }) => {
    expect((await api(server, 'PUT', '/api/case-types/repair/draft', repair)).status).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/repair/publish')).status).toBe(201);
    ids.push(await moved(server, ['START', 'ASK', 'ARRIVED', 'FINISH']));
    ids.push(await moved(server, ['START', 'FINISH']));
    ids.push(await moved(server, ['START', 'ASK', 'ARRIVED', 'ASK', 'ARRIVED', 'FINISH']));
    ids.push(await moved(server, ['START']));
  });

  it("draws the paths taken over the playbook, each edge's count equal to the cases' histories, and lists an edge's cases", async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/reports/process-map?token=${server.token}`);
    await page.getByRole('heading', { name: tr('Process map') }).waitFor();
    await page.getByLabel(tr('Case type')).selectOption({ label: 'Repair request' });
    const edges = page.getByRole('table', { name: tr('Edges') });
    await edges.getByRole('button', { name: trWith('Show the cases of {{event}} from {{source}} to {{target}}', { event: 'Repair done', source: 'Repairing', target: 'Closed' }) }).waitFor();

    const expected = await countedFromHistories(server, ids);
    expect(expected.get('repairing|ASK|waitingForPart')).toBe(3);
    const rows = edges.locator('tbody tr');
    expect(await rows.count()).toBe(expected.size);
    for (const [key, count] of expected) {
      const [from, event, to] = key.split('|') as [string, string, string];
      const row = rows.filter({ has: page.getByRole('button', { name: trWith('Show the cases of {{event}} from {{source}} to {{target}}', { event: EVENTS[event] ?? event, source: TITLES[from] ?? from, target: TITLES[to] ?? to }) }) });
      expect(await row.locator('td[data-count]').getAttribute('data-count'), key).toBe(String(count));
    }
    // the loop back is marked, the designed transition nobody took named, the slowest step said
    const arrived = rows.filter({ has: page.getByRole('button', { name: trWith('Show the cases of {{event}} from {{source}} to {{target}}', { event: 'Part arrived', source: 'Waiting for a part', target: 'Repairing' }) }) });
    expect(await arrived.textContent()).toContain(tr('Loop'));
    await page.getByRole('list', { name: tr('Designed but never taken') }).getByText('Refuse: Received → Closed').waitFor();
    // the slowest (its median decides, milliseconds here): said in a sentence, marked in the table and on the canvas
    const slowEvent = (await rows.filter({ hasText: tr('Slowest') }).getByRole('button').textContent()) ?? '';
    expect(Object.values(EVENTS)).toContain(slowEvent);
    expect(await page.locator('.pm-slowest-sentence').textContent()).toContain(slowEvent);
    // the canvas: the playbook's states, an edge labelled with its cases, the never-taken one dashed
    const canvas = page.getByRole('group', { name: tr('The playbook with the paths cases took') });
    await canvas.getByText('Waiting for a part').waitFor();
    expect(await canvas.locator('.pm-loop').count()).toBe(2);
    expect(await canvas.locator('.pm-never').count()).toBe(1);
    await screenshot(page, 'process-map');
    // clicking an edge on the canvas (its label) lists its cases
    await canvas.locator(`[data-id='${JSON.stringify(['received', 'START', 'repairing'])}'] .react-flow__edge-textwrapper`).click();
    await page.locator('#pm-cases-title').waitFor();
    expect(await page.locator('#pm-cases-title').textContent()).toContain('Start repair');
    await page.getByRole('table', { name: tr('Cases of this edge') }).getByRole('link').nth(3).waitFor();

    // an edge's cases: the three cases that finished, newest first, each a link into the console
    await edges.getByRole('button', { name: trWith('Show the cases of {{event}} from {{source}} to {{target}}', { event: 'Repair done', source: 'Repairing', target: 'Closed' }) }).click();
    const cases = page.getByRole('table', { name: tr('Cases of this edge') });
    await cases.getByRole('link').first().waitFor();
    expect(await cases.getByRole('link').count()).toBe(3);
    await screenshot(page, 'process-map-edge-cases');
    const first = await cases.getByRole('link').first().textContent();
    await cases.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/work/cases/(${ids.join('|')})$`));
    await page.locator('#case-title').getByText(first ?? '').waitFor();
    await screenshot(page, 'process-map-case-opened');
  });

  it("opens on the case type of the address, keeps the filters in it, and shows the last edge's cases picked, not a slower earlier reply", async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/reports/process-map?caseType=repair&token=${server.token}`);
    const edges = page.getByRole('table', { name: tr('Edges') });
    const show = (event: string, source: string, target: string) => edges.getByRole('button', { name: trWith('Show the cases of {{event}} from {{source}} to {{target}}', { event, source, target }) });
    await show('Repair done', 'Repairing', 'Closed').waitFor();
    expect(await page.getByLabel(tr('Case type')).inputValue()).toBe('repair');
    await page.getByLabel(tr('Time window')).selectOption('7');
    await page.waitForURL(/[?&]window=7(&|$)/);
    expect(new URL(page.url()).searchParams.get('caseType')).toBe('repair');
    // the cases of "Repair done" (3) answer late; "Start repair" (4) is picked meanwhile: its list stays
    let delayed = 0;
    await page.route('**/api/reports/process-map/cases?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('event') === 'FINISH') {
        delayed += 1;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await route.continue();
    });
    await show('Repair done', 'Repairing', 'Closed').click();
    await show('Start repair', 'Received', 'Repairing').click();
    const cases = page.getByRole('table', { name: tr('Cases of this edge') });
    await cases.getByRole('link').nth(3).waitFor();
    await page.waitForTimeout(2500);
    expect(delayed).toBe(1);
    expect(await page.locator('#pm-cases-title').textContent()).toContain('Start repair');
    expect(await cases.getByRole('link').count()).toBe(4);
    await page.unroute('**/api/reports/process-map/cases?*');
  });

  it('says so when no case of the type moved in the window', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/reports/process-map?token=${server.token}`);
    await page.getByLabel(tr('Case type')).selectOption({ label: 'Repair request' });
    await page.getByLabel(tr('Channel')).selectOption('letter');
    await page.getByText(tr('No case of this type moved in this window. Widen the window.')).waitFor();
  });
});
