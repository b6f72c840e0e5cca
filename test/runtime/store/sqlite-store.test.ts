// The shared CaseStore suite on a real SQLite file, plus SQLite-specific checks (pragmas, group commit).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { latestSchemaVersion } from '../../../runtime/store/sqlite/migrations.ts';
import { caseStoreSuite } from './case-store.suite.ts';
import { createCommit, definition, makeCase, T0 } from './fixtures.ts';

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
  return { dir, file: join(dir, 'test.db') };
}

caseStoreSuite('SQLite', async () => {
  const { dir, file } = tempFile();
  return {
    open: async () => createSqliteStore({ file }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite store specifics', () => {
  it('creates the file in WAL mode with the schema at the latest version', async () => {
    // given a fresh store
    const { dir, file } = tempFile();
    const store = createSqliteStore({ file });
    await store.close();
    // when the file is inspected
    const db = new Database(file);
    // then
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: latestSchemaVersion });
    db.close();
    const again = createSqliteStore({ file });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('group-commits writes that arrive together into one transaction', async () => {
    // given a store with a case type
    const { dir, file } = tempFile();
    const store = createSqliteStore({ file });
    await store.publish('default', 'complaint', definition(), T0);
    const before = store.writeStats();
    // when 50 creations are submitted at once
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.commit(createCommit(makeCase(`c${i}`)))));
    // then they were committed in one transaction
    const after = store.writeStats();
    expect(after.items - before.items).toBe(50);
    expect(after.commits - before.commits).toBe(1);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
