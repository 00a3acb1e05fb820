/**
 * Which nodes the autoscaler may remove (cluster-autoscaler/core/scaledown:
 * eligibility/eligibility.go, planner/planner.go, unneeded/nodes.go;
 * simulator/utilization/info.go; simulator/drainability/rules/*;
 * simulator/cluster.go FindNodesToRemove): a node whose requested cpu and
 * memory are both under 50% of allocatable, whose pods can all move (no
 * bare pods, no kube-system pods without a PDB, no local storage, no
 * safe-to-evict=false, PDBs allowing) and would fit on the other nodes.
 */
import type { KubeObject } from '../../api/object';
import { newPodInfo } from '../../scheduler/podInfo';
import type { NodeInfo } from '../../scheduler/nodeInfo';
import type { ClusterSnapshot, PredicateChecker } from './simulator';

/** --scale-down-utilization-threshold. */
export const UTILIZATION_THRESHOLD = 0.5;
export const SAFE_TO_EVICT = 'cluster-autoscaler.kubernetes.io/safe-to-evict';

export interface Utilization {
  cpu: number;
  memory: number;
  /** The bigger of the two, and which it is. */
  resource: 'cpu' | 'memory';
  value: number;
}

/** utilization.Calculate: requests of every pod on the node over allocatable. */
export function utilizationOf(node: NodeInfo): Utilization {
  const cpu = node.allocatable.milliCPU > 0 ? node.requested.milliCPU / node.allocatable.milliCPU : 0;
  const memory = node.allocatable.memory > 0 ? node.requested.memory / node.allocatable.memory : 0;
  return cpu >= memory ? { cpu, memory, resource: 'cpu', value: cpu } : { cpu, memory, resource: 'memory', value: memory };
}

/** utilization.Info printed with %v: `{0.75 0.1 0 cpu 0.75}`. */
export function utilizationString(u: Utilization): string {
  const f = (x: number) => String(Number(x.toPrecision(15)));
  return `{${f(u.cpu)} ${f(u.memory)} 0 ${u.resource} ${f(u.value)}}`;
}

interface PodLike extends KubeObject {
  spec?: { volumes?: { hostPath?: unknown; emptyDir?: unknown }[]; nodeName?: string };
  status?: { phase?: string };
}

export type PodDisposition = { kind: 'skip' } | { kind: 'move' } | { kind: 'block'; reason: string };

const controllerOf = (p: KubeObject) => p.metadata.ownerReferences?.find((r) => r.controller);

/** The drainability rules, in upstream's order; PDBs are passed as (selector matcher, disruptionsAllowed). */
export function podDisposition(pod: PodLike, pdbs: readonly { matches: (p: KubeObject) => boolean; allowed: number }[]): PodDisposition {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp) return { kind: 'skip' };
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return { kind: 'skip' };
  const owner = controllerOf(pod);
  if (owner?.kind === 'DaemonSet') return { kind: 'skip' };
  const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const safe = pod.metadata.annotations?.[SAFE_TO_EVICT];
  const pdb = pdbs.find((b) => b.matches(pod));
  if (pdb && pdb.allowed < 1) return { kind: 'block', reason: `not enough pod disruption budget to move ${id}` };
  if (safe === 'true') return { kind: 'move' };
  if (safe === 'false') return { kind: 'block', reason: `pod annotated as not safe to evict present: ${pod.metadata.name}` };
  if (!owner) return { kind: 'block', reason: `${id} is not replicated` };
  if (pod.metadata.namespace === 'kube-system' && !pdb) return { kind: 'block', reason: `non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: ${pod.metadata.name}` };
  if ((pod.spec?.volumes ?? []).some((v) => v.hostPath || v.emptyDir)) return { kind: 'block', reason: `pod with local storage present: ${pod.metadata.name}` };
  return { kind: 'move' };
}

export interface NodeVerdict {
  node: string;
  utilization: Utilization;
  /** Pods to evict when the node goes (empty: an empty node). */
  podsToMove: string[];
  /** Why it cannot go, if it cannot. */
  unremovable?: string;
}

/**
 * One pass over the candidates: each removable node's pods are placed on
 * the remaining nodes of the snapshot (and stay there for the next
 * candidate), as FindNodesToRemove does.
 */
export function findRemovable(input: {
  snapshot: ClusterSnapshot;
  checker: PredicateChecker;
  candidates: readonly string[];
  pdbs: readonly { matches: (p: KubeObject) => boolean; allowed: number }[];
}): NodeVerdict[] {
  let sim = input.snapshot.clone();
  const out: NodeVerdict[] = [];
  const removed = new Set<string>();
  for (const name of input.candidates) {
    const node = sim.get(name);
    if (!node) continue;
    const utilization = utilizationOf(node);
    const verdict: NodeVerdict = { node: name, utilization, podsToMove: [] };
    out.push(verdict);
    if (utilization.value >= UTILIZATION_THRESHOLD) {
      verdict.unremovable = 'NotUnderutilized';
      continue;
    }
    const moving: KubeObject[] = [];
    for (const p of node.pods) {
      const d = podDisposition(p.pod as PodLike, input.pdbs);
      if (d.kind === 'block') {
        verdict.unremovable = d.reason;
        break;
      }
      if (d.kind === 'move') moving.push(p.pod);
    }
    if (verdict.unremovable) continue;
    // Try the move on a copy: a node that cannot be emptied leaves the others as they were.
    const trial = sim.clone();
    trial.removeNode(name);
    let fits = true;
    for (const p of moving) {
      // The pod as it would be recreated: not yet bound anywhere (else NodeName pins it to the node going away).
      const info = newPodInfo({ ...p, spec: { ...(p.spec as Record<string, unknown>), nodeName: undefined } } as KubeObject);
      const dest = input.checker.fitsAny(trial, info, (n) => !removed.has(n.name));
      if (!dest) {
        fits = false;
        break;
      }
      trial.addPod(info, dest);
    }
    if (!fits) {
      verdict.unremovable = 'NoPlaceToMovePods';
      continue;
    }
    verdict.podsToMove = moving.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    removed.add(name);
    sim = trial;
  }
  return out;
}
