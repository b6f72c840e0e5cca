// The case type's own texts in another language (docs/i18n.md, `translations` in the format): every title,
// description, help text, placeholder and pattern hint beside its translation, grouped by what it belongs
// to, with how far the language is and the translations whose text is gone. Agents reading the console in
// that language see the translations; a text left empty is shown as written.
import { useEffect, useId, useState } from 'react';
import { LANGUAGES, isLanguage, type Language } from '../../i18n/index.ts';
import { useWords } from '../../i18n/use-words.ts';
import { rowLabel, setTranslation, stalePlace, staleTranslations, translationProgress, translationRows, type TranslationRow } from '../../model/translation-rows.ts';
import type { EditProps } from '../edit-props.ts';

const LONG: ReadonlySet<string> = new Set(['description', 'help']);

export function TranslationsView({ def, edit, selection }: EditProps) {
  const { t, language: uiLanguage } = useWords();
  // the other language than the one the designer is read in is the likelier target
  const [language, setLanguage] = useState<Language>(uiLanguage === 'nl' ? 'en' : 'nl');
  const [onlyOpen, setOnlyOpen] = useState(false);
  // a problem's "Go to" link opens the language it is about
  const wanted = selection?.type === 'translations' ? selection.language : null;
  useEffect(() => {
    if (wanted !== null && isLanguage(wanted)) setLanguage(wanted);
  }, [wanted]);
  const id = useId();
  const languageName = t(`translations.languageName.${language}`);
  const rows = translationRows(def, language);
  const progress = translationProgress(rows);
  const stale = staleTranslations(def, language);
  const shown = onlyOpen ? rows.filter((r) => r.translation.trim() === '') : rows;
  const groups = new Map<string, TranslationRow[]>();
  for (const row of shown) {
    const group = t(`translations.group.${row.owner}`);
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const change = (pointer: string, value: string) => edit((d) => setTranslation(d, language, pointer, value), `translation:${language}:${pointer}`);
  return (
    <div className="translations-view">
      <h2>{t('translations.heading')}</h2>
      <p className="muted">{t('translations.intro')}</p>
      <div className="button-row">
        <span className="filter">
          <label htmlFor={`${id}-language`}>{t('translations.into')}</label>{' '}
          <select
            id={`${id}-language`}
            value={language}
            onChange={(e) => {
              if (isLanguage(e.target.value)) setLanguage(e.target.value);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`translations.languageName.${l}`)}
              </option>
            ))}
          </select>
        </span>
        <label className="inline">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t('translations.onlyOpen')}
        </label>
        <p className="muted" data-testid="translation-progress">
          {t('translations.progress', { done: progress.done, total: progress.total, language: languageName })}
        </p>
      </div>
      {stale.length > 0 ? (
        <section className="card warning-box" aria-labelledby={`${id}-stale`}>
          <h3 id={`${id}-stale`}>{t('translations.staleHeading', { count: stale.length })}</h3>
          <p className="muted">{t('translations.staleIntro')}</p>
          <ul>
            {stale.map((s) => (
              <li key={s.pointer}>
                “{s.translation}” <span className="muted">({stalePlace(s.pointer)})</span>{' '}
                <button type="button" className="link" onClick={() => change(s.pointer, '')} aria-label={t('translations.removeStale', { language: languageName, text: s.translation })}>
                  {t('translations.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.length === 0 ? <p>{t('translations.none')}</p> : null}
      {rows.length > 0 && shown.length === 0 ? <p>{t('translations.allDone', { language: languageName })}</p> : null}
      {[...groups].map(([group, items]) => (
        <section key={group} className="card" aria-label={group}>
          <h3>{group}</h3>
          <table className="translations-table">
            <thead>
              <tr>
                <th scope="col">{t('translations.belongsTo')}</th>
                <th scope="col">{t('translations.asWritten')}</th>
                <th scope="col">{languageName}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => {
                const label = rowLabel(row, languageName, { t, language: uiLanguage });
                const inputId = `${id}-${row.pointer}`;
                return (
                  <tr key={row.pointer}>
                    <td>
                      {row.ownerName || t('translations.owner.caseType')} <span className="muted">· {t(`translations.kind.${row.kind}`)}</span>
                    </td>
                    <td lang="">{row.text}</td>
                    <td>
                      {LONG.has(row.kind) ? (
                        <textarea id={inputId} aria-label={label} lang={language} rows={2} value={row.translation} onChange={(e) => change(row.pointer, e.target.value)} />
                      ) : (
                        <input id={inputId} aria-label={label} lang={language} value={row.translation} onChange={(e) => change(row.pointer, e.target.value)} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
