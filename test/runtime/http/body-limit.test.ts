// The body limit over a real Node server (runtime/http/body.ts limitBody): there it reads the framing
// headers instead of the body stream; the answers are those of Hono's bodyLimit (app.request in the other tests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { TEMPLATES } from './harness.ts';

const ADMIN = 'body-limit-admin-secret';
const MIB = 1024 * 1024;
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-body-limit-'));
  server = await startServer({ db: join(dir, 'dossier.db'), port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, adminToken: ADMIN, logger: silentLogger });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const anna = { customer: { name: 'Anna de Vries', email: 'anna.devries@example.com' }, channel: 'email', description: 'Charged twice.' };

/** A valid complaint padded with blanks (still JSON) to `size` bytes and a little more. */
function complaint(size: number): string {
  return JSON.stringify({ caseType: 'complaint', data: anna }) + ' '.repeat(size);
}

/** The text in 64 KiB chunks: fetch sends it with Transfer-Encoding: chunked and no Content-Length. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += 64 * 1024)));
    },
  });
}

async function post(body: string | ReadableStream<Uint8Array>): Promise<{ status: number; code: unknown; type: string | null }> {
  const res = await fetch(`${server.url}/api/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  const json = (await res.json()) as { code?: unknown };
  return { status: res.status, code: json.code, type: res.headers.get('content-type') };
}

describe('the body limit on the Node server', () => {
  it('refuses a Content-Length over 1 MiB with 413 request.too_large', async () => {
    expect(await post(complaint(MIB))).toEqual({ status: 413, code: 'request.too_large', type: 'application/problem+json' });
  });

  it('refuses a chunked body over 1 MiB with 413 request.too_large', async () => {
    expect(await post(chunked(complaint(MIB)))).toEqual({ status: 413, code: 'request.too_large', type: 'application/problem+json' });
  });

  it('takes bodies under the limit, with a Content-Length or chunked', async () => {
    expect((await post(complaint(MIB / 2))).status).toBe(201);
    expect((await post(chunked(complaint(MIB / 2)))).status).toBe(201);
  });

  it('lets requests without a body through', async () => {
    const res = await fetch(`${server.url}/api/cases`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
  });
});
