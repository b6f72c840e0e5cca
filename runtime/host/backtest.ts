// Backtest a draft on real history (issue 19, item 6): the last N cases of the latest published version
// of a case type, read with their histories from the store, replayed by the pure engine on that version
// and on the tenant's draft (or a definition sent along). Reads only: nothing is written, no effect runs.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { backtestCase, compileCaseType, summarizeBacktest, type BacktestSummary, type CaseBacktest, type HistoryEntry, type Instant } from '../engine/index.ts';
import type { CaseStore, StoredCase } from '../store/case-store.ts';
import { definitionProblems } from './case-type-service.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';

export const BACKTEST_DEFAULT_CASES = 500;
export const BACKTEST_MAX_CASES = 10_000;

/** What the caller asks for (the request body, unchecked). */
export interface BacktestRequest {
  cases?: unknown;
  status?: unknown;
  definition?: unknown;
}

/** One case of the report: the engine's backtest with the case's reference and when it was created and closed. */
export type BacktestCaseReport = CaseBacktest & { reference: string; createdAt: Instant; closedAt: Instant | null };

export interface BacktestReport {
  caseType: string;
  /** The published version the cases ran on (A). */
  version: number;
  /** What was replayed as B: the tenant's saved draft, or the definition in the request. */
  draft: 'saved' | 'request';
  status: 'closed' | 'open' | 'any';
  /** How many cases were asked for; `summary.cases` says how many there were. */
  requested: number;
  /** The instant open cases were replayed up to. */
  now: Instant;
  summary: BacktestSummary;
  cases: BacktestCaseReport[];
}

const PAGE = 500;
/** Cases replayed between two turns of the event loop, so that other requests are not held up. */
const SLICE = 100;

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkRequest(body: BacktestRequest): Result<{ cases: number; status: 'closed' | 'open' | undefined }> {
  const problems: { pointer: string; message: string }[] = [];
  for (const name of Object.keys(body)) {
    if (name !== 'cases' && name !== 'status' && name !== 'definition') problems.push({ pointer: `/${name}`, message: `/${name} is not a backtest option (cases, status, definition)` });
  }
  const cases = body.cases ?? BACKTEST_DEFAULT_CASES;
  if (typeof cases !== 'number' || !Number.isInteger(cases) || cases < 1 || cases > BACKTEST_MAX_CASES) {
    problems.push({ pointer: '/cases', message: `/cases must be a whole number from 1 to ${BACKTEST_MAX_CASES.toLocaleString('en')}` });
  }
  const status = body.status;
  if (status !== undefined && status !== 'closed' && status !== 'open') problems.push({ pointer: '/status', message: "/status must be 'closed' or 'open'" });
  if (problems.length > 0) return fail('backtest.invalid', `The backtest request is not valid: ${problems.map((p) => p.message).join('; ')}.`, { problems });
  return { ok: true, value: { cases: cases as number, status: status as 'closed' | 'open' | undefined } };
}

async function historyOf(store: CaseStore, tenant: string, id: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.history(tenant, id, PAGE, cursor);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return entries;
}

/** The newest `count` cases of `key`@`version`, newest first; stops at the first case created before the version was published. */
async function recentCases(store: CaseStore, tenant: string, key: string, version: number, publishedAt: Instant, count: number, status: 'closed' | 'open' | undefined): Promise<StoredCase[]> {
  const found: StoredCase[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listCases(tenant, { caseType: key, ...(status === undefined ? {} : { status }) }, PAGE, cursor);
    for (const kase of page.items) {
      // cases come newest first: one created before the version existed means no later page holds one of it
      if (kase.createdAt < publishedAt) return found;
      if (kase.version !== version) continue;
      found.push(kase);
      if (found.length === count) return found;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
}

/**
 * Replays the last `cases` cases (default 500, at most 10,000; closed, open or both) of the latest
 * published version of `key` on that version and on the draft: the tenant's saved draft, or
 * `definition` when the request has one.
 */
export async function runBacktest(store: CaseStore, clock: Clock, tenant: string, key: string, body: BacktestRequest): Promise<Result<BacktestReport>> {
  const request = checkRequest(body);
  if (!request.ok) return request;
  const published = await store.getCaseType(tenant, key);
  if (published === null) return fail('case_type.not_found', `There is no published case type '${key}': a backtest replays the cases of its latest version.`);
  let definition: unknown = body.definition;
  const source = definition === undefined ? 'saved' : 'request';
  if (definition === undefined) {
    const draft = await store.getDraft(tenant, key);
    if (draft === null) return fail('draft.not_found', `There is no draft of '${key}' to backtest; save one, or send a definition with the request.`);
    definition = draft.definition;
  }
  const problems = definitionProblems(definition, key);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return fail('definition.invalid', `The ${source === 'saved' ? 'draft' : 'definition'} of '${key}' has ${String(errors.length)} error(s); fix them before backtesting.`, { problems });
  }
  // a draft compiles as version 0 whatever version it names
  const { version: _version, ...draftDef } = definition as CaseType;
  const a = compileCaseType(published.definition);
  const b = compileCaseType(draftDef as CaseType);
  const now = clock.now();
  const cases = await recentCases(store, tenant, key, published.version, published.publishedAt, request.value.cases, request.value.status);
  const results: BacktestCaseReport[] = [];
  for (const [i, kase] of cases.entries()) {
    if (i > 0 && i % SLICE === 0) await yieldTurn();
    const history = await historyOf(store, tenant, kase.id);
    const result = backtestCase(a, b, { id: kase.id, history, until: kase.closedAt ?? now });
    results.push({ ...result, reference: kase.reference, createdAt: kase.createdAt, closedAt: kase.closedAt });
  }
  return {
    ok: true,
    value: {
      caseType: key,
      version: published.version,
      draft: source,
      status: request.value.status ?? 'any',
      requested: request.value.cases,
      now,
      summary: summarizeBacktest(results),
      cases: results,
    },
  };
}
