// Where `notify` effects go. A mail or chat gateway is outside this machine: the default sender
// only logs (at debug level, without case data); the outbox row is the record of the message.
import type { Logger } from '../host/logger.ts';

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

export function createLogNotifier(logger: Logger): Notifier {
  return {
    async send(n) {
      logger.debug('notify', { key: n.key, to: n.to, template: n.template });
    },
  };
}
