// The actions allowed now as buttons; blocked ones with the reason; an event's payload form (its fields
// from the event's schema, labelled from the case data) before sending.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { NextEvent } from '../../../runtime/engine/index.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { payloadForm } from './stage-form.ts';
import { fieldLabel } from '../model/field-label.ts';
import { problemSentence } from '../form/field-errors.ts';
import { eventTitle, roleTitle, stateTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';

export interface ActionsPanelProps {
  def: CaseType;
  next: readonly NextEvent[];
  working: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  errors: Record<string, string>;
  open: string | null;
  onOpen: (type: string | null) => void;
  onSend: (type: string) => void;
  busy: boolean;
}

function carries(def: CaseType, type: string): string[] {
  return Object.keys(def.events?.[type]?.data?.properties ?? {});
}

export function ActionsPanel(props: ActionsPanelProps) {
  const { def, next, working, onChange, errors, open, onOpen, onSend, busy } = props;
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.actions.${key}`, values);
  const available = next.filter((n) => n.available);
  if (available.length === 0) return <p className="muted">{t('none')}</p>;
  const opened = available.find((n) => n.type === open) ?? null;
  return (
    <div>
      <ul className="actions">
        {available.map((n) => {
          const keys = carries(def, n.type);
          const roles = (def.events?.[n.type]?.roles ?? []).map((r) => roleTitle(def, r));
          const fixable = n.problems.some((p) => keys.includes(p.pointer.split('/')[1] ?? ''));
          const disabled = busy || !n.allowed || (!n.enabled && !fixable);
          return (
            <li key={n.type} className={n.enabled ? 'action-ready' : 'action-blocked'}>
              <button type="button" disabled={disabled} aria-expanded={keys.length > 0 ? open === n.type : undefined} onClick={() => (keys.length > 0 ? onOpen(open === n.type ? null : n.type) : onSend(n.type))}>
                {eventTitle(def, n.type)}
              </button>
              {n.target ? <span className="muted"> → {stateTitle([def], n.target)}</span> : null}
              {!n.allowed ? <p className="reason">{roles.length > 0 ? t('needsRole', { roles: roles.join(` ${words.t('common.or')} `) }) : t('systemOnly')}</p> : null}
              {n.allowed && !n.enabled && n.problems.length > 0 ? (
                <p className="reason">
                  {t('blocked', { problems: n.problems.map((p) => problemSentence(p, (pointer) => fieldLabel(def, pointer), words)).join('; ') })}
                  {fixable ? t('fixable') : ''}
                </p>
              ) : null}
              {n.allowed && !n.enabled && n.problems.length === 0 ? <p className="reason">{t('blockedCondition')}</p> : null}
            </li>
          );
        })}
      </ul>
      {opened ? (
        <form
          className="card payload"
          aria-label={t('payload', { title: eventTitle(def, opened.type) })}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSend(opened.type);
          }}
        >
          <FormRenderer
            schema={def.data}
            form={payloadForm(def, opened.type, eventTitle(def, opened.type))}
            value={working}
            onChange={onChange}
            errors={errors}
            idPrefix="payload"
          />
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {t('send', { title: eventTitle(def, opened.type) })}
            </button>
            <button type="button" onClick={() => onOpen(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
