// Case search (issue 21, item 4; docs/search.md): GET /api/search?q=…, the cases of the tenant whose
// reference, customer identifiers and name, or text match every word typed, best first, paged. A query
// that is exactly a case's reference answers that case first (`exact`: the console opens it at once).
// A partner's person searches the delegated queues only, and by reference only: the text holds fields
// not shared with partners, and a hit would tell what they hold.
import { Hono } from 'hono';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { isShared } from '../../../schemas/sharing.ts';
import type { Case, JsonValue } from '../../engine/index.ts';
import { customerNameOf } from '../../host/case-view.ts';
import { inScope, partnerScope, shareTrees } from '../../host/partners.ts';
import type { CaseStore, SearchHit } from '../../store/case-store.ts';
import { checkSearchQuery, SearchQueryError, searchWords } from '../../store/search-text.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { HttpProblem } from '../problems.ts';
import { pageParams } from '../query.ts';

/** A case found, as the search answers it. */
export interface SearchResult {
  id: string;
  reference: string;
  caseType: string;
  caseTypeTitle: string;
  state: Case['state'];
  priority: Case['priority'];
  customerName: string | null;
  /** The words around where the text matched (its beginning when the reference or customer did), plain text; null without text or for a partner. */
  snippet: string | null;
  /** True for the case whose reference is exactly the query. */
  exact: boolean;
  createdAt: string;
  closedAt: string | null;
}

/** Results per page unless `limit` says otherwise. */
const SEARCH_LIMIT = 20;

export function searchRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/search', async (c) => {
    const auth = requireRole(c, 'agent');
    let q: string;
    try {
      q = checkSearchQuery(c.req.query('q'));
    } catch (error) {
      if (!(error instanceof SearchQueryError)) throw error;
      throw new HttpProblem(error.code, error.message, { problems: [{ pointer: '/q', message: error.message }] });
    }
    const { limit, cursor } = c.req.query('limit') === undefined ? { ...pageParams(c), limit: SEARCH_LIMIT } : pageParams(c);
    const scope = await partnerScope(store, auth);
    // the case whose reference is the query, first (first page only); references are upper case
    let exact: SearchHit | null = null;
    if (cursor === null && !/\s/.test(q)) {
      const kase = await store.caseByReference(auth.tenant, q.toUpperCase());
      if (kase !== null && (scope === null || inScope(scope, kase.queue))) exact = { case: kase, snippet: null };
    }
    const page = await store.searchCases(
      auth.tenant,
      { words: searchWords(q), ...(scope === null ? {} : { queues: scope.queues, referenceOnly: true }) },
      limit,
      cursor,
    );
    const hits = exact === null ? page.items : [exact, ...page.items.filter((h) => h.case.id !== exact.case.id)];

    const definitions = new Map<string, Promise<CaseType | null>>();
    const definition = (kase: Case) => {
      const key = `${kase.caseType}@${kase.version}`;
      let found = definitions.get(key);
      if (found === undefined) {
        found = store.getCaseType(auth.tenant, kase.caseType, kase.version).then((t) => t?.definition ?? null);
        definitions.set(key, found);
      }
      return found;
    };
    const trees = scope === null ? null : shareTrees(store, auth.tenant);
    const items: SearchResult[] = [];
    for (const hit of hits) {
      const kase = hit.case;
      const def = await definition(kase);
      let customerName = def === null ? null : customerNameOf(def, kase.data as JsonValue);
      if (trees !== null) {
        // a partner's person sees the customer's name only where the case type shares it
        const pointer = def?.customer?.name;
        const { tree } = await trees(kase.caseType, kase.version);
        if (pointer === undefined || !isShared(pointer, tree)) customerName = null;
      }
      items.push({
        id: kase.id,
        reference: kase.reference,
        caseType: kase.caseType,
        caseTypeTitle: def?.title ?? kase.caseType,
        state: kase.state,
        priority: kase.priority,
        customerName,
        snippet: hit.snippet,
        exact: hit === exact,
        createdAt: kase.createdAt,
        closedAt: kase.closedAt,
      });
    }
    return c.json({ items, nextCursor: page.nextCursor });
  });

  return app;
}
