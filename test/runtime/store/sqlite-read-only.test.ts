// createSqliteStore({ readOnly: true }), as `dossier export --db FILE` opens a database: never creates
// the file, never migrates or writes it, reads what a writer beside it commits, and says plainly
// what is wrong with a file it cannot use.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate } from '../../../runtime/store/sqlite/migrations.ts';
import { createSqliteStore, SqliteOpenError } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { StoreUnavailableError } from '../../../runtime/store/store-unavailable.ts';
import { createCommit, definition, makeCase, T0 } from './fixtures.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-read-only-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openError(file: string): SqliteOpenError {
  try {
    createSqliteStore({ file, readOnly: true }).close().catch(() => undefined);
  } catch (error) {
    expect(error).toBeInstanceOf(SqliteOpenError);
    return error as SqliteOpenError;
  }
  throw new Error(`expected ${file} to be refused`);
}

describe('createSqliteStore({ readOnly: true })', () => {
  it('refuses a missing file without creating it', () => {
    const file = join(dir, 'missing.db');
    expect(openError(file).message).toMatch(new RegExp(`^cannot open '${file.replace(/[.\\/]/g, '\\$&')}': `));
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an empty file, a file that is not SQLite, and an out-of-date schema, saying what to do, and leaves them as they were', () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect(openError(empty).message).toBe(`'${empty}' is not a Dossier database (no cases and history tables); start 'dossier serve --db ${empty}' once to create one`);
    expect(readFileSync(empty, 'utf8')).toBe('');

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'x'.repeat(4096));
    expect(openError(text).message).toMatch(/^cannot read '.*notes\.db': file is not a database$/);

    const old = join(dir, 'old.db');
    const db = new Database(old);
    migrate(db, latestSchemaVersion - 1);
    db.close();
    expect(openError(old).message).toBe(
      `'${old}' is at schema version ${latestSchemaVersion - 1}, older than this Dossier's ${latestSchemaVersion}: start 'dossier serve --db ${old}' once (it migrates the file as it starts), then try again`,
    );
    const after = new Database(old, { readonly: true });
    expect(after.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: latestSchemaVersion - 1 });
    after.close();
  });

  it('reads what a writer beside it commits, and refuses to write', async () => {
    const file = join(dir, 'shared.db');
    const writer = createSqliteStore({ file });
    await writer.ensureTenant('default', T0);
    await writer.publish('default', 'complaint', definition(), T0);
    await writer.commit(createCommit(makeCase('first')));
    const reader = createSqliteStore({ file, readOnly: true });
    try {
      expect((await reader.historyInWindow('default', {}, 10, null)).items.map((i) => i.case.id)).toEqual(['first']);
      // the writer keeps writing while the reader is open
      await writer.commit(createCommit(makeCase('second', { createdAt: '2026-01-05T09:30:00.000Z' })));
      expect((await reader.historyInWindow('default', {}, 10, null)).items.map((i) => i.case.id)).toEqual(['first', 'second']);
      const write = reader.commit(createCommit(makeCase('third')));
      await expect(write).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(write).rejects.toMatchObject({ reason: 'read_only' });
    } finally {
      await reader.close();
      await writer.close();
    }
    // the refused write left nothing behind
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT id FROM cases ORDER BY id').all()).toEqual([{ id: 'first' }, { id: 'second' }]);
    check.close();
  });
});
