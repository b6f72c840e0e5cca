// Durability without stalling the event loop. With `synchronous=FULL` SQLite fsyncs the WAL inside
// COMMIT, and better-sqlite3 is synchronous: every group commit froze the whole process for the length
// of an fsync (more than half the time of a commit on the machines we measure). Here the connection
// runs with `synchronous=OFF` and no automatic checkpoints; after each COMMIT the WAL file is fsynced
// on libuv's thread pool, and the writes of that commit are answered only when that fsync has
// completed. What is acknowledged is exactly as durable as under FULL (docs/reliability.md).
//
// Checkpoints (copying WAL frames into the database file) would stall the loop the same way: they
// run on a second connection in a worker thread, with `synchronous=FULL` there, so SQLite syncs the
// WAL before copying and the database file after: never a database page on disk without its WAL.
import { closeSync, fsync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface Durability {
  /** Calls `done` once everything committed before this call is on disk (or with the error if the fsync failed). */
  afterCommit(items: number, done: (error: Error | null) => void): void;
  /** Resolves once everything committed so far is on disk (for reads that must not show what is not yet durable). */
  barrier(): Promise<void>;
  /** Resolves when no fsync is running or waiting (before closing). */
  idle(): Promise<void>;
  /**
   * Stops the checkpointer and restores `synchronous=FULL`, so the checkpoint SQLite runs when the
   * connection closes is synced. Call after `idle()`, before closing the connection.
   */
  close(): Promise<void>;
}

/** An fsync failure, in the shape of SQLite's own I/O errors so the store answers 503 as for any I/O fault. */
class FsyncError extends Error {
  readonly code = 'SQLITE_IOERR_FSYNC';
  constructor(cause: Error) {
    super(`fsync of the write-ahead log failed: ${cause.message}`, { cause });
  }
}

export function createWalDurability(db: Database.Database, checkpointEvery = 256): Durability {
  const walFile = `${db.name}-wal`;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('synchronous = OFF');
  let fd: number | null = null;
  /** Callbacks waiting for the next fsync to start; those of the running one are in its closure. */
  let waiting: ((error: Error | null) => void)[] = [];
  let syncing = false;
  let sinceCheckpoint = 0;
  const onIdle: (() => void)[] = [];

  // The checkpointer: CommonJS evaluated in a worker (no TypeScript loader needed there), given the
  // path of the driver the main thread resolved. One checkpoint at a time; a failed one loses nothing
  // (the frames stay in the WAL, every commit is still fsynced before it is answered) and the next
  // threshold tries again.
  let worker: Worker | null = null;
  let checkpointing = false;
  function checkpoint(): void {
    if (checkpointing) return;
    checkpointing = true;
    sinceCheckpoint = 0;
    if (worker === null) {
      worker = startCheckpointer(db.name);
      // A checkpointer that cannot start (or dies) leaves the checkpoints to the connection's close
      // and to the next start; commits go on, each still fsynced before it is answered.
      worker.on('error', () => {
        worker = null;
        checkpointDone();
      });
    }
    // Referenced while a checkpoint runs, so that a close waiting for it keeps the process alive.
    worker.ref();
    worker.once('message', checkpointDone);
    worker.postMessage('checkpoint');
  }
  function checkpointDone(): void {
    worker?.unref();
    checkpointing = false;
    // a threshold passed while this one ran (a slow start or a busy disk): the next one starts now,
    // instead of waiting for yet another threshold with the frames piling up in the WAL
    if (worker !== null && sinceCheckpoint >= checkpointEvery) checkpoint();
    for (const resolve of onCheckpointed.splice(0)) resolve();
  }
  const onCheckpointed: (() => void)[] = [];

  // One fsync at a time; one that starts after a commit covers it, so the callbacks that arrive
  // while an fsync runs share the next one.
  function startSync(): void {
    if (syncing) return;
    if (waiting.length === 0) {
      for (const resolve of onIdle.splice(0)) resolve();
      return;
    }
    const batch = waiting;
    waiting = [];
    syncing = true;
    try {
      fd ??= openSync(walFile, 'r+');
    } catch (error) {
      syncing = false;
      for (const done of batch) done(new FsyncError(error as Error));
      startSync();
      return;
    }
    fsync(fd, (error) => {
      syncing = false;
      const failure = error === null ? null : new FsyncError(error);
      for (const done of batch) done(failure);
      startSync();
    });
  }

  return {
    afterCommit(items, done) {
      waiting.push(done);
      sinceCheckpoint += items;
      if (sinceCheckpoint >= checkpointEvery) checkpoint();
      startSync();
    },
    barrier() {
      if (!syncing && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiting.push((error) => (error === null ? resolve() : reject(error)));
        startSync();
      });
    },
    async idle() {
      if (syncing || waiting.length > 0) await new Promise<void>((resolve) => onIdle.push(resolve));
      while (checkpointing) await new Promise<void>((resolve) => onCheckpointed.push(resolve));
    },
    async close() {
      const stopping = worker;
      worker = null;
      if (stopping !== null) {
        const exited = new Promise((resolve) => stopping.once('exit', resolve));
        stopping.ref();
        stopping.postMessage('close');
        await exited;
      }
      db.pragma('synchronous = FULL');
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

const checkpointerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let error = null;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { error = String(e); }
  parentPort.postMessage({ error });
});
`;

function startCheckpointer(file: string): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(checkpointerSource, { eval: true, workerData: { file, driver } });
  worker.unref();
  return worker;
}
