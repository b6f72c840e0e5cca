// One SLA: title, calendar, start-from field (by label), the ladder (warnAt, goal, deadline, repeats), the
// conditions, the actions per rung (the playbook's own actions editor, with its field pickers), and the preview.
import type { CaseType, Sla } from '../../../../schemas/generated/case-type.ts';
import { ActionsEditor } from '../../canvas/ActionsEditor.tsx';
import { fieldLabeller } from '../../model/field-label.ts';
import { withCurrent } from '../../model/pick-options.ts';
import { dateTimeFields, setPassedDeadline, setRungActions, setSlaValue, type SlaRungActions } from '../../model/slas.ts';
import { SlaConditionEditor } from './SlaConditionEditor.tsx';
import { SlaPreviewPanel } from './SlaPreviewPanel.tsx';
import { useWords } from '../../i18n/use-words.ts';

/** The rungs with actions, in ladder order; each one's title is slas.sla.rungs.<key>. */
const RUNGS: readonly SlaRungActions[] = ['onWarning', 'onGoalMissed', 'onBreach', 'onPassedDeadline'];

interface Props {
  def: CaseType;
  name: string;
  sla: Sla;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

function Text({ label, value, placeholder, onChange }: { label: string; value: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label} <input aria-label={label} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function SlaEditor({ def, name, sla, edit }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`slas.sla.${key}`, values);
  const k = (what: string) => `sla:${name}:${what}`;
  const pd = sla.passedDeadline;
  const label = fieldLabeller(def);
  const startFromOptions = withCurrent(
    dateTimeFields(def).map((p) => ({ value: p, label: label(p) })),
    sla.startFrom,
    (p) => t('notDateTime', { field: p }),
  );
  return (
    <div className="sla-editor" aria-label={t('group', { name })} role="group">
      <h2>
        {t('heading', { title: sla.title ?? name })} <span className="muted">({name})</span>
      </h2>
      <div className="inline-form">
        <Text label={t('title')} value={sla.title ?? ''} onChange={(v) => edit((d) => setSlaValue(d, name, 'title', v), k('title'))} />
        <label>
          {t('calendar')}{' '}
          <select aria-label={t('calendar')} value={sla.calendar ?? ''} onChange={(e) => edit((d) => setSlaValue(d, name, 'calendar', e.target.value))}>
            <option value="">{t('noCalendar')}</option>
            {Object.keys(def.calendars ?? {}).map((c) => (
              <option key={c} value={c}>
                {def.calendars?.[c]?.title ?? c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('startFrom')}{' '}
          <select aria-label={t('startFrom')} value={sla.startFrom ?? ''} onChange={(e) => edit((d) => setSlaValue(d, name, 'startFrom', e.target.value))}>
            <option value="">{t('whenStart')}</option>
            {startFromOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t('ladder')}</legend>
        <div className="inline-form">
          <Text label={t('warnAt')} placeholder="75%" value={sla.warnAt ?? ''} onChange={(v) => edit((d) => setSlaValue(d, name, 'warnAt', v), k('warnAt'))} />
          <Text label={t('goal')} placeholder="PT4H" value={sla.goal ?? ''} onChange={(v) => edit((d) => setSlaValue(d, name, 'goal', v), k('goal'))} />
          <Text label={t('deadline')} value={sla.deadline} onChange={(v) => edit((d) => setSlaValue(d, name, 'deadline', v), k('deadline'))} />
          <Text label={t('repeatEvery')} placeholder="P1D" value={pd?.every ?? ''} onChange={(v) => edit((d) => setPassedDeadline(d, name, v, pd?.times ?? null), k('every'))} />
          {pd ? (
            <label>
              {t('times')}{' '}
              <input
                aria-label={t('repeatTimes')}
                type="number"
                min={1}
                value={pd.times ?? ''}
                placeholder={t('untilClosed')}
                onChange={(e) => edit((d) => setPassedDeadline(d, name, pd.every, e.target.value === '' ? null : Math.max(1, Math.floor(Number(e.target.value)))), k('times'))}
              />
            </label>
          ) : null}
        </div>
      </fieldset>
      <SlaPreviewPanel def={def} sla={name} />
      {(['start', 'pause', 'stop', 'cancel', 'reset'] as const).map((w) => (
        <SlaConditionEditor key={w} def={def} sla={name} which={w} cond={sla[w]} edit={edit} />
      ))}
      {RUNGS.map((r) => (
        <ActionsEditor key={r} id={`sla-${name}-${r}`} def={def} title={t(`rungs.${r}`)} actions={sla[r]} onChange={(list, key) => edit((d) => setRungActions(d, name, r, list), key ? k(key) : undefined)} />
      ))}
    </div>
  );
}
