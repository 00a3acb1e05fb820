/**
 * The DaemonSet rolling update (pkg/controller/daemon/update.go rollingUpdate):
 * without surge, delete old pods while fewer than maxUnavailable nodes are
 * unavailable and let `manage` recreate them; with surge, start a new pod
 * beside an old one (up to maxSurge at a time) and delete the old pod once
 * the new one is available.
 */
import { scaledValue } from '../deployment/util';
import { isPodAvailable } from '../replicaset/podUtil';
import type { Pod } from '../replicaset/types';
import { nodeShouldRunDaemonPod, templateGeneration, TEMPLATE_GENERATION_LABEL } from './nodePlacement';
import type { DaemonSet, Node } from './types';

/** IsPodUpdated: the pod carries the current hash (or the current template generation). */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const templateMatches = generation !== undefined && pod.metadata.labels?.[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && pod.metadata.labels?.['controller-revision-hash'] === hash;
  return hashMatches || templateMatches;
}

const intOrPercent = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? v : undefined);

function count(v: unknown, desired: number): number {
  const r = scaledValue(intOrPercent(v), desired, true);
  return typeof r === 'number' ? r : 0;
}

/** SurgeCount / UnavailableCount for a RollingUpdate DaemonSet. */
export function surgeCount(ds: DaemonSet, desired: number): number {
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') return 0;
  return count(ds.spec.updateStrategy.rollingUpdate?.maxSurge, desired);
}

export function unavailableCount(ds: DaemonSet, desired: number): number {
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') return 0;
  return count(ds.spec.updateStrategy.rollingUpdate?.maxUnavailable, desired);
}

export const allowsSurge = (ds: DaemonSet) => surgeCount(ds, 1) > 0;

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok. */
export function findUpdatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const gen = templateGeneration(ds);
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, gen)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

export interface RollingStep {
  podsToDelete: string[];
  nodesToCreate: string[];
}

/**
 * rollingUpdate: `nodeToPods` holds the live daemon pods by node name, in
 * node-name order; `nodes` is every node.
 */
export function rollingUpdate(ds: DaemonSet, nodes: readonly Node[], nodeToPods: Map<string, Pod[]>, hash: string, nowMs: number): RollingStep {
  const minReady = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, nowMs);
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name!, n]));
  // updatedDesiredNodeCounts: nodes that want a pod count even without one.
  let desired = 0;
  for (const n of nodes) {
    if (!nodeShouldRunDaemonPod(n, ds).shouldRun) continue;
    desired++;
    if (!nodeToPods.has(n.metadata.name!)) nodeToPods.set(n.metadata.name!, []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const entries = [...nodeToPods.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const [, pods] of entries) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, pods, hash);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          allowed.push(oldPod.metadata.name!);
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) candidates.push(oldPod.metadata.name!);
      }
    }
    const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
    return { podsToDelete: [...allowed, ...candidates.slice(0, remaining)], nodesToCreate: [] };
  }

  const oldPodsToDelete: string[] = [];
  const shouldNotRun: Pod[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of entries) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod ? available(oldPod) : newPod ? available(newPod) : false) numAvailable++;
    if (!oldPod) continue;
    const node = nodeByName.get(nodeName);
    if (!newPod) {
      const run = node ? nodeShouldRunDaemonPod(node, ds).shouldRun : false;
      if (!available(oldPod)) {
        if (!run) oldPodsToDelete.push(oldPod.metadata.name!);
        else allowedNewNodes.push(nodeName);
      } else if (!run) shouldNotRun.push(oldPod);
      else if (numSurge < maxSurge) candidateNewNodes.push(nodeName);
      continue;
    }
    if (!available(newPod)) {
      numSurge++;
      continue;
    }
    oldPodsToDelete.push(oldPod.metadata.name!);
  }
  // Pods on nodes that no longer want them go only while enough others are available.
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  for (const p of shouldNotRun.slice(0, Math.max(deletable, 0))) if (!p.metadata.deletionTimestamp) oldPodsToDelete.push(p.metadata.name!);
  const remainingSurge = Math.min(Math.max(maxSurge - numSurge, 0), candidateNewNodes.length);
  return { podsToDelete: oldPodsToDelete, nodesToCreate: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)] };
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
export function byCreationAndPhase(a: Pod, b: Pod): number {
  const an = !!a.spec?.nodeName;
  const bn = !!b.spec?.nodeName;
  if (an !== bn) return an ? -1 : 1;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta === tb) return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
  return ta - tb;
}
