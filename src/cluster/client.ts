/**
 * The page's handle on the cluster worker: the same API requests every other
 * client makes, watches that deliver batches of events, and clock control.
 */
import * as Comlink from 'comlink';
import type { ApiRequest, ApiResponse, WatchEvent } from '../../workers/api/request';
import type { ClockMode } from '../../workers/clock/driver';
import type { ClusterClockState, ClusterStartInfo, ClusterWorkerApi, WorkerWatchOptions } from '../../workers/cluster.worker';
import { makeTimelineClient, type TimelineClient } from './timelineClient';
import type { ChaosAction } from '../../workers/chaos';
import { makeKubectlRunner, type KubectlWorkerMethods } from '../terminal/kubectlRunner';
import type { KubectlRunner } from '../terminal/types';

export interface ClusterClient {
  /** Resolves once the cluster exists; rejects if the worker could not create it. */
  readonly started: Promise<ClusterStartInfo>;
  request(req: ApiRequest): Promise<ApiResponse>;
  /** Starts a watch; `onEvents` gets arrays of events. Resolves to a function that stops it. */
  watch(req: ApiRequest, onEvents: (events: WatchEvent[]) => void, opts?: WorkerWatchOptions): Promise<() => void>;
  setMode(mode: ClockMode): Promise<void>;
  clock(): Promise<ClusterClockState>;
  /** Timeline, stepping, history reads, sessions and fork (workers/timeline/types.ts). */
  readonly timeline: TimelineClient;
  /** Break something on purpose (workers/chaos.ts): kubelets, partitions, memory, nodes, containers. Optional for wrappers and fakes. */
  chaos?(action: ChaosAction): Promise<ApiResponse>;
  /** The in-browser kubectl running in the worker (src/terminal/kubectlRunner.ts). Optional for wrappers and fakes. */
  readonly kubectl?: KubectlRunner;
  /** Stops the worker (and with it the cluster). */
  close(): void;
}

export interface ClusterClientOptions {
  seed?: number;
  /** Worker nodes besides the control plane (the cluster's default is 3). */
  nodes?: number;
}

const USER_AGENT = 'kube-playground-ui';

/** Wraps any comlink endpoint that exposes a ClusterWorkerApi (a Worker, or a MessagePort in tests). */
export function wrapClusterEndpoint(
  endpoint: Comlink.Endpoint,
  options: ClusterClientOptions = {},
  onClose: () => void = () => {},
): ClusterClient {
  const remote = Comlink.wrap<ClusterWorkerApi>(endpoint);
  const startOpts = {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.nodes === undefined ? {} : { nodes: options.nodes }),
  };
  const started = remote.start(startOpts);
  // Callers that only await `request` still see a failed start through the rejection below.
  started.catch(() => {});
  let closed = false;

  return {
    started,
    // comlink's remote answers every timeline method with a promise.
    timeline: makeTimelineClient(remote as unknown as Parameters<typeof makeTimelineClient>[0], started),
    // Typed by the kubectl contract until the worker's own types declare these methods.
    kubectl: makeKubectlRunner(remote as unknown as Comlink.Remote<KubectlWorkerMethods>, started),
    async chaos(action) {
      await started;
      return remote.chaos(action);
    },
    async request(req) {
      await started;
      return remote.request({ userAgent: USER_AGENT, ...req });
    },
    // The page's mirror keeps no managedFields (see WorkerWatchOptions); views that show them GET the object.
    async watch(req, onEvents, opts = { omitManagedFields: true }) {
      await started;
      const id = await remote.watch(
        { userAgent: USER_AGENT, ...req, verb: 'watch' },
        Comlink.proxy((events: WatchEvent[]) => {
          if (!closed) onEvents(events);
        }),
        opts,
      );
      let stopped = false;
      return () => {
        if (stopped || closed) return;
        stopped = true;
        void remote.unwatch(id);
      };
    },
    async setMode(mode) {
      await started;
      await remote.setMode(mode);
    },
    async clock() {
      await started;
      return remote.clock();
    },
    close() {
      if (closed) return;
      closed = true;
      remote[Comlink.releaseProxy]();
      onClose();
    },
  };
}

/** Starts the cluster in a module Web Worker (bundled by Vite from workers/cluster.worker.ts). */
export function connectClusterWorker(options: ClusterClientOptions = {}): ClusterClient {
  const worker = new Worker(new URL('../../workers/cluster.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kube-playground-cluster',
  });
  return wrapClusterEndpoint(worker, options, () => worker.terminate());
}
