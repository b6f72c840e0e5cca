// Roles (who works on cases) and queues (where work waits): used by tasks, events and assign actions.
import { useState, type FormEvent } from 'react';
import { addQueue, addRole, deleteQueue, deleteRole, updateQueue, updateRole, ROLE_QUEUE_ID_PATTERN } from '../../model/roles-queues.ts';
import type { EditProps } from '../edit-props.ts';
import { useWords } from '../../i18n/use-words.ts';

function idFromTitle(title: string): string {
  return title.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '');
}

function AddForm({ what, onAdd, taken }: { what: 'role' | 'queue'; onAdd: (id: string, title: string) => void; taken: (id: string) => boolean }) {
  const { t } = useWords();
  // the words of this form: editor.roles.role.* or editor.roles.queue.*
  const say = (key: string, values?: Record<string, unknown>) => t(`editor.roles.${what}.${key}`, values);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = idFromTitle(title);
    if (!ROLE_QUEUE_ID_PATTERN.test(id)) return setError(say('needTitle'));
    if (taken(id)) return setError(say('taken', { id }));
    setError(null);
    onAdd(id, title.trim());
    setTitle('');
  };
  return (
    <form onSubmit={submit}>
      <label htmlFor={`add-${what}-title`}>{say('newTitle')}</label>
      <input id={`add-${what}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="submit">{say('add')}</button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </form>
  );
}

export function RolesQueuesView({ def, edit }: EditProps) {
  const { t } = useWords();
  const roles = Object.entries(def.roles ?? {});
  const queues = Object.entries(def.queues ?? {});
  return (
    <div className="two-columns even">
      <div className="card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('editor.roles.roles')}</h2>
        {roles.length === 0 ? <p className="muted">{t('editor.roles.noRoles')}</p> : null}
        {roles.map(([id, role]) => (
          <fieldset key={id}>
            <legend>{t('editor.roles.role.legend', { id })}</legend>
            <label htmlFor={`role-${id}-title`}>{t('editor.roles.role.title', { id })}</label>
            <input id={`role-${id}-title`} value={role?.title ?? ''} onChange={(e) => edit((d) => updateRole(d, id, { title: e.target.value }), `role:${id}:title`)} />
            <button type="button" className="danger" onClick={() => edit((d) => deleteRole(d, id))}>
              {t('editor.roles.role.delete', { id })}
            </button>
          </fieldset>
        ))}
        <AddForm what="role" taken={(id) => Boolean(def.roles?.[id])} onAdd={(id, title) => edit((d) => addRole(d, id, title))} />
      </div>
      <div className="card" aria-labelledby="queues-heading">
        <h2 id="queues-heading">{t('editor.roles.queues')}</h2>
        {queues.length === 0 ? <p className="muted">{t('editor.roles.noQueues')}</p> : null}
        {queues.map(([id, queue]) => (
          <fieldset key={id}>
            <legend>{t('editor.roles.queue.legend', { id })}</legend>
            <label htmlFor={`queue-${id}-title`}>{t('editor.roles.queue.title', { id })}</label>
            <input id={`queue-${id}-title`} value={queue?.title ?? ''} onChange={(e) => edit((d) => updateQueue(d, id, { title: e.target.value }), `queue:${id}:title`)} />
            <label htmlFor={`queue-${id}-role`}>{t('editor.roles.servedBy')}</label>
            <select id={`queue-${id}-role`} value={queue?.role ?? ''} onChange={(e) => edit((d) => updateQueue(d, id, { role: e.target.value }))}>
              <option value="">{t('editor.roles.anyone')}</option>
              {roles.map(([r, role]) => (
                <option key={r} value={r}>
                  {role?.title ?? r}
                </option>
              ))}
            </select>
            <button type="button" className="danger" onClick={() => edit((d) => deleteQueue(d, id))}>
              {t('editor.roles.queue.delete', { id })}
            </button>
          </fieldset>
        ))}
        <AddForm what="queue" taken={(id) => Boolean(def.queues?.[id])} onAdd={(id, title) => edit((d) => addQueue(d, id, title))} />
      </div>
    </div>
  );
}
