// The runtime host assembled: its services (cases, case types, tasks, tokens) shared by whatever
// adapter drives them, the timer scheduler and the outbox dispatcher; each commit wakes the scheduler
// (new timers) and the dispatcher (new effects). It knows nothing of HTTP: runtime/compose/ puts the
// HTTP adapter in front of it.
import type { WebhookAllow } from '../scheduler/address-policy.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from '../scheduler/outbox-dispatcher.ts';
import { createCaseMessageNotifier, type Notifier } from '../scheduler/notifier.ts';
import { createMailNotifier, type MailSettings } from '../scheduler/mail-notifier.ts';
import { createTimerScheduler, type TimerScheduler } from '../scheduler/timer-scheduler.ts';
import type { CaseStore } from '../store/case-store.ts';
import { outboxEffectTypes } from '../store/side-rows.ts';
import { createCaseService, type CaseService } from './case-service.ts';
import { createCaseTypeService, type CaseTypeService } from './case-type-service.ts';
import { createLinkService, type LinkService } from './link-service.ts';
import { createTaskService, type TaskService } from './task-service.ts';
import { createTokenService, type TokenService } from './tokens.ts';
import { createPartnerService, type PartnerService } from './partners.ts';
import { createMigrationService, type MigrationService } from './migration-service.ts';
import { createMailboxService, type AttachmentSink, type MailboxService } from './mail-intake.ts';
import { createPublicFormService, type PublicFormService } from './public-form.ts';
import { createFeedbackService, type FeedbackService } from './feedback.ts';
import { documentSink } from './mail-attachments.ts';
import { createChatService, type ChatService } from './chat-service.ts';
import { createDocumentService, type DocumentService } from './document-service.ts';
import { createRoutingService, type RoutingService } from './routing-service.ts';
import { createRoutingRunner, DEFAULT_ROUTING_POLL_MS, type RoutingRunner } from '../scheduler/routing-runner.ts';
import type { Clock } from './clock.ts';
import type { EnginePort } from './engine-port.ts';
import { silentLogger, type Logger } from './logger.ts';
import { createReasonSuggestionService, type ReasonSuggestionOptions, type ReasonSuggestionService } from './reason-suggestions.ts';

/** Hosts sharing a store look for due work at least this often, under the store's notices. */
const SHARED_POLL_MS = 15_000;

/** What adapters (HTTP, the CLI, the first start) go through; none of them reaches past it to the store for a change. */
export interface HostServices {
  cases: CaseService;
  caseTypes: CaseTypeService;
  tasks: TaskService;
  tokens: TokenService;
  partners: PartnerService;
  /** Migrations of open cases to another version (issue 19). */
  migrations: MigrationService;
  /** Mailboxes and what a message to one does (e-mail in, issue 20). */
  mailboxes: MailboxService;
  /** The self-service form and status page (issue 20). */
  publicForms: PublicFormService;
  /** Documents in the case file (issue 20): the way files get into a case, whatever brings them. */
  documents: DocumentService;
  /** Chat between the customer and agents on a case (issue 20). */
  chat: ChatService;
  /** Contact-reason suggestions: trained from closed cases, made after a case is created (issue 21). */
  suggestions: ReasonSuggestionService;
  /** Linking an existing case as a child (docs/linked-work.md). */
  links: LinkService;
  /** Agents, offers and reassignment: push routing (issue 21, docs/routing.md). */
  routing: RoutingService;
  /** Customer feedback: survey links, the survey page's answers (issue 22, docs/feedback.md). */
  feedback: FeedbackService;
}

export function createHostServices<C>(options: {
  store: CaseStore;
  engine: EnginePort<C>;
  clock: Clock;
  logger?: Logger;
  /** The lifetime of tokens whose roles are only `service`, issued without one (an ISO 8601 duration; null: none; default P90D). */
  serviceTokenExpiry?: string | null;
  /** Where mail attachments go (default: the case's documents).*/
  attachments?: AttachmentSink;
  /** The largest document taken, in bytes (default 20 MiB). */
  documentMaxBytes?: number;
  /** Where new documents' content goes (`--documents-dir`); absent: the database. */
  documentsDir?: string;
  /** Milliseconds between retrainings of the reason suggester (`--suggest-retrain`; default an hour; 0: none). */
  suggestRetrainMs?: number;
  /** The reason suggester's classifier (default the engine's; tests pass one that fails). */
  suggestClassify?: ReasonSuggestionOptions['classify'];
}): HostServices {
  const { store, clock } = options;
  const logger = options.logger ?? silentLogger;
  const cases = createCaseService({ store, engine: options.engine, clock, logger });
  const documents = createDocumentService({
    store,
    cases,
    clock,
    logger,
    ...(options.documentMaxBytes === undefined ? {} : { maxBytes: options.documentMaxBytes }),
    ...(options.documentsDir === undefined ? {} : { documentsDir: options.documentsDir }),
  });
  const routing = createRoutingService(store, clock);
  return {
    cases,
    migrations: createMigrationService({ store, cases, clock, logger }),
    caseTypes: createCaseTypeService(store, clock),
    tasks: createTaskService(store, clock, () => routing.changed()),
    tokens: createTokenService(store, { clock, logger, ...(options.serviceTokenExpiry === undefined ? {} : { serviceTokenExpiry: options.serviceTokenExpiry }) }),
    partners: createPartnerService(store, clock),
    publicForms: createPublicFormService({ store, cases, clock }),
    mailboxes: createMailboxService({ store, cases, clock, logger, attachments: options.attachments ?? documentSink(documents) }),
    documents,
    chat: createChatService({ store, cases }),
    suggestions: createReasonSuggestionService({ store, cases, clock, logger, ...(options.suggestRetrainMs === undefined ? {} : { retrainMs: options.suggestRetrainMs }),
      ...(options.suggestClassify === undefined ? {} : { classify: options.suggestClassify }),
    }),
    links: createLinkService({ store, cases, engine: options.engine }),
    routing,
    feedback: createFeedbackService({ store, cases, clock }),
  };
}

export interface HostOptions<C = unknown> {
  store: CaseStore;
  engine: EnginePort<C>;
  clock: Clock;
  logger?: Logger;
  notifier?: Notifier;
  /** Send `notify` messages by e-mail (`--smtp-url`, docs/email.md); absent: they are recorded on their cases. */
  mail?: MailSettings;
  /** Sign every webhook with this secret (`--webhook-secret`); absent: each tenant's own, kept in the store. */
  webhookSecret?: string;
  /** Non-public webhook targets allowed anyway (DOSSIER_WEBHOOK_ALLOW); absent: public addresses only. */
  webhookAllow?: WebhookAllow;
  outbox?: { maxAttempts?: number; backoffMs?: number; maxBackoffMs?: number; lookupAttempts?: number; lookupAnswerLimit?: number };
  /** How long a host holds the timers and outbox rows it claimed before another may take them (default 30 s). */
  leaseMs?: number;
  /** The lifetime of tokens whose roles are only `service`, issued without one (`--service-token-expiry`; null: none; default P90D). */
  serviceTokenExpiry?: string | null;
  /** The largest document taken, in bytes (`--document-max-mb`; default 20 MiB). */
  documentMaxBytes?: number;
  /** Where new documents' content goes (`--documents-dir`); absent: the database. */
  documentsDir?: string;
  /** Milliseconds between retrainings of the reason suggester (`--suggest-retrain <minutes>`; default an hour; 0: none). */
  suggestRetrainMs?: number;
  /** How often the router looks for work whatever it was told (default: 2 s where hosts share the store, else never; docs/routing.md). */
  routingPollMs?: number;
}

export interface Host {
  services: HostServices;
  /** The case service (services.cases). */
  service: CaseService;
  scheduler: TimerScheduler;
  dispatcher: OutboxDispatcher;
  /** Offers open tasks of routed queues to agents (docs/routing.md). */
  router: RoutingRunner;
  /** Fires timers that fell due while down, delivers pending effects, then runs beside the API. */
  start(): Promise<void>;
  /** Stops the scheduler and the dispatcher, waiting for runs in progress. */
  stop(): Promise<void>;
}

export function createHost<C>(options: HostOptions<C>): Host {
  const { store, engine, clock } = options;
  const logger = options.logger ?? silentLogger;
  const services = createHostServices({
    store,
    engine,
    clock,
    logger,
    ...(options.serviceTokenExpiry === undefined ? {} : { serviceTokenExpiry: options.serviceTokenExpiry }),
    ...(options.documentMaxBytes === undefined ? {} : { documentMaxBytes: options.documentMaxBytes }),
    ...(options.documentsDir === undefined ? {} : { documentsDir: options.documentsDir }),
    ...(options.suggestRetrainMs === undefined ? {} : { suggestRetrainMs: options.suggestRetrainMs }),
  });
  const service = services.cases;
  // a store that several hosts share announces their commits (watchDue); its runners also look again
  // now and then, in case a notice was lost
  const shared = store.watchDue !== undefined;
  const pollMs = shared ? SHARED_POLL_MS : undefined;
  const leases = { ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }), ...(pollMs === undefined ? {} : { pollMs }) };
  const scheduler = createTimerScheduler({ store, service, clock, logger, ...leases });
  const mailer = options.notifier === undefined && options.mail !== undefined ? createMailNotifier({ store, clock, logger, settings: options.mail, surveyToken: services.feedback.issueToken }) : null;
  const dispatcher = createOutboxDispatcher({
    store,
    service,
    clock,
    logger,
    notifier: options.notifier ?? mailer ?? createCaseMessageNotifier(store, clock, logger),
    recordUndelivered: services.links.recordUndelivered,
    ...(options.webhookAllow === undefined ? {} : { webhookAllow: options.webhookAllow }),
    ...(options.webhookSecret === undefined ? {} : { webhookSecret: options.webhookSecret }),
    ...options.outbox,
    ...leases,
  });
  // one host sees every change it routes for (commits, agents, answers) and wakes at the next expiry; hosts
  // sharing the store also look now and then for the others' tasks
  const routingPollMs = options.routingPollMs ?? (shared ? DEFAULT_ROUTING_POLL_MS : undefined);
  const router = createRoutingRunner({ store, routing: services.routing, clock, logger, ...(routingPollMs === undefined ? {} : { pollMs: routingPollMs }) });
  let unwatch: (() => Promise<void>) | null = null;
  service.onCommit((commit) => {
    // a task opened, or one closed (its holder has room again): route soon
    if (commit.case.tasks.length > 0 || (commit.previous?.tasks.length ?? 0) > 0) router.poke();
    for (const timer of commit.case.timers) scheduler.notify(timer.dueAt);
    if (commit.effects.some((effect) => outboxEffectTypes.has(effect.type))) dispatcher.wake();
  });
  return {
    services,
    service,
    scheduler,
    dispatcher,
    router,
    async start() {
      await scheduler.start();
      await dispatcher.start();
      await router.start();
      if (store.watchDue !== undefined) {
        unwatch = await store.watchDue((due) => {
          if (due.reconnected === true) {
            void scheduler.runDue();
            void dispatcher.runDue();
            return;
          }
          if (due.timers !== null) scheduler.notify(due.timers);
          if (due.outbox) dispatcher.wake();
        });
      }
      // migrations a host left running (it stopped or died mid-way) go on where they stopped
      await services.migrations.resume();
      // documents a host stored and then died before its case's commit (docs/documents.md)
      await services.documents.sweep();
      // the reason suggester trains its models in the background: intake does not wait for it
      await services.suggestions.start();
    },
    async stop() {
      await services.migrations.stop();
      await services.suggestions.stop();
      await unwatch?.();
      unwatch = null;
      await scheduler.stop();
      await dispatcher.stop();
      await router.stop();
      mailer?.close();
    },
  };
}
