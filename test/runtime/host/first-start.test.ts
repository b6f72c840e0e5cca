// The first start on an empty shared database: hosts that start together take turns
// (CaseStore.exclusively), so the templates are published once (version 1, not 1 and 2) and one
// admin token is issued, not one per host.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminToken, seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';

const TEMPLATES = join(import.meta.dirname, '../../../templates');
const AT = '2026-01-05T09:00:00.000Z';
const HOSTS = 4;

describe.skipIf(unavailable !== null)(unavailable === null ? 'the first start of hosts sharing one PostgreSQL database' : `the first start of hosts sharing one PostgreSQL database (skipped: ${skipNote})`, () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  const stores: CaseStore[] = [];

  beforeAll(async () => {
    database = await scratchDatabase();
    for (let i = 0; i < HOSTS; i++) stores.push(await createPostgresStore({ url: database.url }));
  }, 60_000);

  afterAll(async () => {
    for (const store of stores) await store.close();
    await database?.drop();
  });

  it('publishes each template once and issues one admin token when four hosts start at the same moment', async () => {
    const seeded = await Promise.all(stores.map((store) => seedTemplates(store, TEMPLATES, AT, silentLogger)));
    // one host published them all; the others found them published
    expect(seeded.filter((keys) => keys.length > 0)).toHaveLength(1);
    const keys = seeded.flat();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect((await stores[0]!.listVersions('default', key)).map((v) => v.version)).toEqual([1]);

    const secrets = await Promise.all(stores.map((store) => ensureAdminToken(store, AT)));
    expect(secrets.filter((secret) => secret !== null)).toHaveLength(1);
    expect(await stores[0]!.countTokens()).toBe(1);
  });

  it('takes its turn on a connection of its own: a pool of one connection still seeds', async () => {
    const small = await createPostgresStore({ url: database.url, poolSize: 1, connectTimeoutMs: 1000 });
    try {
      expect(await seedTemplates(small, TEMPLATES, AT, silentLogger)).toEqual([]);
      expect(await ensureAdminToken(small, AT, 'dsr_fixed-secret-for-the-test')).toBe('dsr_fixed-secret-for-the-test');
    } finally {
      await small.close();
    }
  });
});
