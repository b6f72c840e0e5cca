// Push routing over HTTP (issue 21, docs/routing.md): agents (admins manage them, an agent sets their own
// availability), the offers of the signed-in agent and their answers, a supervisor's reassignment, and
// who held a case's tasks when.
import { Hono, type Context } from 'hono';
import type { RoutingService } from '../../host/routing-service.ts';
import { partnerScope } from '../../host/partners.ts';
import { hasRole } from '../../host/tokens.ts';
import type { CaseStore, TokenRecord } from '../../store/case-store.ts';
import type { AgentRecord } from '../../store/routing-records.ts';
import { requireOwnRole, requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { HttpProblem, unwrap } from '../problems.ts';
import { strip } from './strip-tenant.ts';

/** Supervisors (a case-type role named `supervisor`) and admins reassign tasks and read the agents. */
function requireSupervisor(c: Context<AuthEnv>): TokenRecord {
  const token = c.get('auth');
  if (!hasRole(token, []) && !token.roles.includes('supervisor')) {
    throw new HttpProblem('auth.forbidden', `This needs the role supervisor or admin; the token has ${token.roles.join(', ') || 'no roles'}.`);
  }
  return token;
}

/** A supervisor of the tenant itself: the agents and queues are the tenant's, not a partner's to read. */
function requireTenantSupervisor(c: Context<AuthEnv>): TokenRecord {
  const token = requireSupervisor(c);
  if (token.partner !== undefined) {
    throw new HttpProblem('auth.forbidden', "The agents and their queues are the tenant's; people of a partner organisation see only the cases of the queues delegated to it.");
  }
  return token;
}

const view = (agent: AgentRecord) => strip(agent);

export function routingRoutes(routing: RoutingService, store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/agents', async (c) => {
    const auth = requireTenantSupervisor(c);
    return c.json({ items: (await routing.listAgents(auth.tenant)).map(view) });
  });

  /** The queues and skills the published case types name (what an agent may be given). */
  app.get('/routing/catalog', async (c) => {
    const auth = requireTenantSupervisor(c);
    return c.json(await routing.catalog(auth.tenant));
  });

  app.get('/agents/:name', async (c) => {
    const auth = requireTenantSupervisor(c);
    return c.json(view(unwrap(await routing.getAgent(auth.tenant, c.req.param('name')))));
  });

  app.put('/agents/:name', async (c) => {
    const auth = requireRole(c, 'admin');
    const body = await readJson(c);
    return c.json(view(unwrap(await routing.saveAgent(auth.tenant, c.req.param('name'), body as Record<string, unknown>, auth.name))));
  });

  app.delete('/agents/:name', async (c) => {
    const auth = requireRole(c, 'admin');
    return c.json(unwrap(await routing.deleteAgent(auth.tenant, c.req.param('name'))));
  });

  app.get('/me/agent', async (c) => {
    const auth = requireRole(c, 'agent');
    const found = await routing.getAgent(auth.tenant, auth.name);
    // not an agent of push routing (no admin added them): no content, which the console reads as "no offers
    // panel"; a 404 would be an error in every browser console of every agent of a tenant that does not route
    if (!found.ok && found.code === 'agent.not_found') return c.body(null, 204);
    return c.json(view(unwrap(found)));
  });

  app.put('/me/availability', async (c) => {
    const auth = requireRole(c, 'agent');
    const body = await readJson(c);
    const availability = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).availability : undefined;
    return c.json(view(unwrap(await routing.setAvailability(auth.tenant, auth.name, availability))));
  });

  app.get('/offers', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json({ items: (await routing.offers(auth.tenant, auth.name)).map(strip) });
  });

  app.post('/tasks/:id/accept', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json(strip(unwrap(await routing.answer(auth.tenant, c.req.param('id'), auth.name, 'accept'))));
  });

  app.post('/tasks/:id/decline', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json(strip(unwrap(await routing.answer(auth.tenant, c.req.param('id'), auth.name, 'decline'))));
  });

  app.post('/tasks/:id/assign', async (c) => {
    const auth = requireSupervisor(c);
    const body = await readJson(c);
    const assignee = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).assignee : undefined;
    const scope = await partnerScope(store, auth);
    return c.json(strip(unwrap(await routing.assign(auth.tenant, c.req.param('id'), assignee, auth.name, scope?.queues))));
  });

  app.get('/cases/:id/task-log', async (c) => {
    const auth = requireOwnRole(c, 'The task-holder log', 'agent', 'analyst');
    return c.json({ items: (await routing.log(auth.tenant, c.req.param('id'))).map(strip) });
  });

  return app;
}
