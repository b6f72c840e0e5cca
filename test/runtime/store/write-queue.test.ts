// Group commit: items submitted together share one transaction; a failing item rolls back alone.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../runtime/store/sqlite/write-queue.ts';
import { scratchDatabases } from './scratch-db.ts';

describe('write queue', () => {
  const { open } = scratchDatabases('dossier-queue-');

  it('commits items submitted together in one transaction; a throwing item rejects alone and leaves no trace', async () => {
    // given a queue and three writes, the middle one writing a row and then failing
    const db = open();
    const queue = createWriteQueue(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      queue.submit(() => insert.run(1).changes),
      queue.submit(() => {
        insert.run(2);
        throw new Error('boom');
      }),
      queue.submit(() => insert.run(3).changes),
    ]);
    // then 1 and 3 are committed, 2 is rolled back, in one commit
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'boom', 1]);
    expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 3 }]);
    expect(queue.stats()).toEqual({ commits: 1, items: 3 });
    db.close();
  });

  it('answers only after commit: a write is visible to another connection when its promise resolves', async () => {
    const db = open();
    const queue = createWriteQueue(db);
    const other = new Database(db.name, { readonly: true });
    await queue.submit(() => db.prepare('INSERT INTO t (v) VALUES (7)').run());
    expect(other.prepare('SELECT v FROM t').all()).toEqual([{ v: 7 }]);
    // a later batch is a second transaction
    await queue.submit(() => db.prepare('INSERT INTO t (v) VALUES (8)').run());
    expect(queue.stats()).toEqual({ commits: 2, items: 2 });
    other.close();
    db.close();
  });

  it('rejects every item of a batch whose transaction SQLite rolled back itself (disk full, I/O error), and goes on', async () => {
    // given a batch whose middle item ends the whole transaction, as SQLite does on some faults
    const db = open();
    const queue = createWriteQueue(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      queue.submit(() => insert.run(1).changes),
      queue.submit(() => {
        insert.run(2);
        db.exec('ROLLBACK');
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }),
      queue.submit(() => insert.run(3).changes),
    ]);
    // then no item is answered as committed, nothing is written, and the next batch commits
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'database or disk is full',
      'database or disk is full',
      'database or disk is full',
    ]);
    expect(db.prepare('SELECT v FROM t').all()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(await queue.submit(() => insert.run(4).changes)).toBe(1);
    expect(db.prepare('SELECT v FROM t').all()).toEqual([{ v: 4 }]);
  });
});
