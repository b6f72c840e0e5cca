// The versions of a case type: every published version with who published it, when (in the reader's
// locale) and the note; any two (or a version and the current draft) compared side by side, in words and
// on the canvas in colour; "New draft from this version" puts a version back as the draft, after a
// confirmation that says the current draft will be replaced.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import type { ApiClient, VersionSummary } from '../../api/client.ts';
import { PlaybookView } from '../../canvas/PlaybookView.tsx';
import type { Selection } from '../../model/problem-target.ts';
import { diffCaseTypes } from '../../model/diff.ts';
import { canvasDiff } from '../../model/version-canvas.ts';
import { DiffTables } from './DiffTables.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { useWords } from '../../i18n/use-words.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { Language, Translate } from '../../i18n/i18n.ts';
import { migratePath, navigate } from '../../app/router.ts';

interface Props {
  api: ApiClient;
  /** The current draft, as the editor holds it. */
  def: CaseType;
  /** The latest published version number (a publish reloads the list). */
  latest: number | null;
  /** Puts a restored definition in the editor, saved as the draft already. */
  onRestore: (def: CaseType) => void;
}

type Load = { type: 'loading' } | { type: 'error'; message: string } | { type: 'ready'; versions: VersionSummary[] };

const DRAFT = 'draft';

/** A publication time in the reader's language ("5 Jan 2026, 09:30"); an unreadable one as it came. */
export function formatWhen(iso: string, language: Language = 'en'): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatDateTime(t, language);
}

const sideNameIn = (t: Translate) => (value: string) => (value === DRAFT ? t('versions.side.draft') : t('versions.side.version', { version: value }));
const withoutVersion = (def: CaseType): CaseType => {
  const copy = { ...def };
  delete copy.version;
  return copy;
};

export function VersionsView({ api, def, latest, onRestore }: Props) {
  const words = useWords();
  const { t, language } = words;
  const sideName = sideNameIn(t);
  const key = def.key;
  const [load, setLoad] = useState<Load>({ type: 'loading' });
  const [defs, setDefs] = useState<Record<number, CaseType | { error: string }>>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);

  const run = useCallback(async () => {
    setLoad({ type: 'loading' });
    const r = await api.listVersions(key);
    // 404: nothing published yet
    if (!r.ok && r.status !== 404) return setLoad({ type: 'error', message: r.message });
    const versions = r.ok ? r.value : [];
    setLoad({ type: 'ready', versions });
    const last = versions.at(-1);
    const before = versions.at(-2);
    setFrom((f) => f || String(before?.version ?? last?.version ?? ''));
    setTo((t) => t || (before ? String(last?.version ?? '') : DRAFT));
  }, [api, key]);
  useEffect(() => {
    void run();
  }, [run, latest]);

  // the definitions of the versions being compared, each fetched once
  useEffect(() => {
    for (const side of [from, to]) {
      const n = Number(side);
      if (side === '' || side === DRAFT || defs[n] !== undefined) continue;
      void api.getVersion(key, n).then((r) => setDefs((d) => ({ ...d, [n]: r.ok ? r.value : { error: r.message } })));
    }
  }, [api, key, from, to, defs]);

  const sideDef = (side: string): CaseType | { error: string } | undefined => (side === DRAFT ? def : side === '' ? undefined : defs[Number(side)]);
  const a = sideDef(from);
  const b = sideDef(to);
  const ready = a !== undefined && b !== undefined && !('error' in a) && !('error' in b);
  const entries = useMemo(() => (ready && from !== to ? diffCaseTypes(a, b, words) : []), [ready, a, b, from, to, words]);
  const canvas = useMemo(() => (ready && from !== to ? canvasDiff(a, b, entries) : null), [ready, a, b, from, to, entries]);

  const restore = async (v: VersionSummary): Promise<string | null> => {
    let got = defs[v.version];
    if (got === undefined) {
      const r = await api.getVersion(key, v.version);
      got = r.ok ? r.value : { error: r.message };
    }
    if ('error' in got) return got.error;
    const draft = withoutVersion(got);
    const saved = await api.saveDraft(draft);
    if (!saved.ok) return saved.message;
    onRestore(draft);
    setRestored(t('versions.view.restored', { version: v.version }));
    return null;
  };

  if (load.type === 'loading') return <p role="status">{t('versions.view.loading')}</p>;
  if (load.type === 'error')
    return (
      <div role="alert" className="error-box">
        <p>{t('versions.view.loadFailed', { message: load.message })}</p>
        <button type="button" onClick={() => void run()}>
          {t('versions.view.retry')}
        </button>
      </div>
    );
  const versions = load.versions;
  const options = [...versions].reverse();
  // the versions and the draft, the same in both selects
  const choices = (
    <>
      {options.map((v) => (
        <option key={v.version} value={String(v.version)}>
          {t('versions.view.version', { version: v.version })}
        </option>
      ))}
      <option value={DRAFT}>{t('versions.view.currentDraft')}</option>
    </>
  );
  return (
    <div className="versions-view">
      <h2>{t('versions.view.heading', { title: def.title || key })}</h2>
      {restored ? (
        <p role="status" className="ok">
          {restored}
        </p>
      ) : null}
      {versions.length === 0 ? (
        <p>{t('versions.view.nothingPublished')}</p>
      ) : (
        <table className="versions-table">
          <caption className="visually-hidden">{t('versions.view.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('versions.view.colVersion')}</th>
              <th scope="col">{t('versions.view.colPublishedBy')}</th>
              <th scope="col">{t('versions.view.colWhen')}</th>
              <th scope="col">{t('versions.view.colNote')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('versions.view.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {options.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  {t('versions.view.version', { version: v.version })}
                  {v.version === latest ? (
                    <>
                      {' '}
                      <span className="badge">{t('versions.view.latest')}</span>
                    </>
                  ) : null}
                </th>
                <td>{v.publishedBy ?? <span className="muted">{t('versions.view.notRecorded')}</span>}</td>
                <td>
                  <time dateTime={v.publishedAt}>{formatWhen(v.publishedAt, language)}</time>
                </td>
                <td className="version-note">{v.note ?? <span className="muted">{t('versions.view.noNote')}</span>}</td>
                <td>
                  <button type="button" onClick={() => setRestoring(v)}>
                    {t('versions.view.newDraft')}
                    <span className="visually-hidden">{t('versions.view.newDraftDetail', { version: v.version })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {versions.length > 0 ? (
        <section className="versions-compare" aria-labelledby="compare-heading">
          <h3 id="compare-heading">{t('versions.view.compare')}</h3>
          <div className="compare-controls">
            <label>
              {t('versions.view.compareVersion')}
              <select value={from} onChange={(e) => setFrom(e.target.value)}>
                {choices}
              </select>
            </label>
            <label>
              {t('versions.view.withVersion')}
              <select value={to} onChange={(e) => setTo(e.target.value)}>
                {choices}
              </select>
            </label>
          </div>
          {from !== to && from !== DRAFT && to !== DRAFT && from !== '' && to !== '' ? (
            <p className="versions-migrate">
              <button type="button" onClick={() => navigate(migratePath(key, Number(from), Number(to)))}>
                {t('migrations.entry.between', { from, to })}
              </button>
            </p>
          ) : null}
          {from === to ? (
            <p>{t('versions.view.chooseTwo')}</p>
          ) : a && 'error' in a ? (
            <p role="alert" className="error">{t('versions.view.couldNotLoad', { side: sideName(from), error: a.error })}</p>
          ) : b && 'error' in b ? (
            <p role="alert" className="error">{t('versions.view.couldNotLoad', { side: sideName(to), error: b.error })}</p>
          ) : !ready ? (
            <p role="status">{t('versions.view.loadingSides', { from: sideName(from), to: sideName(to) })}</p>
          ) : (
            <>
              <p role="status">
                {entries.length === 0
                  ? t('versions.view.noChanges', { from: sideName(from), to: sideName(to) })
                  : t('versions.view.changes', { count: entries.length, from: sideName(from), to: sideName(to) })}
              </p>
              <DiffTables entries={entries} fromName={sideName(from)} toName={sideName(to)} />
              {canvas && (Object.keys(canvas.states).length > 0 || Object.keys(canvas.edges).length > 0) ? (
                <section className="versions-canvas" aria-labelledby="versions-canvas-heading" aria-describedby="versions-canvas-text">
                  <h3 id="versions-canvas-heading">{t('versions.view.canvasHeading')}</h3>
                  <p id="versions-canvas-text" className="muted">
                    {t('versions.view.canvasText', { to: sideName(to), from: sideName(from) })}
                  </p>
                  <PlaybookView
                    key={`${from}:${to}`}
                    def={canvas.def}
                    edit={() => undefined}
                    selection={selection}
                    select={setSelection}
                    overlay={{ active: [], coverage: null, marks: { states: canvas.states, edges: canvas.edges } }}
                    panel={
                      <ul className="diff-legend" aria-label={t('versions.view.legend')}>
                        <li className="legend-added">
                          <span className="legend-swatch" aria-hidden="true" /> {t('versions.view.legendAdded')}
                        </li>
                        <li className="legend-removed">
                          <span className="legend-swatch" aria-hidden="true" /> {t('versions.view.legendRemoved')}
                        </li>
                        <li className="legend-changed">
                          <span className="legend-swatch" aria-hidden="true" /> {t('versions.view.legendChanged')}
                        </li>
                      </ul>
                    }
                  />
                </section>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      {restoring ? (
        <RestoreDialog
          version={restoring.version}
          onConfirm={() => restore(restoring)}
          onClose={() => setRestoring(null)}
        />
      ) : null}
    </div>
  );
}
