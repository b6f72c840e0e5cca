// The one customer view: the cases that share a customer identifier (the definitions' `customer.keys`
// pointers: e-mail, phone, customer number) across case types and channels; and `GET /api/me`, who the
// token is (the worker console derives "my queues" from its roles).
import { Hono } from 'hono';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Case, JsonValue } from '../../engine/index.ts';
import { customerNameOf } from '../../host/case-view.ts';
import { HttpProblem } from '../problems.ts';
import type { CaseStore, Page } from '../../store/case-store.ts';
import { identifiersOf, normalizeIdentifier, type CustomerIdentifier } from '../../store/customer-keys.ts';
import { requireOwnRole, type AuthEnv } from '../auth.ts';
import { pageParams } from '../query.ts';

/** A case of the same customer, as the customer view lists it. */
export interface RelatedCase {
  id: string;
  /** The case's human-readable reference (`PA-000123`). */
  reference: string;
  caseType: string;
  caseTypeTitle: string;
  state: Case['state'];
  priority: Case['priority'];
  channel: string | null;
  customerName: string | null;
  createdAt: string;
  closedAt: string | null;
  /** The identifiers this case shares with the one asked about. */
  matches: CustomerIdentifier[];
}

export function customerRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // anyone signed in may ask who they are (a person whose only role is a case type's too)
  app.get('/me', (c) => {
    const auth = c.get('auth');
    const csrfToken = c.get('csrfToken');
    return c.json({
      name: auth.name,
      tenant: auth.tenant,
      roles: auth.roles,
      signedInWith: auth.kind === 'session' ? 'session' : 'token',
      ...(auth.partner === undefined ? {} : { partner: auth.partner }),
      ...(csrfToken === undefined ? {} : { csrfToken }),
    });
  });

  /** One page of the cases of `tenant` (except `exceptId`) with a customer key whose value is one of `values`, newest first. */
  async function casesSharing(tenant: string, values: string[], exceptId: string | null, limit: number, cursor: string | null): Promise<Page<RelatedCase>> {
    const defs = new Map<string, CaseType | null>();
    const definition = async (kase: Case): Promise<CaseType | null> => {
      const k = `${kase.caseType}@${kase.version}`;
      if (!defs.has(k)) defs.set(k, (await store.getCaseType(tenant, kase.caseType, kase.version))?.definition ?? null);
      return defs.get(k) ?? null;
    };
    const wanted = new Set(values.map(normalizeIdentifier));
    // the store's customer index, newest first: the order of the answer
    const page = await store.casesByCustomerKeys(tenant, values, limit, cursor);
    const items: RelatedCase[] = [];
    for (const kase of page.items) {
      if (kase.id === exceptId) continue;
      const def = await definition(kase);
      if (def === null) continue;
      items.push({
        id: kase.id,
        reference: kase.reference,
        caseType: kase.caseType,
        caseTypeTitle: def.title,
        state: kase.state,
        priority: kase.priority,
        channel: kase.channel,
        customerName: customerNameOf(def, kase.data as JsonValue),
        createdAt: kase.createdAt,
        closedAt: kase.closedAt,
        matches: identifiersOf(def, kase.data as JsonValue).filter((i) => wanted.has(normalizeIdentifier(i.value))),
      });
    }
    return { items, nextCursor: page.nextCursor };
  }

  app.get('/cases/:id/related', async (c) => {
    const auth = requireOwnRole(c, "A customer's other cases", 'agent');
    const id = c.req.param('id');
    const kase = await store.getCase(auth.tenant, id);
    if (kase === null) throw new HttpProblem('case.not_found', `There is no case '${id}'.`);
    const def = (await store.getCaseType(auth.tenant, kase.caseType, kase.version))?.definition ?? null;
    const identifiers = def === null ? [] : identifiersOf(def, kase.data as JsonValue);
    const { limit, cursor } = pageParams(c);
    const page = identifiers.length === 0 ? { items: [], nextCursor: null } : await casesSharing(auth.tenant, identifiers.map((i) => i.value), kase.id, limit, cursor);
    return c.json({ customer: { name: def === null ? null : customerNameOf(def, kase.data as JsonValue), identifiers }, ...page });
  });

  app.get('/customers/cases', async (c) => {
    const auth = requireOwnRole(c, "The look-up of a customer's cases", 'agent');
    const value = c.req.query('value');
    if (value === undefined || value.trim() === '') {
      throw new HttpProblem('request.invalid', 'Give the identifier to look for as ?value= (an e-mail address, phone number or customer number).');
    }
    const { limit, cursor } = pageParams(c);
    return c.json(await casesSharing(auth.tenant, [value], null, limit, cursor));
  });

  return app;
}
