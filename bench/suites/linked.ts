// linked: the fan-out of sendToChildren (docs/linked-work.md) — a major incident with N open
// incident-impact children (SQLite, in process, the real host with its outbox dispatcher), its
// SERVICE_RESTORED delivered to all of them by one dispatcher run: children moved per second (each one an
// event through the case service with its idempotency key, its own commit), and the run again (every
// child answers from its idempotency record: the cost of a redelivery).
import { join } from 'node:path';
import * as engine from '../../runtime/engine/index.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { seedTemplates } from '../../runtime/host/bootstrap.ts';
import { systemClock } from '../../runtime/host/clock.ts';
import { createHost } from '../../runtime/host/create-host.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
import { createLinkedDelivery } from '../../runtime/scheduler/linked-delivery.ts';
import { createSqliteStore } from '../../runtime/store/index.ts';
import { freshDbFile, TENANT } from '../lib/bench-host.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');
const admin = { id: 'bench', roles: ['admin'] };

/** The template without its webhooks (nothing to call from a benchmark). */
function withoutWebhooks(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => (v as { type?: unknown } | null)?.type !== 'webhook').map(withoutWebhooks);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutWebhooks(v)]));
  return value;
}

export const linkedSuite: Suite = {
  name: 'linked',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const children = options.quick ? 200 : 1_000;
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const store = createSqliteStore({ file: freshDbFile(options.workDir, 'linked.db') });
      try {
        const at = systemClock.now();
        await seedTemplates(store, TEMPLATES, at, silentLogger);
        const major = (await store.getCaseType(TENANT, 'major-incident'))?.definition as CaseType;
        await store.publish(TENANT, 'major-incident', withoutWebhooks(major) as CaseType, at);
        const host = createHost({ store, engine, clock: systemClock, logger: silentLogger, notifier: { send: async () => undefined } });
        const made = await host.service.createCase(TENANT, { caseType: 'major-incident', data: { incidentRef: 'INC-20417', title: 'Outage', service: 'internet', severity: 'sev3', impactDescription: 'Down.' } }, admin);
        if (!made.ok || made.replay === true) throw new Error('bench linked: the incident was not created');
        const parentId = made.case.id;
        for (let i = 0; i < children; i += 50) {
          await Promise.all(
            Array.from({ length: Math.min(50, children - i) }, async (_, j) => {
              const child = await host.service.createCase(TENANT, { caseType: 'incident-impact', parentId, data: { incidentRef: 'INC-20417', service: 'internet', customer: { name: `Customer ${String(i + j)}`, email: `c${String(i + j)}@example.com` } } }, admin);
              if (!child.ok || child.replay === true) throw new Error('bench linked: a child was not created');
              const informed = await host.service.sendEvent(TENANT, child.case.id, { type: 'CUSTOMER_INFORMED', data: { informedVia: 'email' } }, admin);
              if (!informed.ok) throw new Error('bench linked: a child was not informed');
            }),
          );
        }
        await host.dispatcher.runDue();
        await host.service.sendEvent(TENANT, parentId, { type: 'CAUSE_IDENTIFIED', data: { diagnosis: { rootCause: 'x' } } }, admin);
        const restored = await host.service.sendEvent(TENANT, parentId, { type: 'SERVICE_RESTORED', data: { mitigation: { fix: 'y', restoredAt: at } } }, admin);
        if (!restored.ok) throw new Error('bench linked: the restore was refused');
        const rows = (await store.listOutbox(TENANT, { caseId: parentId, status: 'pending' }, 50, null)).items.filter((r) => r.effect.type === 'sendToChildren');
        const started = performance.now();
        await host.dispatcher.runDue();
        const seconds = (performance.now() - started) / 1000;
        const moved = (await store.listCases(TENANT, { parentId, state: 'confirmingRestore' }, children + 1, null)).items.length;
        if (moved !== children) throw new Error(`bench linked: ${String(moved)} of ${String(children)} children moved`);
        // the same row delivered again: every child answers from its idempotency record
        const again = createLinkedDelivery({ store, service: host.service, logger: silentLogger });
        const row = rows[0];
        if (row === undefined) throw new Error('bench linked: no sendToChildren row');
        const replayStarted = performance.now();
        await again(row, row.effect as engine.SendToChildrenEffect);
        const replaySeconds = (performance.now() - replayStarted) / 1000;
        options.log(`linked round ${String(round + 1)}: SERVICE_RESTORED to ${String(children)} children in ${seconds.toFixed(2)} s (${(children / seconds).toFixed(0)}/s); redelivered in ${replaySeconds.toFixed(2)} s`);
        rounds.push({
          figures: {
            linked_children_per_s: { value: children / seconds, unit: `children/s (sendToChildren to ${String(children)} open children, SQLite, one dispatcher run)` },
            linked_redelivery_per_s: { value: children / replaySeconds, unit: `children/s (the same row delivered again: idempotency replays)` },
          },
          ratios: {},
        });
      } finally {
        await store.close();
      }
    }
    return rounds;
  },
};
