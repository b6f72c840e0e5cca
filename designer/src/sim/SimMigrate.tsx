// "Move to another version…": the simulated case, on a published version A, moved to another published
// version B under a migration plan — the engine's suggested plan (suggestMigrationPlan), its state map for
// the states B lacks and the values of newly required fields editable — by the engine's own migrateCase
// (migrateSimulation), as the server's dry run and apply would move a real case. What the move changed is
// shown in the panel afterwards (SimMigrationSummary); why it cannot, here, in words.
import { useEffect, useMemo, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { checkMigrationPlan, compileCaseType, suggestMigrationPlan } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType, MigrationBlock, MigrationPlan } from '../../../runtime/engine/index.ts';
import { DialogClose, DialogDescription, ModalDialog } from '../app/ModalDialog.tsx';
import { FieldValueInput } from '../editor/FieldValueInput.tsx';
import { fieldLabel } from '../model/field-label.ts';
import { useWords } from '../i18n/use-words.ts';
import { migrateSimulation, type Simulation } from './simulator.ts';
import { blockText, fieldSchema, newlyRequired, stateTargets, statePath, statesToMap, summaryLines, withDefault, withStateMap } from './migration-words.ts';

interface Props {
  from: CompiledCaseType;
  /** The other published versions, newest first. */
  versions: number[];
  /** A published version's definition (loaded once, then kept by the simulator). */
  loadVersion: (version: number) => Promise<CaseType | { error: string }>;
  sim: Simulation;
  onMoved: (sim: Simulation) => void;
  onClose: () => void;
}

type Target = { type: 'loading' } | { type: 'failed'; message: string } | { type: 'ready'; to: CompiledCaseType };

export function SimMigrateDialog({ from, versions, loadVersion, sim, onMoved, onClose }: Props) {
  const words = useWords();
  const { t } = words;
  const [version, setVersion] = useState<number>(versions[0] ?? 0);
  const [target, setTarget] = useState<Target>({ type: 'loading' });
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [blocks, setBlocks] = useState<MigrationBlock[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    setTarget({ type: 'loading' });
    setBlocks([]);
    setProblems([]);
    void loadVersion(version).then((def) => {
      if (!live) return;
      if ('error' in def) return setTarget({ type: 'failed', message: def.error });
      try {
        const to = compileCaseType({ ...def, version });
        setTarget({ type: 'ready', to });
        setPlan(suggestMigrationPlan(from, to));
      } catch (e) {
        setTarget({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    });
    return () => {
      live = false;
    };
  }, [version, from, loadVersion]);

  const to = target.type === 'ready' ? target.to : null;
  const toMap = useMemo(() => (to ? statesToMap(from, to) : []), [from, to]);
  const targets = useMemo(() => (to ? stateTargets(to) : []), [to]);
  const required = useMemo(() => (to && plan ? newlyRequired(plan, from, to) : []), [from, to, plan]);

  const change = (next: MigrationPlan) => {
    setPlan(next);
    setBlocks([]);
    setProblems([]);
  };

  const move = () => {
    if (!to || !plan) return;
    const wrong = checkMigrationPlan(plan, from, to);
    if (wrong.length > 0) return setProblems(wrong.map((p) => p.message));
    const outcome = migrateSimulation(plan, from, to, sim);
    if (!outcome.ok) return setBlocks(outcome.blocks);
    onMoved(outcome.sim);
  };

  return (
    <ModalDialog
      title={t('sim.migrate.title')}
      className="sim-migrate-dialog"
      onClose={onClose}
      buttons={
        <>
          <button type="button" onClick={move} disabled={!to || !plan}>
            {t('sim.migrate.move')}
          </button>
          <DialogClose asChild>
            <button type="button">{t('sim.migrate.cancel')}</button>
          </DialogClose>
        </>
      }
    >
      <DialogDescription>{t('sim.migrate.intro', { from: from.version })}</DialogDescription>
      <p>
        <label>
          {t('sim.migrate.to')}{' '}
          <select value={version} onChange={(e) => setVersion(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {t('sim.migrate.version', { version: v })}
              </option>
            ))}
          </select>
        </label>
      </p>
      {target.type === 'loading' ? <p role="status">{t('sim.migrate.loading', { version })}</p> : null}
      {target.type === 'failed' ? (
        <p role="alert" className="error">
          {t('sim.migrate.loadFailed', { version, message: target.message })}
        </p>
      ) : null}
      {to && plan ? (
        <>
          <fieldset>
            <legend>{t('sim.migrate.states')}</legend>
            {toMap.length === 0 ? <p className="muted">{t('sim.migrate.statesNone', { from: from.version, to: to.version })}</p> : null}
            {toMap.map((old) => (
              <p key={old}>
                <label>
                  {t('sim.migrate.stateTo', { state: statePath(from, old) })}{' '}
                  <select value={plan.states?.[old] ?? ''} onChange={(e) => change(withStateMap(plan, old, e.target.value === '' ? null : e.target.value))}>
                    <option value="">{t('sim.migrate.notMapped')}</option>
                    {targets.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
              </p>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('sim.migrate.defaults')}</legend>
            {required.length === 0 ? <p className="muted">{t('sim.migrate.defaultsNone', { to: to.version })}</p> : null}
            {required.map((pointer) => (
              <p key={pointer}>
                <FieldValueInput
                  id={`sim-migrate-default-${pointer.replace(/[^a-zA-Z0-9]/g, '-')}`}
                  label={t('sim.migrate.valueFor', { field: fieldLabel(to.def, pointer) })}
                  schema={fieldSchema(to.def, pointer)}
                  value={plan.data?.defaults?.[pointer]}
                  noneLabel={t('sim.migrate.noValue')}
                  onChange={(value) => change(withDefault(plan, pointer, value === '' ? undefined : value))}
                />
              </p>
            ))}
          </fieldset>
        </>
      ) : null}
      {problems.length > 0 ? (
        <div role="alert" className="error">
          <p>{t('sim.migrate.planProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {blocks.length > 0 && to ? (
        <div role="alert" className="error">
          <p>{t('sim.migrate.blocked')}</p>
          <ul aria-label={t('sim.migrate.blocked')}>
            {blocks.map((b, i) => (
              <li key={i}>{blockText(b, from, to, words)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </ModalDialog>
  );
}

/** What the run's last move changed: shown under the steps while that move is part of the run. */
export function SimMigrationSummary({ sim, typeOf }: { sim: Simulation; typeOf: (version: number) => CompiledCaseType | null }) {
  const words = useWords();
  const { t } = words;
  const last = [...sim.snapshots].reverse().find((s) => s.migration !== undefined);
  if (!last?.migration) return null;
  const { summary } = last.migration;
  const from = typeOf(summary.fromVersion);
  const to = typeOf(summary.toVersion);
  if (!from || !to) return null;
  const lines = summaryLines(summary, from, to, words);
  const list = (heading: string, items: string[]) => (
    <>
      <h4>{heading}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('sim.migrate.summary.none')}</p>
      ) : (
        <ul aria-label={heading}>
          {items.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <section className="sim-migration" aria-label={t('sim.migrate.summary.heading')}>
      <h3>{t('sim.migrate.summary.heading')}</h3>
      <p>{lines.versions}</p>
      <p data-testid="sim-migration-state">{lines.state}</p>
      {lines.data.length === 0 ? <p>{t('sim.migrate.summary.dataNone')}</p> : list(t('sim.migrate.summary.data'), lines.data)}
      {list(t('sim.migrate.summary.slas'), lines.slas)}
      {list(t('sim.migrate.summary.tasks'), lines.tasks)}
      {list(t('sim.migrate.summary.timers'), lines.timers)}
    </section>
  );
}
