// Case types, drafts, validation, publishing, tokens, health, OpenAPI and the root page over HTTP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../runtime/http/request-schemas.ts';
import { createHarness, START, TEMPLATES, type Harness } from './harness.ts';

const complaint = JSON.parse(readFileSync(join(TEMPLATES, 'complaint.case.json'), 'utf8')) as { key: string; title: string; [k: string]: unknown };

describe('case types over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('lists the seeded templates and serves definitions and versions to any role', async () => {
    const list = await h.call('GET', '/api/case-types', h.tokens.bare);
    expect(list.status).toBe(200);
    expect(list.body.items.find((t: { key: string }) => t.key === 'complaint')).toEqual({
      key: 'complaint', title: 'Customer complaint', latestVersion: 1, publishedAt: START, draft: null,
    });
    const def = await h.call('GET', '/api/case-types/complaint', h.tokens.agent);
    expect(def.body).toEqual({ ...complaint, version: 1 });
    const versions = await h.call('GET', '/api/case-types/complaint/versions', h.tokens.agent);
    // the first start's templates have no publisher and no note
    expect(versions.body).toEqual({ items: [{ version: 1, publishedAt: START, publishedBy: null, note: null }], nextCursor: null });
    expect((await h.call('GET', '/api/case-types/complaint/versions/1', h.tokens.agent)).body).toEqual({ ...complaint, version: 1 });
    for (const path of ['/api/case-types/nope', '/api/case-types/nope/versions', '/api/case-types/complaint/versions/9', '/api/case-types/complaint/versions/x']) {
      const res = await h.call('GET', path, h.tokens.agent);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'case_type.not_found']);
    }
  });

  it('records who published each version (the token name) and the optional note', async () => {
    await h.call('PUT', '/api/case-types/complaint/draft', h.tokens.analyst, { ...complaint, title: 'Complaint, revised' });
    // a note in the body, trimmed
    h.clock.advance(60_000);
    const withNote = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, { note: '  Adds a severity field for the triage team.\n' });
    expect([withNote.status, withNote.body]).toEqual([201, { key: 'complaint', version: 2 }]);
    // no body at all, an empty JSON object, a null note and a blank note: no note
    const secondAt = h.clock.advance(60_000);
    expect((await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin)).status).toBe(201);
    expect((await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, {})).status).toBe(201);
    expect((await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, { note: null })).status).toBe(201);
    expect((await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, { note: '   ' })).status).toBe(201);
    // exactly 2000 characters (code points: 🙂 is one) is accepted
    expect((await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, { note: '🙂'.repeat(2000) })).status).toBe(201);
    const versions = await h.call('GET', '/api/case-types/complaint/versions', h.tokens.agent);
    expect(versions.body.items).toEqual([
      { version: 1, publishedAt: START, publishedBy: null, note: null },
      { version: 2, publishedAt: new Date(Date.parse(START) + 60_000).toISOString(), publishedBy: 'admin', note: 'Adds a severity field for the triage team.' },
      { version: 3, publishedAt: secondAt, publishedBy: 'admin', note: null },
      { version: 4, publishedAt: secondAt, publishedBy: 'admin', note: null },
      { version: 5, publishedAt: secondAt, publishedBy: 'admin', note: null },
      { version: 6, publishedAt: secondAt, publishedBy: 'admin', note: null },
      { version: 7, publishedAt: secondAt, publishedBy: 'admin', note: '🙂'.repeat(2000) },
    ]);
  });

  it('refuses a publish body that is not a valid note with 400 request.invalid and a pointer, publishing nothing', async () => {
    await h.call('PUT', '/api/case-types/complaint/draft', h.tokens.analyst, { ...complaint, title: 'Complaint, revised' });
    const refusals: [unknown, string][] = [
      [{ note: 'x'.repeat(2001) }, '/note'],
      [{ note: 42 }, '/note'],
      [{ note: ['a'] }, '/note'],
      [{ note: 'ok', extra: true }, '/extra'],
      [['note'], ''],
      [{ note: 'a\u0000b' }, '/note'],
    ];
    for (const [body, pointer] of refusals) {
      const res = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, body);
      expect([JSON.stringify(body).slice(0, 40), res.status, res.body.code]).toEqual([JSON.stringify(body).slice(0, 40), 400, 'request.invalid']);
      expect(res.body.problems.map((p: { pointer: string }) => p.pointer)).toContain(pointer);
    }
    const long = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, { note: 'x'.repeat(2001) });
    expect(long.body.detail).toMatch(/^The PublishRequest body is not valid: .*\/note.*2000/);
    const malformed = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin, '{"note": ');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'request.malformed_json']);
    // a refused body is refused before anything is published; an analyst is refused before the body is read
    expect((await h.call('POST', '/api/case-types/complaint/publish', h.tokens.analyst, { note: 42 })).status).toBe(403);
    expect((await h.call('GET', '/api/case-types/complaint/versions', h.tokens.agent)).body.items.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('saves drafts with their problems, refuses to publish an invalid one, publishes a valid one as the next version', async () => {
    // an invalid draft is saved, with problems
    const invalid = await h.call('PUT', '/api/case-types/complaint/draft', h.tokens.analyst, { ...complaint, title: undefined });
    expect(invalid.status).toBe(200);
    expect(invalid.body.valid).toBe(false);
    expect(invalid.body.problems).toContainEqual({ severity: 'error', code: 'schema.required', message: "the case type is missing the required key 'title'", pointer: '' });
    const refused = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin);
    expect([refused.status, refused.body.code]).toEqual([422, 'definition.invalid']);
    expect(refused.body.problems.length).toBe(invalid.body.problems.length);
    // a key that differs from the URL is a problem
    const mismatch = await h.call('PUT', '/api/case-types/other-key/draft', h.tokens.analyst, complaint);
    expect(mismatch.body.problems).toEqual([{ severity: 'error', code: 'draft.key_mismatch', message: "the definition's key must be 'other-key', the key in the URL", pointer: '/key' }]);
    // a valid draft publishes as version 2 (admin only)
    const valid = await h.call('PUT', '/api/case-types/complaint/draft', h.tokens.analyst, { ...complaint, title: 'Complaint, revised' });
    expect([valid.body.valid, valid.body.problems.filter((p: { severity: string }) => p.severity === 'error')]).toEqual([true, []]);
    expect((await h.call('GET', '/api/case-types/complaint/draft', h.tokens.analyst)).body.definition.title).toBe('Complaint, revised');
    const byAnalyst = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.analyst);
    expect([byAnalyst.status, byAnalyst.body.code]).toEqual([403, 'auth.forbidden']);
    const published = await h.call('POST', '/api/case-types/complaint/publish', h.tokens.admin);
    expect([published.status, published.body]).toEqual([201, { key: 'complaint', version: 2 }]);
    expect((await h.call('GET', '/api/case-types/complaint', h.tokens.agent)).body).toMatchObject({ title: 'Complaint, revised', version: 2 });
    expect((await h.call('GET', '/api/case-types/complaint/versions/1', h.tokens.agent)).body.title).toBe('Customer complaint');
    // new cases pin version 2
    const kase = await h.call('POST', '/api/cases', h.tokens.service, { caseType: 'complaint', data: { customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: 'x' } });
    expect(kase.body.version).toBe(2);
    // drafts: 404 when none, 403 for an agent, bad key 400
    const none = await h.call('GET', '/api/case-types/refund/draft', h.tokens.analyst);
    expect([none.status, none.body.code]).toEqual([404, 'draft.not_found']);
    expect((await h.call('POST', '/api/case-types/refund/publish', h.tokens.admin)).status).toBe(404);
    expect((await h.call('GET', '/api/case-types/complaint/draft', h.tokens.agent)).status).toBe(403);
    expect((await h.call('PUT', '/api/case-types/Bad_Key/draft', h.tokens.analyst, complaint)).body.code).toBe('request.invalid');
    // the key is refused before the body is read: a body that is not JSON does not change the answer
    const badBoth = await h.call('PUT', '/api/case-types/Bad_Key/draft', h.tokens.analyst, '{not json');
    expect([badBoth.status, badBoth.body.code, badBoth.body.detail]).toEqual([400, 'request.invalid', "'Bad_Key' is not a case-type key: use 2–63 lower-case letters, digits and dashes, starting with a letter."]);
  });

  it('validates a definition for analysts', async () => {
    const ok = await h.call('POST', '/api/validate', h.tokens.analyst, complaint);
    expect([ok.status, ok.body.valid]).toEqual([200, true]);
    const bad = await h.call('POST', '/api/validate', h.tokens.analyst, { key: 'x' });
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems.map((p: { code: string }) => p.code)).toContain('schema.required');
    expect((await h.call('POST', '/api/validate', h.tokens.agent, complaint)).status).toBe(403);
  });
});

describe('tokens, health, OpenAPI, root page', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('lets an admin issue tokens that work at once; a tenant admin only for its own tenant', async () => {
    const issued = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'eve', roles: ['agent', 'collector'] });
    expect(issued.status).toBe(201);
    expect({ ...issued.body, token: typeof issued.body.token }).toEqual({ token: 'string', name: 'eve', roles: ['agent', 'collector'], tenant: 'default', expiresAt: null });
    expect((await h.call('GET', '/api/cases', issued.body.token)).status).toBe(200);
    const other = await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'beta-admin', roles: ['admin'], tenant: 'beta' });
    expect([other.status, other.body.tenant]).toEqual([201, 'beta']);
    expect((await h.call('GET', '/api/case-types', other.body.token)).body).toEqual({ items: [], nextCursor: null });
    const cross = await h.call('POST', '/api/tokens', h.tokens.acmeAdmin, { name: 'x', roles: ['admin'], tenant: 'default' });
    expect([cross.status, cross.body.code]).toEqual([403, 'auth.forbidden']);
    const invalid = await h.call('POST', '/api/tokens', h.tokens.admin, { name: '', roles: ['Not A Role'] });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'request.invalid']);
    expect((await h.call('POST', '/api/tokens', h.tokens.analyst, { name: 'x', roles: [] })).status).toBe(403);
  });

  it('answers health and the OpenAPI document without a token, built from the validating schemas', async () => {
    expect(await h.call('GET', '/api/health', null)).toMatchObject({ status: 200, body: { status: 'ok' } });
    const doc = await h.call('GET', '/api/openapi.json', null);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.components.schemas.CreateCaseRequest).toEqual(requestSchemas.CreateCaseRequest);
    expect(doc.body.components.schemas.EventRequest).toEqual(requestSchemas.EventRequest);
    // every route of the API contract is documented (routes added beyond it are documented too, not listed here)
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/api/health', '/api/tokens', '/api/validate', '/api/case-types', '/api/case-types/{key}', '/api/case-types/{key}/versions',
      '/api/case-types/{key}/versions/{version}', '/api/case-types/{key}/draft', '/api/case-types/{key}/publish', '/api/cases',
      '/api/cases/{id}', '/api/cases/{id}/events', '/api/cases/{id}/history', '/api/tasks', '/api/tasks/{id}/claim',
      '/api/tasks/{id}/release', '/api/outbox', '/api/reports/sla', '/api/reports/stages', '/api/reports/reasons', '/api/openapi.json', '/api/export',
    ]));
    expect(doc.body.paths['/api/cases/{id}/events'].post.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:id', 'header:If-Match', 'header:Idempotency-Key',
    ]);
  });

  it('answers 401 on every route but health, the OpenAPI document, the public form and the survey when no token is sent', async () => {
    const doc = (await h.call('GET', '/api/openapi.json', null)).body as { paths: Record<string, Record<string, unknown>> };
    const open: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const concrete = path.replace('{key}', 'complaint').replace('{version}', '1').replace('{id}', 'x');
        const res = await h.call(method.toUpperCase(), concrete, null, method === 'get' ? undefined : {});
        if (res.status === 401) expect(res.body.code).toBe('auth.missing');
        else open.push(`${method} ${path} ${res.status}`);
      }
    }
    // the public form's routes answer without a token (a tenant that is not one: 404), and only they
    expect(open).toEqual([
      'get /api/health 200',
      'get /api/public/{tenant}/forms/{key} 404',
      'post /api/public/{tenant}/forms/{key} 404',
      'get /api/public/{tenant}/cases/{reference} 404',
      'post /api/public/{tenant}/cases/{reference}/reply 404',
      'get /api/public/{tenant}/survey 404',
      'post /api/public/{tenant}/survey 404',
      'get /api/public/{tenant}/cases/{reference}/feedback 404',
      'post /api/public/{tenant}/cases/{reference}/feedback 404',
      'get /api/public/{tenant}/cases/{reference}/chat 404',
      'post /api/public/{tenant}/cases/{reference}/chat 404',
      'get /api/public/{tenant}/cases/{reference}/chat/stream 404',
      'post /api/public/{tenant}/cases/{reference}/documents 404',
      'get /api/openapi.json 200',
    ]);
    for (const line of open) {
      const [method, path] = line.split(' ') as [string, string];
      expect((doc.paths[path]?.[method] as { security?: unknown[] }).security).toEqual([]);
    }
  });

  it('serves an honest root page and problem+json for unknown routes', async () => {
    const res = await h.app.request('/');
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<a href="/api/openapi.json">');
    const missing = await h.call('GET', '/api/nothing-here', h.tokens.agent);
    expect([missing.status, missing.body.code]).toEqual([404, 'route.not_found']);
  });
});
