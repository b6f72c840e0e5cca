import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import { createI18n } from './i18n/index.ts';
import { startLanguage } from './i18n/user-language.ts';
import { takeTokenFromUrl } from './app/session.ts';
import './styles.css';

takeTokenFromUrl();
const i18n = createI18n(startLanguage());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
