// The public routes' limits behind a proxy (issue 20; docs/public-form.md): with DOSSIER_TRUST_PROXY the
// address the proxy saw (X-Forwarded-For) is counted, an IPv6 address by its /64; the caps on open
// conversations per address and on documents per case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createHostServices } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { createApp } from '../../../runtime/http/create-app.ts';
import { PUBLIC_DOCUMENTS_PER_CASE, PUBLIC_STREAMS_PER_ADDRESS } from '../../../runtime/http/routes/public.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { START, TEMPLATES } from './harness.ts';

const complaint = { customer: { name: 'Ivo Smit' }, description: 'Broken on arrival.' };

describe('the public routes behind a proxy of our own', () => {
  let dir: string;
  let store: SqliteCaseStore;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-public-limits-'));
    store = createSqliteStore({ file: join(dir, 'dossier.db') });
    const clock = createManualClock(START);
    await seedTemplates(store, TEMPLATES, START, silentLogger);
    const services = createHostServices({ store, engine, clock, logger: silentLogger });
    app = createApp({ store, clock, services, publicLimits: { postsPerMinute: 2, readsPerMinute: 1000, trustedProxies: 1 } });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (forwardedFor: string) =>
    app.request('/api/public/default/forms/complaint', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify(complaint) });

  it('counts the address the proxy saw, an IPv6 address by its /64', async () => {
    // the client's own X-Forwarded-For entries come first; the proxy appends what it saw
    expect((await post('10.0.0.1, 203.0.113.5')).status).toBe(201);
    expect((await post('10.0.0.2, 203.0.113.5')).status).toBe(201);
    expect((await post('203.0.113.5')).status).toBe(429);
    expect((await post('203.0.113.6')).status).toBe(201);
    expect((await post('2001:db8:1:2::1')).status).toBe(201);
    expect((await post('2001:db8:1:2::ffff')).status).toBe(201);
    expect((await post('2001:db8:1:2:aaaa::1')).status).toBe(429);
    expect((await post('2001:db8:1:3::1')).status).toBe(201);
  });

  it('keeps a few conversations open per address, and takes a bounded number of documents from the customer', async () => {
    const sent = (await (await post('198.51.100.7')).json()) as { reference: string; secret: string };
    const stream = () => app.request(`/api/public/default/cases/${sent.reference}/chat/stream`, { headers: { 'x-case-code': sent.secret, 'x-forwarded-for': '198.51.100.7' } });
    const open: Response[] = [];
    for (let i = 0; i < PUBLIC_STREAMS_PER_ADDRESS; i++) open.push(await stream());
    expect(open.map((r) => r.status)).toEqual(new Array<number>(PUBLIC_STREAMS_PER_ADDRESS).fill(200));
    const refused = await stream();
    expect(refused.status).toBe(429);
    // one closed: one more may open
    await open[0]!.body?.cancel();
    await new Promise((r) => setTimeout(r, 700));
    const again = await stream();
    expect(again.status).toBe(200);
    for (const r of [...open.slice(1), again]) await r.body?.cancel();

    const upload = async (n: number) => {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode(`%PDF-1.4\n% ${String(n)}\n%%EOF\n`)]), `proof-${String(n)}.pdf`);
      return app.request(`/api/public/default/cases/${sent.reference}/documents`, { method: 'POST', headers: { 'x-case-code': sent.secret, 'x-forwarded-for': `198.51.${String(n)}.1` }, body: form });
    };
    for (let n = 0; n < PUBLIC_DOCUMENTS_PER_CASE; n++) expect((await upload(n)).status).toBe(201);
    const over = await upload(PUBLIC_DOCUMENTS_PER_CASE);
    expect(over.status).toBe(422);
    expect(((await over.json()) as { code: string }).code).toBe('form.invalid');
  });
});
