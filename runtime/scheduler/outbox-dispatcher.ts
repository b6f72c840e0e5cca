// Delivers the outbox after commit, at least once: notify (a Notifier), webhook (an HTTP call with an
// Idempotency-Key header and a Standard Webhooks signature (webhook-signature.ts), to public addresses
// only unless allowed: webhook-client.ts), createCase (the child through the case service, idempotent by
// its id), childClosed (`child.closed` to the parent), lookup (a CRM call whose answer comes back to the
// case as `lookup.<name>.done` or `.failed`: lookup-call.ts, docs/lookups.md), sendToChildren and
// sendToParent (events to linked cases: linked-delivery.ts, docs/linked-work.md).
// Failures retry with exponential backoff; after maxAttempts, or on a failure no retry can fix (such
// as a refused webhook address), the row becomes a dead letter (GET /api/outbox?status=dead).
import { fieldSchemaAt, lookupPatch, type CaseEvent, type Effect } from '../engine/index.ts';
import type { CaseService } from '../host/case-service.ts';
import type { Clock } from '../host/clock.ts';
import { silentLogger, type Logger } from '../host/logger.ts';
import type { CaseStore, OutboxRecord } from '../store/case-store.ts';
import { noWebhookAllow, type WebhookAllow } from './address-policy.ts';
import { createDueRunner } from './due-runner.ts';
import { NotifyError, type Notification, type Notifier } from './notifier.ts';
import { callLookup, type LookupEffect } from './lookup-call.ts';
import { createLinkedDelivery, type RecordUndelivered } from './linked-delivery.ts';
import { createWebhookClient } from './webhook-client.ts';
import { newWebhookSecret, signedHeaders } from './webhook-signature.ts';

export interface OutboxDispatcherOptions {
  store: CaseStore;
  service: CaseService;
  clock: Clock;
  notifier: Notifier;
  /** Non-public webhook targets allowed anyway (DOSSIER_WEBHOOK_ALLOW); default none. */
  webhookAllow?: WebhookAllow;
  logger?: Logger;
  /** Attempts before a row is dead (default 10). */
  maxAttempts?: number;
  /** How long claimed rows stay this host's before another host may deliver them (default 30 s). */
  leaseMs?: number;
  /** Where other hosts share the store: look for due rows at least this often (see due-runner.ts). */
  pollMs?: number;
  /** First retry delay in ms, doubled per attempt (default 1000), capped at maxBackoffMs (default 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Per webhook call (default 10 s). */
  webhookTimeoutMs?: number;
  /** Calls a lookup gets when its CRM fails in a way another try may cure, before it fails (default 3). */
  lookupAttempts?: number;
  /** The largest lookup answer read (default 1 MiB); a longer one fails the lookup. */
  lookupAnswerLimit?: number;
  /**
   * Records on the sending case an event a linked case did not take (sendToChildren / sendToParent:
   * linked-delivery.ts); the host passes its link service's. Absent: such a refusal is only logged.
   */
  recordUndelivered?: RecordUndelivered;
  /**
   * Signs every webhook with this secret (whsec_…, `--webhook-secret`); absent: each tenant's own,
   * generated and kept in the store when first needed (GET /api/webhook-secret shows it to its admins).
   */
  webhookSecret?: string;
}

export interface OutboxDispatcher {
  start(): Promise<void>;
  /** Stops waking up; resolves when a run in progress has finished. */
  stop(): Promise<void>;
  /** Delivers every row due at the clock's now; returns how many were delivered. */
  runDue(): Promise<number>;
  /** Something was added to the outbox. */
  wake(): void;
}

type Delivery = { ok: true } | { ok: false; error: string; permanent: boolean };

const BATCH = 100;
const CONCURRENT_CASES = 32;
/**
 * A host starts no delivery of a claimed row after this share of its lease: the rest of the lease is
 * for the deliveries under way to finish and be recorded before another host may claim the row and
 * send it again. The rows left over go back when the lease runs out (to whichever host claims first,
 * this one included).
 */
export const LEASE_USE = 0.5;
/** A webhook call ends (times out) by this share of the lease at the latest, leaving the rest to record it. */
export const LEASE_CALL_END = 0.85;

function notificationOf(row: OutboxRecord): Notification {
  const effect = row.effect as Extract<Effect, { type: 'notify' }>;
  return { tenant: row.tenant, caseId: row.caseId, key: effect.key, to: effect.to, template: effect.template, attempt: row.attempts + 1 };
}

function byCase(rows: OutboxRecord[]): Map<string, OutboxRecord[]> {
  const lanes = new Map<string, OutboxRecord[]>();
  for (const row of rows) {
    const key = `${row.tenant}\u0000${row.caseId}`;
    const lane = lanes.get(key);
    if (lane === undefined) lanes.set(key, [row]);
    else lane.push(row);
  }
  return lanes;
}

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { store, service, clock, notifier } = options;
  const logger = options.logger ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? 10;
  const leaseMs = options.leaseMs ?? 30_000;
  const backoff = options.backoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 3_600_000;
  const sendWebhook = createWebhookClient({
    allow: options.webhookAllow ?? noWebhookAllow,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
  });
  const lookupAttempts = Math.min(options.lookupAttempts ?? 3, maxAttempts);
  const answerLimit = options.lookupAnswerLimit ?? 1024 * 1024;
  const deliverLinked = createLinkedDelivery({ store, service, logger, ...(options.recordUndelivered === undefined ? {} : { recordUndelivered: options.recordUndelivered }) });

  /**
   * Calls the CRM and brings the result to the case: `lookup.<name>.done` with the mapped values, or
   * `lookup.<name>.failed` with the reason once another try cannot help or the tries are used up. An
   * answer the data schema refuses fails the lookup with the fields' problems. A case that has moved
   * on (no transition for the result where it is now) takes nothing, as for `child.closed`.
   */
  /** Field problems with each field named by its title ("Segment must be one of …"), joined. */
  async function inFieldWords(row: OutboxRecord, problems: { pointer: string; message: string }[]): Promise<string> {
    const stored = await store.getCase(row.tenant, row.caseId);
    const type = stored === null ? null : await service.loadType(row.tenant, stored.caseType, stored.version);
    const data = type?.published.definition.data;
    return problems
      .map(({ pointer, message }) => {
        const title = data === undefined ? undefined : fieldSchemaAt(data, pointer)?.title;
        return title !== undefined && message.startsWith(pointer) ? `${title}${message.slice(pointer.length)}` : message;
      })
      .join('; ');
  }

  async function deliverLookup(row: OutboxRecord, effect: LookupEffect, callEnd: number): Promise<Delivery> {
    const call = await callLookup(sendWebhook, effect, { timeoutMs: Math.max(1, callEnd - Date.parse(clock.now())), answerLimit });
    if (!call.ok && call.transient && row.attempts + 1 < lookupAttempts) return { ok: false, error: call.reason, permanent: false };
    const failed = (reason: string): CaseEvent => ({ type: `lookup.${effect.name}.failed`, data: { reason } });
    const send = (event: CaseEvent) => service.sendEvent(row.tenant, row.caseId, event, undefined);
    let result = await send(call.ok ? { type: `lookup.${effect.name}.done`, data: lookupPatch(effect.map, call.answer) } : failed(call.reason));
    if (!result.ok && call.ok && result.code === 'data.invalid') {
      const problems = await inFieldWords(row, (result.problems ?? []).flatMap((p) => ('pointer' in p && 'message' in p ? [p] : [])));
      result = await send(failed(`the answer does not fit the case: ${problems === '' ? result.message : problems}`));
    }
    if (result.ok) return { ok: true };
    if (result.code === 'event.not_accepted') {
      logger.info('lookup result not taken: the case has moved on', { key: row.key, caseId: row.caseId, lookup: effect.name });
      return { ok: true };
    }
    return { ok: false, error: `${result.code}: ${result.message}`, permanent: result.code !== 'case.conflict' };
  }

  const secrets = new Map<string, Promise<string>>();
  /** The secret that signs the tenant's webhooks. */
  function secretOf(tenant: string): Promise<string> {
    if (options.webhookSecret !== undefined) return Promise.resolve(options.webhookSecret);
    let secret = secrets.get(tenant);
    if (secret === undefined) {
      secret = store.webhookSecret(tenant, newWebhookSecret(), clock.now());
      secret.catch(() => secrets.delete(tenant));
      secrets.set(tenant, secret);
    }
    return secret;
  }

  /** `callEnd`: epoch ms by which a webhook call must be over (its claim's lease, less the time to record it). */
  async function deliver(row: OutboxRecord, callEnd: number): Promise<Delivery> {
    const effect: Effect = row.effect;
    switch (effect.type) {
      case 'notify':
        try {
          await notifier.send(notificationOf(row));
          return { ok: true };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return { ok: false, error: message, permanent: error instanceof NotifyError && error.permanent };
        }
      case 'webhook': {
        const body = JSON.stringify(row.payload);
        const timestamp = Math.floor(Date.parse(clock.now()) / 1000);
        const outcome = await sendWebhook({
          url: effect.url,
          method: effect.method,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': effect.key,
            'user-agent': 'dossier',
            ...signedHeaders(await secretOf(row.tenant), effect.key, timestamp, body),
          },
          body,
          timeoutMs: Math.max(1, callEnd - Date.parse(clock.now())),
        });
        if ('refused' in outcome) return { ok: false, error: outcome.refused, permanent: true };
        const ok = outcome.status >= 200 && outcome.status < 300;
        return ok ? { ok: true } : { ok: false, error: `HTTP ${outcome.status} from ${effect.url}`, permanent: false };
      }
      case 'lookup':
        return deliverLookup(row, effect, callEnd);
      case 'createCase': {
        const result = await service.createCase(row.tenant, { caseType: effect.caseType, data: effect.data, parentId: effect.parentId, id: effect.childId }, undefined);
        if (result.ok || result.code === 'case.exists') return { ok: true };
        return { ok: false, error: `${result.code}: ${result.message}`, permanent: true };
      }
      case 'childClosed': {
        const result = await service.sendEvent(row.tenant, effect.parentId, { type: 'child.closed' }, undefined);
        if (result.ok || result.code === 'event.not_accepted') return { ok: true };
        return { ok: false, error: `${result.code}: ${result.message}`, permanent: result.code !== 'case.conflict' };
      }
      case 'sendToChildren':
      case 'sendToParent':
        return deliverLinked(row, effect);
      case 'setTimer':
      case 'cancelTimer':
      case 'openTask':
      case 'closeTask':
        return { ok: true };
      default: {
        const _never: never = effect;
        return { ok: false, error: `unknown effect ${JSON.stringify(_never)}`, permanent: true };
      }
    }
  }

  /** Delivers one row and records the outcome; true when it was delivered. */
  async function settle(row: OutboxRecord, callEnd: number): Promise<boolean> {
    let outcome: Delivery;
    try {
      outcome = await deliver(row, callEnd);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error), permanent: false };
    }
    if (outcome.ok) {
      await store.markDelivered(row.id, clock.now());
      return true;
    }
    const attempts = row.attempts + 1;
    const dead = outcome.permanent || attempts >= maxAttempts;
    const next = dead ? null : new Date(Date.parse(clock.now()) + Math.min(maxBackoff, backoff * 2 ** (attempts - 1))).toISOString();
    await store.markFailed(row.id, outcome.error, next);
    if (row.effect.type === 'notify' && notifier.failed !== undefined) {
      // the message row on the case says the same as the outbox row: failed (tried again) or dead
      await notifier.failed(notificationOf(row), outcome.error, dead).catch((error: unknown) =>
        logger.warn('could not record a failed message on its case', { key: row.key, error: error instanceof Error ? error.message : String(error) }),
      );
    }
    logger.warn(dead ? 'outbox delivery failed for good (dead letter)' : 'outbox delivery failed; will retry', { key: row.key, type: row.effect.type, attempts, error: outcome.error });
    return false;
  }

  // The rows of one case are delivered in order; different cases at the same time (up to
  // CONCURRENT_CASES), so their writes share group commits instead of waiting for one fsync each
  // and a slow webhook does not hold up every other case.
  async function deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const claimedAt = clock.now();
      const batch = await store.claimDueOutbox(claimedAt, BATCH, leaseMs);
      const stopAt = Date.parse(claimedAt) + leaseMs * LEASE_USE;
      const callEnd = Date.parse(claimedAt) + leaseMs * LEASE_CALL_END;
      let leftOver = 0;
      await inParallel([...byCase(batch).values()], CONCURRENT_CASES, async (rows) => {
        for (const [index, row] of rows.entries()) {
          if (Date.parse(clock.now()) >= stopAt) {
            leftOver += rows.length - index;
            return;
          }
          if (await settle(row, callEnd)) delivered += 1;
        }
      });
      if (leftOver > 0) logger.warn('outbox rows left to the next run: half of their claim was used up', { rows: leftOver, leaseMs });
      if (batch.length < BATCH || leftOver > 0) return delivered;
    }
  }

  const runner = createDueRunner({
    name: 'outbox dispatcher',
    clock,
    logger,
    runBatch: deliverDue,
    nextDue: () => store.nextOutboxDue(),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  return {
    start: runner.start,
    stop: runner.stop,
    runDue: runner.runDue,
    wake: () => runner.wakeAt(clock.now()),
  };
}
