// Documents in the case file over HTTP (issue 20): the real server (`dossier serve`) on a loopback port,
// on a real SQLite file and on a real PostgreSQL database (skipped, saying why, without one), driven
// with fetch and multipart bodies as a browser sends them.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { claimTemplates, exeBytes, pdfBytes, pngBytes } from './fixtures.ts';

const ADMIN = 'documents-admin-secret';

interface Target {
  name: string;
  skip: string | null;
  /** `dossier serve --documents-dir`: the content in files there, not in the database. */
  documentsDir?: true;
  /** The database (a file or a URL), and how to open a second store on it (tokens of another tenant). */
  make(dir: string): Promise<{ db: string; open(): Promise<CaseStore>; drop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'SQLite',
    skip: null,
    make: async (dir) => {
      const file = join(dir, 'dossier.db');
      return { db: file, open: async () => createSqliteStore({ file }), drop: async () => undefined };
    },
  },
  {
    name: 'SQLite with --documents-dir',
    skip: null,
    documentsDir: true,
    make: async (dir) => {
      const file = join(dir, 'dossier.db');
      return { db: file, open: async () => createSqliteStore({ file }), drop: async () => undefined };
    },
  },
  {
    name: 'PostgreSQL',
    skip: unavailable === null ? null : skipNote,
    make: async () => {
      const database = await scratchDatabase();
      return { db: database.url, open: () => createPostgresStore({ url: database.url }), drop: () => database.drop() };
    },
  },
];

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

for (const target of targets) {
  describe.skipIf(target.skip !== null)(`documents over HTTP on ${target.name}${target.skip === null ? '' : ` (skipped: ${target.skip})`}`, () => {
    let server: RunningServer;
    let dir: string;
    let drop: () => Promise<void>;
    let agent: string;
    let otherTenant: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dossier-documents-'));
      const made = await target.make(dir);
      drop = made.drop;
      server = await startServer({
        db: made.db,
        port: 0,
        host: '127.0.0.1',
        templatesDir: claimTemplates(dir),
        adminToken: ADMIN,
        logger: silentLogger,
        ...(target.documentsDir === true ? { documentsDir: join(dir, 'documents') } : {}),
      });
      const issued = await json('POST', '/api/tokens', { name: 'dana', roles: ['agent'] });
      agent = issued.body.token as string;
      const store = await made.open();
      otherTenant = (await issueToken(store, { tenant: 'acme', name: 'acme-admin', roles: ['admin'] }, '2026-01-05T09:00:00.000Z')).secret;
      await store.close();
    });
    afterAll(async () => {
      await server?.close();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    });

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON bodies field by field
    async function json(method: string, path: string, body?: unknown, token = ADMIN): Promise<{ status: number; body: any }> {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await res.json() };
    }

    function upload(caseId: string, name: string, bytes: Uint8Array | Blob, options: { field?: string; token?: string } = {}) {
      const form = new FormData();
      if (options.field !== undefined) form.append('field', options.field);
      form.append('file', bytes instanceof Blob ? bytes : new Blob([Buffer.from(bytes)]), name);
      return fetch(`${server.url}/api/cases/${caseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${options.token ?? agent}` }, body: form });
    }

    async function newCase(): Promise<string> {
      const created = await json('POST', '/api/cases', { caseType: 'claim', data: { customer: 'Ada' } }, agent);
      expect(created.status).toBe(201);
      return created.body.id as string;
    }

    async function historyTypes(caseId: string): Promise<string[]> {
      const history = await json('GET', `/api/cases/${caseId}/history`, undefined, agent);
      return (history.body.items as { event: { type: string } }[]).map((entry) => entry.event.type);
    }

    it('takes a PDF, lists it and gives it back byte for byte with its checksum', async () => {
      const id = await newCase();
      const res = await upload(id, 'receipt.pdf', pdfBytes);
      const added = (await res.json()) as Record<string, unknown>;
      expect(res.status).toBe(201);
      expect(added).toMatchObject({ caseId: id, name: 'receipt.pdf', contentType: 'application/pdf', size: pdfBytes.length, sha256: sha256(pdfBytes), field: null, addedBy: 'dana', removedAt: null });
      expect(res.headers.get('location')).toBe(`/api/cases/${id}/documents/${String(added.id)}`);

      const list = await json('GET', `/api/cases/${id}/documents`, undefined, agent);
      expect(list.body.items.map((d: { id: string; name: string }) => [d.id, d.name])).toEqual([[added.id, 'receipt.pdf']]);

      const download = await fetch(`${server.url}/api/cases/${id}/documents/${String(added.id)}`, { headers: { authorization: `Bearer ${agent}` } });
      const bytes = new Uint8Array(await download.arrayBuffer());
      expect(download.status).toBe(200);
      expect(Buffer.from(bytes).equals(pdfBytes)).toBe(true);
      expect(sha256(bytes)).toBe(added.sha256);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(pdfBytes).digest('base64')}:`);

      // where the content is: a file named by its id in the tenant's folder, or the database's chunks
      const file = join(dir, 'documents', 'default', String(added.id));
      expect(existsSync(file)).toBe(target.documentsDir === true);
      if (target.documentsDir === true) expect(readFileSync(file).equals(pdfBytes)).toBe(true);

      const history = await json('GET', `/api/cases/${id}/history`, undefined, agent);
      const entry = history.body.items[1];
      expect([entry.event.type, entry.actor, entry.event.data]).toEqual([
        'document.added',
        'dana',
        { document: { id: added.id, name: 'receipt.pdf', contentType: 'application/pdf', size: pdfBytes.length, sha256: sha256(pdfBytes) } },
      ]);
    });

    it('stores a file of several chunks and streams it back whole', async () => {
      const id = await newCase();
      // 1.5 MB of text: six chunks of the store's 256 KiB, the last one short
      const line = 'Receipt line 0001: one kettle, 49.95 EUR, paid by card.\n';
      const bytes = Buffer.from(line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length)));
      const res = await upload(id, 'statement.txt', bytes);
      const added = (await res.json()) as { id: string; size: number; sha256: string };
      expect([res.status, added.size, added.sha256]).toEqual([201, bytes.length, sha256(bytes)]);
      const download = await fetch(`${server.url}/api/cases/${id}/documents/${added.id}`, { headers: { authorization: `Bearer ${agent}` } });
      const back = Buffer.from(await download.arrayBuffer());
      expect([back.length, sha256(back), download.headers.get('content-length')]).toEqual([bytes.length, sha256(bytes), String(bytes.length)]);
    });

    it('reads the kind of a file from its bytes, not its name', async () => {
      const id = await newCase();
      const res = await upload(id, 'not-really.pdf', pngBytes);
      expect(res.status).toBe(201);
      expect(((await res.json()) as { contentType: string }).contentType).toBe('image/png');
      const text = await upload(id, 'notes.bin', new TextEncoder().encode('Bought on 3 March, receipt lost. Ça va.\n'));
      expect(((await text.json()) as { contentType: string }).contentType).toBe('text/plain; charset=utf-8');
      const mail = await upload(id, 'mail.txt', new TextEncoder().encode('From: ada@example.com\r\nSubject: my receipt\r\nDate: Mon, 5 Jan 2026 09:00:00 +0000\r\n\r\nSee attached.\r\n'));
      expect(((await mail.json()) as { contentType: string }).contentType).toBe('message/rfc822');
    });

    it('refuses an executable with 415, naming what it found, and stores nothing', async () => {
      const id = await newCase();
      const res = await upload(id, 'invoice.pdf', exeBytes);
      const body = (await res.json()) as { code: string; detail: string };
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(body.code).toBe('document.type_refused');
      expect(body.detail).toContain('application/x-msdownload (.exe)');
      expect(body.detail).toContain('PDF');
      expect((await json('GET', `/api/cases/${id}/documents?removed=true`, undefined, agent)).body.items).toEqual([]);
      expect(await historyTypes(id)).toEqual(['case.created']);
    });

    it('refuses a 50 MB upload with 413, stores nothing, and answers other requests meanwhile', async () => {
      const id = await newCase();
      // 50 MB produced as it is sent: the client does not hold it either
      const total = 50 * 1024 * 1024;
      const piece = new Uint8Array(1024 * 1024).fill(0x41);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= total) return controller.close();
          sent += piece.length;
          controller.enqueue(piece);
        },
      });
      const boundary = 'dossier-test-boundary';
      const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`);
      const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
      const reader = body.getReader();
      let stage = 0;
      const multipart = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (stage === 0) {
            stage = 1;
            return controller.enqueue(head);
          }
          if (stage === 1) {
            const next = await reader.read();
            if (next.done !== true) return controller.enqueue(next.value);
            stage = 2;
            return controller.enqueue(tail);
          }
          controller.close();
        },
      });
      const uploading = fetch(`${server.url}/api/cases/${id}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: multipart,
        duplex: 'half',
      } as RequestInit);
      // while it streams in, the host answers
      const health = await fetch(`${server.url}/api/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const res = await uploading;
      const problem = (await res.json()) as { code: string; detail: string };
      expect(res.status).toBe(413);
      expect(problem.code).toBe('document.too_large');
      expect(problem.detail).toContain('20 MB');
      expect(sent).toBe(total);
      expect((await json('GET', `/api/cases/${id}/documents?removed=true`, undefined, agent)).body.items).toEqual([]);
      if (target.documentsDir === true) expect(readdirSync(join(dir, 'documents', 'default')).filter((f) => f.endsWith('.part'))).toEqual([]);
      expect(await historyTypes(id)).toEqual(['case.created']);
    });

    it('stores nothing of an upload whose client goes away half-way, and goes on answering', async () => {
      const id = await newCase();
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      const boundary = 'gone';
      socket.write(
        `POST /api/cases/${id}/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${agent}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\n\r\n`,
      );
      socket.write(Buffer.alloc(1024 * 1024, 0x41));
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      await expect.poll(async () => (await json('GET', `/api/cases/${id}/documents?removed=true`, undefined, agent)).body.items).toEqual([]);
      expect(await historyTypes(id)).toEqual(['case.created']);
    });

    it('keeps tenants apart: another tenant gets 404 for the case and its documents', async () => {
      const id = await newCase();
      const added = (await (await upload(id, 'receipt.pdf', pdfBytes)).json()) as { id: string };
      const list = await json('GET', `/api/cases/${id}/documents`, undefined, otherTenant);
      expect([list.status, list.body.code]).toEqual([404, 'case.not_found']);
      const read = await fetch(`${server.url}/api/cases/${id}/documents/${added.id}`, { headers: { authorization: `Bearer ${otherTenant}` } });
      expect([read.status, ((await read.json()) as { code: string }).code]).toEqual([404, 'document.not_found']);
      const removed = await json('DELETE', `/api/cases/${id}/documents/${added.id}`, undefined, otherTenant);
      expect(removed.status).toBe(404);
      const sneaked = await upload(id, 'x.pdf', pdfBytes, { token: otherTenant });
      expect(sneaked.status).toBe(404);
      expect((await json('GET', `/api/cases/${id}/documents`, undefined, agent)).body.items.map((d: { id: string }) => d.id)).toEqual([added.id]);
    });

    it('removes a document softly: gone from the list, kept in history and readable', async () => {
      const id = await newCase();
      const added = (await (await upload(id, 'receipt.pdf', pdfBytes, { field: '/proofs' })).json()) as { id: string };
      const removed = await json('DELETE', `/api/cases/${id}/documents/${added.id}`, undefined, agent);
      expect([removed.status, removed.body.removedBy, typeof removed.body.removedAt]).toEqual([200, 'dana', 'string']);
      expect((await json('GET', `/api/cases/${id}/documents`, undefined, agent)).body.items).toEqual([]);
      const all = await json('GET', `/api/cases/${id}/documents?removed=true`, undefined, agent);
      expect(all.body.items.map((d: { id: string; removedBy: string }) => [d.id, d.removedBy])).toEqual([[added.id, 'dana']]);
      expect(await historyTypes(id)).toEqual(['case.created', 'document.added', 'document.removed']);
      const kase = await json('GET', `/api/cases/${id}`, undefined, agent);
      expect(kase.body.data.proofs).toEqual([]);
      const again = await json('DELETE', `/api/cases/${id}/documents/${added.id}`, undefined, agent);
      expect([again.status, again.body.code]).toEqual([409, 'document.removed']);
      const read = await fetch(`${server.url}/api/cases/${id}/documents/${added.id}`, { headers: { authorization: `Bearer ${agent}` } });
      expect(Buffer.from(await read.arrayBuffer()).equals(pdfBytes)).toBe(true);
    });

    it('holds an event back while the documents field is empty and lets it through after an upload', async () => {
      const id = await newCase();
      const refused = await json('POST', `/api/cases/${id}/events`, { type: 'SUBMIT' }, agent);
      expect([refused.status, refused.body.code, refused.body.rules]).toEqual([422, 'rule.failed', ['hasProof']]);
      const res = await upload(id, 'receipt.pdf', pdfBytes, { field: '/proofs' });
      const added = (await res.json()) as { id: string; field: string };
      expect([res.status, added.field]).toEqual([201, '/proofs']);
      const kase = await json('GET', `/api/cases/${id}`, undefined, agent);
      expect(kase.body.data.proofs).toEqual([{ id: added.id, name: 'receipt.pdf', contentType: 'application/pdf', size: pdfBytes.length, sha256: sha256(pdfBytes) }]);
      const accepted = await json('POST', `/api/cases/${id}/events`, { type: 'SUBMIT' }, agent);
      expect([accepted.status, accepted.body.state]).toEqual([200, 'submitted']);
      // a closed case takes no more documents
      const late = await upload(id, 'late.pdf', pdfBytes);
      expect([late.status, ((await late.json()) as { code: string }).code]).toEqual([409, 'event.not_accepted']);
    });

    it('checks the documents field: its maxItems, that it is one, and that events cannot write it', async () => {
      const id = await newCase();
      expect((await upload(id, 'a.png', pngBytes, { field: '/photos' })).status).toBe(201);
      expect((await upload(id, 'b.png', pngBytes, { field: '/photos' })).status).toBe(201);
      const third = await upload(id, 'c.png', pngBytes, { field: '/photos' });
      const problem = (await third.json()) as { code: string; problems: { pointer: string }[] };
      expect([third.status, problem.code, problem.problems.map((p) => p.pointer)]).toEqual([422, 'data.invalid', ['/photos']]);
      const notField = await upload(id, 'd.png', pngBytes, { field: '/customer' });
      expect([notField.status, ((await notField.json()) as { code: string }).code]).toEqual([422, 'data.invalid']);
      const forged = await json('POST', `/api/cases/${id}/events`, { type: 'SUBMIT', data: { proofs: [{ id: 'x', name: 'x', contentType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) }] } }, agent);
      expect([forged.status, forged.body.code, forged.body.problems[0].pointer]).toEqual([422, 'data.invalid', '/proofs']);
      // the refused ones left nothing behind, in the database or in the documents directory
      const kept = (await json('GET', `/api/cases/${id}/documents?removed=true`, undefined, agent)).body.items as { id: string; name: string }[];
      expect(kept.map((d) => d.name).sort()).toEqual(['a.png', 'b.png']);
      if (target.documentsDir === true) {
        const files = new Set(readdirSync(join(dir, 'documents', 'default')));
        expect(kept.every((d) => files.has(d.id))).toBe(true);
        expect([...files].some((f) => f.endsWith('.part'))).toBe(false);
      }
    });

    it("gives a partner's people the documents of a shared documents field only, and takes theirs only into one", async () => {
      expect((await json('PUT', '/api/partners/backoffice', { title: 'Back office', queues: ['claims'] })).status).toBe(200);
      const partner = (await json('POST', '/api/tokens', { name: 'bo-piet', roles: ['agent'], partner: 'backoffice' })).body.token as string;
      const id = await newCase();
      const proof = (await (await upload(id, 'receipt.pdf', pdfBytes, { field: '/proofs' })).json()) as { id: string };
      const photo = (await (await upload(id, 'kettle.png', pngBytes, { field: '/photos' })).json()) as { id: string };
      const loose = (await (await upload(id, 'notes.txt', new TextEncoder().encode('internal notes\n'))).json()) as { id: string };
      const list = await json('GET', `/api/cases/${id}/documents`, undefined, partner);
      expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([proof.id]);
      for (const hidden of [photo.id, loose.id]) {
        const read = await fetch(`${server.url}/api/cases/${id}/documents/${hidden}`, { headers: { authorization: `Bearer ${partner}` } });
        expect(read.status).toBe(404);
      }
      const shared = await fetch(`${server.url}/api/cases/${id}/documents/${proof.id}`, { headers: { authorization: `Bearer ${partner}` } });
      expect(Buffer.from(await shared.arrayBuffer()).equals(pdfBytes)).toBe(true);
      const unshared = await upload(id, 'x.png', pngBytes, { token: partner, field: '/photos' });
      expect([unshared.status, ((await unshared.json()) as { code: string }).code]).toEqual([403, 'partner.not_shared']);
      const theirs = await upload(id, 'invoice.pdf', pdfBytes, { token: partner, field: '/proofs' });
      expect([theirs.status, ((await theirs.json()) as { addedBy: string }).addedBy]).toEqual([201, 'bo-piet']);
    });

    it('answers a body that is not multipart, or has no file, with a clear problem', async () => {
      const id = await newCase();
      const notMultipart = await json('POST', `/api/cases/${id}/documents`, { file: 'x' }, agent);
      expect([notMultipart.status, notMultipart.body.code]).toEqual([415, 'request.unsupported_media_type']);
      const form = new FormData();
      form.append('note', 'no file here');
      const noFile = await fetch(`${server.url}/api/cases/${id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${agent}` }, body: form });
      expect([noFile.status, ((await noFile.json()) as { code: string }).code]).toEqual([400, 'request.invalid']);
      // a body cut before its closing boundary: refused, nothing stored
      const cut = await fetch(`${server.url}/api/cases/${id}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': 'multipart/form-data; boundary=cut' },
        body: `--cut\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n`,
      });
      expect([cut.status, ((await cut.json()) as { code: string }).code]).toEqual([400, 'request.invalid']);
      expect((await json('GET', `/api/cases/${id}/documents?removed=true`, undefined, agent)).body.items).toEqual([]);
      const missing = await upload('no-such-case', 'receipt.pdf', pdfBytes);
      expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([404, 'case.not_found']);
    });
  });
}
