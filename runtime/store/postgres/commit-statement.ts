// The commit of one event as ONE statement, sent without BEGIN/COMMIT: a single statement is atomic in
// autocommit, so the commit costs one round trip. Data-modifying CTEs:
//
//   WITH written AS (UPDATE cases … WHERE id = $id AND revision = $expected RETURNING id)  -- or INSERT
//        history_new AS (INSERT INTO history … FROM written),
//        timers_gone / timers_new / tasks_closed / tasks_open / slas / keys_gone / keys_new / outbox
//          AS (… FROM written …),
//        idempotency_new AS (INSERT INTO idempotency … FROM written)
//   SELECT (SELECT count(*) FROM written) AS written, …, (SELECT count(pg_notify(…)) FROM written) …
//
// Every write is gated on `written`, the revision compare-and-set: when another commit moved the
// revision, `written` is empty and nothing else is written (→ case.conflict). All CTEs see the same
// snapshot and none sees another's rows, so the side-table writes are computed to touch disjoint rows
// (a timer that changed is deleted and inserted as a new row; closed and upserted tasks differ).
// Unique violations roll the whole statement back and are mapped by constraint: cases_pkey →
// case.exists (a creation is a plain INSERT), idempotency_pkey → idempotency.exists. pg_notify inside
// the statement is delivered only if it commits.
//
// A fired timer must be marked fired exactly once, together with the case, and must not be written when
// another session marked it first (discardTimer does without touching the case). So the `fire` variant
// first locks the case row on the expected revision (`locked`, FOR UPDATE), then the timer's unfired
// rows (`armed`, FOR UPDATE: case before timer, the order every commit locks in), and writes the case
// only when both are held; `locked` tells case.conflict from timer.already_fired.
//
// A creation takes the next number of its tenant's counter for its reference prefix first (`ref`, an
// upsert of case_reference_counters: its row lock holds a concurrent creation of the same prefix, on any
// host, until this statement commits, and that one then counts on from the new value); the case row
// gets the reference, and the idempotency body and webhook payloads, taken before the number was known,
// get it as their first member (as text, so that the json keeps what it was written as).
//
// Side rows with plain text fields travel as one json parameter (`json_to_recordset`); id lists as
// text[]; JSON documents (outbox effect and payload) as text[] cast to json, because PostgreSQL's json
// functions refuse a \u0000 escape inside a document, which the json columns keep as written.
import { bodyOf, defaultReferencePrefix } from '../case-reference.ts';
import type { CaseCommit } from '../case-store.ts';
import { stateIdsColumn } from '../state-ids.ts';
import { idempotencyValues } from './postgres-admin.ts';
import { customerKeyChanges } from './postgres-customer-keys.ts';
import { searchValues } from './postgres-search.ts';
import { statement, type SqlValue, type Statement } from './postgres-db.ts';
import { referenceNumberSql } from './postgres-references.ts';
import { outboxEffectTypes, sameTask } from '../side-rows.ts';

/** The channel on which commits announce new timers and outbox rows to every host. */
export const DUE_CHANNEL = 'dossier_due';

/** The effects written to the outbox. */

/** The three shapes of the statement: a creation, an event, an event that fires a timer. */
export type CommitKind = 'create' | 'update' | 'fire';

/** The parameters, in order, with the type each is cast to. */
const parameters = {
  id: 'text', tenant: 'text', caseType: 'text', version: 'int', state: 'json', stateIds: 'text', data: 'json',
  priority: 'text', queue: 'text', assignee: 'text', channel: 'text', parentId: 'text', createdAt: 'text',
  updatedAt: 'text', closedAt: 'text', revision: 'int', body: 'json', expected: 'int',
  seq: 'int', historyAt: 'text', actor: 'text', eventType: 'text', entry: 'json', partner: 'text',
  at: 'text', fired: 'text',
  side: 'json', timersReplace: 'boolean', timersGone: 'text[]', tasksReplace: 'boolean', tasksGone: 'text[]', tasksOpen: 'text[]', keysReplace: 'boolean',
  outboxKeys: 'text[]', outboxEffectTypes: 'text[]', outboxEffects: 'text[]', outboxPayloads: 'text[]',
  idemTenant: 'text', idemKey: 'text', idemMethod: 'text', idemPath: 'text', idemStatus: 'int', idemBody: 'json', idemCreatedAt: 'text',
  notify: 'text', refPrefix: 'text',
  searchSet: 'boolean', searchCustomer: 'text', searchText: 'text',
} as const;

type Name = keyof typeof parameters;
const names = Object.keys(parameters) as Name[];

/** A placeholder for each parameter in the statement's text; `numbered` turns them into `$n::type`. */
const p = Object.fromEntries(names.map((name) => [name, `{${name}}`])) as Record<Name, string>;

/** A statement's text with its placeholders numbered in order of first use (a variant uses only some), and the names in that order. */
function numbered(name: string, text: string): { statement: Statement; order: Name[] } {
  const order: Name[] = [];
  const sql = text.replace(/\{(\w+)\}/g, (_, found: string) => {
    const key = found as Name;
    if (!order.includes(key)) order.push(key);
    return `$${order.indexOf(key) + 1}::${parameters[key]}`;
  });
  return { statement: statement(name, sql), order };
}

/** The rows of one side list in the json parameter. */
const side = (list: string, columns: string) => `json_to_recordset(${p.side} -> '${list}') AS n(${columns})`;

function caseWrite(kind: CommitKind): string {
  if (kind === 'create') {
    return `ref AS (
    INSERT INTO case_reference_counters AS k (tenant, prefix, last) VALUES (${p.tenant}, ${p.refPrefix}, 1)
    ON CONFLICT (tenant, prefix) DO UPDATE SET last = k.last + 1
    RETURNING ${p.refPrefix} || '-' || ${referenceNumberSql('k.last')} AS reference),
  written AS (
    INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, queue, assignee, channel,
      parent_id, created_at, updated_at, closed_at, revision, body, reference)
    SELECT ${p.id}, ${p.tenant}, ${p.caseType}, ${p.version}, ${p.state}, ${p.stateIds}, ${p.data}, ${p.priority}, ${p.queue},
      ${p.assignee}, ${p.channel}, ${p.parentId}, ${p.createdAt}, ${p.updatedAt}, ${p.closedAt}, ${p.revision}, ${p.body}, ref.reference
    FROM ref
    RETURNING id, reference)`;
  }
  const update = `UPDATE cases SET version = ${p.version}, state = ${p.state}, state_ids = ${p.stateIds}, data = ${p.data}, priority = ${p.priority},
      queue = ${p.queue}, assignee = ${p.assignee}, channel = ${p.channel}, parent_id = ${p.parentId}, updated_at = ${p.updatedAt}, closed_at = ${p.closedAt},
      revision = ${p.revision}, body = ${p.body}
    WHERE id = ${p.id} AND tenant = ${p.tenant} AND revision = ${p.expected}`;
  if (kind === 'update') return `written AS (\n    ${update}\n    RETURNING id, reference)`;
  return `locked AS (SELECT id FROM cases WHERE id = ${p.id} AND tenant = ${p.tenant} AND revision = ${p.expected} FOR UPDATE),
  armed AS (
    SELECT id FROM timers WHERE case_id = ${p.id} AND timer_id = ${p.fired} AND fired_at IS NULL AND EXISTS (SELECT 1 FROM locked)
    FOR UPDATE),
  written AS (
    ${update} AND EXISTS (SELECT 1 FROM armed)
    RETURNING id, reference),
  fire AS (UPDATE timers SET fired_at = ${p.at} FROM armed, written WHERE timers.id = armed.id)`;
}

/** A JSON object's text with `reference` (text) put first; the text of anything else as it is. */
const withReference = (json: string, reference: string) => `CASE WHEN left(${json}, 1) = '{'
      THEN ('{"reference":' || to_json(${reference})::text || CASE WHEN ${json} = '{}' THEN '}' ELSE ',' || substr(${json}, 2) END)::json
      ELSE (${json})::json END`;

function commitSql(kind: CommitKind): string {
  const create = kind === 'create';
  return `WITH ${caseWrite(kind)},
  history_new AS (
    INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry, partner)
    SELECT id, ${p.seq}, ${p.tenant}, ${p.historyAt}, ${p.actor}, ${p.eventType}, ${p.entry}, ${p.partner} FROM written),
  timers_gone AS (
    DELETE FROM timers t USING written
    WHERE t.case_id = ${p.id} AND t.fired_at IS NULL AND t.timer_id IS DISTINCT FROM ${p.fired}
      AND (${p.timersReplace} OR t.timer_id = ANY(${p.timersGone}))),
  timers_new AS (
    INSERT INTO timers (tenant, case_id, timer_id, event, due_at)
    SELECT ${p.tenant}, ${p.id}, n.id, n.event, n.due_at FROM written, ${side('timers', 'id text, event text, due_at text')}),
  tasks_closed AS (
    UPDATE tasks t SET status = 'closed', closed_at = ${p.at} FROM written
    WHERE t.status = 'open'
      AND (t.id = ANY(${p.tasksGone}) OR (${p.tasksReplace} AND t.case_id = ${p.id} AND t.id <> ALL(${p.tasksOpen})))),
  tasks_open AS (
    INSERT INTO tasks (id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, status, escalated_at)
    SELECT n.id, ${p.tenant}, ${p.id}, ${p.caseType}, n.state, n.title, n.queue, n.role, n.form, n.opened_at, n.due_at, n.assignee, 'open', n.escalated_at
    FROM written, ${side('tasks', 'id text, state text, title text, queue text, role text, form text, opened_at text, due_at text, assignee text, escalated_at text')}
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, title = excluded.title, queue = excluded.queue, role = excluded.role,
      form = excluded.form, due_at = excluded.due_at, assignee = COALESCE(excluded.assignee, tasks.assignee),
      status = 'open', closed_at = NULL, escalated_at = excluded.escalated_at),
  slas_set AS (
    INSERT INTO slas (case_id, sla_id, tenant, case_type, name, status, started_at, closed_at, urgency)
    SELECT ${p.id}, n.id, ${p.tenant}, ${p.caseType}, n.name, n.status, n.started_at, n.closed_at, n.urgency
    FROM written, ${side('slas', 'id text, name text, status text, started_at text, closed_at text, urgency int')}
    ON CONFLICT (case_id, sla_id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at, urgency = excluded.urgency),
  keys_gone AS (
    DELETE FROM case_customer_keys k USING written
    WHERE k.case_id = ${p.id} AND CASE WHEN ${p.keysReplace}
      THEN NOT EXISTS (SELECT 1 FROM ${side('keys', 'value_norm text, pointer text')}
        WHERE k.tenant = ${p.tenant} AND k.value_norm = n.value_norm AND k.pointer = n.pointer)
      ELSE EXISTS (SELECT 1 FROM ${side('keysGone', 'value_norm text, pointer text')}
        WHERE k.tenant = ${p.tenant} AND k.value_norm = n.value_norm AND k.pointer = n.pointer) END),
  keys_new AS (
    INSERT INTO case_customer_keys (tenant, value_norm, case_id, pointer)
    SELECT ${p.tenant}, n.value_norm, ${p.id}, n.pointer FROM written, ${side('keys', 'value_norm text, pointer text')}
    ON CONFLICT DO NOTHING),
  search_set AS (
    INSERT INTO case_search (case_id, tenant, reference, customer, body, created_at)
    SELECT written.id, ${p.tenant}, written.reference, ${p.searchCustomer}, ${p.searchText}, ${p.createdAt} FROM written WHERE ${p.searchSet}
    ON CONFLICT (case_id) DO UPDATE SET customer = excluded.customer, body = excluded.body),
  outbox_new AS (
    INSERT INTO outbox (tenant, case_id, key, type, effect, payload, status, attempts, next_attempt_at, created_at)
    SELECT ${p.tenant}, ${p.id}, o.key, o.type, o.effect::json,
      ${create ? `CASE WHEN o.type = 'webhook' THEN ${withReference('o.payload', 'written.reference')} ELSE o.payload::json END` : 'o.payload::json'},
      'pending', 0, ${p.at}, ${p.at}
    FROM written, unnest(${p.outboxKeys}, ${p.outboxEffectTypes}, ${p.outboxEffects}, ${p.outboxPayloads}) WITH ORDINALITY AS o(key, type, effect, payload, n)
    ORDER BY o.n
    ON CONFLICT (key) DO NOTHING),
  idempotency_new AS (
    INSERT INTO idempotency (tenant, key, method, path, status, body, created_at)
    SELECT ${p.idemTenant}, ${p.idemKey}, ${p.idemMethod}, ${p.idemPath}, ${p.idemStatus},
      ${create ? withReference(`${p.idemBody}::text`, 'written.reference') : p.idemBody}, ${p.idemCreatedAt}
    FROM written WHERE ${p.idemKey} IS NOT NULL)
  SELECT (SELECT count(*) FROM written)::int AS written,
    ${kind === 'fire' ? '(SELECT count(*) FROM locked)::int' : 'NULL::int'} AS locked,
    (SELECT count(pg_notify('${DUE_CHANNEL}', ${p.notify})) FROM written WHERE ${p.notify} IS NOT NULL)::int AS notified,
    ${create ? '(SELECT reference FROM written)' : 'NULL::text'} AS reference`;
}

const commitStatements: Record<CommitKind, { statement: Statement; order: Name[] }> = {
  create: numbered('cases.commitCreate', commitSql('create')),
  update: numbered('cases.commitUpdate', commitSql('update')),
  fire: numbered('cases.commitFire', commitSql('fire')),
};

/** What the statement answers: rows written to `cases` (0 or 1), for `fire` whether the case row was locked, for `create` the reference. */
export interface CommitRow {
  written: number;
  locked: number | null;
  notified: number;
  reference: string | null;
}


/**
 * The side rows of a commit. The side tables (timers, tasks, SLAs) mirror lists in the case body: with
 * the previous snapshot at hand only the rows that changed are written; without it they are all
 * rewritten (`…Replace`).
 */
function sideRows(commit: CaseCommit) {
  const { case: kase, previous } = commit;
  // The fired timer's row is marked fired by the statement: it no longer stands for a pending one.
  const before = new Map((previous?.timers ?? []).filter((t) => t.id !== commit.firedTimerId).map((t) => [t.id, t]));
  const after = new Map(kase.timers.map((t) => [t.id, t]));
  const timerChanged = (a: { event: string; dueAt: string } | undefined, b: { event: string; dueAt: string } | undefined) =>
    a === undefined || b === undefined || a.event !== b.event || a.dueAt !== b.dueAt;
  const timersGone = [...before].filter(([id, t]) => timerChanged(t, after.get(id))).map(([id]) => id);
  const timers = [...after.values()].filter((t) => previous === undefined || timerChanged(before.get(t.id), t));

  const open = new Set(kase.tasks.map((t) => t.id));
  const tasksBefore = new Map((previous?.tasks ?? []).map((t) => [t.id, t]));
  const tasksGone = (previous?.tasks ?? []).map((t) => t.id).filter((id) => !open.has(id));
  // one row per id: the statement upserts each task once
  const tasks = new Map(
    kase.tasks
      .filter((t) => {
        const prior = tasksBefore.get(t.id);
        return prior === undefined || !sameTask(prior, t);
      })
      .map((t) => [t.id, t]),
  );

  const slasBefore = new Map((previous?.slas ?? []).map((sla) => [sla.id, sla]));
  const slas = new Map(
    kase.slas
      .filter((sla) => {
        const prior = slasBefore.get(sla.id);
        return prior === undefined || prior.status !== sla.status || prior.closedAt !== sla.closedAt || prior.urgency !== sla.urgency;
      })
      .map((sla) => [sla.id, sla]),
  );
  const keys = customerKeyChanges(commit);
  return {
    json: JSON.stringify({
      timers: timers.map((t) => ({ id: t.id, event: t.event, due_at: t.dueAt })),
      tasks: [...tasks.values()].map((t) => ({
        id: t.id, state: t.state, title: t.title, queue: t.queue, role: t.role, form: t.form, opened_at: t.openedAt, due_at: t.dueAt, assignee: t.assignee,
        escalated_at: t.escalatedAt ?? null,
      })),
      slas: [...slas.values()].map((sla) => ({
        id: sla.id, name: sla.name, status: sla.status, started_at: sla.startedAt, closed_at: sla.closedAt, urgency: sla.urgency,
      })),
      keys: keys.added,
      keysGone: keys.gone,
    }),
    timersReplace: previous === undefined,
    timersGone,
    tasksReplace: previous === undefined,
    tasksGone,
    tasksOpen: [...open],
    keysReplace: keys.replace,
  };
}

/** The statement of a commit and its parameters. */
export function commitQuery(commit: CaseCommit): { kind: CommitKind; statement: Statement; values: SqlValue[] } {
  const kase = commit.case;
  const h = commit.history;
  const kind: CommitKind = commit.expectedRevision === null ? 'create' : commit.firedTimerId === undefined ? 'update' : 'fire';
  const outbox = commit.effects.flatMap((effect) =>
    outboxEffectTypes.has(effect.type) && 'key' in effect
      ? [{ key: effect.key, type: effect.type, effect: JSON.stringify(effect), payload: JSON.stringify(effect.type === 'webhook' ? (commit.webhookBody ?? kase) : null) }]
      : [],
  );
  const idem = commit.idempotency === undefined ? null : idempotencyValues(commit.idempotency);
  // wake every host's scheduler or dispatcher (LISTEN dossier_due)
  const timers = kase.timers.map((t) => t.dueAt).sort()[0] ?? null;
  const wakeOutbox = commit.effects.some((effect) => outboxEffectTypes.has(effect.type));
  const rows = sideRows(commit);
  const search = searchValues(commit);
  const named: Record<Name, SqlValue> = {
    id: kase.id, tenant: commit.tenant, caseType: kase.caseType, version: kase.version, state: JSON.stringify(kase.state),
    stateIds: stateIdsColumn(kase.state), data: JSON.stringify(kase.data), priority: kase.priority, queue: kase.queue,
    assignee: kase.assignee, channel: kase.channel, parentId: kase.parentId, createdAt: kase.createdAt, updatedAt: kase.updatedAt,
    closedAt: kase.closedAt, revision: kase.revision, body: bodyOf(kase), expected: commit.expectedRevision,
    seq: h.seq, historyAt: h.at, actor: h.actor, eventType: h.event.type, entry: JSON.stringify(h), partner: h.partner ?? null,
    at: commit.at, fired: commit.firedTimerId ?? null,
    side: rows.json, timersReplace: rows.timersReplace, timersGone: rows.timersGone, tasksReplace: rows.tasksReplace,
    tasksGone: rows.tasksGone, tasksOpen: rows.tasksOpen, keysReplace: rows.keysReplace,
    outboxKeys: outbox.map((o) => o.key), outboxEffectTypes: outbox.map((o) => o.type), outboxEffects: outbox.map((o) => o.effect),
    outboxPayloads: outbox.map((o) => o.payload),
    idemTenant: idem?.[0] ?? null, idemKey: idem?.[1] ?? null, idemMethod: idem?.[2] ?? null, idemPath: idem?.[3] ?? null,
    idemStatus: idem?.[4] ?? null, idemBody: idem?.[5] ?? null, idemCreatedAt: idem?.[6] ?? null,
    notify: timers !== null || wakeOutbox ? JSON.stringify({ timers, outbox: wakeOutbox }) : null,
    refPrefix: kind === 'create' ? (commit.referencePrefix ?? defaultReferencePrefix(kase.caseType)) : null,
    searchSet: search.set, searchCustomer: search.customer, searchText: search.text,
  };
  const { statement: query, order } = commitStatements[kind];
  return { kind, statement: query, values: order.map((name) => named[name]) };
}
