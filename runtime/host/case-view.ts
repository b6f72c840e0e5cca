// A case as every response shows it (GET /api/openapi.json; docs/api-decisions.md): the stored case plus tasks, SLAs, checklist and `next`.
import type { Actor, Case, CaseTask, JsonValue, NextEvent, StateValue } from '../engine/types.ts';
import type { ChecklistItem, EnginePort } from './engine-port.ts';

export interface CaseView {
  id: string;
  caseType: string;
  version: number;
  state: StateValue;
  data: Case['data'];
  revision: number;
  priority: Case['priority'];
  queue: string | null;
  assignee: string | null;
  channel: string | null;
  parentId: string | null;
  children: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  tasks: CaseTask[];
  slas: unknown[];
  checklist: ChecklistItem[];
  next: NextEvent[];
}

export function caseView<C>(engine: EnginePort<C>, type: C, kase: Case, now: string, actor?: Actor): CaseView {
  return {
    id: kase.id,
    caseType: kase.caseType,
    version: kase.version,
    state: kase.state,
    data: kase.data,
    revision: kase.revision,
    priority: kase.priority,
    queue: kase.queue,
    assignee: kase.assignee,
    channel: kase.channel,
    parentId: kase.parentId,
    children: kase.children,
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
    closedAt: kase.closedAt,
    tasks: kase.tasks,
    slas: engine.explainSlas(type, kase, now),
    checklist: engine.checklist(type, kase),
    next: engine.nextEvents(type, kase, actor),
  };
}

/** The case without derived views, as a webhook sends it. */
export function publicCase(kase: Case): JsonValue {
  const { timers: _timers, seq: _seq, ...rest } = kase;
  return JSON.parse(JSON.stringify(rest)) as JsonValue;
}
