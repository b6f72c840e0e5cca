// The store's public names.
export type * from './case-store.ts';
export { CursorError, decodeCursor, encodeCursor } from './cursor.ts';
export { createSqliteStore, SqliteOpenError, type SqliteCaseStore, type SqliteStoreOptions } from './sqlite/sqlite-store.ts';
export { resolvePointer } from './sqlite/sqlite-reports.ts';
export { stateIds } from './state-ids.ts';
export { StoreUnavailableError, type StoreFaultReason } from './store-unavailable.ts';
