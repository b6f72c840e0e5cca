// One stage of the stage view: a column with its title (editable), where it lies in the life cycle, its own
// task, the SLAs that run in it, its steps as cards, and a field to add a step.
import type { LifeCycleStage } from '../model/stages.ts';
import { addStep, newStateId } from '../model/stages.ts';
import { updateState } from '../model/states.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { StepCard, taskInWords } from './StepCard.tsx';
import { TitleForm } from './TitleForm.tsx';
import { useWords } from '../i18n/use-words.ts';

/** The keys of the words for where a stage lies (none for the primary path). */
const PATH_WORDS: Record<LifeCycleStage['path'], string | null> = {
  primary: null,
  alternate: 'stages.column.alternate',
  unreached: 'stages.column.unreached',
};

/** The keys of the words after an SLA for its phase in this stage (none while it just runs). */
const PHASE_WORDS = { starts: 'stages.column.startsHere', runs: null, paused: 'stages.column.pausedHere' } as const;

interface Props extends Pick<EditProps, 'def' | 'edit' | 'select'> {
  stage: LifeCycleStage;
  number: number;
  /** Stored titles by state id ('' for none), for the title fields. */
  stored: (id: string) => string;
  selectedId: string | null;
  onMove: (id: string, by: -1 | 1) => void;
}

export function StageColumn({ def, stage, number, stored, selectedId, edit, select, onMove }: Props) {
  const words = useWords();
  const { t } = words;
  const open = () => select({ type: 'state', id: stage.id });
  const selected = selectedId === stage.id;
  const pathKey = PATH_WORDS[stage.path];
  const path = pathKey ? t(pathKey) : null;
  return (
    <li className={`stage-column stage-${stage.path}${stage.final ? ' final' : ''}${selected ? ' selected' : ''}`}>
      <section aria-label={t('stages.column.section', { number, title: stage.title })}>
        <header
          className="stage-head"
          onClick={(e) => {
            if (!(e.target instanceof Element) || !e.target.closest('input, button')) open();
          }}
        >
          <p className="stage-number">
            {t('stages.column.number', { number })}
            {stage.starts ? <span className="tag">{t('stages.column.casesStart')}</span> : null}
            {stage.final ? <span className="tag">{t('stages.column.caseEnds')}</span> : null}
            {path ? <span className="tag">{path}</span> : null}
          </p>
          <input
            className="title-input stage-title"
            aria-label={t('stages.column.titleOf', { number })}
            value={stored(stage.id)}
            placeholder={stage.title}
            onChange={(e) => edit((d) => updateState(d, stage.id, { title: e.target.value || undefined }), `state:${stage.id}:title`)}
          />
          <button type="button" onClick={open} aria-current={selected ? 'true' : undefined}>
            {t('stages.column.open')}
            <span className="visually-hidden">{t('stages.column.openDetail', { title: stage.title })}</span>
          </button>
        </header>
        {stage.task ? <p className="step-task">{taskInWords(stage.task, words)}</p> : null}
        {stage.slas.length > 0 ? (
          <ul className="stage-slas" aria-label={t('stages.column.slas', { title: stage.title })}>
            {stage.slas.map((s) => {
              const phase = PHASE_WORDS[s.phase];
              return (
                <li key={s.name} className={`sla-${s.phase}`}>
                  {s.text}
                  {phase ? t(phase) : ''}
                </li>
              );
            })}
          </ul>
        ) : null}
        {stage.steps.length > 0 ? (
          <>
            {stage.parallel ? <p className="muted">{t('stages.column.parallel')}</p> : null}
            <ol className="stage-steps" aria-label={t('stages.column.steps', { title: stage.title })}>
              {stage.steps.map((step, i) => (
                <StepCard
                  key={step.id}
                  step={step}
                  stored={stored(step.id)}
                  stageTitle={stage.title}
                  index={i}
                  count={stage.steps.length}
                  selected={selectedId === step.id}
                  parallel={stage.parallel}
                  edit={edit}
                  select={select}
                  onMove={onMove}
                />
              ))}
            </ol>
          </>
        ) : null}
        {stage.final ? null : (
          <TitleForm
            label={t('stages.column.newStep', { title: stage.title })}
            button={t('stages.column.addStep')}
            detail={t('stages.column.addStepDetail', { title: stage.title })}
            hint={t('stages.column.stepHint')}
            onAdd={(title) => {
              const id = newStateId(def, title, 'step');
              edit((d) => addStep(d, stage.id, title, id));
              select({ type: 'state', id });
            }}
          />
        )}
      </section>
    </li>
  );
}
