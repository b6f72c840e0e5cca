// Tasks by due time (issue 21, item 3; runtime/store/task-sort.ts) on both stores: soonest due first,
// tasks without a due time last, ties by id; pages of any size join into the same order with no task
// twice or missing; a cursor of the other order is refused; the escalated task keeps its escalatedAt.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseTask } from '../../../runtime/engine/index.ts';
import type { CaseStore, TaskRecord } from '../../../runtime/store/case-store.ts';
import { CursorError } from '../../../runtime/store/cursor.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createCommit, definition, eventCommit, makeCase, T0 } from './fixtures.ts';

const at = (h: number, m = 0) => `2026-01-0${String(5 + Math.floor(h / 24))}T${String(h % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;

/** Task rows with due times given out of order, some equal, some none. */
const dues: (string | null)[] = [at(14), null, at(10), at(14), null, at(9, 30), at(30), at(10), null, at(12)];

function task(caseId: string, i: number, dueAt: string | null): CaseTask {
  return { id: `${caseId}:s${String(i)}:${String(i)}`, state: `s${String(i)}`, title: `Task ${String(i)}`, queue: 'triage', role: null, form: null, openedAt: at(9, i), dueAt, assignee: null };
}

async function all(store: CaseStore, size: number): Promise<TaskRecord[]> {
  const out: TaskRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listTasks('default', { sort: 'due' }, size, cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

function suite(name: string, open: () => Promise<{ store: CaseStore; dispose(): Promise<void> }>): void {
  describe(`tasks by due time: ${name}`, () => {
    let store: CaseStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      await store.ensureTenant('default', T0);
      await store.publish('default', 'complaint', definition(), T0);
      // two cases, the tasks spread over both (ids then interleave with due times)
      for (const id of ['c1', 'c2']) {
        const tasks = dues.flatMap((due, i) => (i % 2 === (id === 'c1' ? 0 : 1) ? [task(id, i, due)] : []));
        await store.commit(createCommit(makeCase(id, { tasks })));
      }
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it('lists soonest due first, no due time last, ties by id', async () => {
      const listed = (await store.listTasks('default', { sort: 'due' }, 50, null)).items;
      const expected = dues
        .map((due, i) => ({ due, id: task(i % 2 === 0 ? 'c1' : 'c2', i, due).id }))
        .sort((a, b) => (a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1) || (a.id < b.id ? -1 : 1));
      expect(listed.map((t) => [t.dueAt, t.id])).toEqual(expected.map((e) => [e.due, e.id]));
      expect(listed.slice(-3).every((t) => t.dueAt === null)).toBe(true);
    });

    it('pages of every size join into the one order, each task once', async () => {
      const whole = (await store.listTasks('default', { sort: 'due' }, 50, null)).items.map((t) => t.id);
      for (const size of [1, 2, 3, 4, 7]) expect((await all(store, size)).map((t) => t.id)).toEqual(whole);
    });

    it('keeps its filters (a queue, unassigned) and refuses a cursor of the other order', async () => {
      const other = await store.listTasks('default', {}, 2, null);
      expect(other.nextCursor).not.toBeNull();
      await expect(store.listTasks('default', { sort: 'due' }, 2, other.nextCursor)).rejects.toThrow(CursorError);
      const due = await store.listTasks('default', { sort: 'due' }, 2, null);
      await expect(store.listTasks('default', {}, 2, due.nextCursor)).rejects.toThrow(CursorError);
      expect((await store.listTasks('default', { sort: 'due', queue: 'elsewhere' }, 5, null)).items).toEqual([]);
    });

    it('keeps when a task escalated', async () => {
      const before = makeCase('c3', { tasks: [task('c3', 0, at(9, 30))] });
      await store.commit(createCommit(before));
      const escalated = { ...task('c3', 0, at(9, 30)), escalatedAt: at(9, 30) };
      expect(await store.commit({ ...eventCommit(before, { tasks: [escalated] }, 'task.s0.overdue', at(9, 30)), previous: before })).toEqual({ ok: true });
      const listed = (await store.listTasks('default', { caseId: 'c3', sort: 'due' }, 5, null)).items;
      expect(listed.map((t) => [t.id, t.escalatedAt])).toEqual([['c3:s0:0', at(9, 30)]]);
      const others = (await store.listTasks('default', { caseId: 'c1' }, 1, null)).items;
      expect(others[0]?.escalatedAt).toBeUndefined();
    });
  });
}

suite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-due-'));
  const store = createSqliteStore({ file: join(dir, 'cases.db') });
  return { store, dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  suite('PostgreSQL', async () => {
    const database = await scratchDatabase();
    const store = await createPostgresStore({ url: database.url });
    return { store, dispose: () => database.drop() };
  });
});
