// PostgreSQL and connection errors that mean "the store cannot serve now", mapped to
// StoreUnavailableError (the API answers 503, the scheduler and the outbox retry later); and a wrapper
// that applies the mapping to every method of the store, so no driver error of that kind leaks upwards.
import { StoreUnavailableError, type StoreFaultReason, withFaultTranslation as translateFaults } from '../store-unavailable.ts';

type Fault = [reason: StoreFaultReason, words: string];

/** SQLSTATE codes, exactly or by class (the first two characters). */
const sqlStates: Record<string, Fault> = {
  '53100': ['full', 'the database server is out of disk space'],
  '25006': ['read_only', 'the database is read-only (a standby, or default_transaction_read_only)'],
  '55P03': ['locked', 'a lock was not granted within lock_timeout'],
  '40P01': ['locked', 'the transaction was chosen as a deadlock victim'],
  '40001': ['locked', 'the transaction could not be serialised with a concurrent one'],
  '53300': ['locked', 'the database server has no connection slot left'],
  '53200': ['io', 'the database server is out of memory'],
  '57P01': ['io', 'the database server is shutting down'],
  '57P02': ['io', 'the database server crashed'],
  '57P03': ['io', 'the database server is starting up or shutting down'],
  '08': ['io', 'the connection to the database server failed'],
  '58': ['io', 'the database server reported a system error'],
};

/** Errors of the socket under the connection. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENOENT']);

/** Errors node-postgres raises without a code, by message. */
const driverMessages: [prefix: string, fault: Fault][] = [
  ['timeout exceeded when trying to connect', ['locked', 'every connection of the pool stayed busy past the connect timeout']],
  ['Connection terminated', ['io', 'the connection to the database server was closed']],
  ['Client has encountered a connection error', ['io', 'the connection to the database server failed']],
  ['Query read timeout', ['io', 'the database server did not answer in time']],
];

function faultOf(error: unknown, depth = 0): [Fault, string] | null {
  if (error === null || typeof error !== 'object' || depth > 3) return null;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    const fault = sqlStates[code] ?? (code.length === 5 ? sqlStates[code.slice(0, 2)] : undefined);
    if (fault !== undefined) return [fault, code];
    if (socketCodes.has(code)) return [['io', 'the database server cannot be reached'], code];
  }
  if (typeof message === 'string') {
    for (const [prefix, fault] of driverMessages) if (message.startsWith(prefix)) return [fault, message];
  }
  // a connection to `localhost` tries each address: Node reports an AggregateError of their errors
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = faultOf(inner, depth + 1);
      if (found !== null) return found;
    }
  }
  return faultOf(cause, depth + 1);
}

/** The StoreUnavailableError for a database or connection fault, or the error itself when it is something else. */
export function translatePostgresError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const found = faultOf(error);
  if (found === null) return error;
  const [[reason, words], detail] = found;
  return new StoreUnavailableError(reason, `${words} (${detail})`, { cause: error });
}

/** Wraps every function of `store` so that database faults reject as StoreUnavailableError. */
export function withFaultTranslation<T extends object>(store: T): T {
  return translateFaults(store, translatePostgresError);
}
