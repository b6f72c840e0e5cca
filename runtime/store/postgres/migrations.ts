// Schema migrations on PostgreSQL: each one runs once, in order, in its own transaction, recorded in
// schema_version. Append only. The whole run holds a session-level advisory lock with a fixed key, so
// hosts that start together wait for one another: the first applies what is missing, the others find
// it applied.
//
// Column types, and why:
// - Instants are ISO text (`2026-01-05T09:00:00.000Z`), as the engine writes them: the store hands
//   back exactly the string it was given, and compares them as the SQLite store does (as text).
// - Every text column the store sorts or compares by range is `COLLATE "C"` (byte order, as SQLite's
//   BINARY), so pages and cursors come out in the same order whatever the database's locale.
// - JSON documents are `json`, not `jsonb`: `json` keeps the text as written (key order, number text)
//   and accepts `\u0000` in strings, which `jsonb` refuses; the store reads inside them only for the
//   reports (a history entry's `to`, a field of case data), with `\u0000` handled (postgres-reports.ts).
import { caseMigrationTables } from './postgres-case-migrations.ts';
import { documentTables } from './postgres-documents.ts';
import { suggestionTables } from './postgres-suggestions.ts';
import { feedbackTables } from './postgres-feedback.ts';
import { routingTables } from './postgres-routing.ts';
import type { PostgresDb, Queryable } from './postgres-db.ts';
import { backfillStages, stageTablesSql } from './postgres-stages.ts';
import { caseReferences } from './postgres-references.ts';
import { searchIndexMigration } from './postgres-search.ts';
import { backfillTransitions, transitionTablesSql } from './postgres-process-map.ts';

type Migration = string | ((tx: Queryable) => Promise<void>);

/**
 * The channel on every case (issue 20): the cases opened before without one came in through the API. The
 * case body holds the channel too (the case is read from it), rewritten as text, since a json body may
 * hold \u0000, which jsonb refuses.
 */
async function channelOnEveryCase(tx: Queryable): Promise<void> {
  for (;;) {
    const rows = await tx.rows<{ id: string; tenant: string; body: string }>('SELECT id, tenant, body::text AS body FROM cases WHERE channel IS NULL LIMIT 500');
    if (rows.length === 0) break;
    for (const row of rows) {
      const body = { ...(JSON.parse(row.body) as Record<string, unknown>), channel: 'api' };
      await tx.rows(`UPDATE cases SET channel = 'api', body = $1::json WHERE id = $2 AND tenant = $3`, [JSON.stringify(body), row.id, row.tenant]);
    }
  }
  await tx.rows('CREATE INDEX cases_by_channel ON cases(tenant, channel, created_at DESC, id DESC)');
}

// Time per stage kept at write time (the stage report, issue 15; SQLite's migration 6): the open visits
// and the ended ones, kept by a trigger on history (postgres-stages.ts), and filled from the history
// written before (16.8 s for 1,000,000 history entries, the reports bench). Creating the trigger locks
// history against inserts until this commits.
async function stageTables(tx: Queryable): Promise<void> {
  await tx.rows(stageTablesSql);
  await backfillStages(tx);
}

// The process map (issue 22, docs/reports.md; SQLite's too): a row per history entry with its edge, kept by a
// trigger on history (postgres-process-map.ts) and filled from the history written before. Creating the
// trigger locks history against inserts until this commits.
async function transitionTables(tx: Queryable): Promise<void> {
  await tx.rows(transitionTablesSql);
  await backfillTransitions(tx);
}

/** The key of the advisory lock the migrations run under ('dossier' in ASCII, as a bigint). */
export const MIGRATION_LOCK_KEY = '28270039319274866';

const C = 'text COLLATE "C"';

// Token lifetimes (issue 18; SQLite's last migration too): when a token stops being accepted (null:
// never, as every token made before) and when it was last accepted (written at most once a minute);
// an admin's list of a tenant's tokens, newest first.
const tokenLifetimes = `
  ALTER TABLE tokens ADD COLUMN expires_at ${C}, ADD COLUMN last_used_at ${C};
  CREATE INDEX tokens_by_tenant ON tokens(tenant, created_at DESC, id DESC);
  `;

/**
 * The dashboards (issue 22, docs/reports.md): the SLAs started in a window (of a case type or all), the
 * tasks closed in a window (the agent figures; written when a task closes, not on every event), and the
 * ended stage visits by duration within their stage, so the median and p90 read them in order, from the
 * index alone (PostgreSQL at 1,000,000 entries: 0.4–0.55 s instead of 3.5–4 s through the primary key;
 * SQLite: 196 ms instead of 479 ms); one more index entry per ended visit.
 */
const reportIndexes = `
  CREATE INDEX stage_visits_by_ms ON stage_visits(tenant, case_type, state, ms);
  CREATE INDEX slas_by_started ON slas(tenant, started_at);
  CREATE INDEX slas_by_type_started ON slas(tenant, case_type, started_at);
  CREATE INDEX tasks_by_closed ON tasks(tenant, closed_at) WHERE status = 'closed';
  `;

const migrations: Migration[] = [
  `
  CREATE TABLE tenants (id ${C} PRIMARY KEY, created_at ${C} NOT NULL);
  CREATE TABLE tokens (
    id ${C} PRIMARY KEY, tenant ${C} NOT NULL REFERENCES tenants(id), name ${C} NOT NULL,
    roles json NOT NULL, hash ${C} NOT NULL UNIQUE, created_at ${C} NOT NULL, revoked_at ${C});
  CREATE INDEX tokens_by_name ON tokens(tenant, name) WHERE revoked_at IS NULL;
  CREATE TABLE case_types (
    tenant ${C} NOT NULL REFERENCES tenants(id), key ${C} NOT NULL, version integer NOT NULL,
    title text NOT NULL, definition json NOT NULL, published_at ${C} NOT NULL,
    PRIMARY KEY (tenant, key, version));
  CREATE TABLE drafts (
    tenant ${C} NOT NULL REFERENCES tenants(id), key ${C} NOT NULL, definition json NOT NULL,
    problems json NOT NULL, valid boolean NOT NULL, updated_at ${C} NOT NULL, PRIMARY KEY (tenant, key));
  CREATE TABLE cases (
    id ${C} PRIMARY KEY, tenant ${C} NOT NULL REFERENCES tenants(id), case_type ${C} NOT NULL,
    version integer NOT NULL, state json NOT NULL, state_ids ${C} NOT NULL, data json NOT NULL,
    priority ${C} NOT NULL, queue ${C}, assignee ${C}, channel ${C}, parent_id ${C},
    created_at ${C} NOT NULL, updated_at ${C} NOT NULL, closed_at ${C}, revision integer NOT NULL,
    body json NOT NULL,
    FOREIGN KEY (tenant, case_type, version) REFERENCES case_types(tenant, key, version));
  CREATE INDEX cases_by_created ON cases(tenant, created_at DESC, id DESC);
  CREATE INDEX cases_open_by_created ON cases(tenant, created_at DESC, id DESC) WHERE closed_at IS NULL;
  CREATE INDEX cases_by_type ON cases(tenant, case_type, created_at DESC, id DESC);
  CREATE INDEX cases_by_parent ON cases(parent_id) WHERE parent_id IS NOT NULL;
  CREATE TABLE history (
    case_id ${C} NOT NULL REFERENCES cases(id), seq integer NOT NULL, tenant ${C} NOT NULL,
    at ${C} NOT NULL, actor text NOT NULL, event_type text NOT NULL, entry json NOT NULL,
    PRIMARY KEY (case_id, seq));
  CREATE TABLE slas (
    case_id ${C} NOT NULL REFERENCES cases(id), sla_id ${C} NOT NULL, tenant ${C} NOT NULL,
    case_type ${C} NOT NULL, name ${C} NOT NULL, status ${C} NOT NULL, started_at ${C} NOT NULL,
    closed_at ${C}, urgency integer NOT NULL, PRIMARY KEY (case_id, sla_id));
  CREATE INDEX slas_by_tenant ON slas(tenant, case_type, name);
  CREATE TABLE timers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant ${C} NOT NULL,
    case_id ${C} NOT NULL REFERENCES cases(id), timer_id ${C} NOT NULL, event ${C} NOT NULL,
    due_at ${C} NOT NULL, fired_at ${C}, claimed_until ${C});
  CREATE INDEX timers_due ON timers(due_at, case_id, timer_id) WHERE fired_at IS NULL;
  CREATE INDEX timers_by_case ON timers(case_id, timer_id) WHERE fired_at IS NULL;
  CREATE TABLE tasks (
    id ${C} PRIMARY KEY, tenant ${C} NOT NULL, case_id ${C} NOT NULL REFERENCES cases(id),
    case_type ${C} NOT NULL, state ${C} NOT NULL, title text NOT NULL, queue ${C}, role ${C},
    form ${C}, opened_at ${C} NOT NULL, due_at ${C}, assignee ${C}, claimed_at ${C},
    status ${C} NOT NULL, closed_at ${C});
  CREATE INDEX tasks_by_status ON tasks(tenant, status, opened_at, id);
  CREATE INDEX tasks_by_case ON tasks(case_id, status);
  CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant ${C} NOT NULL, case_id ${C} NOT NULL,
    key ${C} NOT NULL UNIQUE, type ${C} NOT NULL, effect json NOT NULL, payload json NOT NULL,
    status ${C} NOT NULL, attempts integer NOT NULL, next_attempt_at ${C}, delivered_at ${C},
    last_error text, created_at ${C} NOT NULL, claimed_until ${C});
  CREATE INDEX outbox_due ON outbox(next_attempt_at, id) WHERE status = 'pending';
  CREATE INDEX outbox_by_tenant ON outbox(tenant, status, id);
  CREATE TABLE idempotency (
    tenant ${C} NOT NULL, key ${C} NOT NULL, method text NOT NULL, path text NOT NULL,
    status integer NOT NULL, body json NOT NULL, created_at ${C} NOT NULL, PRIMARY KEY (tenant, key));
  CREATE TABLE messages (
    key ${C} PRIMARY KEY, tenant ${C} NOT NULL, case_id ${C} NOT NULL, recipient text NOT NULL,
    template text NOT NULL, sent_at ${C} NOT NULL);
  CREATE INDEX messages_by_case ON messages(tenant, case_id, sent_at, key);
  CREATE TABLE case_customer_keys (
    tenant ${C} NOT NULL, value_norm ${C} NOT NULL, case_id ${C} NOT NULL REFERENCES cases(id),
    pointer ${C} NOT NULL, PRIMARY KEY (tenant, value_norm, case_id, pointer));
  CREATE INDEX case_customer_keys_by_case ON case_customer_keys(case_id);
  `,
  stageTables,
  // The process-mining export's window (issue 15; SQLite's migration 7): the history entries of a case
  // with `at` in [from, to), found by a seek per case instead of reading all of its entries. Building
  // it holds inserts into history until this commits.
  `CREATE INDEX history_by_case_at ON history(case_id, at)`,
  // Who published each version (the token's name) and the publisher's note (issue 16, Versions); null
  // for the versions published before, and for the first start's templates.
  `ALTER TABLE case_types ADD COLUMN published_by text, ADD COLUMN note text`,
  // Human-readable case references (PA-000123, issue 16; SQLite's caseReferences too): a counter per
  // tenant and prefix, the cases created before numbered in creation order (postgres-references.ts),
  // unique per tenant. Adding the column locks cases until this commits.
  caseReferences,
  // Token lifetimes (issue 18; SQLite's tokenLifetimes too): expires_at, last_used_at and the list by tenant.
  tokenLifetimes,
  // Sign-in sessions (issue 18, OpenID Connect; SQLite's too): a person's session is a token of kind
  // 'session' (its secret in an HTTP-only cookie); an admin's token list leaves them out.
  `ALTER TABLE tokens ADD COLUMN kind ${C} NOT NULL DEFAULT 'token'`,
  // Outsourced partners (issue 18; SQLite's too): a tenant's partner organisations and their delegated
  // queues; the partner a token's or session's holder works for. People who signed in: one name per
  // subject and one subject per name in a tenant.
  `
  CREATE TABLE partners (
    tenant ${C} NOT NULL REFERENCES tenants(id), id ${C} NOT NULL, title text NOT NULL, queues json NOT NULL,
    created_at ${C} NOT NULL, updated_at ${C} NOT NULL, PRIMARY KEY (tenant, id));
  ALTER TABLE tokens ADD COLUMN partner ${C};
  CREATE TABLE people (
    tenant ${C} NOT NULL REFERENCES tenants(id), subject ${C} NOT NULL, name ${C} NOT NULL,
    created_at ${C} NOT NULL, updated_at ${C} NOT NULL, PRIMARY KEY (tenant, subject), UNIQUE (tenant, name));
  ALTER TABLE history ADD COLUMN partner ${C};
  CREATE INDEX history_by_partner ON history (tenant, partner, at) WHERE partner IS NOT NULL;
  `,
  // Migrations of open cases to another version (issue 19; SQLite's too).
  caseMigrationTables,
  // Mailboxes (issue 20, e-mail in) and the secrets of public status pages (SQLite's too).
  `
  CREATE TABLE mailboxes (
    address ${C} PRIMARY KEY, tenant ${C} NOT NULL REFERENCES tenants(id), case_type ${C} NOT NULL,
    secret_hash ${C} NOT NULL, created_at ${C} NOT NULL, created_by ${C} NOT NULL, UNIQUE (tenant, case_type));
  CREATE TABLE case_secrets (
    tenant ${C} NOT NULL, case_id ${C} NOT NULL, secret_hash ${C} NOT NULL, created_at ${C} NOT NULL,
    PRIMARY KEY (tenant, case_id));
  `,
  // The channel on every case (issue 20; SQLite's too).
  channelOnEveryCase,
  // E-mail out and webhook signatures (issue 20, docs/email.md): a message's delivery status, its
  // recipient's address, subject, Message-ID, attempts and last error (the rows before were recorded
  // only: 'recorded', one attempt); a tenant's webhook signing secret (generated when first needed); a
  // signed-in person's e-mail address (the provider's verified email claim), where mail to them goes.
  `
  ALTER TABLE messages ADD COLUMN status TEXT NOT NULL DEFAULT 'recorded';
  ALTER TABLE messages ADD COLUMN address TEXT;
  ALTER TABLE messages ADD COLUMN subject TEXT;
  ALTER TABLE messages ADD COLUMN message_id TEXT;
  ALTER TABLE messages ADD COLUMN language TEXT;
  ALTER TABLE messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE messages ADD COLUMN last_error TEXT;
  ALTER TABLE tenants ADD COLUMN webhook_secret TEXT;
  ALTER TABLE people ADD COLUMN email TEXT;
  `,
  // Documents in the case file (issue 20; SQLite's too): a row per document, its content in bytea chunks.
  documentTables,
  // Task due dates (issue 21, docs/task-due.md): when an overdue task escalated, and the inbox sorted by
  // due time (no due time last: '~' sorts after every instant; runtime/store/task-sort.ts).
  `
  ALTER TABLE tasks ADD COLUMN escalated_at text;
  CREATE INDEX tasks_by_due ON tasks(tenant, status, COALESCE(due_at, '~'), id);
  `,
  // Case search (issue 21, docs/search.md; SQLite's too): a tsvector per case under a GIN index, filled
  // from the cases already stored.
  searchIndexMigration,
  // Contact-reason suggestions (issue 21): one per case, and the closed cases of a type newest first.
  suggestionTables,
  // Push routing (issue 21): agents, offers (one open per task), the task-holder log.
  routingTables,
  // The dashboards (issue 22): SLAs by when they started, tasks by when they closed (reportIndexes above).
  reportIndexes,
  // The process map (issue 22): the transitions table and its trigger (transitionTables above).
  transitionTables,
  // Customer feedback (issue 22, docs/feedback.md; SQLite's too): a survey per case, an answer per case, indexed for the report.
  feedbackTables,
];

/** The version that added the dashboards' indexes (issue 22). */
export const reportIndexesVersion = migrations.indexOf(reportIndexes) + 1;

/** The version that added the process map's transitions table (the tests fill an older database before it). */
export const transitionTablesVersion = migrations.indexOf(transitionTables) + 1;

/** The version that added the feedback tables (issue 22). */
export const feedbackTablesVersion = migrations.indexOf(feedbackTables) + 1;

/** The version that added the stage tables (the reports bench fills a large history before it). */
export const stageTablesVersion = migrations.indexOf(stageTables) + 1;

/** The version that added the case references (the tests fill an older database before it). */
export const caseReferencesVersion = migrations.indexOf(caseReferences) + 1;

/** The version that added token lifetimes (the tests fill an older database before it). */
export const tokenLifetimesVersion = migrations.indexOf(tokenLifetimes) + 1;

/** The version that gave every case a channel (the tests fill an older database before it). */
export const channelVersion = migrations.indexOf(channelOnEveryCase) + 1;

/**
 * Brings the database to schema version `target` (the latest by default); returns the version it is
 * at. Runs on one connection of its own, holding the advisory lock from the first read of
 * schema_version to the last step, so two hosts never apply the same step.
 */
export async function migrate(pool: Pick<PostgresDb, 'session'>, target = migrations.length): Promise<number> {
  return pool.session(async (db) => {
    // the lock waits as long as another host's migrations run, whatever the pool's lock_timeout
    await db.rows('SET lock_timeout = 0');
    await db.rows('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      await db.rows('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at text NOT NULL)');
      const [row] = await db.rows<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
      let current = row?.v ?? 0;
      for (let index = current; index < target; index++) {
        const migration = migrations[index] as Migration;
        await db.rows('BEGIN');
        try {
          if (typeof migration === 'string') await db.rows(migration);
          else await migration(db);
          await db.rows('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [index + 1, new Date().toISOString()]);
          await db.rows('COMMIT');
        } catch (error) {
          await db.rows('ROLLBACK').catch(() => undefined);
          throw error;
        }
        current = index + 1;
      }
      return current;
    } finally {
      await db.rows('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await db.rows('RESET lock_timeout').catch(() => undefined);
    }
  });
}

/** The version that added the case search index (the tests fill an older database before it). */
export const searchIndexVersion = migrations.indexOf(searchIndexMigration) + 1;

export const latestSchemaVersion = migrations.length;
