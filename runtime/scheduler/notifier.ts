// Where `notify` effects go. Without a mail server the default sender records the message on its case
// (the `messages` of GET /api/cases/:id: to, template, when, status `recorded`), which is what an agent
// looks at; with `dossier serve --smtp-url` the mail notifier (mail-notifier.ts) renders the case type's
// message and sends it. Redelivery (at least once) is harmless: a message is recorded once per outbox
// key, and a sent or recorded message is not recorded again.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { CaseStore } from '../store/case-store.ts';

export interface Notification {
  tenant: string;
  caseId: string;
  key: string;
  to: string;
  template: string;
  /** This delivery's attempt, from 1. */
  attempt: number;
}

/** A notice that could not be delivered; `permanent`: trying again cannot help (no address, no template). */
export class NotifyError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'NotifyError';
    this.permanent = permanent;
  }
}

export interface Notifier {
  /** Delivers the notice; throws (a NotifyError where it knows whether a retry can help) when it could not. */
  send(notification: Notification): Promise<void>;
  /** The outbox's verdict on a failed send: tried again later, or `dead` (no more tries). */
  failed?(notification: Notification, error: string, dead: boolean): Promise<void>;
}

/** The default: records the message on the case. */
export function createCaseMessageNotifier(store: CaseStore, clock: Clock, logger: Logger): Notifier {
  return {
    async send(n) {
      await store.recordMessage({ tenant: n.tenant, caseId: n.caseId, key: n.key, to: n.to, template: n.template, sentAt: clock.now(), status: 'recorded', attempts: n.attempt });
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
