// Slow and broken clients against the real Node server (startServer on loopback, short time-outs): a
// client that sends part of a body and closes is one log line without a stack and no 500; one that
// holds a connection with part of its headers or body is cut off with 408; a body that is not JSON by
// its Content-Type gets 415. Raw sockets, since fetch cannot send half a request.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../runtime/cli/serve.ts';
import { createLogger } from '../../runtime/host/logger.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');
const ADMIN = 'slow-clients-admin-secret';

let dir: string;
let server: RunningServer;
const log: { level: string; message: string; [key: string]: unknown }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-slow-'));
  server = await startServer({
    db: join(dir, 'dossier.db'),
    port: 0,
    host: '127.0.0.1',
    templatesDir: TEMPLATES,
    adminToken: ADMIN,
    logger: createLogger('info', (line) => log.push(JSON.parse(line) as (typeof log)[number])),
    headersTimeoutMs: 500,
    requestTimeoutMs: 1000,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a raw connection, writes `text`, and resolves with what the server sent until it closed. */
function rawRequest(text: string, { closeAfterMs }: { closeAfterMs?: number } = {}): Promise<{ received: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
    let received = '';
    let closedByUs = false;
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.once('error', (error) => (closedByUs ? undefined : reject(error)));
    socket.once('close', () => resolve({ received, closedByServer: !closedByUs }));
    socket.once('connect', () => {
      socket.write(text);
      if (closeAfterMs !== undefined)
        setTimeout(() => {
          closedByUs = true;
          socket.destroy();
        }, closeAfterMs);
    });
  });
}

const head = (path: string, length: number, type = 'application/json') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`;

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('slow and broken requests', () => {
  it('a client that sends part of a body and closes: one warning line without a stack, no 500, nothing created', async () => {
    const before = await fetch(`${server.url}/api/cases?limit=200`, { headers: { authorization: `Bearer ${ADMIN}` } }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    await rawRequest(`${head('/api/cases', 60)}{"caseType":"compl`, { closeAfterMs: 100 });
    await until(() => log.some((l) => l.message.startsWith('client closed')));
    expect(log.filter((l) => l.level === 'error')).toEqual([]);
    expect(log.filter((l) => l.message.startsWith('client closed'))).toEqual([
      expect.objectContaining({ level: 'warn', message: 'client closed the request before its body was complete', method: 'POST', path: '/api/cases' }),
    ]);
    expect(JSON.stringify(log)).not.toContain('    at ');
    const after = await fetch(`${server.url}/api/cases?limit=200`, { headers: { authorization: `Bearer ${ADMIN}` } }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    expect(after.items.length).toBe(before.items.length);
  });

  it('a client that sends 7 of 10 body bytes and holds the connection is answered 408 and cut off', async () => {
    const { received, closedByServer } = await rawRequest(`${head('/api/cases', 10)}{"caseTy`);
    expect(closedByServer).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  it('a client that sends part of its headers and holds the connection is answered 408 and cut off', async () => {
    const { received, closedByServer } = await rawRequest(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    expect(closedByServer).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  it('the server answers others meanwhile', async () => {
    const held = rawRequest(`${head('/api/cases', 10)}{"caseTy`);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await held;
  });
});

describe('Content-Type on JSON routes', () => {
  const post = (type: string, body: string) =>
    fetch(`${server.url}/api/validate`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': type }, body });
  const definition = JSON.stringify({ key: 'xy', title: 'X', data: { type: 'object' }, playbook: { initial: 'a', states: { a: { type: 'final' } } } });

  it('answers 415 with a problem naming the type for a body that is not JSON by its Content-Type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const res = await post(type, definition);
      expect([type, res.status, res.headers.get('content-type')]).toEqual([type, 415, 'application/problem+json']);
      const body = (await res.json()) as { code: string; detail: string };
      expect(body.code).toBe('request.unsupported_media_type');
      expect(body.detail).toBe(`The body must be JSON (Content-Type: application/json); got '${type}'.`);
    }
  });

  it('takes JSON with parameters, +json types, and a body without Content-Type (as scripts send)', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) {
      const res = await post(type, definition);
      expect([type, res.status]).toEqual([type, 200]);
    }
    // fetch always sends a Content-Type with a string body: without one, over a raw socket
    const raw = `POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Length: ${Buffer.byteLength(definition)}\r\nConnection: close\r\n\r\n${definition}`;
    const { received } = await rawRequest(raw);
    expect(received).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(received).toContain('{"valid":');
  });
});
