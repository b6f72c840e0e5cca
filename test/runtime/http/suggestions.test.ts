// Contact-reason suggestions over HTTP (issue 21, docs/reason-suggestion.md): the suggestion comes with
// GET /api/cases/:id, the agent's choice is recorded when the reason is first set, and
// GET /api/reports/suggestions reports it; bad input is a clear problem, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { reasonCorpus } from '../../../bench/lib/reason-corpus.ts';
import { feedbackCaseType } from '../../reason-case-type.ts';
import { createHarness, START, type Harness } from './harness.ts';

describe('reason suggestions over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.store.publish('default', 'feedback', feedbackCaseType({ suggest: { field: '/reason', from: ['/subject', '/description'] } }) as unknown as CaseType, START);
    await h.store.publish('default', 'plain', feedbackCaseType({ key: 'plain' }) as unknown as CaseType, START);
    const actor = { id: 'seed', roles: ['agent'] };
    for (const c of reasonCorpus({ size: 120, seed: 5 })) {
      const made = await h.service.createCase('default', { caseType: 'feedback', data: { subject: c.subject, description: c.description, reason: c.reason } }, actor);
      if (!made.ok || made.replay === true) throw new Error('not created');
      await h.service.sendEvent('default', made.case.id, { type: 'CLOSE' }, actor);
    }
    h.clock.advance(60_000);
  }, 60_000);
  afterAll(async () => h.close());

  it('gives the suggestion with the case, records the agent taking it, and reports it', async () => {
    const created = await h.call('POST', '/api/cases', h.tokens.agent, { caseType: 'feedback', data: { subject: 'Pakket kwijt', description: 'De bezorger heeft mijn pakket bij de verkeerde buren afgeleverd.' } });
    expect(created.status).toBe(201);
    const got = await h.call('GET', `/api/cases/${created.body.id as string}`, h.tokens.agent);
    expect(got.status).toBe(200);
    expect(got.body.suggestion).toMatchObject({ field: '/reason', value: 'delivery', trainedOn: 120, outcome: null, chosen: null });
    expect(got.body.suggestion.confidence).toBeGreaterThan(0.5);
    expect(got.body.data.reason).toBeUndefined();

    const sent = await h.call('POST', `/api/cases/${created.body.id as string}/events`, h.tokens.agent, { type: 'TRIAGE', data: { reason: 'delivery' } });
    expect(sent.status).toBe(200);
    expect((await h.call('GET', `/api/cases/${created.body.id as string}`, h.tokens.agent)).body.suggestion).toMatchObject({ outcome: 'accepted', chosen: 'delivery' });

    const report = await h.call('GET', '/api/reports/suggestions?caseType=feedback', h.tokens.agent);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ caseType: 'feedback', field: '/reason', suggested: 1, accepted: 1, corrected: 0, undecided: 0, accuracy: 1 });
    expect(report.body.model.trainedOn).toBe(120);
    expect(report.body.items).toEqual([{ value: 'delivery', suggested: 1, accepted: 1, corrected: 0, accuracy: 1 }]);
  });

  it('a case of a type without the setting has no suggestion', async () => {
    const created = await h.call('POST', '/api/cases', h.tokens.agent, { caseType: 'plain', data: { subject: 'Charged twice', description: 'Two debits.' } });
    expect((await h.call('GET', `/api/cases/${created.body.id as string}`, h.tokens.agent)).body.suggestion).toBeNull();
  });

  it('refuses a report without a case type, of an unknown one, of one that suggests nothing, or with a bad window', async () => {
    const missing = await h.call('GET', '/api/reports/suggestions', h.tokens.agent);
    expect(missing).toMatchObject({ status: 422, body: { code: 'report.invalid', problems: [{ pointer: '/caseType' }] } });
    expect(missing.body.detail).toContain('caseType is required');
    expect(await h.call('GET', '/api/reports/suggestions?caseType=nope', h.tokens.agent)).toMatchObject({ status: 404, body: { code: 'case_type.not_found' } });
    const plain = await h.call('GET', '/api/reports/suggestions?caseType=plain', h.tokens.agent);
    expect(plain).toMatchObject({ status: 422, body: { code: 'suggest.not_configured' } });
    expect(plain.body.detail).toContain("'plain' suggests no reason");
    expect(await h.call('GET', '/api/reports/suggestions?caseType=feedback&from=yesterday', h.tokens.agent)).toMatchObject({ status: 422, body: { code: 'report.invalid', problems: [{ pointer: '/from' }] } });
    expect((await h.call('GET', `/api/reports/suggestions?caseType=${'x'.repeat(10_000)}`, h.tokens.agent)).status).toBe(404);
    expect((await h.call('GET', '/api/reports/suggestions?caseType=feedback', null)).status).toBe(401);
    // another tenant does not see this tenant's case type
    expect((await h.call('GET', '/api/reports/suggestions?caseType=feedback', h.tokens.acmeAgent)).status).toBe(404);
  });

  it('the shipped complaint template suggests its reason', async () => {
    const report = await h.call('GET', '/api/reports/suggestions?caseType=complaint', h.tokens.agent);
    expect(report).toMatchObject({ status: 200, body: { caseType: 'complaint', field: '/reason', suggested: 0, accuracy: null, items: [] } });
  });
});
