// The dashboard routes of issue 22 over HTTP (docs/reports.md): the new figures' answers, the report query's
// 422s each with its pointer, and `tenant` for an admin of tenant default only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, START, type Harness } from './harness.ts';

const customer = (reason: string) => ({ customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: `about ${reason}` });
const HOUR = 3_600_000;

describe('dashboard report routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function twoComplaints(): Promise<void> {
    // one by phone, triaged an hour later (its task claimed by intake when created), one by the API, untouched
    const a = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('a'), channel: 'phone' })).body;
    await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: customer('b') });
    expect((await h.call('POST', `/api/tasks/${a.tasks[0].id as string}/claim`, h.tokens.intake)).status).toBe(200);
    h.clock.advance(HOUR);
    await h.call('POST', `/api/cases/${a.id as string}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } });
  }
  const get = async (path: string, token = h.tokens.agent) => {
    const reply = await h.call('GET', path, token);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };

  it('answers the SLA trend, backlog, stages with percentiles, reasons trend, channels and agents', async () => {
    await twoComplaints();
    expect(await get('/api/reports/sla/trend?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&caseType=complaint')).toEqual({
      bucket: 'day',
      items: [{ start: '2026-01-05T00:00:00.000Z', met: 1, metLate: 0, missedGoal: 0, breached: 0 }],
    });
    const backlog = await get('/api/reports/backlog');
    expect(backlog.asOf).toBe('2026-01-05T10:00:00.000Z');
    expect(backlog.total).toBe(2);
    expect(backlog.items.map((r: { count: number; ageing: { under1d: number }; oldestCreatedAt: string }) => [r.count, r.ageing.under1d, r.oldestCreatedAt])).toEqual([
      [1, 1, START],
      [1, 1, START],
    ]);
    expect(backlog.items.map((r: { state: string }) => r.state).sort()).toEqual(['investigating', 'triage']);
    const stages = await get('/api/reports/stages?caseType=complaint');
    expect(stages.items.find((r: { state: string }) => r.state === 'triage')).toMatchObject({ visits: 2, completed: 1, medianMs: HOUR, p90Ms: HOUR, current: 1 });
    expect(await get('/api/reports/reasons/trend?field=/reason&caseType=complaint')).toEqual({
      field: '/reason',
      bucket: 'month',
      values: ['billing', null],
      items: [
        { start: '2026-01-01T00:00:00.000Z', value: 'billing', count: 1 },
        { start: '2026-01-01T00:00:00.000Z', value: null, count: 1 },
      ],
    });
    expect(await get('/api/reports/channels?from=2026-01-05T00:00:00Z&to=2026-01-19T00:00:00Z&bucket=week')).toEqual({
      total: 2,
      items: [{ channel: 'api', count: 1, share: 0.5 }, { channel: 'phone', count: 1, share: 0.5 }],
      trend: { bucket: 'week', items: [{ start: '2026-01-05T00:00:00.000Z', channel: 'api', count: 1 }, { start: '2026-01-05T00:00:00.000Z', channel: 'phone', count: 1 }] },
    });
    expect(await get('/api/reports/channels?channel=phone')).toMatchObject({ total: 1, items: [{ channel: 'phone', count: 1, share: 1 }] });
    expect(await get('/api/reports/agents')).toEqual({ total: 1, items: [{ agent: 'intake', tasksClosed: 1, cases: 1, medianHandlingMs: HOUR, p90HandlingMs: HOUR }] });
    expect(await get('/api/reports/sla?caseType=complaint&version=1')).toMatchObject({ items: [{ sla: 'firstResponse', total: 2 }, { sla: 'resolution', total: 2 }] });
  });

  it('refuses bad input with 422 and the parameter pointer, before any query', async () => {
    const problem = async (query: string) => {
      const reply = await h.call('GET', `/api/reports/${query}`, h.tokens.agent);
      return [reply.status, reply.body.code, reply.body.problems?.[0]?.pointer];
    };
    expect(await problem('sla?from=2026-01-06T00:00:00Z&to=2026-01-05T00:00:00Z')).toEqual([422, 'report.invalid', '/to']);
    expect(await problem('channels?from=1990-01-01T00:00:00Z&to=2090-01-01T00:00:00Z')).toEqual([422, 'report.invalid', '/to']);
    expect(await problem('sla/trend?bucket=year')).toEqual([422, 'report.invalid', '/bucket']);
    // days or weeks need both ends (an open window in days would be a row per day of all history); months do not
    expect(await problem('sla/trend?bucket=day&from=2000-01-01T00:00:00Z')).toEqual([422, 'report.invalid', '/to']);
    expect(await problem('channels?bucket=week&to=2026-01-01T00:00:00Z')).toEqual([422, 'report.invalid', '/from']);
    expect((await get('/api/reports/sla/trend?bucket=month')).bucket).toBe('month');
    // a tenant that is not a tenant's name, a value with U+0000: refused before any query, never a 500
    expect(await problem('sla?tenant=%00')).toEqual([422, 'report.invalid', '/tenant']);
    expect(await problem('sla?tenant=Not%20A%20Tenant')).toEqual([422, 'report.invalid', '/tenant']);
    expect(await problem('sla?queue=a%00b')).toEqual([422, 'report.invalid', '/queue']);
    expect(await problem('channels?channel=fax')).toEqual([422, 'report.invalid', '/channel']);
    expect(await problem('backlog?version=1')).toEqual([422, 'report.invalid', '/version']);
    expect(await problem('stages?caseType=complaint&version=two')).toEqual([422, 'report.invalid', '/version']);
    expect(await problem('agents?limit=501')).toEqual([422, 'report.invalid', '/limit']);
    expect(await problem('reasons?limit=0')).toEqual([422, 'report.invalid', '/limit']);
    // a version that is not published
    const unpublished = await h.call('GET', '/api/reports/sla?caseType=complaint&version=99', h.tokens.agent);
    expect([unpublished.status, unpublished.body.code, unpublished.body.problems[0].pointer]).toEqual([422, 'report.invalid', '/version']);
    expect(unpublished.body.detail).toContain("the published versions of 'complaint' are 1");
    // a field that is not one of the case type's: the fields it could be
    const unknown = await h.call('GET', '/api/reports/reasons?caseType=complaint&field=/colour', h.tokens.agent);
    expect([unknown.status, unknown.body.code, unknown.body.problems[0].pointer]).toEqual([422, 'report.unknown_field', '/field']);
    expect(unknown.body.detail).toContain('/reason');
    expect(await problem('reasons/trend?field=/colour')).toEqual([422, 'report.unknown_field', '/field']);
    expect(await problem('reasons?field=reason')).toEqual([422, 'report.unknown_field', '/field']);
    // a field of any published case type is one, without caseType
    expect((await h.call('GET', '/api/reports/reasons?field=/reason', h.tokens.agent)).status).toBe(200);
  });

  it("gives another tenant's figures to an admin of tenant default only", async () => {
    await twoComplaints();
    const complaint = await h.store.getCaseType('default', 'complaint');
    await h.store.publish('acme', 'complaint', complaint!.definition, START);
    expect((await h.call('POST', '/api/cases', h.tokens.acmeAgent, { caseType: 'complaint', data: customer('c') })).status).toBe(201);
    expect((await get('/api/reports/channels', h.tokens.acmeAdmin)).total).toBe(1);
    expect((await get('/api/reports/channels?tenant=acme', h.tokens.admin)).total).toBe(1);
    expect((await get('/api/reports/channels?tenant=default', h.tokens.admin)).total).toBe(2);
    const refused = await h.call('GET', '/api/reports/channels?tenant=default', h.tokens.acmeAdmin);
    expect([refused.status, refused.body.code]).toEqual([403, 'auth.forbidden']);
    expect((await h.call('GET', '/api/reports/channels?tenant=acme', h.tokens.agent)).status).toBe(403);
    // a tenant that does not exist: no figures (the same answer as a tenant with no cases)
    expect(await get('/api/reports/backlog?tenant=nobody', h.tokens.admin)).toEqual({ asOf: '2026-01-05T10:00:00.000Z', total: 0, items: [] });
  });
});
