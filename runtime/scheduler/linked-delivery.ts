// Delivery of sendToChildren / sendToParent effects (docs/linked-work.md). The receivers are read when the
// effect is delivered: the sender's open children (of the effect's case type, if it names one) or its
// parent. Each gets the event through the case service, as any event, sent by the sending case (its
// reference as the actor; a linked case sends as the system does, not held to the event's roles), with an
// idempotency key per receiver (`<effect key>><case id>`), so that a second delivery of the same row (a
// retry, a second host) changes nothing. A receiver that does not take the event (not in its state, a rule,
// its data, a closed case) is recorded on the sender as `linked.undelivered` and not tried again; only a
// concurrent change (case.conflict) makes the row be tried again.
import { childDeliveries, parentDelivery, type LinkedCaseRef, type LinkedDelivery, type SendToChildrenEffect, type SendToParentEffect, type Undelivered } from '../engine/index.ts';
import type { CaseService, IdempotencySpec } from '../host/case-service.ts';
import type { HostFailure } from '../host/host-result.ts';
import type { Logger } from '../host/logger.ts';
import type { CaseStore, OutboxRecord, StoredCase } from '../store/case-store.ts';

export type LinkedOutcome = { ok: true } | { ok: false; error: string; permanent: boolean };

/** Records an event a linked case did not take on its sender (the link service's recordUndelivered). */
export type RecordUndelivered = (tenant: string, senderId: string, undelivered: Undelivered) => Promise<HostFailure | null>;

const PAGE = 200;
/** Receivers sent to at the same time (each its own case, lock and commit). */
const CONCURRENT_RECEIVERS = 16;

/** Failures that say the receiver does not take the event (as opposed to "try again"). */
const REFUSALS = new Set(['event.not_accepted', 'rule.failed', 'data.invalid', 'event.unknown', 'event.forbidden', 'case.not_found']);

function ref(kase: StoredCase): LinkedCaseRef {
  return { id: kase.id, caseType: kase.caseType, closedAt: kase.closedAt };
}

/** The sender's open children, oldest first (of one case type where given). */
async function openChildren(store: CaseStore, tenant: string, parentId: string, caseType: string | null): Promise<StoredCase[]> {
  const found: StoredCase[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listCases(tenant, { parentId, status: 'open', ...(caseType === null ? {} : { caseType }) }, PAGE, cursor);
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function createLinkedDelivery(options: { store: CaseStore; service: CaseService; logger: Logger; recordUndelivered?: RecordUndelivered }) {
  const { store, service, logger } = options;

  function spec(delivery: LinkedDelivery): IdempotencySpec {
    return {
      key: delivery.key,
      method: 'POST',
      path: `/api/cases/${delivery.caseId}/events`,
      answerOf: (failure) => ({ status: failure.code === 'event.not_accepted' ? 409 : 422, body: { code: failure.code, detail: failure.message } }),
    };
  }

  /** Sends one delivery; null when taken (now or before), else the receiver's refusal, or a failure to try again. */
  async function send(row: OutboxRecord, sender: StoredCase, delivery: LinkedDelivery): Promise<{ refused: { code: string; reason: string } } | { retry: string } | null> {
    const actor = { id: sender.reference, roles: ['admin'] };
    const result = await service.sendEvent(row.tenant, delivery.caseId, delivery.event, actor, { idempotency: spec(delivery) });
    if (result.ok && result.replay !== true) return null;
    if (result.ok) {
      // delivered before (a retried row): taken then, or refused then
      if (result.status < 400) return null;
      const body = result.body as { code?: unknown; detail?: unknown };
      return { refused: { code: String(body.code), reason: String(body.detail) } };
    }
    if (REFUSALS.has(result.code)) return { refused: { code: result.code, reason: result.message } };
    return { retry: `${result.code}: ${result.message}` };
  }

  /**
   * Records a refusal on the sender once (an idempotency record marks it done); the reason it could not be
   * recorded (the sender kept changing), for the row to be tried again, else null.
   */
  async function recordRefusal(row: OutboxRecord, sender: StoredCase, receiver: StoredCase | null, delivery: LinkedDelivery, to: 'parent' | 'child', refused: { code: string; reason: string }): Promise<string | null> {
    const key = `${delivery.key}:undelivered`;
    if ((await store.getIdempotency(row.tenant, key)) !== null) return null;
    const undelivered: Undelivered = { event: delivery.event.type, caseId: delivery.caseId, reference: receiver?.reference ?? delivery.caseId, to, code: refused.code, reason: refused.reason };
    logger.info('a linked case did not take an event', { key: delivery.key, caseId: delivery.caseId, code: refused.code });
    const failed = options.recordUndelivered === undefined ? null : await options.recordUndelivered(row.tenant, sender.id, undelivered);
    if (failed !== null) {
      logger.info('not recorded on the sending case', { caseId: sender.id, code: failed.code });
      // the sender kept changing: the row is tried again and the refusal recorded then (not marked done)
      if (failed.code === 'case.conflict') return `${failed.code}: the refusal of ${delivery.caseId} is recorded on the next attempt`;
    }
    await store.saveIdempotency({ tenant: row.tenant, key, method: 'RECORD', path: `/api/cases/${sender.id}/history`, status: 200, body: null, createdAt: row.createdAt });
    return null;
  }

  return async function deliverLinked(row: OutboxRecord, effect: SendToChildrenEffect | SendToParentEffect): Promise<LinkedOutcome> {
    const sender = await store.getCase(row.tenant, row.caseId);
    if (sender === null) return { ok: true };
    let receivers: StoredCase[];
    let deliveries: LinkedDelivery[];
    if (effect.type === 'sendToChildren') {
      receivers = await openChildren(store, row.tenant, sender.id, effect.caseType);
      deliveries = childDeliveries(effect, receivers.map(ref));
    } else {
      const parent = sender.parentId === null ? null : await store.getCase(row.tenant, sender.parentId);
      receivers = parent === null ? [] : [parent];
      const delivery = parentDelivery(effect, parent === null ? null : ref(parent));
      deliveries = delivery === null ? [] : [delivery];
      if (delivery === null) logger.info('sendToParent: the case has no parent; nothing sent', { key: effect.key, caseId: sender.id });
    }
    const retries: string[] = [];
    // the receivers are different cases: several at a time, so that their commits share group commits
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++] as LinkedDelivery;
        const outcome = await send(row, sender, delivery);
        if (outcome === null) continue;
        if ('retry' in outcome) {
          retries.push(outcome.retry);
          continue;
        }
        const receiver = receivers.find((r) => r.id === delivery.caseId) ?? null;
        const again = await recordRefusal(row, sender, receiver, delivery, effect.type === 'sendToChildren' ? 'child' : 'parent', outcome.refused);
        if (again !== null) retries.push(again);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_RECEIVERS, deliveries.length) }, worker));
    if (retries.length > 0) return { ok: false, error: retries.join('; '), permanent: false };
    return { ok: true };
  };
}
