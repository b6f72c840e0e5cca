// Tasks (queues, claim, release), the outbox listing and the reports over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.ts';

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
    const a = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('a') })).body;
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
    expect(reasons.body).toEqual({ field: '/reason', total: 2, items: [{ value: 'billing', count: 1, share: 0.5 }, { value: null, count: 1, share: 0.5 }] });
    expect((await h.call('GET', '/api/reports/reasons?field=reason', h.tokens.agent)).status).toBe(400);
    expect((await h.call('GET', '/api/reports/sla', h.tokens.analyst)).status).toBe(403);
  });
});
