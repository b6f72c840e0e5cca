// The simulator: the playbook canvas with the current state highlighted (and path coverage when asked),
// beside a panel to start a case, send events, move the clock, watch SLAs, tasks and history, step back,
// and save / replay scenarios. Everything runs on the pure engine in the browser, never on the server.
import { useMemo, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { compileCaseType, activeStateIds, nextEvents, stateLabel } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType, CaseData, Rejection } from '../../../runtime/engine/index.ts';
import { SCENARIO_ACTOR } from '../../../runtime/scenarios/index.ts';
import type { Scenario, ScenarioResult } from '../../../runtime/scenarios/index.ts';
import { PlaybookView, type CanvasOverlay } from '../canvas/PlaybookView.tsx';
import type { Selection } from '../model/problem-target.ts';
import { advanceHour, advanceTo, advanceWorkingDay, backTo, current, nextTimerAt, sendEvent, startSimulation, stepBack, type SimResult, type Simulation } from './simulator.ts';
import { computeCoverage } from './coverage.ts';
import { SimStart } from './SimStart.tsx';
import { SimEvents } from './SimEvents.tsx';
import { SimCaseState, SimClock, SimSummary } from './SimCaseView.tsx';
import { SimScenarios } from './SimScenarios.tsx';
import { problemSentence } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';
import { rejectionText } from '../model/refusal-words.ts';

export interface SimSession {
  sim: Simulation | null;
  results: Record<string, ScenarioResult>;
  /** The definition (as JSON) the results were replayed on: results of another one are marked stale. */
  resultsFor: string | null;
  showCoverage: boolean;
}

export const EMPTY_SIM_SESSION: SimSession = { sim: null, results: {}, resultsFor: null, showCoverage: false };

interface Props {
  def: CaseType;
  /** Errors in the problems panel: the engine runs only a valid definition. */
  errorCount: number;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
  preview: Record<string, unknown>;
  session: SimSession;
  setSession: (s: SimSession) => void;
}

/** A refusal in the case type's words, its fields named by label. */
function refusalText(def: CaseType, event: string | null, r: Rejection): string {
  const label = (pointer: string) => fieldLabel(def, pointer);
  const head = event === null ? r.message : rejectionText(def, event, r);
  return `${head}${r.problems.length ? ` (${r.problems.map((p) => problemSentence(p, label)).join('; ')})` : ''}`;
}

export function SimulatorView({ def, errorCount, edit, preview, session, setSession }: Props) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const compiled = useMemo((): { type: CompiledCaseType } | { error: string } => {
    if (errorCount > 0) return { error: `the definition has ${errorCount} error${errorCount === 1 ? '' : 's'}.` };
    try {
      return { type: compileCaseType(def) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [def, errorCount]);
  const type = 'type' in compiled ? compiled.type : null;
  const defJson = useMemo(() => JSON.stringify(def), [def]);
  const calendar = Object.keys(def.calendars ?? {})[0] ?? null;
  const { sim } = session;
  const snap = sim ? current(sim) : null;

  const coverage = useMemo(() => {
    if (!session.showCoverage || !type) return null;
    try {
      return computeCoverage(type, (def.scenarios ?? []) as unknown as Scenario[]);
    } catch {
      return null;
    }
  }, [session.showCoverage, type, def.scenarios]);

  const overlay = useMemo<CanvasOverlay>(() => ({ active: snap ? activeStateIds(snap.case.state) : [], coverage: coverage?.edges ?? null }), [snap, coverage]);

  const apply = (step: () => SimResult, what: string, event: string | null = null) => {
    let r: SimResult;
    try {
      r = step();
    } catch (e) {
      // a defect of the definition (an `always` or `raise` loop): said, not thrown at the page
      setMessage(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (r.ok) {
      setMessage(null);
      setSession({ ...session, sim: r.sim });
    } else setMessage(event === null ? `${what} was rejected: ${refusalText(def, null, r.rejection)}` : refusalText(def, event, r.rejection));
  };

  const panel = (
    <aside className="side-panel sim-panel" aria-label="Simulator">
      <h2>Simulator</h2>
      <p className="muted">Runs the engine itself in this browser, as an admin (like dossier test): nothing is sent to the server.</p>
      {type === null ? (
        <p role="alert" className="error">The case type cannot run yet: {'error' in compiled ? compiled.error : ''} Fix the errors in the problems panel first.</p>
      ) : (
        <>
          <SimStart def={def} preview={preview} onStart={(data: CaseData, at: string) => apply(() => startSimulation(type, data, at), 'Creating the case')} />
          {message ? <p role="alert" className="error sim-message">{message}</p> : null}
          {sim && snap ? (
            <>
              <div className="button-row">
                <button type="button" onClick={() => setSession({ ...session, sim: stepBack(sim) })} disabled={sim.snapshots.length <= 1}>
                  Step back
                </button>
                <button type="button" onClick={() => { setMessage(null); setSession({ ...session, sim: null }); }}>
                  Reset
                </button>
                <span className="muted">
                  {sim.snapshots.length - 1} step{sim.snapshots.length === 2 ? '' : 's'}
                </span>
              </div>
              <ol className="sim-steps" aria-label="Steps">
                {sim.snapshots.map((x, i) => (
                  <li key={i}>
                    {x.label}{' '}
                    {i < sim.snapshots.length - 1 ? (
                      <button type="button" className="link" onClick={() => setSession({ ...session, sim: backTo(sim, i) })} aria-label={`Back to step ${i}`}>
                        back to here
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
              <SimSummary sim={sim} />
              <SimEvents
                def={def}
                events={nextEvents(type, snap.case, SCENARIO_ACTOR)}
                stateText={stateLabel(snap.case.state)}
                closed={snap.case.closedAt !== null}
                onSend={(event, data) => apply(() => sendEvent(type, sim, event, data), `Event ${event}`, event)}
              />
              <SimClock
                type={type}
                sim={sim}
                calendar={calendar}
                onHour={() => apply(() => advanceHour(type, sim), 'A timer')}
                onWorkingDay={() => apply(() => advanceWorkingDay(type, sim, calendar), 'A timer')}
                onNextTimer={() => {
                  const at = nextTimerAt(sim);
                  if (at) apply(() => advanceTo(type, sim, at), 'A timer');
                }}
              />
              <SimCaseState type={type} sim={sim} />
            </>
          ) : null}
        </>
      )}
      <SimScenarios
        def={def}
        type={type}
        sim={sim}
        edit={edit}
        results={session.results}
        stale={session.resultsFor !== null && session.resultsFor !== defJson}
        setResults={(results) => setSession({ ...session, results, resultsFor: defJson })}
        coverage={coverage}
        onCoverage={(show) => setSession({ ...session, showCoverage: show })}
      />
    </aside>
  );
  return <PlaybookView def={def} edit={edit} selection={selection} select={setSelection} overlay={overlay} panel={panel} />;
}
