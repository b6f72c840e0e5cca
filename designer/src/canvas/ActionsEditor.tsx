// Edits a list of actions from the closed catalogue (set, assign, priority, notify, webhook, lookup, raise, createCase,
// sendToChildren, sendToParent, note).
// The one actions editor: transitions, states, the playbook root, delays, eventless transitions and the SLA
// rungs all draw it with the definition, so "set a field" picks the field by its label and types the value as
// the field's type, "assign work" and "raise an event" pick a queue and an event by title, and "open a child
// case" picks a published case type and lists the fields it copies and the constant data it starts with.
import { useContext } from 'react';
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { KnownCaseTypes } from '../editor/known-case-types.ts';
import { caseTypeOptions, eventOptions, queueOptions, withCurrent } from '../model/pick-options.ts';
import { Pick } from './Pick.tsx';
import { CreateCaseFields } from './CreateCaseFields.tsx';
import { LookupFields } from './LookupFields.tsx';
import { LinkedEventFields } from './LinkedEventFields.tsx';
import { messageOptions } from '../model/messages.ts';
import { SetFieldFields } from './SetFieldFields.tsx';
import { useWords } from '../i18n/use-words.ts';

/** The kinds of action, in the order offered; each one's label is canvas.actions.types.<type>. */
const TYPES: Action['type'][] = ['set', 'assign', 'priority', 'notify', 'webhook', 'lookup', 'raise', 'createCase', 'sendToChildren', 'sendToParent', 'note'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** A new action of a kind; given the definition, "assign work" and "raise an event" start on its first queue and event. */
export function blankAction(type: Action['type'], def?: CaseType): Action {
  switch (type) {
    case 'set':
      return { type, path: '/', value: '' };
    case 'assign':
      return { type, queue: Object.keys(def?.queues ?? {})[0] ?? '' };
    case 'priority':
      return { type, value: 'high' };
    case 'notify':
      return { type, to: 'assignee', template: 'update' };
    case 'webhook':
      return { type, url: 'https://' };
    case 'lookup':
      return { type, name: 'crm', url: 'https://', map: {} };
    case 'raise':
      return { type, event: Object.keys(def?.events ?? {})[0] ?? '' };
    case 'createCase':
      return { type, caseType: '', link: 'child' };
    case 'sendToChildren':
    case 'sendToParent':
      return { type, event: Object.keys(def?.events ?? {})[0] ?? '' };
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

/** "Open a child case": the child's case type, picked among the published ones when the editor knows them. */
function CaseTypePick({ id, value, onChange }: { id: string; value: string; onChange: (key: string) => void }) {
  const known = useContext(KnownCaseTypes);
  const { t } = useWords();
  if (known === null) {
    // no list loaded (the editor drawn on its own): the key typed, with the keys of nothing to suggest
    return (
      <span className="field inline">
        <label htmlFor={id}>{t('canvas.actions.caseType')}</label>
        <input id={id} value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
        <span id={`${id}-hint`} className="muted">
          {t('canvas.actions.caseTypeHint')}
        </span>
      </span>
    );
  }
  const published = caseTypeOptions(known);
  const options = withCurrent(published, value, (key) => t('canvas.actions.notPublished', { key }));
  const hint =
    published.length === 0
      ? t('canvas.actions.noPublished')
      : value !== '' && !published.some((o) => o.value === value)
        ? t('canvas.actions.unknownPublished', { key: value })
        : undefined;
  return <Pick id={id} label={t('canvas.actions.caseType')} value={value} options={options} placeholder={t('canvas.actions.chooseCaseType')} hint={hint} onChange={onChange} />;
}

function ActionFields({ id, def, action: a, onChange }: { id: string; def: CaseType; action: Action; onChange: (a: Action) => void }) {
  const { t } = useWords();
  switch (a.type) {
    case 'set':
      return <SetFieldFields id={id} def={def} action={a} onChange={onChange} />;
    case 'assign': {
      const queues = queueOptions(def);
      const queue = a.queue ?? '';
      return (
        <Pick
          id={`${id}-queue`}
          label={t('canvas.actions.queue')}
          value={queue}
          options={withCurrent(queues, queue, (q) => t('canvas.shared.notQueue', { queue: q }))}
          placeholder={t('canvas.actions.chooseQueue')}
          hint={queues.length === 0 ? t('canvas.actions.noQueues') : undefined}
          onChange={(q) => onChange({ ...a, queue: q })}
        />
      );
    }
    case 'priority':
      return (
        <span className="field inline">
          <label htmlFor={`${id}-priority`}>{t('canvas.actions.priority')}</label>
          <select id={`${id}-priority`} value={a.value} onChange={(e) => onChange({ ...a, value: e.target.value as typeof a.value })}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`console.priority.${p}`)}
              </option>
            ))}
          </select>
        </span>
      );
    case 'notify':
      return (
        <>
          <Text id={`${id}-to`} label={t('canvas.actions.to')} value={a.to} onChange={(to) => onChange({ ...a, to })} />
          {def.messages !== undefined && Object.keys(def.messages).length > 0 ? (
            <Pick
              id={`${id}-template`}
              label={t('canvas.actions.template')}
              value={a.template}
              options={withCurrent(messageOptions(def), a.template, (name) => t('canvas.actions.notMessage', { name }))}
              placeholder={t('canvas.actions.chooseMessage')}
              onChange={(template) => onChange({ ...a, template })}
            />
          ) : (
            <Text id={`${id}-template`} label={t('canvas.actions.template')} value={a.template} onChange={(template) => onChange({ ...a, template })} />
          )}
        </>
      );
    case 'webhook':
      return <Text id={`${id}-url`} label={t('canvas.actions.url')} value={a.url} onChange={(url) => onChange({ ...a, url })} />;
    case 'lookup':
      return <LookupFields id={id} def={def} action={a} onChange={onChange} />;
    case 'raise': {
      const events = eventOptions(def);
      return (
        <Pick
          id={`${id}-event`}
          label={t('canvas.actions.event')}
          value={a.event}
          options={withCurrent(events, a.event, (e) => t(e.includes('.') ? 'canvas.actions.systemEvent' : 'canvas.actions.notEvent', { event: e }))}
          placeholder={t('canvas.actions.chooseEvent')}
          hint={events.length === 0 ? t('canvas.actions.noEvents') : undefined}
          onChange={(event) => onChange({ ...a, event })}
        />
      );
    }
    case 'createCase':
      return (
        <>
          <CaseTypePick id={`${id}-casetype`} value={a.caseType} onChange={(caseType) => onChange({ ...a, caseType })} />
          <CreateCaseFields id={id} def={def} action={a} onChange={onChange} />
        </>
      );
    case 'sendToChildren':
    case 'sendToParent':
      return <LinkedEventFields id={id} def={def} action={a} onChange={onChange} />;
    case 'note':
      return <Text id={`${id}-text`} label={t('canvas.actions.noteText')} value={a.text} onChange={(text) => onChange({ ...a, text })} />;
    default: {
      const _never: never = a;
      return _never;
    }
  }
}

interface Props {
  id: string;
  /** The definition: its fields, queues and events are what the actions pick from. */
  def: CaseType;
  title: string;
  actions: Action[] | undefined;
  onChange: (actions: Action[] | undefined, key?: string) => void;
}

export function ActionsEditor({ id, def, title, actions = [], onChange }: Props) {
  const { t } = useWords();
  const set = (list: Action[], key?: string) => onChange(list.length > 0 ? list : undefined, key);
  return (
    <fieldset className="actions-editor">
      <legend>{title}</legend>
      {actions.length === 0 ? <p className="muted">{t('canvas.shared.none')}</p> : null}
      {actions.map((a, i) => (
        <div key={i} className="action-row" role="group" aria-label={t('canvas.actions.row', { title, n: i + 1, type: TYPES.includes(a.type) ? t(`canvas.actions.codes.${a.type}`) : a.type })}>
          <strong>{TYPES.includes(a.type) ? t(`canvas.actions.types.${a.type}`) : a.type}</strong>
          <ActionFields id={`${id}-${i}`} def={def} action={a} onChange={(next) => set(actions.map((x, j) => (j === i ? next : x)), `${id}:${i}`)} />
          <button type="button" onClick={() => set(actions.filter((_, j) => j !== i))} aria-label={t('canvas.actions.removeRow', { title: title.toLowerCase(), n: i + 1 })}>
            {t('canvas.actions.remove')}
          </button>
        </div>
      ))}
      <span className="field inline">
        <label htmlFor={`${id}-add`}>{t('canvas.actions.addTo', { title: title.toLowerCase() })}</label>
        <select id={`${id}-add`} value="" onChange={(e) => e.target.value && set([...actions, blankAction(e.target.value as Action['type'], def)])}>
          <option value="">{t('canvas.actions.chooseAction')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`canvas.actions.types.${type}`)}
            </option>
          ))}
        </select>
      </span>
    </fieldset>
  );
}
