// The scheduler's public names: durable timers, the outbox dispatcher and its webhook address policy.
export { createTimerScheduler, type TimerScheduler, type TimerSchedulerOptions } from './timer-scheduler.ts';
export { createOutboxDispatcher, type OutboxDispatcher, type OutboxDispatcherOptions } from './outbox-dispatcher.ts';
export { createCaseMessageNotifier, createLogNotifier, NotifyError, type Notification, type Notifier } from './notifier.ts';
export { createMailNotifier, createSmtpTransport, type MailNotifier, type MailSettings, type MailTransport } from './mail-notifier.ts';
export { newWebhookSecret, signedHeaders, webhookSecretProblem, webhookSignature } from './webhook-signature.ts';
export { classifyAddress, parseWebhookAllow, type WebhookAllow } from './address-policy.ts';
