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

/**
 * Wraps every function of `store` so that what `translate` maps (a database fault) rejects as its
 * StoreUnavailableError; every CaseStore method is async, so a synchronous throw becomes a rejection too.
 */
export function withFaultTranslation<T extends object>(store: T, translate: (error: unknown) => unknown): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      try {
        const result = fn(...args);
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(translate(error))) : result;
      } catch (error) {
        return Promise.reject(translate(error));
      }
    };
  }
  return wrapped as T;
}
