// The Language select (English / Nederlands) every header carries: switches at once and saves the choice for
// the signed-in user (docs/i18n.md). `id` keeps labels unique where two headers could be on one page.
import { LANGUAGES, isLanguage } from '../i18n/i18n.ts';
import { useI18n, useWords } from '../i18n/use-words.ts';
import { chooseLanguage } from '../i18n/user-language.ts';
import { useSignedInUser } from './signed-in-user.ts';

export function LanguageSelect({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, language } = useWords();
  const user = useSignedInUser();
  return (
    <span className="filter language-select">
      <label htmlFor={id}>{t('common.language')}</label>{' '}
      <select
        id={id}
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) chooseLanguage(i18n, user, e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`common.languages.${l}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
