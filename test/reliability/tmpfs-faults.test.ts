// The full-disk fault of store-faults.test.ts, but real: the database lives on a 1 MiB tmpfs that
// fills up (ENOSPC), then grows. Runs only where tmpfs can be mounted (root with CAP_SYS_ADMIN, as in
// the development container); skipped elsewhere (CI runners are not root). A read-only remount is
// not tested this way: Linux refuses it while the database is open for writing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../runtime/engine/index.ts';
import { createManualClock } from '../../runtime/host/clock.ts';
import { createRuntime, type Runtime } from '../../runtime/compose/create-runtime.ts';
import { createLogger } from '../../runtime/host/logger.ts';
import { issueToken } from '../../runtime/host/tokens.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { counterType, START } from './in-process.ts';

const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });
const umount = (dir: string) => execFileSync('umount', [dir], { stdio: 'pipe' });

/** Why a tmpfs cannot be mounted here (null: it can): the faults need a real, tiny file system. */
function tmpfsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'mounting a tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const probe = mkdtempSync(join(tmpdir(), 'dossier-tmpfs-probe-'));
  try {
    mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe);
    umount(probe);
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const tmpfsSkip = tmpfsUnavailable();

describe.skipIf(tmpfsSkip !== null)(tmpfsSkip === null ? 'real disk faults on a tmpfs' : `real disk faults on a tmpfs (skipped: ${tmpfsSkip})`, () => {
  let dir: string;
  let file: string;
  let store: SqliteCaseStore;
  let host: Runtime;
  let admin: string;
  const log: string[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await host.app.request(path, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as { [key: string]: unknown } };
  };
  const integrity = () => {
    const check = new Database(file, { readonly: true });
    try {
      return check.pragma('integrity_check');
    } finally {
      check.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-tmpfs-'));
    mount('-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir);
    mkdirSync(join(dir, 'db'));
    file = join(dir, 'db', 'dossier.db');
    store = createSqliteStore({ file });
    host = createRuntime({ store, engine, clock: createManualClock(START), logger: createLogger('info', (line) => log.push(line)) });
    admin = (await issueToken(store, { tenant: 'default', name: 'admin', roles: ['admin'] }, START)).secret;
    await call('PUT', '/api/case-types/counter/draft', counterType);
    expect((await call('POST', '/api/case-types/counter/publish')).status).toBe(201);
  });
  afterAll(async () => {
    await store.close();
    umount(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full file system answers 503 store.unavailable, keeps the file sound, and recovers when it grows', async () => {
    // when cases with large notes are created until the 2 MiB file system is full (the empty database with every table takes most of 1 MiB)
    let created = 0;
    let full: { status: number; body: { [key: string]: unknown } } | null = null;
    for (let i = 0; i < 400 && full === null; i++) {
      const res = await call('POST', '/api/cases', { caseType: 'counter', data: { n: i, note: 'x'.repeat(4000) } });
      if (res.status === 201) created += 1;
      else full = res;
    }
    // then the first request that did not fit is a clean 503, logged, and only answered cases exist
    expect([full?.status, full?.body.code]).toEqual([503, 'store.unavailable']);
    expect(log.some((line) => line.includes('"message":"store unavailable"'))).toBe(true);
    expect(created).toBeGreaterThan(5);
    let listed = 0;
    let cursor: string | null = null;
    do {
      const page = await store.listCases('default', {}, 200, cursor);
      listed += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(listed).toBe(created);
    expect(integrity()).toEqual([{ integrity_check: 'ok' }]);

    // when the file system grows, writes succeed again
    mount('-o', 'remount,size=64m', dir);
    expect((await call('POST', '/api/cases', { caseType: 'counter', data: { n: 1000 } })).status).toBe(201);
    expect(integrity()).toEqual([{ integrity_check: 'ok' }]);
  });
});
