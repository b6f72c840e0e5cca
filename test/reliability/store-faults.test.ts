// Disk and database faults: a full disk (the file capped with max_page_count), a read-only database
// (query_only: the tests may run as root, for whom file modes do not apply) and a database locked by
// another connection beyond busy_timeout. Each gives 503 store.unavailable with a log line, changes
// nothing, leaves a file that passes PRAGMA integrity_check, and the host recovers when the fault goes.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { counterType, startInProcess, type InProcess } from './in-process.ts';

let running: InProcess | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

function integrity(file: string): unknown {
  const check = new Database(file, { readonly: true });
  try {
    return check.pragma('integrity_check');
  } finally {
    check.close();
  }
}

function expectUnavailable(reply: { status: number; body: unknown; headers: Headers }, reason: string, log: string[]): void {
  expect(reply.status).toBe(503);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(reply.headers.get('retry-after')).toBe('5');
  expect(reply.body).toMatchObject({ type: 'urn:dossier:problem:store.unavailable', status: 503, code: 'store.unavailable', title: 'Storage unavailable' });
  const lines = log.map((l) => JSON.parse(l) as { level: string; message: string; reason?: string }).filter((l) => l.message === 'store unavailable');
  expect(lines.at(-1)).toMatchObject({ level: 'error', reason });
}

async function caseCount(h: InProcess): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page = await h.call('GET', `/api/cases?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`);
    n += (page.body.items as unknown[]).length;
    cursor = page.body.nextCursor as string | null;
  } while (cursor !== null);
  return n;
}

describe('disk and database faults', () => {
  it('a full disk answers 503 store.unavailable, applies nothing half-way, and recovers when space returns', async () => {
    let db: Database.Database | null = null;
    const h = (running = await startInProcess({ store: { onOpen: (d) => (db = d) } }));
    await h.publish(counterType);
    const first = await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: 0 } });
    expect(first.status).toBe(201);

    // given the file may grow by only a few pages
    const conn = db as unknown as Database.Database;
    const pages = conn.pragma('page_count', { simple: true }) as number;
    conn.pragma(`max_page_count = ${pages + 3}`);

    // when cases (with a large text each) are created until the disk is full
    let created = 1;
    let full: Awaited<ReturnType<InProcess['call']>> | null = null;
    for (let i = 1; i < 100 && full === null; i++) {
      const res = await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: i, note: 'x'.repeat(3000) } });
      if (res.status === 201) created += 1;
      else full = res;
    }

    // then the request that did not fit is a 503 with a log line, and only answered cases exist
    expect(full).not.toBeNull();
    expectUnavailable(full as NonNullable<typeof full>, 'full', h.log);
    expect(await caseCount(h)).toBe(created);
    const revision = (await h.call('GET', `/api/cases/${first.body.id as string}`)).body.revision as number;
    const event = await h.call('POST', `/api/cases/${first.body.id as string}/events`, { type: 'TOUCH', data: { note: 'y'.repeat(20000) } });
    expect(event.status).toBe(503);
    expect((await h.call('GET', `/api/cases/${first.body.id as string}`)).body.revision).toBe(revision);
    expect(integrity(h.file)).toEqual([{ integrity_check: 'ok' }]);

    // when space returns, the same requests succeed
    conn.pragma('max_page_count = 1073741823');
    expect((await h.call('POST', `/api/cases/${first.body.id as string}/events`, { type: 'TOUCH', data: { note: 'y'.repeat(20000) } })).status).toBe(200);
    expect((await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: 100 } })).status).toBe(201);
    expect(await caseCount(h)).toBe(created + 1);
    await h.store.close();
    expect(integrity(h.file)).toEqual([{ integrity_check: 'ok' }]);
  });

  it('a read-only database answers writes with 503 store.unavailable, still serves reads, and recovers', async () => {
    let db: Database.Database | null = null;
    const h = (running = await startInProcess({ store: { onOpen: (d) => (db = d) } }));
    await h.publish(counterType);
    const kase = await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: 1 } });
    const conn = db as unknown as Database.Database;

    // given the database turned read-only
    conn.pragma('query_only = ON');

    // then writes are 503 and reads still work
    expectUnavailable(await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: 2 } }), 'read_only', h.log);
    expectUnavailable(await h.call('POST', `/api/cases/${kase.body.id as string}/events`, { type: 'TOUCH' }), 'read_only', h.log);
    expect((await h.call('PUT', '/api/case-types/counter/draft', counterType)).status).toBe(503);
    const read = await h.call('GET', `/api/cases/${kase.body.id as string}`);
    expect([read.status, read.body.revision]).toEqual([200, 1]);
    expect(integrity(h.file)).toEqual([{ integrity_check: 'ok' }]);

    // when it is writable again, the host takes writes
    conn.pragma('query_only = OFF');
    const touched = await h.call('POST', `/api/cases/${kase.body.id as string}/events`, { type: 'TOUCH' });
    expect([touched.status, touched.body.revision]).toEqual([200, 2]);
    expect(await caseCount(h)).toBe(1);
  });

  it('a database locked by another process beyond busy_timeout answers 503, and timers due meanwhile fire once it is free', async () => {
    const h = (running = await startInProcess({ store: { busyTimeoutMs: 50 } }));
    await h.publish(counterType);
    const kase = await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: 1 } });
    const id = kase.body.id as string;

    // given another connection holds the write lock
    const other = new Database(h.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      // then writes are 503 store.unavailable (locked) and reads still work (WAL)
      expectUnavailable(await h.call('POST', `/api/cases/${id}/events`, { type: 'TOUCH' }), 'locked', h.log);
      expectUnavailable(await h.call('POST', '/api/cases', { caseType: 'counter', data: { n: 2 } }), 'locked', h.log);
      expect((await h.call('GET', `/api/cases/${id}`)).status).toBe(200);

      // and the timer falling due while locked cannot fire yet, but the scheduler keeps running
      h.clock.advance(61_000);
      expect(await h.host.scheduler.runDue()).toBe(0);
      expect(h.log.some((l) => l.includes('timer scheduler failed; retrying soon'))).toBe(true);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    // when the lock is gone, the scheduler's retry fires the timer once, and events are taken again
    await new Promise((r) => setTimeout(r, 1500));
    const after = await h.call('GET', `/api/cases/${id}`);
    expect([after.body.state, after.body.revision]).toEqual(['reminded', 2]);
    const history = await h.call('GET', `/api/cases/${id}/history`);
    expect((history.body.items as { event: { type: string } }[]).map((e) => e.event.type)).toEqual(['case.created', 'timer.remind']);
    expect((await h.call('POST', `/api/cases/${id}/events`, { type: 'TOUCH' })).status).toBe(200);
    expect(await caseCount(h)).toBe(1);
    expect(integrity(h.file)).toEqual([{ integrity_check: 'ok' }]);
  });
});
