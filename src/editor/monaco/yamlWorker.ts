/**
 * The monaco-yaml language-server worker. monaco-yaml 5.5's worker imports
 * `monaco-editor/esm/vs/editor/editor.worker.js`, a path monaco-editor 0.57's
 * `exports` map no longer serves; vite.config.ts aliases it back.
 */
export const createYamlWorker: (() => Worker) | null = () => new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module', name: 'monaco-yaml' });
