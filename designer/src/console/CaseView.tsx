// The case view: header (type, state, priority, assignee, queue, SLAs explained), the stage form, the
// checklist, the actions, the history, linked cases and the customer. Conflicts: a 412 reloads the case,
// says what changed and keeps what the agent typed (also kept across reloads, per tab).
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { SignedInUser } from '../app/signed-in-user.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { dataProblems, isMissingProblem, jsonEqual } from '../../../runtime/engine/index.ts';
import type { HistoryEntry, JsonValue } from '../../../runtime/engine/index.ts';
import { getAt } from '../form/data-path.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { errorsByField, problemSentence } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';
import { ActionsPanel } from './ActionsPanel.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { SlaBadges } from './SlaBadges.tsx';
import { LinkedCases } from './LinkedCases.tsx';
import { CaseMessages } from './CaseMessages.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { DueCell } from './DueCell.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { soonestDue } from './due-words.ts';
import { ReasonSuggestion } from './ReasonSuggestion.tsx';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { ScriptPanel } from './ScriptPanel.tsx';
import { LifeCycleStrip } from '../stage/LifeCycleStrip.tsx';
import { carriedKeys, readOnlyReason, stageForm, stageScope, strandedChanges } from './stage-form.ts';
import type { ConsoleContext } from './use-console-context.ts';
import type { CaseRecord, Failure, ConsoleApi } from './console-api.ts';
import { dataChanges, earlierVersions, payloadFor, rebase, stateLabel, taskTitle } from './console-model.ts';
import { changeLines, show } from '../model/change-words.ts';
import { rejectionText } from '../model/refusal-words.ts';
import { eventTitle, queueTitle, roleTitle, ruleTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';
import { TaskHolders } from './TaskHolders.tsx';

type Data = Record<string, unknown>;
interface Draft {
  base: Data;
  working: Data;
}

const draftKey = (id: string) => `dossier.work.draft.${id}`;
function readDraft(id: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

interface Notice {
  kind: 'conflict' | 'rejected' | 'done';
  text: string;
  lines: string[];
  /** A conflict: what the agent typed that can no longer be sent here (in the agent's words), if anything. */
  stranded?: string;
  /** A conflict that kept typed values: the notice offers to discard them. */
  discard?: boolean;
}

export function CaseView({ api, ctx, caseId }: { api: ConsoleApi; ctx: ConsoleContext; caseId: string }) {
  const forPartner = useContext(SignedInUser)?.partner !== undefined;
  const [kase, setKase] = useState<CaseRecord | null>(null);
  const [chatOpen, setChatOpen] = useState(false);
  const [def, setDef] = useState<CaseType | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  /** The definitions of the versions the case was on before a migration, for its history's words. */
  const [earlier, setEarlier] = useState<ReadonlyMap<number, CaseType>>(new Map());
  /** The versions asked for already (a version that cannot be read is not asked for again). */
  const asked = useRef(new Set<number>());
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.case.${key}`, values);

  const loadHistory = useCallback(async () => {
    const h = await api.history(caseId);
    if (h.ok) setHistory(h.value);
  }, [api, caseId]);

  // first load: the case, its own case-type version, and a working copy kept from before a reload
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await api.getCase(caseId);
      if (!live) return;
      if (!r.ok) return setFailure(r.message);
      const d = await api.caseType(r.value.caseType, r.value.version);
      if (!live) return;
      if (!d.ok) return setFailure(d.message);
      const stored = readDraft(caseId);
      setDef(d.value);
      setKase(r.value);
      setDraft(stored ? { base: r.value.data, working: rebase(stored.base, stored.working, r.value.data).data } : { base: r.value.data, working: r.value.data });
      await loadHistory();
    })();
    return () => {
      live = false;
    };
  }, [api, caseId, loadHistory]);

  // a case migrated from another version: that version's titles for what happened before (loaded once each)
  useEffect(() => {
    if (!kase || !def) return;
    const missing = earlierVersions(history, kase.version).filter((v) => !asked.current.has(v));
    if (missing.length === 0) return;
    for (const v of missing) asked.current.add(v);
    void Promise.all(missing.map(async (v) => [v, await api.caseType(kase.caseType, v)] as const)).then((loaded) => {
      const found = loaded.filter(([, r]) => r.ok);
      if (found.length === 0) return;
      setEarlier((previous) => {
        const next = new Map(previous);
        for (const [v, r] of found) if (r.ok) next.set(v, r.value);
        return next;
      });
    });
  }, [api, kase, def, history]);

  // the working copy survives a reload of the tab until it is sent or discarded
  useEffect(() => {
    if (!draft || !kase) return;
    if (jsonEqual(draft.working as JsonValue, kase.data as JsonValue)) sessionStorage.removeItem(draftKey(caseId));
    else sessionStorage.setItem(draftKey(caseId), JSON.stringify(draft));
  }, [draft, kase, caseId]);

  const working = draft?.working ?? {};
  const setWorking = (next: Data) => setDraft((d) => (d ? { ...d, working: next } : d));
  const liveErrors = useMemo(() => {
    if (!def) return {};
    // wrong values (format, pattern, length) at once; a missing field is the server's to flag when an action needs it
    return errorsByField(dataProblems(def.data, working as JsonValue).filter((p) => !isMissingProblem(p)), (p) => fieldLabel(def, p), words);
  }, [def, working, words]);
  const errors = { ...liveErrors, ...fieldErrors };

  if (failure) {
    return (
      <section>
        <h1>{t('couldNotOpen')}</h1>
        <p className="error-box" role="alert">
          {failure}
        </p>
      </section>
    );
  }
  if (!kase || !def || !draft) return <p role="status">{t('loading')}</p>;

  const priority = (p: string) => words.t(`console.priority.${p}`, { defaultValue: p });
  const applyNewer = (newer: CaseRecord) => {
    setDraft((d) => (d ? { base: newer.data, working: rebase(d.base, d.working, newer.data).data } : d));
    // an event's answer carries no suggestion (GET /api/cases/:id does): the one shown stays
    setKase(newer.suggestion === undefined ? { ...newer, suggestion: kase.suggestion ?? null } : newer);
  };

  const reloadAfterConflict = async (why: Failure) => {
    const fresh = await api.getCase(caseId);
    if (!fresh.ok) return setNotice({ kind: 'conflict', text: t('reloadFailed', { message: why.message, failure: fresh.message }), lines: [] });
    const r = rebase(draft.base, draft.working, fresh.value.data);
    const lines: string[] = [];
    const stranded = strandedChanges(def, fresh.value.next, fresh.value.data, r.data);
    const nowIn = stateLabel(fresh.value.state, def);
    if (!jsonEqual(fresh.value.state, kase.state)) lines.push(t('stateChange', { before: stateLabel(kase.state, def), after: stateLabel(fresh.value.state, def) }));
    if (fresh.value.priority !== kase.priority) lines.push(t('priorityChange', { before: priority(kase.priority), after: priority(fresh.value.priority) }));
    for (const c of r.theirs) lines.push(...changeLines(c.pointer, c.before, c.after, (p) => fieldLabel(def, p), words));
    for (const p of r.overlaps) lines.push(t('overlap', { field: fieldLabel(def, p), value: show(getAt(r.data, p), words) }));
    const kept = !jsonEqual(r.data as JsonValue, fresh.value.data as JsonValue);
    setNotice({
      kind: 'conflict',
      text: t('conflict', { before: kase.revision, after: fresh.value.revision, next: stranded.length > 0 ? t('checkBelow') : t('checkAndSend') }),
      lines,
      ...(stranded.length > 0
        ? {
            stranded: t('stranded', { fields: stranded.map((p) => fieldLabel(def, p)).join(', '), state: nowIn, count: stranded.length }),
          }
        : {}),
      discard: kept,
    });
    setDraft({ base: fresh.value.data, working: r.data });
    setKase(fresh.value);
    setOpen(null);
    await loadHistory();
  };

  const send = async (type: string) => {
    setBusy(true);
    setFieldErrors({});
    const payload = payloadFor(def, type, kase.data, working);
    const r = await api.sendEvent(kase.id, type, payload, kase.revision);
    setBusy(false);
    const title = eventTitle(def, type);
    if (r.ok) {
      applyNewer(r.value);
      setOpen(null);
      setNotice({ kind: 'done', text: t('done', { title, reference: r.value.reference, state: stateLabel(r.value.state, def) }), lines: [] });
      await loadHistory();
      return;
    }
    if (r.status === 412 || r.code === 'event.not_accepted' || r.code === 'case.conflict') {
      await reloadAfterConflict(r);
      return;
    }
    const label = (p: string) => fieldLabel(def, p);
    setFieldErrors(errorsByField(r.problems, label, words));
    setNotice({ kind: 'rejected', text: rejectionText(def, type, r, words), lines: r.problems.map((p) => problemSentence(p, label, words)) });
  };

  const claimOrRelease = async (taskId: string, claim: boolean) => {
    const r = claim ? await api.claim(taskId) : await api.release(taskId);
    if (!r.ok) setNotice({ kind: 'rejected', text: r.message, lines: [] });
    const fresh = await api.getCase(caseId);
    if (fresh.ok) applyNewer(fresh.value);
  };

  const task = kase.tasks[0] ?? null;

  const carried = carriedKeys(def, kase.next);
  const unsent = dataChanges(kase.data, working);
  const scope = stageScope(def, kase.state, working);

  return (
    <article className="case-view" aria-labelledby="case-title">
      <header className="case-header card">
        <h1 id="case-title">
          {def.title} <span className="case-reference">{kase.reference}</span>
        </h1>
        <dl className="case-facts">
          <dt>{t('state')}</dt>
          <dd data-testid="case-state">{stateLabel(kase.state, def)}</dd>
          <dt>{t('customer')}</dt>
          <dd>{kase.customerName ?? '—'}</dd>
          <dt>{t('priority')}</dt>
          <dd className={`priority priority-${kase.priority}`}>{priority(kase.priority)}</dd>
          <dt>{t('assignee')}</dt>
          <dd>{kase.tasks.find((k) => k.assignee)?.assignee ?? kase.assignee ?? t('nobody')}</dd>
          <dt>{t('queue')}</dt>
          <dd>{(task?.queue ?? kase.queue) ? queueTitle([def], (task?.queue ?? kase.queue) as string) : '—'}</dd>
          <dt>{t('channel')}</dt>
          <dd>{kase.channel ? words.t(`console.channel.${kase.channel}`, { defaultValue: kase.channel }) : '—'}</dd>
          <dt>{t('revision')}</dt>
          <dd>{kase.revision}</dd>
          <dt>{words.t('due.column')}</dt>
          <dd data-testid="case-due">
            <DueCell dueAt={soonestDue(kase.tasks)} escalatedAt={kase.tasks.find((k) => k.escalatedAt !== undefined)?.escalatedAt} now={Date.now()} />
          </dd>
        </dl>
        <LifeCycleStrip def={def} state={kase.state} history={history} />
        <div className="case-slas">
          <SlaBadges slas={kase.slas} explain />
        </div>
      </header>
      {notice ? (
        <div className={notice.kind === 'done' ? 'card notice-done' : 'error-box'} role={notice.kind === 'done' ? 'status' : 'alert'} data-notice={notice.kind}>
          <p>{notice.text}</p>
          {notice.lines.length > 0 ? (
            <ul>
              {notice.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
          {notice.stranded ? <p className="stranded">{notice.stranded}</p> : null}
          {notice.discard ? (
            <button
              type="button"
              onClick={() => {
                setWorking(kase.data);
                setNotice({ kind: 'done', text: t('discarded', { reference: kase.reference }), lines: [] });
              }}
            >
              {t('discard')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="case-columns">
        <div>
          <section aria-labelledby="actions-title" className="card">
            <h2 id="actions-title">{t('actions')}</h2>
            <ActionsPanel def={def} next={kase.next} working={working} onChange={setWorking} errors={errors} open={open} onOpen={setOpen} onSend={(t) => void send(t)} busy={busy} />
          </section>
          <ScriptPanel def={def} kase={kase} working={working} onChange={setWorking} errors={errors} busy={busy} onSend={(type) => void send(type)} />
          <section aria-labelledby="stage-title" className="card">
            <h2 id="stage-title">{t('stage', { title: task ? taskTitle(task, def) : stateLabel(kase.state, def) })}</h2>
            {kase.tasks.map((k) => (
              <p key={k.id} className="task-line">
                {t('task')} <strong>{k.title}</strong> · {k.queue ? t('taskQueue', { queue: queueTitle([def], k.queue) }) : k.role ? t('taskRole', { role: roleTitle(def, k.role) }) : t('noQueue')} ·{' '}
                {k.assignee ? t('claimedBy', { name: k.assignee }) : t('unclaimed')} · <DueCell dueAt={k.dueAt} escalatedAt={k.escalatedAt} now={Date.now()} />{' '}
                {k.assignee === null ? (
                  <button type="button" onClick={() => void claimOrRelease(k.id, true)}>
                    {t('claim')}
                  </button>
                ) : k.assignee === ctx.me.name ? (
                  <button type="button" onClick={() => void claimOrRelease(k.id, false)}>
                    {t('release')}
                  </button>
                ) : null}
              </p>
            ))}
            <ReasonSuggestion suggestion={kase.suggestion} def={def} saved={kase.data} working={working} onChange={setWorking} />
            <FormRenderer
              schema={def.data}
              form={stageForm(def, task?.form ?? null, carried)}
              value={working}
              onChange={setWorking}
              errors={errors}
              scope={scope}
              readOnlyReason={(pointer, cause) => readOnlyReason(def, pointer, cause, words)}
              idPrefix="case"
            />
            {unsent.length > 0 ? (
              <div className="unsent" role="status">
                {t('unsent', { fields: unsent.map((c) => fieldLabel(def, c.pointer)).join(', ') })}{' '}
                {/* while the conflict notice offers to discard them, it is the one place to do so (and it clears the notice) */}
                {notice?.discard === true ? null : (
                  <button type="button" className="link" onClick={() => setWorking(kase.data)}>
                    {t('discard')}
                  </button>
                )}
              </div>
            ) : null}
          </section>
        </div>
        <aside>
          <section aria-labelledby="checklist-title" className="card">
            <h2 id="checklist-title">{t('checklist')}</h2>
            {kase.checklist.length === 0 ? (
              <p className="muted">{t('noChecklist')}</p>
            ) : (
              <ul className="checklist">
                {kase.checklist.map((c) => (
                  <li key={c.rule} className={c.pass ? 'ok' : 'error'}>
                    {c.pass ? '✓' : '✗'} {ruleTitle(def, c.rule)}
                    {c.problems.length > 0 ? (
                      <ul>
                        {c.problems.map((p) => (
                          <li key={p.pointer}>
                            {problemSentence(p, (pointer) => fieldLabel(def, pointer), words)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="documents-title" className="card">
            <h2 id="documents-title">{t('documents')}</h2>
            <DocumentsPanel
              api={api}
              caseId={kase.id}
              def={def}
              closed={kase.closedAt !== null}
              forPartner={forPartner}
              onChanged={() =>
                void (async () => {
                  // a document changes the case (its history, a documents field, the checklist): read it again
                  const fresh = await api.getCase(caseId);
                  if (fresh.ok) applyNewer(fresh.value);
                  await loadHistory();
                })()
              }
            />
          </section>
          {kase.parentId || kase.children.length > 0 || (!forPartner && kase.closedAt === null) ? (
            <section aria-labelledby="links-title" className="card">
              <h2 id="links-title">{t('linked')}</h2>
              <LinkedCases
                api={api}
                caseId={kase.id}
                parentId={kase.parentId}
                childIds={kase.children}
                types={ctx.types}
                canLink={!forPartner && kase.closedAt === null}
                onChanged={() =>
                  void (async () => {
                    // a link is written in the history of both cases: read this one again
                    const fresh = await api.getCase(caseId);
                    if (fresh.ok) applyNewer(fresh.value);
                    await loadHistory();
                  })()
                }
              />
            </section>
          ) : null}
          <section aria-labelledby="customer-title" className="card">
            <h2 id="customer-title">{t('customerTitle')}</h2>
            {forPartner ? (
              // a customer's other cases read across the tenant: not a partner's (docs/partners.md)
              <>
                <p>
                  <strong>{kase.customerName ?? words.t('console.customer.fallbackName')}</strong>
                </p>
                <p className="muted">{words.t('console.customer.partnerNote')}</p>
              </>
            ) : (
              <CustomerPanel api={api} caseId={kase.id} def={def} types={ctx.types} revision={kase.revision} />
            )}
          </section>
          {kase.closedAt === null ? (
            <section aria-labelledby="chat-title" className="card">
              <h2 id="chat-title">{words.t('chat.title')}</h2>
              {/* followed live once opened: a case view does not hold a stream open for every case an agent looks at */}
              <button type="button" aria-expanded={chatOpen} aria-controls="case-chat" onClick={() => setChatOpen(!chatOpen)}>
                {chatOpen ? words.t('chat.hide') : words.t('chat.show')}
              </button>
              {chatOpen ? (
                <div id="case-chat">
                  <ChatPanel
                    key={kase.id}
                    id="case-chat"
                    me="agent"
                    open={(after, signal) => api.chatStream(kase.id, after, signal)}
                    send={async (text) => {
                      const r = await api.sendChat(kase.id, text);
                      return r.ok ? { ok: true } : { ok: false, message: r.message };
                    }}
                  />
                </div>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="messages-title" className="card">
            <h2 id="messages-title">{t('messagesTitle')}</h2>
            <CaseMessages messages={kase.messages ?? []} def={def} />
          </section>
          <section aria-labelledby="holders-title" className="card">
            <h2 id="holders-title">{words.t('routing.holders')}</h2>
            <TaskHolders caseId={kase.id} tasks={kase.tasks} roles={ctx.me.roles} revision={kase.revision} onChanged={() => void api.getCase(caseId).then((fresh) => fresh.ok && applyNewer(fresh.value))} />
          </section>
          <section aria-labelledby="history-title" className="card">
            <h2 id="history-title">{t('history')}</h2>
            <NotesPanel api={api} caseId={kase.id} onAdded={loadHistory} />
            <HistoryTimeline items={history} def={def} earlier={earlier} />
          </section>
        </aside>
      </div>
    </article>
  );
}
