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
import { advanceHour, advanceTo, advanceWorkingDay, backTo, current, nextTimerAt, sendEvent, startSimulation, stepBack, stepInWords, type ReplayRefusal, type SimResult, type Simulation } from './simulator.ts';
import { computeCoverage } from './coverage.ts';
import { SimStart } from './SimStart.tsx';
import { SimEvents } from './SimEvents.tsx';
import { SimCaseState, SimClock, SimSummary } from './SimCaseView.tsx';
import { SimScenarios } from './SimScenarios.tsx';
import { problemSentence } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';
import { rejectionText } from '../model/refusal-words.ts';
import { useWords } from '../i18n/use-words.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { formatDateTime } from '../i18n/format.ts';
import { refusalReason } from '../editor/backtest/backtest-words.ts';

export interface SimSession {
  sim: Simulation | null;
  results: Record<string, ScenarioResult>;
  /** The definition (as JSON) the results were replayed on: results of another one are marked stale. */
  resultsFor: string | null;
  showCoverage: boolean;
  /** The run is a recorded case's history replayed on the draft (opened from the backtest): which case, and the events the draft refused. */
  replayOf?: { reference: string; refused: ReplayRefusal[] } | null;
}

export const EMPTY_SIM_SESSION: SimSession = { sim: null, results: {}, resultsFor: null, showCoverage: false };

/** Which recorded case the run replays, and what the draft refused of its history. */
function ReplayNote({ def, replayOf }: { def: CaseType; replayOf: NonNullable<SimSession['replayOf']> }) {
  const words = useWords();
  const { t, language } = words;
  return (
    <div className="sim-replay-of" role="note" aria-label={t('backtest.sim.replayOf', { reference: replayOf.reference })}>
      <p>{t('backtest.sim.replayOf', { reference: replayOf.reference })}</p>
      {replayOf.refused.length === 0 ? (
        <p className="muted">{t('backtest.sim.accepted')}</p>
      ) : (
        <>
          <p>{t('backtest.sim.refused', { count: replayOf.refused.length })}</p>
          <ul>
            {replayOf.refused.map((r) => (
              <li key={r.seq}>
                {t('backtest.divergence.refused', { step: r.seq, at: formatDateTime(r.at, language), reason: refusalReason(def, null, r.event, r.rejection.code, r.rejection.message, words) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

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
function refusalText(def: CaseType, event: string | null, r: Rejection, words: Words = ENGLISH): string {
  const label = (pointer: string) => fieldLabel(def, pointer);
  const head = event === null ? r.message : rejectionText(def, event, r, words);
  return `${head}${r.problems.length ? ` (${r.problems.map((p) => problemSentence(p, label, words)).join('; ')})` : ''}`;
}

export function SimulatorView({ def, errorCount, edit, preview, session, setSession }: Props) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const words = useWords();
  const { t } = words;
  const compiled = useMemo((): { type: CompiledCaseType } | { error: string } => {
    if (errorCount > 0) return { error: t('sim.view.errors', { count: errorCount }) };
    try {
      return { type: compileCaseType(def) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [def, errorCount, t]);
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

  const apply = (step: () => SimResult, what: string, event: string | null = null, fresh = false) => {
    let r: SimResult;
    try {
      r = step();
    } catch (e) {
      // a defect of the definition (an `always` or `raise` loop): said, not thrown at the page
      setMessage(t('sim.view.failed', { what, error: e instanceof Error ? e.message : String(e) }));
      return;
    }
    if (r.ok) {
      setMessage(null);
      setSession({ ...session, sim: r.sim, ...(fresh ? { replayOf: null } : {}) });
    } else setMessage(event === null ? t('sim.view.rejected', { what, reason: refusalText(def, null, r.rejection, words) }) : refusalText(def, event, r.rejection, words));
  };

  const panel = (
    <aside className="side-panel sim-panel" aria-label={t('sim.view.label')}>
      <h2>{t('sim.view.label')}</h2>
      <p className="muted">{t('sim.view.intro')}</p>
      {type === null ? (
        <p role="alert" className="error">{t('sim.view.cannotRun', { error: 'error' in compiled ? compiled.error : '' })}</p>
      ) : (
        <>
          <SimStart def={def} preview={preview} onStart={(data: CaseData, at: string) => apply(() => startSimulation(type, data, at), t('sim.view.creating'), null, true)} />
          {message ? <p role="alert" className="error sim-message">{message}</p> : null}
          {sim && session.replayOf ? <ReplayNote def={def} replayOf={session.replayOf} /> : null}
          {sim && snap ? (
            <>
              <div className="button-row">
                <button type="button" onClick={() => setSession({ ...session, sim: stepBack(sim) })} disabled={sim.snapshots.length <= 1}>
                  {t('sim.view.stepBack')}
                </button>
                <button type="button" onClick={() => { setMessage(null); setSession({ ...session, sim: null, replayOf: null }); }}>
                  {t('sim.view.reset')}
                </button>
                <span className="muted">{t('sim.view.steps', { count: sim.snapshots.length - 1 })}</span>
              </div>
              <ol className="sim-steps" aria-label={t('sim.view.stepList')}>
                {sim.snapshots.map((x, i) => (
                  <li key={i}>
                    {stepInWords(x.label, words)}{' '}
                    {i < sim.snapshots.length - 1 ? (
                      <button type="button" className="link" onClick={() => setSession({ ...session, sim: backTo(sim, i) })} aria-label={t('sim.view.backToStep', { index: i })}>
                        {t('sim.view.backHere')}
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
                onSend={(event, data) => apply(() => sendEvent(type, sim, event, data), t('sim.view.event', { event }), event)}
              />
              <SimClock
                type={type}
                sim={sim}
                calendar={calendar}
                onHour={() => apply(() => advanceHour(type, sim), t('sim.view.timer'))}
                onWorkingDay={() => apply(() => advanceWorkingDay(type, sim, calendar), t('sim.view.timer'))}
                onNextTimer={() => {
                  const at = nextTimerAt(sim);
                  if (at) apply(() => advanceTo(type, sim, at), t('sim.view.timer'));
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
