// The customer view over HTTP: GET /api/cases/:id/related and /api/customers/cases match the
// definitions' customer.keys across case types (pointers may differ), trimmed and case-insensitively,
// never across tenants; GET /api/me says who the token is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../../runtime/host/tokens.ts';
import { identifiersOf } from '../../../runtime/store/customer-keys.ts';
import { createCommit, makeCase } from '../store/fixtures.ts';
import { createHarness, START, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function create(body: Record<string, unknown>): Promise<string> {
  h.clock.advance(60_000);
  const r = await h.call('POST', '/api/cases', h.tokens.intake, body);
  expect(r.status).toBe(201);
  return r.body.id as string;
}

const complaint = (customer: Record<string, string>, channel = 'email') => ({
  caseType: 'complaint',
  channel,
  data: { customer, channel, description: 'Billed twice.' },
});

describe('GET /api/cases/:id/related', () => {
  it('lists every case sharing an identifier, across case types and channels, newest first', async () => {
    // given: Ada's complaint by e-mail, her order inquiry by chat (e-mail typed in capitals), a data-subject
    // request with her e-mail under /requester, a phone complaint with her number only, and someone else
    const first = await create(complaint({ name: 'Ada', email: 'ada@example.com', phone: '+31 20 555 0101' }));
    const inquiry = await create({
      caseType: 'order-inquiry',
      channel: 'chat',
      data: { customer: { name: 'Ada L.', email: 'ADA@Example.COM' }, channel: 'chat', orderNumber: 'ORD-123456' },
    });
    const dsr = await create({
      caseType: 'data-subject-request',
      channel: 'web',
      data: { requester: { name: 'Ada Lovelace', email: 'ada@example.com' }, requestType: 'access', receivedAt: '2026-01-05T09:00:00Z', channel: 'web-form' },
    });
    const byPhone = await create(complaint({ name: 'A. Lovelace', phone: '+31 20 555 0101' }, 'phone'));
    await create(complaint({ name: 'Grace', email: 'grace@example.com' }));

    // when
    const r = await h.call('GET', `/api/cases/${first}/related`, h.tokens.agent);

    // then
    expect(r.status).toBe(200);
    expect(r.body.customer).toEqual({
      name: 'Ada',
      identifiers: [
        { pointer: '/customer/email', value: 'ada@example.com' },
        { pointer: '/customer/phone', value: '+31 20 555 0101' },
      ],
    });
    expect(r.body.nextCursor).toBe(null);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([byPhone, dsr, inquiry]);
    expect(r.body.items[0]).toEqual({
      id: byPhone,
      reference: 'COM-000002',
      caseType: 'complaint',
      caseTypeTitle: 'Customer complaint',
      state: 'triage',
      priority: 'normal',
      channel: 'phone',
      customerName: 'A. Lovelace',
      createdAt: '2026-01-05T09:04:00.000Z',
      closedAt: null,
      matches: [{ pointer: '/customer/phone', value: '+31 20 555 0101' }],
    });
    expect(r.body.items[1].matches).toEqual([{ pointer: '/requester/email', value: 'ada@example.com' }]);
    expect(r.body.items[1].customerName).toBe('Ada Lovelace');
    expect(r.body.items.map((i: { reference: string }) => i.reference)).toEqual(['COM-000002', 'DSR-000001', 'OI-000001']);
    expect(r.body.items[2].matches).toEqual([{ pointer: '/customer/email', value: 'ADA@Example.COM' }]);
  });

  it('answers an empty list for a case without identifiers, and 404 for an unknown case', async () => {
    const lonely = await create(complaint({ name: 'Nobody' }));
    const r = await h.call('GET', `/api/cases/${lonely}/related`, h.tokens.agent);
    expect([r.status, r.body]).toEqual([200, { customer: { name: 'Nobody', identifiers: [] }, items: [], nextCursor: null }]);
    const missing = await h.call('GET', '/api/cases/nope/related', h.tokens.agent);
    expect([missing.status, missing.body.code]).toEqual([404, 'case.not_found']);
  });

  it("is tenant-scoped: another tenant's agent gets 404 and finds nothing by value", async () => {
    const id = await create(complaint({ name: 'Ada', email: 'ada@example.com' }));
    const r = await h.call('GET', `/api/cases/${id}/related`, h.tokens.acmeAgent);
    expect([r.status, r.body.code]).toEqual([404, 'case.not_found']);
    const byValue = await h.call('GET', '/api/customers/cases?value=ada%40example.com', h.tokens.acmeAgent);
    expect([byValue.status, byValue.body]).toEqual([200, { items: [], nextCursor: null }]);
  });

  it('needs the agent role', async () => {
    const id = await create(complaint({ name: 'Ada', email: 'ada@example.com' }));
    expect((await h.call('GET', `/api/cases/${id}/related`, null)).status).toBe(401);
    const analyst = await h.call('GET', `/api/cases/${id}/related`, h.tokens.analyst);
    expect([analyst.status, analyst.body.code]).toEqual([403, 'auth.forbidden']);
  });
});

describe('GET /api/customers/cases', () => {
  it('finds the cases whose customer identifier equals the value, and no text-only match', async () => {
    const a = await create(complaint({ name: 'Ada', email: 'ada@example.com' }));
    // the e-mail appears in the description only: not an identifier, so not a match
    h.clock.advance(60_000);
    const mention = await h.call('POST', '/api/cases', h.tokens.intake, {
      caseType: 'complaint',
      data: { customer: { name: 'Bob' }, channel: 'letter', description: 'Write to ada@example.com please.' },
    });
    expect(mention.status).toBe(201);
    const r = await h.call('GET', '/api/customers/cases?value=Ada%40Example.com', h.tokens.agent);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([a]);
  });

  it('answers one page at a time, newest first, with a cursor to the rest', async () => {
    // given three cases of one customer
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(await create(complaint({ name: 'Ada', email: 'ada@example.com' })));
      h.clock.advance(60_000);
    }
    // when read two at a time
    const first = await h.call('GET', '/api/customers/cases?value=ada%40example.com&limit=2', h.tokens.agent);
    const rest = await h.call('GET', `/api/customers/cases?value=ada%40example.com&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, h.tokens.agent);
    // then the pages hold all three, newest first, and the last page has no cursor
    const ids = (r: typeof first) => r.body.items.map((i: { id: string }) => i.id);
    expect([...ids(first), ...ids(rest)]).toEqual([...made].reverse());
    expect(rest.body.nextCursor).toBeNull();
  });

  it('asks for the value', async () => {
    const r = await h.call('GET', '/api/customers/cases', h.tokens.agent);
    expect([r.status, r.body.code]).toEqual([400, 'request.invalid']);
  });
});

describe('the customer index behind the view', () => {
  const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);

  it("finds a customer's case older than 2,000 newer cases of other customers", async () => {
    // given Ada's first complaint, then 2,001 complaints of other customers written straight through the
    // store, whose e-mails hold hers as text (n0ada@example.com...), and Ada's latest complaint
    const first = await create(complaint({ name: 'Ada', email: 'ada@example.com' }));
    const def = (await h.store.getCaseType('default', 'complaint'))!.definition;
    const after = Date.parse((await h.store.getCase('default', first))!.createdAt);
    await Promise.all(
      Array.from({ length: 2001 }, (_, i) => {
        const createdAt = new Date(after + (i + 1) * 1000).toISOString();
        const data = { customer: { name: `Customer ${i}`, email: `n${i}ada@example.com` }, channel: 'email', description: 'Billed twice.' };
        return h.store.commit({ ...createCommit(makeCase(`other-${i}`, { createdAt, updatedAt: createdAt, data })), customerKeys: identifiersOf(def, data) });
      }),
    );
    h.clock.advance(3_600_000);
    const latest = await create(complaint({ name: 'Ada', email: 'ADA@example.com' }));
    // when her cases are looked up from the latest one and by her e-mail
    const related = await h.call('GET', `/api/cases/${latest}/related`, h.tokens.agent);
    const byValue = await h.call('GET', '/api/customers/cases?value=ada%40example.com', h.tokens.agent);
    // then the first one is found, and the others are each their own customer's
    expect([related.status, ids(related)]).toEqual([200, [first]]);
    expect(related.body.items[0].matches).toEqual([{ pointer: '/customer/email', value: 'ada@example.com' }]);
    expect(ids(byValue)).toEqual([latest, first]);
    expect(ids(await h.call('GET', '/api/customers/cases?value=n2000ada%40example.com', h.tokens.agent))).toEqual(['other-2000']);
  });

  it('moves a case to the new customer when an event changes its e-mail', async () => {
    // given Sanne's order inquiry and complaint under one e-mail address
    const desk = (await issueToken(h.store, { tenant: 'default', name: 'desk', roles: ['agent', 'service-agent'] }, START)).secret;
    const inquiry = await create({
      caseType: 'order-inquiry',
      channel: 'chat',
      data: { customer: { name: 'Sanne Visser', email: 'sanne.visser@example.com' }, channel: 'chat', orderNumber: 'ORD-771204', question: 'Where is my lamp?' },
    });
    const other = await create(complaint({ name: 'Sanne', email: 'sanne.visser@example.com' }));
    // when the order desk corrects her contact data, which the playbook copies onto the inquiry's customer
    const send = (type: string, data: unknown) => h.call('POST', `/api/cases/${inquiry}/events`, desk, { type, data });
    const looked = await send('ORDER_LOOKED_UP', { order: { status: 'returned-to-sender', carrier: 'postnl', trackingCode: '3SABCD1234567' }, contactIssue: true });
    const address = { street: 'Prinsengracht', houseNumber: '263', postalCode: '1016 GV', city: 'Amsterdam', country: 'NL' };
    const corrected = await send('CONTACT_CORRECTED', { contact: { email: 's.visser@example.com', phone: '+31 6 2345 6789', address }, answer: 'Sent again today.' });
    expect([looked.status, corrected.status, corrected.body.data.customer.email]).toEqual([200, 200, 's.visser@example.com']);
    // then the inquiry belongs to the new address only, and the complaint no longer shares a customer with it
    expect(ids(await h.call('GET', '/api/customers/cases?value=sanne.visser%40example.com', h.tokens.agent))).toEqual([other]);
    expect(ids(await h.call('GET', '/api/customers/cases?value=S.Visser%40example.com', h.tokens.agent))).toEqual([inquiry]);
    expect(ids(await h.call('GET', `/api/cases/${other}/related`, h.tokens.agent))).toEqual([]);
  });
});

describe('GET /api/me', () => {
  it("answers the token's name, tenant and roles", async () => {
    const r = await h.call('GET', '/api/me', h.tokens.acmeAgent);
    expect([r.status, r.body]).toEqual([200, { name: 'acme-agent', tenant: 'acme', roles: ['agent', 'intake-agent'], signedInWith: 'token' }]);
    expect((await h.call('GET', '/api/me', null)).status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the customer view and /api/me', async () => {
    const doc = (await h.call('GET', '/api/openapi.json', null)).body;
    expect(doc.paths['/api/cases/{id}/related'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RelatedCases' });
    expect(doc.paths['/api/customers/cases'].get.parameters).toEqual([{ name: 'value', in: 'query', required: false, schema: { type: 'string' } }]);
    expect(doc.paths['/api/me'].get['x-roles']).toBe('any');
    expect(doc.components.schemas.RelatedCase.required).toContain('matches');
  });
});
