/**
 * The Monaco editor on the manifest model. The model outlives the component
 * (closing and reopening the dock keeps the text); markers of the last action
 * are set under their own owner beside monaco-yaml's.
 */
import { useEffect, useRef } from 'react';
import { monaco, MANIFEST_URI, setupMonaco } from './monaco/monaco';
import type { Problem } from './manifests';
import { editorFontSize, useDocumentTheme } from './useDocumentTheme';

export interface YamlEditorHandle {
  getText(): string;
  /** Replaces the whole text as one undoable edit. */
  replaceText(text: string): void;
  revealLine(line: number): void;
  focus(): void;
}

interface YamlEditorProps {
  initialText: string;
  problems: readonly Problem[];
  onReady(handle: YamlEditorHandle): void;
  onEdited(length: number): void;
  onShortcut(action: 'apply' | 'diff'): void;
}

const MARKER_OWNER = 'kube-playground';

function manifestModel(initialText: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(MANIFEST_URI);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(initialText, 'yaml', uri);
}

export function YamlEditor({ initialText, problems, onReady, onEdited, onShortcut }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Callbacks change identity on every render; the editor binds once and reads the latest.
  const latest = useRef({ onEdited, onShortcut });
  latest.current = { onEdited, onShortcut };
  const theme = useDocumentTheme();

  useEffect(() => {
    if (!host.current) return;
    setupMonaco();
    const model = manifestModel(initialText);
    const editor = monaco.editor.create(host.current, {
      model,
      theme: theme.dark ? 'vs-dark' : 'vs',
      automaticLayout: true,
      fontSize: editorFontSize(theme),
      lineHeight: Math.round(editorFontSize(theme) * 1.5),
      fontFamily: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      renderWhitespace: 'none',
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      // The dock is short; pinned parent lines would take a third of it.
      stickyScroll: { enabled: false },
      ariaLabel: 'Kubernetes manifest (YAML). Ctrl+Enter applies it to the cluster.',
      padding: { top: 8, bottom: 8 },
    });
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onShortcut('apply'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => latest.current.onShortcut('diff'));
    const hostEl = host.current;
    const showLength = () => (hostEl.dataset.length = String(model.getValueLength()));
    showLength();
    const sub = model.onDidChangeContent(() => {
      // For tests and tools: how much text the editor holds, without reading it out.
      showLength();
      latest.current.onEdited(model.getValueLength());
    });
    onReady({
      getText: () => model.getValue(),
      replaceText(text) {
        editor.pushUndoStop();
        editor.executeEdits('kube-playground', [{ range: model.getFullModelRange(), text }]);
        editor.pushUndoStop();
        editor.setPosition({ lineNumber: 1, column: 1 });
        editor.revealLine(1);
      },
      revealLine(line) {
        editor.revealLineInCenterIfOutsideViewport(line);
        editor.setPosition({ lineNumber: line, column: 1 });
      },
      focus: () => editor.focus(),
    });
    return () => {
      sub.dispose();
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      editor.dispose();
      editorRef.current = null;
    };
    // The editor is created once per mount; initialText only seeds a new model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // Monaco's theme is global: the diff view and any other editor follow too.
    monaco.editor.setTheme(theme.dark ? 'vs-dark' : 'vs');
    const size = editorFontSize(theme);
    editorRef.current?.updateOptions({ fontSize: size, lineHeight: Math.round(size * 1.5) });
  }, [theme.dark, theme.presenter]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      problems.map((p) => ({
        severity: monaco.MarkerSeverity.Error,
        message: p.message,
        source: 'kube-playground',
        startLineNumber: p.range.startLine,
        startColumn: p.range.startColumn,
        endLineNumber: p.range.endLine,
        endColumn: p.range.endColumn,
      })),
    );
  }, [problems]);

  return <div ref={host} className="yaml-editor" data-testid="editor-monaco" />;
}
