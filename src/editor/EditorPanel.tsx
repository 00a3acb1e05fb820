/**
 * The YAML editor dock: Monaco with the Kubernetes schema, Apply / Diff /
 * Delete against the cluster, the example gallery, and the output of the
 * last action. Default export so the shell can mount it with React.lazy;
 * Monaco and the schema load with this chunk, never with the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useClusterSession } from '../cluster/ClusterContext';
import { applyAction } from './actions/applyAction';
import { deleteAction } from './actions/deleteAction';
import { diffAction } from './actions/diffAction';
import type { ActionContext, ActionOutcome, EditorActionName } from './actions/types';
import { DiffView } from './DiffView';
import { createEditorStore, type EditorState } from './editorStore';
import { ExamplesMenu } from './ExamplesMenu';
import { fetchExample, fetchGallery, type GalleryEntry } from './gallery';
import { loadManifestSchema } from './loadSchema';
import { MAX_MANIFEST_BYTES, tooLargeMessage } from './manifests';
import { schemaSupported, setManifestSchema } from './monaco/monaco';
import { NoticeToast } from './NoticeToast';
import { OutputPane } from './OutputPane';
import { STARTER_MANIFEST } from './starter';
import { registerEditorBuffer } from '../app/editorBuffer';
import { YamlEditor, type YamlEditorHandle } from './YamlEditor';
import './editor.css';

export interface EditorPanelProps {
  /** Shows a close button when given. */
  onClose?: () => void;
  /** Namespace for objects that name none (default `default`). */
  namespace?: string;
}

type SchemaState = 'loading' | 'ready' | 'failed' | 'off';

const SCHEMA_LABEL: Record<SchemaState, string> = {
  loading: 'Loading schema…',
  ready: 'Kubernetes v1.32 schema',
  failed: 'Schema unavailable',
  off: 'No schema hints in this build',
};

export default function EditorPanel({ onClose, namespace = 'default' }: EditorPanelProps) {
  const { client } = useClusterSession();
  const [store] = useState(createEditorStore);
  const use = <T,>(selector: (s: EditorState) => T) => useStore(store, selector);
  const busy = use((s) => s.busy);
  const problems = use((s) => s.problems);
  const notice = use((s) => s.notice);
  const results = use((s) => s.results);
  const diff = use((s) => s.diff);
  const confirmingDelete = use((s) => s.confirmingDelete);

  const editor = useRef<YamlEditorHandle | null>(null);
  const [schema, setSchema] = useState<SchemaState>(schemaSupported ? 'loading' : 'off');
  const [gallery, setGallery] = useState<GalleryEntry[] | null>(null);
  const [galleryError, setGalleryError] = useState<string | null>(null);
  const tooLarge = useRef(false);

  useEffect(() => {
    let live = true;
    if (schemaSupported) {
      loadManifestSchema().then(
        (s) => {
          setManifestSchema(s);
          if (live) setSchema('ready');
        },
        () => live && setSchema('failed'),
      );
    }
    fetchGallery().then(
      (g) => live && setGallery(g),
      (err: unknown) => live && setGalleryError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const run = useCallback(
    async (name: EditorActionName, force = false) => {
      const handle = editor.current;
      if (!handle || store.getState().busy) return;
      store.getState().begin(name);
      const ctx: ActionContext = { request: (req) => client.request(req), text: handle.getText(), defaultNamespace: namespace };
      let outcome: ActionOutcome;
      try {
        outcome =
          name === 'apply' ? await applyAction.perform(ctx, { force }) : name === 'diff' ? await diffAction.perform(ctx) : await deleteAction.perform(ctx);
      } catch (err) {
        // The worker answers errors as Status values; a throw here means the worker itself is gone.
        const message = err instanceof Error ? err.message : String(err);
        outcome = { action: name, ok: false, problems: [], results: [], notice: { tone: 'error', title: 'The cluster did not answer', message } };
      }
      store.getState().finish(outcome);
      const first = outcome.problems[0];
      if (first && !outcome.diff) handle.revealLine(first.range.startLine);
    },
    [client, namespace, store],
  );

  const onEdited = useCallback(
    (length: number) => {
      store.getState().textEdited();
      // Characters, not bytes: a cheap early warning; Apply checks the exact size.
      const over = length > MAX_MANIFEST_BYTES;
      if (over && !tooLarge.current) store.getState().showNotice({ tone: 'warn', title: 'This manifest is too large to apply', message: tooLargeMessage(length) });
      tooLarge.current = over;
    },
    [store],
  );

  const pickExample = useCallback(
    async (entry: GalleryEntry) => {
      try {
        const text = await fetchExample(entry);
        store.getState().closeDiff();
        editor.current?.replaceText(text);
        editor.current?.focus();
        store.getState().showNotice({ tone: 'info', title: `Loaded “${entry.title}”`, message: `${entry.description} Press Ctrl+Enter to apply it.` });
      } catch (err) {
        store.getState().showNotice({ tone: 'error', title: 'The example could not be loaded', message: err instanceof Error ? err.message : String(err) });
      }
    },
    [store],
  );

  const dismissNotice = useCallback(() => store.getState().showNotice(null), [store]);

  return (
    <section
      className="editor-panel"
      aria-label="YAML editor"
      data-testid="editor-panel"
      data-busy={busy ?? ''}
      // The shortcuts work from the toolbar and output too, not only inside Monaco (which handles its own).
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
        if ((e.target as Element).closest('.monaco-editor')) return;
        e.preventDefault();
        void run(e.shiftKey ? 'diff' : 'apply');
      }}
    >
      <header className="editor-toolbar">
        <div className="editor-title">
          <h2>YAML</h2>
          <span className={`editor-schema schema-${schema}`} data-testid="editor-schema" data-state={schema}>
            {SCHEMA_LABEL[schema]}
          </span>
        </div>
        <ExamplesMenu entries={gallery} error={galleryError} onPick={pickExample} />
        <div className="editor-spacer" />
        {confirmingDelete ? (
          <div className="editor-confirm" role="group" aria-label="Confirm delete">
            <span>Delete these objects from the cluster?</span>
            <button type="button" className="editor-button editor-button-danger" data-testid="editor-delete-confirm" onClick={() => void run('delete')}>
              Delete
            </button>
            <button type="button" className="editor-button" onClick={() => store.getState().setConfirmingDelete(false)} autoFocus>
              Cancel
            </button>
          </div>
        ) : (
          <>
            <button
              type="button"
              className="editor-button"
              title={`${diffAction.description} (${diffAction.shortcut})`}
              aria-keyshortcuts="Control+Shift+Enter"
              disabled={busy !== null}
              data-testid="editor-diff"
              onClick={() => void run('diff')}
            >
              {busy === 'diff' ? 'Comparing…' : 'Diff'}
            </button>
            <button
              type="button"
              className="editor-button"
              title={deleteAction.description}
              disabled={busy !== null}
              data-testid="editor-delete"
              onClick={() => store.getState().setConfirmingDelete(true)}
            >
              Delete
            </button>
          </>
        )}
        <button
          type="button"
          className="editor-button editor-button-primary"
          aria-label="Apply"
          title={`${applyAction.description} (${applyAction.shortcut})`}
          aria-keyshortcuts="Control+Enter"
          disabled={busy !== null}
          data-testid="editor-apply"
          onClick={() => void run('apply')}
        >
          {busy === 'apply' ? 'Applying…' : 'Apply'}
          <kbd className="editor-kbd">Ctrl ⏎</kbd>
        </button>
        {onClose && (
          <button type="button" className="editor-icon-button" aria-label="Close the YAML editor" onClick={onClose}>
            <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </header>
      <div className="editor-body">
        <div className="editor-main">
          <div className="editor-surface" hidden={diff !== null}>
            <YamlEditor
              initialText={STARTER_MANIFEST}
              problems={problems}
              onReady={(h) => {
                editor.current = h;
                // The terminal's `kubectl apply -f editor.yaml` reads this (the model outlives the panel).
                registerEditorBuffer(() => h.getText());
              }}
              onEdited={onEdited}
              onShortcut={(a) => void run(a)}
            />
          </div>
          {diff && (
            <div className="editor-diff">
              <div className="editor-diff-bar">
                <span className="editor-diff-summary" data-testid="editor-diff-summary">
                  {diff.summary}
                </span>
                <span className="editor-diff-legend">
                  <span className="editor-diff-item">
                    <span className="editor-diff-key key-live" aria-hidden="true" />
                    live now
                  </span>
                  <span className="editor-diff-item">
                    <span className="editor-diff-key key-after" aria-hidden="true" />
                    after apply (server dry run)
                  </span>
                </span>
                <button
                  type="button"
                  className="editor-button editor-button-small"
                  data-testid="editor-diff-close"
                  onClick={() => {
                    store.getState().closeDiff();
                    editor.current?.focus();
                  }}
                >
                  Back to editor
                </button>
              </div>
              <DiffView diff={diff} />
            </div>
          )}
          {notice && <NoticeToast notice={notice} onDismiss={dismissNotice} onForce={() => void run('apply', true)} />}
        </div>
        <OutputPane problems={problems} results={results} onJump={(line) => editor.current?.revealLine(line)} />
      </div>
    </section>
  );
}
