// The task's due time's calendar and its "When overdue" actions (issue 21, docs/task-due.md), under the
// task's due field in the state panel: the calendar by name (business time), and the actions run once when
// the task is still open at its due time, drawn by the one actions editor.
import type { Action, CaseType, Task } from '../../../schemas/generated/case-type.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  def: CaseType;
  task: Task;
  setTask: (patch: Partial<Task>, key?: string) => void;
  /** The undo key of a field of this state. */
  k: (what: string) => string;
}

export function TaskDueFields({ def, task, setTask, k }: Props) {
  const { t } = useWords();
  const calendars = Object.keys(def.calendars ?? {});
  return (
    <>
      {calendars.length > 0 || task.calendar !== undefined ? (
        <>
          <label htmlFor="task-calendar">{t('due.editor.calendar')}</label>
          <select id="task-calendar" value={task.calendar ?? ''} onChange={(e) => setTask({ calendar: e.target.value || undefined })}>
            <option value="">{t('due.editor.noCalendar')}</option>
            {[...new Set([...calendars, ...(task.calendar !== undefined ? [task.calendar] : [])])].map((c) => (
              <option key={c} value={c}>
                {def.calendars?.[c]?.title ?? c}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <ActionsEditor
        id="task-overdue"
        def={def}
        title={t('due.editor.onOverdue')}
        actions={task.onOverdue}
        onChange={(onOverdue: Action[] | undefined, key) => setTask({ onOverdue }, key ? k(key) : undefined)}
      />
      <p className="muted">{task.due === undefined && task.onOverdue !== undefined ? t('due.editor.needsDue') : t('due.editor.onOverdueHint')}</p>
    </>
  );
}
