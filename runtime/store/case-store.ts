// The storage port of the runtime host. Every method is async so that a PostgreSQL implementation
// fits behind the same interface; nothing SQLite-specific leaks above it.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { Case, CaseTask, Effect, HistoryEntry, Instant, JsonValue, SlaStatus } from '../engine/index.ts';
import type { CustomerIdentifier } from './customer-keys.ts';
import type { SearchDocument } from './search-text.ts';
import type { AgentRecord, OfferAnswerResult, OfferRecord, RoutedQueue, RoutingDecide, TaskLogEntry } from './routing-records.ts';
import type { Availability, RoutingDecision } from '../engine/index.ts';

export interface TokenRecord {
  id: string;
  tenant: string;
  name: string;
  roles: string[];
  createdAt: Instant;
  /**
   * When the token stops being accepted (it is refused from this instant on); absent: never. Tokens
   * made before lifetimes existed have none.
   */
  expiresAt?: Instant;
  /**
   * `session`: a person's sign-in session (OpenID Connect), its secret held in an HTTP-only cookie and
   * accepted only from it; absent: a token for machines (and for people without an identity provider).
   * Admins list, rotate and revoke tokens by name; sessions end by sign-out or expiry.
   */
  kind?: 'session';
  /**
   * The partner organisation (an outsourced back office) this token's or session's holder works for: they
   * see only the cases in the queues delegated to it, only the fields the case type shares, and their
   * actions are attributed to it. Absent: the tenant's own people and machines.
   */
  partner?: string;
}

/** The mailbox through which e-mail opens and answers cases of one case type in one tenant (issue 20). */
export interface MailboxRecord {
  /** The address mail is sent to, lower case; also the SMTP user name. */
  address: string;
  tenant: string;
  caseType: string;
  createdAt: Instant;
  /** Who made it (the token's or person's name). */
  createdBy: string;
}

/** A partner organisation of a tenant and the queues an admin delegated to it (issue 18, outsourced partners). */
export interface PartnerRecord {
  tenant: string;
  /** Lower-case letters, digits and dashes; named by tokens and sign-ins. */
  id: string;
  title: string;
  queues: string[];
  createdAt: Instant;
  updatedAt: Instant;
}

/** A token as an admin's list shows it: never its secret or hash. */
export interface TokenInfo {
  id: string;
  tenant: string;
  name: string;
  roles: string[];
  createdAt: Instant;
  expiresAt: Instant | null;
  /** When a request was last accepted with it, written at most once a minute (null: never since it was recorded). */
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
  /** The partner its holder works for (null: the tenant's own). */
  partner: string | null;
}

/** A problem as the validator reports it (kept opaque by the store). */
export interface StoredProblem {
  severity: string;
  code: string;
  message: string;
  pointer: string;
}

export interface PublishedCaseType {
  tenant: string;
  key: string;
  version: number;
  definition: CaseType;
  publishedAt: Instant;
}

/** Who published a version and why, as the publisher gave them (null: not recorded). */
export interface PublishMeta {
  /** The name of the token that published it; null for the first start's templates and for versions published before it was recorded. */
  publishedBy: string | null;
  /** The publisher's note (trimmed; null when none was given). */
  note: string | null;
}

/** One published version in the list of a case type's versions. */
export interface VersionRecord extends PublishMeta {
  version: number;
  publishedAt: Instant;
}

export interface DraftRecord {
  tenant: string;
  key: string;
  definition: JsonValue;
  problems: StoredProblem[];
  valid: boolean;
  updatedAt: Instant;
}

export interface CaseTypeSummary {
  key: string;
  title: string;
  latestVersion: number | null;
  publishedAt: Instant | null;
  draft: { updatedAt: Instant; valid: boolean } | null;
}

export interface CaseFilter {
  caseType?: string;
  /** Only cases on this published version of their case type. */
  version?: number;
  /** A state id: matches a case whose active configuration contains it (leaf or ancestor). */
  state?: string;
  queue?: string;
  assignee?: string;
  priority?: string;
  /** The channel the case came in by (email, web, phone, letter, chat, api). */
  channel?: string;
  /** Text search over the id, the reference (`PA-000123`) and the case data. */
  q?: string;
  parentId?: string;
  /** open: not closed yet (`closedAt` null); closed: closed. */
  status?: 'open' | 'closed';
  /** Only cases whose queue is one of these (a partner's delegated queues; empty: none). */
  queues?: readonly string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface IdempotencyRecord {
  tenant: string;
  key: string;
  method: string;
  path: string;
  status: number;
  body: JsonValue;
  createdAt: Instant;
}

/**
 * A case as the store hands it out: the engine's snapshot and its human-readable reference
 * (`PA-000123`, runtime/store/case-reference.ts), which the store assigned in the commit that created
 * it. The reference is the last member; the host takes it off before the engine sees the case.
 */
export type StoredCase = Case & { reference: string };

/** Everything one accepted event (or a creation) changes, written in one transaction. */
export interface CaseCommit {
  tenant: string;
  /** The new snapshot. */
  case: Case;
  /** The revision the event was computed on; null for a creation (the row must not exist). */
  expectedRevision: number | null;
  /**
   * The snapshot at `expectedRevision`, as `getCase` returned it. A hint that lets a store write only
   * the timers, tasks and SLAs that changed; without it the store rewrites them all.
   */
  previous?: Case;
  /**
   * The customer identifiers of `case` (`identifiersOf` its published definition), kept in the
   * store's customer index for `casesByCustomerKeys`. Without it the index is left as it is.
   */
  customerKeys?: CustomerIdentifier[];
  /**
   * The identifiers of `previous`, computed the same way. When they compare equal to `customerKeys`
   * (normalised) the index is not touched; without them an event rewrites the case's keys.
   */
  previousCustomerKeys?: CustomerIdentifier[];
  /**
   * What the search index holds of `case` (`searchDocumentOf` its published definition; the store adds
   * the reference). Without it the index is left as it is (docs/search.md).
   */
  search?: SearchDocument;
  /** The search document of `previous`: when it equals `search` the index is not touched; without it an event rewrites it. */
  previousSearch?: SearchDocument;
  history: HistoryEntry;
  effects: Effect[];
  /** Set when a timer fired: it is marked fired in the same transaction, and only once. */
  firedTimerId?: string;
  /** Stored with the commit, so a retry gets this answer and nothing changes twice. */
  idempotency?: IdempotencyRecord;
  /** The case snapshot a webhook sends, taken at commit (the case as the API shows it). */
  webhookBody?: JsonValue;
  /**
   * A creation only: the prefix its reference is numbered under (`referencePrefixOf` its definition;
   * without it the default of its case type's key). The store takes the next number of the tenant's
   * counter for this prefix in the commit, stores the reference with the case, and adds it as
   * `reference` to the idempotency body and the webhook payloads, which were taken before it was known.
   */
  referencePrefix?: string;
  at: Instant;
}

/** A search over a tenant's cases (`searchWords` of what was typed). */
export interface SearchQuery {
  words: string[];
  /** A partner's delegated queues: only cases in them (none: no case). */
  queues?: readonly string[];
  /** Match the reference only (a partner's person: the text holds fields not shared with them). */
  referenceOnly?: boolean;
}

/** A case found by a search, with the words around where its text matched (its beginning when the reference or customer did), plain text. */
export interface SearchHit {
  case: StoredCase;
  snippet: string | null;
}

export type CommitFailure = 'case.conflict' | 'case.exists' | 'timer.already_fired' | 'idempotency.exists';
/** `reference`: set for a creation, the reference the store assigned. */
export type CommitResult = { ok: true; reference?: string } | { ok: false; code: CommitFailure };

export interface TimerRecord {
  tenant: string;
  caseId: string;
  timerId: string;
  event: string;
  dueAt: Instant;
}

export type TaskStatus = 'open' | 'closed';

export interface TaskRecord extends CaseTask {
  tenant: string;
  caseId: string;
  caseType: string;
  status: TaskStatus;
  claimedAt: Instant | null;
  closedAt: Instant | null;
}

export type { TaskSort } from './task-sort.ts';
import type { TaskSort } from './task-sort.ts';

export interface TaskFilter {
  queue?: string;
  role?: string;
  assignee?: string;
  caseId?: string;
  status?: TaskStatus;
  /** true: only tasks nobody claimed. */
  unassigned?: boolean;
  /** Only tasks whose queue is one of these (a partner's delegated queues; empty: none). */
  queues?: readonly string[];
  /** The order (runtime/store/task-sort.ts): `opened` (default) oldest first; `due` soonest due first, no due time last. */
  sort?: TaskSort;
}

export type TaskClaimResult = { ok: true; task: TaskRecord } | { ok: false; code: 'task.not_found' | 'task.claimed' | 'task.closed' };

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

export interface OutboxRecord {
  id: number;
  tenant: string;
  caseId: string;
  key: string;
  effect: Effect;
  payload: JsonValue;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Instant | null;
  deliveredAt: Instant | null;
  lastError: string | null;
  createdAt: Instant;
}

/**
 * Where a message stands (docs/email.md): `recorded` on the case only (no mail server, or a recipient
 * that has no address such as role: or queue:), `sent` to the mail server, `failed` (will be tried
 * again), `dead` (failed for good: no more tries). A notice still in the outbox is `queued` on the wire.
 */
export type MessageStatus = 'recorded' | 'sent' | 'failed' | 'dead';

/** A `notify` message as its notifier recorded it on its case (one per outbox key, the last outcome). */
export interface MessageRecord {
  tenant: string;
  caseId: string;
  key: string;
  /** The notify action's recipient as written: customer, assignee, role:x, queue:x, user:x. */
  to: string;
  template: string;
  /** When this status was recorded (for `sent`: when the mail server took it). */
  sentAt: Instant;
  /** Default `recorded`. */
  status?: MessageStatus;
  /** The e-mail address it went (or was to go) to. */
  address?: string | null;
  subject?: string | null;
  /** The Message-ID header of the mail, `<…@…>`. */
  messageId?: string | null;
  language?: string | null;
  /** Attempts so far (default 1). */
  attempts?: number;
  lastError?: string | null;
}

export interface SlaRecord {
  tenant: string;
  caseId: string;
  caseType: string;
  slaId: string;
  name: string;
  status: SlaStatus;
  startedAt: Instant;
  closedAt: Instant | null;
  urgency: number;
}

/**
 * What a report counts: one case type's records, and of those only the ones that began in the window
 * [from, to) (SLAs started, stage visits begun, cases created). Instants as the store writes them
 * (`2026-01-05T09:00:00.000Z`), compared as text.
 */
export interface PartnerActivity {
  partner: string;
  events: number;
  cases: number;
  lastAt: Instant;
}

export interface ReportWindow {
  caseType?: string;
  /** A published version of `caseType` (the route refuses it without one). */
  version?: number;
  /** The case's current queue (the task's queue for the agent figures). */
  queue?: string;
  /** The channel the case came in by. */
  channel?: string;
  /** Inclusive. */
  from?: Instant;
  /** Exclusive. */
  to?: Instant;
}

/** The bucket of a trend: a UTC day, an ISO week (from Monday) or a calendar month. */
export type ReportBucket = 'day' | 'week' | 'month';

/** A survey offered to a case's customer (docs/feedback.md): one per case, keyed by tenant and case. */
export interface SurveyRecord {
  tenant: string;
  caseId: string;
  caseType: string;
  version: number;
  channel: string | null;
  queue: string | null;
  /** The SHA-256 of the link's token (a mailed survey); null for one only offered on the status page. */
  tokenHash: string | null;
  /** How it reached the customer: `mail` (the link) or `status` (the status page). */
  via: 'mail' | 'status';
  sentAt: Instant;
  /** When the link stops working (a survey on the status page: as long as the link would). */
  expiresAt: Instant;
}

/** A customer's answer, as the feedback report reads it (the comment is in the case's history only). */
export interface FeedbackRecord {
  tenant: string;
  caseId: string;
  caseType: string;
  version: number;
  channel: string | null;
  queue: string | null;
  score: number;
  answeredAt: Instant;
}

/** The feedback report's figures, computed by the database (runtime/host/reports.ts finishes them). */
export interface FeedbackCounts {
  /** Surveys sent in the window (by `sentAt`). */
  surveys: number;
  /** Answers given in the window (by `answeredAt`), and the sum of their scores. */
  responses: number;
  scoreSum: number;
  /** Answers per score, lowest score first. */
  distribution: { score: number; count: number }[];
  /** Per bucket of `answeredAt` that has answers, oldest first: its first instant, the answers and their score sum. */
  trend: { start: Instant; responses: number; scoreSum: number }[];
}

/**
 * What the process-mining export reads (runtime/export): the cases of one case type (or all), and of
 * their history only the entries with `from <= at < to`. Instants as the store writes them
 * (`2026-01-05T09:00:00.000Z`), compared with `at` as text, in the database.
 */
export interface HistoryWindow {
  caseType?: string;
  /** Inclusive. */
  from?: Instant;
  /** Exclusive. */
  to?: Instant;
}

/** A case with the entries of its history that are in a `HistoryWindow`, in `seq` order. */
export interface CaseHistory {
  case: StoredCase;
  history: HistoryEntry[];
}

/** SLA records per case type and SLA name, by status; ordered by case type, then name (code-point order). */
export interface SlaCounts {
  caseType: string;
  sla: string;
  total: number;
  running: number;
  paused: number;
  warning: number;
  missedGoal: number;
  breached: number;
  met: number;
  metLate: number;
  cancelled: number;
}

/** The process map's query (docs/reports.md, Process map): one case type, and the report filters. */
export type ProcessMapWindow = ReportWindow & { caseType: string };

/**
 * One edge of the directly-follows graph: the history entries of the window that took `event` from
 * `source` to `target` (state keys: a state id, or the state value's JSON text for a nested or parallel
 * value; `source` '' for the creation). `ms` figures: time since the case's previous history entry
 * (nearest rank), over the entries that have one (not the creation).
 */
export interface ProcessMapEdgeRow {
  source: string;
  event: string;
  target: string;
  count: number;
  cases: number;
  /** Entries that entered a state the case had been in before (source and target differ). */
  revisits: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** A state entered in the window (entries whose target differs from their source, the creation included). */
export interface ProcessMapNodeRow {
  state: string;
  visits: number;
  cases: number;
}

export interface ProcessMapRows {
  edges: ProcessMapEdgeRow[];
  nodes: ProcessMapNodeRow[];
  /** Cases closed in the window (closedAt), by the state they closed in. */
  ends: { state: string; cases: number }[];
}

/** One entry that took an edge of the process map: the case, when, and the time since its previous entry. */
export interface ProcessMapCaseRow {
  caseId: string;
  reference: string | null;
  seq: number;
  at: Instant;
  ms: number | null;
}

export type ProcessMapEdge = Pick<ProcessMapEdgeRow, 'source' | 'event' | 'target'>;

/** Stage visits per case type and state id (any order). */
export interface StageCounts {
  caseType: string;
  state: string;
  /** Times a case entered the state. */
  visits: number;
  /** Visits that ended (the case left the state). */
  completed: number;
  /** Milliseconds in the state over the completed visits. */
  totalMs: number;
  /** Visits still open: cases in the state now. */
  current: number;
  /**
   * Median milliseconds of the completed visits: percentile_cont(0.5), linear interpolation between the two
   * closest ranks (both stores compute it alike; the host rounds it); null without one.
   */
  medianMs: number | null;
  /** 90th percentile, as medianMs (percentile_cont(0.9)). */
  p90Ms: number | null;
}

/** SLA outcomes of the SLAs started in one bucket (`start`: the bucket's first instant). */
export interface SlaTrendRow {
  start: Instant;
  met: number;
  metLate: number;
  missedGoal: number;
  breached: number;
}

/** Open cases of one queue and top-level state, with their ages against `now` (docs/reports.md). */
export interface BacklogRow {
  queue: string | null;
  /** The top-level state id of the case's state (the first key of a nested or parallel state). */
  state: string;
  count: number;
  under1d: number;
  d1to3: number;
  d3to7: number;
  d7to30: number;
  over30d: number;
  oldestCreatedAt: Instant;
}

/**
 * The values at a pointer that can be among the `limit` most frequent (ties at the cut included: the
 * caller orders and cuts, as for ReasonCounts), each with its count per bucket.
 */
export interface ReasonTrend {
  values: { value: JsonValue; count: number; buckets: { start: Instant; count: number }[] }[];
}

/** Cases per channel, and per bucket and channel. */
export interface ChannelCounts {
  items: { channel: string; count: number }[];
  trend: { start: Instant; channel: string; count: number }[];
}

/** Tasks closed in the window per agent (the task's assignee), with their handling times. */
export interface AgentCounts {
  /** Every task closed in the window (with an agent), before the limit. */
  total: number;
  items: { agent: string; tasksClosed: number; cases: number; medianHandlingMs: number | null; p90HandlingMs: number | null }[];
}

/** Cases counted by the value at a JSON Pointer into their data. */
export interface ReasonCounts {
  /** Every case counted. */
  total: number;
  /**
   * The values that can be among the `limit` most frequent: every value whose count is one of the
   * `limit` largest, ties at the cut included (the caller orders them and cuts).
   */
  counts: { value: JsonValue; count: number; channels: Record<string, number> }[];
  /** Every case counted, by the channel it came in by. */
  channels: Record<string, number>;
}

/** What a commit announced to the hosts sharing a store; `reconnected` after a gap in which notices may have been missed. */
export interface DueNotice {
  timers: Instant | null;
  outbox: boolean;
  reconnected?: true;
}

/** A migration of open cases under a plan (issue 19, docs/migration.md), as the store keeps it. */
export interface CaseMigrationRecord {
  tenant: string;
  /** The plan's id: a hash of its content, so the same plan is applied once. */
  id: string;
  caseType: string;
  fromVersion: number;
  toVersion: number;
  plan: JsonValue;
  /** `running` until no case of it is pending. */
  status: 'running' | 'done';
  /** The name of the token (or person) that started it. */
  startedBy: string;
  startedAt: Instant;
  finishedAt: Instant | null;
}

export type MigrationItemStatus = 'pending' | 'migrated' | 'blocked' | 'skipped';

/** One case of a migration: pending until worked, then migrated, blocked (why in `detail`) or skipped. */
export interface MigrationItem {
  caseId: string;
  status: MigrationItemStatus;
  /** What was done or why not (a migration summary, blocks, or a sentence). */
  detail: JsonValue | null;
  at: Instant | null;
}

export interface CaseMigrationCounts {
  total: number;
  pending: number;
  migrated: number;
  blocked: number;
  skipped: number;
}

/**
 * A document in a case file (issue 20, docs/documents.md): its row, as the store keeps it beside its
 * content (in chunks of at most DOCUMENT_CHUNK_BYTES). A removed document keeps its row and content
 * (the history names it); only its `removedAt`/`removedBy` are set.
 */
export interface DocumentRecord {
  tenant: string;
  caseId: string;
  id: string;
  /** The file name as given (a name, never a path). */
  name: string;
  /** What the first bytes say the file is (sniffed, never taken from the name or the client). */
  contentType: string;
  /** Bytes. */
  size: number;
  /** SHA-256 of the content, lower-case hex. */
  sha256: string;
  /** The documents field it is attached to (a pointer into the case data), or null. */
  field: string | null;
  /**
   * Where its content is: `database` (in document_chunks) or `directory` (a file named by its id in the
   * host's documents directory, `dossier serve --documents-dir`; the store keeps only the row).
   */
  storage: 'database' | 'directory';
  addedAt: Instant;
  addedBy: string;
  removedAt: Instant | null;
  removedBy: string | null;
}

/** The largest chunk a document's content is stored and read in. */
export const DOCUMENT_CHUNK_BYTES = 256 * 1024;

/**
 * A contact-reason suggestion kept for a case (issue 21, docs/reason-suggestion.md): what the model
 * suggested when the case was created, and, once the field was first set, whether the agent took it.
 */
export interface SuggestionRecord {
  tenant: string;
  caseId: string;
  caseType: string;
  /** The suggested field (a pointer into the case data). */
  field: string;
  value: string;
  /** The model's posterior probability of `value` (0..1). */
  confidence: number;
  /** The closed cases the model was trained on, and when. */
  trainedOn: number;
  trainedAt: Instant;
  suggestedAt: Instant;
  /** Set once, when the field is first set: `accepted` (the suggested value) or `corrected` (another). */
  outcome: 'accepted' | 'corrected' | null;
  /** The value the field was first set to. */
  chosen: string | null;
  decidedAt: Instant | null;
}

/** A closed case's data as the suggester trains on it. */
export interface ClosedCaseData {
  id: string;
  version: number;
  channel: string | null;
  data: JsonValue;
  closedAt: Instant;
}

/** Suggestions of one case type by suggested value. */
export interface SuggestionCounts {
  value: string;
  suggested: number;
  accepted: number;
  corrected: number;
}

export interface CaseStore {
  // Tenants and tokens
  ensureTenant(id: string, at: Instant): Promise<void>;
  createToken(token: TokenRecord, hash: string): Promise<void>;
  /** Looks a token up by the SHA-256 hex of its secret (compared in constant time). */
  findTokenByHash(hash: string): Promise<TokenRecord | null>;
  /**
   * Revokes every active token of `name` in `tenant`, and the sign-in sessions of the person of that name
   * (kept for audit, never found again); returns how many.
   */
  revokeTokens(tenant: string, name: string, at: Instant): Promise<number>;
  /** Revokes the one token (or session) `id` if it is active; true when it was. */
  revokeTokenById(id: string, at: Instant): Promise<boolean>;
  countTokens(): Promise<number>;

  /**
   * A person who signed in takes `name` in `tenant` as the provider's `subject` (their name then, the
   * earlier one given up): false, and nothing changed, when another subject holds that name.
   */
  claimPersonName(tenant: string, subject: string, name: string, at: Instant, email?: string | null): Promise<boolean>;
  /** The e-mail address of the person of that name in the tenant (their provider's, kept at sign-in), or null. */
  personEmail(tenant: string, name: string): Promise<string | null>;

  // Mailboxes (e-mail in: runtime/host/mail-intake.ts)
  /**
   * Creates or replaces the mailbox of `mailbox.caseType` in `mailbox.tenant` (a new address and secret;
   * the old address stops taking mail). `address_taken`, and nothing changed, when another case type or
   * tenant has that address.
   */
  saveMailbox(mailbox: MailboxRecord, secretHash: string): Promise<'saved' | 'address_taken'>;
  /** The mailbox of an address (lower case) with its secret's hash, whatever its tenant: the SMTP listener serves them all. */
  findMailbox(address: string): Promise<(MailboxRecord & { secretHash: string }) | null>;
  /** The mailboxes of `tenant`, by case type. */
  listMailboxes(tenant: string): Promise<MailboxRecord[]>;
  /** Removes the mailbox of a case type; true when there was one. */
  deleteMailbox(tenant: string, caseType: string): Promise<boolean>;

  // Status pages of cases opened by the public form (runtime/host/public-form.ts)
  /** Keeps the hash of the secret of a case's status page (written before the case: a case never lacks it). */
  saveCaseSecret(tenant: string, caseId: string, secretHash: string, at: Instant): Promise<void>;
  /** The hash kept for a case's status page; null when it has none. */
  caseSecret(tenant: string, caseId: string): Promise<string | null>;

  // Partners (outsourced back offices) and their delegated queues
  /** Creates or replaces the partner `partner.id` of `partner.tenant` (its `createdAt` kept when it exists). */
  savePartner(partner: PartnerRecord): Promise<void>;
  getPartner(tenant: string, id: string): Promise<PartnerRecord | null>;
  /** The partners of `tenant`, by id. */
  listPartners(tenant: string): Promise<PartnerRecord[]>;
  /**
   * Removes the partner and revokes its people's tokens and sessions at `at` (a partner made again under the
   * same id does not give them back their access). True when it existed.
   */
  deletePartner(tenant: string, id: string, at: Instant): Promise<boolean>;
  /** The tokens of `tenant` (only those named `name`, with it), revoked and expired ones too, newest first (createdAt, then id); never sessions. */
  listTokens(tenant: string, name?: string): Promise<TokenInfo[]>;
  /**
   * Rotation, in one transaction: every token of `name` in `tenant` that is active at `at` (not revoked,
   * not expired) gets `expiresAt` = the earlier of its own and `until`, then `next` is stored under
   * `hash`. With no active token nothing changes and nothing is stored: `rotated` is 0.
   * `validUntil`: the latest expiry the rotated tokens now have (null when none was rotated).
   */
  rotateTokens(tenant: string, name: string, at: Instant, until: Instant, next: TokenRecord, hash: string): Promise<{ rotated: number; validUntil: Instant | null }>;
  /**
   * Records that the token `id` was accepted at `at`, unless its recorded use is later than
   * `at` minus `minGapMs` (hosts sharing the store write it at most that often per token).
   */
  touchToken(id: string, at: Instant, minGapMs: number): Promise<void>;

  // Case types
  saveDraft(draft: DraftRecord): Promise<void>;
  getDraft(tenant: string, key: string): Promise<DraftRecord | null>;
  /**
   * Publishes `definition` as the next version of `key`; the version is set inside the transaction.
   * `meta` (who published it, the note) is kept with the version; without it both are null.
   */
  publish(tenant: string, key: string, definition: CaseType, at: Instant, meta?: PublishMeta): Promise<PublishedCaseType>;
  getCaseType(tenant: string, key: string, version?: number): Promise<PublishedCaseType | null>;
  /** Every published version of `key`, oldest first, with who published it and the note. */
  listVersions(tenant: string, key: string): Promise<VersionRecord[]>;
  listCaseTypes(tenant: string): Promise<CaseTypeSummary[]>;

  // Cases
  getCase(tenant: string, id: string): Promise<StoredCase | null>;
  /** The case with this human-readable reference (`COM-000123`) in `tenant`, exactly; null when there is none. */
  caseByReference(tenant: string, reference: string): Promise<StoredCase | null>;
  /** Finds a case in any tenant (for the scheduler and the outbox, never for a request). */
  locateCase(id: string): Promise<{ tenant: string; case: StoredCase } | null>;
  listCases(tenant: string, filter: CaseFilter, limit: number, cursor: string | null): Promise<Page<StoredCase>>;
  /**
   * The cases of `tenant` with a customer identifier (a commit's `customerKeys`, whatever the pointer)
   * equal to one of `values`, trimmed and case-insensitively; each case once, newest first.
   */
  casesByCustomerKeys(tenant: string, values: string[], limit: number, cursor: string | null): Promise<Page<StoredCase>>;
  /**
   * Full-text search over the cases of `tenant` (docs/search.md): each of `query.words` literally (the
   * last also as a prefix), best match first (bm25 / ts_rank), `limit` a page.
   */
  searchCases(tenant: string, query: SearchQuery, limit: number, cursor: string | null): Promise<Page<SearchHit>>;
  commit(commit: CaseCommit): Promise<CommitResult>;
  history(tenant: string, caseId: string, limit: number, cursor: string | null): Promise<Page<HistoryEntry>>;
  /**
   * The event log of `tenant`, a page of `limit` cases at a time, oldest first (createdAt, then id):
   * the cases that have at least one history entry in `window`, each with those entries (not the
   * others). Without `from` and `to`, every case of the tenant (or of `window.caseType`) with its
   * whole history. The window is applied by the database (an index on history (case_id, at)).
   */
  historyInWindow(tenant: string, window: HistoryWindow, limit: number, cursor: string | null): Promise<Page<CaseHistory>>;

  // Idempotency
  getIdempotency(tenant: string, key: string): Promise<IdempotencyRecord | null>;
  saveIdempotency(record: IdempotencyRecord): Promise<boolean>;

  // Timers
  dueTimers(until: Instant, limit: number): Promise<TimerRecord[]>;
  nextTimerDue(): Promise<Instant | null>;
  /**
   * The due timers this host is to fire, as `dueTimers` lists them. Where several hosts share the
   * store, each timer is handed to one host for `leaseMs`; another host gets it when the lease runs
   * out (its host died or could not fire it), and `nextTimerDue` names that time.
   */
  claimDueTimers(until: Instant, limit: number, leaseMs: number): Promise<TimerRecord[]>;
  /** Marks a pending timer fired without changing its case (a timer the engine no longer knows). */
  discardTimer(caseId: string, timerId: string, at: Instant): Promise<void>;

  // Tasks
  listTasks(tenant: string, filter: TaskFilter, limit: number, cursor: string | null): Promise<Page<TaskRecord>>;
  /** Claims a task; with `queues` (a partner's), only a task in one of them (another is `task.not_found`). */
  claimTask(tenant: string, taskId: string, assignee: string, at: Instant, queues?: readonly string[]): Promise<TaskClaimResult>;
  /** Releases a claim; with `onlyBy`, only when that person holds it (or nobody does); with `queues`, as claimTask. */
  releaseTask(tenant: string, taskId: string, at: Instant, onlyBy?: string, queues?: readonly string[]): Promise<TaskClaimResult>;

  // Outbox
  dueOutbox(until: Instant, limit: number): Promise<OutboxRecord[]>;
  nextOutboxDue(): Promise<Instant | null>;
  /**
   * The due outbox rows this host is to deliver, as `dueOutbox` lists them. Where several hosts share
   * the store, the rows of a case go to one host at a time, for `leaseMs` or until it marks them
   * delivered or failed.
   */
  claimDueOutbox(until: Instant, limit: number, leaseMs: number): Promise<OutboxRecord[]>;
  /**
   * Present where several hosts share the store: calls `listener` whenever any host commits a timer
   * (with the earliest due time of that case) or an outbox row, so that every host wakes for work
   * another one created. Resolves to a function that stops listening.
   */
  watchDue?(listener: (due: DueNotice) => void): Promise<() => Promise<void>>;
  /**
   * Present where several hosts share the store: runs `work` while no other host runs its own (the
   * first start's admin token and templates, so that hosts starting together seed them once).
   */
  exclusively?<T>(work: () => Promise<T>): Promise<T>;
  markDelivered(id: number, at: Instant): Promise<void>;
  markFailed(id: number, error: string, nextAttemptAt: Instant | null): Promise<void>;
  listOutbox(tenant: string, filter: { status?: OutboxStatus; caseId?: string }, limit: number, cursor: string | null): Promise<Page<OutboxRecord>>;

  // Messages (notify, as the notifier records them)
  /**
   * Records a message's outcome; a later one with the same key replaces it (a retry after a failure),
   * unless the message is already `sent` or `recorded` (a redelivery, which changes nothing).
   */
  recordMessage(message: MessageRecord): Promise<void>;
  /**
   * The tenant's secret for signing webhooks (docs/email.md, "Webhook signatures"); when it has none yet,
   * `candidate` becomes it. Adds the tenant when it is not there.
   */
  webhookSecret(tenant: string, candidate: string, at: Instant): Promise<string>;
  /** The messages of a case, oldest first. */
  messages(tenant: string, caseId: string): Promise<MessageRecord[]>;

  // Reports, aggregated by the database
  /** The SLA records as stored, ordered by case type, name, case and SLA id (the side-table checks read them). */
  slaRecords(tenant: string, caseType?: string): Promise<SlaRecord[]>;
  /** SLA records by status per case type and SLA name; `from`/`to` on when the SLA started. */
  slaSummary(tenant: string, window: ReportWindow): Promise<SlaCounts[]>;
  /** Time per stage (runtime/store/stage-visits.ts); `from`/`to` on when the visit began. */
  stageSummary(tenant: string, window: ReportWindow): Promise<StageCounts[]>;
  /**
   * Counts cases by the value at a JSON Pointer into their data (RFC 6901; a value that is not there
   * counts as null); `from`/`to` on when the case was created.
   */
  reasonCounts(tenant: string, pointer: string, window: ReportWindow & { limit: number }): Promise<ReasonCounts>;
  /**
   * What partner organisations' people did (history entries with `partner`, `at` in the window; of cases of
   * `caseType` where given): per partner, the events, the distinct cases and the last event's time, by partner.
   */
  partnerActivity(tenant: string, window: ReportWindow): Promise<PartnerActivity[]>;
  /** SLA outcomes per bucket of when the SLA started, oldest first, only buckets with an SLA. */
  slaTrend(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<SlaTrendRow[]>;
  /** The open cases (created in the window) by queue and top-level state, aged against `now` (the host's clock). */
  backlog(tenant: string, window: ReportWindow, now: Instant): Promise<BacklogRow[]>;
  /** The `limit` most frequent values at `pointer` in the cases created in the window, and their counts per bucket. */
  reasonTrend(tenant: string, pointer: string, window: ReportWindow & { limit: number }, bucket: ReportBucket): Promise<ReasonTrend>;
  /** Cases created in the window per channel, and per bucket and channel. */
  channelCounts(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<ChannelCounts>;
  /** Tasks closed in the window per agent, most first, the first `limit`. */
  agentCounts(tenant: string, window: ReportWindow & { limit: number }): Promise<AgentCounts>;
  /** The directly-follows graph of a case type's history (the `transitions` table), entries with `at` in the window. */
  processMap(tenant: string, window: ProcessMapWindow): Promise<ProcessMapRows>;
  /** The entries that took one edge, newest first (at, case id, seq descending), paged. */
  processMapCases(tenant: string, window: ProcessMapWindow, edge: ProcessMapEdge, limit: number, cursor: string | null): Promise<Page<ProcessMapCaseRow>>;

  // Customer feedback (issue 22, docs/feedback.md)
  /**
   * Keeps the survey of a case. `replace`: a new link (a mail sent again) takes the place of the old one
   * while the survey is unanswered; otherwise a survey the case has already is kept as it is. Returns the
   * survey as stored.
   */
  saveSurvey(record: SurveyRecord, replace: boolean): Promise<SurveyRecord>;
  getSurvey(tenant: string, caseId: string): Promise<SurveyRecord | null>;
  /** The survey whose link's token hashes to `tokenHash`, in `tenant`; null when none. */
  surveyByToken(tenant: string, tokenHash: string): Promise<SurveyRecord | null>;
  /**
   * Keeps an answer's row; false, and nothing changed, when the case has one already. The host never calls it:
   * a `feedback.received` history entry writes the row in its own commit (a trigger on history, both stores);
   * it is for copying and for the report's tests.
   */
  saveFeedback(record: FeedbackRecord): Promise<boolean>;
  getFeedback(tenant: string, caseId: string): Promise<FeedbackRecord | null>;
  /** The feedback report of the window (surveys by `sentAt`, answers by `answeredAt`), the trend in `bucket`s (UTC). */
  feedbackCounts(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<FeedbackCounts>;

  // Migrations of open cases to another version (issue 19)
  /**
   * Records a migration and the cases it takes (all `pending`), in one transaction; false when a migration
   * with this id exists in the tenant (the plan was applied before).
   */
  createCaseMigration(record: CaseMigrationRecord, caseIds: readonly string[]): Promise<boolean>;
  getCaseMigration(tenant: string, id: string): Promise<(CaseMigrationRecord & { counts: CaseMigrationCounts }) | null>;
  /** The tenant's migrations (of one case type where given), newest first. */
  listCaseMigrations(tenant: string, caseType?: string): Promise<(CaseMigrationRecord & { counts: CaseMigrationCounts })[]>;
  /** Up to `limit` pending case ids of a migration, in the order they were recorded. */
  pendingMigrationCases(tenant: string, id: string, limit: number): Promise<string[]>;
  /** Records what happened to cases of a migration; a case no longer pending is left as it is. */
  markMigrationCases(tenant: string, id: string, items: readonly MigrationItem[]): Promise<void>;
  /** Marks a migration done (when none of its cases is pending). */
  finishCaseMigration(tenant: string, id: string, at: Instant): Promise<void>;
  /** The migrations of every tenant still running (a host resumes them as it starts). */
  runningCaseMigrations(): Promise<{ tenant: string; id: string }[]>;
  /** A page of a migration's cases (with `status`, only those), in the order they were recorded. */
  migrationItems(tenant: string, id: string, status: MigrationItemStatus | undefined, limit: number, cursor: string | null): Promise<Page<MigrationItem>>;

  // Documents in the case file (issue 20)
  /**
   * Stores a document's row and, for `storage: 'database'`, its content, read from the file `contentFile`
   * in chunks (never whole in memory), in one transaction: afterwards both are there, or neither. For
   * `storage: 'directory'` only the row (the host wrote the file; `contentFile` is not read).
   */
  saveDocument(record: DocumentRecord, contentFile: string): Promise<void>;
  getDocument(tenant: string, caseId: string, id: string): Promise<DocumentRecord | null>;
  /** The documents of a case (removed ones too), in the order they were added (by `addedAt`, then id). */
  listDocuments(tenant: string, caseId: string): Promise<DocumentRecord[]>;
  /** The content of a document, chunk by chunk, in order (empty for an unknown one). */
  documentContent(tenant: string, id: string): AsyncIterable<Uint8Array>;
  /** Marks a document removed (its content kept); false when it is unknown or already removed. */
  markDocumentRemoved(tenant: string, id: string, at: Instant, by: string): Promise<boolean>;
  /** Deletes a document and its content for good: only for one whose attachment to its case was refused. */
  purgeDocument(tenant: string, id: string): Promise<void>;
  /**
   * Documents added before `before` that no `document.added` entry of their case's history names: stored
   * by a host that died before the case's commit. Up to `limit`, oldest first.
   */
  orphanDocuments(before: Instant, limit: number): Promise<DocumentRecord[]>;

  // Contact-reason suggestions (issue 21, docs/reason-suggestion.md)
  /** Every tenant's id (the suggester trains each tenant's case types at start). */
  listTenants(): Promise<string[]>;
  /** The closed cases of `caseType` in `tenant`, newest closed first (closedAt, then id, descending), a page at a time. */
  closedCaseData(tenant: string, caseType: string, limit: number, cursor: string | null): Promise<Page<ClosedCaseData>>;
  /** Keeps a case's suggestion; false, and nothing changed, when the case has one already. */
  saveSuggestion(record: SuggestionRecord): Promise<boolean>;
  getSuggestion(tenant: string, caseId: string): Promise<SuggestionRecord | null>;
  /**
   * Records what the field was first set to: `accepted` when it is the suggested value, `corrected`
   * otherwise. Once: null, and nothing changed, when the case has no suggestion or its outcome is recorded.
   */
  recordSuggestionOutcome(tenant: string, caseId: string, chosen: string, at: Instant): Promise<'accepted' | 'corrected' | null>;
  /** The suggestions of `caseType` in `tenant` by suggested value (code-point order); `from`/`to` on when they were made. */
  suggestionCounts(tenant: string, window: ReportWindow & { caseType: string }): Promise<SuggestionCounts[]>;
  // Push routing (issue 21, docs/routing.md): agents, offers, the task-holder log
  /** Creates or replaces the agent `agent.name` of `agent.tenant`. */
  saveAgent(agent: AgentRecord): Promise<void>;
  getAgent(tenant: string, name: string): Promise<AgentRecord | null>;
  /** The agents of `tenant`, by name. */
  listAgents(tenant: string): Promise<AgentRecord[]>;
  /** Removes the agent and withdraws their open offers; true when there was one. */
  deleteAgent(tenant: string, name: string, at: Instant): Promise<boolean>;
  /** Sets an agent's availability; null when there is no such agent. */
  setAvailability(tenant: string, name: string, availability: Availability, at: Instant): Promise<AgentRecord | null>;
  /** The tenants with an available agent or an open offer (the routing loop's round: offers of agents who went away are withdrawn). */
  routingTenants(): Promise<string[]>;
  /**
   * One routing pass of `tenant` over the open, unclaimed tasks of the routed `queues` (case type and queue), in one transaction that no
   * other host's pass of the tenant runs beside: reads the state, calls `decide` (the pure router), writes
   * the expiries, withdrawals and new offers with their log lines (an open offer per task at most: a
   * unique index). Offers of tasks claimed or closed meanwhile are withdrawn first.
   */
  routeTenant(tenant: string, queues: readonly RoutedQueue[], at: Instant, decide: RoutingDecide): Promise<RoutingDecision>;
  /** The open offers to `agent` in `tenant`, oldest first. */
  offersFor(tenant: string, agent: string): Promise<OfferRecord[]>;
  /** The earliest expiry of an open offer (the routing loop wakes then); null when none is open. */
  nextOfferExpiry(): Promise<Instant | null>;
  /** The agent answers their open offer of a task: accept claims it for them, decline ends the offer. */
  answerOffer(tenant: string, taskId: string, agent: string, answer: 'accept' | 'decline', at: Instant): Promise<OfferAnswerResult>;
  /** A supervisor gives a task to `assignee` (whoever holds it); its open offer is withdrawn. */
  assignTask(tenant: string, taskId: string, assignee: string, by: string, at: Instant, queues?: readonly string[]): Promise<TaskClaimResult>;
  /** Who held the tasks of a case when, oldest first. */
  taskLog(tenant: string, caseId: string): Promise<TaskLogEntry[]>;

  close(): Promise<void>;
}
