// Copies an embedded store (a SQLite file) into a PostgreSQL database, every table and every row, and
// proves the copy: the row count and a SHA-256 over a canonical text of each row, per table, computed
// the same way on both sides (docs/store-copy.md). No CLI concerns here; `dossier store copy`
// (runtime/cli/store.ts) prints what this returns.
//
// - The SQLite file is opened read-only and read in one transaction: one snapshot for the copy and its
//   verification, whatever a `dossier serve` still writing to it does meanwhile.
// - The target gets its schema from the PostgreSQL store's own migrations, then the rows in one
//   transaction, in multi-row INSERTs, which commits only when the verification (read back inside
//   that transaction) passes: a copy that fails anywhere leaves the target as it was.
// - timers.id and outbox.id keep their values (OVERRIDING SYSTEM VALUE); their identity sequences are
//   set past the largest copied id.
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { latestSchemaVersion as postgresSchemaVersion, migrate as migratePostgres } from './postgres/migrations.ts';
import { createPostgresDb, statement, type PostgresDb, type Queryable, type SqlValue } from './postgres/postgres-db.ts';
import { translatePostgresError } from './postgres/postgres-faults.ts';
import { redactUrl } from './postgres/url.ts';
import { backfillSearch } from './postgres/postgres-search.ts';
import { searchTables } from './sqlite/sqlite-search.ts';
import { latestSchemaVersion as sqliteSchemaVersion } from './sqlite/migrations.ts';
import { StoreUnavailableError } from './store-unavailable.ts';

/**
 * How a column is stored on each side:
 * - text: TEXT, and text (mostly COLLATE "C");
 * - int: INTEGER, and integer or bigint (timers.id and outbox.id are identities: their values are kept);
 * - bool: INTEGER 0/1, and boolean (1 is true, as the SQLite store reads it);
 * - json: TEXT holding JSON, and `json`, which keeps the text exactly as written;
 * - bytes: BLOB, and bytea (documents' content chunks), compared as PostgreSQL's hex text (`\x…`).
 */
type Kind = 'text' | 'int' | 'bool' | 'json' | 'bytes';

interface Column {
  name: string;
  kind: Kind;
  /** Only in PostgreSQL (the leases of several hosts): not copied, null after the copy, and checked to be. */
  targetOnly: boolean;
  /**
   * U+0000, which PostgreSQL text cannot hold, is written as U+FFFD, as the PostgreSQL store itself
   * writes this column (outbox.last_error: an error message may quote a binary answer). In any other
   * column U+0000 stops the copy, naming the row.
   */
  nulAsReplacement: boolean;
}

export interface TableSpec {
  name: string;
  /** The primary key: the order rows are copied and hashed in, on both sides. */
  key: string[];
  columns: Column[];
  /** SQLite columns not copied (and why, in the table list below). */
  ignored: string[];
  /** The identity column whose sequence is moved past the largest copied value. */
  identity?: string;
}

/**
 * `name[:kind][:target][:nul]` separated by spaces; the kind is text unless named. One list for both
 * schemas (runtime/store/sqlite/migrations.ts, runtime/store/postgres/migrations.ts); the copy checks
 * both databases against it before copying anything, so a migration that adds a column or a table
 * and is not listed here stops the copy instead of leaving that column behind.
 */
function table(name: string, key: string, columns: string, more: { ignored?: string[]; identity?: string } = {}): TableSpec {
  return {
    name,
    key: key.split(' '),
    columns: columns.split(/\s+/).map((text) => {
      const [column, ...flags] = text.split(':') as [string, ...string[]];
      const kind = (flags.find((f) => f === 'int' || f === 'bool' || f === 'json' || f === 'bytes') ?? 'text') as Kind;
      return { name: column, kind, targetOnly: flags.includes('target'), nulAsReplacement: flags.includes('nul') };
    }),
    ignored: more.ignored ?? [],
    ...(more.identity === undefined ? {} : { identity: more.identity }),
  };
}

/** Every table of the store, parents before the tables whose foreign keys name them. */
export const storeTables: readonly TableSpec[] = [
  table('tenants', 'id', 'id created_at webhook_secret'),
  table('tokens', 'id', 'id tenant name roles:json hash created_at revoked_at expires_at last_used_at kind partner'),
  table('partners', 'tenant id', 'tenant id title queues:json created_at updated_at'),
  table('people', 'tenant subject', 'tenant subject name created_at updated_at email'),
  table('mailboxes', 'address', 'address tenant case_type secret_hash created_at created_by'),
  table('case_secrets', 'tenant case_id', 'tenant case_id secret_hash created_at'),
  table('case_types', 'tenant key version', 'tenant key version:int title definition:json published_at published_by note'),
  table('drafts', 'tenant key', 'tenant key definition:json problems:json valid:bool updated_at'),
  table(
    'cases',
    'id',
    `id tenant case_type version:int state:json state_ids data:json priority queue assignee channel parent_id
    created_at updated_at closed_at revision:int body:json reference`,
  ),
  // The reference counters (runtime/store/case-reference.ts): copied, so that the target counts on
  // from the source's numbers and never gives one out again.
  table('case_reference_counters', 'tenant prefix', 'tenant prefix last:int'),
  // SQLite's history.id is the append-order rowid (its migration 5, a storage layout for SQLite's
  // B-tree); PostgreSQL keys history by (case_id, seq) alone.
  table('history', 'case_id seq', 'case_id seq:int tenant at actor event_type entry:json partner', { ignored: ['id'] }),
  table('slas', 'case_id sla_id', 'case_id sla_id tenant case_type name status started_at closed_at urgency:int'),
  table('timers', 'id', 'id:int tenant case_id timer_id event due_at fired_at claimed_until:target', { identity: 'id' }),
  table('tasks', 'id', 'id tenant case_id case_type state title queue role form opened_at due_at assignee claimed_at status closed_at escalated_at'),
  table(
    'outbox',
    'id',
    `id:int tenant case_id key type effect:json payload:json status attempts:int next_attempt_at delivered_at last_error:nul
    created_at claimed_until:target`,
    { identity: 'id' },
  ),
  table('idempotency', 'tenant key', 'tenant key method path status:int body:json created_at'),
  table('messages', 'key', 'key tenant case_id recipient template sent_at status address subject message_id language attempts:int last_error'),
  table('case_customer_keys', 'tenant value_norm case_id pointer', 'tenant value_norm case_id pointer'),
  // Time per stage (runtime/store/stage-visits.ts): derived from the history by a trigger on each side.
  // Copied as stored, not derived again: the target's triggers are off while the rows go in.
  table('stage_current', 'case_id state', 'case_id state tenant case_type entered_seq:int entered_at last_seq:int'),
  table('stage_visits', 'tenant case_type state entered_at case_id entered_seq', 'tenant case_type state entered_at case_id entered_seq:int left_at ms:int'),
  // The process map (issue 22): a row per history entry with its edge, derived by a trigger on each side too.
  table('transitions', 'tenant case_type source event target ms at case_id seq', 'tenant case_type source event target ms:int at case_id seq:int version:int edge_prev_at visit_prev_at'),
  // Migrations of open cases to another version (issue 19) and the cases each took.
  table('case_migrations', 'tenant id', 'tenant id case_type from_version:int to_version:int plan:json status started_by started_at finished_at'),
  table('case_migration_items', 'tenant migration_id n', 'tenant migration_id n:int case_id status detail:json at'),
  // Documents in the case file (issue 20): a row per document, its content in chunks.
  table('documents', 'tenant id', 'tenant id case_id name content_type size:int sha256 field added_at added_by removed_at removed_by storage'),
  table('document_chunks', 'tenant document_id n', 'tenant document_id n:int bytes:bytes'),
  // Contact-reason suggestions (issue 21): one per case, its outcome once decided.
  table(
    'reason_suggestions',
    'tenant case_id',
    'tenant case_id case_type field value confidence_ppm:int trained_on:int trained_at suggested_at outcome chosen decided_at',
  ),
  // Push routing (issue 21, docs/routing.md): agents, the offers made, who held each task when.
  table('agents', 'tenant name', 'tenant name skills capacity availability queues updated_at updated_by last_offer:int'),
  table('task_offers', 'id', 'id:int tenant task_id case_id agent queue channel status offered_at expires_at ended_at explanation', { identity: 'id' }),
  table('task_log', 'id', 'id:int tenant task_id case_id at kind agent by_name detail', { identity: 'id' }),
  // Customer feedback (issue 22, docs/feedback.md): a survey per case, an answer per case.
  table('feedback_surveys', 'tenant case_id', 'tenant case_id case_type version:int channel queue token_hash via sent_at expires_at'),
  table('feedback', 'tenant case_id', 'tenant case_id case_type version:int channel queue score:int answered_at'),
];

export type CopyErrorCode =
  | 'source.unreadable'
  | 'source.not_dossier'
  | 'source.schema'
  | 'source.value'
  | 'target.unreachable'
  | 'target.schema'
  | 'target.not_empty'
  | 'target.busy'
  | 'copy.failed';

/** Why a copy or a verification could not be done, in one line that says what to do. */
export class CopyError extends Error {
  readonly code: CopyErrorCode;
  constructor(code: CopyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CopyError';
    this.code = code;
  }
}

export interface Progress {
  table: string;
  phase: 'copy' | 'verify';
  /** Rows copied (or read back) so far, and the table's rows in the source. */
  done: number;
  total: number;
}

export interface TableCheck {
  table: string;
  sourceRows: number;
  targetRows: number;
  /** SHA-256 (hex) over the table's rows, in key order, one canonical line each. */
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
  /** The key of the first row that differs (or is missing on one side), null when none does. */
  firstDifference: string | null;
}

export interface VerifyResult {
  ok: boolean;
  tables: TableCheck[];
}

export interface CopyResult extends VerifyResult {
  /** True when the copy was committed (only ever after a verification that passed). */
  committed: boolean;
  /** Rows copied, all tables. */
  rows: number;
  ms: number;
}

export interface CopyOptions {
  /** The SQLite file of the embedded store. */
  from: string;
  /** A libpq URL: `postgres://user:password@host:5432/database`. */
  to: string;
  /** Replace what the target holds (its Dossier tables emptied first, in the copy's transaction); without it a target holding any row is refused. */
  force?: boolean;
  /** Rows per INSERT (default 500; fewer for a wide table, to stay under the protocol's 65,535 parameters). */
  batchSize?: number;
  /** Called after each batch copied and each batch read back. */
  onProgress?: (progress: Progress) => void;
  /** Milliseconds to wait for a lock (a host still serving from the target) before failing (default 10,000). */
  lockTimeoutMs?: number;
}


/** One INSERT at most this many characters of values (a batch of large case bodies is cut short). */
const BATCH_CHARS = 8 * 1024 * 1024;
/** Rows read back per FETCH while verifying. */
const FETCH_ROWS = 2000;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const sourceColumns = (spec: TableSpec): Column[] => spec.columns.filter((c) => !c.targetOnly);
const orderBy = (spec: TableSpec): string => spec.key.map(quote).join(', ');

// ---------------------------------------------------------------------------------------------------
// The source

interface Source {
  db: Database.Database;
  /** The tables of `storeTables` the file has (all of them, but for a table neither store has yet). */
  present: Set<string>;
}

/** Opens the SQLite file read-only, in one read transaction, after checking that it is a Dossier store at the latest schema. */
function openSource(file: string): Source {
  if (!existsSync(file)) throw new CopyError('source.unreadable', `cannot open '${file}': no such file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CopyError('source.unreadable', `cannot open '${file}': ${(error as Error).message}`, { cause: error });
  }
  try {
    // every read below, the copy's and the verification's, sees this one snapshot
    db.exec('BEGIN');
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name),
    );
    if (!tables.has('schema_version') || !tables.has('cases')) {
      throw new CopyError('source.not_dossier', `'${file}' is not a Dossier database (no schema_version and cases tables)`);
    }
    const version = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
    if (version < sqliteSchemaVersion) {
      throw new CopyError(
        'source.schema',
        `'${file}' is at schema version ${version}, older than this Dossier's ${sqliteSchemaVersion}: start 'dossier serve --db ${file}' once (it migrates the file as it starts), stop it, then copy again`,
      );
    }
    if (version > sqliteSchemaVersion) {
      throw new CopyError('source.schema', `'${file}' is at schema version ${version}, written by a newer Dossier than this one (${sqliteSchemaVersion}); copy it with that version`);
    }
    for (const name of tables) {
      // the search index (FTS5 and its shadow tables) is derived from the cases: the target builds its own
      if (name !== 'schema_version' && !searchTables.includes(name) && !storeTables.some((t) => t.name === name)) {
        throw new CopyError('source.schema', `'${file}' has a table '${name}' that this copy does not know, so it would be left behind; nothing was copied`);
      }
    }
    for (const spec of storeTables) {
      if (!tables.has(spec.name)) continue;
      const actual = (db.prepare(`PRAGMA table_info(${quote(spec.name)})`).all() as { name: string }[]).map((r) => r.name);
      const expected = [...sourceColumns(spec).map((c) => c.name), ...spec.ignored];
      const unknown = actual.filter((c) => !expected.includes(c));
      const missing = expected.filter((c) => !actual.includes(c));
      if (unknown.length > 0 || missing.length > 0) {
        throw new CopyError(
          'source.schema',
          `'${file}': table ${spec.name} ${unknown.length > 0 ? `has column(s) ${unknown.join(', ')} that this copy does not know` : `lacks column(s) ${missing.join(', ')}`}; nothing was copied`,
        );
      }
    }
    return { db, present: new Set(storeTables.filter((t) => tables.has(t.name)).map((t) => t.name)) };
  } catch (error) {
    db.close();
    if (error instanceof CopyError) throw error;
    throw new CopyError('source.unreadable', `cannot read '${file}': ${(error as Error).message}`, { cause: error });
  }
}

function countRows(source: Database.Database, spec: TableSpec): number {
  return (source.prepare(`SELECT COUNT(*) AS n FROM ${quote(spec.name)}`).get() as { n: number }).n;
}

/** The source's rows of a table in key order, as arrays of the copied columns' values. */
function sourceRows(source: Database.Database, spec: TableSpec): IterableIterator<unknown[]> {
  const columns = sourceColumns(spec).map((c) => quote(c.name)).join(', ');
  return source.prepare(`SELECT ${columns} FROM ${quote(spec.name)} ORDER BY ${orderBy(spec)}`).raw(true).iterate() as IterableIterator<unknown[]>;
}

/** `case_id="c-1", seq=3`: a row's key, for messages. */
function describeKey(spec: TableSpec, values: Record<string, unknown>): string {
  return spec.key
    .map((k) => {
      const value = values[k] ?? null;
      const int = spec.columns.find((c) => c.name === k)?.kind === 'int';
      return `${k}=${value !== null && int ? String(value) : JSON.stringify(value)}`;
    })
    .join(', ');
}

/** A source value as it is written to PostgreSQL. */
function toTarget(spec: TableSpec, column: Column, value: unknown, row: () => Record<string, unknown>): SqlValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'int':
      if (typeof value === 'bigint') return String(value);
      if (typeof value !== 'number' || !Number.isInteger(value)) throw badValue(spec, column, row(), `holds ${JSON.stringify(String(value))}, not an integer`);
      return value;
    case 'bool':
      return value === 1;
    case 'bytes':
      if (!Buffer.isBuffer(value)) throw badValue(spec, column, row(), `holds ${JSON.stringify(String(value))}, not a BLOB`);
      return value;
    default: {
      if (typeof value !== 'string') {
        throw badValue(spec, column, row(), Buffer.isBuffer(value) ? 'holds a BLOB, not text' : `holds ${JSON.stringify(String(value))}, not text`);
      }
      if (!value.includes('\u0000')) return value;
      if (column.nulAsReplacement) return value.replaceAll('\u0000', '\uFFFD');
      throw badValue(spec, column, row(), 'holds the character U+0000, which PostgreSQL text cannot');
    }
  }
}

function badValue(spec: TableSpec, column: Column, row: Record<string, unknown>, why: string): CopyError {
  return new CopyError('source.value', `table ${spec.name}, row ${describeKey(spec, row)}: column ${column.name} ${why}; nothing was copied`);
}

/** The canonical text of a copied value: what PostgreSQL's `value::text` answers for it. */
function canonical(column: Column, value: unknown): string | null {
  if (value === null || value === undefined || column.targetOnly) return null;
  switch (column.kind) {
    case 'int':
      return String(value);
    case 'bool':
      return value === 1 ? 'true' : 'false';
    case 'bytes':
      return Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : String(value);
    default:
      return column.nulAsReplacement && typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : String(value);
  }
}

// ---------------------------------------------------------------------------------------------------
// The target

function targetFailure(url: string, error: unknown): CopyError {
  const e = error as { code?: unknown; message?: unknown };
  const translated = translatePostgresError(error);
  const why =
    e.code === '3D000'
      ? 'the database does not exist (create it with createdb, or name another in the URL)'
      : e.code === '28P01' || e.code === '28000'
        ? 'the server refused the user or password'
        : translated instanceof StoreUnavailableError
          ? translated.message
          : typeof e.message === 'string' && e.message !== ''
            ? e.message
            : String(error);
  return new CopyError('target.unreachable', `cannot use the database ${redactUrl(url)}: ${why}`, { cause: error });
}

function openTarget(url: string, lockTimeoutMs: number): PostgresDb {
  try {
    return createPostgresDb({ url, poolSize: 2, connectTimeoutMs: 10_000, lockTimeoutMs });
  } catch (error) {
    throw targetFailure(url, error);
  }
}

/**
 * Checks that the target's tables have exactly the columns the copy writes (a newer or foreign schema
 * stops it), and returns the tables to copy: those of `storeTables` on both sides. A table on one side
 * only stops it too; one on neither (a table this version's stores do not have yet) is skipped.
 */
async function tablesToCopy(db: Queryable, url: string, source: Source): Promise<TableSpec[]> {
  const [row] = await db.rows<{ present: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  if (row?.present !== true) throw new CopyError('target.schema', `the database ${redactUrl(url)} has no Dossier schema`);
  const [version] = await db.rows<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
  if ((version?.v ?? 0) > postgresSchemaVersion) {
    throw new CopyError(
      'target.schema',
      `the database ${redactUrl(url)} is at schema version ${version?.v}, migrated by a newer Dossier than this one (${postgresSchemaVersion}); copy with that version`,
    );
  }
  const rows = await db.rows<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
  );
  const tables: TableSpec[] = [];
  for (const spec of storeTables) {
    const actual = rows.filter((r) => r.table_name === spec.name).map((r) => r.column_name);
    const inSource = source.present.has(spec.name);
    if (actual.length === 0 && !inSource) continue;
    if (actual.length === 0 || !inSource) {
      throw new CopyError('target.schema', `table ${spec.name} is in the ${inSource ? 'source' : 'target'} only (${redactUrl(url)} is at another schema than the file); nothing was copied`);
    }
    tables.push(spec);
    const expected = spec.columns.map((c) => c.name);
    const unknown = actual.filter((c) => !expected.includes(c));
    const missing = expected.filter((c) => !actual.includes(c));
    if (unknown.length > 0 || missing.length > 0) {
      throw new CopyError(
        'target.schema',
        `the database ${redactUrl(url)}: table ${spec.name} ${missing.length > 0 ? `lacks column(s) ${missing.join(', ')}` : `has column(s) ${unknown.join(', ')} that this copy does not know`}`,
      );
    }
  }
  return tables;
}

/**
 * The target's enabled user triggers on `tables` (the stage tables' trigger on history): the copy
 * turns them off while it writes, so derived tables are copied as stored rather than derived a second
 * time, and on again before its verification and commit (ALTER TABLE is transactional: no other
 * session ever sees them off).
 */
async function userTriggers(tx: Queryable, tables: TableSpec[]): Promise<{ table: string; trigger: string }[]> {
  const rows = await tx.rows<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY ($1::text[])
    ORDER BY c.relname, t.tgname`,
    [tables.map((t) => t.name)],
  );
  return rows;
}


/** Copies one table in batches: one INSERT of up to `batchSize` rows (or BATCH_CHARS of text) at a time. */
async function copyTable(source: Database.Database, tx: Queryable, spec: TableSpec, batchSize: number, onProgress: (p: Progress) => void): Promise<number> {
  const total = countRows(source, spec);
  const columns = sourceColumns(spec);
  const width = columns.length;
  const perInsert = Math.max(1, Math.min(batchSize, Math.floor(65_535 / width)));
  const head = `INSERT INTO ${quote(spec.name)} (${columns.map((c) => quote(c.name)).join(', ')})${spec.identity === undefined ? '' : ' OVERRIDING SYSTEM VALUE'} VALUES `;
  const valuesOf = (rows: number): string =>
    Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
  // a full batch is the same statement every time: prepared once, under a name
  const full = statement(`copy.${spec.name}.${perInsert}`, head + valuesOf(perInsert));
  let values: SqlValue[] = [];
  let chars = 0;
  let done = 0;
  onProgress({ table: spec.name, phase: 'copy', done, total });
  const flush = async (): Promise<void> => {
    const rows = values.length / width;
    if (rows === 0) return;
    await tx.changes(rows === perInsert ? full : head + valuesOf(rows), values);
    done += rows;
    values = [];
    chars = 0;
    onProgress({ table: spec.name, phase: 'copy', done, total });
  };
  for (const raw of sourceRows(source, spec)) {
    const row = (): Record<string, unknown> => Object.fromEntries(columns.map((c, i) => [c.name, raw[i]]));
    for (let i = 0; i < width; i++) {
      const value = toTarget(spec, columns[i] as Column, raw[i], row);
      if (typeof value === 'string' || Buffer.isBuffer(value)) chars += value.length;
      values.push(value);
    }
    if (values.length / width >= perInsert || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  return done;
}

/**
 * Reads each table back from both sides in key order, side by side (the source from its snapshot,
 * the target through a cursor in `tx`'s transaction), hashing one canonical line per row
 * (`JSON.stringify` of the values as text, as PostgreSQL's `::text` renders them), so that neither
 * side is ever held in memory.
 */
async function compareTables(source: Database.Database, tx: Queryable, tables: TableSpec[], onProgress: (p: Progress) => void): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const spec of tables) checks.push(await compareTable(source, tx, spec, onProgress));
  return checks;
}

async function compareTable(source: Database.Database, tx: Queryable, spec: TableSpec, onProgress: (p: Progress) => void): Promise<TableCheck> {
  const total = countRows(source, spec);
  const sourceHash: Hash = createHash('sha256');
  const targetHash: Hash = createHash('sha256');
  const keyIndexes = spec.key.map((k) => spec.columns.findIndex((c) => c.name === k));
  const keyOf = (values: (string | null)[]): string => describeKey(spec, Object.fromEntries(spec.key.map((k, i) => [k, values[keyIndexes[i] as number]])));
  let sourceCount = 0;
  let targetCount = 0;
  let firstDifference: string | null = null;
  const rows = sourceRows(source, spec);
  /** The next source row as canonical values in the order of spec.columns (target-only ones null), or null at the end. */
  const nextSource = (): (string | null)[] | null => {
    const next = rows.next();
    if (next.done === true) return null;
    const raw = next.value;
    let i = 0;
    const values = spec.columns.map((c) => (c.targetOnly ? null : canonical(c, raw[i++])));
    sourceHash.update(JSON.stringify(values) + '\n');
    sourceCount++;
    return values;
  };
  const select = spec.columns.map((c, i) => `${quote(c.name)}::text AS c${i}`).join(', ');
  await tx.rows(`DECLARE dossier_verify NO SCROLL CURSOR FOR SELECT ${select} FROM ${quote(spec.name)} ORDER BY ${orderBy(spec)}`);
  try {
    onProgress({ table: spec.name, phase: 'verify', done: 0, total });
    for (;;) {
      const batch = await tx.rows<Record<string, string | null>>(`FETCH ${FETCH_ROWS} FROM dossier_verify`);
      for (const row of batch) {
        const values = spec.columns.map((_, i) => row[`c${i}`] ?? null);
        const line = JSON.stringify(values);
        targetHash.update(line + '\n');
        targetCount++;
        const mine = nextSource();
        if (firstDifference !== null) continue;
        if (mine === null) firstDifference = `${keyOf(values)} is in the target only`;
        else if (JSON.stringify(mine) !== line) {
          const [a, b] = [keyOf(mine), keyOf(values)];
          firstDifference = a === b ? `${a} differs` : `source row ${a} against target row ${b}`;
        }
      }
      onProgress({ table: spec.name, phase: 'verify', done: targetCount, total });
      if (batch.length < FETCH_ROWS) break;
    }
    for (let mine = nextSource(); mine !== null; mine = nextSource()) {
      firstDifference ??= `${keyOf(mine)} is missing in the target`;
    }
  } finally {
    rows.return?.();
    await tx.rows('CLOSE dossier_verify').catch(() => undefined);
  }
  const sourceChecksum = sourceHash.digest('hex');
  const targetChecksum = targetHash.digest('hex');
  const ok = sourceCount === targetCount && sourceChecksum === targetChecksum;
  return { table: spec.name, sourceRows: sourceCount, targetRows: targetCount, sourceChecksum, targetChecksum, ok, firstDifference: ok ? null : firstDifference };
}

/** Raised inside the copy's transaction when the verification fails, to roll it back. */
class VerificationFailed extends Error {
  constructor(readonly tables: TableCheck[]) {
    super('verification failed');
  }
}

/** What a fault of the target while copying means, in one line. */
function copyFailure(url: string, error: unknown, where: string, lockTimeoutMs: number, suffix: string): CopyError {
  if (error instanceof CopyError) return error;
  const e = error as { code?: unknown; message?: unknown; detail?: unknown };
  if (e.code === '55P03') {
    return new CopyError(
      'target.busy',
      `the database ${redactUrl(url)} is in use: a lock was not granted within ${lockTimeoutMs / 1000} s while ${where}; stop the hosts serving from it and try again${suffix}`,
      { cause: error },
    );
  }
  const translated = translatePostgresError(error);
  const why = translated instanceof StoreUnavailableError ? translated.message : `${String(e.message)}${typeof e.detail === 'string' ? ` (${e.detail})` : ''}`;
  return new CopyError('copy.failed', `${where} failed: ${why}${suffix}`, { cause: error });
}

/**
 * Copies every table of the SQLite store `from` into the PostgreSQL database `to` (creating the
 * schema there), verifies the copy inside its transaction, and commits only when every table matches.
 * Throws CopyError when it cannot (the target then holds at most an empty schema it did not have);
 * resolves with `ok: false, committed: false` when the verification found a difference (rolled back).
 */
export async function copyStore(options: CopyOptions): Promise<CopyResult> {
  const started = performance.now();
  const onProgress = options.onProgress ?? (() => undefined);
  const lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 500;
  const source = openSource(options.from);
  try {
    const db = openTarget(options.to, lockTimeoutMs);
    try {
      try {
        await migratePostgres(db);
      } catch (error) {
        throw targetFailure(options.to, error);
      }
      let current: string | null = null;
      let rows = 0;
      let copied: TableSpec[] = [];
      try {
        const checks = await db.transaction(async (tx) => {
          const tables = await tablesToCopy(tx, options.to, source);
          copied = tables;
          const names = tables.map((t) => quote(t.name)).join(', ');
          if (options.force === true) {
            await tx.rows(`TRUNCATE ${names}, case_search RESTART IDENTITY`);
          } else {
            // no host may write between this check and the commit
            await tx.rows(`LOCK TABLE ${names} IN EXCLUSIVE MODE`);
            const held: string[] = [];
            for (const spec of tables) {
              const [row] = await tx.rows<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(spec.name)}) AS found`);
              if (row?.found === true) held.push(spec.name);
            }
            if (held.length > 0) {
              throw new CopyError(
                'target.not_empty',
                `the database ${redactUrl(options.to)} already holds Dossier data (rows in ${held.join(', ')}); copy into an empty database, or add --force to replace what it holds`,
              );
            }
          }
          const triggers = await userTriggers(tx, tables);
          for (const t of triggers) await tx.rows(`ALTER TABLE ${quote(t.table)} DISABLE TRIGGER ${quote(t.trigger)}`);
          for (const spec of tables) {
            current = spec.name;
            rows += await copyTable(source.db, tx, spec, batchSize, onProgress);
            if (spec.identity !== undefined) {
              await tx.rows(
                `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(spec.identity)}) FROM ${quote(spec.name)}), 0) + 1, false)`,
                [spec.name, spec.identity],
              );
            }
          }
          // the search index is derived: built from the copied cases, as the migration builds it (docs/search.md)
          current = 'case_search';
          await backfillSearch(tx);
          current = null;
          for (const t of triggers) await tx.rows(`ALTER TABLE ${quote(t.table)} ENABLE TRIGGER ${quote(t.trigger)}`);
          const result = await compareTables(source.db, tx, tables, onProgress);
          if (!result.every((c) => c.ok)) throw new VerificationFailed(result);
          return result;
        });
        // fresh statistics for the planner at once, rather than when autovacuum gets to it
        await db.rows(`ANALYZE ${copied.map((t) => quote(t.name)).join(', ')}`).catch(() => undefined);
        return { ok: true, committed: true, tables: checks, rows, ms: performance.now() - started };
      } catch (error) {
        if (error instanceof VerificationFailed) return { ok: false, committed: false, tables: error.tables, rows, ms: performance.now() - started };
        throw copyFailure(options.to, error, current === null ? 'preparing the copy' : `copying table ${current}`, lockTimeoutMs, '; nothing was committed');
      }
    } finally {
      await db.end().catch(() => undefined);
    }
  } finally {
    source.db.close();
  }
}

/**
 * Compares the SQLite store `from` with the PostgreSQL database `to` as they are now, table by table:
 * row counts and checksums, computed as the copy computes them. Changes neither.
 */
export async function verifyCopy(options: { from: string; to: string; onProgress?: (progress: Progress) => void }): Promise<VerifyResult> {
  const source = openSource(options.from);
  try {
    const db = openTarget(options.to, 10_000);
    try {
      try {
        await db.rows('SELECT 1');
      } catch (error) {
        throw targetFailure(options.to, error);
      }
      const tables = await db.transaction(async (tx) => {
        await tx.rows('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return compareTables(source.db, tx, await tablesToCopy(tx, options.to, source), options.onProgress ?? (() => undefined));
      });
      return { ok: tables.every((t) => t.ok), tables };
    } catch (error) {
      throw copyFailure(options.to, error, 'verifying', 10_000, '');
    } finally {
      await db.end().catch(() => undefined);
    }
  } finally {
    source.db.close();
  }
}
