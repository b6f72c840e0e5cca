// The case type's messages (docs/email.md): what its notify actions send. Per message its title, and per
// language a subject and a body; a picker inserts a placeholder for a field (listed by its label) or for
// the case's own values (reference, state…), so the analyst never types a pointer.
import { useState, type FormEvent } from 'react';
import type { Message } from '../../../../schemas/generated/case-type.ts';
import {
  addMessage,
  addMessageLanguage,
  deleteMessage,
  MESSAGE_NAME_PATTERN,
  messageLanguages,
  placeholderOptions,
  setMessageText,
  setMessageTitle,
  shownText,
  storedText,
  textIn,
} from '../../model/messages.ts';
import type { EditProps } from '../edit-props.ts';
import { useWords } from '../../i18n/use-words.ts';

const LANGUAGES = ['en', 'nl'];

function nameFromTitle(title: string): string {
  return title.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '');
}

export function MessagesView({ def, edit }: EditProps) {
  const { t } = useWords();
  const say = (key: string, values?: Record<string, unknown>) => t(`editor.messages.${key}`, values);
  const language = (tag: string) => (tag === '' ? say('everyLanguage') : t(`translations.languageName.${tag}`, { defaultValue: tag }));
  const [title, setTitle] = useState('');
  const [first, setFirst] = useState('en');
  const [error, setError] = useState<string | null>(null);
  const placeholders = placeholderOptions(def, (b) => say(`builtin.${b}`));
  const messages = Object.entries(def.messages ?? {}).filter((e): e is [string, Message] => e[1] !== undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = nameFromTitle(title);
    if (!MESSAGE_NAME_PATTERN.test(name)) return setError(say('needTitle'));
    if (def.messages?.[name]) return setError(say('taken', { title: title.trim() }));
    setError(null);
    edit((d) => addMessage(d, name, title.trim(), first));
    setTitle('');
  };
  return (
    <div className="card messages-view" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{say('heading')}</h2>
      <p className="muted">{say('intro')}</p>
      {messages.length === 0 ? <p className="muted">{say('none')}</p> : null}
      {messages.map(([name, message]) => {
        const shown = message.title?.trim() || name;
        const languages = messageLanguages(message);
        const missing = LANGUAGES.filter((l) => !languages.includes(l));
        return (
          <fieldset key={name}>
            <legend>{shown}</legend>
            <label htmlFor={`message-${name}-title`}>{say('title', { message: shown })}</label>
            <input id={`message-${name}-title`} value={message.title ?? ''} onChange={(e) => edit((d) => setMessageTitle(d, name, e.target.value), `message:${name}:title`)} />
            {languages.map((lang) => {
              const id = `message-${name}-${lang || 'all'}`;
              const where = { message: shown, language: language(lang) };
              return (
                <div key={lang} className="message-language">
                  <h3>{language(lang)}</h3>
                  <label htmlFor={`${id}-subject`}>{say('subject', where)}</label>
                  <input
                    id={`${id}-subject`}
                    value={shownText(textIn(message.subject, lang), placeholders)}
                    onChange={(e) => edit((d) => setMessageText(d, name, 'subject', lang, storedText(e.target.value, placeholders)), `message:${name}:${lang}:subject`)}
                  />
                  <label htmlFor={`${id}-body`}>{say('body', where)}</label>
                  <textarea
                    id={`${id}-body`}
                    rows={6}
                    value={shownText(textIn(message.body, lang), placeholders)}
                    onChange={(e) => edit((d) => setMessageText(d, name, 'body', lang, storedText(e.target.value, placeholders)), `message:${name}:${lang}:body`)}
                  />
                  <label htmlFor={`${id}-insert`}>{say('insert', where)}</label>
                  <select
                    id={`${id}-insert`}
                    value=""
                    onChange={(e) => {
                      const value = e.target.value;
                      if (value === '') return;
                      edit((d) => setMessageText(d, name, 'body', lang, `${textIn(message.body, lang)}{{${value}}}`));
                    }}
                  >
                    <option value="">{say('choosePlaceholder')}</option>
                    {placeholders.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
            {missing.length > 0 && !languages.includes('') ? (
              <>
                <label htmlFor={`message-${name}-add-language`}>{say('addLanguage', { message: shown })}</label>
                <select id={`message-${name}-add-language`} value="" onChange={(e) => e.target.value !== '' && edit((d) => addMessageLanguage(d, name, e.target.value))}>
                  <option value="">{say('chooseLanguage')}</option>
                  {missing.map((l) => (
                    <option key={l} value={l}>
                      {language(l)}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <button type="button" className="danger" onClick={() => edit((d) => deleteMessage(d, name))}>
              {say('delete', { message: shown })}
            </button>
          </fieldset>
        );
      })}
      <form onSubmit={submit}>
        <label htmlFor="add-message-title">{say('newTitle')}</label>
        <input id="add-message-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="add-message-language">{say('firstLanguage')}</label>
        <select id="add-message-language" value={first} onChange={(e) => setFirst(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {language(l)}
            </option>
          ))}
        </select>
        <button type="submit">{say('add')}</button>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
