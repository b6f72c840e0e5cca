// Schema migrations: each one runs once, in order, inside a transaction, recorded in schema_version.
// Append only. A migration is SQL, or a function for one that must fill a table with what only
// JavaScript computes (the customer index's identifiers, from each case's definition).
import { caseMigrationTables } from './sqlite-case-migrations.ts';
import { documentTables } from './sqlite-documents.ts';
import { suggestionTables } from './sqlite-suggestions.ts';
import { feedbackTables } from './sqlite-feedback.ts';
import { routingTables } from './sqlite-routing.ts';
import type Database from 'better-sqlite3';
import { backfillCustomerKeys } from './sqlite-customer-keys.ts';
import { searchIndexMigration } from './sqlite-search.ts';
import { backfillStages, stageTablesSql } from './sqlite-stages.ts';
import { caseReferences } from './sqlite-references.ts';
import { backfillTransitions, transitionTablesSql } from './sqlite-process-map.ts';

type Migration = string | ((db: Database.Database) => void);

// The process map (issue 22, docs/reports.md): a row per history entry with its edge (from, event, to), kept
// by a trigger on history (sqlite-process-map.ts) and filled from the history written before.
function transitionTables(db: Database.Database): void {
  db.exec(transitionTablesSql);
  backfillTransitions(db);
}

// Time per stage kept at write time (the stage report, issue 15): the open visits and the ended ones,
// kept by a trigger on history (sqlite-stages.ts), and filled from the history written before: 12.6 s
// for 1,000,000 history entries (the reports bench, foreign keys on).
function stageTables(db: Database.Database): void {
  db.exec(stageTablesSql);
  backfillStages(db);
}

// Token lifetimes (issue 18): when a token stops being accepted (null: never, as every token made
// before) and when it was last accepted (written at most once a minute); an admin's list of a
// tenant's tokens, newest first.
const tokenLifetimes = `
  ALTER TABLE tokens ADD COLUMN expires_at TEXT;
  ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
  CREATE INDEX tokens_by_tenant ON tokens(tenant, created_at DESC, id DESC);
  `;

/**
 * The channel on every case (issue 20): the cases opened before without one came in through the API. The
 * case body holds the channel too (the case is read from it), so both change.
 */
const channelOnEveryCase = `UPDATE cases SET channel = 'api', body = json_set(body, '$.channel', 'api') WHERE channel IS NULL;
  CREATE INDEX cases_by_channel ON cases(tenant, channel, created_at DESC, id DESC);`;

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
  CREATE TABLE tenants (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY, tenant TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
    roles TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
  CREATE TABLE case_types (
    tenant TEXT NOT NULL REFERENCES tenants(id), key TEXT NOT NULL, version INTEGER NOT NULL,
    title TEXT NOT NULL, definition TEXT NOT NULL, published_at TEXT NOT NULL,
    PRIMARY KEY (tenant, key, version));
  CREATE TABLE drafts (
    tenant TEXT NOT NULL REFERENCES tenants(id), key TEXT NOT NULL, definition TEXT NOT NULL,
    problems TEXT NOT NULL, valid INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (tenant, key));
  CREATE TABLE cases (
    id TEXT PRIMARY KEY, tenant TEXT NOT NULL REFERENCES tenants(id), case_type TEXT NOT NULL,
    version INTEGER NOT NULL, state TEXT NOT NULL, state_ids TEXT NOT NULL, data TEXT NOT NULL,
    priority TEXT NOT NULL, queue TEXT, assignee TEXT, channel TEXT, parent_id TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT, revision INTEGER NOT NULL,
    body TEXT NOT NULL,
    FOREIGN KEY (tenant, case_type, version) REFERENCES case_types(tenant, key, version));
  CREATE INDEX cases_by_created ON cases(tenant, created_at DESC, id DESC);
  CREATE INDEX cases_by_type ON cases(tenant, case_type, created_at DESC, id DESC);
  CREATE INDEX cases_by_parent ON cases(parent_id) WHERE parent_id IS NOT NULL;
  CREATE TABLE history (
    case_id TEXT NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, tenant TEXT NOT NULL,
    at TEXT NOT NULL, actor TEXT NOT NULL, event_type TEXT NOT NULL, entry TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)) WITHOUT ROWID;
  CREATE TABLE slas (
    case_id TEXT NOT NULL REFERENCES cases(id), sla_id TEXT NOT NULL, tenant TEXT NOT NULL,
    case_type TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,
    closed_at TEXT, urgency INTEGER NOT NULL, PRIMARY KEY (case_id, sla_id)) WITHOUT ROWID;
  CREATE INDEX slas_by_tenant ON slas(tenant, case_type, name);
  CREATE TABLE timers (
    id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES cases(id),
    timer_id TEXT NOT NULL, event TEXT NOT NULL, due_at TEXT NOT NULL, fired_at TEXT);
  CREATE INDEX timers_due ON timers(due_at, case_id, timer_id) WHERE fired_at IS NULL;
  CREATE INDEX timers_by_case ON timers(case_id, timer_id) WHERE fired_at IS NULL;
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY, tenant TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES cases(id),
    case_type TEXT NOT NULL, state TEXT NOT NULL, title TEXT NOT NULL, queue TEXT, role TEXT,
    form TEXT, opened_at TEXT NOT NULL, due_at TEXT, assignee TEXT, claimed_at TEXT,
    status TEXT NOT NULL, closed_at TEXT);
  CREATE INDEX tasks_by_status ON tasks(tenant, status, opened_at, id);
  CREATE INDEX tasks_by_case ON tasks(case_id, status);
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, case_id TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, effect TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
    attempts INTEGER NOT NULL, next_attempt_at TEXT, delivered_at TEXT, last_error TEXT,
    created_at TEXT NOT NULL);
  CREATE INDEX outbox_due ON outbox(next_attempt_at, id) WHERE status = 'pending';
  CREATE INDEX outbox_by_tenant ON outbox(tenant, status, id);
  CREATE TABLE idempotency (
    tenant TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (tenant, key)) WITHOUT ROWID;
  `,
  `
  ALTER TABLE tokens ADD COLUMN revoked_at TEXT;
  CREATE INDEX tokens_by_name ON tokens(tenant, name) WHERE revoked_at IS NULL;
  CREATE TABLE messages (
    key TEXT PRIMARY KEY, tenant TEXT NOT NULL, case_id TEXT NOT NULL, recipient TEXT NOT NULL,
    template TEXT NOT NULL, sent_at TEXT NOT NULL);
  CREATE INDEX messages_by_case ON messages(tenant, case_id, sent_at, key);
  `,
  // The customer index: its primary key is also the lookup by (tenant, value_norm); the case_id index
  // serves a commit that replaces a case's keys without knowing the old ones.
  (db) => {
    db.exec(`
    CREATE TABLE case_customer_keys (
      tenant TEXT NOT NULL, value_norm TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES cases(id),
      pointer TEXT NOT NULL, PRIMARY KEY (tenant, value_norm, case_id, pointer)) WITHOUT ROWID;
    CREATE INDEX case_customer_keys_by_case ON case_customer_keys(case_id);
    `);
    backfillCustomerKeys(db);
  },
  // `GET /api/cases?status=open`: the open cases, newest first, without walking the closed ones.
  `CREATE INDEX cases_open_by_created ON cases(tenant, created_at DESC, id DESC) WHERE closed_at IS NULL;`,
  // History in the order it is written. Keyed by (case_id, seq) without a rowid, each ~0.5 KB entry
  // went into its case's leaf page, six or seven entries to a page: every event wrote that page and
  // split one every few inserts (2.2–3.1 WAL frames per event). Appended by rowid, a group commit's
  // entries share the last pages, and only the small (case_id, seq) index entry lands at random.
  `
  CREATE TABLE history_log (
    id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, tenant TEXT NOT NULL,
    at TEXT NOT NULL, actor TEXT NOT NULL, event_type TEXT NOT NULL, entry TEXT NOT NULL, UNIQUE (case_id, seq));
  INSERT INTO history_log (case_id, seq, tenant, at, actor, event_type, entry)
    SELECT case_id, seq, tenant, at, actor, event_type, entry FROM history ORDER BY at, case_id, seq;
  DROP TABLE history;
  ALTER TABLE history_log RENAME TO history;
  `,
  stageTables,
  // The process-mining export's window (issue 15): the history entries of a case with `at` in
  // [from, to), found by a seek per case instead of reading all of its entries.
  `CREATE INDEX history_by_case_at ON history(case_id, at);`,
  // Who published each version (the token's name) and the publisher's note (issue 16, Versions); null
  // for the versions published before, and for the first start's templates.
  `ALTER TABLE case_types ADD COLUMN published_by TEXT; ALTER TABLE case_types ADD COLUMN note TEXT;`,
  // Human-readable case references (PA-000123, issue 16): a counter per tenant and prefix, the cases
  // created before numbered in creation order (sqlite-references.ts), unique per tenant.
  caseReferences,
  // Token lifetimes (issue 18): expires_at, last_used_at and the list by tenant (tokenLifetimes above).
  tokenLifetimes,
  // Sign-in sessions (issue 18, OpenID Connect): a person's session is a token of kind 'session' (its
  // secret in an HTTP-only cookie, never a bearer a script holds); an admin's token list leaves them out.
  `ALTER TABLE tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'token';`,
  // Outsourced partners (issue 18): a tenant's partner organisations and the queues delegated to each; the
  // partner a token's or session's holder works for. People who signed in (OpenID Connect): one name per
  // subject of the provider and one subject per name in a tenant, so history's names stay one person's.
  `
  CREATE TABLE partners (
    tenant TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, title TEXT NOT NULL, queues TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (tenant, id));
  ALTER TABLE tokens ADD COLUMN partner TEXT;
  CREATE TABLE people (
    tenant TEXT NOT NULL REFERENCES tenants(id), subject TEXT NOT NULL, name TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (tenant, subject), UNIQUE (tenant, name));
  ALTER TABLE history ADD COLUMN partner TEXT;
  CREATE INDEX history_by_partner ON history(tenant, partner, at) WHERE partner IS NOT NULL;
  `,
  // Migrations of open cases to another version (issue 19): a row per migration, one per case it takes.
  caseMigrationTables,
  // Mailboxes (issue 20, e-mail in): one per case type and tenant, its address unique on the host (one SMTP
  // listener serves every tenant), its SMTP password kept as a SHA-256 hash like a token's. The secrets of the
  // status pages of cases opened by the public form (issue 20, self-service), hashed too.
  `
  CREATE TABLE mailboxes (
    address TEXT PRIMARY KEY, tenant TEXT NOT NULL REFERENCES tenants(id), case_type TEXT NOT NULL,
    secret_hash TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, UNIQUE (tenant, case_type));
  CREATE TABLE case_secrets (
    tenant TEXT NOT NULL, case_id TEXT NOT NULL, secret_hash TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (tenant, case_id));
  `,
  // The channel on every case (issue 20): the cases opened before without one came in through the API.
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
  // Documents in the case file (issue 20): a row per document, its content in chunks.
  documentTables,
  // Task due dates (issue 21, docs/task-due.md): when an overdue task escalated, and the inbox sorted by
  // due time (no due time last: '~' sorts after every instant; runtime/store/task-sort.ts).
  `
  ALTER TABLE tasks ADD COLUMN escalated_at TEXT;
  CREATE INDEX tasks_by_due ON tasks(tenant, status, COALESCE(due_at, '~'), id);
  `,
  // Case search (issue 21, docs/search.md): an FTS5 index of each case's reference, customer and text,
  // filled from the cases already stored.
  searchIndexMigration,
  // Contact-reason suggestions (issue 21): one per case, and the closed cases of a type newest first.
  suggestionTables,
  // Push routing (issue 21): agents, offers (one open per task), the task-holder log.
  routingTables,
  // The dashboards (issue 22): SLAs by when they started, tasks by when they closed (reportIndexes above).
  reportIndexes,
  // The process map (issue 22): the transitions table and its trigger (transitionTables above).
  transitionTables,
  // Customer feedback (issue 22, docs/feedback.md): a survey per case, an answer per case, indexed for the report.
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

/** The version that gave every case a channel (the tests fill an older database before it). */
export const channelVersion = migrations.indexOf(channelOnEveryCase) + 1;

/** The version that added token lifetimes (the tests fill an older database before it). */
export const tokenLifetimesVersion = migrations.indexOf(tokenLifetimes) + 1;

/** The version that added the case search index (the tests fill an older database before it). */
export const searchIndexVersion = migrations.indexOf(searchIndexMigration) + 1;

/** Brings the database to schema version `target` (the latest; tests build older ones); returns the version it is at. */
export function migrate(db: Database.Database, target = migrations.length): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  let current = row.v ?? 0;
  for (let index = current; index < target; index++) {
    const migration = migrations[index] as Migration;
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(index + 1, new Date().toISOString());
    }).immediate();
    current = index + 1;
  }
  return current;
}

export const latestSchemaVersion = migrations.length;
