// An export source over the CaseStore port (SQLite or PostgreSQL), for `GET /api/export` and
// `dossier export`. The cases come a page at a time from `CaseStore.historyInWindow`, oldest first
// (createdAt, then id), each with its history entries in the window: the database picks both, so
// memory holds one page, whatever the size of the store or of the window.
import type { CaseStore } from '../store/case-store.ts';
import type { ExportCase, ExportCaseType, ExportSource } from './types.ts';
import type { TimeWindow } from '../store/time-window.ts';

export interface StoreSourceOptions extends TimeWindow {
  tenant: string;
  /** Only cases of this case type key. */
  caseType?: string;
  /** Cases read per query (default 500). */
  pageSize?: number;
}

export type StoreSourceResult = { ok: true; source: ExportSource } | { ok: false; code: 'case_type.not_found'; message: string };

/**
 * Reads the published case types of the tenant, then returns a source that pages through its cases.
 * With `from` and/or `to` (instants in the store's form, window.ts) only the history entries with
 * `from <= at < to` are read, and only the cases that have one.
 */
export async function createStoreSource(store: CaseStore, options: StoreSourceOptions): Promise<StoreSourceResult> {
  const { tenant, caseType, from, to } = options;
  const pageSize = options.pageSize ?? 500;
  const keys = (await store.listCaseTypes(tenant)).filter((t) => t.latestVersion !== null).map((t) => t.key);
  if (caseType !== undefined && !keys.includes(caseType)) {
    return { ok: false, code: 'case_type.not_found', message: `There is no published case type '${caseType}' in this tenant; see GET /api/case-types.` };
  }
  const caseTypes: ExportCaseType[] = [];
  for (const key of caseType === undefined ? keys : [caseType]) {
    for (const { version } of await store.listVersions(tenant, key)) {
      const published = await store.getCaseType(tenant, key, version);
      if (published === null) continue;
      const customer = published.definition.customer;
      caseTypes.push(
        customer === undefined
          ? { key, version }
          : { key, version, customer: { keys: [...customer.keys], ...(customer.name === undefined ? {} : { name: customer.name }) } },
      );
    }
  }
  const window = { ...(caseType === undefined ? {} : { caseType }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  async function* cases(): AsyncGenerator<ExportCase> {
    let cursor: string | null = null;
    do {
      const page = await store.historyInWindow(tenant, window, pageSize, cursor);
      for (const { case: kase, history } of page.items) {
        yield {
          id: kase.id, caseType: kase.caseType, version: kase.version, state: kase.state, data: kase.data,
          priority: kase.priority, channel: kase.channel, parentId: kase.parentId, createdAt: kase.createdAt,
          updatedAt: kase.updatedAt, closedAt: kase.closedAt, history,
        };
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return { ok: true, source: { caseTypes, cases } };
}
