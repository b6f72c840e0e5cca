// The exporters' input: a small read interface the host (SQLite file, CaseStore, tests) feeds, so the
// converters stay free of I/O and can stream 100k cases without building one giant string.
import type { Case, HistoryEntry } from '../engine/index.ts';

/** What the exporters need of a published case type: its customer identity (case-type-format.md, `customer`). */
export interface ExportCaseType {
  key: string;
  version: number;
  /** JSON Pointers into the case data: `keys` identify the customer (first present wins), `name` names them. */
  customer?: { keys: string[]; name?: string };
}

/** One case with its whole history, oldest entry first. */
export type ExportCase = Pick<
  Case,
  'id' | 'caseType' | 'version' | 'state' | 'data' | 'priority' | 'channel' | 'parentId' | 'createdAt' | 'updatedAt' | 'closedAt'
> & { history: HistoryEntry[] };

export interface ExportSource {
  /** Every published version of the case types whose cases are exported (any order). */
  caseTypes: readonly ExportCaseType[];
  /**
   * The cases, oldest first (createdAt, then id). Called once per pass: the XES writer reads them
   * once, the OCEL writer twice (events, then objects), so a fresh iteration must start each time.
   */
  cases(): AsyncIterable<ExportCase> | Iterable<ExportCase>;
}

/** Receives the output in pieces; each piece ends with a line break. A returned promise is awaited (backpressure). */
export type ExportSink = (chunk: string) => void | Promise<void>;

export interface ExportSummary {
  cases: number;
  events: number;
}
