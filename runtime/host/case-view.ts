// A case as every response shows it (GET /api/openapi.json; docs/api-decisions.md): the stored case plus tasks, SLAs, checklist and `next`.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { getAtPointer } from '../engine/index.ts';
import type { Actor, Case, CaseTask, JsonValue, NextEvent, StateValue } from '../engine/index.ts';
import type { ChecklistItem, EnginePort } from './engine-port.ts';

export interface CaseView {
  /** The human-readable reference the store assigned (`PA-000123`); unique in the tenant. First, as in the store's replays and webhook bodies. */
  reference: string;
  id: string;
  caseType: string;
  version: number;
  /** The customer's name: the value at the definition's `customer.name` pointer, when it is a string. */
  customerName: string | null;
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

/** The customer's name in a case's data: the value at `customer.name` of its definition, when it is a string. */
export function customerNameOf(definition: CaseType, data: JsonValue): string | null {
  const pointer = definition.customer?.name;
  const value = pointer === undefined ? undefined : getAtPointer(data, pointer);
  return typeof value === 'string' ? value : null;
}

/**
 * The view of `kase` (the engine's snapshot, without a reference) under its reference. A creation is
 * viewed before the store numbers it: its reference is '' until the commit sets it.
 */
export function caseView<C>(
  engine: EnginePort<C>,
  type: { compiled: C; definition: CaseType },
  kase: Case,
  reference: string,
  now: string,
  actor?: Actor,
): CaseView {
  const compiled = type.compiled;
  return {
    reference,
    id: kase.id,
    caseType: kase.caseType,
    version: kase.version,
    customerName: customerNameOf(type.definition, kase.data as JsonValue),
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
    slas: engine.explainSlas(compiled, kase, now),
    checklist: engine.checklist(compiled, kase),
    next: engine.nextEvents(compiled, kase, actor),
  };
}

/**
 * The case without derived views, as a webhook sends it, with its reference first; a creation's
 * (reference null: not numbered yet) gets it from the store, which numbers the case in the commit.
 */
export function publicCase(kase: Case, reference: string | null): JsonValue {
  const { timers: _timers, seq: _seq, ...rest } = kase;
  return JSON.parse(JSON.stringify(reference === null ? rest : { reference, ...rest })) as JsonValue;
}
