// The editor workspace: toolbar (save, undo/redo, export, publish), the views (the versions among them) and
// the problems panel.
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/index.ts';
import type { ApiClient } from '../api/client.ts';
import { navigate, setNavigationBlocker } from '../app/router.ts';
import { downloadCaseType } from '../app/download.ts';
import { viewOf, type Selection, type View } from '../model/problem-target.ts';
import { useCaseTypeEditor } from './useCaseTypeEditor.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { FieldsView } from './fields/FieldsView.tsx';
import { RulesView } from './rules/RulesView.tsx';
import { PlaybookView } from '../canvas/PlaybookView.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { RolesQueuesView } from './roles/RolesQueuesView.tsx';
import { MessagesView } from './messages/MessagesView.tsx';
import { FeedbackSettings } from './messages/FeedbackSettings.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SlasView } from './slas/SlasView.tsx';
import { TypesView } from './types/TypesView.tsx';
import { TranslationsView } from './translations/TranslationsView.tsx';
import { SimulatorView, EMPTY_SIM_SESSION, type SimSession } from '../sim/SimulatorView.tsx';
import { VersionsView } from './versions/VersionsView.tsx';
import { BacktestView, EMPTY_BACKTEST_SESSION, type BacktestSession } from './backtest/BacktestView.tsx';
import { StageView } from '../stage/StageView.tsx';
import { PlaybookViewSwitch, type PlaybookMode } from '../stage/PlaybookViewSwitch.tsx';
import { useWords } from '../i18n/use-words.ts';

const JsonView = lazy(() => import('./json/JsonView.tsx').then((m) => ({ default: m.JsonView })));

/** The editing views, and the versions (published versions, compared; no problem leads there). */
type WorkspaceView = View | 'versions' | 'backtest';

/** The tabs, in order; each tab's name is editor.views.<view>. */
const VIEWS: WorkspaceView[] = ['fields', 'rules', 'playbook', 'roles', 'slas', 'messages', 'simulator', 'types', 'translations', 'json', 'versions', 'backtest'];

/** The focus is where typing goes: a text box, a select, a Monaco editor or anything editable. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.monaco-editor')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

interface Props {
  api: ApiClient;
  initial: CaseType;
  published: CaseType | null;
  onPublished: (def: CaseType) => void;
}

export function Workspace({ api, initial, published, onPublished }: Props) {
  const { t } = useWords();
  const editor = useCaseTypeEditor(api, initial);
  const { def } = editor;
  const [view, setView] = useState<WorkspaceView>('fields');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [sample, setSample] = useState<Record<string, unknown>>(() => (initial.samples?.[0]?.data as Record<string, unknown>) ?? {});
  const [publishing, setPublishing] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [simSession, setSimSession] = useState<SimSession>(EMPTY_SIM_SESSION);
  const [backtestSession, setBacktestSession] = useState<BacktestSession>(EMPTY_BACKTEST_SESSION);
  const [playbookMode, setPlaybookMode] = useState<PlaybookMode>('canvas');
  // the problems panel's width, dragged or set with the arrow keys on its separator, kept in localStorage
  const layout = useDefaultLayout({ id: 'dossier-editor-problems', panelIds: ['view', 'problems'], storage: localStorage, onlySaveAfterUserInteractions: true });
  const deferred = useDeferredValue(def);
  const problems = useMemo(() => validateCaseType(deferred), [deferred]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  const select = (s: Selection) => {
    setSelection(s);
    setView(viewOf(s));
  };

  const { dirty, undo, redo, saveDraft } = editor;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target) && !document.querySelector('[role="dialog"], [role="menu"]')) {
        e.preventDefault();
        setShortcuts(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.target instanceof Element && e.target.closest('.monaco-editor')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      } else if (k === 's') {
        e.preventDefault();
        void saveDraft();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, saveDraft]);

  useEffect(() => {
    if (!dirty) {
      setNavigationBlocker(null);
      return;
    }
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    setNavigationBlocker(() => window.confirm(t('editor.workspace.leaveUnsaved')));
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      setNavigationBlocker(null);
    };
  }, [dirty, t]);

  /** What the tab of a view shows. */
  const viewContent = (v: WorkspaceView): ReactNode => {
    switch (v) {
      case 'fields':
        return <FieldsView def={def} edit={editor.edit} selection={selection} select={setSelection} sample={sample} setSample={setSample} />;
      case 'rules':
        return <RulesView def={def} edit={editor.edit} selection={selection} select={setSelection} sample={sample} />;
      case 'playbook':
        return (
          <>
            <PlaybookViewSwitch mode={playbookMode} setMode={setPlaybookMode} />
            {playbookMode === 'canvas' ? <PlaybookView def={def} edit={editor.edit} selection={selection} select={setSelection} /> : null}
            {playbookMode === 'stages' ? <StageView def={def} edit={editor.edit} selection={selection} select={setSelection} /> : null}
          </>
        );
      case 'roles':
        return <RolesQueuesView def={def} edit={editor.edit} selection={selection} select={setSelection} />;
      case 'messages':
        return (
          <>
            <MessagesView def={def} edit={editor.edit} selection={selection} select={setSelection} />
            <FeedbackSettings def={def} edit={editor.edit} />
          </>
        );
      case 'slas':
        return <SlasView def={def} edit={editor.edit} selection={selection} />;
      case 'simulator':
        return <SimulatorView def={def} errorCount={errorCount} edit={editor.edit} preview={sample} session={simSession} setSession={setSimSession} api={api} latestVersion={published?.version ?? null} />;
      case 'types':
        return <TypesView api={api} def={def} />;
      case 'translations':
        return <TranslationsView def={def} edit={editor.edit} selection={selection} select={setSelection} />;
      case 'versions':
        return <VersionsView api={api} def={def} latest={published?.version ?? null} onRestore={editor.restore} />;
      case 'backtest':
        return (
          <BacktestView
            api={api}
            def={def}
            published={published}
            errorCount={errorCount}
            session={backtestSession}
            setSession={setBacktestSession}
            onOpenCase={({ sim, reference, refused }) => {
              // the case's history replayed on the draft: the simulator goes on from where it ended
              setSimSession({ ...EMPTY_SIM_SESSION, sim, replayOf: { reference, refused } });
              setView('simulator');
            }}
          />
        );
      case 'json':
        return (
          <Suspense fallback={<p role="status">{t('editor.workspace.loadingJson')}</p>}>
            <JsonView def={def} edit={editor.edit} reveal={selection?.type === 'json' ? selection.pointer : null} />
          </Suspense>
        );
      default: {
        const _never: never = v;
        return _never;
      }
    }
  };

  return (
    <div className="workspace">
      <header className="toolbar">
        <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
          {t('editor.page.back')}
        </a>
        <h1>
          {def.title || def.key}{' '}
          <span className="muted">{published?.version ? t('editor.workspace.publishedVersion', { key: def.key, version: published.version }) : t('editor.workspace.notPublished', { key: def.key })}</span>
        </h1>
        <SaveStatus state={editor.save} />
        <button type="button" onClick={() => void editor.saveDraft()} disabled={!editor.dirty || editor.save.type === 'saving'}>
          {t('editor.workspace.saveDraft')}
        </button>
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo} aria-keyshortcuts="Control+Z">
          {t('editor.workspace.undo')}
        </button>
        <button type="button" onClick={editor.redo} disabled={!editor.canRedo} aria-keyshortcuts="Control+Shift+Z">
          {t('editor.workspace.redo')}
        </button>
        <button type="button" onClick={() => downloadCaseType(def)}>
          {t('editor.workspace.export')}
        </button>
        <button type="button" onClick={() => setShortcuts(true)} aria-keyshortcuts="?">
          {t('editor.workspace.shortcuts')}
        </button>
        <LanguageSelect id="editor-language" />
        <button type="button" onClick={() => setPublishing(true)} aria-describedby="publish-hint">
          {t('editor.workspace.publish')}
        </button>
        <span id="publish-hint" className="muted">
          {errorCount > 0 ? t('editor.workspace.fixToPublish', { count: errorCount }) : t('editor.workspace.readyToPublish')}
        </span>
      </header>
      {/* Radix Tabs: arrow keys move between the tabs (Home/End to the ends), Enter or Space opens one (manual
          activation: opening the playbook or the JSON editor takes a moment, so the arrows do not open each tab
          they pass) */}
      <Tabs.Root value={view} onValueChange={(v) => setView(v as WorkspaceView)} activationMode="manual" className="workspace-tabs">
        <Tabs.List aria-label={t('editor.workspace.views')} className="tabs">
          {VIEWS.map((v) => (
            <Tabs.Trigger key={v} value={v}>
              {t(`editor.views.${v}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Group orientation="horizontal" className="workspace-body" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
          <Panel id="view" minSize="35%" className="workspace-view">
            {VIEWS.map((v) => (
              <Tabs.Content key={v} value={v} className="view-panel">
                {view === v ? viewContent(v) : null}
              </Tabs.Content>
            ))}
          </Panel>
          <Separator className="resize-handle" aria-label={t('editor.workspace.resizeProblems')} />
          <Panel id="problems" defaultSize="320px" minSize="200px" maxSize="60%" groupResizeBehavior="preserve-pixel-size" className="workspace-problems">
            <ProblemsPanel def={deferred} problems={problems} onSelect={select} />
          </Panel>
        </Group>
      </Tabs.Root>
      {shortcuts ? <ShortcutsDialog onClose={() => setShortcuts(false)} /> : null}
      {publishing ? (
        <PublishDialog
          api={api}
          def={def}
          published={published}
          errorCount={errorCount}
          saveDraft={editor.saveDraft}
          onClose={() => setPublishing(false)}
          onPublished={onPublished}
        />
      ) : null}
    </div>
  );
}
