// /api/migrations over HTTP (issue 19): the answers' statuses and problem bodies — a plan for the wrong
// case type or version, an unknown state, a default that does not fit, a plan applied twice: each a 422
// naming the problem, nothing changed; progress and the cases of a migration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintData, complaintV2 } from '../../complaint-versions.ts';
import { createHarness, type Harness } from './harness.ts';

let h: Harness;
let caseId: string;
const plan = { caseType: 'complaint', from: 1, to: 2, states: { approval: 'resolving' }, data: { defaults: { '/language': 'nl' } } };

beforeAll(async () => {
  h = await createHarness();
  caseId = (await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'complaint', data: complaintData })).body.id as string;
  await h.store.publish('default', 'complaint', complaintV2(), h.clock.now());
});

afterAll(async () => {
  await h.close();
});

describe('/api/migrations', () => {
  it('applies to the cases its dry run shows: hand-picked ids and the other criteria together', async () => {
    const other = (await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'complaint', data: { ...complaintData, language: 'en' } })).body.id as string;
    expect((await h.call('GET', `/api/cases/${other}`, h.tokens.admin)).body.version).toBe(2);
    // the case on version 1 is in triage; the plan picks it and a version-2 case by id, but only cases in 'collect'
    const picky = { ...plan, title: 'picky', cases: { ids: [caseId, other, 'missing'], states: ['collect'] } };
    const dry = await h.call('POST', '/api/migrations/dry-run', h.tokens.admin, picky);
    expect(dry.body.counts).toEqual({ total: 0, migrates: 0, cannot: 0 });
    const started = await h.call('POST', '/api/migrations', h.tokens.admin, picky);
    expect([started.status, started.body.counts.total]).toEqual([202, 0]);
    expect((await h.call('GET', `/api/cases/${caseId}`, h.tokens.admin)).body.version).toBe(1);
  });

  it('answers 422 migration.invalid naming each problem in the plan, and changes nothing', async () => {
    const cases: [unknown, string[]][] = [
      [{ ...plan, caseType: 'nope' }, ['/caseType']],
      // another case type, with one version only
      [{ ...plan, caseType: 'order-inquiry' }, ['/to']],
      [{ ...plan, from: 7 }, ['/from']],
      [{ ...plan, states: { limbo: 'triage' } }, ['/states/limbo']],
      [{ ...plan, data: { defaults: { '/language': 'fr' } } }, ['/data/defaults/~1language']],
      [{ ...plan, extra: 1 }, ['/extra']],
    ];
    for (const [body, pointers] of cases) {
      for (const path of ['/api/migrations/dry-run', '/api/migrations']) {
        const res = await h.call('POST', path, h.tokens.admin, body);
        expect([path, res.status, res.headers.get('content-type'), res.body.code, res.body.problems.map((p: { pointer: string }) => p.pointer)]).toEqual([
          path, 422, 'application/problem+json', 'migration.invalid', pointers,
        ]);
      }
    }
    expect((await h.call('GET', '/api/migrations', h.tokens.admin)).body.items.map((m: { title: string }) => m.title)).toEqual(['picky']);
    expect((await h.call('GET', `/api/cases/${caseId}`, h.tokens.admin)).body.version).toBe(1);
    expect((await h.call('POST', '/api/migrations', h.tokens.admin, '{"caseType":')).status).toBe(400);
    // a NUL character anywhere (PostgreSQL keeps none): a 422 at its place, not a fault of the store
    const nul = await h.call('POST', '/api/migrations', h.tokens.admin, { ...plan, cases: { ids: [`${caseId}\u0000`] } });
    expect([nul.status, nul.body.code, nul.body.problems]).toEqual([422, 'migration.invalid', [{ pointer: '/cases/ids/0', message: '/cases/ids/0 holds a NUL character (U+0000); remove it' }]]);
  });

  it('dry-runs, applies, reports progress and the cases, and refuses the plan a second time', async () => {
    const dry = await h.call('POST', '/api/migrations/dry-run?limit=5', h.tokens.admin, plan);
    expect([dry.status, dry.body.counts, dry.body.cases[0].summary.patch]).toEqual([200, { total: 1, migrates: 1, cannot: 0 }, [{ op: 'add', path: '/language', value: 'nl' }]]);
    const started = await h.call('POST', '/api/migrations', h.tokens.admin, plan);
    expect([started.status, started.headers.get('location')]).toEqual([202, `/api/migrations/${String(started.body.id)}`]);
    let view = (await h.call('GET', `/api/migrations/${String(started.body.id)}`, h.tokens.admin)).body;
    for (let i = 0; view.status !== 'done' && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 10));
      view = (await h.call('GET', `/api/migrations/${String(started.body.id)}`, h.tokens.admin)).body;
    }
    expect([view.status, view.counts, view.startedBy]).toEqual(['done', { total: 1, pending: 0, migrated: 1, blocked: 0, skipped: 0 }, 'admin']);
    const items = await h.call('GET', `/api/migrations/${String(started.body.id)}/cases?status=migrated`, h.tokens.admin);
    expect(items.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([caseId]);
    const kase = await h.call('GET', `/api/cases/${caseId}`, h.tokens.admin);
    expect([kase.body.version, kase.body.data.language]).toEqual([2, 'nl']);
    const again = await h.call('POST', '/api/migrations', h.tokens.admin, plan);
    expect([again.status, again.body.code]).toEqual([422, 'migration.applied']);
    expect((await h.call('GET', '/api/migrations/nope', h.tokens.admin)).body.code).toBe('migration.not_found');
    expect((await h.call('GET', `/api/migrations/${String(started.body.id)}/cases?status=odd`, h.tokens.admin)).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['x'])).toString('base64url');
    expect((await h.call('GET', `/api/migrations/${String(started.body.id)}/cases?cursor=${forged}`, h.tokens.admin)).body.code).toBe('cursor.invalid');
    const suggested = await h.call('GET', '/api/case-types/complaint/migration-plan', h.tokens.admin);
    expect(suggested.body).toEqual({ plan: { caseType: 'complaint', from: 1, to: 2, data: { defaults: { '/language': 'en' } } }, needsDefaults: [] });
  });
});
