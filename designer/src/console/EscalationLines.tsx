// What an overdue task's escalation did, in words under its history entry (issue 21): "Priority set to
// urgent", "Moved to the queue Supervisors", "Assigned to ann", "Notified: Supervisor".
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { overdueStateOf } from '../../../runtime/engine/index.ts';
import { queueTitle, roleTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';
import type { Words } from '../i18n/index.ts';
import { taskTitle } from './console-model.ts';

/** The task an overdue entry names, in the reader's words. */
export function overdueTask(def: CaseType, type: string, data: unknown): string {
  const title = (data as { title?: unknown } | undefined)?.title;
  const state = overdueStateOf(type) ?? '';
  return taskTitle({ state, title: typeof title === 'string' ? title : state }, def);
}

/** A notify recipient in words: a role or queue by its title, a person by name, the customer or assignee as such. */
function recipient(def: CaseType, to: string, words: Words): string {
  const [kind, name] = to.includes(':') ? [to.slice(0, to.indexOf(':')), to.slice(to.indexOf(':') + 1)] : [to, ''];
  if (kind === 'role') return roleTitle(def, name);
  if (kind === 'queue') return queueTitle([def], name);
  if (kind === 'user') return name;
  return words.t(`due.recipient.${kind}`, { defaultValue: kind });
}

export function EscalationLines({ def, data }: { def: CaseType; data: unknown }) {
  const words = useWords();
  const did = (data ?? {}) as { priority?: unknown; queue?: unknown; assignee?: unknown; notified?: unknown };
  const lines: string[] = [];
  if (typeof did.priority === 'string') lines.push(words.t('due.history.priority', { priority: words.t(`console.priority.${did.priority}`, { defaultValue: did.priority }) }));
  if (typeof did.queue === 'string') lines.push(words.t('due.history.queue', { queue: queueTitle([def], did.queue) }));
  if (typeof did.assignee === 'string') lines.push(words.t('due.history.assignee', { user: did.assignee }));
  if (typeof did.notified === 'string') {
    lines.push(words.t('due.history.notified', { to: did.notified.split(', ').map((to) => recipient(def, to, words)).join(', ') }));
  }
  if (lines.length === 0) return null;
  return (
    <ul className="changes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
