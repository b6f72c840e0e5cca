// The routing loop (issue 21, docs/routing.md): a routing pass over every tenant with an available agent,
// run shortly after a task opens or an agent changes, when the earliest open offer expires, and, where
// several hosts share the store, at least every `pollMs` (other hosts' tasks and expiries). Passes never overlap on one host (the due runner);
// across hosts the store serialises a tenant's passes and refuses a second open offer of a task.
import type { Clock } from '../host/clock.ts';
import { silentLogger, type Logger } from '../host/logger.ts';
import type { RoutingService } from '../host/routing-service.ts';
import type { CaseStore } from '../store/case-store.ts';
import { createDueRunner } from './due-runner.ts';

/** Changes within this many milliseconds are routed in one pass. */
const GATHER_MS = 100;
/** How often a host of several sharing one store looks for work whatever it was told (its default). */
export const DEFAULT_ROUTING_POLL_MS = 2000;

export interface RoutingRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs one pass over every tenant now; returns the offers made. */
  runDue(): Promise<number>;
  /** Something changed (a task opened, an agent, an answer): route soon. */
  poke(): void;
}

export function createRoutingRunner(options: { store: CaseStore; routing: RoutingService; clock: Clock; logger?: Logger; /** Absent: no polling (one host: every change is its own). */ pollMs?: number }): RoutingRunner {
  const { store, routing, clock } = options;
  const logger = options.logger ?? silentLogger;

  async function pass(): Promise<number> {
    let offered = 0;
    const failures: unknown[] = [];
    for (const tenant of await store.routingTenants()) {
      try {
        const decision = await routing.routeTenant(tenant);
        offered += decision.offers.length;
        for (const offer of decision.offers) logger.debug('task offered', { tenant, taskId: offer.taskId, agent: offer.agent, why: offer.explanation });
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `routing failed for ${String(failures.length)} tenant(s)`);
    return offered;
  }

  const runner = createDueRunner({
    name: 'router',
    clock,
    logger,
    runBatch: pass,
    nextDue: () => store.nextOfferExpiry(),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  routing.onChange(() => runner.wakeAt(new Date(Date.parse(clock.now()) + GATHER_MS).toISOString()));
  return {
    start: runner.start,
    stop: runner.stop,
    runDue: runner.runDue,
    poke: () => runner.wakeAt(new Date(Date.parse(clock.now()) + GATHER_MS).toISOString()),
  };
}
