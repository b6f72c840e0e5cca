// A store that cannot serve right now (disk full, read-only, locked beyond the busy timeout, I/O
// error): not a bug in the request, so the API answers 503 `store.unavailable` and the host retries
// its own work (timers, outbox) later. Every CaseStore implementation throws this for such faults.
export type StoreFaultReason = 'full' | 'read_only' | 'locked' | 'io';

export class StoreUnavailableError extends Error {
  readonly reason: StoreFaultReason;
  constructor(reason: StoreFaultReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
    this.reason = reason;
  }
}
