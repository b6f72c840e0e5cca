// GET /api/reports/process-map and /process-map/cases over HTTP (docs/reports.md, Process map): a small
// ticket type with a loop (waiting → working again) and a designed transition nobody takes; the edges with
// their counts and times, the design set against them, the 422s naming the parameter, and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createHarness, START, type Harness } from './harness.ts';

const ticket = {
  key: 'ticket',
  title: 'Ticket',
  data: { type: 'object', properties: {} },
  events: { START: { title: 'Start' }, WAIT: { title: 'Wait' }, RESUME: { title: 'Resume' }, DONE: { title: 'Done' }, REJECT: { title: 'Reject' } },
  playbook: {
    initial: 'fresh',
    states: {
      fresh: { title: 'New', on: { START: 'working', REJECT: 'done' } },
      working: { title: 'Working', on: { WAIT: 'waiting', DONE: 'done' } },
      waiting: { title: 'Waiting', on: { RESUME: 'working' } },
      done: { title: 'Done', type: 'final' },
    },
  },
} as unknown as CaseType;

const H = 3_600_000;
let h: Harness;

async function ticketWith(steps: [hours: number, event: string][]): Promise<string> {
  const created = await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'ticket', data: {} });
  expect(created.status).toBe(201);
  for (const [hours, type] of steps) {
    h.clock.advance(hours * H);
    expect((await h.call('POST', `/api/cases/${created.body.id}/events`, h.tokens.admin, { type })).status).toBe(200);
  }
  return created.body.id as string;
}

describe('the process map over HTTP', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    h = await createHarness();
    await h.store.publish('default', 'ticket', ticket, START);
    a = await ticketWith([[1, 'START'], [2, 'WAIT'], [1, 'RESUME'], [3, 'DONE']]);
    b = await ticketWith([[2, 'START'], [4, 'DONE']]);
  });
  afterAll(async () => h.close());

  it('answers the edges with counts and median times, the starts and ends, the loops, the transitions never taken and the slowest edge', async () => {
    const reply = await h.call('GET', '/api/reports/process-map?caseType=ticket', h.tokens.agent);
    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(body.caseType).toBe('ticket');
    expect(body.version).toBe(1);
    expect(body.starts).toEqual([{ state: 'fresh', cases: 2 }]);
    expect(body.ends).toEqual([{ state: 'done', cases: 2 }]);
    expect(body.edges).toEqual([
      { source: 'fresh', event: 'START', target: 'working', count: 2, cases: 2, medianMs: H, p90Ms: 2 * H, revisits: 0, loop: false, designed: true, sourceState: 'fresh', targetState: 'working' },
      { source: 'working', event: 'DONE', target: 'done', count: 2, cases: 2, medianMs: 3 * H, p90Ms: 4 * H, revisits: 0, loop: false, designed: true, sourceState: 'working', targetState: 'done' },
      { source: 'waiting', event: 'RESUME', target: 'working', count: 1, cases: 1, medianMs: H, p90Ms: H, revisits: 1, loop: true, designed: true, sourceState: 'waiting', targetState: 'working' },
      { source: 'working', event: 'WAIT', target: 'waiting', count: 1, cases: 1, medianMs: 2 * H, p90Ms: 2 * H, revisits: 0, loop: false, designed: true, sourceState: 'working', targetState: 'waiting' },
    ]);
    expect(body.neverTaken).toEqual([{ source: 'fresh', event: 'REJECT', target: 'done' }]);
    expect(body.loops).toEqual([{ source: 'waiting', event: 'RESUME', target: 'working' }]);
    expect(body.slowest).toEqual({ source: 'working', event: 'DONE', target: 'done', medianMs: 3 * H });
    expect(body.nodes).toEqual([
      { state: 'done', visits: 2, cases: 2 },
      { state: 'fresh', visits: 2, cases: 2 },
      { state: 'waiting', visits: 1, cases: 1 },
      { state: 'working', visits: 3, cases: 2 },
    ]);
  });

  it("lists an edge's cases newest first, a page at a time", async () => {
    const path = '/api/reports/process-map/cases?caseType=ticket&source=working&event=DONE&target=done';
    const first = await h.call('GET', `${path}&limit=1`, h.tokens.agent);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([{ caseId: b, reference: expect.any(String), seq: 3, at: expect.any(String), ms: 4 * H }]);
    const second = await h.call('GET', `${path}&limit=1&cursor=${first.body.nextCursor}`, h.tokens.agent);
    expect(second.body).toEqual({ items: [{ caseId: a, reference: expect.any(String), seq: 5, at: expect.any(String), ms: 3 * H }], nextCursor: null });
    expect(Date.parse(first.body.items[0].at)).toBeGreaterThan(Date.parse(second.body.items[0].at));
  });

  it('refuses what is not a process map: 422 report.invalid naming the parameter', async () => {
    const problem = async (path: string) => {
      const reply = await h.call('GET', path, h.tokens.agent);
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('report.invalid');
      return reply.body.problems.map((p: { pointer: string }) => p.pointer);
    };
    expect(await problem('/api/reports/process-map')).toEqual(['/caseType']);
    expect(await problem('/api/reports/process-map?caseType=nope')).toEqual(['/caseType']);
    expect(await problem('/api/reports/process-map?caseType=ticket&version=7')).toEqual(['/version']);
    expect(await problem('/api/reports/process-map?caseType=ticket&from=yesterday')).toEqual(['/from']);
    expect(await problem('/api/reports/process-map?caseType=ticket&channel=pigeon')).toEqual(['/channel']);
    expect(await problem('/api/reports/process-map/cases?caseType=ticket&source=working&target=done')).toEqual(['/event']);
    expect(await problem('/api/reports/process-map/cases?caseType=ticket&source=working&event=DONE&target=done&limit=0')).toEqual(['/limit']);
    expect(await problem('/api/reports/process-map/cases?caseType=ticket&source=working&event=DONE&target=done&limit=101')).toEqual(['/limit']);
    expect((await h.call('GET', '/api/reports/process-map/cases?caseType=ticket&source=working&event=DONE&target=done&cursor=zzz', h.tokens.agent)).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['2026\u0000', 'x', 'NaN']), 'utf8').toString('base64url');
    const refused = await h.call('GET', `/api/reports/process-map/cases?caseType=ticket&source=working&event=DONE&target=done&cursor=${forged}`, h.tokens.agent);
    expect([refused.status, refused.body.code]).toEqual([400, 'cursor.invalid']);
  });

  it("shows another tenant nothing of this tenant's history", async () => {
    expect((await h.call('GET', '/api/reports/process-map?caseType=ticket', h.tokens.acmeAdmin)).status).toBe(422);
    expect((await h.call('GET', '/api/reports/process-map?caseType=ticket&tenant=default', h.tokens.acmeAdmin)).status).toBe(403);
    await h.store.publish('acme', 'ticket', ticket, START);
    const acme = await h.call('GET', '/api/reports/process-map?caseType=ticket', h.tokens.acmeAdmin);
    expect(acme.body.edges).toEqual([]);
    expect(acme.body.neverTaken).toHaveLength(5);
  });
});
