// Cases over HTTP in process: create, read, events, history, If-Match, Idempotency-Key, tenants, roles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.ts';

const anna = {
  customer: { name: 'Anna de Vries', email: 'anna.devries@example.com', customerNumber: 'C-104233' },
  channel: 'email',
  receivedAt: '2026-01-05T08:12:00Z',
  description: 'Charged twice for invoice 2025-12.',
};

describe('cases over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const create = (token = h.tokens.intake, body: unknown = { caseType: 'complaint', data: anna }, headers?: Record<string, string>) =>
    h.call('POST', '/api/cases', token, body, headers);

  describe('POST /api/cases', () => {
    it('creates a case and answers 201 with the case, its tasks, SLAs, checklist, next events and ETag', async () => {
      // when an intake agent creates a complaint
      const res = await create();
      // then
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.body).toMatchObject({ caseType: 'complaint', version: 1, state: 'triage', revision: 1, priority: 'normal', data: anna, parentId: null, closedAt: null, createdAt: '2026-01-05T09:00:00.000Z' });
      expect(res.body.tasks.map((t: { title: string }) => t.title)).toEqual(['Classify the complaint']);
      expect(res.body.slas.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([['firstResponse', 'running'], ['resolution', 'running']]);
      expect(res.body.checklist.map((c: { rule: string; pass: boolean }) => [c.rule, c.pass])).toEqual([['triaged', false]]);
      expect(res.body.next.find((n: { type: string }) => n.type === 'SUBMIT_TRIAGE')).toMatchObject({ available: true, enabled: false, allowed: true });
      expect(Object.keys(res.body).sort()).toEqual(
        ['id', 'reference', 'caseType', 'version', 'customerName', 'state', 'data', 'revision', 'priority', 'queue', 'assignee', 'channel', 'parentId', 'children', 'createdAt', 'updatedAt', 'closedAt', 'tasks', 'slas', 'checklist', 'next'].sort(),
      );
      // the reference the store numbered it with (the complaint's key: COM), and the customer's name
      expect(res.body).toMatchObject({ reference: 'COM-000001', customerName: 'Anna de Vries' });
    });

    it('answers 422 data.invalid naming the missing fields', async () => {
      const res = await create(h.tokens.intake, { caseType: 'complaint', data: { channel: 'email' } });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({ type: 'urn:dossier:problem:data.invalid', status: 422, code: 'data.invalid', title: 'Invalid case data' });
      expect(res.body.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(['/customer', '/description']);
    });

    it('answers 400 for a body of the wrong shape or not JSON, and 422 for an unknown case type', async () => {
      const missing = await create(h.tokens.intake, { data: anna });
      expect([missing.status, missing.body.code]).toEqual([400, 'request.invalid']);
      expect(missing.body.problems).toEqual([{ pointer: '/caseType', message: 'missing: /caseType' }]);
      const broken = await create(h.tokens.intake, '{"caseType": ');
      expect([broken.status, broken.body.code]).toEqual([400, 'request.malformed_json']);
      const unknown = await create(h.tokens.intake, { caseType: 'nope', data: {} });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'case_type.unknown']);
      const parent = await create(h.tokens.intake, { caseType: 'complaint', data: anna, parentId: 'missing' });
      expect([parent.status, parent.body.code]).toEqual([422, 'case.parent_not_found']);
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const res = await create(h.tokens.intake, { caseType: 'complaint', data: { ...anna, description: 'x'.repeat(1024 * 1024) } });
      expect([res.status, res.body.code]).toEqual([413, 'request.too_large']);
    });

    it('replays the stored answer for a retried Idempotency-Key and creates one case', async () => {
      const first = await create(h.tokens.intake, { caseType: 'complaint', data: anna }, { 'idempotency-key': 'create-1' });
      const second = await create(h.tokens.intake, { caseType: 'complaint', data: anna }, { 'idempotency-key': 'create-1' });
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      // the same text, member order included (a client may hash or sign what it got)
      expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));
      // the kept answer has the reference the store gave the case in the same commit
      expect(second.body.reference).toBe('COM-000001');
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      const list = await h.call('GET', '/api/cases', h.tokens.agent);
      expect(list.body.items.length).toBe(1);
    });
  });

  describe('events', () => {
    it('moves the case on an accepted event and rejects with 422 rule.failed, 409, 403 and 422 event.unknown', async () => {
      const { body: kase } = await create();
      const send = (type: string, data?: unknown, token = h.tokens.intake, headers?: Record<string, string>) =>
        h.call('POST', `/api/cases/${kase.id}/events`, token, data === undefined ? { type } : { type, data }, headers);
      // a guard fails: severity missing
      const blocked = await send('SUBMIT_TRIAGE', { reason: 'billing' });
      expect([blocked.status, blocked.body.code]).toEqual([422, 'rule.failed']);
      expect(blocked.body.problems).toEqual([{ pointer: '/severity', message: 'missing: /severity' }]);
      // no transition in this state
      const early = await send('SUBMIT_FINDINGS', undefined, h.tokens.admin);
      expect([early.status, early.body.code]).toEqual([409, 'event.not_accepted']);
      // the token lacks the event's roles
      const forbidden = await send('SUBMIT_TRIAGE', { reason: 'billing', severity: 'medium' }, h.tokens.agent);
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'event.forbidden']);
      const unknown = await send('NO_SUCH_EVENT');
      expect([unknown.status, unknown.body.code]).toEqual([422, 'event.unknown']);
      // accepted
      const ok = await send('SUBMIT_TRIAGE', { reason: 'billing', severity: 'medium' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"2"');
      expect(ok.body).toMatchObject({ state: { investigating: 'collect' }, revision: 2, queue: 'complaints', data: { ...anna, reason: 'billing', severity: 'medium' } });
      expect(ok.body.tasks.map((t: { title: string }) => t.title)).toEqual(['Collect the facts']);
    });

    it('honours If-Match: 412 on a stale revision, quoted or not; 400 on a malformed one', async () => {
      const { body: kase } = await create();
      const path = `/api/cases/${kase.id}/events`;
      const body = { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } };
      const stale = await h.call('POST', path, h.tokens.intake, body, { 'if-match': '"7"' });
      expect([stale.status, stale.body.code]).toEqual([412, 'revision.stale']);
      const garbage = await h.call('POST', path, h.tokens.intake, body, { 'if-match': 'abc' });
      expect([garbage.status, garbage.body.code]).toEqual([400, 'request.invalid']);
      const ok = await h.call('POST', path, h.tokens.intake, body, { 'if-match': '1' });
      expect([ok.status, ok.body.revision]).toEqual([200, 2]);
      const again = await h.call('POST', path, h.tokens.intake, { type: 'WITHDRAW' }, { 'if-match': '"1"' });
      expect([again.status, again.body.code]).toEqual([412, 'revision.stale']);
      expect((await h.call('GET', `/api/cases/${kase.id}`, h.tokens.agent)).body.revision).toBe(2);
    });

    it('replays a retried event with the same Idempotency-Key and changes nothing; another request with the key is 422', async () => {
      const { body: kase } = await create();
      const path = `/api/cases/${kase.id}/events`;
      const body = { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } };
      const first = await h.call('POST', path, h.tokens.intake, body, { 'idempotency-key': 'ev-1' });
      const retry = await h.call('POST', path, h.tokens.intake, body, { 'idempotency-key': 'ev-1' });
      expect([retry.status, retry.headers.get('etag')]).toEqual([200, '"2"']);
      expect(retry.body).toEqual(first.body);
      const history = await h.call('GET', `/api/cases/${kase.id}/history`, h.tokens.agent);
      expect(history.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
      // a rejection is stored too
      const rejected = await h.call('POST', path, h.tokens.intake, { type: 'SUBMIT_TRIAGE' }, { 'idempotency-key': 'ev-2' });
      const rejectedAgain = await h.call('POST', path, h.tokens.intake, { type: 'SUBMIT_TRIAGE' }, { 'idempotency-key': 'ev-2' });
      expect([rejected.status, rejectedAgain.status, rejectedAgain.body.code]).toEqual([409, 409, 'event.not_accepted']);
      // the key on another path
      const reused = await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: anna }, { 'idempotency-key': 'ev-1' });
      expect([reused.status, reused.body.code]).toEqual([422, 'idempotency.key_reused']);
    });

    it('applies concurrent events on one case one after the other: one wins per revision', async () => {
      const { body: kase } = await create();
      const path = `/api/cases/${kase.id}/events`;
      const body = { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } };
      const results = await Promise.all(Array.from({ length: 5 }, () => h.call('POST', path, h.tokens.intake, body, { 'if-match': '1' })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412]);
      const history = await h.call('GET', `/api/cases/${kase.id}/history`, h.tokens.agent);
      expect(history.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    });
  });

  describe('conflicts and system events', () => {
    it('applies concurrent events without If-Match one after the other: the first wins, the rest see the new state', async () => {
      const { body: kase } = await create();
      const body = { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } };
      const results = await Promise.all(Array.from({ length: 4 }, () => h.call('POST', `/api/cases/${kase.id}/events`, h.tokens.intake, body)));
      expect(results.map((r) => [r.status, r.body.code ?? r.body.revision])).toEqual([
        [200, 2],
        [409, 'event.not_accepted'],
        [409, 'event.not_accepted'],
        [409, 'event.not_accepted'],
      ]);
    });

    it('refuses system events from clients with 403', async () => {
      const { body: kase } = await create();
      for (const type of ['child.closed', 'timer.noReply', 'sla.firstResponse.breached', 'case.created']) {
        const res = await h.call('POST', `/api/cases/${kase.id}/events`, h.tokens.admin, { type });
        expect([type, res.status, res.body.code]).toEqual([type, 403, 'event.forbidden']);
      }
    });
  });

  describe('reading', () => {
    it('returns the history oldest first, one entry per event, paged with a cursor', async () => {
      const { body: kase } = await create();
      h.clock.advance(60_000);
      await h.call('POST', `/api/cases/${kase.id}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'high' } });
      const page1 = await h.call('GET', `/api/cases/${kase.id}/history?limit=1`, h.tokens.agent);
      const page2 = await h.call('GET', `/api/cases/${kase.id}/history?limit=1&cursor=${page1.body.nextCursor}`, h.tokens.agent);
      expect(page1.body.items.map((e: { seq: number; event: { type: string } }) => [e.seq, e.event.type])).toEqual([[1, 'case.created']]);
      expect(page2.body.items[0]).toMatchObject({
        seq: 2, at: '2026-01-05T09:01:00.000Z', actor: 'intake', event: { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'high' } },
        from: 'triage', to: { investigating: 'collect' }, notes: ['High severity: routed to the investigations queue.'],
      });
      expect(page2.body.nextCursor).toBeNull();
      const bad = await h.call('GET', `/api/cases/${kase.id}/history?cursor=zzz`, h.tokens.agent);
      expect([bad.status, bad.body.code]).toEqual([400, 'cursor.invalid']);
    });

    it('lists cases newest first with filters and cursor pages', async () => {
      const a = (await create()).body;
      h.clock.advance(1000);
      const b = (await create()).body;
      h.clock.advance(1000);
      const c = (await create()).body;
      await h.call('POST', `/api/cases/${b.id}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'high' } });
      const page1 = await h.call('GET', '/api/cases?limit=2', h.tokens.agent);
      const page2 = await h.call('GET', `/api/cases?limit=2&cursor=${page1.body.nextCursor}`, h.tokens.agent);
      expect(page1.body.items.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
      expect(page2.body).toMatchObject({ nextCursor: null });
      expect(page2.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
      const ids = async (query: string) => (await h.call('GET', `/api/cases?${query}`, h.tokens.agent)).body.items.map((x: { id: string }) => x.id);
      expect(await ids('state=investigating')).toEqual([b.id]);
      expect(await ids('queue=investigations')).toEqual([b.id]);
      expect(await ids('caseType=complaint&state=triage')).toEqual([c.id, a.id]);
      expect(await ids('q=Charged%20twice&limit=1')).toEqual([c.id]);
      expect(await ids('priority=urgent')).toEqual([]);
      const badLimit = await h.call('GET', '/api/cases?limit=0', h.tokens.agent);
      expect([badLimit.status, badLimit.body.code]).toEqual([400, 'request.invalid']);
    });

    it('answers every case with its reference, numbered per case type, and finds a case by it with q', async () => {
      // given two complaints and an order inquiry
      const a = (await create()).body;
      const b = (await create()).body;
      const inquiry = await create(h.tokens.intake, {
        caseType: 'order-inquiry',
        channel: 'chat',
        data: { customer: { name: 'Ada Lovelace', email: 'ada@example.com' }, channel: 'chat', orderNumber: 'ORD-123456' },
      });
      // then each creation answered its reference: the complaint's key gives COM, order-inquiry OI
      expect([a.reference, b.reference, inquiry.body.reference]).toEqual(['COM-000001', 'COM-000002', 'OI-000001']);
      expect(inquiry.body.customerName).toBe('Ada Lovelace');
      // and every other answer carries it: the case, an event, the list
      const read = await h.call('GET', `/api/cases/${b.id}`, h.tokens.agent);
      expect(read.body).toMatchObject({ id: b.id, reference: 'COM-000002', customerName: 'Anna de Vries' });
      const moved = await h.call('POST', `/api/cases/${b.id}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'high' } });
      expect([moved.status, moved.body.reference, moved.body.revision]).toEqual([200, 'COM-000002', 2]);
      const list = await h.call('GET', '/api/cases', h.tokens.agent);
      expect(list.body.items.map((x: { reference: string }) => x.reference).sort()).toEqual(['COM-000001', 'COM-000002', 'OI-000001']);
      // q finds a case by its reference, whole or in part, in any letter case
      const refs = async (q: string) => (await h.call('GET', `/api/cases?q=${encodeURIComponent(q)}`, h.tokens.agent)).body.items.map((x: { reference: string }) => x.reference);
      expect(await refs('COM-000002')).toEqual(['COM-000002']);
      expect(await refs('oi-000001')).toEqual(['OI-000001']);
      expect((await refs('COM-')).sort()).toEqual(['COM-000001', 'COM-000002']);
      expect(await refs('COM-000009')).toEqual([]);
    });

    it("numbers a case type's cases under its own referencePrefix, per tenant", async () => {
      // given a case type that names its prefix, published in two tenants
      const note = {
        key: 'service-note', title: 'Service note', referencePrefix: 'SN',
        data: { type: 'object', properties: {} }, events: { CLOSE: { title: 'Close' } },
        playbook: { initial: 'open', states: { open: { title: 'Open', on: { CLOSE: 'done' } }, done: { title: 'Done', type: 'final' } } },
      };
      for (const token of [h.tokens.admin, h.tokens.acmeAdmin]) {
        expect((await h.call('PUT', '/api/case-types/service-note/draft', token, note)).status).toBe(200);
        expect((await h.call('POST', '/api/case-types/service-note/publish', token)).status).toBe(201);
      }
      // when cases are created in both
      const refs = [];
      for (const token of [h.tokens.intake, h.tokens.intake, h.tokens.acmeAgent]) refs.push((await h.call('POST', '/api/cases', token, { caseType: 'service-note', data: {} })).body.reference);
      // then each tenant counts its own
      expect(refs).toEqual(['SN-000001', 'SN-000002', 'SN-000001']);
    });

    it('lists only open or only closed cases with status, paged; any other status is 400 naming open and closed', async () => {
      // given three cases, the middle one withdrawn (closed)
      const a = (await create()).body;
      h.clock.advance(1000);
      const b = (await create()).body;
      h.clock.advance(1000);
      const c = (await create()).body;
      const withdrawn = await h.call('POST', `/api/cases/${b.id}/events`, h.tokens.intake, { type: 'WITHDRAW' });
      expect(withdrawn.body.closedAt).not.toBeNull();
      const list = async (query: string) => (await h.call('GET', `/api/cases?${query}`, h.tokens.agent)).body;
      const ids = async (query: string) => (await list(query)).items.map((x: { id: string }) => x.id);
      // then
      expect(await ids('status=open')).toEqual([c.id, a.id]);
      expect(await ids('status=closed')).toEqual([b.id]);
      expect(await ids('status=')).toEqual([c.id, b.id, a.id]);
      expect(await ids('status=open&caseType=complaint&state=triage')).toEqual([c.id, a.id]);
      const page1 = await list('status=open&limit=1');
      expect([page1.items.map((x: { id: string }) => x.id), page1.nextCursor === null]).toEqual([[c.id], false]);
      const page2 = await list(`status=open&limit=1&cursor=${page1.nextCursor}`);
      expect([page2.items.map((x: { id: string }) => x.id), page2.nextCursor]).toEqual([[a.id], null]);
      for (const bad of ['OPEN', 'all', 'closed,open']) {
        const res = await h.call('GET', `/api/cases?status=${encodeURIComponent(bad)}`, h.tokens.agent);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.body).toMatchObject({ code: 'request.invalid', detail: `status must be open or closed; got '${bad}'.`, problems: [{ pointer: '/status', message: 'must be open or closed' }] });
      }
    });

    it('documents status in the OpenAPI document with its two values', async () => {
      const doc = (await h.call('GET', '/api/openapi.json', null)).body;
      const params = doc.paths['/api/cases'].get.parameters as { name: string; in: string; schema: unknown }[];
      expect(params.find((p) => p.name === 'status')).toEqual({ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'closed'] } });
      expect(params.find((p) => p.name === 'caseType')?.schema).toEqual({ type: 'string' });
    });
  });

  describe('auth and tenants', () => {
    it('answers 401 without or with an unknown token, 403 for a role that may not', async () => {
      const none = await h.call('GET', '/api/cases', null);
      expect([none.status, none.body.code]).toEqual([401, 'auth.missing']);
      const wrong = await h.call('GET', '/api/cases', 'dsr_nope');
      expect([wrong.status, wrong.body.code]).toEqual([401, 'auth.invalid']);
      const basic = await h.call('GET', '/api/cases', null, undefined, { authorization: 'Basic abc' });
      expect([basic.status, basic.body.code]).toEqual([401, 'auth.invalid']);
      for (const [token, method, path] of [
        ['analyst', 'GET', '/api/cases'],
        ['service', 'GET', '/api/cases'],
        ['analyst', 'POST', '/api/cases'],
        ['bare', 'POST', '/api/cases'],
        ['service', 'GET', '/api/tasks'],
        ['agent', 'POST', '/api/tokens'],
      ] as const) {
        const res = await h.call(method, path, h.tokens[token], method === 'POST' ? { caseType: 'complaint', data: anna, name: 'x', roles: [] } : undefined);
        expect([token, path, res.status, res.body.code]).toEqual([token, path, 403, 'auth.forbidden']);
      }
      const service = await create(h.tokens.service);
      expect(service.status).toBe(201);
    });

    it("answers 404 for another tenant's case on every case route, never 403", async () => {
      const { body: kase } = await create();
      for (const [method, path, body] of [
        ['GET', `/api/cases/${kase.id}`, undefined],
        ['GET', `/api/cases/${kase.id}/history`, undefined],
        ['POST', `/api/cases/${kase.id}/events`, { type: 'WITHDRAW' }],
      ] as const) {
        const res = await h.call(method, path, h.tokens.acmeAdmin, body);
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'case.not_found']);
      }
      const list = await h.call('GET', '/api/cases', h.tokens.acmeAgent);
      expect(list.body).toEqual({ items: [], nextCursor: null });
      const types = await h.call('GET', '/api/case-types', h.tokens.acmeAgent);
      expect(types.body).toEqual({ items: [], nextCursor: null });
      const createThere = await create(h.tokens.acmeAgent);
      expect([createThere.status, createThere.body.code]).toEqual([422, 'case_type.unknown']);
    });
  });
});
