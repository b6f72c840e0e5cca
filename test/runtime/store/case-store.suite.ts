// The one test suite every CaseStore implementation runs (SQLite now, PostgreSQL later).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, SlaStatus } from '../../../runtime/engine/index.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_CHUNK_BYTES, type CaseStore, type CaseCommit } from '../../../runtime/store/case-store.ts';
import { CursorError } from '../../../runtime/store/cursor.ts';
import { createCommit, definition, eventCommit, makeCase, T0 } from './fixtures.ts';

export interface StoreTarget {
  /** Opens a connection to the target's database (a second call reopens the same data). */
  open(): Promise<CaseStore>;
  /** Removes the database. */
  dispose(): Promise<void>;
}

const T1 = '2026-01-05T10:00:00.000Z';
const T2 = '2026-01-05T11:00:00.000Z';

export function caseStoreSuite(name: string, makeTarget: () => Promise<StoreTarget>): void {
  describe(`CaseStore contract: ${name}`, () => {
    let target: StoreTarget;
    let store: CaseStore;

    beforeEach(async () => {
      target = await makeTarget();
      store = await target.open();
      await store.ensureTenant('default', T0);
      await store.ensureTenant('other', T0);
      await store.publish('default', 'complaint', definition(), T0);
      await store.publish('other', 'complaint', definition(), T0);
    });

    afterEach(async () => {
      await store.close();
      await target.dispose();
    });

    describe('tokens', () => {
      it('finds a token by its hash only, and counts tokens', async () => {
        // given a token stored under a hash
        await store.createToken({ id: 't1', tenant: 'default', name: 'alice', roles: ['agent'], createdAt: T0 }, 'a'.repeat(64));
        // when it is looked up by the right and a wrong hash
        const found = await store.findTokenByHash('a'.repeat(64));
        const missing = await store.findTokenByHash('b'.repeat(64));
        // then only the right hash finds it
        expect(found).toEqual({ id: 't1', tenant: 'default', name: 'alice', roles: ['agent'], createdAt: T0 });
        expect(missing).toBeNull();
        expect(await store.countTokens()).toBe(1);
      });

      it('revokes every active token of a name in a tenant; a revoked hash is never found or re-enabled', async () => {
        // given two tokens named bob in default and one in acme
        await store.createToken({ id: 't1', tenant: 'default', name: 'bob', roles: ['agent'], createdAt: T0 }, 'a'.repeat(64));
        await store.createToken({ id: 't2', tenant: 'default', name: 'bob', roles: ['agent'], createdAt: T0 }, 'b'.repeat(64));
        await store.createToken({ id: 't3', tenant: 'acme', name: 'bob', roles: ['agent'], createdAt: T0 }, 'c'.repeat(64));
        // when bob is revoked in default (twice), and the first hash is stored again
        const revoked = await store.revokeTokens('default', 'bob', T1);
        const again = await store.revokeTokens('default', 'bob', T1);
        await store.createToken({ id: 't4', tenant: 'default', name: 'bob', roles: ['admin'], createdAt: T1 }, 'a'.repeat(64));
        // then both default tokens are gone for good, and acme's is untouched
        expect([revoked, again]).toEqual([2, 0]);
        expect(await store.findTokenByHash('a'.repeat(64))).toBeNull();
        expect(await store.findTokenByHash('b'.repeat(64))).toBeNull();
        expect((await store.findTokenByHash('c'.repeat(64)))?.id).toBe('t3');
      });

      it('keeps an expiry with a token and lists the tokens of a tenant newest first, revoked ones too, without hashes', async () => {
        // given three tokens in default (one expiring, one revoked) and one in other
        await store.createToken({ id: 't1', tenant: 'default', name: 'old', roles: ['agent'], createdAt: T0 }, 'a'.repeat(64));
        await store.createToken({ id: 't2', tenant: 'default', name: 'bot', roles: ['service'], createdAt: T1, expiresAt: T2 }, 'b'.repeat(64));
        await store.createToken({ id: 't3', tenant: 'default', name: 'gone', roles: ['agent'], createdAt: T2 }, 'c'.repeat(64));
        await store.createToken({ id: 't4', tenant: 'other', name: 'bot', roles: ['service'], createdAt: T2 }, 'd'.repeat(64));
        await store.revokeTokens('default', 'gone', T2);
        // then the expiring one is found with its expiry (still found after it: the host decides), the others without
        expect(await store.findTokenByHash('b'.repeat(64))).toEqual({ id: 't2', tenant: 'default', name: 'bot', roles: ['service'], createdAt: T1, expiresAt: T2 });
        expect(await store.findTokenByHash('a'.repeat(64))).toEqual({ id: 't1', tenant: 'default', name: 'old', roles: ['agent'], createdAt: T0 });
        // and the list of default is newest first, with every field but the hash
        expect(await store.listTokens('default')).toEqual([
          { id: 't3', tenant: 'default', name: 'gone', roles: ['agent'], createdAt: T2, expiresAt: null, lastUsedAt: null, revokedAt: T2, partner: null },
          { id: 't2', tenant: 'default', name: 'bot', roles: ['service'], createdAt: T1, expiresAt: T2, lastUsedAt: null, revokedAt: null, partner: null },
          { id: 't1', tenant: 'default', name: 'old', roles: ['agent'], createdAt: T0, expiresAt: null, lastUsedAt: null, revokedAt: null, partner: null },
        ]);
        expect((await store.listTokens('default', 'bot')).map((t) => t.id)).toEqual(['t2']);
        expect((await store.listTokens('other')).map((t) => t.id)).toEqual(['t4']);
        expect(await store.listTokens('nobody')).toEqual([]);
      });

      it('rotates a name in one step: its active tokens end at the earlier of their expiry and the grace, the new one is stored', async () => {
        // given bob in default: one without expiry, one expiring before the grace ends, one expired, one revoked; and bob in other
        const soon = '2026-01-05T10:20:00.000Z';
        const graceEnd = '2026-01-05T10:30:00.000Z';
        await store.createToken({ id: 't1', tenant: 'default', name: 'bob', roles: ['service'], createdAt: T0 }, 'a'.repeat(64));
        await store.createToken({ id: 't2', tenant: 'default', name: 'bob', roles: ['service'], createdAt: T0, expiresAt: soon }, 'b'.repeat(64));
        await store.createToken({ id: 't3', tenant: 'default', name: 'bob', roles: ['service'], createdAt: T0, expiresAt: T1 }, 'c'.repeat(64));
        await store.createToken({ id: 't4', tenant: 'default', name: 'carl', roles: ['service'], createdAt: T0 }, 'd'.repeat(64));
        await store.createToken({ id: 't5', tenant: 'other', name: 'bob', roles: ['service'], createdAt: T0 }, 'e'.repeat(64));
        // when bob is rotated at T1 with a grace until 10:30
        const next = { id: 't6', tenant: 'default', name: 'bob', roles: ['service'], createdAt: T1, expiresAt: T2 };
        const result = await store.rotateTokens('default', 'bob', T1, graceEnd, next, 'f'.repeat(64));
        // then the two active ones were cut (the one expiring sooner kept its expiry), the expired one left alone
        expect(result).toEqual({ rotated: 2, validUntil: graceEnd });
        expect(Object.fromEntries((await store.listTokens('default', 'bob')).map((t) => [t.id, t.expiresAt]))).toEqual({ t1: graceEnd, t2: soon, t3: T1, t6: T2 });
        expect(await store.findTokenByHash('f'.repeat(64))).toEqual(next);
        expect((await store.listTokens('other'))[0]?.expiresAt).toBeNull();
        // and a name without an active token is not rotated, and nothing is stored
        await store.revokeTokens('default', 'carl', T1);
        const none = await store.rotateTokens('default', 'carl', T1, graceEnd, { ...next, id: 't7', name: 'carl' }, '7'.repeat(64));
        expect(none).toEqual({ rotated: 0, validUntil: null });
        expect(await store.findTokenByHash('7'.repeat(64))).toBeNull();
        expect(await store.rotateTokens('default', 'nobody', T1, graceEnd, { ...next, id: 't8', name: 'nobody' }, '8'.repeat(64))).toEqual({ rotated: 0, validUntil: null });
        expect(await store.countTokens()).toBe(6);
      });

      it("records a token's last use at most once per gap, whichever host writes it, and never moves it back", async () => {
        await store.createToken({ id: 't1', tenant: 'default', name: 'alice', roles: ['agent'], createdAt: T0 }, 'a'.repeat(64));
        const lastUsed = async () => (await store.listTokens('default'))[0]?.lastUsedAt;
        const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
        await store.touchToken('t1', at(10), 60_000);
        expect(await lastUsed()).toBe(at(10));
        // within the minute (another host's write) and earlier: unchanged
        await store.touchToken('t1', at(69), 60_000);
        await store.touchToken('t1', at(5), 60_000);
        expect(await lastUsed()).toBe(at(10));
        // a minute later: moved
        await store.touchToken('t1', at(70), 60_000);
        expect(await lastUsed()).toBe(at(70));
        await store.touchToken('nobody', at(200), 60_000);
        expect(await store.listTokens('other')).toEqual([]);
      });
    });

    describe('messages', () => {
      it('records a message once per key and lists the messages of a case oldest first, per tenant', async () => {
        // given two messages of case c1 (one recorded twice, as a redelivery would) and one of another tenant
        await store.recordMessage({ tenant: 'default', caseId: 'c1', key: 'k2', to: 'customer', template: 'second', sentAt: T1 });
        await store.recordMessage({ tenant: 'default', caseId: 'c1', key: 'k1', to: 'queue:triage', template: 'first', sentAt: T0 });
        await store.recordMessage({ tenant: 'default', caseId: 'c1', key: 'k1', to: 'queue:triage', template: 'first', sentAt: T1 });
        await store.recordMessage({ tenant: 'acme', caseId: 'c1', key: 'k3', to: 'customer', template: 'other', sentAt: T0 });
        // then the case shows each once, oldest first, and only in its tenant
        const recorded = { status: 'recorded', address: null, subject: null, messageId: null, language: null, attempts: 1, lastError: null };
        expect(await store.messages('default', 'c1')).toEqual([
          { tenant: 'default', caseId: 'c1', key: 'k1', to: 'queue:triage', template: 'first', sentAt: T0, ...recorded },
          { tenant: 'default', caseId: 'c1', key: 'k2', to: 'customer', template: 'second', sentAt: T1, ...recorded },
        ]);
        expect(await store.messages('default', 'c2')).toEqual([]);
      });

      it('keeps the last outcome of a failed message until it is sent, and a sent message as it is', async () => {
        // given a mail that failed once, then went out
        const mail = { tenant: 'default', caseId: 'c1', key: 'm1', to: 'customer', template: 'ack', address: 'ann@example.com', subject: '[COM-000001] Thanks', language: 'nl' };
        await store.recordMessage({ ...mail, sentAt: T0, status: 'failed', attempts: 1, lastError: '421 try later' });
        expect((await store.messages('default', 'c1')).map((m) => [m.status, m.attempts, m.lastError])).toEqual([['failed', 1, '421 try later']]);
        await store.recordMessage({ ...mail, sentAt: T1, status: 'sent', attempts: 2, messageId: '<COM-000001.c1.x@example.com>' });
        // when a redelivery records it again (a failure after the send was recorded)
        await store.recordMessage({ ...mail, sentAt: T1, status: 'dead', attempts: 3, lastError: 'late' });
        // then it stays sent, with what the send recorded
        expect(await store.messages('default', 'c1')).toEqual([
          { ...mail, sentAt: T1, status: 'sent', attempts: 2, messageId: '<COM-000001.c1.x@example.com>', lastError: null },
        ]);
      });
    });

    describe('people', () => {
      it("keeps a signed-in person's e-mail address by their name, replaced at each sign-in", async () => {
        expect(await store.claimPersonName('default', 'idp#ann', 'Ann', T0, 'ann@example.com')).toBe(true);
        expect(await store.personEmail('default', 'Ann')).toBe('ann@example.com');
        expect(await store.personEmail('other', 'Ann')).toBeNull();
        expect(await store.personEmail('default', 'Nobody')).toBeNull();
        expect(await store.claimPersonName('default', 'idp#ann', 'Ann', T1)).toBe(true);
        expect(await store.personEmail('default', 'Ann')).toBeNull();
      });
    });

    describe('webhook secrets', () => {
      it("keeps a tenant's first secret and hands it out again, per tenant", async () => {
        expect(await store.webhookSecret('default', 'whsec_first', T0)).toBe('whsec_first');
        expect(await store.webhookSecret('default', 'whsec_second', T1)).toBe('whsec_first');
        expect(await store.webhookSecret('new-tenant', 'whsec_other', T1)).toBe('whsec_other');
      });
    });

    describe('case types', () => {
      it('publishes immutable numbered versions per tenant and key', async () => {
        // given a second publication of complaint in tenant default
        const second = await store.publish('default', 'complaint', { ...definition(), title: 'Complaint v2' }, T1);
        // then it is version 2, the latest, and version 1 is unchanged
        expect(second.version).toBe(2);
        expect((await store.getCaseType('default', 'complaint'))?.definition.title).toBe('Complaint v2');
        expect((await store.getCaseType('default', 'complaint', 1))?.definition).toEqual({ ...definition(), version: 1 });
        expect(await store.listVersions('default', 'complaint')).toEqual([
          { version: 1, publishedAt: T0, publishedBy: null, note: null },
          { version: 2, publishedAt: T1, publishedBy: null, note: null },
        ]);
        expect(await store.listVersions('other', 'complaint')).toEqual([{ version: 1, publishedAt: T0, publishedBy: null, note: null }]);
        expect(await store.getCaseType('default', 'nope')).toBeNull();
      });

      it('keeps who published each version and the note with it, per version and tenant', async () => {
        // given two more versions of complaint in default, one with a note and one without, and one in other
        const note = 'Adds the severity field.\nAsked for by the "complaints" team — ü, 🙂, \u2028 and a \\ backslash';
        await store.publish('default', 'complaint', { ...definition(), title: 'Complaint v2' }, T1, { publishedBy: 'anna', note });
        await store.publish('default', 'complaint', { ...definition(), title: 'Complaint v3' }, T2, { publishedBy: 'ben', note: null });
        await store.publish('other', 'complaint', definition(), T1, { publishedBy: 'carla', note: 'other tenant' });
        // then each version lists its publisher and note as given, the first (published without) null
        expect(await store.listVersions('default', 'complaint')).toEqual([
          { version: 1, publishedAt: T0, publishedBy: null, note: null },
          { version: 2, publishedAt: T1, publishedBy: 'anna', note },
          { version: 3, publishedAt: T2, publishedBy: 'ben', note: null },
        ]);
        expect(await store.listVersions('other', 'complaint')).toEqual([
          { version: 1, publishedAt: T0, publishedBy: null, note: null },
          { version: 2, publishedAt: T1, publishedBy: 'carla', note: 'other tenant' },
        ]);
        // and the definitions are stored as before, the note not in them
        expect((await store.getCaseType('default', 'complaint', 2))?.definition).toEqual({ ...definition(), title: 'Complaint v2', version: 2 });
        expect(await store.listVersions('default', 'nope')).toEqual([]);
      });

      it('keeps the publisher and note across a reopen', async () => {
        // given a version published with a note
        await store.publish('default', 'complaint', definition(), T1, { publishedBy: 'anna', note: 'Second' });
        // when the store is closed and opened again
        await store.close();
        store = await target.open();
        // then the note and the publisher are still there
        expect((await store.listVersions('default', 'complaint')).at(-1)).toEqual({ version: 2, publishedAt: T1, publishedBy: 'anna', note: 'Second' });
      });

      it('keeps one working draft per key, listed with its status', async () => {
        // given a draft for an existing key and one for a new key
        await store.saveDraft({ tenant: 'default', key: 'complaint', definition: { key: 'complaint' }, problems: [], valid: true, updatedAt: T1 });
        const problem = { severity: 'error', code: 'x', message: 'm', pointer: '/title' };
        await store.saveDraft({ tenant: 'default', key: 'refund', definition: { key: 'refund', title: 'Refund' }, problems: [problem], valid: false, updatedAt: T2 });
        // then both are listed, the new one without a published version
        expect(await store.getDraft('default', 'refund')).toEqual({
          tenant: 'default', key: 'refund', definition: { key: 'refund', title: 'Refund' }, problems: [problem], valid: false, updatedAt: T2,
        });
        expect(await store.listCaseTypes('default')).toEqual([
          { key: 'complaint', title: 'Complaint', latestVersion: 1, publishedAt: T0, draft: { updatedAt: T1, valid: true } },
          { key: 'refund', title: 'Refund', latestVersion: null, publishedAt: null, draft: { updatedAt: T2, valid: false } },
        ]);
        expect(await store.getDraft('other', 'refund')).toBeNull();
      });
    });

    describe('cases', () => {
      it('creates a case once and reads it back only in its own tenant', async () => {
        // given a created case
        const kase = makeCase('c1');
        expect(await store.commit(createCommit(kase))).toEqual({ ok: true, reference: 'COM-000001' });
        // when it is read from both tenants and created again
        // then it comes back with the reference the store gave it
        expect(await store.getCase('default', 'c1')).toEqual({ ...kase, reference: 'COM-000001' });
        expect(await store.getCase('other', 'c1')).toBeNull();
        expect(await store.locateCase('c1')).toEqual({ tenant: 'default', case: { ...kase, reference: 'COM-000001' } });
        expect(await store.commit(createCommit(kase))).toEqual({ ok: false, code: 'case.exists' });
      });

      it('applies an event only on the expected revision, and a stale one changes nothing', async () => {
        // given a case at revision 2
        const kase = makeCase('c1');
        await store.commit(createCommit(kase));
        const first = eventCommit(kase, { state: 'closed', closedAt: T1 }, 'CLOSE', T1);
        expect(await store.commit(first)).toEqual({ ok: true });
        // when another event computed on revision 1 arrives
        const stale = eventCommit(kase, { priority: 'high' }, 'ESCALATE', T2);
        // then it is refused and the history holds the creation and the first event only
        expect(await store.commit(stale)).toEqual({ ok: false, code: 'case.conflict' });
        expect(await store.getCase('default', 'c1')).toEqual({ ...first.case, reference: 'COM-000001' });
        const history = await store.history('default', 'c1', 10, null);
        expect(history.items.map((h) => [h.seq, h.event.type])).toEqual([[1, 'case.created'], [2, 'CLOSE']]);
        expect(history.nextCursor).toBeNull();
      });

      it('pages the history oldest first with an opaque cursor', async () => {
        // given a case with 4 history entries
        let kase = makeCase('c1');
        await store.commit(createCommit(kase));
        for (const [index, at] of [T1, T2, '2026-01-05T12:00:00.000Z'].entries()) {
          const commit = eventCommit(kase, { data: { reason: `r${index}` } }, `E${index}`, at);
          await store.commit(commit);
          kase = commit.case;
        }
        // when it is read 3 at a time
        const page1 = await store.history('default', 'c1', 3, null);
        const page2 = await store.history('default', 'c1', 3, page1.nextCursor);
        // then
        expect(page1.items.map((h) => h.seq)).toEqual([1, 2, 3]);
        expect(page2.items.map((h) => h.event.type)).toEqual(['E2']);
        expect(page2.nextCursor).toBeNull();
        expect((await store.history('other', 'c1', 3, null)).items).toEqual([]);
        await expect(store.history('default', 'c1', 3, 'garbage')).rejects.toBeInstanceOf(CursorError);
      });

      it('lists cases newest first with filters and pages', async () => {
        // given 3 cases in default and 1 in other
        await store.commit(createCommit(makeCase('a', { createdAt: T0, state: { investigating: 'collect' }, data: { reason: 'late delivery' } })));
        await store.commit(createCommit(makeCase('b', { createdAt: T1, queue: 'billing', priority: 'high' })));
        await store.commit(createCommit(makeCase('c', { createdAt: T2, assignee: 'bob', channel: 'phone' })));
        await store.commit(createCommit(makeCase('x', { createdAt: T2 }), 'other'));
        // when listing in pages of 2
        const page1 = await store.listCases('default', {}, 2, null);
        const page2 = await store.listCases('default', {}, 2, page1.nextCursor);
        // then
        expect(page1.items.map((c) => c.id)).toEqual(['c', 'b']);
        expect(page2.items.map((c) => c.id)).toEqual(['a']);
        expect(page2.nextCursor).toBeNull();
        const ids = async (filter: Parameters<CaseStore['listCases']>[1]) => (await store.listCases('default', filter, 10, null)).items.map((c) => c.id);
        expect(await ids({ state: 'collect' })).toEqual(['a']);
        expect(await ids({ state: 'investigating' })).toEqual(['a']);
        expect(await ids({ state: 'triage' })).toEqual(['c', 'b']);
        expect(await ids({ queue: 'billing' })).toEqual(['b']);
        expect(await ids({ priority: 'high' })).toEqual(['b']);
        expect(await ids({ assignee: 'bob' })).toEqual(['c']);
        expect(await ids({ channel: 'phone' })).toEqual(['c']);
        expect(await ids({ channel: 'email' })).toEqual(['b', 'a']);
        expect(await ids({ channel: 'letter' })).toEqual([]);
        expect(await ids({ q: 'late deliv' })).toEqual(['a']);
        expect(await ids({ q: '%' })).toEqual([]);
        expect(await ids({ caseType: 'refund' })).toEqual([]);
        // a partner's delegated queues: only those, none for an empty list, with the other filters
        expect(await ids({ queues: ['billing', 'returns'] })).toEqual(['b']);
        expect(await ids({ queues: ['triage'] })).toEqual(['c', 'a']);
        expect(await ids({ queues: ['nobody'] })).toEqual([]);
        expect(await ids({ queues: [] })).toEqual([]);
        expect(await ids({ queues: ['billing'], priority: 'normal' })).toEqual([]);
        expect(await ids({ queues: ["billing' OR '1'='1"] })).toEqual([]);
      });
    });

    describe('case secrets', () => {
      it('keeps the first hash of a case\'s status page per tenant', async () => {
        expect(await store.caseSecret('default', 'c1')).toBeNull();
        await store.saveCaseSecret('default', 'c1', 'a'.repeat(64), T0);
        await store.saveCaseSecret('default', 'c1', 'b'.repeat(64), T1);
        expect(await store.caseSecret('default', 'c1')).toBe('a'.repeat(64));
        expect(await store.caseSecret('acme', 'c1')).toBeNull();
      });
    });

    describe('mailboxes', () => {
      it('saves one mailbox per case type and tenant, keeps an address to one of them, finds it by address with its hash, and removes it', async () => {
        const complaints = { address: 'complaints@example.com', tenant: 'default', caseType: 'complaint', createdAt: T0, createdBy: 'admin' };
        expect(await store.saveMailbox(complaints, 'a'.repeat(64))).toBe('saved');
        // another tenant or case type cannot take the address; nothing of theirs is stored
        expect(await store.saveMailbox({ ...complaints, tenant: 'acme' }, 'b'.repeat(64))).toBe('address_taken');
        expect(await store.saveMailbox({ ...complaints, caseType: 'order-inquiry' }, 'b'.repeat(64))).toBe('address_taken');
        expect(await store.listMailboxes('acme')).toEqual([]);
        expect(await store.findMailbox('complaints@example.com')).toEqual({ ...complaints, secretHash: 'a'.repeat(64) });
        // replacing: a new address and secret, the old address no longer takes mail
        const moved = { ...complaints, address: 'klachten@example.com', createdAt: T1 };
        expect(await store.saveMailbox(moved, 'c'.repeat(64))).toBe('saved');
        expect(await store.findMailbox('complaints@example.com')).toBeNull();
        expect(await store.findMailbox('klachten@example.com')).toEqual({ ...moved, secretHash: 'c'.repeat(64) });
        // its own address again, with a new secret
        expect(await store.saveMailbox({ ...moved, createdAt: T2 }, 'd'.repeat(64))).toBe('saved');
        expect((await store.findMailbox('klachten@example.com'))?.secretHash).toBe('d'.repeat(64));
        await store.saveMailbox({ address: 'orders@example.com', tenant: 'default', caseType: 'order-inquiry', createdAt: T0, createdBy: 'admin' }, 'e'.repeat(64));
        expect((await store.listMailboxes('default')).map((m) => m.caseType)).toEqual(['complaint', 'order-inquiry']);
        expect([await store.deleteMailbox('default', 'complaint'), await store.deleteMailbox('default', 'complaint')]).toEqual([true, false]);
        expect(await store.findMailbox('klachten@example.com')).toBeNull();
      });
    });

    describe('partners', () => {
      it('saves, replaces (keeping when it was made), lists by id, finds and deletes a partner per tenant', async () => {
        await store.savePartner({ tenant: 'default', id: 'zeta', title: 'Zeta', queues: ['billing'], createdAt: T0, updatedAt: T0 });
        await store.savePartner({ tenant: 'default', id: 'alpha', title: 'Alpha', queues: [], createdAt: T0, updatedAt: T0 });
        await store.savePartner({ tenant: 'default', id: 'zeta', title: 'Zeta BV', queues: ['billing', 'returns'], createdAt: T1, updatedAt: T1 });
        await store.savePartner({ tenant: 'acme', id: 'zeta', title: 'Acme Zeta', queues: ['x'], createdAt: T1, updatedAt: T1 });
        expect(await store.listPartners('default')).toEqual([
          { tenant: 'default', id: 'alpha', title: 'Alpha', queues: [], createdAt: T0, updatedAt: T0 },
          { tenant: 'default', id: 'zeta', title: 'Zeta BV', queues: ['billing', 'returns'], createdAt: T0, updatedAt: T1 },
        ]);
        expect(await store.getPartner('acme', 'zeta')).toEqual({ tenant: 'acme', id: 'zeta', title: 'Acme Zeta', queues: ['x'], createdAt: T1, updatedAt: T1 });
        expect(await store.getPartner('other', 'zeta')).toBeNull();
        // its people's tokens are revoked with it; another partner's and the tenant's own stay
        await store.createToken({ id: 'tz', tenant: 'default', name: 'bo', roles: ['agent'], createdAt: T0, partner: 'zeta' }, 'e'.repeat(64));
        await store.createToken({ id: 'ta', tenant: 'default', name: 'al', roles: ['agent'], createdAt: T0, partner: 'alpha' }, 'f'.repeat(64));
        await store.createToken({ id: 'to', tenant: 'default', name: 'own', roles: ['agent'], createdAt: T0 }, '0'.repeat(64));
        expect([await store.deletePartner('default', 'zeta', T2), await store.deletePartner('default', 'zeta', T2)]).toEqual([true, false]);
        expect((await store.listPartners('default')).map((p) => p.id)).toEqual(['alpha']);
        expect(await store.findTokenByHash('e'.repeat(64))).toBeNull();
        expect((await store.findTokenByHash('f'.repeat(64)))?.partner).toBe('alpha');
        expect((await store.findTokenByHash('0'.repeat(64)))?.name).toBe('own');
      });

      it('counts what partners\' people did, per partner, in a window and for a case type', async () => {
        const kase = makeCase('c1');
        await store.commit(createCommit(kase));
        const byPartner = (c: CaseCommit, partner: string): CaseCommit => ({ ...c, history: { ...c.history, partner } });
        const e1 = eventCommit(kase, {}, 'TOUCH', T1);
        await store.commit(byPartner(e1, 'zeta'));
        const e2 = eventCommit(e1.case, {}, 'TOUCH', T2);
        await store.commit(byPartner(e2, 'zeta'));
        const e3 = eventCommit(e2.case, {}, 'TOUCH', T2);
        await store.commit(byPartner(e3, 'alpha'));
        await store.commit(eventCommit(e3.case, {}, 'TOUCH', T2));
        await store.commit(createCommit(makeCase('x1'), 'other'));
        expect(await store.partnerActivity('default', {})).toEqual([
          { partner: 'alpha', events: 1, cases: 1, lastAt: T2 },
          { partner: 'zeta', events: 2, cases: 1, lastAt: T2 },
        ]);
        expect(await store.partnerActivity('default', { from: T0, to: T2 })).toEqual([{ partner: 'zeta', events: 1, cases: 1, lastAt: T1 }]);
        expect(await store.partnerActivity('default', { caseType: 'refund' })).toEqual([]);
        expect(await store.partnerActivity('other', {})).toEqual([]);
        // the entry keeps the partner too
        expect((await store.history('default', 'c1', 10, null)).items.map((e) => e.partner ?? null)).toEqual([null, 'zeta', 'zeta', 'alpha', null]);
      });

      it('keeps the partner a token works for', async () => {
        await store.createToken({ id: 't1', tenant: 'default', name: 'bo', roles: ['agent'], createdAt: T0, partner: 'zeta' }, 'd'.repeat(64));
        expect(await store.findTokenByHash('d'.repeat(64))).toEqual({ id: 't1', tenant: 'default', name: 'bo', roles: ['agent'], createdAt: T0, partner: 'zeta' });
        expect((await store.listTokens('default')).map((t) => t.partner)).toEqual(['zeta']);
      });
    });

    describe('customer index', () => {
      const email = (value: string) => ({ pointer: '/customer/email', value });
      const phone = { pointer: '/customer/phone', value: '+31 20 555 0101' };
      const ids = async (values: string[], tenant = 'default') => (await store.casesByCustomerKeys(tenant, values, 10, null)).items.map((c) => c.id);

      it('finds the cases sharing a customer identifier, whatever the pointer, trimmed and case-insensitively, newest first', async () => {
        // given Ada's cases under three pointers, Grace's, one without identifiers and Ada's in another tenant
        await store.commit({ ...createCommit(makeCase('a', { createdAt: T0 })), customerKeys: [email(' Ada@Example.com '), phone] });
        await store.commit({ ...createCommit(makeCase('b', { createdAt: T1 })), customerKeys: [{ pointer: '/requester/email', value: 'ada@example.com' }] });
        await store.commit({ ...createCommit(makeCase('c', { createdAt: T2 })), customerKeys: [phone] });
        await store.commit({ ...createCommit(makeCase('d', { createdAt: T2 })), customerKeys: [email('grace@example.com')] });
        await store.commit(createCommit(makeCase('e', { createdAt: T2, data: { reason: 'ada@example.com' } })));
        await store.commit({ ...createCommit(makeCase('x', { createdAt: T2 }), 'other'), customerKeys: [email('ada@example.com')] });
        // when Ada's cases are looked up by both her identifiers, two at a time
        const page1 = await store.casesByCustomerKeys('default', [' ADA@example.COM', '+31 20 555 0101'], 2, null);
        const page2 = await store.casesByCustomerKeys('default', [' ADA@example.COM', '+31 20 555 0101'], 2, page1.nextCursor);
        // then each of her cases comes once, newest first, and only in its tenant
        expect(page1.items.map((c) => c.id)).toEqual(['c', 'b']);
        expect(page1.items[0]).toEqual({ ...makeCase('c', { createdAt: T2 }), reference: 'COM-000003' });
        expect(page2.items.map((c) => c.id)).toEqual(['a']);
        expect(page2.nextCursor).toBeNull();
        expect(await ids(['ada@example.com'])).toEqual(['b', 'a']);
        expect(await ids(['ada@example.com'], 'other')).toEqual(['x']);
        expect(await ids(['GRACE@example.com', 'nobody@example.com'])).toEqual(['d']);
        expect(await ids(['', '  '])).toEqual([]);
        await expect(store.casesByCustomerKeys('default', ['ada@example.com'], 2, 'garbage')).rejects.toBeInstanceOf(CursorError);
      });

      it("moves a case between customers as its identifiers change, with the commit's transaction", async () => {
        // given a case of old@example.com
        const kase = makeCase('c1');
        await store.commit({ ...createCommit(kase), customerKeys: [email('old@example.com')] });
        // when an event changes the e-mail
        const moved = { ...eventCommit(kase, { data: { reason: 'moved' } }, 'MOVE', T1), customerKeys: [email('new@example.com')], previousCustomerKeys: [email('old@example.com')] };
        expect(await store.commit(moved)).toEqual({ ok: true });
        // then the case belongs to the new address only
        expect([await ids(['old@example.com']), await ids(['new@example.com'])]).toEqual([[], ['c1']]);
        // when a stale event would move it again: nothing of it is kept
        const stale = { ...eventCommit(kase, {}, 'STALE', T1), customerKeys: [email('stale@example.com')], previousCustomerKeys: [email('old@example.com')] };
        expect(await store.commit(stale)).toEqual({ ok: false, code: 'case.conflict' });
        expect([await ids(['stale@example.com']), await ids(['new@example.com'])]).toEqual([[], ['c1']]);
        // when an event brings the identifiers without the previous ones, then one brings none, then one changes only case and spaces
        const rewritten = { ...eventCommit(moved.case, {}, 'REWRITE', T2), customerKeys: [email('third@example.com'), phone] };
        expect(await store.commit(rewritten)).toEqual({ ok: true });
        const untouched = eventCommit(rewritten.case, {}, 'NOTE', T2);
        expect(await store.commit(untouched)).toEqual({ ok: true });
        const retyped = { ...eventCommit(untouched.case, {}, 'RETYPE', T2), customerKeys: [email(' THIRD@example.com'), phone], previousCustomerKeys: [email('third@example.com'), phone] };
        expect(await store.commit(retyped)).toEqual({ ok: true });
        // then the case's keys were replaced, and kept as they were by the others
        expect([await ids(['new@example.com']), await ids(['third@example.com']), await ids([phone.value])]).toEqual([[], ['c1'], ['c1']]);
      });
    });

    describe('timers', () => {
      it('mirrors the case timers, lists due ones in due order and fires each once', async () => {
        // given a case with two timers
        const kase = makeCase('c1', {
          timers: [
            { id: 'timer.b', event: 'timer.b', dueAt: T2 },
            { id: 'timer.a', event: 'timer.a', dueAt: T1 },
          ],
        });
        await store.commit(createCommit(kase));
        expect(await store.nextTimerDue()).toBe(T1);
        expect(await store.dueTimers(T2, 10)).toEqual([
          { tenant: 'default', caseId: 'c1', timerId: 'timer.a', event: 'timer.a', dueAt: T1 },
          { tenant: 'default', caseId: 'c1', timerId: 'timer.b', event: 'timer.b', dueAt: T2 },
        ]);
        // when timer.a fires
        const fire = eventCommit(kase, { timers: [{ id: 'timer.b', event: 'timer.b', dueAt: T2 }] }, 'timer.a', T1, { firedTimerId: 'timer.a' });
        expect(await store.commit(fire)).toEqual({ ok: true });
        // then only timer.b is left, and firing timer.a again is refused
        expect(await store.dueTimers(T2, 10)).toEqual([{ tenant: 'default', caseId: 'c1', timerId: 'timer.b', event: 'timer.b', dueAt: T2 }]);
        const again = eventCommit(fire.case, {}, 'timer.a', T1, { firedTimerId: 'timer.a' });
        expect(await store.commit(again)).toEqual({ ok: false, code: 'timer.already_fired' });
        expect((await store.getCase('default', 'c1'))?.revision).toBe(2);
      });
    });

    describe('side tables', () => {
      const task = (n: number, title = 'Classify') => ({ id: `triage:${n}`, state: 'triage', title, queue: 'triage', role: null, form: null, openedAt: T0, dueAt: null, assignee: null });
      const sla = (status: SlaStatus, closedAt: string | null = null) => ({ id: 'resolution#1', name: 'resolution', status, startedAt: T0, pauses: [], closedAt, rungs: [], urgency: 0 });
      const goal = (dueAt: string) => ({ id: 'sla.r.goal', event: 'sla.resolution.goal', dueAt });
      // One sequence of snapshots: a timer moves, one goes, one comes; a task is retitled, one closes,
      // one opens; the SLA pauses, resumes and is met; one event changes none of them.
      const start: Partial<Case> = { timers: [goal(T1), { id: 'timer.a', event: 'timer.a', dueAt: T1 }], tasks: [task(1), task(2, 'Old')], slas: [sla('running')] };
      const steps: Partial<Case>[] = [
        { timers: [goal(T2)], tasks: [task(2)], slas: [sla('paused')] },
        { data: { reason: 'unchanged side tables' } },
        { timers: [{ id: 'timer.remind', event: 'timer.remind', dueAt: T1 }], tasks: [task(3)], slas: [sla('running')] },
        { timers: [], tasks: [], slas: [sla('met', T2)] },
      ];
      const own = (id: string, part: Partial<Case>): Partial<Case> => (part.tasks === undefined ? part : { ...part, tasks: part.tasks.map((t) => ({ ...t, id: `${id}:${t.id}` })) });

      /** The timer, task and SLA rows of one case after each step, with the case id taken out. */
      async function run(id: string, withPrevious: boolean): Promise<unknown[]> {
        let kase = makeCase(id, own(id, start));
        await store.commit(createCommit(kase));
        const seen: unknown[] = [];
        for (const [index, step] of steps.entries()) {
          const commit = eventCommit(kase, own(id, step), `E${index}`, T1);
          expect(await store.commit(withPrevious ? { ...commit, previous: kase } : commit)).toEqual({ ok: true });
          kase = commit.case;
          const tasks = [...(await store.listTasks('default', {}, 50, null)).items, ...(await store.listTasks('default', { status: 'closed' }, 50, null)).items];
          seen.push({
            timers: (await store.dueTimers(T2, 50)).filter((t) => t.caseId === id).map(({ caseId: _, ...t }) => t),
            tasks: tasks.filter((t) => t.caseId === id).map(({ caseId: _, ...t }) => ({ ...t, id: t.id.slice(id.length) })),
            slas: (await store.slaRecords('default')).filter((r) => r.caseId === id).map(({ caseId: _, ...r }) => r),
          });
        }
        return seen;
      }

      it('follow the case alike whether or not the commit carries the previous snapshot', async () => {
        // when both cases go through the same steps, one with `previous` on every commit
        const withPrevious = await run('with', true);
        const without = await run('without', false);
        // then the rows are the same after every step, and they are what the last snapshot says
        expect(withPrevious).toEqual(without);
        expect(withPrevious.at(-1)).toEqual({
          timers: [],
          tasks: [
            expect.objectContaining({ id: ':triage:1', status: 'closed', closedAt: T1 }),
            expect.objectContaining({ id: ':triage:2', status: 'closed', closedAt: T1 }),
            expect.objectContaining({ id: ':triage:3', status: 'closed', closedAt: T1 }),
          ],
          slas: [expect.objectContaining({ slaId: 'resolution#1', status: 'met', closedAt: T2 })],
        });
        expect(withPrevious[0]).toMatchObject({ timers: [{ timerId: 'sla.r.goal', dueAt: T2 }], tasks: [{ id: ':triage:2', title: 'Classify', status: 'open' }, { id: ':triage:1', status: 'closed' }] });
      });
    });

    describe('tasks', () => {
      const task = { id: 'c1:triage:1', state: 'triage', title: 'Classify', queue: 'triage', role: 'intake-agent', form: null, openedAt: T0, dueAt: null, assignee: null };

      it('opens tasks from the case, claims, releases and closes them', async () => {
        // given a case with an open task
        const kase = makeCase('c1', { tasks: [task] });
        await store.commit(createCommit(kase));
        // when alice claims it, bob tries to
        const claimed = await store.claimTask('default', task.id, 'alice', T1);
        // then
        expect(claimed).toEqual({ ok: true, task: { ...task, tenant: 'default', caseId: 'c1', caseType: 'complaint', status: 'open', assignee: 'alice', claimedAt: T1, closedAt: null } });
        expect(await store.claimTask('default', task.id, 'bob', T1)).toEqual({ ok: false, code: 'task.claimed' });
        expect(await store.claimTask('other', task.id, 'bob', T1)).toEqual({ ok: false, code: 'task.not_found' });
        expect((await store.getCase('default', 'c1'))?.tasks[0]?.assignee).toBe('alice');
        expect((await store.listTasks('default', { assignee: 'alice' }, 10, null)).items.map((t) => t.id)).toEqual([task.id]);
        expect((await store.listTasks('default', { unassigned: true }, 10, null)).items).toEqual([]);
        const released = await store.releaseTask('default', task.id, T1);
        expect(released.ok && released.task.assignee).toBeNull();
        // when the case leaves the state (the task is gone from the case)
        await store.commit(eventCommit(kase, { state: 'closed', tasks: [] }, 'CLOSE', T2));
        // then the task is closed
        expect((await store.listTasks('default', {}, 10, null)).items).toEqual([]);
        const closed = await store.listTasks('default', { status: 'closed' }, 10, null);
        expect(closed.items.map((t) => [t.id, t.closedAt])).toEqual([[task.id, T2]]);
        expect(await store.claimTask('default', task.id, 'alice', T2)).toEqual({ ok: false, code: 'task.closed' });
      });

      it('claims and releases a task only within the queues given (a partner\'s)', async () => {
        await store.commit(createCommit(makeCase('c1', { tasks: [task] })));
        expect(await store.claimTask('default', task.id, 'pia', T1, ['billing'])).toEqual({ ok: false, code: 'task.not_found' });
        expect(await store.claimTask('default', task.id, 'pia', T1, [])).toEqual({ ok: false, code: 'task.not_found' });
        expect((await store.claimTask('default', task.id, 'pia', T1, ['triage', 'billing'])).ok).toBe(true);
        expect(await store.releaseTask('default', task.id, T1, 'pia', ['billing'])).toEqual({ ok: false, code: 'task.not_found' });
        const released = await store.releaseTask('default', task.id, T1, 'pia', ['triage']);
        expect(released.ok && released.task.assignee).toBeNull();
      });

      it('pages tasks by opening time', async () => {
        // given three cases with a task each
        for (const [index, at] of [T0, T1, T2].entries()) {
          await store.commit(createCommit(makeCase(`c${index}`, { createdAt: at, tasks: [{ ...task, id: `c${index}:triage:1`, openedAt: at }] })));
        }
        // when listed 2 at a time
        const page1 = await store.listTasks('default', { queue: 'triage' }, 2, null);
        const page2 = await store.listTasks('default', { queue: 'triage' }, 2, page1.nextCursor);
        // then
        expect(page1.items.map((t) => t.id)).toEqual(['c0:triage:1', 'c1:triage:1']);
        expect(page2.items.map((t) => t.id)).toEqual(['c2:triage:1']);
        expect(page2.nextCursor).toBeNull();
        // a partner's delegated queues
        expect((await store.listTasks('default', { queues: ['triage', 'billing'] }, 10, null)).items).toHaveLength(3);
        expect((await store.listTasks('default', { queues: ['billing'] }, 10, null)).items).toEqual([]);
        expect((await store.listTasks('default', { queues: [] }, 10, null)).items).toEqual([]);
      });
    });

    describe('outbox', () => {
      it('records outbound effects once per key and tracks attempts to delivery or dead letter', async () => {
        // given a case whose creation emitted a webhook and a notify, the webhook twice
        const webhook = { type: 'webhook' as const, key: 'c1:webhook:1', url: 'http://127.0.0.1:1/hook', method: 'POST' as const };
        const notify = { type: 'notify' as const, key: 'c1:notify:1', to: 'customer', template: 'ack' };
        const timer = { type: 'setTimer' as const, timer: { id: 'timer.x', event: 'timer.x', dueAt: T1 } };
        const kase = makeCase('c1');
        await store.commit({ ...createCommit(kase, 'default', [webhook, notify, webhook, timer]), webhookBody: { id: 'c1' } });
        // then two rows are due, the webhook carrying its body (a creation's with the reference it was given)
        const due = await store.dueOutbox(T0, 10);
        expect(due.map((o) => [o.key, o.status, o.attempts, o.payload])).toEqual([
          ['c1:webhook:1', 'pending', 0, { reference: 'COM-000001', id: 'c1' }],
          ['c1:notify:1', 'pending', 0, null],
        ]);
        expect(due[0]?.effect).toEqual(webhook);
        // when the webhook fails once and the notify is delivered
        await store.markFailed(due[0]!.id, 'HTTP 500', T1);
        await store.markDelivered(due[1]!.id, T0);
        // then only the webhook is due again, after T1
        expect(await store.dueOutbox(T0, 10)).toEqual([]);
        expect(await store.nextOutboxDue()).toBe(T1);
        const retry = await store.dueOutbox(T1, 10);
        expect(retry.map((o) => [o.key, o.attempts, o.lastError])).toEqual([['c1:webhook:1', 1, 'HTTP 500']]);
        // when it fails for good
        await store.markFailed(retry[0]!.id, 'HTTP 500 again', null);
        const dead = await store.listOutbox('default', { status: 'dead' }, 10, null);
        expect(dead.items.map((o) => [o.key, o.attempts, o.status])).toEqual([['c1:webhook:1', 2, 'dead']]);
        expect(await store.nextOutboxDue()).toBeNull();
        expect((await store.listOutbox('other', {}, 10, null)).items).toEqual([]);
      });
    });

    describe('idempotency', () => {
      it('stores the answer with the commit, and a second commit with the same key changes nothing', async () => {
        // given a creation carrying an idempotency record
        const record = { tenant: 'default', key: 'k1', method: 'POST', path: '/api/cases', status: 201, body: { id: 'c1' }, createdAt: T0 };
        await store.commit({ ...createCommit(makeCase('c1')), idempotency: record });
        // when another case is created with the same key
        const second: CaseCommit = { ...createCommit(makeCase('c2')), idempotency: { ...record, body: { id: 'c2' } } };
        // then it is refused as a whole (the kept answer of the creation has the reference it was given)
        expect(await store.commit(second)).toEqual({ ok: false, code: 'idempotency.exists' });
        expect(await store.getCase('default', 'c2')).toBeNull();
        expect(await store.getIdempotency('default', 'k1')).toEqual({ ...record, body: { reference: 'COM-000001', id: 'c1' } });
        expect(await store.getIdempotency('other', 'k1')).toBeNull();
        expect(await store.saveIdempotency({ ...record, key: 'k2' })).toBe(true);
        expect(await store.saveIdempotency({ ...record, key: 'k2' })).toBe(false);
      });
    });

    describe('concurrent writes', () => {
      it('commits concurrent events independently: a failing one does not fail the others', async () => {
        // given 20 cases created concurrently, one of them twice
        const commits = Array.from({ length: 20 }, (_, i) => createCommit(makeCase(`c${i}`)));
        const results = await Promise.all([...commits, createCommit(makeCase('c7'))].map((c) => store.commit(c)));
        // then 20 succeed and the duplicate alone fails
        expect(results.filter((r) => r.ok).length).toBe(20);
        expect(results[20]).toEqual({ ok: false, code: 'case.exists' });
        expect((await store.listCases('default', {}, 100, null)).items.length).toBe(20);
      });

      it('lets exactly one of several events on the same revision win', async () => {
        // given a case and 5 events all computed on revision 1
        const kase = makeCase('c1');
        await store.commit(createCommit(kase));
        const results = await Promise.all(
          ['A', 'B', 'C', 'D', 'E'].map((type) => store.commit(eventCommit(kase, { data: { reason: type } }, type, T1))),
        );
        // then the first wins and the others conflict
        expect(results.map((r) => r.ok)).toEqual([true, false, false, false, false]);
        expect((await store.history('default', 'c1', 10, null)).items.map((h) => h.event.type)).toEqual(['case.created', 'A']);
      });
    });

    describe('reports', () => {
      const HOUR = 3_600_000;
      const sla = { id: 'firstResponse#1', name: 'firstResponse', status: 'met' as const, startedAt: T0, pauses: [], closedAt: T1, rungs: [], urgency: 0 };
      const parallel = { investigating: { evidence: 'waiting', approval: 'pending' } };
      // each completed visit here lasts the same (an hour): its median and p90 are that
      const stage = (state: string, visits: number, completed: number, totalMs: number, current: number) => ({
        caseType: 'complaint', state, visits, completed, totalMs, current, medianMs: completed === 0 ? null : totalMs / completed, p90Ms: completed === 0 ? null : totalMs / completed,
      });
      const byState = (rows: { state: string }[]) => [...rows].sort((a, b) => (a.state < b.state ? -1 : 1));

      /** a (an SLA met), b (triage → a parallel state at T1 → closed at T2), c (created at T1, a note), and a case of another tenant. */
      async function fill(): Promise<void> {
        await store.publish('default', 'note', definition('note', 'Note'), T0);
        const b = makeCase('b', { data: { reason: 'delivery' } });
        await store.commit(createCommit(makeCase('a', { slas: [sla] })));
        await store.commit(createCommit(b));
        await store.commit(createCommit(makeCase('c', { caseType: 'note', channel: 'phone', createdAt: T1, data: { reason: 'delivery' }, slas: [{ ...sla, startedAt: T1, status: 'running', closedAt: null }] })));
        const moved = eventCommit(b, { state: parallel }, 'INVESTIGATE', T1);
        await store.commit(moved);
        await store.commit(eventCommit(moved.case, { state: 'closed' }, 'CLOSE', T2));
        await store.commit(createCommit(makeCase('x', { slas: [sla] }), 'other'));
      }

      it('counts SLA records by status, visits per state id and cases per value of a field, in one tenant', async () => {
        await fill();
        // SLAs per case type and name, in that order
        const counts = { total: 1, running: 0, paused: 0, warning: 0, missedGoal: 0, breached: 0, met: 0, metLate: 0, cancelled: 0 };
        expect(await store.slaSummary('default', {})).toEqual([
          { caseType: 'complaint', sla: 'firstResponse', ...counts, met: 1 },
          { caseType: 'note', sla: 'firstResponse', ...counts, running: 1 },
        ]);
        // every state id of the parallel state (ancestors included) is one visit of an hour
        expect(byState(await store.stageSummary('default', { caseType: 'complaint' }))).toEqual([
          stage('approval', 1, 1, HOUR, 0), stage('closed', 1, 0, 0, 1), stage('evidence', 1, 1, HOUR, 0), stage('investigating', 1, 1, HOUR, 0),
          stage('pending', 1, 1, HOUR, 0), stage('triage', 2, 1, HOUR, 1), stage('waiting', 1, 1, HOUR, 0),
        ]);
        expect((await store.stageSummary('default', {})).filter((r) => r.caseType === 'note')).toEqual([{ ...stage('triage', 1, 0, 0, 1), caseType: 'note' }]);
        // every value counted, the ones that can be in the top N given
        // per value, the channels its cases came in by (c by phone), and the channels of every case counted
        expect(await store.reasonCounts('default', '/reason', { limit: 1 })).toEqual({ total: 3, counts: [{ value: 'delivery', count: 2, channels: { email: 1, phone: 1 } }], channels: { email: 2, phone: 1 } });
        const all = await store.reasonCounts('default', '/reason', { limit: 10 });
        expect([all.total, [...all.counts].sort((a, b) => b.count - a.count)]).toEqual([3, [{ value: 'delivery', count: 2, channels: { email: 1, phone: 1 } }, { value: 'billing', count: 1, channels: { email: 1 } }]]);
        expect(await store.reasonCounts('default', '/missing', { caseType: 'complaint', limit: 10 })).toEqual({ total: 2, counts: [{ value: null, count: 2, channels: { email: 2 } }], channels: { email: 2 } });
        expect(await store.reasonCounts('nobody', '/reason', { limit: 10 })).toEqual({ total: 0, counts: [], channels: {} });
      });

      it('counts only what began in the window [from, to): SLAs started, visits begun, cases created', async () => {
        await fill();
        const window = { from: T1, to: T2 };
        expect((await store.slaSummary('default', window)).map((r) => [r.caseType, r.total, r.running])).toEqual([['note', 1, 1]]);
        // the visits begun at T1 (b's parallel state, c's triage); b's triage began at T0, its closed at T2
        expect(byState(await store.stageSummary('default', { ...window, caseType: 'complaint' })).map((r) => r.state)).toEqual(['approval', 'evidence', 'investigating', 'pending', 'waiting']);
        expect(await store.stageSummary('default', { from: T2 })).toEqual([stage('closed', 1, 0, 0, 1)]);
        expect(await store.stageSummary('default', { to: T0 })).toEqual([]);
        expect(await store.reasonCounts('default', '/reason', { ...window, limit: 10 })).toEqual({ total: 1, counts: [{ value: 'delivery', count: 1, channels: { phone: 1 } }], channels: { phone: 1 } });
        expect(await store.reasonCounts('default', '/reason', { from: T0, to: T1, caseType: 'complaint', limit: 10 }).then((r) => r.total)).toBe(2);
      });

      it('reads a JSON Pointer as RFC 6901 does: escapes, array indexes written as such, members the object has', async () => {
        const data = { 'a/b': { '~x': 1 }, list: ['zero', 'one'], obj: { 0: 'member', 1: [true] }, text: 'abc', nul: 'a\u0000b' };
        await store.commit(createCommit(makeCase('p', { data })));
        const at = async (pointer: string) => (await store.reasonCounts('default', pointer, { limit: 1 })).counts[0]?.value;
        expect(await Promise.all(['/a~1b/~0x', '/list/1', '/list/01', '/list/-', '/list/length', '/obj/0', '/obj/1/0', '/text/0', '/constructor', '/nul', ''].map(at))).toEqual([
          1, 'one', null, null, null, 'member', true, null, null, 'a\u0000b', data,
        ]);
      });
    });

    describe('references', () => {
      it('numbers the cases of each prefix per tenant in the commit that creates them, keeps the number, and finds a case by it', async () => {
        // given a second case type whose definition names its prefix, and one whose key gives the same one
        await store.publish('default', 'purchase-approval', { ...definition('purchase-approval', 'Purchase approval'), referencePrefix: 'PA' }, T0);
        const create = async (id: string, tenant = 'default', caseType = 'complaint', referencePrefix?: string) =>
          store.commit({ ...createCommit(makeCase(id, { caseType }), tenant), ...(referencePrefix === undefined ? {} : { referencePrefix }) });
        // when cases are created in both tenants and under both prefixes
        expect(await create('c1')).toEqual({ ok: true, reference: 'COM-000001' });
        expect(await create('c2')).toEqual({ ok: true, reference: 'COM-000002' });
        expect(await create('x1', 'other')).toEqual({ ok: true, reference: 'COM-000001' });
        expect(await create('p1', 'default', 'purchase-approval', 'PA')).toEqual({ ok: true, reference: 'PA-000001' });
        // (without a prefix in the commit, the key's default: purchase-approval → PA, the same counter)
        expect(await create('p2', 'default', 'purchase-approval')).toEqual({ ok: true, reference: 'PA-000002' });
        // then a refused creation takes no number, and no number is given twice
        expect(await create('c1')).toEqual({ ok: false, code: 'case.exists' });
        const record = { tenant: 'default', key: 'k1', method: 'POST', path: '/api/cases', status: 201, body: { id: 'c3' }, createdAt: T0 };
        expect(await store.saveIdempotency(record)).toBe(true);
        expect(await store.commit({ ...createCommit(makeCase('c3')), idempotency: record })).toEqual({ ok: false, code: 'idempotency.exists' });
        expect(await create('c3')).toEqual({ ok: true, reference: 'COM-000003' });
        const all = [...(await store.listCases('default', {}, 50, null)).items, ...(await store.listCases('other', {}, 50, null)).items];
        expect(all.map((c) => `${c.id} ${c.reference}`).sort()).toEqual(['c1 COM-000001', 'c2 COM-000002', 'c3 COM-000003', 'p1 PA-000001', 'p2 PA-000002', 'x1 COM-000001']);
        // an event keeps the reference
        const c1 = (await store.getCase('default', 'c1')) as Case;
        expect(await store.commit(eventCommit(c1, { priority: 'high' }, 'ESCALATE', T1))).toEqual({ ok: true });
        expect(await store.getCase('default', 'c1')).toMatchObject({ revision: 2, priority: 'high', reference: 'COM-000001' });
        expect((await store.locateCase('p2'))?.case.reference).toBe('PA-000002');
        // and q finds a case by its reference (ASCII letters in any case), only in its own tenant
        const found = async (q: string, tenant = 'default') => (await store.listCases(tenant, { q }, 10, null)).items.map((c) => c.id);
        expect(await found('COM-000002')).toEqual(['c2']);
        expect(await found('pa-000001')).toEqual(['p1']);
        expect(await found('COM-000002', 'other')).toEqual([]);
      });
    });

    describe('durability', () => {
      it('keeps committed cases, history and timers across a reopen', async () => {
        // given a committed case with a timer
        const kase = makeCase('c1', { timers: [{ id: 'timer.a', event: 'timer.a', dueAt: T1 }] });
        await store.commit(createCommit(kase));
        // when the store is closed and reopened
        await store.close();
        store = await target.open();
        // then everything is there
        expect(await store.getCase('default', 'c1')).toEqual({ ...kase, reference: 'COM-000001' });
        expect((await store.history('default', 'c1', 10, null)).items.length).toBe(1);
        expect(await store.nextTimerDue()).toBe(T1);
      });
    });

    describe('cases by status', () => {
      it('lists only the open (closedAt null) or only the closed cases, newest first, paged, per tenant', async () => {
        // given a, b and c in default, b then closed, and an open case in other
        const b = makeCase('b', { createdAt: T1 });
        await store.commit(createCommit(makeCase('a', { createdAt: T0 })));
        await store.commit(createCommit(b));
        await store.commit(createCommit(makeCase('c', { createdAt: T2 })));
        await store.commit(createCommit(makeCase('x', { createdAt: T2 }), 'other'));
        await store.commit(eventCommit(b, { state: 'closed', closedAt: T2 }, 'CLOSE', T2));
        const ids = async (filter: Parameters<CaseStore['listCases']>[1]) => (await store.listCases('default', filter, 10, null)).items.map((c) => c.id);
        // then
        expect(await ids({ status: 'open' })).toEqual(['c', 'a']);
        expect(await ids({ status: 'closed' })).toEqual(['b']);
        expect(await ids({})).toEqual(['c', 'b', 'a']);
        expect(await ids({ status: 'open', state: 'triage' })).toEqual(['c', 'a']);
        const page1 = await store.listCases('default', { status: 'open' }, 1, null);
        const page2 = await store.listCases('default', { status: 'open' }, 1, page1.nextCursor);
        expect([page1.items.map((c) => c.id), page2.items.map((c) => c.id), page2.nextCursor]).toEqual([['c'], ['a'], null]);
      });
    });

    describe('documents (issue 20)', () => {
      const record = (id: string, addedAt: string, tenant = 'default') => ({
        tenant, caseId: 'a', id, name: `${id}.txt`, contentType: 'text/plain; charset=utf-8', size: 0, sha256: '0'.repeat(64),
        field: null, addedAt, addedBy: 'dana', removedAt: null, removedBy: null, storage: 'database' as const,
      });
      const contentOf = async (tenant: string, id: string) => {
        const chunks: Buffer[] = [];
        for await (const chunk of store.documentContent(tenant, id)) chunks.push(Buffer.from(chunk));
        return chunks;
      };

      it('keeps a document row and its content in chunks of at most 256 KiB, per tenant, and gives them back in order', async () => {
        // given a content of two full chunks and a short one, and an empty one
        const dir = mkdtempSync(join(tmpdir(), 'dossier-store-doc-'));
        try {
          const bytes = Buffer.alloc(2 * DOCUMENT_CHUNK_BYTES + 10);
          for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
          writeFileSync(join(dir, 'big'), bytes);
          writeFileSync(join(dir, 'empty'), Buffer.alloc(0));
          await store.saveDocument({ ...record('d-2', T1), size: bytes.length, field: '/proofs' }, join(dir, 'big'));
          await store.saveDocument(record('d-1', T0), join(dir, 'empty'));
          await store.saveDocument(record('d-3', T0, 'other'), join(dir, 'empty'));
          // then
          const chunks = await contentOf('default', 'd-2');
          expect(chunks.map((c) => c.length)).toEqual([DOCUMENT_CHUNK_BYTES, DOCUMENT_CHUNK_BYTES, 10]);
          expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
          expect(await contentOf('default', 'd-1')).toEqual([]);
          expect(await contentOf('other', 'd-2')).toEqual([]);
          expect(await store.getDocument('default', 'a', 'd-2')).toEqual({ ...record('d-2', T1), size: bytes.length, field: '/proofs' });
          expect(await store.getDocument('other', 'a', 'd-2')).toBeNull();
          expect(await store.getDocument('default', 'b', 'd-2')).toBeNull();
          expect((await store.listDocuments('default', 'a')).map((d) => d.id)).toEqual(['d-1', 'd-2']);
          expect((await store.listDocuments('other', 'a')).map((d) => d.id)).toEqual(['d-3']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('marks a document removed once, keeping its content, and purges one for good', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'dossier-store-doc-'));
        try {
          writeFileSync(join(dir, 'c'), 'kept');
          await store.saveDocument({ ...record('d-1', T0), size: 4 }, join(dir, 'c'));
          await store.saveDocument({ ...record('d-2', T0), size: 4 }, join(dir, 'c'));
          expect([await store.markDocumentRemoved('default', 'd-1', T1, 'piet'), await store.markDocumentRemoved('default', 'd-1', T2, 'kees')]).toEqual([true, false]);
          expect(await store.markDocumentRemoved('other', 'd-2', T1, 'piet')).toBe(false);
          expect(await store.getDocument('default', 'a', 'd-1')).toMatchObject({ removedAt: T1, removedBy: 'piet' });
          expect(Buffer.concat(await contentOf('default', 'd-1')).toString()).toBe('kept');
          await store.purgeDocument('default', 'd-2');
          expect([await store.getDocument('default', 'a', 'd-2'), await contentOf('default', 'd-2')]).toEqual([null, []]);
          expect((await store.listDocuments('default', 'a')).map((d) => d.id)).toEqual(['d-1']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
