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
import { toScenario } from './simulator.ts';
import type { CanvasCoverage } from './coverage.ts';

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
}

function fileText(s: StoredScenario): string {
  return JSON.stringify(s, null, 2) + '\n';
}

function ResultView({ result }: { result: ScenarioResult }) {
  return (
    <ol className="scenario-steps" aria-label={`Result of ${result.name}`}>
      {result.steps.map((s) => (
        <li key={s.index} className={s.passed ? 'step-pass' : 'step-fail'} data-passed={s.passed ? 'true' : 'false'}>
          {s.passed ? '✓' : '✗'} {s.index < 0 ? 'create' : `step ${s.index + 1}`}: {s.description}
          {s.state !== null ? <span className="muted"> → {stateLabel(s.state)}</span> : null}
          {s.failure ? (
            <div className="step-failure" role="alert">
              <div>{s.failure.message}</div>
              <div>expected: <code>{JSON.stringify(s.failure.expected)}</code></div>
              <div>actual: <code>{JSON.stringify(s.failure.actual)}</code></div>
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

export function SimScenarios({ def, type, sim, edit, results, stale, setResults, coverage, onCoverage }: Props) {
  const [name, setName] = useState('');
  const saved = def.scenarios ?? [];
  const canSave = sim !== null && sim.snapshots.length > 1 && name.trim() !== '';
  const replay = (s: StoredScenario) => {
    if (!type) return;
    setResults({ ...results, [s.name]: runScenario(type, s as unknown as Scenario) });
  };
  return (
    <div className="sim-scenarios">
      <h3>Save this run as a scenario</h3>
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
          Scenario name <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={!canSave}>
          Save with the draft
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
          Download .scenario.json
        </button>
      </form>
      {sim === null || sim.snapshots.length <= 1 ? <p className="muted">Start a case and take at least one step to save it.</p> : null}
      <h3>Saved scenarios ({saved.length})</h3>
      {saved.length === 0 ? <p className="muted">None yet. Saved scenarios are stored in the draft (save the draft to keep them).</p> : null}
      <div className="button-row">
        <button type="button" disabled={!type || saved.length === 0} onClick={() => type && setResults(Object.fromEntries(saved.map((s) => [s.name, runScenario(type, s as unknown as Scenario)])))}>
          Replay all
        </button>
      </div>
      {stale && Object.keys(results).length > 0 ? <p className="warn" role="status">The definition changed since the last replay: replay to see the results on it.</p> : null}
      <ul className="plain scenario-list">
        {saved.map((s) => {
          const r = results[s.name];
          return (
            <li key={s.name} className="scenario-item" data-scenario={s.name} data-result={r ? (stale ? 'stale' : r.passed ? 'pass' : 'fail') : 'none'}>
              <div className="inline-form">
                <strong>{s.name}</strong> <span className="muted">{s.steps.length} steps</span>
                {r ? <span className={stale ? 'muted' : r.passed ? 'ok' : 'error'}>{r.passed ? 'passed' : 'failed'}{stale ? ' (before the last change)' : ''}</span> : null}
                <button type="button" disabled={!type} onClick={() => replay(s)} aria-label={`Replay ${s.name}`}>
                  Replay
                </button>
                <button type="button" onClick={() => downloadText(scenarioFileName(def.key, s.name), fileText(s), 'application/json')} aria-label={`Download ${s.name}`}>
                  Download
                </button>
                <button type="button" onClick={() => edit((d) => deleteScenario(d, s.name))} aria-label={`Delete ${s.name}`}>
                  Delete
                </button>
              </div>
              {r ? <ResultView result={r} /> : null}
            </li>
          );
        })}
      </ul>
      <h3>Path coverage</h3>
      <div className="button-row">
        <button type="button" disabled={!type} onClick={() => onCoverage(coverage === null)} aria-pressed={coverage !== null}>
          {coverage === null ? 'Show path coverage on the canvas' : 'Hide path coverage'}
        </button>
      </div>
      {coverage ? (
        <div className="coverage" aria-label="Path coverage">
          <p data-testid="coverage-figure">
            {coverage.covered} of {coverage.total} paths covered by the saved scenarios ({coverage.percent}%)
            {coverage.cut ? ` — the search stopped early: ${coverage.cut}` : ''}
          </p>
          <ul className="legend plain" aria-label="Legend">
            <li><span className="swatch swatch-covered" /> a scenario goes through this transition</li>
            <li><span className="swatch swatch-uncovered" /> no scenario goes through it yet</li>
            <li><span className="swatch swatch-unmeasured" /> eventless (always): taken within another step, not measured</li>
          </ul>
          <details>
            <summary>Paths ({coverage.paths.length})</summary>
            <ol className="paths">
              {coverage.paths.map((p, i) => (
                <li key={i} className={p.coveredBy.length ? 'ok' : 'error'}>
                  {p.text} {p.coveredBy.length ? <span className="muted">(covered by {p.coveredBy.join(', ')})</span> : <span>(not covered)</span>}
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
