// Hostile input: random and adversarial JSON (deep nesting, huge strings, __proto__/constructor/
// prototype keys, wrong types, edge numbers, invalid UTF-8) at every route with a body or parameters,
// and at validateCaseType. Never a 500, never a crash, never prototype pollution, each answer fast,
// memory bounded. Plus the body size and nesting limits, and patterns checked in linear time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCaseType } from '../../schemas/validate.ts';
import { MAX_JSON_DEPTH } from '../../runtime/http/body.ts';
import { createHarness, type Harness } from '../runtime/http/harness.ts';

// ---- adversarial JSON as raw text (so that "__proto__" keys and raw number tokens survive) ----

const evilKeys = ['__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty', '$ref', '$data', 'type', 'data', 'caseType', ''];
const edgeNumbers = ['1e308', '-1e308', '1e999', '-0', '0.0000000000000000000001', '123456789012345678901234567890', '-9007199254740993', '5e-324', '1E400', '0'];
const edgeStrings = ['NaN', 'Infinity', '-Infinity', '1e999', '', '\u0000', '\ud800', '\udfff', '😀', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '$(rm -rf /)', '{}'];

const key = fc.oneof(fc.constantFrom(...evilKeys), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(
  fc.constantFrom(...edgeNumbers),
  fc.constantFrom(...edgeStrings).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => JSON.stringify('x'.repeat(n))),
  fc.double().map((d) => (Number.isFinite(d) ? String(d) : '0')),
  fc.constantFrom('true', 'false', 'null'),
);
const { json } = fc.letrec<{ json: string; object: string; array: string }>((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
  object: fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('json'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
}));

/** Nesting of `depth` levels, as text. */
const nested = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth)}1${close.repeat(depth)}`;

const bodies = fc.oneof(
  json,
  json.map((j) => `{"caseType":"complaint","data":${j}}`),
  json.map((j) => `{"caseType":${j},"data":{}}`),
  json.map((j) => `{"type":"SUBMIT_TRIAGE","data":${j}}`),
  json.map((j) => `{"type":${j}}`),
  json.map((j) => `{"name":${j},"roles":["agent"]}`),
  json.map((j) => `{"name":"x","roles":${j},"tenant":${j}}`),
  json.map((j) => `{"name":"x","roles":["service"],"expiresIn":${j}}`),
  json.map((j) => `{"grace":${j},"expiresIn":${j}}`),
  fc.constantFrom('{"expiresIn":"P99999999999999999999D"}', '{"grace":"P3650D"}', '{"expiresIn":"PT0S","grace":"PT0S"}', '{"name":"x","roles":["service"],"expiresIn":"P3650D"}'),
  json.map((j) => `{"key":"hostile","title":"H","data":${j},"playbook":{"initial":"a","states":{"a":{}}}}`),
  json.map((j) => `{"key":"hostile","title":"H","playbook":${j}}`),
  fc.integer({ min: 1, max: 200 }).map((d) => nested(d)),
  fc.integer({ min: 1, max: 200 }).map((d) => nested(d, '[', ']')),
  fc.string({ maxLength: 60 }),
);

const segment = fc.oneof(fc.constantFrom('__proto__', 'constructor', '..', '%2e%2e', '%00', 'x'.repeat(2000), '😀', "'", 'complaint'), fc.string({ maxLength: 10 }).map(encodeURIComponent));
const queryValue = fc.oneof(fc.constantFrom('-1', '0', '1e308', 'NaN', '201', '__proto__', '/__proto__/polluted', '!!!', ''), fc.string({ maxLength: 20 })).map(encodeURIComponent);

let h: Harness;
let caseId: string;
let taskId: string;

const bodyRoutes = (): [string, string][] => [
  ['POST', '/api/cases'],
  ['POST', `/api/cases/${caseId}/events`],
  ['PUT', '/api/case-types/hostile/draft'],
  ['POST', '/api/validate'],
  ['POST', '/api/tokens'],
  ['POST', '/api/tokens/hostile/rotate'],
];

async function send(method: string, path: string, body?: BodyInit): Promise<{ status: number; ms: number; text: string; type: string | null }> {
  const started = performance.now();
  const res = await h.app.request(path, {
    method,
    headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, text, type: res.headers.get('content-type') };
}

function expectSane(res: { status: number; ms: number; text: string; type: string | null }, what: string): void {
  if (res.status >= 500) throw new Error(`${what} → ${res.status}: ${res.text.slice(0, 300)}`);
  if (res.ms > 3000) throw new Error(`${what} took ${Math.round(res.ms)} ms`);
  if (res.status >= 400) expect(res.type).toBe('application/problem+json');
}

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  expect([probe.polluted, probe.type, probe.data, Object.keys(Object.prototype)]).toEqual([undefined, undefined, undefined, []]);
  expect(typeof probe.toString).toBe('function');
}

describe('hostile input', () => {
  beforeAll(async () => {
    h = await createHarness();
    const created = await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'complaint', data: { customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: 'x' } });
    caseId = created.body.id as string;
    taskId = created.body.tasks[0].id as string;
  });
  afterAll(async () => {
    await h.close();
  });

  it('never answers 500, stays fast and pollutes no prototype, for random bodies at every route with a body', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyRoutes()), bodies, async ([method, path], body) => {
        expectSane(await send(method, path, body), `${method} ${path} ${body.slice(0, 200)}`);
        expectNoPollution();
      }),
      { numRuns: 300, seed: 20260105 },
    );
    expect((await send('GET', '/api/health')).status).toBe(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
  }, 60_000);

  it('never answers 500 for adversarial path segments and query parameters at every route', async () => {
    const paths = (s: string, q: string): [string, string][] => [
      ['GET', `/api/cases/${s}`],
      ['GET', `/api/cases/${s}/history?limit=${q}&cursor=${q}`],
      ['POST', `/api/cases/${s}/events`],
      ['GET', `/api/cases?limit=${q}&cursor=${q}&state=${q}&q=${q}&priority=${q}&caseType=${q}&parentId=${q}`],
      ['GET', `/api/case-types/${s}`],
      ['GET', `/api/case-types/${s}/versions/${q}`],
      ['GET', `/api/case-types/${s}/draft`],
      ['PUT', `/api/case-types/${s}/draft`],
      ['POST', `/api/case-types/${s}/publish`],
      ['GET', `/api/tasks?queue=${q}&status=${q}&assignee=${q}&unassigned=${q}&limit=${q}&cursor=${q}`],
      ['POST', `/api/tasks/${s}/claim`],
      ['POST', `/api/tasks/${s}/release`],
      ['GET', `/api/outbox?status=${q}&caseId=${q}&cursor=${q}`],
      ['GET', `/api/reports/reasons?field=${q}&limit=${q}&caseType=${q}`],
      ['GET', `/api/reports/sla?caseType=${q}`],
      ['GET', `/api/reports/stages?caseType=${q}`],
      ['DELETE', `/api/tokens/${s}?tenant=${q}`],
      ['GET', `/api/tokens?tenant=${q}`],
      ['POST', `/api/tokens/${s}/rotate?tenant=${q}`],
    ];
    await fc.assert(
      fc.asyncProperty(segment, queryValue, fc.nat(18), async (s, q, i) => {
        const [method, path] = paths(s, q)[i] as [string, string];
        expectSane(await send(method, path, method === 'GET' || method === 'DELETE' ? undefined : '{"type":"TOUCH"}'), `${method} ${path}`);
        expectNoPollution();
      }),
      { numRuns: 300, seed: 20260106 },
    );
    // the case and its task are still intact
    expect((await h.call('GET', `/api/cases/${caseId}`, h.tokens.admin)).body.revision).toBe(1);
    expect((await h.call('POST', `/api/tasks/${taskId}/claim`, h.tokens.admin)).status).toBe(200);
  }, 60_000);

  it('reads invalid UTF-8 and lone surrogates as ordinary bad input, not as a crash', async () => {
    const bytes = [
      [0xff, 0xfe, 0xfd],
      [0x7b, 0x22, 0x63, 0x61, 0x73, 0x65, 0x54, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d], // {"caseType":"<overlong />"}
      [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d], // {"<CESU surrogate>":1}
      [0x7b, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x22, 0x7d], // {"type":"<5-byte>"}
    ];
    for (const [method, path] of bodyRoutes()) {
      for (const b of bytes) expectSane(await send(method, path, new Uint8Array(b)), `${method} ${path} bytes ${b.join(',')}`);
      expectSane(await send(method, path, '{"caseType":"complaint","type":"\\ud800","name":"\\udfff","data":{"x":"\\ud800"}}'), `${method} ${path} lone surrogates`);
    }
    expectNoPollution();
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels with 400 request.too_deep, quickly, and takes ${MAX_JSON_DEPTH}`, async () => {
    for (const [method, path] of bodyRoutes()) {
      for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
        const res = await send(method, path, nested(depth, '[', ']'));
        expect([method, path, depth, res.status, JSON.parse(res.text).code]).toEqual([method, path, depth, 400, 'request.too_deep']);
        expect(res.ms).toBeLessThan(1000);
      }
      const ok = await send(method, path, nested(MAX_JSON_DEPTH - 2, '{"data":', '}'));
      expect(ok.status === 400 ? JSON.parse(ok.text).code : ok.status).not.toBe('request.too_deep');
      expectSane(ok, `${method} ${path} depth ${MAX_JSON_DEPTH}`);
    }
    // brackets inside strings do not count
    const inString = await send('POST', '/api/validate', JSON.stringify({ key: 'x', title: '['.repeat(1000) }));
    expect(inString.status).toBe(200);
  });

  it('refuses bodies over 1 MiB with 413 request.too_large, with or without a Content-Length', async () => {
    const big = `{"caseType":"complaint","data":{"description":"${'x'.repeat(1024 * 1024)}"}}`;
    const res = await send('POST', '/api/cases', big);
    expect([res.status, JSON.parse(res.text).code]).toEqual([413, 'request.too_large']);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        controller.enqueue(new TextEncoder().encode('{"caseType":"complaint","data":{"description":"'));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await h.app.request('/api/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect([streamed.status, ((await streamed.json()) as { code: string }).code]).toEqual([413, 'request.too_large']);
  });

  it('publishes the patterns that once held the host, checks long near misses at once, and answers /api/health meanwhile', async () => {
    const withPattern = (pattern: string) => ({
      key: 'codes',
      title: 'Codes',
      data: { type: 'object', properties: { code: { type: 'string', pattern } } },
      playbook: { initial: 'open', states: { open: { type: 'final' } } },
    });
    for (const [pattern, nearMiss] of [
      ['^a*a*a*a*a*a*a*a*b$', 'a'.repeat(500_000)],
      ['^\\s*\\s*\\s*\\s*x$', ' '.repeat(500_000)],
      ['(a+)+$', `${'a'.repeat(500_000)}!`],
    ] as const) {
      const draft = await h.call('PUT', '/api/case-types/codes/draft', h.tokens.admin, withPattern(pattern));
      expect([pattern, draft.body.valid]).toEqual([pattern, true]);
      expect((await h.call('POST', '/api/case-types/codes/publish', h.tokens.admin)).status).toBe(201);
      // 55 characters held the host for 32 s on a backtracking engine; 500,000 answer now, and so does health
      const [created, health] = await Promise.all([
        h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'codes', data: { code: nearMiss } }),
        h.call('GET', '/api/health', null),
      ]);
      expect([created.status, created.body.code, created.body.problems?.[0]?.pointer]).toEqual([422, 'data.invalid', '/code']);
      expect(health.status).toBe(200);
    }
  });

  it('refuses look-around at publish, and answers 422 (not 500) for a version stored under the old rules', async () => {
    const definition = {
      key: 'legacy',
      title: 'Legacy',
      data: { type: 'object', properties: { code: { type: 'string', pattern: '^(?=.*[0-9])[A-Z0-9]+$' } } },
      playbook: { initial: 'open', states: { open: { type: 'final' } } },
    };
    const draft = await h.call('PUT', '/api/case-types/legacy/draft', h.tokens.admin, definition);
    expect([draft.body.valid, draft.body.problems.map((p: { code: string; pointer: string }) => [p.code, p.pointer])]).toEqual([
      false,
      [['data.invalid_pattern', '/data/properties/code/pattern']],
    ]);
    expect((await h.call('POST', '/api/case-types/legacy/publish', h.tokens.admin)).body.code).toBe('definition.invalid');
    // as if published before patterns ran on RE2
    await h.store.publish('default', 'legacy', definition as never, '2026-01-05T09:00:00.000Z');
    const created = await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'legacy', data: { code: 'A1' } });
    expect([created.status, created.body.code]).toEqual([422, 'definition.invalid']);
    expect(created.body.detail).toMatch(/^Version 1 of case type 'legacy' cannot run on this host: .*look-ahead.* Publish a new version that fixes it; nothing was changed\.$/);
  });
});

describe('validateCaseType on adversarial JSON', () => {
  it('refuses definitions nested deeper than it can check with schema.too_deep, instead of overflowing the stack', () => {
    for (const depth of [200, 1000, 100_000]) {
      const definition = JSON.parse(`{"key":"k","title":"T","data":${nested(depth, '{"type":"object","properties":{"a":', '}}')},"playbook":{"initial":"a","states":{"a":{}}}}`) as unknown;
      const started = performance.now();
      const problems = validateCaseType(definition);
      expect([depth, problems.map((p) => p.code)]).toEqual([depth, ['schema.too_deep']]);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('never throws, reports problems, stays fast and pollutes no prototype', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          json,
          json.map((j) => `{"key":"k","title":"T","data":${j},"playbook":{"initial":"a","states":{"a":${j}}}}`),
          json.map((j) => `{"key":${j},"title":${j},"events":${j},"rules":${j},"roles":${j},"slas":${j},"calendars":${j},"playbook":{"initial":"a","states":{"a":{"on":${j}}}}}`),
          fc.integer({ min: 1, max: MAX_JSON_DEPTH }).map((d) => `{"key":"k","title":"T","data":${nested(d, '{"type":"object","properties":{"a":', '}}')},"playbook":{"initial":"a","states":{"a":{}}}}`),
        ),
        (text) => {
          const definition = JSON.parse(text) as unknown;
          const started = performance.now();
          const problems = validateCaseType(definition);
          expect(performance.now() - started).toBeLessThan(2000);
          expect(Array.isArray(problems)).toBe(true);
          expectNoPollution();
        },
      ),
      { numRuns: 300, seed: 20260107 },
    );
  }, 60_000);
});
