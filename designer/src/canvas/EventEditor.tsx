import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { useWords } from '../i18n/use-words.ts';
import { carriedFields, payloadRules, setCarried, setPayloadBound, setPayloadChoices, setPayloadRequired, updateEvent } from '../model/events.ts';

function Bound({ id, label, value, onChange }: { id: string; label: string; value: number | undefined; onChange: (v: number | undefined) => void }) {
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' || !Number.isFinite(Number(e.target.value)) ? undefined : Number(e.target.value))} />
    </span>
  );
}

interface Props {
  def: CaseType;
  event: string;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

/**
 * The event of a transition: its title, who may send it, which fields it may carry, and what it asks of
 * each carried field (must carry it; smallest and largest number; which of a choice list's choices).
 */
export function EventEditor({ def, event, edit }: Props) {
  const { t } = useWords();
  if (event.includes('.')) return <p className="muted">{t('canvas.event.system', { event })}</p>;
  const ev = def.events?.[event];
  const carried = carriedFields(def, event);
  const fields = Object.entries(def.data.properties ?? {});
  const roles = Object.entries(def.roles ?? {});
  return (
    <fieldset>
      <legend>{t('canvas.event.legend', { event })}</legend>
      <label htmlFor="event-title">{t('canvas.event.title')}</label>
      <input id="event-title" value={ev?.title ?? ''} onChange={(e) => edit((d) => updateEvent(d, event, { title: e.target.value }), `event:${event}:title`)} />
      <fieldset>
        <legend>{t('canvas.event.carries')}</legend>
        {fields.length === 0 ? <p className="muted">{t('canvas.event.noFields')}</p> : null}
        {fields.map(([name, f]) => {
          const title = f?.title ?? name;
          const on = carried.includes(name);
          const rules = on ? payloadRules(def, event, name) : null;
          const numeric = f?.type === 'number' || f?.type === 'integer';
          return (
            <div key={name} className="payload-field">
              <label className="inline block">
                <input type="checkbox" checked={on} onChange={(e) => edit((d) => setCarried(d, event, name, e.target.checked))} /> {t('canvas.event.carriesField', { title })}
              </label>
              {rules ? (
                <div className="payload-rules" role="group" aria-label={t('canvas.event.asks', { event, title })}>
                  <label className="inline block">
                    <input type="checkbox" checked={rules.required} onChange={(e) => edit((d) => setPayloadRequired(d, event, name, e.target.checked))} /> {t('canvas.event.must', { title })}
                  </label>
                  {numeric && !f?.enum ? (
                    <>
                      <Bound id={`payload-${name}-min`} label={t('canvas.event.smallest', { title })} value={rules.minimum} onChange={(v) => edit((d) => setPayloadBound(d, event, name, 'minimum', v), `event:${event}:${name}:min`)} />
                      <Bound id={`payload-${name}-max`} label={t('canvas.event.largest', { title })} value={rules.maximum} onChange={(v) => edit((d) => setPayloadBound(d, event, name, 'maximum', v), `event:${event}:${name}:max`)} />
                    </>
                  ) : null}
                  {f?.enum && rules.choices ? (
                    <fieldset>
                      <legend>{t('canvas.event.choices', { title })}</legend>
                      {f.enum.map((c) => {
                        const allowed = rules.choices ?? [];
                        const checked = allowed.includes(c);
                        return (
                          <label key={String(c)} className="inline">
                            <input
                              type="checkbox"
                              checked={checked}
                              disabled={checked && allowed.length === 1}
                              onChange={(e) => edit((d) => setPayloadChoices(d, event, name, e.target.checked ? [...allowed, c] : allowed.filter((x) => x !== c)))}
                            />{' '}
                            {t('canvas.event.mayBe', { title, value: String(c) })}
                          </label>
                        );
                      })}
                    </fieldset>
                  ) : null}
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      {roles.length > 0 ? (
        <fieldset>
          <legend>{t('canvas.event.roles')}</legend>
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
