// The TypeScript types of the case data and event payloads (json-schema-to-typescript on the server,
// `POST /api/types`), shown and downloadable as `<key>.d.ts`.
import { useEffect, useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import type { ApiClient } from '../../api/client.ts';
import { downloadText } from '../../sim/download-text.ts';
import { useWords } from '../../i18n/use-words.ts';

type Load = { type: 'loading' } | { type: 'ready'; text: string } | { type: 'error'; message: string };

export function TypesView({ api, def }: { api: ApiClient; def: CaseType }) {
  const { t } = useWords();
  const [load, setLoad] = useState<Load>({ type: 'loading' });
  const [tick, setTick] = useState(0);
  // the whole definition: the server generates types only for a valid one, so fixing any error retries
  const source = JSON.stringify(def);
  useEffect(() => {
    let live = true;
    setLoad((l) => (l.type === 'ready' ? l : { type: 'loading' }));
    // ask again when the definition changes, after a short pause in typing
    const timer = setTimeout(() => {
      void api.dataTypes(def).then((r) => {
        if (!live) return;
        setLoad(r.ok ? { type: 'ready', text: r.value } : { type: 'error', message: r.message });
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, source, tick]);
  return (
    <div className="types-view">
      <h2>{t('editor.types.heading')}</h2>
      <p className="muted">
        {t('editor.types.introStart')} <code>dossier types</code>
        {t('editor.types.introPublished')} <code>GET /api/case-types/{def.key}/versions/&lt;v&gt;/types.d.ts</code>
        {t('editor.types.introEnd')}
      </p>
      <div className="button-row">
        <button type="button" disabled={load.type !== 'ready'} onClick={() => load.type === 'ready' && downloadText(`${def.key}.d.ts`, load.text, 'text/plain')}>
          {t('editor.types.download', { file: `${def.key}.d.ts` })}
        </button>
        <button type="button" onClick={() => setTick(tick + 1)}>
          {t('editor.types.regenerate')}
        </button>
      </div>
      {load.type === 'loading' ? <p role="status">{t('editor.types.generating')}</p> : null}
      {load.type === 'error' ? <p role="alert" className="error">{t('editor.types.failed', { message: load.message })}</p> : null}
      {load.type === 'ready' ? (
        <pre className="types-code" aria-label={t('editor.types.label')}>
          {load.text}
        </pre>
      ) : null}
    </div>
  );
}
