// Push routing over HTTP (issue 21, docs/routing.md): agents (admin), an agent's own availability, the
// offers of the signed-in agent with accept and decline, a supervisor's reassignment, the task-holder log,
// and bad input answered with a clear 422 or 4xx, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoutingService } from '../../../runtime/host/routing-service.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import { routingCaseType } from '../../routing-case-type.ts';
import { createHarness, type Harness } from './harness.ts';

let h: Harness;
let ann = '';
let bob = '';
let sue = '';

describe('push routing over HTTP', () => {
  beforeAll(async () => {
    h = await createHarness();
    expect((await h.call('PUT', '/api/case-types/request/draft', h.tokens.admin, routingCaseType())).body.valid).toBe(true);
    expect((await h.call('POST', '/api/case-types/request/publish', h.tokens.admin)).status).toBe(201);
    ann = (await issueToken(h.store, { tenant: 'default', name: 'ann', roles: ['agent'] }, h.clock.now())).secret;
    bob = (await issueToken(h.store, { tenant: 'default', name: 'bob', roles: ['agent'] }, h.clock.now())).secret;
    sue = (await issueToken(h.store, { tenant: 'default', name: 'sue', roles: ['agent', 'supervisor'] }, h.clock.now())).secret;
  });
  afterAll(async () => {
    await h.close();
  });

  it('admins keep agents; bad input is a 422 naming the field', async () => {
    const put = await h.call('PUT', '/api/agents/ann', h.tokens.admin, { skills: { billing: 3 }, capacity: { total: 2 }, availability: 'offline', queues: ['billing'] });
    expect([put.status, put.body]).toEqual([
      200,
      { name: 'ann', skills: { billing: 3 }, capacity: { total: 2 }, availability: 'offline', queues: ['billing'], updatedAt: h.clock.now(), updatedBy: 'admin' },
    ]);
    expect((await h.call('PUT', '/api/agents/bob', h.tokens.admin, { skills: { billing: 2, legal: 1 }, capacity: { total: 3, perQueue: { legal: 1 } }, availability: 'available', queues: ['billing', 'legal'] })).status).toBe(200);
    const negative = await h.call('PUT', '/api/agents/zed', h.tokens.admin, { capacity: { total: -1 } });
    expect([negative.status, negative.body.code, negative.body.problems[0].pointer]).toEqual([422, 'agent.invalid', '/capacity/total']);
    expect(negative.body.detail).toContain('cannot be negative');
    // a name no token or person can have (U+0000, which PostgreSQL cannot store): a 422, not a 500
    const nul = await h.call('PUT', '/api/agents/a%00b', h.tokens.admin, { capacity: { total: 1 } });
    expect([nul.status, nul.body.code, nul.body.problems[0].pointer]).toEqual([422, 'agent.invalid', '/name']);
    const skill = await h.call('PUT', '/api/agents/zed', h.tokens.admin, { skills: { juggling: 1 }, capacity: { total: 1 } });
    expect([skill.status, skill.body.problems[0].pointer]).toEqual([422, '/skills/juggling']);
    // the templates' queues name skills too
    expect(skill.body.detail).toMatch(/^The skill 'juggling' is not one a queue of a published case type asks for \(the queues name billing, .*filing, legal.*\)\.$/);
    expect((await h.call('PUT', '/api/agents/zed', h.tokens.admin, { capacity: { total: 1 }, queues: ['mars'] })).body.problems[0].pointer).toBe('/queues/0');
    expect((await h.call('PUT', '/api/agents/zed', h.tokens.admin, { capacity: { total: 1 }, availability: 'sleeping' })).status).toBe(422);
    expect((await h.call('PUT', '/api/agents/zed', h.tokens.admin, [1, 2])).status).toBe(422);
    expect((await h.call('PUT', '/api/agents/zed', h.tokens.admin, '{"capacity":')).status).toBe(400);
    expect((await h.call('PUT', '/api/agents/zed', h.tokens.agent, { capacity: { total: 1 } })).status).toBe(403);
    expect((await h.call('GET', '/api/agents', h.tokens.admin)).body.items.map((a: { name: string }) => a.name)).toEqual(['ann', 'bob']);
    expect((await h.call('GET', '/api/agents', sue)).status).toBe(200);
    expect((await h.call('GET', '/api/agents', h.tokens.agent)).status).toBe(403);
    expect((await h.call('GET', '/api/agents', h.tokens.acmeAdmin)).body.items).toEqual([]);
    expect((await h.call('GET', '/api/agents/nobody', h.tokens.admin)).status).toBe(404);
    expect((await h.call('GET', '/api/routing/catalog', h.tokens.admin)).body.skills).toEqual(expect.arrayContaining(['billing', 'filing', 'legal']));
  });

  it("a partner's supervisor reads neither the tenant's agents nor its queues; the tenant's own supervisor does", async () => {
    expect((await h.call('PUT', '/api/partners/backoffice', h.tokens.admin, { title: 'Back office', queues: ['billing'] })).status).toBe(200);
    const partnerSupervisor = (await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'bo-lead', roles: ['agent', 'supervisor'], partner: 'backoffice' })).body.token as string;
    const ownSupervisor = (await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'lead', roles: ['agent', 'supervisor'] })).body.token as string;
    for (const path of ['/api/agents', '/api/agents/ann', '/api/routing/catalog']) {
      const refused = await h.call('GET', path, partnerSupervisor);
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'auth.forbidden']);
      expect([path, (await h.call('GET', path, ownSupervisor)).status]).toEqual([path, 200]);
    }
  });

  it('an agent sets their own availability', async () => {
    const set = await h.call('PUT', '/api/me/availability', ann, { availability: 'available' });
    expect([set.status, set.body.availability]).toEqual([200, 'available']);
    expect((await h.call('GET', '/api/me/agent', ann)).body.availability).toBe('available');
    // someone no admin made an agent: no content (the console shows no offers panel), not an error
    const none = await h.call('GET', '/api/me/agent', h.tokens.investigator);
    expect([none.status, none.body]).toEqual([204, '']);
    expect((await h.call('PUT', '/api/me/availability', ann, { availability: 'busy' })).status).toBe(422);
    expect((await h.call('PUT', '/api/me/availability', ann, {})).status).toBe(422);
    expect((await h.call('PUT', '/api/me/availability', h.tokens.agent, { availability: 'away' })).status).toBe(404);
  });

  it('offers a task to the agent, who accepts or declines; a supervisor reassigns; the log tells who held it', async () => {
    const made = await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'request', data: { subject: 'Double charge' } });
    const taskId = made.body.tasks[0].id as string;
    // the host's routing loop is not running in this harness: the test drives the passes
    const service = createRoutingService(h.store, h.clock);
    const decision = await service.routeTenant('default');
    expect(decision.offers.map((o) => [o.taskId, o.agent])).toEqual([[taskId, 'ann']]);
    const offers = await h.call('GET', '/api/offers', ann);
    expect(offers.body.items.map((o: { taskId: string; title: string; explanation: string }) => [o.taskId, o.title, o.explanation])).toEqual([
      [taskId, 'Handle the bill', 'offered to ann: billing 3, load 0/2 (round-robin, 2 candidates)'],
    ]);
    expect((await h.call('GET', '/api/offers', bob)).body.items).toEqual([]);
    expect((await h.call('POST', `/api/tasks/${taskId}/accept`, bob)).status).toBe(404);
    const declined = await h.call('POST', `/api/tasks/${taskId}/decline`, ann);
    expect([declined.status, declined.body.status]).toEqual([200, 'declined']);
    expect((await service.routeTenant('default')).offers.map((o) => o.agent)).toEqual(['bob']);
    const accepted = await h.call('POST', `/api/tasks/${taskId}/accept`, bob);
    expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);
    expect((await h.call('GET', `/api/cases/${made.body.id}`, h.tokens.admin)).body.tasks[0].assignee).toBe('bob');
    expect((await h.call('POST', `/api/tasks/${taskId}/assign`, bob, { assignee: 'ann' })).status).toBe(403);
    const empty = await h.call('POST', `/api/tasks/${taskId}/assign`, sue, { assignee: '' });
    expect([empty.status, empty.body.code]).toEqual([400, 'request.invalid']);
    const moved = await h.call('POST', `/api/tasks/${taskId}/assign`, sue, { assignee: 'ann' });
    expect([moved.status, moved.body.assignee]).toEqual([200, 'ann']);
    expect((await h.call('POST', '/api/tasks/nope/assign', h.tokens.admin, { assignee: 'ann' })).status).toBe(404);
    const log = await h.call('GET', `/api/cases/${made.body.id}/task-log`, h.tokens.agent);
    expect(log.body.items.map((e: { kind: string; agent: string; by: string; detail: string | null }) => [e.kind, e.agent, e.by, e.detail])).toEqual([
      ['offered', 'ann', 'router', 'offered to ann: billing 3, load 0/2 (round-robin, 2 candidates)'],
      ['declined', 'ann', 'ann', null],
      ['offered', 'bob', 'router', 'offered to bob: billing 2, load 0/3 (round-robin, 2 candidates)'],
      ['accepted', 'bob', 'bob', null],
      ['reassigned', 'ann', 'sue', 'bob'],
    ]);
    expect((await h.call('GET', `/api/cases/${made.body.id}/task-log`, h.tokens.acmeAdmin)).body.items).toEqual([]);
  });

  it('an admin removes an agent', async () => {
    expect((await h.call('DELETE', '/api/agents/bob', h.tokens.admin)).body).toEqual({ deleted: true });
    expect((await h.call('DELETE', '/api/agents/bob', h.tokens.admin)).status).toBe(404);
  });
});
