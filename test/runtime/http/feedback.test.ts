// Customer feedback (issue 22, docs/feedback.md), on SQLite and PostgreSQL: closing a case mails its
// customer a survey link through a real SMTP server on loopback (once per case); the public survey page
// shows the question and takes one answer (second: 409; wrong token: 404; expired: 410; bad score: 422),
// which lands in the case's history as feedback.received by the customer and in the feedback report;
// the status page offers the same survey; the survey routes are rate-limited like the public form.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { createRuntime, type Runtime } from '../../../runtime/compose/create-runtime.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { feedbackType } from '../../feedback-case-type.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { tempDb } from '../scheduler/fixtures.ts';
import { startSmtpListener, type SmtpListener } from '../mail/smtp-listener.ts';

const START = '2026-01-05T09:00:00.000Z';
const DAY = 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads JSON bodies field by field
type Json = any;

interface Harness {
  runtime: Runtime;
  store: CaseStore;
  clock: ManualClock;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>, as?: 'admin' | 'acme' | null): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

async function harness(store: CaseStore, smtpUrl: string, dispose: () => Promise<void>): Promise<Harness> {
  const clock = createManualClock(START);
  const runtime = createRuntime({ store, engine, clock, logger: silentLogger, mail: { smtpUrl, from: 'Service <service@shop.example>', publicUrl: 'https://help.shop.example/' } });
  const tokens = {
    admin: (await issueToken(store, { tenant: 'default', name: 'admin', roles: ['admin'] }, START)).secret,
    acme: (await issueToken(store, { tenant: 'acme', name: 'acme-admin', roles: ['admin'] }, START)).secret,
  };
  const call: Harness['call'] = async (method, path, body, headers = {}, as = 'admin') => {
    const res = await runtime.app.request(path, {
      method,
      headers: { ...(as === null ? {} : { authorization: `Bearer ${tokens[as]}` }), 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    runtime,
    store,
    clock,
    call,
    async close() {
      await runtime.stop();
      await store.close();
      await dispose();
    },
  };
}

const stores: { name: string; skip: string | null; open(smtpUrl: string): Promise<Harness> }[] = [
  {
    name: 'SQLite',
    skip: null,
    async open(smtpUrl) {
      const db = tempDb();
      return harness(createSqliteStore({ file: db.file }), smtpUrl, async () => db.dispose());
    },
  },
  {
    name: 'PostgreSQL',
    skip: unavailable === null ? null : skipNote,
    async open(smtpUrl) {
      const db = await scratchDatabase();
      return harness(await createPostgresStore({ url: db.url }), smtpUrl, () => db.drop());
    },
  },
];

let smtp: SmtpListener | null = null;
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await smtp?.close();
  smtp = null;
});

async function publish(w: Harness): Promise<void> {
  const put = await w.call('PUT', `/api/case-types/${feedbackType.key}/draft`, feedbackType);
  expect(put.body.problems?.filter((p: Json) => p.severity === 'error') ?? []).toEqual([]);
  expect((await w.call('POST', `/api/case-types/${feedbackType.key}/publish`)).status).toBe(201);
}

/** A case opened and resolved; its survey mail delivered; the link's token from the mail. */
async function closedWithMail(w: Harness, listener: SmtpListener, customer: { name: string; email: string; language?: string }): Promise<{ id: string; reference: string; token: string; text: string }> {
  const created = await w.call('POST', '/api/cases', { caseType: feedbackType.key, data: { customer, subject: 'Broken kettle' }, channel: 'email' });
  expect(created.status).toBe(201);
  const { id, reference } = created.body as { id: string; reference: string };
  expect((await w.call('POST', `/api/cases/${id}/events`, { type: 'RESOLVE' })).status).toBe(200);
  const before = listener.received.length;
  expect(await w.runtime.dispatcher.runDue()).toBe(1);
  expect(listener.received).toHaveLength(before + 1);
  const text = listener.received.at(-1)!.mail.text ?? '';
  const token = /https:\/\/help\.shop\.example\/survey\/default#([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (token === undefined) throw new Error(`no survey link in: ${text}`);
  return { id, reference, token, text };
}

const survey = (w: Harness, token: string, headers: Record<string, string> = {}) => w.call('GET', '/api/public/default/survey', undefined, { 'x-survey-token': token, ...headers }, null);
const answer = (w: Harness, token: string, body: unknown) => w.call('POST', '/api/public/default/survey', body, { 'x-survey-token': token }, null);

for (const kind of stores) {
  describe.skipIf(kind.skip !== null)(`customer feedback on ${kind.name}`, () => {
    beforeAll(() => {
      if (kind.skip !== null) console.warn(kind.skip);
    });

    it('mails the survey link when the case closes, takes one answer, records it in the history and the report', async () => {
      smtp = await startSmtpListener();
      h = await kind.open(smtp.url);
      await publish(h);
      const { id, reference, token, text } = await closedWithMail(h, smtp, { name: 'Anna de Vries', email: 'anna@customer.example', language: 'nl' });
      // the Dutch message, to the customer, with the link; the case's message row says sent
      expect(smtp.received.at(-1)!.envelopeTo).toEqual(['anna@customer.example']);
      expect(smtp.received.at(-1)!.mail.subject).toBe(`[${reference}] Hoe hebben we het gedaan?`);
      expect(text).toBe(`Beste Anna de Vries,\n\nUw verzoek ${reference} is afgerond. Laat ons weten hoe het ging: https://help.shop.example/survey/default#${token}\n`);
      expect((await h.call('GET', `/api/cases/${id}`)).body.messages.map((m: Json) => [m.template, m.status])).toEqual([['survey', 'sent']]);

      // the survey page: the question in the customer's language, the scale, the comment box
      const shown = await survey(h, token);
      expect([shown.status, shown.body]).toEqual([
        200,
        {
          title: 'Ask us anything', reference, question: 'Hoe tevreden bent u over de afhandeling van uw verzoek?',
          scale: { min: 1, max: 5, low: 'Zeer ontevreden', high: 'Zeer tevreden' }, comment: { label: 'Wilt u nog iets kwijt?' },
          language: 'nl', expiresAt: '2026-01-19T09:00:00.000Z', answered: false,
        },
      ]);

      // a wrong token: 404 in words; a score off the scale and an unknown part: 422 naming them
      const wrong = await survey(h, 'x'.repeat(24));
      expect([wrong.status, wrong.body.code, wrong.body.detail]).toEqual([404, 'survey.not_found', 'There is no such survey. Check the link you were given.']);
      const bad = await answer(h, token, { score: 9, mood: 'fine' });
      expect([bad.status, bad.body.code, bad.body.problems]).toEqual([
        422,
        'survey.invalid',
        [{ pointer: '/mood', message: '/mood is not part of an answer: send only score and comment' }, { pointer: '/score', message: '/score must be a whole number from 1 to 5' }],
      ]);

      h.clock.advance(60_000);
      const given = await answer(h, token, { score: 4, comment: '  Quick and kind  ' });
      expect([given.status, given.body]).toEqual([201, { score: 4, comment: 'Quick and kind' }]);
      // once: a second answer is a 409 in words, and the page says it was answered
      const again = await answer(h, token, { score: 1 });
      expect([again.status, again.body.code, again.body.detail]).toEqual([409, 'survey.answered', 'You have answered this survey already. Thank you for your feedback.']);
      expect((await survey(h, token)).body.answered).toBe(true);

      // the case's history: feedback.received by the customer, nothing else changed
      const history = (await h.call('GET', `/api/cases/${id}/history`)).body.items as Json[];
      const last = history.at(-1);
      expect([last.actor, last.event, last.at, last.from, last.to, last.patch]).toEqual(['customer', { type: 'feedback.received', data: { score: 4, comment: 'Quick and kind' } }, '2026-01-05T09:01:00.000Z', 'resolved', 'resolved', []]);

      // the report: one survey, one answer
      const report = await h.call('GET', `/api/reports/feedback?caseType=${feedbackType.key}&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`);
      expect([report.status, report.body]).toEqual([
        200,
        {
          surveys: 1, responses: 1, responseRate: 1, averageScore: 4, scale: { min: 1, max: 5 },
          distribution: [{ score: 1, count: 0 }, { score: 2, count: 0 }, { score: 3, count: 0 }, { score: 4, count: 1 }, { score: 5, count: 0 }],
          trend: { bucket: 'day', items: [{ start: '2026-01-05T00:00:00.000Z', responses: 1, averageScore: 4 }] },
        },
      ]);
      // another tenant's admin sees none of it; a version that is not published is a 422 naming /version
      const acme = await h.call('GET', '/api/reports/feedback', undefined, {}, 'acme');
      expect([acme.status, acme.body.surveys, acme.body.responses, acme.body.distribution]).toEqual([200, 0, 0, []]);
      const unpublished = await h.call('GET', `/api/reports/feedback?caseType=${feedbackType.key}&version=7`);
      expect([unpublished.status, unpublished.body.code, unpublished.body.problems[0].pointer]).toEqual([422, 'report.invalid', '/version']);
      // another tenant cannot use the link either
      const elsewhere = await h.call('GET', '/api/public/acme/survey', undefined, { 'x-survey-token': token }, null);
      expect(elsewhere.status).toBe(404);
    });

    it("writes the report's row in the commit of the answer's history entry: both or neither, never half", async () => {
      smtp = await startSmtpListener();
      h = await kind.open(smtp.url);
      await publish(h);
      const { id } = await closedWithMail(h, smtp, { name: 'Bo Jansen', email: 'bo@customer.example' });
      const store = h.store;
      expect(await store.getFeedback('default', id)).toBeNull();
      // the entry alone, committed as the survey page commits it (no other write): the row comes with it
      const definition = feedbackType as { feedback: NonNullable<Parameters<typeof engine.recordFeedback>[0]> };
      h.clock.advance(30_000);
      const done = await h.runtime.services.cases.applyStep('default', id, (current, now) => engine.recordFeedback(definition.feedback, current, { score: 2 }, now), { id: 'customer', roles: [] });
      expect('outcome' in done && done.outcome.ok).toBe(true);
      expect(await store.getFeedback('default', id)).toEqual({
        tenant: 'default', caseId: id, caseType: feedbackType.key, version: 1, channel: 'email', queue: null, score: 2, answeredAt: '2026-01-05T09:00:30.000Z',
      });
      // a second entry (two hosts answering at the very same moment) adds no second row: the report counts one
      await h.runtime.services.cases.applyStep('default', id, (current, now) => engine.recordFeedback(definition.feedback, current, { score: 5 }, now), { id: 'customer', roles: [] });
      expect((await store.getFeedback('default', id))?.score).toBe(2);
      const report = await h.call('GET', `/api/reports/feedback?caseType=${feedbackType.key}`);
      expect([report.body.responses, report.body.averageScore]).toEqual([1, 2]);
    });

    it('refuses an expired link with 410, and reports surveys sent and answers by week', async () => {
      smtp = await startSmtpListener();
      h = await kind.open(smtp.url);
      await publish(h);
      const first = await closedWithMail(h, smtp, { name: 'Bob', email: 'bob@customer.example' });
      const second = await closedWithMail(h, smtp, { name: 'Cleo', email: 'cleo@customer.example' });
      // English for a customer without a language
      expect((await survey(h, first.token)).body.question).toBe('How satisfied are you with how we handled your request?');
      expect((await answer(h, second.token, { score: 2 })).status).toBe(201);
      h.clock.advance(14 * DAY);
      const late = await survey(h, first.token);
      expect([late.status, late.body.code, late.body.detail]).toEqual([410, 'survey.expired', 'This survey link has expired. Thank you all the same.']);
      expect((await answer(h, first.token, { score: 5 })).status).toBe(410);
      const report = await h.call('GET', '/api/reports/feedback?bucket=week&channel=email&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z');
      expect([report.body.surveys, report.body.responses, report.body.responseRate, report.body.averageScore, report.body.trend]).toEqual([
        2, 1, 0.5, 2,
        { bucket: 'week', items: [{ start: '2026-01-05T00:00:00.000Z', responses: 1, averageScore: 2 }] },
      ]);
      expect((await h.call('GET', '/api/reports/feedback?channel=web')).body.surveys).toBe(0);

      // a customer without an address: the survey mail is dead at once, and no survey is counted as sent
      const nobody = await h.call('POST', '/api/cases', { caseType: feedbackType.key, data: { customer: { name: 'Nobody' }, subject: 'Call me' }, channel: 'phone' });
      expect((await h.call('POST', `/api/cases/${nobody.body.id as string}/events`, { type: 'RESOLVE' })).status).toBe(200);
      await h.runtime.dispatcher.runDue();
      const [message] = (await h.call('GET', `/api/cases/${nobody.body.id as string}`)).body.messages;
      expect([message.status, message.lastError]).toEqual(['dead', 'the case has no customer e-mail address']);
      expect((await h.call('GET', '/api/reports/feedback?channel=phone')).body.surveys).toBe(0);
    });

    it('offers the survey on the status page of a closed case, once, and rate-limits the survey routes', async () => {
      smtp = await startSmtpListener();
      h = await kind.open(smtp.url);
      await publish(h);
      const receipt = await h.call('POST', `/api/public/default/forms/${feedbackType.key}`, { customer: { name: 'Dirk', email: 'dirk@customer.example' }, subject: 'Refund' }, {}, null);
      expect(receipt.status).toBe(201);
      const { reference, secret } = receipt.body as { reference: string; secret: string };
      const code = { 'x-case-code': secret };
      // open: no survey yet
      const early = await h.call('GET', `/api/public/default/cases/${reference}/feedback`, undefined, code, null);
      expect([early.status, early.body.code]).toEqual([404, 'survey.not_found']);
      const listed = (await h.call('GET', `/api/cases?caseType=${feedbackType.key}`)).body.items as Json[];
      const id = listed.find((c) => c.reference === reference).id as string;
      expect((await h.call('POST', `/api/cases/${id}/events`, { type: 'RESOLVE' })).status).toBe(200);
      const offered = await h.call('GET', `/api/public/default/cases/${reference}/feedback`, undefined, code, null);
      expect([offered.status, offered.body.question, offered.body.answered]).toEqual([200, 'How satisfied are you with how we handled your request?', false]);
      // a wrong code is the status page's own 404
      expect((await h.call('GET', `/api/public/default/cases/${reference}/feedback`, undefined, { 'x-case-code': 'nope' }, null)).status).toBe(404);
      expect((await h.call('POST', `/api/public/default/cases/${reference}/feedback`, { score: 5 }, code, null)).status).toBe(201);
      const twice = await h.call('POST', `/api/public/default/cases/${reference}/feedback`, { score: 5 }, code, null);
      expect([twice.status, twice.body.code]).toEqual([409, 'survey.answered']);

      // another closed case whose survey ran out: GET answers 410 survey.expired, as POST does
      const other = await h.call('POST', `/api/public/default/forms/${feedbackType.key}`, { customer: { name: 'Eva', email: 'eva@customer.example' }, subject: 'Late' }, {}, null);
      const otherCode = { 'x-case-code': (other.body as { secret: string }).secret };
      const otherRef = (other.body as { reference: string }).reference;
      const otherId = ((await h.call('GET', `/api/cases?caseType=${feedbackType.key}`)).body.items as Json[]).find((c) => c.reference === otherRef).id as string;
      expect((await h.call('POST', `/api/cases/${otherId}/events`, { type: 'RESOLVE' })).status).toBe(200);
      expect((await h.call('GET', `/api/public/default/cases/${otherRef}/feedback`, undefined, otherCode, null)).status).toBe(200);
      h.clock.advance(14 * DAY);
      const lateGet = await h.call('GET', `/api/public/default/cases/${otherRef}/feedback`, undefined, otherCode, null);
      expect([lateGet.status, lateGet.body.code]).toEqual([410, 'survey.expired']);
      const latePost = await h.call('POST', `/api/public/default/cases/${otherRef}/feedback`, { score: 5 }, otherCode, null);
      expect([latePost.status, latePost.body.code]).toEqual([410, 'survey.expired']);

      // the survey routes share the public routes' budget: 10 posts a minute per address (three used above, and two forms)
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) statuses.push((await answer(h, 'y'.repeat(24), { score: 3 })).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429, 429]);
    });
  });
}
