// An export source over the CaseStore port (any implementation: SQLite now, PostgreSQL later), for
// `GET /api/export`. Cases come page by page (the store lists newest first; the converters do not
// depend on the order) and each case's history page by page, so memory stays bounded.
import type { CaseStore } from '../store/case-store.ts';
import type { ExportCase, ExportCaseType, ExportSource } from './types.ts';

export interface StoreSourceOptions {
  tenant: string;
  /** Only cases of this case type key. */
  caseType?: string;
  /** Cases and history entries read per call (default 200). */
  pageSize?: number;
}

export type StoreSourceResult = { ok: true; source: ExportSource } | { ok: false; code: 'case_type.not_found'; message: string };

/** Reads the published case types of the tenant, then returns a source that pages through its cases. */
export async function createStoreSource(store: CaseStore, options: StoreSourceOptions): Promise<StoreSourceResult> {
  const { tenant, caseType } = options;
  const pageSize = options.pageSize ?? 200;
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
  async function* cases(): AsyncGenerator<ExportCase> {
    let cursor: string | null = null;
    do {
      const page = await store.listCases(tenant, caseType === undefined ? {} : { caseType }, pageSize, cursor);
      for (const kase of page.items) {
        const history = [];
        let historyCursor: string | null = null;
        do {
          const entries = await store.history(tenant, kase.id, pageSize, historyCursor);
          history.push(...entries.items);
          historyCursor = entries.nextCursor;
        } while (historyCursor !== null);
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
