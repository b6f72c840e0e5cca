// In the case view (docs/routing.md): who held the case's tasks when (offered, accepted, declined, expired,
// claimed, released, reassigned: who and when), and for supervisors and admins a Reassign control per open task.
import { useCallback, useContext, useEffect, useState } from 'react';
import { SignedInUser } from '../app/signed-in-user.ts';
import type { CaseTask } from '../../../runtime/engine/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';
import { isSupervisor, useRoutingApi, type TaskLogEntry } from './routing-api.ts';

export function TaskHolders({ caseId, tasks, roles, revision, onChanged }: { caseId: string; tasks: readonly CaseTask[]; roles: readonly string[]; revision: number; onChanged: () => void }) {
  const api = useRoutingApi();
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`routing.${key}`, values);
  const [log, setLog] = useState<TaskLogEntry[]>([]);
  const [to, setTo] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // the log reads across the tenant's agents: not a partner's people's (the server refuses them, 403)
  const forPartner = useContext(SignedInUser)?.partner !== undefined;

  const load = useCallback(async () => {
    if (api === null || forPartner) return;
    const r = await api.taskLog(caseId);
    if (r.ok) setLog(r.value.items);
    else setError(r.message);
  }, [api, caseId, forPartner]);

  useEffect(() => {
    void load();
  }, [load, revision, tasks]);

  if (api === null || forPartner) return null;
  const supervisor = isSupervisor(roles);

  const reassign = async (taskId: string) => {
    const r = await api.assign(taskId, (to[taskId] ?? '').trim());
    setError(r.ok ? null : r.message);
    if (r.ok) {
      setTo({ ...to, [taskId]: '' });
      onChanged();
    }
    await load();
  };

  const line = (e: TaskLogEntry): string => {
    const who = e.agent ?? '';
    if (e.kind === 'reassigned') return e.detail === null ? t('log.reassigned', { who, by: e.by }) : t('log.reassignedFrom', { who, by: e.by, from: e.detail });
    if (e.kind === 'offered') return t('log.offered', { who });
    if (e.kind === 'withdrawn') return t('log.withdrawn', { who });
    if (e.kind === 'expired') return t('log.expired', { who });
    return t(`log.${e.kind}`, { who, by: e.by });
  };

  return (
    <div className="task-holders">
      {supervisor
        ? tasks.map((task) => (
            <form
              key={task.id}
              className="reassign"
              onSubmit={(e) => {
                e.preventDefault();
                void reassign(task.id);
              }}
            >
              <label htmlFor={`reassign-${task.id}`}>{t('reassignTo', { task: task.title })}</label>{' '}
              <input id={`reassign-${task.id}`} value={to[task.id] ?? ''} onChange={(e) => setTo({ ...to, [task.id]: e.target.value })} />{' '}
              <button type="submit" disabled={(to[task.id] ?? '').trim() === ''}>
                {t('reassign')}
              </button>
            </form>
          ))
        : null}
      {error === null ? null : (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {log.length === 0 ? (
        <p className="muted">{t('log.none')}</p>
      ) : (
        <ol aria-label={t('holders')}>
          {log.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at, words.language)}</time> · {line(e)}
              {e.kind === 'offered' && e.detail !== null ? <span className="muted"> ({e.detail})</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
