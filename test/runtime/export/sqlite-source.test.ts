// The read-only SQLite reader: pages through cases in (createdAt, id) order, ties included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { openSqliteSource } from '../../../runtime/export/sqlite-source.ts';
import type { ExportCase } from '../../../runtime/export/types.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

const START = '2026-01-05T09:00:00.000Z';
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-export-src-'));
  db = join(dir, 'dossier.db');
  const store = createSqliteStore({ file: db });
  const clock = createManualClock(START);
  await seedTemplates(store, join(import.meta.dirname, '../../../templates'), START, silentLogger);
  const service = createCaseService({ store, engine, clock, logger: silentLogger });
  const data = { customer: { name: 'B', email: 'b@example.com' }, channel: 'web', description: 'x' };
  // five cases at one instant (ids e, d, c, b, a) and one later: the order is createdAt, then id
  for (const id of ['e', 'd', 'c', 'b', 'a']) await service.createCase('default', { id, caseType: 'complaint', data }, undefined);
  clock.advance(60_000);
  await service.createCase('default', { id: '0-later', caseType: 'complaint', data }, undefined);
  await store.ensureTenant('acme', START);
  const complaint = await store.getCaseType('default', 'complaint');
  if (complaint === null) throw new Error('complaint template not seeded');
  await store.publish('acme', 'complaint', complaint.definition, START);
  const other = await service.createCase('acme', { id: 'other-tenant', caseType: 'complaint', data }, undefined);
  if (!other.ok) throw new Error('could not create the acme case');
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(cases: () => AsyncIterable<ExportCase> | Iterable<ExportCase>): Promise<ExportCase[]> {
  const out: ExportCase[] = [];
  for await (const kase of cases()) out.push(kase);
  return out;
}

describe('openSqliteSource', () => {
  it('reads every case of the tenant once, in pages, oldest first, with its history', async () => {
    const opened = openSqliteSource({ file: db, tenant: 'default', pageSize: 2 });
    if (!opened.ok) throw new Error(opened.message);
    try {
      const cases = await read(opened.source.cases);
      expect(cases.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e', '0-later']);
      expect(cases[0]?.history.map((h) => `${h.seq} ${h.event.type} ${h.at}`)).toEqual([`1 case.created ${START}`]);
      expect(cases[5]?.createdAt).toBe('2026-01-05T09:01:00.000Z');
      // a second pass starts again
      expect((await read(opened.source.cases)).length).toBe(6);
      expect(opened.source.caseTypes.find((t) => t.key === 'complaint')).toEqual({
        key: 'complaint', version: 1,
        customer: { keys: ['/customer/email', '/customer/phone', '/customer/customerNumber'], name: '/customer/name' },
      });
    } finally {
      opened.close();
    }
  });

  it('reads only the named tenant', async () => {
    const opened = openSqliteSource({ file: db, tenant: 'acme' });
    if (!opened.ok) throw new Error(opened.message);
    expect((await read(opened.source.cases)).map((c) => c.id)).toEqual(['other-tenant']);
    expect(opened.source.caseTypes.map((t) => `${t.key}@${t.version}`)).toEqual(['complaint@1']);
    opened.close();
  });

  it('filters by case type and reports an unknown one as a value', () => {
    const opened = openSqliteSource({ file: db, tenant: 'default', caseType: 'complaint' });
    expect(opened.ok && opened.source.caseTypes.map((t) => t.key)).toEqual(['complaint']);
    if (opened.ok) opened.close();
    expect(openSqliteSource({ file: db, tenant: 'default', caseType: 'nope' })).toEqual({
      ok: false, code: 'case_type.unknown', message: "no published case type 'nope' in tenant 'default'",
    });
  });
});
