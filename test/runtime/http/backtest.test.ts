// POST /api/case-types/:key/backtest on the real server (`dossier serve` on loopback, a real SQLite file):
// cases driven over HTTP, then replayed on a saved draft and on a definition in the body; bad input is a
// 422 naming the problem, and nothing is written.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { TEMPLATES } from './harness.ts';

const ADMIN = 'backtest-admin-secret';
const complaint = JSON.parse(readFileSync(join(TEMPLATES, 'complaint.case.json'), 'utf8')) as { playbook: { states: Record<string, { on?: Record<string, unknown> }> } } & Record<string, unknown>;
const data = { customer: { name: 'Anna de Vries' }, channel: 'email', description: 'Charged twice.' };

let server: RunningServer;
let dir: string;
let tokens: { analyst: string; agent: string };
const ids: Record<'triaged' | 'withdrawn' | 'fresh', string> = { triaged: '', withdrawn: '', fresh: '' };
const references: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON bodies field by field
async function call(method: string, path: string, body?: unknown, token = ADMIN): Promise<{ status: number; type: string | null; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

async function created(): Promise<string> {
  const res = await call('POST', '/api/cases', { caseType: 'complaint', data });
  expect(res.status).toBe(201);
  references[res.body.id as string] = res.body.reference as string;
  return res.body.id as string;
}

/** The complaint template without WITHDRAW in triage: a complaint withdrawn at triage is refused there. */
function withoutWithdrawAtTriage(): Record<string, unknown> {
  const draft = structuredClone(complaint);
  delete draft.playbook.states.triage?.on?.WITHDRAW;
  return draft;
}

describe('POST /api/case-types/:key/backtest over loopback', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-backtest-'));
    server = await startServer({ db: join(dir, 'dossier.db'), port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, adminToken: ADMIN, logger: silentLogger });
    tokens = {
      analyst: (await call('POST', '/api/tokens', { name: 'ana', roles: ['analyst'] })).body.token as string,
      agent: (await call('POST', '/api/tokens', { name: 'bob', roles: ['agent'] })).body.token as string,
    };
    // oldest first: triaged (open, investigating), withdrawn at triage (closed), fresh (open, triage)
    ids.triaged = await created();
    expect((await call('POST', `/api/cases/${ids.triaged}/events`, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } })).status).toBe(200);
    ids.withdrawn = await created();
    expect((await call('POST', `/api/cases/${ids.withdrawn}/events`, { type: 'WITHDRAW' })).status).toBe(200);
    ids.fresh = await created();
    const saved = await call('PUT', '/api/case-types/complaint/draft', withoutWithdrawAtTriage(), tokens.analyst);
    expect([saved.status, saved.body.valid]).toEqual([200, true]);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("replays the newest cases on the saved draft: the withdrawn complaint is refused at its WITHDRAW, the others go as recorded", async () => {
    const res = await call('POST', '/api/case-types/complaint/backtest', {}, tokens.analyst);
    expect(res.status).toBe(200);
    expect([res.body.caseType, res.body.version, res.body.draft, res.body.status, res.body.requested]).toEqual(['complaint', 1, 'saved', 'any', 500]);
    const { cases, diverged, rejected, routed, reproduced, endStates } = res.body.summary;
    expect([cases, diverged, rejected, routed, reproduced]).toEqual([3, 1, 1, 0, 3]);
    // newest first, each with its reference
    expect(res.body.cases.map((c: { id: string; reference: string }) => [c.id, c.reference])).toEqual(
      [ids.fresh, ids.withdrawn, ids.triaged].map((id) => [id, references[id]]),
    );
    const withdrawn = res.body.cases[1];
    expect(withdrawn).toMatchObject({
      diverged: true,
      divergence: { kind: 'rejected', seq: 2, event: 'WITHDRAW', code: 'event.not_accepted' },
      endBefore: ['withdrawn'],
      endAfter: ['triage'],
      closedBefore: true,
      closedAfter: false,
    });
    expect(withdrawn.slas).toEqual([
      { name: 'firstResponse', before: { status: 'cancelled', breached: false }, after: { status: 'running', breached: false } },
      { name: 'resolution', before: { status: 'cancelled', breached: false }, after: { status: 'running', breached: false } },
    ]);
    expect(endStates).toEqual(
      expect.arrayContaining([
        { states: ['triage'], before: 1, after: 2 },
        { states: ['withdrawn'], before: 1, after: 0 },
        { states: ['collect'], before: 1, after: 1 },
      ]),
    );
    expect(res.body.summary.slas.find((s: { name: string }) => s.name === 'firstResponse').changes).toEqual([{ from: 'cancelled', to: 'running', count: 1 }]);
  });

  it('takes the number of cases, the status, and a definition in the body instead of the draft', async () => {
    const closed = await call('POST', '/api/case-types/complaint/backtest', { status: 'closed' }, tokens.analyst);
    expect([closed.status, closed.body.summary.cases, closed.body.cases[0].id]).toEqual([200, 1, ids.withdrawn]);
    const open = await call('POST', '/api/case-types/complaint/backtest', { status: 'open', cases: 1 });
    expect([open.status, open.body.status, open.body.cases.map((c: { id: string }) => c.id)]).toEqual([200, 'open', [ids.fresh]]);
    const asPublished = await call('POST', '/api/case-types/complaint/backtest', { definition: complaint }, tokens.analyst);
    expect([asPublished.status, asPublished.body.draft, asPublished.body.summary.cases, asPublished.body.summary.diverged]).toEqual([200, 'request', 3, 0]);
    // an empty body is the defaults
    const res = await fetch(`${server.url}/api/case-types/complaint/backtest`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` } });
    expect([res.status, ((await res.json()) as { summary: { cases: number } }).summary.cases]).toEqual([200, 3]);
  });

  it('answers bad input with a 422 naming the problem, and changes nothing', async () => {
    const before = await call('GET', `/api/cases/${ids.fresh}/history`);
    for (const [body, pointer] of [
      [{ cases: 0 }, '/cases'],
      [{ cases: 10_001 }, '/cases'],
      [{ cases: 2.5 }, '/cases'],
      [{ cases: '50' }, '/cases'],
      [{ status: 'done' }, '/status'],
      [{ count: 5 }, '/count'],
    ] as const) {
      const res = await call('POST', '/api/case-types/complaint/backtest', body, tokens.analyst);
      expect([JSON.stringify(body), res.status, res.type, res.body.code, res.body.problems.map((p: { pointer: string }) => p.pointer)]).toEqual([
        JSON.stringify(body), 422, 'application/problem+json', 'backtest.invalid', [pointer],
      ]);
    }
    const tooMany = await call('POST', '/api/case-types/complaint/backtest', { cases: 10_001 }, tokens.analyst);
    expect(tooMany.body.detail).toBe('The backtest request is not valid: /cases must be a whole number from 1 to 10,000.');
    const array = await call('POST', '/api/case-types/complaint/backtest', [1], tokens.analyst);
    expect([array.status, array.body.code]).toEqual([422, 'backtest.invalid']);
    // an invalid definition names its problems
    const broken = { ...complaint, playbook: { ...complaint.playbook, initial: 'nowhere' } };
    const invalid = await call('POST', '/api/case-types/complaint/backtest', { definition: broken }, tokens.analyst);
    expect([invalid.status, invalid.body.code]).toEqual([422, 'definition.invalid']);
    expect(invalid.body.problems.some((p: { pointer: string; severity: string }) => p.pointer === '/playbook/initial' && p.severity === 'error')).toBe(true);
    // a definition of another key
    const other = await call('POST', '/api/case-types/complaint/backtest', { definition: { ...complaint, key: 'other' } }, tokens.analyst);
    expect([other.status, other.body.problems.map((p: { code: string }) => p.code)]).toEqual([422, ['draft.key_mismatch']]);
    // no published case type; no draft; a role that may not edit drafts
    expect((await call('POST', '/api/case-types/nothing-here/backtest', {})).body.code).toBe('case_type.not_found');
    expect((await call('POST', '/api/case-types/order-inquiry/backtest', {})).body.code).toBe('draft.not_found');
    expect([(await call('POST', '/api/case-types/complaint/backtest', {}, tokens.agent)).status]).toEqual([403]);
    const after = await call('GET', `/api/cases/${ids.fresh}/history`);
    expect(after.body).toEqual(before.body);
  });
});
