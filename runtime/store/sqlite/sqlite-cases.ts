// Cases, their history and everything one event writes (the commit), on SQLite.
import type Database from 'better-sqlite3';
import type { HistoryEntry } from '../../engine/index.ts';
import type { CaseCommit, CaseFilter, CaseHistory, CommitFailure, CommitResult, HistoryWindow, Page, SearchHit, SearchQuery, StoredCase } from '../case-store.ts';
import { bodyOf, defaultReferencePrefix, formatReference, withReference } from '../case-reference.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { normalizeIdentifier } from '../customer-keys.ts';
import { stateIdsColumn } from '../state-ids.ts';
import { createCustomerKeyWriter } from './sqlite-customer-keys.ts';
import { createSqliteSearch } from './sqlite-search.ts';
import { createWhere, type Where } from './where.ts';
import type { WriteQueue } from './write-queue.ts';
import { outboxEffectTypes, sameTask } from '../side-rows.ts';

/** Thrown inside a commit's savepoint to roll it back; turned into a `CommitResult` value. */
class CommitFailed extends Error {
  constructor(readonly code: CommitFailure) {
    super(code);
  }
}



interface CaseRow {
  body: string;
  id: string;
  tenant: string;
  reference: string;
}


export function createSqliteCases(db: Database.Database, queue: WriteQueue) {
  const s = {
    insertCase: db.prepare(`INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, queue,
      assignee, channel, parent_id, created_at, updated_at, closed_at, revision, body, reference)
      VALUES (@id, @tenant, @caseType, @version, @state, @stateIds, @data, @priority, @queue, @assignee, @channel,
      @parentId, @createdAt, @updatedAt, @closedAt, @revision, @body, @reference)`),
    nextReference: db.prepare(`INSERT INTO case_reference_counters (tenant, prefix, last) VALUES (?, ?, 1)
      ON CONFLICT (tenant, prefix) DO UPDATE SET last = last + 1 RETURNING last`),
    updateCase: db.prepare(`UPDATE cases SET version = @version, state = @state, state_ids = @stateIds, data = @data, priority = @priority,
      queue = @queue, assignee = @assignee, channel = @channel, parent_id = @parentId, updated_at = @updatedAt, closed_at = @closedAt,
      revision = @revision, body = @body WHERE id = @id AND tenant = @tenant AND revision = @expectedRevision`),
    caseExists: db.prepare('SELECT 1 FROM cases WHERE id = ?'),
    insertHistory: db.prepare(`INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry, partner)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    fireTimer: db.prepare('UPDATE timers SET fired_at = ? WHERE case_id = ? AND timer_id = ? AND fired_at IS NULL'),
    clearTimers: db.prepare('DELETE FROM timers WHERE case_id = ? AND fired_at IS NULL'),
    deleteTimer: db.prepare('DELETE FROM timers WHERE case_id = ? AND timer_id = ? AND fired_at IS NULL'),
    insertTimer: db.prepare('INSERT INTO timers (tenant, case_id, timer_id, event, due_at) VALUES (?, ?, ?, ?, ?)'),
    openTaskIds: db.prepare("SELECT id FROM tasks WHERE case_id = ? AND status = 'open'"),
    closeTask: db.prepare("UPDATE tasks SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'"),
    upsertTask: db.prepare(`INSERT INTO tasks (id, tenant, case_id, case_type, state, title, queue, role, form, opened_at,
      due_at, assignee, status, escalated_at) VALUES (@id, @tenant, @caseId, @caseType, @state, @title, @queue, @role, @form, @openedAt,
      @dueAt, @assignee, 'open', @escalatedAt)
      ON CONFLICT(id) DO UPDATE SET state = excluded.state, title = excluded.title, queue = excluded.queue, role = excluded.role,
      form = excluded.form, due_at = excluded.due_at, assignee = COALESCE(excluded.assignee, tasks.assignee),
      status = 'open', closed_at = NULL, escalated_at = excluded.escalated_at`),
    taskAssignees: db.prepare("SELECT id, assignee FROM tasks WHERE case_id = ? AND status = 'open'"),
    upsertSla: db.prepare(`INSERT INTO slas (case_id, sla_id, tenant, case_type, name, status, started_at, closed_at, urgency)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(case_id, sla_id) DO UPDATE SET status = excluded.status,
      closed_at = excluded.closed_at, urgency = excluded.urgency`),
    insertOutbox: db.prepare(`INSERT INTO outbox (tenant, case_id, key, type, effect, payload, status, attempts,
      next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT(key) DO NOTHING`),
    insertIdempotency: db.prepare(`INSERT INTO idempotency (tenant, key, method, path, status, body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(tenant, key) DO NOTHING`),
    getCase: db.prepare('SELECT id, tenant, body, reference FROM cases WHERE id = ? AND tenant = ?'),
    caseByReference: db.prepare('SELECT id, tenant, body, reference FROM cases WHERE tenant = ? AND reference = ?'),
    locateCase: db.prepare('SELECT id, tenant, body, reference FROM cases WHERE id = ?'),
    history: db.prepare('SELECT seq, entry FROM history WHERE case_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
  };

  function withTaskAssignees(kase: StoredCase): StoredCase {
    if (kase.tasks.length === 0) return kase;
    const rows = s.taskAssignees.all(kase.id) as { id: string; assignee: string | null }[];
    const claimed = new Map(rows.map((r) => [r.id, r.assignee]));
    return { ...kase, tasks: kase.tasks.map((t) => ({ ...t, assignee: claimed.get(t.id) ?? t.assignee })) };
  }

  function parse(row: CaseRow | undefined): StoredCase | null {
    if (row === undefined) return null;
    const kase = JSON.parse(row.body) as StoredCase;
    kase.reference = row.reference;
    return withTaskAssignees(kase);
  }

  const writeCustomerKeys = createCustomerKeyWriter(db);
  const search = createSqliteSearch(db, (row) => parse(row) as StoredCase);

  /** One page of the cases matching `where` (which holds `limit`), newest first, after `cursor`. */
  function pageOfCases(where: Where, limit: number, cursor: string | null): Page<StoredCase> {
    if (cursor !== null) {
      const [createdAt, id] = decodeCursor(cursor, 2);
      where.add('(created_at < @cAt OR (created_at = @cAt AND id < @cId))', { cAt: String(createdAt), cId: String(id) });
    }
    const rows = db
      .prepare(`SELECT id, tenant, body, reference FROM cases WHERE ${where.sql()} ORDER BY created_at DESC, id DESC LIMIT @limit`)
      .all(where.params) as CaseRow[];
    const items = rows.slice(0, limit).map((r) => parse(r) as StoredCase);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.createdAt, last.id]) : null };
  }

  // The side tables (timers, tasks, SLAs) mirror lists in the case body. With the previous snapshot
  // at hand only the rows that changed are written: most events change one or two of them, and every
  // row written is a B-tree page the commit must put on disk.

  function writeTimers(commit: CaseCommit): void {
    const { case: kase, previous } = commit;
    if (previous === undefined) {
      s.clearTimers.run(kase.id);
      for (const t of kase.timers) s.insertTimer.run(commit.tenant, kase.id, t.id, t.event, t.dueAt);
      return;
    }
    // The fired timer's row was just marked fired: it no longer stands for a pending one.
    const before = new Map(previous.timers.filter((t) => t.id !== commit.firedTimerId).map((t) => [t.id, t]));
    const after = new Map(kase.timers.map((t) => [t.id, t]));
    for (const [id, t] of before) {
      const next = after.get(id);
      if (next === undefined || next.event !== t.event || next.dueAt !== t.dueAt) s.deleteTimer.run(kase.id, id);
    }
    for (const [id, t] of after) {
      const prior = before.get(id);
      if (prior === undefined || prior.event !== t.event || prior.dueAt !== t.dueAt) s.insertTimer.run(commit.tenant, kase.id, id, t.event, t.dueAt);
    }
  }

  function writeTasks(commit: CaseCommit): void {
    const { case: kase, previous } = commit;
    const open = new Set(kase.tasks.map((t) => t.id));
    const closedIds =
      previous === undefined
        ? (s.openTaskIds.all(kase.id) as { id: string }[]).map((r) => r.id)
        : previous.tasks.map((t) => t.id);
    for (const id of closedIds) if (!open.has(id)) s.closeTask.run(commit.at, id);
    const before = new Map((previous?.tasks ?? []).map((t) => [t.id, t]));
    for (const t of kase.tasks) {
      const prior = before.get(t.id);
      if (prior !== undefined && sameTask(prior, t)) continue;
      s.upsertTask.run({ ...t, tenant: commit.tenant, caseId: kase.id, caseType: kase.caseType, escalatedAt: t.escalatedAt ?? null });
    }
  }

  function writeSlas(commit: CaseCommit): void {
    const { case: kase, previous } = commit;
    const before = new Map((previous?.slas ?? []).map((sla) => [sla.id, sla]));
    for (const sla of kase.slas) {
      const prior = before.get(sla.id);
      if (prior !== undefined && prior.status === sla.status && prior.closedAt === sla.closedAt && prior.urgency === sla.urgency) continue;
      s.upsertSla.run(kase.id, sla.id, commit.tenant, kase.caseType, sla.name, sla.status, sla.startedAt, sla.closedAt, sla.urgency);
    }
  }

  /** Returns the reference a creation was given; undefined for an event. */
  function write(commit: CaseCommit): string | undefined {
    const kase = commit.case;
    const row = {
      id: kase.id,
      tenant: commit.tenant,
      caseType: kase.caseType,
      version: kase.version,
      state: JSON.stringify(kase.state),
      stateIds: stateIdsColumn(kase.state),
      data: JSON.stringify(kase.data),
      priority: kase.priority,
      queue: kase.queue,
      assignee: kase.assignee,
      channel: kase.channel,
      parentId: kase.parentId,
      createdAt: kase.createdAt,
      updatedAt: kase.updatedAt,
      closedAt: kase.closedAt,
      revision: kase.revision,
      body: bodyOf(kase),
      expectedRevision: commit.expectedRevision,
      reference: null as string | null,
    };
    let reference: string | undefined;
    let created: { rowid: number | bigint; reference: string } | null = null;
    if (commit.expectedRevision === null) {
      if (s.caseExists.get(kase.id) !== undefined) throw new CommitFailed('case.exists');
      // the counter row is written in this transaction: a commit that fails later rolls the bump back with it
      const prefix = commit.referencePrefix ?? defaultReferencePrefix(kase.caseType);
      reference = formatReference(prefix, (s.nextReference.get(commit.tenant, prefix) as { last: number }).last);
      row.reference = reference;
      created = { rowid: s.insertCase.run(row).lastInsertRowid, reference };
    } else if (s.updateCase.run(row).changes !== 1) {
      throw new CommitFailed('case.conflict');
    }
    const h: HistoryEntry = commit.history;
    s.insertHistory.run(kase.id, h.seq, commit.tenant, h.at, h.actor, h.event.type, JSON.stringify(h), h.partner ?? null);
    if (commit.firedTimerId !== undefined && s.fireTimer.run(commit.at, kase.id, commit.firedTimerId).changes !== 1) {
      throw new CommitFailed('timer.already_fired');
    }
    writeTimers(commit);
    writeTasks(commit);
    writeSlas(commit);
    writeCustomerKeys(commit);
    search.writeSearch(commit, created);
    for (const effect of commit.effects) {
      if (!outboxEffectTypes.has(effect.type) || !('key' in effect)) continue;
      const payload = effect.type === 'webhook' ? (commit.webhookBody ?? kase) : null;
      const payloadText = reference !== undefined && effect.type === 'webhook' ? withReference(payload, reference) : JSON.stringify(payload);
      s.insertOutbox.run(commit.tenant, kase.id, effect.key, effect.type, JSON.stringify(effect), payloadText, commit.at, commit.at);
    }
    const idem = commit.idempotency;
    if (idem !== undefined) {
      const body = reference === undefined ? JSON.stringify(idem.body) : withReference(idem.body, reference);
      const inserted = s.insertIdempotency.run(idem.tenant, idem.key, idem.method, idem.path, idem.status, body, idem.createdAt);
      if (inserted.changes !== 1) throw new CommitFailed('idempotency.exists');
    }
    return reference;
  }

  return {
    async commit(commit: CaseCommit): Promise<CommitResult> {
      try {
        const reference = await queue.submit(() => write(commit));
        return reference === undefined ? { ok: true } : { ok: true, reference };
      } catch (error) {
        if (error instanceof CommitFailed) return { ok: false, code: error.code };
        throw error;
      }
    },

    async getCase(tenant: string, id: string): Promise<StoredCase | null> {
      return parse(s.getCase.get(id, tenant) as CaseRow | undefined);
    },

    async caseByReference(tenant: string, reference: string): Promise<StoredCase | null> {
      return parse(s.caseByReference.get(tenant, reference) as CaseRow | undefined);
    },

    async locateCase(id: string): Promise<{ tenant: string; case: StoredCase } | null> {
      const row = s.locateCase.get(id) as CaseRow | undefined;
      const kase = parse(row);
      return row === undefined || kase === null ? null : { tenant: row.tenant, case: kase };
    },

    async listCases(tenant: string, filter: CaseFilter, limit: number, cursor: string | null): Promise<Page<StoredCase>> {
      const where = createWhere('tenant = @tenant', { tenant, limit: limit + 1 })
        .when(filter.caseType, 'caseType', 'case_type = @caseType')
        .when(filter.version, 'version', 'version = @version')
        .when(filter.state === undefined ? undefined : `% ${filter.state} %`, 'state', 'state_ids LIKE @state')
        .when(filter.queue, 'queue', 'queue = @queue')
        .when(filter.assignee, 'assignee', 'assignee = @assignee')
        .when(filter.priority, 'priority', 'priority = @priority')
        .when(filter.channel, 'channel', 'channel = @channel')
        .when(filter.parentId, 'parentId', 'parent_id = @parentId')
        .when(
          filter.q === undefined ? undefined : `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
          'q',
          "(id LIKE @q ESCAPE '\\' OR reference LIKE @q ESCAPE '\\' OR data LIKE @q ESCAPE '\\')",
        );
      // a partner's delegated queues, as a JSON array (none: no case)
      if (filter.queues !== undefined) where.add('queue IN (SELECT value FROM json_each(@queues))', { queues: JSON.stringify(filter.queues) });
      // a literal `closed_at IS NULL`, so that SQLite can use a partial index of the open cases
      if (filter.status !== undefined) where.add(filter.status === 'open' ? 'closed_at IS NULL' : 'closed_at IS NOT NULL');
      return pageOfCases(where, limit, cursor);
    },

    async casesByCustomerKeys(tenant: string, values: string[], limit: number, cursor: string | null): Promise<Page<StoredCase>> {
      const wanted = [...new Set(values.map(normalizeIdentifier))].filter((v) => v !== '');
      if (wanted.length === 0) return { items: [], nextCursor: null };
      // The index is seeked per value and the matching cases (few per customer) sorted; `+tenant` keeps
      // SQLite from walking all of the tenant's cases in date order instead.
      const where = createWhere(
        `id IN (SELECT case_id FROM case_customer_keys WHERE tenant = @tenant AND value_norm IN (SELECT value FROM json_each(@values)))
        AND +tenant = @tenant`,
        { tenant, values: JSON.stringify(wanted), limit: limit + 1 },
      );
      return pageOfCases(where, limit, cursor);
    },

    async searchCases(tenant: string, query: SearchQuery, limit: number, cursor: string | null): Promise<Page<SearchHit>> {
      return search.searchCases(tenant, query, limit, cursor);
    },

    async historyInWindow(tenant: string, window: HistoryWindow, limit: number, cursor: string | null): Promise<Page<CaseHistory>> {
      // `at` in the window, as a condition on history rows (`h`): the EXISTS that picks the cases and
      // the read of their entries both seek history_by_case_at (case_id, at).
      const at: string[] = [];
      const atParams: Record<string, string> = {};
      if (window.from !== undefined) {
        at.push('h.at >= @from');
        atParams.from = window.from;
      }
      if (window.to !== undefined) {
        at.push('h.at < @to');
        atParams.to = window.to;
      }
      const where = createWhere('tenant = @tenant', { tenant, limit: limit + 1 }).when(window.caseType, 'caseType', 'case_type = @caseType');
      if (at.length > 0) where.add(`EXISTS (SELECT 1 FROM history h WHERE h.case_id = cases.id AND ${at.join(' AND ')})`, atParams);
      // no case created at or after `to` has an entry before it (its first entry is its creation):
      // the walk over cases_by_created stops there instead of at the tenant's last case
      if (window.to !== undefined) where.add('created_at < @to', { to: window.to });
      if (cursor !== null) {
        const [createdAt, id] = decodeCursor(cursor, 2);
        where.add('(created_at, id) > (@cAt, @cId)', { cAt: String(createdAt), cId: String(id) });
      }
      const rows = db
        .prepare(`SELECT id, tenant, body, reference FROM cases WHERE ${where.sql()} ORDER BY created_at, id LIMIT @limit`)
        .all(where.params) as CaseRow[];
      const cases = rows.slice(0, limit).map((r) => parse(r) as StoredCase);
      const entries = new Map<string, HistoryEntry[]>(cases.map((c) => [c.id, []]));
      if (cases.length > 0) {
        const historyRows = db
          .prepare(`SELECT h.case_id, h.entry FROM history h WHERE h.case_id IN (SELECT value FROM json_each(@ids))
            ${at.length === 0 ? '' : `AND ${at.join(' AND ')}`} ORDER BY h.case_id, h.seq`)
          .all({ ids: JSON.stringify(cases.map((c) => c.id)), ...atParams }) as { case_id: string; entry: string }[];
        for (const row of historyRows) entries.get(row.case_id)?.push(JSON.parse(row.entry) as HistoryEntry);
      }
      const last = cases[cases.length - 1];
      return {
        items: cases.map((c) => ({ case: c, history: entries.get(c.id) ?? [] })),
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.createdAt, last.id]) : null,
      };
    },

    async history(tenant: string, caseId: string, limit: number, cursor: string | null): Promise<Page<HistoryEntry>> {
      const after = cursor === null ? 0 : Number(decodeCursor(cursor, 1)[0]);
      if (s.getCase.get(caseId, tenant) === undefined) return { items: [], nextCursor: null };
      const rows = s.history.all(caseId, after, limit + 1) as { seq: number; entry: string }[];
      const items = rows.slice(0, limit).map((r) => JSON.parse(r.entry) as HistoryEntry);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.seq]) : null };
    },
  };
}
