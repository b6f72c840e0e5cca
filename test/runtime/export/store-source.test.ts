// The export source over a CaseStore, on a SQLite file opened read-only as `dossier export --db FILE`
// opens it: cases in (createdAt, id) order, ties included, a page at a time, each with its history.
// (These were the checks of the SQLite file reader it replaces.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { createStoreSource } from '../../../runtime/export/store-source.ts';
import type { ExportCase } from '../../../runtime/export/types.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

const START = '2026-01-05T09:00:00.000Z';
const LATER = '2026-01-05T09:01:00.000Z';
let dir: string;
let store: SqliteCaseStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-export-src-'));
  const file = join(dir, 'dossier.db');
  const writer = createSqliteStore({ file });
  const clock = createManualClock(START);
  await seedTemplates(writer, join(import.meta.dirname, '../../../templates'), START, silentLogger);
  const service = createCaseService({ store: writer, engine, clock, logger: silentLogger });
  const data = { customer: { name: 'B', email: 'b@example.com' }, channel: 'web', description: 'x' };
  // five cases at one instant (ids e, d, c, b, a) and one later: the order is createdAt, then id
  for (const id of ['e', 'd', 'c', 'b', 'a']) await service.createCase('default', { id, caseType: 'complaint', data }, undefined);
  clock.advance(60_000);
  await service.createCase('default', { id: '0-later', caseType: 'complaint', data }, undefined);
  const triaged = await service.sendEvent('default', 'c', { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } }, { id: 'agent-1', roles: ['admin'] });
  if (!triaged.ok) throw new Error('triage was rejected');
  await writer.ensureTenant('acme', START);
  const complaint = await writer.getCaseType('default', 'complaint');
  if (complaint === null) throw new Error('complaint template not seeded');
  await writer.publish('acme', 'complaint', complaint.definition, START);
  const other = await service.createCase('acme', { id: 'other-tenant', caseType: 'complaint', data }, undefined);
  if (!other.ok) throw new Error('could not create the acme case');
  await writer.close();
  store = createSqliteStore({ file, readOnly: true });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(cases: () => AsyncIterable<ExportCase> | Iterable<ExportCase>): Promise<ExportCase[]> {
  const out: ExportCase[] = [];
  for await (const kase of cases()) out.push(kase);
  return out;
}

describe('createStoreSource on a read-only SQLite store', () => {
  it('reads every case of the tenant once, in pages, oldest first, with its history', async () => {
    const opened = await createStoreSource(store, { tenant: 'default', pageSize: 2 });
    if (!opened.ok) throw new Error(opened.message);
    const cases = await read(opened.source.cases);
    expect(cases.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e', '0-later']);
    expect(cases[0]?.history.map((h) => `${h.seq} ${h.event.type} ${h.at}`)).toEqual([`1 case.created ${START}`]);
    expect(cases[2]?.history.map((h) => `${h.seq} ${h.event.type} ${h.at}`)).toEqual([`1 case.created ${START}`, `2 SUBMIT_TRIAGE ${LATER}`]);
    expect(cases[5]?.createdAt).toBe(LATER);
    // a second pass starts again
    expect((await read(opened.source.cases)).length).toBe(6);
    expect(opened.source.caseTypes.find((t) => t.key === 'complaint')).toEqual({
      key: 'complaint', version: 1,
      customer: { keys: ['/customer/email', '/customer/phone', '/customer/customerNumber'], name: '/customer/name' },
    });
  });

  it('reads only the named tenant', async () => {
    const opened = await createStoreSource(store, { tenant: 'acme' });
    if (!opened.ok) throw new Error(opened.message);
    expect((await read(opened.source.cases)).map((c) => c.id)).toEqual(['other-tenant']);
    expect(opened.source.caseTypes.map((t) => `${t.key}@${t.version}`)).toEqual(['complaint@1']);
  });

  it('filters by case type and reports an unknown one as a value', async () => {
    const opened = await createStoreSource(store, { tenant: 'default', caseType: 'complaint' });
    expect(opened.ok && opened.source.caseTypes.map((t) => t.key)).toEqual(['complaint']);
    expect(await createStoreSource(store, { tenant: 'default', caseType: 'nope' })).toEqual({
      ok: false, code: 'case_type.not_found', message: "There is no published case type 'nope' in this tenant; see GET /api/case-types.",
    });
  });

  it('with a window, reads the entries from <= at < to and only the cases that have one', async () => {
    // the minute after START holds c's triage and 0-later's creation; c keeps only its triage
    const opened = await createStoreSource(store, { tenant: 'default', from: LATER, to: '2026-01-05T09:02:00.000Z', pageSize: 1 });
    if (!opened.ok) throw new Error(opened.message);
    const cases = await read(opened.source.cases);
    expect(cases.map((c) => `${c.id}: ${c.history.map((h) => `${h.seq} ${h.event.type}`).join(', ')}`)).toEqual(['c: 2 SUBMIT_TRIAGE', '0-later: 1 case.created']);
    // the case itself is as it is now
    expect(cases[0]?.createdAt).toBe(START);
    const before = await createStoreSource(store, { tenant: 'default', to: LATER });
    if (!before.ok) throw new Error(before.message);
    expect((await read(before.source.cases)).map((c) => `${c.id}:${c.history.length}`)).toEqual(['a:1', 'b:1', 'c:1', 'd:1', 'e:1']);
  });
});
