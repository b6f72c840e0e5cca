// Where `notify` effects go. A mail or chat gateway is outside this machine, so the default sender
// records the message on its case (the `messages` of GET /api/cases/:id: to, template, when), which
// is what an agent looks at; a deployment plugs in its own Notifier to actually send it. Redelivery
// (at least once) is harmless: a message is recorded once per outbox key.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { CaseStore } from '../store/case-store.ts';

export interface Notification {
  tenant: string;
  caseId: string;
  key: string;
  to: string;
  template: string;
}

export interface Notifier {
  send(notification: Notification): Promise<void>;
}

/** The default: records the message on the case. */
export function createCaseMessageNotifier(store: CaseStore, clock: Clock, logger: Logger): Notifier {
  return {
    async send(n) {
      await store.recordMessage({ tenant: n.tenant, caseId: n.caseId, key: n.key, to: n.to, template: n.template, sentAt: clock.now() });
      logger.debug('notify recorded on the case', { key: n.key, template: n.template });
    },
  };
}

/** Only logs (debug level, without case data): for hosts that want no record at all. */
export function createLogNotifier(logger: Logger): Notifier {
  return {
    async send(n) {
      logger.debug('notify', { key: n.key, to: n.to, template: n.template });
    },
  };
}
