import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { takeTokenFromUrl } from './app/session.ts';
import './styles.css';

// The languages (i18next, en.json, nl.json) load with the worker console (ConsolePage); the designer is English.
takeTokenFromUrl();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
