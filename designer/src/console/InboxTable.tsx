// The inbox's table: one row per task (or per case on the cases tab), with claim and release.
import { navigate } from '../app/router.ts';
import { SlaBadges } from './SlaBadges.tsx';
import { DueCell } from './DueCell.tsx';
import type { Row } from './inbox-rows.ts';
import type { ConsoleContext } from './use-console-context.ts';
import type { TaskItem } from './console-api.ts';
import { ageText, mostUrgentSla, stateLabel, taskTitle } from './console-model.ts';
import { queueTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  label: string;
  casesTab: boolean;
  rows: Row[];
  ctx: ConsoleContext;
  /** When the lists were loaded: ages are counted to then. */
  at: number;
  claimOrRelease: (task: TaskItem, claim: boolean) => void;
}

export function InboxTable({ label, casesTab, rows, ctx, at, claimOrRelease }: Props) {
  const { t, language } = useWords();
  const th = (key: string) => t(`console.table.${key}`);
  return (
    <table className="work-table" aria-label={label}>
      <thead>
        <tr>
          <th>{th('case')}</th>
          <th>{th('customer')}</th>
          <th>{casesTab ? th('type') : th('task')}</th>
          <th>{th('state')}</th>
          <th>{th('priority')}</th>
          <th>{th('queue')}</th>
          <th>{th('assignee')}</th>
          <th>{th('sla')}</th>
          <th>{t('due.column')}</th>
          <th>{th('age')}</th>
          <th>
            <span className="visually-hidden">{th('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const def = ctx.types.get(r.kase.caseType);
          return (
            <tr key={r.task?.id ?? r.caseId} data-case={r.caseId} data-due={mostUrgentSla(r.slas)?.remainingMs ?? ''} data-created={r.createdAt}>
              <td>
                <a
                  href={`/work/cases/${r.caseId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/work/cases/${encodeURIComponent(r.caseId)}`);
                  }}
                >
                  {r.kase.reference}
                </a>
              </td>
              <td>{r.kase.customerName ?? '—'}</td>
              <td>{r.task ? taskTitle(r.task, def) : (def?.title ?? r.kase.caseType)}</td>
              <td>{stateLabel(r.kase.state, def)}</td>
              <td className={`priority priority-${r.priority}`}>{t(`console.priority.${r.priority}`, { defaultValue: r.priority })}</td>
              <td>{(r.task?.queue ?? r.kase.queue) ? queueTitle([def], (r.task?.queue ?? r.kase.queue) as string) : '—'}</td>
              <td>{r.task ? (r.task.assignee ?? th('unclaimed')) : (r.kase.assignee ?? '—')}</td>
              <td>
                <SlaBadges slas={r.slas.filter((s) => s.closedAt === null)} />
              </td>
              <td>
                <DueCell dueAt={r.dueAt} escalatedAt={r.task ? r.task.escalatedAt : r.kase.tasks.find((k) => k.escalatedAt !== undefined)?.escalatedAt} now={at} />
              </td>
              <td>{ageText(r.createdAt, at, language)}</td>
              <td>
                {r.task && r.task.assignee === null ? (
                  <button type="button" onClick={() => claimOrRelease(r.task as TaskItem, true)}>
                    {th('claim')}
                  </button>
                ) : r.task && r.task.assignee === ctx.me.name ? (
                  <button type="button" onClick={() => claimOrRelease(r.task as TaskItem, false)}>
                    {th('release')}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
