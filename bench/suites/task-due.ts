// task-due: the inbox's task list sorted by due time (GET /api/tasks?sort=due, docs/task-due.md) on a store
// holding 100,000 open tasks (quick: 10,000) of one tenant, a tenth without a due time: the first page of
// 50, a page 5,000 tasks deep (by its cursor), and the old order's first page for comparison; the median of
// 20 runs after a warm-up, through the CaseStore (what the route runs, without HTTP), on SQLite (a file
// under the work directory) and PostgreSQL (a scratch database) where one answers. The rows are written
// straight into the tasks table (no cases: the foreign key is off for the fill).
import Database from 'better-sqlite3';
import pg from 'pg';
import type { CaseStore } from '../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import { postgresUnavailable, scratchDatabase } from '../lib/postgres.ts';
import { now } from '../lib/timing.ts';
import { SuiteSkipped, type BenchOptions, type RoundResult, type Suite } from '../lib/types.ts';

const TENANT = 'bench';
const START = Date.parse('2026-01-05T09:00:00.000Z');
const PAGE = 50;
const REPEATS = 20;

/** Task n: opened a minute after the one before, due in a spread of 0 to 10 days (every tenth none). */
function row(n: number): [string, string, string | null] {
  const opened = new Date(START + n * 60_000).toISOString();
  const due = n % 10 === 0 ? null : new Date(START + ((n * 7919) % 14_400) * 60_000).toISOString();
  return [`t-${String(n).padStart(7, '0')}`, opened, due];
}

async function median(once: () => Promise<unknown>): Promise<number> {
  await once();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = now();
    await once();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function measure(store: CaseStore): Promise<{ first: number; deep: number; opened: number }> {
  let cursor: string | null = null;
  for (let i = 0; i < 5_000 / PAGE; i++) cursor = (await store.listTasks(TENANT, { sort: 'due' }, PAGE, cursor)).nextCursor;
  const deepCursor = cursor;
  return {
    first: await median(() => store.listTasks(TENANT, { sort: 'due' }, PAGE, null)),
    deep: await median(() => store.listTasks(TENANT, { sort: 'due' }, PAGE, deepCursor)),
    opened: await median(() => store.listTasks(TENANT, {}, PAGE, null)),
  };
}

async function sqliteStore(options: BenchOptions, tasks: number): Promise<CaseStore> {
  const file = freshDbFile(options.workDir, 'task-due.db');
  await createSqliteStore({ file }).close(); // migrated
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(`INSERT INTO tasks (id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, status)
    VALUES (?, '${TENANT}', ?, 'callback', 'calling', 'Call the customer', 'front', NULL, NULL, ?, ?, NULL, 'open')`);
  db.transaction(() => {
    for (let n = 0; n < tasks; n++) {
      const [id, opened, due] = row(n);
      insert.run(id, `c-${id}`, opened, due);
    }
  })();
  db.exec('ANALYZE');
  db.close();
  return createSqliteStore({ file });
}

async function postgresStore(tasks: number): Promise<{ store: CaseStore; drop: () => Promise<void> }> {
  const database = await scratchDatabase();
  await (await createPostgresStore({ url: database.url })).close(); // migrated
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica'); // no foreign key check for the fill
    for (let from = 0; from < tasks; from += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, tasks - from) }, (_, i) => row(from + i));
      await client.query(
        `INSERT INTO tasks (id, tenant, case_id, case_type, state, title, queue, opened_at, due_at, status)
         SELECT id, '${TENANT}', 'c-' || id, 'callback', 'calling', 'Call the customer', 'front', opened, due, 'open'
         FROM unnest($1::text[], $2::text[], $3::text[]) AS r(id, opened, due)`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    }
    await client.query('ANALYZE tasks');
  } finally {
    await client.end();
  }
  const store = await createPostgresStore({ url: database.url });
  return { store, drop: () => database.drop() };
}

export const taskDueSuite: Suite = {
  name: 'task-due',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const tasks = options.quick ? 10_000 : 100_000;
    const unit = `ms for a page of ${PAGE} at ${tasks.toLocaleString('en-US')} open tasks${options.quick ? ' (--quick)' : ''}`;
    const unavailable = await postgresUnavailable();
    const stores: [string, CaseStore][] = [];
    let drop: (() => Promise<void>) | null = null;
    const rounds: RoundResult[] = [];
    try {
      options.log(`task-due: filling SQLite with ${tasks} tasks`);
      stores.push(['sqlite', await sqliteStore(options, tasks)]);
      if (unavailable === null) {
        options.log(`task-due: filling PostgreSQL with ${tasks} tasks`);
        const made = await postgresStore(tasks);
        stores.push(['postgres', made.store]);
        drop = made.drop;
      }
      for (let round = 0; round < options.rounds; round++) {
        const figures: RoundResult['figures'] = {};
        for (const [name, store] of stores) {
          const m = await measure(store);
          figures[`task_due_${name}_first_page_ms`] = { value: m.first, unit: `${unit}, sort=due` };
          figures[`task_due_${name}_deep_page_ms`] = { value: m.deep, unit: `${unit}, sort=due, 5,000 deep` };
          figures[`task_due_${name}_opened_page_ms`] = { value: m.opened, unit: `${unit}, the default order` };
          options.log(`task-due: ${name} round ${round + 1}: first ${m.first.toFixed(2)} ms, deep ${m.deep.toFixed(2)} ms, default order ${m.opened.toFixed(2)} ms`);
        }
        rounds.push({ figures, ratios: {} });
      }
    } finally {
      for (const [, store] of stores) await store.close();
      await drop?.();
    }
    if (unavailable !== null) throw new SuiteSkipped(`PostgreSQL not measured: ${unavailable}`, rounds);
    return rounds;
  },
};
