// The history timeline: who, when, which event, the state change and what changed (from the JSON Patch).
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { FEEDBACK_RECEIVED, jsonEqual, lookupEventOf, NOTE_ADDED, OVERDUE_EVENT } from '../../../runtime/engine/index.ts';
import { EscalationLines, overdueTask } from './EscalationLines.tsx';
import type { HistoryEntry } from '../../../runtime/engine/index.ts';
import { fieldLabel } from '../model/field-label.ts';
import { entryVersions, stateLabel } from './console-model.ts';
import { patchLines } from '../model/change-words.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';
import { eventTitle, idWords } from '../model/titles.ts';
import { lookupTitle } from '../model/lookup-edit.ts';

/** The events the system writes itself, said in words (keys of console.history). */
const SYSTEM_EVENTS: Record<string, string> = {
  'case.created': 'caseCreated',
  'child.closed': 'childClosed',
  'document.added': 'documentAdded',
  'document.removed': 'documentRemoved',
  'chat.customer': 'chatCustomer',
  'chat.agent': 'chatAgent',
  'child.linked': 'childLinked',
  'child.unlinked': 'childUnlinked',
  'parent.linked': 'parentLinked',
  'parent.unlinked': 'parentUnlinked',
  'linked.undelivered': 'linkedUndelivered',
};

const LINK_EVENTS = new Set(['child.linked', 'child.unlinked', 'parent.linked', 'parent.unlinked']);

/** What a document or chat entry says beyond its title: the document's name, the message's text. */
function entryText(type: string, data: unknown): string | null {
  const record = data as { text?: unknown; document?: { name?: unknown } } | undefined;
  if ((type === 'chat.customer' || type === 'chat.agent' || type === NOTE_ADDED) && typeof record?.text === 'string') return record.text;
  if ((type === 'document.added' || type === 'document.removed') && typeof record?.document?.name === 'string') return record.document.name;
  // a link made or undone: the other case's reference (docs/linked-work.md)
  const reference = (data as { reference?: unknown } | undefined)?.reference;
  if (LINK_EVENTS.has(type) && typeof reference === 'string') return reference;
  return null;
}

/** The customer's feedback in words: "Customer feedback: 4 of 5 — Quick and kind" (the scale of the case type). */
function feedbackText(def: CaseType, data: unknown, t: (key: string, values?: Record<string, unknown>) => string): string {
  const d = data as { score?: unknown; comment?: unknown } | undefined;
  const max = def.feedback?.scale.max ?? '?';
  const score = typeof d?.score === 'number' ? d.score : '?';
  return typeof d?.comment === 'string' && d.comment !== '' ? t('feedback.historyComment', { score, max, comment: d.comment }) : t('feedback.history', { score, max });
}

/** An event a linked case did not take, in words: which case, which event (by this case type's title where it has it), why. */
function undeliveredText(def: CaseType, data: unknown, t: (key: string, values?: Record<string, unknown>) => string): string | null {
  const d = data as { reference?: unknown; event?: unknown; code?: unknown; reason?: unknown } | undefined;
  if (typeof d?.reference !== 'string' || typeof d.event !== 'string') return null;
  const event = def.events?.[d.event]?.title ?? eventTitle(def, d.event);
  if (d.code === 'event.not_accepted') return t('undeliveredState', { reference: d.reference, event });
  return t('undelivered', { reference: d.reference, event, reason: typeof d.reason === 'string' ? d.reason : '' });
}

/**
 * `def`: the case's current version; `earlier`: the definitions of versions it was on before a migration, so
 * that what happened then is told in that version's words (a state the current version no longer has).
 */
export function HistoryTimeline({ items, def, earlier }: { items: readonly HistoryEntry[]; def: CaseType; earlier?: ReadonlyMap<number, CaseType> }) {
  const words = useWords();
  const versions = entryVersions(items, def.version ?? 0);
  const defOf = (version: number): CaseType => earlier?.get(version) ?? def;
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.history.${key}`, values);
  const title = (type: string, data?: unknown) => {
    // a migration to another version of the case type (issue 19): the version it went to
    const migratedTo = (data as { toVersion?: unknown } | undefined)?.toVersion;
    if (type === 'case.migrated') return words.t('migrations.history.migrated', { version: typeof migratedTo === 'number' ? migratedTo : def.version });
    const own = def.events?.[type]?.title;
    if (own) return own;
    const system = SYSTEM_EVENTS[type];
    if (system) return t(system);
    if (type.startsWith('timer.')) return t('timer');
    const sla = /^sla\.([^.]+)\./.exec(type)?.[1];
    if (sla) return t('sla', { sla: def.slas?.[sla]?.title ?? idWords(sla) });
    if (type === NOTE_ADDED) return words.t('due.history.note');
    if (type === FEEDBACK_RECEIVED) return feedbackText(def, data, (key, values) => words.t(key, values));
    if (OVERDUE_EVENT.test(type)) return words.t('due.history.overdue', { task: overdueTask(def, type, data) });
    const lookup = lookupEventOf(type);
    if (lookup) return t(lookup.outcome === 'done' ? 'lookupDone' : 'lookupFailed', { lookup: lookupTitle(def, lookup.name) ?? idWords(lookup.name) });
    return eventTitle(def, type);
  };
  return (
    <ol className="timeline" aria-label={t('label')}>
      {[...items].map((h, i) => ({ h, before: defOf(versions[i]?.from ?? 0), after: defOf(versions[i]?.to ?? 0) })).reverse().map(({ h, before, after }) => (
        <li key={h.seq} data-seq={h.seq}>
          <div className="timeline-head">
            <strong>{title(h.event.type, h.event.data)}</strong> <span className="muted">{t('by', { actor: h.actor })}</span>{' '}
            <time dateTime={h.at} className="muted">
              {formatDateTime(h.at, words.language)}
            </time>
          </div>
          <div className="muted">
            {h.from === null
              ? t('opened', { state: stateLabel(h.to, after) })
              : jsonEqual(h.from, h.to) && before === after
                ? t('stayed', { state: stateLabel(h.to, after) })
                : `${stateLabel(h.from, before)} → ${stateLabel(h.to, after)}`}
          </div>
          {h.patch.length > 0 ? (
            <ul className="changes">
              {h.patch
                .flatMap((op) => patchLines(op, (p) => fieldLabel(after, p), words))
                .map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
            </ul>
          ) : null}
          {lookupEventOf(h.event.type)?.outcome === 'failed' && typeof h.event.data?.reason === 'string' ? <p className="note">{t('lookupReason', { reason: h.event.data.reason })}</p> : null}
          {OVERDUE_EVENT.test(h.event.type) ? <EscalationLines def={after} data={h.event.data} /> : null}
          {entryText(h.event.type, h.event.data) !== null ? <p className="note">{entryText(h.event.type, h.event.data)}</p> : null}
          {h.event.type === 'linked.undelivered' ? <p className="note">{undeliveredText(def, h.event.data, t)}</p> : null}
          {h.notes.map((n, i) => (
            <p key={i} className="note">
              {n}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
