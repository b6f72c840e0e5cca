// SQLite error codes that mean "the store cannot serve now", mapped to StoreUnavailableError; and a
// wrapper that applies the mapping to every method of the store, so no SQLite error leaks upwards.
import { StoreUnavailableError, type StoreFaultReason, withFaultTranslation as translateFaults } from '../store-unavailable.ts';

const reasons: [prefix: string, reason: StoreFaultReason, words: string][] = [
  ['SQLITE_FULL', 'full', 'the disk (or the database size limit) is full'],
  ['SQLITE_READONLY', 'read_only', 'the database is read-only'],
  ['SQLITE_BUSY', 'locked', 'the database is locked by another process'],
  ['SQLITE_LOCKED', 'locked', 'the database is locked'],
  ['SQLITE_IOERR', 'io', 'the disk reported an I/O error'],
  ['SQLITE_CANTOPEN', 'io', 'the database file cannot be opened'],
  ['SQLITE_NOMEM', 'io', 'SQLite ran out of memory'],
];

/** The StoreUnavailableError for a SQLite fault, or the error itself when it is something else. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  for (const [prefix, reason, words] of reasons) {
    if (code === prefix || code.startsWith(`${prefix}_`)) {
      return new StoreUnavailableError(reason, `${words} (${code})`, { cause: error });
    }
  }
  return error;
}

/** Wraps every function of `store` so that database faults reject as StoreUnavailableError. */
export function withFaultTranslation<T extends object>(store: T): T {
  return translateFaults(store, translateSqliteError);
}
