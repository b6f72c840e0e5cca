// Hand-built cases and commits for the store suite: the store must not need the engine.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Case, Effect, HistoryEntry } from '../../../runtime/engine/index.ts';
import type { CaseCommit } from '../../../runtime/store/case-store.ts';

export const T0 = '2026-01-05T09:00:00.000Z';

export function definition(key = 'complaint', title = 'Complaint'): CaseType {
  return {
    key,
    title,
    data: { type: 'object', properties: { reason: { type: 'string' } } },
    playbook: { initial: 'triage', states: { triage: { on: { CLOSE: 'closed' } }, closed: { type: 'final' } } },
  } as CaseType;
}

export function makeCase(id: string, overrides: Partial<Case> = {}): Case {
  return {
    id,
    caseType: 'complaint',
    version: 1,
    state: 'triage',
    data: { reason: 'billing' },
    priority: 'normal',
    queue: 'triage',
    assignee: null,
    channel: 'email',
    parentId: null,
    createdAt: T0,
    updatedAt: T0,
    closedAt: null,
    revision: 1,
    tasks: [],
    slas: [],
    timers: [],
    children: [],
    seq: 0,
    ...overrides,
  };
}

export function entry(seq: number, type: string, at: string, from: Case['state'] | null, to: Case['state']): HistoryEntry {
  return { seq, at, actor: 'alice', event: { type }, from, to, patch: [], notes: [] };
}

export function createCommit(kase: Case, tenant = 'default', effects: Effect[] = []): CaseCommit {
  return {
    tenant,
    case: kase,
    expectedRevision: null,
    history: entry(1, 'case.created', kase.createdAt, null, kase.state),
    effects,
    at: kase.createdAt,
  };
}

/** The commit of one event on `before`, producing `after` (revision + 1). */
export function eventCommit(before: Case, after: Partial<Case>, type: string, at: string, extra: Partial<CaseCommit> = {}): CaseCommit {
  const next: Case = { ...before, ...after, revision: before.revision + 1, updatedAt: at };
  return {
    tenant: 'default',
    case: next,
    expectedRevision: before.revision,
    history: entry(next.revision, type, at, before.state, next.state),
    effects: [],
    at,
    ...extra,
  };
}
