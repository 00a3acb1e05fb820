/** A cluster with one node whose kubelet runs on the real container runtime, for the kubelet's tests. */
import { createCluster, type Cluster } from '../../../cluster';
import type { KubeObject } from '../../../api/object';
import { startKubelet, type Kubelet } from '../kubelet';
import { createRuntime } from '../../runtime';
import type { ContainerConfig, ContainerProcess, ContainerRuntime } from '../../runtime/types';

export interface Setup {
  c: Cluster;
  k: Kubelet;
  runtime: ContainerRuntime;
  /** Every container the kubelet started, with the signals it sent them. */
  started: StartedContainer[];
}

export interface StartedContainer {
  config: ContainerConfig;
  process: ContainerProcess;
  signals: string[];
}

/** Records what the kubelet asks of the runtime; the runtime still does the work. */
function spy(runtime: ContainerRuntime, started: StartedContainer[]): ContainerRuntime {
  return {
    pull: (ref) => runtime.pull(ref),
    hasImage: (ref) => runtime.hasImage(ref),
    listImages: runtime.listImages ? () => runtime.listImages!() : undefined,
    start(config) {
      const process = runtime.start(config);
      const entry: StartedContainer = { config, process, signals: [] };
      const signal = process.signal.bind(process);
      process.signal = (sig) => {
        entry.signals.push(sig);
        signal(sig);
      };
      started.push(entry);
      return process;
    },
  };
}

export async function setup(opts: { preloaded?: string[]; cpu?: string; node?: 'worker-1' | 'control-plane' } = {}): Promise<Setup> {
  const c = await createCluster({ seed: 1, nodes: 1, controllers: [], kubelets: 'none' });
  const node = opts.node ?? 'worker-1';
  const started: StartedContainer[] = [];
  const runtime = spy(createRuntime(c.clock, c.rng, node), started);
  // Images already on the node, as kind preloads them (a pull is done once its duration has passed).
  let pulling = 0;
  for (const ref of opts.preloaded ?? []) {
    const r = runtime.pull(ref);
    if (r.ok) pulling = Math.max(pulling, r.durationMs);
  }
  const cp = node === 'control-plane';
  const k = startKubelet(c.components, {
    name: node,
    index: cp ? 0 : 1,
    controlPlane: cp,
    cpu: opts.cpu ?? (cp ? '2' : '4'),
    memory: cp ? '4028424Ki' : '8130124Ki',
    zone: cp ? 'zone-a' : 'zone-b',
    runtime,
    watch: (r, cb) => c.watch(r, cb),
  });
  // Let the service account controller make `default` before pods are created.
  c.clock.runFor(Math.max(1_000, pulling));
  return { c, k, runtime, started };
}

export function createPod(c: Cluster, spec: Record<string, unknown>, name = 'web', namespace = 'default', node = 'worker-1'): KubeObject {
  const r = c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: node, ...spec } } });
  if (r.status !== 201) throw new Error(`create pod: ${JSON.stringify(r.body)}`);
  return r.body as KubeObject;
}

export function getPod(c: Cluster, name = 'web', namespace = 'default'): KubeObject | undefined {
  const r = c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name });
  return r.status === 200 ? (r.body as KubeObject) : undefined;
}

export interface PodStatusView {
  phase?: string;
  podIP?: string;
  hostIP?: string;
  reason?: string;
  message?: string;
  startTime?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[];
  containerStatuses?: ContainerStatusView[];
  initContainerStatuses?: ContainerStatusView[];
}

export interface ContainerStatusView {
  name: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  state: { waiting?: { reason: string; message?: string }; running?: { startedAt: string }; terminated?: { exitCode: number; reason: string } };
  lastState: { terminated?: { exitCode: number; reason: string } };
}

export function statusOf(c: Cluster, name = 'web', namespace = 'default'): PodStatusView {
  return (getPod(c, name, namespace)?.status ?? {}) as PodStatusView;
}

/** Events of one object, oldest first, as `Reason: message`. */
export function eventsOf(c: Cluster, name = 'web', namespace = 'default'): string[] {
  const r = c.request({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace, query: { fieldSelector: `involvedObject.name=${name}` } });
  const items = (r.body as { items: { reason: string; message: string; metadata: { name: string } }[] }).items;
  // Event names end in the hex nanoseconds of their first occurrence.
  const first = (e: { metadata: { name: string } }) => BigInt(`0x${e.metadata.name.slice(e.metadata.name.lastIndexOf('.') + 1)}`);
  return items.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0)).map((e) => `${e.reason}: ${e.message}`);
}

/** How many times an event with this reason was recorded for an object (aggregated counts included). */
export function eventCount(c: Cluster, name: string, reason: string, namespace = 'default'): number {
  const r = c.request({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace, query: { fieldSelector: `involvedObject.name=${name}` } });
  const items = (r.body as { items: { reason: string; count?: number }[] }).items;
  return items.filter((e) => e.reason === reason).reduce((n, e) => n + (e.count ?? 1), 0);
}

/** Run until `cond` holds or `ms` of virtual time passed; returns whether it held. */
export function runUntil(c: Cluster, cond: () => boolean, ms = 60_000): boolean {
  c.clock.runUntil({ until: cond, time: c.clock.now() + ms });
  return cond();
}
