/**
 * Monaco, as much of it as a YAML editor needs (the editor, its standard
 * contributions and the YAML grammar; no TypeScript/CSS/HTML services), with
 * monaco-yaml on top. Imported only by the lazily loaded editor panel, so all
 * of it lives in the panel's chunks.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml';
import { bridgeLabelledWorkers } from './foreignWorkers';
import { createYamlWorker } from './yamlWorker';
import type { JsonSchema } from '../schema';

export { monaco };

/** The model the editor edits; the schema is bound to this file name. */
export const MANIFEST_URI = 'file:///kube-playground/manifest.yaml';

function makeWorker(label: string): Worker | undefined {
  if (label === 'yaml') return createYamlWorker?.();
  if (label === 'editorWorkerService') return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: 'monaco-editor' });
  return undefined;
}

let ready = false;
let yaml: MonacoYaml | null = null;

/** Schema completion, hover and validation need monaco-yaml's worker (see yamlWorker.ts). */
export const schemaSupported = createYamlWorker !== null;

/** Workers and YAML support; idempotent. The schema comes later (`setManifestSchema`). */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  globalThis.MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string) => {
      const w = makeWorker(label);
      if (!w) throw new Error(`no Monaco worker for label ${label}`);
      return w;
    },
  };
  if (!schemaSupported) return monaco;
  bridgeLabelledWorkers(monaco.editor, makeWorker);
  yaml = configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    // Kubernetes reads YAML 1.1 (go-yaml v2): `on`/`yes` are booleans, `0644` is octal.
    yamlVersion: '1.1',
    schemas: [],
  });
  return monaco;
}

export function setManifestSchema(schema: JsonSchema): void {
  void yaml?.update({
    schemas: [{ uri: 'inmemory://kube-playground/kubernetes-v1.32.json', fileMatch: [MANIFEST_URI, '**/manifest.yaml'], schema }],
  });
}
