// Tokens made before token lifetimes (issue 18) keep working, with no expiry, once the store migrates: on a
// SQLite file and on PostgreSQL (skipped without DOSSIER_TEST_POSTGRES_URL's server), through the token service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createTokenService, hashToken } from '../../../runtime/host/tokens.ts';
import type { CaseStore, TokenRecord } from '../../../runtime/store/case-store.ts';
import { migrate as migratePostgres, tokenLifetimesVersion as postgresVersion } from '../../../runtime/store/postgres/migrations.ts';
import { createPostgresDb } from '../../../runtime/store/postgres/postgres-db.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { migrate as migrateSqlite, tokenLifetimesVersion as sqliteVersion } from '../../../runtime/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { T0 } from './fixtures.ts';

const SECRET = 'dsr_made-before-lifetimes';
const admin: TokenRecord = { id: 'a', tenant: 'default', name: 'root', roles: ['admin'], createdAt: T0 };

/** The token service on a migrated store finds the old token, accepts it ten years on, lists it as active without expiry. */
async function expectOldTokenWorks(store: CaseStore): Promise<void> {
  expect(await store.findTokenByHash(hashToken(SECRET))).toEqual({ id: 'old', tenant: 'default', name: 'old-bot', roles: ['service'], createdAt: T0 });
  const clock = createManualClock('2036-01-05T09:00:00.000Z');
  const tokens = createTokenService(store, { clock });
  const listed = await tokens.list(admin, undefined, clock.now());
  expect(listed).toEqual({
    ok: true,
    value: { items: [{ id: 'old', name: 'old-bot', tenant: 'default', roles: ['service'], createdAt: T0, expiresAt: null, lastUsedAt: null, revokedAt: null, status: 'active' }] },
  });
  expect(await tokens.verify(SECRET)).toMatchObject({ status: 'valid', token: { name: 'old-bot' } });
  // and its use is recorded from then on
  await vi.waitFor(async () => expect((await store.listTokens('default'))[0]?.lastUsedAt).toBe(clock.now()));
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('tokens made before token lifetimes', () => {
  it('keep working with no expiry once a SQLite file migrates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-token-migration-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'old.db');
    const db = new Database(file);
    expect(migrateSqlite(db, sqliteVersion - 1)).toBe(sqliteVersion - 1);
    db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?)').run('default', T0);
    db.prepare('INSERT INTO tokens (id, tenant, name, roles, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('old', 'default', 'old-bot', '["service"]', hashToken(SECRET), T0);
    db.close();
    const store = createSqliteStore({ file });
    cleanups.push(() => store.close());
    await expectOldTokenWorks(store);
  });

  it.skipIf(unavailable !== null)(`keep working with no expiry once a PostgreSQL database migrates${unavailable === null ? '' : ` (skipped: ${skipNote})`}`, async () => {
    const database = await scratchDatabase();
    cleanups.push(() => database.drop());
    const db = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 5000, lockTimeoutMs: 5000 });
    expect(await migratePostgres(db, postgresVersion - 1)).toBe(postgresVersion - 1);
    await db.rows('INSERT INTO tenants (id, created_at) VALUES ($1, $2)', ['default', T0]);
    await db.rows('INSERT INTO tokens (id, tenant, name, roles, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', ['old', 'default', 'old-bot', '["service"]', hashToken(SECRET), T0]);
    await db.end();
    const store = await createPostgresStore({ url: database.url });
    cleanups.push(() => store.close());
    await expectOldTokenWorks(store);
  });
});
