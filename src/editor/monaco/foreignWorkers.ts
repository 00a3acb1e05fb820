/**
 * monaco-yaml 5.5 asks Monaco for its worker by label (`createWebWorker({ label,
 * moduleId, createData })`), the pre-0.55 contract. Monaco 0.55+ wants the
 * Worker itself in `opts.worker` and no longer sends `createData`. This
 * bridges the two: it makes the worker from our factory and sends the two
 * messages monaco-worker-manager's worker waits for (one that starts it, then
 * the create data), before Monaco's own protocol begins.
 * See remcohaszing/monaco-yaml#272.
 */
import type { editor as MonacoEditorNs } from 'monaco-editor/editor/editor.api';

type CreateWebWorker = typeof MonacoEditorNs.createWebWorker;

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  worker?: Worker | Promise<Worker>;
}

export function bridgeLabelledWorkers(editorNs: { createWebWorker: CreateWebWorker }, makeWorker: (label: string) => Worker | undefined): void {
  const original = editorNs.createWebWorker;
  const bridged = (opts: LegacyWorkerOptions) => {
    if (opts.worker || !opts.label) return original(opts as Parameters<CreateWebWorker>[0]);
    const worker = makeWorker(opts.label);
    if (!worker) return original(opts as Parameters<CreateWebWorker>[0]);
    worker.postMessage('start');
    worker.postMessage(opts.createData ?? {});
    return original({ ...opts, worker } as Parameters<CreateWebWorker>[0]);
  };
  editorNs.createWebWorker = bridged as CreateWebWorker;
}
