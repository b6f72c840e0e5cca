// Small case types that exercise timers, webhooks and child cases, and a host on a temp SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as engine from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import { createHost, type Host } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { parseWebhookAllow } from '../../../runtime/scheduler/address-policy.ts';
import type { Notification } from '../../../runtime/scheduler/notifier.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

export const T0 = '2026-01-05T09:00:00.000Z';

export function ticketType(webhookUrl: string): CaseType {
  return {
    key: 'ticket',
    title: 'Ticket',
    data: { type: 'object', properties: { note: { type: 'string' } } },
    events: { HOOK: { title: 'Call the webhook' }, SPAWN: { title: 'Open a subtask' }, PING: { title: 'Notify' } },
    playbook: {
      initial: 'open',
      states: {
        open: {
          on: {
            HOOK: { actions: [{ type: 'webhook', url: webhookUrl, method: 'POST' }] },
            PING: { actions: [{ type: 'notify', to: 'customer', template: 'ping' }] },
            SPAWN: { target: 'waiting', actions: [{ type: 'createCase', caseType: 'subtask', link: 'child', data: { note: 'from parent' } }] },
          },
          after: [
            { id: 'first', delay: 'PT1H', actions: [{ type: 'note', text: 'one hour passed' }] },
            { id: 'second', delay: 'PT2H', target: 'late' },
          ],
        },
        waiting: { on: { 'child.closed': 'done' } },
        late: { type: 'final' },
        done: { type: 'final' },
      },
    },
  } as CaseType;
}

export const subtaskType = {
  key: 'subtask',
  title: 'Subtask',
  data: { type: 'object', properties: { note: { type: 'string' } } },
  events: { DONE: { title: 'Done' } },
  playbook: { initial: 'todo', states: { todo: { on: { DONE: 'finished' } }, finished: { type: 'final' } } },
} as CaseType;

export interface TestHost {
  host: Host;
  store: SqliteCaseStore;
  clock: ManualClock;
  sent: Notification[];
}

export function tempDb(): { file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sched-'));
  return { file: join(dir, 'dossier.db'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface OpenHostOptions {
  outbox?: { maxAttempts?: number; backoffMs?: number };
  /** DOSSIER_WEBHOOK_ALLOW for the host; the loopback receivers of these tests need `127.0.0.1`. */
  webhookAllow?: string;
}

export function openHost(file: string, clock: ManualClock, options: OpenHostOptions = {}): TestHost {
  const store = createSqliteStore({ file });
  const sent: Notification[] = [];
  const host = createHost({
    store,
    engine,
    clock,
    logger: silentLogger,
    notifier: { send: async (n) => void sent.push(n) },
    outbox: options.outbox ?? {},
    webhookAllow: parseWebhookAllow(options.webhookAllow ?? ''),
  });
  return { host, store, clock, sent };
}

export async function publishFixtures(store: SqliteCaseStore, webhookUrl = 'http://127.0.0.1:9/unused'): Promise<void> {
  await store.publish('default', 'ticket', ticketType(webhookUrl), T0);
  await store.publish('default', 'subtask', subtaskType, T0);
}

export { createManualClock };
