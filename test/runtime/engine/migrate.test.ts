// Migration of running cases (issue 19), on the pure engine: complaint cases in every open state of
// version 1 — with running, paused and warning SLAs and pending timers — move to version 2 (a state
// split, a state removed, a new required field with a default) and go on there.
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  checkMigrationPlan,
  compileCaseType,
  createCase,
  fireTimer,
  migrateCase,
  suggestMigrationPlan,
  validateMigrationPlan,
} from '../../../runtime/engine/index.ts';
import type { Case, CaseData, CompiledCaseType, MigrationPlan } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { complaintData, complaintPaths, complaintV1, complaintV2 } from '../../complaint-versions.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const hours = (n: number): string => new Date(Date.parse(T0) + n * 3_600_000).toISOString();
const NOW = hours(6);

const v1 = compileCaseType({ ...complaintV1(), version: 1 });
const v2 = compileCaseType({ ...complaintV2(), version: 2 });
const admin = { id: 'ops-admin', roles: ['admin'] };

const plan: MigrationPlan = { caseType: 'complaint', from: 1, to: 2, states: { approval: 'resolving' }, data: { defaults: { '/language': 'en' } } };

function caseIn(state: string, type: CompiledCaseType = v1, id = `C-${state}`): Case {
  let kase = ok(createCase(type, { id, data: complaintData as CaseData }, T0, admin)).case;
  complaintPaths[state]?.forEach((event, i) => {
    kase = ok(applyEvent(type, kase, event as { type: string; data?: CaseData }, hours((i + 1) * 0.25), admin)).case;
  });
  return JSON.parse(JSON.stringify(kase)) as Case;
}

function ok<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected success: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

function migrated(kase: Case, p: MigrationPlan = plan, now = NOW) {
  return ok(migrateCase(p, v1, v2, kase, now, { actor: admin, planId: 'plan-1' }));
}

describe('migrating complaint cases from version 1 to version 2', () => {
  it('the plan is valid for the two versions', () => {
    expect(validateMigrationPlan(plan)).toEqual({ ok: true, plan });
    expect(checkMigrationPlan(plan, v1, v2)).toEqual([]);
  });

  it('a case in triage stays there, keeps its task and its running first-response clock', () => {
    const kase = caseIn('triage');
    const out = migrated(kase);
    expect(out.case.version).toBe(2);
    expect(out.case.revision).toBe(kase.revision + 1);
    expect(out.case.state).toBe('triage');
    expect(out.case.tasks.map((t) => [t.id, t.title])).toEqual(kase.tasks.map((t) => [t.id, t.title]));
    expect(out.case.slas).toEqual(kase.slas);
    expect(out.case.timers).toEqual(kase.timers);
    expect(out.case.data['language']).toBe('en');
    expect(out.history.event).toEqual({ type: 'case.migrated', data: { plan: 'plan-1', fromVersion: 1, toVersion: 2 } });
    expect(out.history.patch).toEqual([{ op: 'add', path: '/language', value: 'en' }]);
    expect(out.history.actor).toBe('ops-admin');
    expect(out.effects).toEqual([]);
  });

  it('a warning SLA stays at warning with its next rung pending', () => {
    let kase = caseIn('triage');
    const warning = kase.timers.find((t) => t.id.startsWith('sla.firstResponse'));
    kase = ok(fireTimer(v1, kase, warning!.id, warning!.dueAt)).case;
    expect(kase.slas.find((s) => s.name === 'firstResponse')?.status).toBe('warning');
    const out = migrated(kase);
    const sla = out.case.slas.find((s) => s.name === 'firstResponse');
    expect(sla?.status).toBe('warning');
    expect(sla?.rungs).toEqual(kase.slas.find((s) => s.name === 'firstResponse')?.rungs);
    expect(out.case.timers.find((t) => t.id.startsWith('sla.firstResponse'))?.id).toMatch(/goalMissed$/);
  });

  it('a case in investigation keeps its nested state and task', () => {
    for (const state of ['collect', 'analyse']) {
      const kase = caseIn(state);
      const out = migrated(kase);
      expect(out.case.state).toEqual({ investigating: state });
      expect(out.case.tasks.map((t) => t.id)).toEqual(kase.tasks.map((t) => t.id));
      expect(out.summary.tasks).toEqual({ kept: [kase.tasks[0]!.title], opened: [], closed: [] });
    }
  });

  it('a case waiting for the customer keeps its paused resolution clock and its no-reply timer', () => {
    const kase = caseIn('waitingForCustomer');
    const resolution = kase.slas.find((s) => s.name === 'resolution');
    expect(resolution?.status).toBe('paused');
    const out = migrated(kase);
    expect(out.case.state).toBe('waitingForCustomer');
    expect(out.case.slas.find((s) => s.name === 'resolution')).toEqual(resolution);
    expect(out.case.timers.find((t) => t.id === 'timer.noReply')).toEqual(kase.timers.find((t) => t.id === 'timer.noReply'));
  });

  it('a case in the split state enters its first step: the old task closes, the new one opens', () => {
    const kase = caseIn('resolving');
    const out = migrated(kase);
    expect(out.case.state).toEqual({ resolving: 'draft' });
    expect(out.case.tasks.map((t) => t.title)).toEqual(['Write the resolution']);
    expect(out.summary.tasks).toEqual({ kept: [], opened: ['Write the resolution'], closed: ['Write and send the resolution'] });
    expect(out.effects.map((e) => e.type)).toEqual(['closeTask', 'openTask']);
    // the history's note names the states by their titles
    expect(out.history.notes).toEqual(['Migrated from version 1 to version 2: Resolution → Write the resolution.']);
    // and it goes on in version 2
    const next = ok(applyEvent(v2, out.case, { type: 'RESOLUTION_DRAFTED' }, hours(7), admin));
    expect(next.case.state).toEqual({ resolving: 'check' });
    expect(next.case.tasks.map((t) => t.title)).toEqual(['Check the resolution']);
  });

  it('a case in the removed state moves where the plan maps it', () => {
    const kase = caseIn('approval');
    expect(kase.state).toBe('approval');
    const out = migrated(kase);
    expect(out.case.state).toEqual({ resolving: 'draft' });
    expect(out.summary.tasks.closed).toEqual(['Approve the compensation']);
    const sent = ok(applyEvent(v2, out.case, { type: 'PROPOSE_RESOLUTION' }, hours(7), admin));
    expect(sent.case.state).toBe('survey');
  });

  it('a case in the survey keeps its survey timer; a timer already due fires once after migration', () => {
    const kase = caseIn('survey');
    const expiry = kase.timers.find((t) => t.id === 'timer.surveyExpired');
    expect(expiry).toBeDefined();
    const late = new Date(Date.parse(expiry!.dueAt) + 3_600_000).toISOString();
    const out = migrated(kase, plan, late);
    expect(out.case.timers.find((t) => t.id === 'timer.surveyExpired')).toEqual(expiry);
    const fired = ok(fireTimer(v2, out.case, 'timer.surveyExpired', late));
    expect(fired.case.state).toBe('closed');
    expect(fired.case.timers.some((t) => t.id === 'timer.surveyExpired')).toBe(false);
    expect(fireTimer(v2, fired.case, 'timer.surveyExpired', late).ok).toBe(false);
  });

  it('SLAs restart or are cancelled as the plan says', () => {
    const kase = caseIn('triage');
    const restarted = migrated(kase, { ...plan, slas: { firstResponse: 'restart', resolution: 'cancel' } });
    const records = restarted.case.slas.map((s) => [s.id, s.status, s.startedAt, s.closedAt]);
    expect(records).toEqual([
      ['firstResponse#1', 'cancelled', T0, NOW],
      ['resolution#1', 'cancelled', T0, NOW],
      ['firstResponse#2', 'running', NOW, null],
    ]);
    expect(restarted.case.timers.map((t) => t.id)).toEqual(['sla.firstResponse#2.warning']);
    expect(restarted.summary.slas).toEqual([
      { name: 'firstResponse', action: 'restart', before: 'running', after: 'running' },
      { name: 'resolution', action: 'cancel', before: 'running', after: null },
    ]);
  });

  it('a case that cannot migrate says why and changes nothing', () => {
    const kase = caseIn('approval');
    const copy = JSON.parse(JSON.stringify(kase)) as Case;
    const out = migrateCase({ caseType: 'complaint', from: 1, to: 2 }, v1, v2, kase, NOW, { actor: admin, planId: 'p' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.blocks.map((b) => b.code)).toEqual(['state.unmapped', 'data.invalid']);
    expect(out.blocks[0]?.message).toContain("'Compensation approval' (approval)");
    expect(out.blocks[1]?.problems?.map((p) => p.pointer)).toEqual(['/language']);
    expect(kase).toEqual(copy);
  });

  it('a running SLA that the new version lost must be cancelled by the plan', () => {
    const def: CaseType = complaintV2();
    delete def.slas!['firstResponse'];
    const v3 = compileCaseType({ ...def, version: 3 });
    const kase = caseIn('triage');
    const p3 = { ...plan, to: 3 };
    const blocked = migrateCase(p3, v1, v3, kase, NOW, { planId: 'p' });
    expect(blocked.ok ? [] : blocked.blocks.map((b) => [b.code, b.sla])).toEqual([['sla.removed', 'firstResponse']]);
    const cancelled = ok(migrateCase({ ...p3, slas: { firstResponse: 'cancel' } }, v1, v3, kase, NOW, { planId: 'p' }));
    expect(cancelled.case.slas.find((s) => s.name === 'firstResponse')?.status).toBe('cancelled');
    expect(cancelled.case.timers.some((t) => t.id.startsWith('sla.firstResponse'))).toBe(false);
  });

  it('closed cases and cases on another version do not migrate', () => {
    const closed = { ...caseIn('triage'), closedAt: NOW };
    expect(migrateCase(plan, v1, v2, closed, NOW, { planId: 'p' })).toMatchObject({ ok: false, blocks: [{ code: 'case.closed' }] });
    const moved = migrated(caseIn('triage')).case;
    expect(migrateCase(plan, v1, v2, moved, NOW, { planId: 'p' })).toMatchObject({ ok: false, blocks: [{ code: 'case.version' }] });
  });
});

describe('checking a plan', () => {
  it('names each problem at its place in the plan', () => {
    const bad: MigrationPlan = {
      caseType: 'order-inquiry',
      from: 1,
      to: 2,
      states: { nowhere: 'triage', approval: 'gone', triage: 'closed' },
      data: { defaults: { '/language': 'fr', '/missing': 1 }, renames: { '/subject': '/title' } },
      slas: { speed: 'keep' },
      cases: { states: ['limbo'] },
    };
    const problems = checkMigrationPlan(bad, v1, v2);
    expect(problems.map((p) => p.pointer)).toEqual([
      '/caseType',
      '/states/nowhere',
      '/states/approval',
      '/states/triage',
      '/data/renames/~1subject',
      '/data/defaults/~1language',
      '/data/defaults/~1missing',
      '/slas/speed',
      '/cases/states/0',
    ]);
    expect(problems.find((p) => p.pointer === '/data/defaults/~1language')?.message).toContain('"fr"');
    expect(problems.find((p) => p.pointer === '/states/triage')?.message).toContain('final state');
  });

  it('refuses a plan of the wrong shape with its place', () => {
    const out = validateMigrationPlan({ caseType: 'complaint', from: 1, to: '2', states: { a: 1 }, data: { removals: ['subject'] }, extra: true });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.map((p) => p.pointer).sort()).toEqual(['/data/removals/0', '/extra', '/states/a', '/to']);
  });

  it('suggests a plan from the difference of the versions', () => {
    expect(suggestMigrationPlan(v1, v2)).toEqual({ caseType: 'complaint', from: 1, to: 2, data: { defaults: { '/language': 'en' } } });
  });
});

describe('migrating cases of other shapes (review of issue 19)', () => {
  const small = (playbook: CaseType['playbook'], version: number): CompiledCaseType =>
    compileCaseType({ key: 'shape', title: 'Shape', data: { type: 'object' }, events: { GO: { title: 'Go' }, TICK: { title: 'Tick' } }, playbook, version });
  const run = (a: CompiledCaseType, b: CompiledCaseType, kase: Case, p: Partial<MigrationPlan> = {}) =>
    migrateCase({ caseType: 'shape', from: a.version, to: b.version, ...p }, a, b, kase, NOW, { planId: 'p' });
  const start = (type: CompiledCaseType): Case => ok(createCase(type, { id: 'S1' }, T0)).case;

  it('a parallel state with atomic regions keeps its regions', () => {
    const playbook: CaseType['playbook'] = { initial: 'work', states: { work: { type: 'parallel', states: { a: {}, b: {} } }, done: { type: 'final' } } };
    const a = small(playbook, 1);
    const b = small(playbook, 2);
    const kase = start(a);
    expect(kase.state).toEqual({ work: { a: {}, b: {} } });
    const out = ok(run(a, b, kase));
    expect(out.case.state).toEqual({ work: { a: {}, b: {} } });
  });

  it('a parallel playbook keeps every region', () => {
    const playbook = { type: 'parallel', states: { r1: { initial: 'x', states: { x: {}, y: {} } }, r2: { initial: 'p', states: { p: {}, q: {} } } } } as unknown as CaseType['playbook'];
    const a = small(playbook, 1);
    const b = small(playbook, 2);
    const out = ok(run(a, b, start(a)));
    expect(out.case.state).toEqual({ r1: 'x', r2: 'p' });
    expect(ok(run(a, b, start(a), { states: { x: 'y' } })).case.state).toEqual({ r1: 'y', r2: 'p' });
  });

  it('never places a case in a state the new version made final', () => {
    const a = small({ initial: 'open', states: { open: { on: { GO: 'done' } }, done: { type: 'final' } } }, 1);
    const b = small({ initial: 'open', states: { open: { type: 'final' }, done: { type: 'final' } } } as CaseType['playbook'], 2);
    const blocked = run(a, b, start(a));
    expect(blocked.ok ? [] : blocked.blocks.map((x) => [x.code, x.states])).toEqual([['state.final', ['open']]]);
    expect(suggestMigrationPlan(a, b).states).toBeUndefined();
  });

  it('an after timer that fired without leaving its state is not set again', () => {
    const playbook: CaseType['playbook'] = { initial: 'open', states: { open: { after: [{ delay: 'PT1H', actions: [{ type: 'note', text: 'Reminded' }] }], on: { GO: 'done' } }, done: { type: 'final' } } };
    const a = small(playbook, 1);
    const b = small(playbook, 2);
    let kase = start(a);
    kase = ok(fireTimer(a, kase, 'timer.open.0', hours(1))).case;
    expect([kase.state, kase.timers]).toEqual(['open', []]);
    expect(ok(run(a, b, kase)).case.timers).toEqual([]);
    // still pending: kept as it was
    const fresh = start(a);
    expect(ok(run(a, b, fresh)).case.timers).toEqual(fresh.timers);
  });

  it('renames read the data as it was: a swap swaps', () => {
    const a = small({ initial: 'open', states: { open: {} } }, 1);
    const b = small({ initial: 'open', states: { open: {} } }, 2);
    const kase = { ...start(a), data: { first: 'A', second: 'B' } };
    expect(ok(run(a, b, kase, { data: { renames: { '/first': '/second', '/second': '/first' } } })).case.data).toEqual({ first: 'B', second: 'A' });
  });

  it('a state called like a member of Object maps by the plan only', () => {
    const a = small({ initial: 'toString', states: { toString: {}, other: {} } }, 1);
    const b = small({ initial: 'toString', states: { toString: {}, other: {} } }, 2);
    expect(ok(run(a, b, start(a), { states: {} })).case.state).toBe('toString');
  });
});
