// The "look up in another system" action: its name (the playbook's transitions take lookup.<name>.done and
// .failed), GET or POST, the URL, the values sent (each a parameter name and the case field, by its label)
// and where the answer goes (each case field, by its label, and the answer's member written with dots).
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { fieldLabeller } from '../model/field-label.ts';
import { listFields } from '../model/fields.ts';
import { answerMapping, freeName, sentValues, withAnswerMapping, withMethod, withSentValues, withTimeout, withTitle, type LookupAction, type Pair } from '../model/lookup-edit.ts';
import { useWords } from '../i18n/use-words.ts';

function FieldPick({ id, label, value, fields, placeholder, onChange }: { id: string; label: string; value: string; fields: { pointer: string; label: string }[]; placeholder: string; onChange: (pointer: string) => void }) {
  const known = fields.some((f) => f.pointer === value);
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
        {known ? null : <option value="">{placeholder}</option>}
        {fields.map((f) => (
          <option key={f.pointer} value={f.pointer}>
            {f.label}
          </option>
        ))}
      </select>
    </span>
  );
}

export function LookupFields({ id, def, action: a, onChange }: { id: string; def: CaseType; action: LookupAction; onChange: (a: Action) => void }) {
  const { t } = useWords();
  const label = fieldLabeller(def);
  const fields = listFields(def)
    .filter((f) => f.kind !== 'group' && f.kind !== 'list')
    .map((f) => ({ pointer: f.pointer, label: label(f.pointer) }));
  const sent = sentValues(a);
  const mapping = answerMapping(a);
  const setSent = (pairs: Pair[]) => onChange(withSentValues(a, pairs));
  const setMapping = (pairs: Pair[]) => onChange(withAnswerMapping(a, pairs));
  const replace = (pairs: Pair[], i: number, next: Pair) => pairs.map((p, j) => (j === i ? next : p));
  return (
    <>
      <span className="field inline">
        <label htmlFor={`${id}-name`}>{t('canvas.lookup.name')}</label>
        <input id={`${id}-name`} value={a.name} aria-describedby={`${id}-name-hint`} onChange={(e) => onChange({ ...a, name: e.target.value })} />
        <span id={`${id}-name-hint`} className="muted">
          {t('canvas.lookup.nameHint', { name: a.name })}
        </span>
      </span>
      <span className="field inline">
        <label htmlFor={`${id}-title`}>{t('canvas.lookup.title')}</label>
        <input id={`${id}-title`} value={a.title ?? ''} onChange={(e) => onChange(withTitle(a, e.target.value))} />
      </span>
      <span className="field inline">
        <label htmlFor={`${id}-method`}>{t('canvas.lookup.method')}</label>
        <select id={`${id}-method`} value={a.method ?? 'GET'} onChange={(e) => onChange(withMethod(a, e.target.value === 'POST' ? 'POST' : 'GET'))}>
          <option value="GET">{t('canvas.lookup.get')}</option>
          <option value="POST">{t('canvas.lookup.post')}</option>
        </select>
      </span>
      <span className="field inline">
        <label htmlFor={`${id}-url`}>{t('canvas.actions.url')}</label>
        <input id={`${id}-url`} value={a.url} onChange={(e) => onChange({ ...a, url: e.target.value })} />
      </span>
      <span className="field inline">
        <label htmlFor={`${id}-timeout`}>{t('canvas.lookup.timeout')}</label>
        <input id={`${id}-timeout`} type="number" min={1} max={60} step={1} value={a.timeoutSeconds ?? ''} placeholder="10" onChange={(e) => onChange(withTimeout(a, e.target.value))} />
      </span>
      <fieldset className="lookup-list">
        <legend>{t('canvas.lookup.sent')}</legend>
        {sent.length === 0 ? <p className="muted">{t('canvas.lookup.nothingSent')}</p> : null}
        {sent.map((p, i) => (
          <div key={i} role="group" aria-label={t('canvas.lookup.sentRow', { n: i + 1 })}>
            <span className="field inline">
              <label htmlFor={`${id}-sent-${i}-name`}>{t('canvas.lookup.parameter', { n: i + 1 })}</label>
              <input id={`${id}-sent-${i}-name`} value={p.key} onChange={(e) => setSent(replace(sent, i, { ...p, key: e.target.value }))} />
            </span>
            <FieldPick id={`${id}-sent-${i}-field`} label={t('canvas.lookup.sentField', { n: i + 1 })} value={p.value} fields={fields} placeholder={t('canvas.setField.chooseField')} onChange={(value) => setSent(replace(sent, i, { ...p, value }))} />
            <button type="button" onClick={() => setSent(sent.filter((_, j) => j !== i))}>
              {t('canvas.lookup.removeSent', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setSent([...sent, { key: freeName(sent, 'value'), value: fields[0]?.pointer ?? '' }])}>
          {t('canvas.lookup.addSent')}
        </button>
      </fieldset>
      <fieldset className="lookup-list">
        <legend>{t('canvas.lookup.answer')}</legend>
        {mapping.map((p, i) => (
          <div key={i} role="group" aria-label={t('canvas.lookup.answerRow', { n: i + 1 })}>
            <FieldPick id={`${id}-map-${i}-field`} label={t('canvas.lookup.target', { n: i + 1 })} value={p.key} fields={fields} placeholder={t('canvas.setField.chooseField')} onChange={(key) => setMapping(replace(mapping, i, { ...p, key }))} />
            <span className="field inline">
              <label htmlFor={`${id}-map-${i}-from`}>{t('canvas.lookup.from', { n: i + 1 })}</label>
              <input id={`${id}-map-${i}-from`} value={p.value} placeholder={t('canvas.lookup.fromExample')} onChange={(e) => setMapping(replace(mapping, i, { ...p, value: e.target.value }))} />
            </span>
            <button type="button" onClick={() => setMapping(mapping.filter((_, j) => j !== i))}>
              {t('canvas.lookup.removeAnswer', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => {
            const free = fields.find((f) => !mapping.some((p) => p.key === f.pointer));
            if (free !== undefined) setMapping([...mapping, { key: free.pointer, value: '' }]);
          }}
        >
          {t('canvas.lookup.addAnswer')}
        </button>
      </fieldset>
    </>
  );
}
