import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { carriedFields, setCarried, updateEvent } from '../model/events.ts';

interface Props {
  def: CaseType;
  event: string;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

/** The event of a transition: its title, who may send it, and which fields it may carry. */
export function EventEditor({ def, event, edit }: Props) {
  if (event.includes('.')) return <p className="muted">{event} is a system event: the runtime raises it.</p>;
  const ev = def.events?.[event];
  const carried = carriedFields(def, event);
  const fields = Object.entries(def.data.properties ?? {});
  const roles = Object.entries(def.roles ?? {});
  return (
    <fieldset>
      <legend>Event {event}</legend>
      <label htmlFor="event-title">Event title (what people see on the button)</label>
      <input id="event-title" value={ev?.title ?? ''} onChange={(e) => edit((d) => updateEvent(d, event, { title: e.target.value }), `event:${event}:title`)} />
      <fieldset>
        <legend>Data the event carries</legend>
        {fields.length === 0 ? <p className="muted">No fields yet.</p> : null}
        {fields.map(([name, f]) => (
          <label key={name} className="inline block">
            <input type="checkbox" checked={carried.includes(name)} onChange={(e) => edit((d) => setCarried(d, event, name, e.target.checked))} /> Carries {f?.title ?? name}
          </label>
        ))}
      </fieldset>
      {roles.length > 0 ? (
        <fieldset>
          <legend>Who may send it (none checked: any agent or service)</legend>
          {roles.map(([r, role]) => (
            <label key={r} className="inline block">
              <input
                type="checkbox"
                checked={(ev?.roles ?? []).includes(r)}
                onChange={(e) => {
                  const list = (ev?.roles ?? []).filter((x) => x !== r);
                  if (e.target.checked) list.push(r);
                  edit((d) => updateEvent(d, event, { roles: list }));
                }}
              />{' '}
              {role?.title ?? r}
            </label>
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
