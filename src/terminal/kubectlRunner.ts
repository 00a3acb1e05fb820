/**
 * The worker's kubectl over comlink (the s10 kubectl contract): callbacks
 * cross as comlink proxies, and every call waits for the cluster to start.
 */
import * as Comlink from 'comlink';
import type { Completion } from './completion';
import type { KubectlOutput, KubectlRunner } from './types';

/** The worker methods, as workers/cluster.worker.ts exposes them. */
export interface KubectlWorkerMethods {
  kubectlStart(line: string, files: Record<string, string>, onOutput: (chunk: KubectlOutput) => void, onExit: (exitCode: number) => void): number;
  kubectlCancel(id: number): void;
  kubectlComplete(line: string, cursor: number): Completion | Promise<Completion>;
}

export function makeKubectlRunner(remote: Comlink.Remote<KubectlWorkerMethods>, started: Promise<unknown>): KubectlRunner {
  return {
    async start(line, files, onOutput, onExit) {
      await started;
      return remote.kubectlStart(line, files, Comlink.proxy(onOutput), Comlink.proxy(onExit));
    },
    async cancel(id) {
      await started;
      await remote.kubectlCancel(id);
    },
    async complete(line, cursor) {
      await started;
      const c = await remote.kubectlComplete(line, cursor);
      return { from: c.from, candidates: [...c.candidates] };
    },
  };
}
