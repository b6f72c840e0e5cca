// A store full of report data, written straight into the tables (multi-row inserts, no engine, no
// commit path): `entries` history entries over cases of three types, ten entries a case on average,
// whose states walk a playbook with nested and parallel states (as the templates' do), two SLAs a case,
// a reason in each case's data, a channel and a queue, and one task a case claimed by one of 40 agents. Deterministic (a seeded generator), so SQLite and PostgreSQL hold
// the same rows and give the same reports.
import type Database from 'better-sqlite3';
import type { StateValue } from '../../runtime/engine/index.ts';
import { stateIdsColumn } from '../../runtime/store/state-ids.ts';

export const REPORT_TENANT = 'default';
const CASE_TYPES = ['complaint', 'order-inquiry', 'incident'];
const REASONS = ['billing', 'delivery', 'quality', 'service', 'refund', 'fraud', 'privacy', 'website', 'contract', 'other', 'staff', 'price'];
const SLA_STATUSES = ['running', 'paused', 'warning', 'missed-goal', 'breached', 'met', 'met', 'met', 'met-late', 'cancelled'] as const;
/** The walk: each step moves on, stays (an event that changes only data), or goes back (a reopen). */
const STATES: StateValue[] = [
  { triage: 'collect' },
  { triage: 'classify' },
  { investigating: { evidence: 'waiting', approval: 'pending' } },
  { investigating: { evidence: 'received', approval: 'pending' } },
  { investigating: { evidence: 'received', approval: 'approved' } },
  'waitingForCustomer',
  'resolved',
  'closed',
];
const BASE_MS = Date.parse('2025-01-01T00:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CaseRow {
  id: string; caseType: string; state: string; stateIds: string; data: string; priority: string; queue: string; channel: string;
  createdAt: string; updatedAt: string; closedAt: string | null; revision: number; body: string;
}
export interface HistoryRow { caseId: string; seq: number; at: string; actor: string; eventType: string; entry: string }
export interface SlaRow { caseId: string; slaId: string; caseType: string; name: string; status: string; startedAt: string; closedAt: string | null }
export interface TaskRow { id: string; caseId: string; caseType: string; queue: string; openedAt: string; assignee: string; claimedAt: string; status: string; closedAt: string | null }

export interface ReportBatch {
  cases: CaseRow[];
  history: HistoryRow[];
  slas: SlaRow[];
  tasks: TaskRow[];
}

const CHANNELS = ['email', 'web', 'phone', 'letter', 'chat', 'api'];
const QUEUES = ['triage', 'billing', 'support'];

const NOTE = 'The customer called again about the same order; the agent checked the account and the shipment. '.repeat(2);

/** The rows of `entries` history entries, in batches of about `batchEntries` entries (whole cases). */
export function* reportData(entries: number, batchEntries = 20_000): Generator<ReportBatch> {
  const rng = random(15);
  let written = 0;
  let index = 0;
  let batch: ReportBatch = { cases: [], history: [], slas: [], tasks: [] };
  while (written < entries) {
    const id = `case-${String(index).padStart(8, '0')}`;
    const caseType = CASE_TYPES[index % CASE_TYPES.length] as string;
    const count = Math.min(entries - written, 1 + Math.floor(rng() * 19));
    const created = BASE_MS + Math.floor(rng() * YEAR_MS);
    let at = created;
    let step = 0;
    let from: StateValue | null = null;
    for (let seq = 1; seq <= count; seq++) {
      if (seq > 1) {
        at += 60_000 + Math.floor(rng() * 3 * 86_400_000);
        const roll = rng();
        // 30 %: an event that changes only data (the state stays)
        if (roll < 0.6) step = Math.min(step + 1, STATES.length - 1);
        else if (roll >= 0.9) step = 2; // reopened: back to the investigation
      }
      const to = STATES[step] as StateValue;
      const iso = new Date(at).toISOString();
      const eventType = seq === 1 ? 'case.created' : `EVENT_${step}`;
      const entry = {
        seq, at: iso, actor: `agent-${index % 40}`, event: { type: eventType, data: { comment: NOTE.slice(0, 120 + (seq % 80)) } },
        from, to, patch: [{ op: 'replace', path: '/status', value: `step ${step}` }], notes: seq % 5 === 0 ? ['Checked with the warehouse.'] : [],
      };
      batch.history.push({ caseId: id, seq, at: iso, actor: entry.actor, eventType, entry: JSON.stringify(entry) });
      from = to;
    }
    const createdAt = new Date(created).toISOString();
    const updatedAt = new Date(at).toISOString();
    const state = from as StateValue;
    const closedAt = state === 'closed' ? updatedAt : null;
    const data = { reason: REASONS[Math.floor(rng() * rng() * REASONS.length)], severity: rng() < 0.2 ? 'high' : 'low', customer: { name: 'A. Customer', email: `c${index}@example.com` } };
    const slas = ['firstResponse', 'resolution'].map((name, i) => ({
      caseId: id, slaId: `${name}#1`, caseType, name, status: SLA_STATUSES[Math.floor(rng() * SLA_STATUSES.length)] as string,
      startedAt: createdAt, closedAt: i === 0 ? updatedAt : closedAt,
    }));
    // channel and queue from the case's number (no draw from the generator: the rest of the data stays as it was)
    const channel = CHANNELS[Math.floor(index / 3) % CHANNELS.length] as string;
    const queue = QUEUES[Math.floor(index / 7) % QUEUES.length] as string;
    const body = { id, caseType, version: 1, state, data, priority: 'normal', queue, assignee: null, channel, parentId: null, createdAt, updatedAt, closedAt, revision: count };
    batch.cases.push({
      id, caseType, state: JSON.stringify(state), stateIds: stateIdsColumn(state), data: JSON.stringify(data), priority: 'normal', queue, channel,
      createdAt, updatedAt, closedAt, revision: count, body: JSON.stringify(body),
    });
    // one task a case: claimed ten minutes in by one of 40 agents, closed by the case's last event (open when it had one)
    batch.tasks.push({
      id: `${id}:triage:1`, caseId: id, caseType, queue, openedAt: createdAt, assignee: `agent-${(index * 7) % 40}`,
      claimedAt: new Date(created + 600_000).toISOString(), status: count > 1 ? 'closed' : 'open', closedAt: count > 1 ? updatedAt : null,
    });
    batch.slas.push(...slas);
    written += count;
    index++;
    if (batch.history.length >= batchEntries) {
      yield batch;
      batch = { cases: [], history: [], slas: [], tasks: [] };
    }
  }
  if (batch.cases.length > 0) yield batch;
}

const definition = (key: string) => JSON.stringify({ key, title: key, version: 1, data: { type: 'object' }, playbook: { initial: 'triage', states: { triage: {} } } });

/** Multi-row INSERT of `rows` (each an array of values) into `table (columns)`, `per` rows a statement. */
function insertMany(db: Database.Database, table: string, columns: string[], rows: unknown[][], per = 100): void {
  const one = `(${columns.map(() => '?').join(', ')})`;
  const full = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: per }, () => one).join(', ')}`);
  let i = 0;
  for (; i + per <= rows.length; i += per) full.run(...rows.slice(i, i + per).flat());
  if (i < rows.length) {
    const rest = rows.slice(i);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rest.map(() => one).join(', ')}`).run(...rest.flat());
  }
}

/** Fills a migrated SQLite database (the store's schema) with `entries` history entries. */
export function fillSqlite(db: Database.Database, entries: number, at: string): { cases: number; slas: number } {
  let cases = 0;
  let slas = 0;
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO tenants (id, created_at) VALUES (?, ?)').run(REPORT_TENANT, at);
    for (const key of CASE_TYPES) {
      db.prepare('INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES (?, ?, 1, ?, ?, ?)').run(REPORT_TENANT, key, key, definition(key), at);
    }
  })();
  for (const batch of reportData(entries)) {
    db.transaction(() => {
      insertMany(db, 'cases', ['id', 'tenant', 'case_type', 'version', 'state', 'state_ids', 'data', 'priority', 'queue', 'channel', 'created_at', 'updated_at', 'closed_at', 'revision', 'body'],
        batch.cases.map((c) => [c.id, REPORT_TENANT, c.caseType, 1, c.state, c.stateIds, c.data, c.priority, c.queue, c.channel, c.createdAt, c.updatedAt, c.closedAt, c.revision, c.body]));
      insertMany(db, 'tasks', ['id', 'tenant', 'case_id', 'case_type', 'state', 'title', 'queue', 'opened_at', 'assignee', 'claimed_at', 'status', 'closed_at'],
        batch.tasks.map((t) => [t.id, REPORT_TENANT, t.caseId, t.caseType, 'triage', 'Triage', t.queue, t.openedAt, t.assignee, t.claimedAt, t.status, t.closedAt]));
      insertMany(db, 'history', ['case_id', 'seq', 'tenant', 'at', 'actor', 'event_type', 'entry'],
        batch.history.map((h) => [h.caseId, h.seq, REPORT_TENANT, h.at, h.actor, h.eventType, h.entry]));
      insertMany(db, 'slas', ['case_id', 'sla_id', 'tenant', 'case_type', 'name', 'status', 'started_at', 'closed_at', 'urgency'],
        batch.slas.map((s) => [s.caseId, s.slaId, REPORT_TENANT, s.caseType, s.name, s.status, s.startedAt, s.closedAt, 0]));
    })();
    cases += batch.cases.length;
    slas += batch.slas.length;
  }
  db.exec('ANALYZE');
  return { cases, slas };
}

/** What fillPostgres needs of a connection: one statement with values. */
export interface PgQuery {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Fills a migrated PostgreSQL database (the store's schema) with `entries` history entries: one
 * INSERT … SELECT FROM json_to_recordset per table and batch, the batch sent as one JSON text (the
 * documents in it as written, so the json columns keep their text).
 */
export async function fillPostgres(db: PgQuery, entries: number, at: string): Promise<{ cases: number; slas: number }> {
  let cases = 0;
  let slas = 0;
  await db.query('INSERT INTO tenants (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [REPORT_TENANT, at]);
  for (const key of CASE_TYPES) {
    await db.query('INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES ($1, $2, 1, $2, $3, $4)', [REPORT_TENANT, key, definition(key), at]);
  }
  const q = JSON.stringify;
  for (const batch of reportData(entries)) {
    const caseRows = batch.cases.map((c) =>
      `{"id":${q(c.id)},"case_type":${q(c.caseType)},"state":${c.state},"state_ids":${q(c.stateIds)},"data":${c.data},"priority":${q(c.priority)},` +
      `"queue":${q(c.queue)},"channel":${q(c.channel)},"created_at":${q(c.createdAt)},"updated_at":${q(c.updatedAt)},"closed_at":${q(c.closedAt)},"revision":${c.revision},"body":${c.body}}`);
    await db.query(
      `INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, queue, channel, created_at, updated_at, closed_at, revision, body)
      SELECT id, $1, case_type, 1, state, state_ids, data, priority, queue, channel, created_at, updated_at, closed_at, revision, body
      FROM json_to_recordset($2::json) AS t(id text, case_type text, state json, state_ids text, data json, priority text, queue text, channel text,
        created_at text, updated_at text, closed_at text, revision integer, body json)`,
      [REPORT_TENANT, `[${caseRows.join(',')}]`],
    );
    const historyRows = batch.history.map((h) => `{"case_id":${q(h.caseId)},"seq":${h.seq},"at":${q(h.at)},"actor":${q(h.actor)},"event_type":${q(h.eventType)},"entry":${h.entry}}`);
    await db.query(
      `INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry)
      SELECT case_id, seq, $1, at, actor, event_type, entry
      FROM json_to_recordset($2::json) AS t(case_id text, seq integer, at text, actor text, event_type text, entry json)`,
      [REPORT_TENANT, `[${historyRows.join(',')}]`],
    );
    await db.query(
      `INSERT INTO slas (case_id, sla_id, tenant, case_type, name, status, started_at, closed_at, urgency)
      SELECT case_id, sla_id, $1, case_type, name, status, started_at, closed_at, 0
      FROM json_to_recordset($2::json) AS t(case_id text, sla_id text, case_type text, name text, status text, started_at text, closed_at text)`,
      [REPORT_TENANT, q(batch.slas.map((r) => ({ case_id: r.caseId, sla_id: r.slaId, case_type: r.caseType, name: r.name, status: r.status, started_at: r.startedAt, closed_at: r.closedAt })))],
    );
    await db.query(
      `INSERT INTO tasks (id, tenant, case_id, case_type, state, title, queue, opened_at, assignee, claimed_at, status, closed_at)
      SELECT id, $1, case_id, case_type, 'triage', 'Triage', queue, opened_at, assignee, claimed_at, status, closed_at
      FROM json_to_recordset($2::json) AS t(id text, case_id text, case_type text, queue text, opened_at text, assignee text, claimed_at text, status text, closed_at text)`,
      [REPORT_TENANT, q(batch.tasks.map((t) => ({ id: t.id, case_id: t.caseId, case_type: t.caseType, queue: t.queue, opened_at: t.openedAt, assignee: t.assignee, claimed_at: t.claimedAt, status: t.status, closed_at: t.closedAt })))],
    );
    cases += batch.cases.length;
    slas += batch.slas.length;
  }
  await db.query('ANALYZE');
  return { cases, slas };
}
