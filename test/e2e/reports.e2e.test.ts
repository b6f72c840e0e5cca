// The reports area (issue 22, docs/reports.md) in Chromium against `dossier serve`: a history of two case
// types (channels, reasons, SLAs met, breached and running, tasks closed by two agents) is made through the
// API; customers answer the satisfaction survey of a third case type (closed requests of its public form,
// on their status page) with different scores; every card's table holds the figures counted here from what
// was made; a window with nothing in it empties the cards, a channel filter changes them; one CSV is
// downloaded and read; the Process map link opens.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { api, RUN_LANGUAGE, screenshot, tr, trWith, useServerAndBrowser, type Server } from './harness.ts';

type CaseBody = { id: string; tasks: { id: string; state: string; closedAt?: string | null }[] };

const claim = {
  key: 'claim',
  title: 'Insurance claim',
  data: {
    type: 'object',
    properties: {
      subject: { type: 'string', title: 'Subject' },
      reason: { type: 'string', title: 'Reason', enum: ['billing', 'delivery', 'damage'] },
    },
  },
  queues: { claims: { title: 'Claims desk' } },
  events: { ESCALATE: { title: 'Rush it' }, CLOSE: { title: 'Settle' } },
  // `answer` runs from creation to the end; `fast` (a second) from the rush state: left there, it is breached
  slas: {
    answer: {
      title: 'First answer',
      start: { event: ['case.created'] },
      stop: { enter: ['settled'] },
      deadline: 'P1D',
    },
    fast: {
      title: 'Rush answer',
      start: { enter: ['rush'] },
      stop: { enter: ['settled'] },
      deadline: 'PT1S',
    },
  },
  playbook: {
    initial: 'check',
    states: {
      check: {
        title: 'First check',
        entry: [{ type: 'assign', queue: 'claims' }],
        task: { title: 'Check the claim', queue: 'claims' },
        on: { ESCALATE: { target: 'rush' }, CLOSE: { target: 'settled' } },
      },
      rush: { title: 'Rush handling', on: { CLOSE: { target: 'settled' } } },
      settled: { title: 'Settled', type: 'final' },
    },
  },
};

const request = {
  key: 'request',
  title: 'Service request',
  data: {
    type: 'object',
    properties: { reason: { type: 'string', title: 'Reason', enum: ['billing', 'moving', 'other'] } },
  },
  queues: { desk: { title: 'Front desk' } },
  events: { CLOSE: { title: 'Finish off' } },
  slas: {
    reply: {
      title: 'Reply',
      start: { event: ['case.created'] },
      stop: { enter: ['finished'] },
      deadline: 'P1D',
    },
  },
  playbook: {
    initial: 'waiting',
    states: {
      waiting: {
        title: 'Waiting at the desk',
        entry: [{ type: 'assign', queue: 'desk' }],
        task: { title: 'Answer the request', queue: 'desk' },
        on: { CLOSE: { target: 'finished' } },
      },
      finished: { title: 'Finished off', type: 'final' },
    },
  },
};

/** A case type that asks for customer feedback (docs/feedback.md), on the status page of its public form. */
const move = {
  key: 'move',
  title: 'Household move',
  data: {
    type: 'object',
    properties: {
      street: { type: 'string', title: 'Street' },
      reason: { type: 'string', title: 'Reason', enum: ['address'] },
    },
  },
  public: { title: 'Tell us you moved', fields: ['/street', '/reason'] },
  feedback: {
    question: 'How did we do?',
    scale: { min: 1, max: 5, low: { label: 'Badly' }, high: { label: 'Well' } },
  },
  events: { DONE: { title: 'Done' } },
  playbook: {
    initial: 'moving',
    states: { moving: { title: 'Moving', on: { DONE: 'moved' } }, moved: { title: 'Moved', type: 'final' } },
  },
};

async function as(
  server: Server,
  secret: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** The text of each body row's cells. */
async function rows(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}

/** The row named `name` (its first cell), from the table of a region. */
async function row(table: Locator, ...names: string[]): Promise<string[]> {
  const all = await rows(table);
  const found = all.find((r) => names.every((n, i) => r[i] === n));
  if (!found) throw new Error(`no row ${names.join(' · ')} in ${JSON.stringify(all)}`);
  return found;
}

const NO_FEEDBACK =
  'No customer feedback in this window — feedback comes from case types that ask for a satisfaction score; widen the window or choose one of those.';

const region = (page: Page, title: string) => page.getByRole('region', { name: tr(title), exact: true });

/** The scores the customers of the moves give, one answer per closed move; one more closed move is not answered. */
const SCORES = [5, 2, 4];

describe('the reports area', () => {
  const e2e = useServerAndBrowser(async ({ server }) => {
    for (const def of [claim, request, move]) {
      expect((await api(server, 'PUT', `/api/case-types/${def.key}/draft`, def)).status).toBe(200);
      expect((await api(server, 'POST', `/api/case-types/${def.key}/publish`)).status).toBe(201);
    }
    const agents: Record<string, string> = {};
    for (const name of ['ann', 'bob']) {
      const issued = await api(server, 'POST', '/api/tokens', { name, roles: ['agent'] });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      agents[name] = (issued.body as { token: string }).token;
    }
    const make = async (caseType: string, channel: string, reason: string): Promise<CaseBody> => {
      const made = await api(server, 'POST', '/api/cases', { caseType, channel, data: { reason } });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body as CaseBody;
    };
    /** The agent claims the case's open task and closes the case. */
    const closeBy = async (agent: string, c: CaseBody) => {
      const task = c.tasks.find((t) => !t.closedAt) as { id: string };
      expect(
        (await as(server, agents[agent] as string, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`))
          .status,
      ).toBe(200);
      const now = (await api(server, 'GET', `/api/cases/${c.id}`)).body as { revision: number };
      const sent = await fetch(`${server.url}/api/cases/${c.id}/events`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${agents[agent] as string}`,
          'Content-Type': 'application/json',
          'If-Match': `"${now.revision}"`,
        },
        body: JSON.stringify({ type: 'CLOSE' }),
      });
      expect(sent.status, await sent.text()).toBe(200);
    };
    // claims: three settled (Ann two, Bob one), one rushed and left (its rush SLA breaches)
    await closeBy('ann', await make('claim', 'phone', 'billing'));
    await closeBy('ann', await make('claim', 'email', 'delivery'));
    await closeBy('bob', await make('claim', 'web', 'billing'));
    const rushed = await make('claim', 'phone', 'damage');
    expect((await api(server, 'POST', `/api/cases/${rushed.id}/events`, { type: 'ESCALATE' })).status).toBe(
      200,
    );
    // requests: one finished by Ann, two waiting
    await closeBy('ann', await make('request', 'chat', 'billing'));
    await make('request', 'letter', 'moving');
    await make('request', 'email', 'billing');
    // moves: four told through the public form (channel web, reason address) and closed; each customer opens
    // the survey on the status page, the first three answer it with a score of SCORES, the fourth does not
    for (let i = 0; i <= SCORES.length; i++) {
      const sent = await fetch(`${server.url}/api/public/default/forms/move`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ street: `Dorpsstraat ${String(i + 1)}`, reason: 'address' }),
      });
      const text = await sent.text();
      expect(sent.status, text).toBe(201);
      const { reference, secret } = JSON.parse(text) as { reference: string; secret: string };
      const found = (await api(server, 'GET', `/api/cases?q=${reference}`)).body as {
        items: { id: string }[];
      };
      const id = (found.items[0] as { id: string }).id;
      expect((await api(server, 'POST', `/api/cases/${id}/events`, { type: 'DONE' })).status).toBe(200);
      const survey = `${server.url}/api/public/default/cases/${reference}/feedback`;
      const headers = { 'Content-Type': 'application/json', 'X-Case-Code': secret };
      const offered = await fetch(survey, { headers });
      expect(offered.status, await offered.text()).toBe(200);
      if (i === SCORES.length) continue;
      const answered = await fetch(survey, {
        method: 'POST',
        headers,
        body: JSON.stringify({ score: SCORES[i] }),
      });
      expect(answered.status, await answered.text()).toBe(201);
    }
    // wait (polling, nothing timed) until the rush SLA's one second has passed and the host breached it
    for (let i = 0; ; i++) {
      const sla = (await api(server, 'GET', '/api/reports/sla')).body as {
        items: { sla: string; breached: number }[];
      };
      if (sla.items.find((s) => s.sla === 'fast')?.breached === 1) break;
      if (i > 100) throw new Error(`the rush SLA never breached: ${JSON.stringify(sla)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('shows every chart with a table of the figures made, in business words', async () => {
    const { server, page, session } = e2e();
    await page.goto(`${server.url}/work/reports?token=${server.token}`);
    await page.getByRole('heading', { name: tr('Reports'), exact: true }).waitFor();

    // SLA compliance: per case type and SLA, by their titles
    const sla = region(page, 'SLA compliance').getByRole('table');
    const slaHead = await sla.locator('thead th').allTextContents();
    expect(slaHead).toEqual(
      [
        'Case type',
        'SLA',
        'Started',
        'Met in time',
        'Met late',
        'Missed goal',
        'Breached',
        'Still running',
        'Compliance',
      ].map((h) => tr(h)),
    );
    const slaRows = await rows(sla);
    expect(slaRows).toEqual([
      ['Insurance claim', 'First answer', '4', '3', '0', '0', '0', '1', '100%'],
      ['Insurance claim', 'Rush answer', '1', '0', '0', '0', '1', '0', '0%'],
      ['Service request', 'Reply', '3', '1', '0', '0', '0', '2', '100%'],
    ]);

    // the contact reasons of every case type (the reason first), most first, with their channels; shares of
    // the 11 cases (7 claims and requests, 4 moves)
    const reasons = region(page, 'Contact reasons').getByRole('table').first();
    const billing = await row(reasons, 'billing');
    expect(billing.slice(1, 3)).toEqual(['4', '36%']);
    for (const channel of ['phone', 'web', 'chat', 'email']) expect(billing[3]).toContain(tr(channel));
    expect((await row(reasons, 'delivery')).slice(1, 3)).toEqual(['1', '9%']);
    expect((await row(reasons, 'moving')).slice(1, 2)).toEqual(['1']);
    expect((await row(reasons, 'address')).slice(1, 3)).toEqual(['4', '36%']);

    // time per stage: visits per state title
    const stages = region(page, 'Time per stage').getByRole('table');
    expect((await row(stages, 'Insurance claim', 'First check'))[2]).toBe('4');
    expect((await row(stages, 'Insurance claim', 'Rush handling'))[2]).toBe('1');
    expect((await row(stages, 'Service request', 'Waiting at the desk'))[2]).toBe('3');

    // SLA outcomes over time: every bucket (one, unless the history was made across midnight UTC) adds up to met 4, breached 1
    const slaTrend = await rows(region(page, 'SLA outcomes over time').getByRole('table'));
    expect([1, 2, 3, 4].map((c) => slaTrend.reduce((sum, r) => sum + Number(r[c]), 0))).toEqual([4, 0, 0, 1]);

    // backlog: the open cases now, by queue and state title, all under a day old
    const backlog = region(page, 'Backlog and ageing').getByRole('table');
    expect((await row(backlog, 'Front desk', 'Waiting at the desk')).slice(2, 4)).toEqual(['2', '2']);
    expect((await row(backlog, 'Claims desk', 'Rush handling')).slice(2, 4)).toEqual(['1', '1']);
    expect(await rows(backlog)).toHaveLength(2);

    // the reasons over time: a column per top value, adding up to its count
    const reasonTrend = region(page, 'Contact reasons').getByRole('table').nth(1);
    const head = await reasonTrend.locator('thead th').allTextContents();
    const perPeriod = await rows(reasonTrend);
    const total = (value: string) => perPeriod.reduce((sum, r) => sum + Number(r[head.indexOf(value)]), 0);
    expect([total('billing'), total('delivery'), total('damage'), total('moving')]).toEqual([4, 1, 1, 1]);

    // cases per channel, most first (the moves came by the web form)
    const channels = region(page, 'Cases per channel').getByRole('table').first();
    expect((await row(channels, tr('phone'))).slice(1)).toEqual(['2', '18%']);
    expect((await row(channels, tr('email'))).slice(1)).toEqual(['2', '18%']);
    expect((await row(channels, tr('web'))).slice(1)).toEqual(['5', '45%']);
    expect((await row(channels, tr('chat'))).slice(1, 2)).toEqual(['1']);
    expect((await row(channels, tr('letter'))).slice(1, 2)).toEqual(['1']);

    // agents: tasks closed and cases, and a handling time in words
    const agents = region(page, 'Agent throughput and handling time').getByRole('table');
    expect((await row(agents, 'ann')).slice(1, 3)).toEqual(['3', '3']);
    expect((await row(agents, 'bob')).slice(1, 3)).toEqual(['1', '1']);
    expect((await row(agents, 'ann'))[3]).toMatch(/\d/);
    // customer satisfaction: the answers counted here from SCORES, on a scale of 1 to 5, as the route reports them
    const responses = SCORES.length;
    const average = SCORES.reduce((sum, s) => sum + s, 0) / responses;
    const perScore = [1, 2, 3, 4, 5].map((score) => SCORES.filter((s) => s === score).length);
    const report = (await api(server, 'GET', '/api/reports/feedback')).body as {
      surveys: number;
      responses: number;
      averageScore: number;
      distribution: { score: number; count: number }[];
      trend: { items: { start: string; responses: number; averageScore: number }[] };
    };
    expect(report.surveys).toBe(SCORES.length + 1);
    expect(report.responses).toBe(responses);
    expect(report.averageScore).toBe(Math.round(average * 100) / 100);
    expect(report.distribution).toEqual(perScore.map((count, i) => ({ score: i + 1, count })));
    // one bucket, unless the answers were given across midnight UTC
    expect(report.trend.items.reduce((sum, i) => sum + i.responses, 0)).toBe(responses);
    const oneDecimal = (v: number) =>
      new Intl.NumberFormat(RUN_LANGUAGE === 'nl' ? 'nl-NL' : 'en-GB', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(v);
    const satisfaction = region(page, 'Customer satisfaction');
    await satisfaction
      .getByText(
        trWith(
          '{{responses}} responses to {{surveys}} surveys ({{rate}}); average score {{average}} on a scale of {{min}} to {{max}}.',
          {
            responses: String(responses),
            surveys: String(SCORES.length + 1),
            rate: `${String(Math.round((responses / (SCORES.length + 1)) * 100))}%`,
            average: oneDecimal(average),
            min: '1',
            max: '5',
          },
        ),
      )
      .waitFor();
    // the scrolling wrapper (focusable) is a region named by its table's caption
    const perScoreWrap = satisfaction.getByRole('region', { name: tr('Responses per score'), exact: true });
    expect(await perScoreWrap.getAttribute('tabindex')).toBe('0');
    const perScoreTable = perScoreWrap.getByRole('table', { name: tr('Responses per score') });
    expect(await perScoreTable.locator('thead th').allTextContents()).toEqual([tr('Score'), tr('Responses')]);
    expect(await rows(perScoreTable)).toEqual(perScore.map((count, i) => [String(i + 1), String(count)]));
    expect(await rows(perScoreTable)).toEqual(
      report.distribution.map((d) => [String(d.score), String(d.count)]),
    );
    const trendTable = satisfaction.getByRole('table', {
      name: tr('Responses and average score per period'),
    });
    expect(await trendTable.locator('thead th').allTextContents()).toEqual(
      ['Period', 'Responses', 'Average score'].map((h) => tr(h)),
    );
    const trendRows = await rows(trendTable);
    expect(trendRows.map((r) => r.slice(1))).toEqual(
      report.trend.items.map((i) => [String(i.responses), oneDecimal(i.averageScore)]),
    );
    if (trendRows.length === 1)
      expect(trendRows[0]?.slice(1)).toEqual([String(responses), oneDecimal(average)]);
    expect(trendRows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(responses);
    await screenshot(page, 'reports');
    await region(page, 'Contact reasons').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-reasons');
    await region(page, 'Customer satisfaction').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-feedback');
    await page.setViewportSize({ width: 700, height: 1000 });
    await screenshot(page, 'reports-narrow');
    await page.setViewportSize({ width: 1500, height: 950 });
    expect(session.errors).toEqual([]);
  });

  it('follows the filters: a window with nothing empties the cards, a channel narrows them, and the address keeps them', async () => {
    const { server, page, session } = e2e();
    await page.goto(`${server.url}/work/reports?token=${server.token}`);
    await region(page, 'SLA compliance').getByRole('table').waitFor();
    await page.getByLabel(tr('Time window'), { exact: true }).selectOption({ label: tr('Custom dates') });
    await page.getByLabel(tr('From'), { exact: true }).fill('2020-01-01');
    await page.getByLabel(tr('Up to and including'), { exact: true }).fill('2020-01-31');
    await region(page, 'SLA compliance')
      .getByText(tr('No SLA started in this window — widen the window or choose another case type.'))
      .waitFor();
    await region(page, 'Contact reasons')
      .getByText(tr('No cases in this window — widen the window or choose another case type.'))
      .waitFor();
    await region(page, 'Time per stage')
      .getByText(tr('No case entered a stage in this window — widen the window or choose another case type.'))
      .waitFor();
    await region(page, 'Customer satisfaction').getByText(tr(NO_FEEDBACK)).waitFor();
    expect(new URL(page.url()).search).toBe('?window=custom&from=2020-01-01&to=2020-01-31');
    // a link reopens the same view
    await page.reload();
    expect(await page.getByLabel(tr('From'), { exact: true }).inputValue()).toBe('2020-01-01');
    await region(page, 'SLA compliance')
      .getByText(tr('No SLA started in this window — widen the window or choose another case type.'))
      .waitFor();

    // a day the wrong way round: the route's 422 in the card
    await page.getByLabel(tr('Up to and including'), { exact: true }).fill('2019-12-01');
    await region(page, 'SLA compliance').getByRole('alert').waitFor();

    await page.getByLabel(tr('Time window'), { exact: true }).selectOption({ label: tr('Last 7 days') });
    await page.getByLabel(tr('Channel'), { exact: true }).selectOption({ label: tr('phone') });
    const sla = region(page, 'SLA compliance').getByRole('table');
    await expect
      .poll(async () => (await rows(sla)).map((r) => r.slice(0, 3).join(' · ')))
      .toEqual(['Insurance claim · First answer · 2', 'Insurance claim · Rush answer · 1']);
    expect(
      (await row(region(page, 'Contact reasons').getByRole('table').first(), 'billing')).slice(1, 2),
    ).toEqual(['1']);
    expect(
      (await rows(region(page, 'Cases per channel').getByRole('table').first())).map((r) => r[0]),
    ).toEqual([tr('phone')]);
    // the moves came by the web form: no answer by phone
    await region(page, 'Customer satisfaction').getByText(tr(NO_FEEDBACK)).waitFor();
    await page.getByLabel(tr('Case type'), { exact: true }).selectOption({ label: 'Service request' });
    await region(page, 'SLA compliance')
      .getByText(tr('No SLA started in this window — widen the window or choose another case type.'))
      .waitFor();
    expect(new URL(page.url()).search).toBe('?window=7&caseType=request&channel=phone');
    // service requests ask for no feedback: no card
    expect(await region(page, 'Customer satisfaction').count()).toBe(0);
    expect(session.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it('downloads a chart as CSV with its table, and opens the process map', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/reports?token=${server.token}`);
    const card = region(page, 'SLA compliance');
    await card.getByRole('table').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: tr('Download SLA compliance as CSV') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(
        `^${tr('SLA compliance')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv$`,
      ),
    );
    const csv = readFileSync(await download.path(), 'utf8');
    const header = [
      'Case type',
      'SLA',
      'Started',
      'Met in time',
      'Met late',
      'Missed goal',
      'Breached',
      'Still running',
      'Compliance',
    ]
      .map((h) => tr(h))
      .join(',');
    expect(csv).toBe(
      `${header}\r\nInsurance claim,First answer,4,3,0,0,0,1,100%\r\nInsurance claim,Rush answer,1,0,0,0,1,0,0%\r\nService request,Reply,3,1,0,0,0,2,100%\r\n`,
    );

    await page.getByRole('link', { name: tr('Process map') }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/work/reports/process-map');
    await page.getByRole('heading').first().waitFor();
  });
});
