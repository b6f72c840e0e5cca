// The channel on every case over HTTP: POST /api/cases records the one given (an agent logging a phone
// call or a letter) or `api`; another value is refused naming the six; the case, the list and its filter show it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.ts';

const data = { customer: { name: 'Anna de Vries', email: 'anna@example.com' }, channel: 'email', description: 'Charged twice.' };

describe('the channel of a case over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('records the channel given, or api, and filters the case list by it', async () => {
    const phone = await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data, channel: 'phone' });
    const letter = await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data, channel: 'letter' });
    const api = await h.call('POST', '/api/cases', h.tokens.service, { caseType: 'complaint', data });
    const nulled = await h.call('POST', '/api/cases', h.tokens.service, { caseType: 'complaint', data, channel: null });
    expect([phone.status, phone.body.channel, letter.body.channel, api.body.channel, nulled.body.channel]).toEqual([201, 'phone', 'letter', 'api', 'api']);
    expect((await h.call('GET', `/api/cases/${phone.body.id}`, h.tokens.agent)).body.channel).toBe('phone');
    const list = async (query: string) => (await h.call('GET', `/api/cases${query}`, h.tokens.agent)).body.items.map((c: { id: string; channel: string }) => [c.id, c.channel]);
    expect(await list('?channel=phone')).toEqual([[phone.body.id, 'phone']]);
    // created at the same instant: newest first is by id then, so compared as a set
    expect((await list('?channel=api')).sort()).toEqual(
      [
        [nulled.body.id, 'api'],
        [api.body.id, 'api'],
      ].sort(),
    );
    expect(await list('?channel=chat')).toEqual([]);
  });

  it('refuses a channel that is none of the six, saying which are', async () => {
    const fax = await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data, channel: 'fax' });
    expect([fax.status, fax.body.code]).toEqual([400, 'request.invalid']);
    expect(fax.body.detail).toBe('The CreateCaseRequest body is not valid: /channel must be one of "email", "web", "phone", "letter", "chat", "api", null.');
    expect(fax.body.problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/channel']);
    const filter = await h.call('GET', '/api/cases?channel=fax', h.tokens.agent);
    expect([filter.status, filter.body.code, filter.body.detail]).toEqual([400, 'request.invalid', "channel must be email, web, phone, letter, chat or api; got 'fax'."]);
    expect((await h.call('GET', '/api/cases', h.tokens.agent)).body.items).toEqual([]);
  });
});
