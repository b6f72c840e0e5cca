// `dossier migrate <plan> [--dry-run]` (issue 19) on a real SQLite file: the dry run writes nothing and
// names the cases that cannot move; the apply migrates, prints the counts and the blocked cases; a plan
// applied before is refused; bad usage exits 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../runtime/cli/main.ts';
import * as engine from '../../../runtime/engine/index.ts';
import type { CaseData } from '../../../runtime/engine/index.ts';
import { createHostServices, createManualClock, seedTemplates, silentLogger } from '../../../runtime/host/index.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { complaintData, complaintPaths, complaintV2 } from '../../complaint-versions.ts';
import { captureIo } from './captured-io.ts';

const TEMPLATES = join(import.meta.dirname, '../../../templates');
let dir: string;
const ids: Record<string, string> = {};

async function dossier(...args: string[]) {
  const { io, out, err } = captureIo(dir);
  return { code: await main(['migrate', ...args], io), out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-migrate-cli-'));
  const store = createSqliteStore({ file: join(dir, 'dossier.db') });
  const clock = createManualClock(new Date().toISOString());
  await seedTemplates(store, TEMPLATES, clock.now(), silentLogger);
  const services = createHostServices({ store, engine, clock, logger: silentLogger });
  const admin = { id: 'admin', roles: ['admin'] };
  for (const state of ['triage', 'approval']) {
    const created = await services.cases.createCase('default', { caseType: 'complaint', data: complaintData as CaseData }, admin);
    if (!created.ok || created.replay === true) throw new Error('not created');
    ids[state] = created.case.id;
    for (const event of complaintPaths[state] ?? []) await services.cases.sendEvent('default', created.case.id, event as { type: string; data?: CaseData }, admin);
  }
  await store.publish('default', 'complaint', complaintV2(), clock.now());
  await store.close();
  writeFileSync(join(dir, 'bare.json'), JSON.stringify({ caseType: 'complaint', from: 1, to: 2, data: { defaults: { '/language': 'en' } } }));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ caseType: 'complaint', from: 1, to: 2, title: 'CLI', states: { approval: 'resolving' }, data: { defaults: { '/language': 'en' } } }));
  writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ caseType: 'complaint', from: 1, to: 5 }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('dossier migrate', () => {
  it('dry-runs a plan: what would move and what cannot, nothing written', async () => {
    const run = await dossier('bare.json', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.out[0]).toBe('complaint version 1 → 2: 2 open cases selected, 1 would migrate, 1 cannot');
    expect(run.out[1]).toBe('  state.unmapped: 1');
    expect(run.out[2]).toMatch(/^ {2}COM-\d+ {2}cannot: The case is in 'Compensation approval' \(approval\), which version 2 does not have/);
    expect(run.out[3]).toMatch(/^ {2}COM-\d+ {2}triage → triage$/);
    const json = await dossier('plan.json', '--dry-run', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out.join('\n')).counts).toEqual({ total: 2, migrates: 2, cannot: 0 });
  });

  it('applies a plan, then refuses it a second time', async () => {
    const run = await dossier('plan.json', '--by', 'ops-admin');
    expect(run.code).toBe(0);
    expect(run.out).toEqual([expect.stringMatching(/^migration complaint-1-2-[0-9a-f]{12}: 2 of 2 migrated, 0 blocked, 0 skipped$/)]);
    expect(run.err.at(-1)).toBe('dossier migrate: 2 of 2 migrated, 0 blocked, 0 skipped');
    const again = await dossier('plan.json');
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/^dossier migrate: This plan was applied on .* by ops-admin \(2 of 2 cases migrated\); nothing was changed/);
  });

  it('refuses a plan that does not fit, and bad usage', async () => {
    const wrong = await dossier('wrong.json', '--dry-run');
    expect([wrong.code, wrong.err]).toEqual([1, ['dossier migrate: The migration plan names a version that does not exist.', "dossier migrate:   /to: Case type 'complaint' has no version 5; its versions are 1, 2."]]);
    expect((await dossier()).code).toBe(2);
    expect((await dossier('plan.json', '--frobnicate')).err).toEqual(["dossier migrate: unknown option '--frobnicate'. Run dossier migrate --help."]);
    expect((await dossier('plan.json', '--db', 'missing.db')).err).toEqual(['dossier migrate: there is no database at missing.db; name it with --db (a file dossier serve wrote, or a postgres:// URL)']);
  });
});
