// Contact-reason suggestion in the host (issue 21, docs/reason-suggestion.md). Per tenant and case type
// with `suggest`, a model (the engine's naive Bayes) is trained in process from the type's closed cases
// whose field is set, at start and again on a schedule. A new case gets its suggestion after its commit
// (a commit listener): never in the way of intake, and any failure (no model, a fault, a throw) only
// means no suggestion, logged. The suggestion is kept beside the case (CaseStore.saveSuggestion); when
// the field is first set, whether the agent took it is recorded, and the report counts both.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { classify as engineClassify, getAtPointer, trainClassifier, type Case, type Instant, type JsonValue, type ReasonModel, type ReasonPrediction, type TrainingExample } from '../engine/index.ts';
import type { CaseCommit, CaseStore, ReportWindow, SuggestionRecord } from '../store/case-store.ts';
import type { CaseService } from './case-service.ts';
import type { Clock } from './clock.ts';
import { silentLogger, type Logger } from './logger.ts';

/** The most closed cases a model is trained on (the newest closed). */
export const MAX_TRAINING_CASES = 20_000;
/** Retrain every hour unless told otherwise (`dossier serve --suggest-retrain <minutes>`). */
export const DEFAULT_RETRAIN_MS = 60 * 60 * 1000;
const PAGE = 1000;

type SuggestSetting = NonNullable<CaseType['suggest']>;

/** A case's suggestion as the API gives it with the case: the record without whose and when it was decided. */
export type SuggestionView = Omit<SuggestionRecord, 'tenant' | 'caseId' | 'caseType' | 'decidedAt'>;

export interface SuggestionReportRow {
  value: string;
  suggested: number;
  accepted: number;
  corrected: number;
  /** accepted / (accepted + corrected); null while none is decided. */
  accuracy: number | null;
}

export interface SuggestionReport {
  caseType: string;
  field: string;
  suggested: number;
  accepted: number;
  corrected: number;
  /** Suggestions whose field is not set yet. */
  undecided: number;
  accuracy: number | null;
  /** The model in use on this host: how many closed cases it learned from, and when (null: none yet). */
  model: { trainedOn: number; trainedAt: Instant } | null;
  items: SuggestionReportRow[];
}

export interface ReasonSuggestionService {
  /** Trains a model for every tenant's case types with `suggest` (in the background), then retrains on the schedule. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Trains (again) the model of one case type, or of every tenant's case types; resolves when done. */
  train(tenant?: string, caseType?: string): Promise<void>;
  /** The suggestion of a case (after the work this host still does for it), or null. */
  forCase(tenant: string, caseId: string): Promise<SuggestionView | null>;
  /** The accuracy report of a case type; null when the type is not published or does not suggest. */
  report(tenant: string, caseType: string, window: ReportWindow): Promise<SuggestionReport | null>;
  /** Resolves when the suggestions and outcomes under way are written (tests, shutdown). */
  idle(): Promise<void>;
}

/** How long a case view waits for its case's suggestion under way. */
const FOR_CASE_WAIT_MS = 1000;

export interface ReasonSuggestionOptions {
  store: CaseStore;
  cases: CaseService;
  clock: Clock;
  logger?: Logger;
  /** Milliseconds between retrainings (default an hour; 0: no schedule). */
  retrainMs?: number;
  maxTrainingCases?: number;
  /** The classifier (the engine's; tests pass one that fails). */
  classify?: (model: ReasonModel, text: string) => ReasonPrediction | null;
}

interface Trained {
  model: ReasonModel;
  field: string;
  trainedAt: Instant;
  /** Cases of the type this host saw closed since (a young model is retrained sooner). */
  closedSince: number;
}

/** The text a suggestion reads: the `from` fields, and the first e-mail's subject and text when it came by e-mail. */
export function suggestionText(setting: SuggestSetting, definition: CaseType, data: JsonValue, channel: string | null): string {
  const pointers = [...setting.from];
  if (setting.email === true && channel === 'email') {
    for (const pointer of [definition.email?.subject, definition.email?.body]) if (pointer !== undefined && !pointers.includes(pointer)) pointers.push(pointer);
  }
  return pointers
    .map((pointer) => getAtPointer(data, pointer))
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join('\n');
}

function isEmpty(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

/** The values a choice field allows (its enum's text values), or null when it is no choice field. */
function choicesOf(definition: CaseType, field: string): string[] | null {
  let schema: unknown = definition.data;
  for (const token of field.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
    schema = properties?.[token];
  }
  const values = (schema as { enum?: unknown[] } | undefined)?.enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : null;
}

export function createReasonSuggestionService(options: ReasonSuggestionOptions): ReasonSuggestionService {
  const { store, cases, clock } = options;
  const logger = options.logger ?? silentLogger;
  const classify = options.classify ?? engineClassify;
  const maxCases = options.maxTrainingCases ?? MAX_TRAINING_CASES;
  const retrainMs = options.retrainMs ?? DEFAULT_RETRAIN_MS;
  const models = new Map<string, Trained>();
  const training = new Map<string, Promise<Trained | null>>();
  /** Per case, the last piece of work under way (suggest, then record an outcome: in order). */
  const work = new Map<string, Promise<void>>();
  /** The suggest setting of each tenant, key and version, once read (null: none). */
  const settings = new Map<string, { setting: SuggestSetting; definition: CaseType } | null>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let background: Promise<void> = Promise.resolve();

  const keyOf = (tenant: string, caseType: string) => `${tenant}\u0000${caseType}`;

  async function settingOf(tenant: string, caseType: string, version?: number): Promise<{ setting: SuggestSetting; definition: CaseType; version: number } | null> {
    const cacheKey = version === undefined ? null : `${tenant}\u0000${caseType}@${String(version)}`;
    if (cacheKey !== null && settings.has(cacheKey)) {
      const hit = settings.get(cacheKey) ?? null;
      return hit === null ? null : { ...hit, version: version as number };
    }
    const published = await store.getCaseType(tenant, caseType, version);
    if (published === null) return null;
    const definition = published.definition;
    const entry = definition.suggest === undefined ? null : { setting: definition.suggest, definition };
    settings.set(`${tenant}\u0000${caseType}@${String(published.version)}`, entry);
    return entry === null ? null : { ...entry, version: published.version };
  }

  async function trainOne(tenant: string, caseType: string): Promise<Trained | null> {
    const latest = await settingOf(tenant, caseType);
    if (latest === null) {
      models.delete(keyOf(tenant, caseType));
      return null;
    }
    const field = latest.setting.field;
    const examples: TrainingExample[] = [];
    let read = 0;
    let cursor: string | null = null;
    do {
      const page = await store.closedCaseData(tenant, caseType, Math.min(PAGE, maxCases - read), cursor);
      for (const row of page.items) {
        const own = await settingOf(tenant, caseType, row.version);
        // versions without the setting, or suggesting another field, say nothing about this one
        if (own === null || own.setting.field !== field) continue;
        const label = getAtPointer(row.data, field);
        if (typeof label !== 'string' || label === '') continue;
        const text = suggestionText(own.setting, own.definition, row.data, row.channel);
        if (text !== '') examples.push({ text, label });
      }
      read += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null && read < maxCases);
    const trained: Trained = { model: trainClassifier(examples), field, trainedAt: clock.now(), closedSince: 0 };
    models.set(keyOf(tenant, caseType), trained);
    logger.info('reason suggestion trained', { tenant, caseType, trainedOn: trained.model.trainedOn, labels: trained.model.labels.length });
    return trained;
  }

  /** Trains one model, once at a time per case type (a second call joins the first). */
  function retrain(tenant: string, caseType: string): Promise<Trained | null> {
    const key = keyOf(tenant, caseType);
    const running = training.get(key);
    if (running !== undefined) return running;
    const run = trainOne(tenant, caseType)
      .catch((error: unknown) => {
        logger.error('reason suggestion training failed', { tenant, caseType, error: String(error) });
        return models.get(key) ?? null;
      })
      .finally(() => training.delete(key));
    training.set(key, run);
    return run;
  }

  async function trainAll(): Promise<void> {
    for (const tenant of await store.listTenants()) {
      for (const type of await store.listCaseTypes(tenant)) {
        if (type.latestVersion !== null) await retrain(tenant, type.key);
      }
    }
  }

  /** The model for a new case: trained first when there is none, or when it is young and cases closed since. */
  async function modelFor(tenant: string, caseType: string): Promise<Trained | null> {
    const current = models.get(keyOf(tenant, caseType));
    if (current === undefined || current.closedSince >= Math.max(1, Math.ceil(current.model.trainedOn / 10))) return retrain(tenant, caseType);
    return current;
  }

  async function suggest(tenant: string, kase: Case): Promise<void> {
    const found = await settingOf(tenant, kase.caseType, kase.version);
    if (found === null) return;
    const { setting, definition } = found;
    // a case opened with its reason known needs no suggestion
    if (!isEmpty(getAtPointer(kase.data, setting.field))) return;
    const text = suggestionText(setting, definition, kase.data, kase.channel ?? null);
    if (text === '') return;
    const trained = await modelFor(tenant, kase.caseType);
    if (trained === null || trained.field !== setting.field) {
      logger.info('no reason suggestion: no model yet', { tenant, caseType: kase.caseType, caseId: kase.id });
      return;
    }
    const prediction = classify(trained.model, text);
    if (prediction === null) return;
    // only a value this version's field allows (a value retired since the model's cases were closed is skipped)
    const allowed = choicesOf(definition, setting.field);
    const best = prediction.ranking.find((r) => allowed === null || allowed.includes(r.label));
    if (best === undefined) return;
    const record: SuggestionRecord = {
      tenant,
      caseId: kase.id,
      caseType: kase.caseType,
      field: setting.field,
      value: best.label,
      confidence: best.probability,
      trainedOn: trained.model.trainedOn,
      trainedAt: trained.trainedAt,
      suggestedAt: clock.now(),
      outcome: null,
      chosen: null,
      decidedAt: null,
    };
    await store.saveSuggestion(record);
  }

  async function decide(tenant: string, previous: Case, kase: Case, at: Instant): Promise<void> {
    const found = await settingOf(tenant, kase.caseType, kase.version);
    if (found === null) return;
    const field = found.setting.field;
    const chosen = getAtPointer(kase.data, field);
    if (!isEmpty(getAtPointer(previous.data, field)) || typeof chosen !== 'string' || chosen === '') return;
    const outcome = await store.recordSuggestionOutcome(tenant, kase.id, chosen, at);
    if (outcome !== null) logger.debug('reason suggestion decided', { tenant, caseId: kase.id, outcome });
  }

  /** Runs `task` after the work under way for the case; a failure is logged, never thrown. */
  function enqueue(caseId: string, what: string, task: () => Promise<void>): void {
    const before = work.get(caseId) ?? Promise.resolve();
    const next = before
      .then(task)
      .catch((error: unknown) => logger.error(`reason suggestion: ${what} failed`, { caseId, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        if (work.get(caseId) === next) work.delete(caseId);
      });
    work.set(caseId, next);
  }

  cases.onCommit((commit: CaseCommit) => {
    const kase = commit.case;
    if (commit.expectedRevision === null) {
      enqueue(kase.id, 'suggestion', () => suggest(commit.tenant, kase));
      return;
    }
    const previous = commit.previous;
    if (previous !== undefined && previous.closedAt === null && kase.closedAt !== null) {
      const trained = models.get(keyOf(commit.tenant, kase.caseType));
      if (trained !== undefined) trained.closedSince++;
    }
    // the field first set: cheap to rule out for types without the setting once it is known
    const known = settings.get(`${commit.tenant}\u0000${kase.caseType}@${String(kase.version)}`);
    if (previous === undefined || known === null) return;
    if (known !== undefined && !isEmpty(getAtPointer(previous.data, known.setting.field))) return;
    enqueue(kase.id, 'outcome', () => decide(commit.tenant, previous, kase, commit.at));
  });

  return {
    async start() {
      background = trainAll().catch((error: unknown) => logger.error('reason suggestion training failed', { error: String(error) }));
      if (retrainMs > 0) {
        timer = setInterval(() => {
          background = background.then(trainAll).catch((error: unknown) => logger.error('reason suggestion training failed', { error: String(error) }));
        }, retrainMs);
        timer.unref();
      }
      return Promise.resolve();
    },
    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await this.idle();
    },
    async train(tenant, caseType) {
      if (tenant !== undefined && caseType !== undefined) {
        await retrain(tenant, caseType);
        return;
      }
      await trainAll();
    },
    async forCase(tenant, caseId) {
      // a suggestion under way (a new case) is worth a short wait, never a retraining's: a second at most
      const pending = work.get(caseId);
      if (pending !== undefined) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, FOR_CASE_WAIT_MS)))]);
        clearTimeout(timer);
      }
      const record = await store.getSuggestion(tenant, caseId);
      if (record === null) return null;
      const { tenant: _tenant, caseId: _caseId, caseType: _caseType, decidedAt: _decidedAt, ...view } = record;
      return view;
    },
    async report(tenant, caseType, window) {
      const found = await settingOf(tenant, caseType);
      if (found === null) return null;
      const rows = await store.suggestionCounts(tenant, { ...window, caseType });
      const ratio = (accepted: number, corrected: number) => (accepted + corrected === 0 ? null : accepted / (accepted + corrected));
      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0);
      const [suggested, accepted, corrected] = [sum((r) => r.suggested), sum((r) => r.accepted), sum((r) => r.corrected)];
      const trained = models.get(keyOf(tenant, caseType));
      return {
        caseType,
        field: found.setting.field,
        suggested,
        accepted,
        corrected,
        undecided: suggested - accepted - corrected,
        accuracy: ratio(accepted, corrected),
        model: trained === undefined ? null : { trainedOn: trained.model.trainedOn, trainedAt: trained.trainedAt },
        items: rows
          .map((r) => ({ ...r, accuracy: ratio(r.accepted, r.corrected) }))
          .sort((a, b) => b.suggested - a.suggested || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
      };
    },
    async idle() {
      await background;
      while (work.size > 0 || training.size > 0) await Promise.all([...work.values(), ...training.values()]);
    },
  };
}
