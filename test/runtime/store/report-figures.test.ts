// The dashboard figures of issue 22 (docs/reports.md) on a handful of cases whose figures are worked out by
// hand: the SLA trend in day, week and month buckets (a Sunday in the week of the Monday before, the last
// millisecond of a month, `to` exclusive), the backlog's ages at their edges (a case exactly one day old is
// in 1–3 days), stage median and p90 (percentile_cont), the reasons trend, channels, agents, and the version,
// queue and channel filters on each. Another tenant's case is never counted. On SQLite and on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseTask, SlaInstance, SlaStatus, StateValue } from '../../../runtime/engine/index.ts';
import { agentsReport, backlogReport, channelsReport, reasonTrendReport, slaReport, slaTrendReport, stageReport } from '../../../runtime/host/reports.ts';
import type { CaseStore, ReportWindow } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createCommit, definition, eventCommit, makeCase } from './fixtures.ts';

const HOUR = 3_600_000;
const JANUARY: ReportWindow = { from: '2026-01-05T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
/** The backlog's clock: case c4 is exactly one day old, c5 one millisecond less. */
const NOW = '2026-02-01T23:59:59.999Z';

const sla = (status: SlaStatus, startedAt: string): SlaInstance[] => [
  { id: 'firstResponse#1', name: 'firstResponse', status, startedAt, pauses: [], closedAt: null, rungs: [], urgency: 0 },
];
const task = (id: string, openedAt: string, queue: string, assignee: string | null = null): CaseTask => ({
  id, state: 'triage', title: 'Triage', queue, role: null, form: null, openedAt, dueAt: null, assignee,
});

interface Step {
  at: string;
  state: StateValue;
  closed?: true;
}

async function write(store: CaseStore, tenant: string, kase: Case, steps: Step[] = [], claim?: { task: string; by: string; at: string }): Promise<void> {
  expect(await store.commit(createCommit(kase, tenant))).toMatchObject({ ok: true });
  if (claim !== undefined) expect(await store.claimTask(tenant, claim.task, claim.by, claim.at)).toMatchObject({ ok: true });
  let current = kase;
  for (const step of steps) {
    const commit = eventCommit(current, { state: step.state, tasks: [], closedAt: step.closed ? step.at : null }, 'MOVE', step.at, { tenant, previous: current });
    expect(await store.commit(commit)).toEqual({ ok: true });
    current = commit.case;
  }
}

async function fill(store: CaseStore): Promise<void> {
  const at = '2025-11-01T00:00:00.000Z';
  for (const tenant of ['default', 'other']) {
    await store.ensureTenant(tenant, at);
    await store.publish(tenant, 'complaint', definition('complaint'), at);
    await store.publish(tenant, 'order', definition('order', 'Order'), at);
  }
  await store.publish('default', 'complaint', definition('complaint'), at); // version 2
  // c0: before the window, no queue, over 30 days old and open
  await write(store, 'default', makeCase('c0', { queue: null, channel: 'letter', data: { reason: 'other' }, createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2025-12-01T00:00:00.000Z' }));
  // c1: Monday 5 January; triage 1 h; its task claimed by alice after 30 min, closed with the visit
  await write(
    store, 'default',
    makeCase('c1', { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', slas: sla('met', '2026-01-05T09:00:00.000Z'), tasks: [task('c1:triage:1', '2026-01-05T09:00:00.000Z', 'triage')] }),
    [{ at: '2026-01-05T10:00:00.000Z', state: 'working' }],
    { task: 'c1:triage:1', by: 'alice', at: '2026-01-05T09:30:00.000Z' },
  );
  // c2: Tuesday; triage 3 h, then a nested state; its task given to bob when opened (never claimed)
  await write(
    store, 'default',
    makeCase('c2', { channel: 'phone', data: { reason: 'delivery' }, createdAt: '2026-01-06T10:00:00.000Z', updatedAt: '2026-01-06T10:00:00.000Z', slas: sla('breached', '2026-01-06T10:00:00.000Z'), tasks: [task('c2:triage:1', '2026-01-06T10:00:00.000Z', 'triage', 'bob')] }),
    [{ at: '2026-01-06T13:00:00.000Z', state: { working: 'waiting' } }],
  );
  // c3: version 2, queue billing, the next Monday; triage 24 h, then closed; alice claims its task an hour in
  await write(
    store, 'default',
    makeCase('c3', { version: 2, queue: 'billing', createdAt: '2026-01-12T08:00:00.000Z', updatedAt: '2026-01-12T08:00:00.000Z', slas: sla('met-late', '2026-01-12T08:00:00.000Z'), tasks: [task('c3:triage:1', '2026-01-12T08:00:00.000Z', 'billing')] }),
    [{ at: '2026-01-13T08:00:00.000Z', state: 'closed', closed: true }],
    { task: 'c3:triage:1', by: 'alice', at: '2026-01-12T09:00:00.000Z' },
  );
  // c4: the last millisecond of January (a Saturday), still in triage
  await write(store, 'default', makeCase('c4', { channel: 'web', createdAt: '2026-01-31T23:59:59.999Z', updatedAt: '2026-01-31T23:59:59.999Z', slas: sla('missed-goal', '2026-01-31T23:59:59.999Z') }));
  // c5: an order on Sunday 1 February at midnight: `to` of the window, so outside it
  await write(store, 'default', makeCase('c5', { caseType: 'order', data: { reason: 'refund' }, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', slas: sla('met', '2026-02-01T00:00:00.000Z') }));
  // another tenant's case in the window: never in default's figures
  await write(store, 'other', makeCase('o1', { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', slas: sla('met', '2026-01-05T09:00:00.000Z') }));
}

function figures(name: string, open: () => Promise<{ store: CaseStore; dispose(): Promise<void> }>): void {
  describe(`report figures by hand: ${name}`, () => {
    let target: { store: CaseStore; dispose(): Promise<void> };
    let store: CaseStore;
    beforeAll(async () => {
      target = await open();
      store = target.store;
      await fill(store);
    });
    afterAll(async () => {
      await target.dispose();
    });

    it('SLA summary with the version, queue and channel filters', async () => {
      const row = { caseType: 'complaint', sla: 'firstResponse', running: 0, paused: 0, warning: 0, cancelled: 0 };
      expect(slaReport(await store.slaSummary('default', JANUARY))).toEqual([{ ...row, total: 4, met: 1, breached: 1, metLate: 1, missedGoal: 1, compliance: 0.25 }]);
      expect(slaReport(await store.slaSummary('default', { ...JANUARY, caseType: 'complaint', version: 2 }))).toEqual([{ ...row, total: 1, met: 0, breached: 0, metLate: 1, missedGoal: 0, compliance: 0 }]);
      expect(slaReport(await store.slaSummary('default', { ...JANUARY, channel: 'email' }))).toEqual([{ ...row, total: 2, met: 1, breached: 0, metLate: 1, missedGoal: 0, compliance: 0.5 }]);
      expect(slaReport(await store.slaSummary('default', { ...JANUARY, queue: 'triage' }))).toEqual([{ ...row, total: 3, met: 1, breached: 1, metLate: 0, missedGoal: 1, compliance: 1 / 3 }]);
      expect(await store.slaSummary('default', { ...JANUARY, queue: 'nobody' })).toEqual([]);
    });

    it('SLA trend in day, week and month buckets, at the window edges', async () => {
      const zero = { met: 0, metLate: 0, missedGoal: 0, breached: 0 };
      expect(slaTrendReport('week', await store.slaTrend('default', JANUARY, 'week'))).toEqual({
        bucket: 'week',
        items: [
          { ...zero, start: '2026-01-05T00:00:00.000Z', met: 1, breached: 1 },
          { ...zero, start: '2026-01-12T00:00:00.000Z', metLate: 1 },
          { ...zero, start: '2026-01-26T00:00:00.000Z', missedGoal: 1 },
        ],
      });
      expect((await store.slaTrend('default', JANUARY, 'day')).map((r) => r.start)).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z', '2026-01-12T00:00:00.000Z', '2026-01-31T00:00:00.000Z']);
      expect(await store.slaTrend('default', JANUARY, 'month')).toEqual([{ start: '2026-01-01T00:00:00.000Z', met: 1, metLate: 1, missedGoal: 1, breached: 1 }]);
      // open window: Sunday 1 February is in the week of Monday 26 January, and in February's month
      const open = await store.slaTrend('default', {}, 'week');
      expect(open.at(-1)).toEqual({ ...zero, start: '2026-01-26T00:00:00.000Z', missedGoal: 1, met: 1 });
      expect((await store.slaTrend('default', {}, 'month')).map((r) => r.start)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
      expect(await store.slaTrend('default', { ...JANUARY, caseType: 'complaint', version: 2 }, 'week')).toEqual([{ ...zero, start: '2026-01-12T00:00:00.000Z', metLate: 1 }]);
    });

    it('backlog: open cases by queue and top-level state, aged against the clock given', async () => {
      const ageing = { under1d: 0, d1to3: 0, d3to7: 0, d7to30: 0, over30d: 0 };
      expect(backlogReport(NOW, await store.backlog('default', {}, NOW))).toEqual({
        asOf: NOW,
        total: 5,
        items: [
          { queue: 'triage', state: 'triage', count: 2, ageing: { ...ageing, under1d: 1, d1to3: 1 }, oldestCreatedAt: '2026-01-31T23:59:59.999Z' },
          { queue: 'triage', state: 'working', count: 2, ageing: { ...ageing, d7to30: 2 }, oldestCreatedAt: '2026-01-05T09:00:00.000Z' },
          { queue: null, state: 'triage', count: 1, ageing: { ...ageing, over30d: 1 }, oldestCreatedAt: '2025-12-01T00:00:00.000Z' },
        ],
      });
      // from/to on creation; the channel filter
      expect(backlogReport(NOW, await store.backlog('default', JANUARY, NOW)).total).toBe(3);
      expect(backlogReport(NOW, await store.backlog('default', { channel: 'phone' }, NOW)).items).toEqual([
        { queue: 'triage', state: 'working', count: 1, ageing: { ...ageing, d7to30: 1 }, oldestCreatedAt: '2026-01-06T10:00:00.000Z' },
      ]);
    });

    it('stages: median and p90 interpolated between the closest ranks, with the filters', async () => {
      const rows = stageReport(await store.stageSummary('default', { ...JANUARY, caseType: 'complaint' }));
      // triage: completed visits of 1 h, 3 h and 24 h (p90 at rank 0.9 · 2 = 1.8: 3 h + 0.8 · 21 h); c4 still in it
      expect(rows.find((r) => r.state === 'triage')).toEqual({
        caseType: 'complaint', state: 'triage', visits: 4, completed: 3, totalMs: 28 * HOUR, averageMs: Math.round((28 * HOUR) / 3), medianMs: 3 * HOUR, p90Ms: 19.8 * HOUR, current: 1,
      });
      expect(rows.find((r) => r.state === 'working')).toMatchObject({ visits: 2, completed: 0, medianMs: null, p90Ms: null, current: 2 });
      const triage = stageReport(await store.stageSummary('default', { ...JANUARY, queue: 'triage' })).find((r) => r.state === 'triage');
      expect(triage).toMatchObject({ visits: 3, completed: 2, medianMs: 2 * HOUR, p90Ms: 2.8 * HOUR, current: 1 });
      const v2 = stageReport(await store.stageSummary('default', { ...JANUARY, caseType: 'complaint', version: 2 }));
      expect(v2.map((r) => [r.state, r.visits, r.medianMs])).toEqual([['closed', 1, null], ['triage', 1, 24 * HOUR]]);
    });

    it('reasons trend: the top values of the window per bucket; the reasons filters', async () => {
      const trend = await store.reasonTrend('default', '/reason', { ...JANUARY, limit: 2 }, 'week');
      expect(reasonTrendReport('/reason', 'week', trend, 2)).toEqual({
        field: '/reason',
        bucket: 'week',
        values: ['billing', 'delivery'],
        items: [
          { start: '2026-01-05T00:00:00.000Z', value: 'billing', count: 1 },
          { start: '2026-01-05T00:00:00.000Z', value: 'delivery', count: 1 },
          { start: '2026-01-12T00:00:00.000Z', value: 'billing', count: 1 },
          { start: '2026-01-26T00:00:00.000Z', value: 'billing', count: 1 },
        ],
      });
      const one = await store.reasonTrend('default', '/reason', { ...JANUARY, limit: 1 }, 'month');
      expect(reasonTrendReport('/reason', 'month', one, 1)).toMatchObject({ values: ['billing'], items: [{ start: '2026-01-01T00:00:00.000Z', value: 'billing', count: 3 }] });
      const counts = await store.reasonCounts('default', '/reason', { ...JANUARY, channel: 'email', limit: 10 });
      expect(counts).toMatchObject({ total: 2, channels: { email: 2 } });
      expect((await store.reasonCounts('default', '/reason', { ...JANUARY, caseType: 'complaint', version: 1, queue: 'triage', limit: 10 })).total).toBe(3);
    });

    it('channels: per channel with shares, and per bucket', async () => {
      expect(channelsReport('day', await store.channelCounts('default', JANUARY, 'day'))).toEqual({
        total: 4,
        items: [{ channel: 'email', count: 2, share: 0.5 }, { channel: 'phone', count: 1, share: 0.25 }, { channel: 'web', count: 1, share: 0.25 }],
        trend: {
          bucket: 'day',
          items: [
            { start: '2026-01-05T00:00:00.000Z', channel: 'email', count: 1 },
            { start: '2026-01-06T00:00:00.000Z', channel: 'phone', count: 1 },
            { start: '2026-01-12T00:00:00.000Z', channel: 'email', count: 1 },
            { start: '2026-01-31T00:00:00.000Z', channel: 'web', count: 1 },
          ],
        },
      });
      expect((await store.channelCounts('default', { ...JANUARY, queue: 'billing' }, 'month')).trend).toEqual([{ start: '2026-01-01T00:00:00.000Z', channel: 'email', count: 1 }]);
    });

    it('agents: tasks closed, cases, handling from the claim (or the opening) to the close', async () => {
      expect(agentsReport(await store.agentCounts('default', { ...JANUARY, limit: 50 }))).toEqual({
        total: 3,
        items: [
          // 30 min and 23 h: interpolated at 0.5 and 0.9 of the way
          { agent: 'alice', tasksClosed: 2, cases: 2, medianHandlingMs: 11.75 * HOUR, p90HandlingMs: 20.75 * HOUR },
          { agent: 'bob', tasksClosed: 1, cases: 1, medianHandlingMs: 3 * HOUR, p90HandlingMs: 3 * HOUR },
        ],
      });
      expect(await store.agentCounts('default', { ...JANUARY, limit: 1 })).toMatchObject({ total: 3, items: [{ agent: 'alice' }] });
      // the task's queue; closed_at in the window
      expect(await store.agentCounts('default', { ...JANUARY, queue: 'billing', limit: 50 })).toMatchObject({ total: 1, items: [{ agent: 'alice', tasksClosed: 1, medianHandlingMs: 23 * HOUR }] });
      expect(await store.agentCounts('default', { from: '2026-01-13T00:00:00.000Z', limit: 50 })).toMatchObject({ total: 1, items: [{ agent: 'alice', tasksClosed: 1 }] });
      expect(await store.agentCounts('default', { ...JANUARY, channel: 'phone', limit: 50 })).toMatchObject({ total: 1, items: [{ agent: 'bob' }] });
    });

    it("another tenant's figures are its own", async () => {
      expect(channelsReport('month', await store.channelCounts('other', JANUARY, 'month')).items).toEqual([{ channel: 'email', count: 1, share: 1 }]);
      expect(await store.agentCounts('other', { limit: 50 })).toEqual({ total: 0, items: [] });
      expect(backlogReport(NOW, await store.backlog('nobody', {}, NOW))).toEqual({ asOf: NOW, total: 0, items: [] });
    });
  });
}

figures('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-report-figures-'));
  const store = createSqliteStore({ file: join(dir, 'reports.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  figures('PostgreSQL', async () => {
    const database = await scratchDatabase();
    const store = await createPostgresStore({ url: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  });
});
