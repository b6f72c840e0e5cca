// The simulator: the playbook canvas with the current state highlighted (and path coverage when asked),
// beside a panel to start a case, send events, move the clock, watch SLAs, tasks and history, step back,
// and save / replay scenarios. Everything runs on the pure engine in the browser, never on the server.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { compileCaseType, activeStateIds, nextEvents, stateLabel } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType, CaseData, Rejection } from '../../../runtime/engine/index.ts';
import { SCENARIO_ACTOR } from '../../../runtime/scenarios/index.ts';
import type { Scenario, ScenarioResult } from '../../../runtime/scenarios/index.ts';
import { PlaybookView, type CanvasOverlay } from '../canvas/PlaybookView.tsx';
import type { Selection } from '../model/problem-target.ts';
import { advanceHour, advanceTo, advanceWorkingDay, backTo, current, hasMigration, nextTimerAt, sendEvent, startSimulation, stepBack, stepInWords, type ReplayRefusal, type SimResult, type Simulation } from './simulator.ts';
import { SimMigrateDialog, SimMigrationSummary } from './SimMigrate.tsx';
import type { ApiClient } from '../api/client.ts';
import { computeCoverage } from './coverage.ts';
import { SimStart } from './SimStart.tsx';
import { SimEvents } from './SimEvents.tsx';
import { SimCaseState, SimClock, SimSummary } from './SimCaseView.tsx';
import { SimScenarios } from './SimScenarios.tsx';
import { SimLinked } from './SimLinked.tsx';
import { childCaseTypes, childRun, familyOf, linkedResult, sendToChild, touchedByLinked } from './linked-sim.ts';
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
  /** The published version a new run starts on (null or absent: the draft). */
  startOn?: number | null;
  /** Published versions' definitions loaded for runs on them, by version (each with its `version`). */
  versions?: Record<number, CaseType>;
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
  setSession: (s: SimSession | ((previous: SimSession) => SimSession)) => void;
  /** To list and load the published versions a run can start on and move to; without it the simulator runs the draft only. */
  api?: ApiClient;
  /** The latest published version (null: never published, so there are no versions to ask the server for). */
  latestVersion?: number | null;
}

const noEdit = () => undefined;

/** A refusal in the case type's words, its fields named by label. */
function refusalText(def: CaseType, event: string | null, r: Rejection, words: Words = ENGLISH): string {
  const label = (pointer: string) => fieldLabel(def, pointer);
  const head = event === null ? r.message : rejectionText(def, event, r, words);
  return `${head}${r.problems.length ? ` (${r.problems.map((p) => problemSentence(p, label, words)).join('; ')})` : ''}`;
}

export function SimulatorView({ def, errorCount, edit, preview, session, setSession, api, latestVersion }: Props) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [published, setPublished] = useState<number[]>([]);
  const [loading, setLoading] = useState<{ version: number; error: string | null } | null>(null);
  const [moving, setMoving] = useState(false);
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
  const { sim } = session;
  const snap = sim ? current(sim) : null;

  // the published versions a run can start on and move to, newest first
  useEffect(() => {
    // a case type never published has no versions: asking would only be answered 404
    if (!api || latestVersion === null) return;
    let live = true;
    void api.listVersions(def.key).then((r) => {
      if (live && r.ok) setPublished(r.value.map((v) => v.version).sort((a, b) => b - a));
    });
    return () => {
      live = false;
    };
  }, [api, def.key, latestVersion]);
  const versions = session.versions;
  const known = useRef(versions);
  known.current = versions;
  /** A published version's definition: loaded once, then kept with the session (a run on it needs it to go on). */
  const loadVersion = useCallback(
    async (version: number): Promise<CaseType | { error: string }> => {
      const have = known.current?.[version];
      if (have) return have;
      if (!api) return { error: t('sim.migrate.onlyVersion') };
      const r = await api.getVersion(def.key, version);
      if (!r.ok) return { error: r.message };
      const loaded = { ...r.value, version };
      setSession((previous) => ({ ...previous, versions: { ...previous.versions, [version]: loaded } }));
      return loaded;
    },
    [api, def.key, setSession, t],
  );
  /** The compiled case type of a version (0: the draft); null when it cannot run or is not loaded. */
  const typeOf = useCallback(
    (version: number): CompiledCaseType | null => {
      if (version === 0) return type;
      const vdef = versions?.[version];
      if (!vdef) return null;
      try {
        return compileCaseType(vdef);
      } catch {
        return null;
      }
    },
    [type, versions],
  );
  // the version the run is on: the simulated case's (a move changes it), or the one a new run starts on
  const runVersion = snap ? snap.case.version : (session.startOn ?? 0);
  const runDef = runVersion === 0 ? def : (versions?.[runVersion] ?? def);
  const runType = typeOf(runVersion);
  const calendar = Object.keys(runDef.calendars ?? {})[0] ?? null;

  // the case types of the child cases the run opens: this definition for its own key, else the latest
  // published version of each, loaded once (linked-sim.ts; docs/linked-work.md)
  const childKeys = useMemo(() => childCaseTypes(runDef).filter((key) => key !== runDef.key), [runDef]);
  const [childDefs, setChildDefs] = useState<Record<string, CaseType | null>>({});
  const childKeyList = childKeys.join(',');
  useEffect(() => {
    if (!api || childKeyList === '') return;
    let live = true;
    void (async () => {
      const loaded: Record<string, CaseType | null> = {};
      for (const key of childKeyList.split(',')) {
        const versions = await api.listVersions(key);
        const latest = versions.ok ? versions.value.map((v) => v.version).sort((a, b) => b - a)[0] : undefined;
        const got = latest === undefined ? null : await api.getVersion(key, latest);
        loaded[key] = got !== null && got.ok ? got.value : null;
      }
      if (live) setChildDefs(loaded);
    })();
    return () => {
      live = false;
    };
  }, [api, childKeyList]);
  const childTypes = useMemo(() => {
    const out = new Map<string, CompiledCaseType>();
    for (const [key, cdef] of Object.entries(childDefs)) {
      if (cdef === null) continue;
      try {
        out.set(key, compileCaseType(cdef));
      } catch {
        // a published version this engine cannot run: its children are not simulated
      }
    }
    return out;
  }, [childDefs]);
  const resolve = useCallback((key: string): CompiledCaseType | null => (key === runDef.key ? runType : (childTypes.get(key) ?? null)), [runDef.key, runType, childTypes]);
  const defOfKey = (key: string): CaseType | null => (key === runDef.key ? runDef : (childDefs[key] ?? null));
  const childrenLoading = api !== undefined && childKeys.some((key) => !(key in childDefs));
  const [shownChild, setShownChild] = useState<string | null>(null);
  const family = sim ? familyOf(sim) : null;
  const shown = family?.children.find((c) => c.case.id === shownChild) ?? null;
  const shownType = shown ? resolve(shown.key) : null;
  const shownDef = shown ? defOfKey(shown.key) : null;
  const linked = (step: () => SimResult) => () => linkedResult(step(), runDef.key, resolve);

  const coverage = useMemo(() => {
    if (!session.showCoverage || !type) return null;
    try {
      return computeCoverage(type, (def.scenarios ?? []) as unknown as Scenario[]);
    } catch {
      return null;
    }
  }, [session.showCoverage, type, def.scenarios]);

  const overlay = useMemo<CanvasOverlay>(
    () => ({ active: snap ? activeStateIds(snap.case.state) : [], coverage: runVersion === 0 ? (coverage?.edges ?? null) : null }),
    [snap, coverage, runVersion],
  );

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
    } else setMessage(event === null ? t('sim.view.rejected', { what, reason: refusalText(runDef, null, r.rejection, words) }) : refusalText(runDef, event, r.rejection, words));
  };

  const chooseStart = (value: string) => {
    const version = value === '' ? null : Number(value);
    if (version === null) return setSession({ ...session, startOn: null });
    setLoading({ version, error: null });
    void loadVersion(version).then((loaded) => {
      if ('error' in loaded) return setLoading({ version, error: loaded.error });
      setLoading(null);
      setSession((previous) => ({ ...previous, startOn: version }));
    });
  };
  const others = published.filter((v) => v !== runVersion);
  const runOn =
    published.length > 0 ? (
      <p className="sim-run-on">
        <label>
          {t('sim.migrate.runOn')}{' '}
          <select value={session.startOn ?? ''} onChange={(e) => chooseStart(e.target.value)}>
            <option value="">{t('sim.migrate.draft')}</option>
            {published.map((v) => (
              <option key={v} value={v}>
                {t('sim.migrate.version', { version: v })}
              </option>
            ))}
          </select>
        </label>
        {loading && loading.error === null ? <span role="status"> {t('sim.migrate.loading', { version: loading.version })}</span> : null}
        {loading?.error ? <span role="alert" className="error"> {t('sim.migrate.loadFailed', { version: loading.version, message: loading.error })}</span> : null}
      </p>
    ) : null;

  const panel = (
    <aside className="side-panel sim-panel" aria-label={t('sim.view.label')}>
      <h2>{t('sim.view.label')}</h2>
      <p className="muted">{t('sim.view.intro')}</p>
      {runOn}
      {runType === null ? (
        <p role="alert" className="error">{t('sim.view.cannotRun', { error: 'error' in compiled ? compiled.error : '' })}</p>
      ) : (
        <>
          <SimStart def={def} preview={preview} onStart={(data: CaseData, at: string) => apply(linked(() => startSimulation(runType, data, at)), t('sim.view.creating'), null, true)} />
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
              {runVersion > 0 ? (
                <div className="sim-versions">
                  <p className="muted">{t('sim.migrate.onVersion', { version: runVersion })}</p>
                  {snap.case.closedAt === null && others.length > 0 ? (
                    <button type="button" onClick={() => setMoving(true)}>
                      {t('sim.migrate.open')}
                    </button>
                  ) : null}
                  {snap.case.closedAt === null && others.length === 0 ? <p className="muted">{t('sim.migrate.onlyVersion')}</p> : null}
                </div>
              ) : published.length > 0 ? (
                <p className="muted">{t('sim.migrate.onDraft')}</p>
              ) : null}
              <SimMigrationSummary sim={sim} typeOf={typeOf} />
              <SimLinked sim={sim} defs={defOfKey} shown={shown ? shown.case.id : null} onShow={setShownChild} loading={childrenLoading} />
              {shown && shownType && shownDef ? (
                <section aria-label={t('sim.linked.childOf', { n: (family?.children.indexOf(shown) ?? 0) + 1, title: shownDef.title })} className="sim-child">
                  <SimSummary sim={childRun(sim, shown)} />
                  <SimEvents
                    def={shownDef}
                    events={nextEvents(shownType, shown.case, SCENARIO_ACTOR)}
                    stateText={stateLabel(shown.case.state)}
                    closed={shown.case.closedAt !== null}
                    onSend={(event, data) => apply(() => sendToChild(sim, shown.case.id, event, data, runDef.key, resolve), t('sim.view.event', { event }), event)}
                  />
                  <SimCaseState type={shownType} sim={childRun(sim, shown)} />
                  <button type="button" onClick={() => setShownChild(null)}>
                    {t('sim.linked.back')}
                  </button>
                </section>
              ) : (
                <SimEvents
                  def={runDef}
                  events={nextEvents(runType, snap.case, SCENARIO_ACTOR)}
                  stateText={stateLabel(snap.case.state)}
                  closed={snap.case.closedAt !== null}
                  onSend={(event, data) => apply(linked(() => sendEvent(runType, sim, event, data)), t('sim.view.event', { event }), event)}
                />
              )}
              <SimClock
                type={runType}
                sim={sim}
                calendar={calendar}
                onHour={() => apply(linked(() => advanceHour(runType, sim)), t('sim.view.timer'))}
                onWorkingDay={() => apply(linked(() => advanceWorkingDay(runType, sim, calendar)), t('sim.view.timer'))}
                onNextTimer={() => {
                  const at = nextTimerAt(sim);
                  if (at) apply(linked(() => advanceTo(runType, sim, at)), t('sim.view.timer'));
                }}
              />
              {shown ? null : <SimCaseState type={runType} sim={sim} />}
              {moving ? (
                <SimMigrateDialog
                  from={runType}
                  versions={others}
                  loadVersion={loadVersion}
                  sim={sim}
                  onClose={() => setMoving(false)}
                  onMoved={(moved) => {
                    setMoving(false);
                    setMessage(null);
                    setSession((previous) => ({ ...previous, sim: moved }));
                  }}
                />
              ) : null}
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
        saveNote={runVersion !== 0 || (sim !== null && hasMigration(sim)) ? t('sim.migrate.notSavable') : sim !== null && touchedByLinked(sim) ? t('sim.linked.notSavable') : null}
      />
    </aside>
  );
  // a run on a published version shows that version's playbook, which is not edited here
  return <PlaybookView def={runDef} edit={runVersion === 0 ? edit : noEdit} selection={selection} select={setSelection} overlay={overlay} panel={panel} />;
}
