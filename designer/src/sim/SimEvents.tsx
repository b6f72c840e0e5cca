// The events of the case type now: the ones the current state accepts (with why a guard would fail on
// the current data) with a payload form each, and the ones it does not accept.
import { useState } from 'react';
import type { CaseType, FieldSchema } from '../../../schemas/generated/case-type.ts';
import { dataProblems } from '../../../runtime/engine/index.ts';
import type { NextEvent, CaseData, JsonValue } from '../../../runtime/engine/index.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { errorsByField, problemSentence } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  def: CaseType;
  events: NextEvent[];
  stateText: string;
  closed: boolean;
  onSend: (event: string, data: CaseData | undefined) => void;
}

function EventRow({ def, ev, onSend }: { def: CaseType; ev: NextEvent; onSend: Props['onSend'] }) {
  const schema = def.events?.[ev.type]?.data as FieldSchema | undefined;
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<Record<string, unknown>>({});
  const words = useWords();
  const { t } = words;
  const label = (pointer: string) => fieldLabel(def, pointer);
  const errors = schema && open ? errorsByField(dataProblems(schema, value as JsonValue), label, words) : {};
  return (
    <li className={`sim-event ${ev.enabled ? 'enabled' : 'blocked'}`} data-event={ev.type}>
      <div className="inline-form">
        <strong>{ev.title}</strong> <code>{ev.type}</code>
        {ev.target ? <span className="muted">→ {ev.target}</span> : null}
        {schema ? (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('sim.events.hideData') : t('sim.events.withData')}
          </button>
        ) : null}
        <button type="button" onClick={() => onSend(ev.type, schema && open ? (value as CaseData) : undefined)} aria-label={t('sim.events.sendLabel', { event: ev.type })}>
          {t('sim.events.send')}
        </button>
      </div>
      {!ev.enabled ? (
        <ul className="why-blocked" aria-label={t('sim.events.whyBlocked', { event: ev.type })}>
          {ev.problems.length === 0 ? <li>{t('sim.events.guardFails')}</li> : ev.problems.map((p, i) => <li key={i}>{problemSentence(p, label, words)}</li>)}
        </ul>
      ) : null}
      {schema && open ? (
        <div className="sim-payload">
          <FormRenderer schema={schema} value={value} onChange={setValue} errors={errors} idPrefix={`ev-${ev.type}`} />
        </div>
      ) : null}
    </li>
  );
}

export function SimEvents({ def, events, stateText, closed, onSend }: Props) {
  const { t } = useWords();
  if (closed) return <p>{t('sim.events.closed')}</p>;
  const available = events.filter((e) => e.available);
  const other = events.filter((e) => !e.available);
  return (
    <div className="sim-events">
      <h3>{t('sim.events.heading')}</h3>
      {available.length === 0 ? <p className="muted">{t('sim.events.none', { state: stateText })}</p> : null}
      <ul className="plain">
        {available.map((ev) => (
          <EventRow key={ev.type} def={def} ev={ev} onSend={onSend} />
        ))}
      </ul>
      {other.length > 0 ? (
        <details>
          <summary>{t('sim.events.notPossible', { state: stateText, number: other.length })}</summary>
          <ul className="plain">
            {other.map((ev) => (
              <li key={ev.type} className="sim-event unavailable" data-event={ev.type}>
                {ev.title} <code>{ev.type}</code>
                {t('sim.events.noTransition', { state: stateText })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
