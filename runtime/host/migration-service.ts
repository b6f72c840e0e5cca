// Migrations of open cases to another version of their case type (issue 19, docs/migration.md): a plan
// is checked against both versions, dry-run on every case it selects (the pure engine, no write), and
// applied case by case — each case in one commit of its own under its lock (history `case.migrated`,
// revision + 1), in batches, recorded in the store so that a host that dies mid-way, or another host,
// resumes where it stopped: a case is never migrated twice (its commit is conditional on its revision
// and a migrated case is no longer on the plan's `from` version) nor half (one commit).
import { createHash } from 'node:crypto';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import {
  checkMigrationPlan,
  compileCaseType,
  escapePointerToken,
  MIGRATED_EVENT,
  migrateCase,
  planSelects,
  suggestMigrationPlan,
  validateMigrationPlan,
  fieldsNeedingDefaults,
} from '../engine/index.ts';
import type {
  Actor,
  Case,
  CompiledCaseType,
  FieldProblem,
  JsonValue,
  MigrationBlock,
  MigrationOutcome,
  MigrationPlan,
  MigrationSummary,
  StateValue,
} from '../engine/index.ts';
import type { CaseMigrationCounts, CaseMigrationRecord, CaseStore, MigrationItem, MigrationItemStatus, Page, StoredCase } from '../store/case-store.ts';
import type { CaseService } from './case-service.ts';
import type { Clock } from './clock.ts';
import { fail, type HostFailure, type Result } from './host-result.ts';
import { silentLogger, type Logger } from './logger.ts';

/** Cases read (and marked) per batch. */
const BATCH = 100;
/**
 * Cases in flight at once, each in its own commit: enough for the SQLite store to group them into few
 * transactions, few enough to leave a PostgreSQL pool's connections to the requests of the people working
 * (an A/B of 16, 64 and 100 on a loaded machine was within its noise: docs/migration.md).
 */
const IN_FLIGHT = 32;
/** Cases a dry run lists (the counts cover them all). */
const LIST_DEFAULT = 100;
const LIST_MAX = 1000;

/** A migration as the API shows it. */
export interface MigrationView {
  id: string;
  caseType: string;
  from: number;
  to: number;
  title: string | null;
  status: 'running' | 'done';
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  counts: CaseMigrationCounts;
  plan: JsonValue;
}

/** One case of a dry run. */
export interface DryRunCase {
  id: string;
  reference: string;
  /** The state it is in, and where it would go. */
  state: StateValue;
  outcome: 'migrates' | 'cannot';
  to: StateValue | null;
  summary: MigrationSummary | null;
  blocks: MigrationBlock[];
}

export interface DryRun {
  planId: string;
  caseType: string;
  from: number;
  to: number;
  counts: { total: number; migrates: number; cannot: number };
  /** Cases that cannot migrate, per reason. */
  reasons: { [code: string]: number };
  /** Cases of version `to`'s newly required fields that the plan gives no default (the dry run shows them as data problems). */
  needsDefaults: string[];
  /** Cases that cannot migrate first, then the others; at most `limit`. */
  cases: DryRunCase[];
  truncated: boolean;
}

export interface MigrationService {
  /** A plan generated from the difference of two versions (default: the one before the latest, and the latest). */
  suggest(tenant: string, key: string, from?: number, to?: number): Promise<Result<{ plan: MigrationPlan; needsDefaults: string[] }>>;
  dryRun(tenant: string, plan: unknown, options?: { limit?: number }): Promise<Result<DryRun>>;
  /** Records the migration and starts working it; it goes on after the answer. */
  start(tenant: string, plan: unknown, actor: Actor): Promise<Result<MigrationView>>;
  get(tenant: string, id: string): Promise<Result<MigrationView>>;
  list(tenant: string, caseType?: string): Promise<MigrationView[]>;
  cases(tenant: string, id: string, status: MigrationItemStatus | undefined, limit: number, cursor: string | null): Promise<Result<Page<MigrationItem>>>;
  /** Works a migration until none of its cases is pending (the CLI waits on it; `onProgress` after each batch). */
  finish(tenant: string, id: string, onProgress?: (view: MigrationView) => void): Promise<Result<MigrationView>>;
  /** Resumes every migration still running (a host calls it as it starts). */
  resume(): Promise<void>;
  /** Stops taking new batches and waits for the ones in progress. */
  stop(): Promise<void>;
}

/** The id of a plan: a hash of its content with its keys in order (a plan applied twice has the same id). */
export function planIdOf(plan: MigrationPlan): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  // `$schema` (the plan's own, at the top) says nothing about what the plan does
  const { $schema: _schema, ...content } = plan;
  return `${plan.caseType}-${String(plan.from)}-${String(plan.to)}-${createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex').slice(0, 12)}`;
}

function viewOf(record: CaseMigrationRecord & { counts: CaseMigrationCounts }): MigrationView {
  const plan = record.plan as { title?: unknown };
  return {
    id: record.id,
    caseType: record.caseType,
    from: record.fromVersion,
    to: record.toVersion,
    title: typeof plan.title === 'string' ? plan.title : null,
    status: record.status,
    startedBy: record.startedBy,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    counts: record.counts,
    plan: record.plan,
  };
}

const invalid = (message: string, problems: FieldProblem[]): HostFailure => fail('migration.invalid', message, { problems });

/** Where a NUL character first occurs in a JSON value (a key or a string), as a JSON Pointer; null when nowhere. */
function nulAt(value: unknown, at: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulAt(item, `${at}/${String(i)}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = `${at}/${escapePointerToken(key)}`;
      if (key.includes('\u0000')) return here;
      const found = nulAt(item, here);
      if (found !== null) return found;
    }
  }
  return null;
}

export function createMigrationService(options: { store: CaseStore; cases: CaseService; clock: Clock; logger?: Logger }): MigrationService {
  const { store, cases, clock } = options;
  const logger = options.logger ?? silentLogger;
  const working = new Map<string, Promise<Result<MigrationView>>>();
  /** Who waits on a migration's progress (the CLI), by tenant and id. */
  const watchers = new Map<string, Set<(view: MigrationView) => void>>();
  const keyOf = (tenant: string, id: string): string => `${tenant}\u0000${id}`;
  let stopping = false;

  async function versionOf(tenant: string, key: string, version: number): Promise<CompiledCaseType | null> {
    const published = await store.getCaseType(tenant, key, version);
    if (published === null || published.version !== version) return null;
    return compileCaseType({ ...(published.definition as CaseType), version: published.version });
  }

  /** The plan, both versions compiled, and its id; or why it cannot be used (422, nothing changed). */
  async function prepare(tenant: string, json: unknown): Promise<Result<{ plan: MigrationPlan; from: CompiledCaseType; to: CompiledCaseType; id: string }>> {
    const shape = validateMigrationPlan(json);
    if (!shape.ok) return invalid('The migration plan is not valid; fix the problems listed.', shape.problems);
    const nul = nulAt(json, '');
    if (nul !== null) return invalid('The migration plan holds a NUL character (U+0000), which no key, id or value may hold.', [{ pointer: nul, message: `${nul || 'the plan'} holds a NUL character (U+0000); remove it` }]);
    const plan = shape.plan;
    const versions = (await store.listVersions(tenant, plan.caseType)).map((v) => v.version);
    if (versions.length === 0) {
      return invalid(`There is no published case type '${plan.caseType}'.`, [{ pointer: '/caseType', message: `There is no published case type '${plan.caseType}'; use the key of one of GET /api/case-types.` }]);
    }
    const missing: FieldProblem[] = [];
    for (const at of ['from', 'to'] as const) {
      if (!versions.includes(plan[at])) {
        missing.push({ pointer: `/${at}`, message: `Case type '${plan.caseType}' has no version ${String(plan[at])}; its versions are ${versions.join(', ')}.` });
      }
    }
    if (missing.length > 0) return invalid('The migration plan names a version that does not exist.', missing);
    const from = await versionOf(tenant, plan.caseType, plan.from);
    const to = await versionOf(tenant, plan.caseType, plan.to);
    if (from === null || to === null) return fail('case_type.not_found', `Case type ${plan.caseType} lost a version while the plan was read; try again.`);
    const problems = checkMigrationPlan(plan, from, to);
    if (problems.length > 0) return invalid('The migration plan does not fit the two versions; fix the problems listed.', problems);
    return { ok: true, value: { plan, from, to, id: planIdOf(plan) } };
  }

  /** Every open case of the plan's `from` version that it selects, a page at a time. */
  async function* selected(tenant: string, plan: MigrationPlan): AsyncGenerator<StoredCase> {
    if (plan.cases?.ids !== undefined) {
      for (const id of plan.cases.ids) {
        const kase = await store.getCase(tenant, id);
        if (kase !== null && kase.caseType === plan.caseType && kase.version === plan.from && kase.closedAt === null && planSelects(plan, kase)) yield kase;
      }
      return;
    }
    for (let cursor: string | null = null; ; ) {
      const page: Page<StoredCase> = await store.listCases(tenant, { caseType: plan.caseType, version: plan.from, status: 'open' }, 500, cursor);
      for (const kase of page.items) if (planSelects(plan, kase)) yield kase;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  const withoutReference = ({ reference: _reference, ...kase }: StoredCase): Case => kase;

  /** Whether the history of a case that is no longer on `from` shows this migration (a crash between its commit and its mark). */
  async function migratedBy(tenant: string, caseId: string, id: string): Promise<boolean> {
    for (let cursor: string | null = null; ; ) {
      const page = await store.history(tenant, caseId, 500, cursor);
      if (page.items.some((entry) => entry.event.type === MIGRATED_EVENT && (entry.event.data as { plan?: unknown } | undefined)?.plan === id)) return true;
      if (page.nextCursor === null) return false;
      cursor = page.nextCursor;
    }
  }

  async function migrateOne(tenant: string, run: { id: string; plan: MigrationPlan; from: CompiledCaseType; to: CompiledCaseType; actor: Actor }, caseId: string): Promise<MigrationItem> {
    type Step = MigrationOutcome | { ok: false; skipped: string; version: number };
    const step = (kase: Case, now: string): Step => {
      if (kase.caseType !== run.plan.caseType || kase.version !== run.plan.from) {
        return { ok: false, skipped: `The case is on version ${String(kase.version)}, not ${String(run.plan.from)}.`, version: kase.version };
      }
      if (kase.closedAt !== null) return { ok: false, skipped: `The case closed on ${kase.closedAt}.`, version: kase.version };
      if (!planSelects(run.plan, kase)) return { ok: false, skipped: 'The case no longer matches the cases the plan selects.', version: kase.version };
      return migrateCase(run.plan, run.from, run.to, kase, now, { actor: run.actor, planId: run.id });
    };
    const result = await cases.applyStep(tenant, caseId, step, run.actor);
    const at = clock.now();
    if ('missing' in result) return { caseId, status: 'skipped', detail: { reason: 'The case no longer exists.' }, at };
    if ('conflict' in result) return { caseId, status: 'blocked', detail: { blocks: [{ code: 'case.busy', message: 'The case kept changing while it was migrated; migrate it with a plan of its own.' }] }, at };
    const outcome = result.outcome;
    if (outcome.ok) return { caseId, status: 'migrated', detail: JSON.parse(JSON.stringify(outcome.summary)) as JsonValue, at };
    if ('skipped' in outcome) {
      if (outcome.version === run.plan.to && (await migratedBy(tenant, caseId, run.id))) {
        return { caseId, status: 'migrated', detail: { resumed: true }, at };
      }
      return { caseId, status: 'skipped', detail: { reason: outcome.skipped }, at };
    }
    return { caseId, status: 'blocked', detail: { blocks: JSON.parse(JSON.stringify(outcome.blocks)) as JsonValue }, at };
  }

  async function work(tenant: string, id: string): Promise<Result<MigrationView>> {
    const record = await store.getCaseMigration(tenant, id);
    if (record === null) return fail('migration.not_found', `There is no migration '${id}'.`);
    const prepared = await prepare(tenant, record.plan);
    if (!prepared.ok) {
      logger.error('a migration cannot go on: its plan no longer fits', { tenant, id, reason: prepared.message });
      return prepared;
    }
    const run = { ...prepared.value, id, actor: { id: record.startedBy, roles: ['admin'] } };
    while (!stopping) {
      const ids = await store.pendingMigrationCases(tenant, id, BATCH);
      if (ids.length === 0) break;
      const items: MigrationItem[] = new Array<MigrationItem>(ids.length);
      let next = 0;
      const lane = async (): Promise<void> => {
        for (let i = next++; i < ids.length; i = next++) {
          const caseId = ids[i] as string;
          try {
            items[i] = await migrateOne(tenant, run, caseId);
          } catch (error) {
            // one case's failure (a store fault, a version this host cannot run) is that case's, not the migration's
            logger.error('a case could not be migrated', { tenant, id, caseId, error: String(error) });
            const message = `The case could not be migrated: ${error instanceof Error ? error.message : String(error)}. Migrate it with a plan of its own once this is solved.`;
            items[i] = { caseId, status: 'blocked', detail: { blocks: [{ code: 'migration.error', message }] }, at: clock.now() };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, ids.length) }, lane));
      await store.markMigrationCases(tenant, id, items);
      const watching = watchers.get(keyOf(tenant, id));
      if (watching !== undefined && watching.size > 0) {
        const now = await store.getCaseMigration(tenant, id);
        if (now !== null) for (const watcher of watching) watcher(viewOf(now));
      }
    }
    if (!stopping) await store.finishCaseMigration(tenant, id, clock.now());
    const done = await store.getCaseMigration(tenant, id);
    if (done === null) return fail('migration.not_found', `There is no migration '${id}'.`);
    if (done.status === 'done') logger.info('migration done', { tenant, id, ...done.counts });
    return { ok: true, value: viewOf(done) };
  }

  /** One worker per migration in this process; a second call joins the first. */
  function worked(tenant: string, id: string, onProgress?: (view: MigrationView) => void): Promise<Result<MigrationView>> {
    const key = keyOf(tenant, id);
    if (onProgress !== undefined) {
      let set = watchers.get(key);
      if (set === undefined) watchers.set(key, (set = new Set()));
      set.add(onProgress);
    }
    const running = working.get(key);
    if (running !== undefined) return running;
    const promise = work(tenant, id)
      .catch((error: unknown): Result<MigrationView> => {
        logger.error('migration stopped by an error; it resumes when the host starts again', { tenant, id, error: String(error) });
        return fail('case.conflict', `The migration stopped: ${String(error)}. It resumes when the host starts again.`);
      })
      .finally(() => {
        working.delete(key);
        watchers.delete(key);
      });
    working.set(key, promise);
    return promise;
  }

  return {
    async suggest(tenant, key, fromVersion, toVersion) {
      const versions = (await store.listVersions(tenant, key)).map((v) => v.version);
      if (versions.length === 0) return fail('case_type.not_found', `There is no published case type '${key}'.`);
      const to = toVersion ?? versions.at(-1);
      const from = fromVersion ?? versions.filter((v) => v !== to).at(-1);
      if (to === undefined || from === undefined || !versions.includes(to) || !versions.includes(from) || from === to) {
        return invalid(`Name two different published versions of '${key}' (it has ${versions.join(', ')}).`, [
          { pointer: '/from', message: `Choose 'from' and 'to' among versions ${versions.join(', ')}, different from each other.` },
        ]);
      }
      const a = await versionOf(tenant, key, from);
      const b = await versionOf(tenant, key, to);
      if (a === null || b === null) return fail('case_type.not_found', `Case type ${key} has no version ${String(a === null ? from : to)}.`);
      const plan = suggestMigrationPlan(a, b);
      return { ok: true, value: { plan, needsDefaults: fieldsNeedingDefaults(plan, a, b) } };
    },

    async dryRun(tenant, json, opts = {}) {
      const prepared = await prepare(tenant, json);
      if (!prepared.ok) return prepared;
      const { plan, from, to, id } = prepared.value;
      const limit = Math.min(Math.max(opts.limit ?? LIST_DEFAULT, 0), LIST_MAX);
      const now = clock.now();
      const counts = { total: 0, migrates: 0, cannot: 0 };
      const reasons: { [code: string]: number } = {};
      const cannot: DryRunCase[] = [];
      const migrates: DryRunCase[] = [];
      for await (const stored of selected(tenant, plan)) {
        const kase = withoutReference(stored);
        const outcome = migrateCase(plan, from, to, kase, now, { planId: id });
        counts.total++;
        if (outcome.ok) {
          counts.migrates++;
          if (cannot.length + migrates.length < limit) {
            migrates.push({ id: kase.id, reference: stored.reference, state: kase.state, outcome: 'migrates', to: outcome.case.state, summary: outcome.summary, blocks: [] });
          }
        } else {
          counts.cannot++;
          for (const block of outcome.blocks) reasons[block.code] = (reasons[block.code] ?? 0) + 1;
          // cases that cannot move are listed first: they are what the admin must act on
          if (cannot.length < limit) cannot.push({ id: kase.id, reference: stored.reference, state: kase.state, outcome: 'cannot', to: null, summary: null, blocks: outcome.blocks });
          if (cannot.length + migrates.length > limit) migrates.pop();
        }
      }
      const listed = [...cannot, ...migrates].slice(0, limit);
      return {
        ok: true,
        value: {
          planId: id,
          caseType: plan.caseType,
          from: plan.from,
          to: plan.to,
          counts,
          reasons,
          needsDefaults: fieldsNeedingDefaults(plan, from, to),
          cases: listed,
          truncated: listed.length < counts.total,
        },
      };
    },

    async start(tenant, json, actor) {
      const prepared = await prepare(tenant, json);
      if (!prepared.ok) return prepared;
      const { plan, id } = prepared.value;
      const applied = await store.getCaseMigration(tenant, id);
      const already = (record: CaseMigrationRecord & { counts: CaseMigrationCounts }): HostFailure =>
        fail(
          'migration.applied',
          `This plan was applied on ${record.startedAt} by ${record.startedBy} (${String(record.counts.migrated)} of ${String(record.counts.total)} cases migrated${record.status === 'running' ? ', still running' : ''}); nothing was changed. To migrate more cases, change the plan (for example its cases or title).`,
        );
      if (applied !== null) return already(applied);
      // the same cases the dry run shows: open, on `from`, selected by every criterion of the plan
      const ids: string[] = [];
      for await (const kase of selected(tenant, plan)) ids.push(kase.id);
      const record: CaseMigrationRecord = {
        tenant,
        id,
        caseType: plan.caseType,
        fromVersion: plan.from,
        toVersion: plan.to,
        plan: JSON.parse(JSON.stringify(plan)) as JsonValue,
        status: 'running',
        startedBy: actor.id,
        startedAt: clock.now(),
        finishedAt: null,
      };
      if (!(await store.createCaseMigration(record, ids))) {
        const raced = await store.getCaseMigration(tenant, id);
        if (raced !== null) return already(raced);
      }
      logger.info('migration started', { tenant, id, cases: ids.length, by: actor.id });
      void worked(tenant, id);
      const view = await store.getCaseMigration(tenant, id);
      return view === null ? fail('migration.not_found', `There is no migration '${id}'.`) : { ok: true, value: viewOf(view) };
    },

    async get(tenant, id) {
      const record = await store.getCaseMigration(tenant, id);
      return record === null ? fail('migration.not_found', `There is no migration '${id}'; GET /api/migrations lists them.`) : { ok: true, value: viewOf(record) };
    },

    async list(tenant, caseType) {
      return (await store.listCaseMigrations(tenant, caseType)).map(viewOf);
    },

    async cases(tenant, id, status, limit, cursor) {
      const record = await store.getCaseMigration(tenant, id);
      if (record === null) return fail('migration.not_found', `There is no migration '${id}'; GET /api/migrations lists them.`);
      return { ok: true, value: await store.migrationItems(tenant, id, status, limit, cursor) };
    },

    finish(tenant, id, onProgress) {
      return worked(tenant, id, onProgress);
    },

    async resume() {
      for (const { tenant, id } of await store.runningCaseMigrations()) {
        logger.info('resuming migration', { tenant, id });
        void worked(tenant, id);
      }
    },

    async stop() {
      stopping = true;
      await Promise.all([...working.values()]);
    },
  };
}

