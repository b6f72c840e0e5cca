// "Migrate open cases" (issue 19): the open cases of a case type moved from one published version to another.
// The page loads the plan the server suggests for the two versions, lets the admin say where the cases of each
// state go, which values newly required fields get and what becomes of each SLA's clock (all by titles and
// labels), runs the dry run (counts per outcome and per reason, a table of the cases, each openable in the
// worker console), and applies the plan with a progress bar until every case is worked. Plan problems the
// server names (422) are shown beside the control they concern.
import { useCallback, useEffect, useMemo, useState, type FormEvent, type MouseEvent } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { translateDefinition } from '../../../schemas/translations.ts';
import type { ApiClient } from '../api/client.ts';
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { navigate } from '../app/router.ts';
import { FieldValueInput } from '../editor/FieldValueInput.tsx';
import { patchLines } from '../model/change-words.ts';
import { fieldLabel } from '../model/field-label.ts';
import { useWords } from '../i18n/use-words.ts';
import { formatNumber } from '../i18n/format.ts';
import {
  blockWords,
  controlKey,
  formFromPlan,
  migrationRows,
  planFromForm,
  problemsByControl,
  progressOf,
  reasonWords,
  stateValueTitle,
  type DryRunCase,
  type Migration,
  type MigrationDryRun,
  type MigrationForm,
  type MigrationPlan,
  type SlaChoice,
} from './migration-form.ts';
import './migrations.css';

interface Props {
  api: ApiClient;
  caseTypeKey: string;
  from: number;
  to: number;
}

type Load =
  | { type: 'loading' }
  | { type: 'error'; message: string }
  | { type: 'ready'; fromDef: CaseType; toDef: CaseType; plan: MigrationPlan; needsDefaults: string[]; running: Migration | null };

type DryState =
  | { type: 'idle' }
  | { type: 'running' }
  | { type: 'failed'; message: string }
  /** The plan does not fit the two versions: its problems are beside their controls. */
  | { type: 'invalid'; plan: MigrationPlan; problems: { pointer: string; message: string }[] }
  | { type: 'done'; plan: MigrationPlan; planKey: string; result: MigrationDryRun };

type ApplyState =
  | { type: 'idle' }
  | { type: 'starting' }
  | { type: 'failed'; message: string }
  | { type: 'running'; migration: Migration; pollError: string | null }
  | { type: 'done'; migration: Migration };

type Blocked = { type: 'hidden' } | { type: 'loading' } | { type: 'error'; message: string } | { type: 'ready'; items: { caseId: string; reference: string; why: string }[]; more: boolean };

const DRY_RUN_LIMIT = 500;
const POLL_MS = 400;
const caseHref = (id: string) => `/work/cases/${encodeURIComponent(id)}`;

export function MigrationPage({ api, caseTypeKey: key, from, to }: Props) {
  const words = useWords();
  const { t, language } = words;
  const [load, setLoad] = useState<Load>({ type: 'loading' });
  const [form, setForm] = useState<MigrationForm | null>(null);
  const [dry, setDry] = useState<DryState>({ type: 'idle' });
  const [apply, setApply] = useState<ApplyState>({ type: 'idle' });
  const [blocked, setBlocked] = useState<Blocked>({ type: 'hidden' });

  const run = useCallback(async () => {
    setLoad({ type: 'loading' });
    const [a, b, suggested, migrations] = await Promise.all([
      api.getVersion(key, from),
      api.getVersion(key, to),
      api.migrations.suggest(key, from, to),
      api.migrations.list(key),
    ]);
    for (const r of [a, b, suggested]) if (!r.ok) return setLoad({ type: 'error', message: r.message });
    if (!a.ok || !b.ok || !suggested.ok) return;
    const running = migrations.ok ? (migrations.value.find((m) => m.status === 'running' && m.from === from && m.to === to) ?? null) : null;
    setLoad({ type: 'ready', fromDef: a.value, toDef: b.value, plan: suggested.value.plan, needsDefaults: suggested.value.needsDefaults, running });
  }, [api, key, from, to]);
  useEffect(() => {
    void run();
  }, [run]);

  // the definitions as the reader reads them (the case type's own translations)
  const ready = load.type === 'ready' ? load : null;
  const fromDef = useMemo(() => (ready ? translateDefinition(ready.fromDef, language) : null), [ready, language]);
  const toDef = useMemo(() => (ready ? translateDefinition(ready.toDef, language) : null), [ready, language]);
  const rows = useMemo(() => (ready && fromDef && toDef ? migrationRows(fromDef, toDef, ready.plan, ready.needsDefaults) : null), [ready, fromDef, toDef]);
  useEffect(() => {
    if (ready && rows && fromDef) setForm((f) => f ?? formFromPlan(ready.plan, rows, fromDef));
  }, [ready, rows, fromDef]);
  useEffect(() => {
    if (ready?.running) setApply((s) => (s.type === 'idle' ? { type: 'running', migration: ready.running as Migration, pollError: null } : s));
  }, [ready]);

  const plan = useMemo(() => (ready && form && rows ? planFromForm(ready.plan, form, rows) : null), [ready, form, rows]);
  const planKey = plan ? JSON.stringify(plan) : '';

  // while a migration runs: its progress, read again and again until it is done
  const runningId = apply.type === 'running' ? apply.migration.id : null;
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (runningId === null) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.migrations.get(runningId).then((r) => {
        if (!live) return;
        if (!r.ok) setApply((s) => (s.type === 'running' ? { ...s, pollError: r.message } : s));
        else if (r.value.status === 'done') setApply({ type: 'done', migration: r.value });
        else setApply({ type: 'running', migration: r.value, pollError: null });
        setTick((n) => n + 1);
      });
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, runningId, tick]);

  const back = (
    <a
      href={`/case-types/${encodeURIComponent(key)}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(`/case-types/${encodeURIComponent(key)}`);
      }}
    >
      {t('migrations.page.back', { title: fromDef?.title ?? toDef?.title ?? key })}
    </a>
  );
  const header = (
    <header className="page-header">
      {back}
      <LanguageSelect id="migration-language" />
    </header>
  );

  if (load.type === 'loading' || (load.type === 'ready' && (!form || !rows || !fromDef || !toDef || !plan))) {
    return (
      <main className="page migration-page">
        {header}
        <p role="status">{t('migrations.page.loading', { from, to })}</p>
      </main>
    );
  }
  if (load.type === 'error' || !form || !rows || !fromDef || !toDef || !plan) {
    return (
      <main className="page migration-page">
        {header}
        <div role="alert" className="error-box">
          <p>{t('migrations.page.loadFailed', { from, to, message: load.type === 'error' ? load.message : '' })}</p>
          <button type="button" onClick={() => void run()}>
            {t('migrations.page.retry')}
          </button>
        </div>
      </main>
    );
  }

  const problems = dry.type === 'invalid' ? problemsByControl(dry.problems, dry.plan, fromDef, toDef, words) : new Map<string, string[]>();
  const problemsAt = (key: string) => problems.get(key) ?? [];
  const problemId = (key: string) => `migration-problem-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const problemText = (key: string) =>
    problemsAt(key).length > 0 ? (
      <span id={problemId(key)} className="error migration-problem">
        {problemsAt(key).join(' ')}
      </span>
    ) : null;
  const describedBy = (key: string) => (problemsAt(key).length > 0 ? problemId(key) : undefined);

  const edit = (change: (f: MigrationForm) => MigrationForm) => setForm((f) => (f ? change(f) : f));
  const busy = dry.type === 'running' || apply.type === 'starting' || apply.type === 'running';
  const applied = apply.type === 'running' || apply.type === 'done';

  const dryRun = async (e?: FormEvent) => {
    e?.preventDefault();
    const sent = plan;
    const sentKey = planKey;
    setDry({ type: 'running' });
    const r = await api.migrations.dryRun(sent, DRY_RUN_LIMIT);
    if (r.ok) return setDry({ type: 'done', plan: sent, planKey: sentKey, result: r.value });
    if (r.code === 'migration.invalid' && r.problems !== undefined && r.problems.length > 0) return setDry({ type: 'invalid', plan: sent, problems: r.problems });
    setDry({ type: 'failed', message: r.message });
  };

  const start = async () => {
    if (dry.type !== 'done') return;
    setApply({ type: 'starting' });
    const r = await api.migrations.start(dry.plan);
    if (r.ok) return setApply(r.value.status === 'done' ? { type: 'done', migration: r.value } : { type: 'running', migration: r.value, pollError: null });
    if (r.code === 'migration.invalid' && r.problems !== undefined && r.problems.length > 0) {
      setDry({ type: 'invalid', plan: dry.plan, problems: r.problems });
      return setApply({ type: 'idle' });
    }
    setApply({ type: 'failed', message: r.code === 'migration.applied' ? t('migrations.apply.appliedBefore') : r.message });
  };

  const showBlocked = async (migration: Migration) => {
    setBlocked({ type: 'loading' });
    const r = await api.migrations.cases(migration.id, 'blocked');
    if (!r.ok) return setBlocked({ type: 'error', message: r.message });
    const known = new Map(dry.type === 'done' ? dry.result.cases.map((c) => [c.id, c.reference]) : []);
    const items = await Promise.all(
      r.value.items.map(async (item) => {
        let reference = known.get(item.caseId);
        if (reference === undefined) {
          const got = await api.migrations.reference(item.caseId);
          reference = got.ok ? got.value : t('migrations.blocked.unknownCase');
        }
        const detail = item.detail as { blocks?: DryRunCase['blocks'] } | null;
        const why = (detail?.blocks ?? []).map((b) => blockWords(b, fromDef, toDef, to, words)).join(' ');
        return { caseId: item.caseId, reference, why };
      }),
    );
    setBlocked({ type: 'ready', items, more: r.value.nextCursor !== null });
  };

  const openCase = (id: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(caseHref(id));
  };

  const removedStates = rows.states.filter((r) => r.removed);
  const keptStates = rows.states.filter((r) => !r.removed);
  const stateSelect = (row: (typeof rows.states)[number]) => {
    const id = `migration-state-${row.id}`;
    const k = controlKey({ kind: 'state', id: row.id });
    return (
      <div key={row.id} className="migration-row">
        <label htmlFor={id}>{t('migrations.states.label', { state: row.title })}</label>
        <select
          id={id}
          value={form.states[row.id] ?? ''}
          aria-invalid={problemsAt(k).length > 0 ? true : undefined}
          aria-describedby={describedBy(k)}
          disabled={applied}
          onChange={(e) => {
            const value = e.target.value;
            edit((f) => ({ ...f, states: { ...f.states, [row.id]: value } }));
          }}
        >
          {row.removed ? <option value="">{t('migrations.states.choose')}</option> : null}
          {rows.targets.map((target) => (
            <option key={target.id} value={target.id}>
              {!row.removed && target.id === row.id ? t('migrations.states.same', { state: target.title }) : target.title}
            </option>
          ))}
        </select>
        {problemText(k)}
      </div>
    );
  };

  const slaLabel = (choice: SlaChoice) => t(`migrations.slas.choice.${choice}`);
  const dryResult = dry.type === 'done' ? dry.result : null;
  const stale = dry.type === 'done' && dry.planKey !== planKey;
  const planProblems = problemsAt('plan');

  return (
    <main className="page migration-page">
      {header}
      <h1>{t('migrations.page.heading', { title: toDef.title })}</h1>
      <p>{t('migrations.page.intro', { from, to })}</p>

      {dry.type === 'invalid' ? (
        <div role="alert" className="error-box">
          <p>{t('migrations.dry.invalid', { count: dry.problems.length })}</p>
          {planProblems.length > 0 ? (
            <ul>
              {planProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <form className="migration-form" onSubmit={(e) => void dryRun(e)} aria-labelledby="migration-plan-heading">
        <h2 id="migration-plan-heading" className="visually-hidden">
          {t('migrations.page.planHeading')}
        </h2>
        <fieldset>
          <legend>{t('migrations.states.heading')}</legend>
          {removedStates.length > 0 ? (
            <>
              <p>{t('migrations.states.removedIntro', { to })}</p>
              {removedStates.map(stateSelect)}
            </>
          ) : (
            <p>{t('migrations.states.noneRemoved', { to })}</p>
          )}
          {keptStates.length > 0 ? (
            <details className="migration-kept" open={keptStates.some((r) => form.states[r.id] !== r.id || problemsAt(controlKey({ kind: 'state', id: r.id })).length > 0) || undefined}>
              <summary>{t('migrations.states.keptSummary', { count: keptStates.length })}</summary>
              {keptStates.map(stateSelect)}
            </details>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('migrations.defaults.heading')}</legend>
          {rows.defaults.length === 0 ? <p>{t('migrations.defaults.none', { to })}</p> : <p>{t('migrations.defaults.intro', { to })}</p>}
          {rows.defaults.map((row) => {
            const k = controlKey({ kind: 'default', pointer: row.pointer });
            const id = `migration-default-${row.pointer.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
            return (
              <div key={row.pointer} className="migration-row">
                {row.schema?.type === 'object' || row.schema?.type === 'array' ? (
                  <p>{t('migrations.defaults.group', { field: row.label })}</p>
                ) : (
                  <FieldValueInput
                    id={id}
                    label={row.label}
                    schema={row.schema}
                    value={form.defaults[row.pointer]}
                    describedBy={describedBy(k)}
                    onChange={(value) => edit((f) => ({ ...f, defaults: { ...f.defaults, [row.pointer]: value } }))}
                  />
                )}
                {row.needed && form.defaults[row.pointer] === undefined ? <span className="warn migration-problem">{t('migrations.defaults.needed')}</span> : null}
                {problemText(k)}
              </div>
            );
          })}
          {rows.removedFields.length > 0 ? (
            <p className="muted">{t('migrations.defaults.removed', { count: rows.removedFields.length, fields: rows.removedFields.map((f) => `‘${f.label}’`).join(', '), to })}</p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('migrations.slas.heading')}</legend>
          {rows.slas.length === 0 ? <p>{t('migrations.slas.none')}</p> : null}
          {rows.slas.map((row) => {
            const k = controlKey({ kind: 'sla', name: row.name });
            const id = `migration-sla-${row.name}`;
            return (
              <div key={row.name} className="migration-row">
                <label htmlFor={id}>{t('migrations.slas.label', { sla: row.title })}</label>
                <select
                  id={id}
                  value={form.slas[row.name] ?? row.choices[0]}
                  aria-invalid={problemsAt(k).length > 0 ? true : undefined}
                  aria-describedby={describedBy(k)}
                  disabled={applied}
                  onChange={(e) => {
                    const value = e.target.value as SlaChoice;
                    edit((f) => ({ ...f, slas: { ...f.slas, [row.name]: value } }));
                  }}
                >
                  {row.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {slaLabel(choice)}
                    </option>
                  ))}
                </select>
                {!row.inTo ? <span className="muted">{t('migrations.slas.notInTo', { to })}</span> : null}
                {problemText(k)}
              </div>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{t('migrations.titleField.heading')}</legend>
          <label htmlFor="migration-title">{t('migrations.titleField.label')}</label>
          <input
            id="migration-title"
            value={form.title}
            maxLength={200}
            disabled={applied}
            aria-describedby={['migration-title-help', describedBy('title')].filter(Boolean).join(' ')}
            onChange={(e) => {
              const value = e.target.value;
              edit((f) => ({ ...f, title: value }));
            }}
          />
          <p id="migration-title-help" className="help">
            {t('migrations.titleField.help')}
          </p>
          {problemText('title')}
        </fieldset>

        <p className="migration-actions">
          <button type="submit" disabled={busy || applied}>
            {dry.type === 'running' ? t('migrations.dry.running') : t('migrations.dry.button')}
          </button>{' '}
          <span className="muted">{t('migrations.dry.hint')}</span>
        </p>
      </form>

      <section aria-labelledby="migration-dry-heading" className="migration-dry">
        <h2 id="migration-dry-heading">{t('migrations.dry.heading')}</h2>
        {dry.type === 'idle' ? <p className="muted">{t('migrations.dry.notYet')}</p> : null}
        {dry.type === 'running' ? <p role="status">{t('migrations.dry.running')}</p> : null}
        {dry.type === 'failed' ? (
          <p role="alert" className="error">
            {t('migrations.dry.failed', { message: dry.message })}
          </p>
        ) : null}
        {dry.type === 'invalid' ? <p className="muted">{t('migrations.dry.fixFirst')}</p> : null}
        {dryResult ? (
          <>
            <p role="status">
              {dryResult.counts.total === 0
                ? t('migrations.dry.noCases', { from })
                : t('migrations.dry.summary', { count: dryResult.counts.total, from })}
            </p>
            {dryResult.counts.total > 0 ? (
              <dl className="migration-counts" aria-label={t('migrations.dry.countsLabel')}>
                <div>
                  <dt>{t('migrations.dry.migrates')}</dt>
                  <dd data-outcome="migrates">{formatNumber(dryResult.counts.migrates, language)}</dd>
                </div>
                <div>
                  <dt>{t('migrations.dry.cannot')}</dt>
                  <dd data-outcome="cannot">{formatNumber(dryResult.counts.cannot, language)}</dd>
                </div>
                {Object.entries(dryResult.reasons).map(([code, n]) => (
                  <div key={code} className="migration-reason">
                    <dt>{reasonWords(code, to, words)}</dt>
                    <dd data-reason={code}>{formatNumber(n, language)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {dryResult.cases.length > 0 ? (
              <table className="migration-cases">
                <caption>{t('migrations.dry.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('migrations.dry.colCase')}</th>
                    <th scope="col">{t('migrations.dry.colState', { version: from })}</th>
                    <th scope="col">{t('migrations.dry.colNewState', { version: to })}</th>
                    <th scope="col">{t('migrations.dry.colOutcome')}</th>
                    <th scope="col">{t('migrations.dry.colDetails')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dryResult.cases.map((c) => (
                    <tr key={c.id} className={c.outcome === 'cannot' ? 'migration-cannot' : undefined}>
                      <th scope="row">
                        <a href={caseHref(c.id)} onClick={openCase(c.id)}>
                          {c.reference}
                        </a>
                      </th>
                      <td>{stateValueTitle(c.state, fromDef)}</td>
                      <td>{c.to === null || c.to === undefined ? <span className="muted">{t('migrations.dry.stays')}</span> : stateValueTitle(c.to, toDef)}</td>
                      <td>{c.outcome === 'migrates' ? t('migrations.dry.outcomeMigrates') : t('migrations.dry.outcomeCannot')}</td>
                      <td>
                        {c.outcome === 'cannot'
                          ? c.blocks.map((b) => blockWords(b, fromDef, toDef, to, words)).join(' ')
                          : changesOf(c, toDef, words) || <span className="muted">{t('migrations.dry.noDataChanges')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {dryResult.truncated ? <p className="muted">{t('migrations.dry.truncated', { shown: dryResult.cases.length, count: dryResult.counts.total })}</p> : null}
            {stale && !applied ? (
              <p role="status" className="warn">
                {t('migrations.dry.stale')}
              </p>
            ) : null}
            {!applied && dryResult.counts.total > 0 ? (
              <p className="migration-actions">
                <button type="button" onClick={() => void start()} disabled={stale || busy || dryResult.counts.migrates === 0} aria-describedby="migration-apply-hint">
                  {apply.type === 'starting' ? t('migrations.apply.starting') : t('migrations.apply.button')}
                </button>{' '}
                <span id="migration-apply-hint" className="muted">
                  {dryResult.counts.migrates === 0
                    ? t('migrations.apply.nothing')
                    : t('migrations.apply.hint', { count: dryResult.counts.migrates, to, cannot: dryResult.counts.cannot })}
                </span>
              </p>
            ) : null}
          </>
        ) : null}
        {apply.type === 'failed' ? (
          <p role="alert" className="error">
            {t('migrations.apply.failed', { message: apply.message })}
          </p>
        ) : null}
      </section>

      {apply.type === 'running' || apply.type === 'done' ? (
        <Progress
          migration={apply.migration}
          pollError={apply.type === 'running' ? apply.pollError : null}
          blocked={blocked}
          onShowBlocked={() => void showBlocked(apply.migration)}
          openCase={openCase}
        />
      ) : null}
    </main>
  );
}

/** The data changes of a case that migrates, by field labels ("Language: en"). */
function changesOf(c: DryRunCase, toDef: CaseType, words: ReturnType<typeof useWords>): string {
  const patch = c.summary?.patch ?? [];
  return patch.flatMap((op) => patchLines(op as Parameters<typeof patchLines>[0], (p) => fieldLabel(toDef, p), words)).join('; ');
}

function Progress({
  migration,
  pollError,
  blocked,
  onShowBlocked,
  openCase,
}: {
  migration: Migration;
  pollError: string | null;
  blocked: Blocked;
  onShowBlocked: () => void;
  openCase: (id: string) => (e: MouseEvent) => void;
}) {
  const { t } = useWords();
  const { done, total, percent } = progressOf(migration.counts);
  const finished = migration.status === 'done';
  const { migrated, blocked: blockedCount, skipped } = migration.counts;
  return (
    <section aria-labelledby="migration-progress-heading" className="migration-progress">
      <h2 id="migration-progress-heading">{finished ? t('migrations.progress.doneHeading') : t('migrations.progress.heading')}</h2>
      <div
        role="progressbar"
        aria-label={t('migrations.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('migrations.progress.valueText', { done, count: total })}
        className="migration-bar"
      >
        <div className="migration-bar-fill" style={{ width: `${String(percent)}%` }} />
      </div>
      <p role="status">
        {finished
          ? t('migrations.progress.done', { migrated, blocked: blockedCount, skipped, count: total })
          : t('migrations.progress.working', { done, count: total })}
      </p>
      {pollError !== null ? (
        <p role="alert" className="error">
          {t('migrations.progress.pollFailed', { message: pollError })}
        </p>
      ) : null}
      {finished && blockedCount > 0 ? (
        blocked.type === 'hidden' ? (
          <button type="button" className="link" onClick={onShowBlocked}>
            {t('migrations.blocked.show', { count: blockedCount })}
          </button>
        ) : blocked.type === 'loading' ? (
          <p role="status">{t('migrations.blocked.loading')}</p>
        ) : blocked.type === 'error' ? (
          <div role="alert" className="error-box">
            <p>{t('migrations.blocked.failed', { message: blocked.message })}</p>
            <button type="button" onClick={onShowBlocked}>
              {t('migrations.page.retry')}
            </button>
          </div>
        ) : (
          <table className="migration-cases">
            <caption>{t('migrations.blocked.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('migrations.dry.colCase')}</th>
                <th scope="col">{t('migrations.dry.colDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {blocked.items.map((item) => (
                <tr key={item.caseId}>
                  <th scope="row">
                    <a href={`/work/cases/${encodeURIComponent(item.caseId)}`} onClick={openCase(item.caseId)}>
                      {item.reference}
                    </a>
                  </th>
                  <td>{item.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {blocked.type === 'ready' && blocked.more ? <p className="muted">{t('migrations.blocked.more')}</p> : null}
    </section>
  );
}
