// The Backtest view (issue 19, item 6): the newest cases of the published version replayed on the draft as
// it is being edited (the definition goes with the request, so unsaved edits count), by the server's
// POST /api/case-types/{key}/backtest. Shows the figures, the SLA outcomes that change, where the cases end
// and the cases that go differently, each openable in the simulator (its history replayed on the draft in
// the browser, by the engine: sim/simulator.ts simulationFromHistory). Reading a history takes the agent or
// admin role: for others the button is disabled and says why. docs/backtest.md.
import { useContext, useId, useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { compileCaseType } from '../../../../runtime/engine/index.ts';
import type { ApiClient } from '../../api/client.ts';
import { SignedInUser } from '../../app/signed-in-user.ts';
import { simulationFromHistory, type ReplayRefusal, type Simulation } from '../../sim/simulator.ts';
import { useWords } from '../../i18n/use-words.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { caseSlaChanges, divergenceText, outcomeWord, slaTitle, statesText, type BacktestCase, type BacktestReport } from './backtest-words.ts';

type Which = 'any' | 'closed' | 'open';

/** The view's state, kept by the workspace so that the report is still there after a look in the simulator. */
export interface BacktestSession {
  cases: string;
  which: Which;
  run: { type: 'idle' } | { type: 'running'; cases: number } | { type: 'failed'; message: string } | { type: 'done'; report: BacktestReport };
}

export const EMPTY_BACKTEST_SESSION: BacktestSession = { cases: '500', which: 'closed', run: { type: 'idle' } };

/** A diverging case opened in the simulator: the run, and which case it is with what the draft refused. */
export interface OpenedCase {
  sim: Simulation;
  reference: string;
  refused: ReplayRefusal[];
}

interface Props {
  api: ApiClient;
  def: CaseType;
  published: CaseType | null;
  errorCount: number;
  session: BacktestSession;
  setSession: (s: BacktestSession) => void;
  onOpenCase: (opened: OpenedCase) => void;
}

/** How many diverging cases the table lists. */
const LISTED = 200;

const ROLES_THAT_READ_HISTORY = ['admin', 'agent'];

function validCount(text: string): number | null {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : null;
}

export function BacktestView({ api, def, published, errorCount, session, setSession, onOpenCase }: Props) {
  const words = useWords();
  const { t, language } = words;
  const me = useContext(SignedInUser);
  const canOpen = me?.roles.some((r) => ROLES_THAT_READ_HISTORY.includes(r)) ?? false;
  const noRightsId = useId();
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const count = validCount(session.cases);
  const version = published?.version ?? null;
  const running = session.run.type === 'running';
  const blocked = version === null ? t('backtest.view.notPublished') : errorCount > 0 ? t('backtest.view.errors', { count: errorCount }) : null;

  const run = async () => {
    if (count === null || blocked !== null) return;
    setOpenError(null);
    const base = { ...session, run: { type: 'running', cases: count } } satisfies BacktestSession;
    setSession(base);
    const { version: _version, ...definition } = def;
    const r = await api.backtest(def.key, { cases: count, ...(session.which === 'any' ? {} : { status: session.which }), definition: definition as Record<string, unknown> });
    setSession({ ...base, run: r.ok ? { type: 'done', report: r.value } : { type: 'failed', message: r.message } });
  };

  const open = async (c: BacktestCase, report: BacktestReport) => {
    setOpening(c.id);
    setOpenError(null);
    try {
      const history = await api.caseHistory(c.id);
      if (!history.ok) return setOpenError(t('backtest.diverging.openFailed', { reference: c.reference, message: history.message }));
      const replay = simulationFromHistory(compileCaseType(def), history.value, c.closedAt ?? report.now);
      if (!replay.ok) return setOpenError(t('backtest.diverging.openFailed', { reference: c.reference, message: t('backtest.divergence.created', { at: formatDateTime(c.createdAt, language) }) }));
      onOpenCase({ sim: replay.sim, reference: c.reference, refused: replay.refused });
    } catch (e) {
      setOpenError(t('backtest.diverging.openFailed', { reference: c.reference, message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setOpening(null);
    }
  };

  const which = (w: string) => t(`backtest.result.status.${w}`);
  const n = (value: number) => formatNumber(value, language);

  return (
    <section className="backtest-view" aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">{t('backtest.view.heading')}</h2>
      <p className="muted">{t('backtest.view.intro')}</p>
      {blocked !== null ? (
        <p role="status" className="warn">
          {blocked}
        </p>
      ) : null}
      <form
        className="inline-form backtest-form"
        aria-label={t('backtest.view.form')}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('backtest.view.cases')}{' '}
          <input
            type="number"
            min={1}
            max={10_000}
            value={session.cases}
            aria-invalid={count === null}
            aria-describedby="backtest-cases-hint"
            onChange={(e) => setSession({ ...session, cases: e.target.value })}
          />
        </label>
        <span id="backtest-cases-hint" className={count === null ? 'error' : 'muted'}>
          {t('backtest.view.casesHint')}
        </span>
        <label>
          {t('backtest.view.which')}{' '}
          <select value={session.which} onChange={(e) => setSession({ ...session, which: e.target.value as Which })}>
            <option value="closed">{t('backtest.view.closed')}</option>
            <option value="open">{t('backtest.view.open')}</option>
            <option value="any">{t('backtest.view.any')}</option>
          </select>
        </label>
        <button type="submit" disabled={running || count === null || blocked !== null}>
          {running ? t('backtest.view.running') : t('backtest.view.run')}
        </button>
      </form>
      {session.run.type === 'running' ? (
        <p role="status" aria-live="polite" className="backtest-progress">
          <progress aria-label={t('backtest.view.running')} /> {t('backtest.view.progress', { count: session.run.cases, version: version ?? 0 })}
        </p>
      ) : null}
      {session.run.type === 'failed' ? (
        <p role="alert" className="error">
          {t('backtest.view.failed', { message: session.run.message })}
        </p>
      ) : null}
      {session.run.type === 'done' ? (
        <Report
          report={session.run.report}
          def={def}
          published={published}
          which={which(session.run.report.status)}
          n={n}
          canOpen={canOpen}
          noRightsId={noRightsId}
          opening={opening}
          openError={openError}
          onOpen={(c) => void open(c, (session.run as { report: BacktestReport }).report)}
        />
      ) : null}
    </section>
  );
}

interface ReportProps {
  report: BacktestReport;
  def: CaseType;
  published: CaseType | null;
  which: string;
  n: (value: number) => string;
  canOpen: boolean;
  noRightsId: string;
  opening: string | null;
  openError: string | null;
  onOpen: (c: BacktestCase) => void;
}

function Report({ report, def, published, which, n, canOpen, noRightsId, opening, openError, onOpen }: ReportProps) {
  const words = useWords();
  const { t, language } = words;
  const { summary, version } = report;
  const defs = [def, published];
  const diverging = report.cases.filter((c) => c.diverged);
  const changes = summary.slas.flatMap((s) => s.changes.map((c) => ({ name: s.name, ...c })));
  if (summary.cases === 0) {
    return (
      <p role="status" className="backtest-result">
        {t('backtest.result.none', { version, which })}
      </p>
    );
  }
  return (
    <div className="backtest-result">
      <h3>{t('backtest.result.heading')}</h3>
      <p className="muted">{t('backtest.result.asked', { count: report.requested, version, which, now: formatDateTime(report.now, language) })}</p>
      <table className="diff-table backtest-figures" aria-label={t('backtest.result.figures')}>
        <thead>
          <tr>
            <th scope="col">{t('backtest.result.figure')}</th>
            <th scope="col">{t('backtest.result.value')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('backtest.result.cases')}</th>
            <td data-figure="cases">{n(summary.cases)}</td>
          </tr>
          <tr>
            <th scope="row">{t('backtest.result.diverged')}</th>
            <td data-figure="diverged">{n(summary.diverged)}</td>
          </tr>
          <tr>
            <th scope="row">{t('backtest.result.rejected')}</th>
            <td data-figure="rejected">{n(summary.rejected)}</td>
          </tr>
          <tr>
            <th scope="row">{t('backtest.result.routed')}</th>
            <td data-figure="routed">{n(summary.routed)}</td>
          </tr>
          <tr>
            <th scope="row">{t('backtest.result.reproduced', { version })}</th>
            <td data-figure="reproduced">{n(summary.reproduced)}</td>
          </tr>
        </tbody>
      </table>

      <h3 id="backtest-sla-heading">{t('backtest.slas.heading')}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('backtest.slas.none')}</p>
      ) : (
        <table className="diff-table backtest-sla-changes" aria-labelledby="backtest-sla-heading">
          <thead>
            <tr>
              <th scope="col">{t('backtest.slas.sla')}</th>
              <th scope="col">{t('backtest.slas.from', { version })}</th>
              <th scope="col">{t('backtest.slas.to')}</th>
              <th scope="col">{t('backtest.slas.cases')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.name}:${c.from}:${c.to}`} data-sla={c.name} data-from={c.from} data-to={c.to}>
                <th scope="row">{slaTitle(defs, c.name)}</th>
                <td>{outcomeWord(c.from, words)}</td>
                <td>{outcomeWord(c.to, words)}</td>
                <td data-figure="count">{n(c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.slas.length > 0 ? (
        <table className="diff-table backtest-deadlines" aria-label={t('backtest.slas.deadlines')}>
          <caption>{t('backtest.slas.deadlines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backtest.slas.sla')}</th>
              <th scope="col">{t('backtest.slas.unchanged')}</th>
              <th scope="col">{t('backtest.slas.reachedBefore', { version })}</th>
              <th scope="col">{t('backtest.slas.reachedAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.slas.map((s) => (
              <tr key={s.name} data-sla={s.name}>
                <th scope="row">{slaTitle(defs, s.name)}</th>
                <td data-figure="unchanged">{n(s.unchanged)}</td>
                <td data-figure="breachedBefore">{n(s.breachedBefore)}</td>
                <td data-figure="breachedAfter">{n(s.breachedAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h3 id="backtest-ends-heading">{t('backtest.ends.heading')}</h3>
      <table className="diff-table backtest-ends" aria-labelledby="backtest-ends-heading">
        <thead>
          <tr>
            <th scope="col">{t('backtest.ends.state')}</th>
            <th scope="col">{t('backtest.ends.before', { version })}</th>
            <th scope="col">{t('backtest.ends.after')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.endStates.map((e) => (
            <tr key={e.states.join(' ')} data-states={e.states.join(' ')}>
              <th scope="row">{statesText(defs, e.states, words)}</th>
              <td data-figure="before">{n(e.before)}</td>
              <td data-figure="after">{n(e.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 id="backtest-diverging-heading">{t('backtest.diverging.heading', { count: summary.diverged })}</h3>
      {diverging.length === 0 ? <p className="muted">{t('backtest.diverging.none')}</p> : null}
      {diverging.length > 0 && !canOpen ? (
        <p id={noRightsId} className="muted">
          {t('backtest.diverging.noRights')}
        </p>
      ) : null}
      {openError ? (
        <p role="alert" className="error">
          {openError}
        </p>
      ) : null}
      {diverging.length > 0 ? (
        <table className="diff-table backtest-cases" aria-label={t('backtest.diverging.table')}>
          <thead>
            <tr>
              <th scope="col">{t('backtest.diverging.reference')}</th>
              <th scope="col">{t('backtest.diverging.where')}</th>
              <th scope="col">{t('backtest.diverging.slas')}</th>
              <th scope="col">{t('backtest.diverging.end')}</th>
              <th scope="col">{t('backtest.diverging.simulator')}</th>
            </tr>
          </thead>
          <tbody>
            {diverging.slice(0, LISTED).map((c) => {
              const slaChanges = caseSlaChanges(def, published, c, words);
              return (
                <tr key={c.id} data-case={c.id}>
                  <th scope="row">{c.reference}</th>
                  <td>{c.divergence ? divergenceText(def, published, c.divergence, words) : ''}</td>
                  <td>{slaChanges.length === 0 ? t('backtest.diverging.noSlaChange') : slaChanges.join('; ')}</td>
                  <td>{statesText(defs, c.endAfter, words)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={!canOpen || opening !== null}
                      aria-describedby={canOpen ? undefined : noRightsId}
                      aria-label={t('backtest.diverging.openLabel', { reference: c.reference })}
                      onClick={() => onOpen(c)}
                    >
                      {opening === c.id ? t('backtest.diverging.opening') : t('backtest.diverging.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {diverging.length > LISTED ? <p className="muted">{t('backtest.diverging.more', { shown: n(LISTED), count: n(diverging.length) })}</p> : null}
    </div>
  );
}
