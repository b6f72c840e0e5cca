// `dossier store copy` end to end: a real SQLite store written by the case service and the real engine
// (templates seeded, cases created, moved, closed, timers fired, outbox rows delivered, retried and
// dead, a token revoked, drafts, an idempotency key), copied into a scratch PostgreSQL database, then
// read back through the CaseStore interface on both sides, which must answer alike. Plus: a target that
// holds data (refused, then --force), a missing or old source, an unreachable target, bad usage, and a
// corrupted target that verifyCopy catches. The PostgreSQL parts need a server where the role may
// CREATE DATABASE (test/postgres-scratch.ts); without one they are skipped, and say so.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../runtime/cli/main.ts';
import * as engine from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { failureAnswer } from '../../../runtime/http/problems.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createDocumentService } from '../../../runtime/host/document-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { hashToken, issueToken } from '../../../runtime/host/tokens.ts';
import type { CaseStore, Page } from '../../../runtime/store/case-store.ts';
import { copyStore, storeTables, verifyCopy } from '../../../runtime/store/copy.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { latestSchemaVersion, migrate as migrateSqlite } from '../../../runtime/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { captureIo } from './captured-io.ts';

const START = '2026-01-05T09:00:00.000Z';
const FAR = '9999-12-31T00:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../../templates');
const agent = { id: 'agent-anna', roles: ['admin'] };
const anna = { name: 'Anna de Vries', email: 'anna.devries@example.com' };

let dir: string;
let file: string;
/** The secrets of every token issued, the revoked one included. */
const secrets: string[] = [];
const caseIds: { tenant: string; id: string }[] = [];

if (unavailable !== null) console.warn(`dossier store copy tests against PostgreSQL skipped: ${skipNote}`);

/** Builds the source: a populated store, as a few days of `dossier serve` would leave it. */
async function buildSource(path: string): Promise<void> {
  const store = createSqliteStore({ file: path });
  const clock = createManualClock(START);
  await seedTemplates(store, TEMPLATES, START, silentLogger);
  const service = createCaseService({ store, engine, clock, logger: silentLogger });
  for (const [tenant, name, roles] of [['default', 'admin', ['admin']], ['default', 'ops', ['agent']], ['acme', 'acme-admin', ['admin', 'analyst']]] as const) {
    secrets.push((await issueToken(store, { tenant, name, roles: [...roles] }, clock.now())).secret);
  }
  // a partner with its delegated queues, and one of its people
  await store.saveCaseSecret('default', 'c-public', 'b'.repeat(64), clock.now());
  await store.saveMailbox({ address: 'complaints@shop.example', tenant: 'default', caseType: 'complaint', createdAt: clock.now(), createdBy: 'admin' }, 'a'.repeat(64));
  await store.savePartner({ tenant: 'default', id: 'backoffice-nl', title: 'Back office NL', queues: ['billing', 'returns'], createdAt: clock.now(), updatedAt: clock.now() });
  secrets.push((await issueToken(store, { tenant: 'default', name: 'bo-agent', roles: ['agent'], partner: 'backoffice-nl' }, clock.now())).secret);
  expect(await store.claimPersonName('default', 'https://login.example.com#ann', 'Ann de Vries', clock.now())).toBe(true);
  // a second version of the complaint, the complaint in another tenant, and drafts (valid, invalid)
  const complaint = await store.getCaseType('default', 'complaint');
  if (complaint === null) throw new Error('the complaint template was not seeded');
  // version 2 with its publisher and a note (quotes, escapes, a line separator: copied and hashed as text)
  await store.publish('default', 'complaint', { ...complaint.definition, title: 'Complaint (v2)' }, clock.advance(60_000), {
    publishedBy: 'admin',
    note: 'Second version: "ü" \\ \u2028 and a new line\nhere',
  });
  await store.publish('acme', 'complaint', complaint.definition, clock.now());
  await store.saveDraft({ tenant: 'default', key: 'complaint', definition: { ...complaint.definition, title: 'Complaint (draft)' } as unknown as JsonValue, problems: [], valid: true, updatedAt: clock.now() });
  await store.saveDraft({
    tenant: 'default',
    key: 'returns',
    definition: { key: 'returns', title: 'Returns "ü" \\ \u2028' },
    problems: [{ severity: 'error', code: 'schema.required', message: 'needs a playbook', pointer: '' }],
    valid: false,
    updatedAt: clock.now(),
  });

  const created = async (tenant: string, input: Parameters<typeof service.createCase>[1], idempotency?: Parameters<typeof service.createCase>[3]) => {
    const result = await service.createCase(tenant, input, agent, idempotency);
    if (!result.ok || result.replay === true) throw new Error(`could not create a case in ${tenant}`);
    caseIds.push({ tenant, id: result.case.id });
    return result.case.id;
  };
  const send = async (tenant: string, id: string, type: string, data?: Record<string, JsonValue>) => {
    const result = await service.sendEvent(tenant, id, { type, ...(data === undefined ? {} : { data }) }, agent);
    if (!result.ok) throw new Error(`${type} was rejected`);
  };
  const first = await created('default', { caseType: 'complaint', channel: 'email', data: { customer: anna, channel: 'email', description: 'Charged twice <again> & "why"' } });
  clock.advance(30 * 60_000);
  await send('default', first, 'SUBMIT_TRIAGE', { reason: 'billing', severity: 'medium' });
  const withdrawn = await created('default', { caseType: 'complaint', channel: 'phone', data: { customer: { name: 'Pieter Jansen', phone: '020 555 0199' }, channel: 'phone', description: 'Sorted.' } });
  clock.advance(10 * 60_000);
  await send('default', withdrawn, 'WITHDRAW');
  await created('default', { caseType: 'complaint', channel: 'phone', parentId: first, data: { customer: anna, channel: 'phone', description: 'And again.' } }, { key: 'idem-1', method: 'POST', path: '/api/cases', answerOf: failureAnswer });
  await created('acme', { caseType: 'complaint', channel: 'web', data: { customer: { name: 'Zoë', email: 'zoe@example.com' }, channel: 'web', description: 'Emoji 🎉 and NUL-free text' } });
  await created('default', { caseType: 'order-inquiry', channel: 'email', data: {} }).catch(() => undefined);
  await store.saveIdempotency({ tenant: 'default', key: 'idem-2', method: 'POST', path: `/api/cases/${first}/events`, status: 409, body: { code: 'case.conflict' }, createdAt: clock.now() });

  // time passes: the timers due by then fire (some SLA warnings), others stay pending
  clock.advance(4 * 60 * 60_000);
  for (const timer of await store.dueTimers(clock.now(), 100)) await service.fireTimer(timer);
  // a task claimed, a token revoked
  const [task] = (await store.listTasks('default', { caseId: first }, 10, null)).items;
  if (task === undefined) throw new Error('the triaged complaint has no task');
  await store.claimTask('default', task.id, 'agent-anna', clock.now());
  await store.revokeTokens('default', 'ops', clock.now());
  // a migration of the open complaints to version 2 (issue 19): one case migrated, one pending
  const migration = { tenant: 'default', id: 'plan-1', caseType: 'complaint', fromVersion: 1, toVersion: 2, plan: { caseType: 'complaint', from: 1, to: 2 }, status: 'running' as const, startedBy: 'admin', startedAt: clock.now(), finishedAt: null };
  expect(await store.createCaseMigration(migration, [first, withdrawn])).toBe(true);
  await store.markMigrationCases('default', 'plan-1', [{ caseId: withdrawn, status: 'skipped', detail: { reason: 'closed "ü"' }, at: clock.now() }]);

  // contact-reason suggestions (issue 21): one decided, one not
  const suggestion = { tenant: 'default', caseType: 'complaint', field: '/reason', value: 'billing', confidence: 0.823456, trainedOn: 300, trainedAt: clock.now(), suggestedAt: clock.now(), outcome: null, chosen: null, decidedAt: null };
  expect(await store.saveSuggestion({ ...suggestion, caseId: first })).toBe(true);
  expect(await store.saveSuggestion({ ...suggestion, caseId: withdrawn, value: 'delivery', confidence: 1 })).toBe(true);
  expect(await store.recordSuggestionOutcome('default', first, 'service', clock.now())).toBe('corrected');

  // customer feedback (issue 22): a survey mailed and answered, one offered on the status page
  const survey = { tenant: 'default', caseType: 'complaint', version: 1, channel: 'email', queue: null, via: 'mail' as const, sentAt: clock.now(), expiresAt: '2026-02-01T00:00:00.000Z' };
  await store.saveSurvey({ ...survey, caseId: first, tokenHash: 'a'.repeat(64) }, true);
  await store.saveSurvey({ ...survey, caseId: withdrawn, tokenHash: null, via: 'status', channel: null, queue: 'triage "ü"' }, false);
  expect(await store.saveFeedback({ tenant: 'default', caseId: first, caseType: 'complaint', version: 1, channel: 'email', queue: null, score: 4, answeredAt: clock.now() })).toBe(true);

  // push routing (issue 21): an agent, an offer of an open task by the real router, and the task-holder log
  // (the claim above wrote its first line)
  const [waiting] = (await store.listTasks('default', { status: 'open', unassigned: true }, 10, null)).items.filter((t) => t.queue !== null);
  if (waiting?.queue == null) throw new Error('no open task in a queue to offer');
  const queue = waiting.queue;
  await store.saveAgent({ tenant: 'default', name: 'agent-bo "ü"', skills: { billing: 2 }, capacity: { total: 3, perQueue: { [queue]: 2 } }, availability: 'available', queues: [queue], updatedAt: clock.now(), updatedBy: 'admin' });
  const routed = await store.routeTenant('default', [{ caseType: waiting.caseType, queue }], clock.now(), (state) =>
    engine.route({ now: state.now, tasks: state.tasks.map((t) => ({ ...t, skills: [], strategy: 'round-robin' as const, offerTimeoutMs: 120_000 })), agents: state.agents, offers: state.offers }),
  );
  expect(routed.offers.length).toBeGreaterThan(0);

  // documents in the case file (issue 20): one of three chunks, one removed (its row and content kept)
  const documents = createDocumentService({ store, cases: service, clock, logger: silentLogger });
  const statement = Buffer.from('Statement line: one kettle, 49.95 EUR "ü".\n'.repeat(14_000));
  const kept = await documents.add('default', first, { name: 'statement "ü".txt', content: statement, by: agent });
  const gone = await documents.add('default', first, { name: 'receipt.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), by: agent });
  if (!kept.ok || !gone.ok) throw new Error('a document was refused');
  expect((await documents.remove('default', first, gone.value.document.id, agent)).ok).toBe(true);

  // the outbox: one row delivered (its message recorded), one retried, two dead (one error quoting a NUL)
  const outbox = (await store.listOutbox('default', {}, 100, null)).items;
  if (outbox.length < 4) throw new Error(`expected at least 4 outbox rows, got ${outbox.length}`);
  const [delivered, retried, dead, binary] = outbox as [(typeof outbox)[0], (typeof outbox)[0], (typeof outbox)[0], (typeof outbox)[0]];
  await store.markDelivered(delivered.id, clock.now());
  await store.recordMessage({ tenant: 'default', caseId: delivered.caseId, key: delivered.key, to: anna.email, template: 'complaint-received', sentAt: clock.now() });
  await store.markFailed(retried.id, 'HTTP 503 from https://crm.example.com/hooks', clock.advance(60_000));
  await store.markFailed(dead.id, 'HTTP 500', null);
  await store.markFailed(binary.id, 'bad answer: \u0000\u0001', null);
  await store.close();
}

async function pages<T>(read: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = null; ; ) {
    const page: Page<T> = await read(cursor);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
}

/** Everything a store answers about the data built above, read through the CaseStore interface only. */
async function readAll(store: CaseStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {
    tokens: await Promise.all(secrets.map((s) => store.findTokenByHash(hashToken(s)))),
    tokenCount: await store.countTokens(),
    dueTimers: await store.dueTimers(FAR, 1000),
    nextTimerDue: await store.nextTimerDue(),
    dueOutbox: await store.dueOutbox(FAR, 1000),
    nextOutboxDue: await store.nextOutboxDue(),
  };
  for (const tenant of ['default', 'acme', 'nobody']) {
    const types = await store.listCaseTypes(tenant);
    const keys = [...types.map((t) => t.key), 'returns'];
    const ofTenant = caseIds.filter((c) => c.tenant === tenant).map((c) => c.id);
    out[tenant] = {
      types,
      versions: await Promise.all(keys.map((k) => store.listVersions(tenant, k))),
      published: await Promise.all(keys.flatMap((k) => [1, 2].map((v) => store.getCaseType(tenant, k, v)))),
      latest: await Promise.all(keys.map((k) => store.getCaseType(tenant, k))),
      drafts: await Promise.all(keys.map((k) => store.getDraft(tenant, k))),
      cases: await pages((c) => store.listCases(tenant, {}, 2, c)),
      open: await pages((c) => store.listCases(tenant, { status: 'open' }, 2, c)),
      closed: await pages((c) => store.listCases(tenant, { status: 'closed' }, 2, c)),
      byCustomer: await pages((c) => store.casesByCustomerKeys(tenant, [anna.email.toUpperCase(), 'zoe@example.com'], 1, c)),
      // the search index is derived (built by the target from the copied cases): the same cases found
      search: await Promise.all(['anna.devries@example.com', 'charged twice', 'COM-000001', 'again'].map(async (q) =>
        (await store.searchCases(tenant, { words: q.split(' ') }, 50, null)).items.map((h) => h.case.id).sort())),
      each: await Promise.all(
        ofTenant.map(async (id) => ({
          case: await store.getCase(tenant, id),
          located: await store.locateCase(id),
          history: await pages((c) => store.history(tenant, id, 3, c)),
          messages: await store.messages(tenant, id),
        })),
      ),
      openTasks: await pages((c) => store.listTasks(tenant, {}, 2, c)),
      closedTasks: await pages((c) => store.listTasks(tenant, { status: 'closed' }, 2, c)),
      outbox: await pages((c) => store.listOutbox(tenant, {}, 2, c)),
      outboxByStatus: await Promise.all((['pending', 'delivered', 'dead'] as const).map((status) => pages((c) => store.listOutbox(tenant, { status }, 2, c)))),
      idempotency: await Promise.all(['idem-1', 'idem-2', 'idem-3'].map((k) => store.getIdempotency(tenant, k))),
      slas: await store.slaRecords(tenant),
      documents: await Promise.all(
        ofTenant.map(async (id) =>
          Promise.all(
            (await store.listDocuments(tenant, id)).map(async (document) => {
              const hash = createHash('sha256');
              for await (const chunk of store.documentContent(tenant, document.id)) hash.update(chunk);
              return { document, content: hash.digest('hex') };
            }),
          ),
        ),
      ),
      migrations: await store.listCaseMigrations(tenant),
      migrationItems: await pages((c) => store.migrationItems(tenant, 'plan-1', undefined, 1, c)),
      suggestions: await Promise.all(ofTenant.map((id) => store.getSuggestion(tenant, id))),
      suggestionCounts: await store.suggestionCounts(tenant, { caseType: 'complaint' }),
      closedData: await pages((c) => store.closedCaseData(tenant, 'complaint', 1, c)),
      agents: await store.listAgents(tenant),
      offers: await store.offersFor(tenant, 'agent-bo "ü"'),
      taskLog: await Promise.all(ofTenant.map((id) => store.taskLog(tenant, id))),
      surveys: await Promise.all(ofTenant.map((id) => store.getSurvey(tenant, id))),
      feedback: await Promise.all(ofTenant.map((id) => store.getFeedback(tenant, id))),
      feedbackCounts: await store.feedbackCounts(tenant, {}, 'week'),
    };
  }
  return out;
}

/** What the copy writes differently on purpose: U+0000 in outbox.last_error becomes U+FFFD, as the PostgreSQL store writes it. */
function asPostgresWrites(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'lastError' ? value.replaceAll('\u0000', '\uFFFD') : value;
  if (Array.isArray(value)) return value.map((v) => asPostgresWrites(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asPostgresWrites(v, k)]));
  return value;
}

async function readSource(): Promise<Record<string, unknown>> {
  const store = createSqliteStore({ file });
  try {
    return await readAll(store);
  } finally {
    await store.close();
  }
}

async function readTarget(url: string): Promise<Record<string, unknown>> {
  const store = await createPostgresStore({ url });
  try {
    return await readAll(store);
  } finally {
    await store.close();
  }
}

async function sql<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-store-copy-'));
  file = join(dir, 'dossier.db');
  await buildSource(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier store copy: usage and sources it refuses', () => {
  it('exits 2 for bad usage with one line, and prints the help with --help', async () => {
    const cases: [string[], string][] = [
      [[], 'dossier store: name what to do: dossier store copy --from FILE --to postgres://URL. Run dossier store --help.'],
      [['move'], "dossier store: unknown subcommand 'move' (there is: copy). Run dossier store --help."],
      [['copy', '--to', 'postgres://h/db'], 'dossier store: name the SQLite file to copy: --from dossier.db'],
      [['copy', '--from', 'dossier.db'], 'dossier store: name the PostgreSQL database to copy into: --to postgres://user@host:5432/dossier'],
      [['copy', '--from', 'dossier.db', '--to', 'mysql://h/db'], "dossier store: --to must be a PostgreSQL URL (postgres://user:password@host:5432/database), not 'mysql://h/db'"],
      [['copy', '--from', 'dossier.db', '--to', 'other.db'], "dossier store: --to must be a PostgreSQL URL (postgres://user:password@host:5432/database), not 'other.db'"],
      [['copy', '--from'], 'dossier store: --from needs a value, e.g. --from dossier.db'],
      [['copy', '--from', 'a.db', '--to=postgres://h/db', '--fast'], "dossier store: unknown option '--fast'. Run dossier store --help."],
      [['copy', '--from', 'a.db', '--to=postgres://h/db', 'extra'], "dossier store: unexpected argument 'extra'. Run dossier store --help."],
    ];
    for (const [args, message] of cases) {
      const { io, out, err } = captureIo(dir);
      expect(await main(['store', ...args], io), args.join(' ')).toBe(2);
      expect(err).toEqual([message]);
      expect(out).toEqual([]);
    }
    for (const args of [['store', '--help'], ['store', 'copy', '--help'], ['store', 'copy', '--from', 'a.db', '-h']]) {
      const { io, out, err } = captureIo(dir);
      expect(await main(args, io)).toBe(0);
      expect(err).toEqual([]);
      expect(out[0]?.split('\n')[0]).toBe('Usage: dossier store copy --from FILE --to postgres://URL [--force]');
      expect(out[0]).toContain('--force');
    }
  });

  it('exits 1 with one line for a missing file, a file that is not a Dossier database, and one at an older schema', async () => {
    const missing = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'nope.db', '--to', 'postgres://127.0.0.1:1/x'], missing.io)).toBe(1);
    expect(missing.err).toEqual([`dossier store copy: cannot open '${join(dir, 'nope.db')}': no such file`]);

    writeFileSync(join(dir, 'empty.db'), '');
    const empty = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'empty.db', '--to', 'postgres://127.0.0.1:1/x'], empty.io)).toBe(1);
    expect(empty.err).toEqual([`dossier store copy: '${join(dir, 'empty.db')}' is not a Dossier database (no schema_version and cases tables)`]);

    writeFileSync(join(dir, 'text.db'), 'not a database at all, just some text that is long enough to be read as a header');
    const text = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'text.db', '--to', 'postgres://127.0.0.1:1/x'], text.io)).toBe(1);
    expect(text.err).toEqual([`dossier store copy: cannot read '${join(dir, 'text.db')}': file is not a database`]);

    const old = new Database(join(dir, 'old.db'));
    migrateSqlite(old, 3);
    old.close();
    const older = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'old.db', '--to', 'postgres://127.0.0.1:1/x'], older.io)).toBe(1);
    expect(older.err).toEqual([
      `dossier store copy: '${join(dir, 'old.db')}' is at schema version 3, older than this Dossier's ${latestSchemaVersion}: start 'dossier serve --db ${join(dir, 'old.db')}' once (it migrates the file as it starts), stop it, then copy again`,
    ]);
  });

  it('exits 1 with one line, without a stack, when the target cannot be reached', async () => {
    const { io, out, err } = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'dossier.db', '--to', 'postgres://127.0.0.1:1/x'], io)).toBe(1);
    expect(err).toEqual(['dossier store copy: cannot use the database postgres://127.0.0.1:1/x: the database server cannot be reached (ECONNREFUSED)']);
    expect(out).toEqual([]);
  });

  it('lists every table of both schemas', async () => {
    // the copy checks the columns itself; this names the tables, so a new one is a conscious change
    expect(storeTables.map((t) => t.name)).toEqual([
      'tenants', 'tokens', 'partners', 'people', 'mailboxes', 'case_secrets', 'case_types', 'drafts', 'cases', 'case_reference_counters', 'history', 'slas', 'timers', 'tasks', 'outbox', 'idempotency', 'messages', 'case_customer_keys',
      'stage_current', 'stage_visits', 'transitions', 'case_migrations', 'case_migration_items', 'documents', 'document_chunks', 'reason_suggestions',
      'agents', 'task_offers', 'task_log', 'feedback_surveys', 'feedback',
    ]);
  });
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'dossier store copy into PostgreSQL' : `dossier store copy into PostgreSQL (skipped: ${skipNote})`, () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  async function database(): Promise<string> {
    const db = await scratchDatabase();
    drops.push(() => db.drop());
    return db.url;
  }

  it('copies every table, verified, and the target answers every CaseStore question as the source does', async () => {
    const url = await database();
    const { io, out, err } = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'dossier.db', '--to', url], io)).toBe(0);
    // progress lines (a copy that runs over a second, as on a loaded machine) come before the summary
    const summaryLines = err.filter((line) => !/^dossier store copy: (copying|verifying) /.test(line));
    expect(summaryLines).toHaveLength(1);
    expect(summaryLines[0]).toMatch(new RegExp(`^dossier store copy: copied \\d+ rows in ${storeTables.length} tables from dossier\\.db to ${url.replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&')} in \\d+\\.\\d s; verified$`));
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^table\s+rows\s+sha256\s+checksum$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(storeTables.map((t) => t.name));
    for (const line of lines.slice(1)) expect(line).toMatch(/ ok$/);

    // every table holds rows (the source exercises them all), and the counts match the source's
    const source = new Database(file, { readonly: true });
    for (const spec of storeTables) {
      const n = (source.prepare(`SELECT COUNT(*) AS n FROM ${spec.name}`).get() as { n: number }).n;
      expect(n, spec.name).toBeGreaterThan(0);
      expect(lines.find((l) => l.startsWith(`${spec.name} `))).toMatch(new RegExp(`^${spec.name}\\s+${n}\\s`));
    }
    const maxIds = source.prepare('SELECT (SELECT MAX(id) FROM timers) AS timers, (SELECT MAX(id) FROM outbox) AS outbox').get() as { timers: number; outbox: number };
    const fired = (source.prepare('SELECT COUNT(*) AS n FROM timers WHERE fired_at IS NOT NULL').get() as { n: number }).n;
    const statuses = source.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status ORDER BY status').all();
    source.close();
    expect(fired).toBeGreaterThan(0);
    expect(statuses.map((s) => (s as { status: string }).status)).toEqual(['dead', 'delivered', 'pending']);
    // the versions' publisher and note, set on one version and null on the others (the templates'), are copied as stored
    const versionMeta = await sql<{ version: number; published_by: string | null; note: string | null }>(
      url,
      "SELECT version, published_by, note FROM case_types WHERE tenant = 'default' AND key = 'complaint' ORDER BY version",
    );
    expect(versionMeta).toEqual([
      { version: 1, published_by: null, note: null },
      { version: 2, published_by: 'admin', note: 'Second version: "ü" \\ \u2028 and a new line\nhere' },
    ]);

    const expected = asPostgresWrites(await readSource()) as Record<string, unknown>;
    const actual = await readTarget(url);
    expect(actual).toEqual(expected);
    // what was compared is not empty: open and closed cases with their histories, in both tenants
    const ofDefault = expected.default as { cases: unknown[]; open: unknown[]; closed: unknown[]; each: { history: unknown[] }[] };
    expect([ofDefault.cases.length, ofDefault.open.length, ofDefault.closed.length]).toEqual([caseIds.filter((c) => c.tenant === 'default').length, ofDefault.cases.length - 1, 1]);
    expect(ofDefault.each.reduce((n, c) => n + c.history.length, 0)).toBeGreaterThan(ofDefault.cases.length);
    expect((expected.acme as { cases: unknown[] }).cases).toHaveLength(1);
    // the revoked token stays revoked; the others sign in
    expect((actual.tokens as unknown[]).map((t) => t !== null)).toEqual([true, false, true, true]);
    expect((actual.dueTimers as unknown[]).length).toBeGreaterThan(0);

    // identities kept, and their sequences moved past the largest copied id
    const sequences = await sql<{ timers: string; outbox: string }>(
      url,
      "SELECT nextval(pg_get_serial_sequence('timers', 'id'))::text AS timers, nextval(pg_get_serial_sequence('outbox', 'id'))::text AS outbox",
    );
    expect(sequences).toEqual([{ timers: String(maxIds.timers + 1), outbox: String(maxIds.outbox + 1) }]);
    // the triggers the copy turned off while writing (history's, which keeps the stage tables) are on again
    expect(await sql(url, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")).toEqual([]);
    const claimed = await sql<{ n: number }>(url, 'SELECT (SELECT COUNT(*) FROM timers WHERE claimed_until IS NOT NULL) + (SELECT COUNT(*) FROM outbox WHERE claimed_until IS NOT NULL) AS n');
    expect(Number(claimed[0]?.n)).toBe(0);

    // and the runtime goes on where the SQLite one stopped: a new case gets new timer and outbox ids
    const store = await createPostgresStore({ url });
    try {
      const service = createCaseService({ store, engine, clock: createManualClock('2026-01-06T09:00:00.000Z'), logger: silentLogger });
      const result = await service.createCase('default', { caseType: 'complaint', channel: 'email', data: { customer: anna, channel: 'email', description: 'After the move.' } }, agent);
      expect(result.ok).toBe(true);
      const rows = (await store.listOutbox('default', {}, 1000, null)).items;
      expect(rows.at(-1)?.id).toBeGreaterThan(maxIds.outbox);
    } finally {
      await store.close();
    }
  });

  it('refuses a target that holds data, leaves it as it was, and replaces it with --force', async () => {
    const url = await database();
    // a target on which `dossier serve` already ran: templates seeded, an admin token issued
    const existing = await createPostgresStore({ url });
    await seedTemplates(existing, TEMPLATES, START, silentLogger);
    const stranger = await issueToken(existing, { tenant: 'default', name: 'admin', roles: ['admin'] }, START);
    await existing.close();

    const refused = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'dossier.db', '--to', url], refused.io)).toBe(1);
    expect(refused.err).toEqual([
      `dossier store copy: the database ${url} already holds Dossier data (rows in tenants, tokens, case_types); copy into an empty database, or add --force to replace what it holds`,
    ]);
    expect(refused.out).toEqual([]);
    const before = await createPostgresStore({ url });
    expect(await before.findTokenByHash(hashToken(stranger.secret))).not.toBeNull();
    expect(await before.countTokens()).toBe(1);
    await before.close();

    const forced = captureIo(dir);
    expect(await main(['store', 'copy', '--from', join(dir, 'dossier.db'), '--to', url, '--force'], forced.io)).toBe(0);
    expect(forced.err.at(-1)).toMatch(/; verified$/);
    const actual = await readTarget(url);
    expect(actual).toEqual(asPostgresWrites(await readSource()));
    const after = await createPostgresStore({ url });
    expect(await after.findTokenByHash(hashToken(stranger.secret))).toBeNull();
    await after.close();

    // --force again over its own copy: the same result
    const again = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'dossier.db', '--to', url, '--force'], again.io)).toBe(0);
    expect(await readTarget(url)).toEqual(actual);
  });

  it('copies in batches with progress, and verifyCopy finds a corrupted, a missing and an extra row', async () => {
    const url = await database();
    const progress: string[] = [];
    const result = await copyStore({ from: file, to: url, batchSize: 2, onProgress: (p) => progress.push(`${p.phase} ${p.table} ${p.done}/${p.total}`) });
    expect(result.ok).toBe(true);
    expect(result.committed).toBe(true);
    expect(result.tables.every((t) => t.ok && t.sourceRows === t.targetRows && t.sourceChecksum === t.targetChecksum)).toBe(true);
    const history = result.tables.find((t) => t.table === 'history');
    expect(history?.sourceRows).toBeGreaterThan(4);
    expect(progress).toContain('copy history 2/' + String(history?.sourceRows));
    expect(progress).toContain('copy history 4/' + String(history?.sourceRows));
    expect(progress).toContain(`verify history ${history?.sourceRows}/${history?.sourceRows}`);
    expect(await readTarget(url)).toEqual(asPostgresWrites(await readSource()));

    const clean = await verifyCopy({ from: file, to: url });
    expect(clean.ok).toBe(true);
    expect(clean.tables.map((t) => t.sourceChecksum)).toEqual(result.tables.map((t) => t.sourceChecksum));

    // one value changed in one history entry (the same length, the same count)
    const [victim] = await sql<{ case_id: string; seq: number }>(url, 'SELECT case_id, seq FROM history ORDER BY case_id, seq OFFSET 1 LIMIT 1');
    if (victim === undefined) throw new Error('no history row');
    await sql(url, "UPDATE history SET actor = 'agent-anne' WHERE case_id = $1 AND seq = $2", [victim.case_id, victim.seq]);
    const corrupted = await verifyCopy({ from: file, to: url });
    expect(corrupted.ok).toBe(false);
    expect(corrupted.tables.filter((t) => !t.ok).map((t) => t.table)).toEqual(['history']);
    const bad = corrupted.tables.find((t) => t.table === 'history');
    expect(bad?.sourceRows).toBe(bad?.targetRows);
    expect(bad?.sourceChecksum).not.toBe(bad?.targetChecksum);
    expect(bad?.firstDifference).toBe(`case_id=${JSON.stringify(victim.case_id)}, seq=${victim.seq} differs`);

    // a version's note changed (the checksum covers the publisher and the note too)
    await sql(url, "UPDATE case_types SET note = 'edited afterwards' WHERE tenant = 'default' AND key = 'complaint' AND version = 2");
    const noted = await verifyCopy({ from: file, to: url });
    expect(noted.tables.filter((t) => !t.ok).map((t) => [t.table, t.firstDifference])).toEqual([
      ['case_types', 'tenant="default", key="complaint", version=2 differs'],
      ['history', bad?.firstDifference],
    ]);

    // a row gone from one table, an extra one in another
    const [message] = await sql<{ key: string }>(url, 'DELETE FROM messages RETURNING key');
    await sql(url, "INSERT INTO tenants (id, created_at) VALUES ('zzz-extra', '2026-01-01T00:00:00.000Z')");
    const gaps = await verifyCopy({ from: file, to: url });
    expect(gaps.tables.filter((t) => !t.ok).map((t) => [t.table, t.sourceRows, t.targetRows, t.firstDifference])).toEqual([
      ['tenants', 2, 3, 'id="zzz-extra" is in the target only'],
      ['case_types', noted.tables.find((t) => t.table === 'case_types')?.sourceRows, noted.tables.find((t) => t.table === 'case_types')?.targetRows, 'tenant="default", key="complaint", version=2 differs'],
      ['history', bad?.sourceRows, bad?.targetRows, bad?.firstDifference],
      ['messages', 1, 0, `key=${JSON.stringify(message?.key)} is missing in the target`],
    ]);
  });

  it('stops with one line, committing nothing, at a value PostgreSQL cannot hold', async () => {
    const nul = join(dir, 'nul.db');
    const store = createSqliteStore({ file: nul });
    await store.ensureTenant('default', START);
    await store.ensureTenant('bad\u0000tenant', START);
    await store.close();
    const url = await database();
    const { io, out, err } = captureIo(dir);
    expect(await main(['store', 'copy', '--from', 'nul.db', '--to', url], io)).toBe(1);
    expect(err).toEqual(['dossier store copy: table tenants, row id="bad\\u0000tenant": column id holds the character U+0000, which PostgreSQL text cannot; nothing was copied']);
    expect(out).toEqual([]);
    expect(await sql(url, 'SELECT id FROM tenants')).toEqual([]);
  });
});
