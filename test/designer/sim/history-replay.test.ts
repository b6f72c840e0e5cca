// A recorded case's history replayed in the simulator on a draft (the backtest's "open in the simulator"):
// the same engine steps as the server's backtest (runtime/engine replayHistory), so the run ends where the
// backtest says the case ends on the draft, with the same SLA outcomes and the same refused events.
import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, createCase, dueTimers, fireTimer, leafStateIds, replayHistory } from '../../../runtime/engine/index.ts';
import type { Case, CaseData, HistoryEntry } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { current, simulationFromHistory, slaStatuses, toScenario } from '../../../designer/src/sim/simulator.ts';
import { runScenario } from '../../../runtime/scenarios/index.ts';
import { complaintData, complaintPaths, complaintV1 } from '../../complaint-versions.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const at = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
const agent = { id: 'agent-1', roles: ['agent', 'admin'] };

const v1 = compileCaseType({ ...complaintV1(), version: 1 });

function ok<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected success: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

/** A case recorded as the host records it: created, the events of a path a few hours apart, its own timers fired on time up to `until`. */
function recorded(path: keyof typeof complaintPaths, gap: number, until: string): { history: HistoryEntry[]; kase: Case } {
  let kase = ok(createCase(v1, { id: 'C-1', data: complaintData as CaseData }, T0, agent)).case;
  const history: HistoryEntry[] = [];
  const fireUntil = (instant: string) => {
    for (let next = dueTimers(kase, instant)[0]; next !== undefined && kase.closedAt === null; next = dueTimers(kase, instant)[0]) {
      const fired = ok(fireTimer(v1, kase, next.id, next.dueAt));
      kase = fired.case;
      history.push(fired.history);
    }
  };
  history.push({ seq: 1, at: T0, actor: agent.id, event: { type: 'case.created', data: complaintData as CaseData }, from: null, to: kase.state, patch: [], notes: [] });
  (complaintPaths[path] ?? []).forEach((event, i) => {
    const when = at((i + 1) * gap);
    fireUntil(when);
    const out = ok(applyEvent(v1, kase, event as { type: string; data?: CaseData }, when, agent));
    kase = out.case;
    history.push(out.history);
  });
  fireUntil(until);
  return { history, kase };
}

describe('a recorded history replayed in the simulator', () => {
  it('on the version it ran on, the run reproduces the recorded case: its states, SLA statuses and closing', () => {
    const until = at(24 * 10);
    const { history, kase } = recorded('survey', 2, until);
    expect(kase.state).toBe('closed');
    const replay = ok(simulationFromHistory(v1, history, kase.closedAt));
    const snap = current(replay.sim);
    expect(replay.refused).toEqual([]);
    expect([snap.case.state, snap.case.closedAt]).toEqual([kase.state, kase.closedAt]);
    expect(slaStatuses(snap.case)).toEqual(slaStatuses(kase));
    // the system entries (the survey's timer) are not sent: the type's own timer fires in the advance
    expect(replay.sim.snapshots.map((s) => s.label)).toEqual([
      'create the case',
      'advance PT2H',
      'send SUBMIT_TRIAGE {"reason":"billing","severity":"medium"}',
      'advance PT2H',
      expect.stringMatching(/^send EVIDENCE_COLLECTED /),
      'advance PT2H',
      expect.stringMatching(/^send SUBMIT_FINDINGS /),
      'advance PT2H',
      expect.stringMatching(/^send PROPOSE_RESOLUTION /),
      'advance P7D (fired timer.surveyExpired)',
    ]);
    // and the run is a scenario that `dossier test` passes on that version
    expect(runScenario(v1, toScenario(replay.sim, 'replayed', 'complaint')).passed).toBe(true);
  });

  it('on a draft that refuses an event and tightens an SLA, it ends where the server-side backtest replay ends', () => {
    const draft = complaintV1();
    // the draft: evidence can no longer be recorded in "Collect the facts", and the first response is due in 1 hour
    const investigating = draft.playbook.states['investigating'] as { states: Record<string, { on?: Record<string, unknown> }> };
    delete investigating.states['collect']?.on?.['EVIDENCE_COLLECTED'];
    const firstResponse = draft.slas?.['firstResponse'] as { deadline: string; goal: string; warnAt: string; calendar?: string };
    Object.assign(firstResponse, { warnAt: 'PT20M', goal: 'PT30M', deadline: 'PT1H' });
    delete firstResponse.calendar;
    const b = compileCaseType(draft as CaseType);
    const { history, kase } = recorded('survey', 3, at(24 * 10));
    const server = replayHistory(b, { id: 'C-1', history, until: kase.closedAt ?? at(24 * 10) });
    const replay = ok(simulationFromHistory(b, history, kase.closedAt));
    const snap = current(replay.sim);
    // the same end, the same SLA outcomes as the engine's backtest replay
    expect(leafStateIds(snap.case.state)).toEqual(server.endStates);
    expect(slaStatuses(snap.case)).toEqual(Object.fromEntries(Object.entries(server.slas).flatMap(([name, o]) => (o.status === null ? [] : [[name, o.status]]))));
    expect(slaStatuses(snap.case)['firstResponse']).toBe('met-late');
    // the refused events: the first is where the backtest says the case diverged; each changed nothing
    expect(replay.refused.map((r) => [r.event, r.rejection.code])).toEqual([
      ['EVIDENCE_COLLECTED', 'event.not_accepted'],
      ['SUBMIT_FINDINGS', 'event.not_accepted'],
      ['PROPOSE_RESOLUTION', 'event.not_accepted'],
    ]);
    expect(server.divergence).toMatchObject({ kind: 'rejected', seq: replay.refused[0]?.seq, event: 'EVIDENCE_COLLECTED' });
    expect(replay.refused.length).toBe(server.rejected);
    expect(snap.case.state).toEqual({ investigating: 'collect' });
  });

  it('a history that does not begin with the creation is refused in words', () => {
    const { history } = recorded('collect', 1, at(2));
    expect(() => simulationFromHistory(v1, history.slice(1))).toThrow("A case's history begins with case.created (got SUBMIT_TRIAGE).");
  });
});
