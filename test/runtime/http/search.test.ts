// GET /api/search over HTTP (docs/search.md): cases found by the case service's own index writes, the
// exact reference first, paged, tenant- and partner-scoped; a missing, empty or 10,000-character query a
// 422; a query of operators a plain answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../../runtime/host/tokens.ts';
import { createHarness, START, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function create(customer: Record<string, string>, description: string): Promise<{ id: string; reference: string }> {
  h.clock.advance(60_000);
  const r = await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', channel: 'email', data: { customer, channel: 'email', description } });
  expect(r.status).toBe(201);
  return { id: r.body.id as string, reference: r.body.reference as string };
}

const search = (q: string, token = h.tokens.agent, extra = '') => h.call('GET', `/api/search?q=${encodeURIComponent(q)}${extra}`, token);

describe('GET /api/search', () => {
  it('finds cases by customer e-mail, a word of the description and the reference, the exact reference first', async () => {
    // given Ann's broken kettle and Bob's late parcel whose text names Ann's case
    const ann = await create({ name: 'Ann de Vries', email: 'ann@example.com' }, 'De waterkoker is na twee dagen kapot gegaan.');
    const bob = await create({ name: 'Bob Jansen', email: 'bob@example.org' }, `The parcel came late; see also ${ann.reference}.`);

    // when Ann's e-mail is searched
    const byEmail = await search('ann@example.com');
    // then her case comes, with what the console lists
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toEqual({
      items: [
        {
          id: ann.id, reference: 'COM-000001', caseType: 'complaint', caseTypeTitle: 'Customer complaint', state: 'triage', priority: 'normal',
          customerName: 'Ann de Vries', snippet: 'De waterkoker is na twee dagen kapot gegaan.', exact: false, createdAt: '2026-01-05T09:01:00.000Z', closedAt: null,
        },
      ],
      nextCursor: null,
    });
    // a word of the description, with the words around it
    const byWord = await search('waterkoker');
    expect(byWord.body.items.map((i: { id: string }) => i.id)).toEqual([ann.id]);
    expect(byWord.body.items[0].snippet).toContain('De waterkoker is na twee dagen');
    // the reference typed in any case: that case first and exact, then the case that names it
    const byRef = await search(' com-000001 ');
    expect(byRef.body.items.map((i: { id: string; exact: boolean }) => [i.id, i.exact])).toEqual([[ann.id, true], [bob.id, false]]);
    // another tenant's people find none of them
    for (const q of ['ann@example.com', 'parcel', 'COM-000001']) expect((await search(q, h.tokens.acmeAgent)).body).toEqual({ items: [], nextCursor: null });
  });

  it('follows an event that changes the data', async () => {
    const kase = await create({ name: 'Ann', email: 'ann@example.com' }, 'kettle');
    const r = await h.call('POST', `/api/cases/${kase.id}/events`, h.tokens.intake, {
      type: 'SUBMIT_TRIAGE',
      data: { reason: 'product-quality', severity: 'low', subject: 'Broken toaster' },
    });
    expect(r.status).toBe(200);
    expect((await search('toaster')).body.items.map((i: { id: string }) => i.id)).toEqual([kase.id]);
    // an enum value set by the event is not text
    expect((await search('product-quality')).body.items).toEqual([]);
  });

  it('pages the results with nextCursor', async () => {
    for (let i = 0; i < 5; i++) await create({ name: `Klant ${i}`, email: `k${i}@example.com` }, `pakket ${i} kwijt`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await search('pakket', h.tokens.agent, `&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((i: { id: string }) => i.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor !== null);
    expect([pages, new Set(seen).size, seen.length]).toEqual([3, 5, 5]);
    expect((await search('pakket', h.tokens.agent, '&cursor=garbage')).status).toBe(400);
  });

  it('answers 422 for no query, a blank one and one of 10,000 characters, naming q', async () => {
    for (const path of ['/api/search', '/api/search?q=', '/api/search?q=%20%20']) {
      const r = await h.call('GET', path, h.tokens.agent);
      expect([r.status, r.headers.get('content-type'), r.body.code, r.body.problems]).toEqual([
        422, 'application/problem+json', 'search.empty', [{ pointer: '/q', message: expect.stringContaining('Type something to search for') }],
      ]);
    }
    const long = await search('a'.repeat(10_000));
    expect([long.status, long.body.code, long.body.detail]).toEqual([422, 'search.too_long', 'The search text is 10000 characters long; at most 200 are searched.']);
    expect((await search('a'.repeat(200))).status).toBe(200);
  });

  it('reads a query full of operators as plain words: 200, never a 500', async () => {
    const kase = await create({ name: 'Ann', email: 'ann@example.com' }, 'She wrote "NEAR the gate" AND (left) -now');
    for (const q of ['"', '"NEAR the', 'NEAR(a b)', 'a AND OR NOT', '-x', 'col:umn', '^start', '(red', '*', "a & b | !c <-> d:*", "'':*", '\\', '{reference}: x']) {
      const r = await search(q);
      expect([q, r.status]).toEqual([q, 200]);
    }
    expect((await search('"NEAR the gate"')).body.items.map((i: { id: string }) => i.id)).toEqual([kase.id]);
  });

  it("searches a partner's queues by reference only, without the fields it does not share", async () => {
    // given a complaint in triage (delegated to the partner) and one moved to another queue
    const delegated = await create({ name: 'Ann', email: 'ann@example.com' }, 'kettle');
    const other = await create({ name: 'Bob', email: 'bob@example.com' }, 'kettle');
    const moved = await h.call('POST', `/api/cases/${other.id}/events`, h.tokens.intake, {
      type: 'SUBMIT_TRIAGE',
      data: { reason: 'billing', severity: 'high' },
    });
    expect(moved.status).toBe(200);
    await h.store.savePartner({ tenant: 'default', id: 'backoffice', title: 'Back office', queues: ['triage'], createdAt: START, updatedAt: START });
    const partner = (await issueToken(h.store, { tenant: 'default', name: 'bo', roles: ['agent'], partner: 'backoffice' }, START)).secret;
    // then its person finds the delegated case by reference (no customer name: not shared), not by text or e-mail, nor the other
    const byRef = await search(delegated.reference, partner);
    expect(byRef.body.items.map((i: { id: string; customerName: string | null; snippet: string | null }) => [i.id, i.customerName, i.snippet])).toEqual([[delegated.id, null, null]]);
    expect((await search('kettle', partner)).body.items).toEqual([]);
    expect((await search('ann@example.com', partner)).body.items).toEqual([]);
    expect((await search(other.reference, partner)).body.items).toEqual([]);
    // and the tenant's own people find both by text
    expect((await search('kettle')).body.items.length).toBe(2);
  });
});
