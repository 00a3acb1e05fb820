/**
 * Breaking things on purpose, through the same cluster every client uses:
 * stop or start a node's kubelet, cut a node off the network, exhaust its
 * memory, crash a container, remove a node, add one. Each returns a
 * Status-like answer so the UI and the terminal can report it.
 */
import type { Cluster } from './cluster';
import type { ApiResponse } from './api/request';
import * as S from './api/status';
import { MEMORY_AVAILABLE_THRESHOLD_BYTES } from './node/kubelet/eviction';
import { newQuantity } from './api/quantity/quantity';

export type ChaosAction =
  | { action: 'stopKubelet'; node: string }
  | { action: 'startKubelet'; node: string }
  | { action: 'crashContainer'; namespace: string; pod: string; container?: string }
  | { action: 'deleteNode'; node: string }
  | { action: 'addNode' }
  /** The node's kubelet can no longer reach the API server and traffic to and from the node is dropped; containers keep running. */
  | { action: 'partitionNode'; node: string }
  | { action: 'healNode'; node: string }
  /** A process on the node takes memory until memory.available is under the kubelet's eviction threshold (or takes `bytes`). */
  | { action: 'exhaustMemory'; node: string; bytes?: number }
  | { action: 'releaseMemory'; node: string };

/** Where exhaustMemory leaves memory.available by default: under the 100Mi hard threshold. */
export const EXHAUSTED_AVAILABLE_BYTES = 48 * 1024 * 1024;

/** Per cluster: which nodes are partitioned, and whether their kubelet ran before. */
const partitions = new WeakMap<Cluster, Map<string, { kubeletWasRunning: boolean }>>();

function partitionsOf(cluster: Cluster): Map<string, { kubeletWasRunning: boolean }> {
  let m = partitions.get(cluster);
  if (!m) partitions.set(cluster, (m = new Map()));
  return m;
}

const nodeNotFound = (node: string) => ({ status: 404, body: S.notFound({ group: '', resource: 'nodes' }, node) });
const conflict = (message: string): ApiResponse => ({ status: 409, body: { ...S.badRequest(message), reason: 'Conflict', code: 409 } });
const done = (message: string, details?: Record<string, string>): ApiResponse => ({ status: 200, body: { ...S.success(), message, ...(details ? { details } : {}) } });

export function runChaos(cluster: Cluster, a: ChaosAction): ApiResponse {
  switch (a.action) {
    case 'stopKubelet': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      k.stop();
      return done(`kubelet on ${a.node} stopped`);
    }
    case 'startKubelet': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      k.start();
      return done(`kubelet on ${a.node} started`);
    }
    case 'crashContainer': {
      const pod = cluster.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: a.namespace, name: a.pod });
      if (pod.status !== 200) return pod;
      const node = (pod.body as { spec?: { nodeName?: string } }).spec?.nodeName;
      const worker = node ? cluster.kubelets.get(node)?.workerFor(pod.body as never) : undefined;
      if (!worker?.crash(a.container)) {
        return { status: 400, body: S.badRequest(`pod ${a.pod} has no running container${a.container ? ` "${a.container}"` : ''} to crash`) };
      }
      return done(`container of ${a.namespace}/${a.pod} killed`);
    }
    case 'deleteNode': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      k.stop();
      cluster.kubelets.delete(a.node);
      // The machine is gone: its Node object goes too (pod GC cleans up its pods).
      const r = cluster.as('kube-playground')({ verb: 'delete', group: '', version: 'v1', resource: 'nodes', name: a.node });
      return r.status >= 400 ? r : done(`node ${a.node} removed`);
    }
    case 'addNode': {
      const name = cluster.addWorker();
      return done(`node ${name} added`, { name });
    }
    case 'partitionNode': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      const cut = partitionsOf(cluster);
      if (cut.has(a.node)) return conflict(`node ${a.node} is already partitioned`);
      cut.set(a.node, { kubeletWasRunning: k.running });
      // The kubelet cannot reach the API server: no lease renewals, no status, no pod updates.
      // Approximation: it also stops syncing its pods locally until the partition heals.
      k.stop();
      cluster.network?.setPartitioned(a.node, true);
      return done(`node ${a.node} partitioned from the network`);
    }
    case 'healNode': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      const cut = partitionsOf(cluster);
      const was = cut.get(a.node);
      if (!was) return conflict(`node ${a.node} is not partitioned`);
      cut.delete(a.node);
      cluster.network?.setPartitioned(a.node, false);
      if (was.kubeletWasRunning) k.start();
      return done(`node ${a.node} reconnected to the network`);
    }
    case 'exhaustMemory': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      if (a.bytes !== undefined && (!Number.isFinite(a.bytes) || a.bytes < 0)) return { status: 400, body: S.badRequest(`bytes must be a non-negative number, got ${String(a.bytes)}`) };
      const podsAndOthers = k.eviction.observe() - k.otherMemoryBytes;
      // Take what leaves memory.available just under the hard threshold, unless told how much.
      k.otherMemoryBytes = a.bytes ?? Math.max(0, podsAndOthers - EXHAUSTED_AVAILABLE_BYTES);
      const available = k.eviction.observe();
      const text = newQuantity(Math.max(0, available), 'BinarySI').toString();
      const under = available < MEMORY_AVAILABLE_THRESHOLD_BYTES;
      return done(`a process on ${a.node} took ${Math.round(k.otherMemoryBytes / 2 ** 20)}Mi of memory: memory.available is ${text}${under ? ', under the kubelet\'s eviction threshold (100Mi)' : ''}`);
    }
    case 'releaseMemory': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      if (k.otherMemoryBytes === 0) return conflict(`nothing on ${a.node} is holding extra memory`);
      k.otherMemoryBytes = 0;
      return done(`the process on ${a.node} released its memory`);
    }
  }
}
