// One step of a stage on the stage view: its title (editable), where the stage starts, its task, its own steps,
// and the buttons to open it in the side panel and to move it among its stage's steps.
import type { LifeCycleStep, LifeCycleTask } from '../model/stages.ts';
import { updateState } from '../model/states.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { useWords } from '../i18n/use-words.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

/** "Task: Classify the complaint · queue Triage · due in 4 working hours". */
export function taskInWords(task: LifeCycleTask, { t }: Words = ENGLISH): string {
  return [
    t('stages.step.task', { title: task.title }),
    task.queue ? t('stages.step.queue', { queue: task.queue }) : task.role ? t('stages.step.role', { role: task.role }) : null,
    task.due ? t('stages.step.due', { due: task.due }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

interface Props extends Pick<EditProps, 'edit' | 'select'> {
  step: LifeCycleStep;
  /** The title as stored ('' for none), for the field. */
  stored: string;
  stageTitle: string;
  index: number;
  count: number;
  selected: boolean;
  parallel: boolean;
  onMove: (id: string, by: -1 | 1) => void;
}

export function StepCard({ step, stored, stageTitle, index, count, selected, parallel, edit, select, onMove }: Props) {
  const words = useWords();
  const { t } = words;
  const open = () => select({ type: 'state', id: step.id });
  return (
    <li
      className={`step-card${selected ? ' selected' : ''}${step.final ? ' final' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onClick={(e) => {
        if (!(e.target instanceof Element) || !e.target.closest('input, button')) open();
      }}
    >
      <input
        className="title-input"
        aria-label={t('stages.step.titleOf', { number: index + 1, stage: stageTitle })}
        value={stored}
        placeholder={step.title}
        onChange={(e) => edit((d) => updateState(d, step.id, { title: e.target.value || undefined }), `state:${step.id}:title`)}
      />
      <p className="step-tags">
        {step.starts ? <span className="tag">{t('stages.step.starts')}</span> : null}
        {parallel ? <span className="tag">{t('stages.step.alongside')}</span> : null}
        {step.final ? <span className="tag">{t('stages.step.ends')}</span> : null}
      </p>
      {step.task ? <p className="step-task">{taskInWords(step.task, words)}</p> : null}
      {step.steps.length > 0 ? (
        <ol className="sub-steps" aria-label={t('stages.step.steps', { title: step.title })}>
          {step.steps.map((s) => (
            <li key={s.id}>
              {s.title}
              {s.final ? t('stages.step.done') : ''}
              {s.task ? <span className="muted"> — {taskInWords(s.task, words)}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="step-buttons">
        <button type="button" onClick={open}>
          {t('stages.step.open')}
          <span className="visually-hidden">{t('stages.step.openDetail', { title: step.title })}</span>
        </button>
        <button type="button" data-move={`up:${step.id}`} disabled={index === 0} onClick={() => onMove(step.id, -1)}>
          {t('stages.step.moveUp')}
          <span className="visually-hidden"> {step.title}</span>
        </button>
        <button type="button" data-move={`down:${step.id}`} disabled={index === count - 1} onClick={() => onMove(step.id, 1)}>
          {t('stages.step.moveDown')}
          <span className="visually-hidden"> {step.title}</span>
        </button>
      </div>
    </li>
  );
}
