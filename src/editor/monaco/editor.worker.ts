// Monaco's own editor worker (diffs, links, word ranges), bundled by Vite as a module worker.
import 'monaco-editor/editor/editor.worker';
