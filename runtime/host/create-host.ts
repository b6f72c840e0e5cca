// The runtime host assembled: one case service shared by the HTTP app, the timer scheduler and the
// outbox dispatcher; each commit wakes the scheduler (new timers) and the dispatcher (new effects).
import type { Hono } from 'hono';
import type { AuthEnv } from '../http/auth.ts';
import { createApp } from '../http/create-app.ts';
import type { WebhookAllow } from '../scheduler/address-policy.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../scheduler/outbox-dispatcher.ts';
import { createCaseMessageNotifier, type Notifier } from '../scheduler/notifier.ts';
import { createTimerScheduler, type TimerScheduler } from '../scheduler/timer-scheduler.ts';
import type { CaseStore } from '../store/case-store.ts';
import { outboxEffectTypes } from '../store/side-rows.ts';
import { createCaseService, type CaseService } from './case-service.ts';
import type { Clock } from './clock.ts';
import type { EnginePort } from './engine-port.ts';
import { silentLogger, type Logger } from './logger.ts';

/** Hosts sharing a store look for due work at least this often, under the store's notices. */
const SHARED_POLL_MS = 15_000;


export interface HostOptions<C = unknown> {
  store: CaseStore;
  engine: EnginePort<C>;
  clock: Clock;
  logger?: Logger;
  notifier?: Notifier;
  /** Non-public webhook targets allowed anyway (DOSSIER_WEBHOOK_ALLOW); absent: public addresses only. */
  webhookAllow?: WebhookAllow;
  outbox?: { maxAttempts?: number; backoffMs?: number; maxBackoffMs?: number };
  /** How long a host holds the timers and outbox rows it claimed before another may take them (default 30 s). */
  leaseMs?: number;
  maxBodyBytes?: number;
  /** The built designer to serve at `/` (see runtime/http/designer-static.ts). */
  designerDir?: string;
  /** Origins allowed to call the API from a browser (DOSSIER_CORS_ORIGINS); absent: CORS closed. */
  corsOrigins?: string[];
}

export interface Host {
  app: Hono<AuthEnv>;
  service: CaseService;
  scheduler: TimerScheduler;
  dispatcher: OutboxDispatcher;
  /** Fires timers that fell due while down, delivers pending effects, then runs beside the API. */
  start(): Promise<void>;
  /** Stops the scheduler and the dispatcher, waiting for runs in progress. */
  stop(): Promise<void>;
}

export function createHost<C>(options: HostOptions<C>): Host {
  const { store, engine, clock } = options;
  const logger = options.logger ?? silentLogger;
  const service = createCaseService({ store, engine, clock, logger });
  // a store that several hosts share announces their commits (watchDue); its runners also look again
  // now and then, in case a notice was lost
  const shared = store.watchDue !== undefined;
  const pollMs = shared ? SHARED_POLL_MS : undefined;
  const leases = { ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }), ...(pollMs === undefined ? {} : { pollMs }) };
  const scheduler = createTimerScheduler({ store, service, clock, logger, ...leases });
  const dispatcher = createOutboxDispatcher({
    store,
    service,
    clock,
    logger,
    notifier: options.notifier ?? createCaseMessageNotifier(store, clock, logger),
    ...(options.webhookAllow === undefined ? {} : { webhookAllow: options.webhookAllow }),
    ...options.outbox,
    ...leases,
  });
  let unwatch: (() => Promise<void>) | null = null;
  service.onCommit((commit) => {
    for (const timer of commit.case.timers) scheduler.notify(timer.dueAt);
    if (commit.effects.some((effect) => outboxEffectTypes.has(effect.type))) dispatcher.wake();
  });
  const app = createApp({
    store,
    clock,
    engine,
    service,
    logger,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.designerDir === undefined ? {} : { designerDir: options.designerDir }),
    ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
  });
  return {
    app,
    service,
    scheduler,
    dispatcher,
    async start() {
      await scheduler.start();
      await dispatcher.start();
      if (store.watchDue !== undefined) {
        unwatch = await store.watchDue((due) => {
          if (due.reconnected === true) {
            void scheduler.runDue();
            void dispatcher.runDue();
            return;
          }
          if (due.timers !== null) scheduler.notify(due.timers);
          if (due.outbox) dispatcher.wake();
        });
      }
    },
    async stop() {
      await unwatch?.();
      unwatch = null;
      await scheduler.stop();
      await dispatcher.stop();
    },
  };
}
