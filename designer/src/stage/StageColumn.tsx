// One stage of the stage view: a column with its title (editable), where it lies in the life cycle, its own
// task, the SLAs that run in it, its steps as cards, and a field to add a step.
import type { LifeCycleStage } from '../model/stages.ts';
import { addStep, newStateId } from '../model/stages.ts';
import { updateState } from '../model/states.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { StepCard, taskInWords } from './StepCard.tsx';
import { TitleForm } from './TitleForm.tsx';

const PATH_WORDS: Record<LifeCycleStage['path'], string | null> = {
  primary: null,
  alternate: 'Alternative stage',
  unreached: 'Not reached yet: no transition leads here',
};

const PHASE_WORDS = { starts: ' · starts here', runs: '', paused: ' · paused here' } as const;

interface Props extends Pick<EditProps, 'def' | 'edit' | 'select'> {
  stage: LifeCycleStage;
  number: number;
  /** Stored titles by state id ('' for none), for the title fields. */
  stored: (id: string) => string;
  selectedId: string | null;
  onMove: (id: string, by: -1 | 1) => void;
}

export function StageColumn({ def, stage, number, stored, selectedId, edit, select, onMove }: Props) {
  const open = () => select({ type: 'state', id: stage.id });
  const selected = selectedId === stage.id;
  const path = PATH_WORDS[stage.path];
  return (
    <li className={`stage-column stage-${stage.path}${stage.final ? ' final' : ''}${selected ? ' selected' : ''}`}>
      <section aria-label={`Stage ${number}: ${stage.title}`}>
        <header
          className="stage-head"
          onClick={(e) => {
            if (!(e.target instanceof Element) || !e.target.closest('input, button')) open();
          }}
        >
          <p className="stage-number">
            Stage {number}
            {stage.starts ? <span className="tag">Cases start here</span> : null}
            {stage.final ? <span className="tag">The case ends here</span> : null}
            {path ? <span className="tag">{path}</span> : null}
          </p>
          <input
            className="title-input stage-title"
            aria-label={`Title of stage ${number}`}
            value={stored(stage.id)}
            placeholder={stage.title}
            onChange={(e) => edit((d) => updateState(d, stage.id, { title: e.target.value || undefined }), `state:${stage.id}:title`)}
          />
          <button type="button" onClick={open} aria-current={selected ? 'true' : undefined}>
            Open<span className="visually-hidden"> stage {stage.title}</span>
          </button>
        </header>
        {stage.task ? <p className="step-task">{taskInWords(stage.task)}</p> : null}
        {stage.slas.length > 0 ? (
          <ul className="stage-slas" aria-label={`SLAs in ${stage.title}`}>
            {stage.slas.map((s) => (
              <li key={s.name} className={`sla-${s.phase}`}>
                {s.text}
                {PHASE_WORDS[s.phase]}
              </li>
            ))}
          </ul>
        ) : null}
        {stage.steps.length > 0 ? (
          <>
            {stage.parallel ? <p className="muted">These steps run at the same time.</p> : null}
            <ol className="stage-steps" aria-label={`Steps of ${stage.title}`}>
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
            label={`New step in ${stage.title}`}
            button="Add step"
            detail={`to ${stage.title}`}
            hint="Give the step a title, e.g. Collect documents."
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
