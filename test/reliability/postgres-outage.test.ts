// A real `dossier serve` on PostgreSQL through a TCP relay that the test cuts and restores, as a database
// restart or a network outage would: while the database is gone, requests answer 503 problem+json
// (never 500) and change nothing; when it is back, the host serves again by itself (no restart), a timer
// that fell due meanwhile fires, and the histories hold every answered event once, without gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relay, scratchDatabase, skipNote, unavailable } from '../postgres-scratch.ts';
import { startChild, type ChildServer, type Json } from './child-server.ts';

const timedType = {
  key: 'outage',
  title: 'Outage',
  data: { type: 'object', properties: { note: { type: 'string' } } },
  events: { NOTE: { title: 'Note', data: { type: 'object', properties: { note: { type: 'string' } } } } },
  playbook: {
    initial: 'waiting',
    states: { waiting: { on: { NOTE: { target: 'waiting' } }, after: [{ delay: 'PT3S', target: 'done' }] }, done: { type: 'final' } },
  },
};

describe.skipIf(unavailable !== null)(unavailable === null ? 'dossier serve when PostgreSQL goes away' : `dossier serve when PostgreSQL goes away (skipped: ${skipNote})`, () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let link: Awaited<ReturnType<typeof relay>>;
  let host: ChildServer;

  beforeAll(async () => {
    database = await scratchDatabase();
    const target = new URL(database.url);
    link = await relay({ host: target.hostname, port: Number(target.port || 5432) });
    const via = new URL(database.url);
    via.hostname = '127.0.0.1';
    via.port = String(link.port);
    host = await startChild(via.toString(), { DOSSIER_LOG_LEVEL: 'error' });
  }, 60_000);

  afterAll(async () => {
    await host?.kill('SIGTERM');
    await link?.down();
    await database?.drop();
  });

  it('answers 503 while the database is gone, changes nothing, and serves again by itself when it is back', async () => {
    expect((await host.call('PUT', '/api/case-types/outage/draft', timedType)).status).toBe(200);
    expect((await host.call('POST', '/api/case-types/outage/publish')).status).toBe(201);
    const created = await host.call('POST', '/api/cases', { caseType: 'outage', data: {} });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // events in flight while the database goes away: each answered 200 or 503, none 500
    const inFlight = Array.from({ length: 20 }, (_, i) => host.call('POST', `/api/cases/${id}/events`, { type: 'NOTE', data: { note: `flight-${i}` } }));
    await link.down();
    const flights = await Promise.all(inFlight);
    expect(flights.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    // while it is gone: 503 problem+json with Retry-After, at once, for reads and writes
    const started = Date.now();
    const refused = await host.call('POST', `/api/cases/${id}/events`, { type: 'NOTE', data: { note: 'during' } });
    expect([refused.status, refused.body.code]).toEqual([503, 'store.unavailable']);
    expect((await host.call('GET', `/api/cases/${id}`)).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(15_000);
    // the case's 3-second timer falls due while the database is gone
    await new Promise((resolve) => setTimeout(resolve, 3_500));

    // when it is back, the same host serves again without a restart
    await link.up();
    let after = await host.call('POST', `/api/cases/${id}/events`, { type: 'NOTE', data: { note: 'after' } }).catch(() => null);
    for (let i = 0; i < 50 && after?.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await host.call('POST', `/api/cases/${id}/events`, { type: 'NOTE', data: { note: 'after' } }).catch(() => null);
    }
    // (the timer may have fired first and closed the case: then NOTE is not accepted, which is an answer too)
    expect([200, 409]).toContain(after?.status);
    // and the timer that fell due meanwhile fires
    let state: Json = null;
    for (let i = 0; i < 60 && state !== 'done'; i++) {
      state = (await host.call('GET', `/api/cases/${id}`)).body.state;
      if (state !== 'done') await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(state).toBe('done');
    // the history: numbered without gaps, every event answered 200 once, nothing of the refused one
    const history = (await host.call('GET', `/api/cases/${id}/history?limit=200`)).body.items as Json[];
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    const notes = history.map((h) => h.event?.data?.note).filter((n): n is string => typeof n === 'string');
    for (const [i, r] of flights.entries()) if (r.status === 200) expect(notes.filter((n) => n === `flight-${i}`)).toHaveLength(1);
    expect(notes).not.toContain('during');
    expect(new Set(notes).size).toBe(notes.length);
    expect(history.filter((h) => (h.event.type as string).startsWith('timer.'))).toHaveLength(1);
  }, 120_000);
});
