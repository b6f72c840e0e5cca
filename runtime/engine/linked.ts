// Linked work (docs/linked-work.md): events between a case and its parent or children, and the records
// that a link was made or undone or that an event could not be delivered. Pure: which cases are linked
// (and open) is read by the host (or the simulator) when an effect is delivered and passed in here, so
// the server and the designer's simulator choose the receivers and their idempotency keys alike.
import type { CompiledCaseType } from './compile.ts';
import { finishStep } from './finish-step.ts';
import { sendEvent } from './machine-step.ts';
import { reject, rejectionMessages } from './rejections.ts';
import { scratchOf } from './actions.ts';
import type { Actor, Case, CaseData, CaseEvent, Effect, Instant, Outcome } from './types.ts';

export type SendToChildrenEffect = Extract<Effect, { type: 'sendToChildren' }>;
export type SendToParentEffect = Extract<Effect, { type: 'sendToParent' }>;

/** What delivery needs to know of a linked case. */
export interface LinkedCaseRef {
  id: string;
  caseType: string;
  closedAt: Instant | null;
}

/** One event for one linked case, with the idempotency key that makes its delivery happen once. */
export interface LinkedDelivery {
  caseId: string;
  /** `<effect key>><case id>`: the same for every try of the same effect. */
  key: string;
  event: CaseEvent;
}

function eventOf(effect: SendToChildrenEffect | SendToParentEffect): CaseEvent {
  return effect.data === null ? { type: effect.event } : { type: effect.event, data: effect.data };
}

/** The deliveries of a sendToChildren effect: one per open child (of the effect's case type, if it names one), in the order given. */
export function childDeliveries(effect: SendToChildrenEffect, children: readonly LinkedCaseRef[]): LinkedDelivery[] {
  return children
    .filter((child) => child.closedAt === null && (effect.caseType === null || child.caseType === effect.caseType))
    .map((child) => ({ caseId: child.id, key: `${effect.key}>${child.id}`, event: eventOf(effect) }));
}

/**
 * The delivery of a sendToParent effect; null when the case has no parent (any more). A closed parent is
 * sent it too, and refuses it: the sender records that it was not delivered.
 */
export function parentDelivery(effect: SendToParentEffect, parent: LinkedCaseRef | null): LinkedDelivery | null {
  if (parent === null) return null;
  return { caseId: parent.id, key: `${effect.key}>${parent.id}`, event: eventOf(effect) };
}

export const CHILD_LINKED = 'child.linked';
export const CHILD_UNLINKED = 'child.unlinked';
export const PARENT_LINKED = 'parent.linked';
export const PARENT_UNLINKED = 'parent.unlinked';
export const LINKED_UNDELIVERED = 'linked.undelivered';

/** A link made or undone, as the case on one side records it. `reference`: the other case's, as people read it. */
export interface LinkChange {
  kind: 'childLinked' | 'childUnlinked' | 'parentLinked' | 'parentUnlinked';
  /** The other case. */
  caseId: string;
  reference: string;
}

const LINK_EVENTS: Record<LinkChange['kind'], string> = {
  childLinked: CHILD_LINKED,
  childUnlinked: CHILD_UNLINKED,
  parentLinked: PARENT_LINKED,
  parentUnlinked: PARENT_UNLINKED,
};

/** A step that changes no data: the event run through the playbook (a handler may react) and recorded. */
function recordStep(type: CompiledCaseType, kase: Case, base: Case, children: string[], event: { type: string; data: CaseData }, now: Instant, actor?: Actor): Outcome {
  const env = { caseId: kase.id, now, revision: kase.revision + 1 };
  const scratch = { ...scratchOf(kase), children };
  const step = sendEvent(type, kase.state, scratch, env, event.type);
  return finishStep(type, {
    before: kase,
    base,
    step,
    env,
    event,
    actor: actor?.id ?? 'system',
    ...(actor?.partner === undefined ? {} : { partner: actor.partner }),
    slas: kase.slas,
  });
}

/**
 * Records a link on one side: `child.linked` / `child.unlinked` on the parent (its `children` list
 * updated), `parent.linked` / `parent.unlinked` on the child (its `parentId` set or cleared). Refused,
 * changing nothing, on a closed case. Whether the link may be made (same tenant, no loop...) is the host's
 * to decide before: here it is only written down.
 */
export function recordLink(type: CompiledCaseType, kase: Case, change: LinkChange, now: Instant, actor?: Actor): Outcome {
  const eventType = LINK_EVENTS[change.kind];
  if (kase.closedAt !== null) return reject('event.not_accepted', rejectionMessages.closed(eventType));
  const side = change.kind === 'childLinked' || change.kind === 'childUnlinked' ? 'child' : 'parent';
  const event = { type: eventType, data: { [side]: change.caseId, reference: change.reference } };
  switch (change.kind) {
    case 'childLinked':
      return recordStep(type, kase, kase, kase.children.includes(change.caseId) ? kase.children : [...kase.children, change.caseId], event, now, actor);
    case 'childUnlinked':
      return recordStep(type, kase, kase, kase.children.filter((id) => id !== change.caseId), event, now, actor);
    case 'parentLinked':
      return recordStep(type, kase, { ...kase, parentId: change.caseId }, kase.children, event, now, actor);
    case 'parentUnlinked':
      return recordStep(type, kase, { ...kase, parentId: null }, kase.children, event, now, actor);
    default: {
      const _never: never = change.kind;
      return _never;
    }
  }
}

/** An event the sending case sent to a linked case that did not take it. */
export interface Undelivered {
  /** The event sent. */
  event: string;
  /** The case it was for, and its reference. */
  caseId: string;
  reference: string;
  /** `parent` or `child`: which side the receiver is. */
  to: 'parent' | 'child';
  /** The receiver's refusal: its code and sentence. */
  code: string;
  reason: string;
}

/**
 * Records on the sending case that a linked case did not take its event (`linked.undelivered`, with the
 * receiver and its refusal), so that people see it in the history instead of it being retried for ever.
 * A closed sender records nothing (refused as any event is).
 */
export function recordUndelivered(type: CompiledCaseType, kase: Case, undelivered: Undelivered, now: Instant): Outcome {
  if (kase.closedAt !== null) return reject('event.not_accepted', rejectionMessages.closed(LINKED_UNDELIVERED));
  const data: CaseData = { ...undelivered };
  return recordStep(type, kase, kase, kase.children, { type: LINKED_UNDELIVERED, data }, now);
}
