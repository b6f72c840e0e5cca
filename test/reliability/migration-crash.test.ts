// A migration cut off by SIGKILL (issue 19): a real `dossier serve` migrating thousands of open cases
// is killed mid-batch; started again on the same SQLite file, it resumes by itself and finishes with
// every case migrated exactly once — one `case.migrated` entry each, revision + 1, nothing half done.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as engine from '../../runtime/engine/index.ts';
import type { CaseData } from '../../runtime/engine/index.ts';
import { createHostServices, createManualClock, seedTemplates, silentLogger } from '../../runtime/host/index.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { complaintData, complaintV2 } from '../complaint-versions.ts';
import { startChild, type ChildServer } from './child-server.ts';

const CASES = 4000;
const TEMPLATES = join(import.meta.dirname, '../../templates');
const dir = mkdtempSync(join(tmpdir(), 'dossier-migration-crash-'));
const db = join(dir, 'dossier.db');
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The open complaints on version 1 (half of them triaged), then version 2 published beside it. */
async function fill(): Promise<void> {
  const store = createSqliteStore({ file: db });
  // made now, so that none of their SLA timers falls due while the servers run
  const clock = createManualClock(new Date().toISOString());
  await seedTemplates(store, TEMPLATES, clock.now(), silentLogger);
  const services = createHostServices({ store, engine, clock, logger: silentLogger });
  const admin = { id: 'admin', roles: ['admin'] };
  const ids: string[] = [];
  // in batches: the store commits a batch's cases together
  for (let i = 0; i < CASES; i += 200) {
    const created = await Promise.all(Array.from({ length: 200 }, () => services.cases.createCase('default', { caseType: 'complaint', data: complaintData as CaseData }, admin)));
    for (const result of created) {
      if (!result.ok || result.replay === true) throw new Error('not created');
      ids.push(result.case.id);
    }
  }
  const triaged = ids.filter((_, i) => i % 2 === 0);
  for (let i = 0; i < triaged.length; i += 200) {
    await Promise.all(triaged.slice(i, i + 200).map((id) => services.cases.sendEvent('default', id, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } }, admin)));
  }
  await store.publish('default', 'complaint', complaintV2(), clock.now(), { publishedBy: 'admin', note: 'v2' });
  await store.close();
}

describe('a migration cut off by SIGKILL', () => {
  it(`resumes on restart and migrates each of ${String(CASES)} cases exactly once`, { timeout: 180_000 }, async () => {
    await fill();
    const before = new Database(db, { readonly: true });
    const revisions = new Map((before.prepare("SELECT id, revision FROM cases WHERE case_type = 'complaint'").all() as { id: string; revision: number }[]).map((r) => [r.id, r.revision]));
    before.close();
    expect(revisions.size).toBe(CASES);

    let server: ChildServer = await startChild(db);
    cleanups.push(async () => void (await server.kill('SIGKILL')));
    const plan = { caseType: 'complaint', from: 1, to: 2, title: 'Language required', data: { defaults: { '/language': 'en' } } };
    const started = await server.call('POST', '/api/migrations', plan);
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    // kill it as soon as some cases moved and others wait
    let seen = started.body.counts as { migrated: number; pending: number };
    while (seen.migrated === 0 || seen.pending === 0) {
      if (seen.pending === 0) throw new Error('the migration finished before it could be killed: give it more cases');
      await new Promise((r) => setTimeout(r, 5));
      seen = (await server.call('GET', `/api/migrations/${id}`)).body.counts;
    }
    await server.kill('SIGKILL');
    const cut = new Database(db, { readonly: true });
    const migratedAtKill = (cut.prepare("SELECT COUNT(*) AS n FROM cases WHERE case_type = 'complaint' AND version = 2").get() as { n: number }).n;
    cut.close();
    expect(migratedAtKill).toBeGreaterThan(0);
    expect(migratedAtKill).toBeLessThan(CASES);

    // started again: it resumes by itself
    server = await startChild(db);
    let view = (await server.call('GET', `/api/migrations/${id}`)).body;
    for (let i = 0; view.status !== 'done' && i < 6000; i++) {
      await new Promise((r) => setTimeout(r, 20));
      view = (await server.call('GET', `/api/migrations/${id}`)).body;
    }
    expect([view.status, view.counts]).toEqual(['done', { total: CASES, pending: 0, migrated: CASES, blocked: 0, skipped: 0 }]);
    expect(await server.kill('SIGTERM')).toBe(0);

    const after = new Database(db, { readonly: true });
    const rows = after.prepare("SELECT id, version, revision, json_extract(data, '$.language') AS language FROM cases WHERE case_type = 'complaint'").all() as { id: string; version: number; revision: number; language: string }[];
    const entries = new Map((after.prepare("SELECT case_id, COUNT(*) AS n FROM history WHERE event_type = 'case.migrated' GROUP BY case_id").all() as { case_id: string; n: number }[]).map((r) => [r.case_id, r.n]));
    const written = new Map((after.prepare('SELECT case_id, COUNT(*) AS n FROM history GROUP BY case_id').all() as { case_id: string; n: number }[]).map((r) => [r.case_id, r.n]));
    after.close();
    // one migration entry each, one revision more, and a history entry for every revision (nothing half written)
    const wrong = rows.filter((r) => r.version !== 2 || r.revision !== (revisions.get(r.id) ?? 0) + 1 || written.get(r.id) !== r.revision || r.language !== 'en' || entries.get(r.id) !== 1);
    expect(wrong).toEqual([]);
    expect(rows.length).toBe(CASES);
  });
});
