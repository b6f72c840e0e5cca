// Scratch databases for the write-path tests: a WAL database with one table `t (v)` in a fresh
// directory per call, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';

export function scratchDatabases(prefix: string): { open(): Database.Database; dir(): string } {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const dir = () => {
    const made = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(made);
    return made;
  };
  return {
    dir,
    open() {
      const db = new Database(join(dir(), 'scratch.db'));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)');
      return db;
    },
  };
}
