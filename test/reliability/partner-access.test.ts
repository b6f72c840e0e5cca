// A partner organisation's people (issue 18, item 3), by token and by sign-in session: only the cases and
// tasks of the queues delegated to the partner, only the fields the case type shares — in lists, views,
// answers to their events, history; no reports, customer look-ups or exports — their changes limited to the
// shared fields, and their actions attributed to the partner in history and the XES export. Every answer
// they get is scanned for a marker kept in fields that are not shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../runtime/host/sign-in.ts';
import { csrfTokenOf } from '../../runtime/http/sign-in.ts';
import { createHarness, type Harness, type Reply } from '../runtime/http/harness.ts';
import { outsourcedCaseType } from '../outsourced-case-type.ts';

const MARKER = 'NOT-FOR-PARTNERS-7f3a';

// a checklist rule over a shared and an unshared field: a partner reads only the shared one's problem
const outsourced = outsourcedCaseType({
  fields: { verdict: { type: 'string', title: 'Internal verdict' } },
  rules: { complete: { title: 'Complete', schema: { required: ['outcome', 'verdict'] } } },
  checklist: ['complete'],
});

let h: Harness;
let shared: { id: string; taskId: string };
let internal: { id: string; taskId: string };
let partnerToken = '';
let partnerSession = '';
/** Every answer a partner's person got, for the marker scan at the end. */
const answers: { path: string; text: string }[] = [];

type Via = 'token' | 'session';

async function asPartner(via: Via, method: string, path: string, body?: unknown): Promise<Reply> {
  const res =
    via === 'token'
      ? await h.call(method, path, partnerToken, body)
      : await h.call(method, path, null, body, { cookie: `dossier_session=${partnerSession}`, 'x-csrf-token': csrfTokenOf(partnerSession) });
  answers.push({ path: `${via} ${method} ${path}`, text: JSON.stringify(res.body) + [...res.headers].join(' ') });
  return res;
}

async function newCase(subject: string): Promise<{ id: string; taskId: string }> {
  const made = await h.call('POST', '/api/cases', h.tokens.admin, {
    caseType: 'outsourced',
    data: { subject, secret: `${MARKER} secret`, customer: { name: 'Mia Jansen', email: `${MARKER}@example.com` } },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { id: made.body.id as string, taskId: made.body.tasks[0].id as string };
}

describe("a partner organisation's people", () => {
  beforeAll(async () => {
    h = await createHarness();
    const draft = await h.call('PUT', '/api/case-types/outsourced/draft', h.tokens.admin, outsourced);
    expect(draft.body.valid, JSON.stringify(draft.body.problems)).toBe(true);
    expect((await h.call('POST', '/api/case-types/outsourced/publish', h.tokens.admin)).status).toBe(201);
    shared = await newCase('Refund request');
    internal = await newCase('Fraud check');
    expect((await h.call('POST', `/api/cases/${internal.id}/events`, h.tokens.admin, { type: 'ESCALATE' })).body.queue).toBe('internal');
    internal.taskId = (await h.call('GET', `/api/cases/${internal.id}`, h.tokens.admin)).body.tasks[0].id as string;
  });
  afterAll(async () => {
    await h.close();
  });

  it('an admin delegates queues to a partner, and issues its people tokens with the agent role only', async () => {
    const saved = await h.call('PUT', '/api/partners/backoffice', h.tokens.admin, { title: 'Back office BV', queues: ['billing', 'billing'] });
    expect([saved.status, saved.body]).toEqual([200, { id: 'backoffice', title: 'Back office BV', queues: ['billing'], createdAt: saved.body.createdAt, updatedAt: saved.body.updatedAt }]);
    expect((await h.call('GET', '/api/partners', h.tokens.admin)).body.items.map((p: { id: string }) => p.id)).toEqual(['backoffice']);
    expect((await h.call('GET', '/api/partners', h.tokens.acmeAdmin)).body.items).toEqual([]);
    expect((await h.call('PUT', '/api/partners/Back Office', h.tokens.admin, { title: 'x', queues: [] })).body.code).toBe('request.invalid');
    expect((await h.call('PUT', '/api/partners/x', h.tokens.agent, { title: 'x', queues: [] })).status).toBe(403);
    const admin = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'bo-boss', roles: ['admin'], partner: 'backoffice' });
    expect([admin.status, admin.body.problems]).toEqual([400, [{ pointer: '/roles', message: 'a token of a partner organisation may have the role agent and case-type roles, not admin' }]]);
    const unknown = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'x', roles: ['agent'], partner: 'nobody' });
    expect([unknown.status, unknown.body.problems[0].pointer]).toEqual([400, '/partner']);
    const issued = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'bo-agent', roles: ['agent'], partner: 'backoffice' });
    expect(issued.status).toBe(201);
    partnerToken = issued.body.token as string;
    partnerSession = (await startSession(h.store, { subject: 'sub-pia', name: 'Pia Partner', tenant: 'default', roles: ['agent'], partner: 'backoffice' }, h.clock.now(), 3600_000)).secret;
    expect((await asPartner('token', 'GET', '/api/me')).body).toEqual({ name: 'bo-agent', tenant: 'default', roles: ['agent'], signedInWith: 'token', partner: 'backoffice' });
  });

  for (const via of ['token', 'session'] as const) {
    describe(`by ${via}`, () => {
      it('lists only the delegated queues\' cases and tasks, with the shared fields only', async () => {
        const list = await asPartner(via, 'GET', '/api/cases');
        expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([shared.id]);
        // (the outcome, shared, is there once an earlier pass set it)
        expect({ ...list.body.items[0].data, outcome: undefined }).toEqual({ subject: 'Refund request', customer: { name: 'Mia Jansen' } });
        expect(list.body.items[0].customerName).toBe('Mia Jansen');
        expect((await asPartner(via, 'GET', '/api/cases?queue=internal')).body.items).toEqual([]);
        const search = await asPartner(via, 'GET', `/api/cases?q=${MARKER}`);
        expect([search.status, search.body.code]).toEqual([403, 'partner.not_shared']);
        const tasks = await asPartner(via, 'GET', '/api/tasks');
        expect(tasks.body.items.map((t: { id: string }) => t.id)).toEqual([shared.taskId]);
      });

      it('reads a delegated case and its history without the fields that are not shared; another case is not there', async () => {
        const one = await asPartner(via, 'GET', `/api/cases/${shared.id}`);
        expect([one.status, { ...one.body.data, outcome: undefined }, one.body.messages]).toEqual([200, { subject: 'Refund request', customer: { name: 'Mia Jansen' } }, []]);
        const history = await asPartner(via, 'GET', `/api/cases/${shared.id}/history`);
        expect(history.status).toBe(200);
        expect(history.body.items[0].event.data).toEqual({ subject: 'Refund request', customer: { name: 'Mia Jansen' } });
        expect(history.body.items[0].patch).toEqual([
          { op: 'add', path: '/subject', value: 'Refund request' },
          { op: 'add', path: '/customer', value: { name: 'Mia Jansen' } },
        ]);
        // what blocks the checklist rule: the shared field's problem, not the unshared one's
        expect(one.body.checklist.map((i: { rule: string; problems: { pointer: string }[] }) => [i.rule, i.problems.map((p) => p.pointer)])).toEqual([
          ['complete', one.body.data.outcome === undefined ? ['/outcome'] : []],
        ]);
        for (const path of [`/api/cases/${internal.id}`, `/api/cases/${internal.id}/history`]) {
          const gone = await asPartner(via, 'GET', path);
          expect([path, gone.status, gone.body.code]).toEqual([path, 404, 'case.not_found']);
        }
      });

      it('changes only shared fields, only on delegated cases; the change is attributed to the partner', async () => {
        const refused = await asPartner(via, 'POST', `/api/cases/${shared.id}/events`, { type: 'TOUCH', data: { outcome: 'ok', secret: 'overwritten', customer: { email: 'x@y.nl' } } });
        expect([refused.status, refused.body.code, refused.body.problems.map((p: { pointer: string }) => p.pointer)]).toEqual([403, 'partner.not_shared', ['/data/secret', '/data/customer/email']]);
        const done = await asPartner(via, 'POST', `/api/cases/${shared.id}/events`, { type: 'TOUCH', data: { outcome: `refunded by ${via}` } });
        expect([done.status, done.body.data.outcome, done.body.data.secret]).toEqual([200, `refunded by ${via}`, undefined]);
        const admin = await h.call('GET', `/api/cases/${shared.id}/history`, h.tokens.admin);
        const last = admin.body.items.at(-1);
        expect([last.actor, last.partner]).toEqual([via === 'token' ? 'bo-agent' : 'Pia Partner', 'backoffice']);
        expect(admin.body.items[0].partner).toBeUndefined();
        expect((await asPartner(via, 'POST', `/api/cases/${internal.id}/events`, { type: 'TOUCH', data: { outcome: 'x' } })).status).toBe(404);
        expect((await asPartner(via, 'POST', '/api/cases', { caseType: 'outsourced', data: { subject: 'new' } })).status).toBe(403);
      });

      it('claims and releases only delegated tasks', async () => {
        expect((await asPartner(via, 'POST', `/api/tasks/${internal.taskId}/claim`)).status).toBe(404);
        expect((await asPartner(via, 'POST', `/api/tasks/${shared.taskId}/claim`)).status).toBe(200);
        expect((await asPartner(via, 'POST', `/api/tasks/${shared.taskId}/release`)).status).toBe(200);
        expect((await asPartner(via, 'POST', `/api/tasks/${internal.taskId}/release`)).status).toBe(404);
      });

      it('gets no reports, customer look-ups, exports or outbox', async () => {
        for (const path of ['/api/reports/sla', '/api/reports/stages', '/api/reports/reasons?field=/subject', `/api/cases/${shared.id}/related`, '/api/customers/cases?value=mia%40example.com', '/api/export?format=xes', '/api/export?format=ocel', '/api/outbox', '/api/tokens']) {
          const res = await asPartner(via, 'GET', path);
          expect([path, res.status, res.body.code]).toEqual([path, 403, 'auth.forbidden']);
        }
        // the definition is not case data: the form needs it
        expect((await asPartner(via, 'GET', '/api/case-types/outsourced')).status).toBe(200);
      });
    });
  }

  it('reports what the partner\'s people did (the tenant\'s own report; not for the partner)', async () => {
    const report = await h.call('GET', '/api/reports/partners', h.tokens.admin);
    // two events, one by token and one by session, on the one delegated case
    expect([report.status, report.body.items.map((i: { partner: string; title: string; events: number; cases: number }) => [i.partner, i.title, i.events, i.cases])]).toEqual([
      200,
      [['backoffice', 'Back office BV', 2, 1]],
    ]);
    const windowed = await h.call('GET', `/api/reports/partners?to=${encodeURIComponent('2020-01-01T00:00:00.000Z')}`, h.tokens.admin);
    expect(windowed.body.items).toEqual([]);
    expect((await h.call('GET', '/api/reports/partners?caseType=complaint', h.tokens.admin)).body.items).toEqual([]);
    expect((await asPartner('token', 'GET', '/api/reports/partners')).status).toBe(403);
  });

  it('a rotated partner token stays the partner\'s; a name is one party\'s', async () => {
    const rotated = await h.call('POST', '/api/tokens/bo-agent/rotate', h.tokens.admin, { grace: 'PT0S' });
    expect([rotated.status, rotated.body.partner]).toEqual([201, 'backoffice']);
    partnerToken = rotated.body.token as string;
    expect((await asPartner('token', 'GET', '/api/me')).body.partner).toBe('backoffice');
    expect((await asPartner('token', 'GET', '/api/cases')).body.items.map((c: { id: string }) => c.id)).toEqual([shared.id]);
    const listed = (await h.call('GET', '/api/tokens', h.tokens.admin)).body.items.filter((t: { name: string; status: string }) => t.name === 'bo-agent' && t.status === 'active');
    expect(listed.map((t: { partner?: string }) => t.partner)).toEqual(['backoffice']);
    // the tenant's agent's name for a partner's token, and a partner's token's name for the tenant's own: refused
    const taken = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'agent', roles: ['agent'], partner: 'backoffice' });
    expect([taken.status, taken.body.problems[0].pointer]).toEqual([400, '/name']);
    const back = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'bo-agent', roles: ['agent'] });
    expect([back.status, back.body.problems[0].pointer]).toEqual([400, '/name']);
  });

  it('the tenant sees the partner in the XES export (org:group), and a removed partner\'s people see nothing', async () => {
    const xes = await h.call('GET', '/api/export?format=xes', h.tokens.admin);
    expect(String(xes.body)).toContain('<string key="org:group" value="backoffice"/>');
    // and in OCEL, an event attribute of the partner's events
    const ocel = await h.call('GET', '/api/export?format=ocel', h.tokens.admin);
    const events = (ocel.body as { events: { attributes: { name: string; value: string }[] }[] }).events;
    expect(events.filter((e) => e.attributes.some((a) => a.name === 'partner' && a.value === 'backoffice'))).toHaveLength(2);
    expect((await h.call('DELETE', '/api/partners/backoffice', h.tokens.admin)).body).toEqual({ id: 'backoffice', removed: true });
    expect((await h.call('DELETE', '/api/partners/backoffice', h.tokens.admin)).body.code).toBe('partner.not_found');
    // its people's tokens and sessions are revoked with it: a partner made again under the id gives them nothing
    expect((await h.call('PUT', '/api/partners/backoffice', h.tokens.admin, { title: 'Back office BV', queues: ['billing'] })).status).toBe(200);
    for (const via of ['token', 'session'] as const) {
      const res = await asPartner(via, 'GET', '/api/cases');
      expect([via, res.status, res.body.code]).toEqual([via, 401, 'auth.invalid']);
    }
  });

  it('never sent a partner\'s person the marker kept in the fields that are not shared', async () => {
    expect(answers.length).toBeGreaterThan(50);
    expect(answers.filter((a) => a.text.includes(MARKER)).map((a) => a.path)).toEqual([]);
    // the scan would see it: the tenant's own answers carry it
    expect(JSON.stringify((await h.call('GET', `/api/cases/${shared.id}`, h.tokens.admin)).body)).toContain(MARKER);
    expect(JSON.stringify((await h.call('GET', `/api/cases/${shared.id}/history`, h.tokens.admin)).body)).toContain(MARKER);
  });
});
