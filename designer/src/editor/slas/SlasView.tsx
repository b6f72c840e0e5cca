// The "SLAs and calendars" view: lists of SLAs and calendars, add / rename / delete, and the editor of the one picked.
import { useEffect, useState } from 'react';
import type { Selection } from '../../model/problem-target.ts';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { addCalendar, deleteCalendar } from '../../model/calendars.ts';
import { addSla, deleteSla, renameSla } from '../../model/slas.ts';
import { CalendarEditor } from './CalendarEditor.tsx';
import { SlaEditor } from './SlaEditor.tsx';
import { useWords } from '../../i18n/use-words.ts';

type Picked = { type: 'sla'; name: string } | { type: 'calendar'; name: string } | null;

const NAME = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

/** Adds an SLA or a calendar by name: `nameLabel` names the field ("SLA name"), `addLabel` the button ("Add SLA"). */
function AddForm({ nameLabel, addLabel, taken, onAdd }: { nameLabel: string; addLabel: string; taken: (n: string) => boolean; onAdd: (name: string) => void }) {
  const { t } = useWords();
  const [name, setName] = useState('');
  const problem = name === '' ? null : !NAME.test(name) ? t('slas.view.badName') : taken(name) ? t('slas.view.nameTaken') : null;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name === '' || problem) return;
        onAdd(name);
        setName('');
      }}
    >
      <label>
        {nameLabel} <input aria-label={nameLabel} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problem !== null} />
      </label>
      <button type="submit" disabled={name === '' || problem !== null}>
        {addLabel}
      </button>
      {problem ? <span className="error">{problem}</span> : null}
    </form>
  );
}

interface Props {
  def: CaseType;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
  /** A problem's "Go to" picks its SLA or calendar. */
  selection: Selection | null;
}

export function SlasView({ def, edit, selection }: Props) {
  const words = useWords();
  const t = (key: string) => words.t(`slas.view.${key}`);
  const slas = Object.keys(def.slas ?? {});
  const calendars = Object.keys(def.calendars ?? {});
  const [picked, setPicked] = useState<Picked>(() => (slas[0] ? { type: 'sla', name: slas[0] } : calendars[0] ? { type: 'calendar', name: calendars[0] } : null));
  const [renaming, setRenaming] = useState('');
  useEffect(() => {
    if (selection?.type === 'sla' || selection?.type === 'calendar') setPicked({ type: selection.type, name: selection.name });
  }, [selection]);
  const sla = picked?.type === 'sla' ? def.slas?.[picked.name] : undefined;
  const cal = picked?.type === 'calendar' ? def.calendars?.[picked.name] : undefined;
  return (
    <div className="two-columns">
      <div className="column">
        <h2>{t('serviceLevels')}</h2>
        {slas.length === 0 ? <p className="muted">{t('noSlas')}</p> : null}
        <ul className="tree">
          {slas.map((n) => (
            <li key={n}>
              <button type="button" className={`tree-item${picked?.type === 'sla' && picked.name === n ? ' selected' : ''}`} onClick={() => setPicked({ type: 'sla', name: n })}>
                {def.slas?.[n]?.title ?? n}
              </button>
            </li>
          ))}
        </ul>
        <AddForm nameLabel={t('slaName')} addLabel={t('addSla')} taken={(n) => Boolean(def.slas?.[n])} onAdd={(n) => { edit((d) => addSla(d, n, n)); setPicked({ type: 'sla', name: n }); }} />
        <h2>{t('calendars')}</h2>
        {calendars.length === 0 ? <p className="muted">{t('noCalendars')}</p> : null}
        <ul className="tree">
          {calendars.map((n) => (
            <li key={n}>
              <button type="button" className={`tree-item${picked?.type === 'calendar' && picked.name === n ? ' selected' : ''}`} onClick={() => setPicked({ type: 'calendar', name: n })}>
                {def.calendars?.[n]?.title ?? n}
              </button>
            </li>
          ))}
        </ul>
        <AddForm
          nameLabel={t('calendarName')}
          addLabel={t('addCalendar')}
          taken={(n) => Boolean(def.calendars?.[n])}
          onAdd={(n) => {
            edit((d) => addCalendar(d, n, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'));
            setPicked({ type: 'calendar', name: n });
          }}
        />
      </div>
      <div className="column">
        {picked === null ? <p className="muted">{t('nothingPicked')}</p> : null}
        {picked?.type === 'sla' && sla ? (
          <>
            <div className="inline-form">
              <label>
                {t('renameTo')} <input aria-label={t('renameSlaTo')} value={renaming} onChange={(e) => setRenaming(e.target.value)} />
              </label>
              <button
                type="button"
                disabled={!NAME.test(renaming) || Boolean(def.slas?.[renaming])}
                onClick={() => {
                  edit((d) => renameSla(d, picked.name, renaming));
                  setPicked({ type: 'sla', name: renaming });
                  setRenaming('');
                }}
              >
                {t('rename')}
              </button>
              <button type="button" onClick={() => { edit((d) => deleteSla(d, picked.name)); setPicked(null); }}>
                {t('deleteSla')}
              </button>
            </div>
            <SlaEditor key={picked.name} def={def} name={picked.name} sla={sla} edit={edit} />
          </>
        ) : null}
        {picked?.type === 'calendar' && cal ? (
          <>
            <button type="button" onClick={() => { edit((d) => deleteCalendar(d, picked.name)); setPicked(null); }}>
              {t('deleteCalendar')}
            </button>
            <CalendarEditor key={picked.name} name={picked.name} cal={cal} edit={edit} />
          </>
        ) : null}
      </div>
    </div>
  );
}
