// The backtest: real histories replayed on a draft (B) and on their own version (A), the same way.
// The done-when of issue 19 item 6: 10,000 generated closed complaints against a draft whose resolution
// deadline is 2 working days instead of 5 report exactly the SLA outcomes an independent count finds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtest, backtestCase, compileCaseType, replayHistory, summarizeBacktest, type HistoryEntry } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { generateComplaintHistories, tightenedResolution, type GeneratedCase } from '../../../bench/lib/complaint-history.ts';

const template = JSON.parse(readFileSync(new URL('../../../templates/complaint.case.json', import.meta.url), 'utf8')) as CaseType;
const published: CaseType = { ...template, version: 1 };
const A = compileCaseType(published);
const draftOf = (edit: (def: CaseType) => void): CaseType => {
  const { version: _version, ...copy } = structuredClone(published);
  edit(copy);
  return copy;
};
const inputOf = (c: GeneratedCase) => ({ id: c.id, history: c.history, until: c.closedAt });
const entry = (c: GeneratedCase, type: string): HistoryEntry => {
  const found = c.history.find((e) => e.event.type === type);
  if (found === undefined) throw new Error(`case ${c.id} has no ${type}`);
  return found;
};

// a few cases of each path: withdrawn, resolved within the mandate, through approval
const sample = generateComplaintHistories(published, 60, 7);
const resolved = sample.find((c) => c.history.some((e) => e.event.type === 'SUBMIT_FINDINGS') && !c.history.some((e) => e.event.type === 'APPROVE_COMPENSATION'));
if (resolved === undefined) throw new Error('the sample has no case resolved within the mandate');

describe('replayHistory', () => {
  it('replays a case on its own version exactly as recorded: no divergence, its end state and SLA outcomes', () => {
    for (const c of sample) {
      const replay = replayHistory(A, inputOf(c));
      expect([c.id, replay.divergence, replay.rejected, replay.closed]).toEqual([c.id, null, 0, true]);
      expect(replay.endStates).toEqual([String(c.history[c.history.length - 1]?.to)]);
    }
    const replay = replayHistory(A, inputOf(resolved));
    expect(replay.slas.firstResponse?.status).toMatch(/^met(-late)?$/);
    expect(replay.slas.resolution?.status).toMatch(/^met(-late)?$/);
  });

  it('names the first event the draft refuses, with its seq, time, code and message, and counts the later refusals', () => {
    // the draft's analysis step no longer takes findings
    const draft = compileCaseType(draftOf((def) => {
      const investigating = def.playbook.states.investigating;
      if (investigating?.states?.analyse === undefined) throw new Error('no analyse state');
      investigating.states.analyse.on = {};
    }));
    const findings = entry(resolved, 'SUBMIT_FINDINGS');
    const replay = replayHistory(draft, inputOf(resolved));
    expect(replay.divergence).toEqual({
      kind: 'rejected',
      seq: findings.seq,
      at: findings.at,
      event: 'SUBMIT_FINDINGS',
      code: 'event.not_accepted',
      message: expect.stringContaining('SUBMIT_FINDINGS') as string,
    });
    // PROPOSE_RESOLUTION and SURVEY_ANSWERED find the case still analysing
    expect(replay.rejected).toBe(resolved.history.some((e) => e.event.type === 'SURVEY_ANSWERED') ? 3 : 2);
    expect([replay.endStates, replay.closed]).toEqual([['analyse'], false]);
    // the case never reached the survey: its resolution clock is still running at closedAt (breached by then or not)
    expect(replay.slas.resolution?.status).toMatch(/^(running|warning|missed-goal|breached)$/);
  });

  it('names the first event the draft routes elsewhere, with the recorded and the replayed states', () => {
    // the draft closes a resolved complaint at once, without the survey
    const draft = compileCaseType(draftOf((def) => {
      const resolving = def.playbook.states.resolving;
      const on = resolving?.on?.PROPOSE_RESOLUTION;
      if (!Array.isArray(on) || on[1] === undefined) throw new Error('unexpected PROPOSE_RESOLUTION');
      on[1] = { ...on[1], target: 'closed' };
    }));
    const proposal = entry(resolved, 'PROPOSE_RESOLUTION');
    const replay = replayHistory(draft, inputOf(resolved));
    expect(replay.divergence).toEqual({ kind: 'routed', seq: proposal.seq, at: proposal.at, event: 'PROPOSE_RESOLUTION', expected: 'survey', actual: 'closed' });
    expect([replay.endStates, replay.closed, replay.slas.resolution?.status]).toEqual([['closed'], true, replay.slas.resolution?.status]);
  });

  it('reports a creation the draft refuses as a divergence at seq 1, with nothing else replayed', () => {
    const draft = compileCaseType(draftOf((def) => {
      def.data.required = [...(def.data.required ?? []), 'orderNumber'];
    }));
    const first = resolved.history[0] as HistoryEntry;
    const replay = replayHistory(draft, inputOf(resolved));
    expect(replay).toEqual({
      divergence: { kind: 'rejected', seq: 1, at: first.at, event: 'case.created', code: 'data.invalid', message: expect.any(String) as string },
      rejected: 1,
      endStates: [],
      closed: false,
      slas: { firstResponse: { status: null, breached: false }, resolution: { status: null, breached: false } },
    });
  });

  it("fires the draft's own timers between the recorded events: a shorter survey window closes the case before the answer", () => {
    const answered = sample.find((c) => {
      const survey = c.history.find((e) => e.to === 'survey');
      const answer = c.history.find((e) => e.event.type === 'SURVEY_ANSWERED');
      return survey !== undefined && answer !== undefined && Date.parse(answer.at) - Date.parse(survey.at) > 2 * 3_600_000;
    });
    if (answered === undefined) throw new Error('the sample has no survey answered after more than two hours');
    const draft = compileCaseType(draftOf((def) => {
      const after = def.playbook.states.survey?.after?.[0];
      if (after === undefined) throw new Error('no survey timer');
      after.delay = 'PT1H';
    }));
    const answer = entry(answered, 'SURVEY_ANSWERED');
    const replay = replayHistory(draft, inputOf(answered));
    expect(replay.divergence).toMatchObject({ kind: 'rejected', seq: answer.seq, event: 'SURVEY_ANSWERED', code: 'event.not_accepted' });
    expect([replay.endStates, replay.closed]).toEqual([['closed'], true]);
  });

  it('refuses a history that does not begin with the creation', () => {
    expect(() => replayHistory(A, { id: 'x', history: resolved.history.slice(1), until: resolved.closedAt })).toThrow(/must begin with case.created/);
  });
});

describe('backtestCase and summarizeBacktest', () => {
  it('puts the replay on A beside the replay on B and sums them up exactly', () => {
    const B = compileCaseType(draftOf((def) => {
      def.data.required = [...(def.data.required ?? []), 'orderNumber'];
    }));
    const three = sample.slice(0, 3);
    const results = three.map((c) => backtestCase(A, B, inputOf(c)));
    for (const [i, result] of results.entries()) {
      const c = three[i] as GeneratedCase;
      const end = String(c.history[c.history.length - 1]?.to);
      expect(result).toMatchObject({ id: c.id, diverged: true, reproduced: true, endBefore: [end], endAfter: [], closedBefore: true, closedAfter: false });
      expect(result.slas.map((s) => [s.name, s.after.status])).toEqual([['firstResponse', null], ['resolution', null]]);
    }
    const summary = summarizeBacktest(results);
    expect([summary.cases, summary.diverged, summary.rejected, summary.routed, summary.reproduced]).toEqual([3, 3, 3, 0, 3]);
    const ends = new Map<string, number>();
    for (const c of three) ends.set(String(c.history[c.history.length - 1]?.to), (ends.get(String(c.history[c.history.length - 1]?.to)) ?? 0) + 1);
    expect(summary.endStates).toEqual(
      expect.arrayContaining([...[...ends].map(([state, n]) => ({ states: [state], before: n, after: 0 })), { states: [], before: 0, after: 3 }]),
    );
    expect(summary.endStates).toHaveLength(ends.size + 1);
    const resolution = summary.slas.find((s) => s.name === 'resolution');
    expect(resolution?.unchanged).toBe(0);
    expect(resolution?.breachedAfter).toBe(0);
    expect(resolution?.changes.reduce((n, change) => n + change.count, 0)).toBe(3);
    expect(resolution?.changes.every((change) => change.to === 'none')).toBe(true);
  });
});

// ---- the done-when: 10,000 closed complaints, resolution deadline P5D → P2D, against an independent count

/** Amsterdam is CET (UTC+1) all through the generated window (5 January to 20 March 2026), and no public holiday falls in it. */
const CET = 3_600_000;
const holidays = new Set((template.calendars?.office?.holidays ?? []).map(String));

/** `days` working days after `start` (Monday to Friday, not a holiday) at the same local time: what P<n>D means with the office calendar. */
function workingDaysAfter(start: string, days: number): number {
  const local = new Date(Date.parse(start) + CET);
  let left = days;
  while (left > 0) {
    local.setUTCDate(local.getUTCDate() + 1);
    const weekday = local.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(local.toISOString().slice(0, 10))) left -= 1;
  }
  return local.getTime() - CET;
}

/**
 * The resolution clock of a generated case read off its data with `deadlineDays`: its status (cancelled if
 * withdrawn, else met or met-late by when the survey or the close was entered) and whether the deadline
 * was reached before it stopped. A timer due at the instant of an event fires first (as the host's
 * scheduler does), so reaching the deadline exactly counts as reaching it.
 */
function resolutionOutcome(c: GeneratedCase, deadlineDays: number): { status: 'cancelled' | 'met' | 'met-late'; breached: boolean } {
  const stop = c.history.find((e) => e.to === 'survey' || e.to === 'closed' || e.to === 'withdrawn');
  if (stop === undefined) throw new Error(`case ${c.id} never stopped its resolution clock`);
  const created = c.history[0] as HistoryEntry;
  const breached = Date.parse(stop.at) >= workingDaysAfter(created.at, deadlineDays);
  return { status: stop.to === 'withdrawn' ? 'cancelled' : breached ? 'met-late' : 'met', breached };
}

describe('the done-when: 10,000 closed complaints against a tightened resolution deadline', () => {
  it('reports the SLA outcomes that change, matching an independent count of the business-day durations', () => {
    const cases = generateComplaintHistories(published, 10_000, 19);
    const B = compileCaseType(tightenedResolution(published));
    const { cases: results, summary } = backtest(A, B, cases.map(inputOf));

    // the independent count, from the generated data alone
    const expected = new Map<string, number>();
    let breachedBefore = 0;
    let breachedAfter = 0;
    for (const c of cases) {
      const before = resolutionOutcome(c, 5);
      const after = resolutionOutcome(c, 2);
      if (before.breached) breachedBefore += 1;
      if (after.breached) breachedAfter += 1;
      const key = `${before.status}>${after.status}`;
      if (before.status !== after.status) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const changed = [...expected.values()].reduce((a, b) => a + b, 0);
    // the generated spread makes the change real, not a corner: thousands of cases move, not all of them
    expect(changed).toBeGreaterThan(1000);
    expect(changed).toBeLessThan(9000);

    expect([summary.cases, summary.diverged, summary.reproduced]).toEqual([10_000, 0, 10_000]);
    const resolution = summary.slas.find((s) => s.name === 'resolution');
    expect(resolution).toEqual({
      name: 'resolution',
      changes: [...expected].map(([key, count]) => {
        const [from, to] = key.split('>');
        return { from, to, count };
      }),
      unchanged: 10_000 - changed,
      breachedBefore,
      breachedAfter,
    });
    // the first response is the same SLA on both: not one outcome moves
    expect(summary.slas.find((s) => s.name === 'firstResponse')?.changes).toEqual([]);
    // and per case, the very cases the count names
    for (const [i, result] of results.entries()) {
      const c = cases[i] as GeneratedCase;
      const sla = result.slas.find((s) => s.name === 'resolution');
      expect([c.id, sla?.before, sla?.after]).toEqual([c.id, resolutionOutcome(c, 5), resolutionOutcome(c, 2)]);
    }
    // a tighter clock changes no route: the end states are the same on both
    expect(summary.endStates.every((end) => end.before === end.after)).toBe(true);
  }, 60_000);
});
