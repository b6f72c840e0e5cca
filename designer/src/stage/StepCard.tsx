// One step of a stage on the stage view: its title (editable), where the stage starts, its task, its own steps,
// and the buttons to open it in the side panel and to move it among its stage's steps.
import type { LifeCycleStep, LifeCycleTask } from '../model/stages.ts';
import { updateState } from '../model/states.ts';
import type { EditProps } from '../editor/edit-props.ts';

/** "Task: Classify the complaint · queue Triage · due in 4 working hours". */
export function taskInWords(task: LifeCycleTask): string {
  return [`Task: ${task.title}`, task.queue ? `queue ${task.queue}` : task.role ? `role ${task.role}` : null, task.due ? `due in ${task.due}` : null].filter(Boolean).join(' · ');
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
        aria-label={`Title of step ${index + 1} in ${stageTitle}`}
        value={stored}
        placeholder={step.title}
        onChange={(e) => edit((d) => updateState(d, step.id, { title: e.target.value || undefined }), `state:${step.id}:title`)}
      />
      <p className="step-tags">
        {step.starts ? <span className="tag">Starts here</span> : null}
        {parallel ? <span className="tag">Runs alongside the others</span> : null}
        {step.final ? <span className="tag">Ends the stage</span> : null}
      </p>
      {step.task ? <p className="step-task">{taskInWords(step.task)}</p> : null}
      {step.steps.length > 0 ? (
        <ol className="sub-steps" aria-label={`Steps of ${step.title}`}>
          {step.steps.map((s) => (
            <li key={s.id}>
              {s.title}
              {s.final ? ' (done)' : ''}
              {s.task ? <span className="muted"> — {taskInWords(s.task)}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="step-buttons">
        <button type="button" onClick={open}>
          Open<span className="visually-hidden"> step {step.title}</span>
        </button>
        <button type="button" data-move={`up:${step.id}`} disabled={index === 0} onClick={() => onMove(step.id, -1)}>
          Move up<span className="visually-hidden"> {step.title}</span>
        </button>
        <button type="button" data-move={`down:${step.id}`} disabled={index === count - 1} onClick={() => onMove(step.id, 1)}>
          Move down<span className="visually-hidden"> {step.title}</span>
        </button>
      </div>
    </li>
  );
}
