// The reports the database aggregates equal the JavaScript aggregation they replaced
// (report-reference.ts), on random cases written through the store's commit path: nested and parallel
// states, repeated instants, SLAs changing status, case data of every JSON kind (U+0000 included),
// pointers with escapes and array indexes, windows on every boundary. On SQLite, and on PostgreSQL
// where a server is available.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseData, JsonValue, SlaInstance, SlaStatus, StateValue } from '../../../runtime/engine/index.ts';
import { reasonsReport, slaReport, stageReport } from '../../../runtime/host/reports.ts';
import type { CaseStore, ReportWindow } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createCommit, definition, eventCommit, makeCase } from './fixtures.ts';
import { referenceReasonsReport, referenceSlaReport, referenceStageReport, type RefCase, type RefHistoryRow, type RefSla } from './report-reference.ts';

const BASE = Date.parse('2026-01-01T00:00:00.000Z');
const HOUR = 3_600_000;
const TYPES = ['alpha', 'Beta', 'gamma'];
const STATUSES: SlaStatus[] = ['running', 'paused', 'warning', 'missed-goal', 'breached', 'met', 'met-late', 'cancelled'];
const POINTERS = ['/reason', '/nested/0', '/nested/k', '/nested/0/k', '/list/1', '/list/0/1', '/list/01', '/list/length', '/a~1b', '/m~0n', '/é', '/with "quote"', '/0', '/reason/x', '/missing', ''];

const instant = fc.tuple(fc.integer({ min: 0, max: 48 }), fc.constantFrom(0, 0, 1, 123, 999)).map(([hours, ms]) => BASE + hours * HOUR + ms);
const iso = (ms: number) => new Date(ms).toISOString();

// State ids as playbooks name them, upper and lower case (localeCompare and code-unit order differ)
const name = fc.constantFrom('a', 'B', 'c', 'dd', 'Ee', 'f');
const stateValue: fc.Arbitrary<StateValue> = fc.oneof(
  name,
  fc.dictionary(name, fc.oneof(name, fc.dictionary(name, name, { minKeys: 1, maxKeys: 2 })), { minKeys: 1, maxKeys: 3 }),
  fc.constantFrom<StateValue>({ triage: 'collect' }, { investigating: { evidence: 'waiting', approval: 'pending' } }, 'closed', { triage: {} }),
);

const scalar = fc.constantFrom<JsonValue>('billing', 'Billing', 'délai', 'a\u0000b', 'x\ufffdy', '\\u0000', 'back\\slash', '"q"', '', 'ü', null, 0, 1, 1.5, -2, true, false);
const value: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('k', '0', 'x'), scalar, { maxKeys: 2 }) },
);
const data: fc.Arbitrary<CaseData> = fc.record(
  { reason: value, nested: value, list: fc.array(value, { maxLength: 3 }), 'a/b': value, 'm~n': value, é: value, 'with "quote"': value, 0: value },
  { requiredKeys: [] },
);

interface GenCase {
  other: boolean;
  type: string;
  channel: string | null;
  created: number;
  state: StateValue;
  data: CaseData;
  slas: { name: string; started: number; status: SlaStatus }[];
  steps: { gap: number; state: StateValue; data: CaseData | null; slaStatus: SlaStatus | null }[];
}

const genCase: fc.Arbitrary<GenCase> = fc.record({
  other: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  type: fc.constantFrom(...TYPES),
  // null: a case stored before every case had a channel (counted as api)
  channel: fc.constantFrom('email', 'phone', 'web', 'letter', 'api', null),
  created: instant,
  state: stateValue,
  data,
  slas: fc.uniqueArray(fc.record({ name: fc.constantFrom('firstResponse', 'Resolution', 'ack'), started: instant, status: fc.constantFrom(...STATUSES) }), { maxLength: 2, selector: (s) => s.name }),
  steps: fc.array(
    fc.record({
      gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 * HOUR })),
      state: stateValue,
      data: fc.option(data, { freq: 4 }),
      slaStatus: fc.option(fc.constantFrom(...STATUSES), { freq: 2 }),
    }),
    { maxLength: 6 },
  ),
});

const windowArb = fc.record(
  { caseType: fc.constantFrom(...TYPES), from: instant, to: instant },
  { requiredKeys: [] },
).map((w): ReportWindow => ({
  ...(w.caseType === undefined ? {} : { caseType: w.caseType }),
  ...(w.from === undefined ? {} : { from: iso(w.from) }),
  ...(w.to === undefined ? {} : { to: iso(w.to) }),
}));

let run = 0;

/** Writes the cases through commits in fresh tenants; returns what the reference reads, per tenant. */
async function write(store: CaseStore, cases: GenCase[]): Promise<{ tenant: string; slas: RefSla[]; history: RefHistoryRow[]; cases: RefCase[] }> {
  run += 1;
  const tenant = `p${run}`;
  const other = `p${run}-other`;
  for (const t of [tenant, other]) {
    await store.ensureTenant(t, iso(BASE));
    for (const type of TYPES) await store.publish(t, type, definition(type, type), iso(BASE));
  }
  const ref = { tenant, slas: [] as RefSla[], history: [] as RefHistoryRow[], cases: [] as RefCase[] };
  for (const [index, gen] of cases.entries()) {
    const owner = gen.other ? other : tenant;
    const slas = (status: (i: number) => SlaStatus): SlaInstance[] =>
      gen.slas.map((s, i) => ({ id: `${s.name}#1`, name: s.name, status: status(i), startedAt: iso(s.started), pauses: [], closedAt: null, rungs: [], urgency: 0 }));
    let kase: Case = makeCase(`r${run}-c${String(index).padStart(3, '0')}`, {
      caseType: gen.type, channel: gen.channel, state: gen.state, data: gen.data, createdAt: iso(gen.created), updatedAt: iso(gen.created), slas: slas((i) => (gen.slas[i] as { status: SlaStatus }).status),
    });
    expect(await store.commit(createCommit(kase, owner))).toMatchObject({ ok: true, reference: expect.any(String) });
    const history: RefHistoryRow[] = [{ caseId: kase.id, caseType: gen.type, seq: 1, at: kase.createdAt, to: gen.state }];
    let at = gen.created;
    for (const [n, step] of gen.steps.entries()) {
      at += step.gap;
      const changes: Partial<Case> = { state: step.state, ...(step.data === null ? {} : { data: step.data }), ...(step.slaStatus === null ? {} : { slas: slas(() => step.slaStatus as SlaStatus) }) };
      const commit = eventCommit(kase, changes, `E${n}`, iso(at), { tenant: owner, previous: kase });
      expect(await store.commit(commit)).toEqual({ ok: true });
      kase = commit.case;
      history.push({ caseId: kase.id, caseType: gen.type, seq: kase.revision, at: iso(at), to: step.state });
    }
    if (owner !== tenant) continue;
    ref.history.push(...history);
    ref.slas.push(...kase.slas.map((s) => ({ caseType: gen.type, name: s.name, status: s.status, startedAt: s.startedAt })));
    ref.cases.push({ caseType: gen.type, createdAt: kase.createdAt, data: kase.data, channel: kase.channel ?? 'api' });
  }
  return ref;
}

function equivalence(name: string, open: () => Promise<{ store: CaseStore; dispose(): Promise<void> }>, numRuns: number): void {
  describe(`reports in the database equal the JavaScript aggregation: ${name}`, () => {
    let target: { store: CaseStore; dispose(): Promise<void> };
    beforeAll(async () => {
      target = await open();
    });
    afterAll(async () => {
      await target.dispose();
    });

    it('for random cases, histories, SLAs and data, in any window', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(genCase, { maxLength: 12 }), fc.array(windowArb, { minLength: 1, maxLength: 3 }), async (cases, windows) => {
          const { store } = target;
          const ref = await write(store, cases);
          for (const window of [{}, ...windows]) {
            expect(slaReport(await store.slaSummary(ref.tenant, window))).toEqual(referenceSlaReport(ref.slas, window));
            expect(stageReport(await store.stageSummary(ref.tenant, window))).toEqual(referenceStageReport(ref.history, window));
            for (const pointer of POINTERS) {
              for (const limit of [1, 3]) {
                const counted = await store.reasonCounts(ref.tenant, pointer, { ...window, limit });
                expect(reasonsReport(pointer, counted, limit)).toEqual(referenceReasonsReport(ref.cases, pointer, window, limit));
              }
            }
          }
        }),
        { numRuns },
      );
    });
  });
}

equivalence(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-reports-'));
    const store = createSqliteStore({ file: join(dir, 'reports.db') });
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  60,
);

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  equivalence(
    'PostgreSQL',
    async () => {
      const database = await scratchDatabase();
      const store = await createPostgresStore({ url: database.url });
      return {
        store,
        async dispose() {
          await store.close();
          await database.drop();
        },
      };
    },
    30,
  );
});
