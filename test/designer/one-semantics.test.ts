// One semantics, the engine's (issue 17): for every template and a few data samples, what the designer's
// form preview and the worker console show (visibility, required fields, rule results, field messages)
// equals what the server answers: cases are created through the host's case service on a temp SQLite
// store, and its refusals, checklists and form views are compared with the designer's own form code.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import * as engine from '../../runtime/engine/index.ts';
import { dataProblems, draftFormScope, formView, formViewOf, isMissingProblem } from '../../runtime/engine/index.ts';
import type { CaseData, CompiledCaseType, FieldProblem, JsonValue, StateValue } from '../../runtime/engine/index.ts';
import { createManualClock } from '../../runtime/host/clock.ts';
import { createHostServices } from '../../runtime/host/create-host.ts';
import type { HostServices } from '../../runtime/host/create-host.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { errorsByField } from '../../designer/src/form/field-errors.ts';
import { ruleOnSample } from '../../designer/src/model/rule-on-sample.ts';
import { stageScope } from '../../designer/src/console/stage-form.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../templates');
const admin = { id: 'one-semantics', roles: ['admin'] };
const templates = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.case.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(TEMPLATES, f), 'utf8')) as CaseType);

/** Every string leaf replaced by a number: a sample that breaks the types the schema asks for. */
function wrongTypes(value: JsonValue): JsonValue {
  if (typeof value === 'string') return 42;
  if (Array.isArray(value)) return value.map(wrongTypes);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongTypes(v)]));
  return value;
}

/** Every e-mail field of the schema filled with a value that is not one (format problems). */
function badEmails(schema: unknown): JsonValue {
  const s = schema as { format?: string; type?: unknown; properties?: { [k: string]: unknown } };
  if (s?.format === 'email') return 'not-an-address';
  if (!s?.properties) return null;
  const out: { [k: string]: JsonValue } = {};
  for (const [k, child] of Object.entries(s.properties)) {
    const v = badEmails(child);
    if (v !== null) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function samplesOf(def: CaseType): { name: string; data: CaseData }[] {
  const saved = (def.samples ?? []).map((s, i) => ({ name: s.title ?? `sample ${i}`, data: (s.data ?? {}) as CaseData }));
  const first = saved[0]?.data ?? {};
  return [
    { name: 'empty', data: {} },
    ...saved,
    { name: 'wrong types', data: wrongTypes(first) as CaseData },
    { name: 'bad e-mails', data: { ...first, ...((badEmails(def.data) ?? {}) as CaseData) } },
  ];
}

/** The one state id the designer's preview would pick for a state value (null for parallel regions). */
function previewState(value: StateValue): string | null {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value);
  return entries.length === 1 ? previewState(entries[0]![1]) : null;
}

const byField = (problems: readonly FieldProblem[]) => errorsByField(problems);
/** The console's live errors: no "missing" before a first attempt, the console's words. */
const consoleLive = (problems: readonly FieldProblem[]) => errorsByField(problems.filter((p) => !isMissingProblem(p)));

let dir: string;
let store: SqliteCaseStore;
let services: HostServices;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-one-semantics-'));
  store = createSqliteStore({ file: join(dir, 'dossier.db') });
  for (const def of templates) await store.publish('default', def.key, def, T0);
  services = createHostServices({ store, engine, clock: createManualClock(T0), logger: silentLogger });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the designer and the server answer alike', () => {
  it('covers every template', () => {
    expect(templates.map((t) => t.key)).toEqual(['complaint', 'data-subject-request', 'incident-impact', 'major-incident', 'order-inquiry', 'payment-arrangement']);
  });

  for (const def of templates) {
    describe(def.key, () => {
      for (const sample of samplesOf(def)) {
        it(`on the "${sample.name}" data`, async () => {
          // the designer's preview of the data (form preview, simulator payloads, console live checks)
          const preview = dataProblems(def.data, sample.data);
          const created = await services.cases.createCase('default', { caseType: def.key, data: sample.data }, admin);
          if (!created.ok) {
            // refused: the same problems, field by field, in the same words
            expect(created.code).toBe('data.invalid');
            const server = (created.problems ?? []) as FieldProblem[];
            expect(server.length).toBeGreaterThan(0);
            expect(preview).toEqual(server);
            expect(byField(preview)).toEqual(byField(server));
            expect(consoleLive(preview)).toEqual(consoleLive(server));
            return;
          }
          expect(created.replay).not.toBe(true);
          if (!('case' in created)) throw new Error('expected a created case');
          expect(preview).toEqual([]);
          const kase = created.case;
          const loaded = await services.cases.loadType('default', def.key);
          const compiled = loaded?.compiled as CompiledCaseType;

          // rule results: the rules view on the sample, and each checklist item the server shows
          for (const item of created.view.checklist) {
            expect(ruleOnSample(def.rules?.[item.rule]?.schema, kase.data)).toEqual({ pass: item.pass, problems: item.problems.map((p) => p.message) });
          }
          for (const [rule, r] of Object.entries(def.rules ?? {})) {
            expect(ruleOnSample(r?.schema, kase.data).problems).toEqual(engine.explainRule(compiled, rule, kase.data).map((p) => p.message));
          }

          // visibility, read-only and required fields: the console's form and the preview's, against the server's view
          const server = formView(compiled, kase);
          expect(server.sections.length).toBeGreaterThan(0);
          expect(formViewOf(def, stageScope(def, kase.state, kase.data))).toEqual(server);
          const state = previewState(kase.state);
          if (state !== null) expect(formViewOf(def, draftFormScope(def, state, kase.data))).toEqual(server);
        });
      }
    });
  }

  it('refuses at least one sample and accepts at least one, so both branches are compared', async () => {
    const outcomes: boolean[] = [];
    for (const def of templates) {
      for (const sample of samplesOf(def)) outcomes.push((await services.cases.createCase('default', { caseType: def.key, data: sample.data }, admin)).ok);
    }
    expect(outcomes.filter((ok) => ok).length).toBeGreaterThanOrEqual(templates.length);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThanOrEqual(templates.length);
  });
});
