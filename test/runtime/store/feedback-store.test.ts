// The feedback tables on both stores (docs/feedback.md): a survey per case (a new link replaces the old
// one until the survey is answered; the status page's never replaces a mailed one), found by its token's
// hash only in its tenant; an answer per case; the report's figures by the database, filtered and bucketed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore, SurveyRecord } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { tempDb } from '../scheduler/fixtures.ts';

const survey = (caseId: string, over: Partial<SurveyRecord> = {}): SurveyRecord => ({
  tenant: 'default', caseId, caseType: 'complaint', version: 1, channel: 'email', queue: 'triage', tokenHash: `hash-${caseId}`, via: 'mail',
  sentAt: '2026-03-02T10:00:00.000Z', expiresAt: '2026-03-16T10:00:00.000Z', ...over,
});
const answer = (caseId: string, score: number, answeredAt: string, over: Partial<{ version: number; queue: string | null; channel: string | null }> = {}) => ({
  tenant: 'default', caseId, caseType: 'complaint', version: 1, channel: 'email', queue: 'triage', score, answeredAt, ...over,
});

function behaves(name: string, skip: string | null, open: () => Promise<{ store: CaseStore; close(): Promise<void> }>) {
  describe.skipIf(skip !== null)(`feedback tables on ${name}`, () => {
    let store: CaseStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(async () => close?.());

    it('keeps one survey per case: a new link replaces the old until answered, the status page never replaces one', async () => {
      await store.saveSurvey(survey('c1'), true);
      const again = await store.saveSurvey(survey('c1', { tokenHash: 'hash-c1-b', sentAt: '2026-03-03T10:00:00.000Z', expiresAt: '2026-03-17T10:00:00.000Z' }), true);
      expect([again.tokenHash, again.sentAt, again.expiresAt]).toEqual(['hash-c1-b', '2026-03-03T10:00:00.000Z', '2026-03-17T10:00:00.000Z']);
      expect(await store.surveyByToken('default', 'hash-c1')).toBeNull();
      expect((await store.surveyByToken('default', 'hash-c1-b'))?.caseId).toBe('c1');
      expect(await store.surveyByToken('acme', 'hash-c1-b')).toBeNull();
      const kept = await store.saveSurvey(survey('c1', { tokenHash: null, via: 'status' }), false);
      expect([kept.tokenHash, kept.via]).toEqual(['hash-c1-b', 'mail']);
      // answered: a mail sent again changes nothing
      expect(await store.saveFeedback(answer('c1', 4, '2026-03-04T08:00:00.000Z'))).toBe(true);
      expect(await store.saveFeedback(answer('c1', 1, '2026-03-04T09:00:00.000Z'))).toBe(false);
      expect((await store.saveSurvey(survey('c1', { tokenHash: 'hash-c1-c' }), true)).tokenHash).toBe('hash-c1-b');
      expect((await store.getFeedback('default', 'c1'))?.score).toBe(4);
    });

    it('counts surveys by when sent and answers by when answered, filtered, in day, week and month buckets', async () => {
      await store.saveSurvey(survey('c2', { sentAt: '2026-03-08T23:00:00.000Z', queue: 'billing' }), true);
      await store.saveSurvey(survey('c3', { sentAt: '2026-04-01T00:00:00.000Z', version: 2 }), true);
      expect(await store.saveFeedback(answer('c2', 2, '2026-03-09T00:00:00.000Z', { queue: 'billing' }))).toBe(true);
      expect(await store.saveFeedback(answer('c3', 5, '2026-04-02T12:00:00.000Z', { version: 2 }))).toBe(true);
      const march = await store.feedbackCounts('default', { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }, 'week');
      expect(march).toEqual({
        surveys: 2, responses: 2, scoreSum: 6,
        distribution: [{ score: 2, count: 1 }, { score: 4, count: 1 }],
        // 2026-03-04 is a Wednesday (week of Monday 2 March); 2026-03-09 a Monday
        trend: [{ start: '2026-03-02T00:00:00.000Z', responses: 1, scoreSum: 4 }, { start: '2026-03-09T00:00:00.000Z', responses: 1, scoreSum: 2 }],
      });
      expect((await store.feedbackCounts('default', {}, 'month')).trend).toEqual([
        { start: '2026-03-01T00:00:00.000Z', responses: 2, scoreSum: 6 },
        { start: '2026-04-01T00:00:00.000Z', responses: 1, scoreSum: 5 },
      ]);
      expect((await store.feedbackCounts('default', { caseType: 'complaint', version: 2 }, 'day')).trend).toEqual([{ start: '2026-04-02T00:00:00.000Z', responses: 1, scoreSum: 5 }]);
      const billing = await store.feedbackCounts('default', { queue: 'billing' }, 'day');
      expect([billing.surveys, billing.responses, billing.scoreSum]).toEqual([1, 1, 2]);
      expect((await store.feedbackCounts('default', { channel: 'phone' }, 'day')).responses).toBe(0);
      expect(await store.feedbackCounts('acme', {}, 'day')).toEqual({ surveys: 0, responses: 0, scoreSum: 0, distribution: [], trend: [] });
    });
  });
}

behaves('SQLite', null, async () => {
  const db = tempDb();
  const store = createSqliteStore({ file: db.file });
  return { store, close: async () => { await store.close(); db.dispose(); } };
});
behaves('PostgreSQL', unavailable === null ? null : skipNote, async () => {
  const db = await scratchDatabase();
  const store = await createPostgresStore({ url: db.url });
  return { store, close: async () => { await store.close(); await db.drop(); } };
});
