// "Send an event to the child cases" / "to the parent case": the event by title, for the children an
// optional case type (every child case, or those of one published type), and the data sent with it (none,
// or the value of a group of fields of this case). A constant payload (`data`) is kept as written; the
// JSON view edits it.
import { useContext } from 'react';
import type { Action, CaseType, SendToChildrenAction, SendToParentAction } from '../../../schemas/generated/case-type.ts';
import { KnownCaseTypes } from '../editor/known-case-types.ts';
import { useWords } from '../i18n/use-words.ts';
import { fieldLabeller } from '../model/field-label.ts';
import { listFields } from '../model/fields.ts';
import { caseTypeOptions, eventOptions, withCurrent } from '../model/pick-options.ts';
import { Pick } from './Pick.tsx';


export function LinkedEventFields({ id, def, action, onChange }: { id: string; def: CaseType; action: SendToChildrenAction | SendToParentAction; onChange: (a: Action) => void }) {
  const { t } = useWords();
  const known = useContext(KnownCaseTypes);
  const events = withCurrent(eventOptions(def), action.event, (e) => t('canvas.actions.notEvent', { event: e }));
  const label = fieldLabeller(def);
  const groups = listFields(def).filter((f) => f.kind === 'group');
  const from = action.from ?? '';
  const payloads = [
    { value: '', label: t('canvas.actions.payloadNone') },
    ...withCurrent(
      groups.map((g) => ({ value: g.pointer, label: label(g.pointer) })),
      from,
      (p) => p,
    ),
  ];
  const withPayload = (pointer: string): Action => {
    const { from: _from, ...rest } = action;
    return pointer === '' ? rest : { ...rest, from: pointer };
  };
  return (
    <>
      <Pick
        id={`${id}-event`}
        label={t('canvas.actions.linkedEvent')}
        value={action.event}
        options={[...(action.event === '' ? [{ value: '', label: t('canvas.actions.chooseEvent') }] : []), ...events]}
        hint={t('canvas.actions.linkedEventHint')}
        onChange={(event) => onChange({ ...action, event })}
      />
      {action.type === 'sendToChildren' ? (
        <Pick
          id={`${id}-childtype`}
          label={t('canvas.actions.childCaseType')}
          value={action.caseType ?? ''}
          options={[
            { value: '', label: t('canvas.actions.anyCaseType') },
            ...withCurrent(caseTypeOptions(known ?? []), action.caseType ?? '', (key) => t('canvas.actions.notPublished', { key })),
          ]}
          onChange={(caseType) => {
            const { caseType: _old, ...rest } = action;
            onChange(caseType === '' ? rest : { ...rest, caseType });
          }}
        />
      ) : null}
      {action.data === undefined ? (
        <Pick id={`${id}-payload`} label={t('canvas.actions.payloadField')} value={from} options={payloads} onChange={(pointer) => onChange(withPayload(pointer))} />
      ) : null}
    </>
  );
}
