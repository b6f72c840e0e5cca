// reports: every dashboard figure (docs/reports.md: SLA compliance and trend, backlog, time per stage with
// percentiles, top reasons and their trend, channels, agents), aggregated by the database,
// on a store holding 1,000,000 history entries (quick: 100,000): about 100,000 cases of three types,
// nested and parallel states, two SLAs a case (bench/lib/report-data.ts). Each store is filled straight
// into its tables at the schema before the stage tables, then migrated (the migration fills them from
// that history, as on an upgrade: its time is a figure too). Each report is timed through the store and
// the host's finishing (what the route runs, without HTTP): the median of several runs after a warm-up,
// on SQLite (a file under the work directory) and on PostgreSQL (a scratch database) where one answers.
// Both stores must give the same reports, or the suite fails. Target: each figure < 500 ms at 1,000,000
// (measured, not asserted). The figures are a table, name → what the route runs: a new dashboard figure is
// one entry in `reportFigures`; the trends have a 30-day-window variant (`_month`, day buckets).
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  agentsReport, backlogReport, channelsReport, reasonsReport, reasonTrendReport, slaReport, slaTrendReport, stageReport,
} from '../../runtime/host/reports.ts';
import type { CaseStore } from '../../runtime/store/case-store.ts';
import { migrate as migratePostgres, stageTablesVersion as postgresStageVersion } from '../../runtime/store/postgres/migrations.ts';
import { createPostgresDb } from '../../runtime/store/postgres/postgres-db.ts';
import { createPostgresStore } from '../../runtime/store/postgres/postgres-store.ts';
import { migrate as migrateSqlite, stageTablesVersion as sqliteStageVersion } from '../../runtime/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import { postgresUnavailable, scratchDatabase } from '../lib/postgres.ts';
import { fillPostgres, fillSqlite, REPORT_TENANT } from '../lib/report-data.ts';
import { now } from '../lib/timing.ts';
import { SuiteSkipped, type BenchOptions, type RoundResult, type Suite } from '../lib/types.ts';

const AT = '2025-01-01T00:00:00.000Z';
/** One month of the year the data spans: the stage report in a window. */
const MONTH = { from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' };

interface Target {
  name: 'sqlite' | 'postgres';
  store: CaseStore;
  fillMs: number;
  migrateMs: number;
  close(): Promise<void>;
}

/** The backlog's clock: the day after the data's year, so every open case has an age. */
const NOW = '2026-01-01T00:00:00.000Z';

/** One dashboard figure: what its route runs against the store (the store's query and the host's finishing). */
export type ReportFigure = (store: CaseStore) => Promise<unknown>;

/**
 * Every dashboard figure, by name (`reports_<store>_<name>_ms`). The whole year in the default bucket of an
 * open window (month), and a 30-day window (`_month`, day buckets) for the trends and the windowed figures.
 */
export const reportFigures: Record<string, ReportFigure> = {
  sla: (store) => store.slaSummary(REPORT_TENANT, {}).then(slaReport),
  sla_trend: (store) => store.slaTrend(REPORT_TENANT, {}, 'month').then((rows) => slaTrendReport('month', rows)),
  sla_trend_month: (store) => store.slaTrend(REPORT_TENANT, MONTH, 'day').then((rows) => slaTrendReport('day', rows)),
  backlog: (store) => store.backlog(REPORT_TENANT, {}, NOW).then((rows) => backlogReport(NOW, rows)),
  stages: (store) => store.stageSummary(REPORT_TENANT, {}).then(stageReport),
  stages_month: (store) => store.stageSummary(REPORT_TENANT, MONTH).then(stageReport),
  stages_queue: (store) => store.stageSummary(REPORT_TENANT, { caseType: 'complaint', queue: 'billing' }).then(stageReport),
  reasons: (store) => store.reasonCounts(REPORT_TENANT, '/reason', { limit: 10 }).then((counts) => reasonsReport('/reason', counts, 10)),
  reasons_trend: (store) => store.reasonTrend(REPORT_TENANT, '/reason', { limit: 10 }, 'month').then((t) => reasonTrendReport('/reason', 'month', t, 10)),
  reasons_trend_month: (store) => store.reasonTrend(REPORT_TENANT, '/reason', { ...MONTH, limit: 10 }, 'day').then((t) => reasonTrendReport('/reason', 'day', t, 10)),
  channels: (store) => store.channelCounts(REPORT_TENANT, {}, 'month').then((c) => channelsReport('month', c)),
  channels_month: (store) => store.channelCounts(REPORT_TENANT, MONTH, 'day').then((c) => channelsReport('day', c)),
  agents: (store) => store.agentCounts(REPORT_TENANT, { limit: 50 }).then(agentsReport),
  agents_month: (store) => store.agentCounts(REPORT_TENANT, { ...MONTH, limit: 50 }).then(agentsReport),
};
const reports = reportFigures;

async function sqliteTarget(options: BenchOptions, entries: number): Promise<Target> {
  const file = freshDbFile(options.workDir, 'reports.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // a scratch file: filled as fast as it goes
  migrateSqlite(db, sqliteStageVersion - 1);
  let t = now();
  fillSqlite(db, entries, AT);
  const fillMs = now() - t;
  db.pragma('foreign_keys = ON'); // as the store migrates
  t = now();
  migrateSqlite(db);
  const migrateMs = now() - t;
  db.exec('ANALYZE');
  db.close();
  const store = createSqliteStore({ file });
  return { name: 'sqlite', store, fillMs, migrateMs, close: () => store.close() };
}

async function postgresTarget(entries: number): Promise<Target> {
  const database = await scratchDatabase();
  try {
    const db = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 10_000, lockTimeoutMs: 10_000 });
    await migratePostgres(db, postgresStageVersion - 1);
    await db.end();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let fillMs: number;
    let migrateMs: number;
    try {
      await client.query('SET synchronous_commit = off');
      let t = now();
      await fillPostgres(client, entries, AT);
      fillMs = now() - t;
      const migrating = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 10_000, lockTimeoutMs: 10_000 });
      t = now();
      await migratePostgres(migrating);
      migrateMs = now() - t;
      await migrating.end();
      await client.query('VACUUM ANALYZE');
    } finally {
      await client.end();
    }
    const store = await createPostgresStore({ url: database.url });
    return {
      name: 'postgres', store, fillMs, migrateMs,
      async close() {
        await store.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop().catch(() => undefined);
    throw error;
  }
}

async function median(repeats: number, once: () => Promise<unknown>): Promise<number> {
  await once(); // warm-up: plans, caches, the first page reads
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = now();
    await once();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export const reportsSuite: Suite = {
  name: 'reports',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const entries = options.quick ? 100_000 : 1_000_000;
    const unit = `ms at ${entries.toLocaleString('en-US')} history entries${options.quick ? ' (--quick)' : ''}`;
    const repeats = options.quick ? 3 : 5;
    const unavailable = await postgresUnavailable();
    const targets: Target[] = [];
    const rounds: RoundResult[] = [];
    try {
      options.log(`reports: filling SQLite with ${entries} history entries`);
      targets.push(await sqliteTarget(options, entries));
      if (unavailable === null) {
        options.log(`reports: filling PostgreSQL with ${entries} history entries`);
        targets.push(await postgresTarget(entries));
      }
      for (const target of targets) {
        options.log(`reports: ${target.name} filled in ${(target.fillMs / 1000).toFixed(1)} s, stage tables migrated in ${(target.migrateMs / 1000).toFixed(1)} s`);
      }
      // the same data: the same reports on every store
      const answers = await Promise.all(targets.map(async (t) => JSON.stringify(await Promise.all(Object.values(reports).map((report) => report(t.store))))));
      if (answers.some((answer) => answer !== answers[0])) throw new Error('bench: the stores gave different reports on the same data');
      for (let round = 0; round < options.rounds; round++) {
        const figures: RoundResult['figures'] = {};
        for (const target of targets) {
          for (const [name, report] of Object.entries(reports)) {
            figures[`reports_${target.name}_${name}_ms`] = { value: await median(repeats, () => report(target.store)), unit: name.endsWith('_month') ? `${unit}, a 30-day window` : unit };
          }
          if (round === 0) {
            figures[`reports_${target.name}_fill_s`] = { value: target.fillMs / 1000, unit: `s to write ${entries.toLocaleString('en-US')} history entries (multi-row inserts)` };
            figures[`reports_${target.name}_stage_migration_s`] = { value: target.migrateMs / 1000, unit: `s for the stage tables' migration over ${entries.toLocaleString('en-US')} history entries` };
          }
          const line = Object.keys(reports).map((name) => `${name} ${figures[`reports_${target.name}_${name}_ms`]?.value.toFixed(0)} ms`).join(', ');
          options.log(`reports round ${round + 1}, ${target.name}: ${line}`);
        }
        rounds.push({ figures, ratios: {} });
      }
    } finally {
      for (const target of targets) await target.close();
    }
    if (unavailable !== null) throw new SuiteSkipped(`PostgreSQL not measured: ${unavailable}`, rounds);
    return rounds;
  },
};
