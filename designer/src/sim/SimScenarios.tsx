// Scenarios: save the simulator run (with the draft, and as a *.scenario.json download), replay the saved
// ones with one click (pass/fail per step), and path coverage on the canvas.
import { useState } from 'react';
import type { CaseType, StoredScenario } from '../../../schemas/generated/case-type.ts';
import type { CompiledCaseType } from '../../../runtime/engine/index.ts';
import { stateLabel } from '../../../runtime/engine/index.ts';
import { runScenario } from '../../../runtime/scenarios/index.ts';
import type { Scenario, ScenarioResult } from '../../../runtime/scenarios/index.ts';
import { deleteScenario, saveScenario, scenarioFileName } from '../model/scenarios.ts';
import { downloadText } from './download-text.ts';
import type { Simulation } from './simulator.ts';
import { stepInWords, toScenario } from './simulator.ts';
import type { CanvasCoverage } from './coverage.ts';
import { useWords } from '../i18n/use-words.ts';
import { formatNumber } from '../i18n/format.ts';

interface Props {
  def: CaseType;
  type: CompiledCaseType | null;
  sim: Simulation | null;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
  results: Record<string, ScenarioResult>;
  /** The results were replayed on an earlier version of the definition. */
  stale: boolean;
  setResults: (r: Record<string, ScenarioResult>) => void;
  coverage: CanvasCoverage | null;
  onCoverage: (show: boolean) => void;
  /** Why this run cannot be saved as a scenario of the draft (it runs on a published version); null when it can. */
  saveNote?: string | null;
}

function fileText(s: StoredScenario): string {
  return JSON.stringify(s, null, 2) + '\n';
}

function ResultView({ result }: { result: ScenarioResult }) {
  const words = useWords();
  const { t } = words;
  return (
    <ol className="scenario-steps" aria-label={t('sim.scenarios.resultOf', { name: result.name })}>
      {result.steps.map((s) => (
        <li key={s.index} className={s.passed ? 'step-pass' : 'step-fail'} data-passed={s.passed ? 'true' : 'false'}>
          {s.passed ? '✓' : '✗'} {s.index < 0 ? t('sim.scenarios.create') : t('sim.scenarios.stepNumber', { number: s.index + 1 })}: {stepInWords(s.description, words)}
          {s.state !== null ? <span className="muted"> → {stateLabel(s.state)}</span> : null}
          {s.failure ? (
            <div className="step-failure" role="alert">
              <div>{s.failure.message}</div>
              <div>
                {t('sim.scenarios.expected')} <code>{JSON.stringify(s.failure.expected)}</code>
              </div>
              <div>
                {t('sim.scenarios.actual')} <code>{JSON.stringify(s.failure.actual)}</code>
              </div>
              {s.failure.problems.map((p, i) => (
                <div key={i}>{p.message}</div>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function SimScenarios({ def, type, sim, edit, results, stale, setResults, coverage, onCoverage, saveNote = null }: Props) {
  const { t, language } = useWords();
  const [name, setName] = useState('');
  const saved = def.scenarios ?? [];
  const canSave = sim !== null && sim.snapshots.length > 1 && name.trim() !== '' && saveNote === null;
  const replay = (s: StoredScenario) => {
    if (!type) return;
    setResults({ ...results, [s.name]: runScenario(type, s as unknown as Scenario) });
  };
  return (
    <div className="sim-scenarios">
      <h3>{t('sim.scenarios.saveHeading')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!canSave || !sim) return;
          const scenario = toScenario(sim, name.trim(), def.key) as unknown as StoredScenario;
          edit((d) => saveScenario(d, scenario));
          setName('');
        }}
      >
        <label>
          {t('sim.scenarios.name')} <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={!canSave}>
          {t('sim.scenarios.saveWithDraft')}
        </button>
        <button
          type="button"
          disabled={!canSave}
          onClick={() => {
            if (!sim) return;
            const scenario = toScenario(sim, name.trim(), def.key);
            downloadText(scenarioFileName(def.key, scenario.name), JSON.stringify(scenario, null, 2) + '\n', 'application/json');
          }}
        >
          {t('sim.scenarios.downloadFile')}
        </button>
      </form>
      {saveNote !== null ? <p className="muted">{saveNote}</p> : sim === null || sim.snapshots.length <= 1 ? <p className="muted">{t('sim.scenarios.takeAStep')}</p> : null}
      <h3>{t('sim.scenarios.saved', { number: saved.length })}</h3>
      {saved.length === 0 ? <p className="muted">{t('sim.scenarios.noneYet')}</p> : null}
      <div className="button-row">
        <button type="button" disabled={!type || saved.length === 0} onClick={() => type && setResults(Object.fromEntries(saved.map((s) => [s.name, runScenario(type, s as unknown as Scenario)])))}>
          {t('sim.scenarios.replayAll')}
        </button>
      </div>
      {stale && Object.keys(results).length > 0 ? <p className="warn" role="status">{t('sim.scenarios.stale')}</p> : null}
      <ul className="plain scenario-list">
        {saved.map((s) => {
          const r = results[s.name];
          return (
            <li key={s.name} className="scenario-item" data-scenario={s.name} data-result={r ? (stale ? 'stale' : r.passed ? 'pass' : 'fail') : 'none'}>
              <div className="inline-form">
                <strong>{s.name}</strong> <span className="muted">{t('sim.scenarios.stepCount', { count: s.steps.length })}</span>
                {r ? <span className={stale ? 'muted' : r.passed ? 'ok' : 'error'}>{r.passed ? t('sim.scenarios.passed') : t('sim.scenarios.failed')}
                    {stale ? t('sim.scenarios.beforeChange') : ''}</span> : null}
                <button type="button" disabled={!type} onClick={() => replay(s)} aria-label={t('sim.scenarios.replayName', { name: s.name })}>
                  {t('sim.scenarios.replay')}
                </button>
                <button type="button" onClick={() => downloadText(scenarioFileName(def.key, s.name), fileText(s), 'application/json')} aria-label={t('sim.scenarios.downloadName', { name: s.name })}>
                  {t('sim.scenarios.download')}
                </button>
                <button type="button" onClick={() => edit((d) => deleteScenario(d, s.name))} aria-label={t('sim.scenarios.deleteName', { name: s.name })}>
                  {t('sim.scenarios.delete')}
                </button>
              </div>
              {r ? <ResultView result={r} /> : null}
            </li>
          );
        })}
      </ul>
      <h3>{t('sim.scenarios.coverageHeading')}</h3>
      <div className="button-row">
        <button type="button" disabled={!type} onClick={() => onCoverage(coverage === null)} aria-pressed={coverage !== null}>
          {coverage === null ? t('sim.scenarios.showCoverage') : t('sim.scenarios.hideCoverage')}
        </button>
      </div>
      {coverage ? (
        <div className="coverage" aria-label={t('sim.scenarios.coverage')}>
          <p data-testid="coverage-figure">
            {t('sim.scenarios.figure', { covered: coverage.covered, total: coverage.total, percent: formatNumber(coverage.percent, language) })}
            {coverage.cut ? t('sim.scenarios.cut', { cut: coverage.cut }) : ''}
          </p>
          <ul className="legend plain" aria-label={t('sim.scenarios.legend')}>
            <li>
              <span className="swatch swatch-covered" /> {t('sim.scenarios.legendCovered')}
            </li>
            <li>
              <span className="swatch swatch-uncovered" /> {t('sim.scenarios.legendUncovered')}
            </li>
            <li>
              <span className="swatch swatch-unmeasured" /> {t('sim.scenarios.legendUnmeasured')}
            </li>
          </ul>
          <details>
            <summary>{t('sim.scenarios.paths', { number: coverage.paths.length })}</summary>
            <ol className="paths">
              {coverage.paths.map((p, i) => (
                <li key={i} className={p.coveredBy.length ? 'ok' : 'error'}>
                  {p.text} {p.coveredBy.length ? <span className="muted">{t('sim.scenarios.coveredBy', { names: p.coveredBy.join(', ') })}</span> : <span>{t('sim.scenarios.notCovered')}</span>}
                </li>
              ))}
            </ol>
          </details>
          {coverage.startProblems.map((p, i) => (
            <p key={i} className="error">{p}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
