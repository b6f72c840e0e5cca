// The events of the case type now: the ones the current state accepts (with why a guard would fail on
// the current data) with a payload form each, and the ones it does not accept.
import { useState } from 'react';
import type { CaseType, FieldSchema } from '../../../schemas/generated/case-type.ts';
import { dataProblems } from '../../../runtime/engine/index.ts';
import type { NextEvent, CaseData, JsonValue } from '../../../runtime/engine/index.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { errorsByField, problemSentence } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';

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
  const label = (pointer: string) => fieldLabel(def, pointer);
  const errors = schema && open ? errorsByField(dataProblems(schema, value as JsonValue), label) : {};
  return (
    <li className={`sim-event ${ev.enabled ? 'enabled' : 'blocked'}`} data-event={ev.type}>
      <div className="inline-form">
        <strong>{ev.title}</strong> <code>{ev.type}</code>
        {ev.target ? <span className="muted">→ {ev.target}</span> : null}
        {schema ? (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide data' : 'With data…'}
          </button>
        ) : null}
        <button type="button" onClick={() => onSend(ev.type, schema && open ? (value as CaseData) : undefined)} aria-label={`Send ${ev.type}`}>
          Send
        </button>
      </div>
      {!ev.enabled ? (
        <ul className="why-blocked" aria-label={`Why ${ev.type} is blocked`}>
          {ev.problems.length === 0 ? <li>its guard fails on the current data</li> : ev.problems.map((p, i) => <li key={i}>{problemSentence(p, label)}</li>)}
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
  if (closed) return <p>The case is closed: it accepts no more events.</p>;
  const available = events.filter((e) => e.available);
  const other = events.filter((e) => !e.available);
  return (
    <div className="sim-events">
      <h3>Events now</h3>
      {available.length === 0 ? <p className="muted">No event has a transition in {stateText}.</p> : null}
      <ul className="plain">
        {available.map((ev) => (
          <EventRow key={ev.type} def={def} ev={ev} onSend={onSend} />
        ))}
      </ul>
      {other.length > 0 ? (
        <details>
          <summary>Not possible in {stateText} ({other.length})</summary>
          <ul className="plain">
            {other.map((ev) => (
              <li key={ev.type} className="sim-event unavailable" data-event={ev.type}>
                {ev.title} <code>{ev.type}</code>: no transition for it in {stateText}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
