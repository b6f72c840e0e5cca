// The contact-reason suggester in the host (issue 21, docs/reason-suggestion.md), on a real SQLite file
// and a real PostgreSQL database: trained from the closed cases of a case type whose reason is set, a new
// case gets a suggestion after it is created, the outcome is recorded once when the reason is first set
// (accepted or corrected), a failing classifier leaves the reason empty and the case created, and the
// report counts it all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import type { CaseData } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createHost, createHostServices, createManualClock, silentLogger, type HostServices, type ManualClock } from '../../../runtime/host/index.ts';
import { createLogger } from '../../../runtime/host/logger.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { reasonCorpus } from '../../../bench/lib/reason-corpus.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { feedbackCaseType } from '../../reason-case-type.ts';

const START = '2026-01-05T09:00:00.000Z';
const agent = { id: 'ann', roles: ['agent'] };
const suggest = { field: '/reason', from: ['/subject', '/description'] };

interface Setup {
  store: CaseStore;
  services: HostServices;
  clock: ManualClock;
  close(): Promise<void>;
}

async function servicesOn(store: CaseStore, clock: ManualClock, classify?: () => never, lines?: string[]): Promise<HostServices> {
  const logger = lines === undefined ? undefined : createLogger('debug', (line) => lines.push(line));
  return createHostServices({
    store,
    engine,
    clock,
    ...(logger === undefined ? {} : { logger }),
    ...(classify === undefined ? {} : { suggestClassify: classify }),
  });
}

async function created(services: HostServices, data: CaseData, caseType = 'feedback'): Promise<string> {
  const result = await services.cases.createCase('default', { caseType, data }, agent);
  if (!result.ok || result.replay === true) throw new Error(`not created: ${JSON.stringify(result)}`);
  return result.case.id;
}

async function send(services: HostServices, id: string, type: string, data?: CaseData): Promise<void> {
  const result = await services.cases.sendEvent('default', id, data === undefined ? { type } : { type, data }, agent);
  if (!result.ok) throw new Error(`${type} refused: ${JSON.stringify(result)}`);
}

function suite(name: string, open: () => Promise<Setup>) {
  describe(name, () => {
    let s: Setup;
    beforeAll(async () => {
      s = await open();
      await s.store.publish('default', 'feedback', feedbackCaseType({ suggest }) as unknown as CaseType, START);
      // 300 closed cases of the corpus, their reason set by triage
      for (const c of reasonCorpus({ size: 300, seed: 7 })) {
        const id = await created(s.services, { subject: c.subject, description: c.description });
        await send(s.services, id, 'TRIAGE', { reason: c.reason });
        await send(s.services, id, 'CLOSE');
      }
      await s.services.suggestions.idle();
      await s.services.suggestions.train('default', 'feedback');
      // what follows is suggested an hour later (the report's window tells it from the seeding's own suggestions)
      s.clock.advance(3_600_000);
    }, 120_000);
    afterAll(async () => {
      await s.services.suggestions.idle();
      await s.close();
    });

    it('pages through the closed cases of a type, newest closed first', async () => {
      const first = await s.store.closedCaseData('default', 'feedback', 200, null);
      expect(first.items).toHaveLength(200);
      expect(first.nextCursor).not.toBeNull();
      const rest = await s.store.closedCaseData('default', 'feedback', 200, first.nextCursor);
      expect(rest.items).toHaveLength(100);
      expect(rest.nextCursor).toBeNull();
      const all = [...first.items, ...rest.items];
      expect(new Set(all.map((c) => c.id)).size).toBe(300);
      const keys = all.map((c) => `${c.closedAt} ${c.id}`);
      expect(keys).toEqual([...keys].sort().reverse());
      expect(all.every((c) => typeof (c.data as { reason?: unknown }).reason === 'string')).toBe(true);
      expect((await s.store.closedCaseData('default', 'complaint', 10, null)).items).toEqual([]);
      expect((await s.store.closedCaseData('other-tenant', 'feedback', 10, null)).items).toEqual([]);
    });

    it('suggests a reason for a new case from its text, with the model it came from', async () => {
      const id = await created(s.services, { subject: 'Charged twice', description: 'My bank statement shows two debits for invoice 2026-12. Please refund one.' });
      const suggestion = await s.services.suggestions.forCase('default', id);
      expect(suggestion).toMatchObject({ field: '/reason', value: 'billing', trainedOn: 300, outcome: null, chosen: null });
      expect(suggestion!.confidence).toBeGreaterThan(0.5);
      expect(suggestion!.confidence).toBeLessThanOrEqual(1);
      // the field stays empty: the agent decides
      const kase = await s.store.getCase('default', id);
      expect(kase!.data.reason).toBeUndefined();
    });

    it('records accepted when the reason is first set to the suggestion, once', async () => {
      const id = await created(s.services, { subject: 'Pakket niet bezorgd', description: 'Mijn pakket is na twee weken nog steeds niet aangekomen.' });
      expect((await s.services.suggestions.forCase('default', id))!.value).toBe('delivery');
      await send(s.services, id, 'TRIAGE', { reason: 'delivery' });
      expect(await s.services.suggestions.forCase('default', id)).toMatchObject({ outcome: 'accepted', chosen: 'delivery' });
      // a later change is no longer the agent's answer to the suggestion
      await send(s.services, id, 'TRIAGE', { reason: 'service' });
      expect(await s.services.suggestions.forCase('default', id)).toMatchObject({ outcome: 'accepted', chosen: 'delivery' });
      expect(await s.store.recordSuggestionOutcome('default', id, 'privacy', s.clock.now())).toBeNull();
    });

    it('records corrected when the agent chose another reason', async () => {
      const id = await created(s.services, { subject: 'Rude driver', description: 'The driver shouted at me at the door.' });
      expect((await s.services.suggestions.forCase('default', id))!.value).toBe('staff-behaviour');
      await send(s.services, id, 'TRIAGE', { reason: 'delivery' });
      expect(await s.services.suggestions.forCase('default', id)).toMatchObject({ value: 'staff-behaviour', outcome: 'corrected', chosen: 'delivery' });
    });

    it('makes no suggestion for a case opened with its reason, or without text the model knows', async () => {
      const known = await created(s.services, { subject: 'Invoice wrong', description: 'The amount is wrong.', reason: 'billing' });
      expect(await s.services.suggestions.forCase('default', known)).toBeNull();
      const unknown = await created(s.services, { subject: 'xyzzy', description: 'qwertz plugh' });
      expect(await s.services.suggestions.forCase('default', unknown)).toBeNull();
      expect(await s.store.getSuggestion('default', unknown)).toBeNull();
    });

    it('reports suggested, accepted, corrected and the accuracy by value', async () => {
      await s.services.suggestions.idle();
      const report = await s.services.suggestions.report('default', 'feedback', { from: '2026-01-05T10:00:00.000Z' });
      expect(report).toMatchObject({ caseType: 'feedback', field: '/reason', suggested: 3, accepted: 1, corrected: 1, undecided: 1, accuracy: 0.5 });
      expect(report!.model!.trainedOn).toBe(300);
      expect(report!.items).toEqual([
        { value: 'billing', suggested: 1, accepted: 0, corrected: 0, accuracy: null },
        { value: 'delivery', suggested: 1, accepted: 1, corrected: 0, accuracy: 1 },
        { value: 'staff-behaviour', suggested: 1, accepted: 0, corrected: 1, accuracy: 0 },
      ]);
      // a window before the suggestions: nothing
      expect(await s.services.suggestions.report('default', 'feedback', { to: START })).toMatchObject({ suggested: 0, accuracy: null, items: [] });
      // while the 300 were seeded, the young model learned from each closed case before the next: most got a
      // suggestion (the first ones none: nothing was closed yet), and the triage decided every one of them
      const seeding = await s.services.suggestions.report('default', 'feedback', { to: '2026-01-05T10:00:00.000Z' });
      expect(seeding!.suggested).toBeGreaterThan(250);
      expect(seeding!.undecided).toBe(0);
      expect(seeding!.accuracy).toBeGreaterThan(0.7);
      expect(await s.services.suggestions.report('default', 'nope', {})).toBeNull();
    });

    it('a failing classifier leaves the reason empty, creates the case and logs why', async () => {
      const lines: string[] = [];
      const failing = await servicesOn(s.store, s.clock, () => {
        throw new Error('model exploded');
      }, lines);
      await failing.suggestions.train('default', 'feedback');
      const id = await created(failing, { subject: 'Charged twice', description: 'Two debits on my bank statement.' });
      await failing.suggestions.idle();
      expect(await failing.suggestions.forCase('default', id)).toBeNull();
      const kase = await s.store.getCase('default', id);
      expect(kase).not.toBeNull();
      expect(kase!.data.reason).toBeUndefined();
      expect(lines.some((l) => l.includes('reason suggestion: suggestion failed') && l.includes('model exploded'))).toBe(true);
    });

    it('a host trains every tenant\'s case types with suggest as it starts, before any new case', async () => {
      const host = createHost({ store: s.store, engine, clock: s.clock, logger: silentLogger, suggestRetrainMs: 0 });
      expect(await host.services.suggestions.report('default', 'feedback', {})).toMatchObject({ model: null });
      await host.start();
      await host.services.suggestions.idle();
      expect((await host.services.suggestions.report('default', 'feedback', {}))!.model).toMatchObject({ trainedOn: 300 });
      await host.stop();
    });

    it('a host with no model yet trains one for the first new case of the type', async () => {
      const fresh = await servicesOn(s.store, s.clock);
      const id = await created(fresh, { subject: 'Refund missing', description: 'I am still waiting for the refund of my invoice.' });
      expect(await fresh.suggestions.forCase('default', id)).toMatchObject({ value: 'billing', trainedOn: 300 });
    });
  });
}

suite('reason suggestions on SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-suggest-'));
  const store = createSqliteStore({ file: join(dir, 'dossier.db') });
  const clock = createManualClock(START);
  return {
    store,
    clock,
    services: await servicesOn(store, clock),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(unavailable !== null)(`reason suggestions on PostgreSQL${unavailable === null ? '' : ` (skipped: ${skipNote})`}`, () => {
  suite('PostgreSQL', async () => {
    const db = await scratchDatabase();
    const store = await createPostgresStore({ url: db.url });
    const clock = createManualClock(START);
    return {
      store,
      clock,
      services: await servicesOn(store, clock),
      async close() {
        await store.close();
        await db.drop();
      },
    };
  });
});
