// Task due dates, overdue escalation and agent notes over HTTP (issue 21, items 3 and 7): GET /api/tasks
// sorted by due time and paged, a due overdue timer fired by the host (escalatedAt on the task row and in
// the case, the history entry), POST /api/cases/:id/notes and its bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.ts';

/** A call-back case type: the task is due in the given time and escalates to the supervisors. */
export const callback = {
  key: 'callback',
  title: 'Call back',
  data: { type: 'object', properties: { phone: { type: 'string', title: 'Phone' }, due: { type: 'string', title: 'Due' } } },
  roles: { agent: { title: 'Agent' }, supervisor: { title: 'Supervisor' } },
  queues: { front: { title: 'Front office', role: 'agent' }, supervisors: { title: 'Supervisors', role: 'supervisor' } },
  events: { DONE: { title: 'Called' } },
  playbook: {
    initial: 'calling',
    states: {
      calling: {
        title: 'Calling',
        task: {
          title: 'Call the customer',
          queue: 'front',
          due: 'PT2H',
          onOverdue: [
            { type: 'priority', value: 'urgent' },
            { type: 'assign', queue: 'supervisors' },
            { type: 'note', text: 'Moved to the supervisors' },
          ],
        },
        on: { DONE: 'done' },
      },
      done: { title: 'Done', type: 'final' },
    },
  },
};

describe('task due dates and notes over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    expect((await h.call('PUT', '/api/case-types/callback/draft', h.tokens.analyst, callback)).status).toBe(200);
    expect((await h.call('POST', '/api/case-types/callback/publish', h.tokens.admin)).status).toBe(201);
  });
  afterEach(async () => {
    await h.close();
  });

  it('sorts tasks by due time (none last) and pages them stably; refuses an unknown order', async () => {
    // three call-backs opened an hour apart (due 2 h later each), and a complaint task without a due time in the same listing
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await h.call('POST', '/api/cases', h.tokens.agent, { caseType: 'callback', data: {} })).body.id as string);
      h.clock.advance(-3_600_000);
    }
    const plain = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: { customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: 'x' } })).body;
    const byDue = await h.call('GET', '/api/tasks?sort=due', h.tokens.agent);
    const rows = byDue.body.items as { caseId: string; dueAt: string | null }[];
    // the last one opened is due first; the complaint's task has a due time too (PT4H in its calendar) or none: either way a sorted list
    const dues = rows.map((t) => t.dueAt);
    const withDue = dues.filter((d) => d !== null) as string[];
    expect(withDue).toEqual([...withDue].sort());
    expect(dues.slice(withDue.length).every((d) => d === null)).toBe(true);
    expect(rows.filter((t) => ids.includes(t.caseId)).map((t) => t.caseId)).toEqual([...ids].reverse());
    // one at a time, the pages join into the same list
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await h.call('GET', `/api/tasks?sort=due&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`, h.tokens.agent);
      paged.push(...(page.body.items as { id: string }[]).map((t) => t.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(paged).toEqual(rows.map((t) => (t as unknown as { id: string }).id));
    expect(paged).toContain(plain.tasks[0].id);

    const bad = await h.call('GET', '/api/tasks?sort=priority', h.tokens.agent);
    expect([bad.status, bad.body.code, bad.body.detail]).toEqual([400, 'request.invalid', "sort must be opened or due; got 'priority'."]);
    const wrongCursor = await h.call('GET', `/api/tasks?limit=1`, h.tokens.agent);
    const mixed = await h.call('GET', `/api/tasks?sort=due&cursor=${wrongCursor.body.nextCursor as string}`, h.tokens.agent);
    expect([mixed.status, mixed.body.code]).toEqual([400, 'cursor.invalid']);
  });

  it('escalates an overdue task once: the task row and the case show it, the history says what happened', async () => {
    const kase = (await h.call('POST', '/api/cases', h.tokens.agent, { caseType: 'callback', data: {} })).body;
    expect(kase.tasks[0]).toMatchObject({ title: 'Call the customer', dueAt: '2026-01-05T11:00:00.000Z' });
    expect(await h.store.dueTimers('2026-01-05T10:59:59.999Z', 10)).toEqual([]);
    h.clock.set('2026-01-05T11:00:00.000Z');
    const [timer] = await h.store.dueTimers(h.clock.now(), 10);
    expect(timer).toMatchObject({ caseId: kase.id, timerId: 'task.calling.overdue' });
    expect((await h.service.fireTimer(timer!)).ok).toBe(true);
    expect((await h.service.fireTimer(timer!)).ok).toBe(false);

    const after = (await h.call('GET', `/api/cases/${kase.id}`, h.tokens.agent)).body;
    expect(after).toMatchObject({ priority: 'urgent', queue: 'supervisors' });
    expect(after.tasks[0]).toMatchObject({ escalatedAt: '2026-01-05T11:00:00.000Z', queue: 'supervisors' });
    const listed = (await h.call('GET', '/api/tasks?queue=supervisors', h.tokens.agent)).body.items;
    expect(listed.map((t: { escalatedAt?: string }) => t.escalatedAt)).toEqual(['2026-01-05T11:00:00.000Z']);
    const history = (await h.call('GET', `/api/cases/${kase.id}/history`, h.tokens.agent)).body.items;
    expect(history.filter((e: { event: { type: string } }) => e.event.type === 'task.calling.overdue')).toEqual([
      expect.objectContaining({ actor: 'system', notes: ['Moved to the supervisors'], event: { type: 'task.calling.overdue', data: { task: kase.tasks[0].id, title: 'Call the customer', dueAt: '2026-01-05T11:00:00.000Z', priority: 'urgent', queue: 'supervisors' } } }),
    ]);
  });

  it('adds a note in the history with its author; refuses bad input', async () => {
    const kase = (await h.call('POST', '/api/cases', h.tokens.agent, { caseType: 'callback', data: {} })).body;
    h.clock.set('2026-01-05T09:30:00.000Z');
    const note = await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.intake, { text: '  Prefers a call after five.  ' });
    expect(note).toMatchObject({ status: 201, body: { seq: 2, at: '2026-01-05T09:30:00.000Z', by: 'intake', text: 'Prefers a call after five.' } });
    const history = (await h.call('GET', `/api/cases/${kase.id}/history`, h.tokens.agent)).body.items;
    expect(history.at(-1)).toMatchObject({ seq: 2, actor: 'intake', event: { type: 'note.added', data: { text: 'Prefers a call after five.' } } });
    // nothing else moved
    expect((await h.call('GET', `/api/cases/${kase.id}`, h.tokens.agent)).body).toMatchObject({ state: 'calling', revision: 2 });

    const empty = await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.agent, { text: '   ' });
    expect([empty.status, empty.body.code, empty.body.problems]).toEqual([422, 'data.invalid', [{ pointer: '/text', message: '/text must be 1 to 4000 characters' }]]);
    const long = await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.agent, { text: 'x'.repeat(4001) });
    expect([long.status, long.body.code]).toEqual([422, 'data.invalid']);
    const shape = await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.agent, { text: 5 });
    expect([shape.status, shape.body.code]).toEqual([400, 'request.invalid']);
    const extra = await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.agent, { text: 'a', by: 'someone else' });
    expect([extra.status, extra.body.code]).toEqual([400, 'request.invalid']);
    const broken = await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.agent, '{"text": ');
    expect(broken.status).toBe(400);
    expect((await h.call('POST', '/api/cases/nope/notes', h.tokens.agent, { text: 'a' })).status).toBe(404);
    expect((await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.acmeAgent, { text: 'a' })).status).toBe(404);
    expect((await h.call('POST', `/api/cases/${kase.id}/notes`, h.tokens.service, { text: 'a' })).status).toBe(403);
    expect((await h.call('POST', `/api/cases/${kase.id}/notes`, null, { text: 'a' })).status).toBe(401);
    expect((await h.call('GET', `/api/cases/${kase.id}/history`, h.tokens.agent)).body.items).toHaveLength(2);
  });

  it("takes a partner's note only on a case in the partner's delegated queues, named with the partner", async () => {
    expect((await h.call('PUT', '/api/partners/backoffice', h.tokens.admin, { title: 'Back office BV', queues: ['front'] })).status).toBe(200);
    const issued = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'bo-agent', roles: ['agent'], partner: 'backoffice' });
    const partner = issued.body.token as string;
    const inFront = (await h.call('POST', '/api/cases', h.tokens.agent, { caseType: 'callback', data: {} })).body;
    const note = await h.call('POST', `/api/cases/${inFront.id}/notes`, partner, { text: 'Called from the back office.' });
    expect(note).toMatchObject({ status: 201, body: { by: 'bo-agent' } });
    const entry = (await h.call('GET', `/api/cases/${inFront.id}/history`, h.tokens.agent)).body.items.at(-1);
    expect([entry.actor, entry.partner, entry.event.type]).toEqual(['bo-agent', 'backoffice', 'note.added']);
    // the complaint's first queue is not delegated: the partner does not see the case at all
    const elsewhere = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data: { customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: 'x' } })).body;
    expect(elsewhere.queue).not.toBe('front');
    expect((await h.call('POST', `/api/cases/${elsewhere.id}/notes`, partner, { text: 'Not mine.' })).status).toBe(404);
  });
});
