// The scheduler's public names: durable timers and the outbox dispatcher.
export { createTimerScheduler, type TimerScheduler, type TimerSchedulerOptions } from './timer-scheduler.ts';
export { createOutboxDispatcher, type OutboxDispatcher, type OutboxDispatcherOptions } from './outbox-dispatcher.ts';
export { createCaseMessageNotifier, createLogNotifier, type Notification, type Notifier } from './notifier.ts';
