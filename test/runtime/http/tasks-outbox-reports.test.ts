// Tasks (queues, claim, release), the outbox listing and the reports over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, START, type Harness } from './harness.ts';

const customer = (reason: string) => ({ customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: `about ${reason}` });

describe('tasks, outbox and reports over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('lists open tasks by queue, claims and releases them', async () => {
    const kase = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('x') })).body;
    const taskId = kase.tasks[0].id as string;
    const queue = await h.call('GET', '/api/tasks?queue=triage', h.tokens.agent);
    expect(queue.body.items.map((t: { id: string; caseId: string; title: string; assignee: null }) => [t.id, t.caseId, t.title, t.assignee])).toEqual([
      [taskId, kase.id, 'Classify the complaint', null],
    ]);
    expect(queue.body.nextCursor).toBeNull();
    const claim = await h.call('POST', `/api/tasks/${taskId}/claim`, h.tokens.intake);
    expect([claim.status, claim.body.assignee]).toEqual([200, 'intake']);
    const taken = await h.call('POST', `/api/tasks/${taskId}/claim`, h.tokens.agent);
    expect([taken.status, taken.body.code]).toEqual([409, 'task.claimed']);
    const notYours = await h.call('POST', `/api/tasks/${taskId}/release`, h.tokens.agent);
    expect([notYours.status, notYours.body.code]).toEqual([409, 'task.claimed']);
    expect((await h.call('GET', '/api/tasks?assignee=me', h.tokens.intake)).body.items.length).toBe(1);
    expect((await h.call('GET', `/api/cases/${kase.id}`, h.tokens.agent)).body.tasks[0].assignee).toBe('intake');
    const released = await h.call('POST', `/api/tasks/${taskId}/release`, h.tokens.intake);
    expect([released.status, released.body.assignee]).toEqual([200, null]);
    const elsewhere = await h.call('POST', `/api/tasks/${taskId}/claim`, h.tokens.acmeAgent);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'task.not_found']);
    expect((await h.call('GET', '/api/tasks?status=bogus', h.tokens.agent)).status).toBe(400);
    expect((await h.call('POST', `/api/tasks/${taskId}/claim`, h.tokens.service)).status).toBe(403);
  });

  it('shows the outbox to admins only', async () => {
    const kase = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('x') })).body;
    const outbox = await h.call('GET', '/api/outbox?status=pending', h.tokens.admin);
    expect(outbox.body.items.map((o: { caseId: string; status: string; effect: { type: string; template: string } }) => [o.caseId, o.status, o.effect.type, o.effect.template])).toEqual([
      [kase.id, 'pending', 'notify', 'complaint-received'],
    ]);
    expect((await h.call('GET', '/api/outbox', h.tokens.agent)).status).toBe(403);
  });

  it('reports SLA compliance, time per stage and the top reasons', async () => {
    // given two complaints, one triaged an hour after creation
    const a = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('a'), channel: 'phone' })).body;
    await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('b') });
    h.clock.advance(3600_000);
    await h.call('POST', `/api/cases/${a.id}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } });
    // then
    const sla = await h.call('GET', '/api/reports/sla?caseType=complaint', h.tokens.agent);
    expect(sla.body.items.map((r: { sla: string; total: number; met: number; running: number; compliance: number | null }) => [r.sla, r.total, r.met, r.running, r.compliance])).toEqual([
      ['firstResponse', 2, 1, 1, 1],
      ['resolution', 2, 0, 2, null],
    ]);
    const stages = await h.call('GET', '/api/reports/stages', h.tokens.agent);
    expect(stages.body.items.map((r: { state: string; visits: number; completed: number; totalMs: number; current: number }) => [r.state, r.visits, r.completed, r.totalMs, r.current])).toEqual([
      ['collect', 1, 0, 0, 1],
      ['investigating', 1, 0, 0, 1],
      ['triage', 2, 1, 3600_000, 1],
    ]);
    const reasons = await h.call('GET', '/api/reports/reasons?field=/reason', h.tokens.agent);
    expect(reasons.body).toEqual({
      field: '/reason',
      total: 2,
      channels: [{ channel: 'api', count: 1, share: 0.5 }, { channel: 'phone', count: 1, share: 0.5 }],
      items: [
        { value: 'billing', count: 1, share: 0.5, channels: [{ channel: 'phone', count: 1 }] },
        { value: null, count: 1, share: 0.5, channels: [{ channel: 'api', count: 1 }] },
      ],
    });
    expect((await h.call('GET', '/api/reports/reasons?field=reason', h.tokens.agent)).status).toBe(422);
    expect((await h.call('GET', '/api/reports/sla', h.tokens.analyst)).status).toBe(403);
  });

  it('counts in a report only what began in the window from (inclusive) to (exclusive): SLAs started, visits begun, cases created', async () => {
    // given a complaint at 09:00, triaged at 10:00, and one created at 11:00
    const a = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('a') })).body;
    h.clock.advance(3600_000);
    await h.call('POST', `/api/cases/${a.id}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } });
    h.clock.advance(3600_000);
    await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('b') });
    const report = async (path: string) => {
      const reply = await h.call('GET', path, h.tokens.agent);
      expect(reply.status).toBe(200);
      return reply.body;
    };
    // from 10:00 (written with an offset: 11:00+01:00): the second complaint's SLAs, the visits begun at 10:00 and 11:00
    const sla = await report('/api/reports/sla?from=2026-01-05T11:00:00%2B01:00');
    expect(sla.items.map((r: { sla: string; total: number }) => [r.sla, r.total])).toEqual([['firstResponse', 1], ['resolution', 1]]);
    const stages = await report('/api/reports/stages?from=2026-01-05T10:00:00Z&caseType=complaint');
    expect(stages.items.map((r: { state: string; visits: number; current: number }) => [r.state, r.visits, r.current])).toEqual([
      ['collect', 1, 1],
      ['investigating', 1, 1],
      ['triage', 1, 1],
    ]);
    // to 10:00: only what began at 09:00 (the triage visit that ended at 10:00)
    const before = await report(`/api/reports/stages?to=2026-01-05T10:00:00.000Z`);
    expect(before.items.map((r: { state: string; visits: number; completed: number; totalMs: number }) => [r.state, r.visits, r.completed, r.totalMs])).toEqual([['triage', 1, 1, 3600_000]]);
    expect((await report(`/api/reports/reasons?from=${START}&to=2026-01-05T10:59:59.999Z`)).total).toBe(1);
    expect((await report('/api/reports/reasons?from=2026-01-05T11:00:00Z')).items).toEqual([{ value: null, count: 1, share: 1, channels: [{ channel: 'api', count: 1 }] }]);
    expect((await report('/api/reports/sla?from=2026-01-05T12:00:00Z&to=2026-01-05T12:00:00Z')).items).toEqual([]);
  });

  it('refuses a window that is not one: 422 report.invalid naming the parameter (400 before issue 22)', async () => {
    const problem = async (query: string) => {
      const reply = await h.call('GET', `/api/reports/${query}`, h.tokens.agent);
      return [reply.status, reply.body.code, reply.body.problems?.[0]?.pointer];
    };
    expect(await problem('sla?from=yesterday')).toEqual([422, 'report.invalid', '/from']);
    expect(await problem('stages?to=2026-02-30T00:00:00Z')).toEqual([422, 'report.invalid', '/to']);
    expect(await problem('reasons?from=2026-01-05')).toEqual([422, 'report.invalid', '/from']);
    expect(await problem('sla?to=2026-01-05T25:00:00Z')).toEqual([422, 'report.invalid', '/to']);
    expect(await problem('stages?from=2026-01-06T00:00:00Z&to=2026-01-05T00:00:00Z')).toEqual([422, 'report.invalid', '/to']);
    expect(await problem('sla?from=9999-12-31T23:00:00-02:00')).toEqual([422, 'report.invalid', '/from']);
    // and the OpenAPI description lists the window on the three reports
    const doc = (await h.call('GET', '/api/openapi.json', null)).body;
    for (const path of ['/api/reports/sla', '/api/reports/stages', '/api/reports/reasons']) {
      expect(doc.paths[path].get.parameters.filter((p: { name: string }) => p.name === 'from' || p.name === 'to')).toEqual(
        ['from', 'to'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string', format: 'date-time' } })),
      );
    }
  });
});
