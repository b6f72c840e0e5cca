// The one path every change to a case takes: HTTP requests, fired timers and delivered effects.
// Load → engine (pure) → one store commit → notify listeners (scheduler, outbox) → answer.
import { randomUUID } from 'node:crypto';
import type { CaseType, Priority } from '../../schemas/generated/case-type.ts';
import { DEFAULT_CHANNEL, isChannel, CHANNELS, type Accepted, type Actor, type Case, type CaseData, type CaseEvent, type Channel, type ChatMessage, type Effect, surveyKey, type DocumentChange, type Instant, type JsonValue, type Outcome } from '../engine/index.ts';
import { referencePrefixOf } from '../store/case-reference.ts';
import type { CaseCommit, CaseStore, IdempotencyRecord, PublishedCaseType, StoredCase, TimerRecord } from '../store/case-store.ts';
import { identifiersOf } from '../store/customer-keys.ts';
import { patchMayChangeSearch, searchDocumentOf } from '../store/search-text.ts';
import { createCaseLock } from './case-lock.ts';
import { caseView, publicCase, type CaseView } from './case-view.ts';
import type { Clock } from './clock.ts';
import type { EnginePort } from './engine-port.ts';
import { fail, HostError, type HostFailure, type Replay } from './host-result.ts';
import { silentLogger, type Logger } from './logger.ts';

/** A request that may be retried with the same key (the Idempotency-Key header): its answer is kept. */
export interface IdempotencySpec {
  key: string;
  method: string;
  path: string;
  /** The answer a refusal is replayed with, as the adapter that took the request would give it. */
  answerOf(failure: HostFailure): { status: number; body: JsonValue };
}

export interface NewCase {
  caseType: string;
  data?: CaseData;
  priority?: Priority;
  /**
   * The channel the case came in by, set by the path that opens it: the API (default `api`), the
   * console's intake (what the agent chose), e-mail intake (`email`), the public form (`web`).
   */
  channel?: Channel | null;
  parentId?: string | null;
  /** Set for child cases (the effect's childId); a fresh UUID otherwise. */
  id?: string;
}

export interface Done {
  ok: true;
  replay?: false;
  status: number;
  case: Case;
  view: CaseView;
}

export type ServiceResult = Done | Replay | HostFailure;

export interface CaseServiceOptions<C = unknown> {
  store: CaseStore;
  engine: EnginePort<C>;
  clock: Clock;
  logger?: Logger;
}

export type CommitListener = (commit: CaseCommit) => void;

export interface CaseService {
  createCase(tenant: string, input: NewCase, actor: Actor | undefined, idempotency?: IdempotencySpec): Promise<ServiceResult>;
  sendEvent(
    tenant: string,
    caseId: string,
    event: CaseEvent,
    actor: Actor | undefined,
    options?: { ifMatch?: number; idempotency?: IdempotencySpec },
  ): Promise<ServiceResult>;
  fireTimer(timer: TimerRecord): Promise<ServiceResult>;
  /**
   * Records a document added to or removed from the case file (the document service's part in the case:
   * its history entry and its documents field), under the case's lock. `beforeCommit` runs once the
   * engine accepted the change and before it is committed (the document service stores the file there).
   */
  recordDocument(tenant: string, caseId: string, change: DocumentChange, actor: Actor | undefined, beforeCommit?: () => Promise<void>): Promise<ServiceResult>;
  /** A chat message on the case (`chat.customer` / `chat.agent`), run through its playbook. */
  recordChat(tenant: string, caseId: string, message: ChatMessage, actor: Actor | undefined): Promise<ServiceResult>;
  /** The view of a case already loaded (lists). */
  viewOf(tenant: string, kase: StoredCase, actor?: Actor): Promise<CaseView | null>;
  /** The case as the API shows it to `actor`; null when it is not in this tenant. */
  getView(tenant: string, caseId: string, actor?: Actor): Promise<{ case: Case; view: CaseView } | null>;
  /** The published case type and its compiled machine (cached by tenant, key and version). */
  loadType(tenant: string, key: string, version?: number): Promise<{ published: PublishedCaseType; compiled: unknown } | null>;
  onCommit(listener: CommitListener): void;
  /**
   * Runs `step` on a case under its lock and commits what it accepts, retrying on a concurrent change
   * (a migration to another version: runtime/host/migration-service.ts). The committed case's version
   * is loaded for its view. `missing`: no such case; `conflict`: it kept changing.
   */
  applyStep<R extends (Accepted & object) | { ok: false }>(
    tenant: string,
    caseId: string,
    step: (kase: Case, now: Instant) => R,
    actor: Actor | undefined,
  ): Promise<{ outcome: R } | { missing: true } | { conflict: true }>;
}

const MAX_ATTEMPTS = 3;

/**
 * The effects of a commit, with the survey mail of a case type that asks for feedback (docs/feedback.md)
 * when this commit closes the case: a notify of the feedback message to the customer under the key
 * `<case>:feedback`, which the outbox keeps once, so a case reopened and closed again is not asked twice.
 */
function withSurvey(definition: CaseType, previous: Case | null, outcome: Accepted): Effect[] {
  const message = definition.feedback?.message;
  const closes = outcome.case.closedAt !== null && (previous === null || previous.closedAt === null);
  if (message === undefined || !closes) return outcome.effects;
  return [...outcome.effects, { type: 'notify', key: surveyKey(outcome.case.id), to: 'customer', template: message }];
}

/** A stored case as the engine's snapshot (what the engine sees has no store-only members) and the reference the store keeps beside it. */
function split(stored: StoredCase): { kase: Case; reference: string } {
  const { reference, ...kase } = stored;
  return { kase, reference };
}

export function createCaseService<C>(options: CaseServiceOptions<C>): CaseService {
  const { store, engine, clock } = options;
  const logger = options.logger ?? silentLogger;
  const lock = createCaseLock();
  const compiled = new Map<string, { published: PublishedCaseType; compiled: C }>();
  const unrunnable = new Map<string, HostError>();
  const listeners: CommitListener[] = [];

  /** A step that is not an event (a document, a chat message), under the case's lock, retried on a concurrent change. */
  function recordStep(
    tenant: string,
    caseId: string,
    actor: Actor | undefined,
    run: (compiled: C, kase: Case, now: Instant) => Outcome,
    conflict: string,
    beforeCommit?: () => Promise<void>,
  ): Promise<ServiceResult> {
    return lock.run(caseId, async (): Promise<ServiceResult> => {
      let prepared = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const stored = await store.getCase(tenant, caseId);
        if (stored === null) return fail('case.not_found', `There is no case '${caseId}'.`);
        const before = split(stored);
        const type = await loadType(tenant, before.kase.caseType, before.kase.version);
        if (type === null) return fail('case_type.not_found', `Case type ${before.kase.caseType}@${before.kase.version} is missing.`);
        const now = clock.now();
        const outcome = run(type.compiled, before.kase, now);
        if (!outcome.ok) return rejected(tenant, outcome);
        if (!prepared && beforeCommit !== undefined) {
          await beforeCommit();
          prepared = true;
        }
        const done = await commitAccepted(tenant, type, outcome, before, 200, actor, now, {});
        if (done.ok) return done;
        logger.debug('revision conflict, retrying', { caseId, attempt });
      }
      return fail('case.conflict', conflict);
    });
  }

  async function loadType(tenant: string, key: string, version?: number) {
    // The latest version: its number is a small query, the definition is read and parsed once per version.
    const wanted = version ?? (await store.listVersions(tenant, key)).at(-1)?.version;
    if (wanted === undefined) return null;
    const cached = compiled.get(`${tenant}\u0000${key}@${wanted}`);
    if (cached !== undefined) return cached;
    const published = await store.getCaseType(tenant, key, version);
    if (published === null) return null;
    const cacheKey = `${tenant}\u0000${key}@${published.version}`;
    const hit = compiled.get(cacheKey);
    if (hit !== undefined) return hit;
    const refused = unrunnable.get(cacheKey);
    if (refused !== undefined) throw refused;
    let entry: { published: PublishedCaseType; compiled: C };
    try {
      entry = { published, compiled: engine.compileCaseType(published.definition as CaseType) };
    } catch (error) {
      // a version published under older rules that this host cannot run (e.g. a look-ahead pattern,
      // refused since patterns run in linear time): a clear refusal, not a 500, decided and logged once
      const reason = error instanceof Error ? error.message : String(error);
      logger.error('published case type cannot be compiled', { tenant, key, version: published.version, reason });
      const problem = new HostError(
        fail(
          'definition.invalid',
          `Version ${String(published.version)} of case type '${key}' cannot run on this host: ${reason} Publish a new version that fixes it; nothing was changed.`,
        ),
      );
      unrunnable.set(cacheKey, problem);
      throw problem;
    }
    compiled.set(cacheKey, entry);
    return entry;
  }

  async function replayOf(tenant: string, spec: IdempotencySpec | undefined): Promise<Replay | HostFailure | null> {
    if (spec === undefined) return null;
    const stored = await store.getIdempotency(tenant, spec.key);
    if (stored === null) return null;
    if (stored.method !== spec.method || stored.path !== spec.path) {
      return fail(
        'idempotency.key_reused',
        `Idempotency-Key '${spec.key}' was already used for ${stored.method} ${stored.path}; use a new key for a different request.`,
      );
    }
    return { ok: true, replay: true, status: stored.status, body: stored.body };
  }

  function record(tenant: string, spec: IdempotencySpec, status: number, body: JsonValue): IdempotencyRecord {
    return { tenant, key: spec.key, method: spec.method, path: spec.path, status, body, createdAt: clock.now() };
  }

  async function rejected(tenant: string, outcome: Exclude<Outcome, { ok: true }>, spec?: IdempotencySpec): Promise<HostFailure> {
    const failure = fail(outcome.code, outcome.message, {
      problems: outcome.problems,
      ...(outcome.rules === undefined ? {} : { rules: outcome.rules }),
    });
    if (spec !== undefined) {
      const answer = spec.answerOf(failure);
      await store.saveIdempotency(record(tenant, spec, answer.status, JSON.parse(JSON.stringify(answer.body)) as JsonValue));
    }
    return failure;
  }

  /** The answer kept for an idempotency key; a creation's without its reference, which the store adds when it numbers the case. */
  function answerBody(view: CaseView, creation: boolean): JsonValue {
    const body = JSON.parse(JSON.stringify(view)) as Record<string, JsonValue>;
    if (creation) delete body.reference;
    return body;
  }

  function committed(commit: CaseCommit): void {
    for (const listener of listeners) {
      try {
        listener(commit);
      } catch (error) {
        logger.error('commit listener failed', { error: String(error) });
      }
    }
  }

  /** Commits an accepted outcome; returns the answer, or the commit failure code. */
  async function commitAccepted(
    tenant: string,
    type: { published: PublishedCaseType; compiled: C },
    outcome: Extract<Outcome, { ok: true }>,
    before: { kase: Case; reference: string } | null,
    status: number,
    actor: Actor | undefined,
    now: string,
    extra: { spec?: IdempotencySpec; firedTimerId?: string },
  ): Promise<Done | { ok: false; code: string }> {
    const previous = before?.kase ?? null;
    const definition = type.published.definition;
    // a creation is numbered by the store in its commit: its view gets the reference after it
    const view = caseView(engine, { compiled: type.compiled, definition }, outcome.case, before?.reference ?? '', now, actor);
    // Both snapshots' customer identifiers: the store writes its customer index only when they differ.
    // An event that changed no data (an empty patch) cannot have changed them: one reading serves both.
    const customerKeys = identifiersOf(type.published.definition, outcome.case.data);
    const previousCustomerKeys =
      previous === null || outcome.history.patch.length === 0 ? customerKeys : identifiersOf(type.published.definition, previous.data);
    // The same for the search index (docs/search.md): written only when the text changed. A patch that
    // writes no string, removes nothing and touches no customer key cannot change it: neither is read.
    const textMayChange = previous === null || previous.version !== outcome.case.version || patchMayChangeSearch(definition, outcome.history.patch);
    const search = textMayChange ? searchDocumentOf(definition, outcome.case.data) : undefined;
    const previousSearch = search === undefined || previous === null ? search : searchDocumentOf(definition, previous.data);
    // The copies are only made when read: the webhook body by webhook effects, the answer by an idempotency key.
    const commit: CaseCommit = {
      tenant,
      case: outcome.case,
      expectedRevision: previous === null ? null : previous.revision,
      customerKeys,
      ...(search === undefined ? {} : { search }),
      // a case moved to another version (a migration) may have other identifiers: its keys are rewritten
      ...(previous === null ? {} : previous.version !== outcome.case.version ? { previous } : { previous, previousCustomerKeys, ...(previousSearch === undefined ? {} : { previousSearch }) }),
      history: outcome.history,
      effects: withSurvey(definition, previous, outcome),
      ...(outcome.effects.some((e) => e.type === 'webhook') ? { webhookBody: publicCase(outcome.case, before?.reference ?? null) } : {}),
      at: now,
      ...(extra.spec === undefined ? {} : { idempotency: record(tenant, extra.spec, status, answerBody(view, before === null)) }),
      ...(extra.firedTimerId === undefined ? {} : { firedTimerId: extra.firedTimerId }),
      ...(before === null ? { referencePrefix: referencePrefixOf(definition) } : {}),
    };
    const result = await store.commit(commit);
    if (!result.ok) return result;
    if (result.reference !== undefined) view.reference = result.reference;
    committed(commit);
    return { ok: true, status, case: outcome.case, view };
  }

  return {
    loadType,

    async applyStep(tenant, caseId, step, actor) {
      return lock.run(caseId, async () => {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const stored = await store.getCase(tenant, caseId);
          if (stored === null) return { missing: true as const };
          const before = split(stored);
          const now = clock.now();
          const outcome = step(before.kase, now);
          if (!outcome.ok) return { outcome };
          const accepted = outcome as Accepted & typeof outcome;
          const type = await loadType(tenant, accepted.case.caseType, accepted.case.version);
          if (type === null) throw new HostError(fail('case_type.not_found', `Case type ${accepted.case.caseType}@${accepted.case.version} is missing.`));
          const done = await commitAccepted(tenant, type, accepted, before, 200, actor, now, {});
          if (done.ok) return { outcome };
          logger.debug('revision conflict, retrying', { caseId, attempt });
        }
        return { conflict: true as const };
      });
    },

    onCommit(listener) {
      listeners.push(listener);
    },

    async createCase(tenant, input, actor, spec) {
      const replay = await replayOf(tenant, spec);
      if (replay !== null) return replay;
      const type = await loadType(tenant, input.caseType);
      if (type === null) return fail('case_type.unknown', `There is no published case type '${input.caseType}'; publish it first or use one of GET /api/case-types.`);
      if (input.channel != null && !isChannel(input.channel)) {
        return fail('request.invalid', `'${String(input.channel)}' is not a channel; use one of ${CHANNELS.join(', ')}.`);
      }
      if (input.parentId != null && (await store.getCase(tenant, input.parentId)) === null) {
        return fail('case.parent_not_found', `There is no case '${input.parentId}' to link as the parent; check parentId.`);
      }
      const now = clock.now();
      const outcome = engine.createCase(
        type.compiled,
        {
          id: input.id ?? randomUUID(),
          ...(input.data === undefined ? {} : { data: input.data }),
          ...(input.priority === undefined ? {} : { priority: input.priority }),
          channel: input.channel ?? DEFAULT_CHANNEL,
          ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
        },
        now,
        actor,
      );
      if (!outcome.ok) return rejected(tenant, outcome, spec);
      const done = await commitAccepted(tenant, type, outcome, null, 201, actor, now, spec === undefined ? {} : { spec });
      if (done.ok) return done;
      if (done.code === 'idempotency.exists') return (await replayOf(tenant, spec)) ?? fail('case.conflict', 'Retry the request.');
      return fail('case.exists', `A case with id '${outcome.case.id}' already exists.`);
    },

    async sendEvent(tenant, caseId, event, actor, options = {}) {
      return lock.run(caseId, async (): Promise<ServiceResult> => {
        const replay = await replayOf(tenant, options.idempotency);
        if (replay !== null) return replay;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const stored = await store.getCase(tenant, caseId);
          if (stored === null) return fail('case.not_found', `There is no case '${caseId}'.`);
          const before = split(stored);
          const kase = before.kase;
          if (options.ifMatch !== undefined && options.ifMatch !== kase.revision) {
            return fail('revision.stale', `The case is at revision ${kase.revision}, not ${options.ifMatch}: reload it and decide again.`);
          }
          const type = await loadType(tenant, kase.caseType, kase.version);
          if (type === null) return fail('case_type.not_found', `Case type ${kase.caseType}@${kase.version} is missing.`);
          const now = clock.now();
          const outcome = engine.applyEvent(type.compiled, kase, event, now, actor);
          if (!outcome.ok) return rejected(tenant, outcome, options.idempotency);
          const done = await commitAccepted(tenant, type, outcome, before, 200, actor, now, options.idempotency === undefined ? {} : { spec: options.idempotency });
          if (done.ok) return done;
          if (done.code === 'idempotency.exists') return (await replayOf(tenant, options.idempotency)) ?? fail('case.conflict', 'Retry the request.');
          if (options.ifMatch !== undefined) return fail('revision.stale', 'The case changed while this event was applied: reload it and decide again.');
          logger.debug('revision conflict, retrying', { caseId, attempt });
        }
        return fail('case.conflict', 'The case kept changing while this event was applied; send it again.');
      });
    },

    recordDocument(tenant, caseId, change, actor, beforeCommit) {
      return recordStep(tenant, caseId, actor, (compiled, kase, now) => engine.recordDocument(compiled, kase, change, now, actor), 'The case kept changing while the document was recorded; send it again.', beforeCommit);
    },

    recordChat(tenant, caseId, message, actor) {
      return recordStep(tenant, caseId, actor, (compiled, kase, now) => engine.recordChat(compiled, kase, message, now, actor), 'The case kept changing while the message was recorded; send it again.');
    },

    async fireTimer(timer) {
      return lock.run(timer.caseId, async (): Promise<ServiceResult> => {
        const stored = await store.getCase(timer.tenant, timer.caseId);
        const pending = stored?.timers.find((t) => t.id === timer.timerId);
        const now = clock.now();
        if (stored === null || pending === undefined) {
          await store.discardTimer(timer.caseId, timer.timerId, now);
          return fail('timer.gone', `Timer ${timer.timerId} of case ${timer.caseId} is no longer pending.`);
        }
        const before = split(stored);
        const kase = before.kase;
        const type = await loadType(timer.tenant, kase.caseType, kase.version);
        if (type === null) return fail('case_type.not_found', `Case type ${kase.caseType}@${kase.version} is missing.`);
        const outcome = engine.fireTimer(type.compiled, kase, timer.timerId, now);
        if (!outcome.ok) {
          logger.warn('timer rejected by the engine; discarded', { caseId: kase.id, timerId: timer.timerId, code: outcome.code });
          await store.discardTimer(timer.caseId, timer.timerId, now);
          return rejected(timer.tenant, outcome);
        }
        const done = await commitAccepted(timer.tenant, type, outcome, before, 200, undefined, now, { firedTimerId: timer.timerId });
        if (done.ok) return done;
        return fail(done.code === 'timer.already_fired' ? 'timer.gone' : 'case.conflict', `Timer ${timer.timerId} was not fired: ${done.code}.`);
      });
    },

    async viewOf(tenant, kase, actor) {
      const type = await loadType(tenant, kase.caseType, kase.version);
      if (type === null) return null;
      const { kase: snapshot, reference } = split(kase);
      return caseView(engine, { compiled: type.compiled, definition: type.published.definition }, snapshot, reference, clock.now(), actor);
    },

    async getView(tenant, caseId, actor) {
      const kase = await store.getCase(tenant, caseId);
      if (kase === null) return null;
      const type = await loadType(tenant, kase.caseType, kase.version);
      if (type === null) return null;
      const { kase: snapshot, reference } = split(kase);
      return { case: kase, view: caseView(engine, { compiled: type.compiled, definition: type.published.definition }, snapshot, reference, clock.now(), actor) };
    },
  };
}
