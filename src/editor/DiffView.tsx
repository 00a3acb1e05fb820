/** Live objects beside what the server would store after the apply (a server dry run), in Monaco's diff editor. */
import { useEffect, useRef } from 'react';
import { monaco, setupMonaco } from './monaco/monaco';
import type { DiffResult } from './actions/types';
import { editorFontSize, useDocumentTheme } from './useDocumentTheme';

let nextId = 0;

export function DiffView({ diff }: { diff: DiffResult }) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();

  useEffect(() => {
    if (!host.current) return;
    setupMonaco();
    const id = nextId++;
    // Not named manifest.yaml: the manifest schema would flag server-set fields.
    const original = monaco.editor.createModel(diff.live, 'yaml', monaco.Uri.parse(`inmemory://kube-playground/diff-${id}/live.yaml`));
    const modified = monaco.editor.createModel(diff.merged, 'yaml', monaco.Uri.parse(`inmemory://kube-playground/diff-${id}/after.yaml`));
    const editor = monaco.editor.createDiffEditor(host.current, {
      theme: theme.dark ? 'vs-dark' : 'vs',
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      fontSize: editorFontSize(theme) - 1,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 6 },
      renderOverviewRuler: false,
      ariaLabel: 'Live objects (left) and the objects after apply (right)',
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
    // Theme changes are applied globally by the YAML editor; the diff is rebuilt only for a new diff.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [diff]);

  return <div ref={host} className="yaml-diff" data-testid="editor-diff-view" />;
}
