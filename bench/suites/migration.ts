// migration: issue 19's figures — the dry run and the apply of a migration plan over N open complaints
// (100,000; --quick 2,000) through the host's migration service, on the SQLite store, and over 10,000 on a
// scratch PostgreSQL database. Each round publishes the next version and moves every open case to it: round 1
// adds a required field with a default (every case's data changes), later rounds an unchanged copy.
// Targets: dry run < 60 s, apply ≥ 1,000 cases/s on SQLite; PostgreSQL reported beside (docs/migration.md).
import * as engine from '../../runtime/engine/index.ts';
import type { CaseData } from '../../runtime/engine/index.ts';
import { systemClock } from '../../runtime/host/clock.ts';
import { createHostServices, type HostServices } from '../../runtime/host/create-host.ts';
import type { CaseStore } from '../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { freshDbFile, TENANT } from '../lib/bench-host.ts';
import { benchActor, complaintDefinition, loadComplaintFlow } from '../lib/complaint-flow.ts';
import { postgresUnavailable, scratchDatabase } from '../lib/postgres.ts';
import { now } from '../lib/timing.ts';
import type { BenchOptions, Figure, RoundResult, Suite } from '../lib/types.ts';

const admin = { id: 'bench-admin', roles: ['admin'] };

/** The complaint with a new required field, `language`, whose default the plan gives. */
function withLanguage(def: CaseType): CaseType {
  const copy = structuredClone(def);
  const data = copy.data as { properties: Record<string, unknown>; required?: string[] };
  data.properties['language'] = { type: 'string', title: 'Language', enum: ['en', 'nl'] };
  data.required = [...(data.required ?? []), 'language'];
  return copy;
}

async function fill(services: HostServices, count: number, log: (line: string) => void): Promise<void> {
  const data = loadComplaintFlow().data as CaseData;
  const started = now();
  for (let from = 0; from < count; from += 64) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(64, count - from) }, () => services.cases.createCase(TENANT, { caseType: 'complaint', data }, benchActor)),
    );
    if (batch.some((r) => !r.ok)) throw new Error('bench: creating a complaint failed');
  }
  log(`migration: ${count} open complaints made in ${((now() - started) / 1000).toFixed(1)} s`);
}

/** Rounds of publish → dry run → apply on one store; figures named with `prefix`. */
async function measure(store: CaseStore, label: string, prefix: string, options: BenchOptions, count: number): Promise<Record<string, Figure>[]> {
  const services = createHostServices({ store, engine, clock: systemClock });
  const at = systemClock.now();
  await store.ensureTenant(TENANT, at);
  await store.publish(TENANT, 'complaint', complaintDefinition(), at);
  await fill(services, count, options.log);
  const rounds: Record<string, Figure>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const from = round + 1;
    const published = await store.getCaseType(TENANT, 'complaint', from);
    if (published === null) throw new Error(`bench: complaint version ${from} is missing`);
    await store.publish(TENANT, 'complaint', round === 0 ? withLanguage(published.definition) : published.definition, systemClock.now());
    const plan = { caseType: 'complaint', from, to: from + 1, title: `bench round ${round + 1}`, ...(round === 0 ? { data: { defaults: { '/language': 'en' } } } : {}) };
    const t0 = now();
    const dry = await services.migrations.dryRun(TENANT, plan, { limit: 10 });
    const dryMs = now() - t0;
    if (!dry.ok || dry.value.counts.migrates !== count) throw new Error(`bench: the dry run did not move every case: ${JSON.stringify(dry).slice(0, 400)}`);
    const t1 = now();
    const started = await services.migrations.start(TENANT, plan, admin);
    if (!started.ok) throw new Error(`bench: the migration was refused: ${started.message}`);
    const done = await services.migrations.finish(TENANT, started.value.id);
    const applyMs = now() - t1;
    if (!done.ok || done.value.counts.migrated !== count) throw new Error(`bench: the migration did not move every case: ${JSON.stringify(done).slice(0, 400)}`);
    const rate = count / (applyMs / 1000);
    options.log(`migration ${label} round ${round + 1}: dry run ${(dryMs / 1000).toFixed(1)} s, apply ${rate.toFixed(0)} cases/s (${count} cases)`);
    rounds.push({
      [`${prefix}_dry_run_s`]: { value: dryMs / 1000, unit: `s (dry run over ${count} open cases)` },
      [`${prefix}_apply_cases_per_s`]: { value: rate, unit: `cases/s (apply over ${count} open cases)` },
    });
  }
  await services.migrations.stop();
  return rounds;
}

export const migrationSuite: Suite = {
  name: 'migration',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const count = options.quick ? 2_000 : 100_000;
    const sqlite = createSqliteStore({ file: freshDbFile(options.workDir, 'migration.db') });
    let lite: Record<string, Figure>[];
    try {
      lite = await measure(sqlite, 'SQLite', 'migration_sqlite', options, count);
    } finally {
      await sqlite.close();
    }
    let pg: Record<string, Figure>[] = [];
    const unavailable = await postgresUnavailable();
    if (unavailable === null) {
      const database = await scratchDatabase();
      const store = await createPostgresStore({ url: database.url });
      try {
        // fewer cases: made one by one through the case service, 100,000 take PostgreSQL longer to make than to migrate
        pg = await measure(store, 'PostgreSQL', 'migration_postgres', options, Math.min(count, 10_000));
      } catch (error) {
        // the SQLite figures stand on their own; PostgreSQL's failure is reported, not their loss
        options.log(`migration: PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await store.close();
        await database.drop();
      }
    } else options.log(`migration: PostgreSQL skipped (${unavailable})`);
    return lite.map((figures, i) => ({ figures: { ...figures, ...(pg[i] ?? {}) }, ratios: {} }));
  },
};
