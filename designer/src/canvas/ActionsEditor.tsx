// Edits a list of actions from the closed catalogue (set, assign, priority, notify, webhook, raise, createCase, note).
// Given the definition, "set a field" picks the field by its label and types the value as the field's type,
// and "open a child case" lists the fields it copies and the constant data it starts with.
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { CreateCaseFields } from './CreateCaseFields.tsx';
import { SetFieldFields } from './SetFieldFields.tsx';

const TYPES: { type: Action['type']; label: string }[] = [
  { type: 'set', label: 'Set a field' },
  { type: 'assign', label: 'Assign work' },
  { type: 'priority', label: 'Set priority' },
  { type: 'notify', label: 'Notify' },
  { type: 'webhook', label: 'Call a webhook' },
  { type: 'raise', label: 'Raise an event' },
  { type: 'createCase', label: 'Open a child case' },
  { type: 'note', label: 'Add a note' },
];

export function blankAction(type: Action['type']): Action {
  switch (type) {
    case 'set':
      return { type, path: '/', value: '' };
    case 'assign':
      return { type, queue: '' };
    case 'priority':
      return { type, value: 'high' };
    case 'notify':
      return { type, to: 'assignee', template: 'update' };
    case 'webhook':
      return { type, url: 'https://' };
    case 'raise':
      return { type, event: 'EVENT' };
    case 'createCase':
      return { type, caseType: '', link: 'child' };
    case 'note':
      return { type, text: '' };
    default: {
      const _never: never = type;
      return _never;
    }
  }
}

function Text({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </span>
  );
}

function ActionFields({ id, def, action: a, onChange }: { id: string; def: CaseType | undefined; action: Action; onChange: (a: Action) => void }) {
  switch (a.type) {
    case 'set':
      if (def) return <SetFieldFields id={id} def={def} action={a} onChange={onChange} />;
      return (
        <>
          <Text id={`${id}-path`} label="Field" value={a.path} onChange={(path) => onChange({ ...a, path })} />
          <Text id={`${id}-value`} label="Value" value={typeof a.value === 'string' ? a.value : JSON.stringify(a.value ?? '')} onChange={(value) => onChange({ ...a, value })} />
        </>
      );
    case 'assign':
      return <Text id={`${id}-queue`} label="Queue" value={a.queue ?? ''} onChange={(queue) => onChange({ ...a, queue })} />;
    case 'priority':
      return (
        <span className="field inline">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select id={`${id}-priority`} value={a.value} onChange={(e) => onChange({ ...a, value: e.target.value as typeof a.value })}>
            {['low', 'normal', 'high', 'urgent'].map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </span>
      );
    case 'notify':
      return (
        <>
          <Text id={`${id}-to`} label="To" value={a.to} onChange={(to) => onChange({ ...a, to })} />
          <Text id={`${id}-template`} label="Template" value={a.template} onChange={(template) => onChange({ ...a, template })} />
        </>
      );
    case 'webhook':
      return <Text id={`${id}-url`} label="URL" value={a.url} onChange={(url) => onChange({ ...a, url })} />;
    case 'raise':
      return <Text id={`${id}-event`} label="Event" value={a.event} onChange={(event) => onChange({ ...a, event })} />;
    case 'createCase':
      return (
        <>
          <Text id={`${id}-casetype`} label="Case type" value={a.caseType} onChange={(caseType) => onChange({ ...a, caseType })} />
          {def ? <CreateCaseFields id={id} def={def} action={a} onChange={onChange} /> : null}
        </>
      );
    case 'note':
      return <Text id={`${id}-text`} label="Note text" value={a.text} onChange={(text) => onChange({ ...a, text })} />;
    default: {
      const _never: never = a;
      return _never;
    }
  }
}

interface Props {
  id: string;
  /** The definition, for field pickers; without it fields are typed as pointers. */
  def?: CaseType;
  title: string;
  actions: Action[] | undefined;
  onChange: (actions: Action[] | undefined, key?: string) => void;
}

export function ActionsEditor({ id, def, title, actions = [], onChange }: Props) {
  const set = (list: Action[], key?: string) => onChange(list.length > 0 ? list : undefined, key);
  return (
    <fieldset className="actions-editor">
      <legend>{title}</legend>
      {actions.length === 0 ? <p className="muted">None.</p> : null}
      {actions.map((a, i) => (
        <div key={i} className="action-row" role="group" aria-label={`${title} ${i + 1}: ${a.type}`}>
          <strong>{TYPES.find((t) => t.type === a.type)?.label ?? a.type}</strong>
          <ActionFields id={`${id}-${i}`} def={def} action={a} onChange={(next) => set(actions.map((x, j) => (j === i ? next : x)), `${id}:${i}`)} />
          <button type="button" onClick={() => set(actions.filter((_, j) => j !== i))} aria-label={`Remove ${title.toLowerCase()} ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <span className="field inline">
        <label htmlFor={`${id}-add`}>Add to {title.toLowerCase()}</label>
        <select id={`${id}-add`} value="" onChange={(e) => e.target.value && set([...actions, blankAction(e.target.value as Action['type'])])}>
          <option value="">choose an action…</option>
          {TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
      </span>
    </fieldset>
  );
}
