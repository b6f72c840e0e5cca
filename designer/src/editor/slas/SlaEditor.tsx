// One SLA: title, calendar, start-from field (by label), the ladder (warnAt, goal, deadline, repeats), the
// conditions, the actions per rung (the playbook's own actions editor, with its field pickers), and the preview.
import type { CaseType, Sla } from '../../../../schemas/generated/case-type.ts';
import { ActionsEditor } from '../../canvas/ActionsEditor.tsx';
import { fieldLabeller } from '../../model/field-label.ts';
import { withCurrent } from '../../model/pick-options.ts';
import { dateTimeFields, setPassedDeadline, setRungActions, setSlaValue, type SlaRungActions } from '../../model/slas.ts';
import { SlaConditionEditor } from './SlaConditionEditor.tsx';
import { SlaPreviewPanel } from './SlaPreviewPanel.tsx';

const RUNGS: { key: SlaRungActions; title: string }[] = [
  { key: 'onWarning', title: 'On warning' },
  { key: 'onGoalMissed', title: 'On goal missed' },
  { key: 'onBreach', title: 'On breach (deadline)' },
  { key: 'onPassedDeadline', title: 'On each repeat past the deadline' },
];

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
  const k = (what: string) => `sla:${name}:${what}`;
  const pd = sla.passedDeadline;
  const label = fieldLabeller(def);
  const startFromOptions = withCurrent(
    dateTimeFields(def).map((p) => ({ value: p, label: label(p) })),
    sla.startFrom,
    (p) => `${p} (not a date and time field)`,
  );
  return (
    <div className="sla-editor" aria-label={`SLA ${name}`} role="group">
      <h2>
        SLA {sla.title ?? name} <span className="muted">({name})</span>
      </h2>
      <div className="inline-form">
        <Text label="Title" value={sla.title ?? ''} onChange={(v) => edit((d) => setSlaValue(d, name, 'title', v), k('title'))} />
        <label>
          Calendar{' '}
          <select aria-label="Calendar" value={sla.calendar ?? ''} onChange={(e) => edit((d) => setSlaValue(d, name, 'calendar', e.target.value))}>
            <option value="">(none: elapsed time)</option>
            {Object.keys(def.calendars ?? {}).map((c) => (
              <option key={c} value={c}>
                {def.calendars?.[c]?.title ?? c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start from field{' '}
          <select aria-label="Start from field" value={sla.startFrom ?? ''} onChange={(e) => edit((d) => setSlaValue(d, name, 'startFrom', e.target.value))}>
            <option value="">(when the start condition matches)</option>
            {startFromOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Ladder (ISO durations: PT4H, P2D; with a calendar, business time)</legend>
        <div className="inline-form">
          <Text label="Warn at" placeholder="75%" value={sla.warnAt ?? ''} onChange={(v) => edit((d) => setSlaValue(d, name, 'warnAt', v), k('warnAt'))} />
          <Text label="Goal" placeholder="PT4H" value={sla.goal ?? ''} onChange={(v) => edit((d) => setSlaValue(d, name, 'goal', v), k('goal'))} />
          <Text label="Deadline" value={sla.deadline} onChange={(v) => edit((d) => setSlaValue(d, name, 'deadline', v), k('deadline'))} />
          <Text label="Repeat past the deadline every" placeholder="P1D" value={pd?.every ?? ''} onChange={(v) => edit((d) => setPassedDeadline(d, name, v, pd?.times ?? null), k('every'))} />
          {pd ? (
            <label>
              times{' '}
              <input
                aria-label="Repeat times"
                type="number"
                min={1}
                value={pd.times ?? ''}
                placeholder="until closed"
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
        <ActionsEditor key={r.key} id={`sla-${name}-${r.key}`} def={def} title={r.title} actions={sla[r.key]} onChange={(list, key) => edit((d) => setRungActions(d, name, r.key, list), key ? k(key) : undefined)} />
      ))}
    </div>
  );
}
