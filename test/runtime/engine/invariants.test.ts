// Random walks through the shipped templates: whatever the order of events and timers, every step
// keeps the case consistent (revision, history, patch, tasks, timers, JSON round trip) and a rejected
// step changes nothing. Payloads come from the templates' own scenarios.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { activeStateIds, applyEvent, applyJsonPatch, compileCaseType, createCase, dueTimers, fireTimer } from '../../../runtime/engine/index.ts';
import type { Case, CaseData, Outcome } from '../../../runtime/engine/index.ts';
import { stored } from './engine-fixtures.ts';

const dir = new URL('../../../templates/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

interface ScenarioFile {
  caseType: string;
  data?: CaseData;
  steps: { send?: string; data?: CaseData }[];
}

const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => read(f) as ScenarioFile);
const templates = [...new Set(scenarios.map((s) => s.caseType))];

const tally: boolean[] = [];

type Move = { kind: 'send'; event: number; payload: number } | { kind: 'advance'; hours: number };

const moveArb: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), event: fc.nat(), payload: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 400 }) }),
);

function checkStep(def: CaseType, before: Case, outcome: Outcome, firedId?: string): Case {
  tally.push(outcome.ok);
  if (!outcome.ok) return before;
  const next = outcome.case;
  expect(next.revision).toBe(before.revision + 1);
  expect(outcome.history.seq).toBe(next.revision);
  expect(outcome.history.from).toEqual(before.state);
  expect(outcome.history.to).toEqual(next.state);
  expect(applyJsonPatch(before.data, outcome.history.patch)).toEqual(next.data);
  expect(stored(next)).toEqual(next);
  const active = new Set(activeStateIds(next.state));
  for (const task of next.tasks) expect(active.has(task.state)).toBe(true);
  const withTask = [...active].filter((id) => compileCaseType(def).index.states.get(id)?.node.task);
  expect(next.tasks.map((t) => t.state).sort()).toEqual(withTask.sort());
  expect(new Set(next.timers.map((t) => t.id)).size).toBe(next.timers.length);
  const keys = outcome.effects.flatMap((e) => ('key' in e ? [e.key] : []));
  expect(keys).toEqual(keys.map((_, i) => `${next.id}:${next.revision}:${i + 1}`));
  // the timer effects account for every change of the pending timers
  const ids = new Set(before.timers.map((t) => t.id));
  if (firedId !== undefined) ids.delete(firedId);
  for (const e of outcome.effects) {
    if (e.type === 'cancelTimer') ids.delete(e.id);
    if (e.type === 'setTimer') ids.add(e.timer.id);
  }
  expect([...ids].sort()).toEqual(next.timers.map((t) => t.id).sort());
  if (next.closedAt !== null) expect(next.timers.filter((t) => t.id.startsWith('timer.'))).toEqual([]);
  return next;
}

describe.each(templates)('random walks through %s', (key) => {
  const def = read(`${key}.case.json`) as CaseType;
  const type = compileCaseType(def);
  const events = Object.keys(def.events ?? {});
  const payloads = new Map<string, CaseData[]>();
  for (const s of scenarios.filter((sc) => sc.caseType === key)) {
    for (const step of s.steps) if (step.send && step.data) payloads.set(step.send, [...(payloads.get(step.send) ?? []), step.data]);
  }
  const initial = scenarios.find((s) => s.caseType === key)?.data ?? {};

  it('keeps every case consistent, and rejections change nothing', () => {
    fc.assert(
      fc.property(fc.array(moveArb, { maxLength: 14 }), (moves) => {
        let now = Date.parse('2026-01-05T09:00:00.000Z');
        const created = createCase(type, { id: 'W1', data: initial }, new Date(now).toISOString());
        if (!created.ok) throw new Error(created.message);
        let kase = created.case;
        for (const move of moves) {
          if (kase.closedAt !== null) break;
          if (move.kind === 'send') {
            const event = events[move.event % events.length] ?? 'NONE';
            const options = payloads.get(event) ?? [];
            const data = options.length > 0 ? options[move.payload % options.length] : undefined;
            const snapshot = stored(kase);
            const outcome = applyEvent(type, stored(kase), data ? { type: event, data } : { type: event }, new Date(now).toISOString());
            if (!outcome.ok) expect(kase).toEqual(snapshot);
            kase = checkStep(def, kase, outcome);
          } else {
            now += move.hours * 3_600_000;
            for (let guard = 0; guard < 50; guard++) {
              const [due] = dueTimers(kase, new Date(now).toISOString());
              if (!due || kase.closedAt !== null) break;
              kase = checkStep(def, kase, fireTimer(type, stored(kase), due.id, due.dueAt), due.id);
            }
          }
        }
      }),
      { numRuns: 40, seed: 42 },
    );
    // the walks do get somewhere: many steps are accepted, and some are rejected
    expect(tally.filter(Boolean).length).toBeGreaterThan(40);
    expect(tally.some((ok) => !ok)).toBe(true);
    tally.length = 0;
  });
});
