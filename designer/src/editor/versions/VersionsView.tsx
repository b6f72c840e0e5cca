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

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatWhen(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : whenFormat.format(new Date(t));
}

const sideName = (value: string) => (value === DRAFT ? 'the current draft' : `version ${value}`);
const withoutVersion = (def: CaseType): CaseType => {
  const copy = { ...def };
  delete copy.version;
  return copy;
};

export function VersionsView({ api, def, latest, onRestore }: Props) {
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
  const entries = useMemo(() => (ready && from !== to ? diffCaseTypes(a, b) : []), [ready, a, b, from, to]);
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
    setRestored(`Version ${v.version} is now the draft. Undo brings back the draft you had.`);
    return null;
  };

  if (load.type === 'loading') return <p role="status">Loading the versions…</p>;
  if (load.type === 'error')
    return (
      <div role="alert" className="error-box">
        <p>Could not load the versions: {load.message}</p>
        <button type="button" onClick={() => void run()}>
          Retry
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
          Version {v.version}
        </option>
      ))}
      <option value={DRAFT}>Current draft</option>
    </>
  );
  return (
    <div className="versions-view">
      <h2>Versions of {def.title || key}</h2>
      {restored ? (
        <p role="status" className="ok">
          {restored}
        </p>
      ) : null}
      {versions.length === 0 ? (
        <p>Nothing is published yet: publish the draft to make version 1.</p>
      ) : (
        <table className="versions-table">
          <caption className="visually-hidden">Published versions</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published by</th>
              <th scope="col">When</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {options.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  Version {v.version}
                  {v.version === latest ? (
                    <>
                      {' '}
                      <span className="badge">latest</span>
                    </>
                  ) : null}
                </th>
                <td>{v.publishedBy ?? <span className="muted">not recorded</span>}</td>
                <td>
                  <time dateTime={v.publishedAt}>{formatWhen(v.publishedAt)}</time>
                </td>
                <td className="version-note">{v.note ?? <span className="muted">no note</span>}</td>
                <td>
                  <button type="button" onClick={() => setRestoring(v)}>
                    New draft from this version<span className="visually-hidden"> (version {v.version})</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {versions.length > 0 ? (
        <section className="versions-compare" aria-labelledby="compare-heading">
          <h3 id="compare-heading">Compare</h3>
          <div className="compare-controls">
            <label>
              Compare version
              <select value={from} onChange={(e) => setFrom(e.target.value)}>
                {choices}
              </select>
            </label>
            <label>
              with version
              <select value={to} onChange={(e) => setTo(e.target.value)}>
                {choices}
              </select>
            </label>
          </div>
          {from === to ? (
            <p>Choose two different versions to see what changed between them.</p>
          ) : a && 'error' in a ? (
            <p role="alert" className="error">Could not load {sideName(from)}: {a.error}</p>
          ) : b && 'error' in b ? (
            <p role="alert" className="error">Could not load {sideName(to)}: {b.error}</p>
          ) : !ready ? (
            <p role="status">Loading {sideName(from)} and {sideName(to)}…</p>
          ) : (
            <>
              <p role="status">
                {entries.length === 0
                  ? `No changes between ${sideName(from)} and ${sideName(to)}.`
                  : `${entries.length} change${entries.length === 1 ? '' : 's'} from ${sideName(from)} to ${sideName(to)}.`}
              </p>
              <DiffTables entries={entries} fromName={sideName(from)} toName={sideName(to)} />
              {canvas && (Object.keys(canvas.states).length > 0 || Object.keys(canvas.edges).length > 0) ? (
                <section className="versions-canvas" aria-labelledby="versions-canvas-heading" aria-describedby="versions-canvas-text">
                  <h3 id="versions-canvas-heading">Playbook changes on the canvas</h3>
                  <p id="versions-canvas-text" className="muted">
                    The playbook of {sideName(to)}, with what {sideName(from)} had and it has not. Each marked state says added, removed or changed;
                    the same changes are listed in words under States and Transitions above.
                  </p>
                  <PlaybookView
                    key={`${from}:${to}`}
                    def={canvas.def}
                    edit={() => undefined}
                    selection={selection}
                    select={setSelection}
                    overlay={{ active: [], coverage: null, marks: { states: canvas.states, edges: canvas.edges } }}
                    panel={
                      <ul className="diff-legend" aria-label="Legend">
                        <li className="legend-added">
                          <span className="legend-swatch" aria-hidden="true" /> Added: green, solid border, marked “added”
                        </li>
                        <li className="legend-removed">
                          <span className="legend-swatch" aria-hidden="true" /> Removed: red, dashed border, marked “removed”
                        </li>
                        <li className="legend-changed">
                          <span className="legend-swatch" aria-hidden="true" /> Changed: amber, double border, marked “changed”
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
