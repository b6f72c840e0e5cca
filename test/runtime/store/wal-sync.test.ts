// Durability off the event loop: a write is answered only after the fsync that follows its commit,
// an fsync failure fails the writes it covered, and checkpoints reach the database file.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWalDurability, type Durability } from '../../../runtime/store/sqlite/wal-sync.ts';
import { createWriteQueue } from '../../../runtime/store/sqlite/write-queue.ts';
import { scratchDatabases } from './scratch-db.ts';

describe('durability after commit', () => {
  const { open, dir } = scratchDatabases('dossier-wal-');

  /** A durability whose fsyncs complete when the test says so. */
  function heldDurability(): Durability & { complete(error: Error | null): void; calls: number[] } {
    const held: ((error: Error | null) => void)[] = [];
    const calls: number[] = [];
    return {
      calls,
      afterCommit(items, done) {
        calls.push(items);
        held.push(done);
      },
      complete(error) {
        for (const done of held.splice(0)) done(error);
      },
      barrier: () => Promise.resolve(),
      idle: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }

  it('answers a committed batch only when its fsync completes', async () => {
    // given a queue whose fsync has not completed yet
    const db = open();
    const durability = heldDurability();
    const queue = createWriteQueue(db, { durability });
    let answered = false;
    const write = queue.submit(() => db.prepare('INSERT INTO t (v) VALUES (1)').run().changes).then((v) => {
      answered = true;
      return v;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // then the batch is committed but not answered
    expect(durability.calls).toEqual([1]);
    expect(answered).toBe(false);
    // when the fsync completes, then it is answered
    durability.complete(null);
    expect(await write).toBe(1);
    db.close();
  });

  it('fails every write of a batch whose fsync failed, with an I/O fault', async () => {
    const db = open();
    const durability = heldDurability();
    const queue = createWriteQueue(db, { durability });
    const writes = Promise.allSettled([1, 2].map((v) => queue.submit(() => db.prepare('INSERT INTO t (v) VALUES (?)').run(v))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    durability.complete(Object.assign(new Error('fsync of the write-ahead log failed: EIO'), { code: 'SQLITE_IOERR_FSYNC' }));
    const results = await writes;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    db.close();
  });

  it('checkpoints on its own thread: rows committed reach the database file without the WAL', async () => {
    // given the real durability, checkpointing every 10 writes
    const db = open();
    const durability = createWalDurability(db, 10);
    const queue = createWriteQueue(db, { durability });
    // when 30 writes commit one after the other
    for (let v = 1; v <= 30; v++) await queue.submit(() => db.prepare('INSERT INTO t (v) VALUES (?)').run(v));
    await durability.idle();
    // then a copy of the database file alone (no WAL beside it) already holds the checkpointed rows
    const copy = join(dirname(db.name), 'copy.db');
    copyFileSync(db.name, copy);
    const alone = new Database(copy, { readonly: true });
    const count = (alone.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
    alone.close();
    expect(count).toBeGreaterThanOrEqual(20);
    // and the connection is back to synchronous=FULL (2) once closed down
    await durability.close();
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('closes with the checkpointer started and nothing else alive: the close itself keeps the process up', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', new URL('./close-child.ts', import.meta.url).pathname, join(dir(), 'c.db')], { encoding: 'utf8', timeout: 60_000 });
    // an unsettled top-level await (the loop emptied while close waited) exits with 13
    expect([child.status, child.stdout.trim()]).toEqual([0, 'closed']);
  });
});
