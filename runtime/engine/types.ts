// The engine's public data shapes: a case is plain JSON, effects are data, time is an ISO string argument.
// Every host (the HTTP server, `dossier test`, the designer's simulator) speaks these shapes.
import type { Priority } from '../../schemas/generated/case-type.ts';

/** An XState state value: a state id for an atomic state, or an object for nested and parallel states. */
export type StateValue = string | { [key: string]: StateValue };

/** ISO 8601 instant in UTC, e.g. 2026-01-05T09:00:00.000Z. */
export type Instant = string;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type CaseData = { [key: string]: JsonValue };

/** A human work item, opened when its state is entered and closed when it is left. */
export interface CaseTask {
  /** `<caseId>:<stateId>:<n>`: unique per case, stable across replays. */
  id: string;
  /** The state whose `task` opened it. */
  state: string;
  title: string;
  queue: string | null;
  role: string | null;
  /** Form section id. */
  form: string | null;
  openedAt: Instant;
  dueAt: Instant | null;
  assignee: string | null;
  /** When the task passed its due time still open and its `onOverdue` ran (absent until then). */
  escalatedAt?: Instant;
}

export type SlaStatus = 'running' | 'paused' | 'warning' | 'missed-goal' | 'breached' | 'met' | 'met-late' | 'cancelled';

/** The rungs of an SLA's interval ladder, in order. */
export type SlaRung = 'warning' | 'goalMissed' | 'breached' | 'passedDeadline';

/** The part of an SLA's `pause` condition that paused the clock (`event`/`enter` latch, `in`/`rule` hold). */
export interface SlaPauseReason {
  part: 'event' | 'enter' | 'in' | 'rule';
  /** The event, state id or rule name that matched. */
  name: string;
}

/** One interval of an SLA record's pause ledger; `to: null` while it lasts. */
export interface SlaPause {
  from: Instant;
  to: Instant | null;
  /** Why the clock paused (absent in records written before reasons were kept: read as a hold). */
  reason?: SlaPauseReason;
}

/**
 * One SLA record of a case: a budget plus a pause ledger, never a stored due time.
 * Elapsed business time and due instants are derived from `startedAt`, `pauses` and the calendar.
 */
export interface SlaInstance {
  /** `<slaName>#<n>`: n counts resets. */
  id: string;
  name: string;
  status: SlaStatus;
  startedAt: Instant;
  /** Closed pause intervals plus at most one open one (`to: null`) at the end. */
  pauses: SlaPause[];
  /** When the record closed (met, met-late, cancelled, or closed by a reset). */
  closedAt: Instant | null;
  /** Rungs already reached, in order; `passedDeadline` may repeat. */
  rungs: { rung: SlaRung; at: Instant }[];
  /** 0 none, 1 warning, 2 goal missed, 3 breached, 4+ passed deadline n times. */
  urgency: number;
}

/** A durable timer: fires `event` at `dueAt` through the same path as any other event. */
export interface PendingTimer {
  /** Stable id, unique per case: `timer.<afterId>`, `sla.<slaId>.<rung>` (`sla.<slaId>.passedDeadline.<n>` for the n-th repeat) or `task.<stateId>.overdue`. */
  id: string;
  /** The event fired: `timer.<afterId>` or `sla.<name>.<rung>`. */
  event: string;
  dueAt: Instant;
}

/** What the runtime keeps of a case (`case-type-format.md`, "Case instance"). */
export interface Case {
  id: string;
  caseType: string;
  version: number;
  state: StateValue;
  data: CaseData;
  priority: Priority;
  queue: string | null;
  assignee: string | null;
  channel: string | null;
  parentId: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  closedAt: Instant | null;
  /** Starts at 1 on creation, +1 per accepted event. */
  revision: number;
  tasks: CaseTask[];
  slas: SlaInstance[];
  timers: PendingTimer[];
  /** Ids of linked child cases created by `createCase`. */
  children: string[];
  /** Counter for ids the engine mints (tasks, children), so replays are deterministic. */
  seq: number;
}

/** RFC 6902 operation (the engine emits add, remove and replace). */
export type JsonPatchOp =
  | { op: 'add'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: JsonValue };

/** One accepted event in the append-only history. */
export interface HistoryEntry {
  /** Equals the case revision this event produced (1 for the creation). */
  seq: number;
  at: Instant;
  /** Who sent it: a token name, `system` for timers and raised events, `sla` for SLA rungs. */
  actor: string;
  /** The partner organisation the actor works for, when one did (outsourced back offices). */
  partner?: string;
  event: { type: string; data?: CaseData };
  from: StateValue | null;
  to: StateValue;
  patch: JsonPatchOp[];
  /** The texts of `note` actions run by this event. */
  notes: string[];
}

/** Side effects as data: the host persists them in the same transaction as the case, then acts. */
export type Effect =
  | { type: 'setTimer'; timer: PendingTimer }
  | { type: 'cancelTimer'; id: string }
  | { type: 'openTask'; task: CaseTask }
  | { type: 'closeTask'; id: string; state: string }
  | { type: 'notify'; key: string; to: string; template: string }
  | { type: 'webhook'; key: string; url: string; method: 'POST' | 'PUT' | 'PATCH' }
  /**
   * A CRM look-up (docs/lookups.md): the values to send read from the case when the action ran; the
   * answer's values go to the case fields of `map` (field pointer → answer pointer) by the event
   * `lookup.<name>.done`, or `lookup.<name>.failed` with the reason.
   */
  | {
      type: 'lookup';
      key: string;
      name: string;
      method: 'GET' | 'POST';
      url: string;
      query: Record<string, JsonValue>;
      body: Record<string, JsonValue> | null;
      map: Record<string, string>;
      timeoutMs: number;
    }
  | { type: 'createCase'; key: string; childId: string; caseType: string; data: CaseData; parentId: string }
  /** Sent to the parent when a child case reaches a final state. */
  | { type: 'childClosed'; key: string; parentId: string; childId: string }
  /**
   * An event for every open child case (of `caseType` where given), which ones decided when it is delivered
   * (docs/linked-work.md); the payload read from the case when the action ran.
   */
  | { type: 'sendToChildren'; key: string; event: string; data: CaseData | null; caseType: string | null }
  /** An event for the parent case (the one it has when the effect is delivered). */
  | { type: 'sendToParent'; key: string; event: string; data: CaseData | null };

/** A field-level problem: what is wrong, where (JSON Pointer into the case data), in a sentence. */
export interface FieldProblem {
  pointer: string;
  message: string;
}

export type RejectionCode = 'event.unknown' | 'event.not_accepted' | 'event.forbidden' | 'data.invalid' | 'rule.failed';

export interface Rejection {
  ok: false;
  code: RejectionCode;
  message: string;
  /** Fields to fix (data.invalid, rule.failed); empty otherwise. */
  problems: FieldProblem[];
  /** For rule.failed: the rules that failed. */
  rules?: string[];
}

export interface Accepted {
  ok: true;
  case: Case;
  effects: Effect[];
  history: HistoryEntry;
}

export type Outcome = Accepted | Rejection;

/** Who sends an event. Omitted for system events (timers, SLA rungs, child.closed). */
export interface Actor {
  id: string;
  /** Platform roles (`admin`, `agent`, `service`, ...) plus case-type roles. `admin` may send any event. */
  roles: string[];
  /** The partner organisation the actor works for (an outsourced back office); its history entries name it. */
  partner?: string;
}

export interface CaseEvent {
  type: string;
  data?: CaseData;
}

export interface CreateCaseInput {
  id: string;
  data?: CaseData;
  priority?: Priority;
  channel?: string | null;
  parentId?: string | null;
}

/** One line of `nextEvents`: can this event be sent now, and if not, why. */
export interface NextEvent {
  type: string;
  title: string;
  /** A transition for it exists in the current state. */
  available: boolean;
  /** Available and its guard passes on the current data (without a payload). */
  enabled: boolean;
  /** May this actor send it (event roles)? */
  allowed: boolean;
  /** Missing or wrong fields that block it. */
  problems: FieldProblem[];
  /** Target state id of the first transition that would be taken, if any. */
  target: string | null;
}
