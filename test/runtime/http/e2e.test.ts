// End to end: the real server (`dossier serve`) on a loopback port and a real SQLite file, driven
// with fetch from creation to the closed state along the complaint template's happy-path scenario.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs, serveCommand, startServer, type RunningServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { TEMPLATES } from './harness.ts';

interface Step {
  send?: string;
  data?: unknown;
  expect?: { rejected?: string; state?: unknown };
}

describe('dossier serve, end to end over loopback', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('drives a complaint from creation through its events to closed, and keeps it across a restart', async () => {
    // given a fresh server on port 0 with a fixed admin token
    const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'dossier.db');
    const start = () => startServer({ db, port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, adminToken: 'e2e-admin-secret', logger: silentLogger });
    let server: RunningServer = await start();
    cleanups.push(() => server.close());
    expect(server.adminToken).toBe('e2e-admin-secret');
    expect(server.seeded).toContain('complaint');
    const call = async (method: string, path: string, body?: unknown, token = 'e2e-admin-secret') => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as { [key: string]: unknown } };
    };
    // an agent token with the complaint roles
    const issued = await call('POST', '/api/tokens', { name: 'dana', roles: ['agent', 'intake-agent', 'investigator', 'supervisor'] });
    expect(issued.status).toBe(201);
    const agent = issued.body.token as string;

    // when the happy-path scenario is played over HTTP
    const scenario = JSON.parse(readFileSync(join(TEMPLATES, 'complaint.happy-path.scenario.json'), 'utf8')) as { data: unknown; steps: Step[] };
    const created = await call('POST', '/api/cases', { caseType: 'complaint', data: scenario.data }, agent);
    expect([created.status, created.etag, created.body.state]).toEqual([201, '"1"', 'triage']);
    const id = created.body.id as string;
    let accepted = 1;
    for (const step of scenario.steps) {
      if (step.send === undefined) continue;
      const res = await call('POST', `/api/cases/${id}/events`, step.data === undefined ? { type: step.send } : { type: step.send, data: step.data }, agent);
      if (step.expect?.rejected !== undefined) {
        expect([step.send, res.body.code]).toEqual([step.send, step.expect.rejected]);
      } else {
        accepted += 1;
        expect([step.send, res.status, res.etag]).toEqual([step.send, 200, `"${accepted}"`]);
        if (step.expect?.state !== undefined) expect(res.body.state).toEqual(step.expect.state);
      }
    }

    // then the case is closed and its history has one entry per accepted event
    const closed = await call('GET', `/api/cases/${id}`, undefined, agent);
    expect([closed.body.state, closed.body.revision, typeof closed.body.closedAt]).toEqual(['closed', accepted, 'string']);
    const history = await call('GET', `/api/cases/${id}/history?limit=200`, undefined, agent);
    expect((history.body.items as { seq: number }[]).map((e) => e.seq)).toEqual(Array.from({ length: accepted }, (_, i) => i + 1));

    // and after a restart the case is still there and no new admin token is printed
    await server.close();
    server = await start();
    expect(server.adminToken).toBeNull();
    expect(server.seeded).toEqual([]);
    const again = await call('GET', `/api/cases/${id}`, undefined, agent);
    expect([again.status, again.body.state, again.body.revision]).toEqual([200, 'closed', accepted]);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('parses serve options with the documented defaults and refuses bad usage with exit code 2', async () => {
    expect(parseServeArgs([], '/srv')).toEqual({ ok: true, options: { db: '/srv/dossier.db', port: 3000, host: '127.0.0.1' } });
    expect(parseServeArgs(['--db', 'x.db', '--port', '8080', '--host', '0.0.0.0'], '/srv')).toEqual({
      ok: true,
      options: { db: '/srv/x.db', port: 8080, host: '0.0.0.0' },
    });
    expect(parseServeArgs(['--port', 'abc'], '/srv')).toEqual({ ok: false, message: "--port must be a number from 0 to 65535; got 'abc'." });
    const err: string[] = [];
    const code = await serveCommand(['--verbose'], { out: () => undefined, err: (line) => err.push(line), cwd: '/srv' });
    expect(code).toBe(2);
    expect(err).toEqual(["dossier serve: unknown option '--verbose' (dossier serve --help lists the options)."]);
  });
});
