// The Agents page of the worker console (/work/agents, admins; docs/routing.md): the agents of push routing with
// their skills and levels, capacity, queues and availability; add, change and remove them.
import { useCallback, useEffect, useState } from 'react';
import { useWords } from '../i18n/use-words.ts';
import { AVAILABILITY, useRoutingApi, type Agent, type Availability, type Catalog } from './routing-api.ts';

interface Draft {
  name: string;
  skills: Record<string, string>;
  total: string;
  queues: string[];
  availability: Availability;
}

const empty = (): Draft => ({ name: '', skills: {}, total: '3', queues: [], availability: 'available' });

const draftOf = (a: Agent): Draft => ({
  name: a.name,
  skills: Object.fromEntries(Object.entries(a.skills).map(([k, v]) => [k, String(v)])),
  total: String(a.capacity.total),
  queues: [...a.queues],
  availability: a.availability,
});

export function AgentsPage() {
  const api = useRoutingApi();
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`routing.${key}`, values);
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [draft, setDraft] = useState<Draft>(empty);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);

  const load = useCallback(async () => {
    if (api === null) return;
    const [a, c] = await Promise.all([api.agents(), api.catalog()]);
    if (!a.ok) return setMessage({ kind: 'error', text: a.message });
    setAgents(a.value.items);
    if (c.ok) setCatalog(c.value);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  if (api === null) return null;
  const queueNames = [...new Map((catalog?.queues ?? []).map((q) => [q.queue, q.title])).entries()].sort(([a], [b]) => a.localeCompare(b));

  const save = async () => {
    const skills: Record<string, number> = {};
    for (const [skill, level] of Object.entries(draft.skills)) if (level.trim() !== '' && Number(level) !== 0) skills[skill] = Number(level);
    // the form edits the total; capacity per queue and per channel (set by the API) is kept as it was
    const before = editing ? agents?.find((a) => a.name === draft.name.trim()) : undefined;
    const r = await api.saveAgent(draft.name.trim(), { skills, capacity: { ...before?.capacity, total: Number(draft.total) }, availability: draft.availability, queues: draft.queues });
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    setMessage({ kind: 'saved', text: t('saved', { name: r.value.name }) });
    setDraft(empty());
    setEditing(false);
    await load();
  };

  const remove = async (name: string) => {
    const r = await api.deleteAgent(name);
    setMessage(r.ok ? { kind: 'saved', text: t('removed', { name }) } : { kind: 'error', text: r.message });
    setDraft(empty());
    setEditing(false);
    await load();
  };

  const skillWords = (a: Agent) =>
    Object.entries(a.skills)
      .map(([s, l]) => t('skillLevel', { skill: s, level: l }))
      .join(', ') || t('noSkills');

  return (
    <section aria-labelledby="agents-title">
      <div className="page-header">
        <h1 id="agents-title">{t('agentsTitle')}</h1>
      </div>
      <p className="muted">{t('agentsIntro')}</p>
      {message === null ? null : (
        <p className={message.kind === 'error' ? 'error-box' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {agents === null ? (
        <p role="status">{words.t('common.loading')}</p>
      ) : agents.length === 0 ? (
        <p className="muted">{t('noAgents')}</p>
      ) : (
        <table aria-label={t('agentsTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('skills')}</th>
              <th scope="col">{t('capacity')}</th>
              <th scope="col">{t('queues')}</th>
              <th scope="col">{t('availabilityLabel')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td>{skillWords(a)}</td>
                <td>{a.capacity.total}</td>
                <td>{a.queues.map((q) => queueNames.find(([n]) => n === q)?.[1] ?? q).join(', ')}</td>
                <td>{t(`availability.${a.availability}`)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('changeAgent', { name: a.name })}
                    onClick={() => {
                      setDraft(draftOf(a));
                      setEditing(true);
                    }}
                  >
                    {t('change')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="card agent-form"
        aria-labelledby="agent-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="agent-form-title">{editing ? t('editAgent', { name: draft.name }) : t('addAgent')}</h2>
        <p>
          <label htmlFor="agent-name">{t('agentName')}</label>{' '}
          <input id="agent-name" value={draft.name} readOnly={editing} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </p>
        <fieldset>
          <legend>{t('skills')}</legend>
          {(catalog?.skills ?? []).length === 0 ? <p className="muted">{t('noSkillsNamed')}</p> : null}
          {(catalog?.skills ?? []).map((skill) => (
            <p key={skill}>
              <label htmlFor={`agent-skill-${skill}`}>{t('levelOf', { skill })}</label>{' '}
              <input
                id={`agent-skill-${skill}`}
                type="number"
                min={0}
                max={10}
                value={draft.skills[skill] ?? ''}
                onChange={(e) => setDraft({ ...draft, skills: { ...draft.skills, [skill]: e.target.value } })}
              />
            </p>
          ))}
        </fieldset>
        <p>
          <label htmlFor="agent-capacity">{t('capacityTotal')}</label>{' '}
          <input id="agent-capacity" type="number" value={draft.total} onChange={(e) => setDraft({ ...draft, total: e.target.value })} />
        </p>
        <fieldset>
          <legend>{t('queues')}</legend>
          {queueNames.map(([queue, title]) => (
            <label key={queue} className="check">
              <input
                type="checkbox"
                checked={draft.queues.includes(queue)}
                onChange={(e) => setDraft({ ...draft, queues: e.target.checked ? [...draft.queues, queue] : draft.queues.filter((q) => q !== queue) })}
              />{' '}
              {t('serves', { queue: title })}
            </label>
          ))}
        </fieldset>
        <p>
          <label htmlFor="agent-availability">{t('availabilityLabel')}</label>{' '}
          <select id="agent-availability" value={draft.availability} onChange={(e) => setDraft({ ...draft, availability: e.target.value as Availability })}>
            {AVAILABILITY.map((a) => (
              <option key={a} value={a}>
                {t(`availability.${a}`)}
              </option>
            ))}
          </select>
        </p>
        <div className="button-row">
          <button type="submit" disabled={draft.name.trim() === ''}>
            {t('saveAgent')}
          </button>
          {editing ? (
            <>
              <button type="button" onClick={() => void remove(draft.name)}>
                {t('removeAgent')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setDraft(empty());
                  setEditing(false);
                }}
              >
                {t('cancel')}
              </button>
            </>
          ) : null}
        </div>
      </form>
    </section>
  );
}
